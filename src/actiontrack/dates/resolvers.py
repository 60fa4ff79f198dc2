"""The date rules' resolvers: from a match and its context to a date and what the text said.

Each is named after its rule in table.py: (name, pattern, resolver).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from actiontrack.dates.calendar import (
    HOLIDAYS,
    MONTHS,
    WEEKDAYS,
    add_months,
    fold,
    friday_of_iso_week,
    last_day,
    next_on_or_after,
    next_weekday,
    weeks_in,
)
from actiontrack.dates.words import (
    NUMBER_LABEL,
    Context,
    NotADate,
    Resolved,
    WeekdayMismatch,
    format_swedish,
    make_date,
    month_of,
    number_of,
    weekday_name,
)
from actiontrack.errors import DateError
from actiontrack.i18n import _


def day_month(m: re.Match[str], ctx: Context) -> Resolved:
    day, month = int(m["day"]), month_of(m["month"])
    if not 1 <= month <= 12:
        raise DateError(
            _("'{text}' is not a date: there is no month {month}.").format(text=m[0], month=month)
        )
    year_text = m["year"]
    weekday = WEEKDAYS[fold(m["weekday"])] if m.groupdict().get("weekday") else None
    if year_text:
        year = int(year_text)
        if year < 100:
            year += 2000
        d = make_date(year, month, day, m[0])
    else:
        make_date(None, month, day, m[0])
        d = next_on_or_after(ctx.base, lambda y: date(y, month, day))
    if weekday is not None and d.weekday() != weekday:
        raise (DateError if year_text else WeekdayMismatch)(
            _("'{text}' contradicts itself: {date} is a {weekday}, not a {named}.").format(
                text=m[0].strip(),
                date=format_swedish(d),
                weekday=weekday_name(d.weekday()),
                named=weekday_name(weekday),
            )
        )
    return d, {"day": day, "month": month, "year": d.year if year_text else None, "weekday": weekday}


def iso(m: re.Match[str], ctx: Context) -> Resolved:
    year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
    if not 1 <= month <= 12:
        raise DateError(
            _("'{text}' is not a date: there is no month {month}.").format(text=m[0], month=month)
        )
    return make_date(year, month, day, m[0]), {"day": day, "month": month, "year": year}


def dotted(m: re.Match[str], ctx: Context) -> Resolved:
    if re.search(NUMBER_LABEL, m.string[max(0, m.start() - 12) : m.start()]):
        raise NotADate(_("'{text}' is a number, not a date.").format(text=m[0]))
    return day_month(m, ctx)


def compact(m: re.Match[str], ctx: Context) -> Resolved:
    """20201210: only a valid date is one; any other eight digits are just a number."""
    try:
        return iso(m, ctx)
    except DateError:
        raise NotADate(_("'{text}' is not a date.").format(text=m[0])) from None


def day_of_month(m: re.Match[str], ctx: Context) -> Resolved:
    """ "den 13:e": the next 13th on or after the base; "den 13 nästa månad": next month's."""
    day = int(m["day"])
    if not 1 <= day <= 31:
        raise DateError(_("'{text}' is not a date: no month has a day {day}.").format(text=m[0], day=day))
    first = date(ctx.base.year, ctx.base.month, 1)
    if m["which"] and m["which"].lower() in ("nästa", "kommande"):
        first = add_months(first, 1)
        return make_date(first.year, first.month, day, m[0]), {"day": day}
    for k in range(3):  # a 31st is at most two months away
        month = add_months(first, k)
        if day <= calendar.monthrange(month.year, month.month)[1] and month.replace(day=day) >= ctx.base:
            return month.replace(day=day), {"day": day}
    raise AssertionError("unreachable: every day 1-31 comes within three months")


def this_month(m: re.Match[str], ctx: Context) -> Resolved:
    """ "i slutet av månaden": the base's month's last day; "i början/mitten av månaden": its
    10th/15th while still ahead, else next month's."""
    part = (m["part"] or "").lower()
    day = 10 if "början" in part else 15 if "mitten" in part else None
    if day is None:
        return last_day(ctx.base.year, ctx.base.month), {}
    d = ctx.base.replace(day=day)
    return (d if d >= ctx.base else add_months(d, 1)), {}


# A month's name in a person's name: "Maj-Britt", "Ann-Maj", "Maj Andersson" (capitalised,
# with no "i", "till", "i slutet av" or year with it, and a capitalised word after it)
_NAME_BEFORE = re.compile(r"[A-ZÅÄÖ][a-zåäöé]*-$")
_NAME_JOINED = re.compile(r"-[A-ZÅÄÖ]")
_NEXT_WORD = re.compile(r"\s+([\wåäöÅÄÖé]+)")


