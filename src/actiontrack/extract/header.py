"""The meeting's title and date, from the first lines of the minutes.

Minutes open in many ways: "Protokoll fört vid styrelsemöte 20110414", a heading and
then "## 15 oktober 2020", "Datum: 2025-01-20" and "Tid: 17:10" fields, a date alone
on the first line, or straight into "Närvarande:". Text pasted from a web page or a
PDF viewer brings furniture along (breadcrumbs, "Ladda ner", "Sida 1 av 4", "1(4)").
This stage skips the furniture (furniture.py), takes the first real line as the title
unless it is a field or a date (title.py), and reads the date from the title line, a date
line, a labelled field or the first lines, in that order. The time of day next to the date
is kept.

When the text gives a day and a month but no year, the year comes from a weekday
written next to the date, then from the other dates of the document; otherwise the
date stays unknown (`partial_date`) and the caller decides (--year, --date, the
group's other meetings).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from actiontrack import dates
from actiontrack.extract.furniture import is_furniture, menu_block
from actiontrack.extract.sentences import Line
from actiontrack.extract.title import (
    BODY_WORD_IN,
    DATE_FIELD,
    MONTH_YEAR,
    Title,
    clean_title,
    find_title,
    only_date,
)
from actiontrack.i18n import _
from actiontrack.records import field, record

HEADER_LINES = 15  # how far into the document the meeting's date may stand
_TIME_PARTS = re.compile(r"(?P<h1>\d{1,2})(?:[.:](?P<m1>\d\d))?(?:\s*[-–]\s*(?P<h2>\d{1,2})(?:[.:](?P<m2>\d\d))?)?")


@record
class Header:
    title: str | None = None
    date: date | None = None
    partial_date: tuple[int, int] | None = None  # (month, day) when no year could be found
    year_how: str | None = None  # how the year was found, when the date did not say it
    time_start: str | None = None
    time_end: str | None = None
    used_lines: set[int] = field(default_factory=set)
    title_line: int | None = None
    warnings: list[str] = field(default_factory=list)


@record
class _When:
    """A candidate for the meeting's date and what speaks for it."""

    found: dates.MeetingDate
    line: Line | None  # None: the line is page furniture and is not marked used
    score: float
    why: str


def read_header(lines: list[Line], *, year: int | None, today: date) -> Header:
    head = Header()
    top = [ln for ln in lines[: HEADER_LINES * 3] if not ln.blank]
    furniture = [ln for ln in top if is_furniture(ln.text)] + menu_block(top)
    content = [ln for ln in top if ln not in furniture][:HEADER_LINES]
    if not content:
        head.warnings.append(_("The document gives no meeting date."))
        return head
    title = find_title(content)
    if title is not None:
        head.title_line = title.line.no
        head.used_lines.add(title.line.no)
        head.title = clean_title(title.text) or None
    candidates = _date_candidates(content, furniture, title)
    best = max(candidates, key=lambda c: c.score, default=None)
    when = best.found if best else None
    if best is not None and best.line is not None and len(best.line.text.split()) <= 14:
        head.used_lines.add(best.line.no)  # (a paragraph that says the date in passing is still read)
    _time_of_day(content, head, when)
    if when is None:
        head.warnings.append(_("The document gives no meeting date."))
        return head
    _resolve(when, lines, head, year=year, today=today, title=title)
    return head


# --- the date: candidates weighed together ------------------------------------------------------

# "På mötet den 4/11", "protokollet från årliga mötet 23/1", "vid sammanträdet 2026-11-18"
_MEETING_BEFORE = re.compile(
    r"(?i)\b(?:mötet|möte|sammanträdet|sammanträde|träffen|styrelsemötet|årsmötet|dagens\s+möte)"
    r"(?:\s+(?:som\s+hölls|hölls))?\s+(?:den\s+|på\s+|i\s+)?$"
)
_QUOTED = re.compile(r"[\"“”](?P<q>[^\"“”]{6,200})[\"“”]")


