"""Looking after the database over the years: `track check` and `track backup`."""

from __future__ import annotations

import os
import sqlite3
import stat
import time
from pathlib import Path

from actiontrack.errors import StorageError, UsageError
from actiontrack.i18n import N_, _, ngettext
from actiontrack.paths import sqlite_path
from actiontrack.records import field, record


@record
class CheckReport:
    database: str
    schema_version: int = 0
    migrations: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def check(url: str) -> CheckReport:
    """Integrity, schema version, foreign keys, counts and (for a file) who may read it."""
    from actiontrack.storage import open_reader
    from actiontrack.storage.migrations import MIGRATIONS

    path = sqlite_path(url)
    report = CheckReport(str(path) if path else url.split("@")[-1])
    if path is not None and not path.is_file():
        raise StorageError(_("There is no database at {path} yet.").format(path=path))
    with open_reader(url) as repo:
        names = [r[0] for r in repo.run("SELECT name FROM _track_migrations ORDER BY name", {})]
        report.migrations = names
        report.schema_version = len(names)
        if names != [m.__name__ for m in MIGRATIONS]:
            report.problems.append(
                _("the schema has {names}, this actiontrack expects {expected}").format(
                    names=names, expected=[m.__name__ for m in MIGRATIONS]
                )
            )
        for table in ("items", "people", "meetings", "groups", "item_history"):
            report.counts[table] = repo.run(f"SELECT count(*) FROM {table}", {})[0][0]
        if path is not None:
            result = [r[0] for r in repo.run("PRAGMA integrity_check", {})]
            if result != ["ok"]:
                report.problems += [_("integrity: {line}").format(line=line) for line in result[:10]]
            for row in repo.run("PRAGMA foreign_key_check", {})[:10]:
                report.problems.append(
                    _("foreign key: row {row} of {table} points to a missing {other}").format(
                        row=row[1], table=row[0], other=row[2]
                    )
                )
        orphans = repo.run(
            "SELECT count(*) FROM item_owners o LEFT JOIN items i ON i.id = o.item_id WHERE i.id IS NULL", {}
        )
        if orphans[0][0]:
            report.problems.append(
                ngettext(
                    "{n} owner of an item that does not exist",
                    "{n} owners of items that do not exist",
                    orphans[0][0],
                ).format(n=orphans[0][0])
            )
        for item_id, name in repo.unresolved_owners():
            report.notes.append(
                _(
                    "#{id}: the owner '{name}' is nobody known yet; say who: track edit {id} --owner NAME"
                ).format(id=item_id, name=name)
            )
        pending = repo.run("SELECT value FROM settings WHERE key = :k", {"k": CLEANUP_PENDING})
        if pending:
            report.problems.append(
                _(
                    "a person was forgotten ({when}) but the deleted text is still in the database files; {again}"
                ).format(when=pending[0][0], again=_(_AGAIN))
            )
    if path is not None:
        _file_notes(report, path)
    return report


def _file_notes(report: CheckReport, path: Path) -> None:
    """What `check` notes about the database's file: a read-only folder, others who may read it."""
    from actiontrack.storage import folder_is_read_only

    if folder_is_read_only(path):
        report.notes.append(
            _("{folder} is read-only: the database can be read there, not changed.").format(
                folder=path.parent
            )
        )
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        report.notes.append(
            _("{path} can be read by others (mode {mode}); `chmod 600 {path}` keeps it private.").format(
                path=path, mode=f"{mode:o}"
            )
        )


def backup(url: str, target: str) -> Path:
    """A consistent copy made with SQLite's online backup, safe while others write."""
    path = sqlite_path(url)
    if path is None:
        raise UsageError(
            _(
                "track backup copies SQLite databases; for PostgreSQL use pg_dump (or track export --format json)."
            )
        )
    if not path.is_file():
        raise StorageError(_("There is no database at {path} yet.").format(path=path))
    dest = Path(target).expanduser()
    if dest.exists():
        raise UsageError(
            _("{file} exists; give a new file name (a backup never overwrites).").format(file=dest)
        )
    if dest.resolve() == path.resolve():
        raise UsageError(_("The backup must be another file than the database."))
    tmp = dest.with_name(f".{dest.name}.partial")
    tmp.unlink(missing_ok=True)  # left by a backup that was killed half-way; it holds names
    try:
        fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)  # as private as the database
        os.close(fd)
        source = sqlite3.connect(path, timeout=30)
        try:
            copy = sqlite3.connect(tmp)
            with copy:
                source.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
            copy.close()
        finally:
            source.close()
        os.replace(tmp, dest)
    except (OSError, sqlite3.Error) as e:
        tmp.unlink(missing_ok=True)
        raise StorageError(
            _("The backup to {file} failed: {reason}.").format(
                file=dest, reason=getattr(e, "strerror", None) or e
            )
        ) from None
    return dest


