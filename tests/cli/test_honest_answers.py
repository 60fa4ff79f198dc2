"""Answers that do not hide mistakes: an unknown name, meeting or group is an error,
not "No items"; export writes where -o says; a wrong --db path creates nothing."""

import sqlite3

import pytest

from tests.conftest import Track

MINUTES = """Minnesanteckningar Ledningsgruppen 14 mars 2019

Närvarande: Karin Holm, Olle Berg

Olle tar fram ett förslag på budget före den 1 april.
"""


@pytest.fixture
def stocked(people, tmp_path):
    track = people
    track("add", "Leif ska skicka ut förslaget")
    path = tmp_path / "ledning.txt"
    path.write_text(MINUTES, encoding="utf-8")
    track("import", str(path), "--yes")
    return track


@pytest.mark.parametrize("command", [["open"], ["digest"], ["export", "--format", "csv"]])
def test_an_owner_nobody_has_is_the_error_add_gives_with_the_closest_names(stocked, command):
    result = stocked.fails(*command, "--owner", "Lief")
    assert "Nobody called 'Lief' is known (closest: Leif Redestig)." in result.stderr
    assert "No items" not in result.output


def test_an_unknown_organisation_is_an_error_and_a_known_one_lists_its_items(stocked):
    assert (
        "organisation called 'kulturförvaltningen'"
        in stocked.fails("open", "--owner", "kulturförvaltningen").stderr
    )


def test_an_unknown_meeting_or_group_is_an_error_listing_the_groups(stocked):
    assert "There is no meeting 99" in stocked.fails("open", "--meeting", "99").stderr
    result = stocked.fails("open", "--group", "Styrgruppen")
    assert "There is no group 'Styrgruppen' (known: Ledningsgruppen)." in result.stderr
    assert "There is no group" in stocked.fails("meeting", "list", "--group", "Styrgruppen").stderr
    assert "There is no group" in stocked.fails("agenda", "Styrgruppen").stderr


def test_groups_are_named_in_any_case_or_by_a_unique_prefix(stocked):
    assert [i["owners"] for i in stocked.json("open", "--group", "ledningsgruppen")] == [["Olle Berg"]]
    assert len(stocked.json("open", "--group", "ledn")) == 1
    assert "Ledningsgruppen" in stocked("agenda", "LEDNING").stdout
    stocked("meeting", "start", "Ledningsgruppens arbetsutskott", "--date", "2019-03-20", "--new-group")
    assert "could be any of the groups" in stocked.fails("open", "--group", "ledningsgrupp").stderr


def test_export_writes_the_file_given_with_o_and_says_nothing_on_stdout(stocked, tmp_path):
    target = tmp_path / "atgarder.csv"
    result = stocked("export", "--format", "csv", "-o", str(target))
    assert result.stdout == "" and target.read_bytes().startswith(b"\xef\xbb\xbf")
    assert "Olle tar fram" in target.read_text(encoding="utf-8-sig")
    assert stocked.fails("export", "--format", "csv", "-O", str(target), code=2)


def test_agenda_output_is_o_too(stocked, tmp_path):
    target = tmp_path / "dagordning.md"
    stocked("agenda", "Ledningsgruppen", "--format", "md", "-o", str(target))
    assert "Olle tar fram" in target.read_text(encoding="utf-8")


@pytest.mark.sqlite_only
def test_a_database_in_a_missing_folder_is_an_error_and_creates_nothing(tmp_path):
    missing = tmp_path / "finns-inte"
    track = Track(missing / "track.db")
    for command in (["add", "Vi ska boka lokal"], ["open"]):
        result = track.fails(*command)
        assert result.stderr.count("\n") == 1 and "does not exist" in result.stderr
    assert not missing.exists()
    assert "Database ready" in track("init").stdout and (missing / "track.db").is_file()
    track("add", "Vi ska boka lokal")


@pytest.mark.sqlite_only
def test_another_programs_sqlite_file_is_refused_untouched(tmp_path):
    other = tmp_path / "kalender.sqlite"
    con = sqlite3.connect(other)
    con.execute("create table events (id integer, title text)")
    con.commit()
    con.close()
    track = Track(other)
    for command in (["add", "Vi ska boka lokal"], ["open"]):
        assert "not an actiontrack database" in track.fails(*command).stderr
    tables = [
        r[0] for r in sqlite3.connect(other).execute("select name from sqlite_master where type='table'")
    ]
    assert tables == ["events"]


@pytest.mark.sqlite_only
def test_reading_a_new_database_path_creates_nothing(tmp_path):
    track = Track(tmp_path / "ny.db")
    assert track.json("open") == []
    assert not (tmp_path / "ny.db").exists()


def test_the_default_database_is_created_on_first_write(tmp_path, monkeypatch):
    home = tmp_path / "hem" / "actiontrack"
    monkeypatch.setenv("TRACK_HOME", str(home))
    from typer.testing import CliRunner

    from actiontrack.cli import app

    result = CliRunner().invoke(app, ["add", "Vi ska boka lokal"])
    assert result.exit_code == 0, result.output
    assert (home / "actiontrack.db").is_file()


def test_owners_given_twice_count_once(people):
    item = people.json("add", "Boka lokal", "--owner", "Leif", "--owner", "Leif Redestig")
    assert item["owners"] == ["Leif Redestig"]
    edited = people.json("edit", str(item["id"]), "--owner", "Ia", "--owner", "Ia")
    assert edited["owners"] == ["Ia Jonsson"]


def test_people_add_warns_when_the_name_already_means_someone_else(people):
    result = people("people", "add", "Bosse")
    assert "'Bosse' meant Bo Pettersson until now" in result.stderr
    assert 'track people merge "Bo Pettersson" "Bosse"' in result.stderr
    assert "meant" not in people("people", "add", "Karin Holm").stderr


def test_import_finds_a_known_person_by_a_unique_first_name_and_warns_on_several(track, tmp_path):
    track("people", "add", "Anki Sörensen")
    minutes = (
        "Minnesanteckningar Styrgruppen 4 april 2019\n\nNärvarande: Anki, Olle Berg\n\nAnki ska boka lokal.\n"
    )
    path = tmp_path / "styr.txt"
    path.write_text(minutes, encoding="utf-8")
    track("import", str(path), "--yes")
    assert [i["owners"] for i in track.json("open")] == [["Anki Sörensen"]]
    assert sorted(p["name"] for p in track.json("people", "list")) == ["Anki Sörensen", "Olle Berg"]
    track("people", "add", "Anki Berg")
    again = tmp_path / "styr2.txt"
    again.write_text(minutes.replace("4 april", "2 maj"), encoding="utf-8")
    result = track("import", str(again), "--yes")
    assert "'Anki' could be Anki Berg or Anki Sörensen; added as a new person" in result.stderr
    assert 'track people merge "Anki Berg" "Anki"' in result.stderr


def test_at_a_terminal_import_asks_which_of_several_known_people_a_name_means(track, tmp_path):
    track("people", "add", "Anki Sörensen")
    track("people", "add", "Anki Berg")
    minutes = (
        "Minnesanteckningar Styrgruppen 4 april 2019\n\nNärvarande: Anki, Olle Berg\n\nAnki ska boka lokal.\n"
    )
    path = tmp_path / "styr.txt"
    path.write_text(minutes, encoding="utf-8")
    result = track("import", str(path), "--review", input="A\n2\n")
    assert "'Anki' in the minutes could be:" in result.stderr
    assert [i["owners"] for i in track.json("open")] == [["Anki Sörensen"]]
    assert len(track.json("people", "list")) == 3  # no new Anki