def month_part(m: re.Match[str], ctx: Context) -> Resolved:
    if _in_a_name(m):
        raise NotADate(_("'{text}' is not a date.").format(text=m[0]))
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


def _in_a_name(m: re.Match[str]) -> bool:
    text, start, end = m.string, m.start("month"), m.end("month")
    if _NAME_BEFORE.search(text[max(0, start - 20) : start]) or _NAME_JOINED.match(text, end):
        return True  # "Ann-Maj", "Maj-Britt"
    if m["part"] or m["year"] or not text[start].isupper():
        return False
    word = _NEXT_WORD.match(text, end)  # "Maj Andersson", not "Maj Juni"
    return word is not None and word[1][0].isupper() and fold(word[1]) not in MONTHS


def relative_day(m: re.Match[str], ctx: Context) -> Resolved:
    word = fold(m[0]).replace(" ", "")
    offset = {"idag": 0, "imorgon": 1, "iövermorgon": 2}[word]
    return ctx.base + timedelta(days=offset), {}


def in_n_units(m: re.Match[str], ctx: Context) -> Resolved:
    n = number_of(fold(m["n"]))
    unit = m["unit"].lower()
    if unit.startswith("dag"):
        return ctx.base + timedelta(days=n), {}
    if unit.startswith("veck"):
        return ctx.base + timedelta(weeks=n), {}
    if unit.startswith("mån"):
        return add_months(ctx.base, n), {}
    return add_months(ctx.base, 12 * n), {}


def week_relative(m: re.Match[str], ctx: Context) -> Resolved:
    which = (m["which"] or "denna").lower()  # "i veckan", "denna vecka", "i slutet av veckan": this week
    monday = ctx.base - timedelta(days=ctx.base.weekday())
    if which in ("nästa", "kommande"):
        monday += timedelta(weeks=1)
    return monday + timedelta(days=4), {}


def month_relative(m: re.Match[str], ctx: Context) -> Resolved:
    which = m["which"].lower()
    first = date(ctx.base.year, ctx.base.month, 1)
    if which in ("nästa", "kommande"):
        first = add_months(first, 1)
    part = (m["part"] or "").lower()
    if "början" in part:
        return first.replace(day=10), {}
    if "mitten" in part:
        return first.replace(day=15), {}
    return last_day(first.year, first.month), {}


def weekday(m: re.Match[str], ctx: Context) -> Resolved:
    weekday = WEEKDAYS[fold(m["weekday"])]
    if m["next"] or m["nextweek"]:
        monday = ctx.base - timedelta(days=ctx.base.weekday()) + timedelta(weeks=1)
        return monday + timedelta(days=weekday), {"weekday": weekday}
    return next_weekday(ctx.base, weekday), {"weekday": weekday}


def iso_week(m: re.Match[str], ctx: Context) -> Resolved:
    week = int(m["week"])
    if m["year"]:
        year = int(m["year"])
        if not 1 <= week <= weeks_in(year):
            raise DateError(
                _("'{text}' is not a date: {year} has weeks 1 to {weeks}.").format(
                    text=m[0], year=year, weeks=weeks_in(year)
                )
            )
        return friday_of_iso_week(year, week), {}
    if not 1 <= week <= 53:
        raise DateError(_("'{text}' is not a date: a year has at most 53 weeks.").format(text=m[0]))
    for year in (ctx.base.year, ctx.base.year + 1):
        if week <= weeks_in(year) and friday_of_iso_week(year, week) >= ctx.base:
            return friday_of_iso_week(year, week), {}
    raise DateError(
        _("'{text}' is not a date: neither {year} nor the next year has week {week}.").format(
            text=m[0], year=ctx.base.year, week=week
        )
    )


def holiday(m: re.Match[str], ctx: Context) -> Resolved:
    make = HOLIDAYS[re.sub(r"\s+", " ", fold(m["holiday"]))]
    if m["year"]:
        return make(int(m["year"])), {}
    return next_on_or_after(ctx.base, make), {}


def next_meeting(m: re.Match[str], ctx: Context) -> Resolved:
    return ctx.next_meeting, {}


def last_of_month(m: re.Match[str], ctx: Context) -> Resolved:
    month = MONTHS[fold(m["month"])]
    if m["year"]:
        return last_day(int(m["year"]), month), {"month": month}
    return next_on_or_after(ctx.base, lambda y: last_day(y, month)), {"month": month}
