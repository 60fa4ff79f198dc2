import pytest


def test_people_add_list_alias_merge(track):
    track("people", "add", "Bo Pettersson", "--org", "Ria/G7", "--alias", "Bosse P")
    track("people", "add", "Bo P")
    assert track.fails("people", "add", "Bo Pettersson").stderr.strip().endswith("already known.")
    track("people", "alias", "Bo Pettersson", "Bo från Ria")
    people = track.json("people", "list")
    assert people[0] == {"id": 2, "name": "Bo P", "organisation": None, "aliases": []}
    assert people[1]["aliases"] == ["bo från ria", "bosse p"]
    track("add", "Bo P ska ringa")
    track("people", "merge", "Bo Pettersson", "Bo P")
    assert [p["name"] for p in track.json("people", "list")] == ["Bo Pettersson"]
    assert track.json("open")[0]["owners"] == ["Bo Pettersson"]
    assert "Bo Pettersson" in track("people").stdout


def test_people_errors(track):
    track("people", "add", "Anna Berg")
    track("people", "add", "Anna Lind")
    assert "could be any of" in track.fails("people", "alias", "Anna", "Annie").stderr
    assert "same person" in track.fails("people", "merge", "Anna Berg", "anna berg").stderr
    assert "Nobody called" in track.fails("people", "merge", "Anna Berg", "Sara").stderr


def test_meeting_start_and_list(track):
    started = track.json(
        "meeting", "start", "Gemensam utvecklingsgrupp", "--date", "22 februari", "--place", "Bryggan"
    )
    assert (started["date"], started["place"]) == ("2016-02-22", "Bryggan")
    track("meeting", "start", "Styrgruppen", "--new-group")
    listed = track.json("meeting", "list")
    assert [(m["group"], m["date"]) for m in listed] == [
        ("Styrgruppen", "2016-02-08"),
        ("Gemensam utvecklingsgrupp", "2016-02-22"),
    ]
    assert "2 *" in track("meeting", "list").stdout  # the current meeting
    assert track.json("add", "Vi ska boka buss")["meeting"]["group"] == "Styrgruppen"


def test_meeting_start_errors(track):
    assert "not a date" in track.fails("meeting", "start", "Gruppen", "--date", "igår kanske").stderr
    assert "needs the name" in track.fails("meeting", "start", " ").stderr


def test_date_prints_the_iso_date_alone_on_the_first_line(track):
    assert track("date", "nästa fredag", "--base", "2016-02-08").stdout == "2016-02-19\n"
    assert track("date", "i mitten på mars").stdout == "2016-03-15\n"  # --now is 2016-02-08


def test_date_errors(track):
    result = track.fails("date", "någon gång", "--base", "2016-02-08")
    assert result.stdout == "" and result.stderr.startswith("Error: ")
    assert "contradicts itself" in track.fails("date", "måndag 19 december 2017").stderr
    assert track.fails("date", "fredag", "--base", "igår", code=2)


def test_version_and_help(track):
    assert track("--version").stdout.startswith("track ")
    for command in [
        "add",
        "open",
        "done",
        "reopen",
        "drop",
        "edit",
        "note",
        "show",
        "date",
        "extract",
        "import",
    ]:
        help_text = track(command, "--help").stdout
        assert "Usage:" in help_text
    assert "Example" in track("add", "--help").stdout


@pytest.mark.sqlite_only
def test_an_unwritable_database_is_one_sentence(tmp_path):
    from tests.conftest import Track

    blocked = tmp_path / "blocked"
    blocked.write_text("not a directory")
    result = Track(blocked / "x.db").fails("open")
    assert "Cannot create the database" in result.stderr


@pytest.mark.sqlite_only
def test_a_corrupt_database_is_one_sentence(tmp_path):
    from tests.conftest import Track

    db = tmp_path / "corrupt.db"
    db.write_bytes(b"garbage" * 1000)
    assert "cannot be used" in Track(db).fails("add", "Boka lokal").stderr
    assert db.read_bytes() == b"garbage" * 1000


@pytest.mark.sqlite_only
def test_track_db_environment_variable(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from actiontrack.cli import app

    db = tmp_path / "env.db"
    monkeypatch.setenv("TRACK_DB", str(db))
    assert CliRunner().invoke(app, ["add", "Boka lokal"]).exit_code == 0
    assert db.exists()


@pytest.mark.sqlite_only
def test_default_database_lives_in_track_home(tmp_path):
    from typer.testing import CliRunner

    from actiontrack.cli import app

    assert CliRunner().invoke(app, ["add", "Boka lokal"]).exit_code == 0
    assert (tmp_path / "home" / "actiontrack.db").exists()


@pytest.mark.parametrize("url", ["nosuchdb://somewhere/track", "not a url at all"])
def test_a_bad_database_url_is_one_sentence(url):
    from typer.testing import CliRunner

    from actiontrack.cli import app

    result = CliRunner().invoke(app, ["open"], env={"TRACK_DATABASE_URL": url})
    assert (
        result.exit_code == 1 and "TRACK_DATABASE_URL" in result.stderr and "Traceback" not in result.output
    )
