"""The meeting a document records: title, date, attendees, secretary, next meeting, schedule.

Works on the document's lines (sentences.Line) and reports which lines it used,
so that an attendee list or a signature is never read as an action item.
"""

from __future__ import annotations

import re
from datetime import date

from actiontrack import dates
from actiontrack.extract.attendance import parse_attendance
from actiontrack.extract.fields import unfold
from actiontrack.extract.header import read_header
from actiontrack.extract.person_entry import is_person_name, parse_person_entry
from actiontrack.extract.secretary import SIGNATURE
from actiontrack.extract.sentences import Line, is_heading_text
from actiontrack.extract.title import group_name, is_minutes_heading
from actiontrack.lazy_re import built
from actiontrack.models import ExtractedMeeting, ScheduledMeeting
from actiontrack.records import field, record

SCHEDULE_HEADING = re.compile(
    r"^(?:tider|mötestider|mötesdatum|kommande\s+möten|kommande\s+mötestider|mötesplan(?:ering)?|"
    r"planerade\s+möten|datum\s+för\s+(?:kommande|nästa|våra)\s+möten|nästa\s+års\s+möten|möten\s+(?:under|för|inför)\b)",
    re.IGNORECASE,
)
PLACE_LABEL = re.compile(r"^(?:plats|lokal|mötesplats|var)\s*:\s*(?P<place>.+)$", re.IGNORECASE)
NEXT_MEETING = re.compile(
    r"(?=n)\b(?:nästa|nytt)\s+(?:\w*möte|sammanträde|träff|gång)\b(?:\s+(?:är|blir|hålls|äger\s+rum|utlyst|planeras|bokas))?",
    re.IGNORECASE,
)


# What an announcement of the next meeting says beside its date: the time of day and the place
# (a name after "i" or "på": "i Stadshuset, rum 4", "på Bryggan"; "i april" is no place).
ANNOUNCED_TIME = re.compile(
    r"\b(?:kl(?:ockan|\.)?|klockan)\s*(\d{1,2}[.:]\d{2})(?:\s*(?:-|–|till)\s*(\d{1,2}[.:]\d{2}))?",
    re.IGNORECASE,
)
ANNOUNCED_PLACE = re.compile(
    r"\b(?:i|på)\s+(?P<place>[A-ZÅÄÖ][\w-]*(?:(?:\s+|,\s*)(?:[A-ZÅÄÖ0-9][\w-]*|rum|sal|plan|lokal|våning)\b)*)"
)


@record
class MeetingParse:
    meeting: ExtractedMeeting
    used_lines: set[int] = field(default_factory=set)
    title_line: int | None = None
    warnings: list[str] = field(default_factory=list)
    people_from: int | None = None  # the first line of the attendee lists


def parse_meeting(
    lines: list[Line], *, year: int | None, today: date, meeting_date: date | None = None
) -> MeetingParse:
    result = MeetingParse(ExtractedMeeting())
    meeting = result.meeting
    view = unfold(lines)  # "Tid: ... Närvarande: ..." run together in one line of PDF text: a field a line
    head = read_header(view.lines, year=year, today=today)
    if meeting_date is not None:  # given with --date: it wins over what the text says
        head.date, head.partial_date, head.year_how = meeting_date, None, "given with --date"
        head.warnings = [w for w in head.warnings if "no year" not in w and "no meeting date" not in w]
    meeting.title, meeting.date, meeting.partial_date = head.title, head.date, head.partial_date
    meeting.year_inferred, meeting.time_start, meeting.time_end = (
        head.year_how,
        head.time_start,
        head.time_end,
    )
    result.used_lines |= head.used_lines
    result.title_line = head.title_line
    result.warnings.extend(head.warnings)
    base = meeting.date or today
    people = parse_attendance(_own_part(view.lines, meeting.date))
    meeting.attendees, meeting.absent, meeting.secretary = people.attendees, people.absent, people.secretary
    meeting.roles = people.roles
    result.used_lines |= people.used_lines
    result.people_from = min(people.used_lines, default=None)
    result.used_lines -= view.cut  # the rest of a run-on line is the minutes' own text
    _schedule(lines, result, base)
    meeting.next_meeting = _next_meeting(lines, result, base)
    for ln in lines[:25]:
        m = PLACE_LABEL.match(ln.text)
        if m and not meeting.place:
            meeting.place = m.group("place").strip(" .")
            result.used_lines.add(ln.no)
    return result


