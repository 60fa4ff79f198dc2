"""known_people.KnownPeople: the same answers as a Roster of everybody, read name by name; import_people.DocumentPeople."""

import pytest

from actiontrack.models import Person
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
    "Kalle von Essen",
    "Lasse Ström",
    "Olle Dahl",
    "Anna Ström",
    "",
    "  Leif  ",
    "A\u030asa",  # decomposed, as some Mac and web sources write it
    "O\u0308berg",
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
    from actiontrack.usecases.known_people import KnownPeople

    with db.transaction() as repo:
        known = KnownPeople()
        known.refresh(repo)
        everybody = Roster(repo.list_people())
        expected = [(m.person, m.how) for m in everybody.candidates(name)]
        assert [(m.person, m.how) for m in Roster(known.around(name)).candidates(name)] == expected
        assert known.find(name) == everybody.find(name)


def test_a_whole_name_reads_its_surname_only_with_its_first_name_forms(db):
    """At a million items five hundred people share a surname: "Eva Berg" reads the people called
    so, or by an alias, or Berg with a form of Eva as first name, not every Berg."""
    from actiontrack.usecases.known_people import KnownPeople

    with db.transaction() as repo:
        known = KnownPeople()
        known.refresh(repo)
        assert known.around("Eva Berg") == []
        assert [p.name for p in known.around("Bosse Pettersson")] == ["Bo Pettersson"]
        assert [p.name for p in known.around("Berg")] == ["Anna Berg"]  # a word alone: also a surname


def test_a_crowded_first_name_is_nobody_in_particular_without_matching_them_all(db, monkeypatch):
    """Twelve Pers and nobody called just "Per": find says nobody, as a Roster of everybody does,
    counted in the index instead of matched one by one (a re-import compares owners so)."""
    from actiontrack.usecases.known_people import KnownPeople

    with db.transaction() as repo:
        for n in range(12):
            repo.add_person(f"Per Namnsson{n}", None, "2021-01-01T00:00:00+00:00")
        known = KnownPeople()
        known.refresh(repo)
        expected = Roster(repo.list_people()).find("Per")
        monkeypatch.setattr(
            KnownPeople, "around", lambda self, name: pytest.fail(f"read everybody of {name}")
        )
        assert known.find("Per") is None and expected is None


def _counting(monkeypatch, *methods):
    from actiontrack.storage.writes import Writes

    reads = dict.fromkeys(methods, 0)
    for method in methods:
        real = getattr(Writes, method)

        def counted(self, *args, _real=real, _method=method):
            reads[_method] += 1
            return _real(self, *args)

        monkeypatch.setattr(Writes, method, counted)
    return reads


def test_people_are_read_name_by_name_then_only_those_added_since(db, monkeypatch):
    from actiontrack.usecases.known_people import KnownPeople

    reads = _counting(monkeypatch, "list_people", "people_by_keys", "people_after")
    known = KnownPeople()
    with db.transaction() as repo:
        known.refresh(repo)
        assert known.find("Sara") is None
        assert known.find("Sara") is None and known.around("sara") == []  # read once
    assert reads["people_by_keys"] == 1
    with db.transaction() as repo:
        known.refresh(repo)  # nothing changed
        repo.add_person("Sara Lind", None, "x")
    with db.transaction() as repo:
        known.refresh(repo)  # Sara Lind added to the keys read ("sara"), none read again
        assert known.find("Sara").name == "Sara Lind"
    assert (reads["people_by_keys"], reads["people_after"]) == (1, 1)
    with db.transaction() as repo:  # a merge removes a person and adds an alias: all forgotten
        repo.merge_people(repo.person_by_name("Anna Berg").id, repo.person_by_name("Anna Björk").id)
    with db.transaction() as repo:
        known.refresh(repo)
        assert known.find("Anna").name == "Anna Berg" and known.find("Anna Björk").name == "Anna Berg"
        assert known.find("Sara").name == "Sara Lind"
    assert reads["list_people"] == 0


