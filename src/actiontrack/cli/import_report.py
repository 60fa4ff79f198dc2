"""What `track import` says: per document what was stored, what an update changes, and a summary."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from actiontrack.i18n import N_, _, ngettext
from actiontrack.render import HISTORY_FIELDS, STATUS_LABELS, label

if TYPE_CHECKING:
    from datetime import date

    from actiontrack.usecases.documents import ImportResult
    from actiontrack.usecases.import_run import Outcome
    from actiontrack.usecases.versions import Update


# why an update leaves an item as it is (versions.py), parts joined with "; "
KEPT_BECAUSE = {
    "edited by hand": N_("edited by hand"),
    "no longer in the minutes": N_("no longer in the minutes"),
    "corrected in review": N_("corrected in review"),
    "skipped in review": N_("skipped in review"),
}


def _value(field: str, value: object) -> str:
    if value is None or value == []:
        return _("none")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _change(field: str, old: object, new: object) -> str:
    return f"{label(HISTORY_FIELDS, field)}: {_value(field, old)} -> {_value(field, new)}"


def update_lines(update: Update) -> list[str]:
    """The changes an update makes, one line each, for review and for the report."""
    lines = []
    if update.date:
        old, new = update.date
        lines.append(
            "  " + _change("date", old.isoformat() if old else None, new.isoformat() if new else None)
        )
    for change in update.changed:
        what = "; ".join(_change(f, o, n) for f, (o, n) in change.changes.items())
        lines.append("  " + _("changed #{id}: {changes}").format(id=change.item.id, changes=what))
    for extracted in update.added:
        lines.append("  " + _("added: {text}").format(text=extracted.text))
    for item in update.gone:
        lines.append("  " + _("gone #{id}: {text}").format(id=item.id, text=item.text))
    for item, why in update.kept:
        why_said = "; ".join(
            label(STATUS_LABELS, part) if part in STATUS_LABELS else _(KEPT_BECAUSE.get(part, part))
            for part in why.split("; ")
        )
        lines.append(
            "  " + _("kept as it is #{id} ({why}): {text}").format(id=item.id, why=why_said, text=item.text)
        )
    return lines


def result_line(result: ImportResult) -> str:
    m = result.meeting
    when = m.date.isoformat() if m.date else _("no date")
    fields = {"document": result.document, "id": m.id, "group": m.group, "date": when}
    if result.skipped:
        return _("{document}: already imported as meeting #{id} ({group} {date}); nothing added.").format(
            **fields
        )
    n = len(result.new_people)
    people = ", " + ngettext("{n} new person", "{n} new people", n).format(n=n) if n else ""
    if result.unresolved:
        people += ", " + ngettext(
            "{n} owner not known yet ({names})", "{n} owners not known yet ({names})", len(result.unresolved)
        ).format(n=len(result.unresolved), names=", ".join(result.unresolved))
    if result.update is not None:
        u = result.update
        counts = _("{changed} changed, {added} added, {gone} gone").format(
            changed=len(u.changed), added=len(u.added), gone=len(u.gone)
        )
        if u.kept:
            counts += ", " + _("{kept} kept as they are").format(kept=len(u.kept))
        return _("{document}: updated meeting #{id} {group} {date}: items {counts}{people}.").format(
            **fields, counts=counts, people=people
        )
    n = len(result.items) - result.skipped_in_review  # the same two messages as the log's counts
    items = (_("{n} item") if n == 1 else _("{n} items")).format(n=n)
    if result.skipped_in_review:
        items += " " + _("({n} skipped in review)").format(n=result.skipped_in_review)
    return _("{document}: meeting #{id} {group} {date}, {items}{people}.").format(
        **fields, items=items, people=people
    )


def summary_line(actions: Sequence[str]) -> str:
    """ "2 imported, 1 updated, 1 skipped (already imported), 1 failed." """
    counted = Counter(actions)
    return ", ".join(_(w).format(n=counted[a]) for a, w in SUMMARY.items() if counted[a]) + "."


# The documents of an import, counted by what became of them
SUMMARY = {
    "imported": N_("{n} imported"),
    "updated": N_("{n} updated"),
    "skipped": N_("{n} skipped (already imported)"),
    "not applied": N_("{n} not applied"),
    "failed": N_("{n} failed"),
}


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


def outcome_dict(outcome: Outcome, today: date) -> dict[str, Any]:
    """One document of `track import --format json`."""
    from actiontrack.render import item_dict, meeting_dict

    if outcome.action == "failed":
        return {"document": outcome.document, "action": "failed", "error": outcome.error}
    result = outcome.result
    if result is None:
        return {"document": outcome.document, "action": outcome.action}
    return {
        "document": result.document,
        "action": result.action,
        "skipped": result.skipped,
        "meeting": meeting_dict(result.meeting),
        "items": [item_dict(i, today) for i in result.items],
        "new_people": result.new_people,
        "unresolved_owners": result.unresolved,
        "warnings": result.warnings,
        "update": update_dict(result.update),
    }
