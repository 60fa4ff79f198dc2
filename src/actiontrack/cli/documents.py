"""Commands on minutes: extract and import."""

# No `from __future__ import annotations` here: typer would eval() every annotation
# string of every command at each start (about 20 ms, issue 5).
import sys
from functools import partial
from typing import Annotated, Any

import typer

from actiontrack.cli.base import (
    OutFormat,
    State,
    app,
    console,
    echo_json,
    example,
    say,
    say_note,
    state_of,
)
from actiontrack.cli.progress import reading
from actiontrack.errors import DateError, DocumentError, InputError, PersonError, UsageError
from actiontrack.i18n import _, ngettext

# --- documents -----------------------------------------------------------------------------------------------


@app.command(
    help=_("Show the meeting and the action items in a document; writes nothing.")
    + example(
        "track extract protokoll.docx",
        "track extract minnesanteckningar.txt --format json",
        "track extract protokoll.txt --explain",
    )
)
def extract(
    ctx: typer.Context,
    file: Annotated[
        str, typer.Argument(help=_("Minutes: .txt, .md, .docx or .odt; '-' reads stdin."), metavar="FILE")
    ],
    year: Annotated[
        int | None, typer.Option("--year", help=_("The meeting's year, when the minutes do not say."))
    ] = None,
    when: Annotated[
        str | None,
        typer.Option("--date", help=_("The meeting's date (YYYY-MM-DD); relative deadlines count from it.")),
    ] = None,
    fmt: Annotated[OutFormat, typer.Option("--format", "-f", help=_("Output format."))] = OutFormat.table,
    explain: Annotated[
        bool,
        typer.Option(
            "--explain", help=_("Also show each sentence's path: its list or heading, the verdict and the rule.")
        ),
    ] = False,
) -> None:
    from actiontrack import service
    from actiontrack.dates import parse_date
    from actiontrack.extract.reading import read_document
    from actiontrack.render import extraction_dict, extraction_table

    state = state_of(ctx)
    day = parse_date(when, state.today) if when else None
    document = read_document(file)
    _note_reading(document)
    with reading(document.name):  # a long document shows how far it has come (issue 15)
        extraction = service.extract_document(document, today=state.today, year=year, meeting_date=day)
    if fmt is OutFormat.json:
        echo_json(extraction_dict(extraction, explain=explain))
    else:
        console().print(extraction_table(extraction))
        if explain:
            from actiontrack.render import explain_lines

            typer.echo(explain_lines(extraction))
    for warning in extraction.warnings:
        say_note(warning)


@app.command(
    "import",
    help=_("Import minutes: the meeting, its attendees, its schedule and its items.")
    + "\n\n"
    + _(
        "Each item is shown for review (accept, edit, skip) unless --yes is given. "
        "The same minutes again (whatever the encoding or file) are skipped; minutes of a "
        "group and day imported before are an update: what changes is shown, items done or "
        "edited by hand are kept. Each document is stored whole or not at all; a bad file "
        "does not stop the others, and the exit status is 1 if any failed."
    )
    + example(
        "track import protokoll-2017-02-13.docx",
        "track import data/*.txt --yes",
        "track import rättat-protokoll.txt --date 2019-03-14",
    ),
)
def import_(
    ctx: typer.Context,
    files: Annotated[
        list[str], typer.Argument(help=_("Minutes to import ('-' reads stdin)."), metavar="FILE...")
    ],
    from_json: Annotated[
        bool,
        typer.Option(
            "--from-json", help=_("The files are exports of `track export --format json`: restore them.")
        ),
    ] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help=_("Accept every item without review."))] = False,
    review: Annotated[
        bool, typer.Option("--review", help=_("Review each item even without a terminal (answers from stdin)."))
    ] = False,
    group: Annotated[
        str | None, typer.Option("--group", "-g", help=_("Group name. Default: the minutes' title."))
    ] = None,
    year: Annotated[
        int | None, typer.Option("--year", help=_("The meeting's year, when the minutes do not say."))
    ] = None,
    when: Annotated[
        str | None,
        typer.Option("--date", help=_("The meeting's date (YYYY-MM-DD); relative deadlines count from it.")),
    ] = None,
    as_new: Annotated[
        bool, typer.Option("--as-new", help=_("A separate meeting, even if this group's day is imported."))
    ] = False,
    fmt: Annotated[OutFormat, typer.Option("--format", "-f", help=_("Output format."))] = OutFormat.table,
) -> None:
    from actiontrack import service
    from actiontrack.dates import parse_date
    from actiontrack.extract.reading import read_document
    from actiontrack.render import item_dict, meeting_dict
    from actiontrack.render_import import summary_line, update_dict

    state = state_of(ctx)
    if from_json:
        _restore(state, files)
        return
    interactive = review or (not yes and sys.stdin.isatty())
    if not yes and not interactive:
        raise UsageError(
            _("Without a terminal, import needs --yes (see the items first with: track extract FILE).")
        )
    day = parse_date(when, state.today) if when else None
    single = len(files) == 1
    report: list[dict[str, Any]] = []
    with state.database() as db:
        from actiontrack.usecases.import_people import KnownPeople

        known = KnownPeople()  # everybody in the database, read once for all the documents (issue 15)
        batch = []
        for path in files:
            try:
                document = read_document(path)
                _note_reading(document)
            except DocumentError as e:
                if single:
                    raise
                report.append(_failed(path, str(e), fmt))
                continue
            with reading(document.name):  # a long document shows how far it has come (issue 15)
                batch.append(
                    service.extract_for_import(document, today=state.today, year=year, when=day, group=group)
                )
        with db.transaction() as repo:
            service.settle_dates(
                repo, batch, today=state.today, year=year, ask=_ask_year if interactive else None
            )
        for pending in _progress(batch, _("Importing"), show=not interactive and len(batch) > 1):
            if pending.error:
                if single:
                    raise InputError(pending.error)
                report.append(_failed(pending.document.name, pending.error, fmt))
                continue
            try:
                result = _import_one(db, state, pending, interactive=interactive, as_new=as_new,
                                     correcting=year is not None or day is not None, known=known)  # fmt: skip
            except (InputError, PersonError, DateError) as e:
                if single:
                    raise
                report.append(_failed(pending.document.name, str(e), fmt))
                continue
            if result is None:
                report.append({"document": pending.document.name, "action": "not applied"})
                typer.echo(_("{document}: changes not applied.").format(document=pending.document.name))
                continue
            report.append({
                "document": result.document, "action": result.action, "skipped": result.skipped,
                "meeting": meeting_dict(result.meeting), "items": [item_dict(i, state.today) for i in result.items],
                "new_people": result.new_people, "warnings": result.warnings, "update": update_dict(result.update),
            })  # fmt: skip
            if fmt is OutFormat.table:
                _report_import(result)
    if fmt is OutFormat.json:
        echo_json(report)
    elif not single:
        typer.echo(summary_line([r["action"] for r in report]))
    if any(r["action"] == "failed" for r in report):
        raise typer.Exit(1)


