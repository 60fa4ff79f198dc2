"""What the classifier knows of a clause: named features from grammar, meaning and context.

Every feature is a general fact about Swedish or about the layout of minutes (the subject
is a person, the verb is in the present tense, the clause is an att-clause under a
decision, the line sits under an "Att göra" heading), never a word of one document: the
weights learned for them (classify.py) must carry over to minutes nobody has seen.
"""

from __future__ import annotations

from collections.abc import Sequence

from actiontrack.extract import meanings
from actiontrack.extract.clause import Clause, complements, upos
from actiontrack.extract.phrases import is_time
from actiontrack.extract.tagger import known_as_verb
from actiontrack.people import looks_like_first_name
from actiontrack.records import record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from actiontrack.extract.clause import Tagged

HEDGE_MODALS = {"kunna", "böra", "vilja", "få", "torde", "må"}
_DEFINITE_ENDINGS = ("en", "an", "et", "na", "erna", "arna", "orna", "ningen", "heten")


@record(frozen=True)
class Context:
    """Where a sentence stands in the minutes, as the structure stage saw it."""

    block: str = "paragraph"  # "bullet", "line" (a paragraph of one line), "paragraph"
    first_in_block: bool = True
    heading: str = ""  # "todo", "decisions", "deferred", "misc", "agenda", "views", "report", ""
    label: str = ""  # the same kinds, for a "Beslut:" label above the sentence
    decision_inline: bool = False  # "Beslut: att ..." on the line itself
    owner_marked: bool = False  # "(Eva)", "- Eva", ": Eva", "@Eva", "Eva:" on the line
    names: frozenset[str] = frozenset()  # the document's people, case-folded names and first names
    own_body: frozenset[str] = frozenset()  # lemmas of the meeting's own body ("råd" in "Brukarrådet")


def subject_kind(
    tokens: Sequence[Tagged], clause: Clause, names: frozenset[str] = frozenset(), own_body: frozenset[str] = frozenset()
) -> str:
    """What the subject is: "person", "we", "he", "they", "i", "body", "role", "members",
    "expletive", "quantified", "thing" or "none"."""
    if clause.subject is None:
        return "none"
    a, b = clause.subject
    words = [t.text for t in tokens[a:b]]
    tags = [t.tag for t in tokens[a:b]]
    low = [w.casefold() for w in words]
    heads = [w for w, t in zip(words, tags, strict=True) if upos(t) in ("NOUN", "PROPN", "PRON", "X", "ADJ")]
    if len(heads) > 1 and ".GEN" in tags[0]:
        # "Äldrestöds samordnare", "Kommunens servicegrupp": the noun after a genitive is the head
        words, tags, low, heads = words[1:], tags[1:], low[1:], heads[1:]
    if not heads:
        return "none"
    first = low[0]
    cls = meanings.word_class(first)
    if len(low) == 1 or cls in ("expletive",):
        if cls in ("group", "quantifier"):
            return "we"
        if cls == "person_pronouns":
            return "he"
        if cls == "plural_pronouns":
            return "they"
        if cls == "secretary":
            return "i"
        if cls == "expletive":
            return "expletive"
    if first in meanings.words_of("quantifier") and len(low) > 1:
        return "members" if meanings.noun_class(words[-1]) == "members" else "quantified"
    if any(w in names for w in low):
        return "person"
    last = heads[-1]
    ncls = meanings.noun_class(last)
    if any(upos(t) == "PROPN" for t in tags) and ncls not in ("body", "meeting"):
        # the tagger's guess for a capitalised word that opens the sentence may be a definite noun
        # ("Ansökan ska vara inskickad"): a name it is only if it does not end like one
        if a == 0 and len(low) == 1 and low[0].endswith(_DEFINITE_ENDINGS) and not looks_like_first_name(words[0]):
            return "thing"
        return "person"  # not a capitalised body ("Kommunfullmäktige", "Socialnämnden")
    if ncls == "body":
        return "we" if meanings.noun_lemma(last) in own_body and len(heads) == 1 else "body"
    if ncls == "role":
        return "role"
    if ncls == "meeting" and len(heads) == 1:
        return "meeting"
    if ncls == "members":
        return "members"
    if cls == "group":
        return "we"
    if upos(tags[-1]) == "PRON":
        return "expletive" if meanings.word_class(low[-1]) == "expletive" else "they"
    if last[:1].isupper() and last.casefold() in names:
        return "person"
    if len(heads) == 1 and last[:1].isupper() and tags[-1] == "NOUN.IND" and not clause.passive and not is_time(last):
        return "person"  # a capitalised bare noun that acts is a name the tagger does not know ("Tiina")
    return "thing"


