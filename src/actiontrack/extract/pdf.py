"""Reading PDF minutes: the text layer through pypdf, in reading order (extract/pdf_layout.py).

Councils publish their minutes as PDF, and a secretary often has only the PDF of another
organisation's minutes. pypdf reads the runs of text with their positions; the widths come
from the fonts' own metrics. A PDF is as hostile as a Word file can be, so the same kind of
guards apply: the file's size (in reading.py), the number of pages, every stream's
decompressed size (pypdf's own limits, set lower here) and the page contents in all.
"""

from __future__ import annotations

from actiontrack.errors import DocumentError
from actiontrack.extract.pdf_lines import Page, Piece
from actiontrack.i18n import _

MAX_PAGES = 500  # a year of a council's minutes in one file is a few hundred pages
MAX_STREAM = 20 * 1024 * 1024  # one stream decompressed; a page of text is some kilobytes
MAX_CONTENT = 50 * 1024 * 1024  # every page's content decompressed, all pages together


def pdf_text(data: bytes, name: str, warnings: list[str]) -> str:
    """The text of a PDF as the Word reader gives a document's; DocumentError when there is none."""
    import io
    import logging
    import zlib

    import pypdf
    from pypdf.errors import DependencyError, FileNotDecryptedError, LimitReachedError, PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its notes on small flaws are not ours to print
    limits = {
        key: MAX_STREAM
        for key in (
            "zlib_maximum_output_length", "lzw_maximum_output_length", "run_length_maximum_output_length",
            "jbig2_maximum_output_length", "brotli_maximum_output_length", "array_based_stream_maximum_output_length",
            "image_maximum_buffer_size", "maximum_declared_stream_length",
        )
        if hasattr(pypdf.Configuration, key)
    }  # fmt: skip
    try:
        with pypdf.apply_configuration(None, **limits):
            reader = pypdf.PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise FileNotDecryptedError("password")
            pages = _pages(reader, name, warnings)
    except (FileNotDecryptedError, DependencyError):
        raise DocumentError(
            _("{name} is a locked (encrypted) PDF; save it again without a password, or ask for the minutes as a Word file.").format(name=name)
        ) from None
    except LimitReachedError:
        raise DocumentError(
            _("{name} unpacks to more than {mb} MB in one part; that is not a set of minutes.").format(name=name, mb=MAX_STREAM // 2**20)
        ) from None
    except RecursionError:
        raise DocumentError(_("{name} is nested too deeply to be a {kind} of minutes.").format(name=name, kind=_("PDF"))) from None
    except (PyPdfError, zlib.error, KeyError, ValueError, TypeError, AttributeError, IndexError, AssertionError, ZeroDivisionError) as e:
        reason = str(e).splitlines()[0] if str(e) else type(e).__name__
        raise DocumentError(_("{name} is not a readable {kind} ({reason}).").format(name=name, kind=_("PDF"), reason=reason)) from None
    if not any(page.pieces for page in pages):
        raise DocumentError(
            _("{name} is a PDF without text (a scanned image): run text recognition (OCR) on it first, or ask for the minutes as a Word file.").format(name=name)
        )
    from actiontrack.extract.pdf_layout import pages_text

    return pages_text(pages)


def _pages(reader, name: str, warnings: list[str]) -> list[Page]:  # type: ignore[no-untyped-def]
    count = len(reader.pages)
    if count > MAX_PAGES:
        raise DocumentError(
            _("{name} has {n} pages; that is not a set of minutes (the limit is {limit}).").format(name=name, n=f"{count:,}", limit=MAX_PAGES)
        )
    pages, content, empty = [], 0, []
    for number, page in enumerate(reader.pages, start=1):
        stream = page.get_contents()
        content += len(stream.get_data()) if stream is not None else 0
        if content > MAX_CONTENT:
            raise DocumentError(
                _("{name} unpacks to {mb} MB in {parts} parts; that is not a set of minutes (the limit is {limit} MB).").format(
                    name=name, mb=f"{content / 2**20:,.0f}", parts=f"{number:,}", limit=MAX_CONTENT // 2**20)  # fmt: skip
            )
        pages.append(_page(page))
        if not pages[-1].pieces:
            empty.append(number)
    if empty and len(empty) < count:
        shown = ", ".join(map(str, empty[:10])) + (" ..." if len(empty) > 10 else "")
        warnings.append(_("{name}: pages {pages} have no text (scanned images?); they were not read.").format(name=name, pages=shown))
    return pages


def _page(page) -> Page:  # type: ignore[no-untyped-def]
    """A page's runs of text with their positions, and the horizontal lines drawn on it."""
    pieces: list[Piece] = []
    rules: list[tuple[float, float, float]] = []
    fonts: dict[int, tuple[object, _Widths]] = {}
    path: list[tuple[float, float]] = []

    def on_text(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        a, b = tm[0] * cm[0] + tm[1] * cm[2], tm[0] * cm[1] + tm[1] * cm[3]
        c, d = tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3]
        if not text.strip() or abs(b) > 0.01 * abs(a) or abs(c) > 0.01 * abs(d) or not a or not d:
            return  # nothing, or turned: text along the margin is no part of the minutes
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        if font is not None and id(font) not in fonts:
            fonts[id(font)] = (font, _Widths(font))
        widths = fonts[id(font)][1] if font is not None else None
        height = abs(size * d) or 10.0
        for i, part in enumerate(text.split("\n")):
            if part.strip():
                width = widths.width(part) if widths else 0.5 * len(part)
                pieces.append(Piece(x, x + width * size * abs(a), y - i * 1.2 * height, height, part))

    def on_operator(op: bytes, args: list[object], cm: list[float], tm: list[float]) -> None:
        if op == b"re" and len(args) == 4:
            x, y, w, h = (float(v) for v in args)  # type: ignore[arg-type]
            if abs(h) < 3 and abs(w) > 20:
                rules.append((y * cm[3] + cm[5], x * cm[0] + cm[4], (x + w) * cm[0] + cm[4]))
        elif op in (b"m", b"l") and len(args) == 2:
            x, y = (float(v) for v in args)  # type: ignore[arg-type]
            point = (x * cm[0] + y * cm[2] + cm[4], x * cm[1] + y * cm[3] + cm[5])
            if op == b"l" and path and abs(path[-1][1] - point[1]) < 1 and abs(path[-1][0] - point[0]) > 20:
                rules.append((point[1], min(path[-1][0], point[0]), max(path[-1][0], point[0])))
            path.append(point)

    page.extract_text(visitor_text=on_text, visitor_operand_before=on_operator)
    box = page.mediabox
    return Page(float(box.width), float(box.height), tuple(pieces), tuple(rules))


class _Widths:
    """A font's widths by the characters it prints (pypdf keys them by the font's own codes)."""

    def __init__(self, font: object) -> None:
        self.codes: dict[str, str] = {}
        try:
            from pypdf.generic._font import Font

            parsed = Font.from_font_resource(font)  # type: ignore[arg-type]
        except (ImportError, AttributeError, KeyError, ValueError, TypeError):
            self.widths: dict[str, float] = {}
            self.default = 500.0
            return
        if isinstance(parsed.encoding, dict):
            for code, char in parsed.encoding.items():
                self.codes.setdefault(char, chr(code))
        for code, char in parsed.character_map.items():
            if isinstance(char, str) and len(char) == 1:
                self.codes[char] = code
        self.widths = parsed.character_widths
        self.default = float(self.widths.get("default", 500) or 500)

    def width(self, text: str) -> float:
        """The width of the text in 1/1000 of the size of type."""
        if not self.widths:
            return 0.5 * len(text)
        total = 0.0
        for char in text:
            w = self.widths.get(self.codes.get(char, char))
            total += float(w) if w else self.default
        return total / 1000
