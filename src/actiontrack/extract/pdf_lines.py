"""The lines of a PDF page: runs of text joined where they share a baseline, and the page's
furniture set aside.

- runs on one baseline become a line, and runs far apart on it separate segments; a list
  marker ("•", "1.") set apart from its text stays with it;
- running headers and footers (the same line at the top or bottom of two or more pages,
  page numbers written as digits), page numbers alone ("Sida 2 av 5", "2 (5)") and small type
  above or below all else go.

pdf_layout.py reads the lines in order: columns, tables and paragraphs. Everything is
measured in PDF points; the thresholds are fractions of the type's size.
"""

from __future__ import annotations

import re
from collections import Counter

from actiontrack.records import record

# A line in the top or bottom band of a page may be furniture (header, footer).
BAND = 0.12
_PAGE_NUMBER = re.compile(
    r"^[-–(]?\s*(?:sida|sid\.?|s\.|page|p\.)?\s*\d{1,4}\s*(?:(?:av|of|/|\()\s*\d{1,4}\s*\)?)?\s*[-–)]?$", re.IGNORECASE
)
_MARKER = re.compile(r"^(?:[•·▪◦‣●■□➢►▸✓\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf0a8\x7fo*–—-]|\(?\d{1,2}[.)]|[a-z][.)])$")


@record(frozen=True)
class Piece:
    """A run of text as the PDF prints it: left and right edge, baseline, size of type."""

    x0: float
    x1: float
    y: float
    size: float
    text: str


@record(frozen=True)
class Page:
    width: float
    height: float
    pieces: tuple[Piece, ...]
    rules: tuple[tuple[float, float, float], ...] = ()  # horizontal lines drawn: (y, x0, x1)


@record
class Segment:
    """Text on one baseline that belongs together: a line of a paragraph, or a cell's line."""

    x0: float
    x1: float
    y: float
    size: float
    text: str
    text_x0: float = -1.0  # where the text starts after a list marker ("•", "1.") set apart

    @property
    def indent(self) -> float:
        return self.text_x0 if self.text_x0 >= 0 else self.x0


def page_lines(page: Page) -> list[Segment]:
    """The page's pieces as segments, top to bottom, left to right."""
    pieces = sorted(page.pieces, key=lambda p: (-p.y, p.x0))
    lines: list[list[Piece]] = []
    for piece in pieces:
        if lines and abs(lines[-1][0].y - piece.y) <= 0.35 * min(piece.size, lines[-1][0].size):
            lines[-1].append(piece)
        else:
            lines.append([piece])
    out: list[Segment] = []
    for line in lines:
        line.sort(key=lambda p: p.x0)
        current: Segment | None = None
        for p in line:
            gap = p.x0 - current.x1 if current else 0.0
            if current and (gap <= 0.8 * p.size or _MARKER.match(current.text.strip())):
                if _MARKER.match(current.text.strip()):
                    current.text_x0 = p.x0
                joiner = "" if gap < 0.15 * p.size or current.text.endswith(" ") or p.text.startswith(" ") else " "
                current.text += joiner + p.text
                current.x1 = max(current.x1, p.x1)
                current.size = max(current.size, p.size)
            else:
                current = Segment(p.x0, p.x1, line[0].y, p.size, p.text)
                out.append(current)
    for s in out:
        s.text = " ".join(s.text.split())
    return [s for s in out if s.text]


def _furniture_key(text: str) -> str:
    """A line as it repeats from page to page: its page number aside ("Sida 2 av 5"), its year
    and date kept (two sets of minutes in one file each open with their own date)."""
    return re.sub(r"(?<!\d)\d{1,3}(?!\d)", "#", " ".join(text.casefold().split()))


def drop_furniture(pages: list[Page], lines_of: list[list[Segment]], body: float) -> None:
    """Running headers and footers, page numbers, and small type above or below all else out,
    in place."""

    def banded(page: Page, s: Segment) -> bool:
        return s.y > page.height * (1 - BAND) or s.y < page.height * BAND

    def line_keys(segments: list[Segment], page: Page) -> dict[float, str]:
        keys: dict[float, list[str]] = {}
        for s in segments:
            if banded(page, s):
                keys.setdefault(s.y, []).append(s.text)
        return {y: _furniture_key(" ".join(texts)) for y, texts in keys.items()}

    keyed = [line_keys(segments, page) for page, segments in zip(pages, lines_of, strict=True)]
    seen = Counter(key for keys in keyed for key in set(keys.values()))
    for i, (page, segments) in enumerate(zip(pages, lines_of, strict=True)):
        repeated = {y for y, key in keyed[i].items() if seen[key] >= 2 and len(pages) >= 2}
        small = [s.y for s in segments if banded(page, s) and s.size <= 0.85 * body]
        if segments and small and max(small) == segments[0].y:
            repeated.add(segments[0].y)
        if segments and small and min(small) == segments[-1].y:
            repeated.add(segments[-1].y)
        apart = _in_margin(sorted({s.y for s in segments}, reverse=True), page, body)
        lines_of[i] = [
            s
            for s in segments
            if not (s.y in apart and (s.y in repeated or _PAGE_NUMBER.match(s.text)))
        ]


def _in_margin(ys: list[float], page: Page, body: float) -> set[float]:
    """The lines (baselines, top to bottom) in the top or bottom band of a page that a gap wider
    than a paragraph's sets apart from the text between: where headers and footers are. A title
    that opens a page, or a line of text ending one, runs on with the text."""
    gap = 1.6 * body
    top = [y for y in ys if y > page.height * (1 - BAND)]
    bottom = [y for y in ys if y < page.height * BAND]
    out: set[float] = set()
    for band, rest in ((top, ys[len(top) :]), (bottom[::-1], ys[: len(ys) - len(bottom)][::-1])):
        run = [*band, *rest[:1]]
        for k, y in enumerate(band):
            if any(abs(a - b) >= gap for a, b in zip(run[k:], run[k + 1 :], strict=False)) or not rest:
                out.add(y)
    return out
