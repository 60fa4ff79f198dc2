"""Meetings: start one (the current meeting `add` attaches items to), end it, correct one,
delete one, find a group by the name a user types, find the next meeting."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import TYPE_CHECKING

from actiontrack.errors import InputError, NotFoundError, UsageError
from actiontrack.i18n import _
from actiontrack.models import Meeting
from actiontrack.usecases.common import CURRENT_MEETING, current_id, timestamp

if TYPE_CHECKING:
    from actiontrack.storage.reads import GroupRef, Reads
    from actiontrack.storage.writes import Writes

_TIME = re.compile(r"^(?:kl\.?\s*)?\d{1,2}[.:]\d\d(?:\s*[-–]\s*\d{1,2}[.:]\d\d)?$", re.IGNORECASE)
_NONE = ("", "-", "none", "ingen")


def find_group(repo: Reads, name: str) -> GroupRef:
    """The group a user means: its name in any case ("ledningsgrupp"), or a prefix only it has.

    NotFoundError lists the known groups; a prefix several groups share lists those."""
    found = repo.find_group(name)  # one index look-up when typed as it is stored
    if found is not None:
        return found
    key = " ".join(name.split()).casefold()
    groups = repo.groups()
    exact = [g for g in groups if g.name.casefold() == key]
    if exact:
        return exact[0]
    started = [g for g in groups if key and g.name.casefold().startswith(key)]
    if len(started) == 1:
        return started[0]
    if started:
        names = ", ".join(g.name for g in started)
        raise NotFoundError(
            _("'{name}' could be any of the groups {names}; give more of the name.").format(
                name=name, names=names
            )
        )
    known = ", ".join(g.name for g in groups) or _("none yet")
    raise NotFoundError(_("There is no group '{name}' (known: {known}).").format(name=name, known=known))


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
) -> Meeting:
    group = " ".join(group.split())
    if not group:
        raise InputError(_("A meeting needs the name of its group."))
    others = same_day(repo, group, when)
    meeting = repo.create_meeting(group, now=timestamp(now), date_=when, title=group, place=place)
    repo.set_setting(CURRENT_MEETING, str(meeting.id))
    if warnings is not None:
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
