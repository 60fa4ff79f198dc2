"""A new SQLite database is made from the schema's snapshot: the same as the migrations make."""

import importlib.util
import sqlite3
from pathlib import Path

import pytest

from actiontrack.storage import Database
from actiontrack.storage.migrations import MIGRATIONS, MIGRATIONS_TABLE, migrate
from actiontrack.storage.snapshot import SNAPSHOT, create_fresh, snapshot_of
from tests.test_startup import _loaded_by

pytestmark = pytest.mark.sqlite_only

SCRIPT = Path(__file__).parents[1] / "scripts" / "dump_schema.py"


def _dump_script():
    spec = importlib.util.spec_from_file_location("dump_schema", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _everything(path: Path) -> list[str]:
    """The database's whole dump, the migrations' timestamps aside."""
    conn = sqlite3.connect(path)
    try:
        return [line for line in conn.iterdump() if not line.startswith(f'INSERT INTO "{MIGRATIONS_TABLE}"')]
    finally:
        conn.close()


def test_the_snapshot_is_what_the_migrations_make_today():
    assert SNAPSHOT.read_text(encoding="utf-8") == _dump_script().migrated_schema(), (
        "a migration changed the schema: run scripts/dump_schema.py"
    )


def test_a_database_made_from_the_snapshot_is_the_one_the_migrations_make(tmp_path):
    from actiontrack.storage.connect import migration_engine

    made = tmp_path / "made.db"
    Database(f"sqlite:///{made}").ready()
    stepped = tmp_path / "stepped.db"
    conn = sqlite3.connect(stepped, isolation_level=None)
    with migration_engine(conn).connect() as sa_conn:
        migrate(sa_conn)
        sa_conn.commit()
    conn.close()
    assert sorted(_everything(made)) == sorted(_everything(stepped))
    with sqlite3.connect(made) as conn:
        names = [r[0] for r in conn.execute(f"SELECT name FROM {MIGRATIONS_TABLE} ORDER BY rowid")]
    assert names == [m.__name__ for m in MIGRATIONS]


def test_a_database_holding_anything_is_left_to_the_migrations(tmp_path):
    conn = sqlite3.connect(tmp_path / "other.db", isolation_level=None)
    conn.execute("CREATE TABLE notes (id INTEGER)")
    assert create_fresh(conn) is False
    assert snapshot_of(conn) == "CREATE TABLE notes (id INTEGER);\n"


def test_a_new_database_is_made_without_sqlalchemy(tmp_path):
    loaded = _loaded_by("--db", str(tmp_path / "new.db"), "people", "add", "Leif Lund")
    assert "sqlalchemy" not in loaded
