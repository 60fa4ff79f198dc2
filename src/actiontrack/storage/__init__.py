"""Opening the store: SQLite by default, any SQLAlchemy URL (PostgreSQL) when asked.

`open_repository(url)` is the one way in. It creates a new SQLite file readable
by its owner only, sets the pragmas, brings the schema up to date, and gives a
Repository that is one transaction: committed when the block ends, rolled back
on any error, so a command writes everything or nothing.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from actiontrack.errors import StorageError
from actiontrack.paths import sqlite_path
from actiontrack.storage.repository import Repository

BUSY_TIMEOUT_MS = 30_000


def _prepare_sqlite_file(url: str) -> None:
    path = sqlite_path(url)
    if path is None:
        return
    if path.is_dir():
        raise StorageError(f"The database path {path} is a directory; give a file name.")
    if path.exists():
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise StorageError(f"Cannot create the database {path}: {e.strerror or e}.") from None
    try:
        # Minutes name people: a new database is readable by its owner only.
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError:
        pass  # another process created it just now
    except OSError as e:
        raise StorageError(f"Cannot create the database {path}: {e.strerror or e}.") from None


def _engine(url: str, write: bool) -> Any:
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import NullPool

    if not url.startswith("sqlite"):
        try:
            return create_engine(url, poolclass=NullPool)
        except Exception as e:  # noqa: BLE001 - a bad URL or a missing driver, said in one sentence
            raise StorageError(f"Cannot use the database URL in TRACK_DATABASE_URL: {e}.") from None

    engine = create_engine(url, poolclass=NullPool, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    # SQLAlchemy's recipe for transactional DDL on pysqlite: we emit BEGIN ourselves, so a
    # migration that fails half-way rolls back whole. BEGIN IMMEDIATE takes the write lock
    # up front, so two writers queue on the busy timeout instead of deadlocking.
    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if write:
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def _describe(url: str) -> str:
    path = sqlite_path(url)
    return str(path) if path else url.split("@")[-1]


@contextmanager
def open_repository(url: str, *, write: bool = True) -> Iterator[Repository]:
    """A Repository in one transaction, on a database brought up to the current schema."""
    from sqlalchemy import exc
    from sqlmodel import Session

    from actiontrack.storage.migrations import migrate

    _prepare_sqlite_file(url)
    engine = _engine(url, write)
    try:
        with Session(engine, expire_on_commit=False) as session:
            try:
                migrate(session.connection())
                yield Repository(session)
                session.commit()
            except BaseException:
                session.rollback()
                raise
    except exc.SQLAlchemyError as e:
        reason = str(getattr(e, "orig", None) or e).splitlines()[0]
        raise StorageError(f"The database {_describe(url)} cannot be used: {reason}.") from None
    finally:
        engine.dispose()
