"""Meetings: start one (the current meeting `add` attaches items to), end it, correct one,
delete one, find a group by the name a user types, find the next meeting."""

from __future__ import annotations

import re
from datetime import date, datetime

from actiontrack.errors import InputError, NotFoundError, UsageError
from actiontrack.i18n import _
from actiontrack.models import Meeting
from actiontrack.usecases.common import CURRENT_MEETING, Confirm, current_id, timestamp
from actiontrack.usecases.groups import closest_groups, no_such_group
from actiontrack.usecases.groups import find_group as find_group

TYPE_CHECKING = False  # typing costs a command's start 3-4 ms
if TYPE_CHECKING:
    from actiontrack.storage.reads import Reads
    from actiontrack.storage.writes import Writes

_TIME = re.compile(r"^(?:kl\.?\s*)?\d{1,2}[.:]\d\d(?:\s*[-–]\s*\d{1,2}[.:]\d\d)?$", re.IGNORECASE)
_NONE = ("", "-", "none", "ingen")


def same_day(repo: Reads, group: str, day: date | None, *, besides: int | None = None) -> list[Meeting]:
    """The group's other meetings on that day: a second one is often the same meeting twice."""
    if day is None:
        return []
    return [m for m in repo.list_meetings(group) if m.date == day and m.id != besides]


def same_day_warning(meetings: list[Meeting]) -> list[str]:
    return [
        _(
            "{group} already has meeting #{id} on {date}; if it is the same meeting, "
            "remove one with `track meeting delete ID`."
        ).format(group=m.group, id=m.id, date=m.date)
        for m in meetings
    ]


def start_meeting(
    repo: Writes,
    group: str,
    *,
    when: date,
    place: str | None,
    now: datetime,
    warnings: list[str] | None = None,
    new_group: bool = False,
    confirm: Confirm | None = None,
) -> Meeting:
    """Start a meeting of a group, which `add` then attaches items to. A group that does not
    exist is made only when the user says so (`new_group`, or a yes at the terminal), or when
    there is no group at all yet; a misspelt one gets "did you mean". A meeting already under
    way is ended, and that is said."""
    group = " ".join(group.split())
    if not group:
        raise InputError(_("A meeting needs the name of its group."))
    known = repo.find_group(group)
    if known is not None:
        group = known.name
    elif not new_group and repo.groups():
        close = closest_groups(repo, group)
        question = _("There is no group '{name}'{hint}. Create it?").format(
            name=group, hint=_(" (did you mean '{close}'?)").format(close="', '".join(close)) if close else ""
        )
        if confirm is None or not confirm(question):
            raise no_such_group(repo, group, create_hint=True)
    others = same_day(repo, group, when)
    running = current_meeting(repo)
    meeting = repo.create_meeting(group, now=timestamp(now), date_=when, title=group, place=place)
    repo.set_setting(CURRENT_MEETING, str(meeting.id))
    if warnings is not None:
        if known is None:
            warnings.append(_("{group} is a new group.").format(group=group))
        if running is not None:
            warnings.append(
                _(
                    "Meeting #{id} ({group} {date}) was under way; it is ended, and new items go to #{new}."
                ).format(id=running.id, group=running.group, date=running.date or "–", new=meeting.id)
            )
        warnings.extend(same_day_warning(others))
    return meeting


def end_meeting(repo: Writes) -> Meeting:
    """No current meeting any more: `add` attaches new items to no meeting."""
    meeting = current_meeting(repo)
    repo.delete_setting(CURRENT_MEETING)
    if meeting is None:
        raise InputError(_("No meeting is under way; `track meeting start GROUP` starts one."))
    return meeting


def edit_meeting(
    repo: Writes,
    meeting_id: int,
    *,
    when: date | None = None,
    title: str | None = None,
    group: str | None = None,
    place: str | None = None,
    time: str | None = None,
    now: datetime,
    warnings: list[str] | None = None,
) -> Meeting:
    """Correct a meeting: date, title, group, place, time of day. `track undo` reverts it."""
    meeting = repo.get_meeting(meeting_id)
    fields: dict[str, object] = {}
    if when is not None and when != meeting.date:
        fields["date"] = when.isoformat()
    if title is not None:
        title = " ".join(title.split())
        if not title:
            raise InputError(_("A meeting's title cannot be empty."))
        if title != meeting.title:
            fields["title"] = title
    for name, value, old in (("place", place, meeting.place), ("time", time, meeting.time)):
        if value is None:
            continue
        value = None if value.strip().lower() in _NONE else " ".join(value.split())
        if name == "time" and value is not None and not _TIME.match(value):
            raise InputError(
                _("--time must be a time of day like 13.00 or 13.00-15.00, not '{value}'.").format(
                    value=value
                )
            )
        if value != old:
            fields[name] = value
    new_group = None
    if group is not None:
        new_group = " ".join(group.split())
        if not new_group:
            raise InputError(_("A meeting needs the name of its group."))
        known = repo.find_group(new_group)
        new_group = known.name if known else new_group
        if new_group == meeting.group:
            new_group = None
    if not fields and new_group is None:
        raise UsageError(
            _("Nothing to change: give --date, --title, --group, --place or --time with a new value.")
        )
    repo.update_meeting(meeting_id, group=new_group, now=timestamp(now), **fields)
    edited = repo.get_meeting(meeting_id)
    if warnings is not None:
        warnings.extend(same_day_warning(same_day(repo, edited.group, edited.date, besides=edited.id)))
        if "date" in fields and edited.item_count:
            warnings.append(
                _(
                    "The due dates of its items are as they were; import the minutes again with --date "
                    "to count their deadlines from the new date."
                )
            )
    return edited


def delete_meeting(repo: Writes, meeting_id: int) -> Meeting:
    """Remove a meeting with its items (and what its minutes scheduled); `track undo` brings it back."""
    meeting = repo.get_meeting(meeting_id)
    if current_id(repo) == meeting_id:
        repo.delete_setting(CURRENT_MEETING)
    repo.delete_meeting(meeting_id)
    return meeting


def current_meeting(repo: Reads) -> Meeting | None:
    value = repo.get_setting(CURRENT_MEETING)
    if not value:
        return None
    try:
        return repo.get_meeting(int(value))
    except NotFoundError:
        return None


def next_meeting_after(repo: Reads, meeting: Meeting) -> date | None:
    """The group's next meeting after this one: from the minutes, else the stored schedule."""
    if meeting.next_meeting:
        return meeting.next_meeting
    base = meeting.date or date.min
    later = [s.date for s in repo.schedule(meeting.group) if s.date > base]
    return min(later) if later else None
