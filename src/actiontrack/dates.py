"""Swedish date expressions, read with deadline meaning.

The one module that knows how Swedes write dates and the only one that imports
dateparser. `add`, `edit`, `open --due-before`, `date` and the extractor all go
through `parse_date` (a whole expression) or `find_dates` (expressions inside a
sentence). Conventions, from ../shared/corpus/README.md:

- day and month without a year: the next such date on or after the base date;
- "i mars": the month's last day; "i början av": the 10th; "i mitten av/på": the
  15th; "i slutet av": the last day;
- a weekday ("fredag", "senast fredag"): the next such day after the base;
  "nästa fredag": that weekday in the following week;
- "nästa vecka": Friday of the following week; "vecka 12": Friday of ISO week 12;
- "om två veckor", "i morgon", "idag": as said;
- holidays: "före jul" 24 December, "midsommar" midsommarafton, "påsk" Easter
  Sunday, "vid årets slut" 31 December;
- "till nästa möte": the next meeting's date when it is known, otherwise nothing;
- "i slutet av månaden": the base's month's last day; "i början/mitten av månaden": its
  10th/15th while still ahead, else next month's; "den 13:e": the next 13th on or after the base;
- numeric dates are day first ("18.11.26", "18/11 2026") unless the year comes first
  ("2026-11-18", "20261118"); the next 29 February may be years away.

Siblings, all exported from here: dates_calendar.py (month and weekday names, holidays, Easter,
ISO weeks), dates_meeting.py (`find_meeting_dates`, `pick_reading`: dates in a meeting header,
where "23-05-17" is safe to read) and dates_unread.py (`unread_date_phrases`: what looks like a
date but is read by no rule, for a warning).

dateparser is the fallback for absolute dates the rules do not cover; on its own
it misreads or misses most of the above (see issue 2).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, timedelta
from functools import lru_cache

from actiontrack.dates_calendar import HOLIDAYS as HOLIDAYS
from actiontrack.dates_calendar import MONTH_NAMES as MONTH_NAMES
from actiontrack.dates_calendar import MONTHS as MONTHS
from actiontrack.dates_calendar import WEEKDAY_NAMES as WEEKDAY_NAMES
from actiontrack.dates_calendar import WEEKDAYS as WEEKDAYS
from actiontrack.dates_calendar import add_months as _add_months
from actiontrack.dates_calendar import easter as easter
from actiontrack.dates_calendar import fold
from actiontrack.dates_calendar import friday_of_iso_week as _friday_of_iso_week
from actiontrack.dates_calendar import last_day as last_day
from actiontrack.dates_calendar import next_on_or_after as _next_on_or_after
from actiontrack.dates_calendar import next_weekday as _next_weekday
from actiontrack.dates_calendar import weeks_in as _weeks_in
from actiontrack.dates_meeting import MeetingDate as MeetingDate
from actiontrack.dates_meeting import find_meeting_dates as find_meeting_dates
from actiontrack.dates_meeting import pick_reading as pick_reading
from actiontrack.dates_unread import unread_date_phrases as unread_date_phrases
from actiontrack.errors import DateError
from actiontrack.i18n import _

# The calendar (dates_calendar.py) is part of this module's face: `dates.easter`, `dates.last_day`.
from actiontrack.lazy_re import lazy
from actiontrack.records import record

NUMBERS = {
    "en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8,
    "nio": 9, "tio": 10, "elva": 11, "tolv": 12, "några": 3, "ett par": 2, "par": 2,
}  # fmt: skip

# "nov." and "nov" are November; the dot after a whole name ends the sentence.
_MONTH = (
    r"(?P<month>" + "|".join(MONTH_NAMES[1:]) + "|(?:"
    + "|".join(sorted((m for m in MONTHS if m not in MONTH_NAMES), key=len, reverse=True)) + r")\.?)"
)  # fmt: skip
# Whole month names only: "före jul" is Christmas, not July.
_MONTH_FULL = r"(?P<month>" + "|".join(MONTH_NAMES[1:]) + r")"
_WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")(?:en|s)?"
_NUMBER = r"(?P<n>\d{1,3}|" + "|".join(sorted(NUMBERS, key=len, reverse=True)) + r")"
_YEAR = r"(?:\s+(?P<year>(?:19|20)\d\d))?"
_B = r"(?<![\wåäöÅÄÖ])"  # word boundary that knows Swedish letters
_E = r"(?![\wåäöÅÄÖ])"


def format_swedish(d: date) -> str:
    """22 februari 2016."""
    return f"{d.day} {MONTH_NAMES[d.month]} {d.year}"


@record(frozen=True)
class DateMatch:
    """A date expression found in a text, resolved against a base date."""

    start: int
    end: int
    text: str
    date: date | None  # None: understood, but no date ("till nästa möte" with no next meeting)
    rule: str
    day: int | None = None  # what the text itself says, for year inference
    month: int | None = None
    year: int | None = None
    weekday: int | None = None


def _month_of(word: str) -> int:
    """The month a written month means: "11", "nov.", "November"."""
    return int(word) if word.isdigit() else MONTHS[fold(word).rstrip(".")]


def _number(word: str) -> int:
    return int(word) if word.isdigit() else NUMBERS[word]


# ---------------------------------------------------------------------------
# Rules: (name, pattern, resolver). The resolver gets the match, the base date
# and the next meeting and returns a DateMatch's fields.


@record(frozen=True)
class Context:
    base: date
    next_meeting: date | None


Resolved = tuple[date | None, dict[str, int | None]]


def _make_date(year: int | None, month: int, day: int, text: str) -> date:
    """The date, or a DateError that says why not. Without a year, checks against a leap year."""
    try:
        return date(2000 if year is None else year, month, day)
    except ValueError:
        when = MONTH_NAMES[month] if year is None else f"{MONTH_NAMES[month]} {year}"
        raise DateError(_("'{text}' is not a date: {month} has no day {day}.").format(text=text.strip(), month=when, day=day)) from None


def _weekday_name(n: int) -> str:
    """A weekday's name in the interface language (calendar.day_name follows the C locale)."""
    from actiontrack.i18n import language

    return WEEKDAY_NAMES[n] if language() == "sv" else calendar.day_name[n]


