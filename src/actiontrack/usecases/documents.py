"""Documents: what is in a set of minutes, and storing it as a meeting, people and items."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from actiontrack.models import ExtractedItem, Extraction, Item, Meeting, Owner, OwnerKind, Status
from actiontrack.people import Roster
from actiontrack.usecases.common import timestamp

if TYPE_CHECKING:
    from actiontrack.extract.reading import Document
    from actiontrack.storage.repository import Repository


def extract_document(document: Document, *, today: date, year: int | None = None) -> Extraction:
    from actiontrack.extract import extract_text

    return extract_text(document.text, today=today, year=year)


@dataclass
class ImportResult:
    document: str
    meeting: Meeting
    items: list[Item] = field(default_factory=list)
    skipped: bool = False  # already imported
    new_people: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def import_extraction(
    repo: Repository,
    document: Document,
    extraction: Extraction,
    *,
    items: Sequence[ExtractedItem] | None = None,
    group: str | None = None,
    now: datetime,
) -> ImportResult:
    """Store a document's meeting, attendees, schedule and items; nothing if it was imported before."""
    from pathlib import Path

    from actiontrack.extract.meeting import group_name

    existing = repo.meeting_by_hash(document.sha256)
    if existing is not None:
        return ImportResult(document.name, existing, skipped=True)
    stamp = timestamp(now)
    m = extraction.meeting
    group = group or (group_name(m.title) if m.title else Path(document.name).stem)
    meeting = repo.create_meeting(
        group,
        now=stamp,
        date_=m.date,
        title=m.title,
        place=m.place,
        secretary=m.secretary,
        source_path=document.name if document.name == "-" else str(Path(document.name).resolve()),
        source_hash=document.sha256,
        next_meeting=m.next_meeting,
    )
    result = ImportResult(document.name, meeting, warnings=list(extraction.warnings))
    roster = Roster(repo.list_people())
    for attendee, present in [(a, True) for a in m.attendees] + [(a, False) for a in m.absent]:
        person = repo.person_by_name(attendee.name)
        if person is None:
            person = repo.add_person(attendee.name, attendee.organisation, stamp)
            roster.people.append(person)
            result.new_people.append(person.name)
        else:
            repo.update_person(person.id, attendee.organisation)  # type: ignore[arg-type]
        repo.add_attendance(meeting.id, person.id, present)  # type: ignore[arg-type]
    for planned in m.schedule:
        repo.add_scheduled(group, planned.date, planned.place, meeting.id, stamp)
    for extracted in extraction.items if items is None else items:
        owners = []
        for owner in extracted.owners:
            if owner.kind is OwnerKind.ORGANISATION:
                owners.append(owner)
                continue
            found = roster.find(owner.name)
            if found is None:
                found = repo.add_person(owner.name, None, stamp)
                roster.people.append(found)
                result.new_people.append(found.name)
            owners.append(Owner(found.name, OwnerKind.PERSON, found.id))
        item_id = repo.add_item(
            kind=extracted.kind,
            text=extracted.text,
            owners=owners,
            due=extracted.due,
            meeting_id=meeting.id,
            now=stamp,
            source=extracted.source,
            line=extracted.line,
            topic=extracted.topic,
            confidence=extracted.confidence,
        )
        repo.add_history(item_id, "created", {"imported_from": document.name}, stamp, meeting.id)
    result.items = repo.query_items(statuses=tuple(Status), meeting_id=meeting.id)
    result.meeting = repo.get_meeting(meeting.id)
    return result
