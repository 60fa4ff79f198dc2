"""Regular expressions compiled when first used, not when their module is imported.

The cue, sentence and date rules are a few hundred patterns; compiling all of them at import
cost `track add` about a third of its time, although one sentence needs few of them. A
LazyPattern holds its source (`.pattern`, for building other patterns from it) and compiles
on the first search, match or sub; re's own cache is not used, so it is compiled once.
tests/test_records.py checks it answers as the compiled pattern does.
"""

from __future__ import annotations

import re

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from typing import Any


class LazyPattern:
    """Once compiled, the compiled pattern's own methods are set on the instance, where they come
    before the class's: a search then costs what it costs on a compiled pattern."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            compiled = self._compiled = re.compile(self.pattern, self._flags)
            for name in _METHODS:
                setattr(self, name, getattr(compiled, name))
        return self._compiled

    @property
    def flags(self) -> int:
        return self.compiled.flags

    @property
    def groupindex(self) -> Any:
        return self.compiled.groupindex

    def search(self, string: str, *args: int) -> re.Match[str] | None:
        return self.compiled.search(string, *args)

    def match(self, string: str, *args: int) -> re.Match[str] | None:
        return self.compiled.match(string, *args)

    def fullmatch(self, string: str, *args: int) -> re.Match[str] | None:
        return self.compiled.fullmatch(string, *args)

    def finditer(self, string: str, *args: int) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(string, *args)

    def findall(self, string: str, *args: int) -> list[Any]:
        return self.compiled.findall(string, *args)

    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]:
        return self.compiled.split(string, maxsplit)

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        return self.compiled.sub(repl, string, count)

    def subn(
        self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0
    ) -> tuple[str, int]:
        return self.compiled.subn(repl, string, count)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r})"


_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "split", "sub", "subn")


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    """re.compile(pattern, flags), compiled on first use."""
    return LazyPattern(pattern, flags)


_built: dict[tuple[str, int], re.Pattern[str]] = {}
_BUILT_SIZE = 1024


def built(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """re.compile of a pattern built at run time (around a name, a heading's word), kept in a
    cache of its own: compiled through re's cache such patterns cost most of a document's
    regular-expression time, and pushed re's fixed patterns out of it to be compiled again."""
    key = (pattern, flags)
    compiled = _built.get(key)
    if compiled is None:
        if len(_built) >= _BUILT_SIZE:
            _built.clear()
        compiled = _built[key] = re.compile(pattern, flags)
    return compiled
