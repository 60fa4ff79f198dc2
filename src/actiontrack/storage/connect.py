"""Connecting to the store: the SQLite file made safely, sqlite3 connections, SQLAlchemy engines.

SQLite runs on the standard library's sqlite3; SQLAlchemy comes in only to upgrade a
SQLite file made by an older version, over the same connection (a new file is made from the
schema's snapshot, snapshot.py), and for PostgreSQL (or any other URL).
"""

from __future__ import annotations

import os
from pathlib import Path

from actiontrack.errors import StorageError
from actiontrack.i18n import N_, _
from actiontrack.paths import sqlite_path

TYPE_CHECKING = False  # typing costs a command's start 3-4 ms
if TYPE_CHECKING:
    import sqlite3
    from typing import Any

BUSY_TIMEOUT_MS = 30_000


class BusyError(StorageError):
    """SQLite stayed locked by another writer past the busy timeout."""


def folder_is_read_only(path: Path) -> bool:
    """The database's folder cannot be written: SQLite can make no -wal or -shm file there."""
    return not os.access(path.parent, os.W_OK)


def read_only_connection(path: Path) -> sqlite3.Connection:
    """A database in a folder this user cannot write to, opened to be read.

    A database in WAL mode needs a -shm file beside it; where none can be made, SQLite reads
    the file as immutable, which is exact when no -wal file holds changes not yet merged in.
    """
    import sqlite3
    from urllib.parse import quote

    wal, shm = (path.with_name(path.name + suffix) for suffix in ("-wal", "-shm"))
    if wal.exists() and wal.stat().st_size and not shm.exists():
        raise StorageError(
            _(
                "The folder {folder} is read-only and the database's latest changes are still in "
                "{wal}; ask someone who can write there to run `track check`, or copy the folder "
                "somewhere you can write."
            ).format(folder=path.parent, wal=wal.name)
        )
    mode = "mode=ro" if wal.exists() and wal.stat().st_size else "immutable=1"
    try:
        return sqlite3.connect(f"file:{quote(str(path))}?{mode}", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as e:
        raise StorageError(
            _("The database {path} cannot be read: {reason}.").format(path=path, reason=e)
        ) from None


def read_only_folder_error(path: Path) -> StorageError:
    return StorageError(
        _(
            "The folder {folder} is read-only: the database there can be read (open, agenda, export, "
            "check) but not changed; copy it to a folder you can write to, or ask for write access."
        ).format(folder=path.parent)
    )


def prepare_sqlite_file(url: str, write: bool, *, create_folder: bool = False) -> None:
    """A new database file is created where asked; its folder only for the default location
    (or `track init`): a mistyped --db must not leave a new folder and database behind."""
    from actiontrack.paths import default_database

    path = sqlite_path(url)
    if path is None:
        return
    if path.is_dir():
        raise StorageError(_("The database path {path} is a directory; give a file name.").format(path=path))
    if path.exists():
        if write and folder_is_read_only(path):
            raise read_only_folder_error(path)
        return
    if path.parent.is_dir() and folder_is_read_only(path):
        raise read_only_folder_error(path)
    if not path.parent.is_dir() and not (create_folder or path == default_database()):
        if path.parent.exists():
            raise StorageError(
                _("Cannot create the database {path}: {folder} is not a folder.").format(
                    path=path, folder=path.parent
                )
            )
        raise StorageError(
            _("The folder {folder} does not exist; create it first, or give another --db path.").format(
                folder=path.parent
            )
        )
    from actiontrack.files import make_private_folder

    try:
        make_private_folder(path.parent)
    except OSError as e:
        raise StorageError(
            _("Cannot create the database {path}: {reason}.").format(path=path, reason=e.strerror or e)
        ) from None
    try:
        # Minutes name people: a new database is readable by its owner only.
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError:
        pass  # another process created it just now
    except OSError as e:
        raise StorageError(
            _("Cannot create the database {path}: {reason}.").format(path=path, reason=e.strerror or e)
        ) from None


def describe(url: str) -> str:
    path = sqlite_path(url)
    return str(path) if path else url.split("@")[-1]


# SQLite's own reasons, as sqlite3 and SQLAlchemy pass them on: in English as SQLite says them,
# in the catalog's words in another language.
SQLITE_REASONS = (
    N_("file is not a database"), N_("database disk image is malformed"), N_("unable to open database file"),
    N_("attempt to write a readonly database"), N_("database or disk is full"), N_("disk I/O error"),
    N_("database is locked"),
)  # fmt: skip


def unusable(url: str, e: BaseException) -> StorageError:
    """The error for a database SQLite or SQLAlchemy refused, on either write path: busy (to be
    tried again by `run`) or not usable, with the database's first line of reason."""
    reason = str(e).splitlines()[0]
    busy = "locked" in reason or "busy" in reason or "lock timeout" in reason  # the last: PostgreSQL
    error = BusyError if busy else StorageError
    said = next((_(known) for known in SQLITE_REASONS if known in reason), reason)
    return error(_("The database {path} cannot be used: {reason}.").format(path=describe(url), reason=said))


SQLITE_PRAGMAS = ("PRAGMA foreign_keys=ON", "PRAGMA busy_timeout={ms}")
# In WAL mode NORMAL loses no committed transaction when the process dies, only possibly the
# last ones on a power cut, and spares an fsync per commit.
WRITER_PRAGMAS = ("PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL")


def sqlite_connection(url: str, *, write: bool, busy_ms: int = BUSY_TIMEOUT_MS) -> sqlite3.Connection:
    """sqlite3 on the file of `url` (in memory for "sqlite://"), in autocommit mode: the
    transactions are ours, BEGIN IMMEDIATE for a writer so that two writers queue on the busy
    timeout instead of deadlocking. A folder that cannot be written is read as it is."""
    import sqlite3

    path = sqlite_path(url)
    try:
        if path is not None and not write and path.exists() and folder_is_read_only(path):
            conn = read_only_connection(path)
        else:
            target = ":memory:" if path is None else path
            # one thread at a time, not always the one that opened it (a server embedding track)
            conn = sqlite3.connect(
                target, timeout=busy_ms / 1000, isolation_level=None, check_same_thread=False
            )
        conn.isolation_level = None
        for pragma in SQLITE_PRAGMAS + (WRITER_PRAGMAS if write else ()):
            conn.execute(pragma.format(ms=busy_ms))
    except sqlite3.Error as e:
        raise unusable(url, e) from None
    return conn


def migration_engine(conn: sqlite3.Connection) -> Any:
    """SQLAlchemy over an open sqlite3 connection, for the migrations: it neither begins,
    commits nor closes anything of its own, so they run in the caller's transaction."""
    from sqlalchemy import create_engine
    from sqlalchemy.pool import StaticPool

    return create_engine("sqlite://", creator=lambda: conn, poolclass=StaticPool, pool_reset_on_return=None)


def server_engine(url: str) -> Any:
    """SQLAlchemy's engine for a database server (PostgreSQL), a connection per transaction."""
    from sqlalchemy import create_engine, exc
    from sqlalchemy.pool import NullPool

    try:
        return create_engine(url, poolclass=NullPool)
    except (exc.ArgumentError, ImportError) as e:  # a bad URL, or a driver that is not installed
        raise StorageError(
            _("Cannot use the database URL in TRACK_DATABASE_URL: {reason}.").format(reason=e)
        ) from None


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")
