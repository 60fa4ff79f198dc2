"""Noun phrases of a tagged sentence: the subject before a verb, the subject after it in inverted
order, the object a verb gives a task to.

A subject before its verb is the noun phrase that ends right before it (`trailing_np`): names
joined by "och" or commas ("Kerstin och Lena"), a pronoun, or a determiner-adjective-noun
group, never a phrase of time ("Torsdag den 15 juni"); a noun with its attributes before the
verb is one phrase ("Frågan om sommaröppet bordläggs": `complex_np`). After the verb, in
inverted order, a pronoun, names or a definite noun ("tar Anna", "skickar sekreteraren":
`np_after`). Which clause the phrase is the subject of is grammar.py's to say.
"""

from __future__ import annotations

from collections.abc import Sequence

from actiontrack.extract import meanings
from actiontrack.extract.clause import upos

TYPE_CHECKING = False
if TYPE_CHECKING:
    from actiontrack.extract.clause import Tagged

JOINERS = {"och", "samt", "&", "+", "/", ","}


def np_part(token: Tagged) -> bool:
    u = upos(token.tag)
    return u in ("NOUN", "PROPN", "PRON", "DET", "ADJ", "NUM") or (u == "X" and token.text[:1].isupper())


def is_time(word: str) -> bool:
    return meanings.word_class(word) == "time"


def trailing_np(tokens: Sequence[Tagged], low: list[str], start: int, end: int) -> tuple[int, int] | None:
    """The noun phrase that ends right before `end` (not before `start`) and can be a subject:
    names joined by "och" or commas ("Kerstin och Lena"), a pronoun, or a determiner-adjective-
    noun group; never a phrase of time ("Torsdag den 15 juni")."""
    j = end - 1
    if j < start or not np_part(tokens[j]):
        return None
    k = j
    while k - 1 >= start:
        prev = tokens[k - 1]
        if np_part(prev):
            k -= 1
            continue
        if low[k - 1] in JOINERS and k - 2 >= start and np_part(tokens[k - 2]):
            k -= 2
            continue
        break
    u = upos(tokens[j].tag)
    if u == "PROPN":
        # "brygger kaffe Ann-Gret bakar": the names at the end are the subject; a noun before
        # them is the previous verb's object, unless it is a title ("Kassören Eva")
        m = j
        while m - 1 >= k and (
            upos(tokens[m - 1].tag) == "PROPN"
            or low[m - 1] in JOINERS and m - 2 >= k and upos(tokens[m - 2].tag) == "PROPN"
        ):
            m -= 1 if upos(tokens[m - 1].tag) == "PROPN" else 2
        if m > k and meanings.noun_class(tokens[m - 1].text) == "role":
            m -= 1  # "ordföranden Eva Berg"
        return (m, end)
    if u == "PRON":
        return (j, end)
    if u == "NUM" or is_time(low[j]) or u == "ADJ" and j == k:
        return None
    if u == "ADJ":  # "vi gemensamt bokar": an adverb the tagger read as an adjective after the subject
        pron = [x for x in range(k, end) if upos(tokens[x].tag) == "PRON"]
        if pron:
            return (pron[-1], pron[-1] + 1)
    # a noun group: the last one when nouns stand side by side (an object before the subject)
    m = j
    while m - 1 >= k and (
        upos(tokens[m - 1].tag) in ("DET", "ADJ", "NOUN", "PROPN", "NUM") or low[m - 1] in meanings.words_of("quantifier")
    ):
        if upos(tokens[m - 1].tag) == "NOUN" and upos(tokens[m].tag) == "NOUN" and ".GEN" not in tokens[m - 1].tag:
            break
        m -= 1
    if any(is_time(low[x]) or upos(tokens[x].tag) == "NUM" for x in range(m, end)):
        return None
    if m > k and low[m - 1] in JOINERS:
        return (k, end)  # "Styrelsen och valberedningen"
    return (m, end)


def complex_np(tokens: Sequence[Tagged], low: list[str], start: int, end: int) -> bool:
    """Whether the words from start to end are a noun with its attributes ("Frågan om", "Förslaget
    från styrelsen till"): a noun first, then nouns, adjectives and prepositions only."""
    if upos(tokens[start].tag) not in ("NOUN", "DET", "ADJ") or is_time(low[start]):
        return False
    return all(
        upos(tokens[x].tag) in ("NOUN", "PROPN", "DET", "ADJ", "ADP", "NUM") and not is_time(low[x])
        for x in range(start, end)
    ) and upos(tokens[end - 1].tag) == "ADP"


def np_after(tokens: Sequence[Tagged], low: list[str], tags: list[str], i: int) -> tuple[int, int] | None:
    """The subject right after a verb in inverted order: "tar Anna", "skickar sekreteraren", "ska vi",
    "kommer kommunens servicegrupp"."""
    n = len(tokens)
    j = i
    while j < n and upos(tags[j]) == "ADV" and j - i < 2 and low[j] not in ("inte", "ej"):
        j += 1
    if j >= n:
        return None
    u = upos(tags[j])
    if u == "PRON" and low[j] not in ("sig", "det", "detta", "den", "dessa", "denna", "man", "oss", "mig", "dig"):
        return (j, j + 1)
    if u == "PROPN":
        k = j + 1
        while k < n and (upos(tags[k]) == "PROPN" or low[k] in ("och", "&") and k + 1 < n and upos(tags[k + 1]) == "PROPN"):
            k += 1 if upos(tags[k]) == "PROPN" else 2
        return (j, k)
    if u == "NOUN" and (".DEF" in tags[j] or ".GEN" in tags[j]) and not is_time(low[j]):
        k = j + 1
        if ".GEN" in tags[j]:
            while k < n and upos(tags[k]) in ("NOUN", "ADJ"):
                k += 1
        return (j, k)
    return None


def object_np(tokens: Sequence[Tagged], tags: list[str], j: int) -> tuple[int, int]:
    k = j + 1
    n = len(tokens)
    while k < n and (
        upos(tags[k]) == "PROPN"
        or tokens[k].text.casefold() in ("och", "&", ",") and k + 1 < n and upos(tags[k + 1]) == "PROPN"
    ):
        k += 1
    return (j, k)


__all__ = ["JOINERS", "complex_np", "is_time", "np_after", "np_part", "object_np", "trailing_np"]
