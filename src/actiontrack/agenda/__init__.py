"""The agenda before a group's next meeting: pure rules over items and meetings.

Nothing promised at one meeting is forgotten at the next. The next meeting's
date comes from `--date`, else from the schedule the minutes gave ("Tider nästa
år", "nästa möte 22 februari"), else from the group's usual rhythm; then four
sections: deferred points waiting for this meeting, overdue items (oldest due
date first), the other open items grouped by owner, and items done since the
group's last meeting. Where they go among the agenda's points (mötets öppnande,
val av justerare, ...) is the template's business: agenda/outline.py.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from datetime import date, timedelta

from actiontrack.dates import day_off
from actiontrack.models import Item, Kind, Meeting, ScheduledMeeting, Status
from actiontrack.records import field, record

Day = date  # for the fields after NextMeeting.date, which hides the name inside the class


@record(frozen=True)
class NextMeeting:
    date: date | None
    source: str  # "option", "schedule", "minutes", "rhythm", "unknown"
    place: str | None = None
    rhythm_days: int | None = None
    moved_from: Day | None = None  # the rhythm's day, a holiday or eve (julafton): moved to `date`
    day_off: str | None = None  # which ("julafton")
    passed: Day | None = None  # a date the minutes or the schedule gave that has passed: not used
    passed_source: str | None = None  # "minutes" or "schedule"


@record
class Agenda:
    group: str
    next: NextMeeting
    last_meeting: Meeting | None
    time: str | None = None  # of day, as the group's last meeting had it ("13.00-15.00")
    attendees: list[str] = field(default_factory=list)  # who is called: the last meeting's list
    following: NextMeeting | None = None  # the meeting after this one, for the point "Nästa möte"
    today: date = date.min  # the day the agenda is made: ages count from it when the date is not known
    deferred: list[Item] = field(default_factory=list)
    overdue: list[Item] = field(default_factory=list)
    open: list[Item] = field(default_factory=list)
    done_since_last: list[Item] = field(default_factory=list)
    time_from: Meeting | None = None  # the meeting the time of day is taken from
    called_from: Meeting | None = None  # the meeting whose list of people is called

    @property
    def date(self) -> date | None:
        return self.next.date

    def open_by_owner(self) -> list[tuple[str | None, list[Item]]]:
        """The open items grouped by owner (None for the group), owners in name order, group last.

        An item of several owners is listed once, in a group of its own named by all of them
        ("Anna Ek, Bo Ek"), which sorts right after the first owner's own group."""
        groups: dict[tuple[str, ...], list[Item]] = {}
        for item in self.open:
            groups.setdefault(tuple(o.name for o in item.owners), []).append(item)
        ordered = sorted(groups.items(), key=lambda kv: (not kv[0], [n.casefold() for n in kv[0]]))
        return [(", ".join(names) or None, items) for names, items in ordered]

    def all_items(self) -> list[Item]:
        return [*self.deferred, *self.overdue, *self.open]


def next_meeting(
    meetings: Sequence[Meeting],
    schedule: Sequence[ScheduledMeeting],
    *,
    given: date | None,
    today: date,
) -> NextMeeting:
    """When the group meets next, and how that is known. A date from the schedule or the last
    minutes that has passed is not used, but kept to be said; the rhythm's day moves off a
    holiday or eve (julafton) to the next working day."""
    held = sorted((m for m in meetings if m.date), key=lambda m: m.date)  # type: ignore[arg-type,return-value]
    last = held[-1] if held else None
    places = {s.date: s.place for s in schedule}
    if given is not None:
        return NextMeeting(given, "option", places.get(given) or (last.place if last else None))
    after = last.date if last and last.date else today
    planned = sorted((s for s in schedule if s.date > after), key=lambda s: s.date)
    passed: tuple[date | None, str | None] = (None, None)
    if planned and planned[0].date < today:
        passed = (planned[0].date, "schedule")  # planned, and no minutes of it here
    ahead = [s for s in planned if s.date >= today]
    if ahead:
        first = ahead[0]
        return NextMeeting(
            first.date, "schedule", first.place or (last.place if last else None), None, None, None, *passed
        )
    if last is not None and last.next_meeting and last.next_meeting > after:
        if last.next_meeting >= today:
            return NextMeeting(last.next_meeting, "minutes", last.place)
        passed = (last.next_meeting, "minutes")
    rhythm = group_rhythm([m.date for m in held if m.date is not None])
    if rhythm is not None and last is not None and last.date is not None:
        when = last.date + timedelta(days=rhythm)
        while working_day(when) < today:
            when += timedelta(days=rhythm)
        moved = working_day(when)
        return NextMeeting(
            moved, "rhythm", last.place, rhythm, when if moved != when else None, day_off(when), *passed
        )
    return NextMeeting(None, "unknown", last.place if last else None, None, None, None, *passed)


