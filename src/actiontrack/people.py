"""Who a name means: full names, first names, aliases and Swedish nicknames.

A Roster is the set of people a name can resolve to: the attendees of one
document for the extractor, everybody in the database for `track add`. The
rules are the same for both, and they live here.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from actiontrack.errors import PersonError
from actiontrack.i18n import _, ngettext
from actiontrack.models import Person
from actiontrack.names_sv import FIRST_NAMES, first_name_forms, formal_forms
from actiontrack.records import record

SHOWN = 10  # the people an ambiguous name lists by name


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """A name as it is compared: spaces collapsed, composed, case-folded (kept for the names of a
    database of thousands of people, compared again for each name of each document)."""
    return composed(" ".join(text.split())).casefold()


@lru_cache(maxsize=65536)
def _words(key: str) -> list[str]:
    return key.split()  # (the callers only read it)


def close_matches(key: str, forms: Iterable[str], n: int, cutoff: float) -> list[str]:
    """difflib.get_close_matches of `key` among `forms`, but only over forms of a length that can
    reach `cutoff` (the ratio is at most 2 * shorter / (both lengths)): the same answer, without
    comparing a name with the thousands that cannot match it."""
    from difflib import get_close_matches

    k = len(key)
    near = [f for f in forms if 2 * min(k, len(f)) >= cutoff * (k + len(f))]
    return get_close_matches(key, near, n=n, cutoff=cutoff)


def composed(text: str) -> str:
    """A name in Unicode's composed form (NFC): "Ö" typed or pasted decomposed, as some Mac and
    web sources write it, is the same name as "Ö" written as one character."""
    if text.isascii():
        return text
    from unicodedata import normalize

    return normalize("NFC", text)


def _first_and_initial(key: str, parts: list[str]) -> bool:
    words = key.replace(".", " ").split()
    return (
        len(words) == 2
        and len(words[1]) == 1
        and len(parts) > 1
        and parts[0] in first_name_forms(words[0])
        and parts[-1].startswith(words[1])
    )


def initials(full_name: str) -> str:
    return "".join(part[0] for part in full_name.replace("-", " ").split() if part[:1].isupper()).upper()


def first_name(full_name: str) -> str:
    return full_name.split()[0] if full_name.split() else full_name


def looks_like_first_name(word: str) -> bool:
    return word.casefold() in FIRST_NAMES


def best(tiers: list[list[Match]]) -> list[Match]:
    """The best kind of match of Roster.tiers (or of the tiers of several rosters, joined)."""
    return next((tier for tier in tiers if tier), [])


@record(frozen=True)
class Match:
    person: Person
    how: str  # "name", "alias", "first name", "nickname", "surname"


class Roster:
    """People a name can refer to, with the lookups Swedish minutes need."""

    def __init__(self, people: Iterable[Person]) -> None:
        self.people = list(people)

    def add(self, person: Person) -> None:
        """A person added while the roster is in use (`add --owner` a new name)."""
        self.people.append(person)

    def candidates(self, name: str) -> list[Match]:
        """Everybody the name may mean, best kind of match first; ties are returned together."""
        return best(self.tiers(name))

    def tiers(self, name: str) -> list[list[Match]]:
        """Everybody the name may mean, by kind of match, best first (`best` picks): the whole
        name, an alias, the first name, a form of it, the surname or a first name and initial;
        last, initials ("Ansvarig: LR"), read only when nothing else matches. Each person's
        kind depends on them alone, so the tiers of two rosters joined are theirs joined."""
        key = name_key(name)
        if not key:
            return []
        tiers: list[list[Match]] = [[], [], [], [], [], []]
        one_word = " " not in key
        forms = first_name_forms(key) if one_word else set()
        for person in self.people:
            full = name_key(person.name)
            parts = _words(full)
            if key == full:
                tiers[0].append(Match(person, "name"))
            elif person.aliases and key in (name_key(a) for a in person.aliases):
                tiers[1].append(Match(person, "alias"))
            elif one_word and parts and key == parts[0]:
                tiers[2].append(Match(person, "first name"))
            elif one_word and parts and parts[0] in forms:
                tiers[3].append(Match(person, "nickname"))
            elif (
                " " in key
                and len(parts) > 1
                and key.split()[-1] == parts[-1]
                and (key.split()[0] in formal_forms(parts[0]) or parts[0] in formal_forms(key.split()[0]))
            ):
                tiers[3].append(Match(person, "nickname"))  # "Bosse Pettersson" -> "Bo Pettersson"
            elif " " not in key and len(parts) > 1 and key == parts[-1]:
                tiers[4].append(Match(person, "surname"))
            elif _first_and_initial(key, parts):
                tiers[4].append(Match(person, "first name and initial"))  # "Anna B." -> Anna Berg
        if not any(tiers) and 2 <= len(name) <= 3 and name.isupper() and name.isalpha():  # "Ansvarig: LR"
            tiers[5] = [Match(p, "initials") for p in self.people if initials(p.name) == name]
        return tiers

    def find(self, name: str) -> Person | None:
        """The one person the name means, or None when nobody or several."""
        found = self.candidates(name)
        return found[0].person if len(found) == 1 else None

    def closest(self, name: str, n: int = 3) -> list[str]:
        """The names most like a misspelt one ("Lief" -> Leif Redestig), by full or first name."""
        key = name_key(name)
        by_form: dict[str, set[str]] = {}
        for person in self.people:
            for form in {name_key(person.name), name_key(first_name(person.name))}:
                by_form.setdefault(form, set()).add(person.name)
        out: list[str] = []
        for form in close_matches(key, by_form, n=n, cutoff=0.7):
            out.extend(sorted(by_form[form] - set(out)))
        return out[:n]

    def resolve(self, name: str) -> Person:
        """The one person the name means; PersonError with a helpful sentence otherwise."""
        found = self.candidates(name)
        if len(found) == 1:
            return found[0].person
        if not found:
            example = name if " " in name else _("{name} Surname").format(name=name)
            close = self.closest(name)
            hint = _(" (closest: {names})").format(names=", ".join(close)) if close else ""
            raise PersonError(
                _(
                    "Nobody called '{name}' is known{hint}. Add them first: track people add \"{example}\"."
                ).format(name=name, hint=hint, example=example)
            )
        raise ambiguous(name, found)


def ambiguous(name: str, found: Iterable[Match]) -> PersonError:
    """The sentence for a name several people have: ten of them, and how many others."""
    every = sorted(m.person.name for m in found)
    return _ambiguous(name, every[:SHOWN], len(every))


def _ambiguous(name: str, first: list[str], total: int) -> PersonError:
    names = some_of_many(first, total, ", ")
    return PersonError(
        _("'{name}' could be any of: {names}. Give the full name.").format(name=name, names=names)
    )


def some_of(names: Iterable[str], joiner: str) -> str:
    """People's names for a sentence, by name: all of them joined by `joiner` (", ", " or "), or,
    when a shared database has a thousand Leifs, the first SHOWN and how many others."""
    every = sorted(names)
    return some_of_many(every[:SHOWN], len(every), joiner)


def some_of_many(first: list[str], total: int, joiner: str) -> str:
    """The names `first` (the first, by name, of `total` people's) for a sentence: all of them
    joined by `joiner`, or followed by how many others."""
    if total <= len(first):
        return joiner.join(first)
    rest = total - len(first)
    return ngettext("{names} and {n} other", "{names} and {n} others", rest).format(
        names=", ".join(first), n=rest
    )


TYPE_CHECKING = False  # typing costs a command's start 3-4 ms
if TYPE_CHECKING:
    from typing import Protocol

    class PeopleStore(Protocol):
        def people_called(self, name: str) -> list[Person]: ...
        def people_named(self, name: str) -> list[Person]: ...
        def sharing_first_name(self, key: str, n: int) -> tuple[int, list[str]]: ...
        def person_names(self) -> list[str]: ...


class StoredRoster(Roster):
    """Everybody in the database, asked name by name: the store finds the few people a name
    may mean by indexed keys (storage/reads.people_named) and the Roster rules decide among
    them, so the answers are those of Roster(every person) without reading every person
    (at a million items that took `track add` 200 ms). Only the sentence for a
    name nobody has reads all the names, to say which are closest."""

    def __init__(self, store: PeopleStore) -> None:
        super().__init__(())
        self.store = store

    def add(self, person: Person) -> None:
        pass  # in the store already: the next lookup finds them

    def candidates(self, name: str) -> list[Match]:
        name = composed(name)
        # Somebody of this very name or alias is the answer whoever else shares the first name:
        # asked first, `--owner "Anna Berg"` reads one person, not every Anna and every Berg.
        exact = Roster(self.store.people_called(name)).candidates(name)
        return exact or Roster(self.store.people_named(name)).candidates(name)

    def crowd(self, name: str) -> tuple[int, list[str]] | None:
        """How many people have this one-word name as their first name, and the first SHOWN of
        their names by name, when they are more than SHOWN and nobody is called just so or has it
        as an alias ("Leif" in a shared database of a thousand Leifs): counted in the index,
        not read and matched one by one; else None."""
        key = name_key(name)
        if not key or " " in key or self.store.people_called(name):
            return None
        count, first = self.store.sharing_first_name(key, SHOWN)
        return (count, first) if count > SHOWN else None

    def crowded(self, name: str) -> PersonError | None:
        """The sentence for a name `crowd` finds crowded, else None."""
        crowd = self.crowd(name)
        return _ambiguous(name, crowd[1], crowd[0]) if crowd else None

    def closest(self, name: str, n: int = 3) -> list[str]:
        return Roster(Person(None, other) for other in self.store.person_names()).closest(name, n)
