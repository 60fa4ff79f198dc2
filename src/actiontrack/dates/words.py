"""What the date rules share: number words, the month and weekday patterns, the match and
its context, and the errors of an impossible date."""

from __future__ import annotations

import calendar
from datetime import date

from actiontrack.dates.calendar import MONTH_NAMES, MONTHS, WEEKDAY_NAMES, WEEKDAYS, fold
from actiontrack.errors import DateError
from actiontrack.i18n import _
from actiontrack.records import record

NUMBERS = {
    "en": 1,
    "ett": 1,
    "två": 2,
    "tre": 3,
    "fyra": 4,
    "fem": 5,
    "sex": 6,
    "sju": 7,
    "åtta": 8,
    "nio": 9,
    "tio": 10,
    "elva": 11,
    "tolv": 12,
    "några": 3,
    "ett par": 2,
    "par": 2,
}

# "nov." and "nov" are November; the dot after a whole name ends the sentence.
MONTH = (
    r"(?P<month>"
    + "|".join(MONTH_NAMES[1:])
    + "|(?:"
    + "|".join(sorted((m for m in MONTHS if m not in MONTH_NAMES), key=len, reverse=True))
    + r")\.?)"
)
# Whole month names only: "före jul" is Christmas, not July.
MONTH_FULL = r"(?P<month>" + "|".join(MONTH_NAMES[1:]) + r")"
WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")(?:en|s)?"
NUMBER = r"(?P<n>\d{1,3}|" + "|".join(sorted(NUMBERS, key=len, reverse=True)) + r")"
YEAR = r"(?:\s+(?P<year>(?:19|20)\d\d))?"
B = r"(?<![\wåäöÅÄÖ])"  # word boundary that knows Swedish letters
E = r"(?![\wåäöÅÄÖ])"


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


def month_of(word: str) -> int:
    """The month a written month means: "11", "nov.", "November"."""
    return int(word) if word.isdigit() else MONTHS[fold(word).rstrip(".")]


def number_of(word: str) -> int:
    return int(word) if word.isdigit() else NUMBERS[word]


@record(frozen=True)
class Context:
    base: date
    next_meeting: date | None


Resolved = tuple[date | None, dict[str, int | None]]


def make_date(year: int | None, month: int, day: int, text: str) -> date:
    """The date, or a DateError that says why not. Without a year, checks against a leap year."""
    try:
        return date(2000 if year is None else year, month, day)
    except ValueError:
        when = MONTH_NAMES[month] if year is None else f"{MONTH_NAMES[month]} {year}"
        raise DateError(
            _("'{text}' is not a date: {month} has no day {day}.").format(
                text=text.strip(), month=when, day=day
            )
        ) from None


def weekday_name(n: int) -> str:
    """A weekday's name in the interface language (calendar.day_name follows the C locale)."""
    from actiontrack.i18n import language

    return WEEKDAY_NAMES[n] if language() == "sv" else calendar.day_name[n]


class WeekdayMismatch(DateError):
    """ "fredag den 4 mars" where the next 4 March is no Friday: wrong for this base date only."""


class NotADate(DateError):
    """A number shaped like a date that is none ("20201310"): in running text it is no typo of one."""


# "version 2.10.12", "§ 4.2.16", "tel. 18.05.02": numbers, not dates.
NUMBER_LABEL = r"(?i)(?<![\wåäö])(?:version|ver|v|rev|utgåva|§|punkt|avsnitt|bilaga|sida|s|tel|telefon|mobil|fax|nr|dnr)[.:]?\s*$"
