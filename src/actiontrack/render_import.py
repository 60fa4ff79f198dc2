"""What `track import` says: per document what was stored, what an update changes, and a summary."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from actiontrack.usecases.documents import ImportResult
    from actiontrack.usecases.versions import Update


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _value(field: str, value: object) -> str:
    if value is None or value == []:
        return "none"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _change(field: str, old: object, new: object) -> str:
    return f"{field}: {_value(field, old)} -> {_value(field, new)}"


def update_lines(update: Update) -> list[str]:
    """The changes an update makes, one line each, for review and for the report."""
    lines = []
    if update.date:
        old, new = update.date
        lines.append(f"  date: {old.isoformat() if old else 'none'} -> {new.isoformat() if new else 'none'}")
    for change in update.changed:
        what = "; ".join(_change(f, o, n) for f, (o, n) in change.changes.items())
        lines.append(f"  changed #{change.item.id}: {what}")
    for extracted in update.added:
        lines.append(f"  added: {extracted.text}")
    for item in update.gone:
        lines.append(f"  gone #{item.id}: {item.text}")
    for item, why in update.kept:
        lines.append(f"  kept as it is #{item.id} ({why}): {item.text}")
    return lines


def result_line(result: ImportResult) -> str:
    m = result.meeting
    when = m.date.isoformat() if m.date else "no date"
    if result.skipped:
        return f"{result.document}: already imported as meeting #{m.id} ({m.group} {when}); nothing added."
    people = f", {_count(len(result.new_people), 'new person', 'new people')}" if result.new_people else ""
    if result.update is not None:
        u = result.update
        counts = (f"{len(u.changed)} changed, {len(u.added)} added, {len(u.gone)} gone"
                  + (f", {len(u.kept)} kept as they are" if u.kept else ""))  # fmt: skip
        return f"{result.document}: updated meeting #{m.id} {m.group} {when}: items {counts}{people}."
    return f"{result.document}: meeting #{m.id} {m.group} {when}, {_count(len(result.items), 'item', 'items')}{people}."


def summary_line(actions: Sequence[str]) -> str:
    """ "2 imported, 1 updated, 1 skipped (already imported), 1 failed." """
    counted = Counter(actions)
    words = {"imported": "imported", "updated": "updated", "skipped": "skipped (already imported)",
             "not applied": "not applied", "failed": "failed"}  # fmt: skip
    return ", ".join(f"{counted[a]} {w}" for a, w in words.items() if counted[a]) + "."


def update_dict(update: Update | None) -> dict[str, Any] | None:
    if update is None:
        return None
    return {
        "date": [d.isoformat() if d else None for d in update.date] if update.date else None,
        "changed": [{"id": c.item.id, "changes": c.changes} for c in update.changed],
        "added": [e.text for e in update.added],
        "gone": [i.id for i in update.gone],
        "kept": [{"id": i.id, "why": why} for i, why in update.kept],
    }
