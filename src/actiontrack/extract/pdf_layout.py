"""The text of PDF pages in reading order, from where each run of text is printed.

A PDF holds no paragraphs, headings or tables: only runs of text at positions on a page.
This module rebuilds what the Word reader gets for free, so that the later stages see
one format:

- each page's runs become lines, and its running headers, footers and page numbers go
  (pdf_lines.py);
- a gutter (an x where several segments start and that no segment crosses) makes a
  region of columns: prose in columns is read column by column, a table row by row, its
  cells handed to extract/tables.py like a Word table's;
- lines become paragraphs again: a line that ends short of the margin, a gap, an indent,
  a list marker or another size of type ends one; a larger size is a heading;
- a word hyphenated at the end of a line is joined ("sammanträ-" + "den").

Everything is measured in PDF points; the thresholds are fractions of the type's size.
"""

from __future__ import annotations

import re
from collections import Counter

from actiontrack.extract.pdf_lines import Page, Segment, drop_furniture, page_lines
from actiontrack.records import record

# How far (in sizes of type) the lines of a column may be indented from its edge: Word's
# bullet list sets its text half an inch in.
INDENT = 3.5
_BULLET_GLYPH = re.compile(r"^(?:[•·▪◦‣●■□➢►▸✓\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf0a8\x7f]|[-–—*](?=\s))\s*")
# A hyphen at a line's end that is a word's own: "kultur- och fritid", "e-post", "EU-projekt".
_KEEP_HYPHEN_NEXT = {"och", "eller", "samt", "resp", "respektive", "till", "som"}


def pages_text(pages: list[Page]) -> str:
    """The text of the pages, in reading order, as the Word reader writes a document."""
    from actiontrack.extract.tables import table_lines

    lines_of = [page_lines(page) for page in pages]
    sizes: Counter[float] = Counter()
    for segments in lines_of:
        for s in segments:
            sizes[round(s.size * 2) / 2] += len(s.text)
    body = sizes.most_common(1)[0][0] if sizes else 10.0
    drop_furniture(pages, lines_of, body)
    headings = sorted({size for size in sizes if size >= body * 1.15}, reverse=True)
    leading = _leading(lines_of)
    blocks: list[_Block] = []
    for page, segments in zip(pages, lines_of, strict=True):
        right = _right_edge(segments, page.width)
        for kind, part in _regions(segments, page.rules):
            if kind == "table":
                blocks += [_Block("raw", line) for line in table_lines(_rows(part[0], page.rules))]
            elif kind == "columns":
                for column in part:
                    blocks = _join_flow(blocks, _paragraphs(column, _right_edge(column, page.width), headings, leading))
            else:
                blocks = _join_flow(blocks, _paragraphs(part[0], right, headings, leading))
    return _render(blocks)


