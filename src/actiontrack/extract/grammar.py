"""Clauses of a tagged Swedish sentence: subject, finite verb, verb chain, voice, tense.

Works on the tagger's labels (tagger.py), not on word lists: a finite verb is any word
tagged VERB.PRES, VERB.PAST, VERB.IMP, AUX.PRES or AUX.PAST, whatever its lemma. Swedish
main clauses put the finite verb second: the subject stands before it ("Anna bokar
lokalen") or, when something else comes first, right after it ("Till nästa möte tar
Anna fram en budget"). A clause opened by a subjunction ("att", "när", "som") is
subordinate: subject first, then the verb. An infinitive after "att" is the complement
of the verb before it ("Eva åtog sig att ringa", "Styrelsen uppdrar åt Bo att skriva").

    clauses(tag_text("Lena bokar bussen och Omar beställer mat"))
    -> two main clauses, subjects "Lena" and "Omar", present tense, active

Here the clauses are found, finite and infinitive, and where each depends on another; the
Clause record and what a tag says are clause.py's, the subject's noun phrase phrases.py's, and
the chain from the finite verb to the main verb verb_chain.py's. Only the shape is decided
here; what the words mean (a report verb, a body noun) is meanings.py's, and whether a clause
is an item is classify.py's.
"""

from __future__ import annotations

from collections.abc import Sequence

from actiontrack.extract import meanings
from actiontrack.extract.clause import Clause, is_finite, is_passive, is_verb, upos
from actiontrack.extract.phrases import JOINERS, complex_np, np_after, np_part, object_np, trailing_np
from actiontrack.extract.verb_chain import follow_chain, verb_form

TYPE_CHECKING = False
if TYPE_CHECKING:
    from actiontrack.extract.clause import Tagged

BOUNDARY = {",", ";", ":", "–", "—", "(", ")", "•", "·", "|", "!", "?", "."}
RELATIVES = {"som", "vilket", "vilka", "vilken", "där", "dit", "varav"}
# Words that open an indirect question or an adverbial clause, whatever the tagger calls them.
SUBJUNCTIONS = {"hur", "vad", "vem", "varför", "var", "när", "om", "ifall", "huruvida", "eftersom", "innan",
                "tills", "medan", "fast", "trots", "såvida"}
COORDINATORS = {"och", "samt", "men", "eller", "utan", "sedan", "sen"}


def clauses(tokens: Sequence[Tagged]) -> list[Clause]:
    """The clauses of one sentence, in order."""
    low = [t.text.casefold() for t in tokens]
    tags = [t.tag for t in tokens]
    out: list[Clause] = []
    boundary = -1  # the last boundary token before the current position
    i = 0
    n = len(tokens)
    while i < n:
        if low[i] in BOUNDARY or upos(tags[i]) == "PUNCT" and low[i] not in ("-", "/"):
            boundary = i
            i += 1
            continue
        if not is_finite(tags[i]):
            i += 1
            continue
        clause = _finite_clause(tokens, low, tags, i, boundary, out)
        out.append(clause)
        _complement(tokens, low, tags, len(out) - 1, out)
        i = max(clause.main, clause.verb) + 1
        if clause.complement is not None:
            i = max(i, out[clause.complement].main + 1)
    leading = _leading_infinitive(tokens, low, tags)
    if leading is not None and not any(c.finite and c.start <= leading.verb for c in out):
        # "Boka lokal", "Skriva tester och kolla så att filerna funkar": the line's own task first
        for c in out:
            c.head = c.head + 1 if c.head is not None else None
            c.shared = c.shared + 1 if c.shared is not None else None
            c.complement = c.complement + 1 if c.complement is not None else None
        out.insert(0, leading)
        _complement(tokens, low, tags, 0, out)
    _decision_parts(out)
    order = sorted(range(len(out)), key=lambda k: out[k].start)
    for pos, k in enumerate(order):
        nxt = [out[m].start for m in order[pos + 1 :] if out[m].start > out[k].start]
        out[k].end = min(nxt) if nxt else n
    return out


