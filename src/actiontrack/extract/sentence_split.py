"""Sentences of a block: where a paragraph's text is cut into sentences.

A full stop, a question or an exclamation mark before a capital ends a sentence unless it ends
a Swedish abbreviation ("t.ex.", "bl.a.", "kl. 9"); a line break ends one where the minutes are
written a line per point; a list run into a paragraph ("Eva: - Ringer X. - Bokar Y.") and the
att-lines of a decision are cut point by point. A sentence longer than any secretary writes is
cut into pieces (cap_sentence). Every sentence keeps the line it starts on.
"""

from __future__ import annotations

import bisect
import re

from actiontrack.lazy_re import lazy
from actiontrack.records import record

END_PUNCT = ".!?"

# No sentence ends after these (the tagger keeps the stop with a few of them: tagger.ONE_TOKEN)
ABBREVIATIONS = frozenset({
    "t.ex", "bl.a", "kl", "ca", "m.m", "osv", "o.s.v", "dvs", "d.v.s", "resp", "s.k", "fr.o.m", "t.o.m",
    "p.g.a", "pga", "nr", "tel", "jfr", "inkl", "exkl", "ev", "mm", "etc", "st", "forts", "ang", "enl",
    "bl", "t", "f.d", "fd", "ordf", "sekr", "adj", "tf", "t.f", "obs", "o", "mfl", "m.fl", "s", "e.d",
    "dyl", "d.y", "ff", "kap", "prof", "dr", "doc", "leg", "sv", "eng", "min", "tim", "max", "mån", "tis",
    "ons", "tors", "fre", "lör", "sön", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "okt",
    "nov", "dec", "v", "fig", "ref", "ibid", "uppl", "vs", "fr",
})  # fmt: skip


# Words a line does not end on when its sentence is complete: the sentence goes on below.
OPEN_ENDINGS = {
    "och",
    "att",
    "som",
    "i",
    "på",
    "för",
    "med",
    "till",
    "av",
    "om",
    "eller",
    "men",
    "samt",
    "en",
    "ett",
}


@record
class Sentence:
    text: str
    line: int



# A sentence ends at a full stop before a capital, or before a dash or bullet and a capital
# ("... lokalen. - Bokar bussen"); and a person's label with a dash list starts one even
# without a full stop, as where a PDF's lines were run together ("... diskussion Eva: - Ringer
# kommunen ...").
_AT_STOP = r"(?<=[.!?])[\"”’)]*\s+(?=[\"“”(]?[A-ZÅÄÖÉ0-9]|[-–•]\s+[A-ZÅÄÖÉ])"
_SPLIT = lazy(_AT_STOP + r"|(?<=\S)\s+(?=[A-ZÅÄÖ][a-zåäöé]+(?:[ -][A-ZÅÄÖ][a-zåäöé]+)?:\s+[-–•]\s+[A-ZÅÄÖÉ])")
# A text with no colon has no label: only its stops are looked for (the label's lookahead, tried
# at every space, was most of the cost)
_SPLIT_AT_STOPS = lazy(_AT_STOP)


def split_sentences(lines: list[tuple[int, str]]) -> list[Sentence]:
    """Sentences of a block, each with the line it starts on.

    A line break ends a sentence too when the minutes are written a line per point without
    full stops ("Gunilla bokar bussen" / "Stig gör utskick"): the line is complete (no
    comma or "och" at its end), the next starts with a capital, and the lines are not the
    hard-wrapped lines of one paragraph (then only a line that stops well short of the
    width ends a sentence).
    """
    sentences: list[Sentence] = []
    for chunk in _line_chunks(lines):
        sentences.extend(_split_chunk(chunk))
    return sentences


_LIST_NUMBER = lazy(r"^\d{1,2}[.)]\s+\S")


def starts_a_sentence(line: str) -> bool:
    """ "Styrelsen beslöt att ...", "Lokalen var öppen": a capitalised word and then a verb."""
    from actiontrack.extract.tagger import tag

    words = line.split()
    if len(words) <= 2 or not words[0][:1].isupper() or not words[1].islower():
        return False
    return tag(words[:3])[1].startswith(("VERB.PRES", "VERB.PAST", "AUX.PRES", "AUX.PAST"))


