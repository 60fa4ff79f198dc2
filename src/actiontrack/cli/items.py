"""Commands on items: add, open, done, reopen, drop, edit, note, show; and date."""

# No `from __future__ import annotations` here: typer would eval() every annotation
# string of every command at each start (about 20 ms).
from datetime import date
from typing import Annotated

import typer

from actiontrack.cli import completion
from actiontrack.cli import item_commands as run
from actiontrack.cli.base import (
    ListFormat,
    OutFormat,
    SortBy,
    app,
    console,
    echo_json,
    example,
    say,
    state_of,
)
from actiontrack.errors import UsageError
from actiontrack.i18n import _

# --- items --------------------------------------------------------------------------------------------


@app.command(
    help=_("Record an action item; owner and due date are read from the Swedish text.")
    + example(
        'track add "Leif ska skicka ut förslaget senast fredag"',
        'track add "Boka lokal" --owner "Ia Jonsson" --due "vecka 12"',
    )
)
def add(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(help=_("What is to be done, in Swedish, as said at the meeting."))],
    owner: Annotated[
        list[str] | None,
        typer.Option(
            "--owner",
            "-o",
            help=_("Who does it (repeat for several). Default: from the text."),
            autocompletion=completion.people,
        ),
    ] = None,
    due: Annotated[
        str | None, typer.Option("--due", "-d", help=_("Deadline, e.g. 'fredag', '15 mars', 'vecka 12'."))
    ] = None,
    meeting: Annotated[
        int | None, typer.Option("--meeting", "-m", help=_("Meeting id. Default: the current meeting."))
    ] = None,
    group: Annotated[
        str | None,
        typer.Option(
            "--group",
            "-g",
            help=_(
                "The group whose agenda follows it up. Default: the current meeting's, else "
                "default_group, else the group of the last meeting."
            ),
        ),
    ] = None,
    new_person: Annotated[
        bool, typer.Option("--new-person", help=_("An owner nobody is called yet is added as a new person."))
    ] = False,
    fmt: Annotated[OutFormat, typer.Option("--format", "-f", help=_("Output format."))] = OutFormat.table,
) -> None:
    run.add(state_of(ctx), text, owner, due, meeting, group, new_person, fmt)


@app.command(
    "open",
    help=_("List open items: overdue first, then by due date, then oldest.")
    + example("track open --owner Leif", 'track open --group "Gemensam utvecklingsgrupp" --format json'),
)
def open_(
    ctx: typer.Context,
    owner: Annotated[
        str | None,
        typer.Option(
            "--owner",
            "-o",
            help=_("Only this person's (or organisation's) items."),
            autocompletion=completion.people,
        ),
    ] = None,
    group: Annotated[
        str | None,
        typer.Option(
            "--group",
            "-g",
            help=_("Only items from this group's meetings."),
            autocompletion=completion.groups,
        ),
    ] = None,
    meeting: Annotated[
        int | None, typer.Option("--meeting", "-m", help=_("Only items from this meeting."))
    ] = None,
    overdue: Annotated[bool, typer.Option("--overdue", help=_("Only items past their due date."))] = False,
    due_before: Annotated[
        str | None, typer.Option("--due-before", help=_("Only items due before this date."))
    ] = None,
    show_all: Annotated[bool, typer.Option("--all", "-a", help=_("Done and dropped items too."))] = False,
    search: Annotated[
        str | None, typer.Option("--search", "-s", help=_("Only items whose text holds these words."))
    ] = None,
    sort: Annotated[
        SortBy,
        typer.Option(
            "--sort",
            help=_("The order: by due date (overdue first, the default), owner, meeting or id."),
            show_default=False,
        ),
    ] = SortBy.due,
    limit: Annotated[int | None, typer.Option("--limit", "-n", help=_("At most this many items."))] = None,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help=_("Output format."))] = ListFormat.table,
) -> None:
    run.open_(
        state_of(ctx), owner, group, meeting, overdue, due_before, show_all, search, sort.value, limit, fmt
    )


