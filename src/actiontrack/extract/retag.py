"""The tagger's tags set right with what the document knows, before the grammar reads them.

The tagger knows few names and guesses at words it has not seen. A capitalised word that is
one of the meeting's people or a Swedish first name is a proper noun ("Per", "Ann-Gret"),
unless it opens the sentence as a word of its own ("Hans förslag"); an initial after a name
is part of it ("Anna B"); a word in -a after "att" is an infinitive, unless a noun and a
finite verb follow it ("att anmälda deltagare informeras"); a form in -s with no verb to
govern it is the present ("Ny tid bokas"); a present or past form of a verb the meaning table
knows is finite where the tagger saw a noun ("Styrelsen bordslägger"); and a statement has a
finite verb after its subject ("Eva lagar cykelstället"); a form in -s made of the base form is
no past ("bjuds"). The tagger's own tags of a sentence are kept (`cached_tags`).
"""

from __future__ import annotations

from functools import lru_cache

from actiontrack.extract import meanings
from actiontrack.extract.clause import is_finite, upos
from actiontrack.extract.tagger import Token, tag_text


@lru_cache(maxsize=4096)
def cached_tags(text: str) -> tuple[Token, ...]:
    """A sentence's tags, kept: the survey and the walk tag each sentence, and an import of
    the same minutes again (or training) tags them again."""
    return tuple(tag_text(text))


def _finite_of_known_verb(word: str) -> str | None:
    """The finite tag of a present or past form of a verb the meaning table knows, or None."""
    lemma = meanings.verb_lemma(word)
    if lemma is None or word == lemma or " " in lemma:
        return None
    stem = lemma[:-1] if lemma.endswith("a") else lemma
    if word.endswith("s") and word[:-1] in (lemma + "r", stem + "er", lemma, stem):
        return "VERB.PRES.PASS"
    if word in (lemma + "r", stem + "er", stem + "r"):
        return "VERB.PRES"
    if word.endswith(("de", "te", "dde")):
        return "VERB.PAST"
    return None


def names_as_names(tokens: list[Token], names: frozenset[str]) -> list[Token]:
    """The tagger knows few names: a capitalised word that is one of the document's people or
    a Swedish first name is a proper noun ("Per", "Ann-Gret"), unless it opens the sentence as
    a word of its own ("Hans förslag")."""
    from actiontrack.people import looks_like_first_name

    out = list(tokens)
    for i, t in enumerate(tokens):
        word = t.text
        if i and len(word) <= 2 and word.isupper() and word.isalpha() and out[i - 1].tag == "PROPN":
            out[i] = t._replace(tag="PROPN")  # "Peder W", "Anna B": an initial after a name
            continue
        if i and tokens[i - 1].text.casefold() == "att" and word.islower() and word.endswith("a") and t.tag.startswith("NOUN"):
            out[i] = t._replace(tag="VERB.INF")  # "att tillfråga": "att" is never a preposition
            continue
        if i and t.tag == "VERB.INF" and _participle_before_subject(tokens, i):
            out[i] = t._replace(tag="ADJ.PART")  # "att anmälda deltagare informeras"
            continue
        if i and word.islower() and upos(t.tag) in ("NOUN", "ADJ", "ADV") and upos(out[i - 1].tag) in (
            "NOUN", "PROPN", "PRON"
        ):
            finite = _finite_of_known_verb(word)  # "Styrelsen bordslägger ...": a verb of the table
            if finite:
                out[i] = t._replace(tag=finite)
                continue
        if not word[:1].isupper() or t.tag == "PROPN" or len(word) < 2:
            continue
        low = word.casefold()
        if low in names or word in names or looks_like_first_name(word) or looks_like_first_name(word.split("-")[0]):
            verb_next = len(tokens) > 1 and is_finite(tokens[1].tag)
            if i == 0 and low in _WORDS_AS_NAMES and low not in names and not verb_next:
                continue  # "Hans förslag", "Per capita": a word of its own opening the sentence
            out[i] = t._replace(tag="PROPN")
    return _verb_second(_passive_without_governor(_passive_not_past(out)))


