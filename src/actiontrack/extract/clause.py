"""One clause of a tagged sentence as grammar.py gives it, and what a tag says.

A Clause is a span of tokens with its finite verb (or infinitive), the last verb of its chain,
its subject, tense, voice, modal and negation, the clause it depends on and the complement
under it; `is_main` says whether it can be an item by itself. What a clause's parts say is
read here too: the chain of its complements ("beslutade att ge Bo i uppdrag att skriva"), its
doer's span ("uppdrar åt Bo att"), the words of its subject. A tag is the tagger's label
(tagger.py): `upos` its part of speech, `is_finite` a present, past or imperative verb.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from actiontrack.records import field, record

TYPE_CHECKING = False  # typing costs a command's start 3-4 ms
if TYPE_CHECKING:
    from typing import Protocol

    class Tagged(Protocol):
        @property
        def text(self) -> str: ...
        @property
        def tag(self) -> str: ...


@cache
def upos(tag: str) -> str:
    return tag.split(".", 1)[0]


@cache
def is_finite(tag: str) -> bool:
    return upos(tag) in ("VERB", "AUX") and (".PRES" in tag or ".PAST" in tag or ".IMP" in tag)


def is_verb(tag: str) -> bool:
    return upos(tag) in ("VERB", "AUX")


def is_nonfinite(tag: str) -> bool:
    return is_verb(tag) and (".INF" in tag or ".SUP" in tag or ".PART" in tag)


def is_passive(tag: str) -> bool:
    return tag.endswith(".PASS")


@record
class Clause:
    """One clause: where it is, who does it and what its verb is."""

    start: int  # token span of the clause, [start, end)
    end: int
    verb: int  # the finite verb, or the infinitive of an infinitive clause
    main: int  # the last verb of the chain: the one that says what is done
    subject: tuple[int, int] | None = None  # token span
    finite: bool = True  # False: an infinitive ("att ringa", "Boka lokal")
    form: str = ""  # "pres", "past", "imp", "inf", "perfect", "pluperfect"
    passive: bool = False
    modal: str | None = None  # lemma of the modal before the main verb ("skola", "måste", ...)
    negated: bool = False
    inverted: bool = False  # subject after the verb
    subordinate: str | None = None  # the subjunction that opens it ("att", "när", "som")
    head: int | None = None  # index (in the list) of the clause it depends on
    controller: str | None = None  # infinitives: "subject" or "object" of the head
    shared: int | None = None  # a clause whose subject this one shares ("... och köper in")
    object: tuple[int, int] | None = None  # the one a head gives the task to ("uppdrar åt Bo")
    meaning: tuple[str, str] | None = None  # (entry, class) of the main verb, from meanings
    aux_meaning: tuple[str, str] | None = None  # ... of the finite verb when it is a modal
    complement: int | None = None  # index of its att-clause or infinitive, when it has one
    predicate: str | None = None  # the adjective after a copula ("ansvarig")
    auxiliaries: list[str] = field(default_factory=list)  # lemmas of the chain's auxiliaries
    extras: dict[str, bool] = field(default_factory=dict)

    @property
    def is_main(self) -> bool:
        """A clause that can be an item by itself: a main clause, a leading infinitive, or an
        att-clause that opens the line ("Att vi bjuder in rektorn", under "Beslut:")."""
        if self.extras.get("leading") or self.extras.get("decision-part"):
            return True
        return self.finite and (self.subordinate is None or self.subordinate == "att" and self.head is None)


def complements(found: Sequence[Clause], clause: Clause) -> list[Clause]:
    """The chain of complements under a clause: "beslutade att ge Bo i uppdrag att skriva" ->
    [ge ..., skriva ...]."""
    out: list[Clause] = []
    c = clause
    while c.complement is not None and len(out) < 4:
        c = found[c.complement]
        out.append(c)
    return out


def doer_span(found: Sequence[Clause], clause: Clause) -> tuple[Clause, tuple[int, int] | None]:
    """Who does what a clause commits to: the object a complement gives the task to ("uppdrar
    åt Bo att", "ger Bo i uppdrag att"), else the subject of the clause (or of the clause whose
    subject it shares). Returns the clause that holds the subject and the span of the doer."""
    for comp in reversed(complements(found, clause)):
        if comp.controller == "object" and comp.object is not None:
            return comp, comp.object
    if clause.subject is None and clause.shared is not None:
        return found[clause.shared], found[clause.shared].subject
    return clause, clause.subject


def subject_text(tokens: Sequence[Tagged], clause: Clause) -> str | None:
    if clause.subject is None:
        return None
    a, b = clause.subject
    return " ".join(t.text for t in tokens[a:b]).replace(" ,", ",")


def span_text(tokens: Sequence[Tagged], span: tuple[int, int] | None) -> str | None:
    if span is None:
        return None
    a, b = span
    return " ".join(t.text for t in tokens[a:b]).replace(" ,", ",")


# What a commitment is said of when it gives the item before an owner: "Bo håller i detta".
THIS_POINT = {"detta", "det", "den", "dessa", "dem", "arbetet", "frågan", "uppdraget", "punkten", "det här"}


def echoes_item_before(tokens: Sequence[Tagged], before: str) -> bool:
    """ "Gustav skickar" under "Vi skickar ett mejl till styrelsen": names and the verb of the item
    before alone, which say who does it."""
    words = [t for t in tokens if upos(t.tag) != "PUNCT"]
    names = 0
    while names < len(words) and (words[names].tag == "PROPN" or words[names].text.casefold() in ("och", "&")):
        names += 1
    rest = words[names:]
    if not names or not rest or not is_finite(rest[0].tag) or any(t.text.casefold() not in THIS_POINT for t in rest[1:]):
        return False
    verb = rest[0].text.casefold()
    stem = verb[: max(4, len(verb) - 2)]
    return any(word.startswith(stem) for word in before.casefold().split())


def tells_what_is_said(found: Sequence[Clause]) -> bool:
    """A sentence that tells what someone said or thinks: a verb of reporting or opinion with
    an att-clause under it ("Bo menar att ...")."""
    return any(
        clause.is_main and clause.meaning and clause.meaning[1] in ("report", "opinion")
        and any(c.head == k and c.subordinate == "att" for c in found)
        for k, clause in enumerate(found)
    )  # fmt: skip


__all__ = [
    "THIS_POINT", "Clause", "Tagged", "complements", "doer_span", "echoes_item_before", "is_finite", "is_nonfinite",
    "is_passive", "is_verb", "span_text", "subject_text", "tells_what_is_said", "upos",
]  # fmt: skip
