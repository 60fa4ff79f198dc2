"""Opening the store: SQLite by default, any SQLAlchemy URL (PostgreSQL) when asked.

`open_database(url)` creates a new SQLite file readable by its owner only, sets
the pragmas and brings the schema up to date; each `transaction()` (or `run(work)`,
which retries when SQLite is busy) is a Repository that is committed when the block
ends and rolled back on any error, so a command writes everything or nothing.
`open_reader(url)` is the light, read-only way in; `transaction(light=True)` the light
way to write one item (storage/writes.py), which the item commands take (issue 15).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from actiontrack.errors import StorageError
from actiontrack.i18n import _
from actiontrack.paths import sqlite_path
from actiontrack.storage.reads import Reads

if TYPE_CHECKING:
    import sqlite3

    from actiontrack.storage.journal import Record
    from actiontrack.storage.repository import Repository
    from actiontrack.storage.writes import Writes

BUSY_TIMEOUT_MS = 30_000
T = TypeVar("T")


class BusyError(StorageError):
    """SQLite stayed locked by another writer past the busy timeout."""


def folder_is_read_only(path: Path) -> bool:
    """The database's folder cannot be written: SQLite can make no -wal or -shm file there."""
    return not os.access(path.parent, os.W_OK)


def read_only_connection(path: Path) -> sqlite3.Connection:
    """A database in a folder this user cannot write to, opened to be read (issue 13).

    A database in WAL mode needs a -shm file beside it; where none can be made, SQLite reads
    the file as immutable, which is exact when no -wal file holds changes not yet merged in.
    """
    import sqlite3
    from urllib.parse import quote

    wal, shm = (path.with_name(path.name + suffix) for suffix in ("-wal", "-shm"))
    if wal.exists() and wal.stat().st_size and not shm.exists():
        raise StorageError(
            _("The folder {folder} is read-only and the database's latest changes are still in "
              "{wal}; ask someone who can write there to run `track check`, or copy the folder "
              "somewhere you can write.").format(folder=path.parent, wal=wal.name)
        )
    mode = "mode=ro" if wal.exists() and wal.stat().st_size else "immutable=1"
    try:
        return sqlite3.connect(f"file:{quote(str(path))}?{mode}", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as e:
        raise StorageError(_("The database {path} cannot be read: {reason}.").format(path=path, reason=e)) from None


def _read_only_folder_error(path: Path) -> StorageError:
    return StorageError(
        _("The folder {folder} is read-only: the database there can be read (open, agenda, export, "
          "check) but not changed; copy it to a folder you can write to, or ask for write access.").format(folder=path.parent)
    )


def _prepare_sqlite_file(url: str, write: bool, *, create_folder: bool = False) -> None:
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
            raise _read_only_folder_error(path)
        return
    if path.parent.is_dir() and folder_is_read_only(path):
        raise _read_only_folder_error(path)
    if not path.parent.is_dir() and not (create_folder or path == default_database()):
        if path.parent.exists():
            raise StorageError(_("Cannot create the database {path}: {folder} is not a folder.").format(path=path, folder=path.parent))
        raise StorageError(
            _("The folder {folder} does not exist; create it first, or give another --db path.").format(folder=path.parent)
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise StorageError(_("Cannot create the database {path}: {reason}.").format(path=path, reason=e.strerror or e)) from None
    try:
        # Minutes name people: a new database is readable by its owner only.
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError:
        pass  # another process created it just now
    except OSError as e:
        raise StorageError(_("Cannot create the database {path}: {reason}.").format(path=path, reason=e.strerror or e)) from None


def _engine(url: str, write: bool) -> Any:
    from sqlalchemy import create_engine, event, exc
    from sqlalchemy.pool import NullPool, SingletonThreadPool

    if not url.startswith("sqlite"):
        try:
            return create_engine(url, poolclass=NullPool)
        except (exc.ArgumentError, ImportError) as e:  # a bad URL, or a driver that is not installed
            raise StorageError(_("Cannot use the database URL in TRACK_DATABASE_URL: {reason}.").format(reason=e)) from None

    # One connection per process, reused by every transaction (a new one per document made
    # `track import` pay for connecting, WAL set-up and closing each time).
    path = sqlite_path(url)
    extra: dict[str, Any] = {}
    if not write and path is not None and path.exists() and folder_is_read_only(path):
        extra["creator"] = lambda: read_only_connection(path)
    engine = create_engine(
        url, poolclass=SingletonThreadPool, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}, **extra
    )

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
            # In WAL mode NORMAL loses no committed transaction when the process dies, only
            # possibly the last ones on a power cut, and spares an fsync per commit.
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def _describe(url: str) -> str:
    path = sqlite_path(url)
    return str(path) if path else url.split("@")[-1]


class Database:
    """An open database: one engine, the schema checked once, a transaction per `transaction()`.

    `track import` of many documents uses one Database and one transaction per document,
    so each document is stored whole or not at all without paying for a new connection.
    """

    def __init__(
        self, url: str, *, write: bool = True, record: Record | None = None, create_folder: bool = False
    ) -> None:
        self.url = url
        self.write = write
        self.record = record  # when given, each transaction is journaled for `track undo`
        _prepare_sqlite_file(url, write, create_folder=create_folder)
        self._engine: Any = None
        self._connection: sqlite3.Connection | None = None  # the light path's, once it is taken
        self._migrated = False

    @property
    def engine(self) -> Any:
        """SQLAlchemy's engine, made when first needed: the light path never needs it."""
        if self._engine is None:
            self._engine = _engine(self.url, self.write)
        return self._engine

    @contextmanager
    def transaction(self, *, light: bool = False) -> Iterator[Repository]:
        """A Repository in one transaction: committed at the end of the block, rolled back on any error.

        With `light`, on a SQLite file at the current schema, the transaction is sqlite3's and
        what it yields is storage/writes.Writes: the reads and the writes of one item, without
        SQLAlchemy (issue 15); a file to create or upgrade, or another database, is the Repository's.
        """
        if light and self.write:
            connection = self._light_connection()
            if connection is not None:
                with self._light_transaction(connection) as writes:
                    yield writes  # type: ignore[misc]
                return
        from sqlalchemy import exc
        from sqlmodel import Session

        from actiontrack.storage.migrations import migrate
        from actiontrack.storage.repository import Repository

        try:
            with Session(self.engine, expire_on_commit=False) as session:
                try:
                    if not self._migrated:
                        migrate(session.connection())
                    repo = Repository(session)
                    if self.record is not None:
                        from actiontrack.storage.journal import Journal

                        repo.journal = Journal(session)
                    yield repo
                    if repo.journal is not None:
                        repo.journal.save(self.record)  # type: ignore[arg-type]
                    session.commit()
                    self._migrated = True
                except BaseException:
                    session.rollback()
                    raise
        except exc.SQLAlchemyError as e:
            raise _unusable(self.url, getattr(e, "orig", None) or e) from None

    def _light_connection(self) -> sqlite3.Connection | None:
        """sqlite3 on the database file when it is at the current schema, else None."""
        import sqlite3

        from actiontrack.storage.migrations import MIGRATIONS, MIGRATIONS_TABLE

        if self._connection is not None:
            return self._connection
        path = sqlite_path(self.url)
        if path is None or self._engine is not None or not path.is_file() or not path.stat().st_size:
            return None
        try:
            # autocommit mode: BEGIN IMMEDIATE is ours, as on the SQLAlchemy path
            conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        except sqlite3.Error:
            return None  # the SQLAlchemy path says why, in its words
        try:
            names = [r[0] for r in conn.execute(f"SELECT name FROM {MIGRATIONS_TABLE} ORDER BY rowid")]
        except sqlite3.Error:
            names = None
        if names != [m.__name__ for m in MIGRATIONS]:
            conn.close()
            return None
        for pragma in (  # as _engine's connect event
            "PRAGMA foreign_keys=ON", f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
            "PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL",
        ):  # fmt: skip
            conn.execute(pragma)
        self._connection = conn
        return conn

    @contextmanager
    def _light_transaction(self, conn: sqlite3.Connection) -> Iterator[Writes]:
        import sqlite3

        from actiontrack.storage.writes import ChangeLog, Writes

        def run(sql: str, params: Any) -> list[tuple[Any, ...]]:
            return conn.execute(sql, params).fetchall()

        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                writes = Writes(run)
                if self.record is not None:
                    writes.journal = ChangeLog(run)
                yield writes
                if writes.journal is not None:
                    writes.journal.save(self.record)  # type: ignore[arg-type]
                conn.execute("COMMIT")
                self._migrated = True
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        except sqlite3.Error as e:
            raise _unusable(self.url, e) from None

    def run(self, work: Callable[[Repository], T], *, attempts: int = 5, light: bool = False) -> T:
        """`work` in one transaction, run again from the start if SQLite says the database is busy
        (after its own 30-second wait): two secretaries writing at once both get their way."""
        for attempt in range(1, attempts + 1):
            try:
                with self.transaction(light=light) as repo:
                    return work(repo)
            except BusyError:
                if attempt == attempts:
                    raise
                import random  # here: the read path does not need it (issue 15)

                time.sleep(0.05 * 2**attempt * (0.5 + random.random()))
        raise AssertionError("unreachable")

    def close(self) -> None:
        if self.write and self._migrated and sqlite_path(self.url) is not None:
            self._optimize()
        if self._connection is not None:
            self._connection.close()
        if self._engine is not None:
            self._engine.dispose()

    def _optimize(self) -> None:
        """Keep the query planner's statistics current, the cheap way SQLite recommends:
        `PRAGMA optimize` as a writing connection closes ANALYZEs the tables this command
        queried that were never analyzed or have grown much since (issue 15: unanalyzed,
        `agenda` scanned every done item of every group). The limit keeps it to milliseconds
        at a million items. Only statistics: a database too busy for them is left as it is."""
        if self._connection is not None:
            import sqlite3

            try:
                self._connection.execute("PRAGMA analysis_limit=400")
                self._connection.execute("PRAGMA optimize")
            except sqlite3.Error:
                pass
            return
        from sqlalchemy import exc

        try:
            with self.engine.begin() as conn:
                conn.exec_driver_sql("PRAGMA analysis_limit=400")
                conn.exec_driver_sql("PRAGMA optimize")
        except exc.SQLAlchemyError:
            pass


@contextmanager
def open_database(
    url: str, *, write: bool = True, record: Record | None = None, create_folder: bool = False
) -> Iterator[Database]:
    db = Database(url, write=write, record=record, create_folder=create_folder)
    try:
        yield db
    finally:
        db.close()


@contextmanager
def open_repository(url: str, *, write: bool = True) -> Iterator[Repository]:
    """A Repository in one transaction, on a database brought up to the current schema."""
    with open_database(url, write=write) as db, db.transaction() as repo:
        yield repo


@contextmanager
def open_reader(url: str) -> Iterator[Reads]:
    """Reads for a command that writes nothing.

    On a SQLite database already at the current schema this is the standard library's
    sqlite3 and nothing more: `track open` starts without SQLAlchemy or pydantic. Any
    other database, or one that needs creating or upgrading, goes through the Repository.
    """
    import sqlite3

    from actiontrack.storage.migrations import MIGRATIONS, MIGRATIONS_TABLE

    path = sqlite_path(url)
    if path is not None and not path.exists():
        # Nothing to read yet, and reading creates nothing: an empty database in memory
        # (after the same checks a write would make: a missing folder is an error).
        from actiontrack.paths import default_database

        if not path.parent.is_dir() and path != default_database():
            _prepare_sqlite_file(url, False)
        with open_repository("sqlite://", write=False) as repo:
            yield repo
        return
    if path is None or not path.is_file():
        with open_repository(url, write=False) as repo:
            yield repo
        return
    read_only = folder_is_read_only(path)
    try:
        conn = read_only_connection(path) if read_only else sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as e:
        raise StorageError(_("The database {path} cannot be used: {reason}.").format(path=path, reason=e)) from None
    try:
        try:
            conn.execute("PRAGMA query_only=ON")
            names = [r[0] for r in conn.execute(f"SELECT name FROM {MIGRATIONS_TABLE}")]
        except sqlite3.Error:
            names = None
        if names != [m.__name__ for m in MIGRATIONS] and read_only:
            raise StorageError(
                _("The database {path} needs upgrading and its folder is read-only; run any `track` command "
                  "as someone who can write there first.").format(path=path)
            )
        if names != [m.__name__ for m in MIGRATIONS]:
            conn.close()
            with open_repository(url, write=False) as repo:  # creates, upgrades, or says why not
                yield repo
            return
        conn.execute("BEGIN")  # one consistent snapshot for the whole command

        def run(sql: str, params: object) -> list[tuple[object, ...]]:
            try:
                return conn.execute(sql, params).fetchall()  # type: ignore[arg-type]
            except sqlite3.Error as e:
                raise StorageError(_("The database {path} cannot be read: {reason}.").format(path=path, reason=e)) from None

        yield Reads(run)
    finally:
        conn.close()


def _unusable(url: str, e: BaseException) -> StorageError:
    """The error for a database SQLite or SQLAlchemy refused, on either write path: busy (to be
    tried again by `run`) or not usable, with the database's first line of reason."""
    reason = str(e).splitlines()[0]
    error = BusyError if ("locked" in reason or "busy" in reason) else StorageError
    return error(_("The database {path} cannot be used: {reason}.").format(path=_describe(url), reason=reason))