def mode_of(clause: Clause) -> str:
    """How the verb puts the deed: "future" (ska, kommer att), "must" (måste, behöver), "maybe"
    (kan, bör, vill), "would" (skulle), or the tense of the verb itself ("pres", "past",
    "perfect", "imp", "inf")."""
    if clause.modal in HEDGE_MODALS or any(a in HEDGE_MODALS for a in clause.auxiliaries):
        return "maybe"
    if clause.modal == "skola" and clause.form == "past":
        return "would"
    if clause.modal in ("måste", "behöva"):
        return "must"
    if clause.modal:
        return "future"
    return clause.form or "none"


def clause_features(tokens: Sequence[Tagged], found: Sequence[Clause], k: int, ctx: Context) -> list[str]:
    """The features of main clause k of a sentence, with what its complements say. A report of
    the teller's own plan is weighed as that plan ("Eva berättade att hon ska ringa kommunen"
    as "hon ska ringa kommunen")."""
    own = _own_plan_told(tokens, found, k, ctx)
    if own is not None:
        return [*clause_features(tokens, found, own, ctx), "told-own-plan"]
    clause = found[k]
    subj, shared = _subject_of(tokens, found, k, ctx)
    mode = mode_of(clause)
    if mode == "past" and _sense(clause) == "decide" and any(_sense(c) in _OWN_PLAN for c in complements(found, clause)):
        mode = "pres"  # "Beslutades att skicka ut enkäten": decided now or then, the deed is ahead
    meaning, voice, onward = _meaning_of(tokens, found, k, subj, mode, ctx.own_body)
    coarse = _coarse(subj)
    out = ["bias", *shared, *onward]
    out += [
        "subj:" + subj, "mode:" + mode, "meaning:" + meaning, "voice:" + voice,
        f"subj-mode:{coarse}|{mode}", f"mode-meaning:{mode}|{meaning}", f"subj-meaning:{coarse}|{meaning}",
        f"voice-subj:{voice}|{coarse}", f"voice-mode:{voice}|{mode}",
    ]  # fmt: skip
    out += _lead_features(tokens, clause, meaning, coarse, ctx)
    out += _complement_features(found, clause, meaning)
    out += _that_features(tokens, found, k, meaning, mode, ctx)
    out += _status_features(tokens, found, k, subj, meaning, ctx)
    out += _form_features(tokens, clause)
    out += _context_features(tokens, found, k, mode, ctx)
    return out


def _sense(clause: Clause) -> str:
    """What a clause's verb means (meanings.py), "doing" for a verb it does not know."""
    return clause.meaning[1] if clause.meaning else "doing"


def _subject_of(tokens: Sequence[Tagged], found: Sequence[Clause], k: int, ctx: Context) -> tuple[str, list[str]]:
    """The kind of clause k's subject, with the features of one it shares with an earlier clause
    ("Johan är ledig och ersätts av Bo")."""
    clause = found[k]
    out: list[str] = []
    subj = subject_kind(tokens, clause, ctx.names, ctx.own_body)
    if clause.shared is not None and clause.subject is None:
        first = found[clause.shared]
        subj = subject_kind(tokens, first, ctx.names, ctx.own_body)
        out.append("shared-subject")
        if first.meaning and first.meaning[1] in ("state", "report", "opinion", "possess", "event"):
            out.append("shared-from-no-deed")  # "Johan är ledig och ersätts av Bo": still no deed of Johan's
    low = [t.text.casefold() for t in tokens]
    if subj == "expletive" and clause.passive and clause.subject is not None and low[clause.subject[0]] == "det":
        subj = "none"  # "Det beslutades att ...": an impersonal passive has no subject
    return subj, out


