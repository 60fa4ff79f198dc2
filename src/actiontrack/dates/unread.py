"""Phrases that look like a date but that no rule reads, so that a caller can warn about them
instead of dropping a deadline in silence. `actiontrack.dates.unread_date_phrases` is the
public face.

Two kinds:
- what a rule matches but cannot resolve: "32 mars", "31/13", "v. 60", "fredag den 4 mars"
  when 4 March is no Friday;
- after a deadline word ("senast", "till", "före", "deadline", "klart till"), something
  date-shaped that no rule matches: "senast 15.3", "till 3 mrs", "senast 2025/03/15",
  "deadline 15:e", "senast 2027".

Ordinary numbers are none of these: "3 personer", "kl. 13", "§ 4", "2 st", "500 kr",
"070-123 45 67", "till 13.30".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from functools import lru_cache

from actiontrack.dates.calendar import MONTH_NAMES
from actiontrack.dates.words import NUMBER_LABEL, Context, WeekdayMismatch
from actiontrack.errors import DateError

# The scanner of dates/__init__.py, passed in by it: what the rules read, with their errors.
TYPE_CHECKING = False  # typing costs a command's start 3-4 ms
if TYPE_CHECKING:
    from typing import Any
Scan = Callable[[str, Context], list[tuple[str, re.Match[str], "Any", bool]]]

# A base with a week 53 and a leap day, for a caller that gives none.
_ANY_BASE = date(2020, 1, 1)

# How sure a word makes a deadline: "senast 15" is a day of the month, "före 18" perhaps an hour,
# "till 4.1" perhaps a version.
_STRONG = r"senast|deadline|klart?\s+(?:till|senast)|till\s+och\s+med|t\.?\s?o\.?\s?m\.?"
_BEFORE = r"före|innan"
_WEAK = r"till|tills|inför|klart?|färdigt?"
_MARK = _STRONG + "|" + _BEFORE + "|" + _WEAK


@lru_cache(maxsize=1)
def _deadline_phrase() -> re.Pattern[str]:
    """A deadline word and what follows it: digits with separators, a number and a word, a
    bare number or a year."""
    return re.compile(
        r"(?i)(?<![\wåäöÅÄÖ])(?:(?P<strong>" + _STRONG + r")|(?P<before>" + _BEFORE + r")|" + _WEAK + r")"
        r"[\s:]+(?:den\s+|på\s+)?"
        r"(?P<what>"
        r"(?P<shape>\d{1,4}(?:[/.-]\d{1,4}){1,2})(?![\d/.-]*\d)"
        r"|(?P<n>\d{1,2})(?P<suffix>:?e|:a)?\s+(?P<word>[a-zåäö]+)\.?"
        r"|(?P<day>\d{1,2}(?::?e|:a))(?!\s+[a-zåäö]+(?:en|et|na|an)(?![\wåäöÅÄÖ]))"  # not "3:e gången"
        r"|(?:(?P<day2>\d{1,2})|(?P<year>(?:19|20)\d\d))(?=\s*(?:[.,;!?)]|$))"
        r")",
    )


@lru_cache(maxsize=1)
def _date_shape() -> re.Pattern[str]:
    """Three-part numeric dates anywhere: "2025/03/15", "15.3.2025"."""
    return re.compile(
        r"(?<![\w.,/-])(?:(?:19|20)\d\d[/.]\d{1,2}[/.]\d{1,2}|\d{1,2}[/.]\d{1,2}[/.](?:19|20)?\d\d)(?![\w/.-]*\d)"
    )


def _close(a: str, b: str) -> int:
    """Edit distance with transpositions ("okotber" is one from "oktober")."""
    d = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


def _month_like(word: str) -> bool:
    """A misspelt month ("febuari", "okotber", "mrs"), not a noun ("personer", "man", "st")."""
    word = word.lower()
    if len(word) < 3:
        return False
    for name in MONTH_NAMES[1:]:
        if len(word) >= 4 and _close(word, name) <= (2 if len(name) >= 7 else 1):
            return True
        if len(word) == 3 and word != name[:3] and word[0] == name[0] and sorted(word) == sorted(name[:3]):
            return True  # "mra", "mja": the letters of an abbreviation, out of order
        if len(word) == 3 and word == name[0] + name[2:4] and name not in ("juni", "juli"):
            return True  # "mrs": a vowel left out
    return False


def _is_date_shaped(shape: str, *, sure: bool) -> bool:
    """ "15.3", "2025/03/15", "3/15": yes. "13.30" (a time), "2-3" (a range), "070-123" (a
    phone number), "10.000" (an amount): no; "4.1" only after a sure deadline word."""
    parts = re.split(r"[/.-]", shape)
    seps = re.findall(r"[/.-]", shape)
    if any(len(p) == 3 or len(p) > 4 for p in parts):
        return False
    if any(len(p) == 4 for p in parts[1:-1]) or (len(parts) == 2 and any(len(p) == 4 for p in parts)):
        return False
    if len(parts) == 2:
        if seps[0] == "-":
            return False  # "2-3 personer", "13-15"
        if seps[0] == "." and not sure:
            return False  # "uppgradera till 4.1"
        hour, minute = parts
        if seps[0] == "." and len(minute) == 2 and int(hour) <= 23 and int(minute) <= 59:
            return False  # "till 13.30"
    return True


def unread_date_phrases(text: str, *, base: date | None = None, scan: Scan) -> list[str]:
    """Phrases in a sentence that look like a date but that no rule reads ("senast 15.3",
    "32 mars", "31/13", "v. 60"), left to right and as written, with the deadline word before
    them; for a warning instead of a deadline lost in silence. Ordinary numbers ("3 personer",
    "kl. 13", "§ 4", "500 kr", phone numbers) are none. Give the base the sentence's dates are
    read against: whether "fredag den 4 mars" contradicts itself depends on the year, and
    without a base it is taken as read.
    """
    if not re.search(r"\d", text):
        return []  # every such phrase has a digit
    scanned = scan(text, Context(base or _ANY_BASE, None))

    def unread(got: object) -> bool:  # without a base, no weekday can be wrong
        return isinstance(got, DateError) and not (base is None and isinstance(got, WeekdayMismatch))

    read = [(m.start(), m.end()) for _, m, got, _ in scanned if not unread(got)]
    spans = [(m.start(), m.end()) for _, m, got, after in scanned if unread(got) and not after]
    for m in _deadline_phrase().finditer(text):
        if m["shape"] and not _is_date_shaped(m["shape"], sure=bool(m["strong"])):
            continue
        if m["word"] and not _month_like(m["word"]):
            if m["suffix"] and m["strong"] and not re.search(r"(?:en|et|na|an)$", m["word"]):
                spans.append((m.start("what"), m.end("suffix")))  # "deadline 15:e för alla", not "3:e gången"
            continue
        if (m["day"] or m["day2"]) and not m["strong"]:
            continue  # "räkna till 15", "före 18"
        if m["year"] and not (m["strong"] or m["before"]):
            continue  # "ökade till 2025"
        spans.append((m.start("what"), m.end("what")))
    spans += [(m.start(), m.end()) for m in _date_shape().finditer(text)]
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
        if any(s < end and start < e for s, e in read) or (out and start < out[-1][1]):
            continue
        if re.search(NUMBER_LABEL, text[max(0, start - 12) : start]):
            continue  # "§ 4.2.16", "version 2.10.12"
        out.append((start, end))
    return [_with_mark(text, start, end) for start, end in out]


def _with_mark(text: str, start: int, end: int) -> str:
    mark = re.search(
        r"(?i)(?<![\wåäöÅÄÖ])(?:" + _MARK + r")[\s:]+(?:den\s+|på\s+)?$", text[max(0, start - 30) : start]
    )
    if mark:
        start -= len(mark[0])
    return text[start:end].strip().rstrip(".,;:")
