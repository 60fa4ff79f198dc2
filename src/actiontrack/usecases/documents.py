"""Documents: storing a set of minutes as a meeting, its people and its items, or as an update.

The same minutes are recognised by their normalised text, whatever the encoding, line
endings or file name. Minutes of a group and day already imported are an update of that
meeting (versions.py says what changes), unless they have too little in common with it.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from actiontrack.i18n import _
from actiontrack.models import ExtractedItem, Extraction, Item, Meeting, Owner, OwnerKind, Person, Status
from actiontrack.people import Roster
from actiontrack.usecases.common import timestamp
from actiontrack.usecases.meeting_dates import Pending
from actiontrack.usecases.meetings import same_day_warning
from actiontrack.usecases.versions import Update, alike, compare

if TYPE_CHECKING:
    from actiontrack.extract.reading import Document
    from actiontrack.storage.reads import Reads
    from actiontrack.storage.repository import Repository

# Which of several known people a name in the minutes means: (name, candidates) -> the chosen
# one, or None for a new person. Only asked at a terminal.
Choose = Callable[[str, list[Person]], Person | None]


def extract_document(
    document: Document, *, today: date, year: int | None = None, meeting_date: date | None = None
) -> Extraction:
    from actiontrack.extract import extract_text

    return extract_text(document.text, today=today, year=year, meeting_date=meeting_date)


def text_hash(text: str) -> str:
    """The identity of minutes: their text, normalised (Unicode NFC, no BOM, line ends and
    trailing spaces ignored), so the same minutes saved as Windows-1252 or with CRLF are one."""
    text = unicodedata.normalize("NFC", text.replace("\ufeff", ""))
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "text:" + hashlib.sha256("\n".join(lines).strip("\n").encode("utf-8")).hexdigest()


# --- what an import will do ----------------------------------------------------------------------


@dataclass
class Plan:
    pending: Pending
    action: str  # "new", "update" or "skip"
    meeting: Meeting | None = None  # the meeting updated, or imported before
    update: Update | None = None
    same_day: list[Meeting] = field(default_factory=list)  # other meetings of the group that day


def plan_import(repo: Reads, pending: Pending, *, as_new: bool = False, correcting: bool = False) -> Plan:
    """New meeting, update of a stored one, or nothing to do (the same minutes again).

    `correcting` (--year or --date given) lets the same text, or minutes of the same day and
    month, correct a stored meeting's date."""
    document, m = pending.document, pending.extraction.meeting
    same_text = repo.meeting_by_hash(text_hash(document.text)) or repo.meeting_by_hash(document.sha256)
    group = repo.find_group(pending.group)
    meetings = repo.list_meetings(group.name) if group else []
    same_day = [x for x in meetings if m.date is not None and x.date == m.date]
    if as_new:
        return Plan(pending, "new", same_day=same_day)
    if same_text is not None and not (correcting and same_text.date != m.date):
        return Plan(pending, "skip", same_text)
    target = same_text
    if target is None:
        imported = [x for x in same_day if x.source_hash]
        if not imported and correcting and m.date is not None:
            path = _source_path(document)
            imported = [
                x for x in meetings if x.source_hash and x.date is not None
                and ((x.date.month, x.date.day) == (m.date.month, m.date.day) or x.source_path == path)
            ]  # fmt: skip
        target = imported[-1] if imported else None
    if target is None:
        return Plan(pending, "new", same_day=same_day)
    update = compare(repo, target, pending.extraction)
    if same_text is None and not alike(update, pending.extraction):
        # other minutes of the same day (a workshop after the meeting): never replace their items
        return Plan(pending, "new", same_day=same_day)
    return Plan(pending, "update", target, update, [x for x in same_day if x.id != target.id])


# --- storing it -----------------------------------------------------------------------------------


@dataclass
class ImportResult:
    document: str
    meeting: Meeting
    items: list[Item] = field(default_factory=list)
    skipped: bool = False  # already imported
    new_people: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    update: Update | None = None  # when it updated a meeting imported before

    @property
    def action(self) -> str:
        return "skipped" if self.skipped else "updated" if self.update is not None else "imported"


def import_pending(
    repo: Repository,
    pending: Pending,
    *,
    items: Sequence[ExtractedItem] | None = None,
    as_new: bool = False,
    correcting: bool = False,
    choose: Choose | None = None,
    now: datetime,
) -> ImportResult:
    """Store a document as a new meeting, or as an update of the one imported before (see
    plan_import); nothing when it is the same minutes again."""
    plan = plan_import(repo, pending, as_new=as_new, correcting=correcting)
    if plan.action == "skip":
        return ImportResult(pending.document.name, plan.meeting, skipped=True)  # type: ignore[arg-type]
    warnings = [*pending.extraction.warnings, *pending.notes, *same_day_warning(plan.same_day)]
    if plan.action == "update":
        assert plan.update is not None
        result = _apply_update(repo, pending, plan.update, choose=choose, now=now)
    else:
        result = _create(repo, pending, items, as_new=as_new, choose=choose, now=now)
    result.warnings = warnings + result.warnings
    return result


def _source_path(document: Document) -> str:
    return document.name if document.name == "-" else str(Path(document.name).resolve())


