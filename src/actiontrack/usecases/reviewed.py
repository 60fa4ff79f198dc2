"""What the review of minutes decided, item by item, and how it is kept.

A skipped item is stored as dropped ("skipped in review") and a corrected one with its old and
new values in its history ("reviewed"), as an edit would be: the same or corrected minutes
imported again keep both (versions.py), instead of bringing back what the review took out.
"""

from __future__ import annotations

from collections.abc import Sequence

from actiontrack.models import ExtractedItem
from actiontrack.records import record


@record(frozen=True)
class Reviewed:
    """One item of the minutes as the review decided it: `kept` as accepted (perhaps with
    another text, owner or date), None when skipped. Both are stored, so that the minutes
    imported again keep the decision: a skipped item as dropped ("skipped in review"), a
    correction in the item's history as an edit would be."""

    item: ExtractedItem  # as the minutes have it
    kept: ExtractedItem | None
    new_people: tuple[str, ...] = ()  # owners the user said are new people


SKIPPED_IN_REVIEW = "skipped in review"  # the reason of a skipped item, as stored


def decisions(
    item_ids: Sequence[int], reviewed: Sequence[Reviewed]
) -> list[tuple[int, str, dict[str, object]]]:
    """The review's decisions in the items' history: "dropped" for a skipped item, "reviewed"
    with the old and new values for a corrected one (an import again keeps both, as it keeps
    an edit)."""
    out: list[tuple[int, str, dict[str, object]]] = []
    for item_id, r in zip(item_ids, reviewed, strict=True):
        if r.kept is None:
            out.append((item_id, "dropped", {"reason": SKIPPED_IN_REVIEW}))
            continue
        changes: dict[str, object] = {}
        for name, old, new in (
            ("text", r.item.text, r.kept.text),
            ("owners", [o.name for o in r.item.owners], [o.name for o in r.kept.owners]),
            (
                "due",
                r.item.due.isoformat() if r.item.due else None,
                r.kept.due.isoformat() if r.kept.due else None,
            ),
        ):
            if old != new:
                changes[name] = [old, new]
        if changes:
            out.append((item_id, "reviewed", changes))
    return out
