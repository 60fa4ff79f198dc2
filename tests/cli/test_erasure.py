"""`track person forget` removes a person precisely and completely: every trace of
them, in every place a name is stored and in every file the tool wrote, and nothing of anybody
else's, on SQLite and on PostgreSQL."""

import json
import sqlite3

import pytest

from tests.conftest import Track

NOW = "2019-03-05T10:00:00+01:00"

MINUTES = """MINNESANTECKNINGAR
Anhörignätverket, 2019-03-04
Plats: Kerstin Öbergs kontor

Närvarande: Kerstin Öberg, Per Andersson, Bo Pettersson, Lars Holm
Sekreterare: Kerstin

§ 1 Träffar
Kerstin ska boka lokalen till nästa träff.

§ 2 Kontakter
Frågor om schemat går till Öberg på kerstin.oberg@kommun.se eller 070-123 45 67.
"""

HER = ["Kerstin Öberg", "KERSTIN ÖBERG", "Öberg", "Kerstin", "kerstin.oberg", "070-123 45 67", "123 45 67"]


def all_bytes(folder):
    """Every file under the folder, the database and its -wal and -shm included."""
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


@pytest.fixture
def network(tmp_path):
    """A meeting she attended (imported from a file named after her) and one she did not."""
    store = tmp_path / "store"
    store.mkdir()
    docs = tmp_path / "docs"
    docs.mkdir()
    minutes = docs / "möte Kerstin Öberg.txt"
    minutes.write_text(MINUTES, encoding="utf-8")
    track = Track(store / "track.db", now=NOW)
    track("import", str(minutes), "--yes", "--group", "Anhörignätverket")
    (meeting,) = track.json("meeting", "list")
    track.meeting = str(meeting["id"])
    m = ["--meeting", track.meeting]
    track.own = track.json(
        "add", "Kerstin ska ringa Öberg-gruppens kontaktperson", "--owner", "Kerstin Öberg", *m
    )
    track.pers = track.json(
        "add", "Gruppen träffas en gång per månad och Per skickar kallelsen", "--owner", "Per Andersson", *m
    )
    track.bos = track.json(
        "add", "Ta reda på om familjen kan bo kvar, säger Bo", "--owner", "Bo Pettersson", *m
    )
    track.lars = track.json("add", "Lars skriver till KERSTIN ÖBERG om lokalen", "--owner", "Lars Holm", *m)
    track("done", str(track.lars["id"]), "--note", "Skrev till\nKerstin Öberg,\tsvar väntas")
    track("drop", str(track.bos["id"]), "--reason", "Ingen ändring.\nKerstin tar det")
    track(
        "meeting",
        "start",
        "Samordning hos Öberg",
        "--place",
        "Öbergs rum",
        "--date",
        "2019-03-20",
        "--new-group",
    )
    track("people", "add", "Eva Ström", "--org", "Kerstin Öbergs enhet")
    track.other = track.json(
        "add", "Per månad kommer fakturan; Eva ska betala den", "--owner", "Per Andersson"
    )
    track.store = store
    return track


