"""PDF minutes for the tests, set with reportlab's canvas as a word processor sets them.

Lines are filled to the margin and broken between words, long words hyphenated at the
line's end ("sammanträ-" / "den"), paragraphs spaced or not, headings larger, bullets with a
glyph and a hanging indent, tables with or without rules, one or two columns, a running
header and "Sida N av M" in the footer. The font is Bitstream Vera, which reportlab ships,
embedded as a subset with its ToUnicode map as Word and LibreOffice embed theirs; or
Helvetica, a standard font with WinAnsi codes and no widths in the file.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import registerFont, stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

MARGIN = 56.0


def _fonts(font: str) -> tuple[str, str]:
    if font == "Vera":
        import reportlab

        folder = Path(reportlab.__file__).parent / "fonts"
        registerFont(TTFont("Vera", str(folder / "Vera.ttf")))
        registerFont(TTFont("VeraBd", str(folder / "VeraBd.ttf")))
        return "Vera", "VeraBd"
    return "Helvetica", "Helvetica-Bold"


class Minutes:
    """A document written top to bottom: `heading`, `paragraph`, `bullet`, `table`, `columns`."""

    def __init__(
        self, path: str | Path, *, header: str | None = None, page_numbers: bool = True, font: str = "Vera",
        size: float = 11, spacing: float = 6, hyphenate: bool = True,
    ) -> None:  # fmt: skip
        self.path, self.header, self.page_numbers = str(path), header, page_numbers
        self.font, self.bold = _fonts(font)
        self.size, self.spacing, self.hyphenate = size, spacing, hyphenate
        self.width, self.height = A4
        self.pages: list[list[tuple]] = [[]]  # drawing operations per page, drawn on save
        self.set_columns(1)

    # layout
    def set_columns(self, n: int, gutter: float = 18) -> None:
        if self.pages[-1] and hasattr(self, "y"):
            top = self.y
        else:
            top = self.height - MARGIN - 20
        width = (self.width - 2 * MARGIN - (n - 1) * gutter) / n
        self.frames = [(MARGIN + i * (width + gutter), width) for i in range(n)]
        self.column, self.top, self.y = 0, top, top

    def _need(self, height: float) -> None:
        if self.y - height >= MARGIN + 20:
            return
        if self.column + 1 < len(self.frames):
            self.column += 1
        else:
            self.pages.append([])
            self.column, self.top = 0, self.height - MARGIN - 20
        self.y = self.top

    def _line(self, x: float, text: str, font: str, size: float) -> None:
        self._need(size * 1.25)
        self.y -= size * 1.25
        left = self.frames[self.column][0]
        self.pages[-1].append(("text", left + x, self.y, text, font, size))

    def _wrap(self, text: str, font: str, size: float, width: float) -> list[str]:
        lines, current = [], ""
        for word in text.split():
            trial = f"{current} {word}" if current else word
            if stringWidth(trial, font, size) <= width:
                current = trial
                continue
            head = self._hyphen(current, word, font, size, width) if self.hyphenate else None
            if head:
                lines.append(f"{current} {head}-" if current else f"{head}-")
                current = word[len(head) :]
            else:
                if current:
                    lines.append(current)
                current = word
        return [*lines, current] if current else lines

    @staticmethod
    def _hyphen(current: str, word: str, font: str, size: float, width: float) -> str | None:
        """The longest head of a long word that fits with a hyphen, leaving three letters."""
        if len(word) < 8 or not word.isalpha():
            return None
        for cut in range(len(word) - 3, 3, -1):
            trial = f"{current} {word[:cut]}-" if current else f"{word[:cut]}-"
            if stringWidth(trial, font, size) <= width:
                return word[:cut]
        return None

    # content
    def heading(self, text: str, size: float = 14) -> None:
        self.y -= self.spacing
        for line in self._wrap(text, self.bold, size, self.frames[self.column][1]):
            self._line(0, line, self.bold, size)

    def paragraph(self, text: str, indent: float = 0) -> None:
        width = self.frames[self.column][1]
        for i, line in enumerate(self._wrap(text, self.font, self.size, width - indent)):
            self._line(indent if i == 0 else 0, line, self.font, self.size)
        self.y -= self.spacing

    def bullet(self, text: str, glyph: str = "•") -> None:
        width = self.frames[self.column][1] - 18
        for i, line in enumerate(self._wrap(text, self.font, self.size, width)):
            self._line(18, line, self.font, self.size)
            if i == 0:
                self.pages[-1].append(
                    ("text", self.frames[self.column][0] + 4, self.y, glyph, self.font, self.size)
                )

    def table(self, rows: list[list[str]], widths: list[float], ruled: bool = True) -> None:
        left = self.frames[self.column][0]
        for r, row in enumerate(rows):
            cells = [
                self._wrap(cell, self.bold if r == 0 else self.font, self.size, w - 8)
                for cell, w in zip(row, widths, strict=True)
            ]
            height = max(len(c) for c in cells) * self.size * 1.25 + 6
            self._need(height)
            top = self.y
            if ruled:
                self.pages[-1].append(("rule", left, top, left + sum(widths)))
            x = left
            for cell, w in zip(cells, widths, strict=True):
                for i, line in enumerate(cell):
                    y = top - 3 - (i + 1) * self.size * 1.25
                    self.pages[-1].append(
                        ("text", x + 4, y, line, self.bold if r == 0 else self.font, self.size)
                    )
                x += w
            self.y = top - height
            if ruled and r == len(rows) - 1:
                self.pages[-1].append(("rule", left, self.y, left + sum(widths)))
        self.y -= self.spacing

    def save(self) -> Path:
        canvas = Canvas(self.path, pagesize=A4)
        for number, operations in enumerate(self.pages, start=1):
            canvas.setFont(self.font, 8)
            if self.header:
                canvas.drawRightString(self.width - MARGIN, self.height - 30, self.header)
            if self.page_numbers:
                canvas.drawCentredString(self.width / 2, 28, f"Sida {number} av {len(self.pages)}")
            for op in operations:
                if op[0] == "text":
                    _, x, y, text, font, size = op
                    canvas.setFont(font, size)
                    canvas.drawString(x, y, text)
                else:
                    _, x0, y, x1 = op
                    canvas.line(x0, y, x1, y)
            canvas.showPage()
        canvas.save()
        return Path(self.path)


def text_to_pdf(text: str, path: str | Path, *, columns: int = 1, **options: object) -> Path:
    """Text minutes as a PDF: each line a paragraph, "#" lines headings, "- " lines bullets."""
    doc = Minutes(path, spacing=0, **options)  # type: ignore[arg-type]
    if columns > 1:
        doc.set_columns(columns)
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            doc.y -= doc.size * 0.6
        elif stripped.startswith("#"):
            doc.heading(stripped.lstrip("#").strip())
        elif stripped.startswith(("- ", "* ")):
            doc.bullet(stripped[2:])
        else:
            doc.paragraph(stripped)
    return doc.save()
