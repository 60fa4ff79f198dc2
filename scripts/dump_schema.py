"""Write src/actiontrack/storage/schema_sqlite.sql: the schema the migrations make in an empty
SQLite database, from which a new database is made in one step (storage/snapshot.py).

Run it after adding a migration; tests/test_schema_snapshot.py fails until it is run.

    .venv/bin/python scripts/dump_schema.py
"""

from __future__ import annotations

import sqlite3
import sys


def migrated_schema() -> str:
    """The migrations run one by one on an empty database in memory, and what they leave."""
    from actiontrack.storage.connect import migration_engine
    from actiontrack.storage.migrations import migrate
    from actiontrack.storage.snapshot import snapshot_of

    conn = sqlite3.connect(":memory:", isolation_level=None)
    with migration_engine(conn).connect() as sa_conn:
        migrate(sa_conn)
        sa_conn.commit()
    return snapshot_of(conn)


def main() -> int:
    from actiontrack.storage.snapshot import SNAPSHOT

    schema = migrated_schema()
    if SNAPSHOT.exists() and SNAPSHOT.read_text(encoding="utf-8") == schema:
        print(f"{SNAPSHOT} is current")
        return 0
    SNAPSHOT.write_text(schema, encoding="utf-8")
    print(f"wrote {SNAPSHOT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