def test_forget_leaves_no_trace_in_any_file_and_changes_nobody_else(network):
    track = network
    if not track.url:
        assert b"Kerstin" in all_bytes(track.store)
    others = [track.pers["id"], track.other["id"]]

    def shown(item_id):  # all of it but the meeting's group and title, which named her (and its group)
        return {k: v for k, v in track.json("show", str(item_id)).items() if k not in ("meeting", "group")}

    before = [shown(i) for i in others]
    people_before = [
        p for p in track.json("people", "list") if p["name"] not in ("Kerstin Öberg", "Eva Ström")
    ]
    result = track("person", "forget", "Kerstin Öberg", "--yes")
    assert "Forgot Kerstin Öberg" in result.stdout
    assert "backups and exports still hold the name" in result.stderr
    track("agenda", "Anhörignätverket", "--format", "md", "--output", str(track.store / "dagordning.md"))
    track("export", "--format", "json", "--output", str(track.store / "allt.json"))
    track("export", "--format", "csv", "--output", str(track.store / "allt.csv"))
    everything = json.dumps(track.json("export"), ensure_ascii=False) + track("meeting", "list").stdout
    for trace in HER:
        assert trace not in everything, trace
        assert trace.encode() not in all_bytes(track.store), trace
    items = {i["id"]: i for i in track.json("open", "--all")}
    assert items[track.own["id"]]["text"] == "removed person ska ringa removed person-gruppens kontaktperson"
    assert items[track.own["id"]]["owners"] == ["removed person"]
    # other people's items and ordinary words are as they were, history and all
    assert [shown(i) for i in others] == before
    assert [p for p in track.json("people", "list") if p["name"] != "Eva Ström"] == people_before
    assert [p["organisation"] for p in track.json("people", "list") if p["name"] == "Eva Ström"] == [
        "removed person enhet"
    ]
    assert items[track.pers["id"]]["text"] == "Gruppen träffas en gång per månad och Per skickar kallelsen"
    assert items[track.pers["id"]]["owners"] == ["Per Andersson"]
    assert items[track.bos["id"]]["text"] == "Ta reda på om familjen kan bo kvar, säger Bo"
    assert items[track.other["id"]]["text"] == "Per månad kommer fakturan; Eva ska betala den"
    assert items[track.lars["id"]]["text"] == "Lars skriver till removed person om lokalen"
    history = track.json("show", str(track.lars["id"]))["history"]
    assert history[-1]["detail"] == {"note": "Skrev till\nremoved person,\tsvar väntas"}
    assert track.json("show", str(track.bos["id"]))["history"][-1]["detail"] == {
        "reason": "Ingen ändring.\nremoved person tar det"
    }
    meetings = track.json("meeting", "list")
    assert meetings[0]["secretary"] == "removed person"
    assert meetings[0]["place"] == "removed person kontor"
    assert meetings[0]["source"].endswith("möte removed person.txt")
    assert meetings[1]["group"] == "Samordning hos removed person"
    assert {p["name"] for p in track.json("people", "list")} == {
        "Per Andersson",
        "Bo Pettersson",
        "Lars Holm",
        "Eva Ström",
    }
    assert track.json("check")["ok"]


def test_export_hands_out_only_what_names_them(network):
    data = json.loads(network("person", "export", "Kerstin Öberg").stdout)
    named = {i["id"] for i in data["items_naming_them"]}
    assert network.lars["id"] in named  # "KERSTIN ÖBERG" in capitals, and the note
    assert network.bos["id"] in named  # the drop reason names her by first name at her meeting
    assert network.pers["id"] not in named and network.other["id"] not in named
    assert [i["id"] for i in data["items_owned"]][-1] == network.own["id"]
    assert {m["group"] for m in data["meetings_naming_them"]} == {"Anhörignätverket", "Samordning hos Öberg"}
    # "/Kerstin" under the minutes: the extractor writes the full name the attendee list gives
    assert [m["secretary"] for m in data["secretary_of"]] == ["Kerstin Öberg"]


def test_a_first_name_somebody_else_has_too_is_left(tmp_path):
    track = Track(tmp_path / "t.db")
    track("people", "add", "Bo Ek")
    track("people", "add", "Bo Pettersson")
    track("add", "Bo Ek ska höra om familjen kan bo kvar", "--owner", "Bo Ek")
    track("add", "Bo ringer hyresvärden", "--owner", "Bo Pettersson")
    result = track("person", "forget", "Bo Ek", "--yes")
    assert "'Bo' alone was left as written" in result.stderr
    texts = [i["text"] for i in track.json("open")]
    assert texts == ["removed person ska höra om familjen kan bo kvar", "Bo ringer hyresvärden"]


def test_forgetting_per_keeps_the_word_per(tmp_path):
    track = Track(tmp_path / "t.db")
    track("people", "add", "Per Andersson")
    track("add", "Per ska ringa en gång per månad", "--owner", "Per Andersson")
    track("person", "forget", "Per Andersson", "--yes")
    assert [i["text"] for i in track.json("open")] == ["removed person ska ringa en gång per månad"]


@pytest.mark.sqlite_only
def test_a_reader_holding_a_snapshot_makes_forget_say_so_and_compact_finishes(network, monkeypatch):
    from actiontrack.storage import maintenance

    monkeypatch.setattr(maintenance, "CLEANUP_PAUSE_S", 0)
    monkeypatch.setattr(maintenance, "CLEANUP_BUSY_TIMEOUT_S", 0.2)  # five waits of 30 s are the same answer
    reader = sqlite3.connect(network.db)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM items").fetchall()  # holds a snapshot of the old pages
    result = network.fails("person", "forget", "Kerstin Öberg", "--yes")
    assert "still holds the deleted text" in result.stderr
    assert "track check --compact" in result.stderr
    assert "track check --compact" in network.fails("check").stdout
    reader.close()
    assert network("check", "--compact").stdout.rstrip().endswith("OK")
    assert b"Kerstin" not in all_bytes(network.store)