def _right_edge(segments: list[Segment], default: float) -> float:
    """Where the lines end when they are full: the right margin, though a long web address may
    run past it."""
    ends = sorted((s.x1 for s in segments), reverse=True)
    return ends[len(ends) // 10] if ends else default


def _leading(lines_of: list[list[Segment]]) -> float:
    """The usual distance between the lines of a paragraph, as a multiple of the size of type."""
    ratios = sorted(
        (a.y - b.y) / a.size
        for segments in lines_of
        for a, b in zip(segments, segments[1:], strict=False)
        if a.size == b.size and abs(a.x0 - b.x0) < 1 and 0 < a.y - b.y < 2.5 * a.size
    )
    return ratios[len(ratios) // 2] if ratios else 1.2


def _gutters(segments: list[Segment]) -> list[tuple[float, float, float]]:
    """(x, top, bottom) of each gutter: an x where two or more segments start, one under the
    other, with no segment crossing it between them and text on its left."""
    starts: list[float] = []
    for s in sorted(segments, key=lambda s: s.x0):
        if not starts or s.x0 - starts[-1] > 3:
            starts.append(s.x0)
    found = []
    for x in starts:
        run: list[Segment] = []
        for s in segments:  # top to bottom
            if x - 3 <= s.x0 <= x + INDENT * s.size:  # a column's lines, indented ones and list items too
                run.append(s)
            elif s.x0 < x - 3 < x + 3 < s.x1:
                found += _gutter_of(x, run, segments)
                run = []
        found += _gutter_of(x, run, segments)
    return found


def _gutter_of(x: float, run: list[Segment], segments: list[Segment]) -> list[tuple[float, float, float]]:
    if len(run) < 2:
        return []
    top, bottom = run[0].y, run[-1].y
    left = any(s.x1 < x and bottom - 1 <= s.y <= top + 1 for s in segments)
    return [(x, top, bottom)] if left else []


def _regions(segments: list[Segment], rules: tuple[tuple[float, float, float], ...]) -> list[tuple[str, list[list[Segment]]]]:
    """The page as ("flow", [segments]), ("columns", [column, ...]) and ("table", [[segments]])
    in reading order."""
    spans: list[list[float]] = []  # [top, bottom, x, x, ...]
    for x, top, bottom in sorted(_gutters(segments), key=lambda g: g[2] - g[1]):  # the longest first
        for span in spans:
            if bottom <= span[0] + 1 and top >= span[1] - 1:
                if any(abs(x - other) <= INDENT * 12 for other in span[2:]):
                    break  # an indent within a column already found
                # a short run inside a long one (a list's hanging indent within a column) is none
                if top - bottom >= 0.5 * (span[0] - span[1]):
                    span[0], span[1] = max(span[0], top), min(span[1], bottom)
                    span.append(x)
                break
        else:
            spans.append([top, bottom, x])
    kinds = {id(span): _kind(span, segments, rules) for span in spans}
    out: list[tuple[str, list[list[Segment]]]] = []
    flow: list[Segment] = []
    done: set[int] = set()
    for s in segments:
        found = [sp for sp in spans if sp[1] - 1 <= s.y <= sp[0] + 1]
        if not found:
            flow.append(s)
            continue
        span = found[0]
        if id(span) in done:
            continue
        done.add(id(span))
        if flow:
            out.append(("flow", [flow]))
            flow = []
        inside = [t for t in segments if span[1] - 1 <= t.y <= span[0] + 1]
        xs = sorted(set(span[2:]))
        if kinds[id(span)] == "columns":
            out.append(("columns", [[t for t in inside if _column(t.x0, xs) == i] for i in range(len(xs) + 1)]))
        else:
            out.append(("table", [inside]))
    if flow:
        out.append(("flow", [flow]))
    return out


def _kind(span: list[float], segments: list[Segment], rules: tuple[tuple[float, float, float], ...]) -> str:
    """Whether a region is columns of text or a table; the columns' region grown over the lines
    above and below that keep to one column (where one column runs on longer than the other)."""
    inside = [i for i, t in enumerate(segments) if span[1] - 1 <= t.y <= span[0] + 1]
    xs = sorted(set(span[2:]))
    columns = [[segments[i] for i in inside if _column(segments[i].x0, xs) == c] for c in range(len(xs) + 1)]
    if not _is_prose(columns, rules, span):
        return "table"

    def keeps_to_a_column(t: Segment) -> bool:
        return not any(t.x0 < x - 3 < x + 3 < t.x1 for x in xs)

    above, below = inside[0] - 1, inside[-1] + 1
    while above >= 0 and keeps_to_a_column(segments[above]):
        span[0] = max(span[0], segments[above].y)
        above -= 1
    while below < len(segments) and keeps_to_a_column(segments[below]):
        span[1] = min(span[1], segments[below].y)
        below += 1
    return "columns"


def _column(x0: float, xs: list[float]) -> int:
    return sum(1 for x in xs if x0 >= x - 3)


def _is_prose(columns: list[list[Segment]], rules: tuple[tuple[float, float, float], ...], span: list[float]) -> bool:
    """Columns of running text rather than a table: no rules across them, no table header on
    top, columns of one width, each but the last filled to the gutter by its wrapped lines."""
    from actiontrack.extract.tables import ACTION, DUE, NOTES, OWNER, PEOPLE, STATUS, TOPIC

    if any(span[1] - 2 <= y <= span[0] + 20 for y, _, _ in rules) or any(not column for column in columns):
        return False
    first = max((s for column in columns for s in column), key=lambda s: s.y)
    header = {" ".join(s.text.casefold().rstrip(":").split()) for column in columns for s in column if s.y == first.y}
    if header & (ACTION | OWNER | DUE | STATUS | PEOPLE | TOPIC | NOTES):
        return False
    widths = []
    for i, column in enumerate(columns):
        start, edge = min(s.x0 for s in column), _right_edge(column, 0)
        widths.append(edge - start)
        if i + 1 < len(columns):
            gutter = min(s.x0 for s in columns[i + 1]) - edge
            full = sum(1 for s in column if s.x1 >= edge - 0.1 * (edge - start))
            if gutter > 0.15 * (edge - start) or full < 2:
                return False
    return max(widths) - min(widths) <= 0.2 * max(widths)


def _rows(segments: list[Segment], rules: tuple[tuple[float, float, float], ...]) -> list[list[str]]:
    """A table's segments as rows of cells: rows split at the rules drawn between them, or,
    without rules, where a line fills a column the line above left empty."""
    starts = sorted({round(s.x0) for s in segments})
    xs: list[float] = []
    for x in starts:
        if not xs or x - xs[-1] > 3:
            xs.append(x)
    width = len(xs)
    lines: list[list[Segment]] = []
    for s in segments:
        if lines and abs(lines[-1][0].y - s.y) < 0.5:
            lines[-1].append(s)
        else:
            lines.append([s])
    ruled = sorted({round(y, 1) for y, _, _ in rules}, reverse=True)
    rows: list[list[list[str]]] = []
    previous: set[int] = set()
    last_y = 0.0
    for line in lines:
        cols = {_column(s.x0, xs[1:]) for s in line}
        if rows and ruled:
            new = any(line[0].y < y < last_y for y in ruled)
        else:
            new = not rows or not cols <= previous or len(cols) == width
        if new:
            rows.append([[] for _ in range(width)])
        for s in line:
            rows[-1][_column(s.x0, xs[1:])].append(s.text)
        previous, last_y = cols, line[0].y
    return [[_join_lines(cell) for cell in row] for row in rows]


def _join_lines(texts: list[str]) -> str:
    out = ""
    for text in texts:
        out = _join(out, text) if out else text
    return out


def _join(left: str, right: str) -> str:
    """Two lines of one paragraph as one: a word broken with a hyphen at the line's end is joined."""
    if left.endswith("\u00ad"):  # a soft hyphen: the word was broken there
        return left[:-1] + right
    m = re.search(r"(\w+)-$", left)
    first = right.split(" ", 1)[0]
    if not (m or left.endswith("/")) or first.rstrip(",.").casefold() in _KEEP_HYPHEN_NEXT:
        return left + " " + right  # "kultur- och fritid": the hyphen stands for a word's end
    if m and first[:1].islower() and len(m.group(1)) > 2 and m.group(1).isalpha():
        return left[:-1] + right  # a word broken at the line's end
    return left + right if first[:1].isalnum() else left + " " + right  # "e-post", "EU-projekt"


@record
class _Block:
    kind: str  # "heading", "bullet", "para", "raw"
    text: str
    level: int = 0
    room: float = 0.0  # how much of its last line was left empty
    char: float = 5.0  # the mean width of a character on that line


def _paragraphs(segments: list[Segment], right: float, headings: list[float], leading: float) -> list[_Block]:
    """Lines of running text as paragraphs, list items and headings."""
    blocks: list[_Block] = []
    previous: Segment | None = None
    start: Segment | None = None
    for s in segments:
        size = round(s.size * 2) / 2
        level = 2 + headings.index(size) if size in headings else 0
        marker = _BULLET_GLYPH.match(s.text)
        if previous is None or _breaks(previous, s, start, right, level, blocks[-1], leading):
            text = _BULLET_GLYPH.sub("", s.text) if marker else s.text
            kind = "heading" if level else "bullet" if marker else "para"
            blocks.append(_Block(kind, text, min(level, 6)))
            start = s
        else:
            blocks[-1].text = _join(blocks[-1].text, s.text)
        blocks[-1].room, blocks[-1].char = right - s.x1, _char_width(s)
        previous = s
    return blocks


def _breaks(p: Segment, s: Segment, start: Segment | None, right: float, level: int, block: _Block, leading: float) -> bool:
    """Whether s starts a new paragraph after p."""
    if level != block.level or abs(s.size - p.size) > 0.1 * p.size:
        return True
    if p.y - s.y > 1.3 * leading * max(p.size, s.size) or p.y < s.y:
        return True  # space between: a new paragraph
    if re.search(r"\w-$", p.text) and s.text[:1].islower():
        return False  # a word broken at the line's end
    if _BULLET_GLYPH.match(s.text) or re.match(r"^(?:[-–—*]|\d{1,2}[.)]|[a-z]\))\s", s.text):
        return True
    if not _wrapped(right - p.x1, s.text, _char_width(s)):
        return True  # the next word would have fitted: the line above ended its paragraph
    if p.text.endswith(":"):
        return True
    tolerance = 0.8 * s.size
    if abs(s.x0 - p.x0) <= tolerance:
        return False
    if p is start and block.kind == "bullet" and abs(s.x0 - p.indent) <= tolerance:
        return False  # a list item's hanging indent
    return not (p is start and s.x0 < p.x0)  # else an indented first line, or another block


def _char_width(s: Segment) -> float:
    return (s.x1 - s.x0) / max(len(s.text), 1)


def _wrapped(room: float, following: str, char: float) -> bool:
    """Whether a line with `room` left at its end was broken there: the next word did not fit."""
    return (len(following.split(" ", 1)[0]) + 1) * char > room - char


def _join_flow(blocks: list[_Block], more: list[_Block]) -> list[_Block]:
    """A paragraph whose last line in a column or page was broken goes on at the top of the next."""
    if (
        blocks and more and blocks[-1].kind in ("para", "bullet") and more[0].kind == "para"
        and more[0].text[:1].islower() and _wrapped(blocks[-1].room, more[0].text, blocks[-1].char)
    ):  # fmt: skip
        blocks[-1].text = _join(blocks[-1].text, more[0].text)
        blocks[-1].room, blocks[-1].char = more[0].room, more[0].char
        more = more[1:]
    return blocks + more


def _render(blocks: list[_Block]) -> str:
    lines: list[str] = []
    for b in blocks:
        if b.kind == "heading":
            lines += ["", "#" * b.level + " " + b.text, ""]
        elif b.kind == "bullet":
            lines.append("- " + b.text)
        elif b.kind == "raw":
            lines.append(b.text)
        else:
            if lines and lines[-1].startswith("- "):
                lines.append("")
            lines += [b.text, ""]
    return "\n".join(lines)
