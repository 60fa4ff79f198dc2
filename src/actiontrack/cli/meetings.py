"""Commands on meetings: start, end, list, edit, delete."""

# No `from __future__ import annotations` here: typer would eval() every annotation
# string of every command at each start (about 20 ms).
import sys
from typing import Annotated

import typer

from actiontrack.cli import completion, library_words
from actiontrack.cli.base import OutFormat, console, echo_json, example, meeting_app, say, state_of
from actiontrack.errors import UsageError
from actiontrack.i18n import _, ngettext

# --- meetings --------------------------------------------------------------------------------------------------


@meeting_app.command(
    "start",
    help=_("Start a meeting: `track add` attaches new items to it.")
    + example('track meeting start "Gemensam utvecklingsgrupp" --place Bryggan'),
)
def meeting_start(
    ctx: typer.Context,
    group: Annotated[
        str | None,
        typer.Argument(
            help=_(
                "The group that meets, e.g. 'Gemensam utvecklingsgrupp'. Default: default_group in config.toml."
            ),
            autocompletion=completion.groups,
        ),
    ] = None,
    when: Annotated[str | None, typer.Option("--date", help=_("The meeting's date. Default: today."))] = None,
    place: Annotated[str | None, typer.Option("--place", help=_("Where it is held."))] = None,
    new_group: Annotated[
        bool, typer.Option("--new-group", help=_("The group is new: create it (a misspelt name is refused)."))
    ] = False,
    fmt: Annotated[OutFormat, typer.Option("--format", "-f", help=_("Output format."))] = OutFormat.table,
) -> None:
    from actiontrack import service
    from actiontrack.cli.output import confirm_callback
    from actiontrack.dates import parse_date
    from actiontrack.render import meeting_dict
    from actiontrack.service import group_or_default

    state = state_of(ctx)
    group = group_or_default(group, "meeting start")
    day = parse_date(when, state.today) if when else state.today
    warnings: list[str] = []
    meeting = state.write(
        lambda repo: service.start_meeting(
            repo,
            group,
            when=day,
            place=place,
            now=state.now,
            warnings=warnings,
            new_group=new_group,
            confirm=confirm_callback(),
        )
    )
    if fmt is OutFormat.json:
        echo_json(meeting_dict(meeting))
    else:
        say(
            _("Started meeting #{id}: {group} {date}. New items go to this meeting.").format(
                id=meeting.id, group=meeting.group, date=day.isoformat()
            )
        )
    _notes(warnings)


@meeting_app.command("list", help=_("List meetings; the current one is marked with *."))
def meeting_list(
    ctx: typer.Context,
    group: Annotated[
        str | None,
        typer.Option(
            "--group", "-g", help=_("Only this group's meetings."), autocompletion=completion.groups
        ),
    ] = None,
    fmt: Annotated[OutFormat, typer.Option("--format", "-f", help=_("Output format."))] = OutFormat.table,
) -> None:
    from actiontrack import service
    from actiontrack.render import meeting_dict, meetings_table

    state = state_of(ctx)
    with state.reader() as repo:
        meetings = repo.list_meetings(service.find_group(repo, group).name if group else None)
        current = service.current_meeting(repo)
    if fmt is OutFormat.json:
        echo_json([meeting_dict(m) for m in meetings])
    elif not meetings:
        say(_("No meetings yet: `track meeting start GROUP` or `track import FILE`."), err=True)
    else:
        console().print(meetings_table(meetings, current.id if current else None))


@meeting_app.command(
    "end",
    help=_("End the current meeting: new items go to no meeting until the next `meeting start`.")
    + example("track meeting end"),
)
def meeting_end(ctx: typer.Context) -> None:
    from actiontrack import service

    state = state_of(ctx)
    meeting = state.write(service.end_meeting)
    say(
        _("Ended meeting #{id}: {group}. New items go to no meeting.").format(
            id=meeting.id, group=meeting.group
        )
    )


@meeting_app.command(
    "edit",
    help=_("Correct a meeting: its date, title, group, place or time; `track undo` reverts it.")
    + example('track meeting edit 3 --date 2019-03-14 --place "Stadshuset, rum 4"'),
)
def meeting_edit(
    ctx: typer.Context,
    meeting_id: Annotated[
        int, typer.Argument(help=_("Meeting id (see `track meeting list`)."), metavar="ID")
    ],
    when: Annotated[str | None, typer.Option("--date", help=_("The right date, e.g. 2019-03-14."))] = None,
    title: Annotated[str | None, typer.Option("--title", help=_("The right title."))] = None,
    group: Annotated[
        str | None,
        typer.Option("--group", "-g", help=_("The group it belongs to."), autocompletion=completion.groups),
    ] = None,
    place: Annotated[str | None, typer.Option("--place", help=_("Where it was held ('-' for none)."))] = None,
    time: Annotated[
        str | None, typer.Option("--time", help=_("Time of day, e.g. 13.00-15.00 ('-' for none)."))
    ] = None,
    fmt: Annotated[OutFormat, typer.Option("--format", "-f", help=_("Output format."))] = OutFormat.table,
) -> None:
    from actiontrack import service
    from actiontrack.dates import parse_date
    from actiontrack.render import meeting_dict

    state = state_of(ctx)
    day = parse_date(when, state.today) if when else None
    warnings: list[str] = []
    meeting = state.write(
        lambda repo: service.edit_meeting(
            repo,
            meeting_id,
            when=day,
            title=title,
            group=group,
            place=place,
            time=time,
            now=state.now,
            warnings=warnings,
        )
    )
    if fmt is OutFormat.json:
        echo_json(meeting_dict(meeting))
    else:
        when_text = meeting.date.isoformat() if meeting.date else _("no date")
        say(
            _("Edited meeting #{id}: {group} {date}.").format(
                id=meeting.id, group=meeting.group, date=when_text
            )
        )
    _notes(warnings)


@meeting_app.command(
    "delete",
    help=_("Delete a meeting and its items, after a confirmation; `track undo` brings them back.")
    + example("track meeting delete 7"),
)
def meeting_delete(
    ctx: typer.Context,
    meeting_id: Annotated[
        int, typer.Argument(help=_("Meeting id (see `track meeting list`)."), metavar="ID")
    ],
    yes: Annotated[bool, typer.Option("--yes", "-y", help=_("Do not ask for confirmation."))] = False,
) -> None:
    from actiontrack import service

    state = state_of(ctx)
    with state.reader() as repo:
        meeting = repo.get_meeting(meeting_id)
    when = meeting.date.isoformat() if meeting.date else _("no date")
    what = ngettext(
        "meeting #{id} ({group} {date}) and its {n} item",
        "meeting #{id} ({group} {date}) and its {n} items",
        meeting.item_count,
    ).format(id=meeting.id, group=meeting.group, date=when, n=meeting.item_count)
    if not yes:
        if not sys.stdin.isatty():
            raise UsageError(_("Deleting {what} needs --yes without a terminal.").format(what=what))
        if not library_words.confirm(_("Delete {what}?").format(what=what)):
            say(_("Nothing deleted."), err=True)
            raise typer.Exit(1)
    state.write(lambda repo: service.delete_meeting(repo, meeting_id))
    say(_("Deleted {what}; `track undo` brings them back.").format(what=what))


def _notes(warnings: list[str]) -> None:
    for warning in warnings:
        say(_("Note: {note}").format(note=warning), err=True)
