"""`--owner NAME` reads only the people the name may mean, and finds the same
people as matching the name against everybody would: full names in any case, first names,
nicknames, "first name and initial", surnames and initials. On the backend under test."""

import random

from actiontrack.people import Roster
from actiontrack.storage import open_reader, open_repository
from tests.conftest import database_url_for

FIRST = ["Åsa", "Örjan", "Bo", "Bosse", "Karl", "Kalle", "Eva", "Elin", "Per", "Anna-Karin", "Mikael", "Ia"]
LAST = ["Lindqvist", "Öberg", "Ekström", "Berg", "Holm", "Nyström", "Lind", "Eriksson-Holm", "Åkesson"]


def _names(rng: random.Random) -> list[str]:
    names = set()
    while len(names) < 120:
        parts = [rng.choice(FIRST)] + ([rng.choice(FIRST)] if rng.random() < 0.15 else []) + [rng.choice(LAST)]
        names.add(" ".join(parts))
    return sorted(names)


def _asked(people: list[str], rng: random.Random) -> set[str]:
    """What a secretary might type for some of them, and names nobody has."""
    asked = {"Bosse", "Kalle", "kalle", "Lind", "öberg", "ÅSA", "Nyström", "Sven", "Sven Holm", "XY", "Å"}
    for name in rng.sample(people, 40):
        words = name.split()
        asked |= {
            name, name.upper(), name.lower(), words[0], words[0].lower(), words[-1],
            f"{words[0]} {words[-1][0]}.", f"Bosse {words[-1]}", f"{words[0]} Kalle {words[-1]}",
            "".join(w[0] for w in name.replace("-", " ").split()),  # initials
        }  # fmt: skip
    return asked


def test_the_people_a_name_may_mean_are_those_matching_it_against_everybody(tmp_path):
    rng = random.Random(15)
    people = _names(rng)
    url = database_url_for(tmp_path / "owners.db")
    with open_repository(url) as repo:
        for name in people:
            repo.add_person(name, None, "2026-01-01T09:00:00+00:00")
        repo.add_alias(repo.person_by_name(people[0]).id, "ordföranden")
    with open_reader(url) as reads:
        everybody = Roster(reads.list_people())
        for name in sorted(_asked(people, rng) | {"ordföranden", "Ordföranden"}):
            narrowed = Roster(reads.people_named(name))
            assert [m.person.name for m in narrowed.candidates(name)] == [
                m.person.name for m in everybody.candidates(name)
            ], name


def test_open_owner_by_initials_lists_their_items(people):
    """`--owner LR`: as `add --owner LR` means Leif Redestig (was an internal error)."""
    people("add", "Boka lokal till mötet", "--owner", "Leif Redestig")
    people("add", "Skicka ut kallelsen", "--owner", "Ia Jonsson")
    listed = people("open", "--owner", "LR")
    assert "Boka lokal" in listed.stdout and "Skicka ut" not in listed.stdout
    assert people.json("open", "--owner", "Redestig")[0]["owners"] == ["Leif Redestig"]
