"""Bad input, table-driven: each case gives one sentence on stderr and a non-zero exit status,
writes nothing, and never shows a traceback. (Windows-1252 text and a name with quotes and SQL
in it are not bad input: they are read and stored as they are, and the table says so.)"""

import os
import sqlite3

import pytest

from tests.conftest import Track


def make(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


BAD_FILES = [
    ("empty file", "tom.txt", b"", "is empty"),
    ("whitespace only", "blank.txt", b" \n\t\n   \n", "is empty"),
    ("binary file", "bild.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
    ("NUL byte in text", "nul.txt", b"Gruppen 1 mars 2019\n\nLeif ska\x00 skicka.\n", "binary"),
    (
        "50 MB file",
        "stor.txt",
        b"Leif ska skicka protokollet.\n" * (50 * 1024 * 1024 // 29 + 1),
        "larger than",
    ),
    (
        "100,000-character line",
        "rad.txt",
        ("Leif ska skicka " + "x" * 100_000 + ".\n").encode(),
        "characters long",
    ),
    ("not a Word file", "trasig.docx", b"PK\x03\x04 this is no zip", "not a readable Word document"),
]


@pytest.mark.parametrize(("case", "name", "data", "message"), BAD_FILES, ids=[c[0] for c in BAD_FILES])
@pytest.mark.parametrize("command", ["extract", "import"])
def test_bad_files(track, tmp_path, case, name, data, message, command):
    path = make(tmp_path, name, data)
    args = [command, path] + (["--yes"] if command == "import" else [])
    result = track.fails(*args)
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert track.is_empty()


@pytest.mark.parametrize(
    ("case", "path", "message"),
    [("non-existent path", "finns/inte.txt", "does not exist"), ("a directory", ".", "is a directory")],
)
def test_bad_paths(track, tmp_path, case, path, message):
    target = str(tmp_path / path)
    assert message in track.fails("import", target, "--yes").stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(track, tmp_path):
    path = make(tmp_path, "hemlig.txt", b"Gruppen 1 mars 2019\n")
    os.chmod(path, 0)
    assert "cannot be read" in track.fails("extract", path).stderr


def test_unreadable_file_reported_in_one_sentence(track, tmp_path, monkeypatch):
    """The same as above where the tests run as root: the error the OS gives, in one sentence."""
    import pathlib

    def denied(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))

    path = make(tmp_path, "hemlig.txt", b"Gruppen 1 mars 2019\n")
    monkeypatch.setattr(pathlib.Path, "open", denied)
    assert "cannot be read: Permission denied" in track.fails("extract", path).stderr


def test_windows_1252_text_is_read_not_refused(track, tmp_path):
    path = make(
        tmp_path,
        "ansi.txt",
        "Gruppen 4 mars 2019\n\nÅke ska skicka rapporten till förvaltningen.\n".encode("cp1252"),
    )
    data = track.json("extract", path)
    assert data["items"][0]["source"] == "Åke ska skicka rapporten till förvaltningen."


@pytest.mark.parametrize(
    ("case", "args", "message", "code"),
    [
        ("impossible date", ["add", "Boka lokal", "--due", "den 31 februari"], "has no day 31", 1),
        ("week 54", ["add", "Boka lokal", "--due", "vecka 54"], "at most 53 weeks", 1),
        ("id not a number", ["done", "tolv"], "", 2),
        ("negative id", ["show", "-5"], "", 2),
        ("unknown id", ["drop", "999", "--reason", "x"], "no item 999", 1),
        ("empty text", ["add", ""], "needs a text", 1),
        ("unknown option", ["open", "--colour"], "", 2),
        ("bad format", ["open", "--format", "xml"], "", 2),
    ],
)
def test_bad_values(track, case, args, message, code):
    result = track.fails(*args, code=code)
    assert message in result.stderr
    assert track.is_empty()


def test_a_name_with_quotes_and_sql_is_stored_as_written(track):
    name = 'Robert\'); DROP TABLE items;-- "Bobby"'
    track("people", "add", name)
    track("add", "Boka lokal", "--owner", name)
    assert track.json("open")[0]["owners"] == [name]
    assert [p["name"] for p in track.json("people", "list")] == [name]


@pytest.mark.sqlite_only
def test_an_unwritable_database_location(tmp_path):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where a directory should be")
    result = Track(blocked / "track.db").fails("add", "Boka lokal")
    assert "Cannot create the database" in result.stderr


@pytest.mark.sqlite_only
def test_a_corrupt_database_file(tmp_path):
    db = tmp_path / "trasig.db"
    db.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4096)
    before = db.read_bytes()
    for args in (["add", "Boka lokal"], ["open"], ["check"]):
        assert "cannot be" in Track(db).fails(*args).stderr
    assert db.read_bytes() == before


@pytest.mark.sqlite_only
def test_a_read_only_database_file(tmp_path):
    db = tmp_path / "ro.db"
    Track(db)("add", "Boka lokal")
    con = sqlite3.connect(db)
    con.execute("PRAGMA query_only=ON")
    con.close()
    if os.geteuid() != 0:
        os.chmod(db, 0o400)
        assert "cannot be used" in Track(db).fails("add", "Boka mer").stderr
