"""Domain objects: plain records (actiontrack.records), no database, no formatting."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from actiontrack.records import field, record


class Kind(StrEnum):
    ACTION = "action"
    DEFERRED = "deferred"


class Status(StrEnum):
    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"


class OwnerKind(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"
    UNRESOLVED = "unresolved"  # a name nobody is known by yet ("Kjell" beside "Kjell Andersson"): asked later


@record(frozen=True)
class Person:
    id: int | None
    name: str
    organisation: str | None = None
    aliases: tuple[str, ...] = ()


@record(frozen=True)
class Owner:
    name: str
    kind: OwnerKind = OwnerKind.PERSON
    person_id: int | None = None


@record(frozen=True)
class MeetingRef:
    id: int
    group: str
    date: dt.date | None
    title: str | None = None


@record(frozen=True)
class Meeting:
    id: int
    group: str
    date: dt.date | None
    title: str | None
    place: str | None = None
    secretary: str | None = None
    source_path: str | None = None
    source_hash: str | None = None
    next_meeting: dt.date | None = None
    item_count: int = 0
    time: str | None = None  # of day, as written: "13.00-15.00"
    next_time: str | None = None  # of the next meeting, as these minutes announce it
    next_place: str | None = None

    @property
    def ref(self) -> MeetingRef:
        return MeetingRef(self.id, self.group, self.date, self.title)


@record(frozen=True)
class HistoryEntry:
    at: str  # UTC ISO-8601
    action: str  # created, edited, done, reopened, dropped, noted
    detail: dict[str, object]
    meeting_id: int | None = None


@record(frozen=True)
class Item:
    id: int
    kind: Kind
    text: str
    status: Status
    owners: tuple[Owner, ...] = ()
    due: dt.date | None = None
    meeting: MeetingRef | None = None
    source: str | None = None
    line: int | None = None
    topic: str | None = None
    confidence: float | None = None
    created_at: str | None = None
    updated_at: str | None = None
    closed_at: str | None = None
    history: tuple[HistoryEntry, ...] = ()
    group: str | None = None  # whose agenda follows it up: its meeting's group, or the one it was added to

    def is_overdue(self, today: dt.date) -> bool:
        return self.status is Status.OPEN and self.due is not None and self.due < today


# --- What the extractor finds in a document (no ids: nothing is stored yet) ---


@record(frozen=True)
class Attendee:
    name: str
    organisation: str | None = None
    aliases: tuple[str, ...] = ()  # a nickname written in the list: 'Ida "Poppi" Berg'
    role: str | None = None  # "kassör", when the list says it


@record(frozen=True)
class ScheduledMeeting:
    date: dt.date
    place: str | None = None


@record
class ExtractedMeeting:
    title: str | None = None
    date: dt.date | None = None
    year_inferred: str | None = None  # how the year was found when the heading has none
    partial_date: tuple[int, int] | None = None  # (month, day) when the text gives no year; date is None
    time_start: str | None = None  # "13:00", when the minutes give the time of day
    time_end: str | None = None
    attendees: list[Attendee] = field(default_factory=list)
    absent: list[Attendee] = field(default_factory=list)
    secretary: str | None = None
    next_meeting: dt.date | None = None
    next_time: str | None = None  # the next meeting's time of day ("13.00-15.00") and place, as announced
    next_place: str | None = None
    schedule: list[ScheduledMeeting] = field(default_factory=list)
    place: str | None = None
    roles: dict[str, str] = field(default_factory=dict)  # "kassör" -> "Bo Ek": who holds a role


@record(frozen=True)
class ExtractedItem:
    kind: Kind
    text: str
    owners: tuple[Owner, ...]
    due: dt.date | None
    source: str
    line: int
    topic: str | None
    confidence: float


@record(frozen=True)
class Step:
    """One sentence's path through the extractor, for `track extract --explain`."""

    line: int
    text: str
    block: str  # bullet, line (a paragraph of one line), paragraph
    topic: str | None  # the heading it stands under
    context: str  # what the heading or label makes of it: "to-do list", "decisions", ...
    verdict: str  # action, deferred, no item, no agent, field line, owner of the item before
    rule: str | None  # the cue that decided it


@record
class Extraction:
    meeting: ExtractedMeeting
    items: list[ExtractedItem]
    warnings: list[str] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
