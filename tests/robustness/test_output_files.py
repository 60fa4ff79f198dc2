"""`-o` writes a file whole, and only a file that may be replaced: never the database, another
database, a device, a pipe or a folder; an existing file only with --force."""

import os
import sqlite3
import stat

import pytest

from tests.conftest import Track

COMMANDS = [
    ["export", "--format", "csv"],
    ["export", "--format", "json"],
    ["export", "--format", "xlsx"],
    ["export", "--format", "ics"],
    ["agenda", "+Gruppen", "--format", "md"],
    ["agenda", "+Gruppen", "--format", "html"],
    ["agenda", "+Gruppen", "--format", "docx"],
    ["agenda", "+Gruppen"],
]


@pytest.fixture
def track(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    track = Track(tmp_path / "track.db")
    track("meeting", "start", "+Gruppen", "--date", "2016-02-08")
    track("add", "Vi ska boka lokalen", "--owner", "gruppen")
    return track


def _one_sentence(result):
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1, result.output
    return result.output


@pytest.mark.sqlite_only
@pytest.mark.parametrize("command", COMMANDS)
def test_the_database_is_never_an_output(track, command):
    before = track.db.read_bytes()
    out = _one_sentence(track(*command, "-o", str(track.db), "--force", ok=False))
    assert "is the database itself" in out
    assert track.db.read_bytes() == before
    assert track.json("open")  # still a database with its item


@pytest.mark.parametrize("command", COMMANDS)
def test_any_sqlite_file_is_refused(track, tmp_path, command):
    other = tmp_path / "annan.sqlite"
    with sqlite3.connect(other) as con:
        con.execute("CREATE TABLE t (x)")
    before = other.read_bytes()
    out = _one_sentence(track(*command, "-o", str(other), "--force", ok=False))
    assert "is a database" in out and other.read_bytes() == before


@pytest.mark.parametrize(
    ("target", "kind"),
    [("/dev/full", "a device, not a file"), ("/dev/null", "a device, not a file"), (".", "a directory")],
)
def test_devices_and_folders_are_refused(track, target, kind):
    before = os.stat(target)
    out = _one_sentence(track("export", "--format", "json", "-o", target, "--force", ok=False))
    assert f"is {kind}" in out
    after = os.stat(target)
    assert stat.S_IFMT(after.st_mode) == stat.S_IFMT(before.st_mode)


def test_a_named_pipe_is_refused_without_blocking(track, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    out = _one_sentence(track("agenda", "+Gruppen", "--format", "md", "-o", str(fifo), ok=False))
    assert "is a named pipe" in out and stat.S_ISFIFO(fifo.stat().st_mode)


@pytest.mark.parametrize("command", COMMANDS)
def test_an_existing_file_is_replaced_only_with_force(track, tmp_path, command):
    target = tmp_path / "ut.fil"
    target.write_text("mitt eget\n")
    target.chmod(0o644)
    out = _one_sentence(track(*command, "-o", str(target), ok=False))
    assert "exists; nothing was written (add --force to replace it)" in out
    assert target.read_text() == "mitt eget\n"
    track(*command, "-o", str(target), "--force")
    assert target.read_bytes() != b"mitt eget\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644  # a replaced file keeps its mode
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".ut.fil")] == []


def test_a_new_file_is_private_and_written_through_a_temporary_file(track, tmp_path, monkeypatch):
    renames = []
    real = os.replace
    monkeypatch.setattr(os, "replace", lambda a, b: (renames.append((str(a), str(b))), real(a, b))[1])
    target = tmp_path / "ny.csv"
    track("export", "--format", "csv", "-o", str(target))
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    (tmp, final) = renames[-1]
    assert final == str(target) and os.path.dirname(tmp) == str(tmp_path) and tmp.endswith(".partial")


def test_a_link_is_kept_and_what_it_names_replaced(track, tmp_path):
    real = tmp_path / "riktig.csv"
    real.write_text("gammal\n")
    link = tmp_path / "länk.csv"
    link.symlink_to(real)
    track("export", "--format", "csv", "-o", str(link), "--force")
    assert link.is_symlink() and "boka lokalen" in real.read_text(encoding="utf-8-sig")


def test_a_yes_at_the_terminal_replaces(track, tmp_path, monkeypatch):
    from actiontrack.cli import output

    asked = []
    monkeypatch.setattr(output, "confirm_callback", lambda: lambda q: asked.append(q) or True)
    target = tmp_path / "ut.md"
    target.write_text("gammal\n")
    track("agenda", "+Gruppen", "--format", "md", "-o", str(target))
    assert asked == [f"{target} exists. Replace it?"] and "gammal" not in target.read_text()
