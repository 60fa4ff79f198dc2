"""iCalendar (RFC 5545) for Outlook, Google Calendar and Apple Calendar/Reminders.

- each open item with a due date: a VTODO (Google Calendar, Apple Reminders, Thunderbird), or
  with `tasks_as_events` an all-day VEVENT with a reminder (Outlook desktop ignores VTODO);
- each meeting of the groups: a VEVENT at its time of day ("13.00-15.00", stored from the
  minutes or `track meeting edit --time`) and place, all-day when no time is known; the
  meeting the last minutes announce, at the time and place they say; the "Tider nästa år"
  schedule adds the meetings still to come.

Times are written in UTC (the local time of this computer, converted), which every client
reads without a VTIMEZONE; a meeting and its schedule entry share one UID, so importing again
after the meeting was held updates the event instead of adding a second one.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta

from actiontrack.i18n import _
from actiontrack.models import Item, Meeting, ScheduledMeeting, Status
from actiontrack.render import visible

PRODID = "-//actiontrack//track export//SV"
REMINDER = timedelta(hours=-15)  # from the start of the all-day event: 09:00 the day before
_CLOCK = re.compile(r"(\d{1,2})[.:](\d\d)")


def meeting_hours(text: str | None) -> tuple[time, time | None] | None:
    """A meeting's time of day as stored ("13.00-15.00", "kl. 9.30", "13:00–15:00"): start, end."""
    clocks = []
    for hour, minute in _CLOCK.findall(text or ""):
        if int(hour) > 23 or int(minute) > 59:
            return None
        clocks.append(time(int(hour), int(minute)))
    if not clocks:
        return None
    end = clocks[1] if len(clocks) > 1 and clocks[1] > clocks[0] else None
    return clocks[0], end


def _utc(day: date, at: time) -> datetime:
    """A local time on a day (with that day's summer or winter time) in UTC."""
    return datetime.combine(day, at).astimezone().astimezone(UTC)


def _item_uid(item: Item) -> str:
    return f"item-{item.id}-{(item.created_at or '')[:19]}@actiontrack"


def _meeting_uid(group: str, day: date) -> str:
    key = hashlib.sha1(group.encode("utf-8")).hexdigest()[:10]  # stable across exports
    return f"meeting-{day.isoformat()}-{key}@actiontrack"


def _description(item: Item) -> str:
    lines = [_("Owner: {owners}").format(owners=", ".join(o.name for o in item.owners) or _("the group"))]
    if item.meeting:
        lines.append(
            _("From meeting: {meeting}")
            .format(meeting=f"{item.meeting.group} {item.meeting.date or ''}")
            .rstrip()
        )
    if item.source:
        lines.append(_("Source: {source}").format(source=item.source))
    return visible("\n".join(lines))


def ics(
    items: Sequence[Item],
    schedules: dict[str, list[ScheduledMeeting]],
    meetings: dict[str, list[Meeting]] | None = None,
    *,
    now: datetime,
    tasks_as_events: bool = False,
) -> bytes:
    from icalendar import Alarm, Calendar, Event, Todo

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "actiontrack")
    stamp = now.astimezone(UTC)  # RFC 5545: DTSTAMP in UTC
    for item in items:
        if item.status is not Status.OPEN or item.due is None:
            continue
        entry = Event() if tasks_as_events else Todo()
        entry.add("uid", _item_uid(item))
        entry.add("dtstamp", stamp)
        entry.add("summary", visible(item.text))
        if tasks_as_events:
            entry.add("dtstart", item.due)
            entry.add("dtend", item.due + timedelta(days=1))
            entry.add("transp", "TRANSPARENT")  # a reminder, not a busy day
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", visible(item.text))
            alarm.add("trigger", REMINDER)
            entry.add_component(alarm)
        else:
            entry.add("due", item.due)
            entry.add("status", "NEEDS-ACTION")
        entry.add("description", _description(item))
        if item.meeting:
            entry.add("categories", [visible(item.meeting.group)])
        cal.add_component(entry)
    for group in sorted(set(schedules) | set(meetings or {})):
        for day, when, place in _meetings_of(schedules.get(group, []), (meetings or {}).get(group, [])):
            event = Event()
            event.add("uid", _meeting_uid(group, day))
            event.add("dtstamp", stamp)
            event.add("summary", visible(group))
            hours = meeting_hours(when)
            if hours:
                event.add("dtstart", _utc(day, hours[0]))
                if hours[1]:
                    event.add("dtend", _utc(day, hours[1]))
            else:
                event.add("dtstart", day)
                event.add("dtend", day + timedelta(days=1))
            if place:
                event.add("location", visible(place))
            cal.add_component(event)
    return cal.to_ical()


def _meetings_of(
    schedule: Sequence[ScheduledMeeting], meetings: Sequence[Meeting]
) -> list[tuple[date, str | None, str | None]]:
    """(day, time of day, place) of a group's meetings: those held, as their minutes say; the one
    the last minutes announce ("Nästa sammanträde ... kl. 13.00–15.00 i Stadshuset"), at the time
    and place said; those of the schedule, all day when no time is said."""
    held = {m.date: m for m in meetings if m.date}
    dated = sorted(held.values(), key=lambda m: m.date)  # type: ignore[arg-type,return-value]
    announced = {m.next_meeting: m for m in dated if m.next_meeting}  # a later announcement wins
    places = {s.date: s.place for s in schedule}
    out = []
    for day in sorted(set(places) | set(held) | set(announced)):
        if day in held:
            meeting = held[day]
            out.append((day, meeting.time, meeting.place or places.get(day)))
        else:
            said = announced.get(day)
            place = (said.next_place if said else None) or places.get(day)
            out.append((day, said.next_time if said else None, place))
    return out
