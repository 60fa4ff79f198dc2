"""Meetings: start one (the current meeting `add` attaches items to), find the next one."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from actiontrack.errors import InputError, NotFoundError
from actiontrack.models import Meeting
from actiontrack.usecases.common import CURRENT_MEETING, timestamp

if TYPE_CHECKING:
    from actiontrack.storage.reads import Reads
    from actiontrack.storage.repository import Repository


def start_meeting(repo: Repository, group: str, *, when: date, place: str | None, now: datetime) -> Meeting:
    group = " ".join(group.split())
    if not group:
        raise InputError("A meeting needs the name of its group.")
    meeting = repo.create_meeting(group, now=timestamp(now), date_=when, title=group, place=place)
    repo.set_setting(CURRENT_MEETING, str(meeting.id))
    return meeting


def current_meeting(repo: Reads) -> Meeting | None:
    value = repo.get_setting(CURRENT_MEETING)
    if not value:
        return None
    try:
        return repo.get_meeting(int(value))
    except NotFoundError:
        return None


def next_meeting_after(repo: Repository, meeting: Meeting) -> date | None:
    """The group's next meeting after this one: from the minutes, else the stored schedule."""
    if meeting.next_meeting:
        return meeting.next_meeting
    base = meeting.date or date.min
    later = [s.date for s in repo.schedule(meeting.group) if s.date > base]
    return min(later) if later else None
