"""The `track` command: parse options, call one service function, render the result.

Kept thin on purpose: no SQL, no rules, no formatting here. Heavy modules
(sqlmodel, dateparser, rich, python-docx) are imported inside the commands that
need them, so `track --help` starts fast.
"""

# No `from __future__ import annotations` here: typer would eval() every annotation
# string of every command at each start (about 20 ms, issue 5).
import os
import sys
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import typer
from typer.core import TyperGroup

from actiontrack import __version__
from actiontrack.errors import ActionTrackError, UsageError

T = TypeVar("T")

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from actiontrack.storage import Database
    from actiontrack.storage.reads import Reads
    from actiontrack.storage.repository import Repository


class _Group(TyperGroup):
    """Turns every ActionTrackError into one sentence on stderr and its exit status."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except ActionTrackError as e:
            _fail(str(e), e.exit_code)
        except KeyboardInterrupt:
            _fail("Interrupted; nothing was written.", 130)
        except BrokenPipeError:  # `track open | head`: the reader left, nothing to say
            raise typer.Exit(0) from None


def _fail(message: str, code: int) -> NoReturn:
    typer.echo(f"Error: {message}", err=True)
    raise typer.Exit(code)


app = typer.Typer(
    cls=_Group,
    help="Track the action items of Swedish meeting minutes, and put every unfinished one on the next agenda.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
)
meeting_app = typer.Typer(cls=_Group, help="Start and list meetings.", no_args_is_help=True)
people_app = typer.Typer(cls=_Group, help="The people items can belong to: list, add, alias, merge.")
app.add_typer(meeting_app, name="meeting")
person_app = typer.Typer(
    cls=_Group, help="A person's data: export everything stored, or forget them.", no_args_is_help=True
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


class DigestFormat(StrEnum):
    md = "md"
    json = "json"


class ExportFormat(StrEnum):
    csv = "csv"
    json = "json"
    ics = "ics"


class Lang(StrEnum):
    sv = "sv"
    en = "en"


class StatusChoice(StrEnum):
    open = "open"
    done = "done"
    dropped = "dropped"
    all = "all"


# --- global options and helpers -------------------------------------------------------------------


class State:
    def __init__(self, db: str | None, now: datetime) -> None:
        self.db = db
        self.now = now

    @property
    def today(self) -> date:
        from actiontrack.service import today_of

        return today_of(self.now)

    @property
    def url(self) -> str:
        """The database: --db, else TRACK_DATABASE_URL, else TRACK_DB, else the user data directory."""
        from actiontrack.paths import database_url

        return database_url(self.db)

    def write(self, work: "Callable[[Repository], T]") -> T:
        """Run `work` in one write transaction (retried if SQLite stays busy) and return its result."""
        from actiontrack.storage import open_database

        with open_database(self.url) as db:
            return db.run(work)

    def database(self) -> "Iterator[Database]":
        """One connection for many transactions (`track import` of many documents)."""
        from actiontrack.storage import open_database

        return open_database(self.url)  # type: ignore[return-value]

    def reader(self) -> "Iterator[Reads]":
        """For commands that write nothing: the fast path on SQLite (see storage.open_reader)."""
        from actiontrack.storage import open_reader

        return open_reader(self.url)  # type: ignore[return-value]


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
        raise UsageError(f"--now must be an ISO date or date-time, not '{value}'.") from None
    return parsed if parsed.tzinfo else parsed.astimezone()


@app.callback()
def main_callback(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            help="SQLite database file. Default: $TRACK_DB, else the user data directory. "
            "TRACK_DATABASE_URL takes any SQLAlchemy URL (e.g. a shared PostgreSQL).",
            metavar="PATH",
        ),
    ] = None,
    now: Annotated[
        str | None, typer.Option("--now", hidden=True, help="Pretend it is this time (tests).")
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Track the action items of Swedish meeting minutes.

    Record items during a meeting (`track add`), import them from the minutes
    afterwards (`track import`), follow them up (`track open`, `track done`), and
    everything runs offline on this machine.
    """
    ctx.obj = State(db, _parse_now(now))


def _state(ctx: typer.Context) -> State:
    state: State = ctx.find_root().obj
    return state


