"""What the walk keeps of a sentence it has read, for the next time it meets the same one.

Minutes repeat themselves: the lists of people, "Nästa möte", the same points from one
meeting's minutes to the next, and a long text or an import of many minutes meets the same
sentence many times. Its tags and clauses (grammar.py) depend on its text and the document's
names only, and how it is weighed (weighing.py, time_cues.py) on what the key of `weighed`
holds: both are pure, so a sentence met again is not read again. Each table is bounded (it
is emptied when full), so that a long text of sentences that never repeat keeps no more
than a few thousand of them.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from functools import lru_cache

from actiontrack import dates
from actiontrack.extract import grammar
from actiontrack.extract.classify import Weights
from actiontrack.extract.clause import Clause
from actiontrack.extract.retag import cached_tags, names_as_names
from actiontrack.extract.tagger import Token

_SIZE = 4096  # sentences kept: every distinct sentence of a 4 MB text of repeated minutes

TYPE_CHECKING = False  # typing costs a command's start 3-4 ms
if TYPE_CHECKING:
    from typing import TypeVar

    T = TypeVar("T")
Weighed = tuple[list[tuple[Clause, float, bool]], tuple[float, list[str]]]

_kept: dict[Hashable, object] = {}
_weighings: dict[Hashable, tuple[Weights, list[tuple[int, float, bool]], tuple[float, list[str]]]] = {}


def parsed(text: str, names: frozenset[str]) -> tuple[list[Token], list[Clause]]:
    """A sentence's tokens, with the document's names as names (retag.py), and its clauses. The
    lists and clauses are shared by every reader of the sentence: none of them changes them.
    names_as_names asks only whether a capitalised word of the sentence is a name, so the
    sentence is kept by the names it has, and minutes of other people share it."""
    if names:
        names = names & _capitalised(text)
    return _parsed(text, names)


@lru_cache(maxsize=_SIZE)
def _capitalised(text: str) -> frozenset[str]:
    """The sentence's capitalised words, as written (initials are kept so: "AL") and case-folded."""
    words = [t.text for t in cached_tags(text) if t.text[:1].isupper()]
    return frozenset([*words, *(w.casefold() for w in words)])


@lru_cache(maxsize=_SIZE)
def _parsed(text: str, names: frozenset[str]) -> tuple[list[Token], list[Clause]]:
    tokens = names_as_names(list(cached_tags(text)), names)
    return tokens, grammar.clauses(tokens)


def weighed(key: Hashable, found: list[Clause], weights: Weights, weigh: Callable[[], Weighed]) -> Weighed:
    """weigh(), or what it gave for the same key and weights. `key` holds every input of the
    weighing but the clauses, which are those of its sentence (`found`): the chosen ones are
    kept by their place among them."""
    kept = _weighings.get(key)
    if kept is not None and kept[0] is weights:  # weights are never changed once made
        return [(found[k], score, deferred) for k, score, deferred in kept[1]], kept[2]
    chosen, best = weigh()
    places = {id(c): k for k, c in enumerate(found)}
    if len(_weighings) >= _SIZE:
        _weighings.clear()
    _weighings[key] = (weights, [(places[id(c)], score, deferred) for c, score, deferred in chosen], best)
    return chosen, best


def kept(key: Hashable, compute: Callable[[], T]) -> T:
    """compute(), or what it gave for the same key: for a pure reading of one sentence whose
    key holds the sentence and every other input, and whose answer nobody changes."""
    if key in _kept:
        return _kept[key]  # type: ignore[return-value]
    value = compute()
    if len(_kept) >= _SIZE:
        _kept.clear()
    _kept[key] = value
    return value


def forget() -> None:
    """Forget every sentence read, its tags too (benchmarks and tests that count a first reading)."""
    from actiontrack.extract import time_cues

    cached_tags.cache_clear()
    dates.forget()
    time_cues.forget()
    _parsed.cache_clear()
    _capitalised.cache_clear()
    _weighings.clear()
    _kept.clear()


__all__ = ["forget", "kept", "parsed", "weighed"]
