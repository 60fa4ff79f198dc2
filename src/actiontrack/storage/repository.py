"""Persistence only: reads and writes rows, returns domain objects.

No business rules here (status transitions, owner resolution, agenda windows
live in service.py). One Repository is one transaction: the CLI opens it, the
service works in it, and it commits at the end or rolls back on any error.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date

from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from actiontrack.errors import InputError, NotFoundError, PersonError
from actiontrack.models import (
    HistoryEntry,
    Item,
    Kind,
    Meeting,
    MeetingRef,
    Owner,
    OwnerKind,
    Person,
    ScheduledMeeting,
    Status,
)
from actiontrack.storage.tables import (
    AttendanceRow,
    GroupRow,
    ItemHistoryRow,
    ItemOwnerRow,
    ItemRow,
    MeetingRow,
    PersonAliasRow,
    PersonRow,
    ScheduledMeetingRow,
    SettingRow,
)


def _d(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _s(value: date | None) -> str | None:
    return value.isoformat() if value else None


class Repository:
    def __init__(self, session: Session) -> None:
        self.session = session

    # --- groups and meetings ------------------------------------------------

    def find_group(self, name: str) -> GroupRow | None:
        key = " ".join(name.split()).casefold()
        for row in self.session.exec(select(GroupRow)):
            if row.name.casefold() == key:
                return row
        return None

    def group_names(self) -> list[str]:
        return list(self.session.exec(select(GroupRow.name).order_by(GroupRow.name)))

    def get_or_create_group(self, name: str, now: str) -> GroupRow:
        row = self.find_group(name)
        if row is None:
            row = GroupRow(name=" ".join(name.split()), created_at=now)
            self.session.add(row)
            self.session.flush()
        return row

    def create_meeting(
        self,
        group: str,
        *,
        now: str,
        date_: date | None,
        title: str | None = None,
        place: str | None = None,
        secretary: str | None = None,
        source_path: str | None = None,
        source_hash: str | None = None,
        next_meeting: date | None = None,
    ) -> Meeting:
        group_row = self.get_or_create_group(group, now)
        row = MeetingRow(
            group_id=group_row.id,  # type: ignore[arg-type]
            date=_s(date_),
            title=title,
            place=place,
            secretary=secretary,
            source_path=source_path,
            source_hash=source_hash,
            next_meeting=_s(next_meeting),
            created_at=now,
        )
        self.session.add(row)
        self.session.flush()
        return self._meeting(row, group_row.name)

    def _meeting(self, row: MeetingRow, group: str, item_count: int = 0) -> Meeting:
        return Meeting(
            id=row.id,  # type: ignore[arg-type]
            group=group,
            date=_d(row.date),
            title=row.title,
            place=row.place,
            secretary=row.secretary,
            source_path=row.source_path,
            source_hash=row.source_hash,
            next_meeting=_d(row.next_meeting),
            item_count=item_count,
        )

    def get_meeting(self, meeting_id: int) -> Meeting:
        found = self.list_meetings(meeting_id=meeting_id)
        if not found:
            raise NotFoundError(f"There is no meeting {meeting_id}; `track meeting list` shows them.")
        return found[0]

    def meeting_by_hash(self, source_hash: str) -> Meeting | None:
        row = self.session.exec(select(MeetingRow).where(MeetingRow.source_hash == source_hash)).first()
        return self.get_meeting(row.id) if row else None  # type: ignore[arg-type]

    def list_meetings(self, group: str | None = None, meeting_id: int | None = None) -> list[Meeting]:
        counts = (
            select(ItemRow.meeting_id, func.count().label("n")).group_by(ItemRow.meeting_id).subquery()  # type: ignore[call-overload]
        )
        query = (
            select(MeetingRow, GroupRow.name, counts.c.n)
            .join(GroupRow, GroupRow.id == MeetingRow.group_id)  # type: ignore[arg-type]
            .outerjoin(counts, counts.c.meeting_id == MeetingRow.id)
            .order_by(col(MeetingRow.date), col(MeetingRow.id))
        )
        if meeting_id is not None:
            query = query.where(MeetingRow.id == meeting_id)
        if group is not None:
            row = self.find_group(group)
            if row is None:
                return []
            query = query.where(MeetingRow.group_id == row.id)
        return [self._meeting(m, g, n or 0) for m, g, n in self.session.exec(query)]

    def get_setting(self, key: str) -> str | None:
        row = self.session.get(SettingRow, key)
        return row.value if row else None

    def set_setting(self, key: str, value: str) -> None:
        row = self.session.get(SettingRow, key)
        if row is None:
            self.session.add(SettingRow(key=key, value=value))
        else:
            row.value = value
            self.session.add(row)
        self.session.flush()

    def add_attendance(self, meeting_id: int, person_id: int, present: bool) -> None:
        if self.session.get(AttendanceRow, (meeting_id, person_id)) is None:
            self.session.add(AttendanceRow(meeting_id=meeting_id, person_id=person_id, present=present))
            self.session.flush()

    def attendance(self, meeting_id: int) -> list[tuple[Person, bool]]:
        rows = self.session.exec(
            select(PersonRow, AttendanceRow.present)
            .join(AttendanceRow, AttendanceRow.person_id == PersonRow.id)  # type: ignore[arg-type]
            .where(AttendanceRow.meeting_id == meeting_id)
            .order_by(col(PersonRow.name))
        )
        return [(self._person(p, ()), present) for p, present in rows]

    def add_scheduled(
        self, group: str, when: date, place: str | None, source_meeting_id: int | None, now: str
    ) -> None:
        group_row = self.get_or_create_group(group, now)
        existing = self.session.exec(
            select(ScheduledMeetingRow).where(
                ScheduledMeetingRow.group_id == group_row.id, ScheduledMeetingRow.date == when.isoformat()
            )
        ).first()
        if existing is None:
            self.session.add(
                ScheduledMeetingRow(
                    group_id=group_row.id,  # type: ignore[arg-type]
                    date=when.isoformat(),
                    place=place,
                    source_meeting_id=source_meeting_id,
                )
            )
            self.session.flush()

    def schedule(self, group: str) -> list[ScheduledMeeting]:
        row = self.find_group(group)
        if row is None:
            return []
        rows = self.session.exec(
            select(ScheduledMeetingRow)
            .where(ScheduledMeetingRow.group_id == row.id)
            .order_by(col(ScheduledMeetingRow.date))
        )
        return [ScheduledMeeting(date.fromisoformat(r.date), r.place) for r in rows]

    # --- people --------------------------------------------------------------

    def _person(self, row: PersonRow, aliases: Iterable[str]) -> Person:
        return Person(row.id, row.name, row.organisation, tuple(aliases))

    def list_people(self) -> list[Person]:
        aliases: dict[int, list[str]] = defaultdict(list)
        for a in self.session.exec(select(PersonAliasRow).order_by(col(PersonAliasRow.alias))):
            aliases[a.person_id].append(a.alias)
        rows = self.session.exec(select(PersonRow).order_by(col(PersonRow.name)))
        return [self._person(r, aliases.get(r.id, ())) for r in rows]  # type: ignore[arg-type]

    def get_person(self, person_id: int) -> Person:
        row = self.session.get(PersonRow, person_id)
        if row is None:
            raise NotFoundError(f"There is no person {person_id}.")
        aliases = self.session.exec(select(PersonAliasRow.alias).where(PersonAliasRow.person_id == person_id))
        return self._person(row, aliases)

    def person_by_name(self, name: str) -> Person | None:
        key = " ".join(name.split()).casefold()
        for row in self.session.exec(select(PersonRow)):
            if row.name.casefold() == key:
                return self.get_person(row.id)  # type: ignore[arg-type]
        return None

    def add_person(self, name: str, organisation: str | None, now: str) -> Person:
        name = " ".join(name.split())
        if not name:
            raise InputError("A person needs a name.")
        if self.person_by_name(name) is not None:
            raise PersonError(f"'{name}' is already known.")
        row = PersonRow(name=name, organisation=organisation, created_at=now)
        self.session.add(row)
        self.session.flush()
        return self._person(row, ())

    def update_person(self, person_id: int, organisation: str | None) -> None:
        row = self.session.get(PersonRow, person_id)
        if row is not None and organisation and not row.organisation:
            row.organisation = organisation
            self.session.add(row)
            self.session.flush()

    def add_alias(self, person_id: int, alias: str) -> None:
        key = " ".join(alias.split()).casefold()
        owner = self.session.exec(select(PersonAliasRow).where(PersonAliasRow.alias == key)).first()
        if owner is not None:
            if owner.person_id == person_id:
                return
            other = self.get_person(owner.person_id)
            raise PersonError(f"'{alias}' is already an alias of {other.name}.")
        self.session.add(PersonAliasRow(person_id=person_id, alias=key))
        self.session.flush()

    def merge_people(self, keep_id: int, other_id: int) -> None:
        """Move everything of `other` to `keep`; other's name becomes an alias."""
        other = self.get_person(other_id)
        for owner in self.session.exec(select(ItemOwnerRow).where(ItemOwnerRow.person_id == other_id)):
            owner.person_id = keep_id
            self.session.add(owner)
        for att in self.session.exec(select(AttendanceRow).where(AttendanceRow.person_id == other_id)).all():
            present = att.present
            self.session.delete(att)
            self.session.flush()
            self.add_attendance(att.meeting_id, keep_id, present)
        for alias in self.session.exec(select(PersonAliasRow).where(PersonAliasRow.person_id == other_id)):
            alias.person_id = keep_id
            self.session.add(alias)
        self.session.flush()
        row = self.session.get(PersonRow, other_id)
        self.session.delete(row)
        self.session.flush()
        self.add_alias(keep_id, other.name)

    # --- items ---------------------------------------------------------------

    def add_item(
        self,
        *,
        kind: Kind,
        text: str,
        owners: Sequence[Owner],
        due: date | None,
        meeting_id: int | None,
        now: str,
        source: str | None = None,
        line: int | None = None,
        topic: str | None = None,
        confidence: float | None = None,
    ) -> int:
        row = ItemRow(
            kind=kind.value,
            text=text,
            status=Status.OPEN.value,
            due=_s(due),
            meeting_id=meeting_id,
            source=source,
            line=line,
            topic=topic,
            confidence=confidence,
            created_at=now,
            updated_at=now,
        )
        self.session.add(row)
        self.session.flush()
        item_id: int = row.id  # type: ignore[assignment]
        self.set_owners(item_id, owners)
        return item_id

    def set_owners(self, item_id: int, owners: Sequence[Owner]) -> None:
        for old in self.session.exec(select(ItemOwnerRow).where(ItemOwnerRow.item_id == item_id)).all():
            self.session.delete(old)
        for position, owner in enumerate(owners):
            self.session.add(
                ItemOwnerRow(
                    item_id=item_id,
                    position=position,
                    person_id=owner.person_id if owner.kind is OwnerKind.PERSON else None,
                    organisation=owner.name if owner.kind is OwnerKind.ORGANISATION else None,
                )
            )
        self.session.flush()

    def update_item(self, item_id: int, **fields: object) -> None:
        row = self._item_row(item_id)
        for key, value in fields.items():
            if isinstance(value, date):
                value = value.isoformat()
            if isinstance(value, Status | Kind):
                value = value.value
            setattr(row, key, value)
        self.session.add(row)
        self.session.flush()

    def add_history(
        self, item_id: int, action: str, detail: dict[str, object], now: str, meeting_id: int | None = None
    ) -> None:
        self.session.add(
            ItemHistoryRow(
                item_id=item_id,
                at=now,
                action=action,
                detail=json.dumps(detail, ensure_ascii=False, default=str),
                meeting_id=meeting_id,
            )
        )
        self.session.flush()

    def _item_row(self, item_id: int) -> ItemRow:
        row = self.session.get(ItemRow, item_id)
        if row is None:
            raise NotFoundError(f"There is no item {item_id}; `track open` lists the open ones.")
        return row

    def find_item(self, text: str, created_at: str | None) -> int | None:
        """The id of an item with this text created at this time (restoring an export twice)."""
        query = select(ItemRow.id).where(ItemRow.text == text)
        if created_at:
            query = query.where(ItemRow.created_at == created_at)
        return self.session.exec(query).first()

    def get_item(self, item_id: int, with_history: bool = True) -> Item:
        row = self._item_row(item_id)
        item = self._items([row])[0]
        if not with_history:
            return item
        history = self.session.exec(
            select(ItemHistoryRow).where(ItemHistoryRow.item_id == item_id).order_by(col(ItemHistoryRow.id))
        )
        entries = tuple(HistoryEntry(h.at, h.action, json.loads(h.detail), h.meeting_id) for h in history)
        return Item(**{**item.__dict__, "history": entries})

    def query_items(
        self,
        *,
        statuses: Sequence[Status] = (Status.OPEN,),
        person_ids: Sequence[int] | None = None,
        organisation: str | None = None,
        group: str | None = None,
        meeting_id: int | None = None,
        due_before: date | None = None,
        kinds: Sequence[Kind] | None = None,
        closed_since: str | None = None,
    ) -> list[Item]:
        query = select(ItemRow).where(col(ItemRow.status).in_([s.value for s in statuses]))
        if person_ids is not None or organisation is not None:
            owned = select(ItemOwnerRow.item_id).where(
                or_(
                    col(ItemOwnerRow.person_id).in_(list(person_ids or [])),
                    func.lower(ItemOwnerRow.organisation) == (organisation or "").casefold(),
                )
            )
            query = query.where(col(ItemRow.id).in_(owned))
        if group is not None:
            group_row = self.find_group(group)
            if group_row is None:
                return []
            query = query.where(
                col(ItemRow.meeting_id).in_(select(MeetingRow.id).where(MeetingRow.group_id == group_row.id))
            )
        if meeting_id is not None:
            query = query.where(ItemRow.meeting_id == meeting_id)
        if due_before is not None:
            query = query.where(col(ItemRow.due).is_not(None), col(ItemRow.due) < due_before.isoformat())
        if kinds is not None:
            query = query.where(col(ItemRow.kind).in_([k.value for k in kinds]))
        if closed_since is not None:
            query = query.where(col(ItemRow.closed_at) >= closed_since)
        return self._items(list(self.session.exec(query.order_by(col(ItemRow.id)))))

    def _items(self, rows: list[ItemRow]) -> list[Item]:
        if not rows:
            return []
        ids = [r.id for r in rows]
        owners: dict[int, list[Owner]] = defaultdict(list)
        owner_rows = self.session.exec(
            select(ItemOwnerRow, PersonRow.name)
            .outerjoin(PersonRow, PersonRow.id == ItemOwnerRow.person_id)  # type: ignore[arg-type]
            .where(col(ItemOwnerRow.item_id).in_(ids))
            .order_by(col(ItemOwnerRow.item_id), col(ItemOwnerRow.position))
        )
        for o, person_name in owner_rows:
            if o.person_id is not None:
                owners[o.item_id].append(Owner(person_name, OwnerKind.PERSON, o.person_id))
            else:
                owners[o.item_id].append(Owner(o.organisation or "", OwnerKind.ORGANISATION))
        meeting_ids = {r.meeting_id for r in rows if r.meeting_id is not None}
        meetings: dict[int, MeetingRef] = {}
        if meeting_ids:
            for m, g in self.session.exec(
                select(MeetingRow, GroupRow.name)
                .join(GroupRow, GroupRow.id == MeetingRow.group_id)  # type: ignore[arg-type]
                .where(col(MeetingRow.id).in_(meeting_ids))
            ):
                meetings[m.id] = MeetingRef(m.id, g, _d(m.date), m.title)  # type: ignore[arg-type,index]
        return [
            Item(
                id=r.id,  # type: ignore[arg-type]
                kind=Kind(r.kind),
                text=r.text,
                status=Status(r.status),
                owners=tuple(owners.get(r.id, ())),  # type: ignore[arg-type]
                due=_d(r.due),
                meeting=meetings.get(r.meeting_id) if r.meeting_id is not None else None,
                source=r.source,
                line=r.line,
                topic=r.topic,
                confidence=r.confidence,
                created_at=r.created_at,
                updated_at=r.updated_at,
                closed_at=r.closed_at,
            )
            for r in rows
        ]