def _console() -> Any:
    from rich.console import Console

    return Console(soft_wrap=False)


def _echo_json(data: Any) -> None:
    from actiontrack.render import dumps

    typer.echo(dumps(data))


def _confirm() -> Any:
    """Ask only when a person is at the terminal; scripts get the error sentence instead."""
    if not sys.stdin.isatty():
        return None
    return lambda question: typer.confirm(question, default=False, err=True)


# --- items --------------------------------------------------------------------------------------------


@app.command()
def add(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(help="What is to be done, in Swedish, as said at the meeting.")],
    owner: Annotated[
        list[str] | None,
        typer.Option("--owner", "-o", help="Who does it (repeat for several). Default: from the text."),
    ] = None,
    due: Annotated[
        str | None, typer.Option("--due", "-d", help="Deadline, e.g. 'fredag', '15 mars', 'vecka 12'.")
    ] = None,
    meeting: Annotated[
        int | None, typer.Option("--meeting", "-m", help="Meeting id. Default: the current meeting.")
    ] = None,
    fmt: Annotated[OutFormat, typer.Option("--format", "-f", help="Output format.")] = OutFormat.table,
) -> None:
    """Record an action item; owner and due date are read from the Swedish text.

    Example:

        track add "Leif ska skicka ut förslaget senast fredag"

        track add "Boka lokal" --owner "Ia Jonsson" --due "vecka 12"
    """
    from actiontrack import service
    from actiontrack.render import item_dict

    state = _state(ctx)
    item = state.write(
        lambda repo: service.add_item(
            repo, text, owners=owner or (), due=due, meeting_id=meeting, now=state.now, confirm=_confirm()
        )
    )
    if fmt is OutFormat.json:
        _echo_json(item_dict(item, state.today))
        return
    owners = ", ".join(o.name for o in item.owners) or "the group"
    due_text = item.due.isoformat() if item.due else "no due date"
    where = f", meeting #{item.meeting.id} {item.meeting.group}" if item.meeting else ""
    typer.echo(f"Added #{item.id}: {item.text} ({owners}; {due_text}{where})")


@app.command("open")
def open_(
    ctx: typer.Context,
    owner: Annotated[
        str | None, typer.Option("--owner", "-o", help="Only this person's (or organisation's) items.")
    ] = None,
    group: Annotated[
        str | None, typer.Option("--group", "-g", help="Only items from this group's meetings.")
    ] = None,
    meeting: Annotated[
        int | None, typer.Option("--meeting", "-m", help="Only items from this meeting.")
    ] = None,
    overdue: Annotated[bool, typer.Option("--overdue", help="Only items past their due date.")] = False,
    due_before: Annotated[
        str | None, typer.Option("--due-before", help="Only items due before this date.")
    ] = None,
    show_all: Annotated[bool, typer.Option("--all", "-a", help="Done and dropped items too.")] = False,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")] = ListFormat.table,
) -> None:
    """List open items: overdue first, then by due date, then oldest.

    Example:

        track open --owner Leif

        track open --group "Gemensam utvecklingsgrupp" --format json
    """
    from actiontrack import service
    from actiontrack.models import Status

    state = _state(ctx)
    statuses = tuple(Status) if show_all else (Status.OPEN,)
    filters = service.Filters(owner, group, meeting, overdue, due_before, statuses)
    with state.reader() as repo:
        items = service.list_items(repo, filters, today=state.today)
    _print_items(items, fmt, state.today)


TABLE_LIMIT = 200  # more rows than this are listed as lines (a rich table of 10,000 rows takes seconds)


def _print_items(items: list[Any], fmt: ListFormat, today: date) -> None:
    from actiontrack.render import item_dict, items_csv, items_lines

    if fmt is ListFormat.json:
        _echo_json([item_dict(i, today) for i in items])
    elif fmt is ListFormat.csv:
        typer.echo(items_csv(items), nl=False)
    elif not items:
        typer.echo("No items.", err=True)
    elif not sys.stdout.isatty():
        sys.stdout.writelines(line + "\n" for line in items_lines(items, today))
    elif len(items) > TABLE_LIMIT:
        _page("\n".join(items_lines(items, today)) + "\n")
    else:
        from actiontrack.render import items_table

        _console().print(items_table(items, today))


