"""The journal of changes `track undo` reverts and `track log` lists (issue 12).

A write command's transaction records every row it inserts, updates or deletes, as the
session flushes them (SQLAlchemy's before_flush/after_flush events), in the order they
happen; at commit the list is stored as one `changes` row, with the command that made it.
Undo applies the inverse of each change, last first: delete what was inserted, put back
the old values of what was updated, insert again what was deleted (with its old id). The
commands of one invocation share a `command_id`, so an import of several documents is
undone as a unit.

`track person forget` must stay irreversible: it empties the journal (which holds the old
texts), and its own transaction is not recorded.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event, inspect
from sqlmodel import Session, SQLModel, select

from actiontrack.errors import InputError
from actiontrack.i18n import _
from actiontrack.storage.reads import summarise
from actiontrack.storage.tables import ChangeRow

_JOURNAL_TABLE = ChangeRow.__tablename__
_ORDER = {t.name: n for n, t in enumerate(SQLModel.metadata.sorted_tables)}  # parents before children
KEEP = 2000  # transactions kept for undo; older ones are dropped so the journal does not grow forever
PRUNE_EVERY = 50  # transactions between two prunings


@dataclass(frozen=True)
class Record:
    """Which command a transaction belongs to."""

    command_id: str
    label: str
    at: str
    user: str = ""


def _table(obj: Any) -> str:
    return str(obj.__table__.name)


def _key(obj: Any) -> dict[str, Any]:
    mapper = inspect(obj).mapper
    return {c.key: getattr(obj, c.key) for c in mapper.primary_key}


def _row(obj: Any) -> dict[str, Any]:
    return {c.key: getattr(obj, c.key) for c in inspect(obj).mapper.column_attrs}


class Journal:
    """Records the row changes of one session until `stop()`."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.changes: list[dict[str, Any]] = []
        self.active = True
        event.listen(session, "before_flush", self._before_flush)
        event.listen(session, "after_flush", self._after_flush)

    def stop(self) -> None:
        """Record nothing of this transaction (forgetting a person)."""
        self.active = False
        self.changes.clear()

    def _before_flush(self, session: Session, _context: Any, _instances: Any) -> None:
        if not self.active:
            return
        for obj in session.dirty:
            if _table(obj) == _JOURNAL_TABLE or not session.is_modified(obj):
                continue
            state = inspect(obj)
            old, new = {}, {}
            for attr in state.mapper.column_attrs:
                history = state.attrs[attr.key].history
                if history.has_changes() and history.deleted:
                    old[attr.key], new[attr.key] = history.deleted[0], getattr(obj, attr.key)
            if old and old != new:
                self.changes.append(
                    {"op": "update", "table": _table(obj), "key": _key(obj), "old": old, "new": new}
                )
        for obj in sorted(session.deleted, key=lambda o: -_ORDER[_table(o)]):
            if _table(obj) != _JOURNAL_TABLE:
                self.changes.append({"op": "delete", "table": _table(obj), "row": _row(obj)})

    def _after_flush(self, session: Session, _context: Any) -> None:
        if not self.active:
            return
        for obj in sorted(session.new, key=lambda o: _ORDER[_table(o)]):
            if _table(obj) != _JOURNAL_TABLE:
                self.changes.append({"op": "insert", "table": _table(obj), "key": _key(obj)})

    def save(self, record: Record) -> None:
        """Store what this transaction changed (nothing when it changed nothing)."""
        if not self.active or not self.changes:
            return
        self.active = False  # the journal row itself is not a change
        row = ChangeRow(
            command_id=record.command_id,
            at=record.at,
            run_by=record.user,
            label=record.label,
            summary=summarise([self.changes]),
            detail=json.dumps(self.changes, ensure_ascii=False, default=str),
        )
        self.session.add(row)
        self.session.flush()
        if (row.id or 0) % PRUNE_EVERY == 0:
            self._prune(record)

    def _prune(self, record: Record) -> None:
        """Drop the commands older than the last KEEP transactions."""
        oldest_kept = self.session.exec(
            select(ChangeRow.id).order_by(ChangeRow.id.desc()).offset(KEEP - 1).limit(1)  # type: ignore[union-attr]
        ).first()
        if oldest_kept is not None:  # whole commands go, never half of an import
            old = self.session.exec(
                select(ChangeRow.command_id).where(
                    ChangeRow.id < oldest_kept,  # type: ignore[operator]
                    ChangeRow.command_id != record.command_id,  # an import of thousands stays whole
                )
            ).all()
            for row in self.session.exec(select(ChangeRow).where(ChangeRow.command_id.in_(set(old)))).all():  # type: ignore[attr-defined]
                self.session.delete(row)
            self.session.flush()


