"""The statements every write is made of: insert, update and delete rows, each journaled.

Several rows go in one multi-row INSERT (an import of a document writes each table in a
statement or two); one row is the same statement with one row. Ids come back with
RETURNING. Rows inserted by one `INSERT ... VALUES` get ascending ids in the order of the
VALUES (SQLite takes max(rowid)+1 row by row; a PostgreSQL sequence is drawn row by row),
while RETURNING promises no order: the ids are sorted and paired with the rows given.
Each change is told to the transaction's journal in its own shape, children deleted
before their parents, so that `track undo` reverts it exactly.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from actiontrack.storage.journal import Journal
from actiontrack.storage.reads import Reads
from actiontrack.storage.sql import PARAMS, Run, chunks, in_list
from actiontrack.storage.tables import COLUMNS, key_of

TYPE_CHECKING = False  # typing costs a command's start 3-4 ms
if TYPE_CHECKING:
    from typing import Any


def _values(columns: Sequence[str], rows: Sequence[Mapping[str, Any]]) -> tuple[str, dict[str, Any]]:
    params: dict[str, Any] = {}
    groups = []
    for n, row in enumerate(rows):
        groups.append("(" + ", ".join(f":{c}_{n}" for c in columns) + ")")
        params.update({f"{c}_{n}": row[c] for c in columns})
    return ", ".join(groups), params


class Statements(Reads):
    """Reads, and the row statements of one transaction, over any `run(sql, params) -> rows`."""

    def __init__(self, run: Run, journal: Journal | None = None) -> None:
        super().__init__(run)
        self.journal = journal  # set when the command is recorded for `track undo`

    def _record(self, change: dict[str, Any]) -> None:
        if self.journal is not None:
            self.journal.add(change)

    def insert(self, table: str, rows: Sequence[Mapping[str, Any]], *, unless_taken: str = "") -> list[int]:
        """Rows in multi-row INSERTs; their new ids, in the order of `rows`. With `unless_taken`
        (a unique column) a row whose value another writer has stored already is left out, and
        so is its id (PostgreSQL lets two transactions race there; SQLite queues writers)."""
        if not rows:
            return []
        columns = list(rows[0])
        conflict = f"ON CONFLICT ({unless_taken}) DO NOTHING " if unless_taken else ""
        ids: list[int] = []
        for chunk in chunks(rows, max(1, PARAMS // len(columns))):
            values, params = _values(columns, chunk)
            got = sorted(
                r[0]
                for r in self.run(
                    f"INSERT INTO {table} ({', '.join(columns)}) VALUES {values} {conflict}RETURNING id",
                    params,
                )
            )
            if len(got) != len(chunk) and not unless_taken:
                raise AssertionError(f"{len(chunk)} rows inserted into {table}, {len(got)} ids returned")
            ids.extend(got)
        for row_id in ids:
            self._record({"op": "insert", "table": table, "key": {"id": row_id}})
        return ids

    def insert_keyed(self, table: str, rows: Sequence[Mapping[str, Any]]) -> None:
        """Rows of a table whose key is its columns' values (attendance, settings)."""
        for chunk in chunks(rows, max(1, PARAMS // len(rows[0]))) if rows else ():
            columns = list(chunk[0])
            values, params = _values(columns, chunk)
            self.run(f"INSERT INTO {table} ({', '.join(columns)}) VALUES {values}", params)
            for row in chunk:
                self._record({"op": "insert", "table": table, "key": {k: row[k] for k in key_of(table)}})

    def update(self, table: str, changes: Mapping[Any, Mapping[str, Any]]) -> None:
        """Set columns of rows by key; only the values that differ are written and journaled.
        LookupError for a row that is not there."""
        (key,) = key_of(table)
        for chunk in chunks(list(changes)):
            columns = sorted({c for row_id in chunk for c in changes[row_id]})
            ids_sql, params = in_list("i", chunk)
            current = {
                r[0]: dict(zip(columns, r[1:], strict=True))
                for r in self.run(
                    f"SELECT {key}, {', '.join(columns)} FROM {table} WHERE {key} IN {ids_sql}", params
                )
            }
            for row_id in chunk:
                if row_id not in current:
                    raise LookupError(f"{table} {row_id}")
                old = {k: current[row_id][k] for k, v in changes[row_id].items() if current[row_id][k] != v}
                if not old:
                    continue
                new = {k: changes[row_id][k] for k in old}
                self.run(
                    f"UPDATE {table} SET {', '.join(f'{k} = :{k}' for k in new)} WHERE {key} = :row_key",
                    {**new, "row_key": row_id},
                )
                self._record({"op": "update", "table": table, "key": {key: row_id}, "old": old, "new": new})

    def delete(self, table: str, where: str, values: Sequence[Any]) -> list[tuple[Any, ...]]:
        """Delete the rows whose `where` column is one of `values`, journaling each whole row;
        the rows deleted."""
        columns = COLUMNS[table]
        gone: list[tuple[Any, ...]] = []
        for chunk in chunks(list(values)):
            values_sql, params = in_list("v", chunk)
            order = ", ".join(key_of(table))
            rows = self.run(
                f"SELECT {', '.join(columns)} FROM {table} WHERE {where} IN {values_sql} ORDER BY {order}",
                params,
            )
            for r in rows:
                self._record({"op": "delete", "table": table, "row": dict(zip(columns, r, strict=True))})
            if rows:
                self.run(f"DELETE FROM {table} WHERE {where} IN {values_sql}", params)
            gone.extend(tuple(r) for r in rows)
        return gone
