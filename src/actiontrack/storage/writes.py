"""The single-item writes, in plain SQL with named parameters, and nothing else imported.

The same move as reads.py (issue 15): `add`, `done`, `edit`, `reopen`, `drop` and `note`
(and the new person `add --owner` may create) run these statements on the standard
library's sqlite3, so the commands typed during a meeting pay for neither SQLAlchemy
nor pydantic; the Repository runs the very same statements through its SQLAlchemy
session, on SQLite (when the file needs creating or upgrading) and on PostgreSQL.
SQLModel still defines the schema (tables.py) and migrations make it.

Every row a statement here inserts, updates or deletes is written down in the
transaction's ChangeLog, in the format storage/journal.py records for the ORM's
writes, so that `track undo` reverts both alike.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from actiontrack.errors import InputError, NotFoundError, PersonError
from actiontrack.i18n import _
from actiontrack.models import Kind, Owner, OwnerKind, Person, Status
from actiontrack.storage.reads import Reads, Run, summarise

if TYPE_CHECKING:
    from actiontrack.storage.journal import Record

KEEP = 2000  # transactions kept for undo; older ones are dropped so the journal does not grow forever
PRUNE_EVERY = 50  # transactions between two prunings

# The columns in the order of tables.py: the journal lists an update's columns in this order.
ITEM_COLUMNS = (
    "id", "kind", "text", "status", "due", "meeting_id", "source", "line", "topic", "confidence",
    "created_at", "updated_at", "closed_at",
)  # fmt: skip
_OWNER_COLUMNS = ("id", "item_id", "position", "person_id", "organisation")


def person_keys(name: str) -> dict[str, str | None]:
    """The indexed lookup keys of a person's name (migration m004): the whole name, its first
    and last word case-folded, its initials; `people.Roster` decides among the people they find."""
    from actiontrack.people import initials

    key = " ".join(name.split()).casefold()
    parts = key.split()
    return {
        "name_key": key,
        "first_key": parts[0] if parts else None,
        "last_key": parts[-1] if parts else None,
        "initials": initials(name) or None,
    }


class ChangeLog:
    """The row changes of one transaction, stored as one `changes` row at commit (`track undo`)."""

    def __init__(self, run: Run) -> None:
        self.run = run
        self.changes: list[dict[str, Any]] = []
        self.active = True

    def stop(self) -> None:
        """Record nothing of this transaction (forgetting a person)."""
        self.active = False
        self.changes.clear()

    def add(self, change: dict[str, Any]) -> None:
        if self.active:
            self.changes.append(change)

    def save(self, record: Record) -> None:
        """Store what this transaction changed (nothing when it changed nothing)."""
        if not self.active or not self.changes:
            return
        self.active = False  # the journal row itself is not a change
        rows = self.run(
            "INSERT INTO changes (command_id, at, run_by, label, summary, detail) "
            "VALUES (:command_id, :at, :run_by, :label, :summary, :detail) RETURNING id",
            {
                "command_id": record.command_id,
                "at": record.at,
                "run_by": record.user,
                "label": record.label,
                "summary": summarise([self.changes]),
                "detail": json.dumps(self.changes, ensure_ascii=False, default=str),
            },
        )
        if rows[0][0] % PRUNE_EVERY == 0:
            self._prune(record)

    def _prune(self, record: Record) -> None:
        """Drop the commands older than the last KEEP transactions; whole commands, never half of
        an import, and never the one being recorded (an import of thousands stays whole)."""
        oldest = self.run("SELECT id FROM changes ORDER BY id DESC LIMIT 1 OFFSET :skip", {"skip": KEEP - 1})
        if oldest:
            self.run(
                "DELETE FROM changes WHERE command_id IN (SELECT command_id FROM changes "
                "WHERE id < :oldest AND command_id <> :current)",
                {"oldest": oldest[0][0], "current": record.command_id},
            )


def _s(value: date | None) -> str | None:
    return value.isoformat() if value else None


class Writes(Reads):
    """Reads plus the writes of one item (and of a new person), over any `run(sql, params) -> rows`."""

    def __init__(self, run: Run) -> None:
        super().__init__(run)
        self.journal: ChangeLog | None = None  # set when the command is recorded for `track undo`

    def _record(self, change: dict[str, Any]) -> None:
        if self.journal is not None:
            self.journal.add(change)

    def _insert(self, table: str, values: Mapping[str, Any], *, unless_taken: str | None = None) -> int | None:
        """Insert a row and journal it; its id. With `unless_taken` (a unique column), None
        when another writer has that value already (PostgreSQL lets two transactions race there)."""
        columns = ", ".join(values)
        sql = f"INSERT INTO {table} ({columns}) VALUES ({', '.join(':' + c for c in values)})"
        if unless_taken:
            sql += f" ON CONFLICT ({unless_taken}) DO NOTHING"
        rows = self.run(sql + " RETURNING id", values)
        if not rows:
            return None
        row_id = int(rows[0][0])
        self._record({"op": "insert", "table": table, "key": {"id": row_id}})
        return row_id

    # --- people ---------------------------------------------------------------------------------

    def add_person(self, name: str, organisation: str | None, now: str) -> Person:
        name = " ".join(name.split())
        if not name:
            raise InputError(_("A person needs a name."))
        if self.person_by_name(name) is not None:
            raise PersonError(_("'{name}' is already known.").format(name=name))
        values = {"name": name, "organisation": organisation, "created_at": now, **person_keys(name)}
        person_id = self._insert("people", values, unless_taken="name")
        if person_id is None:
            # added by another writer a moment ago: the same person, as if they had been there first
            existing = self.person_by_name(name)
            if existing is None:
                raise PersonError(_("'{name}' could not be added; try again.").format(name=name))
            return existing
        return Person(person_id, name, organisation)

    # --- items ----------------------------------------------------------------------------------

    def add_item(
        self,
        *,
        kind: Kind,
        text: str,
        owners: Sequence[Owner],
        due: date | None,
        meeting_id: int | None,
        now: str,
        source: str | None = None,
        line: int | None = None,
        topic: str | None = None,
        confidence: float | None = None,
    ) -> int:
        item_id = self._insert(
            "items",
            {
                "kind": kind.value, "text": text, "status": Status.OPEN.value, "due": _s(due),
                "meeting_id": meeting_id, "source": source, "line": line, "topic": topic,
                "confidence": confidence, "created_at": now, "updated_at": now,
            },
        )  # fmt: skip
        assert item_id is not None
        self.set_owners(item_id, owners)
        return item_id

    def set_owners(self, item_id: int, owners: Sequence[Owner]) -> None:
        old = self.run(
            f"SELECT {', '.join(_OWNER_COLUMNS)} FROM item_owners WHERE item_id = :item_id ORDER BY position",
            {"item_id": item_id},
        )
        if old:
            self.run("DELETE FROM item_owners WHERE item_id = :item_id", {"item_id": item_id})
            for row in old:
                self._record({"op": "delete", "table": "item_owners", "row": dict(zip(_OWNER_COLUMNS, row, strict=True))})
        for position, owner in enumerate(owners):
            self._insert(
                "item_owners",
                {
                    "item_id": item_id,
                    "position": position,
                    "person_id": owner.person_id if owner.kind is OwnerKind.PERSON else None,
                    "organisation": owner.name if owner.kind is OwnerKind.ORGANISATION else None,
                },
            )

    def update_item(self, item_id: int, **fields: object) -> None:
        """Change an item's columns; only the values that differ are written and journaled."""
        unknown = set(fields) - set(ITEM_COLUMNS[1:])
        if unknown:
            raise ValueError(f"{sorted(unknown)} are not columns of items")
        new = {}
        for key, value in fields.items():
            if isinstance(value, date):
                value = value.isoformat()
            if isinstance(value, Status | Kind):
                value = value.value
            new[key] = value
        columns = [c for c in ITEM_COLUMNS if c in new]
        rows = self.run(f"SELECT {', '.join(columns)} FROM items WHERE id = :id", {"id": item_id})
        if not rows:
            raise NotFoundError(_("There is no item {id}; `track open` lists the open ones.").format(id=item_id))
        current = dict(zip(columns, rows[0], strict=True))
        changed = [c for c in columns if current[c] != new[c]]
        if not changed:
            return
        self.run(
            f"UPDATE items SET {', '.join(f'{c} = :{c}' for c in changed)} WHERE id = :id",
            {**{c: new[c] for c in changed}, "id": item_id},
        )
        self._record(
            {
                "op": "update",
                "table": "items",
                "key": {"id": item_id},
                "old": {c: current[c] for c in changed},
                "new": {c: new[c] for c in changed},
            }
        )

    def add_history(
        self, item_id: int, action: str, detail: dict[str, object], now: str, meeting_id: int | None = None
    ) -> None:
        self._insert(
            "item_history",
            {
                "item_id": item_id,
                "at": now,
                "action": action,
                "detail": json.dumps(detail, ensure_ascii=False, default=str),
                "meeting_id": meeting_id,
            },
        )
