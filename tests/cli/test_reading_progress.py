"""The indicator of a long document's reading: the extractor's callback, and the CLI's line."""

import io
from datetime import date

import pytest

from actiontrack.cli import progress
from actiontrack.extract import extract_text, reporting_progress
from tests.conftest import DATA

TODAY = date(2016, 2, 8)
MINUTES = (DATA / "gemensam-utvecklingsgrupp-feb.txt").read_text(encoding="utf-8")


def test_extract_text_reports_how_far_it_has_come():
    calls: list[tuple[int, int]] = []
    with_progress = extract_text(
        MINUTES, today=TODAY, progress=lambda done, total: calls.append((done, total))
    )
    total = len(MINUTES.split("\n"))
    assert calls[0] == (0, total) and calls[-1] == (total, total)
    assert len(calls) > 3 and all(
        a[0] <= b[0] and b[1] == total for a, b in zip(calls, calls[1:], strict=False)
    )
    assert with_progress == extract_text(MINUTES, today=TODAY)  # reporting changes nothing read


def test_reporting_progress_reaches_extractions_inside_only():
    calls: list[tuple[int, int]] = []
    with reporting_progress(lambda done, total: calls.append((done, total))):
        extract_text(MINUTES, today=TODAY)
    inside = len(calls)
    extract_text(MINUTES, today=TODAY)
    assert inside > 3 and len(calls) == inside


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_indicator_shows_only_after_a_second_and_clears_its_line():
    out, clock = Terminal(), Clock()
    indicator = progress.ReadingIndicator("protokoll.txt", out, clock)
    indicator(10, 100)
    clock.now += 0.5
    indicator(20, 100)
    assert out.getvalue() == ""  # most documents are read in milliseconds: nothing shown
    clock.now += 0.6
    indicator(45, 100)
    clock.now += 0.05
    indicator(50, 100)  # not redrawn more often than needed
    clock.now += 0.3
    indicator(100, 100)
    indicator.close()
    assert out.getvalue() == "\rReading protokoll.txt: 45%\rReading protokoll.txt: 100%\r\x1b[K"


def test_indicator_that_showed_nothing_writes_nothing_at_the_end():
    out = Terminal()
    indicator = progress.ReadingIndicator("protokoll.txt", out, Clock())
    indicator(100, 100)
    indicator.close()
    assert out.getvalue() == ""


def test_reading_on_a_terminal_shows_the_extraction(monkeypatch):
    monkeypatch.setattr(progress, "SHOW_AFTER", 0.0)
    monkeypatch.setattr(progress, "REDRAW_EVERY", 0.0)
    out = Terminal()
    with progress.reading("möte\x1b[2J.txt", stream=out):
        extract_text(MINUTES, today=TODAY)
    shown = out.getvalue()
    assert shown.startswith("\rReading möte\\x1b[2J.txt: ") and shown.endswith(
        "100%\r\x1b[K"
    )  # the name shown, not obeyed


def test_reading_when_piped_shows_nothing(monkeypatch):
    monkeypatch.setattr(progress, "SHOW_AFTER", 0.0)
    out = io.StringIO()  # not a terminal
    with progress.reading("protokoll.txt", stream=out):
        extract_text(MINUTES, today=TODAY)
    assert out.getvalue() == ""


@pytest.mark.parametrize("command", [["extract"], ["import", "--yes"]])
def test_commands_piped_print_no_indicator(track, monkeypatch, command):
    monkeypatch.setattr(progress, "SHOW_AFTER", 0.0)
    result = track(*command, str(DATA / "gemensam-utvecklingsgrupp-feb.txt"))
    assert "Reading" not in result.stderr and "\r" not in result.stderr
