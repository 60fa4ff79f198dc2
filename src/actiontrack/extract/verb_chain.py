"""A finite verb's chain: from the finite verb through its auxiliaries to the verb that says what
is done, with the tense, voice, modal and negation they give the clause.

    "ska skicka", "kommer att skicka", "har skickat", "ska skickas", "blir bokad",
    "ska vara inskickad", "är ansvarig", "börjar ta upp"

The auxiliaries are lemmas (CHAIN_AUX, COPULAS, ASPECT), whatever their form; a copula with a
participle is a passive ("blir bokad") and "vara" with one a state ("Lokalen är bokad"); "ska
ut" leaves out a verb of motion. The main verb's meaning is looked up in meanings.py.
"""

from __future__ import annotations

from collections.abc import Sequence

from actiontrack.extract import meanings
from actiontrack.extract.clause import Clause, is_nonfinite, is_passive, is_verb, upos

TYPE_CHECKING = False
if TYPE_CHECKING:
    from actiontrack.extract.clause import Tagged

# Auxiliaries that take a bare infinitive or a supine after them; "komma" with "att".
CHAIN_AUX = {"skola", "måste", "behöva", "kunna", "böra", "vilja", "få", "ha", "komma", "tänka", "torde", "må"}
# Verbs of aspect before an infinitive: what is done is the infinitive ("börjar ta upp frågan").
ASPECT = {"börja", "fortsätta", "sluta"}
COPULAS = {"vara", "bli"}
PLAIN_AUX = {"ha", "vara", "bli"}  # auxiliaries with no meaning of their own for the task
_ELLIPTIC = {"ut", "upp", "in", "iväg", "bort", "fram", "över"}  # "ska ut", "måste upp": a verb of motion left out
_FORMS = (("PRES", "pres"), ("PAST", "past"), ("IMP", "imp"), ("INF", "inf"), ("SUP", "sup"), ("PART", "part"))


def verb_form(tag: str) -> str:
    for key, form in _FORMS:
        if "." + key in tag:
            return form
    return ""


def _skippable(low: list[str], tags: list[str], k: int, clause: Clause) -> bool:
    """Between an auxiliary and its verb: adverbs, negation, "sig", an inverted subject."""
    return (
        upos(tags[k]) in ("ADV", "PART") and low[k] != "att"
        or low[k] in ("sig", "själv", "själva")
        or bool(clause.inverted and clause.subject and clause.subject[0] <= k < clause.subject[1])
    )


def follow_chain(tokens: Sequence[Tagged], low: list[str], tags: list[str], clause: Clause) -> None:
    """Follow the finite verb through its auxiliaries: "ska skicka", "kommer att skicka",
    "har skickat", "ska skickas", "blir bokad", "ska vara inskickad", "är ansvarig"."""
    n = len(tokens)
    negation = meanings.words_of("negation")
    lemma = meanings.verb_lemma(low[clause.verb])
    k = clause.verb + 1
    first_aux = True
    while lemma in CHAIN_AUX | COPULAS or lemma in ASPECT and k < n and (
        is_verb(tags[k]) and ".INF" in tags[k] or low[k] == "att" and k + 1 < n and ".INF" in tags[k + 1]
    ):
        if first_aux and clause.subject is None:
            _subject_after_aux(low, tags, k, clause)
        skipped = k
        while k < n and _skippable(low, tags, k, clause):
            clause.negated |= low[k] in negation
            k += 1
        if first_aux and lemma in ("skola", "måste") and any(low[x] in _ELLIPTIC for x in range(skipped, k)) and (
            k >= n or not is_verb(tags[k])
        ):
            clause.modal = lemma  # "Protokollen ska ut på hemsidan": "ska (gå) ut"
            clause.extras["elliptic"] = True
            break
        if k < n and low[k] == "att" and lemma in ("komma", "tänka", *ASPECT):
            k += 1
        if k >= n:
            break
        if lemma in COPULAS and upos(tags[k]) == "ADJ":
            _copula_adjective(low, tags, k, lemma, first_aux, clause)
            break
        if not (is_nonfinite(tags[k]) or lemma == "komma" and is_verb(tags[k])):
            break
        _auxiliary(lemma, first_aux, clause)
        first_aux = False
        clause.main = k
        clause.passive = clause.passive or is_passive(tags[k])
        lemma = meanings.verb_lemma(low[k])
        k += 1
        if ".SUP" in tags[k - 1] and lemma not in CHAIN_AUX | COPULAS:
            break
    for x in range(clause.verb + 1, min(n, clause.main + 2)):
        clause.negated |= low[x] in negation
    _chain_meaning(tokens, clause)