def _import_one(
    db: Any, state: State, pending: Any, *, interactive: bool, as_new: bool, correcting: bool, known: Any = None
) -> Any:
    """One document: plan, review (the items of a new meeting, the changes of an update), store."""
    from actiontrack import service

    if not interactive:  # planned and stored in one transaction
        with db.transaction() as repo:
            return service.import_pending(
                repo, pending, as_new=as_new, correcting=correcting, choose=None, known=known, now=state.now
            )
    with db.transaction() as repo:
        plan = service.plan_import(repo, pending, as_new=as_new, correcting=correcting, known=known)
    accepted = None
    if interactive and plan.action == "new":
        from actiontrack.review import review_items

        accepted = review_items(pending.extraction, pending.document.name, today=state.today)
    elif interactive and plan.action == "update" and plan.meeting and plan.update:
        from actiontrack.render_import import update_lines

        typer.echo(_("{document} updates meeting #{id} ({group}):").format(
            document=pending.document.name, id=plan.meeting.id, group=plan.meeting.group), err=True)  # fmt: skip
        for line in update_lines(plan.update) or ["  " + _("nothing changes")]:
            typer.echo(line, err=True)
        if not typer.confirm(_("Apply these changes?"), default=True, err=True):
            return None
    with db.transaction() as repo:  # each document whole or not at all
        return service.import_pending(
            repo, pending, items=accepted, as_new=as_new, correcting=correcting,
            choose=_choose if interactive else None, known=known, now=state.now,
        )  # fmt: skip


def _failed(name: str, reason: str, fmt: OutFormat) -> dict[str, Any]:
    if fmt is OutFormat.table:
        typer.echo(_("Failed: {reason}").format(reason=reason), err=True)
    return {"document": name, "action": "failed", "error": reason}


def _ask_year(question: str) -> int | None:
    answer = typer.prompt(
        _("{question} (empty: skip this document)").format(question=question), default="", show_default=False, err=True
    )
    return int(answer) if answer.strip().isdigit() and len(answer.strip()) == 4 else None


def _choose(name: str, candidates: list[Any]) -> Any:
    typer.echo(_("'{name}' in the minutes could be:").format(name=name), err=True)
    for n, person in enumerate(candidates, start=1):
        typer.echo(f"  {n}. {person.name}", err=True)
    answer = typer.prompt(_("Which one (number, or 'n' for a new person)"), default="n", err=True).strip()
    if answer.isdigit() and 1 <= int(answer) <= len(candidates):
        return candidates[int(answer) - 1]
    return None


def _restore(state: State, files: list[str]) -> None:
    from actiontrack.export import restore_json
    from actiontrack.extract.reading import read_document
    from actiontrack.service import timestamp

    for path in files:
        text = read_document(path).text
        result = state.write(partial(restore_json, text=text, now=timestamp(state.now)))
        restored = _("{file}: {items} items, {meetings} meetings, {people} people restored").format(
            file=path, items=result.items, meetings=result.meetings, people=result.people
        )
        already = ngettext("; {n} item was already there.", "; {n} items were already there.", result.skipped_items)
        say(restored + (already.format(n=result.skipped_items) if result.skipped_items else "."))


def _note_reading(document: Any) -> None:
    for warning in document.warnings:
        say_note(warning)


def _report_import(result: Any) -> None:
    from actiontrack.render_import import result_line, update_lines

    say(result_line(result))
    if result.update is not None:
        for line in update_lines(result.update):
            say(line)
    for warning in result.warnings:
        say("  " + _("Note: {note}").format(note=warning), err=True)


def _progress(paths: list[Any], label: str, *, show: bool) -> Any:
    if not show or not sys.stderr.isatty():
        return paths
    from rich.progress import track

    return track(paths, description=label, transient=True, console=_err_console())


def _err_console() -> Any:
    from rich.console import Console

    return Console(stderr=True)
