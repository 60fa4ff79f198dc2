"""Every read query, in plain SQL with named parameters, and nothing else imported.

One implementation, two ways to run it: the read-only commands (`open`, `agenda`,
`show`, `digest`, ...) run it on the standard library's sqlite3, so they pay for
neither SQLAlchemy nor pydantic at start-up (issue 5); the Repository runs the very
same SQL through its SQLAlchemy session (SQLite or PostgreSQL). `:name` parameters
mean the same to sqlite3 and to SQLAlchemy's text().
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from actiontrack.errors import NotFoundError
from actiontrack.i18n import N_, _
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

Run = Callable[[str, Mapping[str, Any]], Sequence[Sequence[Any]]]
CHUNK = 5000  # parameters per IN (...): well under SQLite's and PostgreSQL's limits

_ITEM_COLUMNS = (
    "i.id, i.kind, i.text, i.status, i.due, i.meeting_id, i.source, i.line, i.topic, i.confidence, "
    "i.created_at, i.updated_at, i.closed_at"
)


@record(frozen=True)
class GroupRef:
    id: int
    name: str
    place: str | None = None


def _d(value: Any) -> date | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, date) else date.fromisoformat(value)


def _in(prefix: str, values: Iterable[Any]) -> tuple[str, dict[str, Any]]:
    """ "(:p0, :p1)" and its parameters: a portable IN list."""
    params = {f"{prefix}{n}": v for n, v in enumerate(values)}
    return "(" + ", ".join(f":{k}" for k in params) + ")" if params else "(NULL)", params


def _chunks(values: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


# How the log names a table's rows (one, many), in the order it lists them.
_NOUNS = {
    "groups": (N_("{n} group"), N_("{n} groups")),
    "meetings": (N_("{n} meeting"), N_("{n} meetings")),
    "people": (N_("{n} person"), N_("{n} people")),
    "person_aliases": (N_("{n} alias"), N_("{n} aliases")),
    "items": (N_("{n} item"), N_("{n} items")),
    "scheduled_meetings": (N_("{n} scheduled meeting"), N_("{n} scheduled meetings")),
}


def summarise(transactions: Sequence[Sequence[Mapping[str, Any]]]) -> str:
    """ "added 1 meeting, 4 items; changed 1 item": the journaled row changes of a command
    (storage/journal.py), for the rows a user knows by name, each counted once."""
    parts = []
    for op, verb in (("insert", N_("added {rows}")), ("update", N_("changed {rows}")), ("delete", N_("removed {rows}"))):
        rows: dict[str, set[str]] = {}
        for changes in transactions:
            for change in changes:
                if change["op"] == op and change["table"] in _NOUNS:
                    ident = json.dumps(change.get("key") or change.get("row"), sort_keys=True, default=str)
                    rows.setdefault(change["table"], set()).add(ident)
        named = [
            _(one if len(rows[t]) == 1 else many).format(n=len(rows[t]))
            for t, (one, many) in _NOUNS.items()
            if t in rows
        ]
        if named:
            parts.append(_(verb).format(rows=", ".join(named)))
    tables = {change["table"] for changes in transactions for change in changes}
    if "settings" in tables:  # the only setting is which meeting is under way
        parts.append(_("changed the current meeting"))
    return "; ".join(parts) or _("changed the history of items")


class Reads:
    """The read side of the store, over any `run(sql, params) -> rows`."""

    def __init__(self, run: Run) -> None:
        self.run = run

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
        # thousands of groups, and the agenda asks twice (issue 15). Any other case reads them all.
        cased = {spaced, spaced.lower(), spaced[:1].upper() + spaced[1:], spaced.title()}
        names_sql, params = _in("g", sorted(cased))
        rows = self.run(f"SELECT id, name, place FROM groups WHERE name IN {names_sql} ORDER BY name", params)
        found = next((GroupRef(r[0], r[1], r[2]) for r in rows if r[1].casefold() == key), None)
        return found or next((g for g in self.groups() if g.name.casefold() == key), None)

    def group_names(self) -> list[str]:
        return [g.name for g in self.groups()]

    def list_meetings(self, group: str | None = None, meeting_id: int | None = None) -> list[Meeting]:
        sql = (
            "SELECT m.id, g.name, m.date, m.title, m.place, m.secretary, m.source_path, m.source_hash, "
            "m.next_meeting, (SELECT count(*) FROM items i WHERE i.meeting_id = m.id), m.time "
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
            Meeting(r[0], r[1], _d(r[2]), r[3], r[4], r[5], r[6], r[7], _d(r[8]), r[9] or 0, r[10])
            for r in self.run(sql, params)
        ]

    def get_meeting(self, meeting_id: int) -> Meeting:
        found = self.list_meetings(meeting_id=meeting_id)
        if not found:
            raise NotFoundError(_("There is no meeting {id}; `track meeting list` shows them.").format(id=meeting_id))
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
        return [ScheduledMeeting(_d(r[0]), r[1]) for r in rows]  # type: ignore[arg-type]

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

    # --- people -------------------------------------------------------------------------------

    def list_people(self) -> list[Person]:
        aliases: dict[int, list[str]] = defaultdict(list)
        for person_id, alias in self.run("SELECT person_id, alias FROM person_aliases ORDER BY alias", {}):
            aliases[person_id].append(alias)
        rows = self.run("SELECT id, name, organisation FROM people ORDER BY name", {})
        return [Person(r[0], r[1], r[2], tuple(aliases.get(r[0], ()))) for r in rows]

    def people_called(self, name: str) -> list[Person]:
        """The people with this name or alias, case- and space-insensitively (indexed keys)."""
        key = " ".join(name.split()).casefold()
        rows = self.run(
            "SELECT id FROM people WHERE name_key = :key "
            "UNION SELECT person_id FROM person_aliases WHERE alias = :key",
            {"key": key},
        )
        return self._people_by_ids({r[0] for r in rows})

    def people_named(self, name: str) -> list[Person]:
        """Everybody a name could mean (a superset, found by the indexed keys of migration m004;
        people.Roster decides): `--owner Leif` reads a handful of people, not all the thousands
        in a shared database (issue 15). Each part stands for Roster's kinds of match: the whole
        name or an alias; a first name or a form of it ("Leif", "Bosse" for Bo); a surname
        ("Pettersson"), with a form of the first name ("Bosse Pettersson"); a first name and
        an initial ("Anna B."); initials ("LR")."""
        from actiontrack.names_sv import first_name_forms

        key = " ".join(name.split()).casefold()
        if not key:
            return []
        words, dotted = key.split(), key.replace(".", " ").split()
        params: dict[str, Any] = {"key": key, "last": words[-1], "name": name}
        forms_sql, forms = _in("f", sorted(first_name_forms(words[0])))
        params.update(forms)
        parts = [
            "SELECT id FROM people WHERE name_key = :key",
            "SELECT person_id FROM person_aliases WHERE alias = :key",
            f"SELECT id FROM people WHERE first_key IN {forms_sql}"
            if len(words) == 1
            else f"SELECT id FROM people WHERE last_key = :last AND first_key IN {forms_sql}",
        ]
        if len(words) == 1:
            parts.append("SELECT id FROM people WHERE last_key = :key")
        if len(dotted) == 2 and len(dotted[1]) == 1:
            dotted_sql, dotted_forms = _in("d", sorted(first_name_forms(dotted[0])))
            params.update(dotted_forms, initial=dotted[1])
            parts.append(
                f"SELECT id FROM people WHERE first_key IN {dotted_sql} AND substr(last_key, 1, 1) = :initial"
            )
        if 2 <= len(name) <= 3 and name.isupper() and name.isalpha():
            parts.append("SELECT id FROM people WHERE initials = :name")
        return self._people_by_ids({r[0] for r in self.run(" UNION ".join(parts), params)})

    def person_names(self) -> list[str]:
        """Every person's name: only for saying which names are closest to a misspelt one."""
        return [r[0] for r in self.run("SELECT name FROM people ORDER BY name", {})]

    def _people_by_ids(self, ids: set[int]) -> list[Person]:
        if not ids:
            return []
        ids_sql, params = _in("p", sorted(ids))
        aliases: dict[int, list[str]] = defaultdict(list)
        for person_id, alias in self.run(  # by person first: ORDER BY alias alone walked every alias
            f"SELECT person_id, alias FROM person_aliases WHERE person_id IN {ids_sql} ORDER BY person_id, alias",
            params,
        ):
            aliases[person_id].append(alias)
        rows = self.run(
            f"SELECT id, name, organisation FROM people WHERE id IN {ids_sql} ORDER BY name", params
        )
        return [Person(r[0], r[1], r[2], tuple(aliases.get(r[0], ()))) for r in rows]

    def meetings_of(self, person_id: int) -> list[tuple[Meeting, bool]]:
        """The meetings a person is listed at, and whether they were there."""
        rows = self.run(
            "SELECT meeting_id, present FROM meeting_attendees WHERE person_id = :p", {"p": person_id}
        )
        present = {r[0]: bool(r[1]) for r in rows}
        return [(m, present[m.id]) for m in self.list_meetings() if m.id in present]

    def item_ids_owned_by(self, person_id: int) -> list[int]:
        rows = self.run(
            "SELECT DISTINCT item_id FROM item_owners WHERE person_id = :p ORDER BY item_id", {"p": person_id}
        )
        return [r[0] for r in rows]

    # every stored text, for `person export` and `person forget`, which read them all (issue 13)

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

    def get_person(self, person_id: int) -> Person:
        found = self._people_by_ids({person_id})
        if not found:
            raise NotFoundError(_("There is no person {id}.").format(id=person_id))
        return found[0]

    def person_by_name(self, name: str) -> Person | None:
        key = " ".join(name.split()).casefold()
        rows = self.run("SELECT id FROM people WHERE name_key = :key", {"key": key})
        found = self._people_by_ids({r[0] for r in rows})
        return next((p for p in found if p.name.casefold() == key), None)

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
        status_sql, params = _in("s", [s.value for s in statuses])
        where = [f"i.status IN {status_sql}"]
        if person_ids is not None or organisation is not None:
            owned = []
            if person_ids:
                ids_sql, ids = _in("p", person_ids)
                owned.append(f"o.person_id IN {ids_sql}")
                params.update(ids)
            if organisation:
                names = self._organisations_named(organisation)
                names_sql, org_params = _in("org", names)
                owned.append(f"o.organisation IN {names_sql}")
                params.update(org_params)
            if not owned:
                return []
            where.append(f"i.id IN (SELECT o.item_id FROM item_owners o WHERE {' OR '.join(owned)})")
        if group is not None:
            found = self.find_group(group)
            if found is None:
                return []
            where.append("i.meeting_id IN (SELECT m.id FROM meetings m WHERE m.group_id = :group_id)")
            params["group_id"] = found.id
        if meeting_id is not None:
            where.append("i.meeting_id = :meeting_id")
            params["meeting_id"] = meeting_id
        if due_before is not None:
            where.append("i.due IS NOT NULL AND i.due < :due_before")
            params["due_before"] = due_before.isoformat()
        if kinds is not None:
            kinds_sql, kind_params = _in("k", [k.value for k in kinds])
            where.append(f"i.kind IN {kinds_sql}")
            params.update(kind_params)
        if closed_since is not None:
            where.append("i.closed_at >= :closed_since")
            params["closed_since"] = closed_since
        # Sorted here, not by ORDER BY i.id: that made SQLite walk the status index in id order
        # (every done item of every group) rather than seek each of the group's meetings (issue 15).
        sql = f"SELECT {_ITEM_COLUMNS} FROM items i WHERE {' AND '.join(where)}"
        rows = sorted(self.run(sql, params), key=lambda r: r[0])
        return self._items(rows)

    def organisation_known(self, name: str) -> bool:
        """Whether some item is owned by an organisation of this name (in any case)."""
        return bool(self._organisations_named(name))

    def _organisations_named(self, name: str) -> list[str]:
        key = name.casefold()
        # The distinct names one index seek each, not every organisation-owned item (issue 15).
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
            raise NotFoundError(_("There is no item {id}; `track open` lists the open ones.").format(id=item_id))
        item = self._items(rows)[0]
        if not with_history:
            return item
        history = self.run(
            "SELECT at, action, detail, meeting_id FROM item_history WHERE item_id = :id ORDER BY id",
            {"id": item_id},
        )
        entries = tuple(HistoryEntry(h[0], h[1], json.loads(h[2]), h[3]) for h in history)
        return Item(**{**item.__dict__, "history": entries})

    def find_item(self, text: str, created_at: str | None) -> int | None:
        """The id of an item with this text created at this time (restoring an export twice)."""
        sql, params = "SELECT id FROM items WHERE text = :text", {"text": text}
        if created_at:
            sql += " AND created_at = :created_at"
            params["created_at"] = created_at
        rows = self.run(sql, params)
        return rows[0][0] if rows else None

    def _items(self, rows: Sequence[Sequence[Any]]) -> list[Item]:
        if not rows:
            return []
        owners: dict[int, list[Owner]] = defaultdict(list)
        for chunk in _chunks([r[0] for r in rows]):
            ids_sql, params = _in("i", chunk)
            for item_id, person_id, organisation, name in self.run(
                "SELECT o.item_id, o.person_id, o.organisation, p.name FROM item_owners o "
                f"LEFT JOIN people p ON p.id = o.person_id WHERE o.item_id IN {ids_sql} "
                "ORDER BY o.item_id, o.position",
                params,
            ):
                if person_id is not None:
                    owners[item_id].append(Owner(name, OwnerKind.PERSON, person_id))
                else:
                    owners[item_id].append(Owner(organisation or "", OwnerKind.ORGANISATION))
        meetings = self._meeting_refs({r[5] for r in rows if r[5] is not None})
        return [
            Item(
                id=r[0],
                kind=Kind(r[1]),
                text=r[2],
                status=Status(r[3]),
                owners=tuple(owners.get(r[0], ())),
                due=_d(r[4]),
                meeting=meetings.get(r[5]) if r[5] is not None else None,
                source=r[6],
                line=r[7],
                topic=r[8],
                confidence=r[9],
                created_at=r[10],
                updated_at=r[11],
                closed_at=r[12],
            )  # fmt: skip
            for r in rows
        ]

    def _meeting_refs(self, ids: set[int]) -> dict[int, MeetingRef]:
        refs: dict[int, MeetingRef] = {}
        for chunk in _chunks(sorted(ids)):
            ids_sql, params = _in("m", chunk)
            for r in self.run(
                "SELECT m.id, g.name, m.date, m.title FROM meetings m JOIN groups g ON g.id = m.group_id "
                f"WHERE m.id IN {ids_sql}",
                params,
            ):
                refs[r[0]] = MeetingRef(r[0], r[1], _d(r[2]), r[3])
        return refs