class WeekdayMismatch(DateError):
    """ "fredag den 4 mars" where the next 4 March is no Friday: wrong for this base date only."""


def _day_month(m: re.Match[str], ctx: Context) -> Resolved:
    day, month = int(m["day"]), _month_of(m["month"])
    if not 1 <= month <= 12:
        raise DateError(_("'{text}' is not a date: there is no month {month}.").format(text=m[0], month=month))
    year_text = m["year"]
    weekday = WEEKDAYS[fold(m["weekday"])] if m.groupdict().get("weekday") else None
    if year_text:
        year = int(year_text)
        if year < 100:
            year += 2000
        d = _make_date(year, month, day, m[0])
    else:
        _make_date(None, month, day, m[0])
        d = _next_on_or_after(ctx.base, lambda y: date(y, month, day))
    if weekday is not None and d.weekday() != weekday:
        raise (DateError if year_text else WeekdayMismatch)(
            _("'{text}' contradicts itself: {date} is a {weekday}, not a {named}.").format(
                text=m[0].strip(), date=format_swedish(d), weekday=_weekday_name(d.weekday()), named=_weekday_name(weekday))  # fmt: skip
        )
    return d, {"day": day, "month": month, "year": d.year if year_text else None, "weekday": weekday}


def _iso(m: re.Match[str], ctx: Context) -> Resolved:
    year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
    if not 1 <= month <= 12:
        raise DateError(_("'{text}' is not a date: there is no month {month}.").format(text=m[0], month=month))
    return _make_date(year, month, day, m[0]), {"day": day, "month": month, "year": year}


class _NotADate(DateError):
    """A number shaped like a date that is none ("20201310"): in running text it is no typo of one."""


# "version 2.10.12", "§ 4.2.16", "tel. 18.05.02": numbers, not dates.
_NUMBER_LABEL = r"(?i)(?<![\wåäö])(?:version|ver|v|rev|utgåva|§|punkt|avsnitt|bilaga|sida|s|tel|telefon|mobil|fax|nr|dnr)[.:]?\s*$"


