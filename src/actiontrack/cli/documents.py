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
    say,
    state_of,
)
from actiontrack.errors import UsageError

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
    explain: Annotated[
        bool,
        typer.Option(
            "--explain", help="Also show each sentence's path: its list or heading, the verdict and the rule."
        ),
    ] = False,
) -> None:
    """Show the meeting and the action items in a document; writes nothing.

    Example:

        track extract protokoll.docx

        track extract minnesanteckningar.txt --format json

        track extract protokoll.txt --explain
    """
    from actiontrack import service
    from actiontrack.extract.reading import read_document
    from actiontrack.render import extraction_dict, extraction_table

    state = state_of(ctx)
    document = read_document(file)
    _note_reading(document)
    extraction = service.extract_document(document, today=state.today, year=year)
    if fmt is OutFormat.json:
        echo_json(extraction_dict(extraction, explain=explain))
    else:
        console().print(extraction_table(extraction))
        if explain:
            from actiontrack.render import explain_lines

            typer.echo(explain_lines(extraction))
    for warning in extraction.warnings:
        say(f"Note: {warning}", err=True)


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

    state = state_of(ctx)
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
            _note_reading(document)
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
        echo_json([
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
        result = state.write(partial(restore_json, text=text, now=timestamp(state.now)))
        say(
            f"{path}: {result.items} items, {result.meetings} meetings, {result.people} people restored"
            + (f"; {result.skipped_items} items were already there." if result.skipped_items else ".")
        )


def _note_reading(document: Any) -> None:
    for warning in document.warnings:
        say(f"Note: {warning}", err=True)


def _report_import(result: Any) -> None:
    m = result.meeting
    when = m.date.isoformat() if m.date else "no date"
    if result.skipped:
        say(
            f"{result.document}: already imported as meeting #{m.id} ({m.group} {when}); nothing added."
        )
        return
    say(f"{result.document}: meeting #{m.id} {m.group} {when}, {len(result.items)} items"
               + (f", {len(result.new_people)} new people" if result.new_people else "") + ".")  # fmt: skip
    for warning in result.warnings:
        say(f"  Note: {warning}", err=True)


def _progress(paths: list[str], label: str, *, show: bool) -> Any:
    if not show or not sys.stderr.isatty():
        return paths
    from rich.progress import track

    return track(paths, description=label, transient=True, console=_err_console())


def _err_console() -> Any:
    from rich.console import Console

    return Console(stderr=True)