def _page(text: str) -> None:
    """Long output through the user's pager, as git does; straight out when there is none."""
    import pydoc

    pydoc.pager(text)


@app.command()
def done(
    ctx: typer.Context,
    ids: Annotated[list[int], typer.Argument(help="Item ids.", metavar="ID...")],
    note: Annotated[str | None, typer.Option("--note", "-n", help="How it was done.")] = None,
) -> None:
    """Mark items as done.

    Example:

        track done 12 14 --note "Skickat till alla"
    """
    from actiontrack import service

    state = _state(ctx)
    items = state.write(lambda repo: service.complete(repo, ids, note=note, now=state.now))
    for item in items:
        typer.echo(f"Done #{item.id}: {item.text}")


@app.command()
def reopen(
    ctx: typer.Context, item_id: Annotated[int, typer.Argument(help="Item id.", metavar="ID")]
) -> None:
    """Open a done or dropped item again."""
    from actiontrack import service

    state = _state(ctx)
    item = state.write(lambda repo: service.reopen(repo, item_id, now=state.now))
    typer.echo(f"Reopened #{item.id}: {item.text}")


@app.command()
def drop(
    ctx: typer.Context,
    item_id: Annotated[int, typer.Argument(help="Item id.", metavar="ID")],
    reason: Annotated[str, typer.Option("--reason", "-r", help="Why it will not be done.")],
) -> None:
    """Drop an item that will not be done, saying why.

    Example:

        track drop 7 --reason "Ersatt av nytt uppdrag"
    """
    from actiontrack import service

    state = _state(ctx)
    item = state.write(lambda repo: service.drop(repo, item_id, reason=reason, now=state.now))
    typer.echo(f"Dropped #{item.id}: {item.text}")


@app.command()
def edit(
    ctx: typer.Context,
    item_id: Annotated[int, typer.Argument(help="Item id.", metavar="ID")],
    text: Annotated[str | None, typer.Option("--text", "-t", help="New text.")] = None,
    owner: Annotated[
        list[str] | None, typer.Option("--owner", "-o", help="New owner(s); replaces the old ones.")
    ] = None,
    due: Annotated[str | None, typer.Option("--due", "-d", help="New due date; 'none' removes it.")] = None,
    fmt: Annotated[OutFormat, typer.Option("--format", "-f", help="Output format.")] = OutFormat.table,
) -> None:
    """Change an item's text, owners or due date; the change is kept in its history.

    Example:

        track edit 12 --due "nästa fredag" --owner Ia
    """
    from actiontrack import service
    from actiontrack.render import item_dict

    state = _state(ctx)
    item = state.write(
        lambda repo: service.edit(
            repo, item_id, text=text, owners=owner, due=due, now=state.now, confirm=_confirm()
        )
    )
    if fmt is OutFormat.json:
        _echo_json(item_dict(item, state.today, history=True))
    else:
        typer.echo(f"Edited #{item.id}: {item.text}")


@app.command()
def note(
    ctx: typer.Context,
    item_id: Annotated[int, typer.Argument(help="Item id.", metavar="ID")],
    text: Annotated[str, typer.Argument(help="The note.")],
) -> None:
    """Add a note to an item's history."""
    from actiontrack import service

    state = _state(ctx)
    item = state.write(lambda repo: service.add_note(repo, item_id, text, now=state.now))
    typer.echo(f"Noted on #{item.id}.")


@app.command()
def show(
    ctx: typer.Context,
    item_id: Annotated[int, typer.Argument(help="Item id.", metavar="ID")],
    fmt: Annotated[OutFormat, typer.Option("--format", "-f", help="Output format.")] = OutFormat.table,
) -> None:
    """Show everything about an item: owners, due date, where it came from, its history."""
    from actiontrack.render import item_detail, item_dict

    state = _state(ctx)
    with state.reader() as repo:
        item = repo.get_item(item_id)
    if fmt is OutFormat.json:
        _echo_json(item_dict(item, state.today, history=True))
    else:
        _console().print(item_detail(item, state.today))


# --- dates ---------------------------------------------------------------------------------------------


