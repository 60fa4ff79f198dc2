"""Commands on minutes: extract and import."""

# No `from __future__ import annotations` here: typer would eval() every annotation
# string of every command at each start (about 20 ms).
from typing import Annotated

import typer

from actiontrack.cli import completion
from actiontrack.cli import document_commands as run
from actiontrack.cli.base import (
    OutFormat,
    app,
    console,
    echo_json,
    example,
    say,
    say_note,
    state_of,
)
from actiontrack.cli.options import MinutesDate, MinutesYear
from actiontrack.cli.progress import reading
from actiontrack.i18n import _

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
        str,
        typer.Argument(help=_("Minutes: .txt, .md, .docx, .odt or .pdf; '-' reads stdin."), metavar="FILE"),
    ],
    year: MinutesYear = None,
    when: MinutesDate = None,
    fmt: Annotated[OutFormat, typer.Option("--format", "-f", help=_("Output format."))] = OutFormat.table,
    explain: Annotated[
        bool,
        typer.Option(
            "--explain",
            help=_("Also show each sentence's path: its list or heading, the verdict and the rule."),
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
    run.note_reading(document)
    with reading(document.name):  # a long document shows how far it has come
        extraction = service.extract_document(
            document, today=state.today, year=year, meeting_date=day, explain=explain
        )
    if fmt is OutFormat.json:
        echo_json(extraction_dict(extraction, explain=explain))
    else:
        console().print(extraction_table(extraction))
        if explain:
            from actiontrack.render import explain_lines

            say(explain_lines(extraction))
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
        bool,
        typer.Option("--review", help=_("Review each item even without a terminal (answers from stdin).")),
    ] = False,
    group: Annotated[
        str | None,
        typer.Option(
            "--group",
            "-g",
            help=_("Group name. Default: the minutes' title."),
            autocompletion=completion.groups,
        ),
    ] = None,
    year: MinutesYear = None,
    when: MinutesDate = None,
    as_new: Annotated[
        bool, typer.Option("--as-new", help=_("A separate meeting, even if this group's day is imported."))
    ] = False,
    replace: Annotated[
        bool,
        typer.Option(
            "--replace", help=_("Apply an update even when it removes more than half of the meeting's items.")
        ),
    ] = False,
    fmt: Annotated[OutFormat, typer.Option("--format", "-f", help=_("Output format."))] = OutFormat.table,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help=_(
                "Processes that read the minutes at once (1: one after the other). Default on Linux: one per processor when there are many; elsewhere 1."
            ),
        ),
    ] = None,
) -> None:
    code = run.import_(
        state_of(ctx), files, from_json, yes, review, group, year, when, as_new, replace, fmt, jobs
    )
    if code:
        raise typer.Exit(code)
