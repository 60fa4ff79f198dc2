"""Persistence only: reads and writes rows, returns domain objects.

No business rules here (status transitions, owner resolution, agenda windows
live in service.py). One Repository is one transaction: the CLI opens it, the
service works in it, and it commits at the end or rolls back on any error.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import text
from sqlmodel import Session, select

from actiontrack.errors import InputError, NotFoundError, PersonError
from actiontrack.i18n import N_, _
from actiontrack.models import Meeting
from actiontrack.storage.reads import GroupRef
from actiontrack.storage.tables import (
    AttendanceRow,
    GroupRow,
    ItemHistoryRow,
    ItemOwnerRow,
    ItemRow,
    MeetingRow,
    PersonAliasRow,
    PersonRow,
    ScheduledMeetingRow,
    SettingRow,
)
from actiontrack.storage.writes import Writes

if TYPE_CHECKING:
    from actiontrack.storage.imports import Imports
    from actiontrack.storage.journal import Journal


_SAME_MOMENT = N_(
    "The same document was imported from elsewhere at the same moment; it is stored once "
    "(`track meeting list` shows it)."
)


def _s(value: date | None) -> str | None:
    return value.isoformat() if value else None


class Repository(Writes):
    """Reads and the single-item writes (the same SQL as the fast paths on sqlite3) plus the
    other writes, through the ORM, in one session."""

    def __init__(self, session: Session) -> None:
        self.session = session
        super().__init__(self._run)
        self.journal: Journal | None = None  # set when the command is recorded for `track undo`
        self._imports: Imports | None = None

    def _run(self, sql: str, params: Mapping[str, Any]) -> Sequence[Sequence[Any]]:
        result = self.session.execute(text(sql), dict(params))
        return result.all() if result.returns_rows else []  # type: ignore[attr-defined]  # a CursorResult

    # --- import's batched writes (issue 15) -----------------------------------------------------

    def imports(self) -> Imports:
        """Import's reads and writes (storage/imports.py), in this transaction, journaled like the rest."""
        if self._imports is None:
            from actiontrack.storage.imports import Imports

            self._imports = Imports(self._import_runner(), self._record)
        return self._imports

    def _import_runner(self) -> Callable[[str, Mapping[str, Any]], Sequence[Sequence[Any]]]:
        """On SQLite, the standard library's connection under the session, in its transaction:
        a statement costs 3 µs there against 45 through the session, and an import of a document
        runs some twenty. Errors are SQLAlchemy's, as the session would raise them."""
        connection = self.session.connection()
        if connection.dialect.name != "sqlite":
            return self._run
        import sqlite3

        from sqlalchemy.exc import DBAPIError

        raw = connection.connection.driver_connection
        session = self.session

        def run(sql: str, params: Mapping[str, Any]) -> Sequence[Sequence[Any]]:
            if session.new or session.dirty or session.deleted:  # rows the ORM holds go first
                session.flush()
            try:
                return raw.execute(sql, params).fetchall()  # type: ignore[union-attr]
            except sqlite3.Error as e:
                raise DBAPIError.instance(sql, params, e, sqlite3.Error) from None

        return run

    # --- groups and meetings ------------------------------------------------

    def _insert_unless_taken(self, row: Any) -> bool:
        """Insert a row in a savepoint; False when a unique key is taken, by another writer that
        committed it a moment ago (PostgreSQL lets two transactions race here; SQLite queues
        writers). The transaction goes on either way (issue 13)."""
        from sqlalchemy.exc import IntegrityError

        try:
            with self.session.begin_nested():
                self.session.add(row)
                self.session.flush()
        except IntegrityError:
            return False
        return True

    def get_or_create_group(self, name: str, now: str) -> GroupRef:
        found = self.find_group(name)
        if found is None:
            row = GroupRow(name=" ".join(name.split()), created_at=now)
            if self._insert_unless_taken(row):
                return GroupRef(row.id, row.name)  # type: ignore[arg-type]
            found = self.find_group(name)
            if found is None:
                raise InputError(_("The group '{name}' could not be created; try again.").format(name=name))
        return found

    def create_meeting(
        self,
        group: str,
        *,
        now: str,
        date_: date | None,
        title: str | None = None,
        place: str | None = None,
        secretary: str | None = None,
        source_path: str | None = None,
        source_hash: str | None = None,
        next_meeting: date | None = None,
    ) -> Meeting:
        group_row = self.get_or_create_group(group, now)
        row = MeetingRow(
            group_id=group_row.id,  # type: ignore[arg-type]
            date=_s(date_),
            title=title,
            place=place,
            secretary=secretary,
            source_path=source_path,
            source_hash=source_hash,
            next_meeting=_s(next_meeting),
            created_at=now,
        )
        if not self._insert_unless_taken(row):
            raise InputError(_(_SAME_MOMENT))
        return self.get_meeting(row.id)  # type: ignore[arg-type]

    def import_group(self, name: str, now: str) -> int:
        """The id of the group of this name, added when new (import's way, issue 15)."""

        def find(group: str) -> int | None:
            found = self.imports().find_group(group)
            return found.id if found else None

        try:
            return self.imports().group_id(name, now, find)
        except LookupError:
            raise InputError(f"The group '{name}' could not be created; try again.") from None

    def insert_meeting(self, values: Mapping[str, Any]) -> int:
        """A new meeting from the columns given (import's way, issue 15); its id."""
        meeting_id = self.imports().insert_meeting(values)
        if meeting_id is None:
            raise InputError(_(_SAME_MOMENT))
        return meeting_id

    def update_meeting(
        self, meeting_id: int, *, group: str | None = None, now: str = "", **fields: object
    ) -> None:
        """Change a meeting's columns (dates as ISO strings); `group` moves it to that group."""
        row = self.session.get(MeetingRow, meeting_id)
        if row is None:
            raise NotFoundError(_("There is no meeting {id}; `track meeting list` shows them.").format(id=meeting_id))
        old_group = row.group_id
        if group is not None:
            row.group_id = self.get_or_create_group(group, now).id
        for key, value in fields.items():
            setattr(row, key, value)
        self.session.add(row)
        self.session.flush()
        if row.group_id != old_group:
            self._drop_group_if_empty(old_group)

    def _drop_group_if_empty(self, group_id: int) -> None:
        """A group left without meetings or planned ones is no group any more."""
        left = self.run(
            "SELECT (SELECT count(*) FROM meetings WHERE group_id = :g) "
            "+ (SELECT count(*) FROM scheduled_meetings WHERE group_id = :g)",
            {"g": group_id},
        )
        if left[0][0] == 0:
            self.session.delete(self.session.get(GroupRow, group_id))
            self.session.flush()

    def delete_meeting(self, meeting_id: int) -> None:
        """A meeting with its items, attendance and the schedule its minutes gave; decisions
        taken at it on other items stay in their history, without the link."""
        for item_id in [
            r[0] for r in self.run("SELECT id FROM items WHERE meeting_id = :m", {"m": meeting_id})
        ]:
            self.delete_item(item_id)
        for entry in self.session.exec(
            select(ItemHistoryRow).where(ItemHistoryRow.meeting_id == meeting_id)
        ).all():
            entry.meeting_id = None
            self.session.add(entry)
        for table in (AttendanceRow,):
            for row in self.session.exec(select(table).where(table.meeting_id == meeting_id)).all():
                self.session.delete(row)
        for planned in self.session.exec(
            select(ScheduledMeetingRow).where(ScheduledMeetingRow.source_meeting_id == meeting_id)
        ).all():
            self.session.delete(planned)
        self.session.flush()
        meeting = self.session.get(MeetingRow, meeting_id)
        if meeting is None:
            raise NotFoundError(_("There is no meeting {id}; `track meeting list` shows them.").format(id=meeting_id))
        self.session.delete(meeting)
        self.session.flush()
        self._drop_group_if_empty(meeting.group_id)

    def delete_setting(self, key: str) -> None:
        row = self.session.get(SettingRow, key)
        if row is not None:
            self.session.delete(row)
            self.session.flush()

    def set_setting(self, key: str, value: str) -> None:
        row = self.session.get(SettingRow, key)
        if row is None:
            self.session.add(SettingRow(key=key, value=value))
        else:
            row.value = value
            self.session.add(row)
        self.session.flush()

    def add_attendance(self, meeting_id: int, person_id: int, present: bool) -> None:
        if self.session.get(AttendanceRow, (meeting_id, person_id)) is None:
            self.session.add(AttendanceRow(meeting_id=meeting_id, person_id=person_id, present=present))
            self.session.flush()

    def add_scheduled(
        self, group: str, when: date, place: str | None, source_meeting_id: int | None, now: str
    ) -> None:
        group_row = self.get_or_create_group(group, now)
        existing = self.session.exec(
            select(ScheduledMeetingRow).where(
                ScheduledMeetingRow.group_id == group_row.id, ScheduledMeetingRow.date == when.isoformat()
            )
        ).first()
        if existing is None:
            self.session.add(
                ScheduledMeetingRow(
                    group_id=group_row.id,  # type: ignore[arg-type]
                    date=when.isoformat(),
                    place=place,
                    source_meeting_id=source_meeting_id,
                )
            )
            self.session.flush()

    def update_person(self, person_id: int, organisation: str | None) -> None:
        row = self.session.get(PersonRow, person_id)
        if row is not None and organisation and not row.organisation:
            row.organisation = organisation
            self.session.add(row)
            self.session.flush()

    def add_alias(self, person_id: int, alias: str) -> None:
        key = " ".join(alias.split()).casefold()
        owner = self.session.exec(select(PersonAliasRow).where(PersonAliasRow.alias == key)).first()
        if owner is not None:
            if owner.person_id == person_id:
                return
            other = self.get_person(owner.person_id)
            raise PersonError(_("'{alias}' is already an alias of {name}.").format(alias=alias, name=other.name))
        self.session.add(PersonAliasRow(person_id=person_id, alias=key))
        self.session.flush()

    def merge_people(self, keep_id: int, other_id: int) -> None:
        """Move everything of `other` to `keep`; other's name becomes an alias."""
        other = self.get_person(other_id)
        for owner in self.session.exec(select(ItemOwnerRow).where(ItemOwnerRow.person_id == other_id)):
            owner.person_id = keep_id
            self.session.add(owner)
        for att in self.session.exec(select(AttendanceRow).where(AttendanceRow.person_id == other_id)).all():
            present = att.present
            self.session.delete(att)
            self.session.flush()
            self.add_attendance(att.meeting_id, keep_id, present)
        for alias in self.session.exec(select(PersonAliasRow).where(PersonAliasRow.person_id == other_id)):
            alias.person_id = keep_id
            self.session.add(alias)
        self.session.flush()
        row = self.session.get(PersonRow, other_id)
        self.session.delete(row)
        self.session.flush()
        self.add_alias(keep_id, other.name)

    # --- items ---------------------------------------------------------------

    def delete_item(self, item_id: int) -> None:
        """An item with its owners and history (a point gone from corrected minutes)."""
        for table in (ItemOwnerRow, ItemHistoryRow):
            for row in self.session.exec(select(table).where(table.item_id == item_id)).all():
                self.session.delete(row)
        self.session.flush()
        self.session.delete(self._item_row(item_id))
        self.session.flush()

    def _item_row(self, item_id: int) -> ItemRow:
        row = self.session.get(ItemRow, item_id)
        if row is None:
            raise NotFoundError(_("There is no item {id}; `track open` lists the open ones.").format(id=item_id))
        return row

    # --- forgetting a person (issue 6) -----------------------------------------------------------

    _REWRITABLE = {
        "items": ("text", "source", "topic"),
        "item_history": ("detail",),
        "item_owners": ("organisation",),
        "meetings": ("title", "place", "secretary", "source_path"),
        "groups": ("name", "place"),
        "scheduled_meetings": ("place",),
        "people": ("organisation",),
    }

    def rewrite_row(self, table: str, row_id: int | str, values: Mapping[str, Any]) -> None:
        """Replace texts of one row (the columns that can hold a name), as forgetting a person does."""
        allowed = self._REWRITABLE[table]
        if not values or any(column not in allowed for column in values):
            raise ValueError(f"{sorted(values)} of {table} are not texts to rewrite")
        assignments = ", ".join(f"{column} = :{column}" for column in values)
        self.session.execute(text(f"UPDATE {table} SET {assignments} WHERE id = :row_id"),
                             {**values, "row_id": row_id})  # fmt: skip

    def forget_person(self, person_id: int, *, replacement: str) -> None:
        """Delete a person, their aliases and attendance; the items they owned keep an owner
        written as `replacement`. The undo journal is emptied: it holds old texts that name them."""
        from actiontrack.storage.journal import forget_all

        if self.journal is not None:
            self.journal.stop()
        forget_all(self.session)
        for owner in self.session.exec(select(ItemOwnerRow).where(ItemOwnerRow.person_id == person_id)).all():
            owner.person_id = None
            owner.organisation = replacement
            self.session.add(owner)
        for table in (PersonAliasRow, AttendanceRow):
            for row in self.session.exec(select(table).where(table.person_id == person_id)).all():
                self.session.delete(row)
        self.session.flush()
        self.session.delete(self.session.get(PersonRow, person_id))
        self.session.flush()

    def set_meeting_secretary(self, meeting_id: int, secretary: str) -> None:
        row = self.session.get(MeetingRow, meeting_id)
        if row is not None:
            row.secretary = secretary
            self.session.add(row)
            self.session.flush()

    # --- undo (issue 12) -------------------------------------------------------------------------

    def undo_last(self, now: str, user: str) -> tuple[str, str]:
        """Revert the user's last recorded command; what it was, and what it had changed."""
        from actiontrack.storage.journal import undo_last
        from actiontrack.storage.reads import summarise

        rows = undo_last(self.session, now, user)
        return rows[0].label, summarise([json.loads(r.detail) for r in rows])
