"""Dates in a meeting's header: the title line and labelled fields ("Datum: 23-05-17").

There, and only there, short numeric forms are safe to read as dates: "201210" in running
text is as likely an amount or an id. Nothing here has a base date: a date is read as
written, and an ambiguous one ("23-05-17": 2023-05-17 or 2017-05-23) keeps every reading,
yymmdd first, for `dates.pick_reading` to choose with the document's other dates.
`actiontrack.dates.find_meeting_dates` is the public face.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator, Sequence
from datetime import date
from functools import lru_cache

from actiontrack.dates.calendar import ENGLISH_MONTHS, WEEKDAYS, fold
from actiontrack.dates.words import MONTH, month_of
from actiontrack.records import record

# Patterns are strings compiled (and cached by re) on first use: importing stays cheap.


@record(frozen=True)
class MeetingDate:
    """A date in a meeting's header ("Styrelsemöte 23-05-17, kl. 18"), read without a base date.

    start/end/text span the whole phrase as written: a weekday and "den" before the date and a
    time of day after it belong to it. readings: every date the text can mean, most likely first
    (one for a full date; yymmdd then ddmmyy for "230517" or "23-05-17"; none for a day and month
    without a year, whose year the caller infers from day/month). weekday is the one written
    next to the date (0 = Monday), time_start/time_end "HH:MM" (time_end None when not given).
    """

    start: int
    end: int
    text: str
    readings: tuple[date, ...]
    day: int | None
    month: int | None
    year: int | None
    weekday: int | None
    time_start: str | None
    time_end: str | None


def pick_reading(m: MeetingDate, hints: Sequence[date]) -> date | None:
    """The reading of m to take: one that falls on the weekday written next to it, else the one
    nearest to the hints (other dates of the document), else the first. None without readings."""
    candidates = [r for r in m.readings if m.weekday is None or r.weekday() == m.weekday] or list(m.readings)
    if not candidates:
        return None
    if hints:
        return min(candidates, key=lambda r: min(abs((r - h).days) for h in hints))
    return candidates[0]


_SPELLED_WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")(?:en|s)?"
# A number right after one of these is an id, a phone number, a page or a version, not a date:
# "Dnr KS 2026-11-18", "tel. 18 05 02", "version 24.12.06".
_LABEL = (
    r"(?i:(?<![\wåäö])(?:dnr|diarie(?:nr|nummer)|ärende(?:nr|nummer)?|nr|nummer|id|ref|tel|telefon|tfn|"
    r"mobil|fax|version|ver|v|rev|sida|s|§|punkt|bilaga|konto|bg|pg|bankgiro|plusgiro|org\.?\s?nr|"
    r"organisationsnummer|pnr|personnummer|faktura(?:nr|nummer)?|order(?:nr|nummer)?))"
    r"[.:#]?\s*(?:[A-ZÅÄÖ]{1,4}[\s-]*)?$"
)
# Before a date: "Tisdagen den", "onsdag,", "den".
_BEFORE = r"(?i)(?<![\wåäöÅÄÖ])(?:" + _SPELLED_WEEKDAY + r"[\s,]+)?(?:den\s+)?$"
# After it: "(onsdag)", ", kl. 13.00–15.00", " 17:15", " 13-15", " klockan 18.30".
_WEEKDAY_AFTER = r"(?i)^[\s,]*\(\s*" + _SPELLED_WEEKDAY + r"\s*\)"
_TIME_AFTER = (
    r"(?i)^[\s,]*(?P<kl>(?:kl\.?|klockan)\s*)?(?P<h1>\d{1,2})(?:[.:](?P<m1>\d\d))?"
    r"(?:\s*(?:[-–]|till)\s*(?:kl\.?\s*)?(?P<h2>\d{1,2})(?:[.:](?P<m2>\d\d))?)?(?![\d.:/(])"
)

# Every form opens with a digit, not inside a longer number, a word or "v1.2": the lookahead of
# the digit lets a search skip to digits, as it cannot past a lookbehind
_NOT_AFTER = r"(?=\d)(?<![\w.,/:-])"
_NOT_BEFORE = r"(?![\wåäöÅÄÖ]|[-/.,:]\d|\s*(?:(?:kr|sek)(?![\wåäöÅÄÖ])|:-|%))"


_Form = tuple[str, re.Pattern[str]]  # (name, pattern)


@lru_cache(maxsize=1)
def _forms() -> list[_Form]:
    """The written forms, compiled on first use. Group names: y/m/d for one reading, a/b/c for
    the two-digit-year forms read both ways, day/month for a date without a year."""
    month = r"(?:" + MONTH + "|(?P<en>" + "|".join(ENGLISH_MONTHS) + "))"
    day_month = r"(?P<day>\d{1,2})(?::?e|:a|st|nd|rd|th)?\.?\s+" + month + r"(?:,?\s+(?P<y>(?:19|20)\d\d))?"
    return [
        (
            "iso",
            re.compile(
                _NOT_AFTER + r"(?P<y>(?:19|20)\d\d)([-/.])(?P<m>\d{1,2})\2(?P<d>\d{1,2})" + _NOT_BEFORE
            ),
        ),
        ("compact", re.compile(_NOT_AFTER + r"(?P<y>199\d|20\d\d)(?P<m>\d\d)(?P<d>\d\d)" + _NOT_BEFORE)),
        ("short", re.compile(_NOT_AFTER + r"(?P<a>\d\d)(?P<b>\d\d)(?P<c>\d\d)" + _NOT_BEFORE)),
        # 18.11.2026, 18/11 2026, 18/11-2026, 18/11/2026
        (
            "day-first",
            re.compile(
                _NOT_AFTER
                + r"(?P<d>\d{1,2})(?:\.(?P<m>\d{1,2})\.|-(?P<m3>\d{1,2})-|/(?P<m2>\d{1,2})(?:[/-]|\s+))"
                r"(?P<y>(?:19|20)\d\d)" + _NOT_BEFORE
            ),
        ),
        # 18/11-26, 18/11/26: a slash puts the day first, so one reading
        ("slash-yy", re.compile(_NOT_AFTER + r"(?P<d>\d{1,2})/(?P<m>\d{1,2})[/-](?P<yy>\d\d)" + _NOT_BEFORE)),
        # 23-05-17, 24.12.06, 4.3.25: both ways
        (
            "two-digit",
            re.compile(_NOT_AFTER + r"(?P<a>\d{1,2})([-.])(?P<b>\d{1,2})\2(?P<c>\d\d)" + _NOT_BEFORE),
        ),
        # 18 05 02: spaces only between three pairs, and no fourth pair (a phone number)
        (
            "spaced",
            re.compile(
                r"(?=\d)(?<![\w.,/:-])(?<!\d\s)(?P<a>\d\d)\s(?P<b>\d\d)\s(?P<c>\d\d)(?!\s\d\d(?![.:]\d))"
                + _NOT_BEFORE
            ),
        ),
        ("day-month", re.compile(r"(?i)" + _NOT_AFTER + day_month + r"(?![\wåäöÅÄÖ]|[-/.,]\d)")),
        # a meeting over two days, read as its first: "30-31 augusti 2012", "12-13/9 2022", "12–13/9"
        (
            "day-range",
            re.compile(
                r"(?i)" + _NOT_AFTER + r"(?P<day>\d{1,2})\s?[-–]\s?(?P<last>\d{1,2})(?:\s+" + month
                + r"(?:,?\s+(?P<y>(?:19|20)\d\d))?(?![\wåäöÅÄÖ]|[-/.,]\d)|/(?P<nmonth>\d{1,2})"
                r"(?:(?:\s+|[-/])(?P<ny>(?:19|20)\d\d))?" + _NOT_BEFORE + ")"
            ),
        ),
        # 31/5: day and month, no year
        ("day-month-numeric", re.compile(_NOT_AFTER + r"(?P<day>\d{1,2})/(?P<month>\d{1,2})" + _NOT_BEFORE)),
        # "onsdagen den 2" (a month lost, as in PDF text "onsdagen den 2/"): kept only after a
        # written weekday, which with the document's other dates still tells the month
        ("weekday-day", re.compile(_NOT_AFTER + r"(?P<day>\d{1,2})(?::?e|:a)?/?(?![\d/.:,-]|\s*(?:[/.-]\s*)?\d)")),
    ]  # fmt: skip


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _century(yy: int) -> int:
    return (1900 if yy >= 90 else 2000) + yy


def _fields(
    form: str, m: re.Match[str]
) -> tuple[tuple[date, ...], int | None, int | None, int | None] | None:
    """(readings, day, month, year) of a match, or None when it is no date."""
    g = m.groupdict()
    if form in ("iso", "compact", "day-first", "slash-yy"):
        year = int(g["y"]) if g.get("y") else _century(int(g["yy"]))
        month, day = int(g.get("m") or g.get("m2") or g.get("m3") or 0), int(g["d"])
        d = _valid(year, month, day)
        return ((d,), day, month, year) if d else None
    if form in ("short", "two-digit", "spaced"):
        a, b, c = g["a"], g["b"], g["c"]
        readings = []
        if len(a) == 2:  # yymmdd
            readings.append(_valid(_century(int(a)), int(b), int(c)))
        readings.append(_valid(_century(int(c)), int(b), int(a)))  # ddmmyy
        found = tuple(dict.fromkeys(r for r in readings if r))
        if not found:
            return None
        first = found[0]
        return (
            found,
            (first.day if len(found) == 1 else None),
            int(b),
            (first.year if len(found) == 1 else None),
        )
    if form == "weekday-day":
        day = int(g["day"])
        return ((), day, None, None) if 1 <= day <= 31 else None
    if form == "day-range":
        if not int(g["day"]) < int(g["last"]) <= 31:
            return None
        if g.get("nmonth"):  # "12-13/9 2022"
            g = {"day": g["day"], "month": g["nmonth"], "y": g.get("ny")}
    # day and month, a year perhaps
    day, month = int(g["day"]), ENGLISH_MONTHS[fold(g["en"])] if g.get("en") else month_of(g["month"])
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(2000, month)[1]:
        return None
    if g.get("y"):
        d = _valid(int(g["y"]), month, day)
        return ((d,), day, month, int(g["y"])) if d else None
    return (), day, month, None


def _candidates(text: str) -> Iterator[tuple[int, int, str, re.Match[str]]]:
    for name, pattern in _forms():
        for m in pattern.finditer(text):
            yield m.start(), m.end(), name, m


def _time(hour: str, minute: str | None, *, end: bool) -> str | None:
    h, mi = int(hour), int(minute or 0)
    if h > (24 if end else 23) or mi > 59:
        return None
    return f"{h:02d}:{mi:02d}"


def find_meeting_dates(text: str) -> list[MeetingDate]:
    """The dates in a meeting's title line or header fields, leftmost-longest, each with the
    weekday and the time of day written next to it.

    Reads the short numeric forms only safe there ("201210", "23-05-17"), never a phone
    number, an id ("Dnr 2026-123"), a page number "1(4)" or a version number.
    """
    if not re.search(r"\d", text):
        return []
    found: list[MeetingDate] = []
    taken_until = -1
    for start, end, form, m in sorted(_candidates(text), key=lambda c: (c[0], -(c[1] - c[0]))):
        if start < taken_until or re.search(_LABEL, text[max(0, start - 30) : start]):
            continue
        fields = _fields(form, m)
        if fields is None:
            continue
        readings, day, month, year = fields
        weekday = None
        before = re.search(_BEFORE, text[max(0, start - 30) : start])
        if form == "weekday-day" and not (before and before["weekday"]):
            continue  # a bare number is no date
        if before and before[0]:
            start -= len(before[0])
            weekday = WEEKDAYS[fold(before["weekday"])] if before["weekday"] else None
        after = re.match(_WEEKDAY_AFTER, text[end:])
        if after and weekday is None:
            weekday = WEEKDAYS[fold(after["weekday"])]
            end += after.end()
        time_start = time_end = None
        clock = re.match(_TIME_AFTER, text[end:])
        if clock and (clock["kl"] or clock["m1"] or clock["h2"]):
            time_start = _time(clock["h1"], clock["m1"], end=False)
            time_end = _time(clock["h2"], clock["m2"], end=True) if clock["h2"] else None
            if time_start and (time_end or not clock["h2"]):
                end += clock.end()
            else:
                time_start = time_end = None
        found.append(
            MeetingDate(
                start, end, text[start:end], readings, day, month, year, weekday, time_start, time_end
            )
        )
        taken_until = end
    return found
