"""The same commitment written twice in one set of minutes: in the prose of its point and as a
row of the action table ("Åtgärd | Ansvarig | Klart till"). It is one item, not two: the
table's row, with the table's owner and date (what the prose says fills in what the row leaves
empty). Only a row and a prose item are merged, never two rows or two sentences, and only when
their owners do not differ and most of the row's words are in the sentence.
"""

from __future__ import annotations

import re

from actiontrack.models import ExtractedItem, Kind
from actiontrack.records import replace

_WORD = re.compile(r"[A-Za-zÅÄÖåäöÉéÜü]{4,}")
STEM = 5  # letters a word is compared by: "kontakta" and "kontaktar", "bostadsbolaget" and "bostadsbolag"
SAME = 0.6  # the share of the row's words that must be in the sentence


def content_stems(text: str) -> set[str]:
    """The words of a text that carry its content, by their first letters ("kontakta" and
    "kontaktar" are one); short words (om, på, till) are left out."""
    return {w.casefold()[:STEM] for w in _WORD.findall(text)}


def is_table_row(item: ExtractedItem) -> bool:
    """An item read from a row of an action table (tables.py writes it as "Åtgärd: ...")."""
    return item.source.startswith("Åtgärd:")


def merge_table_and_prose(items: list[ExtractedItem]) -> list[ExtractedItem]:
    """Each table row that states the commitment of a prose item replaces it: the row keeps its
    owner and date, and takes the sentence's where it has none. The rest as they are, in order."""
    rows = [i for i, item in enumerate(items) if is_table_row(item) and item.kind is Kind.ACTION]
    prose = [i for i, item in enumerate(items) if not is_table_row(item) and item.kind is Kind.ACTION]
    if not rows or not prose:
        return items
    merged: dict[int, ExtractedItem] = {}
    gone: set[int] = set()
    for r in rows:
        row = items[r]
        best = max(
            ((_overlap(row, items[p]), p) for p in prose if p not in gone and _owners_agree(row, items[p])),
            default=(0.0, -1),
        )
        if best[0] >= SAME:
            said = items[best[1]]
            merged[r] = replace(row, owners=row.owners or said.owners, due=row.due or said.due)
            gone.add(best[1])
    return [merged.get(i, item) for i, item in enumerate(items) if i not in gone]


def _overlap(row: ExtractedItem, said: ExtractedItem) -> float:
    words = content_stems(row.text)
    return len(words & content_stems(said.text)) / len(words) if words else 0.0


def _owners_agree(row: ExtractedItem, said: ExtractedItem) -> bool:
    """No owner of one is missing from the other (or one names none)."""
    a, b = {o.name for o in row.owners}, {o.name for o in said.owners}
    return not a or not b or a == b