def _decision_parts(out: list[Clause]) -> None:
    """ "Styrelsen beslutar att ställa in mötet, att föredragshållaren kontaktas och att
    restauratören underrättas": each att-clause after the first is a decision of its own."""
    for k, clause in enumerate(out):
        if clause.subordinate not in ("att", "inf") or clause.head is None:
            continue
        top, steps = clause.head, 0
        while out[top].head is not None and steps < 6:
            top, steps = out[top].head, steps + 1  # type: ignore[assignment]
        head = out[top]
        deciding = head.meaning is not None and head.meaning[1] == "decide"
        if deciding and head.complement != k and k not in _chain_of(out, top):
            clause.extras["decision-part"] = True


def _chain_of(out: list[Clause], k: int) -> set[int]:
    """The complements under clause k, one under the other."""
    found: set[int] = set()
    while out[k].complement is not None and out[k].complement not in found:
        k = out[k].complement  # type: ignore[assignment]
        found.add(k)
    return found


def _finite_clause(
    tokens: Sequence[Tagged], low: list[str], tags: list[str], i: int, boundary: int, out: list[Clause]
) -> Clause:
    """The clause of the finite verb at i: where it starts, its subject, and whether it hangs on
    the clause before ("att vi bokar") or comes after a fronted one ("Om vi får bidrag köper vi")."""
    region_start = max(boundary + 1, _end_of_last(out))
    clause = Clause(start=region_start, end=len(tokens), verb=i, main=i, form=verb_form(tags[i]))
    clause.passive = is_passive(tags[i])
    opener = _opener(tokens, low, tags, region_start, i)
    if opener is not None:
        _subordinate(tokens, low, tags, clause, opener, out)
    elif (fronted := _fronted(out)) is not None:
        # "Om vi får bidrag köper vi stolar": after a fronted clause the subject follows the verb
        clause.start = fronted.start
        _subject_after(tokens, low, tags, clause)
    else:
        _main_clause(tokens, low, tags, clause, region_start, boundary, out)
    follow_chain(tokens, low, tags, clause)
    return clause


def _end_of_last(out: list[Clause]) -> int:
    """Where the clause found last ends: after its main verb, or after its complement's."""
    if not out:
        return 0
    previous = out[-1]
    end = max(previous.main, previous.verb) + 1
    if previous.complement is not None:
        end = max(end, out[previous.complement].main + 1)
    return end


def _opens(low: list[str], tags: list[str], x: int) -> bool:
    """A relative pronoun or a subjunction; "om" opens a clause, unless the tagger reads it as "about"."""
    return low[x] in RELATIVES or low[x] in SUBJUNCTIONS and upos(tags[x]) != "ADP"


def _opener(tokens: Sequence[Tagged], low: list[str], tags: list[str], region_start: int, i: int) -> int | None:
    """A subjunction or relative pronoun with only a noun phrase and adverbs before the verb at i:
    the clause is subordinate ("att vi bokar", "som ska utreda", "när lokalen är bokad")."""
    j = i - 1
    while j >= region_start and not _opens(low, tags, j) and (
        np_part(tokens[j]) or upos(tags[j]) == "ADV" or low[j] in JOINERS
    ):
        j -= 1
    if j >= region_start and (
        upos(tags[j]) == "SCONJ" or low[j] in RELATIVES or low[j] == "att" or _opens(low, tags, j) and j < i - 1
    ):
        return j
    return None


def _subordinate(
    tokens: Sequence[Tagged], low: list[str], tags: list[str], clause: Clause, j: int, out: list[Clause]
) -> None:
    """The clause opened at j, under the clause before: its subject is the relative pronoun ("som
    ska utreda") or the noun phrase between the opener and the verb ("att vi bokar")."""
    i = clause.verb
    clause.subordinate = low[j]
    clause.start = j
    if low[j] in RELATIVES:
        clause.subject = (j, j + 1)
    elif j + 1 < i:
        stop = i
        while stop > j + 1 and upos(tags[stop - 1]) == "ADV":  # "att vi gemensamt försöker"
            stop -= 1
        clause.subject = trailing_np(tokens, low, j + 1, stop) or (j + 1, stop)
    if out:
        clause.head = len(out) - 1


def _fronted(out: list[Clause]) -> Clause | None:
    """The adverbial clause found last, when it opens the sentence before any main clause ("Om vi
    får bidrag", "När lokalen är bokad")."""
    previous = out[-1] if out else None
    fronted = previous is not None and previous.subordinate not in (None, "att", "inf") and previous.head is None
    if fronted and previous is not None and not any(c.is_main for c in out):
        return previous
    return None