@app.command(
    help=_("Mark items as done.") + example('track done 12 14 --note "Skickat till alla"', "track done 3-5 8")
)
def done(
    ctx: typer.Context,
    ids: Annotated[list[str], typer.Argument(help=_("Item ids, and ranges such as 3-5."), metavar="ID...")],
    note: Annotated[str | None, typer.Option("--note", "-n", help=_("How it was done."))] = None,
) -> None:
    run.done(state_of(ctx), ids, note)


@app.command(help=_("Open done or dropped items again."))
def reopen(
    ctx: typer.Context,
    ids: Annotated[list[str], typer.Argument(help=_("Item ids, and ranges such as 3-5."), metavar="ID...")],
) -> None:
    run.reopen(state_of(ctx), ids)


@app.command(
    help=_("Drop an item that will not be done, saying why.")
    + example('track drop 7 --reason "Ersatt av nytt uppdrag"')
)
def drop(
    ctx: typer.Context,
    ids: Annotated[list[str], typer.Argument(help=_("Item ids, and ranges such as 3-5."), metavar="ID...")],
    reason: Annotated[str, typer.Option("--reason", "-r", help=_("Why it will not be done."))],
) -> None:
    run.drop(state_of(ctx), ids, reason)


@app.command(
    help=_("Change an item's text, owners or due date; the change is kept in its history.")
    + example('track edit 12 --due "nästa fredag" --owner Ia')
)
def edit(
    ctx: typer.Context,
    item_id: Annotated[int, typer.Argument(help=_("Item id."), metavar="ID")],
    text: Annotated[str | None, typer.Option("--text", "-t", help=_("New text."))] = None,
    owner: Annotated[
        list[str] | None,
        typer.Option(
            "--owner", "-o", help=_("New owner(s); replaces the old ones."), autocompletion=completion.people
        ),
    ] = None,
    due: Annotated[
        str | None,
        typer.Option("--due", "-d", help=_("New due date, counted from today; 'none' removes it.")),
    ] = None,
    group: Annotated[
        str | None, typer.Option("--group", "-g", help=_("Move it to this group's agenda."))
    ] = None,
    new_person: Annotated[
        bool, typer.Option("--new-person", help=_("An owner nobody is called yet is added as a new person."))
    ] = False,
    fmt: Annotated[OutFormat, typer.Option("--format", "-f", help=_("Output format."))] = OutFormat.table,
) -> None:
    run.edit(state_of(ctx), item_id, text, owner, due, group, new_person, fmt)


@app.command(help=_("Add a note to an item's history."))
def note(
    ctx: typer.Context,
    item_id: Annotated[int, typer.Argument(help=_("Item id."), metavar="ID")],
    text: Annotated[str, typer.Argument(help=_("The note."))],
) -> None:
    run.note(state_of(ctx), item_id, text)


@app.command(help=_("Show everything about an item: owners, due date, where it came from, its history."))
def show(
    ctx: typer.Context,
    item_id: Annotated[int, typer.Argument(help=_("Item id."), metavar="ID")],
    fmt: Annotated[OutFormat, typer.Option("--format", "-f", help=_("Output format."))] = OutFormat.table,
) -> None:
    from actiontrack.render import item_detail, item_dict

    state = state_of(ctx)
    with state.reader() as repo:
        item = repo.get_item(item_id)
    if fmt is OutFormat.json:
        echo_json(item_dict(item, state.today, history=True))
    else:
        console().print(item_detail(item, state.today))


# --- dates ---------------------------------------------------------------------------------------------


@app.command(
    "date",
    help=_("Print the ISO date a Swedish expression means, read as a deadline.")
    + example('track date "nästa fredag" --base 2016-02-08     # 2016-02-19', 'track date "vecka 12"'),
)
def date_(
    ctx: typer.Context,
    expression: Annotated[str, typer.Argument(help=_("A Swedish date expression, e.g. 'i mitten av mars'."))],
    base: Annotated[
        str | None,
        typer.Option("--base", "-b", help=_("Read relative to this day (YYYY-MM-DD). Default: today.")),
    ] = None,
) -> None:
    from actiontrack.dates import parse_date

    state = state_of(ctx)
    try:
        base_day = date.fromisoformat(base) if base else state.today
    except ValueError:
        raise UsageError(
            _("--base must be a date like 2016-02-08, not '{base}'.").format(base=base)
        ) from None
    say(parse_date(expression, base_day).isoformat())