def _passive_not_past(tokens: list[Token]) -> list[Token]:
    """ "Enhetschefen Karin Ek bjuds in": a form the dictionary makes of the base form and -s
    ("bjuda" -> "bjuds", "skicka" -> "skickas") is a passive of the present or the infinitive,
    never of the past ("bjöds"), whatever the words before it made the tagger guess."""
    from actiontrack.extract.tagger import load

    lexicon = None
    for i, t in enumerate(tokens):
        if t.tag.startswith("VERB.PAST") and t.text.endswith("s"):
            lexicon = lexicon or load().lexicon
            if lexicon is not None and lexicon(t.text.casefold()).startswith(("-+s ", "-a+s ")):
                tokens[i] = t._replace(tag="VERB.PRES.PASS")
    return tokens


def _passive_without_governor(tokens: list[Token]) -> list[Token]:
    """ "Ny tid bokas", "Frågorna lämnas in till Eva": a form in -s is the present as well as the
    infinitive; with a noun before it and no verb, "att" or infinitive marker that could govern
    an infinitive, it is the present."""
    seen_noun = False
    for i, t in enumerate(tokens):
        pos = upos(t.tag)
        if t.tag == "VERB.INF.PASS" and seen_noun:
            tokens[i] = t._replace(tag="VERB.PRES.PASS")
            return tokens
        if pos in ("VERB", "AUX", "PART", "SCONJ") or t.text in (":", ";"):
            return tokens
        seen_noun = seen_noun or pos in ("NOUN", "PROPN", "PRON")
    return tokens


def _participle_before_subject(tokens: list[Token], i: int) -> bool:
    """ "att anmälda deltagare informeras": after "att", a participle that the tagger took for
    an infinitive, since a noun and then a finite verb follow it (an infinitive's object is
    followed by no verb of its own), and the dictionary does not know it as a verb's base form."""
    from actiontrack.extract.tagger import load

    if tokens[i - 1].text.casefold() != "att" or i + 2 >= len(tokens):
        return False
    if upos(tokens[i + 1].tag) != "NOUN" or not is_finite(tokens[i + 2].tag):
        return False
    lexicon = load().lexicon
    return lexicon is not None and not lexicon(tokens[i].text.casefold()).startswith("-+ ")


def _verb_second(tokens: list[Token]) -> list[Token]:
    """A statement has a finite verb after its subject: when the tagger saw none there, a word in
    -ar, -er or -ir right after a name or a pronoun is that verb ("Eva lagar cykelstället", where
    "lagar" could be the plural of "lag"); a known verb opening the statement, or after a topic
    and a colon, is one too ("Skjuts till nästa möte", "Budgeten: skjuts till nästa möte")."""
    tokens = list(tokens)
    for i, t in enumerate(tokens):
        if (i == 0 or tokens[i - 1].text in (":", "–")) and not is_finite(t.tag):
            finite = _finite_of_known_verb(t.text.casefold())
            if finite and not any(is_finite(x.tag) for x in tokens[i + 1 : i + 3]):
                tokens[i] = t._replace(tag=finite)
    j = 0
    while j < len(tokens) and (tokens[j].tag == "PROPN" or tokens[j].text.casefold() in ("och", "&", ",")):
        j += 1
    if j == 0 and tokens and upos(tokens[0].tag) == "PRON" and tokens[0].text.casefold() in _PERSONAL:
        j = 1
    if 0 < j < len(tokens) - 1 and not is_finite(tokens[j].tag):
        word = tokens[j]
        ending = word.text.endswith(("ar", "er", "ir")) and len(word.text) > 3
        followed = not is_finite(tokens[j + 1].tag) and upos(tokens[j + 1].tag) != "PUNCT"
        if word.text.islower() and ending and upos(word.tag) in ("NOUN", "ADJ", "ADV") and followed:
            tokens[j] = word._replace(tag="VERB.PRES")
    return tokens


_PERSONAL = {"jag", "vi", "han", "hon", "hen", "de", "dom", "ni"}
_WORDS_AS_NAMES = {"hans", "per", "dag", "vi", "inga"}  # first names that are also common words


__all__ = ["cached_tags", "names_as_names"]
