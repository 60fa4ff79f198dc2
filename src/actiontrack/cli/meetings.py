"""Commands on meetings: start, end, list, edit, delete."""

# No `from __future__ import annotations` here: typer would eval() every annotation
# string of every command at each start (about 20 ms, issue 5).
import sys
from typing import Annotated

import typer

from actiontrack.cli.base import OutFormat, console, echo_json, meeting_app, state_of
from actiontrack.errors import UsageError

# --- meetings --------------------------------------------------------------------------------------------------


@meeting_app.command("start")
def meeting_start(
    ctx: typer.Context,
    group: Annotated[
        str | None,
        typer.Argument(
            help="The group that meets, e.g. 'Gemensam utvecklingsgrupp'. Default: default_group in config.toml."
        ),
    ] = None,
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
    from actiontrack.usecases.settings import group_or_default

    state = state_of(ctx)
    group = group_or_default(group, "meeting start")  # issue 14
    day = parse_date(when, state.today) if when else state.today
    warnings: list[str] = []
    meeting = state.write(
        lambda repo: service.start_meeting(
            repo, group, when=day, place=place, now=state.now, warnings=warnings
        )
    )
    if fmt is OutFormat.json:
        echo_json(meeting_dict(meeting))
    else:
        typer.echo(
            f"Started meeting #{meeting.id}: {meeting.group} {day.isoformat()}. New items go to this meeting."
        )
    _notes(warnings)


@meeting_app.command("list")
def meeting_list(
    ctx: typer.Context,
    group: Annotated[str | None, typer.Option("--group", "-g", help="Only this group's meetings.")] = None,
    fmt: Annotated[OutFormat, typer.Option("--format", "-f", help="Output format.")] = OutFormat.table,
) -> None:
    """List meetings; the current one is marked with *."""
    from actiontrack import service
    from actiontrack.render import meeting_dict, meetings_table

    state = state_of(ctx)
    with state.reader() as repo:
        meetings = repo.list_meetings(service.find_group(repo, group).name if group else None)
        current = service.current_meeting(repo)
    if fmt is OutFormat.json:
        echo_json([meeting_dict(m) for m in meetings])
    elif not meetings:
        typer.echo("No meetings yet: `track meeting start GROUP` or `track import FILE`.", err=True)
    else:
        console().print(meetings_table(meetings, current.id if current else None))


@meeting_app.command("end")
def meeting_end(ctx: typer.Context) -> None:
    """End the current meeting: new items go to no meeting until the next `meeting start`.

    Example:

        track meeting end
    """
    from actiontrack import service

    state = state_of(ctx)
    meeting = state.write(service.end_meeting)
    typer.echo(f"Ended meeting #{meeting.id}: {meeting.group}. New items go to no meeting.")


@meeting_app.command("edit")
def meeting_edit(
    ctx: typer.Context,
    meeting_id: Annotated[int, typer.Argument(help="Meeting id (see `track meeting list`).", metavar="ID")],
    when: Annotated[str | None, typer.Option("--date", help="The right date, e.g. 2019-03-14.")] = None,
    title: Annotated[str | None, typer.Option("--title", help="The right title.")] = None,
    group: Annotated[str | None, typer.Option("--group", "-g", help="The group it belongs to.")] = None,
    place: Annotated[str | None, typer.Option("--place", help="Where it was held ('-' for none).")] = None,
    time: Annotated[
        str | None, typer.Option("--time", help="Time of day, e.g. 13.00-15.00 ('-' for none).")
    ] = None,
    fmt: Annotated[OutFormat, typer.Option("--format", "-f", help="Output format.")] = OutFormat.table,
) -> None:
    """Correct a meeting: its date, title, group, place or time; `track undo` reverts it.

    Example:

        track meeting edit 3 --date 2019-03-14 --place "Stadshuset, rum 4"
    """
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
        )  # fmt: skip
    )
    if fmt is OutFormat.json:
        echo_json(meeting_dict(meeting))
    else:
        when_text = meeting.date.isoformat() if meeting.date else "no date"
        typer.echo(f"Edited meeting #{meeting.id}: {meeting.group} {when_text}.")
    _notes(warnings)


@meeting_app.command("delete")
def meeting_delete(
    ctx: typer.Context,
    meeting_id: Annotated[int, typer.Argument(help="Meeting id (see `track meeting list`).", metavar="ID")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Delete a meeting and its items, after a confirmation; `track undo` brings them back.

    Example:

        track meeting delete 7
    """
    from actiontrack import service

    state = state_of(ctx)
    with state.reader() as repo:
        meeting = repo.get_meeting(meeting_id)
    when = meeting.date.isoformat() if meeting.date else "no date"
    what = f"meeting #{meeting.id} ({meeting.group} {when}) and its {meeting.item_count} items"
    if not yes:
        if not sys.stdin.isatty():
            raise UsageError(f"Deleting {what} needs --yes without a terminal.")
        if not typer.confirm(f"Delete {what}?", default=False, err=True):
            typer.echo("Nothing deleted.", err=True)
            raise typer.Exit(1)
    state.write(lambda repo: service.delete_meeting(repo, meeting_id))
    typer.echo(f"Deleted {what}; `track undo` brings them back.")


def _notes(warnings: list[str]) -> None:
    for warning in warnings:
        typer.echo(f"Note: {warning}", err=True)
