"""Use cases: what each command does, over a repository, at a given time.

Business rules live here: status transitions, owner resolution against the
people already known, which date a due expression means, the order of `open`,
and how an imported document becomes a meeting, people and items. Functions take
`repo` and `now` as parameters and never read the clock or the terminal; a
`confirm` callback is how they ask the user a question.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from actiontrack.errors import InputError, NotFoundError, PersonError, UsageError
from actiontrack.models import (
    ExtractedItem,
    Extraction,
    Item,
    Kind,
    Meeting,
    Owner,
    OwnerKind,
    Person,
    Status,
)
from actiontrack.people import Roster

if TYPE_CHECKING:
    from actiontrack.agenda import Agenda
    from actiontrack.extract.reading import Document
    from actiontrack.storage.reads import Reads
    from actiontrack.storage.repository import Repository

CURRENT_MEETING = "current_meeting"
Confirm = Callable[[str], bool]


def timestamp(now: datetime) -> str:
    return now.astimezone(UTC).isoformat(timespec="seconds")


def today_of(now: datetime) -> date:
    return now.astimezone().date() if now.tzinfo else now.date()


# --- meetings -----------------------------------------------------------------------------


def start_meeting(repo: Repository, group: str, *, when: date, place: str | None, now: datetime) -> Meeting:
    group = " ".join(group.split())
    if not group:
        raise InputError("A meeting needs the name of its group.")
    meeting = repo.create_meeting(group, now=timestamp(now), date_=when, title=group, place=place)
    repo.set_setting(CURRENT_MEETING, str(meeting.id))
    return meeting


def current_meeting(repo: Reads) -> Meeting | None:
    value = repo.get_setting(CURRENT_MEETING)
    if not value:
        return None
    try:
        return repo.get_meeting(int(value))
    except NotFoundError:
        return None


def next_meeting_after(repo: Repository, meeting: Meeting) -> date | None:
    """The group's next meeting after this one: from the minutes, else the stored schedule."""
    if meeting.next_meeting:
        return meeting.next_meeting
    base = meeting.date or date.min
    later = [s.date for s in repo.schedule(meeting.group) if s.date > base]
    return min(later) if later else None


# --- items ----------------------------------------------------------------------------------


def add_item(
    repo: Repository,
    text: str,
    *,
    owners: Sequence[str] = (),
    due: str | None = None,
    meeting_id: int | None = None,
    now: datetime,
    confirm: Confirm | None = None,
) -> Item:
    """Record an item. Owners and due date come from the Swedish text when not given."""
    from actiontrack.dates import first_due, parse_date
    from actiontrack.extract import rules

    text = " ".join(text.split())
    if not text:
        raise InputError("An item needs a text.")
    meeting = repo.get_meeting(meeting_id) if meeting_id is not None else current_meeting(repo)
    base = meeting.date if meeting and meeting.date else today_of(now)
    next_meeting = next_meeting_after(repo, meeting) if meeting else None
    cue = rules.find_cue(text)
    if due:
        due_date: date | None = parse_date(due, base, next_meeting=next_meeting)
    else:
        due_date = first_due(text, base, next_meeting=next_meeting)
    roster = Roster(repo.list_people())
    if owners:
        resolved = [resolve_owner(repo, roster, name, now=now, confirm=confirm) for name in owners]
    elif cue is not None and cue.subject:
        resolved = owners_from_subject(repo, roster, cue.subject, now=now, confirm=confirm)
    else:
        resolved = []
    kind = cue.kind if cue is not None else Kind.ACTION
    stamp = timestamp(now)
    item_id = repo.add_item(
        kind=kind,
        text=text,
        owners=resolved,
        due=due_date,
        meeting_id=meeting.id if meeting else None,
        now=stamp,
    )
    repo.add_history(item_id, "created", {"text": text}, stamp, meeting.id if meeting else None)
    return repo.get_item(item_id)


