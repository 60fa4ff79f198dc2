"""From text to lines and blocks.

Minutes come as Word text pasted to .txt, Markdown, or plain lines. This module
finds the structure every later rule needs: headings (the topics), labels
("Beslut:"), list items and paragraphs, each of which sentence_split.py cuts into
sentences. Every line keeps its number, and every sentence the line it starts on.
"""

from __future__ import annotations

import re

from actiontrack.extract.sentence_split import (
    END_PUNCT,
    OPEN_ENDINGS,
    Sentence,
    split_sentences,
    starts_a_sentence,
)
from actiontrack.lazy_re import lazy
from actiontrack.records import field, record

_MD_LINK = lazy(r"\[([^\]]*)\]\(([^)]*)\)")
_ANGLE_URL = lazy(r"<((?:https?://|mailto:)[^>]+)>")
_EMPHASIS = lazy(r"(\*\*|__|\*(?=\S)|(?<=\S)\*|(?<![\w/])_(?=[^\s_])|(?<=[^\s_])_(?![\w/]))")
_HEADING = lazy(r"^(#{1,6})\s+(.*?)\s*#*$")
_BULLET = lazy(r"^\s*(?:[-–—•*·▪►+]|o(?=\s)|\d{1,2}[.)](?=\s+[a-zåäö])|[a-z][.)](?=\s))\s+(.*)$")
_NUMBERED_HEADING = lazy(
    r"^(?:§\s*\d{1,3}[a-z]?\.?|(?:punkt\s+)?\d{1,2}(?:\.\d{1,2})*[.):]?)\s+(?=[A-ZÅÄÖ])", re.IGNORECASE
)
_PARAGRAPH_SIGN = lazy(r"^§\s*\d{1,3}")



def clean_inline(text: str) -> str:
    """Markdown emphasis and links removed, spaces normalised."""
    # each pattern only where its characters are: most lines have none
    if "](" in text:
        text = _MD_LINK.sub(lambda m: m.group(1) or m.group(2), text)
    if "<" in text:
        text = _ANGLE_URL.sub(r"\1", text)
    if "*" in text or "_" in text:
        text = _EMPHASIS.sub("", text)
    return " ".join(text.replace("\u00a0", " ").replace("\t", " ").split())


@record
class Line:
    no: int  # 1-based
    text: str  # cleaned
    heading_level: int = 0  # Markdown heading level, 0 when none
    bullet: bool = False

    @property
    def blank(self) -> bool:
        return not self.text


_QUOTED = lazy(r"^[ \t]*>(?:[ \t]*>)*[ \t]?")  # "> > - Anna ska ...": minutes quoted in an e-mail


def split_lines(text: str) -> list[Line]:
    lines = []
    numbered = list(enumerate(text.split("\n"), start=1))
    if "|" in text or "\t" in text:
        from actiontrack.extract.tables import text_tables

        numbered = text_tables(numbered)  # "| Vad | Vem | När |" read as a Word table is
    for no, raw in _inline_points(numbered):
        raw = raw.rstrip()
        if raw.lstrip().startswith(">"):
            # The quote marks go: each quoted line is read as the line it quotes. Kept, they made
            # a deep quote of list lines one paragraph and one sentence that grew with the square
            # of its length.
            raw = _QUOTED.sub("", raw)
        m = _HEADING.match(raw.strip())
        if m:
            lines.append(Line(no, clean_inline(m.group(2)), heading_level=len(m.group(1))))
            continue
        b = _BULLET.match(raw)
        if b and b.group(1).strip():
            # a nested "- o text" list keeps only the text
            inner = _BULLET.match(b.group(1))
            lines.append(Line(no, clean_inline(inner.group(1) if inner else b.group(1)), bullet=True))
            continue
        lines.append(Line(no, clean_inline(raw)))
    return lines



