"""Undo and the log of changes: every write command is journaled (storage/journal.py)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from actiontrack.records import record
from actiontrack.usecases.common import timestamp

if TYPE_CHECKING:
    from actiontrack.storage.reads import Reads
    from actiontrack.storage.writes import Writes


@record(frozen=True)
class Change:
    id: int
    at: str  # UTC ISO-8601
    command: str  # as the user typed it
    summary: str  # what it changed, in words
    undone_at: str | None = None
    user: str = ""  # who ran it


def undo(repo: Writes, *, now: datetime, user: str) -> tuple[str, str]:
    """Revert the last write command not undone yet, as a unit (all its documents, all its items).

    Only the user's own commands are undone (a shared database has several secretaries).
    Nothing to undo, or rows changed since by someone else, is an InputError; `person forget`
    empties the journal, so what it removed cannot come back.
    """
    return repo.undo_last(timestamp(now), user)


def log(repo: Reads, *, limit: int = 20) -> list[Change]:
    """The last write commands, newest first."""
    return [Change(*row) for row in repo.changes(limit)]