@app.command("date")
def date_(
    ctx: typer.Context,
    expression: Annotated[str, typer.Argument(help="A Swedish date expression, e.g. 'i mitten av mars'.")],
    base: Annotated[
        str | None,
        typer.Option("--base", "-b", help="Read relative to this day (YYYY-MM-DD). Default: today."),
    ] = None,
) -> None:
    """Print the ISO date a Swedish expression means, read as a deadline.

    Example:

        track date "nästa fredag" --base 2016-02-08     # 2016-02-19

        track date "vecka 12"
    """
    from actiontrack.dates import parse_date

    state = _state(ctx)
    try:
        base_day = date.fromisoformat(base) if base else state.today
    except ValueError:
        raise UsageError(f"--base must be a date like 2016-02-08, not '{base}'.") from None
    typer.echo(parse_date(expression, base_day).isoformat())


# --- documents -----------------------------------------------------------------------------------------------


@app.command()
def extract(
    ctx: typer.Context,
    file: Annotated[
        str, typer.Argument(help="Minutes: .txt, .md, .docx or .odt; '-' reads stdin.", metavar="FILE")
    ],
    year: Annotated[
        int | None, typer.Option("--year", help="The meeting's year, when the minutes do not say.")
    ] = None,
    fmt: Annotated[OutFormat, typer.Option("--format", "-f", help="Output format.")] = OutFormat.table,
) -> None:
    """Show the meeting and the action items in a document; writes nothing.

    Example:

        track extract protokoll.docx

        track extract minnesanteckningar.txt --format json
    """
    from actiontrack import service
    from actiontrack.extract.reading import read_document
    from actiontrack.render import extraction_dict, extraction_table

    state = _state(ctx)
    extraction = service.extract_document(read_document(file), today=state.today, year=year)
    if fmt is OutFormat.json:
        _echo_json(extraction_dict(extraction))
    else:
        _console().print(extraction_table(extraction))
    for warning in extraction.warnings:
        typer.echo(f"Note: {warning}", err=True)


@app.command("import")
def import_(
    ctx: typer.Context,
    files: Annotated[
        list[str], typer.Argument(help="Minutes to import ('-' reads stdin).", metavar="FILE...")
    ],
    from_json: Annotated[
        bool,
        typer.Option(
            "--from-json", help="The files are exports of `track export --format json`: restore them."
        ),
    ] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Accept every item without review.")] = False,
    review: Annotated[
        bool, typer.Option("--review", help="Review each item even without a terminal (answers from stdin).")
    ] = False,
    group: Annotated[
        str | None, typer.Option("--group", "-g", help="Group name. Default: the minutes' title.")
    ] = None,
    year: Annotated[
        int | None, typer.Option("--year", help="The meeting's year, when the minutes do not say.")
    ] = None,
    fmt: Annotated[OutFormat, typer.Option("--format", "-f", help="Output format.")] = OutFormat.table,
) -> None:
    """Import minutes: the meeting, its attendees, its schedule and its items.

    Each item is shown for review (accept, edit, skip) unless --yes is given.
    A document already imported is skipped; each one is stored whole or not at all.

    Example:

        track import protokoll-2017-02-13.docx

        track import data/*.txt --yes
    """
    from actiontrack import service
    from actiontrack.extract.reading import read_document
    from actiontrack.render import item_dict, meeting_dict

    state = _state(ctx)
    if from_json:
        _restore(state, files)
        return
    interactive = review or (not yes and sys.stdin.isatty())
    if not yes and not interactive:
        raise UsageError(
            "Without a terminal, import needs --yes (see the items first with: track extract FILE)."
        )
    results = []
    with state.database() as db:
        for path in _progress(files, "Importing", show=not interactive and len(files) > 1):
            document = read_document(path)
            extraction = service.extract_document(document, today=state.today, year=year)
            accepted = None
            if interactive:
                from actiontrack.review import review_items

                accepted = review_items(extraction, document.name, today=state.today)
            with db.transaction() as repo:  # each document whole or not at all
                result = service.import_extraction(
                    repo, document, extraction, items=accepted, group=group, now=state.now
                )
            results.append(result)
            if fmt is OutFormat.table:
                _report_import(result)
    if fmt is OutFormat.json:
        _echo_json([
            {"document": r.document, "skipped": r.skipped, "meeting": meeting_dict(r.meeting),
             "items": [item_dict(i, state.today) for i in r.items], "new_people": r.new_people, "warnings": r.warnings}
            for r in results
        ])  # fmt: skip


