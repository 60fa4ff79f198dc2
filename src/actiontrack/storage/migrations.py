"""Numbered, append-only schema migrations (as llm and sqlite-utils do).

Each migration is a function of a SQLAlchemy connection. Applied names are
recorded in `_track_migrations`; `migrate` runs the missing ones in order, each
in the caller's transaction, so a failed upgrade leaves the database as it was.
Never edit a shipped migration: add the next one. Table definitions inside a
migration are frozen copies, not tables.py, so that an old database is upgraded
step by step exactly as it was built.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from actiontrack.errors import StorageError
from actiontrack.i18n import _
from actiontrack.storage.sql import Run

TYPE_CHECKING = False  # typing costs a command's start 3-4 ms
if TYPE_CHECKING:
    from typing import Any

    from sqlalchemy.engine import Connection

# SQLAlchemy is imported inside the functions: the read path checks the schema version
# from MIGRATIONS without loading it.
MIGRATIONS_TABLE = "_track_migrations"
Migration = Callable[["Connection"], None]


def m001_initial(conn: Connection) -> None:
    import sqlalchemy as sa

    md = sa.MetaData()
    sa.Table(
        "groups", md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String, nullable=False, unique=True),
        sa.Column("place", sa.String),
        sa.Column("created_at", sa.String, nullable=False),
    )  # fmt: skip
    sa.Table(
        "meetings", md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("group_id", sa.Integer, sa.ForeignKey("groups.id"), nullable=False, index=True),
        sa.Column("date", sa.String, index=True),
        sa.Column("title", sa.String),
        sa.Column("place", sa.String),
        sa.Column("secretary", sa.String),
        sa.Column("source_path", sa.String),
        sa.Column("source_hash", sa.String, unique=True),
        sa.Column("next_meeting", sa.String),
        sa.Column("created_at", sa.String, nullable=False),
    )  # fmt: skip
    sa.Table(
        "people", md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String, nullable=False, unique=True),
        sa.Column("organisation", sa.String),
        sa.Column("created_at", sa.String, nullable=False),
    )  # fmt: skip
    sa.Table(
        "person_aliases", md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("person_id", sa.Integer, sa.ForeignKey("people.id"), nullable=False, index=True),
        sa.Column("alias", sa.String, nullable=False, unique=True),
    )  # fmt: skip
    sa.Table(
        "meeting_attendees", md,
        sa.Column("meeting_id", sa.Integer, sa.ForeignKey("meetings.id"), primary_key=True),
        sa.Column("person_id", sa.Integer, sa.ForeignKey("people.id"), primary_key=True, index=True),
        sa.Column("present", sa.Boolean, nullable=False),
    )  # fmt: skip
    sa.Table(
        "scheduled_meetings", md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("group_id", sa.Integer, sa.ForeignKey("groups.id"), nullable=False, index=True),
        sa.Column("date", sa.String, nullable=False),
        sa.Column("place", sa.String),
        sa.Column("source_meeting_id", sa.Integer, sa.ForeignKey("meetings.id")),
    )  # fmt: skip
    sa.Table(
        "items", md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String, nullable=False),
        sa.Column("text", sa.String, nullable=False),
        sa.Column("status", sa.String, nullable=False, index=True),
        sa.Column("due", sa.String, index=True),
        sa.Column("meeting_id", sa.Integer, sa.ForeignKey("meetings.id"), index=True),
        sa.Column("source", sa.String),
        sa.Column("line", sa.Integer),
        sa.Column("topic", sa.String),
        sa.Column("confidence", sa.Float),
        sa.Column("created_at", sa.String, nullable=False),
        sa.Column("updated_at", sa.String, nullable=False),
        sa.Column("closed_at", sa.String),
    )  # fmt: skip
    sa.Table(
        "item_owners", md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("item_id", sa.Integer, sa.ForeignKey("items.id"), nullable=False, index=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("person_id", sa.Integer, sa.ForeignKey("people.id"), index=True),
        sa.Column("organisation", sa.String),
    )  # fmt: skip
    sa.Table(
        "item_history", md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("item_id", sa.Integer, sa.ForeignKey("items.id"), nullable=False, index=True),
        sa.Column("at", sa.String, nullable=False),
        sa.Column("action", sa.String, nullable=False),
        sa.Column("detail", sa.String, nullable=False),
        sa.Column("meeting_id", sa.Integer, sa.ForeignKey("meetings.id")),
    )  # fmt: skip
    sa.Table(
        "settings", md,
        sa.Column("key", sa.String, primary_key=True),
        sa.Column("value", sa.String, nullable=False),
    )  # fmt: skip
    md.create_all(conn)


def m002_changes_and_meeting_time(conn: Connection) -> None:
    """The journal `track undo` and `track log` read, and a meeting's time of day."""
    import sqlalchemy as sa

    md = sa.MetaData()
    sa.Table(
        "changes", md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("command_id", sa.String, nullable=False, index=True),
        sa.Column("at", sa.String, nullable=False),
        sa.Column("run_by", sa.String, nullable=False),
        sa.Column("label", sa.String, nullable=False),
        sa.Column("summary", sa.String, nullable=False),
        sa.Column("detail", sa.String, nullable=False),
        sa.Column("undone_at", sa.String),
    )  # fmt: skip
    md.create_all(conn)
    conn.execute(sa.text("ALTER TABLE meetings ADD COLUMN time VARCHAR"))