def test_a_person_added_by_an_earlier_document_is_found_by_name_initials_and_near_name(db):
    """What an import's earlier documents added is found by a later one: in the keys read before
    (the first name, the near names of the letter) and in those read after (the initials)."""
    from actiontrack.usecases.import_people import DocumentPeople, NameCheck
    from actiontrack.usecases.known_people import KnownPeople

    known = KnownPeople()
    with db.transaction() as repo:
        known.refresh(repo)
        first = DocumentPeople(known, [], [], None)
        assert first.person("Sara", listed=False) is None  # nobody yet: "sara" and "s" are read
        assert first.closest("Sarra") == []
        first.person("Sara Lind")
        first.store(repo, "2021-01-01T00:00:00+00:00")
    with db.transaction() as repo:
        known.refresh(repo)
        later = DocumentPeople(known, [], [], None)
        assert later.person("Sara", listed=False).name == "Sara Lind"
        assert later.person("SL", listed=False).name == "Sara Lind"  # initials: Roster's last resort
        assert NameCheck(known, [])("Sarra") == (None, ["Sara Lind"])  # the near-name suggestion
        assert later.person("Lind", listed=False).name == "Sara Lind"  # a key not read before
    with db.transaction() as repo:  # what a fresh import reads from the database is the same
        fresh = KnownPeople()
        fresh.refresh(repo)
        assert [fresh.find(n) for n in ("Sara", "SL", "Lind")] == [
            known.find(n) for n in ("Sara", "SL", "Lind")
        ]
        assert fresh.forms("s") == known.forms("s")


@pytest.mark.parametrize("name", ["LR", "AB", "ÅÖ", "ls", "Ls", "LRE"])
def test_initials_are_found_by_their_column_not_by_reading_everybody(db, monkeypatch, name):
    from actiontrack.usecases.known_people import KnownPeople

    reads = _counting(monkeypatch, "list_people")
    with db.transaction() as repo:
        known = KnownPeople()
        known.refresh(repo)
        everybody = Roster(repo.list_people())
        assert Roster(known.around(name)).candidates(name) == everybody.candidates(name)
        assert len(known.around(name)) < len(PEOPLE)
    assert reads["list_people"] == 1  # the Roster of everybody's, not KnownPeople's


def test_an_import_reads_nobody_in_full_and_finds_whom_its_documents_added(track, tmp_path, monkeypatch):
    reads = _counting(monkeypatch, "list_people")
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
    assert reads["list_people"] == 0
    assert [i["owners"] for i in track.json("open")] == [
        ["Greta Nyberg"],
        ["Hampus Vik"],
        ["Greta Nyberg"],
        ["Ines Åkesson"],
    ]
    assert len(track.json("people", "list")) == 3


def test_a_later_document_of_the_import_finds_and_suggests_whom_an_earlier_one_added(track, tmp_path):
    texts = [
        "Styrgruppen 3 mars 2021\n\nNärvarande: Birgitta Holm, Per Ek\n\nBirgita ska boka lokalen.\n",
        "Styrgruppen 10 mars 2021\n\nNärvarande: Per Ek\n\nBirgitta ska ringa hyresvärden.\n\n"
        "Birgita ska skriva protokollet.\n",
    ]
    files = []
    for n, text in enumerate(texts):
        (tmp_path / f"m{n}.txt").write_text(text, encoding="utf-8")
        files.append(str(tmp_path / f"m{n}.txt"))
    result = track("import", *files, "--yes")
    assert result.stderr.count("did you mean Birgitta Holm?") == 2  # the document's own, the earlier one's
    owners = {i["text"]: i["owners"] for i in track.json("open")}
    assert owners["Birgitta ska ringa hyresvärden."] == ["Birgitta Holm"]
    assert owners["Birgita ska skriva protokollet."] == ["Birgita"]
    assert sorted(p["name"] for p in track.json("people", "list")) == ["Birgitta Holm", "Per Ek"]


NEW = [("Bo Ek", None), ("Lasse Berg", "G7"), ("Anna", None), ("Leif Redestig Jr", None), ("Olle Dahl", None)]


