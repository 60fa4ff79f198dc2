"""The writes of `track import`, in a few statements per document (issue 15).

Import stored each row as an ORM object with a flush of its own (an item, then a SELECT
and a DELETE for the owners of that brand-new item, then its history row): ORM overhead
was almost all of storage, and storage half of the import. Here every table a document
touches is written in one multi-row INSERT (or one UPDATE per changed row, for a
corrected copy), in plain SQL with `:name` parameters that SQLite and PostgreSQL read
alike, run through the Repository's connection, in its one transaction.

The undo journal (journal.py) learns of ORM rows from flush events, which these
statements do not raise: each write here tells it what it inserted, updated or deleted,
in the journal's own shape, parents before children, so that `track undo` reverts an
import exactly as before.

Ids come back with RETURNING. Several rows inserted by one `INSERT ... VALUES` get
ascending ids in the order of the VALUES (SQLite takes max(rowid)+1 row by row; a
PostgreSQL sequence is drawn row by row), while RETURNING promises no order: the ids
are sorted and paired with the rows in the order given.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from actiontrack.storage.reads import Reads

Run = Callable[[str, Mapping[str, Any]], Sequence[Sequence[Any]]]
Record = Callable[[dict[str, Any]], None]

PARAMS = 900  # parameters per statement: under the 999 of SQLite builds older than 3.32

ITEM_COLUMNS = (
    "id", "kind", "text", "status", "due", "meeting_id", "source", "line", "topic", "confidence",
    "created_at", "updated_at", "closed_at",
)  # fmt: skip
OWNER_COLUMNS = ("id", "item_id", "position", "person_id", "organisation")
HISTORY_COLUMNS = ("id", "item_id", "at", "action", "detail", "meeting_id")


def _in(prefix: str, values: Iterable[Any]) -> tuple[str, dict[str, Any]]:
    params = {f"{prefix}{n}": v for n, v in enumerate(values)}
    return "(" + ", ".join(f":{k}" for k in params) + ")" if params else "(NULL)", params


def _chunks(values: Sequence[Any], size: int) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


class Imports(Reads):
    """The reads and writes of one import transaction, over `run(sql, params) -> rows` (rows
    only for statements that return them) and `record(change)` for the undo journal."""

    def __init__(self, run: Run, record: Record) -> None:
        super().__init__(run)
        self.record = record

    # --- inserting ----------------------------------------------------------------------------

    def insert(self, table: str, rows: Sequence[Mapping[str, Any]], *, conflict: str = "") -> list[int]:
        """Rows in multi-row INSERTs; their new ids, in the order of `rows`."""
        if not rows:
            return []
        columns = list(rows[0])
        ids: list[int] = []
        for chunk in _chunks(rows, max(1, PARAMS // len(columns))):
            values, params = self._values(columns, chunk)
            got = sorted(r[0] for r in self.run(
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES {values} {conflict}RETURNING id", params
            ))  # fmt: skip
            if len(got) != len(chunk):
                raise AssertionError(f"{len(chunk)} rows inserted into {table}, {len(got)} ids returned")
            ids.extend(got)
        for row_id in ids:
            self.record({"op": "insert", "table": table, "key": {"id": row_id}})
        return ids

    def _values(self, columns: Sequence[str], rows: Sequence[Mapping[str, Any]]) -> tuple[str, dict[str, Any]]:
        params: dict[str, Any] = {}
        groups = []
        for n, row in enumerate(rows):
            groups.append("(" + ", ".join(f":{c}_{n}" for c in columns) + ")")
            params.update({f"{c}_{n}": row[c] for c in columns})
        return ", ".join(groups), params

    def group_id(self, name: str, now: str, find: Callable[[str], int | None]) -> int:
        """The group of this name (`find` knows how names compare), added when new. Another
        writer may add it at the same moment: then theirs is used."""
        found = find(name)
        if found is not None:
            return found
        rows = self.run(
            "INSERT INTO groups (name, created_at) VALUES (:name, :now) ON CONFLICT (name) DO NOTHING RETURNING id",
            {"name": " ".join(name.split()), "now": now},
        )
        if rows:
            self.record({"op": "insert", "table": "groups", "key": {"id": rows[0][0]}})
            return int(rows[0][0])
        found = find(name)
        if found is None:
            raise LookupError(name)
        return found

    def insert_meeting(self, values: Mapping[str, Any]) -> int | None:
        """A new meeting's id; None when its minutes (source_hash) were stored by another
        writer a moment ago."""
        columns = list(values)
        rows = self.run(
            f"INSERT INTO meetings ({', '.join(columns)}) VALUES ({', '.join(':' + c for c in columns)}) "
            "ON CONFLICT (source_hash) DO NOTHING RETURNING id",
            values,
        )
        if not rows:
            return None
        self.record({"op": "insert", "table": "meetings", "key": {"id": rows[0][0]}})
        return int(rows[0][0])

    def insert_people(self, rows: Sequence[Mapping[str, Any]]) -> dict[str, int]:
        """New people by name -> id. A name another writer added a moment ago is theirs, as if
        it had been there first (people.name is unique)."""
        ids: dict[str, int] = {}
        if not rows:
            return ids
        from actiontrack.storage.writes import person_keys

        rows = [{**row, **person_keys(row["name"])} for row in rows]  # the lookup keys (m004), as add_person
        columns = list(rows[0])
        for chunk in _chunks(rows, PARAMS // len(columns)):
            values, params = self._values(columns, chunk)
            for row_id, name in self.run(
                f"INSERT INTO people ({', '.join(columns)}) VALUES {values} "
                "ON CONFLICT (name) DO NOTHING RETURNING id, name",
                params,
            ):
                ids[name] = row_id
        for row_id in sorted(ids.values()):
            self.record({"op": "insert", "table": "people", "key": {"id": row_id}})
        taken = [r["name"] for r in rows if r["name"] not in ids]
        if taken:
            names_sql, params = _in("n", taken)
            ids.update({r[1]: r[0] for r in self.run(f"SELECT id, name FROM people WHERE name IN {names_sql}", params)})
        return ids

    def insert_attendance(self, meeting_id: int, rows: Sequence[tuple[int, bool]], *, existing: bool) -> None:
        """(person_id, present) of a meeting; the first word on a person stands, and so does
        what was stored before when the meeting is updated (`existing`)."""
        seen: set[int] = set()
        if existing:
            seen = {r[0] for r in self.run(
                "SELECT person_id FROM meeting_attendees WHERE meeting_id = :m", {"m": meeting_id}
            )}  # fmt: skip
        new = []
        for person_id, present in rows:
            if person_id not in seen:
                seen.add(person_id)
                new.append({"meeting_id": meeting_id, "person_id": person_id, "present": present})
        for chunk in _chunks(new, PARAMS // 3):
            values, params = self._values(("meeting_id", "person_id", "present"), chunk)
            self.run(f"INSERT INTO meeting_attendees (meeting_id, person_id, present) VALUES {values}", params)
        for row in new:
            self.record({"op": "insert", "table": "meeting_attendees",
                         "key": {"meeting_id": meeting_id, "person_id": row["person_id"]}})  # fmt: skip

    def insert_schedule(self, group_id: int, planned: Sequence[tuple[str, str | None]], meeting_id: int) -> None:
        """Planned meetings (ISO date, place) of a group, unless the group has one that day."""
        dates_sql, params = _in("d", sorted({d for d, _ in planned}))
        taken = {r[0] for r in self.run(
            f"SELECT date FROM scheduled_meetings WHERE group_id = :g AND date IN {dates_sql}", {**params, "g": group_id}
        )}  # fmt: skip
        rows = []
        for day, place in planned:
            if day not in taken:
                taken.add(day)
                rows.append({"group_id": group_id, "date": day, "place": place, "source_meeting_id": meeting_id})
        self.insert("scheduled_meetings", rows)

    # --- changing and removing (a corrected copy) --------------------------------------------------

    def update(self, table: str, changes: Mapping[int, Mapping[str, Any]]) -> None:
        """Set columns of rows by id; only the values that differ are written and journaled."""
        for chunk in _chunks(list(changes), PARAMS):
            columns = sorted({c for row_id in chunk for c in changes[row_id]})
            ids_sql, params = _in("i", chunk)
            current = {r[0]: dict(zip(columns, r[1:], strict=True)) for r in self.run(
                f"SELECT id, {', '.join(columns)} FROM {table} WHERE id IN {ids_sql}", params
            )}  # fmt: skip
            for row_id in chunk:
                if row_id not in current:
                    raise LookupError(f"{table} {row_id}")
                old = {k: current[row_id][k] for k, v in changes[row_id].items() if current[row_id][k] != v}
                if not old:
                    continue
                new = {k: changes[row_id][k] for k in old}
                self.run(
                    f"UPDATE {table} SET {', '.join(f'{k} = :{k}' for k in new)} WHERE id = :row_id",
                    {**new, "row_id": row_id},
                )
                self.record({"op": "update", "table": table, "key": {"id": row_id}, "old": old, "new": new})

    def _delete(self, table: str, columns: Sequence[str], where: str, ids: Sequence[int]) -> list[int]:
        """Delete rows WHERE `where` IN ids, journaling each whole row; the ids deleted."""
        gone: list[int] = []
        for chunk in _chunks(list(ids), PARAMS):
            ids_sql, params = _in("i", chunk)
            rows = self.run(f"SELECT {', '.join(columns)} FROM {table} WHERE {where} IN {ids_sql} ORDER BY id", params)
            for r in rows:
                self.record({"op": "delete", "table": table, "row": dict(zip(columns, r, strict=True))})
            gone.extend(r[0] for r in rows)
        for chunk in _chunks(gone, PARAMS):
            ids_sql, params = _in("i", chunk)
            self.run(f"DELETE FROM {table} WHERE id IN {ids_sql}", params)
        return gone

    def delete_owner_rows(self, item_ids: Sequence[int], keep: Sequence[int] = ()) -> None:
        """The owner rows of items, except those with the ids in `keep` (just inserted)."""
        kept = set(keep)
        owners: list[int] = []
        for chunk in _chunks(list(item_ids), PARAMS):
            ids_sql, params = _in("i", chunk)
            owners += [r[0] for r in self.run(f"SELECT id FROM item_owners WHERE item_id IN {ids_sql}", params)
                       if r[0] not in kept]  # fmt: skip
        self._delete("item_owners", OWNER_COLUMNS, "id", owners)

    def delete_items(self, item_ids: Sequence[int]) -> None:
        """Items gone from corrected minutes, with their owners and history."""
        if item_ids:
            self._delete("item_owners", OWNER_COLUMNS, "item_id", item_ids)
            self._delete("item_history", HISTORY_COLUMNS, "item_id", item_ids)
            self._delete("items", ITEM_COLUMNS, "id", item_ids)

    # --- reads that go by key, so they cost the same in a database of any size ------------------

    def same_day(self, group_id: int, day: str) -> list[int]:
        """The ids of a group's meetings on a day, oldest first."""
        rows = self.run("SELECT id FROM meetings WHERE group_id = :g AND date = :d ORDER BY id", {"g": group_id, "d": day})
        return [r[0] for r in rows]


    def imported_on_day_or_from(self, group_id: int, month_day: str, path: str) -> list[int]:
        """The ids of a group's meetings imported from minutes, dated on this month and day
        ('MM-DD') of any year or imported from this file: what a --year or --date corrects."""
        rows = self.run(
            "SELECT id FROM meetings WHERE group_id = :g AND source_hash IS NOT NULL AND date IS NOT NULL "
            "AND (substr(date, 6, 5) = :md OR source_path = :path) ORDER BY date, id",
            {"g": group_id, "md": month_day, "path": path},
        )
        return [r[0] for r in rows]


    def edited_by_hand(self, item_ids: Sequence[int]) -> set[int]:
        """Which of these items were edited or reopened by hand since they were imported."""
        found: set[int] = set()
        for chunk in _chunks(list(item_ids), PARAMS):
            ids_sql, params = _in("i", chunk)
            found |= {r[0] for r in self.run(
                f"SELECT DISTINCT item_id FROM item_history WHERE item_id IN {ids_sql} "
                "AND action IN ('edited', 'reopened')", params
            )}  # fmt: skip
        return found


    def people_signature(self) -> tuple[Any, ...]:
        """What changes when people or aliases are added, merged or forgotten: the number of
        people and the highest ids, read from the indexes."""
        rows = self.run(
            "SELECT (SELECT count(*) FROM people), (SELECT max(id) FROM people), "
            "(SELECT count(*) FROM person_aliases), (SELECT max(id) FROM person_aliases)",
            {},
        )
        return tuple(rows[0])


    def people_after(self, person_id: int) -> list[tuple[int, str, str | None]]:
        rows = self.run("SELECT id, name, organisation FROM people WHERE id > :p ORDER BY id", {"p": person_id})
        return [(r[0], r[1], r[2]) for r in rows]


    def organisations(self, person_ids: Sequence[int]) -> dict[int, str | None]:
        found: dict[int, str | None] = {}
        for chunk in _chunks(list(person_ids), PARAMS):
            ids_sql, params = _in("p", chunk)
            found.update({r[0]: r[1] for r in self.run(f"SELECT id, organisation FROM people WHERE id IN {ids_sql}", params)})
        return found