def forget_all(session: Session) -> None:
    """Empty the journal: its old values may name a person who is being forgotten."""
    for row in session.exec(select(ChangeRow)).all():
        session.delete(row)
    session.flush()


def undo_last(session: Session, now: str, user: str) -> list[ChangeRow]:
    """Revert this user's last command not undone yet; its journal rows, marked undone.

    A row changed since by a command not undone (someone else's, in a shared database) is
    not overwritten: the undo is refused, and nothing is reverted."""
    from sqlalchemy.exc import IntegrityError

    last = session.exec(
        select(ChangeRow)
        .where(ChangeRow.undone_at.is_(None), ChangeRow.run_by == user)  # type: ignore[union-attr]
        .order_by(ChangeRow.id.desc())  # type: ignore[union-attr]
    ).first()
    if last is None:
        raise InputError(
            _("Nothing to undo: every recorded change is undone already, or none was made (see `track log`).")
        )
    rows = session.exec(
        select(ChangeRow)
        .where(ChangeRow.command_id == last.command_id, ChangeRow.undone_at.is_(None))  # type: ignore[union-attr]
        .order_by(ChangeRow.id.desc())  # type: ignore[union-attr]
    ).all()
    _refuse_if_changed_since(session, rows)
    session.flush()
    try:
        for row in rows:
            for change in reversed(json.loads(row.detail)):
                _revert(session, change, row.label)
            row.undone_at = now
            session.add(row)
        session.flush()
    except IntegrityError:
        raise InputError(_("Cannot undo '{command}': what it removed has been added again since.").format(command=last.label)) from None
    session.expire_all()
    return list(reversed(rows))


def _touched(change: dict[str, Any]) -> tuple[str, str]:
    key = change.get("key")
    if key is None:  # a deleted row: its primary key columns
        table = SQLModel.metadata.tables[change["table"]]
        key = {c.name: change["row"][c.name] for c in table.primary_key.columns}
    return change["table"], json.dumps(key, sort_keys=True, default=str)


def _refuse_if_changed_since(session: Session, rows: Sequence[ChangeRow]) -> None:
    """Commands recorded later and not undone (another secretary's) must not lose their changes."""
    mine = {_touched(c) for row in rows for c in json.loads(row.detail)}
    first = min(row.id for row in rows)  # type: ignore[type-var]
    ids = {row.id for row in rows}
    later = session.exec(
        select(ChangeRow).where(ChangeRow.id > first, ChangeRow.undone_at.is_(None))  # type: ignore[operator,union-attr]
    ).all()
    for other in later:
        if other.id not in ids and mine & {_touched(c) for c in json.loads(other.detail)}:
            raise InputError(
                _("Cannot undo '{command}': '{other}' ({user}) changed the same "
                  "items since; undo that first.").format(command=rows[0].label, other=other.label, user=other.run_by)
            )


def _revert(session: Session, change: dict[str, Any], label: str) -> None:
    table = SQLModel.metadata.tables[change["table"]]
    op = change["op"]
    if op == "delete":
        session.execute(table.insert().values(**change["row"]))
        return
    where = [table.c[k] == v for k, v in change["key"].items()]
    if op == "insert":
        gone = session.execute(table.delete().where(*where))
        if gone.rowcount != 1:  # type: ignore[attr-defined]
            raise InputError(_("Cannot undo '{command}': what it added has changed since.").format(command=label))
        return
    current = session.execute(select(*[table.c[k] for k in change["new"]]).where(*where)).first()
    if current is None or list(current) != list(change["new"].values()):
        raise InputError(_("Cannot undo '{command}': what it changed has been changed again since.").format(command=label))
    session.execute(table.update().where(*where).values(**change["old"]))
