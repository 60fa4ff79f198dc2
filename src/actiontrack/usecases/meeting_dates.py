"""Which day a set of minutes is from, before it is imported.

In order: `--date` (the meeting's date, and the base of its relative deadlines); a full date
in the minutes; `--year` for a day and month without a year; else the year that puts the
day nearest the group's other meetings (in the database and in the same import), else
nearest the other minutes imported with it, said as a note; else a question at a
terminal; else the document is refused with a sentence asking for --date.
A year is applied by extracting again with it, so that relative deadlines are recomputed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from actiontrack.i18n import _
from actiontrack.models import Extraction
from actiontrack.records import field, record

if TYPE_CHECKING:
    from actiontrack.extract.reading import Document
    from actiontrack.storage.reads import Reads

AskYear = Callable[[str], int | None]  # the question -> a year, or None when nobody can answer


@record
class Pending:
    """A document read and extracted, waiting to be imported."""

    document: Document
    extraction: Extraction
    group: str
    error: str | None = None  # why it cannot be imported
    notes: list[str] = field(default_factory=list)


def extract_document(
    document: Document,
    *,
    today: date,
    year: int | None = None,
    meeting_date: date | None = None,
    explain: bool = True,
) -> Extraction:
    """The meeting and items of a document: read from actiontrack's own template as they are
    written there, else found by the extractor (with the steps of --explain if asked)."""
    if document.template is not None:
        from actiontrack.extract.template import template_extraction

        return template_extraction(document.template, today=today, meeting_date=meeting_date)
    from actiontrack.extract import extract_text

    return extract_text(document.text, today=today, year=year, meeting_date=meeting_date, explain=explain)


def extract_for_import(
    document: Document, *, today: date, year: int | None, when: date | None, group: str | None
) -> Pending:
    from actiontrack.extract.meeting import group_name

    if when is not None:
        extraction = extract_document(document, today=today, meeting_date=when, explain=False)
    else:
        extraction = extract_document(document, today=today, year=year, explain=False)
    m = extraction.meeting
    name = group or (group_name(m.title) if m.title else Path(document.name).stem)
    return Pending(document, extraction, " ".join(name.split()))


def partial_date(extraction: Extraction) -> tuple[int, int] | None:
    """(month, day) when the minutes give a day and a month but no year could be found."""
    m = extraction.meeting
    return m.partial_date if m.partial_date is not None and m.date is None else None


def undated(p: Pending) -> str | None:
    """Why minutes that give no date at all cannot be imported (None when they give one)."""
    m = p.extraction.meeting
    if m.date is None and m.partial_date is None:
        return _("{document}: the minutes give no meeting date; give it with --date YYYY-MM-DD.").format(
            document=p.document.name
        )
    return None


def settle_dates(
    repo: Reads,
    batch: Sequence[Pending],
    *,
    today: date,
    year: int | None,
    ask: AskYear | None,
    among: Sequence[Pending] = (),
) -> None:
    """Give every document of `batch` its meeting date, or the reason it has none; `among` are
    the other documents of the same import, whose dates tell a year too."""
    from actiontrack.dates import MONTH_NAMES
    from actiontrack.extract import extract_text

    known: dict[str, list[date]] = {}
    for p in {id(p): p for p in [*among, *batch]}.values():
        if partial_date(p.extraction) is None and p.extraction.meeting.date is not None:
            known.setdefault(p.group.casefold(), []).append(p.extraction.meeting.date)
    for p in batch:
        partial = partial_date(p.extraction)
        if partial is None:
            p.error = undated(p)
            continue
        month, day = partial
        written = f"{day} {MONTH_NAMES[month]}"
        chosen: int | None = None
        source = said = (
            ""  # year_inferred keeps the English (JSON); the note says it in the interface language
        )
        if year is not None:
            chosen, source = year, "given with --year"
        else:
            chosen, source, said = _year_from_others(repo, p, month, day, known)
        if chosen is None and ask is not None:
            chosen = ask(
                _("{document}: which year is the meeting of {date} in?").format(
                    document=p.document.name, date=written
                )
            )
            source, said = "as answered", _("as answered")
        if chosen is None:
            p.error = _(
                "{document}: the meeting date '{date}' has no year and nothing tells it; give it with --date YYYY-MM-DD."
            ).format(document=p.document.name, date=written)
            continue
        p.extraction = extract_text(p.document.text, today=today, year=chosen, explain=False)
        p.extraction.meeting.year_inferred = source
        if source != "given with --year":
            p.notes.append(
                _(
                    "The meeting date '{date}' has no year; took {year} {source}. Give --date to set another."
                ).format(date=written, year=chosen, source=said)
            )


def _year_from_others(
    repo: Reads, p: Pending, month: int, day: int, known: dict[str, list[date]]
) -> tuple[int | None, str, str]:
    """The year nearest the group's other meetings, else the other minutes of the import; with
    where it came from in English (the JSON) and in the interface language (the note)."""
    from actiontrack.dates import format_swedish

    group_row, key = repo.find_group(p.group), p.group.casefold()
    stored = repo.list_meetings(group_row.name) if group_row else []
    ours = [m.date for m in stored if m.date is not None] + known.get(key, [])
    others = [d for g, days in known.items() if g != key for d in days]
    for refs, whose, whose_said in (
        (ours, f"the other meetings of {p.group}", _("the other meetings of {group}").format(group=p.group)),
        (others, "the minutes imported with it", _("the minutes imported with it")),
    ):
        if refs:
            chosen = nearest_year(month, day, refs)
            target = _on(chosen, month, day)
            nearest = min(refs, key=lambda d: abs((target - d).days))
            source = f"from {whose} (nearest: {format_swedish(nearest)})"
            said = _("from {whose} (nearest: {date})").format(whose=whose_said, date=format_swedish(nearest))
            return chosen, source, said
    return None, "", ""


def nearest_year(month: int, day: int, refs: Sequence[date]) -> int:
    """The year that puts day/month nearest one of the reference dates (the earlier on a tie)."""
    years = sorted({r.year + k for r in refs for k in (-1, 0, 1)})
    return min(years, key=lambda y: (min(abs((_on(y, month, day) - r).days) for r in refs), y))


def _on(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:  # 29 February in a common year
        return date(year, month, 28)
