"""A JSON export read piece by piece: `track import --from-json` of an export of any size.

An export holds every item of a database; 25,000 items are about 30 MB, written as one JSON
object ("format", "version", then the lists "people", "groups", "meetings", "items"). It is no
set of minutes, so the minutes' limits (20 MB, 20,000 characters a line) do not apply, and it
is never held whole: the lists' entries are decoded one at a time from a buffer refilled from
the file, so memory is that of the largest entry, not of the file.
"""

from __future__ import annotations

import io
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from actiontrack.errors import DocumentError
from actiontrack.i18n import _

LISTS = ("people", "groups", "meetings", "items")
CHUNK = 1 << 20  # characters read at a time
_SPACE = re.compile(r"[ \t\n\r]*")


def open_export(path: str) -> IO[str]:
    """The export at `path` ("-": standard input, read whole: it cannot be read twice) as text."""
    from actiontrack.files import not_a_file

    if path == "-":
        return io.StringIO(sys.stdin.buffer.read().decode("utf-8-sig", errors="replace"))
    p = Path(path)
    kind = not_a_file(p)
    if kind is not None:
        raise DocumentError(_("{path} is {kind}, not an export file.").format(path=path, kind=kind))
    try:
        return p.open(encoding="utf-8-sig", errors="replace", newline="")
    except FileNotFoundError:
        raise DocumentError(_("{path} does not exist.").format(path=path)) from None
    except OSError as e:
        raise DocumentError(
            _("{path} cannot be read: {reason}.").format(path=path, reason=e.strerror or e)
        ) from None


class _Reader:
    """JSON values decoded one after the other from a text stream, refilled as they need."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.buf = ""
        self.pos = 0
        self.eof = False
        self.decoder = json.JSONDecoder()

    def _fill(self) -> bool:
        if self.eof:
            return False
        # at least as much again as is buffered, so that a value larger than CHUNK is decoded
        # after a doubling number of tries, not one try per CHUNK
        chunk = self.stream.read(max(CHUNK, len(self.buf) - self.pos))
        if not chunk:
            self.eof = True
            return False
        self.buf = self.buf[self.pos :] + chunk
        self.pos = 0
        return True

    def peek(self) -> str:
        """The next character that is not white space ("" at the end), not taken."""
        while True:
            self.pos = _SPACE.match(self.buf, self.pos).end()  # type: ignore[union-attr]
            if self.pos < len(self.buf) or not self._fill():
                return self.buf[self.pos : self.pos + 1]

    def take(self, expected: str) -> None:
        if self.peek() != expected:
            found = self.buf[self.pos : self.pos + 20] or _("the end of the file")
            raise DocumentError(
                _("This is not an actiontrack JSON export: expected '{expected}' at '{found}'.").format(
                    expected=expected, found=found
                )
            )
        self.pos += 1

    def value(self) -> Any:
        self.peek()
        while True:
            try:
                value, end = self.decoder.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError as e:
                if self._fill():
                    continue
                raise DocumentError(
                    _("This is not an actiontrack JSON export: {reason}.").format(reason=e)
                ) from None
            if end == len(self.buf) and not self.eof and self._fill():
                continue  # a number at the end of the buffer may go on in the next chunk
            if "\\u0000" in self.buf[self.pos : end]:
                from actiontrack.export.check import without_nul

                value = without_nul(value)  # PostgreSQL stores no NUL: dropped on either database
            self.pos = end
            return value


def entries(stream: IO[str]) -> Iterator[tuple[str, Any, bool]]:
    """(key, value, False) of the export's top-level object in file order; each entry of a list
    under one of LISTS comes as its own (key, entry, True). DocumentError for what is not such an
    object."""
    reader = _Reader(stream)
    if reader.peek() != "{":
        raise DocumentError(
            _("This is not an actiontrack JSON export (made by `track export --format json`).")
        )
    reader.take("{")
    while reader.peek() != "}":
        key = reader.value()
        if not isinstance(key, str):
            raise DocumentError(
                _("This is not an actiontrack JSON export (made by `track export --format json`).")
            )
        reader.take(":")
        if key in LISTS and reader.peek() == "[":
            reader.take("[")
            while reader.peek() != "]":
                yield key, reader.value(), True
                if reader.peek() == ",":
                    reader.take(",")
                elif reader.peek() != "]":
                    reader.take("]")
            reader.take("]")
        else:
            yield key, reader.value(), False
        if reader.peek() == ",":
            reader.take(",")
        elif reader.peek() != "}":
            reader.take("}")
    reader.take("}")
    if reader.peek():
        raise DocumentError(_("This is not an actiontrack JSON export: there is more after its end."))