def owners_from_subject(
    repo: Repository, roster: Roster, subject: str, *, now: datetime, confirm: Confirm | None
) -> list[Owner]:
    """The owners a sentence's subject names, each checked against the people known."""
    from actiontrack.extract.owners import OwnerResolver

    found = OwnerResolver(roster).resolve(subject) or ()
    out = []
    for owner in found:
        if owner.kind is OwnerKind.ORGANISATION:
            out.append(owner)
        else:
            out.append(resolve_owner(repo, roster, owner.name, now=now, confirm=confirm))
    return out


def resolve_owner(
    repo: Repository, roster: Roster, name: str, *, now: datetime, confirm: Confirm | None = None
) -> Owner:
    """A person the name means among those known; an organisation when written in lower case.

    An unknown person is added only when `confirm` says so; otherwise, and when the
    name is ambiguous, PersonError says what to do. Never a silent guess.
    """
    name = " ".join(name.split())
    if not name:
        raise InputError("An owner needs a name.")
    matches = roster.candidates(name)
    if len(matches) == 1:
        person = matches[0].person
        return Owner(person.name, OwnerKind.PERSON, person.id)
    if matches:
        roster.resolve(name)  # raises the "could be any of" sentence
    if name[:1].islower():
        return Owner(name, OwnerKind.ORGANISATION)
    if confirm is not None and confirm(f"'{name}' is not known. Add {name} as a new person?"):
        person = repo.add_person(name, None, timestamp(now))
        roster.people.append(person)
        return Owner(person.name, OwnerKind.PERSON, person.id)
    roster.resolve(name)  # raises the "nobody called" sentence
    raise AssertionError("unreachable")


def sort_for_listing(items: Sequence[Item], today: date) -> list[Item]:
    """Overdue first, then by due date (undated last), then oldest first."""
    return sorted(
        items,
        key=lambda it: (
            0 if it.is_overdue(today) else 1,
            it.due or date.max,
            it.created_at or "",
            it.id,
        ),
    )


@dataclass(frozen=True)
class Filters:
    owner: str | None = None
    group: str | None = None
    meeting_id: int | None = None
    overdue: bool = False
    due_before: str | None = None
    statuses: tuple[Status, ...] = (Status.OPEN,)


@dataclass(frozen=True)
class OwnerFilter:
    """Who `--owner NAME` means: the people the name may mean, else an organisation so named."""

    person_ids: list[int] | None
    organisation: str | None

    @classmethod
    def of(cls, repo: Reads, name: str | None) -> OwnerFilter:
        if not name:
            return cls(None, None)
        matches = Roster(repo.people_named(name)).candidates(name)
        if matches:
            return cls([m.person.id for m in matches if m.person.id is not None], None)
        return cls(None, name)

    def matches(self, owner: Owner) -> bool:
        if self.person_ids is None and self.organisation is None:
            return True
        if owner.kind is OwnerKind.ORGANISATION:
            return self.organisation is not None and owner.name.casefold() == self.organisation.casefold()
        return self.person_ids is not None and owner.person_id in self.person_ids


def list_items(repo: Reads, filters: Filters, *, today: date) -> list[Item]:
    from actiontrack.dates import parse_date

    who = OwnerFilter.of(repo, filters.owner)
    due_before = None
    if filters.due_before:
        due_before = parse_date(filters.due_before, today)
    if filters.overdue:
        due_before = min(due_before, today) if due_before else today
    if filters.group and repo.find_group(filters.group) is None:
        known = ", ".join(repo.group_names()) or "none yet"
        raise NotFoundError(f"There is no group '{filters.group}' (known: {known}).")
    items = repo.query_items(
        statuses=filters.statuses,
        person_ids=who.person_ids,
        organisation=who.organisation,
        group=filters.group,
        meeting_id=filters.meeting_id,
        due_before=due_before,
    )
    return sort_for_listing(items, today)


def _open_item(repo: Repository, item_id: int) -> Item:
    item = repo.get_item(item_id, with_history=False)
    if item.status is not Status.OPEN:
        raise InputError(
            f"Item {item_id} is {item.status.value}, not open; `track reopen {item_id}` opens it again."
        )
    return item


