"""track undo and track log: the last write command reverted as a unit."""

import json

from tests.conftest import DATA

MINUTES = """Minnesanteckningar Referensgruppen 14 mars 2019

Närvarande: Karin Holm, Olle Berg

Karin ska boka lokal till nästa möte.
Olle tar fram ett förslag på budget före den 1 april.
"""


def full_export(track):
    data = json.loads(track("export", "--format", "json").stdout)
    data.pop("exported_at", None)
    return data


def test_undo_after_an_import_leaves_the_database_as_before(track, tmp_path):
    track("import", str(DATA / "bryggangruppen.txt"), "--year", "2017", "--yes")
    before = full_export(track)
    minutes = tmp_path / "referens.txt"
    minutes.write_text(MINUTES, encoding="utf-8")
    track("import", str(minutes), str(DATA / "gemensam-utvecklingsgrupp-feb.txt"), "--yes")
    assert full_export(track) != before
    out = track("undo").stdout
    assert out.startswith("Undone: track import") and "2 meetings" in out
    assert full_export(track) == before


def test_undo_reverts_a_done_of_several_items_and_then_the_command_before(people):
    track = people
    track("add", "Leif ska skicka ut förslaget")
    track("add", "Ia ska boka lokal")
    track("done", "1", "2", "--note", "klart")
    assert track.json("open") == []
    assert "track done 1 2" in track("undo").stdout
    assert [i["status"] for i in track.json("open")] == ["open", "open"]
    assert [h["action"] for h in track.json("show", "1")["history"]] == ["created"]
    track("undo")  # the second add
    assert [i["id"] for i in track.json("open")] == [1]


def test_undo_of_an_edit_restores_owners_and_due(people):
    track = people
    track("add", "Leif ska skicka ut förslaget", "--due", "2016-03-01")
    track("edit", "1", "--owner", "Ia", "--due", "none")
    track("undo")
    item = track.json("show", "1")
    assert item["owners"] == ["Leif Redestig"] and item["due"] == "2016-03-01"


def test_log_lists_commands_newest_first_and_marks_the_undone(people):
    track = people
    track("add", "Leif ska skicka ut förslaget")
    track("done", "1")
    track("undo")
    log = track.json("log")
    assert [c["command"] for c in log[:2]] == ["track done 1", "track add 'Leif ska skicka ut förslaget'"]
    assert log[0]["undone_at"] and not log[1]["undone_at"]
    assert log[1]["summary"] == "added 1 item"
    assert "track done 1: changed 1 item  [undone" in track("log").stdout


def test_nothing_to_undo_is_an_error(track):
    assert "Nothing to undo" in track.fails("undo").stderr


def test_person_forget_cannot_be_undone_and_leaves_nothing_to_undo(people):
    track = people
    track("add", "Leif ska skicka ut förslaget")
    track("person", "forget", "Leif Redestig", "--yes")
    assert "Nothing to undo" in track.fails("undo").stderr
    assert track.json("log") == []


def test_in_a_shared_database_undo_reverts_ones_own_commands_and_never_anothers(people, monkeypatch):
    import getpass

    track = people
    monkeypatch.setattr(getpass, "getuser", lambda: "anna")
    track("add", "Leif ska skicka ut förslaget")
    track("add", "Ia ska boka lokal")
    monkeypatch.setattr(getpass, "getuser", lambda: "bo")
    track("done", "1")
    assert "Nothing to undo" not in track("log").stdout
    assert "bo  track done 1" in track("log").stdout
    monkeypatch.setattr(getpass, "getuser", lambda: "anna")
    assert "Undone: track add 'Ia ska boka lokal'" in track("undo").stdout  # not bo's done
    result = track.fails("undo")  # anna's first add: bo has since marked that item done
    assert "'track done 1' (bo) changed the same items since" in result.stderr
    assert track.json("show", "1")["status"] == "done"


def test_undo_reverts_a_whole_agenda_review(tmp_path):
    from tests.conftest import FIXTURES, Track

    track = Track(tmp_path / "track.db", now="2019-03-20T09:00:00+01:00")
    track("import", str(FIXTURES / "protokoll-paragrafer.txt"), "--yes")
    before = full_export(track)
    track("agenda", "Brukarrådet", "--review", input="d\nGjort\nk\nx\nInte aktuellt\nq\n")
    assert full_export(track) != before
    assert track("undo").stdout.startswith("Undone: track agenda Brukarrådet --review")
    assert full_export(track) == before


def test_the_journal_keeps_the_last_changes_only(people, monkeypatch):
    from actiontrack.storage import journal

    monkeypatch.setattr(journal, "KEEP", 3)
    monkeypatch.setattr(journal, "PRUNE_EVERY", 1)
    track = people  # four `people add` are recorded already
    track("add", "Leif ska skicka ut förslaget")
    assert [c["command"] for c in track.json("log")] == [
        "track add 'Leif ska skicka ut förslaget'",
        "track people add 'Bo Pettersson' --org Ria/G7",
        "track people add 'Allan Hedman' --org socialförvaltningen",
    ]
    for _ in range(3):
        track("undo")
    assert "Nothing to undo" in track.fails("undo").stderr
