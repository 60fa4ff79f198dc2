"""People: add, alias, merge, and which person a name in an item means."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from actiontrack.errors import InputError, PersonError
from actiontrack.i18n import _
from actiontrack.models import Owner, OwnerKind, Person
from actiontrack.people import Roster, StoredRoster
from actiontrack.usecases.common import Confirm, timestamp

TYPE_CHECKING = False  # typing costs a command's start 3-4 ms
if TYPE_CHECKING:
    from actiontrack.storage.reads import Reads
    from actiontrack.storage.writes import Writes


def resolve_owner(
    repo: Writes, roster: Roster, name: str, *, now: datetime, confirm: Confirm | None = None
) -> Owner:
    """A person the name means among those known; an organisation when written in lower case.

    An unknown person is added only when `confirm` says so; otherwise, and when the
    name is ambiguous, PersonError says what to do. Never a silent guess.
    """
    name = " ".join(name.split())
    if not name:
        raise InputError(_("An owner needs a name."))
    matches = roster.candidates(name)
    if len(matches) == 1:
        person = matches[0].person
        return Owner(person.name, OwnerKind.PERSON, person.id)
    if matches:
        roster.resolve(name)  # raises the "could be any of" sentence
    if name[:1].islower():
        return Owner(name, OwnerKind.ORGANISATION)
    if confirm is not None and confirm(
        _("'{name}' is not known. Add {name} as a new person?").format(name=name)
    ):
        person = repo.add_person(name, None, timestamp(now))
        roster.add(person)
        return Owner(person.name, OwnerKind.PERSON, person.id)
    roster.resolve(name)  # raises the "nobody called" sentence
    raise AssertionError("unreachable")


def owners_from_subject(
    repo: Writes, roster: Roster, subject: str, *, now: datetime, confirm: Confirm | None
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


def add_person(
    repo: Writes,
    name: str,
    organisation: str | None,
    aliases: Sequence[str],
    now: datetime,
    warnings: list[str] | None = None,
) -> Person:
    """Add a person; a warning when the name already means someone else ("Bosse" is Bo Pettersson)."""
    already = [m.person.name for m in StoredRoster(repo).candidates(name) if m.how != "surname"]
    person = repo.add_person(name, organisation, timestamp(now))
    if already and warnings is not None:
        warnings.append(
            _(
                "'{name}' meant {before} until now; from now on it means {person}. "
                'If they are the same person: track people merge "{first}" "{person}".'
            ).format(name=name, before=_(" or ").join(already), person=person.name, first=already[0])
        )
    for alias in aliases:
        repo.add_alias(person.id, alias)  # type: ignore[arg-type]
    return repo.get_person(person.id)  # type: ignore[arg-type]


def find_person(repo: Reads, name: str) -> Person:
    return StoredRoster(repo).resolve(name)


def add_alias(repo: Writes, name: str, alias: str) -> Person:
    person = find_person(repo, name)
    other = StoredRoster(repo).candidates(alias)
    if other and other[0].how in ("name", "alias") and other[0].person.id != person.id:
        raise PersonError(_("'{alias}' already means {name}.").format(alias=alias, name=other[0].person.name))
    repo.add_alias(person.id, alias)  # type: ignore[arg-type]
    return repo.get_person(person.id)  # type: ignore[arg-type]


def merge_people(repo: Writes, keep: str, other: str) -> Person:
    kept, merged = find_person(repo, keep), find_person(repo, other)
    if kept.id == merged.id:
        raise InputError(_("'{keep}' and '{other}' are the same person.").format(keep=keep, other=other))
    repo.merge_people(kept.id, merged.id)  # type: ignore[arg-type]
    return repo.get_person(kept.id)  # type: ignore[arg-type]