def _meaning_of(
    tokens: Sequence[Tagged], found: Sequence[Clause], k: int, subj: str, mode: str, own_body: frozenset[str]
) -> tuple[str, str, list[str]]:
    """What clause k says, as a deed or not, and its voice: the verb's meaning, read again for a
    state, a message to pass on, a command and a notice sent; with the feature of a message."""
    clause = found[k]
    out: list[str] = []
    meaning = _sense(clause)
    if clause.extras.get("stative") and not clause.modal:
        meaning = "state"  # "Socialtjänsten är ombedd att delta": how things are, whatever the verb
    if meaning == "report" and _tells_someone(tokens, found, k, subj, own_body, mode):
        meaning = "doing"  # "Deltagarna informeras", "Bo meddelar detta till Eva": a message to pass on
        out.append("report-onward")
    if mode == "imp" and meaning not in ("commit", "deferral", "assign", "refer"):
        meaning = "doing"  # a command is a deed whatever the verb: "Få databasen att fungera"
    voice = "pass" if clause.passive else "act"
    if clause.meaning and clause.meaning[0].endswith("s") and " " not in clause.meaning[0]:
        voice = "act"  # "Vi ses", "Vi träffas": a deponent of the table, active in all but its form
    if meaning == "dispatch":
        meaning = "doing"
        if subj in ("thing", "none"):
            voice = "pass"  # "Kallelsen går ut vecka 5": sent, as "skickas ut"
    return meaning, voice, out


def _lead_features(tokens: Sequence[Tagged], clause: Clause, meaning: str, coarse: str, ctx: Context) -> list[str]:
    """A clause that is one of several decisions, opens the line with its verb ("Boka lokal"),
    or plans something."""
    out: list[str] = []
    if clause.extras.get("decision-part"):
        out.append("decision-part")  # "..., att restauratören underrättas": one of several decisions
    if clause.extras.get("leading"):
        lead = "att" if clause.extras.get("att") else clause.form
        out += ["leading-" + lead, f"leading-{lead}|{ctx.block}"]
        if known_as_verb(tokens[clause.verb].text) is False:
            out.append("leading-not-a-verb")  # "Opera Julstuga": the dictionary knows no such verb
    if meaning == "intent" and clause.passive:
        out.append("intent-passive")  # "Dagen planeras till den 18 oktober": a date set for an event
    if meaning == "intent" and clause.complement is None and not clause.passive:
        # "Regionen planerar en satsning": news; "Vi planerar för en dag i mars": our plan
        out += ["intent-object", f"intent-object|{coarse}"]
    return out


def _complement_features(found: Sequence[Clause], clause: Clause, meaning: str) -> list[str]:
    """What the infinitives under the clause say ("åtog sig att ringa", "ber Lisa ta bilder"):
    the first one's meaning and voice, the last one's, and whether one is the object's to do,
    denied or hedged."""
    out: list[str] = []
    chain = complements(found, clause)
    if not chain:
        return out
    comp = chain[0]
    cm = _sense(comp)
    lm = _sense(chain[-1])
    # a promise or a task given is the item whatever it is to do ("lovat att finnas till",
    # "Kassören ålades att redovisa kostnaderna")
    if meaning not in ("commit", "assign", "assigned"):
        out += ["comp:" + cm, f"head-comp:{meaning}|{cm}", f"comp-voice:{'pass' if comp.passive else 'act'}"]
    if len(chain) > 1:
        out += ["comp-last:" + lm, f"comp-comp:{cm}|{lm}"]
    if any(c.controller == "object" for c in chain):
        out.append("comp:object")
    if any(c.negated for c in chain):
        out.append("comp:negated")
    if comp.modal in HEDGE_MODALS:
        out.append("comp:maybe")
    return out


_OWN_PLAN = ("doing", "commit", "onward", "assigned", "dispatch")