@pytest.mark.parametrize(
    "name", NAMES + ["Ullis", "Lief", "Anan", "Bosse Petterson", "Ulla Lindkvist", "Olov"]
)
def test_a_documents_new_people_are_matched_with_the_known_ones_as_in_one_roster(db, name):
    """DocumentPeople joins what KnownPeople worked out for a name (kept for the import) with
    the document's new people: the answers of one Roster of both, as when it made one."""
    from actiontrack.people import close_matches, name_key
    from actiontrack.usecases.import_people import DocumentPeople, KnownPeople

    with db.transaction() as repo:
        known = KnownPeople()
        known.refresh(repo)
        people = DocumentPeople(known, [], [], None)
        people.new.update(NEW)
        everybody, new = repo.list_people(), [Person(None, n, o) for n, o in NEW]
        key = name_key(name)
        exact = [p for p in everybody if p.name.casefold() == key] or [
            p for p in new if p.name.casefold() == key
        ]
        candidates = [m.person for m in Roster(everybody + new).candidates(name)]
        if exact:
            expected = (exact[0], [])
        else:
            expected = (candidates[0], []) if len(candidates) == 1 else (None, candidates)
        assert people._find(name) == expected
        assert people._find(name) == expected  # kept
        forms: dict[str, set[str]] = {}
        for p in everybody + new:
            for form in {name_key(p.name), name_key(p.name).split()[0]}:
                if form[:1] == key[:1]:
                    forms.setdefault(form, set()).add(p.name)
        close: list[str] = []
        for form in close_matches(key, forms, n=3, cutoff=0.8):
            close += sorted(forms[form] - set(close))
        assert people.closest(name) == close[:3]


SURNAMES = [
    "Ahl",
    "Berg",
    "Dahl",
    "Ek",
    "Falk",
    "Holm",
    "Lind",
    "Lund",
    "Nord",
    "Ros",
    "Sand",
    "Strand",
    "Viik",
    "Ås",
]


def test_a_first_name_shared_by_many_is_warned_of_with_a_few_of_them(track, tmp_path):
    for surname in SURNAMES:
        track("people", "add", f"Greta {surname}")
    path = tmp_path / "m.txt"
    path.write_text(
        "Styrgruppen 3 mars 2021\n\nNärvarande: Per Ek\n\nGreta ska boka lokalen.\n", encoding="utf-8"
    )
    warning = next(
        line for line in track("import", str(path), "--yes").stderr.splitlines() if "'Greta'" in line
    )
    shown = ", ".join(f"Greta {surname}" for surname in sorted(SURNAMES)[:10])
    assert f"'Greta' could be {shown} and 4 others; kept as written" in warning


def test_a_known_persons_first_name_is_that_person_though_the_minutes_do_not_list_her(track, tmp_path):
    track("people", "add", "Greta Ahl")
    track("people", "add", "Per Ek")
    path = tmp_path / "m.txt"
    path.write_text(
        "Styrgruppen 3 mars 2021\n\nNärvarande: Per Ek\n\nGreta ska boka lokalen.\n", encoding="utf-8"
    )
    result = track("import", str(path), "--yes")
    assert "nobody known" not in result.stderr
    assert [i["owners"] for i in track.json("open")] == [["Greta Ahl"]]


def test_an_owners_first_name_many_share_is_counted_not_read(track, tmp_path, monkeypatch):
    for surname in SURNAMES[:12]:
        track("people", "add", f"Anna {surname}")
    from actiontrack.storage.writes import Writes

    asked = []
    real = Writes.people_by_keys
    monkeypatch.setattr(Writes, "people_by_keys", lambda self, keys: asked.extend(keys) or real(self, keys))
    path = tmp_path / "m.txt"
    path.write_text(
        "Styrgruppen 3 mars 2021\n\nNärvarande: Per Ek\n\nAnna ska boka lokalen.\n", encoding="utf-8"
    )
    warning = next(
        line for line in track("import", str(path), "--yes").stderr.splitlines() if "'Anna'" in line
    )
    first = ", ".join(f"Anna {surname}" for surname in sorted(SURNAMES[:12])[:10])
    assert f"'Anna' could be {first} and 2 others; kept as written" in warning
    assert ("first", "anna") not in asked  # counted in the index, not read one by one
    assert ("first", "per") not in asked  # "Per Ek" is found by his name or surname, not among every Per
    assert [i["owners"] for i in track.json("open")] == [["Anna"]]
