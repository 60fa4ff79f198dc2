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
    from actiontrack.storage.connect import sqlite_connection

    tmp = dest.with_name(f".{dest.name}.partial")
    try:
        # the database in a folder this user cannot write to is read as such (no -shm made),
        # and what fails there is said of the database, not of the backup's folder
        source = sqlite_connection(url, write=False)
        source.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except (StorageError, sqlite3.Error) as e:
        raise StorageError(
            _("Nothing was backed up: the database {path} cannot be read ({reason}).").format(
                path=path, reason=str(e).rstrip(".")
            )
        ) from None
    try:
        tmp.unlink(missing_ok=True)  # left by a backup that was killed half-way; it holds names
        fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)  # as private as the database
        os.close(fd)
        copy = sqlite3.connect(tmp)
        with copy:
            source.backup(copy)
        copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        copy.close()
        os.replace(tmp, dest)
    except (OSError, sqlite3.Error) as e:
        tmp.unlink(missing_ok=True)
        raise StorageError(
            _("The backup to {file} failed: {reason}.").format(
                file=dest, reason=getattr(e, "strerror", None) or e
            )
        ) from None
    finally:
        source.close()
    return dest


CLEANUP_PENDING = "cleanup_pending"  # setting: a person was forgotten, the file not yet cleaned
CLEANUP_ATTEMPTS = 5
CLEANUP_PAUSE_S = 0.2  # before the first retry; doubled each time
# How long each attempt waits for other connections to let go; None: the setting busy_timeout
# shared among the attempts. Five attempts of 30 s kept `person forget` silent for 150 s.
CLEANUP_BUSY_TIMEOUT_S: float | None = None
LOCK_TIMEOUT_S: float | None = None  # PostgreSQL: how long VACUUM FULL may wait; None: busy_timeout
_AGAIN = N_("run `track check --compact` when nobody else has the database open")


def busy_timeout() -> float:
    """Seconds to wait for a database another program keeps busy (the setting busy_timeout)."""
    from actiontrack.config import KEYS, setting

    try:
        return max(0.1, float(setting("busy_timeout")))
    except (TypeError, ValueError):  # TRACK_BUSY_TIMEOUT=soon
        return float(KEYS["busy_timeout"].default)


def _attempt_timeout() -> float:
    return CLEANUP_BUSY_TIMEOUT_S if CLEANUP_BUSY_TIMEOUT_S is not None else busy_timeout() / CLEANUP_ATTEMPTS


def purge(url: str, *, after_change: bool = True) -> None:
    """Leave no deleted data behind after a person is forgotten; StorageError saying what to do if not.

    SQLite: rebuild the file without free pages (VACUUM) and empty the WAL into it
    (checkpoint TRUNCATE), checking that the checkpoint did complete: a reader holding an
    old snapshot makes it give up silently. Retried a few times; `track check --compact`
    repeats it. PostgreSQL: VACUUM FULL of every table, waiting at most busy_timeout for them,
    so it never blocks everybody behind a forgotten transaction. Each waits busy_timeout in all,
    then says so; `after_change` tells whether a change was saved before (forget) or not
    (`check --compact`).
    """
    path = sqlite_path(url)
    if path is None:
        _vacuum_full(url, after_change)
        return
    problem = ""
    for attempt in range(CLEANUP_ATTEMPTS):
        if attempt:
            time.sleep(min(CLEANUP_PAUSE_S * 2 ** (attempt - 1), _attempt_timeout()))
        problem = _clean_sqlite(path)
        if not problem:
            return
    if after_change:
        raise StorageError(
            _(
                "The change is saved, but the database file {path} still holds the deleted text ({problem}); {again}."
            ).format(path=path, problem=problem, again=_(_AGAIN))
        )
    raise StorageError(
        _(
            "Nothing was changed: the database file {path} could not be rebuilt without the deleted text "
            "({problem}); {again}."
        ).format(path=path, problem=problem, again=_(_AGAIN))
    )


def _clean_sqlite(path: Path) -> str:
    """ "" when the file and its WAL hold no deleted data any more, else why not."""
    try:
        con = sqlite3.connect(path, timeout=_attempt_timeout(), isolation_level=None)
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


def _vacuum_full(url: str, after_change: bool = True) -> None:
    from sqlalchemy import create_engine, exc, text
    from sqlalchemy.pool import NullPool

    engine = create_engine(url, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    wait = LOCK_TIMEOUT_S if LOCK_TIMEOUT_S is not None else busy_timeout()
    try:
        with engine.connect() as conn:
            conn.execute(text(f"SET lock_timeout = '{int(wait * 1000)}ms'"))
            # every table of ours, the undo journal's too: its deleted rows held the forgotten
            # person's texts, and VACUUM FULL rewrites only the tables it is given
            tables = [
                r[0]
                for r in conn.execute(
                    text(
                        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename"
                    )
                )
            ]
            conn.execute(text("VACUUM FULL " + ", ".join(f'"{t}"' for t in tables)))
            conn.execute(text("DELETE FROM settings WHERE key = :k"), {"k": CLEANUP_PENDING})
    except exc.SQLAlchemyError as e:
        reason = str(getattr(e, "orig", None) or e).splitlines()[0]
        if "lock timeout" in reason:
            reason = _("another connection kept the tables busy for more than {seconds} s").format(
                seconds=f"{wait:g}"
            )
        message = (
            _(
                "The change is saved, but PostgreSQL could not rewrite the tables without the old row versions "
                "({reason}); {again}."
            )
            if after_change
            else _(
                "Nothing was changed: PostgreSQL could not rewrite the tables without the old row versions "
                "({reason}); {again}."
            )
        )
        raise StorageError(message.format(reason=reason, again=_(_AGAIN))) from None
    finally:
        engine.dispose()
