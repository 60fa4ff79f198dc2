"""Calendar facts for reading Swedish dates: the names of months and weekdays, month ends,
Easter, the holidays Swedes name deadlines by, ISO weeks. Pure functions of a year or a date; `actiontrack.dates` reads the
expressions and uses these to resolve them."""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date, timedelta

from actiontrack.errors import DateError
from actiontrack.i18n import _

# How Swedes write months and weekdays.
MONTHS = {
    "januari": 1,
    "jan": 1,
    "februari": 2,
    "feb": 2,
    "mars": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "maj": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "augusti": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
MONTH_NAMES = [
    "",
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
]
WEEKDAYS = {"måndag": 0, "tisdag": 1, "onsdag": 2, "torsdag": 3, "fredag": 4, "lördag": 5, "söndag": 6}
WEEKDAY_NAMES = list(WEEKDAYS)


def fold(word: str) -> str:
    """A word as the IGNORECASE rules matched it, for looking it up in the tables here: case-folded,
    with the dotless ı and the dotted İ as i ("İ DAG", "ſeptember" were a KeyError)."""
    return word.casefold().replace("ı", "i").replace("i\u0307", "i")


# Headers of groups that write in English ("15 October 2020"); read in meeting headers only.
ENGLISH_MONTHS = {
    name: number
    for number, name in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        start=1,
    )
}


def last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def easter(year: int) -> date:
    """Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return date(year, month, day + 1)


def weekday_between(year: int, month: int, first: int, last: int, weekday: int) -> date:
    d = date(year, month, first)
    while d.weekday() != weekday:
        d += timedelta(days=1)
    assert d.day <= last
    return d


HOLIDAYS: dict[str, Callable[[int], date]] = {
    # name (as written, lower case) -> the date in a given year
    "julafton": lambda y: date(y, 12, 24),
    "jul": lambda y: date(y, 12, 24),
    "julen": lambda y: date(y, 12, 24),
    "juldagen": lambda y: date(y, 12, 25),
    "annandag jul": lambda y: date(y, 12, 26),
    "nyårsafton": lambda y: date(y, 12, 31),
    "nyår": lambda y: date(y, 12, 31),
    "nyåret": lambda y: date(y, 12, 31),
    "nyårsdagen": lambda y: date(y, 1, 1),
    "trettondagen": lambda y: date(y, 1, 6),
    "trettondedag jul": lambda y: date(y, 1, 6),
    "trettonhelgen": lambda y: date(y, 1, 6),
    "skärtorsdagen": lambda y: easter(y) - timedelta(days=3),
    "skärtorsdag": lambda y: easter(y) - timedelta(days=3),
    "långfredagen": lambda y: easter(y) - timedelta(days=2),
    "långfredag": lambda y: easter(y) - timedelta(days=2),
    "påskafton": lambda y: easter(y) - timedelta(days=1),
    "påsk": easter,
    "påsken": easter,
    "påskdagen": easter,
    "annandag påsk": lambda y: easter(y) + timedelta(days=1),
    "valborg": lambda y: date(y, 4, 30),
    "valborgsmässoafton": lambda y: date(y, 4, 30),
    "första maj": lambda y: date(y, 5, 1),
    "kristi himmelsfärd": lambda y: easter(y) + timedelta(days=39),
    "kristi himmelsfärdsdag": lambda y: easter(y) + timedelta(days=39),
    "pingst": lambda y: easter(y) + timedelta(days=49),
    "pingsten": lambda y: easter(y) + timedelta(days=49),
    "pingstdagen": lambda y: easter(y) + timedelta(days=49),
    "nationaldagen": lambda y: date(y, 6, 6),
    "midsommar": lambda y: weekday_between(y, 6, 19, 25, 4),
    "midsommarafton": lambda y: weekday_between(y, 6, 19, 25, 4),
    "midsommardagen": lambda y: weekday_between(y, 6, 20, 26, 5),
    "sommaren": lambda y: weekday_between(y, 6, 19, 25, 4),  # only after "före/innan"
    "semestern": lambda y: weekday_between(y, 6, 19, 25, 4),  # only after "före/innan"
    "allhelgonaafton": lambda y: all_saints(y) - timedelta(days=1),
    "allhelgona": lambda y: all_saints(y),
    "alla helgons dag": lambda y: all_saints(y),
    "lucia": lambda y: date(y, 12, 13),
}


def all_saints(year: int) -> date:
    d = date(year, 10, 31)
    while d.weekday() != 5:
        d += timedelta(days=1)
    return d


def next_on_or_after(base: date, make: Callable[[int], date]) -> date:
    """The first make(year) on or after base. Years without such a day are skipped: the next
    29 February can be up to eight years away (2096 -> 2104)."""
    for year in range(base.year, base.year + 9):
        try:
            d = make(year)
        except ValueError:
            continue
        if d >= base:
            return d
    raise DateError(_("No such day within eight years of {date}.").format(date=base.isoformat()))


def friday_of_iso_week(year: int, week: int) -> date:
    return date.fromisocalendar(year, week, 5)


def weeks_in(year: int) -> int:
    return date(year, 12, 28).isocalendar()[1]


def next_weekday(base: date, weekday: int) -> date:
    """The next such weekday strictly after base."""
    return base + timedelta(days=(weekday - base.weekday() - 1) % 7 + 1)


def add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))
