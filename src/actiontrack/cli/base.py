"""The typer app, its global options and the helpers every command group shares.

Kept thin on purpose: commands parse options, call one service function and hand the result
to render; heavy modules are imported inside the commands that need them.
"""

# No `from __future__ import annotations` here: typer would eval() every annotation
# string of every command at each start (about 20 ms).
import sys
from collections.abc import MutableMapping
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from actiontrack import __version__
from actiontrack.cli import library_words
from actiontrack.cli.output import (  # noqa: F401 - the commands' modules import them from here
    EXPECTED,
    confirm_callback,
    console,
    csv_delimiter,
    echo_json,
    end_with,
    may_write,
    say,
    say_note,
    write_output,
)
from actiontrack.cli.state import State, parse_now
from actiontrack.config import use_for_language
from actiontrack.i18n import N_, _, language_in, set_language

use_for_language()  # before the help texts below are translated
library_words.install()

if TYPE_CHECKING:
    from collections.abc import Iterator


class CommandGroup(TyperGroup):
    """Turns every ActionTrackError into one sentence on stderr and its exit status."""

    def invoke(self, ctx: Any) -> Any:
        if ctx.parent is None:  # the command as typed (without --db), for `track log`
            ctx.meta["track.args"] = ["track", *ctx._protected_args, *ctx.args]
        try:
            return super().invoke(ctx)
        except EXPECTED as e:
            raise typer.Exit(end_with(e)) from None


class _Root(CommandGroup):
    """The `track` group, whose commands are imported when first asked for, and whose usage
    errors and Ctrl-C are told in the interface language (library_words.py)."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        self.commands = _LazyCommands(self.commands)

    def main(self, *args: Any, **kwargs: Any) -> Any:
        if not kwargs.pop("standalone_mode", True):
            return super().main(*args, standalone_mode=False, **kwargs)  # type: ignore[misc]
        try:
            code = super().main(*args, standalone_mode=False, **kwargs)  # type: ignore[misc]
        except Exception as e:
            ended = library_words.ended(e)
            if ended is None:
                raise
            sys.exit(ended)
        sys.exit(code if isinstance(code, int) else 0)


class _LazyCommands(MutableMapping[str, Any]):
    """The root's commands by name, as click and typer look them up: asking for one imports
    the module that registers it (actiontrack.cli.commands) and builds that command alone;
    listing the names imports nothing. Typer builds the root from the commands registered so
    far, so a group it built before its module was imported (`meeting`, empty) is rebuilt."""

    def __init__(self, built: MutableMapping[str, Any]) -> None:
        from actiontrack.cli.commands import COMMANDS

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
        short, markup = app.pretty_exceptions_short, app.rich_markup_mode
        for info in app.registered_commands:
            if (info.name or typer.main.get_command_name(info.callback.__name__)) == name:  # type: ignore[union-attr]
                self.built[name] = typer.main.get_command_from_info(
                    info, pretty_exceptions_short=short, rich_markup_mode=markup
                )
        for group in app.registered_groups:
            if group.name == name:
                self.built[name] = typer.main.get_group_from_info(
                    group,
                    suggest_commands=app.suggest_commands,
                    pretty_exceptions_short=short,
                    rich_markup_mode=markup,
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


def example(*commands: str) -> str:
    """The "Example:" block that ends a command's help. Help texts are given as help=_("...")
    rather than docstrings, which gettext cannot extract; the commands themselves
    are not translated."""
    return "\n\n" + _("Example:") + "\n\n" + "\n\n".join("    " + c for c in commands)


app = typer.Typer(
    cls=_Root,
    help=_(
        "Track the action items of Swedish meeting minutes, and put every unfinished one on the next agenda."
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
)
meeting_app = typer.Typer(
    cls=CommandGroup, help=_("Meetings: start, end, list, edit, delete."), no_args_is_help=True
)
people_app = typer.Typer(cls=CommandGroup, help=_("The people items can belong to: list, add, alias, merge."))
app.add_typer(meeting_app, name="meeting")
person_app = typer.Typer(
    cls=CommandGroup,
    help=_("A person's data: export everything stored, or forget them."),
    no_args_is_help=True,
)
app.add_typer(people_app, name="people")
app.add_typer(person_app, name="person")


class ListFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    md = "md"  # a checklist to paste into an e-mail


class SortBy(StrEnum):
    due = "due"
    owner = "owner"
    meeting = "meeting"
    id = "id"


class OutFormat(StrEnum):
    table = "table"
    json = "json"


class AgendaFormat(StrEnum):
    terminal = "terminal"
    md = "md"
    html = "html"
    json = "json"
    docx = "docx"  # the Word "kallelse och dagordning"


class DigestFormat(StrEnum):
    md = "md"
    text = "text"  # to paste into an e-mail: no Markdown marks
    html = "html"
    eml = "eml"  # one e-mail draft per person, in the folder --output names
    json = "json"


class ExportFormat(StrEnum):
    csv = "csv"
    xlsx = "xlsx"
    json = "json"
    ics = "ics"


class TasksAs(StrEnum):
    todos = "todos"
    events = "as-events"


class CalendarApp(StrEnum):
    """The program an .ics is for: Outlook and Google show no to-dos, Apple and Thunderbird do."""

    outlook = "outlook"
    google = "google"
    apple = "apple"
    thunderbird = "thunderbird"


class Lang(StrEnum):
    sv = "sv"
    en = "en"


def default_lang() -> Lang:
    """The interface language (i18n.language(): --lang, the configuration, TRACK_LANG, the
    locale): agendas, digests and the CSV for Excel follow it when no --lang is given."""
    from actiontrack.i18n import language

    return Lang(language())


class StatusChoice(StrEnum):
    open = "open"
    done = "done"
    dropped = "dropped"
    all = "all"


# `--status öppen` as well as `--status open`, whatever the interface language
STATUS_WORDS = {
    **{s.value: s for s in StatusChoice},
    "öppen": StatusChoice.open, "öppna": StatusChoice.open, "klar": StatusChoice.done, "klara": StatusChoice.done,
    "struken": StatusChoice.dropped, "strukna": StatusChoice.dropped, "alla": StatusChoice.all,
}  # fmt: skip


STATUS_NAMES = (N_("open"), N_("done"), N_("dropped"), N_("all"))  # in the language: help and errors


def parse_status(value: str) -> StatusChoice:
    """A status as typed, in Swedish or English."""
    found = STATUS_WORDS.get(value.strip().casefold())
    if found is None:
        choices = ", ".join(f"'{_(word)}'" for word in STATUS_NAMES)
        raise typer.BadParameter(
            _("{value} is not one of {choices}.").format(value=repr(value), choices=choices)
        )
    return found


# --- global options and helpers -------------------------------------------------------------------


def _version(value: bool) -> None:
    if value:
        typer.echo(f"track {__version__}")
        raise typer.Exit()


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
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help=_("Show the version and exit.")),
    ] = False,
    lang: Annotated[
        Lang | None,
        typer.Option(
            "--lang",
            help=_(
                "Language of messages and output. Default: the configuration, else TRACK_LANG, else the locale."
            ),
        ),
    ] = None,
) -> None:
    # Every command decides the language anew (tests run many in one process); the --lang of
    # agenda, digest and export sets it for the whole command too.
    set_language(lang.value if lang else language_in(ctx.meta.get("track.args", [])))
    ctx.obj = State(db, parse_now(now), ctx.meta.get("track.args"))


def state_of(ctx: typer.Context) -> State:
    state: State = ctx.find_root().obj
    return state