def _own_part(lines: list[Line], day: date | None) -> list[Line]:
    """This meeting's minutes alone: a page that lists minutes one after another (newest first)
    holds, after these, another heading with another date, followed by its own fields."""
    if day is None:
        return lines
    for i, ln in enumerate(lines):
        if i < 8 or not is_minutes_heading(ln.text):
            continue
        readings = [r for m in dates.find_meeting_dates(ln.text) for r in m.readings]
        if not readings or day in readings:
            continue  # the same heading again (a page that repeats its header) is the same minutes
        below = [x.text for x in lines[i + 1 : i + 8] if not x.blank][:4]
        if any(FIELD_AFTER_HEADING.match(t) for t in below):
            return lines[:i]
    return lines


FIELD_AFTER_HEADING = re.compile(
    r"(?i)^(?:plats|tid|datum|lokal|närvarande|deltagare|frånvarande|ledamöter|beslutande)\b[^:]{0,30}:"
)


# --- schedule and next meeting ---------------------------------------------------


def _schedule(lines: list[Line], result: MeetingParse, base: date) -> None:
    meeting = result.meeting
    inside = False
    for ln in lines:
        if ln.blank:
            continue
        is_heading = ln.heading_level > 0 or (is_heading_text(ln.text) and not ln.bullet)
        if SCHEDULE_HEADING.match(ln.text) and not ln.text.endswith(":") and not is_heading:
            inline = [
                d
                for m in dates.find_meeting_dates(ln.text)
                if (d := m.readings[0] if m.readings else _forward(m, base))
            ]
            if len(inline) >= 2:  # "Kommande möten: 6 april, 4 maj och 8 juni."
                meeting.schedule += [ScheduledMeeting(d) for d in inline]
                result.used_lines.add(ln.no)
                continue
        if SCHEDULE_HEADING.match(ln.text) and (is_heading or ln.text.endswith(":")):
            inside = True
            result.used_lines.add(ln.no)
            continue
        if not inside:
            continue
        found = [m for m in dates.find_dates(ln.text, base) if m.rule in ("day-month", "iso", "numeric")]
        if found and found[0].date and (ln.bullet or len(ln.text.split()) <= 8):
            place = re.search(r"\(([^)]+)\)|,\s*(.+)$", ln.text[found[0].end :])
            where = (place.group(1) or place.group(2)).strip(" .") if place else None
            meeting.schedule.append(ScheduledMeeting(found[0].date, where or None))
            result.used_lines.add(ln.no)
        elif ln.text.endswith(":") and not ln.bullet:
            result.used_lines.add(ln.no)  # "Tider bokas upp inför vårterminen:"
        elif is_heading or SIGNATURE.match(ln.text):
            inside = False


