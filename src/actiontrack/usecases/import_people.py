"""Who the names in minutes are, when they are imported.

The rules are people.Roster's, as for every name: a unique first name is enough, and so on.
What changes is what they run over. Import built a Roster of everybody in the database for
each document, then read everybody once per `track import`; at 30,000 people that alone
was a third of a second. KnownPeople asks the database, name by name, for the people a
name could mean, by the indexed keys every person is stored with (the whole name, the
first and last name, the initials, the aliases: migration m004), and keeps what it read for
the documents of the import; before each document it adds the people added since to the
keys read so far. A name is then matched against the few people it could mean: the same
answer as against everybody, because the keys find every person any of Roster's rules
could match.

People new to the database are collected while a document's names are resolved and
written together with the rest of its rows (storage/writes.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from actiontrack.i18n import _
from actiontrack.models import ExtractedItem, Owner, OwnerKind, Person
from actiontrack.names_sv import first_name_forms
from actiontrack.people import Match, Roster, best, close_matches, initials, name_key

if TYPE_CHECKING:
    from actiontrack.storage.people_reads import PeopleReads
    from actiontrack.storage.writes import Writes

# Who a name is, asked before anything is stored: (the person's name, or None; the names it may be)
Check = Callable[[str], tuple[str | None, list[str]]]

# Which of several known people a name in the minutes means: (name, candidates) -> the chosen
# one, or None for a new person. Only asked at a terminal.
Choose = Callable[[str, list[Person]], Person | None]


NEAR, NEAR_CUTOFF = 3, 0.8  # the near names a warning gives, and how near


def _looks_like_initials(name: str) -> bool:
    return 2 <= len(name) <= 3 and name.isupper() and name.isalpha()  # as Roster.candidates reads them


Key = tuple[str, str]  # ("first", "sara"): a kind of storage/people_reads.people_by_keys, a value


def _keys(person: Person) -> list[Key]:
    """The keys a person is found by, as person_keys stores them (storage/people_writes.py)."""
    words = name_key(person.name).split()
    keys = [("name", " ".join(words))] + ([("first", words[0]), ("last", words[-1])] if words else [])
    if found := initials(person.name):
        keys.append(("initials", found))
    return keys + [("alias", name_key(alias)) for alias in person.aliases]


class KnownPeople:
    """The people of the database an import's names may mean, for the documents of one import.

    Read name by name from the indexed keys of migration m004 (storage/people_reads.py,
    people_by_keys), not everybody at the start: "Sara" reads the people whose first name is
    Sara or a form of it, once per import, however many documents name her. A key read is
    kept whole (every person it finds), so what the documents of the import add is added to
    the keys read so far (the people with ids above the last seen, at each document's
    `refresh`); a merge, a forgotten person or a new alias forgets them all."""

    def __init__(self) -> None:
        self.signature: tuple[Any, ...] | None = None
        self.people: dict[int, Person] = {}  # those found so far
        self._index: dict[Key, set[int]] = {}  # ("first", "sara") -> everybody it finds, for the keys read
        # whole names and first names by their first letter -> the people's names: what a
        # misspelt name is compared with ("Birgita"), not everybody; read for a letter when asked
        self._forms: dict[str, dict[str, set[str]]] = {}
        # what was worked out from the keys read, per name, until a key it used gains someone
        self._around: dict[str, list[Person]] = {}
        self._tiers: dict[str, list[list[Match]]] = {}
        self._users: dict[Key, set[str]] = {}  # a key -> the names worked out from it
        self._near: dict[str, dict[str, list[str]]] = {}  # a letter -> a name -> the known names like it
        self._reads: PeopleReads | None = None

    def refresh(self, reads: PeopleReads) -> None:
        """Up to date with the database, at the start of a document's transaction; the names
        asked from now on are read in it."""
        self._reads = reads
        signature = reads.people_signature()
        if signature == self.signature:
            return
        old, self.signature = self.signature, signature
        if not (self._index or self._forms):
            return  # nothing read yet
        if old is not None and signature[2:] == old[2:] and (signature[1] or 0) >= (old[1] or 0):
            added = reads.people_after(old[1] or 0)
            if signature[0] - old[0] == len(added):  # nobody removed: only those added since
                for person_id, name, organisation in added:
                    self._add(Person(person_id, name, organisation))
                return
        self._forget()

    def _forget(self) -> None:
        for kept in (self.people, self._index, self._forms, self._around, self._tiers, self._users):
            kept.clear()
        self._near.clear()

    def between(self, reads: PeopleReads) -> None:
        """The names asked from now on are read by `reads` (a transaction of their own: names
        typed in a review, after the transaction of `refresh` ended), until the next refresh."""
        self._reads = reads

    def _add(self, person: Person) -> None:
        """Someone added since the keys were read: into each key read that finds them."""
        for key in _keys(person):
            if key in self._index:
                self._index[key].add(person.id)  # type: ignore[arg-type]
                self.people[person.id] = person  # type: ignore[index]
                for name in self._users.pop(key, ()):
                    self._around.pop(name, None)
                    self._tiers.pop(name, None)
        words = name_key(person.name).split()
        letter = words[0][:1] if words else ""
        if letter in self._forms:
            for form in {" ".join(words), words[0]}:
                self._forms[letter].setdefault(form, set()).add(person.name)
            self._near.pop(letter, None)

    def _read(self, keys: list[Key]) -> None:
        """The keys not read yet, in one statement."""
        missing = [k for k in dict.fromkeys(keys) if k not in self._index]
        if not missing:
            return
        if self._reads is None:
            raise RuntimeError("KnownPeople.refresh first")
        for key in missing:
            self._index[key] = set()
        for n, person in self._reads.people_by_keys(missing):
            self._index[missing[n]].add(person.id)  # type: ignore[arg-type]
            self.people.setdefault(person.id, person)  # type: ignore[arg-type]

    def around(self, name: str) -> list[Person]:
        """Everybody Roster could match the name with, and maybe a few more; by name."""
        if name in self._around:
            return self._around[name]
        key = name_key(name)
        if not key:
            return []
        words, dotted = key.split(), key.replace(".", " ").split() or [key]
        keys = [("name", key), ("alias", key), ("last", words[-1])]
        for first in dict.fromkeys([words[0], dotted[0]]):
            keys += [("first", form) for form in sorted(first_name_forms(first) | {first})]
        if _looks_like_initials(name):  # "LR": Roster's last resort
            keys.append(("initials", name))
        self._read(keys)
        for k in keys:
            self._users.setdefault(k, set()).add(name)
        ids = set().union(*(self._index[k] for k in keys))
        found = self._around[name] = sorted((self.people[i] for i in ids), key=lambda p: p.name)
        return found

    def tiers(self, name: str) -> list[list[Match]]:
        """Roster.tiers of the name over everybody (over `around`, which is the same)."""
        if name not in self._tiers:
            self._tiers[name] = Roster(self.around(name)).tiers(name)
        return self._tiers[name]

    def forms(self, initial: str) -> dict[str, set[str]]:
        """The whole and first names starting with a letter (case-folded) -> the people so called."""
        if not initial:
            return {}
        if initial not in self._forms:
            if self._reads is None:
                raise RuntimeError("KnownPeople.refresh first")
            forms: dict[str, set[str]] = {}
            for name in self._reads.names_starting(initial):
                words = name_key(name).split()
                for form in {" ".join(words), words[0]} if words else ():
                    if form[:1] == initial:
                        forms.setdefault(form, set()).add(name)
            self._forms[initial] = forms
        return self._forms[initial]

    def near(self, key: str) -> list[str]:
        """The whole or first names of known people most like a case-folded name (the best
        NEAR of those starting with its letter), as DocumentPeople.closest compares them."""
        letter = key[:1]
        if not letter:
            return []
        forms = self.forms(letter)
        near = self._near.setdefault(letter, {})
        if key not in near:
            near[key] = close_matches(key, forms, n=NEAR, cutoff=NEAR_CUTOFF)
        return near[key]

    def named(self, name: str) -> Person | None:
        """The person of exactly this name (in any case), found by the index alone: a name in the
        minutes is usually a known person's whole name, and a thousand others may share its
        first name."""
        key = name_key(name)
        self._read([("name", key)])
        exact = [p for i in self._index["name", key] if (p := self.people[i]).name.casefold() == key]
        return min(exact, key=lambda p: p.name) if exact else None

    def find(self, name: str) -> Person | None:
        """The one person the name means, or None (Roster.find over everybody)."""
        found = best(self.tiers(name))
        return found[0].person if len(found) == 1 else None


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
        found, candidates = self._find(name)
        if found is None and candidates and self.choose is not None:
            found = self.choose(name, candidates)
            if found is None:
                self.allowed.add(key)  # "n": a new person, as the user said
        elif found is None and candidates and not listed:
            names = _(" or ").join(sorted(c.name for c in candidates))
            self.warnings.append(
                _(
                    "'{name}' could be {names}; kept as written until you say who it is (track check lists it)."
                ).format(name=name, names=names)
            )
            self._unknown(name)
            return None
        elif found is None and candidates:  # an attendee: the list names them, so they are someone
            names = _(" or ").join(sorted(c.name for c in candidates))
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
        """An organisation as written; a capitalised word like a person's name ("Birgita" beside
        Birgitta Holm) is a misspelt name, kept as not known yet."""
        word = owner.name.strip()
        if " " in word or not word[:1].isupper() or word.isupper() or not self.closest(word):
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