CLEANUP_PENDING = "cleanup_pending"  # setting: a person was forgotten, the file not yet cleaned
CLEANUP_ATTEMPTS = 5
CLEANUP_PAUSE_S = 0.2  # before the first retry; doubled each time
CLEANUP_BUSY_TIMEOUT_S = 30  # how long each attempt waits for other connections to let go
LOCK_TIMEOUT_S = 10  # PostgreSQL: how long VACUUM FULL may wait for the tables
_AGAIN = N_("run `track check --compact` when nobody else has the database open")


def purge(url: str) -> None:
    """Leave no deleted data behind after a person is forgotten; StorageError saying what to do if not.

    SQLite: rebuild the file without free pages (VACUUM) and empty the WAL into it
    (checkpoint TRUNCATE), checking that the checkpoint did complete: a reader holding an
    old snapshot makes it give up silently. Retried a few times; `track check --compact`
    repeats it. PostgreSQL: VACUUM FULL of the tables that held the text, waiting at most
    LOCK_TIMEOUT_S for them, so it never blocks everybody behind a forgotten transaction.
    """
    path = sqlite_path(url)
    if path is None:
        _vacuum_full(url)
        return
    problem = ""
    for attempt in range(CLEANUP_ATTEMPTS):
        if attempt:
            time.sleep(CLEANUP_PAUSE_S * 2 ** (attempt - 1))
        problem = _clean_sqlite(path)
        if not problem:
            return
    raise StorageError(
        _(
            "The change is saved, but the database file {path} still holds the deleted text ({problem}); {again}."
        ).format(path=path, problem=problem, again=_(_AGAIN))
    )


def _clean_sqlite(path: Path) -> str:
    """ "" when the file and its WAL hold no deleted data any more, else why not."""
    try:
        con = sqlite3.connect(path, timeout=CLEANUP_BUSY_TIMEOUT_S, isolation_level=None)
    except sqlite3.Error as e:
        return str(e)
    try:
        con.execute("PRAGMA secure_delete=ON")
        con.execute("VACUUM")
        busy, _log, _moved = con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        wal = path.with_name(path.name + "-wal")
        if busy or (wal.exists() and wal.stat().st_size):
            return _("another program is reading it, so its write-ahead log could not be emptied")
        if con.execute("DELETE FROM settings WHERE key = ?", (CLEANUP_PENDING,)).rowcount:
            con.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the WAL now holds only that deletion
        return ""
    except sqlite3.Error as e:
        return str(e)  # "database or disk is full", "database is locked"
    finally:
        con.close()


_PERSONAL_TABLES = (
    "items",
    "item_history",
    "item_owners",
    "people",
    "person_aliases",
    "meeting_attendees",
    "meetings",
    "groups",
    "scheduled_meetings",
)


def _vacuum_full(url: str) -> None:
    from sqlalchemy import create_engine, exc, text
    from sqlalchemy.pool import NullPool

    engine = create_engine(url, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text(f"SET lock_timeout = '{int(LOCK_TIMEOUT_S * 1000)}ms'"))
            conn.execute(text("VACUUM FULL " + ", ".join(_PERSONAL_TABLES)))
            conn.execute(text("DELETE FROM settings WHERE key = :k"), {"k": CLEANUP_PENDING})
    except exc.SQLAlchemyError as e:
        reason = str(getattr(e, "orig", None) or e).splitlines()[0]
        if "lock timeout" in reason:
            reason = _("another connection kept the tables busy for more than {seconds} s").format(
                seconds=f"{LOCK_TIMEOUT_S:g}"
            )
        raise StorageError(
            _(
                "The change is saved, but PostgreSQL could not rewrite the tables without the old row versions "
                "({reason}); {again}."
            ).format(reason=reason, again=_(_AGAIN))
        ) from None
    finally:
        engine.dispose()
