"""The date rules, a declared table: (name, pattern, resolver), tried leftmost-longest by scan.

The order is the order of `_RULE_NEEDS` in dates/__init__.py, which says what each rule's
matches must hold before its pattern runs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from functools import lru_cache

from actiontrack.dates import resolvers as r
from actiontrack.dates.calendar import HOLIDAYS, MONTHS, fold, next_on_or_after
from actiontrack.dates.words import MONTH, MONTH_FULL, NUMBER, WEEKDAY, YEAR, B, Context, E, Resolved
from actiontrack.lazy_re import LazyPattern, lazy

_PLAIN_HOLIDAYS = sorted((h for h in HOLIDAYS if h not in ("sommaren", "semestern")), key=len, reverse=True)

Rule = tuple[str, LazyPattern, Callable[[re.Match[str], Context], Resolved]]


@lru_cache(maxsize=1)
def rules() -> list[Rule]:
    """The rules; each pattern is compiled when first tried (dates.scan tries a rule only on
    a text that holds what its matches need): a sentence with a weekday compiles no rule of numbers."""
    return [
        (
            "iso",
            lazy(B + r"(?P<y>(?:19|20)\d\d)-(?P<m>\d\d?)-(?P<d>\d\d?)" + E),
            r.iso,
        ),
        (
            "iso",  # 20201210
            lazy(
                r"(?<![\w-])(?P<y>199\d|20\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?![\wåäöÅÄÖ]|-\d|\s*(?:(?:kr|sek)(?![\wåäöÅÄÖ])|:-))",
                re.I,
            ),
            r.compact,
        ),
        (
            "numeric",  # 18.11.2026, 18.11.26: day first
            lazy(
                B + r"(?<![\d.,])(?:" + WEEKDAY + r"\s+(?:den\s+)?)?(?P<day>\d{1,2})\.(?P<month>\d{1,2})\."
                r"(?P<year>(?:19|20)\d\d|\d\d)(?![.,:]?\d)" + E,
                re.IGNORECASE,
            ),
            r.dotted,
        ),
        (
            "day-month",
            lazy(
                # not the end of a longer number: "15.3 och 4 mars" is no "3 och 4 mars"
                B + r"(?<!\d[.,/])(?:" + WEEKDAY + r"\s+(?:den\s+)?)?(?P<day>\d{1,2})(?::?e|:a)?"
                r"(?:\s*(?:-|–|och)\s*\d{1,2}(?::?e|:a)?)?\s+" + MONTH + YEAR + E,
                re.IGNORECASE,
            ),
            r.day_month,
        ),
        (
            "numeric",
            lazy(
                # "2027/13/01" is no 13 January
                B + r"(?<!\d[./])(?:" + WEEKDAY + r"\s+(?:den\s+)?)?(?P<day>\d{1,2})/(?P<month>\d{1,2})"
                r"(?:(?:\s+|-|/)(?P<year>(?:19|20)?\d\d))?(?![\d/:.,]\d)" + E,
                re.IGNORECASE,
            ),
            r.day_month,
        ),
        (
            "last-of-month",
            lazy(B + r"sista\s+(?:dagen\s+i\s+)?" + MONTH_FULL + YEAR + E, re.IGNORECASE),
            r.last_of_month,
        ),
        (
            "month-part",
            lazy(
                B + r"(?:(?P<part>(?:i\s+|mot\s+)?(?:början|mitten|slutet)|under|i|till|före|innan|inför)"
                r"(?:\s+(?:av|på))?\s+)?" + MONTH_FULL + YEAR + E,
                re.IGNORECASE,
            ),
            r.month_part,
        ),
        (
            "relative-day",
            lazy(B + r"(?:i\s*dag|i\s*morgon|i\s*övermorgon)" + E, re.IGNORECASE),
            r.relative_day,
        ),
        (
            "in-n-units",
            lazy(
                B + r"(?:om|inom)\s+" + NUMBER + r"\s+(?P<unit>dagar|dag|veckor|vecka|månader|månad|år)" + E,
                re.IGNORECASE,
            ),
            r.in_n_units,
        ),
        (
            "week-relative",
            lazy(
                B
                # "i veckan" as a deadline, not "en gång i veckan" (how often)
                + r"(?<!gång\s)(?<!gånger\s)"
                + r"(?:(?:i\s+slutet\s+av|under|senast)\s+)?(?P<which>nästa|kommande|denna|den\s+här|i)\s+veckan?"
                + r"(?!\s*\d)"
                + E
                + r"|"
                + B
                + r"i\s+slutet\s+av\s+(?P<end>veckan)"
                + E,
                re.IGNORECASE,
            ),
            r.week_relative,
        ),
        (
            "month-relative",
            lazy(
                B
                + r"(?:(?P<part>i\s+början\s+av|i\s+mitten\s+av|i\s+slutet\s+av|under)\s+)?"
                + r"(?P<which>nästa|kommande|denna|den\s+här)\s+månad(?:en)?"
                + E,
                re.IGNORECASE,
            ),
            r.month_relative,
        ),
        (
            "this-month",
            lazy(
                B
                + r"(?:(?P<part>(?:i\s+|mot\s+)?(?:början|mitten|slutet)\s+(?:av|på)|under|inom|före|innan)"
                + r"\s+månaden|(?:vid|till|före|innan|inför)\s+månadsskiftet|(?:vid|till|före)\s+månadens\s+slut)"
                + E,
                re.IGNORECASE,
            ),
            r.this_month,
        ),
        (
            "day-of-month",
            lazy(
                B
                + r"den\s+(?P<day>\d{1,2})(?::?e|:a)?+"
                # "den 13 mars", "den 12 och 13 maj", "den 3 timmar", "den 2:a gången": not the day alone
                + r"(?![\d.,:/–-]*\d|\s*(?:[-–]|och|eller|till)\s*\d|\s*(?:%|:-))"
                + r"(?!\s+(?:"
                + "|".join(sorted(MONTHS, key=len, reverse=True))
                + r"|st|kr|kronor|procent|"
                r"personer|deltagare|timmar|minuter|dagar|veckor|månader|år|sidor|gånger|platser|varje|"
                r"i\s+varje|i\s+månaden|per)"
                + E
                + r")"
                + r"(?!\s+[a-zåäö]+(?:en|et|na|an)"
                + E
                + r")"
                + r"(?:\s+(?:i\s+)?(?P<which>nästa|kommande|denna|den\s+här)\s+månad(?:en)?)?"
                + E,
                re.IGNORECASE,
            ),
            r.day_of_month,
        ),
        (
            "weekday",
            lazy(
                B
                + r"(?P<next>(?:nästa|kommande)\s+)?"
                + WEEKDAY
                + r"(?P<nextweek>\s+(?:i\s+)?nästa\s+vecka)?"
                + E,
                re.IGNORECASE,
            ),
            r.weekday,
        ),
        (
            "iso-week",
            lazy(
                B
                + r"(?:vecka|v\.?)\s*(?P<week>\d{1,2})(?:\s*[-–]\s*\d{1,2})?(?:\s+(?P<year>(?:19|20)\d\d))?"
                + E,
                re.IGNORECASE,
            ),
            r.iso_week,
        ),
        (
            "year-end",
            lazy(
                B
                + r"(?:(?:vid|till|före|innan|inför|senast\s+vid)\s+)?(?P<holiday>årets\s+slut|årsskiftet)"
                + E
                + r"|"
                + B
                + r"i\s+slutet\s+(?:av|på)\s+(?P<h2>året)"
                + E,
                re.IGNORECASE,
            ),
            lambda m, ctx: (date(ctx.base.year, 12, 31), {}),
        ),
        (
            "before-summer",
            lazy(B + r"(?:före|innan|inför)\s+(?P<holiday>sommaren|semestern)" + E, re.IGNORECASE),
            lambda m, ctx: (next_on_or_after(ctx.base, HOLIDAYS[fold(m["holiday"])]), {}),
        ),
        (
            "holiday",
            lazy(
                B
                + r"(?P<holiday>"
                + "|".join(h.replace(" ", r"\s+") for h in _PLAIN_HOLIDAYS)
                + r")"
                + YEAR
                + E,
                re.IGNORECASE,
            ),
            r.holiday,
        ),
        (
            "next-meeting",
            lazy(
                B
                + r"(?:nästa|kommande)\s+(?:års\s+första\s+)?(?:möte|sammanträde|träff|gång)(?:t)?"
                + E
                + r"|"
                + B
                + r"nästa\s+års\s+första\s+möte"
                + E,
                re.IGNORECASE,
            ),
            r.next_meeting,
        ),
    ]
