"""Commands for the next meeting and beyond: agenda, digest, export."""

# No `from __future__ import annotations` here: typer would eval() every annotation
# string of every command at each start (about 20 ms).
from typing import Annotated

import typer

from actiontrack.cli import agenda_commands as run
from actiontrack.cli import completion
from actiontrack.cli.base import (
    STATUS_NAMES,
    AgendaFormat,
    CalendarApp,
    DigestFormat,
    ExportFormat,
    Lang,
    StatusChoice,
    TasksAs,
    app,
    example,
    parse_status,
    state_of,
)
from actiontrack.cli.options import Force, GroupArgument, NextMeetingDate, OutputFile
from actiontrack.i18n import _

# --- agenda, digest, export -------------------------------------------------------------------------------------


@app.command(
    help=_(
        "The agenda before a group's next meeting: deferred points, follow-up of items "
        "(overdue first, then by owner) and the usual points of a Swedish meeting."
    )
    + "\n\n"
    + _(
        'The date comes from --date, else the schedule in the group\'s minutes ("Tider nästa år"), '
        "else the group's usual rhythm. The points come from a template (--template, or the setting "
        "agenda_template). --format md gives text to paste into the invitation e-mail, --format html "
        'a page to print, --format docx the Word "kallelse och dagordning".'
    )
    + example(
        'track agenda "Gemensam utvecklingsgrupp"', "track agenda Brukarrådet --format docx -o kallelse.docx"
    )
)
def agenda(
    ctx: typer.Context,
    group: GroupArgument = None,
    when: NextMeetingDate = None,
    fmt: Annotated[
        AgendaFormat, typer.Option("--format", "-f", help=_("Output format; docx is a Word document."))
    ] = AgendaFormat.terminal,
    output: OutputFile = None,
    force: Force = False,
    lang: Annotated[
        Lang | None,
        typer.Option(
            "--lang", help=_("Language. Default: the setting language, else TRACK_LANG, else the locale.")
        ),
    ] = None,
    template: Annotated[
        str | None,
        typer.Option(
            "--template",
            metavar="FILE",
            help=_(
                "The agenda's points, one a line (docs/agenda.md: The agenda template). "
                "Default: the setting agenda_template, else the built-in one."
            ),
        ),
    ] = None,
    review: Annotated[
        bool, typer.Option("--review", help=_("Walk through the items at the meeting: done, keep, ..."))
    ] = False,
) -> None:
    run.agenda(state_of(ctx), group, when, fmt, output, force, lang, template, review)


@app.command(
    help=_("What each person has open, overdue first: a short text to send them.")
    + "\n\n"
    + _(
        "--format text or html is the text to paste into an e-mail; --format eml writes one e-mail draft "
        "per person into the folder --output names, addressed when the person has an e-mail address as an "
        "alias (track people alias NAME ADDRESS), which Outlook opens ready to send."
    )
    + example("track digest --owner Leif", "track digest --format eml --output utskick")
)
def digest(
    ctx: typer.Context,
    owner: Annotated[
        str | None,
        typer.Option(
            "--owner",
            "-o",
            help=_("Only this person's items. Default: everyone's."),
            autocompletion=completion.people,
        ),
    ] = None,
    fmt: Annotated[DigestFormat, typer.Option("--format", "-f", help=_("Output format."))] = DigestFormat.md,
    output: Annotated[
        str | None,
        typer.Option(
            "--output", metavar="FILE", help=_("Write to this file (eml: this folder) instead of stdout.")
        ),
    ] = None,
    lang: Annotated[
        Lang | None,
        typer.Option(
            "--lang", help=_("Language. Default: the setting language, else TRACK_LANG, else the locale.")
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help=_("Replace the --output file (eml: the drafts) if it exists."))
    ] = False,
) -> None:
    run.digest(state_of(ctx), owner, fmt, output, lang, force)


@app.command(
    help=_("Export items: CSV or Excel for spreadsheets, JSON with the history, iCalendar for calendars.")
    + "\n\n"
    + _(
        "The JSON export is a full copy: `track import --from-json FILE` reads it back. "
        "The iCalendar file has a to-do per open item with a due date (`--tasks as-events`: "
        "an all-day event with a reminder instead, for Outlook) and the groups' meetings."
    )
    + "\n\n"
    + _(
        "Which file for which calendar: Outlook (desktop, on the web, Microsoft 365) and Google Calendar "
        "show no to-dos, so give them --for outlook or --for google (each item an all-day event with a "
        "reminder); Apple Calendar and Reminders and Thunderbird show to-dos: --for apple, the default. "
        "Every file has the meetings held, the next one the minutes announce (at its time and place) "
        "and those of the schedule."
    )
    + example(
        "track export --format xlsx --output atgarder.xlsx",
        "track export --format csv --output atgarder.csv",
        "track export --format ics --for outlook --output kalender.ics",
        "track export --format ics --for apple --owner Leif --output leif.ics",
    )
)
def export(
    ctx: typer.Context,
    fmt: Annotated[
        ExportFormat,
        typer.Option(
            "--format", "-f", help=_("csv or xlsx (for Excel), json (everything), ics (calendars).")
        ),
    ],
    owner: Annotated[
        str | None,
        typer.Option("--owner", help=_("Only this person's items."), autocompletion=completion.people),
    ] = None,
    group: Annotated[
        str | None,
        typer.Option("--group", "-g", help=_("Only this group's items."), autocompletion=completion.groups),
    ] = None,
    status: Annotated[
        StatusChoice | None,
        typer.Option(
            "--status",
            parser=parse_status,
            metavar="<" + "|".join(_(word) for word in STATUS_NAMES) + ">",
            help=_("Which items. Default: all; open for ics."),
        ),
    ] = None,
    output: OutputFile = None,
    force: Force = False,
    lang: Annotated[
        Lang | None,
        typer.Option(
            "--lang", help=_("sv: CSV for Swedish Excel (';', local times). Default: the interface language.")
        ),
    ] = None,
    delimiter: Annotated[
        str | None, typer.Option("--delimiter", help=_("CSV delimiter. Default: ';' in Swedish, else ','."))
    ] = None,
    tasks: Annotated[
        TasksAs | None,
        typer.Option(
            "--tasks", help=_("ics: items as to-dos, or as-events (all-day, a reminder) for Outlook.")
        ),
    ] = None,
    app_for: Annotated[
        CalendarApp | None,
        typer.Option(
            "--for",
            help=_(
                "ics: the calendar it is for. outlook and google: items as events; apple and thunderbird: to-dos."
            ),
        ),
    ] = None,
) -> None:
    run.export(state_of(ctx), fmt, owner, group, status, output, force, lang, delimiter, tasks, app_for)
