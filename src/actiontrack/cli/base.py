"""The typer app, its global options and the helpers every command group shares.

Kept thin on purpose: commands parse options, call one service function and hand the result
to render; heavy modules are imported inside the commands that need them (issue 5).
"""

# No `from __future__ import annotations` here: typer would eval() every annotation
# string of every command at each start (about 20 ms, issue 5).
import os
import sys
from collections.abc import MutableMapping
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import typer
from typer.core import TyperGroup

from actiontrack import __version__
from actiontrack.errors import ActionTrackError, UsageError
from actiontrack.i18n import _, language_in, set_language

T = TypeVar("T")

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from contextlib import AbstractContextManager

    from actiontrack.storage import Database
    from actiontrack.storage.journal import Record
    from actiontrack.storage.reads import Reads
    from actiontrack.storage.repository import Repository


class _Group(TyperGroup):
    """Turns every ActionTrackError into one sentence on stderr and its exit status."""

    def invoke(self, ctx: Any) -> Any:
        if ctx.parent is None:  # the command as typed (without --db), for `track log`
            ctx.meta["track.args"] = ["track", *ctx._protected_args, *ctx.args]
        try:
            return super().invoke(ctx)
        except ActionTrackError as e:
            _fail(str(e), e.exit_code)
        except KeyboardInterrupt:
            _fail(_("Interrupted; nothing was written."), 130)
        except BrokenPipeError:  # `track open | head`: the reader left, nothing to say
            raise typer.Exit(0) from None