def _own_plan_told(tokens: Sequence[Tagged], found: Sequence[Clause], k: int, ctx: Context) -> int | None:
    """The att-clause under a verb of telling in which the teller (han, hon, vi, jag) says what
    they will do: "Bo informerade om att han ansvarar för bokningen"; else None."""
    if _sense(found[k]) != "report":
        return None
    for j, sub in enumerate(found):
        if sub.head == k and sub.finite and sub.subordinate == "att":
            own = subject_kind(tokens, sub, ctx.names, ctx.own_body) in ("he", "we", "i")
            if own and mode_of(sub) in ("future", "must", "pres") and _sense(sub) in _OWN_PLAN and not sub.negated:
                return j
            return None
    return None


def _that_features(
    tokens: Sequence[Tagged], found: Sequence[Clause], k: int, meaning: str, mode: str, ctx: Context
) -> list[str]:
    """The first finite att-clause under clause k: what is said ("Leif berättar att ..."), by whom
    and how, unless the head decides, promises or gives the task."""
    for sub in found:
        if sub.head == k and sub.finite and sub.subordinate == "att":
            sk = _coarse(subject_kind(tokens, sub, ctx.names, ctx.own_body))
            sm = _sense(sub)
            out: list[str] = []
            if meaning not in ("decide", "commit", "assign", "assigned"):
                out.append("that-clause")  # "Leif berättar att ...": said, not done
            return out + [f"that:{meaning}", f"that:{meaning}|{sk}|{mode_of(sub)}", f"that-meaning:{meaning}|{sm}"]
    return []


def _status_features(
    tokens: Sequence[Tagged], found: Sequence[Clause], k: int, subj: str, meaning: str, ctx: Context
) -> list[str]:
    """What the clause tells of how things stand rather than of a deed ("Lokalen är bokad"), and
    who does it: a person of the meeting or a stranger, or nobody named ("Tar vidare frågan")."""
    clause = found[k]
    out: list[str] = []
    if meaning == "decide" and clause.complement is None and not any(c.head == k for c in found):
        out.append("decide-open")  # "Styrelsen beslutar": what was decided comes after
    if clause.extras.get("stative") and not clause.modal:
        out.append("stative")  # "Lokalen är bokad": as things are, not a deed
    if clause.predicate and meaning != "commit":
        out.append("predicate")  # "Johan kommer att vara tjänstledig": what someone is, not does
    if meaning == "decided" and clause.form == "pres" and not clause.modal:
        out.append("decided-present")
    if clause.subject is not None and subj == "person" and ctx.names:
        known = any(t.text.casefold() in ctx.names for t in tokens[clause.subject[0] : clause.subject[1]])
        out.append("subj-known" if known else "subj-stranger")  # a name not among the meeting's people
    if clause.extras.get("verb-first") and clause.form in ("pres", "past"):
        out.append(f"verb-first|{clause.form}")  # "Tar vidare frågan": notes that leave out who
    return out


def _form_features(tokens: Sequence[Tagged], clause: Clause) -> list[str]:
    """What the clause's words show: the meeting's own business, a fragment, an event that takes
    place, a denial, the subject after the verb, a hedge, haste, a question."""
    low = [t.text.casefold() for t in tokens]
    out: list[str] = []
    if any(meanings.noun_class(t.text) == "agenda" for t in tokens[clause.main + 1 :] if upos(t.tag) == "NOUN"):
        out.append("about-agenda")  # "att ändra dagordningen": this meeting's own business
    if clause.subordinate == "att" and clause.head is None and any(
        upos(t.tag) not in ("PUNCT", "CCONJ", "SYM", "NUM") for t in tokens[: clause.start]
    ):
        out.append("att-fragment")  # "Och detta att vi ...": an att-clause hung on no verb, a fragment
    if clause.subject is not None and clause.passive:
        heads = [t.text for t in tokens[clause.subject[0] : clause.subject[1]] if upos(t.tag) == "NOUN"]
        if heads and meanings.noun_class(heads[-1]) in ("meeting", "activity"):
            out.append("event-passive")  # "En diskussion hålls", "Årsmötet genomförs i mars": what happens
    if clause.subject is not None and low[clause.subject[0]] in meanings.words_of("negation"):
        out.append("negated")  # "Inga ändringar görs": a subject that denies
    elif clause.negated:
        out.append("negated")
    if clause.inverted:
        out.append("inverted")
    span = low[clause.start : clause.end]
    if any(w in meanings.words_of("hedge") for w in span):
        out.append("hedge")
    if any(w in meanings.words_of("soon") for w in span):
        out.append("soon")
    if "?" in span or low and low[-1] == "?":
        out.append("question")
    return out


