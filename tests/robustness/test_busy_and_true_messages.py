"""Messages say what happened: a compaction that failed changed nothing, a backup that cannot
read the database blames the database, and `person forget` behind another program's lock says
so within busy_timeout seconds instead of waiting 150 s."""

import sqlite3
import time

import pytest

from tests.conftest import Track
from tests.robustness.test_files import read_only, run  # noqa: F401 - a fixture and its runner


@pytest.fixture
def kerstin(tmp_path, monkeypatch):
    monkeypatch.setenv("TRACK_BUSY_TIMEOUT", "1")
    track = Track(tmp_path / "t.db")
    track("people", "add", "Kerstin Öberg")
    track("add", "Kerstin ska ringa", "--owner", "Kerstin Öberg")
    return track


@pytest.mark.sqlite_only
def test_a_failed_compaction_says_nothing_was_changed(kerstin, monkeypatch):
    from actiontrack.storage import maintenance

    monkeypatch.setattr(maintenance, "CLEANUP_PAUSE_S", 0)
    monkeypatch.setattr(maintenance, "_clean_sqlite", lambda path: "database or disk is full")
    result = kerstin.fails("check", "--compact")
    assert "Nothing was changed" in result.stderr and "database or disk is full" in result.stderr
    assert "The change is saved" not in result.stderr


def test_a_failed_compaction_on_postgres_says_nothing_was_changed(kerstin, monkeypatch):
    if not kerstin.url:
        pytest.skip("about PostgreSQL's VACUUM FULL")
    import psycopg

    schema = kerstin.url.split("search_path%3D")[-1]
    with psycopg.connect(kerstin.url.split("?")[0].replace("+psycopg", "")) as other:
        other.execute(f"SELECT count(*) FROM {schema}.items").fetchall()  # a transaction left open
        started = time.monotonic()
        result = kerstin.fails("check", "--compact")
        assert time.monotonic() - started < 10
    assert "Nothing was changed" in result.stderr and "for more than 1 s" in result.stderr


@pytest.mark.sqlite_only
def test_forget_behind_a_writer_says_so_within_the_busy_timeout(kerstin):
    other = sqlite3.connect(kerstin.db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program in the middle of a change
    try:
        started = time.monotonic()
        result = kerstin.fails("person", "forget", "Kerstin Öberg", "--yes")
        assert time.monotonic() - started < 5
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert "Nothing was forgotten: another program has kept the database busy for 1 s" in result.stderr
    assert "busy_timeout" in result.stderr
    assert [p["name"] for p in kerstin.json("people", "list")] == ["Kerstin Öberg"]


@pytest.mark.sqlite_only
def test_forget_behind_a_reader_says_so_within_seconds(kerstin):
    reader = sqlite3.connect(kerstin.db)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM items").fetchall()  # holds a snapshot of the old pages
    try:
        started = time.monotonic()
        result = kerstin.fails("person", "forget", "Kerstin Öberg", "--yes")
        assert time.monotonic() - started < 5
    finally:
        reader.close()
    assert "The change is saved" in result.stderr and "track check --compact" in result.stderr
    assert kerstin("check", "--compact").stdout.rstrip().endswith("OK")


def test_busy_timeout_is_a_setting(kerstin, monkeypatch):
    monkeypatch.delenv("TRACK_BUSY_TIMEOUT")
    assert kerstin("config", "get", "busy_timeout").stdout.strip() == "5"
    kerstin("config", "set", "busy_timeout", "2")
    from actiontrack import config
    from actiontrack.storage.maintenance import busy_timeout

    config.reload()
    assert busy_timeout() == 2


@pytest.mark.sqlite_only
def test_a_backup_from_a_read_only_folder_is_made(read_only, tmp_path):  # noqa: F811
    target = tmp_path / "kopia.db"
    result = run(read_only, "backup", str(target))
    assert result.returncode == 0, result.stderr
    assert "Vi ska läsa från en skrivskyddad mapp" in Track(target)("open").stdout


@pytest.mark.sqlite_only
def test_a_backup_of_an_unreadable_database_blames_the_database(tmp_path):
    db = tmp_path / "trasig.db"
    db.write_bytes(b"SQLite format 3\x00" + b"\xff" * 200)
    result = Track(db).fails("backup", str(tmp_path / "kopia.db"))
    assert "Nothing was backed up: the database" in result.stderr and "kopia.db" not in result.stderr
    assert not (tmp_path / "kopia.db").exists()
