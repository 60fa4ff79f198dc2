"""Where a clause stands in its sentence's characters: an item's text and source are cut by these.

The grammar counts tokens, an item is text. `span` is a clause's characters, with its
complements and the att-clauses under it when the sentence's clauses are given ("Beslutades
att Bo skall vara sekreterare"); `cut` is where a later item of the same sentence starts, with
the "och" or "samt" before it; `text_before` the words before an offset.
"""

from __future__ import annotations

from actiontrack.extract.clause import Clause, complements
from actiontrack.extract.tagger import Token


def span(tokens: list[Token], clause: Clause, found: list[Clause] | None = None) -> tuple[int, int]:
    """The characters of a clause, with its complements when `found` is given."""
    if not tokens:
        return 0, 0
    end = clause.end
    if found is not None:
        for comp in complements(found, clause):
            end = max(end, comp.end)
        k = found.index(clause)
        for sub in found:
            if sub.head == k and sub.subordinate:  # "Beslutades att Bo skall vara sekreterare"
                end = max(end, sub.end)
    a = tokens[min(clause.start, len(tokens) - 1)].start
    b = tokens[min(end, len(tokens)) - 1].end
    return a, b


def cut(tokens: list[Token], clause: Clause) -> int:
    """Where a later item's source starts: its clause, with the "och" or "samt" before it."""
    k = clause.start
    while k > 0 and tokens[k - 1].text.casefold() in ("och", "samt", "men", ","):
        k -= 1
        if tokens[k].text != ",":
            break
    return tokens[min(k, len(tokens) - 1)].start if tokens else 0


def text_before(tokens: list[Token], start: int) -> str:
    """The sentence's words before a character offset, as one string."""
    return " ".join(t.text for t in tokens if t.end <= start)


__all__ = ["cut", "span", "text_before"]
