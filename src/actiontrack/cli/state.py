"""What every command knows about its run: the database, the time, the command as typed.

Free of typer, as output.py is, so that the fast path (fast.py) runs the weekly commands
without importing it.
"""

from __future__ import annotations

import os
from datetime import date, datetime

from actiontrack.errors import UsageError
from actiontrack.i18n import _

TYPE_CHECKING = False  # typing costs a command's start ~4 ms
if TYPE_CHECKING:
    from collections.abc import Callable
    from contextlib import AbstractContextManager
    from typing import TypeVar

    from actiontrack.storage import Database
    from actiontrack.storage.journal import Record
    from actiontrack.storage.reads import Reads
    from actiontrack.storage.writes import Writes

    T = TypeVar("T")


def quoted(arg: str) -> str:
    """As a shell would need it, but "Brukarrådet" as it is (shlex quotes every å)."""
    import re
    import shlex

    return arg if re.fullmatch(r"[\w@%+=:,./-]+", arg) else shlex.quote(arg)


def parse_now(value: str | None) -> datetime:
    """The hidden `--now`: the time a command pretends it is (tests)."""
    if not value:
        return datetime.now().astimezone()
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise UsageError(
            _("--now must be an ISO date or date-time, not '{value}'.").format(value=value)
        ) from None
    return parsed if parsed.tzinfo else parsed.astimezone()


class State:
    def __init__(self, db: str | None, now: datetime, args: list[str] | None = None) -> None:
        self.db = db
        self.now = now
        self.args = args or ["track"]  # the command as typed (without --db), for `track log`
        self.command_id = os.urandom(16).hex()  # every transaction of this command is undone together

    @property
    def label(self) -> str:
        return " ".join(quoted(a) for a in self.args)

    def record(self) -> Record:
        from actiontrack.service import timestamp
        from actiontrack.storage.journal import Record

        return Record(self.command_id, self.label, timestamp(self.now), self.user)

    @property
    def user(self) -> str:
        """Who runs the command, as the log names them (the login name)."""
        import getpass

        try:
            return getpass.getuser()
        except (OSError, KeyError):  # no login name (some containers)
            return "?"

    @property
    def today(self) -> date:
        from actiontrack.service import today_of

        return today_of(self.now)

    @property
    def url(self) -> str:
        """The database: --db, else TRACK_DATABASE_URL, else TRACK_DB, else database_url in config.toml,
        else the user data directory (paths.database_source)."""
        from actiontrack.paths import database_url

        return database_url(self.db)

    def write(self, work: Callable[[Writes], T], *, record: bool = True, busy_s: float | None = None) -> T:
        """Run `work` in one write transaction (retried if SQLite stays busy) and return its result.

        Recorded in the journal `track undo` reads, unless `record` is False (undo itself). With
        `busy_s`, BusyError once SQLite has waited that long for another writer, not retried."""
        from actiontrack.storage import open_database

        with open_database(self.url, record=self.record() if record else None, busy_s=busy_s) as db:
            return db.run(work, attempts=5 if busy_s is None else 1)

    def database(self) -> AbstractContextManager[Database]:
        """One connection for many transactions (`track import` of many documents)."""
        from actiontrack.storage import open_database

        return open_database(self.url, record=self.record())

    def reader(self) -> AbstractContextManager[Reads]:
        """For commands that write nothing (see storage.open_reader)."""
        from actiontrack.storage import open_reader

        return open_reader(self.url)
