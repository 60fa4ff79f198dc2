"""Minutes in, meeting and action items out. Pure: no database, no output.

    extraction = extract_text(text, today=date.today())

The pipeline, a module per stage: reading.py (file to text), sentences.py (headings,
labels, lists, sentences), meeting.py with header.py and attendance.py (the meeting and
its people), tagger.py (part of speech), grammar.py (clauses), features.py and
classify.py (is a clause an item), owners.py (who), dates (when). walker.py takes the
document through them block by block.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date

from actiontrack import dates
from actiontrack.extract.sentences import build_blocks, split_lines
from actiontrack.i18n import _
from actiontrack.models import ExtractedItem, ExtractedMeeting, Extraction, Person

TYPE_CHECKING = False  # typing costs a command's start 3-4 ms
if TYPE_CHECKING:  # imported where used: `track add` needs rules, not the meeting parser
    from actiontrack.extract.classify import Weights
    from actiontrack.extract.weighing import Recorder

# How far extraction has come: (lines read, lines in all), after each block of the document.
Progress = Callable[[int, int], None]
_PROGRESS: ContextVar[Progress | None] = ContextVar("actiontrack_extract_progress", default=None)


@contextmanager
def reporting_progress(progress: Progress) -> Iterator[None]:
    """Every extract_text inside reports to `progress` (the CLI's indicator for a long document),
    so that the use cases between the CLI and the extractor need not pass it on."""
    token = _PROGRESS.set(progress)
    try:
        yield
    finally:
        _PROGRESS.reset(token)


def extract_text(
    text: str,
    *,
    today: date,
    year: int | None = None,
    meeting_date: date | None = None,
    progress: Progress | None = None,
    weights: Weights | None = None,
    record: Recorder | None = None,
    explain: bool = True,
) -> Extraction:
    """The meeting and items of minutes. `meeting_date` (`--date`) is the meeting's date whatever
    the text says; `year` (`--year`) the year of a date written without one. `progress`, else
    the one of `reporting_progress`, is told how far the reading has come. `weights` replaces
    the shipped classifier (training does), `record` is told every clause weighed. Without
    `explain`, the steps of --explain are not kept (an import stores none of them)."""
    from actiontrack.extract.classify import shipped
    from actiontrack.extract.meanings import bodies_in, forms_of_nouns
    from actiontrack.extract.meeting import parse_meeting
    from actiontrack.extract.owners import DocumentRoster, OwnerResolver
    from actiontrack.extract.walker import Walker

    report = progress or _PROGRESS.get()
    lines = split_lines(text)
    if report is not None:
        report(0, len(lines))
    parsed = parse_meeting(lines, year=year, today=today, meeting_date=meeting_date)
    meeting = parsed.meeting
    blocks = build_blocks(lines, skip=parsed.used_lines)
    people = [*meeting.attendees, *meeting.absent]
    roster = DocumentRoster(Person(None, a.name, a.organisation, a.aliases) for a in people)
    own_body = bodies_in(meeting.title)
    resolver = OwnerResolver(roster, meeting.secretary, meeting.roles, set(forms_of_nouns(own_body)))
    walker = Walker(
        meeting, resolver, meeting.date or today, weights or shipped(), _known_names(meeting), record, explain
    )
    walker.own_body = own_body
    walker.agenda_until = parsed.people_from if parsed.people_from and parsed.people_from < 40 else 0
    walker.survey(blocks)
    for block in blocks:
        walker.block(block)
        if report is not None:
            report(block.line, len(lines))
    if report is not None:
        report(len(lines), len(lines))
    from actiontrack.extract.duplicates import merge_table_and_prose

    items = merge_table_and_prose(walker.items)  # a commitment in the prose and in the action table: once
    warnings = [*parsed.warnings, *_unread_dates(items, meeting.date)]
    return Extraction(meeting, items, warnings, walker.steps)


def _unread_dates(items: list[ExtractedItem], base: date | None) -> list[str]:
    """A warning for each phrase in an item that looks like a date but is none that is understood."""
    from actiontrack.extract.due import without_urls

    out = []
    for item in items:
        for phrase in dates.unread_date_phrases(without_urls(item.source), base=base):
            out.append(_("Line {line}: '{phrase}' looks like a date but is not one actiontrack understands.").format(line=item.line, phrase=phrase))
    return list(dict.fromkeys(out))


def _known_names(meeting: ExtractedMeeting) -> frozenset[str]:
    """The document's people as the cue rules look them up: full names, first names, nicknames,
    and initials ("AL och KS ringer kommunen", Anna Lind and Karl Svensson attending)."""
    from actiontrack.extract.meanings import bodies_in, forms_of_nouns
    from actiontrack.people import initials

    out: set[str] = set()
    for person in [*meeting.attendees, *meeting.absent]:
        out.add(person.name.casefold())
        out.add(person.name.split()[0].casefold())
        out.update(alias.casefold() for alias in person.aliases)
        if 2 <= len(letters := initials(person.name)) <= 3:
            out.add(letters)  # as written, in capitals: "AL", never the word "al" or "En"
    if meeting.secretary:
        out.add(meeting.secretary.split()[0].casefold())
    out |= forms_of_nouns(bodies_in(meeting.title))
    return frozenset(out)


__all__ = ["Progress", "extract_text", "reporting_progress"]
