"""Clauses of a Swedish sentence: where a cue's clause starts, whether it is the main
clause, its subject, whether it is hedged or a report. Pure helpers of rules.py."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from actiontrack.extract.cues import (
    _B,
    _E,
    ACTION_HEADS,
    ADVERBIAL_STARTERS,
    ADVERBS,
    AGENT_ENDINGS,
    ASSIGNMENT,
    COMMIT_VERB,
    DEFINITE_NOUN,
    GROUP_WORDS,
    HEDGES,
    INVERTED,
    MEMBER_NOUNS,
    MODIFIERS,
    NON_AGENTS,
    PARTICLES_OF,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    QUANTIFIERS,
    REPORTING_VERBS,
    SECRETARY_WORDS,
    SHORT_INFINITIVES,
    SUBJECT_JOINERS,
    SUBORDINATORS,
    Context,
    Cue,
    words,
)
from actiontrack.extract.guard import folded
from actiontrack.models import Kind
from actiontrack.people import looks_like_first_name


@cache
def after_verb(particle: str) -> re.Pattern[str]:
    """What may follow a verb up to its particle: an inverted subject, an adverb ("bjuder Leif in")."""
    return re.compile(
        INVERTED
        + r"(?i:\s+"
        + ADVERBS
        + r")?"
        + r"(?i:\s+"
        + re.escape(particle).replace(r"\ ", r"\s+")
        + ")"
        + _E
    )


@lru_cache(maxsize=256)  # asked twice per sentence: is it a report, and which cue is it
def commit_matches(s: str) -> tuple[tuple[int, int, str | None], ...]:
    """(start, end, inverted subject) of each commitment verb in a sentence."""
    found: list[tuple[int, int, str | None]] = []
    for m in COMMIT_VERB.finditer(s):
        for particle in PARTICLES_OF[m.group("verb").lower()]:
            if not particle:
                found.append((m.start(), m.end(), None))
                break
            after = after_verb(particle).match(s, m.end())
            if after:
                found.append((m.start(), after.end(), after.group("inv")))
                break
    return tuple(found)


def subject_tokens(tokens: list[str], ctx: Context) -> int:
    """How many tokens at the start form a subject that can act: names, "X och Y", "Stig/Simon", "Vi"."""
    n = 0
    while n < len(tokens) and n < 8:
        t = tokens[n]
        low = t.casefold()
        if n > 0 and low in SUBJECT_JOINERS:
            n += 1
            continue
        if low in GROUP_WORDS or low in PERSON_PRONOUNS or low in PLURAL_PRONOUNS or low in SECRETARY_WORDS:
            n += 1
            continue
        if t[:1].isupper() or low in ctx.names or re.fullmatch(r"[A-ZÅÄÖ0-9/]+", t):
            n += 1
            continue
        if n > 0 and tokens[n - 1].casefold() in MODIFIERS and re.search(DEFINITE_NOUN, low):
            n += 1  # "Tidigare styrelsen"
            continue
        if n == 0 and low.endswith(AGENT_ENDINGS) and len(low) > 5:
            n += 1  # "att föreningen medverkar", "att förvaltningen återkommer"
            continue
        if n > 0 and low in ("tillsammans", "i") and " ".join(tokens[n : n + 3]).casefold() in (
            "tillsammans med", "i samarbete med",
        ):  # fmt: skip
            n += 3 if low == "i" else 2  # "Anna tillsammans med Bo bokar"
            continue
        break
    while n and tokens[n - 1].casefold() in SUBJECT_JOINERS:
        n -= 1
    return n


def is_own(subject: str | None, ctx: Context = Context()) -> bool:
    """The group itself or people by name: "Vi", "Gruppen", "Leif", "Ia och Allan", "Han"."""
    if not subject:
        return True
    parts = [p for p in re.split(r"\s*,\s*|\s+och\s+|\s+samt\s+|\s*[&/+]\s*", subject) if p]
    return all(
        p.lower() in GROUP_WORDS | PERSON_PRONOUNS | PLURAL_PRONOUNS
        or looks_like_first_name(p.split()[0])
        or p.casefold() in ctx.names
        or p.split()[0].casefold() in ctx.names
        for p in parts
    )


def is_infinitive(word: str) -> bool:
    w = word.lower()
    return w not in NON_AGENTS and (w.endswith("a") or w in SHORT_INFINITIVES) and w not in ("temat", "den")


def assignment_after(after: list[str], i: int) -> bool:
    return after[i].lower() == "få" and " ".join(after[i + 1 : i + 4]).lower().startswith("i uppdrag")


def is_subject_word(word: str) -> bool:
    w = word.lower()
    return (
        w in GROUP_WORDS
        or w in PERSON_PRONOUNS
        or w in PLURAL_PRONOUNS
        or (word[:1].isupper() and w not in NON_AGENTS)
    )


def with_subject(
    s: str, start: int, end: int, rule: str, strength: float, inverted: str | None = None
) -> Cue | None:
    """The cue with the subject before it (or after it, when an adverbial comes first)."""
    before = s[:start]
    begin = clause_start(before)
    head = before[begin:].strip(" ,")
    tokens = words(head)
    if not tokens:  # nothing but punctuation before the verb ("§ ska ...", "- Tar vidare ...")
        if begin == 0:
            return Cue(Kind.ACTION, rule, strength - 0.1, None, inherit=True)
        return None
    first = tokens[0].lower()
    if is_verb_word(tokens[0]):  # "Har pratat med ... och ska be om": no subject written
        return Cue(Kind.ACTION, rule, strength - 0.1, None, inherit=True)
    if first in ADVERBIAL_STARTERS or starts_with_date(head):
        if inverted:
            return Cue(Kind.ACTION, rule, strength, inverted)
        after = words(s[end:])
        if after and is_subject_word(after[0]):
            if after[0].lower() in NON_AGENTS:
                return None
            return Cue(Kind.ACTION, rule, strength, after[0])
        return None
    subject = leading_subject(head)
    if subject is None or subject.lower() in NON_AGENTS or subject.split()[0].lower() in NON_AGENTS:
        return None
    if len(tokens) > 1 and is_genitive_thing(subject, tokens):
        return Cue(Kind.ACTION, rule, strength - 0.1, None)  # "Vårens protokoll ska upp": a thing, no owner
    if first in QUANTIFIERS and len(tokens) > 1 and tokens[1][:1].islower():
        if tokens[1].lower() not in MEMBER_NOUNS:
            return None  # "Alla barn ska ...": a principle, not a task
        subject = "alla"
    return Cue(Kind.ACTION, rule, strength, subject)


def base_task_verb(word: str, particle: str | None = None) -> bool:
    """ "boka", "ta" (en titt), "Skriv": an infinitive or imperative of a task verb."""
    from actiontrack.extract import lexicon

    return lexicon.is_base_form(word) and lexicon.verb_class(word, particle) in ("commit", None) and (
        lexicon.verb_class(word, particle) == "commit" or lexicon.lemma_of(word) in lexicon.TASK_WITH_PARTICLE
    )


def is_passive_task(word: str) -> bool:
    """ "skickas", "göras", "beställas": the s-passive of a task verb."""
    from actiontrack.extract import lexicon

    w = word.casefold()
    return w.endswith("s") and lexicon.verb_class(w) == "commit"


def is_verb_form(token: str) -> bool:
    from actiontrack.extract import lexicon

    return lexicon.lemma_of(token) is not None


def is_verb_word(token: str) -> bool:
    """A verb where a subject should stand ("Har", "Såg", "Köpt"), not a name."""
    from actiontrack.extract import lexicon

    return token[:1].isupper() and lexicon.lemma_of(token) is not None and not looks_like_first_name(token)



def is_genitive_thing(subject: str, tokens: list[str]) -> bool:
    """ "Vårens mötesprotokoll", "Föreningens hemsida": a genitive before a noun names a thing."""
    first = subject.split()[0]
    return (
        len(subject.split()) == 1
        and first.endswith("s")
        and not first.endswith("ss")
        and tokens[1][:1].islower()
        and tokens[1].casefold() not in SUBJECT_JOINERS
        and not is_verb_form(tokens[1])
        and not looks_like_first_name(first)
    )


def clause_start(before: str) -> int:
    """Where the clause of a cue starts: after an action head's "att", else the sentence start."""
    if "att" not in folded(before):
        return 0  # most sentences: no pass of the regex (issue 15)
    for m in re.finditer(_B + r"att\s", before, re.IGNORECASE):
        if ACTION_HEADS.search(before[: m.end()]):
            return m.end()
    return 0