def working_day(when: date) -> date:
    """The day itself, or the first day after it that is no holiday or eve (and, for a meeting on
    a weekday, no weekend): a group that meets on Wednesdays does not meet on julafton."""
    day = when
    while day_off(day) or (when.weekday() < 5 <= day.weekday()):
        day += timedelta(days=1)
    return day


RHYTHM_SPREAD = (0.75, 1.33)  # a gap this far from the median still keeps the rhythm
RHYTHM_AGREEING = 2 / 3  # the share of gaps that must keep it (a summer break may not)


def group_rhythm(days: Sequence[date]) -> int | None:
    """Days between the group's meetings, in whole weeks, when the gaps agree: the median of
    consecutive gaps, if at least two gaps and two thirds of them lie near it; else None."""
    days = sorted(set(days))
    gaps = [(b - a).days for a, b in zip(days, days[1:], strict=False)]
    if len(gaps) < 2:
        return None
    median = statistics.median(gaps)
    low, high = RHYTHM_SPREAD
    near = [g for g in gaps if low * median <= g <= high * median]
    if median <= 0 or len(near) < 2 or len(near) < RHYTHM_AGREEING * len(gaps):
        return None
    return max(7, round(median / 7) * 7)


def following_meeting(
    schedule: Sequence[ScheduledMeeting], meetings: Sequence[Meeting], after: date
) -> NextMeeting | None:
    """The meeting after the one the agenda is for: from the schedule, else the group's rhythm."""
    planned = [s for s in schedule if s.date > after]
    if planned:
        first = min(planned, key=lambda s: s.date)
        return NextMeeting(first.date, "schedule", first.place)
    rhythm = group_rhythm([m.date for m in meetings if m.date is not None])
    if rhythm is not None:
        when = after + timedelta(days=rhythm)
        moved = working_day(when)
        return NextMeeting(moved, "rhythm", None, rhythm, when if moved != when else None, day_off(when))
    return None


def last_meeting(meetings: Sequence[Meeting], before: date) -> Meeting | None:
    """The group's meeting before this one: what "done since the last meeting" counts from."""
    held = [m for m in meetings if m.date and m.date < before] or [m for m in meetings if m.date]
    return max(held, key=lambda m: (m.date, m.id)) if held else None


def build_agenda(
    group: str,
    meetings: Sequence[Meeting],
    schedule: Sequence[ScheduledMeeting],
    open_items: Sequence[Item],
    closed_items: Sequence[Item],  # done items; those before the last meeting are left out
    *,
    given: date | None,
    today: date,
    attendees: Sequence[str] = (),
    called_from: Meeting | None = None,
) -> Agenda:
    """`attendees`: who is called, the list of `called_from` (the last meeting that has one)."""
    nxt = next_meeting(meetings, schedule, given=given, today=today)
    last = last_meeting(meetings, nxt.date or today)
    day = nxt.date or today
    following = following_meeting(schedule, meetings, nxt.date) if nxt.date else None
    # the time of day of the last meeting that has one: a meeting started at the table has none
    timed = [m for m in meetings if m.time and m.date and m.date < day] or [m for m in meetings if m.time]
    time_from = max(timed, key=lambda m: (m.date or date.min, m.id)) if timed else None
    agenda = Agenda(
        group, nxt, last, time_from.time if time_from else None, list(attendees), following, today
    )
    agenda.time_from, agenda.called_from = time_from, called_from
    for item in open_items:
        if item.status is not Status.OPEN:
            continue
        if item.kind is Kind.DEFERRED:
            agenda.deferred.append(item)
        elif item.due is not None and item.due < day:
            agenda.overdue.append(item)
        else:
            agenda.open.append(item)
    since = last.date.isoformat() if last and last.date else None
    agenda.done_since_last = [
        i
        for i in closed_items
        if i.status is Status.DONE and i.closed_at and (since is None or i.closed_at[:10] >= since)
    ]
    agenda.deferred.sort(key=_origin)
    agenda.overdue.sort(key=lambda i: (i.due, _origin(i)))
    agenda.open.sort(key=lambda i: (i.due or date.max, _origin(i)))
    agenda.done_since_last.sort(key=lambda i: i.closed_at or "")
    return agenda


def _origin(item: Item) -> tuple[date, int]:
    return (item.meeting.date if item.meeting and item.meeting.date else date.min, item.id)


def age_days(item: Item, on: date) -> int | None:
    """How long the item has been waiting, from the meeting it came from (or its creation)."""
    start = item.meeting.date if item.meeting and item.meeting.date else None
    if start is None and item.created_at:
        start = date.fromisoformat(item.created_at[:10])
    return (on - start).days if start else None
