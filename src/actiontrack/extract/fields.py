"""The fields of a minutes header when the text runs them together.

PDF text often comes as one line per page: "1 Protokoll fört vid styrelsemöte Tid: Tisdagen
den 4 november 2014 Närvarande: Anna Berg, Bo Ek Frånvarande: Cia Lund 1. Mötets öppnande ...".
`unfold` cuts such a line before each label of a minutes header, so that the header and the
attendance readers see "Tid: ...", "Närvarande: ..." one to a line, as in minutes typed by hand.

A label is known by its words (the tables below), and mid-line also by its capital letter. The
labels of the standard municipal protocol form ("Plats och tid", "Beslutande", "Övriga
deltagande", "Utses att justera") are recognised without a colon, but only in a long run-on line.
When the form was printed in two columns, the labels come first and the values after them
("Plats: Beslutande: Övriga närvarande: Stadshuset. Anna Berg, Bo Ek, Cia Lund."): the first
sentence of the values that lists people is handed to the people label left without a value.

The pieces keep the number of the line they come from; `Unfolded.cut` holds the numbers of the
lines that were cut, which no later stage may mark as used as a whole: the rest of such a line
(the minutes' own points) is still to be read.
"""

from __future__ import annotations

import re

from actiontrack.extract.guard import Guarded
from actiontrack.extract.sentences import Line
from actiontrack.records import field, record

# Labels written with a colon: "Tid:", "Närvarande ledamöter:", "Inte närvarande:".
COLON_LABELS = (
    "tid", "datum", "plats", "lokal", "dag och tid", "närvaro", "plats och tid", "tid och plats", "datum och tid",
    "sammanträdesdatum", "mötesdatum", "närvarande", "närvarande ledamöter", "närvarande ersättare",
    "beslutande", "beslutande ledamöter", "ledamöter", "ersättare", "tjänstgörande ersättare",
    "övriga närvarande", "övrig närvarande", "övriga deltagande", "övriga deltagare", "övriga",
    "deltagare", "frånvarande", "icke närvarande", "inte närvarande", "ej närvarande", "anmält förhinder",
    "anmält frånvaro", "förhinder", "inbjuden", "inbjudna", "gäster", "adjungerade", "adjungerad",
    "sekreterare", "protokollförare", "vid protokollet", "ordförande", "justerare", "justerande",
    "utses att justera", "utses att justera protokollet", "justeringens plats och tid", "underskrifter",
    "paragrafer",
)  # fmt: skip
# The labels of the printed protocol form, known without a colon in a run-on line.
BARE_LABELS = (
    "plats och tid", "tid och plats", "dag och tid", "beslutande", "beslutande ledamöter",
    "övriga deltagande", "övriga närvarande", "närvarande ledamöter", "närvarande", "närvaro", "frånvarande",
    "icke närvarande", "inte närvarande", "anmält förhinder", "förhinder", "tjänstgörande ersättare",
    "utses att justera", "justeringens plats och tid", "underskrifter", "paragrafer",
)  # fmt: skip
PEOPLE_LABELS = {
    "närvarande", "närvarande ledamöter", "närvarande ersättare", "beslutande", "beslutande ledamöter",
    "ledamöter", "ersättare", "tjänstgörande ersättare", "övriga närvarande", "övrig närvarande",
    "övriga deltagande", "övriga deltagare", "deltagare", "närvaro",
}  # fmt: skip
RUN_ON_WORDS = 25  # a line longer than this is text run together, not a line of its own


def _alternatives(labels: tuple[str, ...]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(labels, key=len, reverse=True))


_COLON = re.compile(r"(?i)(?<![\wåäöÅÄÖ])(?P<label>" + _alternatives(COLON_LABELS) + r")\s*:")
# looked for only in a line that holds a word of each label (a long line rarely does): an
# alternation under IGNORECASE is tried at every place of the line
_BARE = Guarded(
    re.compile(r"(?i)(?<![\wåäöÅÄÖ:])(?P<label>" + _alternatives(BARE_LABELS) + r")(?=\s+\S)(?!\s*:)"),
    "plats", "dag", "beslutande", "deltagande", "närvar", "frånvarande", "förhinder", "tjänstgörande", "justera",
    "underskrifter", "paragrafer",
)  # fmt: skip
# the sentence of a value that lists people: "Anna Berg, Bo Ek (sekreterare), Cia Lund."
_PEOPLE_SENTENCE = re.compile(
    r"(?:^|(?<=[.]\s))(?P<list>[A-ZÅÄÖ][\wåäöé-]+\s+[A-ZÅÄÖ][\wåäöé-]+[^.]*?,\s*[A-ZÅÄÖ][\wåäöé-]+\s+[A-ZÅÄÖ][^.]*\.)"
)