def _context_features(tokens: Sequence[Tagged], found: Sequence[Clause], k: int, mode: str, ctx: Context) -> list[str]:
    """Where the clause stands: after another main clause, in a bullet, a line or a paragraph,
    under a heading or a label ("Att göra", "Beslut:"), on a line that marks an owner; and the
    sentence's length."""
    out: list[str] = []
    if k > 0 and any(found[x].is_main for x in range(k)):
        out.append("later-clause")
    out.append("block:" + ctx.block)
    if ctx.heading:
        out += ["heading:" + ctx.heading, f"heading-mode:{ctx.heading}|{mode}"]
    if ctx.label:
        out += ["label:" + ctx.label, f"label-mode:{ctx.label}|{mode}"]
    if ctx.decision_inline:
        out += ["label:decisions", f"label-mode:decisions|{mode}"]
    if ctx.owner_marked:
        out += ["owner-marked", f"owner-marked|{ctx.block}"]
    if ctx.block == "bullet" and ctx.first_in_block:
        out.append("first-in-bullet")
    n = len(tokens)
    out.append("len:" + ("short" if n <= 6 else "mid" if n <= 20 else "long"))
    return out


_TOLD = ("person", "members", "role", "body", "they", "quantified")
_WHAT_IS_TOLD = {"om", "att", "kring", "hur", "vad", "när", "var", "vilka", "vilken", "vilket", "på", "inför"}


def _tells_someone(
    tokens: Sequence[Tagged], found: Sequence[Clause], k: int, subj: str, own_body: frozenset[str], mode: str
) -> bool:
    """A verb of telling whose message is still to go out, not a report given at the meeting: its
    passive with the people to be told as subject ("Deltagarna informeras"), its active with
    people outside the meeting as object ("Per meddelar alla medlemmar"), or with a thing as
    object and a receiver after "till" ("Bo meddelar beslutet till Eva")."""
    clause = found[k]
    if any(c.head == k and c.finite for c in found):
        return False  # "meddelar att ...": what was said
    after = [t for t in tokens[clause.main + 1 : clause.end] if upos(t.tag) != "PUNCT"]
    if clause.passive:  # "Styrelsen informeras om läget": told at the meeting, about something
        return subj in _TOLD and subj != "we" and not any(t.text.casefold() in ("om", "kring") for t in after)
    if mode in ("pres", "future", "must") and _people_told(tokens, clause, own_body):
        return True
    if not after or after[0].text.casefold() in _WHAT_IS_TOLD or upos(after[0].tag) not in ("PRON", "NOUN", "DET"):
        return False
    low = [t.text.casefold() for t in after]
    return "till" in low[1:] and low.index("till", 1) + 1 < len(after) and upos(
        after[low.index("till", 1) + 1].tag
    ) in ("PROPN", "NOUN", "PRON", "DET")


def _people_told(tokens: Sequence[Tagged], clause: Clause, own_body: frozenset[str]) -> bool:
    """The object after the verb (and after its subject, when that follows the verb) is people
    who are not the meeting's own body: "meddelar alla medlemmar", "informerar hyresgästerna"."""
    skip = range(*clause.subject) if clause.subject else range(0)
    words = [i for i in range(clause.main + 1, clause.end) if i not in skip and upos(tokens[i].tag) != "PUNCT"]
    if words and meanings.word_class(tokens[words[0]].text) == "quantifier":
        words = words[1:]  # "alla medlemmar"
    if not words or upos(tokens[words[0]].tag) != "NOUN":
        return False
    word = tokens[words[0]].text
    return meanings.noun_class(word) in ("members", "body", "role") and meanings.noun_lemma(word) not in own_body


def _coarse(subj: str) -> str:
    if subj == "meeting":
        return "group"
    if subj in ("person", "he", "i", "role"):
        return "someone"
    if subj in ("we", "members", "they"):
        return "group"
    return subj


__all__ = ["Context", "clause_features", "subject_kind"]
