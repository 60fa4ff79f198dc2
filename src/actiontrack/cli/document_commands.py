"""What `track import` does once its options are read.

documents.py declares the command to typer (options, help) and calls this; fast.py calls the
same function when it reads the command line itself, without importing typer: an import of a
year of minutes is started in the time of one weekly command, and its workers begin sooner.
Nothing here imports typer but a question asked at the terminal.
"""

from __future__ import annotations

import sys
from contextlib import nullcontext
from functools import partial

from actiontrack.cli.output import echo_json, say, say_note
from actiontrack.errors import Interrupted, UsageError
from actiontrack.i18n import _, ngettext

TYPE_CHECKING = False  # typing costs a command's start ~4 ms
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

    from actiontrack.cli.state import State


def import_(
    state: State,
    files: list[str],
    from_json: bool = False,
    yes: bool = False,
    review: bool = False,
    group: str | None = None,
    year: int | None = None,
    when: str | None = None,
    as_new: bool = False,
    replace: bool = False,
    fmt: str = "table",
    jobs: int | None = None,
) -> int:
    """`track import`: minutes, or with --from-json exports to restore. The exit status: 1 when a
    document failed (each says why as it comes; the others are stored), else 0."""
    if from_json:
        _restore(state, files)
        return 0
    return _import(state, files, yes, review, group, year, when, as_new, replace, fmt, jobs)


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
    fmt: str,
    jobs: int | None,
) -> int:
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
    if fmt == "json":
        echo_json([outcome_dict(o, state.today) for o in outcomes])
    elif len(files) > 1:
        say(summary_line([o.action for o in outcomes]))
    return 1 if any(o.action == "failed" for o in outcomes) else 0


class _Hooks:
    """What import shows and asks at the terminal (service.ImportHooks)."""

    def __init__(self, fmt: str, interactive: bool, today: Any) -> None:
        self.fmt, self.interactive, self.today = fmt, interactive, today
        self.shown: set[str] = set()
        self.bar = False  # a progress bar is shown
        self.stored = 0  # documents imported or updated so far

    def read(self, document: Any) -> None:
        note_reading(document)

    def extracting(self, name: str) -> Any:
        if self.bar:  # the bar says how far the import has come
            return nullcontext()
        from actiontrack.cli.progress import reading

        return reading(name)  # a long document shows how far it has come

    def storing(self, name: str) -> Any:
        from actiontrack.cli.progress import working

        return working(_("Storing {name} ...").format(name=name))

    def progress(self, reads: Any, total: int) -> Any:
        self.bar = not self.interactive and total > 1 and sys.stderr.isatty()
        return _progress(reads, _("Importing"), show=self.bar, total=total)

    def done(self, outcome: Any) -> None:
        if outcome.action in ("imported", "updated"):
            self.stored += 1
        if outcome.action == "not applied":
            say(_("{document}: changes not applied.").format(document=outcome.document))
        elif self.fmt != "table":
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
        from actiontrack.cli.library_words import confirm

        return bool(confirm(_("Apply these changes?"), default=not most))

    def choose(self, name: str, candidates: list[Any]) -> Any:
        import typer

        say(_("'{name}' in the minutes could be:").format(name=name), err=True)
        for n, person in enumerate(candidates, start=1):
            say(f"  {n}. {person.name}", err=True)
        answer = typer.prompt(_("Which one (number, or 'n' for a new person)"), default="n", err=True).strip()
        if answer.isdigit() and 1 <= int(answer) <= len(candidates):
            return candidates[int(answer) - 1]
        return None

    def year(self, question: str) -> int | None:
        import typer

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


def note_reading(document: Any) -> None:
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