def _restore(state: State, files: list[str]) -> None:
    from actiontrack.export import restore_json
    from actiontrack.extract.reading import read_document
    from actiontrack.service import timestamp

    for path in files:
        text = read_document(path).text
        result = state.write(lambda repo, text=text: restore_json(repo, text, now=timestamp(state.now)))
        typer.echo(
            f"{path}: {result.items} items, {result.meetings} meetings, {result.people} people restored"
            + (f"; {result.skipped_items} items were already there." if result.skipped_items else ".")
        )


def _report_import(result: Any) -> None:
    m = result.meeting
    when = m.date.isoformat() if m.date else "no date"
    if result.skipped:
        typer.echo(
            f"{result.document}: already imported as meeting #{m.id} ({m.group} {when}); nothing added."
        )
        return
    typer.echo(f"{result.document}: meeting #{m.id} {m.group} {when}, {len(result.items)} items"
               + (f", {len(result.new_people)} new people" if result.new_people else "") + ".")  # fmt: skip
    for warning in result.warnings:
        typer.echo(f"  Note: {warning}", err=True)


def _progress(paths: list[str], label: str, *, show: bool) -> Any:
    if not show or not sys.stderr.isatty():
        return paths
    from rich.progress import track

    return track(paths, description=label, transient=True, console=_err_console())


def _err_console() -> Any:
    from rich.console import Console

    return Console(stderr=True)


# --- agenda, digest, export -------------------------------------------------------------------------------------


def _default_lang() -> Lang:
    """Swedish for a Swedish locale (sv_SE.UTF-8), else English."""
    import os

    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value:
            return Lang.sv if value.lower().startswith("sv") else Lang.en
    return Lang.en


def _write(text: str | bytes, output: str | None) -> None:
    """To a file when --output is given (replaced whole, never half-written), else to stdout."""
    if output is None:
        if isinstance(text, bytes):
            sys.stdout.buffer.write(text)
            sys.stdout.flush()
        else:
            typer.echo(text, nl=False)
        return
    import os
    import tempfile
    from pathlib import Path

    target = Path(output)
    data = text.encode("utf-8") if isinstance(text, str) else text
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, target)
    except OSError as e:
        raise UsageError(f"Cannot write {output}: {e.strerror or e}.") from None


@app.command()
def agenda(
    ctx: typer.Context,
    group: Annotated[str, typer.Argument(help="The group, e.g. 'Gemensam utvecklingsgrupp'.")],
    when: Annotated[
        str | None, typer.Option("--date", help="The meeting's date. Default: from the schedule.")
    ] = None,
    fmt: Annotated[
        AgendaFormat, typer.Option("--format", "-f", help="Output format.")
    ] = AgendaFormat.terminal,
    output: Annotated[
        str | None, typer.Option("--output", "-O", help="Write to this file instead of stdout.")
    ] = None,
    lang: Annotated[
        Lang | None, typer.Option("--lang", help="Language of headings. Default: from the locale.")
    ] = None,
    review: Annotated[
        bool, typer.Option("--review", help="Walk through the items at the meeting: done, keep, ...")
    ] = False,
) -> None:
    """The agenda before a group's next meeting: deferred points, overdue and open items,
    and what was done since the last meeting.

    The date comes from --date, else the schedule in the group's minutes ("Tider
    nästa år"), else the group's usual rhythm. --format md gives text to paste into
    the invitation e-mail, --format html a page to print.

    Example:

        track agenda "Gemensam utvecklingsgrupp"

        track agenda "Ledningsgrupp för utveckling" --format md --output dagordning.md
    """
    from actiontrack import service
    from actiontrack.render_agenda import agenda_dict, agenda_html, agenda_markdown, agenda_terminal

    state = _state(ctx)
    language = (lang or _default_lang()).value
    with state.reader() as repo:
        result = service.agenda(repo, group, when=when, today=state.today)
    if review:
        from actiontrack.review import review_agenda

        review_agenda(state, result, language)
        return
    if fmt is AgendaFormat.json:
        from actiontrack.render import dumps

        _write(dumps(agenda_dict(result)) + "\n", output)
    elif fmt is AgendaFormat.md:
        _write(agenda_markdown(result, language), output)
    elif fmt is AgendaFormat.html:
        _write(agenda_html(result, language), output)
    elif output:
        from rich.console import Console

        with open(os.devnull, "w") as sink:
            console = Console(record=True, width=100, file=sink)
            console.print(agenda_terminal(result, language))
        _write(console.export_text(), output)
    else:
        _console().print(agenda_terminal(result, language))


