"""Where actiontrack keeps its data. Resolved when asked, never at import time."""

from __future__ import annotations

import os
from pathlib import Path


def home_dir() -> Path:
    """`TRACK_HOME`, else the platform's user data directory."""
    env = os.environ.get("TRACK_HOME")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_path("actiontrack"))


def database_url(db: str | None = None) -> str:
    """The SQLAlchemy URL of the store.

    Precedence: `--db PATH` > `TRACK_DATABASE_URL` > `TRACK_DB` > `database_url` in config.toml
    > home_dir()/actiontrack.db.
    """
    return database_source(db)[0]


def database_source(db: str | None = None) -> tuple[str, str, str]:
    """database_url() and where it comes from, for `track config list`: the URL, the kind of
    source ("option", "environment", "file", "default") and which one (`--db`, the variable)."""
    if db:
        return _sqlite_url(db), "option", "--db"
    url = os.environ.get("TRACK_DATABASE_URL")
    if url:
        return url, "environment", "TRACK_DATABASE_URL"
    path = os.environ.get("TRACK_DB")
    if path:
        return _sqlite_url(path), "environment", "TRACK_DB"
    from actiontrack.config import config_path, file_value

    url = file_value("database_url")
    if url:
        return url, "file", str(config_path())
    return _sqlite_url(str(default_database())), "default", ""


def default_database() -> Path:
    """The one database file that is created, folder and all, on first use."""
    return (home_dir() / "actiontrack.db").expanduser().resolve()


def _sqlite_url(path: str) -> str:
    """The URL of a file, its path quoted: a file called 'a%20b.db', 'a?b.db' or 'möte #2.db' is
    that file, not 'a b.db' or 'a'. SQLAlchemy and sqlite_path() unquote it alike."""
    from urllib.parse import quote

    return "sqlite:///" + quote(str(Path(path).expanduser().resolve()), safe="/")


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, None for other databases."""
    from urllib.parse import unquote

    prefix = "sqlite:///"
    if url.startswith(prefix) and url != prefix + ":memory:":
        return Path(unquote(url[len(prefix) :].split("?", 1)[0]))
    return None
