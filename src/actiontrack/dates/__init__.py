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

The package's modules, whose public names are all exported from here: calendar.py (month and
weekday names, holidays, Easter, ISO weeks), words.py (what the rules share), resolvers.py and
table.py (the rules), meeting.py (`find_meeting_dates`, `pick_reading`: dates in a meeting
header, where "23-05-17" is safe to read) and unread.py (`unread_date_phrases`: what looks like
a date but is read by no rule, for a warning). The scanner stays here, with the table of what
each rule needs.

dateparser is the fallback for absolute dates the rules do not cover; on its own
it misreads or misses most of the above.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from functools import lru_cache

from actiontrack.dates import unread as _unread
from actiontrack.dates.calendar import HOLIDAYS as HOLIDAYS
from actiontrack.dates.calendar import MONTH_NAMES as MONTH_NAMES
from actiontrack.dates.calendar import MONTHS as MONTHS
from actiontrack.dates.calendar import WEEKDAY_NAMES as WEEKDAY_NAMES
from actiontrack.dates.calendar import WEEKDAYS as WEEKDAYS
from actiontrack.dates.calendar import easter as easter
from actiontrack.dates.calendar import fold, next_on_or_after
from actiontrack.dates.calendar import last_day as last_day
from actiontrack.dates.meeting import MeetingDate as MeetingDate
from actiontrack.dates.meeting import find_meeting_dates as find_meeting_dates
from actiontrack.dates.meeting import pick_reading as pick_reading
from actiontrack.dates.table import Rule as Rule
from actiontrack.dates.table import rules as rules
from actiontrack.dates.vague import day_off as day_off
from actiontrack.dates.vague import vague_time_phrases as vague_time_phrases
from actiontrack.dates.words import NUMBERS as NUMBERS
from actiontrack.dates.words import Context as Context
from actiontrack.dates.words import DateMatch as DateMatch
from actiontrack.dates.words import NotADate, Resolved, month_of
from actiontrack.dates.words import WeekdayMismatch as WeekdayMismatch
from actiontrack.dates.words import format_swedish as format_swedish
from actiontrack.errors import DateError
from actiontrack.i18n import _
from actiontrack.lazy_re import lazy

# What each rule's matches (in the order of rules()) hold: a digit, and one of the words of the
# case-folded text. A rule is tried on a text only when both are there: twenty patterns run over
# every sentence were a quarter of extraction. tests/test_dates.py checks these are
# necessary, i.e. that the rules read the same dates with and without the test.
_MONTHS3 = (
    "jan",
    "feb",
    "mar",
    "apr",
    "maj",
    "jun",
    "jul",
    "aug",
    "sep",
    "okt",
    "nov",
    "dec",
)  # in every name
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
    (
        False,
        (
            "dag",
            "jul",
            "nyår",
            "tretton",
            "påsk",
            "pingst",
            "midsommar",
            "valborg",
            "maj",
            "kristi",
            "allhelgona",
            "lucia",
        ),
    ),
    (False, ("nästa", "kommande")),  # next-meeting
)


# ---------------------------------------------------------------------------
# Public API

# Pattern strings, not compiled objects: re compiles and caches them on first use, so
# importing this module stays cheap for the commands that read no dates.
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
# an alternation of 50 words, it took 30 µs a sentence, a tenth of extraction.
_HOLD_WORDS = (
    "dag",
    *_MONTHS3,
    "morgon",
    "vecka",
    "månad",
    "nästa",
    "kommande",
    "inom",
    "påsk",
    "pingst",
    "midsommar",
    "valborg",
    "lucia",
    "allhelgona",
    "nyår",
    "himmelsfärd",
    "året",
    "årsskiftet",
    "sommaren",
    "semestern",
)
# a date things happen after or start from, or a thing's origin ("protokollet från den 27
# januari"): no deadline
_AFTER = r"(?i)(?<![\wåäö])(?:efter|sedan|från|från\s+och\s+med|fr\.?o\.?m\.?)\s+(?:den\s+)?$"


_OM_SPACE = lazy(r"om\s")
_DIGIT = lazy(r"\d")


_HOLDS = lazy("|".join(re.escape(w) for w in _HOLD_WORDS))  # one search, not one per word


def _may_hold_a_date(text: str) -> bool:
    """Whether the text has a digit, "om" and a space, or one of _HOLD_WORDS, in any case."""
    if _DIGIT.search(text):
        return True
    key = fold(text)
    return _HOLDS.search(key) is not None or _OM_SPACE.search(key) is not None


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
                    raise DateError(
                        _("'{text}' refers to the next meeting, and its date is not known.").format(text=expr)
                    )
                return d
    d = _dateparser_fallback(variants[-1], base)
    if d is None:
        raise DateError(
            _(
                "'{text}' is not a date that actiontrack understands (try '15 mars', 'fredag', 'vecka 12')."
            ).format(text=expr)
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
    found: list[Scanned] = []
    taken_until = -1
    for start, end, name, m, resolve in _candidates(text):
        if start < taken_until:
            continue
        try:
            got: Resolved | DateError = resolve(m, ctx)
        except NotADate:
            continue
        except DateError as e:
            got = e
        after = bool(re.search(_AFTER, text[:start]))
        found.append((name, m, got, after))
        taken_until = end  # a date after "efter" is still a date: "mars" inside it is no other
    return found


_Candidate = tuple[int, int, str, re.Match[str], Callable[[re.Match[str], Context], Resolved]]


@lru_cache(maxsize=4096)
def _candidates(text: str) -> list[_Candidate]:
    """Every match of every rule in the text, by start and then longest first. They depend on
    the text alone (what they resolve to on the base date), and minutes repeat their sentences:
    they are kept for the last few thousand texts (nobody changes the list)."""
    key, digit = fold(text), _DIGIT.search(text) is not None
    candidates = [
        (m.start(), m.end(), name, m, resolve)
        for (name, pattern, resolve), (needs_digit, words) in zip(rules(), _RULE_NEEDS, strict=True)
        if (digit or not needs_digit) and (not words or any(w in key for w in words))
        for m in pattern.finditer(text)
    ]
    candidates.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    return candidates


def forget() -> None:
    """Forget the matches kept of the texts read (benchmarks and tests that count a first reading)."""
    _candidates.cache_clear()


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
        d = next_on_or_after(base, lambda y: d.replace(year=y))
    return d


_DEADLINE_MARK = r"(?i)(?:senast|före|innan|inför|till\s+och\s+med|t\.?\s?o\.?\s?m\.?|deadline|klart\s+till)[\s:]*(?:den\s+|på\s+)?$"


def weekday_mentions(text: str) -> list[tuple[int, int, int, str]]:
    """(weekday, day, month, text) of every "torsdag den 11 februari" written without a year,
    unresolved: a weekday that pins the year of the document it is in."""
    pattern = next(p for name, p, _ in rules() if name == "day-month")
    out = []
    for m in pattern.finditer(text):
        if m["weekday"] and not m["year"] and not m["month"].isdigit():
            out.append((WEEKDAYS[fold(m["weekday"])], int(m["day"]), month_of(m["month"]), m[0]))
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


def unread_date_phrases(text: str, *, base: date | None = None) -> list[str]:
    """What looks like a date in a text but is read by no rule (unread.py), for a warning."""
    return _unread.unread_date_phrases(text, base=base, scan=scan)