def main_clause(s: str, pos: int) -> bool:
    """False when the cue at pos sits in a subordinate clause ("en grupp som ska ...")."""
    before = s[:pos]
    start = clause_start(before)
    span = before[start:]
    # only the part after the last comma or dash can hold the subordinator of this clause...
    tokens = [t.lower() for t in words(span)]
    for j, t in enumerate(tokens):
        if t in SUBORDINATORS:
            return False
        if t == "att" and start == 0:
            return False
        if t in ("för", "så") and j + 1 < len(tokens) and tokens[j + 1] == "att":
            return False
    return True


def hedged(s: str, start: int, end: int) -> bool:
    """A possibility or a wish in the clause of the cue, before it or right after it."""
    before = s[:start]
    clause = re.split(r"[,;:–]", before)[-1]
    after = words(s[end:])[:2]
    tokens = [t.lower() for t in words(clause)] + [t.lower() for t in after]
    return any(t in HEDGES for t in tokens)


def is_report(s: str) -> bool:
    """ "Leif berättar om ...", "Bengt anser ...": the first verb after the subject reports
    (but "Leif ser till att", "Eva har i uppdrag att" commit)."""
    tokens = words(s)
    committing = {s[start:end].split()[0].lower() for start, end, _ in commit_matches(s)}
    assigned = ASSIGNMENT.search(s)
    if assigned:
        committing.add(assigned.group(0).split()[0].lower())
    for j, t in enumerate(tokens[:6]):
        low = t.lower()
        if low in REPORTING_VERBS and j > 0 and low not in committing:
            lead = tokens[:j]
            return all(x[:1].isupper() or x.lower() in ("och", ",", "också", "även") for x in lead)
        if j > 0 and t[:1].islower() and low not in ("och",):
            return False
    return False


