"""The current schema as SQLModel tables.

Migrations (migrations.py) create and upgrade the database; these classes are
what the repository reads and writes. tests/test_migrations.py checks that a
fully migrated database has exactly these columns, so the two cannot drift.
Dates are ISO strings (YYYY-MM-DD), timestamps UTC ISO-8601 strings: they sort
and compare the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

from sqlmodel import Field, SQLModel


class GroupRow(SQLModel, table=True):
    __tablename__ = "groups"
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    place: str | None = None
    created_at: str


class MeetingRow(SQLModel, table=True):
    __tablename__ = "meetings"
    id: int | None = Field(default=None, primary_key=True)
    group_id: int = Field(foreign_key="groups.id", index=True)
    date: str | None = Field(default=None, index=True)
    title: str | None = None
    place: str | None = None
    secretary: str | None = None
    source_path: str | None = None
    source_hash: str | None = Field(default=None, unique=True)
    next_meeting: str | None = None
    created_at: str
    time: str | None = None  # "13.00-15.00", as written


class PersonRow(SQLModel, table=True):
    __tablename__ = "people"
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    organisation: str | None = None
    created_at: str
    # lookup keys of the name (migration m004, filled by storage/writes.person_keys)
    name_key: str | None = Field(default=None, index=True)
    first_key: str | None = Field(default=None, index=True)
    last_key: str | None = Field(default=None, index=True)
    initials: str | None = Field(default=None, index=True)


class PersonAliasRow(SQLModel, table=True):
    __tablename__ = "person_aliases"
    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="people.id", index=True)
    alias: str = Field(unique=True)


class AttendanceRow(SQLModel, table=True):
    __tablename__ = "meeting_attendees"
    meeting_id: int = Field(foreign_key="meetings.id", primary_key=True)
    person_id: int = Field(foreign_key="people.id", primary_key=True, index=True)
    present: bool = True


class ScheduledMeetingRow(SQLModel, table=True):
    __tablename__ = "scheduled_meetings"
    id: int | None = Field(default=None, primary_key=True)
    group_id: int = Field(foreign_key="groups.id", index=True)
    date: str
    place: str | None = None
    source_meeting_id: int | None = Field(default=None, foreign_key="meetings.id")


class ItemRow(SQLModel, table=True):
    __tablename__ = "items"
    id: int | None = Field(default=None, primary_key=True)
    kind: str
    text: str
    status: str = Field(index=True)
    due: str | None = Field(default=None, index=True)
    meeting_id: int | None = Field(default=None, foreign_key="meetings.id", index=True)
    source: str | None = None
    line: int | None = None
    topic: str | None = None
    confidence: float | None = None
    created_at: str
    updated_at: str
    closed_at: str | None = None


class ItemOwnerRow(SQLModel, table=True):
    __tablename__ = "item_owners"
    id: int | None = Field(default=None, primary_key=True)
    item_id: int = Field(foreign_key="items.id", index=True)
    position: int = 0
    person_id: int | None = Field(default=None, foreign_key="people.id", index=True)
    organisation: str | None = None


class ItemHistoryRow(SQLModel, table=True):
    __tablename__ = "item_history"
    id: int | None = Field(default=None, primary_key=True)
    item_id: int = Field(foreign_key="items.id", index=True)
    at: str
    action: str
    detail: str  # JSON object: what changed
    meeting_id: int | None = Field(default=None, foreign_key="meetings.id")


class SettingRow(SQLModel, table=True):
    __tablename__ = "settings"
    key: str = Field(primary_key=True)
    value: str


class ChangeRow(SQLModel, table=True):
    """One transaction of a write command, as `track undo` needs it (storage/journal.py)."""

    __tablename__ = "changes"
    id: int | None = Field(default=None, primary_key=True)
    command_id: str = Field(index=True)  # the transactions of one command (an import of many files)
    at: str
    run_by: str  # who ran it: in a shared database, `track undo` reverts one's own commands
    label: str  # the command, as the user gave it
    summary: str  # what it changed, in words
    detail: str  # JSON list of row changes, in the order they were made
    undone_at: str | None = None