def _subject_after(tokens: Sequence[Tagged], low: list[str], tags: list[str], clause: Clause) -> None:
    """The subject after the verb, if any: the clause is inverted ("Nu tar Anna")."""
    after = np_after(tokens, low, tags, clause.verb + 1)
    if after is not None:
        clause.subject = after
        clause.inverted = True


def _main_clause(
    tokens: Sequence[Tagged], low: list[str], tags: list[str], clause: Clause, region_start: int, boundary: int,
    out: list[Clause],
) -> None:
    """A main clause: its subject before the verb, the subject of the clause before it shares
    ("kontaktar X och köper in Y"), none with the verb first, or a subject after the verb."""
    i = clause.verb
    previous = out[-1] if out else None
    first = region_start
    while first < i and low[first] in COORDINATORS:
        first += 1
    np = trailing_np(tokens, low, region_start, i)
    if np is not None and np[0] > first and complex_np(tokens, low, first, np[0]):
        np = (first, np[1])  # "Frågan om sommaröppet bordläggs": one phrase before the verb
    run_on = previous is not None and boundary < previous.verb
    # a name after a preposition is its object, not the subject: "Enligt Isak har det ...", "Med Eva går vi ..."
    governed = np is not None and np[0] > region_start and upos(tags[np[0] - 1]) == "ADP"
    named = np is not None and not governed and any(upos(tags[x]) in ("PROPN", "PRON") for x in range(*np))
    before_verb = i - 1
    while before_verb >= region_start and upos(tags[before_verb]) == "ADV":
        before_verb -= 1
    if np is not None and (np[0] == first or run_on or named or np[0] - first == 1 and upos(tags[first]) in ("ADV", "ADJ")):
        # the subject before the verb; a single modifier before it belongs to it ("Tidigare styrelsen")
        glued = np[0] - first == 1 and not run_on and not named
        clause.subject = (first, np[1]) if glued else np
        clause.start = clause.subject[0] if run_on or named else first
    elif previous is not None and before_verb >= region_start and low[before_verb] in COORDINATORS:
        # "kontaktar X och köper in Y": the same subject does both, in the same kind of clause
        # ("berättar att IFS firar 40 år och bjuder in rådet": both said by the one who tells)
        clause.start = before_verb
        clause.shared = len(out) - 1 if previous.shared is None else previous.shared
        if previous.subordinate and previous.finite:
            clause.subordinate, clause.head = previous.subordinate, previous.head
    elif first == i and not (previous is not None and previous.subordinate and previous.head is None):
        # the verb first: a question, a command, or the subject left out ("Tar vidare frågan")
        clause.extras["verb-first"] = True
        if clause.form == "imp" and not out:
            clause.extras["leading"] = True  # "Boka lokal till årsmötet"
    else:
        # something else stands first: the subject, if any, follows the verb ("Nu tar Anna",
        # "När lokalen är bokad meddelar Per alla")
        _subject_after(tokens, low, tags, clause)


