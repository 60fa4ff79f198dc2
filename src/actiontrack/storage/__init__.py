"""Opening the store: SQLite by default, any SQLAlchemy URL (PostgreSQL) when asked.

`open_database(url)` creates a new SQLite file readable by its owner only, sets the
pragmas and brings the schema up to date; each `transaction()` (or `run(work)`, which
retries when SQLite is busy) yields the one store of reads and writes (storage/writes.py),
committed when the block ends and rolled back on any error, so a command writes
everything or nothing. On SQLite the statements run on the standard library's sqlite3,
and SQLAlchemy is imported only to create or upgrade a file; on PostgreSQL they run
through SQLAlchemy. `open_reader(url)` is the same for a command that writes nothing.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager

from actiontrack.errors import StorageError
from actiontrack.i18n import _
from actiontrack.paths import sqlite_path
from actiontrack.storage.connect import (
    BusyError,
    folder_is_read_only,
    is_sqlite,
    prepare_sqlite_file,
    read_only_connection,
    unusable,
)
from actiontrack.storage.journal import Conflict, Journal, Record
from actiontrack.storage.reads import Reads
from actiontrack.storage.sql import composed
from actiontrack.storage.writes import Writes

TYPE_CHECKING = False  # typing costs a command's start 3-4 ms
if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Sequence
    from typing import Any, TypeVar

    T = TypeVar("T")

__all__ = [
    "BusyError",
    "Database",
    "Reads",
    "Record",
    "Writes",
    "folder_is_read_only",
    "open_database",
    "open_reader",
    "open_repository",
    "read_only_connection",
]


class Database:
    """An open database: one connection (SQLite) or engine (a server), the schema checked
    once, a transaction per `transaction()`.

    `track import` of many documents uses one Database and one transaction per document,
    so each document is stored whole or not at all without paying for a new connection.
    """

    def __init__(
        self,
        url: str,
        *,
        write: bool = True,
        record: Record | None = None,
        create_folder: bool = False,
        busy_s: float | None = None,
    ) -> None:
        self.url = url
        self.write = write
        self.busy_s = busy_s  # how long SQLite waits for another writer; None: BUSY_TIMEOUT_MS
        self.record = record  # when given, each transaction is journaled for `track undo`
        prepare_sqlite_file(url, write, create_folder=create_folder)
        self._connection: sqlite3.Connection | None = None
        self._engine: Any = None
        self._checked = False
        self._wrote = False

    @contextmanager
    def transaction(self) -> Iterator[Writes]:
        """The store in one transaction: committed at the end of the block, rolled back on any error."""
        work = self._sqlite_transaction() if is_sqlite(self.url) else self._server_transaction()
        with work as store:
            yield store
            if store.journal is not None:
                store.journal.save(self.record)  # type: ignore[arg-type]

    def ready(self) -> None:
        """Connect, and make or upgrade the schema, now rather than at the first transaction (an
        import does it while its documents are being read)."""
        if is_sqlite(self.url):
            self._sqlite()

    def run(self, work: Callable[[Writes], T], *, attempts: int = 5) -> T:
        """`work` in one transaction, run again from the start if SQLite says the database is busy
        (after its own 30-second wait): two secretaries writing at once both get their way."""
        for attempt in range(1, attempts + 1):
            try:
                with self.transaction() as store:
                    return work(store)
            except BusyError:
                if attempt == attempts:
                    raise
                import random  # here: the read path does not need it

                time.sleep(0.05 * 2**attempt * (0.5 + random.random()))
        raise AssertionError("unreachable")

    # --- SQLite: sqlite3 -----------------------------------------------------------------------------

    @contextmanager
    def _sqlite_transaction(self) -> Iterator[Writes]:
        import sqlite3

        conn = self._sqlite()

        def run(sql: str, params: Mapping[str, Any]) -> Sequence[Sequence[Any]]:
            try:
                return conn.execute(sql, composed(params)).fetchall()
            except sqlite3.IntegrityError as e:
                raise Conflict(str(unusable(self.url, e))) from None
            except sqlite3.Error as e:
                raise unusable(self.url, e) from None

        with self._begun(conn, "BEGIN IMMEDIATE" if self.write else "BEGIN"):  # one snapshot for a reader
            yield Writes(run, Journal(run) if self.record is not None else None)
        self._wrote = self.write

    @contextmanager
    def _begun(self, conn: sqlite3.Connection, begin: str) -> Iterator[None]:
        """A transaction on `conn`: committed at the end of the block, rolled back on any error;
        SQLite's own errors said as this database's."""
        import sqlite3

        try:
            conn.execute(begin)
            try:
                yield
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        except sqlite3.Error as e:
            raise unusable(self.url, e) from None

    def _sqlite(self) -> sqlite3.Connection:
        """The connection, its schema checked (and made or upgraded) the first time."""
        if self._connection is not None:
            return self._connection
        import sqlite3

        from actiontrack.storage.connect import sqlite_connection
        from actiontrack.storage.migrations import is_current

        busy = {} if self.busy_s is None else {"busy_ms": int(self.busy_s * 1000)}
        conn = sqlite_connection(self.url, write=self.write, **busy)

        def probe(sql: str, params: Mapping[str, Any]) -> Sequence[Sequence[Any]]:
            try:
                return conn.execute(sql, composed(params)).fetchall()
            except sqlite3.Error as e:
                raise unusable(self.url, e) from None

        try:
            if not is_current(probe):
                self._migrate_sqlite(conn)
            if not self.write:
                conn.execute("PRAGMA query_only=ON")
        except BaseException:
            conn.close()
            raise
        self._connection = conn
        return conn

    def _migrate_sqlite(self, conn: sqlite3.Connection) -> None:
        path = sqlite_path(self.url)
        if path is not None and path.exists() and folder_is_read_only(path):
            raise StorageError(
                _(
                    "The database {path} needs upgrading and its folder is read-only; run any `track` command "
                    "as someone who can write there first."
                ).format(path=path)
            )
        if self._create_fresh(conn):
            return
        import sqlite3

        from sqlalchemy import exc

        from actiontrack.storage.connect import migration_engine
        from actiontrack.storage.migrations import migrate

        try:
            with migration_engine(conn).connect() as sa_conn:  # connecting first: it rolls back
                try:
                    # another process may be creating the same file: the second waits, then
                    # finds the schema made; a migration that fails half-way rolls back whole
                    sa_conn.exec_driver_sql("BEGIN IMMEDIATE")
                    migrate(sa_conn)
                    sa_conn.commit()
                except BaseException:
                    sa_conn.rollback()
                    raise
        except sqlite3.Error as e:
            raise unusable(self.url, e) from None
        except exc.SQLAlchemyError as e:
            raise unusable(self.url, getattr(e, "orig", None) or e) from None

    def _create_fresh(self, conn: sqlite3.Connection) -> bool:
        """An empty database made at once from the schema's snapshot, without SQLAlchemy; False,
        and nothing written, if it holds anything (another process may have made it meanwhile:
        BEGIN IMMEDIATE waits for that)."""
        from actiontrack.storage.snapshot import create_fresh

        with self._begun(conn, "BEGIN IMMEDIATE"):
            made = create_fresh(conn)
        return made

    # --- a database server: SQLAlchemy ---------------------------------------------------------

    @contextmanager
    def _server_transaction(self) -> Iterator[Writes]:
        from sqlalchemy import exc, text

        from actiontrack.storage.connect import server_engine
        from actiontrack.storage.migrations import migrate

        if self._engine is None:
            self._engine = server_engine(self.url)

        try:
            with self._engine.connect() as conn:

                def run(sql: str, params: Mapping[str, Any]) -> Sequence[Sequence[Any]]:
                    try:
                        result = conn.execute(text(sql), dict(composed(params)))
                    except exc.IntegrityError as e:
                        raise Conflict(str(unusable(self.url, e.orig or e))) from None
                    except exc.SQLAlchemyError as e:
                        raise unusable(self.url, getattr(e, "orig", None) or e) from None
                    return result.all() if result.returns_rows else []

                with conn.begin():
                    if self.busy_s is not None:  # rows another transaction holds: wait this long
                        conn.execute(text(f"SET LOCAL lock_timeout = '{int(self.busy_s * 1000)}ms'"))
                    if not self._checked:
                        migrate(conn)
                        self._checked = True
                    yield Writes(run, Journal(run) if self.record is not None else None)
        except exc.SQLAlchemyError as e:
            raise unusable(self.url, getattr(e, "orig", None) or e) from None

    def close(self) -> None:
        if self._connection is not None:
            if self._wrote:
                self._optimize(self._connection)
            self._connection.close()
        if self._engine is not None:
            self._engine.dispose()

    @staticmethod
    def _optimize(conn: sqlite3.Connection) -> None:
        """Keep the query planner's statistics current, the cheap way SQLite recommends:
        `PRAGMA optimize` as a writing connection closes ANALYZEs the tables this command
        queried that were never analyzed or have grown much since (unanalyzed, `agenda`
        scanned every done item of every group). The limit keeps it to milliseconds at a
        million items. Only statistics: a database too busy for them is left as it is."""
        import sqlite3

        try:
            conn.execute("PRAGMA analysis_limit=400")
            conn.execute("PRAGMA optimize")
        except sqlite3.Error:
            pass


@contextmanager
def open_database(
    url: str,
    *,
    write: bool = True,
    record: Record | None = None,
    create_folder: bool = False,
    busy_s: float | None = None,
) -> Iterator[Database]:
    db = Database(url, write=write, record=record, create_folder=create_folder, busy_s=busy_s)
    try:
        yield db
    finally:
        db.close()


@contextmanager
def open_repository(url: str, *, write: bool = True) -> Iterator[Writes]:
    """The store in one transaction, on a database brought up to the current schema."""
    with open_database(url, write=write) as db, db.transaction() as store:
        yield store


@contextmanager
def open_reader(url: str) -> Iterator[Reads]:
    """The store for a command that writes nothing, in one consistent snapshot.

    A SQLite file that does not exist yet is not created: reading it reads an empty
    database in memory (after the same checks a write would make: a missing folder is an
    error)."""
    path = sqlite_path(url)
    if path is not None and not path.exists():
        from actiontrack.paths import default_database

        if not path.parent.is_dir() and path != default_database():
            prepare_sqlite_file(url, False)
        url = "sqlite://"
    with open_repository(url, write=False) as store:
        yield store