def _dotted(m: re.Match[str], ctx: Context) -> Resolved:
    if re.search(_NUMBER_LABEL, m.string[max(0, m.start() - 12) : m.start()]):
        raise _NotADate(_("'{text}' is a number, not a date.").format(text=m[0]))
    return _day_month(m, ctx)


def _compact(m: re.Match[str], ctx: Context) -> Resolved:
    """20201210: only a valid date is one; any other eight digits are just a number."""
    try:
        return _iso(m, ctx)
    except DateError:
        raise _NotADate(_("'{text}' is not a date.").format(text=m[0])) from None


def _day_of_month(m: re.Match[str], ctx: Context) -> Resolved:
    """ "den 13:e": the next 13th on or after the base; "den 13 nästa månad": next month's."""
    day = int(m["day"])
    if not 1 <= day <= 31:
        raise DateError(_("'{text}' is not a date: no month has a day {day}.").format(text=m[0], day=day))
    first = date(ctx.base.year, ctx.base.month, 1)
    if m["which"] and m["which"].lower() in ("nästa", "kommande"):
        first = _add_months(first, 1)
        return _make_date(first.year, first.month, day, m[0]), {"day": day}
    for k in range(3):  # a 31st is at most two months away
        month = _add_months(first, k)
        if day <= calendar.monthrange(month.year, month.month)[1] and month.replace(day=day) >= ctx.base:
            return month.replace(day=day), {"day": day}
    raise AssertionError("unreachable: every day 1-31 comes within three months")


def _this_month(m: re.Match[str], ctx: Context) -> Resolved:
    """ "i slutet av månaden": the base's month's last day; "i början/mitten av månaden": its
    10th/15th while still ahead, else next month's."""
    part = (m["part"] or "").lower()
    day = 10 if "början" in part else 15 if "mitten" in part else None
    if day is None:
        return last_day(ctx.base.year, ctx.base.month), {}
    d = ctx.base.replace(day=day)
    return (d if d >= ctx.base else _add_months(d, 1)), {}


def _month_part(m: re.Match[str], ctx: Context) -> Resolved:
    month = MONTHS[fold(m["month"])]
    part = (m["part"] or "").lower()

    def make(year: int) -> date:
        if "början" in part:
            return date(year, month, 10)
        if "mitten" in part:
            return date(year, month, 15)
        return last_day(year, month)

    if m["year"]:
        return make(int(m["year"])), {"month": month, "year": int(m["year"])}
    # "i mars" said in March still means this March; a month already over means next year's.
    year = ctx.base.year if last_day(ctx.base.year, month) >= ctx.base else ctx.base.year + 1
    return make(year), {"month": month}


def _relative_day(m: re.Match[str], ctx: Context) -> Resolved:
    word = fold(m[0]).replace(" ", "")
    offset = {"idag": 0, "imorgon": 1, "iövermorgon": 2}[word]
    return ctx.base + timedelta(days=offset), {}


def _in_n_units(m: re.Match[str], ctx: Context) -> Resolved:
    n = _number(fold(m["n"]))
    unit = m["unit"].lower()
    if unit.startswith("dag"):
        return ctx.base + timedelta(days=n), {}
    if unit.startswith("veck"):
        return ctx.base + timedelta(weeks=n), {}
    if unit.startswith("mån"):
        return _add_months(ctx.base, n), {}
    return _add_months(ctx.base, 12 * n), {}


def _week_relative(m: re.Match[str], ctx: Context) -> Resolved:
    which = (m["which"] or "denna").lower()  # "i veckan", "denna vecka", "i slutet av veckan": this week
    monday = ctx.base - timedelta(days=ctx.base.weekday())
    if which in ("nästa", "kommande"):
        monday += timedelta(weeks=1)
    return monday + timedelta(days=4), {}


def _month_relative(m: re.Match[str], ctx: Context) -> Resolved:
    which = m["which"].lower()
    first = date(ctx.base.year, ctx.base.month, 1)
    if which in ("nästa", "kommande"):
        first = _add_months(first, 1)
    part = (m["part"] or "").lower()
    if "början" in part:
        return first.replace(day=10), {}
    if "mitten" in part:
        return first.replace(day=15), {}
    return last_day(first.year, first.month), {}