@app.command()
def digest(
    ctx: typer.Context,
    owner: Annotated[
        str | None, typer.Option("--owner", "-o", help="Only this person's items. Default: everyone's.")
    ] = None,
    fmt: Annotated[DigestFormat, typer.Option("--format", "-f", help="Output format.")] = DigestFormat.md,
    lang: Annotated[Lang | None, typer.Option("--lang", help="Language. Default: from the locale.")] = None,
) -> None:
    """What each person has open, overdue first: a short text to send them.

    Example:

        track digest --owner Leif
    """
    from actiontrack import service
    from actiontrack.render import dumps, item_dict
    from actiontrack.render_agenda import digest_markdown

    state = _state(ctx)
    with state.reader() as repo:
        digests = service.digest(repo, owner=owner, today=state.today)
    if fmt is DigestFormat.json:
        typer.echo(
            dumps(
                [{"owner": d.owner, "items": [item_dict(i, state.today) for i in d.items]} for d in digests]
            )
        )
    elif not digests:
        typer.echo("Nobody has open items." if owner is None else f"{owner} has no open items.", err=True)
    else:
        typer.echo(digest_markdown(digests, state.today, (lang or _default_lang()).value), nl=False)


@app.command()
def export(
    ctx: typer.Context,
    fmt: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="csv (for Excel), json (everything), ics.")
    ],
    owner: Annotated[str | None, typer.Option("--owner", "-o", help="Only this person's items.")] = None,
    group: Annotated[str | None, typer.Option("--group", "-g", help="Only this group's items.")] = None,
    status: Annotated[
        StatusChoice | None, typer.Option("--status", help="Which items. Default: all; open for ics.")
    ] = None,
    output: Annotated[
        str | None, typer.Option("--output", "-O", help="Write to this file instead of stdout.")
    ] = None,
) -> None:
    """Export items: CSV for Excel, JSON with every field and the history, or iCalendar.

    The JSON export is a full copy: `track import --from-json FILE` reads it back.
    The iCalendar file has a to-do per open item with a due date and the groups'
    scheduled meetings, for Outlook.

    Example:

        track export --format csv --output atgarder.csv

        track export --format ics --owner Leif --output leif.ics
    """
    from actiontrack import export as exporting
    from actiontrack import service
    from actiontrack.models import Status

    state = _state(ctx)
    chosen = status or (StatusChoice.open if fmt is ExportFormat.ics else StatusChoice.all)
    statuses = tuple(Status) if chosen is StatusChoice.all else (Status(chosen.value),)
    filters = service.Filters(owner=owner, group=group, statuses=statuses)
    with state.reader() as repo:
        items = service.list_items(repo, filters, today=state.today)
        if fmt is ExportFormat.json:
            data: str | bytes = (
                exporting.dump_json(exporting.snapshot(repo, items), service.timestamp(state.now)) + "\n"
            )
        elif fmt is ExportFormat.ics:
            groups = {i.meeting.group for i in items if i.meeting} | ({group} if group else set())
            schedules = {g: repo.schedule(g) for g in sorted(groups)}
            data = exporting.ics(items, schedules, now=state.now)
        else:
            data = exporting.excel_csv(items)
    _write(data, output)


# --- the database ----------------------------------------------------------------------------------------------


