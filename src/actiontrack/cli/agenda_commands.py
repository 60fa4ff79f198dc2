"""What agenda, digest and export do once their options are read.

agenda.py declares these commands to typer (options, help) and calls these, as items.py
calls item_commands.py: the declarations are a table of options long enough on their own.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from actiontrack.cli.base import (
    AgendaFormat,
    CalendarApp,
    DigestFormat,
    ExportFormat,
    Lang,
    StatusChoice,
    TasksAs,
    console,
    csv_delimiter,
    default_lang,
    may_write,
    say,
    write_output,
)
from actiontrack.errors import UsageError
from actiontrack.i18n import _, ngettext

if TYPE_CHECKING:
    from actiontrack.agenda import Agenda
    from actiontrack.agenda.outline import Template
    from actiontrack.cli.state import State


def agenda(
    state: State,
    group: str | None,
    when: str | None,
    fmt: AgendaFormat,
    output: str | None,
    force: bool,
    lang: Lang | None,
    template: str | None,
    review: bool,
) -> None:
    """The agenda of a group's next meeting, reviewed at the meeting or written in `fmt`. What
    needs no database is checked first: a Word file for a terminal, the template."""
    from actiontrack import i18n, service
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
    force = may_write(output, force=force, url=state.url)
    group = group_or_default(group, "agenda")
    with state.reader() as repo:
        result = service.agenda(repo, group, when=when, today=state.today)
    if review:
        from actiontrack.cli.review import review_agenda

        review_agenda(state, result)
    else:
        _write_agenda(state, result, outline, fmt, output, force=force)


def _write_agenda(
    state: State,
    result: Agenda,
    outline: Template | None,
    fmt: AgendaFormat,
    output: str | None,
    *,
    force: bool,
) -> None:
    """The agenda in `fmt` to --output, else to stdout; JSON has no use for the template."""
    if fmt is AgendaFormat.json or outline is None:
        from actiontrack.render import dumps
        from actiontrack.render.agenda import agenda_dict

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


def digest(
    state: State, owner: str | None, fmt: DigestFormat, output: str | None, lang: Lang | None, force: bool
) -> None:
    """What each person (or `owner`) has open, in `fmt`: text to paste into an e-mail, JSON, or
    one e-mail draft per person in the folder `output`."""
    from actiontrack import i18n, service
    from actiontrack.render import dumps, item_dict
    from actiontrack.render.agenda import digest_markdown

    if lang:  # else the language the root decided: --lang before the command, the configuration, the locale
        i18n.set_language(lang.value)
    if fmt is DigestFormat.eml and output is None:
        raise UsageError(i18n._("--format eml writes one file per person: give --output FOLDER."))
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


def export(
    state: State,
    fmt: ExportFormat,
    owner: str | None,
    group: str | None,
    status: StatusChoice | None,
    output: str | None,
    force: bool,
    lang: Lang | None,
    delimiter: str | None,
    tasks: TasksAs | None,
    app_for: CalendarApp | None,
) -> None:
    """The items chosen, in `fmt`, to --output or stdout (service.export_items). The options
    are checked before the database is read; --status, --lang, --delimiter, --tasks and --for
    say which statuses, the CSV's delimiter and times, and items as to-dos or as events."""
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
