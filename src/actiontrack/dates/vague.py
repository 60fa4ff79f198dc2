"""Phrases that say when without a date ("snarast", "efter sommaren", "till hösten"), and the
days a Swedish group does not meet (the red days and the eves).

A deadline written so is no date the rules can give, and dropping it without a word loses it:
`vague_time_phrases` finds them, so that `track add` can say that the item got no date. The
phrases are data, as the holidays are; a season the rules read ("innan sommaren") is not vague.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from actiontrack.dates.calendar import all_saints, easter, weekday_between

# when, but no day: the words that may come before a season or a time to come, and those times
_BEFORE = r"(?:till|under|efter|i|inför|framåt|mot|fram\s+till|i\s+början\s+av|i\s+slutet\s+av)"
_SEASONS = (
    r"(?:hösten|höst|våren|sommaren|vintern|vinter|terminsstarten|semestrarna|semestern|årsskiftet|nyår|jul)"
)
_BY_ITSELF = (
    r"snarast(?:\s+möjligt)?|så\s+snart\s+som\s+möjligt|så\s+fort\s+som\s+möjligt|asap|omgående"
    r"|framöver|längre\s+fram|på\s+sikt|inom\s+kort|löpande|vid\s+tillfälle|efter\s+hand"
)


@lru_cache(maxsize=1)
def _vague() -> re.Pattern[str]:
    return re.compile(
        r"(?i)(?<![\wåäöÅÄÖ])(?:"
        + _BEFORE
        + r"\s+(?:nästa\s+)?"
        + _SEASONS
        + r"|"
        + _BY_ITSELF
        + r")(?![\wåäöÅÄÖ])"
    )


def vague_time_phrases(text: str) -> list[str]:
    """The phrases of a text that say when something is to be done but name no day, as written:
    "snarast", "efter sommaren", "till hösten"."""
    return [m[0] for m in _vague().finditer(text)]


# The days no meeting is held: the public holidays (helgdagar) and the eves that are
# days off in practice; (name, the date in a year).
_RED_DAYS = (
    ("nyårsdagen", lambda y: date(y, 1, 1)),
    ("trettondedag jul", lambda y: date(y, 1, 6)),
    ("långfredagen", lambda y: easter(y) - timedelta(days=2)),
    ("påskafton", lambda y: easter(y) - timedelta(days=1)),
    ("påskdagen", easter),
    ("annandag påsk", lambda y: easter(y) + timedelta(days=1)),
    ("första maj", lambda y: date(y, 5, 1)),
    ("Kristi himmelsfärdsdag", lambda y: easter(y) + timedelta(days=39)),
    ("pingstdagen", lambda y: easter(y) + timedelta(days=49)),
    ("nationaldagen", lambda y: date(y, 6, 6)),
    ("midsommarafton", lambda y: weekday_between(y, 6, 19, 25, 4)),
    ("midsommardagen", lambda y: weekday_between(y, 6, 20, 26, 5)),
    ("alla helgons dag", all_saints),
    ("julafton", lambda y: date(y, 12, 24)),
    ("juldagen", lambda y: date(y, 12, 25)),
    ("annandag jul", lambda y: date(y, 12, 26)),
    ("nyårsafton", lambda y: date(y, 12, 31)),
)


def day_off(day: date) -> str | None:
    """The Swedish name of the holiday or eve a day is ("julafton"), or None for a working day
    (weekends are the group's own business: some meet on Saturdays)."""
    return next((name for name, make in _RED_DAYS if make(day.year) == day), None)
