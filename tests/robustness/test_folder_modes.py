"""Folders that hold the database or the settings are the owner's only, whatever the umask:
under umask 000 they were made 0777."""

import os
import stat

import pytest

from tests.conftest import Track


@pytest.fixture
def open_umask():
    old = os.umask(0)
    yield
    os.umask(old)


def mode(path):
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.sqlite_only
def test_a_new_database_folder_is_private(tmp_path, open_umask):
    db = tmp_path / "ny" / "under" / "track.db"
    Track(db)("init")
    assert mode(tmp_path / "ny") == 0o700 and mode(tmp_path / "ny" / "under") == 0o700
    assert mode(db) == 0o600


@pytest.mark.sqlite_only
def test_the_default_data_folder_is_private(tmp_path, monkeypatch, open_umask):
    home = tmp_path / "data" / "actiontrack"
    monkeypatch.setenv("TRACK_HOME", str(home))
    from typer.testing import CliRunner

    from actiontrack.cli import app

    result = CliRunner().invoke(app, ["add", "Vi ska boka lokalen"])
    assert result.exit_code == 0, result.output
    assert mode(home) == 0o700 and mode(tmp_path / "data") == 0o700


def test_the_config_folder_is_private(tmp_path, monkeypatch, open_umask):
    config = tmp_path / "conf" / "actiontrack" / "config.toml"
    monkeypatch.setenv("TRACK_CONFIG", str(config))
    Track(tmp_path / "t.db")("config", "set", "language", "sv")
    assert mode(config.parent) == 0o700 and mode(config) == 0o600


def test_an_existing_folder_keeps_its_mode(tmp_path, open_umask):
    shared = tmp_path / "delad"
    shared.mkdir(mode=0o750)
    shared.chmod(0o750)
    Track(shared / "track.db")("init")
    assert mode(shared) == 0o750
