"""Getting items out of actiontrack and back in.

- CSV that Excel opens with å, ä and ö intact (UTF-8 with a byte order mark);
- JSON with every field and the history, which `track import --from-json` reads
  back, so a database can be moved or restored;
- the Excel workbook is export_sheet.py, the iCalendar file export_calendar.py.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from actiontrack.errors import DocumentError
from actiontrack.i18n import _
from actiontrack.models import Item, Kind, Meeting, Owner, OwnerKind, Person, ScheduledMeeting, Status
from actiontrack.records import record
from actiontrack.render import history_dict, item_dict, items_csv

if TYPE_CHECKING:
    from actiontrack.storage.reads import Reads
    from actiontrack.storage.writes import Writes

FORMAT = "actiontrack-export"
VERSION = 1


def excel_csv(items: Sequence[Item], *, delimiter: str = ",", swedish: bool = False) -> bytes:
    """CSV as Excel expects it: UTF-8 with BOM, CRLF line ends. Swedish Excel wants `;` and reads
    the file as Swedish (see render.items_csv)."""
    text = items_csv(items, delimiter=delimiter, swedish=swedish)
    return ("\ufeff" + text.replace("\n", "\r\n")).encode("utf-8")


# --- JSON dump and restore ------------------------------------------------------------------------


@record(frozen=True)
class Snapshot:
    people: list[Person]
    meetings: list[Meeting]
    attendance: dict[int, list[tuple[Person, bool]]]
    schedules: dict[str, list[ScheduledMeeting]]
    items: list[Item]


def snapshot(repo: Reads, items: Sequence[Item]) -> Snapshot:
    # in the order they were made, so that a restore into an empty database keeps the ids
    meetings = sorted(repo.list_meetings(), key=lambda m: m.id)
    groups = sorted({m.group for m in meetings})
    return Snapshot(
        people=repo.list_people(),
        meetings=meetings,
        attendance={m.id: repo.attendance(m.id) for m in meetings},
        schedules={g: repo.schedule(g) for g in groups},
        items=[repo.get_item(i.id) for i in sorted(items, key=lambda i: i.id)],
    )


def dump_json(snap: Snapshot, exported_at: str) -> str:
    def owners(item: Item) -> list[dict[str, str]]:
        return [{"name": o.name, "kind": o.kind.value} for o in item.owners]

    data = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": exported_at,
        "people": [
            {"id": p.id, "name": p.name, "organisation": p.organisation, "aliases": list(p.aliases)}
            for p in snap.people
        ],
        "groups": [
            {"name": g, "schedule": [{"date": s.date.isoformat(), "place": s.place} for s in sched]}
            for g, sched in snap.schedules.items()
        ],
        "meetings": [
            {
                "id": m.id,
                "group": m.group,
                "date": _iso(m.date),
                "title": m.title,
                "place": m.place,
                "secretary": m.secretary,
                "source": m.source_path,
                "source_hash": m.source_hash,
                "next_meeting": _iso(m.next_meeting),
                "time": m.time,
                "attendees": [
                    {"name": p.name, "present": present} for p, present in snap.attendance.get(m.id, [])
                ],
            }
            for m in snap.meetings
        ],  # fmt: skip
        "items": [
            {**item_dict(i), "owners_detail": owners(i), "history": [history_dict(h) for h in i.history]}
            for i in snap.items
        ],  # fmt: skip
    }
    return json.dumps(data, ensure_ascii=False, indent=1)


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


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
    try:
        data = json.loads(text)
    except ValueError as e:
        raise DocumentError(_("This is not an actiontrack JSON export: {reason}.").format(reason=e)) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise DocumentError(_("This is not an actiontrack JSON export (made by `track export --format json`)."))
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise DocumentError(_("This export has no version actiontrack knows ({version}); it was not made by track export.").format(version=repr(version)))
    if version > VERSION:
        raise DocumentError(_("This export was made by a newer actiontrack; upgrade actiontrack to read it."))
    from actiontrack.export_check import check_export, without_nul

    check_export(data)
    data = without_nul(data)
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
    meeting_ids: dict[int, int] = {}
    existing = repo.list_meetings()
    for m in data.get("meetings", []):
        found = next(
            (e for e in existing if (m.get("source_hash") and e.source_hash == m["source_hash"])
             or (not m.get("source_hash") and e.group == m["group"] and _iso(e.date) == m["date"] and e.title == m["title"])),
            None,
        )  # fmt: skip
        if found is None:
            found = repo.create_meeting(
                m["group"], now=now, date_=_date(m["date"]), title=m.get("title"), place=m.get("place"),
                secretary=m.get("secretary"), source_path=m.get("source"), source_hash=m.get("source_hash"),
                next_meeting=_date(m.get("next_meeting")),
            )  # fmt: skip
            result.meetings += 1
            if m.get("time"):
                repo.update_meeting(found.id, time=m["time"])
            for a in m.get("attendees", []):
                person = repo.person_by_name(a["name"]) or repo.add_person(a["name"], None, now)
                repo.add_attendance(found.id, [(person.id, bool(a.get("present", True)))])  # type: ignore[list-item]
        meeting_ids[m["id"]] = found.id
    for it in data.get("items", []):
        if repo.find_item(it["text"], it.get("created_at")) is not None:
            result.skipped_items += 1
            continue
        owners = []
        for o in it.get("owners_detail") or [{"name": n, "kind": "person"} for n in it.get("owners", [])]:
            if o["kind"] == OwnerKind.ORGANISATION.value:
                owners.append(Owner(o["name"], OwnerKind.ORGANISATION))
            else:
                person = repo.person_by_name(o["name"]) or repo.add_person(o["name"], None, now)
                owners.append(Owner(person.name, OwnerKind.PERSON, person.id))
        origin = it.get("meeting") or {}
        item_id = repo.add_item(
            kind=Kind(it["kind"]), text=it["text"], owners=owners, due=_date(it.get("due")),
            meeting_id=meeting_ids.get(origin.get("id") or -1) if origin else None, now=it.get("created_at") or now,
            source=it.get("source"), line=it.get("line"), topic=it.get("topic"), confidence=it.get("confidence"),
        )  # fmt: skip
        repo.update_item(
            item_id, status=Status(it.get("status", "open")), updated_at=it.get("updated_at") or now,
            closed_at=it.get("closed_at"),
        )  # fmt: skip
        for h in it.get("history", []):
            repo.add_history(
                item_id, h["action"], h.get("detail") or {}, h["at"], meeting_ids.get(h.get("meeting_id"))
            )
        result.items += 1
    return result