def _weekday(m: re.Match[str], ctx: Context) -> Resolved:
    weekday = WEEKDAYS[fold(m["weekday"])]
    if m["next"] or m["nextweek"]:
        monday = ctx.base - timedelta(days=ctx.base.weekday()) + timedelta(weeks=1)
        return monday + timedelta(days=weekday), {"weekday": weekday}
    return _next_weekday(ctx.base, weekday), {"weekday": weekday}


def _iso_week(m: re.Match[str], ctx: Context) -> Resolved:
    week = int(m["week"])
    if m["year"]:
        year = int(m["year"])
        if not 1 <= week <= _weeks_in(year):
            raise DateError(_("'{text}' is not a date: {year} has weeks 1 to {weeks}.").format(text=m[0], year=year, weeks=_weeks_in(year)))
        return _friday_of_iso_week(year, week), {}
    if not 1 <= week <= 53:
        raise DateError(_("'{text}' is not a date: a year has at most 53 weeks.").format(text=m[0]))
    for year in (ctx.base.year, ctx.base.year + 1):
        if week <= _weeks_in(year) and _friday_of_iso_week(year, week) >= ctx.base:
            return _friday_of_iso_week(year, week), {}
    raise DateError(_("'{text}' is not a date: neither {year} nor the next year has week {week}.").format(text=m[0], year=ctx.base.year, week=week))


def _holiday(m: re.Match[str], ctx: Context) -> Resolved:
    make = HOLIDAYS[re.sub(r"\s+", " ", fold(m["holiday"]))]
    if m["year"]:
        return make(int(m["year"])), {}
    return _next_on_or_after(ctx.base, make), {}


def _next_meeting(m: re.Match[str], ctx: Context) -> Resolved:
    return ctx.next_meeting, {}


def _last_of_month(m: re.Match[str], ctx: Context) -> Resolved:
    month = MONTHS[fold(m["month"])]
    if m["year"]:
        return last_day(int(m["year"]), month), {"month": month}
    return _next_on_or_after(ctx.base, lambda y: last_day(y, month)), {"month": month}


_PLAIN_HOLIDAYS = sorted((h for h in HOLIDAYS if h not in ("sommaren", "semestern")), key=len, reverse=True)

Rule = tuple[str, re.Pattern[str], Callable[[re.Match[str], Context], Resolved]]


