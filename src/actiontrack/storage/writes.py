"""Every write of the store, in plain SQL with named parameters, and nothing else imported.

One set of statements, run by the standard library's sqlite3 on SQLite and by SQLAlchemy
on PostgreSQL (storage/__init__.py): the commands typed during a meeting pay for neither
SQLAlchemy nor pydantic, and `track import` writes a document in a few multi-row statements
instead of an ORM object per row. Every row a statement inserts, updates or deletes is
written down in the transaction's journal (storage/journal.py), so `track undo` reverts
them all alike.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import date

from actiontrack.errors import InputError, NotFoundError
from actiontrack.i18n import N_, _
from actiontrack.models import Kind, Meeting, Owner, OwnerKind, Status
from actiontrack.storage.journal import undo_last
from actiontrack.storage.people_writes import PeopleWrites
from actiontrack.storage.reads import GroupRef
from actiontrack.storage.sql import chunks, in_list, iso
from actiontrack.storage.tables import COLUMNS

TYPE_CHECKING = False  # typing costs a command's start 3-4 ms
if TYPE_CHECKING:
    from typing import Any

_SAME_MOMENT = N_(
    "The same document was imported from elsewhere at the same moment; it is stored once "
    "(`track meeting list` shows it)."
)
_NO_ITEM = N_("There is no item {id}; `track open` lists the open ones.")
_NO_MEETING = N_("There is no meeting {id}; `track meeting list` shows them.")


def item_row(
    *,
    kind: Kind,
    text: str,
    due: date | None,
    meeting_id: int | None,
    now: str,
    source: str | None = None,
    line: int | None = None,
    topic: str | None = None,
    confidence: float | None = None,
    group_id: int | None = None,
) -> dict[str, Any]:
    """The row of a new, open item; `group_id`: the group whose agenda follows it up."""
    return {
        "kind": kind.value,
        "text": text,
        "status": Status.OPEN.value,
        "due": iso(due),
        "meeting_id": meeting_id,
        "source": source,
        "line": line,
        "topic": topic,
        "confidence": confidence,
        "created_at": now,
        "updated_at": now,
        "group_id": group_id,
    }


def _stored(value: object) -> object:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Status | Kind):
        return value.value
    return value


class Writes(PeopleWrites):
    """Reads plus every write of one transaction."""

    # --- groups and meetings --------------------------------------------------------------------

    def get_or_create_group(self, name: str, now: str) -> GroupRef:
        """The group of this name (in any case), added when new. Another writer may add it at
        the same moment: then theirs is used."""
        found = self.find_group(name)
        if found is None:
            self.insert("groups", [{"name": " ".join(name.split()), "created_at": now}], unless_taken="name")
            found = self.find_group(name)
            if found is None:
                raise InputError(_("The group '{name}' could not be created; try again.").format(name=name))
        return found

    def insert_meeting(self, values: Mapping[str, Any]) -> int:
        """A new meeting from the columns given; its id. An InputError when its minutes
        (source_hash) were stored by another writer a moment ago."""
        ids = self.insert("meetings", [values], unless_taken="source_hash")
        if not ids:
            raise InputError(_(_SAME_MOMENT))
        return ids[0]

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
        group_id = self.get_or_create_group(group, now).id
        values = {
            "group_id": group_id,
            "date": iso(date_),
            "title": title,
            "place": place,
            "secretary": secretary,
            "source_path": source_path,
            "source_hash": source_hash,
            "next_meeting": iso(next_meeting),
            "created_at": now,
        }
        return self.get_meeting(self.insert_meeting(values))

    def update_meeting(
        self, meeting_id: int, *, group: str | None = None, now: str = "", **fields: object
    ) -> None:
        """Change a meeting's columns (dates as ISO strings); `group` moves it to that group."""
        old = self.run("SELECT group_id FROM meetings WHERE id = :m", {"m": meeting_id})
        if not old:
            raise NotFoundError(_(_NO_MEETING).format(id=meeting_id))
        if group is not None:
            fields["group_id"] = self.get_or_create_group(group, now).id
        self.update("meetings", {meeting_id: fields})
        if fields.get("group_id", old[0][0]) != old[0][0]:
            # the meeting's items go with it to the other group's agenda
            moved = self.run(
                "SELECT id FROM items WHERE meeting_id = :m AND group_id = :g ORDER BY id",
                {"m": meeting_id, "g": old[0][0]},
            )
            self.update("items", {r[0]: {"group_id": fields["group_id"]} for r in moved})
            self._drop_group_if_empty(old[0][0])

    def group_of_meeting(self, meeting_id: int) -> int | None:
        rows = self.run("SELECT group_id FROM meetings WHERE id = :m", {"m": meeting_id})
        return rows[0][0] if rows else None

    def _drop_group_if_empty(self, group_id: int) -> None:
        """A group left without meetings, planned ones or items is no group any more."""
        left = self.run(
            "SELECT (SELECT count(*) FROM meetings WHERE group_id = :g) "
            "+ (SELECT count(*) FROM scheduled_meetings WHERE group_id = :g) "
            "+ (SELECT count(*) FROM items WHERE group_id = :g)",
            {"g": group_id},
        )
        if left[0][0] == 0:
            self.delete("groups", "id", [group_id])

    def delete_meeting(self, meeting_id: int) -> None:
        """A meeting with its items, attendance and the schedule its minutes gave; decisions
        taken at it on other items stay in their history, without the link."""
        found = self.run("SELECT group_id FROM meetings WHERE id = :m", {"m": meeting_id})
        if not found:
            raise NotFoundError(_(_NO_MEETING).format(id=meeting_id))
        self.delete_items(
            [
                r[0]
                for r in self.run("SELECT id FROM items WHERE meeting_id = :m ORDER BY id", {"m": meeting_id})
            ]
        )
        decisions = self.run(
            "SELECT id FROM item_history WHERE meeting_id = :m ORDER BY id", {"m": meeting_id}
        )
        self.update("item_history", {r[0]: {"meeting_id": None} for r in decisions})
        self.delete("meeting_attendees", "meeting_id", [meeting_id])
        self.delete("scheduled_meetings", "source_meeting_id", [meeting_id])
        self.delete("meetings", "id", [meeting_id])
        self._drop_group_if_empty(found[0][0])

    def add_schedule(
        self, group_id: int, planned: Sequence[tuple[str, str | None]], meeting_id: int | None
    ) -> None:
        """Planned meetings (ISO date, place) of a group, unless the group has one that day."""
        dates_sql, params = in_list("d", sorted({d for d, _place in planned}))
        taken = {
            r[0]
            for r in self.run(
                f"SELECT date FROM scheduled_meetings WHERE group_id = :g AND date IN {dates_sql}",
                {**params, "g": group_id},
            )
        }
        rows = []
        for day, place in planned:
            if day not in taken:
                taken.add(day)
                rows.append(
                    {"group_id": group_id, "date": day, "place": place, "source_meeting_id": meeting_id}
                )
        self.insert("scheduled_meetings", rows)

    # --- settings -------------------------------------------------------------------------------

    def set_setting(self, key: str, value: str) -> None:
        if self.get_setting(key) is None:
            self.insert_keyed("settings", [{"key": key, "value": value}])
        else:
            self.update("settings", {key: {"value": value}})

    def delete_setting(self, key: str) -> None:
        self.delete("settings", "key", [key])

    # --- items ----------------------------------------------------------------------------------

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
        group_id: int | None = None,
    ) -> int:
        """A new open item with its owners; its group is its meeting's unless `group_id` is given."""
        if group_id is None and meeting_id is not None:
            group_id = self.group_of_meeting(meeting_id)
        row = item_row(
            kind=kind,
            text=text,
            due=due,
            meeting_id=meeting_id,
            now=now,
            source=source,
            line=line,
            topic=topic,
            confidence=confidence,
            group_id=group_id,
        )
        (item_id,) = self.insert("items", [row])
        self.set_owners(item_id, owners)
        return item_id

    def set_owners(self, item_id: int, owners: Sequence[Owner]) -> None:
        self.delete("item_owners", "item_id", [item_id])
        self.insert_owners([(item_id, owners)])

    def insert_owners(self, owned: Sequence[tuple[int, Sequence[Owner]]]) -> list[int]:
        """The owner rows of items, in their order; the new rows' ids."""
        return self.insert(
            "item_owners",
            [
                {
                    "item_id": item_id,
                    "position": position,
                    "person_id": owner.person_id if owner.kind is OwnerKind.PERSON else None,
                    "organisation": owner.name if owner.kind is not OwnerKind.PERSON else None,
                    "unresolved": True if owner.kind is OwnerKind.UNRESOLVED else None,
                }
                for item_id, owners in owned
                for position, owner in enumerate(owners)
            ],
        )

    def update_item(self, item_id: int, **fields: object) -> None:
        """Change an item's columns; only the values that differ are written and journaled."""
        unknown = set(fields) - set(COLUMNS["items"][1:])
        if unknown:
            raise ValueError(f"{sorted(unknown)} are not columns of items")
        try:
            self.update("items", {item_id: {k: _stored(v) for k, v in fields.items()}})
        except LookupError:
            raise NotFoundError(_(_NO_ITEM).format(id=item_id)) from None

    def add_history(
        self, item_id: int, action: str, detail: dict[str, object], now: str, meeting_id: int | None = None
    ) -> None:
        self.insert_history([(item_id, action, detail)], now, meeting_id)

    def insert_history(
        self, entries: Sequence[tuple[int, str, Mapping[str, object]]], now: str, meeting_id: int | None
    ) -> None:
        self.insert(
            "item_history",
            [
                {
                    "item_id": item_id,
                    "at": now,
                    "action": action,
                    "detail": json.dumps(detail, ensure_ascii=False, default=str),
                    "meeting_id": meeting_id,
                }
                for item_id, action, detail in entries
            ],
        )

    def delete_item(self, item_id: int) -> None:
        """An item with its owners and history (a point gone from corrected minutes)."""
        if not self.run("SELECT 1 FROM items WHERE id = :id", {"id": item_id}):
            raise NotFoundError(_(_NO_ITEM).format(id=item_id))
        self.delete_items([item_id])

    def delete_items(self, item_ids: Sequence[int]) -> None:
        """Items with their owners and history."""
        if item_ids:
            self.delete("item_owners", "item_id", item_ids)
            self.delete("item_history", "item_id", item_ids)
            self.delete("items", "id", item_ids)

    def delete_owner_rows(self, item_ids: Sequence[int], keep: Sequence[int] = ()) -> None:
        """The owner rows of items, except those with the ids in `keep` (just inserted)."""
        kept = set(keep)
        owners: list[int] = []
        for chunk in chunks(list(item_ids)):
            ids_sql, params = in_list("i", chunk)
            owners += [
                r[0]
                for r in self.run(f"SELECT id FROM item_owners WHERE item_id IN {ids_sql}", params)
                if r[0] not in kept
            ]
        self.delete("item_owners", "id", owners)

    # --- undo -----------------------------------------------------------------------------------

    def undo_last(self, now: str, user: str) -> tuple[str, str]:
        """Revert the user's last recorded command; what it was, and what it had changed."""
        return undo_last(self.run, now, user)
