"""Commands for the next meeting and beyond: agenda, digest, export."""

# No `from __future__ import annotations` here: typer would eval() every annotation
# string of every command at each start (about 20 ms).
import os
import sys
from typing import Annotated

import typer

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
    console,
    csv_delimiter,
    default_lang,
    example,
    may_write,
    parse_status,
    say,
    state_of,
    write_output,
)
from actiontrack.errors import UsageError
from actiontrack.i18n import _, ngettext

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
    group: Annotated[
        str | None,
        typer.Argument(
            help=_("The group, e.g. 'Gemensam utvecklingsgrupp'. Default: default_group in config.toml."),
            autocompletion=completion.groups,
        ),
    ] = None,
    when: Annotated[
        str | None, typer.Option("--date", help=_("The meeting's date. Default: from the schedule."))
    ] = None,
    fmt: Annotated[
        AgendaFormat, typer.Option("--format", "-f", help=_("Output format; docx is a Word document."))
    ] = AgendaFormat.terminal,
    output: Annotated[
        str | None, typer.Option("--output", "-o", help=_("Write to this file instead of stdout."))
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help=_("Replace the --output file if it exists."))
    ] = False,
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
    from actiontrack import i18n, service
    from actiontrack.render.agenda import agenda_dict
    from actiontrack.service import group_or_default

    if lang:  # else the language the root decided: --lang before the command, the configuration, the locale
        i18n.set_language(lang.value)
    if fmt is AgendaFormat.docx and output is None and sys.stdout.isatty():
        raise UsageError(
            i18n._("A Word document is a binary file: give --output FILE.docx (or pipe it into a file).")
        )
    outline = None
    if not review and fmt is not AgendaFormat.json:  # read first: a bad template fails before the database
        from actiontrack.agenda.outline import read_template

        outline = read_template(template, i18n.language())
    state = state_of(ctx)
    force = may_write(output, force=force, url=state.url)
    group = group_or_default(group, "agenda")
    with state.reader() as repo:
        result = service.agenda(repo, group, when=when, today=state.today)
    if review:
        from actiontrack.cli.review import review_agenda

        review_agenda(state, result)
        return
    if fmt is AgendaFormat.json or outline is None:
        from actiontrack.render import dumps

        write_output(dumps(agenda_dict(result)) + "\n", output, force=force, url=state.url)
    elif fmt is AgendaFormat.docx:
        from actiontrack.render.agenda_docx import agenda_docx

        write_output(agenda_docx(result, outline), output, force=force, url=state.url)
    elif fmt is AgendaFormat.md:
        from actiontrack.render.agenda import agenda_markdown

        write_output(agenda_markdown(result, outline), output, force=force, url=state.url)
    elif fmt is AgendaFormat.html:
        from actiontrack.render.agenda import agenda_html

        write_output(agenda_html(result, outline), output, force=force, url=state.url)
    elif output:
        from rich.console import Console

        from actiontrack.render.agenda import agenda_terminal

        with open(os.devnull, "w") as sink:
            recorder = Console(record=True, width=100, file=sink)
            recorder.print(agenda_terminal(result, outline))
        write_output(recorder.export_text(), output, force=force, url=state.url)
    else:
        from actiontrack.render.agenda import agenda_terminal

        console().print(agenda_terminal(result, outline))


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
    from actiontrack import i18n, service
    from actiontrack.render import dumps, item_dict
    from actiontrack.render.agenda import digest_markdown

    if lang:  # else the language the root decided: --lang before the command, the configuration, the locale
        i18n.set_language(lang.value)
    if fmt is DigestFormat.eml and output is None:
        raise UsageError(i18n._("--format eml writes one file per person: give --output FOLDER."))
    state = state_of(ctx)
    if fmt is not DigestFormat.eml:
        force = may_write(output, force=force, url=state.url)
    with state.reader() as repo:
        digests = service.digest(repo, owner=owner, today=state.today)
        people = repo.list_people() if fmt is DigestFormat.eml else []
    if fmt is DigestFormat.eml and digests:
        _write_drafts(digests, people, state, output or "", force=force)
    elif fmt is DigestFormat.json:
        say(
            dumps(
                [{"owner": d.owner, "items": [item_dict(i, state.today) for i in d.items]} for d in digests]
            )
        )
    elif not digests:
        message = (
            i18n._("Nobody has open items.")
            if owner is None
            else i18n._("{owner} has no open items.").format(owner=owner)
        )
        say(message, err=True)
    elif fmt in (DigestFormat.text, DigestFormat.html):
        from actiontrack.render.digest_mail import digest_html, digest_text

        render = digest_text if fmt is DigestFormat.text else digest_html
        write_output(render(digests, state.today), output, force=force, url=state.url)
    elif output:
        write_output(digest_markdown(digests, state.today), output, force=force, url=state.url)
    else:
        say(digest_markdown(digests, state.today), nl=False)


def _write_drafts(digests: list, people: list, state: object, folder: str, *, force: bool) -> None:  # type: ignore[type-arg]
    """One .eml per person in `folder` (made when missing), and a line saying where."""
    from pathlib import Path

    from actiontrack.render.digest_mail import addresses_of, digest_emails

    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    drafts = digest_emails(digests, state.today, addresses_of(people), now=state.now)  # type: ignore[attr-defined]
    for name, data in drafts:
        write_output(data, str(target / name), force=force, url=state.url)  # type: ignore[attr-defined]
    say(
        ngettext(
            "Wrote {n} e-mail draft in {folder}.", "Wrote {n} e-mail drafts in {folder}.", len(drafts)
        ).format(n=len(drafts), folder=target)
    )


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
    output: Annotated[
        str | None, typer.Option("--output", "-o", help=_("Write to this file instead of stdout."))
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help=_("Replace the --output file if it exists."))
    ] = False,
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
    from actiontrack import service
    from actiontrack.models import Status

    if fmt is ExportFormat.xlsx and output is None and sys.stdout.isatty():
        raise UsageError(
            _("An Excel workbook is a binary file: give --output FILE.xlsx (or pipe it into a file).")
        )
    if delimiter is not None and len(delimiter) != 1:
        raise UsageError(
            _("--delimiter must be one character, such as ';' or ',', not '{delimiter}'.").format(
                delimiter=delimiter
            )
        )
    state = state_of(ctx)
    force = may_write(output, force=force, url=state.url)
    chosen = status or (StatusChoice.open if fmt is ExportFormat.ics else StatusChoice.all)
    statuses = tuple(Status) if chosen is StatusChoice.all else (Status(chosen.value),)
    filters = service.Filters(owner=owner, group=group, statuses=statuses)
    with state.reader() as repo:
        items = service.list_items(repo, filters, today=state.today)
        swedish = fmt is ExportFormat.csv and (lang or default_lang()) is Lang.sv
        data = service.export_items(
            repo,
            items,
            fmt.value,
            group=group,
            now=state.now,
            tasks_as_events=(
                tasks is TasksAs.events if tasks else app_for in (CalendarApp.outlook, CalendarApp.google)
            ),
            delimiter=csv_delimiter(swedish, delimiter) if fmt is ExportFormat.csv else ",",
            swedish=swedish,
        )
    write_output(data, output, force=force, url=state.url)