_LABEL_ALONE = re.compile(r"(?i)^(?:" + _alternatives(COLON_LABELS) + r")\s*:?$")
# the labels whose value, written on the line below, is the meeting's date
DATE_LABELS = {"tid", "datum", "dag och tid", "plats och tid", "tid och plats", "datum och tid", "sammanträdesdatum",
               "mötesdatum"}  # fmt: skip


def is_label(text: str) -> bool:
    """ "Plats och tid", "Närvarande:": a label of a minutes header standing alone."""
    return bool(_LABEL_ALONE.match(text.strip()))


@record
class Unfolded:
    lines: list[Line]
    cut: set[int] = field(default_factory=set)  # numbers of the lines that were cut in pieces


@record
class _Label:
    start: int
    end: int
    name: str  # as written, without the colon


def _labels(text: str) -> list[_Label]:
    """The labels in a line, left to right; mid-line only those written with a capital."""
    run_on = len(text.split()) > RUN_ON_WORDS
    # every label _COLON finds ends in its colon: most lines have none, and are not searched
    found = [_Label(m.start(), m.end(), m.group("label")) for m in _COLON.finditer(text)] if ":" in text else []
    if run_on:
        found += [_Label(m.start(), m.end(), m.group("label")) for m in _BARE.finditer(text)]
    found = [f for f in found if f.start == 0 or f.name[:1].isupper()]
    out: list[_Label] = []
    for f in sorted(found, key=lambda f: (f.start, -(f.end - f.start))):
        if not out or f.start >= out[-1].end:
            out.append(f)
    return out


def unfold(lines: list[Line]) -> Unfolded:
    """The lines with each run-on line cut before its labels; every other line as it is."""
    result = Unfolded([])
    taken = -1
    for i, ln in enumerate(lines):
        if i == taken:
            continue
        below = _value_below(lines, i)
        if below is not None:  # "Plats och tid" / "Stadshuset, 2026-03-04 kl. 13": the value under its label
            result.lines.append(Line(below.no, f"{ln.text.strip().rstrip(':').strip()}: {below.text}"))
            result.cut.add(below.no)
            taken = i + 1
            continue
        labels = _labels(ln.text)
        mid = [f for f in labels if f.start > 0]
        if not mid or (len(labels) < 2 and len(ln.text.split()) <= RUN_ON_WORDS):
            result.lines.append(_with_colon(ln))
            continue
        result.cut.add(ln.no)
        head = ln.text[: labels[0].start].strip()
        if head:
            result.lines.append(Line(ln.no, head, ln.heading_level, ln.bullet))
        pieces = []
        for f, nxt in zip(labels, [*labels[1:], None], strict=True):
            value = ln.text[f.end : nxt.start if nxt else len(ln.text)].strip()
            pieces.append([" ".join(f.name.split()), value])
        _columns(pieces)
        result.lines += [Line(ln.no, f"{name}: {value}".strip()) for name, value in pieces]
    return result


_FORM_LABEL = re.compile(r"^(?P<label>(?i:" + _alternatives(BARE_LABELS) + r"))\s+(?=[A-ZÅÄÖ])")


def _with_colon(ln: Line) -> Line:
    """ "Beslutande Anna Berg (C), ordförande": a label of the printed protocol form at the start
    of a line, without its colon, as "Beslutande: Anna Berg (C), ordförande"."""
    m = _FORM_LABEL.match(ln.text)
    if m is None or not m.group("label")[:1].isupper():
        return ln
    return Line(ln.no, f"{m.group('label')}: {ln.text[m.end():]}", ln.heading_level, ln.bullet)


def _value_below(lines: list[Line], i: int) -> Line | None:
    """The next line, when line i is a date label alone and the next line holds a date."""
    words = lines[i].text.strip().rstrip(":").split(None, 3)  # a label is three words at most
    if len(words) > 3 or " ".join(words).casefold() not in DATE_LABELS or i + 1 >= len(lines):
        return None
    nxt = lines[i + 1]
    if not nxt.text or _labels(nxt.text) or not re.search(r"\d", nxt.text):
        return None
    return nxt


def _columns(pieces: list[list[str]]) -> None:
    """Labels printed in a column above their values: hand the first sentence listing people,
    among the values after them, to a people label left without a value."""
    for i, (name, value) in enumerate(pieces):
        if value or name.casefold() not in PEOPLE_LABELS or i + 1 >= len(pieces):
            continue
        if pieces[i + 1][1] and (i == 0 or pieces[i - 1][1]):
            continue  # not among labels printed one under the other
        for later in pieces[i + 1 :]:
            m = _PEOPLE_SENTENCE.search(later[1])
            if later[1] and m:
                pieces[i][1] = m.group("list").rstrip(".")
                later[1] = (later[1][: m.start("list")] + later[1][m.end("list") :]).strip()
                break
            if later[1]:
                break
