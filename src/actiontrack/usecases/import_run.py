"""`track import` of several documents: read, extract, settle their dates, then store each.

Each document is stored whole or not at all, in a transaction of its own; a bad file does
not stop the others (unless it is the only one, when its error is the command's). What a
person decides at a terminal (which items, whether an update applies, who a name is, the
year minutes do not give) is asked through the hooks the command line passes in, and so is
what it shows while it works; this module never reads or writes the terminal.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from datetime import date, datetime
from typing import TYPE_CHECKING, Protocol

from actiontrack.errors import DateError, DocumentError, InputError, PersonError
from actiontrack.records import record
from actiontrack.usecases.documents import ImportResult, Plan, import_pending, plan_import
from actiontrack.usecases.import_people import Check, NameCheck
from actiontrack.usecases.import_read import Read, read_all
from actiontrack.usecases.known_people import KnownPeople
from actiontrack.usecases.meeting_dates import Pending, partial_date, settle_dates, undated
from actiontrack.usecases.meetings import same_day_warning
from actiontrack.usecases.reviewed import Reviewed

if TYPE_CHECKING:
    from actiontrack.extract.reading import Document
    from actiontrack.models import Person
    from actiontrack.storage import Database
    from actiontrack.storage.people_reads import PeopleReads


@record(frozen=True)
class ImportOptions:
    year: int | None = None  # --year
    when: date | None = None  # --date
    group: str | None = None  # --group
    as_new: bool = False  # --as-new
    interactive: bool = False  # review at a terminal (or --review)
    replace: bool = False  # --replace: an update may remove most of a meeting's items


@record(frozen=True)
class Outcome:
    """What became of one document: "imported", "updated", "skipped", "not applied" or "failed"."""

    document: str
    action: str
    result: ImportResult | None = None
    error: str | None = None


class ImportHooks(Protocol):
    """What the command line shows and asks while documents are imported."""

    def read(self, document: Document) -> None: ...
    def extracting(self, name: str) -> AbstractContextManager[None]: ...
    def storing(self, name: str) -> AbstractContextManager[None]: ...
    def progress(self, reads: Iterator[Read], total: int) -> Iterable[Read]: ...
    def done(self, outcome: Outcome) -> None: ...
    def review_items(self, pending: Pending, warnings: list[str], check: Check) -> list[Reviewed]: ...
    def apply_update(self, pending: Pending, plan: Plan) -> bool: ...
    def choose(self, name: str, candidates: list[Person]) -> Person | None: ...
    def year(self, question: str) -> int | None: ...


class QuietHooks:
    """Hooks that show nothing and decide as --yes does: every item, every update."""

    def read(self, document: Document) -> None:
        """A document was read (its warnings, such as a guessed encoding)."""

    @contextmanager
    def extracting(self, name: str) -> Iterator[None]:
        """Around the extraction of one document (a progress line for a long one)."""
        yield

    @contextmanager
    def storing(self, name: str) -> Iterator[None]:
        """Around the storing of one document (a sign of life when it takes long)."""
        yield

    def progress(self, reads: Iterator[Read], total: int) -> Iterable[Read]:
        """Around the documents as they are read and stored (a progress bar)."""
        return reads

    def done(self, outcome: Outcome) -> None:
        """A document is stored, skipped, not applied or failed."""

    # asked only when the import is interactive

    def review_items(self, pending: Pending, warnings: list[str], check: Check) -> list[Reviewed]:
        return [Reviewed(e, e) for e in pending.extraction.items]

    def apply_update(self, pending: Pending, plan: Plan) -> bool:
        return True

    def choose(self, name: str, candidates: list[Person]) -> Person | None:
        return None

    def year(self, question: str) -> int | None:
        return None


def import_documents(
    db: Database,
    paths: Sequence[str],
    options: ImportOptions,
    hooks: ImportHooks,
    *,
    today: date,
    now: datetime,
    jobs: int | None = None,
) -> list[Outcome]:
    """Import the minutes in `paths`; what became of each, in order. Each is stored as soon as
    it is read, while the next are read (by `jobs` worker processes; default: one per
    processor when there are many); from the first whose date lacks a year on, they wait
    until all are read, since the others' dates tell that year."""
    run = _Run(db, options, hooks, single=len(paths) == 1, now=now)
    every: list[Pending] = []  # each document read, in order
    waiting: list[Pending] = []
    how = {"today": today, "year": options.year, "when": options.when, "group": options.group}
    with read_all(paths, how, jobs=jobs, around=hooks.extracting) as reads:
        db.ready()  # the schema made or checked while the workers read
        for read in hooks.progress(reads, len(paths)):
            if read.pending is None:
                if run.single:
                    raise DocumentError(read.error or read.path)
                run.finish(Outcome(read.path, "failed", error=read.error))
                continue
            pending = read.pending
            hooks.read(pending.document)
            every.append(pending)
            if waiting or partial_date(pending.extraction) is not None:
                waiting.append(pending)
            else:
                pending.error = undated(pending)
                run.store(pending)
    if waiting:
        with db.transaction() as repo:
            ask = hooks.year if options.interactive else None
            settle_dates(repo, waiting, today=today, year=options.year, ask=ask, among=every)
        for pending in waiting:
            run.store(pending)
    return run.outcomes


