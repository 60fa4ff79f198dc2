from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from actiontrack import i18n

i18n.set_language("en")  # the help texts are translated when the commands are imported: English here
from actiontrack.cli import app  # noqa: E402

i18n.set_language(None)  # then each command decides (root callback), as in a real run

DATA = Path(__file__).resolve().parent.parent / "data"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
NOW = "2016-02-08T10:00:00+01:00"  # a Monday; the date of the sample February minutes

# With TRACK_TEST_DATABASE_URL (e.g. postgresql+psycopg://postgres@127.0.0.1:54329/track_test) the
# storage and command tests run against that server: each temporary database path of a test
# becomes a fresh schema there. .ci/run does this with a PostgreSQL it installs and starts.
PG_URL = os.environ.get("TRACK_TEST_DATABASE_URL")
BACKEND = "postgres" if PG_URL else "sqlite"
_schemas: set[str] = set()


def database_url_for(path: Path) -> str:
    """The SQLAlchemy URL a test's database path stands for on the backend under test."""
    if not PG_URL:
        return f"sqlite:///{path}"
    import psycopg

    schema = "t_" + hashlib.sha1(str(path).encode()).hexdigest()[:16]
    if schema not in _schemas:
        with psycopg.connect(PG_URL.replace("+psycopg", ""), autocommit=True) as con:
            con.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
            con.execute(f"CREATE SCHEMA {schema}")
        _schemas.add(schema)
    return PG_URL + ("&" if "?" in PG_URL else "?") + f"options=-csearch_path%3D{schema}"


def pytest_configure(config):
    config.addinivalue_line("markers", "sqlite_only: about the SQLite file itself; skipped on PostgreSQL")


def pytest_collection_modifyitems(config, items):
    if BACKEND == "postgres":
        skip = pytest.mark.skip(reason="about the SQLite file; the run against PostgreSQL skips it")
        for item in items:
            if "sqlite_only" in item.keywords:
                item.add_marker(skip)


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path, monkeypatch):
    """No test touches a real home or database (as llm's env_setup)."""
    monkeypatch.setenv("TRACK_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("TRACK_DB", raising=False)
    monkeypatch.delenv("TRACK_DATABASE_URL", raising=False)
    monkeypatch.setenv("TRACK_CONFIG", str(tmp_path / "config.toml"))  # never the user's settings
    monkeypatch.delenv("TRACK_LANG", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    for var in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):  # the language follows the locale: English here
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("COLUMNS", "160")
    from actiontrack import config, i18n

    config.reload()  # the settings read by the test before are forgotten, as its `--lang`
    i18n.set_language(None)  # (commands run in-process)
    yield
    config.reload()
    i18n.set_language(None)


class Track:
    """Runs `track` in-process with CliRunner on a temporary database, at a fixed time."""

    def __init__(self, db: Path, now: str = NOW) -> None:
        self.db = db
        self.now = now
        self.runner = CliRunner()
        self.url = database_url_for(db) if PG_URL else None

    @property
    def address(self) -> tuple[list[str], dict[str, str]]:
        """How a command names this database: `--db PATH` for SQLite, TRACK_DATABASE_URL otherwise."""
        if self.url:
            return [], {"TRACK_DATABASE_URL": self.url}
        return ["--db", str(self.db)], {}

    def __call__(self, *args: str, input: str | None = None, ok: bool = True):
        options, env = self.address
        result = self.runner.invoke(app, [*options, "--now", self.now, *args], input=input, env=env)
        if ok:
            assert result.exit_code == 0, result.output
        return result

    def is_empty(self) -> bool:
        """Nothing was ever written: no database file, or one without meetings, people or items."""
        if not self.url and not self.db.exists():
            return True
        return (
            self.json("meeting", "list") == []
            and self.json("open", "--all") == []
            and self.json("people", "list") == []
        )

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
