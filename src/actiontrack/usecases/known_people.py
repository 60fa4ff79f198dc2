"""The people of the database the names of an import may mean, read name by name.

Import built a Roster of everybody in the database for each document, then read everybody
once per `track import`; at 30,000 people that alone was a third of a second. KnownPeople asks
the database, name by name, for the people a name could mean, by the indexed keys every
person is stored with (the whole name, the first and last name, the initials, the aliases:
migration m004), and keeps what it read for the documents of the import; before each
document it adds the people added since to the keys read so far. A name is then matched
against the few people it could mean: the same answer as against everybody, because the keys
find every person any of Roster's rules could match.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from actiontrack.models import Person
from actiontrack.names_sv import first_name_forms
from actiontrack.people import Match, Roster, StoredRoster, best, close_matches, initials, name_key

if TYPE_CHECKING:
    from actiontrack.storage.people_reads import PeopleReads

NEAR, NEAR_CUTOFF = 3, 0.8  # the near names a warning gives, and how near


def _looks_like_initials(name: str) -> bool:
    return 2 <= len(name) <= 3 and name.isupper() and name.isalpha()  # as Roster.candidates reads them


Key = tuple[str, str]  # ("first", "sara"): a kind of storage/people_reads.people_by_keys, a value


def _keys(person: Person) -> list[Key]:
    """The keys a person is found by, as person_keys stores them (storage/people_writes.py)."""
    words = name_key(person.name).split()
    keys = [("name", " ".join(words))]
    if words:
        keys += [("first", words[0]), ("last", words[-1]), ("last first", f"{words[-1]} {words[0]}")]
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
        self._crowds: dict[str, tuple[int, list[str]] | None] = {}  # a first name -> crowded()
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
        for kept in (
            self.people,
            self._index,
            self._forms,
            self._around,
            self._tiers,
            self._users,
            self._crowds,
        ):
            kept.clear()
        self._near.clear()

    def between(self, reads: PeopleReads) -> None:
        """The names asked from now on are read by `reads` (a transaction of their own: names
        typed in a review, after the transaction of `refresh` ended), until the next refresh."""
        self._reads = reads

    def _add(self, person: Person) -> None:
        """Someone added since the keys were read: into each key read that finds them."""
        self._crowds.pop(name_key(person.name).split()[0] if person.name.split() else "", None)
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

    def crowded(self, name: str) -> tuple[int, list[str]] | None:
        """StoredRoster.crowd of the name ("Per" in a shared database of a thousand Pers), kept
        for the import until someone of that first name is added."""
        key = name_key(name)
        if key not in self._crowds:
            if self._reads is None:
                raise RuntimeError("KnownPeople.refresh first")
            self._crowds[key] = StoredRoster(self._reads).crowd(name)
        return self._crowds[key]

    def around(self, name: str) -> list[Person]:
        """Everybody Roster could match the name with, and maybe a few more; by name."""
        if name in self._around:
            return self._around[name]
        key = name_key(name)
        if not key:
            return []
        words, dotted = key.split(), key.replace(".", " ").split() or [key]
        keys = [("name", key), ("alias", key)]
        # a first name alone ("Per") or with an initial ("Anna B.") is matched by first name, a
        # word alone also as a surname; a whole name only by itself, an alias or its surname with
        # a form of its first name ("Bosse Pettersson": Bo Pettersson), not every Per or Pettersson
        if len(words) == 1 or (len(dotted) == 2 and len(dotted[1]) == 1):
            keys.append(("last", words[-1]))
            for first in dict.fromkeys([words[0], dotted[0]]):
                keys += [("first", form) for form in sorted(first_name_forms(first) | {first})]
        else:
            keys += [("last first", f"{words[-1]} {form}") for form in sorted(first_name_forms(words[0]))]
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
            for name, key, first in self._reads.names_starting(initial):  # the keys person_keys stored
                for form in {key, first}:
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
        """The one person the name means, or None (Roster.find over everybody). A first name that
        more than ten share and nobody is called just so means nobody in particular: said without
        matching the thousand Pers of a shared database one by one."""
        if self.crowded(name) is not None:
            return None
        found = best(self.tiers(name))
        return found[0].person if len(found) == 1 else None