@lru_cache(maxsize=1)
def rules() -> list[Rule]:
    """The rules, compiled on first use: commands that read no dates do not pay for them."""
    return [
        (
            "iso",
            re.compile(_B + r"(?P<y>(?:19|20)\d\d)-(?P<m>\d\d?)-(?P<d>\d\d?)" + _E),
            _iso,
        ),
        (
            "iso",  # 20201210
            re.compile(
                r"(?<![\w-])(?P<y>199\d|20\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?![\wåäöÅÄÖ]|-\d|\s*(?:(?:kr|sek)(?![\wåäöÅÄÖ])|:-))",
                re.I,
            ),
            _compact,
        ),
        (
            "numeric",  # 18.11.2026, 18.11.26: day first
            re.compile(
                _B + r"(?<![\d.,])(?:" + _WEEKDAY + r"\s+(?:den\s+)?)?(?P<day>\d{1,2})\.(?P<month>\d{1,2})\."
                r"(?P<year>(?:19|20)\d\d|\d\d)(?![.,:]?\d)" + _E,
                re.IGNORECASE,
            ),
            _dotted,
        ),
        (
            "day-month",
            re.compile(
                # not the end of a longer number: "15.3 och 4 mars" is no "3 och 4 mars"
                _B + r"(?<!\d[.,/])(?:" + _WEEKDAY + r"\s+(?:den\s+)?)?(?P<day>\d{1,2})(?::?e|:a)?"
                r"(?:\s*(?:-|–|och)\s*\d{1,2}(?::?e|:a)?)?\s+" + _MONTH + _YEAR + _E,
                re.IGNORECASE,
            ),
            _day_month,
        ),
        (
            "numeric",
            re.compile(
                # "2027/13/01" is no 13 January
                _B + r"(?<!\d[./])(?:" + _WEEKDAY + r"\s+(?:den\s+)?)?(?P<day>\d{1,2})/(?P<month>\d{1,2})"
                r"(?:(?:\s+|-|/)(?P<year>(?:19|20)?\d\d))?(?![\d/:.,]\d)" + _E,
                re.IGNORECASE,
            ),
            _day_month,
        ),
        (
            "last-of-month",
            re.compile(_B + r"sista\s+(?:dagen\s+i\s+)?" + _MONTH_FULL + _YEAR + _E, re.IGNORECASE),
            _last_of_month,
        ),
        (
            "month-part",
            re.compile(
                _B + r"(?:(?P<part>(?:i\s+|mot\s+)?(?:början|mitten|slutet)|under|i|till|före|innan|inför)"
                r"(?:\s+(?:av|på))?\s+)?" + _MONTH_FULL + _YEAR + _E,
                re.IGNORECASE,
            ),
            _month_part,
        ),
        (
            "relative-day",
            re.compile(_B + r"(?:i\s*dag|i\s*morgon|i\s*övermorgon)" + _E, re.IGNORECASE),
            _relative_day,
        ),
        (
            "in-n-units",
            re.compile(
                _B
                + r"(?:om|inom)\s+"
                + _NUMBER
                + r"\s+(?P<unit>dagar|dag|veckor|vecka|månader|månad|år)"
                + _E,
                re.IGNORECASE,
            ),
            _in_n_units,
        ),
        (
            "week-relative",
            re.compile(
                _B
                # "i veckan" as a deadline, not "en gång i veckan" (how often)
                + r"(?<!gång\s)(?<!gånger\s)"
                + r"(?:(?:i\s+slutet\s+av|under|senast)\s+)?(?P<which>nästa|kommande|denna|den\s+här|i)\s+veckan?"
                + r"(?!\s*\d)"
                + _E
                + r"|"
                + _B
                + r"i\s+slutet\s+av\s+(?P<end>veckan)"
                + _E,
                re.IGNORECASE,
            ),
            _week_relative,
        ),
        (
            "month-relative",
            re.compile(
                _B
                + r"(?:(?P<part>i\s+början\s+av|i\s+mitten\s+av|i\s+slutet\s+av|under)\s+)?"
                + r"(?P<which>nästa|kommande|denna|den\s+här)\s+månad(?:en)?"
                + _E,
                re.IGNORECASE,
            ),
            _month_relative,
        ),
        (
            "this-month",
            re.compile(
                _B
                + r"(?:(?P<part>(?:i\s+|mot\s+)?(?:början|mitten|slutet)\s+(?:av|på)|under|inom|före|innan)"
                + r"\s+månaden|(?:vid|till|före|innan|inför)\s+månadsskiftet|(?:vid|till|före)\s+månadens\s+slut)"
                + _E,
                re.IGNORECASE,
            ),
            _this_month,
        ),
        (
            "day-of-month",
            re.compile(
                _B
                + r"den\s+(?P<day>\d{1,2})(?::?e|:a)?+"
                # "den 13 mars", "den 12 och 13 maj", "den 3 timmar", "den 2:a gången": not the day alone
                + r"(?![\d.,:/–-]*\d|\s*(?:[-–]|och|eller|till)\s*\d|\s*(?:%|:-))"
                + r"(?!\s+(?:"
                + "|".join(sorted(MONTHS, key=len, reverse=True))
                + r"|st|kr|kronor|procent|"
                r"personer|deltagare|timmar|minuter|dagar|veckor|månader|år|sidor|gånger|platser|varje|"
                r"i\s+varje|i\s+månaden|per)"
                + _E
                + r")"
                + r"(?!\s+[a-zåäö]+(?:en|et|na|an)"
                + _E
                + r")"
                + r"(?:\s+(?:i\s+)?(?P<which>nästa|kommande|denna|den\s+här)\s+månad(?:en)?)?"
                + _E,
                re.IGNORECASE,
            ),
            _day_of_month,
        ),
        (
            "weekday",
            re.compile(
                _B
                + r"(?P<next>(?:nästa|kommande)\s+)?"
                + _WEEKDAY
                + r"(?P<nextweek>\s+(?:i\s+)?nästa\s+vecka)?"
                + _E,
                re.IGNORECASE,
            ),  # fmt: skip
            _weekday,
        ),
        (
            "iso-week",
            re.compile(
                _B
                + r"(?:vecka|v\.?)\s*(?P<week>\d{1,2})(?:\s*[-–]\s*\d{1,2})?(?:\s+(?P<year>(?:19|20)\d\d))?"
                + _E,
                re.IGNORECASE,
            ),
            _iso_week,
        ),
        (
            "year-end",
            re.compile(
                _B
                + r"(?:(?:vid|till|före|innan|inför|senast\s+vid)\s+)?(?P<holiday>årets\s+slut|årsskiftet)"
                + _E
                + r"|"
                + _B
                + r"i\s+slutet\s+(?:av|på)\s+(?P<h2>året)"
                + _E,
                re.IGNORECASE,
            ),  # fmt: skip
            lambda m, ctx: (date(ctx.base.year, 12, 31), {}),
        ),
        (
            "before-summer",
            re.compile(_B + r"(?:före|innan|inför)\s+(?P<holiday>sommaren|semestern)" + _E, re.IGNORECASE),
            lambda m, ctx: (_next_on_or_after(ctx.base, HOLIDAYS[fold(m["holiday"])]), {}),
        ),
        (
            "holiday",
            re.compile(
                _B
                + r"(?P<holiday>"
                + "|".join(h.replace(" ", r"\s+") for h in _PLAIN_HOLIDAYS)
                + r")"
                + _YEAR
                + _E,
                re.IGNORECASE,
            ),  # fmt: skip
            _holiday,
        ),
        (
            "next-meeting",
            re.compile(
                _B
                + r"(?:nästa|kommande)\s+(?:års\s+första\s+)?(?:möte|sammanträde|träff|gång)(?:t)?"
                + _E
                + r"|"
                + _B
                + r"nästa\s+års\s+första\s+möte"
                + _E,
                re.IGNORECASE,
            ),  # fmt: skip
            _next_meeting,
        ),
    ]


