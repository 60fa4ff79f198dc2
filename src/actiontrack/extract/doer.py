"""Who does the item of a clause, in the sentence's words; owners.py then says which person,
role or body the words name.

The subject, as a rule. But the one the line marks when the clause names nobody ("Eva: kollar
upp häckfåglarna", "Boka lokal (Eva)"); the one a head gives the task to ("uppdrar åt Bo att",
"Styrelsen gav Lars i uppdrag"); the subject of what was decided ("Vi beslutar att Anna bokar
lokalen"); a passive's agent ("skickas ut av Leif", `passive_agent`), else nobody, as a
passive's subject is what is done ("Bo bjuds in"); nobody for a thing, an expletive or a
quantified subject, or a deferral; and INHERIT when a statement opens with its verb and leaves
out the doer the sentence before named ("Tar vidare frågan").
"""

from __future__ import annotations

from actiontrack.extract import features
from actiontrack.extract.clause import Clause, complements, doer_span, span_text, subject_text, upos
from actiontrack.extract.tagger import Token
from actiontrack.models import Kind

INHERIT = object()  # a doer left out: "Tar vidare frågan" is whoever the sentence before named


def doer(
    tokens: list[Token], found: list[Clause], clause: Clause, marked: str | None, kind: Kind,
    *, names: frozenset[str], own_body: frozenset[str],
) -> str | object | None:
    """The words that say who does the item of a clause; None for nobody (the group's, a thing
    done); INHERIT when the clause leaves out a doer that the sentence before named."""
    if kind is Kind.DEFERRED:
        return None
    if marked and (
        clause.subject is None
        or clause.extras.get("leading")
        or features.subject_kind(tokens, clause, names, own_body) in ("thing", "expletive", "none")
    ):
        return marked  # "Eva: kollar upp häckfåglarna", "Boka lokal (Eva)": the one the line marks
    holder, who = doer_span(found, clause)
    if holder is not clause and holder.controller == "object" and who is not None:
        return span_text(tokens, who)  # "uppdrar åt Bo att"
    if clause.meaning and clause.meaning[1] == "assign" and clause.object is not None:
        return span_text(tokens, clause.object)  # "Styrelsen gav Lars i uppdrag ..."
    chain = complements(found, clause)
    comp = chain[0] if chain else None
    if clause.meaning and clause.meaning[1] == "decide":
        that = next((c for c in found if c.head == found.index(clause) and c.finite and c.subject), None)
        if that is not None:  # "Vi beslutar att Anna bokar lokalen": Anna's
            return _subject_words(tokens, that, names, own_body)
    subject_of = clause
    if clause.shared is not None and clause.subject is None:
        subject_of = found[clause.shared]
    if clause.passive or comp is not None and comp.passive:
        agent = passive_agent(tokens, comp if comp is not None and comp.passive else clause)
        if agent:
            return agent
        # a passive's subject is what is done, or the one it is done to ("Bo bjuds in",
        # "Anna tillfrågas"): not the doer, who is not named
        told = comp is not None and comp.controller == "subject" and not comp.passive
        if not told and (clause.passive and subject_of is clause or comp is not None and comp.passive):
            return None  # (but "Lasse ålades att skicka ut protokollet": Lasse is told to do it)
    if subject_of.subject is None:
        if subject_of.form in ("pres", "past") and subject_of.verb == _first_word(tokens) and not subject_of.passive:
            return INHERIT
        return None
    return _subject_words(tokens, subject_of, names, own_body)


def _subject_words(tokens: list[Token], clause: Clause, names: frozenset[str], own_body: frozenset[str]) -> str | None:
    kind = features.subject_kind(tokens, clause, names, own_body)
    if kind in ("thing", "expletive", "quantified"):
        return None
    return subject_text(tokens, clause)


def _first_word(tokens: list[Token]) -> int:
    for i, t in enumerate(tokens):
        if upos(t.tag) != "PUNCT":
            return i
    return 0


def passive_agent(tokens: list[Token], clause: Clause) -> str | None:
    """ "skickas ut av Leif", "tas fram av förvaltningen", "ges i första ledet av Vilma": who does
    a passive; not a noun's "av" a noun ("reserveras för renoveringen av köket": the kitchen's
    renovation, done by nobody named)."""
    for i in range(clause.main + 1, min(len(tokens), clause.main + 6)):
        if (
            tokens[i].text == "av"
            and i - 1 > clause.main
            and i + 1 < len(tokens)
            and upos(tokens[i - 1].tag) == upos(tokens[i + 1].tag) == "NOUN"
        ):
            continue
        if tokens[i].text == "av" and i + 1 < len(tokens):
            j = i + 1
            words: list[str] = []
            while j < len(tokens) and upos(tokens[j].tag) in ("PROPN", "NOUN") and len(words) < 3:
                words.append(tokens[j].text)
                if upos(tokens[j].tag) == "NOUN":
                    break
                j += 1
            return " ".join(words) or None
    return None


__all__ = ["INHERIT", "doer", "passive_agent"]
