"""Commands on items: add, open, done, reopen, drop, edit, note, show; and date."""

# No `from __future__ import annotations` here: typer would eval() every annotation
# string of every command at each start (about 20 ms, issue 5).
import sys
from datetime import date
from typing import Annotated, Any

import typer

from actiontrack.cli.base import (
    Lang,
    ListFormat,
    OutFormat,
    app,
    confirm_callback,
    console,
    csv_delimiter,
    default_lang,
    echo_json,
    example,
    say,
    say_note,
    state_of,
    write_output,
)
from actiontrack.errors import UsageError
from actiontrack.i18n import _

# --- items --------------------------------------------------------------------------------------------


@app.command(
    help=_("Record an action item; owner and due date are read from the Swedish text.")
    + example('track add "Leif ska skicka ut förslaget senast fredag"',
              'track add "Boka lokal" --owner "Ia Jonsson" --due "vecka 12"')
)  # fmt: skip
def add(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(help=_("What is to be done, in Swedish, as said at the meeting."))],
    owner: Annotated[
        list[str] | None,
        typer.Option("--owner", "-o", help=_("Who does it (repeat for several). Default: from the text.")),
    ] = None,
    due: Annotated[
        str | None, typer.Option("--due", "-d", help=_("Deadline, e.g. 'fredag', '15 mars', 'vecka 12'."))
    ] = None,
    meeting: Annotated[
        int | None, typer.Option("--meeting", "-m", help=_("Meeting id. Default: the current meeting."))
    ] = None,
    fmt: Annotated[OutFormat, typer.Option("--format", "-f", help=_("Output format."))] = OutFormat.table,
) -> None:
    from actiontrack.render import item_dict
    from actiontrack.usecases import items as service  # not all of service: no extractor (issue 15)

    state = state_of(ctx)
    warnings: list[str] = []
    item = state.write(
        lambda repo: service.add_item(
            repo,
            text,
            owners=owner or (),
            due=due,
            meeting_id=meeting,
            now=state.now,
            confirm=confirm_callback(),
            warnings=warnings,
        ),
        light=True,
    )
    for warning in dict.fromkeys(warnings):  # a retried transaction says it once
        say_note(warning)
    if fmt is OutFormat.json:
        echo_json(item_dict(item, state.today))
        return
    owners = ", ".join(o.name for o in item.owners) or _("the group")
    due_text = item.due.isoformat() if item.due else _("no due date")
    where = (
        _(", meeting #{id} {group}").format(id=item.meeting.id, group=item.meeting.group) if item.meeting else ""
    )
    say(_("Added #{id}: {text} ({owners}; {due}{meeting})").format(
        id=item.id, text=item.text, owners=owners, due=due_text, meeting=where))  # fmt: skip


@app.command(
    "open",
    help=_("List open items: overdue first, then by due date, then oldest.")
    + example("track open --owner Leif", 'track open --group "Gemensam utvecklingsgrupp" --format json'),
)
def open_(
    ctx: typer.Context,
    owner: Annotated[
        str | None, typer.Option("--owner", "-o", help=_("Only this person's (or organisation's) items."))
    ] = None,
    group: Annotated[
        str | None, typer.Option("--group", "-g", help=_("Only items from this group's meetings."))
    ] = None,
    meeting: Annotated[
        int | None, typer.Option("--meeting", "-m", help=_("Only items from this meeting."))
    ] = None,
    overdue: Annotated[bool, typer.Option("--overdue", help=_("Only items past their due date."))] = False,
    due_before: Annotated[
        str | None, typer.Option("--due-before", help=_("Only items due before this date."))
    ] = None,
    show_all: Annotated[bool, typer.Option("--all", "-a", help=_("Done and dropped items too."))] = False,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help=_("Output format."))] = ListFormat.table,
) -> None:
    from actiontrack.models import Status
    from actiontrack.usecases.items import Filters, list_items  # not all of service (issue 15)

    state = state_of(ctx)
    statuses = tuple(Status) if show_all else (Status.OPEN,)
    filters = Filters(owner, group, meeting, overdue, due_before, statuses)
    with state.reader() as repo:
        items = list_items(repo, filters, today=state.today)
    _print_items(items, fmt, state.today)


TABLE_LIMIT = 200  # more rows than this are listed as lines (a rich table of 10,000 rows takes seconds)


