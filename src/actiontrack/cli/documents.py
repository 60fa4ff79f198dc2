"""Commands on minutes: extract and import."""

# No `from __future__ import annotations` here: typer would eval() every annotation
# string of every command at each start (about 20 ms).
import sys
from collections.abc import Iterable
from contextlib import nullcontext
from functools import partial
from typing import Annotated, Any

import typer

from actiontrack.cli import completion, library_words
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
from actiontrack.cli.options import MinutesDate, MinutesYear
from actiontrack.cli.progress import reading, working
from actiontrack.errors import Interrupted, UsageError
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
    _note_reading(document)
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
    state = state_of(ctx)
    if from_json:
        _restore(state, files)
    else:
        _import(state, files, yes, review, group, year, when, as_new, replace, fmt, jobs)


def _import(
    state: State,
    files: list[str],
    yes: bool,
    review: bool,
    group: str | None,
    year: int | None,
    when: str | None,
    as_new: bool,
    replace: bool,
    fmt: OutFormat,
    jobs: int | None,
) -> None:
    """`track import` of minutes: each item reviewed at a terminal (or with --review), else all
    taken with --yes; a summary line when there are several files, exit status 1 if any failed."""
    from actiontrack import service
    from actiontrack.cli.import_report import outcome_dict, summary_line
    from actiontrack.dates import parse_date

    interactive = review or (not yes and sys.stdin.isatty())
    if not yes and not interactive:
        raise UsageError(
            _("Without a terminal, import needs --yes (see the items first with: track extract FILE).")
        )
    options = service.ImportOptions(
        year=year,
        when=parse_date(when, state.today) if when else None,
        group=group,
        as_new=as_new,
        interactive=interactive,
        replace=replace,
    )
    hooks = _Hooks(fmt, interactive, state.today)
    try:
        with state.database() as db:
            outcomes = service.import_documents(
                db, files, options, hooks, today=state.today, now=state.now, jobs=jobs
            )
    except KeyboardInterrupt:
        if not hooks.stored:
            raise
        raise Interrupted(
            ngettext(
                "Interrupted; {n} of the minutes is imported, the others are not (the same command again imports them and skips the ones imported).",
                "Interrupted; {n} of the minutes are imported, the others are not (the same command again imports them and skips the ones imported).",
                hooks.stored,
            ).format(n=hooks.stored)
        ) from None
    if fmt is OutFormat.json:
        echo_json([outcome_dict(o, state.today) for o in outcomes])
    elif len(files) > 1:
        say(summary_line([o.action for o in outcomes]))
    if any(o.action == "failed" for o in outcomes):
        raise typer.Exit(1)


class _Hooks:
    """What import shows and asks at the terminal (service.ImportHooks)."""

    def __init__(self, fmt: OutFormat, interactive: bool, today: Any) -> None:
        self.fmt, self.interactive, self.today = fmt, interactive, today
        self.shown: set[str] = set()
        self.bar = False  # a progress bar is shown
        self.stored = 0  # documents imported or updated so far

    def read(self, document: Any) -> None:
        _note_reading(document)

    def extracting(self, name: str) -> Any:
        if self.bar:  # the bar says how far the import has come
            return nullcontext()
        return reading(name)  # a long document shows how far it has come

    def storing(self, name: str) -> Any:
        return working(_("Storing {name} ...").format(name=name))

    def progress(self, reads: Any, total: int) -> Any:
        self.bar = not self.interactive and total > 1 and sys.stderr.isatty()
        return _progress(reads, _("Importing"), show=self.bar, total=total)

    def done(self, outcome: Any) -> None:
        if outcome.action in ("imported", "updated"):
            self.stored += 1
        if outcome.action == "not applied":
            say(_("{document}: changes not applied.").format(document=outcome.document))
        elif self.fmt is not OutFormat.table:
            return
        elif outcome.action == "failed":
            say(_("Failed: {reason}").format(reason=outcome.error), err=True)
        elif outcome.result is not None:
            _report_import(outcome.result, self.shown)

    def review_items(self, pending: Any, warnings: list[str], check: Any) -> Any:
        from actiontrack.cli.review import review_items

        self.shown.update(warnings)  # said before the answers: not again after the import
        return review_items(
            pending.extraction, pending.document.name, today=self.today, warnings=warnings, check=check
        )

    def apply_update(self, pending: Any, plan: Any) -> bool:
        from actiontrack.cli.import_report import update_lines

        say(
            _("{document} updates meeting #{id} ({group}):").format(
                document=pending.document.name, id=plan.meeting.id, group=plan.meeting.group
            ),
            err=True,
        )
        for line in update_lines(plan.update) or ["  " + _("nothing changes")]:
            say(line, err=True)
        from actiontrack.usecases.versions import removal_warning, removes_most

        warnings = [*pending.extraction.warnings, *pending.notes]
        most = removes_most(plan.update)
        if most:
            warnings.append(removal_warning(plan.update))
        for warning in warnings:  # before the answer, where they can change it
            say_note(warning)
        self.shown.update(warnings)
        return bool(library_words.confirm(_("Apply these changes?"), default=not most))

    def choose(self, name: str, candidates: list[Any]) -> Any:
        say(_("'{name}' in the minutes could be:").format(name=name), err=True)
        for n, person in enumerate(candidates, start=1):
            say(f"  {n}. {person.name}", err=True)
        answer = typer.prompt(_("Which one (number, or 'n' for a new person)"), default="n", err=True).strip()
        if answer.isdigit() and 1 <= int(answer) <= len(candidates):
            return candidates[int(answer) - 1]
        return None

    def year(self, question: str) -> int | None:
        answer = typer.prompt(
            _("{question} (empty: skip this document)").format(question=question),
            default="",
            show_default=False,
            err=True,
        )
        return int(answer) if answer.strip().isdigit() and len(answer.strip()) == 4 else None


def _restore(state: State, files: list[str]) -> None:
    from actiontrack import service
    from actiontrack.export.reader import open_export

    for path in files:
        # an export is no set of minutes: read piece by piece, whatever its size
        with open_export(path) as stream:
            checked = service.check_export_stream(stream)
            result = state.write(
                partial(
                    service.restore_export, checked=checked, stream=stream, now=service.timestamp(state.now)
                )
            )
        restored = _("{file}: {items} items, {meetings} meetings, {people} people restored").format(
            file=path, items=result.items, meetings=result.meetings, people=result.people
        )
        already = ngettext(
            "; {n} item was already there.", "; {n} items were already there.", result.skipped_items
        )
        say(restored + (already.format(n=result.skipped_items) if result.skipped_items else "."))


def _note_reading(document: Any) -> None:
    for warning in document.warnings:
        say_note(warning)


def _report_import(result: Any, shown: set[str]) -> None:
    from actiontrack.cli.import_report import result_line, update_lines

    say(result_line(result))
    if result.update is not None:
        for line in update_lines(result.update):
            say(line)
    for warning in result.warnings:
        if warning not in shown:
            say("  " + _("Note: {note}").format(note=warning), err=True)


def _progress(paths: Iterable[Any], label: str, *, show: bool, total: int | None = None) -> Any:
    if not show or not sys.stderr.isatty():
        return paths
    from rich.progress import track

    return track(paths, description=label, total=total, transient=True, console=_err_console())


def _err_console() -> Any:
    from actiontrack.cli.output import console

    return console(stderr=True)
