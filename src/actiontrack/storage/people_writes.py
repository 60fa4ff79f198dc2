"""The writes about people: add, alias, merge and forget; split from writes.py, whose Writes
includes them."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence

from actiontrack.errors import InputError, PersonError
from actiontrack.i18n import _
from actiontrack.models import Person
from actiontrack.storage.journal import forget_all
from actiontrack.storage.statements import Statements

TYPE_CHECKING = False  # typing costs a command's start 3-4 ms
if TYPE_CHECKING:
    from typing import Any

# The columns of each table that can hold a name, which forgetting a person rewrites.
_REWRITABLE = {
    "items": ("text", "source", "topic"),
    "item_history": ("detail",),
    "item_owners": ("organisation",),
    "meetings": ("title", "place", "secretary", "source_path"),
    "groups": ("name", "place"),
    "scheduled_meetings": ("place",),
    "people": ("organisation",),
}


def person_keys(name: str) -> dict[str, str | None]:
    """The indexed lookup keys of a person's name (migration m004): the whole name, its first
    and last word case-folded, its initials; `people.Roster` decides among the people they find."""
    from actiontrack.people import initials

    key = " ".join(name.split()).casefold()
    parts = key.split()
    return {
        "name_key": key,
        "first_key": parts[0] if parts else None,
        "last_key": parts[-1] if parts else None,
        "initials": initials(name) or None,
    }


class PeopleWrites(Statements):
    """The people's rows, and the texts that name them."""

    def add_person(self, name: str, organisation: str | None, now: str) -> Person:
        name = unicodedata.normalize("NFC", " ".join(name.split()))  # as every text is stored
        if not name:
            raise InputError(_("A person needs a name."))
        known = _("'{name}' is already known.").format(name=name)
        if self.person_by_name(name) is not None:
            raise PersonError(known)
        row = {"name": name, "organisation": organisation, "created_at": now, **person_keys(name)}
        # On PostgreSQL another `people add` of the name may have stored it since the look-up
        # above; then nothing is inserted here, and this one says so instead of "Added".
        added = self.insert("people", [row], unless_taken="name")
        if not added:
            raise PersonError(known)
        return Person(added[0], name, organisation)

    def insert_people(self, rows: Sequence[Mapping[str, Any]]) -> dict[str, int]:
        """New people by name -> id. A name another writer added a moment ago is theirs, as if
        it had been there first (people.name is unique)."""
        rows = [{**row, **person_keys(row["name"])} for row in rows]
        self.insert("people", rows, unless_taken="name")
        return self.people_ids([row["name"] for row in rows])

    def add_alias(self, person_id: int, alias: str) -> None:
        key = " ".join(alias.split()).casefold()
        owner = self.run("SELECT person_id FROM person_aliases WHERE alias = :a", {"a": key})
        if owner:
            if owner[0][0] == person_id:
                return
            other = self.get_person(owner[0][0])
            raise PersonError(
                _("'{alias}' is already an alias of {name}.").format(alias=alias, name=other.name)
            )
        self.insert("person_aliases", [{"person_id": person_id, "alias": key}])

    def merge_people(self, keep_id: int, other_id: int) -> None:
        """Move everything of `other` to `keep`; other's name becomes an alias."""
        other = self.get_person(other_id)
        owned = self.run("SELECT id FROM item_owners WHERE person_id = :p ORDER BY id", {"p": other_id})
        self.update("item_owners", {r[0]: {"person_id": keep_id} for r in owned})
        attended = self.delete("meeting_attendees", "person_id", [other_id])
        for meeting_id, _person, present in attended:
            self.add_attendance(meeting_id, [(keep_id, bool(present))])
        aliases = self.run("SELECT id FROM person_aliases WHERE person_id = :p ORDER BY id", {"p": other_id})
        self.update("person_aliases", {r[0]: {"person_id": keep_id} for r in aliases})
        self.delete("people", "id", [other_id])
        self.add_alias(keep_id, other.name)

    def forget_person(self, person_id: int, *, replacement: str) -> None:
        """Delete a person, their aliases and attendance; the items they owned keep an owner
        written as `replacement`. The undo journal is emptied: it holds old texts that name them."""
        if self.journal is not None:
            self.journal.stop()
        forget_all(self.run)
        owned = self.run("SELECT id FROM item_owners WHERE person_id = :p", {"p": person_id})
        self.update("item_owners", {r[0]: {"person_id": None, "organisation": replacement} for r in owned})
        self.delete("person_aliases", "person_id", [person_id])
        self.delete("meeting_attendees", "person_id", [person_id])
        self.delete("people", "id", [person_id])

    def rewrite_row(self, table: str, row_id: int | str, values: Mapping[str, Any]) -> None:
        """Replace texts of one row (the columns that can hold a name), as forgetting a person does."""
        allowed = _REWRITABLE[table]
        if not values or any(column not in allowed for column in values):
            raise ValueError(f"{sorted(values)} of {table} are not texts to rewrite")
        assignments = ", ".join(f"{column} = :{column}" for column in values)
        self.run(f"UPDATE {table} SET {assignments} WHERE id = :row_id", {**values, "row_id": row_id})

    def add_attendance(
        self, meeting_id: int, rows: Sequence[tuple[int, bool]], *, existing: bool = True
    ) -> None:
        """(person_id, present) of a meeting; the first word on a person stands, and so does
        what was stored before (`existing`: a new meeting has nothing stored)."""
        seen: set[int] = set()
        if existing:
            seen = {
                r[0]
                for r in self.run(
                    "SELECT person_id FROM meeting_attendees WHERE meeting_id = :m", {"m": meeting_id}
                )
            }
        new = []
        for person_id, present in rows:
            if person_id not in seen:
                seen.add(person_id)
                new.append({"meeting_id": meeting_id, "person_id": person_id, "present": present})
        self.insert_keyed("meeting_attendees", new)