def _line_chunks(lines: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    if len(lines) < 2:
        return [lines]
    width = max(len(text) for _, text in lines)
    chunks: list[list[tuple[int, str]]] = [[lines[0]]]
    for (_, prev), (no, text) in zip(lines, lines[1:], strict=False):
        last_word = prev.split()[-1].casefold() if prev.split() else ""
        complete = prev[-1:] not in ",;:–-&/+" and last_word not in OPEN_ENDINGS and len(prev.split()) >= 2
        short = width < 70 or len(prev) < 0.8 * width or starts_a_sentence(text)
        if _LIST_NUMBER.match(text) or _next_decision_part(prev, text) or (
            complete and short and text[:1].isupper() and prev[-1:] not in END_PUNCT
        ):
            chunks.append([(no, text)])
        else:
            chunks[-1].append((no, text))
    return chunks


def _next_decision_part(prev: str, line: str) -> bool:
    """ "att boka lokal," / "att Eva skickar ut kallelsen.": each decision of a list on its own line."""
    return line[:4] == "att " and (prev[-1:] in ".;," or prev.rpartition(" ")[2] == "samt")


def _split_chunk(lines: list[tuple[int, str]]) -> list[Sentence]:
    text = ""
    starts: list[tuple[int, int]] = []  # (offset in text, line number)
    for no, line in lines:
        if text:
            text += " "
        starts.append((len(text), no))
        text += line
    sentences: list[Sentence] = []
    begin = 0
    for m in (_SPLIT if ":" in text else _SPLIT_AT_STOPS).finditer(text):
        end = m.start()
        if _ends_with_abbreviation(text[begin:end]):
            continue
        sentences.extend(_capped(text, begin, end, starts))
        begin = m.end()
    sentences.extend(_capped(text, begin, len(text), starts))
    return sentences


# The longest sentence of the corpora and samples is 818 characters. A longer one is text no
# secretary wrote: the grammar's time grows with the square of a sentence's length (a line of
# 19,000 characters without a full stop took 2.5 s and 45 MB), and every item found in it
# would carry all of it as its source. It is cut into pieces of at most this length.
MAX_SENTENCE = 1_000
_CUT_AFTER = lazy(r"[;,:]\s|\s(?:och|samt|men|eller|sedan|så)\s|\s[-–]\s")  # a clause may end here


def cap_sentence(text: str, limit: int = MAX_SENTENCE) -> list[tuple[int, int]]:
    """Spans (start, end) of `text` that cover it, each at most `limit` characters long: cut
    after the last clause boundary (a comma, "och", a dash) in the second half of the span, else
    at the last space, else hard. One span for a sentence within the limit."""
    spans = []
    begin = 0
    while len(text) - begin > limit:
        window = text[begin : begin + limit]
        cut = 0
        for m in _CUT_AFTER.finditer(window, limit // 2):
            cut = m.start() + 1
        if not cut:
            cut = window.rfind(" ", limit // 2) + 1 or limit
        spans.append((begin, begin + cut))
        begin += cut
    spans.append((begin, len(text)))
    return spans


def _capped(text: str, begin: int, end: int, starts: list[tuple[int, int]]) -> list[Sentence]:
    """The sentence text[begin:end], stripped, in pieces of at most MAX_SENTENCE characters."""
    piece = text[begin:end]
    if len(piece) <= MAX_SENTENCE:
        piece = piece.strip()
        return [Sentence(piece, _line_at(starts, begin))] if piece else []
    out = []
    for b, e in cap_sentence(piece):
        part = piece[b:e].strip()
        if part:
            out.append(Sentence(part, _line_at(starts, begin + b)))
    return out


def _ends_with_abbreviation(chunk: str) -> bool:
    if re.fullmatch(r"\s*(?:\d{1,2}(?:\.\d{1,2})*|[a-z]|§\s*\d+)\.\s*", chunk):
        return True  # a list number ("1. Boka lokal"), not a sentence
    words = chunk.rstrip('.!?"”’)').split()
    if not words or not chunk.rstrip('"”’)').endswith("."):
        return False
    last = words[-1].casefold().strip("(")
    return last in ABBREVIATIONS or (len(last) == 1 and last.isalpha())


def _line_at(starts: list[tuple[int, int]], offset: int) -> int:
    """The line an offset of the joined text is on (starts are sorted by offset)."""
    i = bisect.bisect_right(starts, (offset, float("inf"))) - 1
    return starts[max(i, 0)][1]
