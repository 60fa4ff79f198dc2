"""The next meeting: its agenda, the review at the meeting, each person's digest."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from actiontrack.models import Item, Meeting, Status
from actiontrack.records import record
from actiontrack.usecases.common import current_id, timestamp
from actiontrack.usecases.groups import find_group
from actiontrack.usecases.items import open_item
from actiontrack.usecases.listing import Filters, OwnerFilter, list_items
from actiontrack.usecases.meetings import current_meeting, start_meeting

if TYPE_CHECKING:
    from actiontrack.agenda import Agenda
    from actiontrack.storage.reads import Reads
    from actiontrack.storage.writes import Writes


def agenda(repo: Reads, group: str, *, when: str | None, today: date) -> Agenda:
    """The agenda before the group's next meeting (see agenda.py for the rules)."""
    from actiontrack.agenda import build_agenda, last_meeting, next_meeting
    from actiontrack.dates import parse_date

    row = find_group(repo, group)
    given = parse_date(when, today) if when else None
    meetings, schedule = repo.list_meetings(row.name), repo.schedule(row.name)
    # only the items done since the last meeting are read: the cost follows the agenda, not the years
    last = last_meeting(meetings, next_meeting(meetings, schedule, given=given, today=today).date or today)
    since = last.date.isoformat() if last and last.date else None
    called, called_from = _called(repo, meetings, last)
    return build_agenda(
        row.name,
        meetings,
        schedule,
        repo.query_items(statuses=(Status.OPEN,), group=row.name),
        repo.query_items(statuses=(Status.DONE,), group=row.name, closed_since=since),
        given=given,
        today=today,
        attendees=called,
        called_from=called_from,
    )


def _called(repo: Reads, meetings: list[Meeting], last: Meeting | None) -> tuple[list[str], Meeting | None]:
    """Who is called to the next meeting: everyone on the list of the last meeting that has one,
    present or not (a meeting started at the table has no list: the one before it is used)."""
    if last is None:
        return [], None
    earlier = sorted(
        (m for m in meetings if m.date and last.date and m.date <= last.date and m.id != last.id),
        key=lambda m: (m.date, m.id),
        reverse=True,
    )
    for meeting in [last, *earlier[:5]]:
        names = sorted({p.name for p, _present in repo.attendance(meeting.id)}, key=str.casefold)
        if names:
            return names, meeting
    return [], None


def meeting_for_review(repo: Writes, group: str, day: date, *, now: datetime) -> Meeting:
    """The meeting decisions are taken at: the current one if it is this group's, else a new one."""
    current = current_meeting(repo)
    if current is not None and current.group.casefold() == group.casefold():
        return current
    return start_meeting(repo, group, when=day, place=None, now=now)


def keep(repo: Writes, item_id: int, *, now: datetime) -> Item:
    """Keep an item open, as decided at the meeting under way."""
    open_item(repo, item_id)
    stamp = timestamp(now)
    repo.update_item(item_id, updated_at=stamp)
    repo.add_history(item_id, "kept", {}, stamp, current_id(repo))
    return repo.get_item(item_id)


@record(frozen=True)
class Digest:
    owner: str
    items: list[Item]


def digest(repo: Reads, *, owner: str | None, today: date) -> list[Digest]:
    """What each person (or organisation) has open, overdue first; the group's own items are left out."""
    who = OwnerFilter.of(repo, owner)
    by_owner: dict[str, list[Item]] = {}
    for item in list_items(repo, Filters(owner=owner), today=today):
        for o in item.owners:
            if who.matches(o):
                by_owner.setdefault(o.name, []).append(item)
    return [Digest(name, its) for name, its in sorted(by_owner.items(), key=lambda kv: kv[0].casefold())]


def decide(
    repo: Writes,
    item_id: int,
    answer: str,
    *,
    now: datetime,
    note: str | None = None,
    due: str | None = None,
    owners: list[str] | None = None,
    reason: str | None = None,
    held_on: date | None = None,
    following: date | None = None,
    warnings: list[str] | None = None,
) -> str:
    """Apply an answer of the agenda's review to an item, in its history with the meeting:
    d(one), k(eep), n(ew due date), r(eassign), (drop) x, s(kip). A new due date counts from
    the day of the meeting (`held_on`), and "till nästa möte" is the meeting after it
    (`following`). What was done, in words the review counts by."""
    from actiontrack.usecases.items import complete, drop, edit

    if answer == "d":
        complete(repo, [item_id], note=note or None, now=now)
        return "done"
    if answer == "k":
        keep(repo, item_id, now=now)
        return "kept"
    if answer == "n":
        edit(repo, item_id, due=due, now=now, base=held_on, next_meeting=following, warnings=warnings)
        return "new due date"
    if answer == "r":
        edit(repo, item_id, owners=owners or [], now=now, warnings=warnings)
        return "reassigned"
    if answer == "x":
        drop(repo, item_id, reason=reason or "", now=now)
        return "dropped"
    if answer == "s":
        return "skipped"
    raise ValueError(f"{answer!r} is no answer of the agenda's review")