def _date_candidates(content: list[Line], furniture: list[Line], title: Title | None) -> list[_When]:
    """Every date the first lines give for the meeting, each scored: where it stands (the title
    line, a "Datum:" field, a line of its own, the first lines, a sentence about the meeting, a
    viewer's copy of the title), whether a weekday written with it agrees, and whether the title's
    month and year ("augusti 2012") agree."""
    out: list[_When] = []
    if title is not None and title.date is not None:
        out.append(_When(title.date, title.line, 8, "title line"))
    for rank, ln in enumerate(content):
        if title is not None and ln is title.line:
            continue
        position = -0.2 * rank
        m = DATE_FIELD.match(ln.text)
        if m:
            for found in dates.find_meeting_dates(m.group("rest"))[:1]:
                out.append(_When(found, ln, 7 + position, "date field"))
            continue
        found_all = dates.find_meeting_dates(ln.text)
        if not found_all:
            continue
        first = found_all[0]
        if rank < 8 and (only_date(ln.text) or ln.heading_level):
            out.append(_When(first, ln, 6 + position, "a line of its own"))
        elif rank < 8 and (first.start <= 2 or _names_a_meeting(ln.text) or _names_a_body(ln.text)):
            out.append(_When(first, ln, 5 + position, "first lines"))
        else:
            for f in found_all:  # "Här är protokollet från årliga mötet 23/1 då ..."
                if rank < 8 and _MEETING_BEFORE.search(ln.text[max(0, f.start - 40) : f.start]):
                    out.append(_When(f, ln, 3 + position, "a sentence about the meeting"))
                    break
    for ln in furniture:  # 'Download "Arbetsgruppen 2012-08-30"': a viewer's copy of the title
        for q in _QUOTED.finditer(ln.text):
            for found in dates.find_meeting_dates(q.group("q"))[:1]:
                out.append(_When(found, None, 2, "the page's copy of the title"))
    for c in out:
        c.score += _agreement(c.found, title)
    return out


def _agreement(found: dates.MeetingDate, title: Title | None) -> float:
    score = 0.0
    if found.weekday is not None and found.readings:
        score += 1 if any(r.weekday() == found.weekday for r in found.readings) else -3
    if found.readings or found.year is not None:
        score += 0.5
    if title is not None and found.readings and (m := MONTH_YEAR.search(title.line.text)):
        month = dates.find_meeting_dates(f"1 {m.group(0)}")
        if month and month[0].readings and any(
            (r.year, r.month) == (month[0].readings[0].year, month[0].readings[0].month) for r in found.readings
        ):
            score += 3  # "Anteckningar augusti 2012" and a copy of the title with "30-31 augusti 2012"
    return score


def _names_a_body(text: str) -> bool:
    """ "Styrgruppen 2026-11-18": a short line with a body's name."""
    return bool(BODY_WORD_IN.search(text)) and len(text.split()) <= 8


def _names_a_meeting(text: str) -> bool:
    """ "Protokoll fört vid möte den 18 november", "Sammanträde 2026-11-18": a line about this meeting."""
    return bool(
        re.search(r"\b(?:möte|mötet|sammanträde|sammanträdet|protokoll|träff|styrelsemöte)\w*\b", text, re.I)
    ) and len(text.split()) <= 14


def _time_of_day(content: list[Line], head: Header, when: dates.MeetingDate | None) -> None:
    if when is not None and when.time_start:
        head.time_start, head.time_end = when.time_start, when.time_end
        return
    for ln in content:
        m = DATE_FIELD.match(ln.text)
        if m and re.match(r"^(?:tid|tidpunkt)\b", ln.text, re.I):
            t = _TIME_PARTS.search(m.group("rest"))
            if t:
                head.time_start, head.time_end = _hhmm(t.group("h1"), t.group("m1")), (
                    _hhmm(t.group("h2"), t.group("m2")) if t.group("h2") else None
                )
                head.used_lines.add(ln.no)
                return


def _hhmm(hour: str, minute: str | None) -> str:
    return f"{int(hour):02d}:{minute or '00'}"


def _resolve(
    when: dates.MeetingDate, lines: list[Line], head: Header, *, year: int | None, today: date, title: Title | None
) -> None:
    hints = _document_dates(lines, when)
    if when.readings:
        chosen = dates.pick_reading(when, hints)
        if chosen is not None:
            head.date = chosen
            if len(when.readings) > 1:
                head.year_how = f"'{when.text}' read as {chosen.isoformat()}"
            return
    if when.day is None:
        head.warnings.append(_("The document gives no meeting date."))
        return
    day, month = when.day, when.month
    if month is None:  # "onsdagen den 2/": the month from another date of the document
        month = _month_from_weekdays(when, lines)
        if month is None:
            head.warnings.append(_("The document gives no meeting date."))
            return
    if year is not None:
        head.date, head.year_how = _safe_date(year, month, day), "given with --year"
        return
    title_year = _bare_year(title.line.text) if title is not None else None
    if title_year is not None and (d := _safe_date(title_year, month, day)):
        head.date, head.year_how = d, f"{title_year} from the title"  # "Årliga mötet 2014" ... "mötet 23/1"
        return
    found = infer_year(day, month, when.weekday, lines, hints, today=today)
    if found is not None:
        head.date, head.year_how = found
        return
    head.partial_date = (month, day)
    head.warnings.append(
        _("The meeting date '{date}' has no year, and nothing in the text gives it: "
          "give --year or --date.").format(date=when.text.strip())
    )