class _Run:
    """The documents of one import as they are stored: what became of each, in order. A
    document that fails does not stop the others, unless it is the only one, when its error is
    the command's."""

    def __init__(
        self, db: Database, options: ImportOptions, hooks: ImportHooks, *, single: bool, now: datetime
    ):
        self.db, self.options, self.hooks, self.single, self.now = db, options, hooks, single, now
        self.known = KnownPeople()  # the people the documents' names may mean, read once for all of them
        self.outcomes: list[Outcome] = []

    def finish(self, outcome: Outcome) -> None:
        self.outcomes.append(outcome)
        self.hooks.done(outcome)

    def store(self, pending: Pending) -> None:
        if pending.error:
            if self.single:
                raise InputError(pending.error)
            self.finish(Outcome(pending.document.name, "failed", error=pending.error))
            return
        try:
            result = _import_one(self.db, pending, self.options, self.hooks, known=self.known, now=self.now)
        except (InputError, PersonError, DateError) as e:
            if self.single:
                raise
            self.finish(Outcome(pending.document.name, "failed", error=str(e)))
            return
        if result is None:
            self.finish(Outcome(pending.document.name, "not applied"))
        else:
            self.finish(Outcome(result.document, result.action, result))


def _import_one(
    db: Database,
    pending: Pending,
    options: ImportOptions,
    hooks: ImportHooks,
    *,
    known: KnownPeople,
    now: datetime,
) -> ImportResult | None:
    """One document: plan, review (the items of a new meeting, the changes of an update), store."""
    correcting = options.year is not None or options.when is not None
    if not options.interactive:  # planned and stored in one transaction
        with hooks.storing(pending.document.name), db.transaction() as repo:
            return import_pending(
                repo,
                pending,
                as_new=options.as_new,
                correcting=correcting,
                known=known,
                replace=options.replace,
                now=now,
            )
    with db.transaction() as repo:
        known.refresh(repo)
        plan = plan_import(repo, pending, as_new=options.as_new, correcting=correcting, known=known)
    known.between(_each_alone(db))  # the review waits for the user holding no transaction
    accepted = None
    if plan.action == "new":
        m = pending.extraction.meeting
        check = NameCheck(known, [(a.name, a.organisation) for a in [*m.attendees, *m.absent]])
        # what the import would warn about afterwards is said before the first answer
        said = [*pending.extraction.warnings, *pending.notes, *same_day_warning(plan.same_day)]
        accepted = hooks.review_items(pending, said, check)
    elif plan.action == "update" and plan.meeting and plan.update and not hooks.apply_update(pending, plan):
        return None
    with hooks.storing(pending.document.name), db.transaction() as repo:  # each document whole or not at all
        return import_pending(
            repo,
            pending,
            items=accepted,
            as_new=options.as_new,
            correcting=correcting,
            choose=hooks.choose,
            known=known,
            replace=True,  # the user saw the changes and said yes
            now=now,
        )


def _each_alone(db: Database) -> PeopleReads:
    """The reads of people, each statement in a transaction of its own."""
    from actiontrack.storage.people_reads import PeopleReads

    return PeopleReads(lambda sql, params: db.run(lambda repo: repo.run(sql, params)))
