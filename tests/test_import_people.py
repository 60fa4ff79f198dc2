"""import_people.KnownPeople: the same answers as a Roster of everybody, read once per import."""

import pytest

from actiontrack.people import Roster
from actiontrack.storage import open_database
from tests.conftest import database_url_for

PEOPLE = [
    ("Bo Pettersson", "Ria/G7"),
    ("Leif Redestig", None),
    ("Anna Berg", None),
    ("Anna Björk", None),
    ("Lars Ström", "kommunen"),
    ("Ann-Christin Ek", None),
    ("Åsa Öberg", None),
    ("Maria", None),
    ("Karl von Essen", None),
    ("Ulla Lindqvist", None),
    ("Olof Dahl", None),
]
NAMES = [
    "Bo",
    "Bosse",
    "Bosse Pettersson",
    "bo pettersson",
    "Pettersson",
    "Leif",
    "LR",
    "AB",
    "Anna",
    "Anna B.",
    "anna.b",
    "Anna Berg",
    "Lasse",
    "Lars",
    "Ström",
    "Anki",
    "Åsa",
    "ÅSA ÖBERG",
    "Öberg",
    "Maria",
    "Maja",
    "Karl",
    "Kalle",
    "Essen",
    "Ulla",
    "Lindqvist",
    "Olle",
    "Olof Dahl",
    "Nils",
    "Eva Berg",
    "",
    "  Leif  ",
]


@pytest.fixture
def db(tmp_path):
    with open_database(database_url_for(tmp_path / "people.db")) as db:
        with db.transaction() as repo:
            for name, organisation in PEOPLE:
                repo.add_person(name, organisation, "2021-01-01T00:00:00+00:00")
            repo.add_alias(repo.person_by_name("Ulla Lindqvist").id, "Ullis")
        yield db


@pytest.mark.parametrize("name", NAMES + ["Ullis"])
def test_a_name_means_the_same_people_as_in_a_roster_of_everybody(db, name):
    from actiontrack.usecases.import_people import KnownPeople

    with db.transaction() as repo:
        known = KnownPeople()
        known.refresh(repo)
        everybody = Roster(repo.list_people())
        expected = [(m.person, m.how) for m in everybody.candidates(name)]
        assert [(m.person, m.how) for m in Roster(known.around(name)).candidates(name)] == expected
        assert known.find(name) == everybody.find(name)


def test_people_are_read_once_then_only_those_added_since(db, monkeypatch):
    from actiontrack.storage.writes import Writes
    from actiontrack.usecases.import_people import KnownPeople

    reads = {"all": 0}
    real = Writes.list_people

    def counted(self):
        reads["all"] += 1
        return real(self)

    monkeypatch.setattr(Writes, "list_people", counted)
    known = KnownPeople()
    with db.transaction() as repo:
        known.refresh(repo)
    with db.transaction() as repo:
        known.refresh(repo)  # nothing changed
        repo.add_person("Sara Lind", None, "x")
    with db.transaction() as repo:
        known.refresh(repo)
        assert known.find("Sara").name == "Sara Lind"
    assert reads["all"] == 1
    with db.transaction() as repo:  # a merge removes a person and adds an alias: read all again
        repo.merge_people(repo.person_by_name("Anna Berg").id, repo.person_by_name("Anna Björk").id)
    with db.transaction() as repo:
        known.refresh(repo)
        assert known.find("Anna").name == "Anna Berg" and known.find("Anna Björk").name == "Anna Berg"
    assert reads["all"] == 2


def test_an_import_of_many_documents_reads_all_people_once(track, tmp_path, monkeypatch):
    from actiontrack.storage.writes import Writes

    reads = {"all": 0}
    real = Writes.list_people

    def counted(self):
        reads["all"] += 1
        return real(self)

    monkeypatch.setattr(Writes, "list_people", counted)
    files = []
    for n, (who, day) in enumerate([("Greta", 3), ("Hampus", 10), ("Greta", 17), ("Ines", 24)]):
        path = tmp_path / f"m{n}.txt"
        path.write_text(
            f"Minnesanteckningar Fritidsrådet {day} mars 2021\n\nNärvarande: Greta Nyberg, Hampus Vik, Ines Åkesson\n\n"
            f"{who} ska boka lokalen till nästa möte.\n",
            encoding="utf-8",
        )
        files.append(str(path))
    track("import", *files, "--yes")
    assert reads["all"] == 1
    assert [i["owners"] for i in track.json("open")] == [
        ["Greta Nyberg"],
        ["Hampus Vik"],
        ["Greta Nyberg"],
        ["Ines Åkesson"],
    ]
    assert len(track.json("people", "list")) == 3
