"""Patterns tried only on texts that hold one of their words.

Most cue patterns are alternations of words under IGNORECASE behind a lookbehind, which
the regex engine tries at every position of every sentence: a few microseconds each, a
third of extraction in all. A word every match must contain, looked for with `in` in the
case-folded sentence, skips them where they cannot match. tests/test_extract_speed.py
checks, over many texts, that the words are necessary: nothing a pattern finds is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from actiontrack.dates.calendar import fold

TYPE_CHECKING = False
if TYPE_CHECKING:
    from actiontrack.lazy_re import LazyPattern


@lru_cache(maxsize=64)
def folded(text: str) -> str:
    """The text case-folded as IGNORECASE matches it; a sentence is asked by many patterns in a row."""
    return fold(text)


class Guarded:
    """A compiled pattern and the words (case-folded) one of which each of its matches contains."""

    __slots__ = ("pattern", "words")

    def __init__(self, pattern: re.Pattern[str] | LazyPattern, *words: str) -> None:
        self.pattern = pattern
        self.words = words

    def may_match(self, text: str) -> bool:
        # map over the words, not a generator: a frame for each word was most of the cost
        return any(map(folded(text).__contains__, self.words))

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(text) if self.may_match(text) else None

    def match(self, text: str) -> re.Match[str] | None:
        return self.pattern.match(text) if self.may_match(text) else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text) if self.may_match(text) else iter(())
