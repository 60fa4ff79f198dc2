"""Documents: storing a set of minutes as a meeting, its people and its items, or as an update.

The same minutes are recognised by their normalised text, whatever the encoding, line
endings or file name. Minutes of a group and day already imported are an update of that
meeting (versions.py says what changes), unless they have too little in common with it.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from actiontrack.errors import InputError
from actiontrack.i18n import _
from actiontrack.models import ExtractedItem, Item, Meeting, Owner, OwnerKind, Person, Status
from actiontrack.records import field, record
from actiontrack.storage.sql import iso
from actiontrack.storage.writes import item_row
from actiontrack.usecases.common import timestamp
from actiontrack.usecases.deferrals import close_deferred_again
from actiontrack.usecases.import_people import Choose, DocumentPeople
from actiontrack.usecases.known_people import KnownPeople
from actiontrack.usecases.meeting_dates import Pending, extract_document  # noqa: F401 - the service's door names it here
from actiontrack.usecases.meetings import same_day_warning
from actiontrack.usecases.reviewed import Reviewed, decisions
from actiontrack.usecases.versions import Update, alike, compare, removal_warning, removes_most

if TYPE_CHECKING:
    from actiontrack.extract.reading import Document
    from actiontrack.storage.writes import Writes


def text_hash(text: str) -> str:
    """The identity of minutes: their text, normalised (Unicode NFC, no BOM, line ends and
    trailing spaces ignored), so the same minutes saved as Windows-1252 or with CRLF are one."""
    text = unicodedata.normalize("NFC", text.replace("\ufeff", ""))
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "text:" + hashlib.sha256("\n".join(lines).strip("\n").encode("utf-8")).hexdigest()


# --- what an import will do ----------------------------------------------------------------------


@record
class Plan:
    pending: Pending
    action: str  # "new", "update" or "skip"
    meeting: Meeting | None = None  # the meeting updated, or imported before
    update: Update | None = None
    same_day: list[Meeting] = field(default_factory=list)  # other meetings of the group that day


def plan_import(
    repo: Writes,
    pending: Pending,
    *,
    as_new: bool = False,
    correcting: bool = False,
    known: KnownPeople | None = None,
) -> Plan:
    """New meeting, update of a stored one, or nothing to do (the same minutes again).

    `correcting` (--year or --date given) lets the same text, or minutes of the same day and
    month, correct a stored meeting's date. The group's meetings are looked up by day, not
    read whole."""
    document, m = pending.document, pending.extraction.meeting
    store = repo
    same_text = store.meeting_by_hash(text_hash(document.text)) or store.meeting_by_hash(document.sha256)
    group = store.find_group(pending.group)
    same_day = []
    if group is not None and m.date is not None:
        same_day = [store.get_meeting(i) for i in store.same_day(group.id, m.date.isoformat())]
    if as_new:
        return Plan(pending, "new", same_day=same_day)
    if same_text is not None and not (correcting and same_text.date != m.date):
        return Plan(pending, "skip", same_text)
    target = same_text
    if target is None:
        imported = [x for x in same_day if x.source_hash]
        if not imported and correcting and m.date is not None and group is not None:
            month_day = m.date.isoformat()[5:]
            imported = [
                store.get_meeting(i)
                for i in store.imported_on_day_or_from(group.id, month_day, _source_path(document))
            ]
        target = imported[-1] if imported else None
    if target is None:
        return Plan(pending, "new", same_day=same_day)
    update = compare(repo, target, pending.extraction, known)
    if same_text is None and not alike(update, pending.extraction):
        # other minutes of the same day (a workshop after the meeting): never replace their items
        return Plan(pending, "new", same_day=same_day)
    return Plan(pending, "update", target, update, [x for x in same_day if x.id != target.id])


# --- storing it -----------------------------------------------------------------------------------


@record
class ImportResult:
    document: str
    meeting: Meeting
    items: list[Item] = field(default_factory=list)
    skipped: bool = False  # already imported
    new_people: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    update: Update | None = None  # when it updated a meeting imported before
    unresolved: list[str] = field(default_factory=list)  # owners kept as written: nobody known is so called
    skipped_in_review: int = 0  # stored as dropped, so that an import again leaves them out

    @property
    def action(self) -> str:
        return "skipped" if self.skipped else "updated" if self.update is not None else "imported"


def import_pending(
    repo: Writes,
    pending: Pending,
    *,
    items: Sequence[Reviewed] | None = None,
    as_new: bool = False,
    correcting: bool = False,
    choose: Choose | None = None,
    known: KnownPeople | None = None,
    replace: bool = False,
    now: datetime,
) -> ImportResult:
    """Store a document as a new meeting, or as an update of the one imported before (see
    plan_import); nothing when it is the same minutes again.

    `known` is everybody in the database, kept from one document to the next of an import."""
    if known is None:
        known = KnownPeople()
    known.refresh(repo)
    plan = plan_import(repo, pending, as_new=as_new, correcting=correcting, known=known)
    if plan.action == "skip":
        return ImportResult(pending.document.name, plan.meeting, skipped=True)  # type: ignore[arg-type]
    if plan.action == "update" and plan.update is not None and removes_most(plan.update) and not replace:
        raise InputError(
            removal_warning(plan.update)
            + " "
            + _(
                "Nothing was changed; give --replace to apply it anyway, or --as-new for a meeting of its own."
            )
        )
    warnings = [*pending.extraction.warnings, *pending.notes, *same_day_warning(plan.same_day)]
    result = ImportResult(pending.document.name, plan.meeting, update=plan.update)  # type: ignore[arg-type]
    allowed = frozenset(n for r in items or () for n in r.new_people)
    people = DocumentPeople(known, result.warnings, result.new_people, choose, result.unresolved, allowed)
    if plan.action == "update":
        assert plan.update is not None
        meeting_id = _apply_update(repo, pending, plan.update, people, now=now)
    else:
        meeting_id = _create(repo, pending, items, people, as_new=as_new, now=now)
    result.items = repo.query_items(statuses=tuple(Status), meeting_id=meeting_id)
    result.skipped_in_review = sum(1 for r in items or () if r.kept is None)
    result.meeting = repo.get_meeting(meeting_id)
    result.warnings = warnings + result.warnings
    return result


def _source_path(document: Document) -> str:
    return document.name if document.name == "-" else str(Path(document.name).resolve())


# Each document's rows are written table by table, a statement or two each, in the order
# a row-by-row import would write them, so that ids come out the same: the rows of a corrected
# copy's gone items are deleted before the new items are added.


def _create(
    repo: Writes,
    pending: Pending,
    items: Sequence[Reviewed] | None,
    people: DocumentPeople,
    *,
    as_new: bool,
    now: datetime,
) -> int:
    document, extraction = pending.document, pending.extraction
    stamp = timestamp(now)
    m = extraction.meeting
    identity = text_hash(document.text)
    group_id = repo.get_or_create_group(pending.group, stamp).id
    time = None
    if m.time_start:  # "kl. 13.00–15.00": kept with the meeting, for the calendar export
        time = m.time_start.replace(":", ".") + (f"-{m.time_end.replace(':', '.')}" if m.time_end else "")
    meeting_id = repo.insert_meeting(
        {
            "group_id": group_id,
            "date": iso(m.date),
            "title": m.title,
            "place": m.place,
            "secretary": m.secretary,
            "source_path": _source_path(document),
            "source_hash": None if as_new and repo.meeting_by_hash(identity) else identity,
            "next_meeting": iso(m.next_meeting),
            "created_at": stamp,
            "time": time,
            "next_time": m.next_time,
            "next_place": m.next_place,
        }
    )
    attendance = _attendance(pending, people)
    reviewed = list(items) if items is not None else [Reviewed(e, e) for e in extraction.items]
    extracted = [r.kept or r.item for r in reviewed]
    people.prime(extracted)
    owners = [people.owners(e.owners) for e in extracted]
    people.store(repo, stamp)
    repo.add_attendance(meeting_id, [(people.id_of(p), present) for p, present in attendance], existing=False)
    _schedule(repo, pending, group_id, meeting_id)
    skipped = [r.kept is None for r in reviewed]
    item_ids = _insert_items(repo, extracted, meeting_id, group_id, stamp, skipped=skipped)
    _insert_owners(repo, people, list(zip(item_ids, owners, strict=True)))
    repo.insert_history(
        [(i, "created", {"imported_from": document.name}) for i in item_ids], stamp, meeting_id
    )
    repo.insert_history(decisions(item_ids, reviewed), stamp, meeting_id)
    kept = [(i, e) for i, e, out in zip(item_ids, extracted, skipped, strict=True) if not out]
    people.warnings.extend(close_deferred_again(repo, pending.group, meeting_id, kept, stamp))
    return meeting_id


def _apply_update(
    repo: Writes, pending: Pending, update: Update, people: DocumentPeople, *, now: datetime
) -> int:
    document, m = pending.document, pending.extraction.meeting
    stamp = timestamp(now)
    meeting = update.meeting
    repo.update(
        "meetings",
        {
            meeting.id: {
                "date": iso(m.date),
                "title": m.title,
                "place": m.place or meeting.place,
                "secretary": m.secretary,
                "next_meeting": iso(m.next_meeting),
                "next_time": m.next_time,
                "next_place": m.next_place,
                "source_path": _source_path(document),
                "source_hash": text_hash(document.text),
            }
        },
    )
    attendance = _attendance(pending, people)
    people.prime([*[c.new for c in update.changed], *update.added])
    new_owners = [(c.item.id, people.owners(c.new.owners)) for c in update.changed if "owners" in c.changes]
    added_owners = [people.owners(e.owners) for e in update.added]
    people.store(repo, stamp)
    repo.add_attendance(meeting.id, [(people.id_of(p), present) for p, present in attendance], existing=True)
    group_id = repo.get_or_create_group(meeting.group, stamp).id
    _schedule(repo, pending, group_id, meeting.id)
    _change_items(repo, update, stamp)
    kept = _insert_owners(repo, people, new_owners)
    repo.delete_owner_rows([item_id for item_id, _owners in new_owners], keep=kept)
    source = {"updated_from": document.name}
    repo.insert_history(
        [(c.item.id, "updated", {**source, **c.changes}) for c in update.changed], stamp, meeting.id
    )
    repo.update(
        "items",
        {
            item.id: {"line": e.line, "source": e.source}
            for item, e in update.unchanged
            if (item.line, item.source) != (e.line, e.source)
        },
    )
    repo.delete_items([item.id for item in update.gone])
    item_ids = _insert_items(repo, update.added, meeting.id, group_id, stamp)
    _insert_owners(repo, people, list(zip(item_ids, added_owners, strict=True)))
    repo.insert_history(
        [(i, "created", {"imported_from": document.name}) for i in item_ids], stamp, meeting.id
    )
    return meeting.id


def _change_items(repo: Writes, update: Update, stamp: str) -> None:
    """The items the corrected minutes word otherwise, changed in place."""
    repo.update(
        "items",
        {
            c.item.id: {
                "text": c.new.text,
                "kind": c.new.kind.value,
                "due": iso(c.new.due),
                "source": c.new.source,
                "line": c.new.line,
                "topic": c.new.topic,
                "confidence": c.new.confidence,
                "updated_at": stamp,
            }
            for c in update.changed
        },
    )


def _attendance(pending: Pending, people: DocumentPeople) -> list[tuple[Person, bool]]:
    m = pending.extraction.meeting
    listed = [(a, True) for a in m.attendees] + [(a, False) for a in m.absent]
    found = [(people.person(a.name, a.organisation), present) for a, present in listed]
    return [(p, present) for p, present in found if p is not None]


def _schedule(repo: Writes, pending: Pending, group_id: int, meeting_id: int) -> None:
    planned = pending.extraction.meeting.schedule
    if planned:
        repo.add_schedule(group_id, [(p.date.isoformat(), p.place) for p in planned], meeting_id)


def _insert_items(
    repo: Writes,
    extracted: Sequence[ExtractedItem],
    meeting_id: int,
    group_id: int,
    stamp: str,
    *,
    skipped: Sequence[bool] = (),
) -> list[int]:
    """The items' rows, in the document's order; those skipped in review as dropped."""
    closed = {"status": Status.DROPPED.value, "closed_at": stamp}
    return repo.insert(
        "items",
        [
            {
                **item_row(
                    kind=e.kind,
                    text=e.text,
                    due=e.due,
                    meeting_id=meeting_id,
                    now=stamp,
                    source=e.source,
                    line=e.line,
                    topic=e.topic,
                    confidence=e.confidence,
                    group_id=group_id,
                ),
                **(closed if n < len(skipped) and skipped[n] else {}),
            }
            for n, e in enumerate(extracted)
        ],
    )


def _insert_owners(
    repo: Writes, people: DocumentPeople, owned: Sequence[tuple[int, Sequence[Owner]]]
) -> list[int]:
    """The owners as stored: the people new to the database have their ids now."""
    return repo.insert_owners(
        [
            (
                item_id,
                [
                    Owner(o.name, o.kind, people.id_of(o) if o.kind is OwnerKind.PERSON else None)
                    for o in owners
                ],
            )
            for item_id, owners in owned
        ]
    )