@app.command()
def check(
    ctx: typer.Context,
    fmt: Annotated[OutFormat, typer.Option("--format", "-f", help="Output format.")] = OutFormat.table,
) -> None:
    """Check the database: integrity, schema version, links between rows, who may read it.

    Exit status 1 when something is wrong.
    """
    from actiontrack.storage.maintenance import check as check_database

    report = check_database(_state(ctx).url)
    if fmt is OutFormat.json:
        _echo_json({"database": report.database, "ok": report.ok, "schema_version": report.schema_version,
                    "migrations": report.migrations, "counts": report.counts, "problems": report.problems,
                    "notes": report.notes})  # fmt: skip
    else:
        typer.echo(f"Database: {report.database}")
        typer.echo(f"Schema version: {report.schema_version} ({', '.join(report.migrations)})")
        typer.echo("Rows: " + ", ".join(f"{n} {table}" for table, n in report.counts.items()))
        for note in report.notes:
            typer.echo(f"Note: {note}")
        typer.echo("OK" if report.ok else "Problems:\n" + "\n".join(f"  {p}" for p in report.problems))
    if not report.ok:
        raise typer.Exit(1)


@app.command()
def backup(
    ctx: typer.Context,
    target: Annotated[str, typer.Argument(help="The new file to write the copy to.", metavar="FILE")],
) -> None:
    """Copy the SQLite database to FILE, consistently, even while others write to it.

    Example:

        track backup ~/backup/actiontrack-2018-01-18.db
    """
    from actiontrack.storage.maintenance import backup as backup_database

    dest = backup_database(_state(ctx).url, target)
    typer.echo(f"Backed up to {dest}.")


# --- meetings --------------------------------------------------------------------------------------------------


@meeting_app.command("start")
def meeting_start(
    ctx: typer.Context,
    group: Annotated[str, typer.Argument(help="The group that meets, e.g. 'Gemensam utvecklingsgrupp'.")],
    when: Annotated[str | None, typer.Option("--date", help="The meeting's date. Default: today.")] = None,
    place: Annotated[str | None, typer.Option("--place", help="Where it is held.")] = None,
    fmt: Annotated[OutFormat, typer.Option("--format", "-f", help="Output format.")] = OutFormat.table,
) -> None:
    """Start a meeting: `track add` attaches new items to it.

    Example:

        track meeting start "Gemensam utvecklingsgrupp" --place Bryggan
    """
    from actiontrack import service
    from actiontrack.dates import parse_date
    from actiontrack.render import meeting_dict

    state = _state(ctx)
    day = parse_date(when, state.today) if when else state.today
    meeting = state.write(
        lambda repo: service.start_meeting(repo, group, when=day, place=place, now=state.now)
    )
    if fmt is OutFormat.json:
        _echo_json(meeting_dict(meeting))
    else:
        typer.echo(
            f"Started meeting #{meeting.id}: {meeting.group} {day.isoformat()}. New items go to this meeting."
        )


@meeting_app.command("list")
def meeting_list(
    ctx: typer.Context,
    group: Annotated[str | None, typer.Option("--group", "-g", help="Only this group's meetings.")] = None,
    fmt: Annotated[OutFormat, typer.Option("--format", "-f", help="Output format.")] = OutFormat.table,
) -> None:
    """List meetings; the current one is marked with *."""
    from actiontrack import service
    from actiontrack.render import meeting_dict, meetings_table

    state = _state(ctx)
    with state.reader() as repo:
        meetings = repo.list_meetings(group)
        current = service.current_meeting(repo)
    if fmt is OutFormat.json:
        _echo_json([meeting_dict(m) for m in meetings])
    elif not meetings:
        typer.echo("No meetings yet: `track meeting start GROUP` or `track import FILE`.", err=True)
    else:
        _console().print(meetings_table(meetings, current.id if current else None))


# --- people ------------------------------------------------------------------------------------------------------


@people_app.callback(invoke_without_command=True)
def people_default(ctx: typer.Context) -> None:
    """The people items can belong to. Without a subcommand: list them."""
    if ctx.invoked_subcommand is None:
        people_list(ctx, OutFormat.table)


