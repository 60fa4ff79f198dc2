"""Personal data: everything stored about a person (`track person export`), and forgetting
them (`track person forget`).

Names, e-mail addresses and phone numbers of the people in the minutes are personal data;
the group keeps its items, not the person. Both commands go through the same `_Plan`, so
what the export hands out is exactly what forgetting rewrites, and nothing else:

- the full name and aliases, in any case, everywhere;
- the surname alone ("kontakta Öberg"), written as a name (capitalised or in capitals),
  everywhere, when nobody else known has that surname or first name;
- the first name or a nickname alone ("Kerstin ringer"), written as a name, only in the
  person's own items and at the meetings they attended, and only when nobody else known
  goes by the same first name: "per månad" and "bo kvar" are words, and "Bo" is Bo
  Pettersson's as much as anybody's;
- a name that is also a Swedish word (Per, Bo, Sten, Berg, Lund, ...) counts at the start of
  a sentence only in the person's own items, where the extractor resolved it to them:
  "Per månad ..." elsewhere is a word;
- an e-mail address whose local part is their name ("kerstin.oberg@..."), and an e-mail
  address or phone number written right after a mention of them.

Every stored text is read in full, in Python: LIKE in SQL ignores case only for ASCII on
SQLite and not at all on PostgreSQL, and a history note is JSON in which a newline before
a name is written as the two characters backslash and n.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from actiontrack.i18n import _
from actiontrack.models import Item, Meeting, Person
from actiontrack.records import field, record
from actiontrack.usecases.mentions import (  # noqa: F401 - the names of a mention, used from here too
    ELSEWHERE,
    NEARBY,
    OWN,
    REMOVED,
    REMOVED_CONTACT,
    WORD_NAMES,
    Names,
    Scope,
)
from actiontrack.usecases.people import find_person

if TYPE_CHECKING:
    from actiontrack.storage.reads import Reads
    from actiontrack.storage.writes import Writes

# --- what is stored about them, and what forgetting them changes -------------------------------------


@record
class _Change:
    table: str
    row_id: int | str
    values: dict[str, Any]


@record
class _Plan:
    names: Names
    owned_ids: set[int]
    mentioned_ids: list[int]
    meetings_naming: set[int]
    changes: list[_Change]


def _meetings_naming(repo: Reads, names: Names, attended: set[int], changes: list[_Change]) -> set[int]:
    """The changes to meetings' and groups' texts (added to `changes`); the meetings that named them."""
    meetings_naming: set[int] = set()
    for m in repo.list_meetings():
        here = m.id in attended
        scope = Scope(first_name=here, initial=True)  # a title or place is no sentence
        new = {
            "title": names.scrub(m.title, scope),
            "place": names.scrub(m.place, scope),
            "secretary": names.scrub(m.secretary, OWN),  # a bare name: "/Margareta"
            "source_path": names.scrub_path(m.source_path, attended=here),
        }
        old = {"title": m.title, "place": m.place, "secretary": m.secretary, "source_path": m.source_path}
        new = {k: v for k, v in new.items() if v != old[k]}
        if new:
            changes.append(_Change("meetings", m.id, new))
            meetings_naming.add(m.id)
    group_names = {g.name.casefold() for g in repo.groups()}
    for g in repo.groups():
        label = Scope(first_name=False, initial=True)
        name, place = names.scrub(g.name, label) or g.name, names.scrub(g.place, label)
        new_values: dict[str, Any] = {}
        if name != g.name:
            unique, n = name, 1
            while unique.casefold() in group_names:
                n += 1
                unique = f"{name} ({n})"
            group_names.add(unique.casefold())
            new_values["name"] = unique
        if place != g.place:
            new_values["place"] = place
        if new_values:
            changes.append(_Change("groups", g.id, new_values))
            meetings_naming |= {m.id for m in repo.list_meetings(g.name)}
    return meetings_naming


def _plan(repo: Reads, person: Person) -> _Plan:
    names = Names.of(person, [p for p in repo.list_people() if p.id != person.id])
    attended = {m.id for m, _ in repo.meetings_of(person.id)}  # type: ignore[arg-type]
    owned = set(repo.item_ids_owned_by(person.id))  # type: ignore[arg-type]
    changes: list[_Change] = []
    meeting_of: dict[int, int | None] = {}
    mentioned: set[int] = set()

    def scope_of(item_id: int) -> Scope:
        if item_id in owned:
            return OWN
        return NEARBY if meeting_of.get(item_id) in attended else ELSEWHERE

    for item_id, meeting_id, *texts in repo.item_texts():
        meeting_of[item_id] = meeting_id
        scope = scope_of(item_id)
        new = {}
        for column, value in zip(("text", "source", "topic"), texts, strict=True):
            scrubbed = names.scrub(value, scope)
            if scrubbed != value:
                new[column] = scrubbed
        if new:
            changes.append(_Change("items", item_id, new))
            mentioned.add(item_id)
    for entry_id, item_id, detail in repo.history_details():
        scrubbed = names.scrub_json(detail, scope_of(item_id))
        if scrubbed != detail:
            changes.append(_Change("item_history", entry_id, {"detail": scrubbed}))
            mentioned.add(item_id)
    for owner_id, item_id, organisation in repo.organisation_owners():
        scrubbed = names.scrub(organisation, scope_of(item_id))
        if scrubbed != organisation:
            changes.append(_Change("item_owners", owner_id, {"organisation": scrubbed}))
            mentioned.add(item_id)
    meetings_naming = _meetings_naming(repo, names, attended, changes)
    for row_id, place in repo.scheduled_places():
        scrubbed = names.scrub(place, Scope(first_name=False, initial=True))
        if scrubbed != place:
            changes.append(_Change("scheduled_meetings", row_id, {"place": scrubbed}))
    for other in repo.list_people():  # "Kerstin Öbergs enhet" as somebody else's organisation
        scrubbed = names.scrub(other.organisation, Scope(first_name=False, initial=True))
        if other.id != person.id and scrubbed != other.organisation:
            changes.append(_Change("people", other.id, {"organisation": scrubbed}))  # type: ignore[arg-type]
    return _Plan(names, owned, sorted(mentioned - owned), meetings_naming, changes)


@record
class PersonData:
    person: Person
    meetings: list[tuple[Meeting, bool]]
    owned: list[Item]
    mentioned: list[Item]
    secretary_of: list[Meeting]
    meetings_naming_them: list[Meeting] = field(default_factory=list)
    left_ambiguous: list[str] = field(default_factory=list)  # names shared with others, left as written
    renamed_groups: dict[str, str] = field(default_factory=dict)  # a group named after them: old -> new


def person_data(repo: Reads, name: str) -> PersonData:
    """Everything stored about a person: items owned, items and notes that name them, meetings."""
    person = find_person(repo, name)
    return _data(repo, person, _plan(repo, person))


def _data(repo: Reads, person: Person, plan: _Plan) -> PersonData:
    meetings = repo.meetings_of(person.id)  # type: ignore[arg-type]
    secretary_changed = {c.row_id for c in plan.changes if c.table == "meetings" and "secretary" in c.values}
    return PersonData(
        person,
        meetings,
        owned=[repo.get_item(i) for i in sorted(plan.owned_ids)],
        mentioned=[repo.get_item(i) for i in plan.mentioned_ids],
        secretary_of=[m for m in repo.list_meetings() if m.id in secretary_changed],
        meetings_naming_them=[m for m in repo.list_meetings() if m.id in plan.meetings_naming],
        left_ambiguous=plan.names.left_ambiguous,
        renamed_groups={
            g.name: new["name"]
            for g in repo.groups()
            for c in plan.changes
            if c.table == "groups" and c.row_id == g.id and (new := c.values).get("name")
        },
    )


def forget_person(repo: Writes, name: str, *, now: datetime) -> PersonData:
    """Remove a person and rewrite every stored text that names them; keep the items.

    The items they owned keep an owner called "removed person". The caller cleans the
    database file afterwards so that no deleted page keeps the name (storage.maintenance.purge).
    """
    from actiontrack.storage.maintenance import CLEANUP_PENDING
    from actiontrack.usecases.common import timestamp

    person = find_person(repo, name)
    plan = _plan(repo, person)
    data = _data(repo, person, plan)
    for change in plan.changes:
        repo.rewrite_row(change.table, change.row_id, change.values)
    repo.forget_person(person.id, replacement=_(REMOVED))  # type: ignore[arg-type]
    repo.set_setting(CLEANUP_PENDING, timestamp(now))  # until purge() has cleaned the file
    return data
