"""The journal of changes `track undo` reverts and `track log` lists (issue 12).

A write command's transaction records every row it inserts, updates or deletes, in the
order they happen: the ORM's as the session flushes them (SQLAlchemy's before_flush/after_flush
events), the plain SQL of storage/writes.py as it runs (its ChangeLog, the part of this journal
that needs no SQLAlchemy, is all the fast write path on sqlite3 uses, issue 15); at commit the list is stored as one `changes` row, with the command that made it.
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
from typing import TYPE_CHECKING, Any

from actiontrack.errors import InputError
from actiontrack.i18n import _
from actiontrack.records import record
from actiontrack.storage.writes import ChangeLog

# SQLAlchemy is imported inside the functions: the fast write path (storage/writes.py) builds
# a Record without loading it (issue 15).
if TYPE_CHECKING:
    from sqlmodel import Session

    from actiontrack.storage.tables import ChangeRow

_JOURNAL_TABLE = "changes"


@record(frozen=True)
class Record:
    """Which command a transaction belongs to."""

    command_id: str
    label: str
    at: str
    user: str = ""


def _order() -> dict[str, int]:
    """Parents before children."""
    from sqlmodel import SQLModel

    from actiontrack.storage import tables  # noqa: F401 - registers the tables

    return {t.name: n for n, t in enumerate(SQLModel.metadata.sorted_tables)}


def _table(obj: Any) -> str:
    return str(obj.__table__.name)


def _key(obj: Any) -> dict[str, Any]:
    from sqlalchemy import inspect

    mapper = inspect(obj).mapper
    return {c.key: getattr(obj, c.key) for c in mapper.primary_key}


def _row(obj: Any) -> dict[str, Any]:
    from sqlalchemy import inspect

    return {c.key: getattr(obj, c.key) for c in inspect(obj).mapper.column_attrs}


class Journal(ChangeLog):
    """Records the row changes of one session until `stop()`: those its ORM objects make, as
    the session flushes them, and those the SQL of storage/writes.py makes, as it runs them."""

    def __init__(self, session: Session) -> None:
        from sqlalchemy import event, text

        def run(sql: str, params: Any) -> Sequence[Sequence[Any]]:
            result = session.execute(text(sql), dict(params))
            return result.all() if result.returns_rows else []  # type: ignore[attr-defined]  # a CursorResult

        super().__init__(run)
        self.session = session
        self._order = _order()
        event.listen(session, "before_flush", self._before_flush)
        event.listen(session, "after_flush", self._after_flush)

    def _before_flush(self, session: Session, _context: Any, _instances: Any) -> None:
        from sqlalchemy import inspect

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
        for obj in sorted(session.deleted, key=lambda o: -self._order[_table(o)]):
            if _table(obj) != _JOURNAL_TABLE:
                self.changes.append({"op": "delete", "table": _table(obj), "row": _row(obj)})

    def _after_flush(self, session: Session, _context: Any) -> None:
        if not self.active:
            return
        for obj in sorted(session.new, key=lambda o: self._order[_table(o)]):
            if _table(obj) != _JOURNAL_TABLE:
                self.changes.append({"op": "insert", "table": _table(obj), "key": _key(obj)})

    def save(self, record: Record) -> None:
        self.session.flush()  # the ORM's last changes are in the list before it is stored
        super().save(record)


def forget_all(session: Session) -> None:
    """Empty the journal: its old values may name a person who is being forgotten."""
    from sqlmodel import select

    from actiontrack.storage.tables import ChangeRow

    for row in session.exec(select(ChangeRow)).all():
        session.delete(row)
    session.flush()


def undo_last(session: Session, now: str, user: str) -> list[ChangeRow]:
    """Revert this user's last command not undone yet; its journal rows, marked undone.

    A row changed since by a command not undone (someone else's, in a shared database) is
    not overwritten: the undo is refused, and nothing is reverted."""
    from sqlalchemy.exc import IntegrityError
    from sqlmodel import select

    from actiontrack.storage.tables import ChangeRow

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
    from sqlmodel import SQLModel

    key = change.get("key")
    if key is None:  # a deleted row: its primary key columns
        table = SQLModel.metadata.tables[change["table"]]
        key = {c.name: change["row"][c.name] for c in table.primary_key.columns}
    return change["table"], json.dumps(key, sort_keys=True, default=str)


def _refuse_if_changed_since(session: Session, rows: Sequence[ChangeRow]) -> None:
    """Commands recorded later and not undone (another secretary's) must not lose their changes."""
    from sqlmodel import select

    from actiontrack.storage.tables import ChangeRow

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
    from sqlmodel import SQLModel, select

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