@people_app.command("list")
def people_list(
    ctx: typer.Context,
    fmt: Annotated[OutFormat, typer.Option("--format", "-f", help="Output format.")] = OutFormat.table,
) -> None:
    """List the people known, with organisation and aliases."""
    from actiontrack.render import people_table, person_dict

    state = _state(ctx)
    with state.reader() as repo:
        people = repo.list_people()
    if fmt is OutFormat.json:
        _echo_json([person_dict(p) for p in people])
    elif not people:
        typer.echo("Nobody yet: `track people add NAME` or `track import FILE`.", err=True)
    else:
        _console().print(people_table(people))


@people_app.command("add")
def people_add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Full name, e.g. 'Leif Redestig'.")],
    organisation: Annotated[
        str | None, typer.Option("--org", help="Organisation, e.g. socialförvaltningen.")
    ] = None,
    alias: Annotated[
        list[str] | None, typer.Option("--alias", help="Another name they go by (repeatable).")
    ] = None,
) -> None:
    """Add a person.

    Example:

        track people add "Bo Pettersson" --org Ria/G7 --alias Bosse
    """
    from actiontrack import service

    state = _state(ctx)
    person = state.write(lambda repo: service.add_person(repo, name, organisation, alias or (), state.now))
    typer.echo(f"Added {person.name} (#{person.id}).")


@people_app.command("alias")
def people_alias(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The person (any name that means them).")],
    alias: Annotated[str, typer.Argument(help="Another name for them.")],
) -> None:
    """Give a person another name that resolves to them."""
    from actiontrack import service

    state = _state(ctx)
    person = state.write(lambda repo: service.add_alias(repo, name, alias))
    typer.echo(f"{alias} now means {person.name}.")


@people_app.command("merge")
def people_merge(
    ctx: typer.Context,
    keep: Annotated[str, typer.Argument(help="The person to keep.")],
    other: Annotated[str, typer.Argument(help="The duplicate: its items and meetings move to KEEP.")],
) -> None:
    """Merge a duplicate person into another; the duplicate's name becomes an alias.

    Example:

        track people merge "Anki Sörensen" Anki
    """
    from actiontrack import service

    state = _state(ctx)
    person = state.write(lambda repo: service.merge_people(repo, keep, other))
    typer.echo(f"Merged into {person.name}; aliases: {', '.join(person.aliases)}.")


# --- personal data ---------------------------------------------------------------------------------------------


@person_app.command("export")
def person_export(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The person (any name that means them).")],
) -> None:
    """Print everything stored about a person, as JSON: their items with notes and history,
    the sentences that name them, the meetings they are listed at.

    Example:

        track person export "Leif Redestig" > leif.json
    """
    from actiontrack import service
    from actiontrack.render import item_dict, meeting_dict, person_dict

    state = _state(ctx)
    with state.reader() as repo:
        data = service.person_data(repo, name)
    _echo_json({
        "person": person_dict(data.person),
        "meetings": [{**meeting_dict(m), "present": present} for m, present in data.meetings],
        "secretary_of": [meeting_dict(m) for m in data.secretary_of],
        "items_owned": [item_dict(i, history=True) for i in data.owned],
        "items_naming_them": [item_dict(i, history=True) for i in data.mentioned],
    })  # fmt: skip


@person_app.command("forget")
def person_forget(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The person to remove.")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Remove a person: every stored sentence and note that names them is rewritten, their
    items stay (owner: "removed person"), and the database file is cleaned so no trace is left.

    Example:

        track person forget "Leif Redestig"
    """
    from actiontrack import service
    from actiontrack.storage.maintenance import purge

    state = _state(ctx)
    with state.reader() as repo:
        data = service.person_data(repo, name)
    summary = (f"{data.person.name}: {len(data.owned)} items owned, {len(data.mentioned)} other items that name them, "
               f"{len(data.meetings)} meetings")  # fmt: skip
    if not yes:
        if not sys.stdin.isatty():
            raise UsageError(f"Forgetting {data.person.name} cannot be undone; confirm with --yes.")
        if not typer.confirm(f"Forget {summary}? This cannot be undone", default=False, err=True):
            raise typer.Exit(1)
    state.write(lambda repo: service.forget_person(repo, data.person.name, now=state.now))
    purge(state.url)
    typer.echo(f"Forgot {summary}.")


def main() -> None:
    app()