# What each rule's matches (in the order of rules()) hold: a digit, and one of the words of the
# case-folded text. A rule is tried on a text only when both are there: twenty patterns run over
# every sentence were a quarter of extraction (issue 15). tests/test_dates.py checks these are
# necessary, i.e. that the rules read the same dates with and without the test.
_MONTHS3 = ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec")  # in every name
_RULE_NEEDS: tuple[tuple[bool, tuple[str, ...]], ...] = (
    (True, ("-",)),  # iso
    (True, ()),  # iso, 20201210
    (True, (".",)),  # numeric, 18.11.2026
    (True, _MONTHS3),  # day-month
    (True, ("/",)),  # numeric, 18/11
    (False, ("sista",)),  # last-of-month
    (False, _MONTHS3),  # month-part
    (False, ("dag", "morgon")),  # relative-day
    (False, ("om",)),  # in-n-units: "om", "inom"
    (False, ("veck",)),  # week-relative
    (False, ("månad",)),  # month-relative
    (False, ("månad",)),  # this-month: "månaden", "månadsskiftet", "månadens"
    (True, ("den",)),  # day-of-month
    (False, ("dag",)),  # weekday: "måndag" ... "söndag"
    (True, ("v",)),  # iso-week: "vecka", "v."
    (False, ("år",)),  # year-end: "årets", "årsskiftet", "året"
    (False, ("sommaren", "semestern")),  # before-summer
    # holiday: "dag" in "skärtorsdag", "annandag påsk", "alla helgons dag"; "maj" in "första maj"
    (False, ("dag", "jul", "nyår", "tretton", "påsk", "pingst", "midsommar", "valborg", "maj", "kristi",
             "allhelgona", "lucia")),  # fmt: skip
    (False, ("nästa", "kommande")),  # next-meeting
)


