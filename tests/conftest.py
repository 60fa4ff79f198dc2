from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from actiontrack.cli import app

DATA = Path(__file__).resolve().parent.parent / "data"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
NOW = "2016-02-08T10:00:00+01:00"  # a Monday; the date of the sample February minutes


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path, monkeypatch):
    """No test touches a real home or database (as llm's env_setup)."""
    monkeypatch.setenv("TRACK_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("TRACK_DB", raising=False)
    monkeypatch.delenv("TRACK_DATABASE_URL", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "160")


class Track:
    """Runs `track` in-process with CliRunner on a temporary database, at a fixed time."""

    def __init__(self, db: Path, now: str = NOW) -> None:
        self.db = db
        self.now = now
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None, ok: bool = True):
        result = self.runner.invoke(app, ["--db", str(self.db), "--now", self.now, *args], input=input)
        if ok:
            assert result.exit_code == 0, result.output
        return result

    def json(self, *args: str):
        result = self(*args, "--format", "json")
        return json.loads(result.stdout)

    def fails(self, *args: str, code: int = 1, input: str | None = None):
        result = self(*args, input=input, ok=False)
        assert result.exit_code == code, result.output
        assert "Traceback" not in result.output
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
        return result


@pytest.fixture
def track(tmp_path) -> Track:
    return Track(tmp_path / "track.db")


@pytest.fixture
def people(track):
    """A few people, as a secretary would have them."""
    track("people", "add", "Leif Redestig", "--org", "socialförvaltningen")
    track("people", "add", "Ia Jonsson")
    track("people", "add", "Allan Hedman", "--org", "socialförvaltningen")
    track("people", "add", "Bo Pettersson", "--org", "Ria/G7")
    return track