def _complement(tokens: Sequence[Tagged], low: list[str], tags: list[str], at: int, out: list[Clause]) -> None:
    """ "åtog sig att ringa", "beslutade att bjuda in", "uppdrar åt Bo att skriva", "ber Lisa ta bilder",
    "fick i uppdrag att ...", "ansvarig för att boka": the infinitive as a clause done by the head's
    subject or object."""
    head = out[at]
    n = len(tokens)
    j = head.main + 1
    # a head that takes a person or a phrase before its att ("ger Bo i uppdrag att", "ansvarar för
    # att", "åtog sig att") may have words between; any other verb only a particle or an adverb
    # ("påtalar vikten av att ..." is a noun's complement, not the verb's)
    cls = head.meaning[1] if head.meaning else None
    wide = cls in ("assign", "assigned", "commit", "decide", "intent") or head.predicate is not None
    limit = min(n, j + (8 if wide else 3))
    obj: tuple[int, int] | None = None
    if cls in ("decide", "intent") and j < n and is_verb(tags[j]) and ".INF" in tags[j]:
        # "Styrelsen beslutade uppdra till ordföranden att ...": the infinitive without "att"
        out.append(_infinitive(tokens, low, tags, j, j, head, at, None))
        head.complement = len(out) - 1
        _complement(tokens, low, tags, len(out) - 1, out)
        return
    while j < limit:
        w = low[j]
        if w in BOUNDARY and w != "," or is_finite(tags[j]):
            return
        if w == "att" and j + 1 < n:
            k = j + 1
            # "att tillsammans med Walde komma fram": an adverbial may come first
            while k < min(n, j + 11) and not is_verb(tags[k]) and low[k] not in BOUNDARY:
                k += 1
            if k < n and is_verb(tags[k]) and (".INF" in tags[k] or ".IMP" in tags[k]):
                out.append(_infinitive(tokens, low, tags, j, k, head, at, obj))
                head.complement = len(out) - 1
                _complement(tokens, low, tags, len(out) - 1, out)  # "beslutade att ge Bo i uppdrag att ..."
            return
        if not wide and not (upos(tags[j]) in ("ADV", "PART", "ADP") or w in ("sig", "själv", "själva")):
            return
        if obj is None and upos(tags[j]) in ("PROPN", "PRON", "NOUN") and w not in ("sig", "mig", "oss", "dig"):
            obj = object_np(tokens, tags, j)
            if cls == "assign" and upos(tags[j]) in ("PROPN", "PRON"):
                head.object = obj  # the one given the task, also when what follows is cut off
            j = obj[1]
            # "ber Lisa ta bilder": a bare infinitive after the object of "be"
            if j < n and is_verb(tags[j]) and ".INF" in tags[j] and cls == "assign":
                out.append(_infinitive(tokens, low, tags, j, j, head, at, obj))
                head.complement = len(out) - 1
                _complement(tokens, low, tags, len(out) - 1, out)
                return
            continue
        j += 1


def _infinitive(
    tokens: Sequence[Tagged], low: list[str], tags: list[str], start: int, verb: int, head: Clause | None,
    head_at: int | None, obj: tuple[int, int] | None,
) -> Clause:
    clause = Clause(start=start, end=len(tokens), verb=verb, main=verb, finite=False, form="inf")
    clause.passive = is_passive(tags[verb])
    clause.subordinate = "att" if low[start] == "att" else None
    clause.head = head_at
    if head is not None:
        if head.subordinate is None and clause.subordinate is None:
            clause.subordinate = "inf"
        assign = head.meaning is not None and head.meaning[1] == "assign"
        clause.controller = "object" if assign and obj is not None else "subject"
        clause.object = obj
    following = [t.text for t in tokens[verb + 1 : verb + 5]]
    clause.meaning = meanings.verb_class(tokens[verb].text, following)
    nxt = verb + 1
    lemma, cls = clause.meaning or ("", "")
    if cls in ("modal", "possibility") and nxt < len(tokens) and is_verb(tags[nxt]) and ".INF" in tags[nxt]:
        clause.modal, clause.main = lemma, nxt  # "att kunna boka": the verb after the modal
        clause.passive = is_passive(tags[nxt])
        clause.meaning = meanings.verb_class(tokens[nxt].text, [t.text for t in tokens[nxt + 1 : nxt + 5]])
    negation = meanings.words_of("negation")
    clause.negated = any(low[k] in negation for k in range(start, min(len(tokens), verb + 1)))
    return clause


def _leading_infinitive(tokens: Sequence[Tagged], low: list[str], tags: list[str]) -> Clause | None:
    """A line that opens with an infinitive or imperative: "Boka lokal", "Att skicka ut enkäten",
    "Undersöka saken (Eva)"."""
    k = 0
    n = len(tokens)
    while k < n and (upos(tags[k]) == "PUNCT" or low[k] in ("-", "•")):
        k += 1
    start = k
    if k < n and low[k] == "att":
        k += 1
    while k < n and upos(tags[k]) == "ADV" and k - start < 2:
        k += 1
    if k < n and is_verb(tags[k]) and (".INF" in tags[k] or ".IMP" in tags[k]):
        clause = _infinitive(tokens, low, tags, start, k, None, None, None)
        clause.form = "imp" if ".IMP" in tags[k] else "inf"
        clause.extras["leading"] = True
        if low[start] == "att":
            clause.extras["att"] = True
            clause.subordinate = None
        return clause
    return None


__all__ = ["clauses"]
