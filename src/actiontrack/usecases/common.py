"""What every use case shares: the time stamps, today, the current meeting's setting, a question."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

TYPE_CHECKING = False  # typing costs a command's start 3-4 ms
if TYPE_CHECKING:
    from actiontrack.storage.reads import Reads

CURRENT_MEETING = "current_meeting"
Confirm = Callable[[str], bool]


def timestamp(now: datetime) -> str:
    return now.astimezone(UTC).isoformat(timespec="seconds")


def today_of(now: datetime) -> date:
    return now.astimezone().date() if now.tzinfo else now.date()


def current_id(repo: Reads) -> int | None:
    value = repo.get_setting(CURRENT_MEETING)
    return int(value) if value else None