def complete(repo: Repository, ids: Sequence[int], *, note: str | None, now: datetime) -> list[Item]:
    stamp = timestamp(now)
    for item_id in ids:
        _open_item(repo, item_id)
    for item_id in dict.fromkeys(ids):
        repo.update_item(item_id, status=Status.DONE, closed_at=stamp, updated_at=stamp)
        repo.add_history(item_id, "done", {"note": note} if note else {}, stamp, _current_id(repo))
    return [repo.get_item(i) for i in dict.fromkeys(ids)]


def reopen(repo: Repository, item_id: int, *, now: datetime) -> Item:
    item = repo.get_item(item_id, with_history=False)
    if item.status is Status.OPEN:
        raise InputError(f"Item {item_id} is already open.")
    stamp = timestamp(now)
    repo.update_item(item_id, status=Status.OPEN, closed_at=None, updated_at=stamp)
    repo.add_history(item_id, "reopened", {"was": item.status.value}, stamp, _current_id(repo))
    return repo.get_item(item_id)


def drop(repo: Repository, item_id: int, *, reason: str, now: datetime) -> Item:
    if not reason.strip():
        raise InputError("Say why the item is dropped: --reason TEXT.")
    _open_item(repo, item_id)
    stamp = timestamp(now)
    repo.update_item(item_id, status=Status.DROPPED, closed_at=stamp, updated_at=stamp)
    repo.add_history(item_id, "dropped", {"reason": reason.strip()}, stamp, _current_id(repo))
    return repo.get_item(item_id)


def edit(
    repo: Repository,
    item_id: int,
    *,
    text: str | None = None,
    owners: Sequence[str] | None = None,
    due: str | None = None,
    now: datetime,
    confirm: Confirm | None = None,
) -> Item:
    from actiontrack.dates import parse_date

    item = repo.get_item(item_id, with_history=False)
    stamp = timestamp(now)
    changes: dict[str, object] = {}
    fields: dict[str, object] = {}
    if text is not None:
        text = " ".join(text.split())
        if not text:
            raise InputError("An item needs a text.")
        if text != item.text:
            changes["text"] = [item.text, text]
            fields["text"] = text
    if due is not None:
        if due.strip().lower() in ("", "-", "none", "ingen"):
            new_due = None
        else:
            base = item.meeting.date if item.meeting and item.meeting.date else today_of(now)
            meeting = repo.get_meeting(item.meeting.id) if item.meeting else None
            new_due = parse_date(
                due, base, next_meeting=next_meeting_after(repo, meeting) if meeting else None
            )
        if new_due != item.due:
            changes["due"] = [
                item.due.isoformat() if item.due else None,
                new_due.isoformat() if new_due else None,
            ]
            fields["due"] = new_due.isoformat() if new_due else None
    if owners is not None:
        roster = Roster(repo.list_people())
        resolved = [resolve_owner(repo, roster, n, now=now, confirm=confirm) for n in owners if n.strip()]
        if [o.name for o in resolved] != [o.name for o in item.owners]:
            changes["owners"] = [[o.name for o in item.owners], [o.name for o in resolved]]
            repo.set_owners(item_id, resolved)
    if not changes:
        raise UsageError("Nothing to change: give --text, --owner or --due with a new value.")
    repo.update_item(item_id, updated_at=stamp, **fields)
    repo.add_history(item_id, "edited", changes, stamp, _current_id(repo))
    return repo.get_item(item_id)


def add_note(repo: Repository, item_id: int, text: str, *, now: datetime) -> Item:
    text = " ".join(text.split())
    if not text:
        raise InputError("A note needs a text.")
    repo.get_item(item_id, with_history=False)
    stamp = timestamp(now)
    repo.update_item(item_id, updated_at=stamp)
    repo.add_history(item_id, "noted", {"note": text}, stamp, _current_id(repo))
    return repo.get_item(item_id)


def _current_id(repo: Repository) -> int | None:
    value = repo.get_setting(CURRENT_MEETING)
    return int(value) if value else None