# ---------------------------------------------------------------------------
# Public API

# Pattern strings, not compiled objects: re compiles and caches them on first use, so
# importing this module stays cheap for the commands that read no dates (issue 5).
# Words around a date that do not change it ("senast fredag", "den 2 mars kl. 9"), stripped one at
# a time: "senast den 13:e" is "den 13:e", and only then "13:e".
_FILLER = (
    r"(?i)^(?:(?:senast|till\s+och\s+med|t\.?\s?o\.?\s?m\.?|till|tills|före|innan|inför|by|på|vid|under|"
    r"den|ca|cirka|från|och\s+med|fr\.?\s?o\.?\s?m\.?|datum|deadline|klart|klar|"
    r"(?:för|efter)middagen|morgonen|kvällen|eftermiddag|förmiddag|nästa\s+möte(?:\s+är)?)[\s:,]+)"
)
_TIME = r"(?i)[\s,]*(?:(?:klockan|kl\.?)\s*)?(?<![\d.:/])\d{1,2}[:.]\d\d(?:\s*[-–]\s*\d{1,2}[:.]\d\d)?\s*$"
_TIME_ANYWHERE = r"(?i)(?:klockan|kl\.?)\s*\d{1,2}(?:[:.]\d\d)?(?:\s*[-–]\s*\d{1,2}(?:[:.]\d\d)?)?"
# Every rule needs a digit, "om" and a space, or one of these words (the names of months and weekdays
# hold "jan" ... "dec" and "dag"); a sentence with none names no date.
# Tested with `in` on the case-folded text (`_may_hold_a_date`): as one regex under IGNORECASE,
# an alternation of 50 words, it took 30 µs a sentence, a tenth of extraction (issue 15).
_HOLD_WORDS = (
    "dag", "jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec", "morgon",
    "vecka", "månad", "nästa", "kommande", "inom", "påsk", "pingst", "midsommar", "valborg", "lucia",
    "allhelgona", "nyår", "himmelsfärd", "året", "årsskiftet", "sommaren", "semestern",
)  # fmt: skip
_AFTER = r"(?i)(?:efter|sedan|från\s+och\s+med|fr\.?o\.?m\.?)\s+$"


_OM_SPACE = lazy(r"om\s")
_DIGIT = lazy(r"\d")


def _may_hold_a_date(text: str) -> bool:
    """Whether the text has a digit, "om" and a space, or one of _HOLD_WORDS, in any case."""
    if _DIGIT.search(text):
        return True
    key = fold(text)
    return any(w in key for w in _HOLD_WORDS) or bool(_OM_SPACE.search(key))


def _variants(expr: str) -> list[str]:
    """The expression without its time of day, then also without the filler words around it."""
    text = " ".join(expr.replace("\u00a0", " ").split()).strip(" .,;:!")
    text = " ".join(re.sub(_TIME, "", re.sub(_TIME_ANYWHERE, " ", text)).split())
    variants = [text]
    while (stripped := re.sub(_FILLER, "", variants[-1]).strip(" .,;:")) != variants[-1]:
        variants.append(stripped)
    return [v for v in variants if v]


def parse_date(expr: str, base: date, *, next_meeting: date | None = None) -> date:
    """The date a whole Swedish expression means, with deadline meaning.

    Raises DateError when the expression is not understood, names no date
    ("till nästa möte" with no next meeting) or contradicts itself.
    """
    variants = _variants(expr)
    if not variants:
        raise DateError(_("An empty text is not a date."))
    ctx = Context(base, next_meeting)
    for text in variants:
        for _name, pattern, resolve in rules():
            m = pattern.fullmatch(text)
            if m:
                d, _how = resolve(m, ctx)
                if d is None:
                    raise DateError(_("'{text}' refers to the next meeting, and its date is not known.").format(text=expr))
                return d
    d = _dateparser_fallback(variants[-1], base)
    if d is None:
        raise DateError(
            _("'{text}' is not a date that actiontrack understands (try '15 mars', 'fredag', 'vecka 12').").format(text=expr)
        )
    return d


