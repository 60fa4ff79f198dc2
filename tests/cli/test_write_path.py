"""The item commands' writes (storage/writes.py): sqlite3 on a current SQLite file,
the same SQL through SQLAlchemy otherwise (PostgreSQL: scripts/test-postgres.sh runs this file).

The journal they write is the one `track undo` has always read; people are found by the
indexed keys of migration m004 with the answers Roster gives over everybody."""

import json

import pytest

from actiontrack.errors import PersonError
from actiontrack.people import Roster, StoredRoster
from actiontrack.storage import open_repository
from tests.conftest import database_url_for


def url_of(track):
    return track.url or database_url_for(track.db)


def journal(track):
    with open_repository(url_of(track)) as repo:
        return [
            (r[0], json.loads(r[1])) for r in repo.run("SELECT label, detail FROM changes ORDER BY id", {})
        ]


def test_the_journal_of_add_done_and_edit_is_the_one_undo_reads(people):
    track = people  # four people, ids 1-4; Leif Redestig is 1, Ia Jonsson 2
    track("add", "Leif ska skriva ett förslag till kallelse", "--due", "2016-02-19")
    track("done", "1", "--note", "skickat")
    track.now = "2016-02-09T10:00:00+01:00"
    track("edit", "1", "--owner", "Ia", "--due", "none")
    add, done, edit = [detail for _, detail in journal(track)[4:]]
    assert add == [
        {"op": "insert", "table": "items", "key": {"id": 1}},
        {"op": "insert", "table": "item_owners", "key": {"id": 1}},
        {"op": "insert", "table": "item_history", "key": {"id": 1}},
    ]
    assert done == [
        {
            "op": "update",
            "table": "items",
            "key": {"id": 1},  # updated_at is the same second: unchanged
            "old": {"status": "open", "closed_at": None},
            "new": {"status": "done", "closed_at": "2016-02-08T09:00:00+00:00"},
        },
        {"op": "insert", "table": "item_history", "key": {"id": 2}},
    ]
    new_owner = edit[1].pop("key")  # SQLite gives the deleted row's id again, PostgreSQL the next one
    assert set(new_owner) == {"id"}
    assert edit == [
        {
            "op": "delete",
            "table": "item_owners",
            "row": {
                "id": 1,
                "item_id": 1,
                "position": 0,
                "person_id": 1,
                "organisation": None,
                "unresolved": None,
            },
        },
        {"op": "insert", "table": "item_owners"},
        {
            "op": "update",
            "table": "items",
            "key": {"id": 1},
            "old": {"due": "2016-02-19", "updated_at": "2016-02-08T09:00:00+00:00"},
            "new": {"due": None, "updated_at": "2016-02-09T09:00:00+00:00"},
        },
        {"op": "insert", "table": "item_history", "key": {"id": 3}},
    ]
    assert [c["summary"] for c in track.json("log")][:3] == [
        "changed 1 item",
        "changed 1 item",
        "added 1 item",
    ]


def test_undo_reverts_each_item_command_in_turn(people):
    track = people
    track("add", "Ia ska boka lokal", "--owner", "socialförvaltningen", "--owner", "Ia")
    before_done = track.json("show", "1")
    track("done", "1")
    track("reopen", "1")
    track("drop", "1", "--reason", "Ersatt")
    track("note", "1", "Påminnelse skickad")
    track("edit", "1", "--text", "Ia bokar lokalen", "--owner", "Allan")
    for command in ("edit", "note", "drop", "reopen", "done"):
        assert f"track {command} 1" in track("undo").stdout
    assert track.json("show", "1") == before_done
    track("undo")
    assert track.json("open", "--all") == []


def test_a_new_owner_added_when_asked_is_found_by_the_next_owner_name(people, monkeypatch):
    from actiontrack.cli import item_commands as items

    monkeypatch.setattr(items, "confirm_callback", lambda: lambda question: True)
    track = people
    track("add", "Boka lokal", "--owner", "Saga Lind", "--owner", "Saga")
    assert track.json("show", "1")["owners"] == ["Saga Lind"]
    assert [p["name"] for p in track.json("people", "list")].count("Saga Lind") == 1
    track("undo")
    assert "Saga Lind" not in [p["name"] for p in track.json("people", "list")]


NAMES = [
    "Leif Redestig",
    "leif redestig",
    "  Leif   Redestig ",
    "Leif",
    "leif",
    "Ia",
    "Bosse",
    "Bo Pettersson",
    "Bosse Pettersson",
    "Pettersson",
    "Redestig",
    "LR",
    "BP",
    "AH",
    "Leif R.",
    "Leif R",
    "Allan H.",
    "Lief",
    "Kalle",
    "kalle s",
    "Karl",
    "Karl Svensson",
    "Anna",
    "Anna-Karin",
    "AKS",
    "Svensson",
    "Nobody",
    "Åke",
    "åke ström",
    "Ström",
    "Ö",
    "socialförvaltningen",
    "Kal",
    "Karl S.",
    "Kalle Svensson",
    "Karin S",
    "Bo P",
    "Anna-Karin S.",
    "anna.s",
    "L.R",
    "Leif E",
    "KS",
    "Ka",
    "Leif Redestig Ek",
    "Bo Pettersson ",
    "Lasse",
]


def test_people_found_by_their_keys_are_those_the_roster_of_everybody_finds(people):
    track = people
    for name, org in [
        ("Karl Svensson", None),
        ("Karin Svensson", "Bryggan"),
        ("Anna-Karin Sjö", None),
        ("Åke Ström", None),
        ("Leif Ek", None),
    ]:
        track("people", "add", name, *(["--org", org] if org else []))
    track("people", "alias", "Karl Svensson", "Kalle S")
    with open_repository(url_of(track)) as repo:
        everybody = Roster(repo.list_people())
        stored = StoredRoster(repo)
        for name in NAMES:
            assert stored.candidates(name) == everybody.candidates(name), name
            try:
                expected = everybody.resolve(name)
            except PersonError as e:
                with pytest.raises(PersonError) as got:
                    stored.resolve(name)
                assert str(got.value) == str(e)
            else:
                assert stored.resolve(name) == expected


def test_add_on_a_file_that_is_no_database_says_so(track):
    if track.url:
        pytest.skip("about a SQLite file")
    track.db.write_text("not a database, just a file\n", encoding="utf-8")
    result = track("add", "Boka lokal", ok=False)
    assert result.exit_code != 0 and result.output.startswith("Error: ")
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