def m003_agenda_indexes(conn: Connection) -> None:
    """Indexes for the agenda's and the digest's queries.

    The agenda reads a group's open items and the items done since its last meeting:
    `meeting_id IN (the group's meetings) AND status = ... [AND closed_at >= ...]`, one
    index seek per meeting instead of every open or every done item of every group. The
    digest of an organisation reads `item_owners.organisation`; the owners of the items
    read are fetched by item in their order.
    """
    import sqlalchemy as sa

    for name, table, columns in [
        ("ix_items_meeting_status_closed", "items", "meeting_id, status, closed_at"),
        ("ix_item_owners_organisation", "item_owners", "organisation"),
        ("ix_item_owners_item_position", "item_owners", "item_id, position"),
        ("ix_item_owners_person_item", "item_owners", "person_id, item_id"),
    ]:
        conn.execute(sa.text(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({columns})"))


def m004_person_keys(conn: Connection) -> None:
    """Indexed lookup keys of people's names: `track add --owner Leif` finds the
    people a name may mean by them instead of reading every person of a shared database.

    name_key is the whole name case-folded, first_key and last_key its first and last word,
    initials the capitals of its parts ("Leif Redestig" -> "LR"); storage/writes.py fills
    them for every new person (person_keys). Existing people get theirs here, computed as
    that function did when this migration was written (Python's casefold: SQL's lower()
    knows no å, ä or ö).
    """
    import sqlalchemy as sa

    for column in ("name_key", "first_key", "last_key", "initials"):
        conn.execute(sa.text(f"ALTER TABLE people ADD COLUMN {column} VARCHAR"))
    _set_person_keys(conn, conn.execute(sa.text("SELECT id, name FROM people")).all())
    for column in ("name_key", "first_key", "last_key", "initials"):
        conn.execute(sa.text(f"CREATE INDEX IF NOT EXISTS ix_people_{column} ON people ({column})"))


def _person_keys(name: str) -> dict[str, str | None]:
    """A frozen copy of people_writes.person_keys as m004 was written: a migration does not
    change when that function does."""
    parts = " ".join(name.split()).casefold().split()
    caps = "".join(p[0] for p in name.replace("-", " ").split() if p[:1].isupper()).upper()
    return {
        "name_key": " ".join(parts), "first_key": parts[0] if parts else None,
        "last_key": parts[-1] if parts else None, "initials": caps or None,
    }  # fmt: skip


def _set_person_keys(conn: Connection, people: Sequence[Any]) -> None:
    """The lookup keys of each (id, name), computed from the name as given."""
    import sqlalchemy as sa

    if people:
        conn.execute(
            sa.text(
                "UPDATE people SET name_key = :name_key, first_key = :first_key, last_key = :last_key, "
                "initials = :initials WHERE id = :id"
            ),
            [{"id": person_id, **_person_keys(name)} for person_id, name in people],
        )


def m005_next_meeting_time_and_place(conn: Connection) -> None:
    """The time and place of the next meeting as the minutes announce it ("Nästa sammanträde hålls
    den 7 april 2030 kl. 13.00–15.00 i Stadshuset"), kept with the meeting that announced it
    beside its date: the calendar export makes the announced meeting a timed event there."""
    import sqlalchemy as sa

    conn.execute(sa.text("ALTER TABLE meetings ADD COLUMN next_time VARCHAR"))
    conn.execute(sa.text("ALTER TABLE meetings ADD COLUMN next_place VARCHAR"))


def m006_item_groups_and_unresolved_owners(conn: Connection) -> None:
    """Every item belongs to a group, and an owner may be a name nobody is known by yet.

    An item added between meetings has no meeting, and so reached no agenda: `items.group_id`
    is the group whose agenda follows it up, filled here from each item's meeting; the agenda
    reads a group's items through an index on (group_id, status, closed_at). An owner named in
    minutes that matches nobody (a bare "Kjell", a misspelt "Birgita") is kept as written in
    `item_owners.organisation` with `unresolved` set, until someone says who it is.
    """
    import sqlalchemy as sa

    conn.execute(sa.text("ALTER TABLE items ADD COLUMN group_id INTEGER REFERENCES groups (id)"))
    conn.execute(
        sa.text(
            "UPDATE items SET group_id = (SELECT m.group_id FROM meetings m WHERE m.id = items.meeting_id) "
            "WHERE meeting_id IS NOT NULL"
        )
    )
    conn.execute(
        sa.text(
            "CREATE INDEX IF NOT EXISTS ix_items_group_status_closed ON items (group_id, status, closed_at)"
        )
    )
    conn.execute(sa.text("ALTER TABLE item_owners ADD COLUMN unresolved BOOLEAN"))


def m007_composed_name_keys(conn: Connection) -> None:
    """People's lookup keys, and their aliases, in Unicode's composed form (NFC), as every text
    has been written since texts were composed on their way in.

    A database written before then may hold a name typed decomposed ("Ö" as "O" and two dots,
    as some Mac and web sources write it) with decomposed keys, which a look-up by the name as
    typed (composed) misses: an import would add the person again. The names themselves are
    left as written; an alias is composed unless the composed alias is another's already.
    """
    import unicodedata

    import sqlalchemy as sa

    people = conn.execute(sa.text("SELECT id, name FROM people")).all()
    _set_person_keys(
        conn,
        [
            (i, unicodedata.normalize("NFC", name))
            for i, name in people
            if not unicodedata.is_normalized("NFC", name)
        ],
    )
    aliases = conn.execute(sa.text("SELECT id, alias FROM person_aliases")).all()
    taken = {alias for _, alias in aliases}
    for alias_id, alias in aliases:
        composed = unicodedata.normalize("NFC", alias)
        if composed != alias and composed not in taken:
            conn.execute(
                sa.text("UPDATE person_aliases SET alias = :a WHERE id = :i"), {"a": composed, "i": alias_id}
            )
            taken.add(composed)


def m008_import_indexes(conn: Connection) -> None:
    """Indexes for what an import asks of a database of a million items.

    Whether a group already has a meeting on the minutes' day (`group_id AND date`) read every
    meeting of the group; the ten names that show who shares a crowded first name (`first_key
    ORDER BY name LIMIT 10`) read and sorted all of them. The index of (first_key, name) also
    serves every look-up by first_key alone, which had an index of its own.
    """
    import sqlalchemy as sa

    conn.execute(sa.text("CREATE INDEX IF NOT EXISTS ix_meetings_group_date ON meetings (group_id, date)"))
    conn.execute(sa.text("CREATE INDEX IF NOT EXISTS ix_people_first_key_name ON people (first_key, name)"))
    conn.execute(sa.text("DROP INDEX IF EXISTS ix_people_first_key"))


MIGRATIONS: list[Migration] = [
    m001_initial, m002_changes_and_meeting_time, m003_agenda_indexes, m004_person_keys,
    m005_next_meeting_time_and_place,
    m006_item_groups_and_unresolved_owners,
    m007_composed_name_keys,
    m008_import_indexes,
]  # fmt: skip


def current_names() -> list[str]:
    """The migrations a database at this version's schema has applied, in order."""
    return [m.__name__ for m in MIGRATIONS]


def is_current(run: Run) -> bool:
    """Whether the database has exactly this version's schema: the one check, before any
    statement of storage/ runs on it (anything else is created, upgraded or refused by
    `migrate`)."""
    try:
        names = [r[0] for r in run(f"SELECT name FROM {MIGRATIONS_TABLE} ORDER BY name", {})]
    except StorageError:
        return False
    return names == sorted(current_names())


def _migrations_table() -> Any:
    import sqlalchemy as sa

    return sa.Table(
        MIGRATIONS_TABLE,
        sa.MetaData(),
        sa.Column("name", sa.String, primary_key=True),
        sa.Column("applied_at", sa.String, nullable=False),
    )


def applied(conn: Connection) -> list[str]:
    import sqlalchemy as sa

    if not sa.inspect(conn).has_table(MIGRATIONS_TABLE):
        return []
    table = _migrations_table()
    return [row[0] for row in conn.execute(sa.select(table.c.name))]


def schema_version(conn: Connection) -> int:
    return len(applied(conn))


def migrate(conn: Connection, migrations: list[Migration] | None = None) -> list[str]:
    """Apply the missing migrations in order; returns the names applied."""
    migrations = MIGRATIONS if migrations is None else migrations
    known = {m.__name__ for m in migrations}
    done = applied(conn)
    unknown = [name for name in done if name not in known]
    if unknown:
        raise StorageError(
            _(
                "This database was written by a newer actiontrack (it has migration {migration}); upgrade actiontrack."
            ).format(migration=unknown[0])
        )
    if not done:
        import sqlalchemy as sa

        others = sorted(sa.inspect(conn).get_table_names())
        if others:
            raise StorageError(
                _(
                    "This is not an actiontrack database: it holds another program's tables "
                    "({tables}); give another file with --db."
                ).format(tables=", ".join(others[:3]) + (", ..." if len(others) > 3 else ""))
            )
    table = _migrations_table()
    table.create(conn, checkfirst=True)
    ran = []
    for migration in migrations:
        if migration.__name__ in done:
            continue
        migration(conn)
        conn.execute(table.insert().values(name=migration.__name__, applied_at=datetime.now(UTC).isoformat()))
        ran.append(migration.__name__)
    return ran