def _create(
    repo: Repository,
    pending: Pending,
    items: Sequence[ExtractedItem] | None,
    *,
    as_new: bool,
    choose: Choose | None,
    now: datetime,
) -> ImportResult:
    document, extraction = pending.document, pending.extraction
    stamp = timestamp(now)
    m = extraction.meeting
    identity = text_hash(document.text)
    meeting = repo.create_meeting(
        pending.group,
        now=stamp,
        date_=m.date,
        title=m.title,
        place=m.place,
        secretary=m.secretary,
        source_path=_source_path(document),
        source_hash=None if as_new and repo.meeting_by_hash(identity) else identity,
        next_meeting=m.next_meeting,
    )
    if m.time_start:  # "kl. 13.00–15.00": kept with the meeting, for the calendar export
        repo.update_meeting(meeting.id, time=m.time_start.replace(":", ".") + (f"-{m.time_end.replace(':', '.')}" if m.time_end else ""))
    result = ImportResult(document.name, meeting)
    people = _People(repo, stamp, result, choose)
    _attend_and_schedule(repo, pending, meeting, people, stamp)
    for extracted in extraction.items if items is None else items:
        _add(repo, extracted, meeting.id, people, stamp, document.name)
    result.items = repo.query_items(statuses=tuple(Status), meeting_id=meeting.id)
    result.meeting = repo.get_meeting(meeting.id)
    return result


def _apply_update(
    repo: Repository, pending: Pending, update: Update, *, choose: Choose | None, now: datetime
) -> ImportResult:
    document, m = pending.document, pending.extraction.meeting
    stamp = timestamp(now)
    meeting = update.meeting
    repo.update_meeting(
        meeting.id,
        date=m.date.isoformat() if m.date else None,
        title=m.title,
        place=m.place or meeting.place,
        secretary=m.secretary,
        next_meeting=m.next_meeting.isoformat() if m.next_meeting else None,
        source_path=_source_path(document),
        source_hash=text_hash(document.text),
    )
    result = ImportResult(document.name, meeting, update=update)
    people = _People(repo, stamp, result, choose)
    _attend_and_schedule(repo, pending, meeting, people, stamp)
    source = {"updated_from": document.name}
    for change in update.changed:
        new = change.new
        repo.update_item(
            change.item.id, text=new.text, kind=new.kind, due=new.due.isoformat() if new.due else None,
            source=new.source, line=new.line, topic=new.topic, confidence=new.confidence, updated_at=stamp,
        )  # fmt: skip
        if "owners" in change.changes:
            repo.set_owners(change.item.id, people.owners(new.owners))
        repo.add_history(change.item.id, "updated", {**source, **change.changes}, stamp, meeting.id)
    for item, extracted in update.unchanged:
        if (item.line, item.source) != (extracted.line, extracted.source):
            repo.update_item(item.id, line=extracted.line, source=extracted.source)
    for item in update.gone:
        repo.delete_item(item.id)
    for extracted in update.added:
        _add(repo, extracted, meeting.id, people, stamp, document.name)
    result.items = repo.query_items(statuses=tuple(Status), meeting_id=meeting.id)
    result.meeting = repo.get_meeting(meeting.id)
    return result


class _People:
    """The people of one import: known ones found (a unique first name is enough), new ones added."""

    def __init__(self, repo: Repository, stamp: str, result: ImportResult, choose: Choose | None) -> None:
        self.repo, self.stamp, self.result, self.choose = repo, stamp, result, choose
        self.roster = Roster(repo.list_people())
        self.chosen: dict[str, Person] = {}

    def person(self, name: str, organisation: str | None = None) -> Person:
        key = " ".join(name.split()).casefold()
        if key in self.chosen:
            return self.chosen[key]
        found = self.repo.person_by_name(name)
        if found is None:
            candidates = [c.person for c in self.roster.candidates(name)]
            if len(candidates) == 1:
                found = candidates[0]
            elif candidates and self.choose is not None:
                found = self.choose(name, candidates)
            elif candidates:
                names = _(" or ").join(sorted(c.name for c in candidates))
                self.result.warnings.append(
                    _("'{name}' could be {names}; added as a new person. If it is one of them: "
                      'track people merge "{first}" "{name}".').format(name=name, names=names, first=sorted(c.name for c in candidates)[0])
                )
        if found is None:
            found = self.repo.add_person(name, organisation, self.stamp)
            self.roster.people.append(found)
            self.result.new_people.append(found.name)
        elif organisation:
            self.repo.update_person(found.id, organisation)  # type: ignore[arg-type]
        self.chosen[key] = found
        return found

    def owners(self, owners: Sequence[Owner]) -> list[Owner]:
        out = []
        for owner in owners:
            if owner.kind is OwnerKind.ORGANISATION:
                out.append(owner)
            else:
                person = self.person(owner.name)
                out.append(Owner(person.name, OwnerKind.PERSON, person.id))
        return out


def _attend_and_schedule(
    repo: Repository, pending: Pending, meeting: Meeting, people: _People, stamp: str
) -> None:
    m = pending.extraction.meeting
    for attendee, present in [(a, True) for a in m.attendees] + [(a, False) for a in m.absent]:
        person = people.person(attendee.name, attendee.organisation)
        repo.add_attendance(meeting.id, person.id, present)  # type: ignore[arg-type]
    for planned in m.schedule:
        repo.add_scheduled(meeting.group, planned.date, planned.place, meeting.id, stamp)


def _add(
    repo: Repository, extracted: ExtractedItem, meeting_id: int, people: _People, stamp: str, name: str
) -> None:
    item_id = repo.add_item(
        kind=extracted.kind,
        text=extracted.text,
        owners=people.owners(extracted.owners),
        due=extracted.due,
        meeting_id=meeting_id,
        now=stamp,
        source=extracted.source,
        line=extracted.line,
        topic=extracted.topic,
        confidence=extracted.confidence,
    )
    repo.add_history(item_id, "created", {"imported_from": name}, stamp, meeting_id)
