"""Who the names in minutes are, when they are imported.

The rules are people.Roster's, as for every name: a unique first name is enough, and so on.
What changes is what they run over: the few people of the database a name could mean
(known_people.KnownPeople), and the people the document itself adds. People new to the
database are collected while a document's names are resolved and written together with the
rest of its rows (storage/writes.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from actiontrack.i18n import _
from actiontrack.models import ExtractedItem, Owner, OwnerKind, Person
from actiontrack.people import SHOWN, Roster, best, close_matches, name_key, some_of, some_of_many
from actiontrack.usecases.known_people import NEAR, NEAR_CUTOFF, KnownPeople

if TYPE_CHECKING:
    from actiontrack.storage.writes import Writes

# Who a name is, asked before anything is stored: (the person's name, or None; the names it may be)
Check = Callable[[str], tuple[str | None, list[str]]]

# Which of several known people a name in the minutes means: (name, candidates) -> the chosen
# one, or None for a new person. Only asked at a terminal.
Choose = Callable[[str, list[Person]], Person | None]


class DocumentPeople:
    """The people of one document: known ones found, new ones collected until `store`.

    Nobody is made up: an attendee, or an owner named in full ("Anna Berg"), that nobody is
    called is a new person, as the minutes say; a bare first name ("Kjell") or a misspelt name
    ("Birgita") that matches nobody is kept as an owner not known yet (OwnerKind.UNRESOLVED),
    with a warning that names the near ones, until someone says who it is. `allowed`: names the
    user said are new people (an answer in the review)."""

    def __init__(
        self,
        known: KnownPeople,
        warnings: list[str],
        new_people: list[str],
        choose: Choose | None,
        unresolved: list[str] | None = None,
        allowed: frozenset[str] = frozenset(),
    ) -> None:
        self.known, self.warnings, self.new_people, self.choose = known, warnings, new_people, choose
        self.unresolved = unresolved if unresolved is not None else []
        self.allowed = {name_key(n) for n in allowed}
        self.chosen: dict[str, Person | None] = {}
        self.new: dict[str, str | None] = {}  # name -> organisation, in the order they were met
        self.organisations: dict[int, str] = {}  # known person -> the organisation the minutes give
        self.ids: dict[str, int] = {}

    def person(self, name: str, organisation: str | None = None, *, listed: bool = True) -> Person | None:
        """The person a name means; a new one for an attendee or a full name; None for an owner
        that is nobody known (kept as written)."""
        key = name_key(name)
        if key in self.chosen:
            return self.chosen[key]
        if self.choose is None and not listed and (crowd := self._crowd(name)):
            self.warnings.append(
                _(
                    "'{name}' could be {names}; kept as written until you say who it is (track check lists it)."
                ).format(name=name, names=crowd)
            )
            self._unknown(name)
            return None
        found, candidates = self._find(name)
        if found is None and candidates and self.choose is not None:
            found = self.choose(name, candidates)
            if found is None:
                self.allowed.add(key)  # "n": a new person, as the user said
        elif found is None and candidates and not listed:
            names = some_of((c.name for c in candidates), _(" or "))
            self.warnings.append(
                _(
                    "'{name}' could be {names}; kept as written until you say who it is (track check lists it)."
                ).format(name=name, names=names)
            )
            self._unknown(name)
            return None
        elif found is None and candidates:  # an attendee: the list names them, so they are someone
            names = some_of((c.name for c in candidates), _(" or "))
            self.warnings.append(
                _(
                    "'{name}' could be {names}; added as a new person. If it is one of them: "
                    'track people merge "{first}" "{name}".'
                ).format(name=name, names=names, first=sorted(c.name for c in candidates)[0])
            )
        if found is None:
            if not (listed or len(name.split()) > 1 or key in self.allowed):
                self._say_unknown(name)
                self._unknown(name)
                return None
            found = Person(None, " ".join(name.split()), organisation)
            self.new[found.name] = organisation
            self.new_people.append(found.name)
        elif organisation and found.id is None:
            self.new[found.name] = self.new[found.name] or organisation
        elif organisation:
            self.organisations.setdefault(found.id, organisation)  # type: ignore[arg-type]
        self.chosen[key] = found
        return found

    def _find(self, name: str) -> tuple[Person | None, list[Person]]:
        """The one person the name means, else the several it may mean."""
        key = name_key(name)
        found = self.known.named(name)  # a known person of exactly this name
        if found is not None:
            return found, []
        new = [Person(None, n, o) for n, o in self.new.items()]
        found = next((p for p in new if p.name.casefold() == key), None)
        if found is not None:
            return found, []
        # Roster's tiers over the known people and the new ones, as over both together
        tiers = self.known.tiers(name)
        if new and tiers:
            tiers = [k + n for k, n in zip(tiers, Roster(new).tiers(name), strict=True)]
        candidates = [c.person for c in best(tiers)]
        return (candidates[0], []) if len(candidates) == 1 else (None, candidates)

    def _crowd(self, name: str) -> str | None:
        """The names for the sentence on an owner's first name that more than SHOWN people share,
        the document's new people among them; None when it is not so."""
        crowd = self.known.crowded(name)
        if crowd is None:
            return None
        key = name_key(name)
        new = [n for n in self.new if name_key(n).split()[:1] == [key]]
        every = sorted({*crowd[1], *new})
        return some_of_many(every[:SHOWN], crowd[0] + len(new), _(" or "))

    def _unknown(self, name: str) -> None:
        written = " ".join(name.split())
        if written not in self.unresolved:
            self.unresolved.append(written)
        self.chosen[name_key(name)] = None
        return None

    def _say_unknown(self, name: str) -> None:
        close = self.closest(name)
        hint = _(" (did you mean {names}?)").format(names=_(" or ").join(close)) if close else ""
        self.warnings.append(
            _(
                "'{name}' is nobody known{hint}; kept as an owner not known yet until you say who it is: "
                "track edit ID --owner NAME (track check lists them)."
            ).format(name=name, hint=hint)
        )

    def closest(self, name: str) -> list[str]:
        """Known or new people whose name or first name is like a misspelt one ("Birgita"),
        among those whose name starts with the same letter."""
        key = name_key(name)
        known = self.known.forms(key[:1])
        forms: dict[str, set[str]] = {}  # the new people's
        for new in self.new:
            for form in {name_key(new), name_key(new).split()[0]}:
                if form[:1] == key[:1]:
                    forms.setdefault(form, set()).add(new)
        # the best of all are the best of the known ones' best and the new ones'
        out: list[str] = []
        for form in close_matches(key, {*self.known.near(key), *forms}, n=NEAR, cutoff=NEAR_CUTOFF):
            out += sorted((known.get(form, set()) | forms.get(form, set())) - set(out))
        return out[:NEAR]

    def prime(self, items: Sequence[ExtractedItem]) -> None:
        """The owners named in full first, wherever they stand: "Kjell" early in the minutes is
        the "Kjell Andersson" of a later table, not a second person."""
        for item in items:
            for owner in item.owners:
                if owner.kind is OwnerKind.PERSON and len(owner.name.split()) > 1:
                    self.person(owner.name, listed=False)

    def owners(self, owners: Sequence[Owner]) -> list[Owner]:
        out = []
        for owner in owners:
            if owner.kind is OwnerKind.UNRESOLVED:
                self._unknown(owner.name)
                out.append(owner)
            elif owner.kind is OwnerKind.ORGANISATION:
                out.append(self._organisation(owner))
            else:
                person = self.person(owner.name, listed=False)
                if person is None:
                    out.append(Owner(" ".join(owner.name.split()), OwnerKind.UNRESOLVED))
                else:
                    out.append(Owner(person.name, OwnerKind.PERSON, person.id))
        return out

    def _organisation(self, owner: Owner) -> Owner:
        """An organisation as written; a capitalised word that is a known person's first name
        ("Greta", not among the minutes' attendees, beside Greta Ahl) is that person, as any
        owner; one like a person's name ("Birgita" beside Birgitta Holm) is a misspelt name,
        kept as not known yet."""
        word = owner.name.strip()
        if " " in word or not word[:1].isupper() or word.isupper():
            return owner
        found, candidates = self._find(word)
        if found is not None or candidates:
            person = self.person(word, listed=False)
            return (
                Owner(word, OwnerKind.UNRESOLVED)
                if person is None
                else Owner(person.name, OwnerKind.PERSON, person.id)
            )
        if not self.closest(word):
            return owner
        if name_key(word) not in self.chosen:
            self._say_unknown(word)
        self._unknown(word)
        return Owner(word, OwnerKind.UNRESOLVED)

    def store(self, imports: Writes, stamp: str) -> None:
        """Add the new people; give known ones without an organisation the one the minutes give."""
        self.ids = imports.insert_people(
            [{"name": n, "organisation": o, "created_at": stamp} for n, o in self.new.items()]
        )
        current = imports.organisations(list(self.organisations))
        imports.update(
            "people", {p: {"organisation": o} for p, o in self.organisations.items() if not current.get(p)}
        )

    def id_of(self, person: Person | Owner) -> int:
        found = person.id if isinstance(person, Person) else person.person_id
        return found if found is not None else self.ids[person.name]


class NameCheck:
    """Who a name in the review is (found in the minutes or typed), before anything is stored:
    the people known and the minutes' attendees, by the rules of an import."""

    def __init__(self, known: KnownPeople, attendees: Sequence[tuple[str, str | None]]) -> None:
        self.people = DocumentPeople(known, [], [], None)
        for name, organisation in attendees:
            self.people.person(name, organisation)

    def __call__(self, name: str) -> tuple[str | None, list[str]]:
        found, candidates = self.people._find(name)
        if found is not None:
            return found.name, []
        if candidates:
            return None, sorted(c.name for c in candidates)
        return None, self.people.closest(name)
