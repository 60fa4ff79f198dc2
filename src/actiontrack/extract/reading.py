"""Reading minutes as text: plain text, Markdown, Word .docx, OpenDocument .odt and PDF (pdf.py).

Text files may be UTF-8 (with or without BOM) or Windows-1252/Latin-1, as Swedish
Windows users save them; the encoding is detected, never guessed into mojibake.
Word and OpenDocument headings come out as Markdown headings, so the rest of the
extractor sees one format.

Documents come from others and may be hostile or broken: a .docx or .odt is
measured unpacked before it is parsed (a zip bomb), broken or deeply nested XML is one
sentence, NUL and other control characters are removed wherever they are (PostgreSQL
refuses NUL in text, SQLite stores it: both get the same), and a file whose lines mix
UTF-8 and Windows-1252 is read line by line, with a warning.
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path
from typing import Any

from actiontrack.errors import DocumentError
from actiontrack.files import not_a_file
from actiontrack.i18n import _, ngettext
from actiontrack.records import record

MAX_BYTES = 20 * 1024 * 1024  # minutes are a few pages; 20 MB of text is not minutes
MAX_LINE = 20_000  # characters; the longest paragraph of real minutes is a few thousand
MAX_UNPACKED = 100 * 1024 * 1024  # a .docx or .odt unpacked; text and a few pictures are far less
MAX_PARTS = 5_000  # files inside one .docx or .odt
# C0 controls but tab, newline, carriage return and form feed; they mean nothing in minutes
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")


@record(frozen=True)
class Document:
    name: str  # the path as given, or "-" for stdin
    text: str
    sha256: str  # of the bytes read: the same document imported twice is recognised
    warnings: tuple[str, ...] = ()  # how it was read, when that was not plain: shown to the user
    template: Any = None  # minutes written in actiontrack's template: its fields and rows (template.py)


def read_document(path: str) -> Document:
    """The text of a document; DocumentError with a sentence when it cannot be read."""
    if path == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        suffix = ""
    else:
        p = Path(path)
        try:
            # only a regular file: opening a named pipe waits for a writer for ever, a device
            # (/dev/zero, /dev/urandom) reads without end
            kind = not_a_file(p)
            if kind == _("a folder"):
                raise DocumentError(_("{path} is a directory, not a document.").format(path=path))
            if kind is not None:
                raise DocumentError(
                    _("{path} is {kind}, not a file; to read minutes from a pipe, give - and send them to standard input.").format(path=path, kind=kind)
                )
            with p.open("rb") as f:
                data = f.read(MAX_BYTES + 1)
        except FileNotFoundError:
            raise DocumentError(_("{path} does not exist.").format(path=path)) from None
        except OSError as e:
            raise DocumentError(_("{path} cannot be read: {reason}.").format(path=path, reason=e.strerror or e)) from None
        suffix = p.suffix.lower()
    if len(data) > MAX_BYTES:
        raise DocumentError(
            _("{path} is larger than {mb} MB; that is not a set of minutes.").format(path=path, mb=MAX_BYTES // (1024 * 1024))
        )
    digest = hashlib.sha256(data).hexdigest()
    warnings: list[str] = []
    template = None
    if suffix == ".docx" or (suffix == "" and data[:2] == b"PK" and b"word/" in data[:2000]):
        text = _parse_packed(_docx_text, data, path, "Word document")
        from actiontrack.extract.template import read_template

        template = read_template(data)  # its guards passed in _parse_packed
    elif suffix == ".odt" or (suffix == "" and data[:2] == b"PK" and b"opendocument.text" in data[:200]):
        text = _parse_packed(_odt_text, data, path, "OpenDocument text")
    elif suffix == ".pdf" or b"%PDF-" in data[:1024]:
        from actiontrack.extract.pdf import pdf_text

        text = pdf_text(data, path, warnings)
    else:
        text = decode_text(data, path, warnings)
    text, removed = _CONTROL.subn("", text.replace("\x0c", "\n"))  # a form feed is a page break
    if removed:
        warnings.append(_("{n} control characters (such as NUL) were removed from {path}.").format(n=removed, path=path))
    if not text.strip():
        raise DocumentError(_("{path} is empty.").format(path=path))
    longest = max(text.split("\n"), key=len)
    if len(longest) > MAX_LINE:
        number = text.split("\n").index(longest) + 1
        raise DocumentError(
            _("{path}: line {line} is {n} characters long; that is not minutes.").format(path=path, line=number, n=f"{len(longest):,}")
        )
    return Document(path, text, digest, tuple(warnings), template)


def decode_text(data: bytes, name: str = "the input", warnings: list[str] | None = None) -> str:
    """Bytes of a text file as str: UTF-8 (BOM or not), else the detected 8-bit encoding; a file
    whose lines mix UTF-8 and Windows-1252 (pasted together) line by line, noted in `warnings`."""
    if not data.strip():
        raise DocumentError(_("{path} is empty.").format(path=name))
    if b"\x00" in data[:8192]:
        raise DocumentError(_("{name} is a binary file, not text minutes (try .txt, .md, .docx, .odt or .pdf).").format(name=name))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = _decode_mixed(data, name, warnings) or _decode_8bit(data, name)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode_mixed(data: bytes, name: str, warnings: list[str] | None) -> str | None:
    """Line by line when some lines are UTF-8 with letters beyond ASCII and others are not UTF-8."""
    lines = data.removeprefix(b"\xef\xbb\xbf").split(b"\n")
    utf8, other, out = 0, [], []
    for number, line in enumerate(lines, start=1):
        try:
            out.append(line.decode("utf-8"))
            utf8 += not line.isascii()
        except UnicodeDecodeError:
            other.append(number)
            out.append(line.decode("cp1252", errors="replace") if _is_cp1252(line) else line.decode("latin_1"))
    if not utf8:
        return None  # the whole file is in one 8-bit encoding: detect which
    if warnings is not None:
        shown = ", ".join(map(str, other[:10])) + (" ..." if len(other) > 10 else "")
        lines_were = ngettext("line {lines} was", "lines {lines} were", len(other)).format(lines=shown)
        warnings.append(
            _("{name} mixes UTF-8 and Windows-1252: {lines_were} read as Windows-1252; check å, ä and ö there.").format(name=name, lines_were=lines_were)
        )
    return "\n".join(out)


def _is_cp1252(line: bytes) -> bool:
    try:
        line.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


def _parse_packed(parse, data: bytes, name: str, kind: str) -> str:  # type: ignore[no-untyped-def]
    """A .docx or .odt, measured unpacked before it is parsed; broken XML is one sentence."""
    import io
    import xml.sax
    import zipfile

    from lxml import etree

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, ValueError) as e:
        raise DocumentError(_("{name} is not a readable {kind} ({reason}).").format(name=name, kind=_(kind), reason=e)) from None
    unpacked = sum(part.file_size for part in parts)  # zipfile stops reading a part at its stated size
    if unpacked > MAX_UNPACKED or len(parts) > MAX_PARTS:
        raise DocumentError(
            _("{name} unpacks to {mb} MB in {parts} parts; that is not a set of minutes (the limit is {limit} MB).").format(
                name=name, mb=f"{unpacked / 2**20:,.0f}", parts=f"{len(parts):,}", limit=MAX_UNPACKED // 2**20)  # fmt: skip
        )
    try:
        return str(parse(data, name))
    except RecursionError:
        raise DocumentError(_("{name} is nested too deeply to be a {kind} of minutes.").format(name=name, kind=_(kind))) from None
    except (etree.XMLSyntaxError, xml.sax.SAXException, zipfile.BadZipFile, UnicodeDecodeError) as e:
        reason = str(e).splitlines()[0] if str(e) else type(e).__name__
        raise DocumentError(_("{name} is not a readable {kind}: its XML is broken ({reason}).").format(name=name, kind=_(kind), reason=reason)) from None
    except (AttributeError, TypeError, IndexError, AssertionError):  # a part missing or of the wrong kind
        raise DocumentError(_("{name} is not a readable {kind}: a part of it is missing or malformed.").format(name=name, kind=_(kind))) from None


def _decode_8bit(data: bytes, name: str) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["cp1252", "latin_1", "iso8859_15", "mac_roman", "cp850"]).best()
    if best is None:
        raise DocumentError(_("{name} is not text in an encoding actiontrack knows (UTF-8 or Windows-1252).").format(name=name))
    # Swedish files saved on Windows are cp1252; it is a superset of Latin-1 for letters.
    encoding = "cp1252" if best.encoding in ("latin_1", "iso8859_15") else best.encoding
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return data.decode("latin_1")


def _docx_text(data: bytes, name: str) -> str:
    import io
    import zipfile

    import docx
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as e:
        raise DocumentError(_("{name} is not a readable {kind} ({reason}).").format(name=name, kind=_("Word document"), reason=e)) from None
    lines: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.extend(_docx_paragraph(Paragraph(child, document)))
        elif tag == "tbl":
            lines.extend(
                table_lines(
                    [[c.text.strip() for c in row.cells] for row in docx.table.Table(child, document).rows]
                )
            )
    return "\n".join(lines)


def table_lines(rows: list[list[str]]) -> list[str]:
    """A table as text: see extract/tables.py."""
    from actiontrack.extract.tables import table_lines as lines_of

    return lines_of(rows)


def _docx_paragraph(paragraph) -> list[str]:  # type: ignore[no-untyped-def]
    text = paragraph.text.replace("\u000b", "\n")
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    if not text.strip():
        return [""]
    if style.lower().startswith(("heading", "rubrik")) or style.lower() == "title":
        digits = "".join(ch for ch in style if ch.isdigit())
        level = int(digits) if digits else 1
        return ["", "#" * min(level + 1, 6) + " " + text.strip(), ""]
    if style.lower().startswith(("list", "liststycke")):
        return ["- " + text.strip()]
    return [text, ""]


def _odt_text(data: bytes, name: str) -> str:
    import io
    import zipfile

    from odf.opendocument import load

    try:
        document = load(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as e:
        raise DocumentError(_("{name} is not a readable {kind} ({reason}).").format(name=name, kind=_("OpenDocument text"), reason=e)) from None
    lines: list[str] = []
    _odt_elements(document.text.childNodes, lines)
    return "\n".join(lines)


def _odt_elements(elements, lines: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Headings, paragraphs, lists and tables (read as a Word table is: tables.py), in order;
    a section's content where it stands."""
    from odf import teletype, text

    for element in elements:
        tag = getattr(element, "qname", (None, ""))[1]
        if tag == "h":
            level = int(element.getAttribute("outlinelevel") or 1)
            lines += ["", "#" * min(level + 1, 6) + " " + teletype.extractText(element).strip(), ""]
        elif tag == "p":
            lines += [teletype.extractText(element), ""]
        elif tag == "list":
            for item in element.getElementsByType(text.ListItem):
                lines.append("- " + teletype.extractText(item).strip())
            lines.append("")
        elif tag == "table":
            lines.extend(table_lines(_odt_rows(element)))
        elif tag == "section":
            _odt_elements(element.childNodes, lines)


def _odt_rows(element) -> list[list[str]]:  # type: ignore[no-untyped-def]
    """The rows of an OpenDocument table as cell texts; a cell repeated ("number-columns-
    repeated", as LibreOffice writes empty cells) is one cell, at most as wide as a real table."""
    from odf import table, teletype

    rows = []
    for row in element.getElementsByType(table.TableRow):
        cells: list[str] = []
        for cell in row.childNodes:
            if getattr(cell, "qname", (None, ""))[1] not in ("table-cell", "covered-table-cell"):
                continue
            repeated = min(int(cell.getAttribute("numbercolumnsrepeated") or 1), 50)
            cells += [teletype.extractText(cell).strip()] * repeated
        rows.append(cells)
    return rows
