"""Reading a JSON export back (`track import --from-json`): a database moved or restored."""

from __future__ import annotations

import json
from datetime import date
from typing import IO, TYPE_CHECKING, Any

from actiontrack.errors import DocumentError
from actiontrack.i18n import _
from actiontrack.models import Kind, Owner, OwnerKind, Person, Status
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
    """Read an export given as text back (see restore_export)."""
    import io

    stream = io.StringIO(text)
    return restore_export(repo, check_export_stream(stream), stream, now=now)


@record
class CheckedExport:
    """What the first reading of an export found: everything but the items, which are read
    again, one at a time, as they are written."""

    people: list[dict[str, Any]]
    groups: list[dict[str, Any]]
    meetings: list[dict[str, Any]]
    items: int


def check_export_stream(stream: IO[str]) -> CheckedExport:
    """The export read through once and checked, before anything is written: made by `track
    export`, of a version this one reads, every entry of the shape an export has. DocumentError
    with a sentence naming the place otherwise."""
    from actiontrack.export import FORMAT, VERSION
    from actiontrack.export.check import check_entry, check_part
    from actiontrack.export.reader import LISTS, entries

    seen: dict[str, Any] = {}
    lists: dict[str, list[dict[str, Any]]] = {"people": [], "groups": [], "meetings": []}
    counts = dict.fromkeys(LISTS, 0)
    not_export = _("This is not an actiontrack JSON export (made by `track export --format json`).")
    for key, value, is_entry in entries(stream):
        if is_entry:
            counts[key] += 1
            check_entry(key, counts[key], value)
            if key in lists:
                lists[key].append(value)
            continue
        seen[key] = value
        if key == "format" and value != FORMAT:
            raise DocumentError(not_export)
        if key == "version":
            _check_version(value, VERSION)
        if key in LISTS:
            check_part(key, value)  # a list's place holds something else ("people": "Leif")
    if seen.get("format") != FORMAT:
        raise DocumentError(not_export)
    _check_version(seen.get("version"), VERSION)
    return CheckedExport(lists["people"], lists["groups"], lists["meetings"], counts["items"])


def _check_version(version: Any, newest: int) -> None:
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise DocumentError(
            _(
                "This export has no version actiontrack knows ({version}); it was not made by track export."
            ).format(version=repr(version))
        )
    if version > newest:
        raise DocumentError(_("This export was made by a newer actiontrack; upgrade actiontrack to read it."))


ITEMS_AT_ONCE = 500  # items written in one set of multi-row statements


def restore_export(repo: Writes, checked: CheckedExport, stream: IO[str], *, now: str) -> RestoreResult:
    """Read an export back: people, meetings, schedules and items with their history.

    `stream` is read again from its start for the items, a few hundred at a time, so an
    export of any size is restored in the memory of a few hundred items. Safe to repeat:
    people are matched by name, meetings by their source document (or group, date and
    title), items by text and creation time; what exists is not added twice.
    """
    from actiontrack.export.reader import entries

    result = RestoreResult()
    people = _People(repo, now)
    for p in checked.people:
        if repo.person_by_name(p["name"]) is None:
            person = people.add(p["name"], p.get("organisation"))
            result.people += 1
        else:
            person = people.get(p["name"])
        for alias in p.get("aliases") or []:
            repo.add_alias(person.id, alias)  # type: ignore[arg-type]
    for g in checked.groups:
        for s in g.get("schedule") or []:
            group_id = repo.get_or_create_group(g["name"], now).id
            repo.add_schedule(group_id, [(date.fromisoformat(s["date"]).isoformat(), s.get("place"))], None)
    meeting_ids = _restore_meetings(repo, checked.meetings, result, people, now=now)
    known = repo.item_keys()
    batch: list[dict[str, Any]] = []
    stream.seek(0)
    for key, value, is_entry in entries(stream):
        if key != "items" or not is_entry:
            continue
        it = value
        if (it["text"], it.get("created_at")) in known or (not it.get("created_at") and it["text"] in known):
            result.skipped_items += 1
            continue
        known.update({(it["text"], it.get("created_at")), it["text"]})
        batch.append(it)
        if len(batch) == ITEMS_AT_ONCE:
            _restore_items(repo, batch, meeting_ids, people, now=now)
            result.items += len(batch)
            batch = []
    _restore_items(repo, batch, meeting_ids, people, now=now)
    result.items += len(batch)
    return result