def _print_items(items: list[Any], fmt: ListFormat, today: date) -> None:
    from actiontrack.render import item_dict, items_csv, items_lines

    if fmt is ListFormat.json:
        echo_json([item_dict(i, today) for i in items])
    elif fmt is ListFormat.csv:
        if default_lang() is Lang.sv:  # for Swedish Excel, as `track export --format csv`
            from actiontrack.export import excel_csv

            write_output(excel_csv(items, delimiter=csv_delimiter(True), swedish=True), None)
        else:
            say(items_csv(items, delimiter=csv_delimiter(False)), nl=False)
    elif not items:
        say(_("No items."), err=True)
    elif not sys.stdout.isatty():
        sys.stdout.writelines(line + "\n" for line in items_lines(items, today))
    elif len(items) > TABLE_LIMIT:
        _page("\n".join(items_lines(items, today)) + "\n")
    else:
        from actiontrack.render import items_table

        console().print(items_table(items, today))


def _page(text: str) -> None:
    """Long output through the user's pager, as git does; straight out when there is none."""
    import pydoc

    pydoc.pager(text)


@app.command(help=_("Mark items as done.") + example('track done 12 14 --note "Skickat till alla"'))
def done(
    ctx: typer.Context,
    ids: Annotated[list[int], typer.Argument(help=_("Item ids."), metavar="ID...")],
    note: Annotated[str | None, typer.Option("--note", "-n", help=_("How it was done."))] = None,
) -> None:
    from actiontrack.usecases import items as service  # not all of service: no extractor (issue 15)

    state = state_of(ctx)
    items = state.write(lambda repo: service.complete(repo, ids, note=note, now=state.now), light=True)
    for item in items:
        say(_("Done #{id}: {text}").format(id=item.id, text=item.text))


@app.command(help=_("Open a done or dropped item again."))
def reopen(
    ctx: typer.Context, item_id: Annotated[int, typer.Argument(help=_("Item id."), metavar="ID")]
) -> None:
    from actiontrack.usecases import items as service  # not all of service: no extractor (issue 15)

    state = state_of(ctx)
    item = state.write(lambda repo: service.reopen(repo, item_id, now=state.now), light=True)
    say(_("Reopened #{id}: {text}").format(id=item.id, text=item.text))


@app.command(
    help=_("Drop an item that will not be done, saying why.")
    + example('track drop 7 --reason "Ersatt av nytt uppdrag"')
)
def drop(
    ctx: typer.Context,
    item_id: Annotated[int, typer.Argument(help=_("Item id."), metavar="ID")],
    reason: Annotated[str, typer.Option("--reason", "-r", help=_("Why it will not be done."))],
) -> None:
    from actiontrack.usecases import items as service  # not all of service: no extractor (issue 15)

    state = state_of(ctx)
    item = state.write(lambda repo: service.drop(repo, item_id, reason=reason, now=state.now), light=True)
    say(_("Dropped #{id}: {text}").format(id=item.id, text=item.text))


@app.command(
    help=_("Change an item's text, owners or due date; the change is kept in its history.")
    + example('track edit 12 --due "nästa fredag" --owner Ia')
)
def edit(
    ctx: typer.Context,
    item_id: Annotated[int, typer.Argument(help=_("Item id."), metavar="ID")],
    text: Annotated[str | None, typer.Option("--text", "-t", help=_("New text."))] = None,
    owner: Annotated[
        list[str] | None, typer.Option("--owner", "-o", help=_("New owner(s); replaces the old ones."))
    ] = None,
    due: Annotated[str | None, typer.Option("--due", "-d", help=_("New due date; 'none' removes it."))] = None,
    fmt: Annotated[OutFormat, typer.Option("--format", "-f", help=_("Output format."))] = OutFormat.table,
) -> None:
    from actiontrack.render import item_dict
    from actiontrack.usecases import items as service  # not all of service: no extractor (issue 15)

    state = state_of(ctx)
    item = state.write(
        lambda repo: service.edit(
            repo, item_id, text=text, owners=owner, due=due, now=state.now, confirm=confirm_callback()
        ),
        light=True,
    )
    if fmt is OutFormat.json:
        echo_json(item_dict(item, state.today, history=True))
    else:
        say(_("Edited #{id}: {text}").format(id=item.id, text=item.text))


@app.command(help=_("Add a note to an item's history."))
def note(
    ctx: typer.Context,
    item_id: Annotated[int, typer.Argument(help=_("Item id."), metavar="ID")],
    text: Annotated[str, typer.Argument(help=_("The note."))],
) -> None:
    from actiontrack.usecases import items as service  # not all of service: no extractor (issue 15)

    state = state_of(ctx)
    item = state.write(lambda repo: service.add_note(repo, item_id, text, now=state.now), light=True)
    say(_("Noted on #{id}.").format(id=item.id))


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
        raise UsageError(_("--base must be a date like 2016-02-08, not '{base}'.").format(base=base)) from None
    say(parse_date(expression, base_day).isoformat())