def find_dates(text: str, base: date, *, next_meeting: date | None = None) -> list[DateMatch]:
    """Every date expression inside a text, leftmost-longest, resolved against base.

    Expressions that are impossible ("31 februari") are skipped: in running text
    they are typos, and a missing date is better than a wrong one.
    """
    if not _may_hold_a_date(text):
        return []  # most sentences name no date: skip the rules
    return [
        DateMatch(m.start(), m.end(), m[0], got[0], name, **got[1])  # type: ignore[arg-type]
        for name, m, got, after in scan(text, Context(base, next_meeting))
        if not after and not isinstance(got, DateError)
    ]


Scanned = tuple[str, re.Match[str], "Resolved | DateError", bool]


def scan(text: str, ctx: Context) -> list[Scanned]:
    """The rule matches in a text, leftmost-longest, each with what it resolves to: the date and
    its parts, or the DateError of an impossible date ("31 april", taken so that "april" alone is
    not read). The flag marks a date something happens after ("efter årsskiftet"): no deadline,
    and not taken. Numbers that only look like dates ("20201310") are left out."""
    key, digit = fold(text), _DIGIT.search(text) is not None
    candidates = [
        (m.start(), m.end(), name, m, resolve)
        for (name, pattern, resolve), (needs_digit, words) in zip(rules(), _RULE_NEEDS, strict=True)
        if (digit or not needs_digit) and (not words or any(w in key for w in words))
        for m in pattern.finditer(text)
    ]
    candidates.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    found: list[Scanned] = []
    taken_until = -1
    for start, end, name, m, resolve in candidates:
        if start < taken_until:
            continue
        try:
            got: Resolved | DateError = resolve(m, ctx)
        except _NotADate:
            continue
        except DateError as e:
            got = e
        after = bool(re.search(_AFTER, text[:start]))
        found.append((name, m, got, after))
        if not after:
            taken_until = end
    return found


@lru_cache(maxsize=1)
def _date_data_parser():  # type: ignore[no-untyped-def]
    """dateparser's parser, built once and restricted to Swedish."""
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["sv"],
        settings={"DATE_ORDER": "DMY", "PREFER_DATES_FROM": "future", "RETURN_AS_TIMEZONE_AWARE": False},
    )


def _dateparser_fallback(text: str, base: date) -> date | None:
    data = _date_data_parser().get_date_data(text)
    if data.date_obj is None or "day" not in (data.parts or ()) or "month" not in (data.parts or ()):
        return None
    d = data.date_obj.date()
    if "year" not in data.parts:
        d = _next_on_or_after(base, lambda y: d.replace(year=y))
    return d


_DEADLINE_MARK = r"(?i)(?:senast|före|innan|inför|till\s+och\s+med|t\.?\s?o\.?\s?m\.?|deadline|klart\s+till)[\s:]*(?:den\s+|på\s+)?$"


def weekday_mentions(text: str) -> list[tuple[int, int, int, str]]:
    """(weekday, day, month, text) of every "torsdag den 11 februari" written without a year,
    unresolved: a weekday that pins the year of the document it is in."""
    pattern = next(p for name, p, _ in rules() if name == "day-month")
    out = []
    for m in pattern.finditer(text):
        if m["weekday"] and not m["year"] and not m["month"].isdigit():
            out.append((WEEKDAYS[fold(m["weekday"])], int(m["day"]), _month_of(m["month"]), m[0]))
    return out


def first_due(
    text: str, base: date, *, next_meeting: date | None = None, found: list[DateMatch] | None = None
) -> date | None:
    """The deadline a sentence states: a date marked as one ("senast fredag") first, then the
    first calendar date on or after the base, then the next meeting. `found`: the text's
    find_dates with the same base and next meeting, when the caller has read them already."""
    if found is None:
        found = find_dates(text, base, next_meeting=next_meeting)
    found = [m for m in found if m.date is not None and m.date >= base]

    def rank(m: DateMatch) -> int:
        if re.search(_DEADLINE_MARK, text[max(0, m.start - 30) : m.start]):
            return 0
        return 2 if m.rule == "next-meeting" else 1

    return min(found, key=lambda m: (rank(m), m.start)).date if found else None
