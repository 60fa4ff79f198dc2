"""What a sentence says of time, as features for the classifier: a date ahead of the meeting or
behind it, the next meeting, a deadline word ("senast", "före", "inför"), a time ahead without
a date ("till hösten", "under våren", "nästa vecka"), "nästa steg är", and a line that announces
the next meeting ("Nästa möte: 3 december"), which is no task.

    time_features("Eva bokar lokal senast 1 mars", due, base, title)
    -> ["time:future-date", "time:deadline-word"]

The dates are found by due.py (with dates/'s rules); the cues without a date are patterns here.
`BEFORE_ONLY` is an "inför" with no deadline word: what a report given now prepares for, not a
deadline ("informerar om X inför styrelsens möte").
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from actiontrack.extract.due import Due, meeting_referred, without_urls
from actiontrack.lazy_re import lazy

_DEADLINE_WORDS = "senast|deadline|snarast|före|innan"
# a deadline word, "inför" too, but not "sedan senast" ("since last time")
_DEADLINE = lazy(r"(?i)(?<!\bsedan )(?<!\bsen )\b(?:" + _DEADLINE_WORDS + r"|inför)\b")
BEFORE_ONLY = lazy(r"(?i)^(?!.*\b(?:" + _DEADLINE_WORDS + r")\b).*\binför\b")
# A time ahead without a date: "till hösten", "under våren", "inför sommaren", "nästa vecka", "i höst".
_AHEAD = lazy(
    r"(?i)(?<![\wåäö])(?:(?:till|inför|under|efter|före|innan|i\s+början\s+av|i\s+slutet\s+av)\s+"
    r"(?:hösten|våren|sommaren|vintern|jul|julen|årsskiftet|nyår|påsk|påsken|midsommar)"
    r"|i\s+(?:höst|vår|sommar|vinter)(?![\wåäö])|nästa\s+(?:vecka|månad|år|termin|höst|vår)|framöver|inom\s+kort"
    r"|efter\s+(?:\w+\s+)?\w*(?:mötet|sammanträdet|träffen))"
)
_NEXT_STEP = lazy(r"(?i)(?<![\wåäö])nästa\s+steg\s+(?:är|blir)(?![\wåäö])")
_NEXT_MEETING_LINE = lazy(r"^(?:nästa|nytt|kommande)\s+(?:\w*möte|sammanträde|träff)\w*\b", re.IGNORECASE)


def time_features(text: str, due: Due, base: date, title: str | None) -> list[str]:
    """When the sentence says things happen: a date ahead or behind, the next meeting, a
    deadline word, a time ahead without a date ("till hösten", "under våren", "nästa vecka")."""
    ahead, this_meeting, deadline, next_step, next_meeting_line = _cues(text, title)
    out = ["time:ahead"] * ahead
    found = due.found(without_urls(text))
    if any(m.date and m.date > base for m in found):
        out.append("time:future-date")
    if any(m.date and m.date < base for m in found):
        out.append("time:past-date")
    out += ["time:next-meeting"] * this_meeting + ["time:deadline-word"] * deadline
    out += ["next-step"] * next_step  # "Nästa steg är en workshop i mars", "Nästa steg blir att ..."
    out += ["next-meeting-line"] * next_meeting_line  # "Nästa möte: 3 december", "Nästa träff hålls ...": no task
    return out


@lru_cache(maxsize=4096)
def _cues(text: str, title: str | None) -> tuple[bool, bool, bool, bool, bool]:
    """What the words say of time, whatever the meeting's date: kept for sentences met again in
    other minutes (the dates are read against each meeting's own date, in time_features)."""
    return (
        _AHEAD.search(text) is not None,
        meeting_referred(text, title) == "this",
        _DEADLINE.search(text) is not None,
        _NEXT_STEP.search(text) is not None,
        _NEXT_MEETING_LINE.match(text) is not None,
    )


def forget() -> None:
    """Forget the cues kept (memo.forget)."""
    _cues.cache_clear()


__all__ = ["BEFORE_ONLY", "forget", "time_features"]