def _next_meeting(lines: list[Line], result: MeetingParse, base: date) -> date | None:
    """ "Nästa möte hålls den 16 december", "Nytt möte utlyst till torsdag 8/6", or a "Nästa möte"
    heading with the date on the lines below it."""
    known = result.meeting.date is not None
    for i, ln in enumerate(lines):
        for m in NEXT_MEETING.finditer(ln.text):
            window = [ln.text[m.end() : m.end() + 60]]
            if not ln.text[m.end() :].strip(" :-–") or ln.heading_level:
                window += [nxt.text[:60] for nxt in lines[i + 1 : i + 4] if not nxt.blank][:2]
            for n, part in enumerate(window):
                found = [
                    d.date
                    for d in dates.find_dates(part, base)
                    if d.rule in ("day-month", "iso", "numeric")
                    and d.date
                    and d.start <= 25
                    and (known or d.year is not None or d.rule == "iso")
                ]
                if not found:  # "Nästa möte 12:15 10-11-2021", "tisdag 6 april kl 18": the header forms
                    found = [
                        day
                        for m in dates.find_meeting_dates(part)[:1]
                        if m.start <= 25
                        for day in (m.readings[:1] or ([_forward(m, base)] if known else []))
                        if day is not None
                    ]
                if found and found[0] > base:
                    _announced(ln.text[m.end() :] if n == 0 else part, result.meeting)
                    return found[0]
    if result.meeting.date is not None and (same := _same_kind_later(lines, result.meeting.title, base)):
        return same
    if (logged := _later_heading(lines, result, base)) is not None:
        return logged
    later = [s.date for s in result.meeting.schedule if s.date > base]
    return min(later) if later else None


def _announced(text: str, meeting: ExtractedMeeting) -> None:
    """The time and place said with the next meeting's date: "... kl. 13.00–15.00 i Stadshuset"."""
    clock = ANNOUNCED_TIME.search(text)
    if clock:
        start, end = (c.replace(":", ".") if c else None for c in clock.group(1, 2))
        meeting.next_time = f"{start}-{end}" if end else start
    where = ANNOUNCED_PLACE.search(text[clock.end() :] if clock else text)
    if where:
        meeting.next_place = where.group("place").strip(" ,.")


def _later_heading(lines: list[Line], result: MeetingParse, base: date) -> date | None:
    """A running log of meetings ("## Möte 20 aug" ... "## Möte 22 aug"): the next heading of a
    meeting with a later date is the next meeting."""
    known = result.meeting.date is not None  # a log without years gives no calendar dates
    for ln in lines:
        if not known or ln.no == result.title_line or not (ln.heading_level and is_minutes_heading(ln.text)):
            continue
        for found in dates.find_meeting_dates(ln.text)[:1]:
            day = found.readings[0] if found.readings else _forward(found, base)
            if day is not None and day > base:
                return day
    return None


def _forward(m: dates.MeetingDate, base: date) -> date | None:
    """A day and month without a year ("tisdag 6 april") as the first such day after the meeting."""
    if m.day is None or m.month is None:
        return None
    for year in (base.year, base.year + 1):
        try:
            day = date(year, m.month, m.day)
        except ValueError:
            continue
        if day > base and (m.weekday is None or day.weekday() == m.weekday):
            return day
    return None


_KIND = re.compile(r"(?i)\b(\w{3,}(?:möte|sammanträde|träff|rådsmöte))\b")


def _same_kind_later(lines: list[Line], title: str | None, base: date) -> date | None:
    """ "... vid styrelsemötet den 5/6" in the minutes of a styrelsemöte: a later meeting of the
    same kind named with its date; the first after this one is the next meeting."""
    kind = _KIND.search(title or "")
    if kind is None:
        return None
    mention = built(r"(?i)\b" + re.escape(kind.group(1)) + r"(?:t|et|n|na)?\s+(?:den\s+|på\s+)?(?=\S*\d)")
    later = []
    for ln in lines:
        for m in mention.finditer(ln.text):
            for found in dates.find_meeting_dates(ln.text[m.end() : m.end() + 30])[:1]:
                if found.start == 0:
                    day = found.readings[0] if found.readings else _forward(found, base)
                    # a day without a year read forwards lands a year on when the text looks back
                    # ("styrelsemötet den 1/2 godkände"): within half a year only
                    if day is not None and base < day and (found.readings or (day - base).days <= 183):
                        later.append(day)
    return min(later) if later else None


__all__ = ["MeetingParse", "group_name", "is_person_name", "parse_meeting", "parse_person_entry"]