class _People:
    """People by name, each looked up once: thousands of items name the same few owners."""

    def __init__(self, repo: Writes, now: str) -> None:
        self.repo, self.now = repo, now
        self.by_name: dict[str, Person] = {}

    def get(self, name: str) -> Person:
        if name not in self.by_name:
            self.by_name[name] = self.repo.person_by_name(name) or self.add(name, None)
        return self.by_name[name]

    def add(self, name: str, organisation: str | None) -> Person:
        person = self.repo.add_person(name, organisation, self.now)
        self.by_name[name] = person
        return person


def _restore_meetings(
    repo: Writes, meetings: list[dict[str, Any]], result: RestoreResult, people: _People, *, now: str
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
            for a in m.get("attendees") or []:
                person = people.get(a["name"])
                repo.add_attendance(found.id, [(person.id, bool(a.get("present", True)))])  # type: ignore[list-item]
        meeting_ids[m["id"]] = found.id
    return meeting_ids


def _restore_items(
    repo: Writes, items: list[dict[str, Any]], meeting_ids: dict[int, int], people: _People, *, now: str
) -> None:
    """Items with their owners and history, each table in a multi-row statement or a few."""
    from actiontrack.storage.writes import item_row

    rows = []
    groups: dict[str, int] = {}
    for it in items:
        origin = it.get("meeting") or {}
        meeting_id = meeting_ids.get(origin.get("id") or -1) if origin else None
        # the group whose agenda follows it (an export made before items had one: its meeting's)
        group_id = _group_id(repo, it["group"], groups, now) if it.get("group") else None
        if group_id is None and meeting_id is not None:
            group_id = repo.group_of_meeting(meeting_id)
        row = item_row(
            kind=Kind(it["kind"]),
            text=it["text"],
            due=_date(it.get("due")),
            meeting_id=meeting_id,
            now=it.get("created_at") or now,
            source=it.get("source"),
            line=it.get("line"),
            topic=it.get("topic"),
            confidence=it.get("confidence"),
            group_id=group_id,
        )
        row.update(
            status=Status(it.get("status") or "open").value,
            updated_at=it.get("updated_at") or now,
            closed_at=it.get("closed_at"),
        )
        rows.append(row)
    ids = repo.insert("items", rows)
    owned = []
    history = []
    for item_id, it in zip(ids, items, strict=True):
        owners = []
        for o in it.get("owners_detail") or [{"name": n, "kind": "person"} for n in it.get("owners") or []]:
            if o["kind"] in (OwnerKind.ORGANISATION.value, OwnerKind.UNRESOLVED.value):
                owners.append(Owner(o["name"], OwnerKind(o["kind"])))
            else:
                person = people.get(o["name"])
                owners.append(Owner(person.name, OwnerKind.PERSON, person.id))
        owned.append((item_id, owners))
        for h in it.get("history") or []:
            history.append(
                {
                    "item_id": item_id,
                    "at": h["at"],
                    "action": h["action"],
                    "detail": json.dumps(h.get("detail") or {}, ensure_ascii=False, default=str),
                    "meeting_id": meeting_ids.get(h.get("meeting_id")),
                }
            )
    repo.insert_owners(owned)
    repo.insert("item_history", history)


def _group_id(repo: Writes, name: str, groups: dict[str, int], now: str) -> int:
    if name not in groups:
        groups[name] = repo.get_or_create_group(name, now).id
    return groups[name]