def _bare_year(text: str) -> int | None:
    years = set(re.findall(r"(?<![\d/.-])((?:19|20)\d\d)(?![\d/.-])", text))
    return int(years.pop()) if len(years) == 1 else None


def _month_from_weekdays(when: dates.MeetingDate, lines: list[Line]) -> int | None:
    """The month of "onsdagen den 2" (a month lost in the text): that of the nearest later date of
    the same month with a weekday that agrees ("måndagen den 7/5" is five days after a Wednesday
    the 2nd), as minutes name the days right after the meeting (the signing, a reply)."""
    if when.weekday is None or when.day is None:
        return None
    best: tuple[int, int] | None = None  # (days after, month)
    for ln in lines:
        if not re.search(r"dag", ln.text, re.IGNORECASE):
            continue
        for m in dates.find_meeting_dates(ln.text):
            if m.weekday is None or m.month is None or m.day is None or m.day <= when.day:
                continue
            gap = m.day - when.day
            if gap % 7 == (m.weekday - when.weekday) % 7 and (best is None or gap < best[0]):
                best = (gap, m.month)
    return best[1] if best else None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _document_dates(lines: list[Line], when: dates.MeetingDate) -> list[date]:
    """Dates with a year written anywhere in the text ("senast 2017-03-01"), and bare years
    ("sommaren 2027") as their 1 July: what the meeting's own year is near."""
    text = "\n".join(ln.text for ln in lines)
    out: list[date] = []
    # "(?=[12])" first: a pattern that opens with a lookbehind is tried at every character of the
    # whole text, one that opens with a character class skips to its characters (twice as fast)
    for m in re.finditer(r"(?=[12])(?<![\d-])((?:19|20)\d\d)-(\d\d)-(\d\d)(?![\d-])", text):
        d = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d:
            out.append(d)
    if not out:
        out = [date(int(y), 7, 1) for y in re.findall(r"(?=[12])(?<![\d-])((?:19|20)\d\d)(?![\d-])", text)]
    return out


def infer_year(
    day: int, month: int, weekday: int | None, lines: list[Line], hints: Sequence[date], *, today: date
) -> tuple[date, str] | None:
    """The year of a meeting dated "8 februari": a weekday written next to it ("tisdag 8
    februari"), else weekdays written next to other dates of the document, else the other
    dates with a year; None when nothing in the text tells."""
    years = range(today.year - 40, today.year + 2)
    candidates = [d for y in years if (d := _safe_date(y, month, day))]
    how = ""
    if weekday is not None:
        candidates = [d for d in candidates if d.weekday() == weekday]
        how = f"a {dates.WEEKDAY_NAMES[weekday]}"
    else:
        pairs = dates.weekday_mentions("\n".join(ln.text for ln in lines))
        fitting = [d for d in candidates if pairs and all(_weekday_fits(d, p) for p in pairs)]
        if fitting:
            candidates, how = fitting, f"from '{pairs[0][3]}', a {dates.WEEKDAY_NAMES[pairs[0][0]]}"
        elif not hints:
            return None
    if not candidates:
        return None
    if hints:
        anchor = sorted(hints)[len(hints) // 2]
        # minutes name the months ahead more than those behind: a date after the other dates is
        # counted twice as far from them as one before
        best = min(candidates, key=lambda d: ((d - anchor).days * 2 if d > anchor else (anchor - d).days, d > anchor))
        return best, (f"{how}, near the other dates in the text" if how else "from the other dates in the text")
    past = [d for d in candidates if d <= today] or candidates
    best = max(past)
    return best, f"{how} in {best.year}"


def _weekday_fits(meeting: date, mention: tuple[int, int, int, str]) -> bool:
    """Whether a weekday mentioned in the text falls right, reading its date forwards from the meeting."""
    weekday, day, month, _ = mention
    for y in (meeting.year, meeting.year + 1):
        d = _safe_date(y, month, day)
        if d is not None and d >= meeting:
            return d.weekday() == weekday
    return False
