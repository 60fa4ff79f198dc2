"""What every statement of the store shares: how it is run, IN lists, chunks, dates.

A statement is plain SQL with `:name` parameters, which sqlite3 and SQLAlchemy's text()
read alike; `Run` runs one and returns its rows (none for a statement that returns none).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date

TYPE_CHECKING = False  # typing costs a command's start 3-4 ms
if TYPE_CHECKING:
    from typing import Any

Run = Callable[[str, Mapping[str, "Any"]], Sequence[Sequence["Any"]]]

# Parameters per statement: under the 999 of SQLite builds older than 3.32, and so far under
# PostgreSQL's 65,535 that one chunk size serves both.
PARAMS = 900
IN_LIST = 5000  # values per IN (...) of a read: well under both backends' limits, few round trips


def composed(params: Mapping[str, Any]) -> Mapping[str, Any]:
    """The parameters with every text in Unicode's composed form (NFC): a name written
    decomposed ("O" and a combining diaeresis, as some Mac and web sources write "Ö") is stored,
    looked up and compared as the same name written composed. Most texts are NFC already."""
    from unicodedata import is_normalized, normalize

    # one test of all the texts: joined by a newline, which nothing combines with, a text
    # is composed exactly when each of its parts is
    texts = "\n".join([v for v in params.values() if isinstance(v, str)])
    if texts.isascii() or is_normalized("NFC", texts):
        return params
    return {k: normalize("NFC", v) if isinstance(v, str) else v for k, v in params.items()}


def in_list(prefix: str, values: Iterable[Any]) -> tuple[str, dict[str, Any]]:
    """ "(:p0, :p1)" and its parameters: a portable IN list ("(NULL)" when empty)."""
    params = {f"{prefix}{n}": v for n, v in enumerate(values)}
    return "(" + ", ".join(f":{k}" for k in params) + ")" if params else "(NULL)", params


def chunks(values: Sequence[Any], size: int = PARAMS) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def iso(value: date | None) -> str | None:
    """A date as stored: ISO text, which sorts and compares the same on both backends."""
    return value.isoformat() if value else None


def day(value: Any) -> date | None:
    """A stored date read back."""
    if value is None or value == "":
        return None
    return value if isinstance(value, date) else date.fromisoformat(value)
