"""Every read query, in plain SQL with named parameters, and nothing else imported.

Run on the standard library's sqlite3 on SQLite, so the read-only commands (`open`,
`agenda`, `show`, `digest`, ...) pay for neither SQLAlchemy nor pydantic at start-up, and
through SQLAlchemy on PostgreSQL (storage/__init__.py). `:name` parameters mean the same
to sqlite3 and to SQLAlchemy's text().
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from actiontrack.errors import NotFoundError
from actiontrack.i18n import _
from actiontrack.models import (
    HistoryEntry,
    Item,
    Kind,
    Meeting,
    MeetingRef,
    Owner,
    OwnerKind,
    Person,
    ScheduledMeeting,
    Status,
)
from actiontrack.records import record
from actiontrack.storage.import_reads import ImportReads
from actiontrack.storage.journal import summarise
from actiontrack.storage.sql import IN_LIST, chunks, day, in_list

TYPE_CHECKING = False  # typing costs a command's start 3-4 ms
if TYPE_CHECKING:
    from typing import Any

_ITEM_COLUMNS = (
    "i.id, i.kind, i.text, i.status, i.due, i.meeting_id, i.source, i.line, i.topic, i.confidence, "
    "i.created_at, i.updated_at, i.closed_at, i.group_id"
)


@record(frozen=True)
class GroupRef:
    id: int
    name: str
    place: str | None = None


class Reads(ImportReads):
    """The read side of the store, over any `run(sql, params) -> rows`."""

    # --- groups, meetings, settings -------------------------------------------------------

    def groups(self) -> list[GroupRef]:
        return [
            GroupRef(r[0], r[1], r[2])
            for r in self.run("SELECT id, name, place FROM groups ORDER BY name", {})
        ]

    def find_group(self, name: str) -> GroupRef | None:
        """A group by name, case- and space-insensitively (Python's casefold knows å, ä, ö)."""
        spaced = " ".join(name.split())
        key = spaced.casefold()
        # As typed (or in a usual case) through the unique index first: a shared database has
        # thousands of groups, and the agenda asks twice. Any other case reads them all.
        cased = {spaced, spaced.lower(), spaced[:1].upper() + spaced[1:], spaced.title()}
        names_sql, params = in_list("g", sorted(cased))
        rows = self.run(f"SELECT id, name, place FROM groups WHERE name IN {names_sql} ORDER BY name", params)
        found = next((GroupRef(r[0], r[1], r[2]) for r in rows if r[1].casefold() == key), None)
        return found or next((g for g in self.groups() if g.name.casefold() == key), None)

    def groups_at_most(self, n: int) -> list[GroupRef]:
        """The first n groups by name: whether there are none, one or several, without reading a
        shared database's thousands."""
        rows = self.run("SELECT id, name, place FROM groups ORDER BY name LIMIT :n", {"n": n})
        return [GroupRef(r[0], r[1], r[2]) for r in rows]

    def last_held(self, today: date) -> Meeting | None:
        """The meeting last held on or before a day, of any group, through the index on dates."""
        rows = self.run(
            "SELECT id FROM meetings WHERE date IS NOT NULL AND date <= :d ORDER BY date DESC, id DESC LIMIT 1",
            {"d": today.isoformat()},
        )
        return self.get_meeting(rows[0][0]) if rows else None

    def group_names(self) -> list[str]:
        return [g.name for g in self.groups()]

    def list_meetings(self, group: str | None = None, meeting_id: int | None = None) -> list[Meeting]:
        sql = (
            "SELECT m.id, g.name, m.date, m.title, m.place, m.secretary, m.source_path, m.source_hash, "
            "m.next_meeting, (SELECT count(*) FROM items i WHERE i.meeting_id = m.id), m.time, "
            "m.next_time, m.next_place "
            "FROM meetings m JOIN groups g ON g.id = m.group_id"
        )
        where, params = [], {}
        if meeting_id is not None:
            where.append("m.id = :meeting_id")
            params["meeting_id"] = meeting_id
        if group is not None:
            found = self.find_group(group)
            if found is None:
                return []
            where.append("m.group_id = :group_id")
            params["group_id"] = found.id
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += (
            " ORDER BY CASE WHEN m.date IS NULL THEN 0 ELSE 1 END, m.date, m.id"  # undated first, everywhere
        )
        return [
            Meeting(
                r[0], r[1], day(r[2]), r[3], r[4], r[5], r[6], r[7], day(r[8]), r[9] or 0, r[10], r[11], r[12]
            )
            for r in self.run(sql, params)
        ]

    def get_meeting(self, meeting_id: int) -> Meeting:
        found = self.list_meetings(meeting_id=meeting_id)
        if not found:
            raise NotFoundError(
                _("There is no meeting {id}; `track meeting list` shows them.").format(id=meeting_id)
            )
        return found[0]

    def meeting_by_hash(self, source_hash: str) -> Meeting | None:
        rows = self.run("SELECT id FROM meetings WHERE source_hash = :h", {"h": source_hash})
        return self.get_meeting(rows[0][0]) if rows else None

    def schedule(self, group: str) -> list[ScheduledMeeting]:
        found = self.find_group(group)
        if found is None:
            return []
        rows = self.run(
            "SELECT date, place FROM scheduled_meetings WHERE group_id = :g ORDER BY date", {"g": found.id}
        )
        return [ScheduledMeeting(day(r[0]), r[1]) for r in rows]  # type: ignore[arg-type]

    def changes(self, limit: int) -> list[tuple[int, str, str, str, str | None, str]]:
        """The last recorded write commands, newest first: (id, at, label, summary, undone_at, user)."""
        rows = self.run(
            "SELECT min(id), min(at), min(label), min(summary), min(undone_at), count(*), min(run_by) "
            "FROM changes GROUP BY command_id ORDER BY min(id) DESC LIMIT :limit",
            {"limit": limit},
        )
        return [(r[0], r[1], r[2], r[3] if r[5] == 1 else self._summary(r[0]), r[4], r[6]) for r in rows]

    def _summary(self, first_id: int) -> str:
        """What a command of several transactions (an import of many files) changed, in all."""
        rows = self.run(
            "SELECT detail FROM changes WHERE command_id = (SELECT command_id FROM changes WHERE id = :i)",
            {"i": first_id},
        )
        return summarise([json.loads(r[0]) for r in rows])

    def get_setting(self, key: str) -> str | None:
        rows = self.run("SELECT value FROM settings WHERE key = :k", {"k": key})
        return rows[0][0] if rows else None

    def attendance(self, meeting_id: int) -> list[tuple[Person, bool]]:
        rows = self.run(
            "SELECT p.id, p.name, p.organisation, a.present FROM meeting_attendees a "
            "JOIN people p ON p.id = a.person_id WHERE a.meeting_id = :m ORDER BY p.name",
            {"m": meeting_id},
        )
        return [(Person(r[0], r[1], r[2]), bool(r[3])) for r in rows]

    def meetings_of(self, person_id: int) -> list[tuple[Meeting, bool]]:
        """The meetings a person is listed at, and whether they were there."""
        rows = self.run(
            "SELECT meeting_id, present FROM meeting_attendees WHERE person_id = :p", {"p": person_id}
        )
        present = {r[0]: bool(r[1]) for r in rows}
        return [(m, present[m.id]) for m in self.list_meetings() if m.id in present]

    # every stored text, for `person export` and `person forget`, which read them all

    def item_texts(self) -> list[tuple[int, int | None, str, str | None, str | None]]:
        rows = self.run("SELECT id, meeting_id, text, source, topic FROM items ORDER BY id", {})
        return [(r[0], r[1], r[2], r[3], r[4]) for r in rows]

    def history_details(self) -> list[tuple[int, int, str]]:
        rows = self.run("SELECT id, item_id, detail FROM item_history ORDER BY id", {})
        return [(r[0], r[1], r[2]) for r in rows]

    def organisation_owners(self) -> list[tuple[int, int, str]]:
        rows = self.run(
            "SELECT id, item_id, organisation FROM item_owners WHERE organisation IS NOT NULL ORDER BY id", {}
        )
        return [(r[0], r[1], r[2]) for r in rows]

    def scheduled_places(self) -> list[tuple[int, str]]:
        rows = self.run("SELECT id, place FROM scheduled_meetings WHERE place IS NOT NULL ORDER BY id", {})
        return [(r[0], r[1]) for r in rows]

    # --- items ------------------------------------------------------------------------------------

    def query_items(
        self,
        *,
        statuses: Sequence[Status] = (Status.OPEN,),
        person_ids: Sequence[int] | None = None,
        organisation: str | None = None,
        group: str | None = None,
        meeting_id: int | None = None,
        due_before: date | None = None,
        kinds: Sequence[Kind] | None = None,
        closed_since: str | None = None,
    ) -> list[Item]:
        status_sql, params = in_list("s", [s.value for s in statuses])
        where = [f"i.status IN {status_sql}"]
        if person_ids is not None or organisation is not None:
            owned = []
            if person_ids:
                ids_sql, ids = in_list("p", person_ids)
                owned.append(f"o.person_id IN {ids_sql}")
                params.update(ids)
            if organisation:
                names = self._organisations_named(organisation)
                names_sql, org_params = in_list("org", names)
                owned.append(f"o.organisation IN {names_sql}")
                params.update(org_params)
            if not owned:
                return []
            where.append(f"i.id IN (SELECT o.item_id FROM item_owners o WHERE {' OR '.join(owned)})")
        if group is not None:
            found = self.find_group(group)
            if found is None:
                return []
            where.append("i.group_id = :group_id")  # items of its meetings and those added between them
            params["group_id"] = found.id
        if meeting_id is not None:
            where.append("i.meeting_id = :meeting_id")
            params["meeting_id"] = meeting_id
        if due_before is not None:
            where.append("i.due IS NOT NULL AND i.due < :due_before")
            params["due_before"] = due_before.isoformat()
        if kinds is not None:
            kinds_sql, kind_params = in_list("k", [k.value for k in kinds])
            where.append(f"i.kind IN {kinds_sql}")
            params.update(kind_params)
        if closed_since is not None:
            where.append("i.closed_at >= :closed_since")
            params["closed_since"] = closed_since
        # Sorted here, not by ORDER BY i.id: that made SQLite walk the status index in id order
        # (every done item of every group) rather than seek each of the group's meetings.
        sql = f"SELECT {_ITEM_COLUMNS} FROM items i WHERE {' AND '.join(where)}"
        rows = sorted(self.run(sql, params), key=lambda r: r[0])
        return self._items(rows)

    def unresolved_owners(self) -> list[tuple[int, str]]:
        """(item id, name as written) of the open items' owners nobody known is called yet."""
        rows = self.run(
            "SELECT o.item_id, o.organisation FROM item_owners o JOIN items i ON i.id = o.item_id "
            "WHERE o.unresolved AND i.status = 'open' ORDER BY o.item_id, o.position",
            {},
        )
        return [(r[0], r[1]) for r in rows]

    def organisation_known(self, name: str) -> bool:
        """Whether some item is owned by an organisation of this name (in any case)."""
        return bool(self._organisations_named(name))

    def _organisations_named(self, name: str) -> list[str]:
        key = name.casefold()
        # The distinct names one index seek each, not every organisation-owned item.
        rows = self.run(
            "WITH RECURSIVE orgs(name) AS (SELECT min(organisation) FROM item_owners UNION ALL "
            "SELECT (SELECT min(organisation) FROM item_owners WHERE organisation > orgs.name) "
            "FROM orgs WHERE orgs.name IS NOT NULL) SELECT name FROM orgs WHERE name IS NOT NULL",
            {},
        )
        return [r[0] for r in rows if r[0].casefold() == key]

    def get_item(self, item_id: int, with_history: bool = True) -> Item:
        rows = self.run(f"SELECT {_ITEM_COLUMNS} FROM items i WHERE i.id = :id", {"id": item_id})
        if not rows:
            raise NotFoundError(
                _("There is no item {id}; `track open` lists the open ones.").format(id=item_id)
            )
        item = self._items(rows)[0]
        if not with_history:
            return item
        history = self.run(
            "SELECT at, action, detail, meeting_id FROM item_history WHERE item_id = :id ORDER BY id",
            {"id": item_id},
        )
        entries = tuple(HistoryEntry(h[0], h[1], json.loads(h[2]), h[3]) for h in history)
        return Item(**{**item.__dict__, "history": entries})

    def histories(self, item_ids: Sequence[int]) -> dict[int, tuple[HistoryEntry, ...]]:
        """The history of each of many items, read a few thousand items at a time (an export
        of every item asked one item at a time took most of its time in the round trips)."""
        found: dict[int, list[HistoryEntry]] = defaultdict(list)
        for chunk in chunks(list(item_ids), IN_LIST):
            ids_sql, params = in_list("i", chunk)
            for item_id, at, action, detail, meeting_id in self.run(
                f"SELECT item_id, at, action, detail, meeting_id FROM item_history WHERE item_id IN {ids_sql} "
                "ORDER BY id",
                params,
            ):
                found[item_id].append(HistoryEntry(at, action, json.loads(detail), meeting_id))
        return {item_id: tuple(entries) for item_id, entries in found.items()}

    def _items(self, rows: Sequence[Sequence[Any]]) -> list[Item]:
        if not rows:
            return []
        owners: dict[int, list[Owner]] = defaultdict(list)
        for chunk in chunks([r[0] for r in rows], IN_LIST):
            ids_sql, params = in_list("i", chunk)
            for item_id, person_id, organisation, name, unresolved in self.run(
                "SELECT o.item_id, o.person_id, o.organisation, p.name, o.unresolved FROM item_owners o "
                f"LEFT JOIN people p ON p.id = o.person_id WHERE o.item_id IN {ids_sql} "
                "ORDER BY o.item_id, o.position",
                params,
            ):
                if person_id is not None:
                    owners[item_id].append(Owner(name, OwnerKind.PERSON, person_id))
                elif unresolved:
                    owners[item_id].append(Owner(organisation or "", OwnerKind.UNRESOLVED))
                else:
                    owners[item_id].append(Owner(organisation or "", OwnerKind.ORGANISATION))
        meetings = self._meeting_refs({r[5] for r in rows if r[5] is not None})
        groups = self._group_names({r[13] for r in rows if r[13] is not None})
        return [
            Item(
                id=r[0],
                kind=Kind(r[1]),
                text=r[2],
                status=Status(r[3]),
                owners=tuple(owners.get(r[0], ())),
                due=day(r[4]),
                meeting=meetings.get(r[5]) if r[5] is not None else None,
                source=r[6],
                line=r[7],
                topic=r[8],
                confidence=r[9],
                created_at=r[10],
                updated_at=r[11],
                closed_at=r[12],
                group=groups.get(r[13]),
            )
            for r in rows
        ]

    def _group_names(self, ids: set[int]) -> dict[int, str]:
        names: dict[int, str] = {}
        for chunk in chunks(sorted(ids), IN_LIST):
            ids_sql, params = in_list("g", chunk)
            names.update(
                (r[0], r[1]) for r in self.run(f"SELECT id, name FROM groups WHERE id IN {ids_sql}", params)
            )
        return names

    def _meeting_refs(self, ids: set[int]) -> dict[int, MeetingRef]:
        refs: dict[int, MeetingRef] = {}
        for chunk in chunks(sorted(ids), IN_LIST):
            ids_sql, params = in_list("m", chunk)
            for r in self.run(
                "SELECT m.id, g.name, m.date, m.title FROM meetings m JOIN groups g ON g.id = m.group_id "
                f"WHERE m.id IN {ids_sql}",
                params,
            ):
                refs[r[0]] = MeetingRef(r[0], r[1], day(r[2]), r[3])
        return refs
