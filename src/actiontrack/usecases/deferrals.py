"""A point deferred again is one point: when minutes defer a point that an earlier meeting of
the group deferred too ("Budget" in October, "Frågan om budgeten bordläggs igen" in November),
the earlier deferral is closed, naming the new one, so that "Bordlagda punkter" lists it once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from actiontrack.i18n import _
from actiontrack.models import ExtractedItem, Item, Kind, Status

if TYPE_CHECKING:
    from actiontrack.storage.writes import Writes

# Words that name no point of their own: "Frågan om budgeten" is the point "budgeten".
_GENERIC = {"fråga", "frågo", "punkt", "ärend", "diskus", "bordl", "nästa", "möte", "mötet", "igen"}
_SECTION_NUMBER = re.compile(r"^\s*(?:§\s*)?\d+[.:)]?\s*")
DEFERRED_AGAIN = "deferred again"  # the reason of the earlier deferral, as stored


def _point(text: str) -> set[str]:
    from actiontrack.extract.duplicates import content_stems

    return {w for w in content_stems(_SECTION_NUMBER.sub("", text)) if w[:5] not in _GENERIC}


def same_point(old: Item, new: ExtractedItem) -> bool:
    """Whether two deferrals put off the same point: most words of the shorter name are in the
    other, or both stand under the same heading."""
    a, b = _point(old.text), _point(new.text)
    if a and b and len(a & b) * 2 >= min(len(a), len(b)):
        return True
    topics = [_SECTION_NUMBER.sub("", t or "").casefold() for t in (old.topic, new.topic)]
    return bool(topics[0]) and topics[0] == topics[1] and bool(a & b or not a or not b)


def close_deferred_again(
    repo: Writes, group: str, meeting_id: int, added: Sequence[tuple[int, ExtractedItem]], stamp: str
) -> list[str]:
    """Close the group's open deferrals of earlier meetings that the new minutes defer again;
    what was closed, in sentences for the import's report."""
    deferred = [(i, e) for i, e in added if e.kind is Kind.DEFERRED]
    if not deferred:
        return []
    earlier = [
        item
        for item in repo.query_items(statuses=(Status.OPEN,), kinds=(Kind.DEFERRED,), group=group)
        if item.meeting is None or item.meeting.id != meeting_id
    ]
    notes = []
    for old in earlier:
        again = next((i for i, e in deferred if same_point(old, e)), None)
        if again is None:
            continue
        repo.update_item(old.id, status=Status.DROPPED, closed_at=stamp, updated_at=stamp)
        repo.add_history(old.id, "dropped", {"reason": DEFERRED_AGAIN, "as": again}, stamp, meeting_id)
        notes.append(
            _("#{old} ({text}) is deferred again: it is followed up as #{new}.").format(
                old=old.id, text=old.text, new=again
            )
        )
    return notes