@pytest.mark.sqlite_only
def test_a_full_disk_during_the_clean_up_is_reported(network, monkeypatch):
    from actiontrack.storage import maintenance

    monkeypatch.setattr(maintenance, "CLEANUP_PAUSE_S", 0)
    monkeypatch.setattr(maintenance, "_clean_sqlite", lambda path: "database or disk is full")
    result = network.fails("person", "forget", "Kerstin Öberg", "--yes")
    assert "The change is saved" in result.stderr and "database or disk is full" in result.stderr
    assert "Kerstin Öberg" not in [p["name"] for p in network.json("people", "list")]


def test_postgres_compaction_gives_up_behind_an_open_transaction(network, monkeypatch):
    if not network.url:
        pytest.skip("about PostgreSQL's VACUUM FULL")
    import psycopg

    from actiontrack.storage import maintenance

    monkeypatch.setattr(maintenance, "LOCK_TIMEOUT_S", 0.5)
    schema = network.url.split("search_path%3D")[-1]
    with psycopg.connect(network.url.split("?")[0].replace("+psycopg", "")) as other:
        other.execute(f"SELECT count(*) FROM {schema}.items").fetchall()  # a transaction left open
        result = network.fails("person", "forget", "Kerstin Öberg", "--yes")
        assert "kept the tables busy" in result.stderr and "track check --compact" in result.stderr
    assert network("check", "--compact").stdout.rstrip().endswith("OK")


def test_contact_details_that_are_theirs_go_with_the_name():
    from actiontrack.models import Person
    from actiontrack.usecases.personal_data import ELSEWHERE, Names

    names = Names.of(Person(1, "Kerstin Öberg"), [Person(2, "Per Andersson")])
    assert names.scrub("Ring Öberg på 070-123 45 67 eller mejla kerstin.oberg@kommun.se.", ELSEWHERE) == (
        "Ring removed person på removed contact eller mejla removed contact."
    )
    assert names.scrub("Skriv till k.oberg@kommun.se och per.andersson@kommun.se", ELSEWHERE) == (
        "Skriv till removed contact och per.andersson@kommun.se"
    )
    # a number that belongs to somebody else, or nobody, stays
    assert names.scrub("Per nås på 08-555 123 45", ELSEWHERE) == "Per nås på 08-555 123 45"


def test_hidden_files_of_a_killed_export_or_backup_are_removed(tmp_path):
    (tmp_path / "store").mkdir()  # only the default location gets its folder made
    track = Track(tmp_path / "store" / "t.db")
    track("people", "add", "Kerstin Öberg")
    track("add", "Kerstin ska ringa", "--owner", "Kerstin Öberg")
    out = tmp_path / "ut"
    out.mkdir()
    (out / ".allt.csv.k2x9q_7a.partial").write_text("Kerstin Öberg")  # a killed export's temporary file
    track("export", "--format", "csv", "--output", str(out / "allt.csv"))
    assert sorted(p.name for p in out.iterdir()) == ["allt.csv"]
    assert "is a directory" in track.fails("export", "--format", "csv", "--output", str(out), code=2).stderr
    assert sorted(p.name for p in out.iterdir()) == ["allt.csv"]
    if not track.url:
        (out / ".kopia.db.partial").write_text("Kerstin Öberg")  # a killed backup's
        track("backup", str(out / "kopia.db"))
        assert sorted(p.name for p in out.iterdir()) == ["allt.csv", "kopia.db"]


def test_initials_go_in_their_own_items_only():
    from actiontrack.models import Person
    from actiontrack.usecases.personal_data import ELSEWHERE, OWN, Names

    names = Names.of(Person(1, "Kerstin Öberg"), [Person(2, "Per Andersson")])
    assert names.scrub("Ansvarig: KÖ", OWN) == "Ansvarig: removed person"
    assert names.scrub("Ansvarig: KÖ", ELSEWHERE) == "Ansvarig: KÖ"
    shared = Names.of(Person(1, "Kerstin Öberg"), [Person(2, "Karl Östman")])
    assert shared.scrub("Ansvarig: KÖ", OWN) == "Ansvarig: KÖ"
