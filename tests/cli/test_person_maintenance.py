import json
import os

import pytest

from actiontrack.storage.migrations import MIGRATIONS
from tests.conftest import DATA, FIXTURES, Track


@pytest.fixture
def imported(tmp_path):
    track = Track(tmp_path / "track.db", now="2017-12-08T09:00:00+01:00")
    track("import", *sorted(str(p) for p in DATA.glob("*.txt")), "--yes")
    (leifs,) = track.json("open", "--owner", "Leif Redestig")
    track("note", str(leifs["id"]), "Leif Redestig ringde tillbaka")
    track.leifs_item = leifs["id"]
    return track


def file_bytes(db):
    data = db.read_bytes()
    for suffix in ("-wal", "-shm"):
        extra = db.with_name(db.name + suffix)
        if extra.exists():
            data += extra.read_bytes()
    return data


def test_person_export_has_everything_stored_about_them(imported):
    data = json.loads(imported("person", "export", "Leif Redestig").stdout)
    assert data["person"]["name"] == "Leif Redestig"
    assert {m["group"] for m in data["meetings"]} >= {
        "Gemensam utvecklingsgrupp",
        "Ledningsgrupp för utveckling",
    }
    (owned,) = data["items_owned"]
    assert owned["text"].startswith("Leif ska skicka ut förslag")
    assert [h["action"] for h in owned["history"]] == ["created", "noted"]


def test_person_forget_leaves_no_trace_in_the_database_file(imported):
    before = imported.json("open", "--all")
    on_file = not imported.url
    assert not on_file or b"Redestig" in file_bytes(imported.db)
    result = imported("person", "forget", "Leif Redestig", "--yes")
    assert "Forgot Leif Redestig" in result.stdout
    if on_file:
        data = file_bytes(imported.db)
        assert b"Redestig" not in data and b"Leif" not in data
    assert "Leif" not in imported("export", "--format", "json").stdout
    after = imported.json("open", "--all")
    assert len(after) == len(before)  # the items stay
    (kept,) = [i for i in after if i["id"] == imported.leifs_item]
    assert kept["owners"] == ["removed person"]
    assert kept["text"] == "removed person ska skicka ut förslag på tid för ett möte."
    assert "Leif Redestig" not in [p["name"] for p in imported.json("people", "list")]
    assert imported("check").stdout.rstrip().endswith("OK")


def test_person_forget_rewrites_only_what_names_that_person(tmp_path):
    track = Track(tmp_path / "t.db")
    track("people", "add", "Anna Berg")
    track("people", "add", "Anna Lind")
    track("add", "Anna Berg ska ringa", "--owner", "Anna Berg")
    track("add", "Anna Lind ska skriva", "--owner", "Anna Lind")
    track("person", "forget", "Anna Berg", "--yes")
    texts = [i["text"] for i in track.json("open")]
    assert texts == ["removed person ska ringa", "Anna Lind ska skriva"]


def test_person_forget_needs_a_confirmation(imported):
    assert "--yes" in imported.fails("person", "forget", "Leif Redestig", code=2).stderr
    assert "Leif Redestig" in [p["name"] for p in imported.json("people", "list")]
    assert "Nobody called" in imported.fails("person", "export", "Sara").stderr


def test_check_reports_a_healthy_database(imported):
    report = imported.json("check")
    assert report["ok"] is True and report["schema_version"] == len(MIGRATIONS)
    assert report["counts"]["items"] >= 25


@pytest.mark.sqlite_only
def test_check_notices_a_database_others_can_read(imported):
    os.chmod(imported.db, 0o644)
    assert "chmod 600" in imported("check").stdout


@pytest.mark.sqlite_only
def test_backup_is_a_consistent_private_copy(imported, tmp_path):
    target = tmp_path / "kopia.db"
    imported("backup", str(target))
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    copy = Track(target, now=imported.now)
    assert copy.json("open", "--all") == imported.json("open", "--all")
    assert "exists" in imported.fails("backup", str(target), code=2).stderr


@pytest.mark.sqlite_only
def test_backup_while_another_process_writes(imported, tmp_path):
    import subprocess
    import sys

    writer = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys\nfrom typer.testing import CliRunner\nfrom actiontrack.cli import app\n"
            "r = CliRunner()\nfor n in range(40):\n    assert r.invoke(app, ['--db', sys.argv[1], 'add', f'Vi ska {n}']).exit_code == 0",
            str(imported.db),
        ],
    )
    copies = []
    for n in range(5):
        target = tmp_path / f"kopia{n}.db"
        imported("backup", str(target))
        copies.append(target)
    assert writer.wait(timeout=120) == 0
    for target in copies:
        assert Track(target)("check").stdout.rstrip().endswith("OK")


def test_restore_of_a_protocol_fixture_for_completeness(tmp_path):
    track = Track(tmp_path / "t.db")
    track("import", str(FIXTURES / "protokoll-paragrafer.txt"), "--yes")
    assert track.json("check")["ok"]