# --- people -----------------------------------------------------------------------------------


def add_person(
    repo: Repository, name: str, organisation: str | None, aliases: Sequence[str], now: datetime
) -> Person:
    person = repo.add_person(name, organisation, timestamp(now))
    for alias in aliases:
        repo.add_alias(person.id, alias)  # type: ignore[arg-type]
    return repo.get_person(person.id)  # type: ignore[arg-type]


def find_person(repo: Reads, name: str) -> Person:
    return Roster(repo.list_people()).resolve(name)


def add_alias(repo: Repository, name: str, alias: str) -> Person:
    person = find_person(repo, name)
    other = Roster(repo.list_people()).candidates(alias)
    if other and other[0].how in ("name", "alias") and other[0].person.id != person.id:
        raise PersonError(f"'{alias}' already means {other[0].person.name}.")
    repo.add_alias(person.id, alias)  # type: ignore[arg-type]
    return repo.get_person(person.id)  # type: ignore[arg-type]


def merge_people(repo: Repository, keep: str, other: str) -> Person:
    kept, merged = find_person(repo, keep), find_person(repo, other)
    if kept.id == merged.id:
        raise InputError(f"'{keep}' and '{other}' are the same person.")
    repo.merge_people(kept.id, merged.id)  # type: ignore[arg-type]
    return repo.get_person(kept.id)  # type: ignore[arg-type]


# --- documents ----------------------------------------------------------------------------------


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


# --- agenda, review, digest -------------------------------------------------------------------


def agenda(repo: Reads, group: str, *, when: str | None, today: date) -> Agenda:
    """The agenda before the group's next meeting (see agenda.py for the rules)."""
    from actiontrack.agenda import build_agenda, last_meeting, next_meeting
    from actiontrack.dates import parse_date

    row = repo.find_group(group)
    if row is None:
        known = ", ".join(repo.group_names()) or "none yet"
        raise NotFoundError(f"There is no group '{group}' (known: {known}).")
    given = parse_date(when, today) if when else None
    meetings, schedule = repo.list_meetings(row.name), repo.schedule(row.name)
    # only the items done since the last meeting are read: the cost follows the agenda, not the years
    last = last_meeting(meetings, next_meeting(meetings, schedule, given=given, today=today).date or today)
    since = last.date.isoformat() if last and last.date else None
    return build_agenda(
        row.name,
        meetings,
        schedule,
        repo.query_items(statuses=(Status.OPEN,), group=row.name),
        repo.query_items(statuses=(Status.DONE,), group=row.name, closed_since=since),
        given=given,
        today=today,
    )


def meeting_for_review(repo: Repository, group: str, day: date, *, now: datetime) -> Meeting:
    """The meeting decisions are taken at: the current one if it is this group's, else a new one."""
    current = current_meeting(repo)
    if current is not None and current.group.casefold() == group.casefold():
        return current
    return start_meeting(repo, group, when=day, place=None, now=now)


def keep(repo: Repository, item_id: int, *, now: datetime) -> Item:
    """Keep an item open, as decided at the meeting under way."""
    _open_item(repo, item_id)
    stamp = timestamp(now)
    repo.update_item(item_id, updated_at=stamp)
    repo.add_history(item_id, "kept", {}, stamp, _current_id(repo))
    return repo.get_item(item_id)


@dataclass(frozen=True)
class Digest:
    owner: str
    items: list[Item]


def digest(repo: Reads, *, owner: str | None, today: date) -> list[Digest]:
    """What each person (or organisation) has open, overdue first; the group's own items are left out."""
    who = OwnerFilter.of(repo, owner)
    by_owner: dict[str, list[Item]] = {}
    for item in list_items(repo, Filters(owner=owner), today=today):
        for o in item.owners:
            if who.matches(o):
                by_owner.setdefault(o.name, []).append(item)
    return [Digest(name, its) for name, its in sorted(by_owner.items(), key=lambda kv: kv[0].casefold())]