_POINT_MARK = lazy(r"\s*[•▪►]\s+")  # "Att göra: • boka buss • beställa mat"
_DASH_POINTS = lazy(r"^(?P<label>[^:\n]{2,60}:)\s+-\s+(?P<rest>\S.*)$")  # "Att göra: - Bo ringer X - Eva skriver Y"


def _inline_points(numbered: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Lines with a list run into them, as where a PDF or an e-mail joined its lines, made the
    list's lines: the text before the first mark, then one "- " line per point, all with the
    line's number. A dash makes a list only after a label and with at least two points of two
    words or more; elsewhere it is a dash."""
    if not any("•" in raw or "▪" in raw or "►" in raw or ": - " in raw for _, raw in numbered):
        return numbered
    out: list[tuple[int, str]] = []
    for no, raw in numbered:
        head, points = raw, []
        parts = _POINT_MARK.split(raw.strip())
        if len(parts) >= 3 or len(parts) == 2 and parts[0].endswith(":"):
            head, points = parts[0], parts[1:]
        else:
            m = _DASH_POINTS.match(raw.strip())
            # several labels with their points ("Eva: - X. Bo: - Y.") are cut as sentences are
            dashed = re.split(r"\s+-\s+", m.group("rest")) if m and ": - " not in m.group("rest") else []
            if len(dashed) >= 2 and all(len(p.split()) >= 2 for p in dashed):
                head, points = m.group("label"), dashed  # type: ignore[union-attr]
        if not points:
            out.append((no, raw))
            continue
        out += [(no, head)] * bool(head.strip()) + [(no, "- " + p) for p in points if p.strip()]
    return out


@record
class Block:
    """A heading, a label ("Beslut:"), a list item or a paragraph, with its sentences."""

    kind: str  # "heading", "label", "bullet", "paragraph"
    text: str
    line: int
    level: int = 0
    lines: list[tuple[int, str]] = field(default_factory=list)

    def sentences(self) -> list[Sentence]:
        return split_sentences(self.lines)


_FIELD = lazy(r"^[\wåäöÅÄÖ]+(?:\s[\wåäöÅÄÖ]+)?\s*:\s+\S")  # "Ansvarig: LR", "Klart: 15 mars"


def is_heading_text(text: str) -> bool:
    """A short line that names a topic: no sentence punctuation, starts with a capital, no "Field: value"."""
    text = _NUMBERED_HEADING.sub("", text)
    if not text or text[-1] in END_PUNCT + ",;:" or len(text) > 90 or _FIELD.match(text):
        return False
    words = text.split()
    if len(words) > 12 or not (text[0].isupper() or text[0].isdigit()):
        return False
    statement = re.search(r"\s[-–]\s+([a-zåäö].*)$", text)
    if statement and len(statement.group(1).split()) >= 3:
        return False  # "Kräftskivan – årets fest blir 26/8": a topic and what is said of it
    return not re.search(r"[.!?]\s", text)


def is_label_text(text: str) -> bool:
    """A short lead-in that ends with a colon: "Beslut:", "Synpunkter och tankar:"."""
    return text.endswith(":") and len(text.split()) <= 6 and text[0].isupper()


def build_blocks(lines: list[Line], skip: set[int] | None = None) -> list[Block]:
    """Group lines into blocks. Lines in `skip` (attendee lists, signatures) are left out."""
    skip = skip or set()
    blocks: list[Block] = []
    current: Block | None = None
    usable = [ln for ln in lines if ln.no not in skip]
    for i, ln in enumerate(usable):
        prev_blank = i == 0 or usable[i - 1].blank or usable[i - 1].no != ln.no - 1
        next_blank = i + 1 >= len(usable) or usable[i + 1].blank or usable[i + 1].no != ln.no + 1
        if ln.blank:
            current = None
            continue
        if ln.heading_level:
            text = _NUMBERED_HEADING.sub("", ln.text) or ln.text  # "## 3. Hemsidan"
            blocks.append(Block("heading", text, ln.no, ln.heading_level, [(ln.no, text)]))
            current = None
            continue
        if ln.bullet:
            current = Block("bullet", ln.text, ln.no, 0, [(ln.no, ln.text)])
            blocks.append(current)
            continue
        if current is None and is_label_text(ln.text) or _decision_label(usable, i):
            blocks.append(Block("label", ln.text.rstrip(":").strip(), ln.no, 0, [(ln.no, ln.text)]))
            current = None
            continue
        if (
            current is None
            and prev_blank
            and is_heading_text(ln.text)
            and (next_blank or _starts_paragraph(usable, i))
            and not _continues_below(usable, i)
            and not (len(ln.text.split()) >= 6 and starts_a_sentence(ln.text))
        ):
            text = _NUMBERED_HEADING.sub("", ln.text)
            blocks.append(Block("heading", text, ln.no, 0, [(ln.no, text)]))
            continue
        if current is not None and not ln.bullet:
            current.lines.append((ln.no, ln.text))  # its text is joined at the end (_join_texts)
            continue
        # A paragraph broken by a blank line in mid-sentence continues in lower case.
        last = blocks[-1] if blocks else None
        if (
            last is not None
            and last.kind == "paragraph"
            and last.lines[-1][1]
            and last.lines[-1][1][-1] not in END_PUNCT + ":"
            and ln.text[:1].islower()
            and ln.text[:4].casefold() != "att "  # "Styrelsen beslutar" / "att ...": a decision's parts
        ):
            last.lines.append((ln.no, ln.text))
            current = last
            continue
        current = Block("paragraph", ln.text, ln.no, 0, [(ln.no, ln.text)])
        blocks.append(current)
    return _join_texts(_join_colon_continuations(blocks))


def _join_texts(blocks: list[Block]) -> list[Block]:
    """A paragraph's text, its lines joined once: adding each line to the text as it came copied
    the text so far every time, the square of the paragraph's length."""
    for block in blocks:
        if len(block.lines) > 1:
            block.text = " ".join(text for _, text in block.lines)
    return blocks




def _decision_label(lines: list[Line], i: int) -> bool:
    """ "Beslut" alone on its line, the decisions on the lines below it ("att uppdra åt ...")."""
    text = lines[i].text
    if len(text.split()) > 3 or text[-1:] in END_PUNCT + ":" or not text[:1].isupper():
        return False
    nxt = next((lines[j] for j in range(i + 1, len(lines)) if not lines[j].blank), None)
    if nxt is None or nxt.text[:4].casefold() != "att ":
        return False
    from actiontrack.extract.layout import heading_kind

    return heading_kind(text) == "decisions"


def _continues_below(lines: list[Line], i: int) -> bool:
    """A short line that is the start of a sentence going on below, not a heading."""
    if lines[i].text.split()[-1].casefold() in OPEN_ENDINGS:
        return True
    # by index, not over a copy of the rest of the document (that made reading quadratic)
    nxt = next((lines[j] for j in range(i + 1, len(lines)) if not lines[j].blank), None)
    return nxt is not None and not nxt.heading_level and not nxt.bullet and nxt.text[:1].islower()


def _starts_paragraph(lines: list[Line], i: int) -> bool:
    """A heading line directly followed by running text (no blank between): "§ 3 Lokalfrågan"."""
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    if nxt is None or nxt.blank:
        return False
    if _PARAGRAPH_SIGN.match(lines[i].text) or nxt.bullet:  # "Att göra" over its list
        return True
    return len(nxt.text.split()) > 12 or (len(lines[i].text.split()) <= 8 and nxt.text[-1:] in END_PUNCT)


def _join_colon_continuations(blocks: list[Block]) -> list[Block]:
    """ "X tar emot anmälningar:" followed by a lower-case paragraph ("david@...se.") is one sentence."""
    out: list[Block] = []
    for block in blocks:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == "paragraph"
            and block.kind == "paragraph"
            and prev.lines[-1][1].endswith(":")
            and block.lines[0][1][:1].islower()
        ):
            prev.lines.extend(block.lines)
            continue
        out.append(block)
    return out
