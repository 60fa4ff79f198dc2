"""Reading a JSON export back (`track import --from-json`): a database moved or restored."""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING, Any

from actiontrack.errors import DocumentError
from actiontrack.i18n import _
from actiontrack.models import Kind, Owner, OwnerKind, Status
from actiontrack.records import record
from actiontrack.storage.sql import iso

if TYPE_CHECKING:
    from actiontrack.storage.writes import Writes


def _date(value: Any) -> date | None:
    return date.fromisoformat(value) if value else None


@record
class RestoreResult:
    people: int = 0
    meetings: int = 0
    items: int = 0
    skipped_items: int = 0


def restore_json(repo: Writes, text: str, *, now: str) -> RestoreResult:
    """Read an export back: people, meetings, schedules and items with their history.

    Safe to repeat: people are matched by name, meetings by their source document (or
    group, date and title), items by text and creation time; what exists is not added twice.
    """
    data = _export_data(text)
    result = RestoreResult()
    for p in data.get("people", []):
        if repo.person_by_name(p["name"]) is None:
            person = repo.add_person(p["name"], p.get("organisation"), now)
            result.people += 1
        else:
            person = repo.person_by_name(p["name"])  # type: ignore[assignment]
        for alias in p.get("aliases", []):
            repo.add_alias(person.id, alias)  # type: ignore[arg-type]
    for g in data.get("groups", []):
        for s in g.get("schedule", []):
            group_id = repo.get_or_create_group(g["name"], now).id
            repo.add_schedule(group_id, [(date.fromisoformat(s["date"]).isoformat(), s.get("place"))], None)
    meeting_ids = _restore_meetings(repo, data.get("meetings", []), result, now=now)
    for it in data.get("items", []):
        if repo.find_item(it["text"], it.get("created_at")) is None:
            _restore_item(repo, it, meeting_ids, now=now)
            result.items += 1
        else:
            result.skipped_items += 1
    return result


def _export_data(text: str) -> dict[str, Any]:
    """The export's data, checked: made by `track export`, of a version this one reads."""
    from actiontrack.export import FORMAT, VERSION
    from actiontrack.export.check import check_export, without_nul

    try:
        data = json.loads(text)
    except ValueError as e:
        raise DocumentError(_("This is not an actiontrack JSON export: {reason}.").format(reason=e)) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise DocumentError(
            _("This is not an actiontrack JSON export (made by `track export --format json`).")
        )
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise DocumentError(
            _(
                "This export has no version actiontrack knows ({version}); it was not made by track export."
            ).format(version=repr(version))
        )
    if version > VERSION:
        raise DocumentError(_("This export was made by a newer actiontrack; upgrade actiontrack to read it."))
    check_export(data)
    return without_nul(data)  # type: ignore[no-any-return]


def _restore_meetings(
    repo: Writes, meetings: list[dict[str, Any]], result: RestoreResult, *, now: str
) -> dict[int, int]:
    """The export's meetings, added unless there; the export's meeting ids -> the database's."""
    meeting_ids: dict[int, int] = {}
    existing = repo.list_meetings()
    for m in meetings:
        found = next(
            (
                e
                for e in existing
                if (m.get("source_hash") and e.source_hash == m["source_hash"])
                or (
                    not m.get("source_hash")
                    and e.group == m["group"]
                    and iso(e.date) == m["date"]
                    and e.title == m["title"]
                )
            ),
            None,
        )
        if found is None:
            found = repo.create_meeting(
                m["group"],
                now=now,
                date_=_date(m["date"]),
                title=m.get("title"),
                place=m.get("place"),
                secretary=m.get("secretary"),
                source_path=m.get("source"),
                source_hash=m.get("source_hash"),
                next_meeting=_date(m.get("next_meeting")),
            )
            result.meetings += 1
            if m.get("time"):
                repo.update_meeting(found.id, time=m["time"])
            for a in m.get("attendees", []):
                person = repo.person_by_name(a["name"]) or repo.add_person(a["name"], None, now)
                repo.add_attendance(found.id, [(person.id, bool(a.get("present", True)))])  # type: ignore[list-item]
        meeting_ids[m["id"]] = found.id
    return meeting_ids


def _restore_item(repo: Writes, it: dict[str, Any], meeting_ids: dict[int, int], *, now: str) -> None:
    owners = []
    for o in it.get("owners_detail") or [{"name": n, "kind": "person"} for n in it.get("owners", [])]:
        if o["kind"] in (OwnerKind.ORGANISATION.value, OwnerKind.UNRESOLVED.value):
            owners.append(Owner(o["name"], OwnerKind(o["kind"])))
        else:
            person = repo.person_by_name(o["name"]) or repo.add_person(o["name"], None, now)
            owners.append(Owner(person.name, OwnerKind.PERSON, person.id))
    origin = it.get("meeting") or {}
    # the group whose agenda follows it (an export made before items had one: its meeting's)
    group = repo.get_or_create_group(it["group"], now) if it.get("group") else None
    item_id = repo.add_item(
        kind=Kind(it["kind"]),
        text=it["text"],
        owners=owners,
        due=_date(it.get("due")),
        meeting_id=meeting_ids.get(origin.get("id") or -1) if origin else None,
        now=it.get("created_at") or now,
        source=it.get("source"),
        line=it.get("line"),
        topic=it.get("topic"),
        confidence=it.get("confidence"),
        group_id=group.id if group else None,
    )
    repo.update_item(
        item_id,
        status=Status(it.get("status", "open")),
        updated_at=it.get("updated_at") or now,
        closed_at=it.get("closed_at"),
    )
    for h in it.get("history", []):
        repo.add_history(
            item_id, h["action"], h.get("detail") or {}, h["at"], meeting_ids.get(h.get("meeting_id"))
        )