def _subject_after_aux(low: list[str], tags: list[str], k: int, clause: Clause) -> None:
    """A pronoun right after the first auxiliary, with the rest of the chain after it, is the
    subject: "I år har det inte blivit ..."."""
    n = len(low)
    if k + 1 < n and upos(tags[k]) == "PRON" and low[k] != "sig":
        nxt = k + 1
        while nxt < n and upos(tags[nxt]) in ("ADV", "PART"):
            nxt += 1
        if nxt < n and is_nonfinite(tags[nxt]):
            clause.subject, clause.inverted = (k, k + 1), True


def _copula_adjective(low: list[str], tags: list[str], k: int, lemma: str, first_aux: bool, clause: Clause) -> None:
    """A copula with an adjective at k, where the chain ends: a participle makes it a passive ("blir
    bokad") or, after "vara", a state ("Lokalen är bokad"); an adjective after "vara" is what the
    subject is ("är ansvarig för ...")."""
    if ".PART" in tags[k] or low[k].endswith(("ad", "at", "ade")) and len(low[k]) > 5:
        # "ska vara inskickad": a participle, as the tagger may call it an adjective
        clause.passive = True  # "ska vara inskickad", "blir bokad"
        clause.extras["participle"] = True
        if lemma == "vara" and first_aux:
            clause.extras["stative"] = True  # "Lokalen är bokad", "Eva är intresserad": as things are
            if meanings.word_class(low[k]) == "responsible":
                clause.predicate = low[k]  # "Per och Bo är involverade i arbetet"
                clause.passive = False
                clause.extras.pop("stative")
        clause.main = k
    elif lemma == "vara":
        clause.predicate = low[k]  # "är ansvarig för ..."


def _auxiliary(lemma: str, first_aux: bool, clause: Clause) -> None:
    """What an auxiliary gives the clause: the first one its modal ("ska skicka"), its aspect
    ("börjar ta upp") or its perfect ("har skickat")."""
    if lemma:
        clause.auxiliaries.append(lemma)
    if first_aux and lemma in ASPECT:
        clause.extras["aspect"] = True  # "börjar ta upp": the tense is the finite verb's
    elif first_aux and lemma not in PLAIN_AUX:
        clause.modal = lemma
    if lemma == "ha" and first_aux:
        clause.form = "perfect" if clause.form == "pres" else "pluperfect"


def _chain_meaning(tokens: Sequence[Tagged], clause: Clause) -> None:
    """What the main verb means, none when it is left out ("ska ut"); "vara ansvarig" is a promise;
    a modal's own meaning beside it."""
    following = [t.text for t in tokens[clause.main + 1 : clause.main + 5]]
    clause.meaning = None if clause.extras.get("elliptic") else meanings.verb_class(tokens[clause.main].text, following)
    if clause.predicate and meanings.word_class(clause.predicate) == "responsible":
        clause.meaning = ("vara " + clause.predicate, "commit")
    if clause.modal:
        clause.aux_meaning = meanings.verb_class(tokens[clause.verb].text, [])


__all__ = ["ASPECT", "CHAIN_AUX", "COPULAS", "PLAIN_AUX", "follow_chain", "verb_form"]