def starts_with_date(text: str) -> bool:
    return bool(re.match(r"^(?:den\s+)?\d{1,2}(?:[/:]|\s+\w+)", text, re.IGNORECASE))


def starts_with_agent(text: str) -> bool:
    tokens = words(text)
    return bool(tokens) and is_subject_word(tokens[0]) and tokens[0].lower() not in NON_AGENTS


def leading_subject(text: str) -> str | None:
    """The noun phrase a clause starts with: "Ia och Allan", "Utvecklingschefen Kalle Pettersson", "Han"."""
    tokens = words(re.sub(r"\s+(?:tillsammans\s+med|i\s+samarbete\s+med)\s+(?=[A-ZÅÄÖ])", " och ", text))
    out: list[str] = []
    depth = 0
    for j, t in enumerate(tokens):
        low = t.lower()
        if t == "(":
            depth += 1
            continue
        if t == ")":
            depth = max(0, depth - 1)
            continue
        if depth:
            continue
        if j == 0:
            out.append(t)
            continue
        if j == 1 and tokens[0].lower() in MODIFIERS and re.search(DEFINITE_NOUN, low):
            out.append(t)  # "Tidigare styrelsen", "Nya kassören"
            continue
        if low in ("och", "samt", ",", "&", "+") or t[:1].isupper() or re.fullmatch(r"[A-ZÅÄÖ0-9/]+", t):
            out.append(t)
            continue
        break
    while out and out[-1].lower() in ("och", "samt", ",", "&", "+"):
        out.pop()
    return " ".join(out).replace(" ,", ",") if out else None


def passive_subject_ok(s: str, pos: int) -> bool:
    head = s[:pos].strip()
    tokens = words(head)
    if not tokens:
        return False
    return tokens[0].lower() not in NON_AGENTS or len(tokens) > 1 and tokens[0].lower() in ("hans", "hennes")