class _Root(_Group):
    """The `track` group, whose commands are imported when first asked for (issue 15)."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        self.commands = _LazyCommands(self.commands)


class _LazyCommands(MutableMapping[str, Any]):
    """The root's commands by name, as click and typer look them up: asking for one imports
    the module that registers it (actiontrack.cli.COMMANDS) and builds that command alone;
    listing the names imports nothing. Typer builds the root from the commands registered so
    far, so a group it built before its module was imported (`meeting`, empty) is rebuilt."""

    def __init__(self, built: MutableMapping[str, Any]) -> None:
        from actiontrack.cli import COMMANDS

        self.modules = COMMANDS
        self.built = dict(built)
        # built whole by typer: those whose module was imported before the root was made
        self.fresh = {n for n, m in COMMANDS.items() if f"actiontrack.cli.{m}" in sys.modules}

    def __getitem__(self, name: str) -> Any:
        if name in self.modules and name not in self.fresh:
            self._build(name)
        return self.built[name]

    def _build(self, name: str) -> None:
        __import__(f"actiontrack.cli.{self.modules[name]}")  # unlike importlib, seen by -X importtime
        options = {"pretty_exceptions_short": app.pretty_exceptions_short, "rich_markup_mode": app.rich_markup_mode}
        for info in app.registered_commands:
            if (info.name or typer.main.get_command_name(info.callback.__name__)) == name:  # type: ignore[union-attr]
                self.built[name] = typer.main.get_command_from_info(info, **options)
        for group in app.registered_groups:
            if group.name == name:
                self.built[name] = typer.main.get_group_from_info(
                    group, suggest_commands=app.suggest_commands, **options
                )
        self.fresh.add(name)

    def __setitem__(self, name: str, command: Any) -> None:
        self.built[name] = command
        self.fresh.add(name)

    def __delitem__(self, name: str) -> None:
        del self.built[name]
        self.fresh.add(name)

    def __contains__(self, name: object) -> bool:
        return name in self.modules or name in self.built

    def __iter__(self) -> "Iterator[str]":
        yield from self.modules
        yield from (n for n in self.built if n not in self.modules)

    def __len__(self) -> int:
        return len(self.modules) + sum(1 for n in self.built if n not in self.modules)


def _quoted(arg: str) -> str:
    """As a shell would need it, but "Brukarrådet" as it is (shlex quotes every å)."""
    import re
    import shlex

    return arg if re.fullmatch(r"[\w@%+=:,./-]+", arg) else shlex.quote(arg)


def _fail(message: str, code: int) -> NoReturn:
    say(_("Error: {message}").format(message=message), err=True)
    raise typer.Exit(code)


def say(message: str, *, err: bool = False, nl: bool = True) -> None:
    """A line for the person at the terminal; control characters in names and texts that came
    from documents or other people are shown (as \\x1b), never obeyed (issue 13)."""
    from actiontrack.render import visible

    typer.echo(visible(message), err=err, nl=nl)


def example(*commands: str) -> str:
    """The "Example:" block that ends a command's help. Help texts are given as help=_("...")
    rather than docstrings, which gettext cannot extract (issue 14); the commands themselves
    are not translated."""
    return "\n\n" + _("Example:") + "\n\n" + "\n\n".join("    " + c for c in commands)


def say_note(message: str) -> None:
    """A remark on stderr that does not stop the command."""
    say(_("Note: {note}").format(note=message), err=True)


app = typer.Typer(
    cls=_Root,
    help=_("Track the action items of Swedish meeting minutes, and put every unfinished one on the next agenda."),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
)
meeting_app = typer.Typer(cls=_Group, help=_("Meetings: start, end, list, edit, delete."), no_args_is_help=True)
people_app = typer.Typer(cls=_Group, help=_("The people items can belong to: list, add, alias, merge."))
app.add_typer(meeting_app, name="meeting")
person_app = typer.Typer(
    cls=_Group, help=_("A person's data: export everything stored, or forget them."), no_args_is_help=True
)
app.add_typer(people_app, name="people")
app.add_typer(person_app, name="person")


class ListFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class OutFormat(StrEnum):
    table = "table"
    json = "json"


class AgendaFormat(StrEnum):
    terminal = "terminal"
    md = "md"
    html = "html"
    json = "json"
    docx = "docx"  # the Word "kallelse och dagordning" (issue 14)


class DigestFormat(StrEnum):
    md = "md"
    json = "json"


class ExportFormat(StrEnum):
    csv = "csv"
    xlsx = "xlsx"
    json = "json"
    ics = "ics"


class TasksAs(StrEnum):
    todos = "todos"
    events = "as-events"


class Lang(StrEnum):
    sv = "sv"
    en = "en"


def default_lang() -> Lang:
    """The interface language (i18n.language(): --lang, the configuration, TRACK_LANG, the
    locale): agendas, digests and the CSV for Excel follow it when no --lang is given (issue 14)."""
    from actiontrack.i18n import language

    return Lang(language())


def csv_delimiter(swedish: bool, option: str | None = None) -> str:
    """`--delimiter`, else `csv_delimiter` in config.toml (issue 14), else ';' for Swedish Excel
    (',' is its decimal sign) and ',' for other Excel."""
    if option:
        return option
    from actiontrack.config import setting

    return str(setting("csv_delimiter") or (";" if swedish else ","))


class StatusChoice(StrEnum):
    open = "open"
    done = "done"
    dropped = "dropped"
    all = "all"


# --- global options and helpers -------------------------------------------------------------------


class State:
    def __init__(self, db: str | None, now: datetime, args: "list[str] | None" = None) -> None:
        self.db = db
        self.now = now
        self.args = args or ["track"]  # the command as typed (without --db), for `track log`
        self.command_id = os.urandom(16).hex()  # every transaction of this command is undone together

    @property
    def label(self) -> str:
        return " ".join(_quoted(a) for a in self.args)

    def record(self) -> "Record":
        from actiontrack.storage.journal import Record
        from actiontrack.usecases.common import timestamp

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
        from actiontrack.usecases.common import today_of

        return today_of(self.now)

    @property
    def url(self) -> str:
        """The database: --db, else TRACK_DATABASE_URL, else TRACK_DB, else database_url in config.toml,
        else the user data directory (paths.database_source)."""
        from actiontrack.paths import database_url

        return database_url(self.db)

    def write(self, work: "Callable[[Repository], T]", *, record: bool = True, light: bool = False) -> T:
        """Run `work` in one write transaction (retried if SQLite stays busy) and return its result.

        Recorded in the journal `track undo` reads, unless `record` is False (undo itself).
        `light`: `work` needs only the reads and the writes of one item (storage/writes.py),
        which on SQLite run without SQLAlchemy (issue 15)."""
        from actiontrack.storage import open_database

        with open_database(self.url, record=self.record() if record else None) as db:
            return db.run(work, light=light)

    def database(self) -> "AbstractContextManager[Database]":
        """One connection for many transactions (`track import` of many documents)."""
        from actiontrack.storage import open_database

        return open_database(self.url, record=self.record())

    def reader(self) -> "AbstractContextManager[Reads]":
        """For commands that write nothing: the fast path on SQLite (see storage.open_reader)."""
        from actiontrack.storage import open_reader

        return open_reader(self.url)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"track {__version__}")
        raise typer.Exit()


def _parse_now(value: str | None) -> datetime:
    if not value:
        return datetime.now().astimezone()
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise UsageError(_("--now must be an ISO date or date-time, not '{value}'.").format(value=value)) from None
    return parsed if parsed.tzinfo else parsed.astimezone()


@app.callback()
def main_callback(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            help=_(
                "SQLite database file. Default: $TRACK_DB, else the user data directory. "
                "TRACK_DATABASE_URL takes any SQLAlchemy URL (e.g. a shared PostgreSQL)."
            ),
            metavar="PATH",
        ),
    ] = None,
    now: Annotated[
        str | None, typer.Option("--now", hidden=True, help=_("Pretend it is this time (tests)."))
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help=_("Show the version and exit."))
    ] = False,
    lang: Annotated[
        Lang | None,
        typer.Option(
            "--lang",
            help=_("Language of messages and output. Default: the configuration, else TRACK_LANG, else the locale."),
        ),
    ] = None,
) -> None:
    # Every command decides the language anew (tests run many in one process); the --lang of
    # agenda, digest and export sets it for the whole command too (issue 14).
    set_language(lang.value if lang else language_in(ctx.meta.get("track.args", [])))
    ctx.obj = State(db, _parse_now(now), ctx.meta.get("track.args"))


def state_of(ctx: typer.Context) -> State:
    state: State = ctx.find_root().obj
    return state


def console() -> Any:
    from rich.console import Console

    return Console(soft_wrap=False)


def echo_json(data: Any) -> None:
    from actiontrack.render import dumps

    typer.echo(dumps(data))


def confirm_callback() -> Any:
    """Ask only when a person is at the terminal; scripts get the error sentence instead."""
    if not sys.stdin.isatty():
        return None
    return lambda question: typer.confirm(question, default=False, err=True)


def write_output(text: str | bytes, output: str | None) -> None:
    """To a file when --output is given (replaced whole, never half-written), else to stdout."""
    if output is None:
        if isinstance(text, bytes):
            sys.stdout.buffer.write(text)
            sys.stdout.flush()
        else:
            typer.echo(text, nl=False)
        return
    import glob
    import tempfile
    from pathlib import Path

    target = Path(output)
    if target.is_dir():
        raise UsageError(_("{output} is a directory; give the name of a file to write.").format(output=output))
    data = text.encode("utf-8") if isinstance(text, str) else text
    # a run that was killed half-way left its hidden temporary file, with names in it (issue 13)
    for stale in glob.glob(glob.escape(str(target.parent / f".{target.name}.")) + "*.partial"):
        Path(stale).unlink(missing_ok=True)
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".partial")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, target)
    except OSError as e:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        raise UsageError(_("Cannot write {output}: {reason}.").format(output=output, reason=e.strerror or e)) from None
