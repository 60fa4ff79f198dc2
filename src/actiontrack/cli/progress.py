"""How far the reading of a long document has come, on stderr.

A 14 MB text takes seconds to read; without a sign of life it looks hung. The extractor
reports (lines read, lines in all) through `actiontrack.extract.reporting_progress`; this
shows it once a document has taken more than a second, only when stderr is a terminal
(nothing when piped), on one line that is cleared when the document is read.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

from actiontrack.i18n import _

SHOW_AFTER = 1.0  # seconds: most minutes are read in a few milliseconds and show nothing
REDRAW_EVERY = 0.2


class ReadingIndicator:
    """The progress callback of one document: "Reading NAME: 45%", redrawn in place."""

    def __init__(self, name: str, stream: TextIO, clock: Callable[[], float] = time.monotonic) -> None:
        self.name, self.stream, self.clock = name, stream, clock
        self.start = clock()
        self.drawn_at: float | None = None

    def __call__(self, done: int, total: int) -> None:
        now = self.clock()
        if now - self.start < SHOW_AFTER or (
            self.drawn_at is not None and now - self.drawn_at < REDRAW_EVERY
        ):
            return
        self.drawn_at = now
        percent = 100 * done // total if total else 100
        self.stream.write("\r" + _("Reading {name}: {percent}%").format(name=self.name, percent=percent))
        self.stream.flush()

    def close(self) -> None:
        if self.drawn_at is not None:
            self.stream.write("\r\x1b[K")  # the line is cleared: what follows starts clean
            self.stream.flush()


@contextmanager
def reading(name: str, stream: TextIO | None = None) -> Iterator[None]:
    """Show how far each extraction inside has come, for the document `name`."""
    stream = stream or sys.stderr
    if not stream.isatty():
        yield
        return
    from actiontrack.extract import reporting_progress
    from actiontrack.render import visible

    indicator = ReadingIndicator(visible(name), stream)
    try:
        with reporting_progress(indicator):
            yield
    finally:
        indicator.close()


@contextmanager
def working(label: str, stream: TextIO | None = None) -> Iterator[None]:
    """A line saying what is being done, once it has taken more than a second (a terminal only):
    storing a long document's thousands of items takes a while too."""
    import threading

    stream = stream or sys.stderr
    if not stream.isatty():
        yield
        return
    from actiontrack.render import visible

    shown = threading.Event()

    def show() -> None:
        stream.write("\r" + visible(label))
        stream.flush()
        shown.set()

    timer = threading.Timer(SHOW_AFTER, show)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        if shown.is_set():
            stream.write("\r\x1b[K")
            stream.flush()
