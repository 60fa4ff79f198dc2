"""When an item is due: the date its own sentence states, read with deadline meaning.

    due = Due(base=meeting_date, next_meeting=..., title=...).of(sentence, deferred=False)

The dates are dates/'s; this stage decides which of a sentence's dates is the item's:
a date marked as a deadline ("senast fredag") first, then the first date ahead; "till
nästa möte" is the next meeting when the minutes give its date and no date otherwise;
a deferral is due at the next meeting unless it names a later date; "nästa
kommittémöte" is another body's meeting (no date). A sentence that states no date gives
none: a date said earlier in the section is more often an event's than the item's. The digits
of a web address are no date (`without_urls`).
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from actiontrack import dates
from actiontrack.lazy_re import lazy

_B = r"(?<![\wÅÄÖåäöÉéÜü])"
_E = r"(?![\wÅÄÖåäöÉéÜü])"

# "till nästa styrelsemöte", "på nästkommande kommittémöte", "inför nästa gång", "vid ett senare möte"
# (a lookahead of the first letters of its words opens it: a search skips to them, as it cannot
# past the lookbehind: twice as fast)
LATER_MEETING = lazy(
    r"(?=[nkesf])(?:" + _B + r"(?:nästa|nästkommande|kommande|ett\s+senare|senare|framtida)\s+(?:(?:års|vecka|veckas|månads|"
    r"terminens|höstens|vårens|första|andra|sista|ordinarie)\s+){0,2}(?P<kind>[\wåäö-]*?)-?"
    r"(?:möte|mötet|möten|sammanträde|sammanträdet|träff|träffen|tillfälle|tillfället)" + _E
    + r"|" + _B + r"(?:nästa|kommande)\s+gång" + _E + ")",
    re.IGNORECASE,
)  # fmt: skip
# "tills vidare": put off with no date
INDEFINITE = lazy(_B + r"(?:tills\s*vidare|på\s+obestämd\s+tid)" + _E, re.IGNORECASE)
_SECOND_NEXT = lazy(r"näst[\s-]*nästa\s*$", re.IGNORECASE)
_CALENDAR_RULES = ("day-month", "iso", "numeric", "month-part")
_URL = lazy(r"\S+://\S+|www\.\S+")


def without_urls(text: str) -> str:
    """The text with its web addresses blanked, space for character: their digits are no date."""
    if "://" not in text and "www." not in text:
        return text
    return _URL.sub(lambda m: " " * len(m.group(0)), text)


_NEXT_NAMED = lazy(_B + r"(?:nästa|kommande)\s+(?P<word>[\wåäö-]{5,})", re.IGNORECASE)


def later_meeting(text: str, title: str | None) -> tuple[int, int] | None:
    """Where the text names a later meeting: "till nästa möte", or the group by the name its
    minutes' title gives it ("flyttas till nästa brukarråd" in a Brukarråd's minutes)."""
    m = LATER_MEETING.search(text)
    if m:
        return m.span()
    if title and "sta" in text:
        bodies = _bodies(title)
        for m in _NEXT_NAMED.finditer(text):
            word = m.group("word").casefold()
            word = word[:-2] if word.endswith(("et", "en")) else word
            if word.endswith(bodies) or word in title.casefold():
                return m.span()
    return None


# A meeting of another kind than this one ("tas upp på årsmötet" in a board's minutes), or the
# body that comes after this one ("lämnas över till den nya styrelsen").
_OTHER_MEETING = lazy(
    _B + r"(?:(?P<kind>års|höst|vår|medlems|extra)(?:möte|mötet|stämma|stämman|sammanträde|sammanträdet)"
    r"|(?:den\s+)?(?:nya|tillträdande)\s+(?P<body>[\wåäö-]{4,}))" + _E,
    re.IGNORECASE,
)


def other_meeting(text: str, title: str | None) -> tuple[int, int] | None:
    """Where the text names a meeting other than this one that a point can be put off to: one
    of another kind ("årsmötet" in a board's minutes) or the body after this one ("den nya
    styrelsen"); None when it names none."""
    from actiontrack.extract.meanings import noun_class

    low = (title or "").casefold()
    for m in _OTHER_MEETING.finditer(text):
        if m.group("kind") and m.group("kind").casefold() not in low:
            return m.span()
        if m.group("body") and noun_class(m.group("body")) == "body":
            return m.span()
    return None


@lru_cache(maxsize=64)
def _bodies(title: str) -> tuple[str, ...]:
    """The lemmas of the bodies the title names ("Brukarrådet" -> "råd"), to end a word with."""
    from actiontrack.extract.meanings import bodies_in

    return tuple(bodies_in(title))


def meeting_referred(text: str, title: str | None) -> str | None:
    """ "this": the next meeting of this group ("till nästa möte", "nästa styrelsemöte" in a board's
    minutes, "nästa brukarråd" in a Brukarråd's); "other": another body's ("nästa kommittémöte");
    None when no later meeting is named."""
    m = LATER_MEETING.search(text)
    if not m:
        return "this" if later_meeting(text, title) else None
    if _SECOND_NEXT.search(text[: m.start() + 5]):
        return "other"  # "näst-nästa möte": a meeting whose date the minutes do not give
    kind = (m.groupdict().get("kind") or "").casefold().rstrip("s-")
    if not kind or kind in ("ordinarie", "vanliga"):
        return "this"
    return "this" if title and kind in title.casefold() else "other"


class Due:
    """The due dates of one document's items."""

    def __init__(
        self, base: date, *, meeting_date: date | None, next_meeting: date | None, title: str | None
    ):
        self.base = base
        self.meeting_date = meeting_date
        self.next_meeting = next_meeting
        self.title = title
        self._memo: dict[str, list[dates.DateMatch]] = {}

    def found(self, text: str) -> list[dates.DateMatch]:
        """The dates of a sentence, read once (a sentence is asked for them more than once)."""
        if text not in self._memo:
            self._memo[text] = dates.find_dates(text, self.base, next_meeting=self.next_meeting)
        return self._memo[text]

    def of(self, text: str, *, deferred: bool = False, deferral_at: int = 0) -> date | None:
        which = meeting_referred(text, self.title)
        if which == "other" or (deferred and INDEFINITE.search(text)):
            return None
        found = self.found(text)
        if self.meeting_date is None:  # only a date with its year means anything without the meeting's
            found = [m for m in found if m.rule == "iso" or m.year is not None]
        if deferred:
            # a deferral is to a meeting: only a calendar date after it names another than the next
            later = [m.date for m in found if m.date and m.rule in _CALENDAR_RULES and m.start >= deferral_at]
            return later[0] if later else self.next_meeting
        if which == "this" and self.next_meeting and not found:
            return self.next_meeting  # "inför nästa styrelsemöte"
        if self.meeting_date is None:
            return found[0].date if found else None
        return dates.first_due(text, self.base, next_meeting=self.next_meeting, found=found)


__all__ = ["INDEFINITE", "LATER_MEETING", "Due", "later_meeting", "meeting_referred", "other_meeting", "without_urls"]
