"""A new SQLite database made in one step, from the schema the migrations build.

Running the migrations one by one needs SQLAlchemy, whose import and metadata cost a quarter
of a second: more than the rest of a weekly command, and a fifth of an import of a hundred
minutes into a new file. `schema_sqlite.sql` beside this module is what they leave in an empty
database (its `sqlite_master`, in order), written by `scripts/dump_schema.py`; a test checks
that it is what the migrations make today and that a database made from it is the same, so
the migrations stay the one definition of the schema. An existing database is upgraded by the
migrations, as before.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite3

SNAPSHOT = Path(__file__).with_name("schema_sqlite.sql")
_STATEMENT_END = ";\n"


def snapshot_of(conn: sqlite3.Connection) -> str:
    """The schema of the database on `conn`, as the statements that make it (what
    schema_sqlite.sql holds); SQLite's own tables and indexes are left to SQLite."""
    rows = conn.execute(
        "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite%'"
        # the tables in the order made, then the indexes by name (SQLAlchemy makes a table's
        # indexes in no fixed order)
        " ORDER BY type != 'table', CASE type WHEN 'table' THEN rowid END, name"
    ).fetchall()
    return "".join(sql + _STATEMENT_END for (sql,) in rows)


def create_fresh(conn: sqlite3.Connection) -> bool:
    """Make the current schema in an empty database, in the caller's transaction; False, and
    nothing done, if the database holds anything already (the migrations decide then)."""
    from actiontrack.storage.migrations import MIGRATIONS_TABLE, current_names

    if conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone() is not None:
        return False
    for statement in SNAPSHOT.read_text(encoding="utf-8").split(_STATEMENT_END):
        if statement.strip():
            conn.execute(statement)
    now = datetime.now(UTC).isoformat()
    conn.executemany(
        f"INSERT INTO {MIGRATIONS_TABLE} (name, applied_at) VALUES (?, ?)",
        [(name, now) for name in current_names()],
    )
    return True
