"""The reads about people: by name, by the indexed keys of a name, by id.

Split from reads.py, whose Reads includes it, so that each stays a room one can read.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from actiontrack.errors import NotFoundError
from actiontrack.i18n import _
from actiontrack.models import Person
from actiontrack.storage.sql import IN_LIST, PARAMS, Run, chunks, in_list

TYPE_CHECKING = False  # typing costs a command's start 3-4 ms
if TYPE_CHECKING:
    from typing import Any

# The indexed keys of a name (migration m004) people_by_keys reads: kind -> (table, the
# person's id column, the key column; or two, whose values the key's value gives space-separated).
_KEYS: dict[str, tuple[str, str, str | tuple[str, str]]] = {
    "name": ("people", "id", "name_key"),
    "first": ("people", "id", "first_key"),
    "last": ("people", "id", "last_key"),
    "last first": ("people", "id", ("last_key", "first_key")),  # "lund anna": Anna Lund, not every Lund
    "initials": ("people", "id", "initials"),
    "alias": ("person_aliases", "person_id", "alias"),
}


class PeopleReads:
    """People and their aliases, over any `run(sql, params) -> rows`."""

    def __init__(self, run: Run) -> None:
        self.run = run

    def list_people(self) -> list[Person]:
        aliases: dict[int, list[str]] = defaultdict(list)
        for person_id, alias in self.run("SELECT person_id, alias FROM person_aliases ORDER BY alias", {}):
            aliases[person_id].append(alias)
        rows = self.run("SELECT id, name, organisation FROM people ORDER BY name", {})
        return [Person(r[0], r[1], r[2], tuple(aliases.get(r[0], ()))) for r in rows]

    def people_called(self, name: str) -> list[Person]:
        """The people with this name or alias, case- and space-insensitively (indexed keys)."""
        key = " ".join(name.split()).casefold()
        rows = self.run(
            "SELECT id FROM people WHERE name_key = :key "
            "UNION SELECT person_id FROM person_aliases WHERE alias = :key",
            {"key": key},
        )
        return self._people_by_ids({r[0] for r in rows})

    def people_named(self, name: str) -> list[Person]:
        """Everybody a name could mean (a superset, found by the indexed keys of migration m004;
        people.Roster decides): `--owner Leif` reads a handful of people, not all the thousands
        in a shared database. Each part stands for Roster's kinds of match: the whole
        name or an alias; a first name or a form of it ("Leif", "Bosse" for Bo); a surname
        ("Pettersson"), with a form of the first name ("Bosse Pettersson"); a first name and
        an initial ("Anna B."); initials ("LR")."""
        from actiontrack.names_sv import first_name_forms

        key = " ".join(name.split()).casefold()
        if not key:
            return []
        words, dotted = key.split(), key.replace(".", " ").split()
        params: dict[str, Any] = {"key": key, "last": words[-1], "name": name}
        forms_sql, forms = in_list("f", sorted(first_name_forms(words[0])))
        params.update(forms)
        parts = [
            "SELECT id FROM people WHERE name_key = :key",
            "SELECT person_id FROM person_aliases WHERE alias = :key",
            f"SELECT id FROM people WHERE first_key IN {forms_sql}"
            if len(words) == 1
            else f"SELECT id FROM people WHERE last_key = :last AND first_key IN {forms_sql}",
        ]
        if len(words) == 1:
            parts.append("SELECT id FROM people WHERE last_key = :key")
        if len(dotted) == 2 and len(dotted[1]) == 1:
            dotted_sql, dotted_forms = in_list("d", sorted(first_name_forms(dotted[0])))
            params.update(dotted_forms, initial=dotted[1])
            parts.append(
                f"SELECT id FROM people WHERE first_key IN {dotted_sql} AND substr(last_key, 1, 1) = :initial"
            )
        if 2 <= len(name) <= 3 and name.isupper() and name.isalpha():
            parts.append("SELECT id FROM people WHERE initials = :name")
        return self._people_by_ids({r[0] for r in self.run(" UNION ".join(parts), params)})

    def sharing_first_name(self, key: str, n: int) -> tuple[int, list[str]]:
        """How many people have this first name (a case-folded word), and, when they are more
        than n, the first n of their names: read by the index, however many they are."""
        count = self.run("SELECT count(*) FROM people WHERE first_key = :k", {"k": key})[0][0]
        if count <= n:
            return count, []
        rows = self.run(
            "SELECT name FROM people WHERE first_key = :k ORDER BY name LIMIT :n", {"k": key, "n": n}
        )
        return count, [r[0] for r in rows]

    def person_names(self) -> list[str]:
        """Every person's name: only for saying which names are closest to a misspelt one."""
        return [r[0] for r in self.run("SELECT name FROM people ORDER BY name", {})]

    def _people_by_ids(self, ids: set[int]) -> list[Person]:
        if not ids:
            return []
        ids_sql, params = in_list("p", sorted(ids))
        aliases: dict[int, list[str]] = defaultdict(list)
        for person_id, alias in self.run(  # by person first: ORDER BY alias alone walked every alias
            f"SELECT person_id, alias FROM person_aliases WHERE person_id IN {ids_sql} ORDER BY person_id, alias",
            params,
        ):
            aliases[person_id].append(alias)
        rows = self.run(
            f"SELECT id, name, organisation FROM people WHERE id IN {ids_sql} ORDER BY name", params
        )
        return [Person(r[0], r[1], r[2], tuple(aliases.get(r[0], ()))) for r in rows]

    def item_ids_owned_by(self, person_id: int) -> list[int]:
        rows = self.run(
            "SELECT DISTINCT item_id FROM item_owners WHERE person_id = :p ORDER BY item_id", {"p": person_id}
        )
        return [r[0] for r in rows]

    def get_person(self, person_id: int) -> Person:
        found = self._people_by_ids({person_id})
        if not found:
            raise NotFoundError(_("There is no person {id}.").format(id=person_id))
        return found[0]

    def people_ids(self, names: Sequence[str]) -> dict[str, int]:
        """The ids of the people of exactly these names."""
        found: dict[str, int] = {}
        for chunk in chunks(list(names), IN_LIST):
            names_sql, params = in_list("n", chunk)
            found.update(
                {
                    r[1]: r[0]
                    for r in self.run(f"SELECT id, name FROM people WHERE name IN {names_sql}", params)
                }
            )
        return found

    def person_by_name(self, name: str) -> Person | None:
        key = " ".join(name.split()).casefold()
        rows = self.run("SELECT id FROM people WHERE name_key = :key", {"key": key})
        found = self._people_by_ids({r[0] for r in rows})
        return next((p for p in found if p.name.casefold() == key), None)

    # --- what an import reads of the people its names may mean, and of what changed ------------

    def people_by_keys(self, keys: Sequence[tuple[str, str]]) -> list[tuple[int, Person]]:
        """Who each indexed key finds, in one statement: ("first", "sara") is everybody whose
        first name is Sara, ("name", "sara lind") the people so called, ("alias", "sara l") the
        person of that alias; also "last", "initials" (the keys of person_keys, migration m004) and
        ("last first", "lind sara"): Sara Lind, by surname and first name.
        (the key's place in `keys`, the person with their aliases), by key, then by id."""
        found: list[tuple[int, Person]] = []
        for chunk in chunks(list(enumerate(keys)), PARAMS):
            parts, params = [], {}
            for n, (kind, value) in chunk:
                table, person, column = _KEYS[kind]
                if isinstance(column, tuple):
                    params[f"k{n}"], params[f"j{n}"] = value.split(" ", 1)
                    where = f"{column[0]} = :k{n} AND {column[1]} = :j{n}"
                else:
                    params[f"k{n}"], where = value, f"{column} = :k{n}"
                parts.append(f"SELECT {n} AS part, {person} AS person FROM {table} WHERE {where}")
            rows = self.run(
                "SELECT f.part, p.id, p.name, p.organisation, a.alias FROM ("
                + " UNION ALL ".join(parts)
                + ") f JOIN people p ON p.id = f.person LEFT JOIN person_aliases a ON a.person_id = p.id "
                "ORDER BY f.part, p.id, a.alias",
                params,
            )
            aliases: dict[int, list[str]] = defaultdict(list)
            first_part: dict[int, int] = {}
            pairs: dict[tuple[int, int], tuple[str, str | None]] = {}
            for part, person_id, name, organisation, alias in rows:
                if first_part.setdefault(person_id, part) == part and alias is not None:
                    aliases[person_id].append(alias)  # once, however many keys find the person
                pairs[(part, person_id)] = (name, organisation)
            people: dict[int, Person] = {}
            for (part, person_id), (name, organisation) in pairs.items():
                if person_id not in people:
                    people[person_id] = Person(person_id, name, organisation, tuple(aliases[person_id]))
                found.append((part, people[person_id]))
        return found

    def names_starting(self, letter: str) -> list[tuple[str, str, str]]:
        """(name, its case-folded key, its first word's) of the people whose case-folded name
        starts with `letter`: what a misspelt name is compared with. Not indexed (substr is
        portable, a range of name_key is not under PostgreSQL's collations); read only when a
        name is like nobody's."""
        return [
            (r[0], r[1], r[2])
            for r in self.run(
                "SELECT name, name_key, first_key FROM people WHERE substr(name_key, 1, 1) = :l",
                {"l": letter},
            )
        ]

    def people_signature(self) -> tuple[Any, ...]:
        """What changes when people or aliases are added, merged or forgotten: the number of
        people and the highest ids, read from the indexes."""
        rows = self.run(
            "SELECT (SELECT count(*) FROM people), (SELECT max(id) FROM people), "
            "(SELECT count(*) FROM person_aliases), (SELECT max(id) FROM person_aliases)",
            {},
        )
        return tuple(rows[0])

    def people_after(self, person_id: int) -> list[tuple[int, str, str | None]]:
        rows = self.run(
            "SELECT id, name, organisation FROM people WHERE id > :p ORDER BY id", {"p": person_id}
        )
        return [(r[0], r[1], r[2]) for r in rows]

    def organisations(self, person_ids: Sequence[int]) -> dict[int, str | None]:
        found: dict[int, str | None] = {}
        for chunk in chunks(list(person_ids), IN_LIST):
            ids_sql, params = in_list("p", chunk)
            found.update(
                {
                    r[0]: r[1]
                    for r in self.run(f"SELECT id, organisation FROM people WHERE id IN {ids_sql}", params)
                }
            )
        return found
