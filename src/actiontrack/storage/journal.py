"""The journal of changes `track undo` reverts and `track log` lists.

Every statement of storage/writes.py that inserts, updates or deletes a row tells the
transaction's Journal, in the order they happen; at commit the list is stored as one
`changes` row, with the command that made it. Undo applies the inverse of each change,
last first: delete what was inserted, put back the old values of what was updated, insert
again what was deleted (with its old id). The commands of one invocation share a
`command_id`, so an import of several documents is undone as a unit.

`track person forget` must stay irreversible: it empties the journal (which holds the old
texts), and its own transaction is not recorded.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from actiontrack.errors import InputError, StorageError
from actiontrack.i18n import N_, _
from actiontrack.records import record
from actiontrack.storage.sql import Run
from actiontrack.storage.tables import COLUMNS, key_of

TYPE_CHECKING = False  # typing costs a command's start 3-4 ms
if TYPE_CHECKING:
    from typing import Any

KEEP = 2000  # transactions kept for undo; older ones are dropped so the journal does not grow forever
PRUNE_EVERY = 50  # transactions between two prunings


class Conflict(StorageError):
    """A statement broke a unique key or a reference: a row another command added or removed."""


@record(frozen=True)
class Record:
    """Which command a transaction belongs to."""

    command_id: str
    label: str
    at: str
    user: str = ""


class Journal:
    """The row changes of one transaction, stored as one `changes` row at commit."""

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


# How the log names a table's rows (one, many), in the order it lists them.
_NOUNS = {
    "groups": (N_("{n} group"), N_("{n} groups")),
    "meetings": (N_("{n} meeting"), N_("{n} meetings")),
    "people": (N_("{n} person"), N_("{n} people")),
    "person_aliases": (N_("{n} alias"), N_("{n} aliases")),
    "items": (N_("{n} item"), N_("{n} items")),
    "scheduled_meetings": (N_("{n} scheduled meeting"), N_("{n} scheduled meetings")),
}


# `track check` counts the history too.
_COUNTED = {**_NOUNS, "item_history": (N_("{n} history entry"), N_("{n} history entries"))}


def counted(table: str, n: int) -> str:
    """ "4 items", "1 person": a number of a table's rows, as the log and `track check` say it."""
    one, many = _COUNTED[table]
    return _(one if n == 1 else many).format(n=n)


def summarise(transactions: Sequence[Sequence[Mapping[str, Any]]]) -> str:
    """ "added 1 meeting, 4 items; changed 1 item": the journaled row changes of a command,
    for the rows a user knows by name, each counted once."""
    parts = []
    for op, verb in (
        ("insert", N_("added {rows}")),
        ("update", N_("changed {rows}")),
        ("delete", N_("removed {rows}")),
    ):
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


def forget_all(run: Run) -> None:
    """Empty the journal: its old values may name a person who is being forgotten."""
    run("DELETE FROM changes", {})


def undo_last(run: Run, now: str, user: str) -> tuple[str, str]:
    """Revert this user's last command not undone yet; what it was, and what it had changed.

    A row changed since by a command not undone (someone else's, in a shared database) is
    not overwritten: the undo is refused, and nothing is reverted."""
    last = run(
        "SELECT command_id FROM changes WHERE undone_at IS NULL AND run_by = :user ORDER BY id DESC LIMIT 1",
        {"user": user},
    )
    if not last:
        raise InputError(
            _("Nothing to undo: every recorded change is undone already, or none was made (see `track log`).")
        )
    rows = [
        (r[0], r[1], json.loads(r[2]))
        for r in run(
            "SELECT id, label, detail FROM changes WHERE command_id = :c AND undone_at IS NULL ORDER BY id DESC",
            {"c": last[0][0]},
        )
    ]
    label = rows[0][1]
    _refuse_if_changed_since(run, rows)
    try:
        for row_id, _label, detail in rows:
            for change in reversed(detail):
                _revert(run, change, label)
            run("UPDATE changes SET undone_at = :now WHERE id = :id", {"now": now, "id": row_id})
    except Conflict:
        raise InputError(
            _("Cannot undo '{command}': what it removed has been added again since.").format(command=label)
        ) from None
    return label, summarise([detail for _id, _label, detail in reversed(rows)])


def _touched(change: Mapping[str, Any]) -> tuple[str, str]:
    key = change.get("key")
    if key is None:  # a deleted row: its key columns
        key = {c: change["row"][c] for c in key_of(change["table"])}
    return change["table"], json.dumps(key, sort_keys=True, default=str)


def _refuse_if_changed_since(run: Run, rows: Sequence[tuple[int, str, list[dict[str, Any]]]]) -> None:
    """Commands recorded later and not undone (another secretary's) must not lose their changes."""
    mine = {_touched(c) for _id, _label, detail in rows for c in detail}
    ids = {row[0] for row in rows}
    later = run(
        "SELECT id, label, run_by, detail FROM changes WHERE id > :first AND undone_at IS NULL ORDER BY id",
        {"first": min(ids)},
    )
    for other_id, other_label, other_user, detail in later:
        if other_id not in ids and mine & {_touched(c) for c in json.loads(detail)}:
            raise InputError(
                _(
                    "Cannot undo '{command}': '{other}' ({user}) changed the same "
                    "items since; undo that first."
                ).format(command=rows[0][1], other=other_label, user=other_user)
            )


def _revert(run: Run, change: Mapping[str, Any], label: str) -> None:
    table, op = change["table"], change["op"]
    if table not in COLUMNS:
        raise ValueError(f"{table} is not a table of actiontrack")
    if op == "delete":
        row = change["row"]
        run(f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join(':' + c for c in row)})", row)
        return
    key = change["key"]
    where = " AND ".join(f"{c} = :key_{c}" for c in key)
    params = {f"key_{c}": v for c, v in key.items()}
    if op == "insert":
        if len(run(f"DELETE FROM {table} WHERE {where} RETURNING 1", params)) != 1:
            raise InputError(
                _("Cannot undo '{command}': what it added has changed since.").format(command=label)
            )
        return
    new = change["new"]
    current = run(f"SELECT {', '.join(new)} FROM {table} WHERE {where}", params)
    if not current or list(current[0]) != list(new.values()):
        raise InputError(
            _("Cannot undo '{command}': what it changed has been changed again since.").format(command=label)
        )
    old = change["old"]
    run(f"UPDATE {table} SET {', '.join(f'{c} = :{c}' for c in old)} WHERE {where}", {**old, **params})
