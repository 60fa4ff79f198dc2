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

    Precedence: `--db PATH` > `TRACK_DATABASE_URL` > `TRACK_DB` > home_dir()/actiontrack.db.
    """
    if db:
        return _sqlite_url(db)
    url = os.environ.get("TRACK_DATABASE_URL")
    if url:
        return url
    path = os.environ.get("TRACK_DB")
    if path:
        return _sqlite_url(path)
    return _sqlite_url(str(default_database()))


def default_database() -> Path:
    """The one database file that is created, folder and all, on first use."""
    return (home_dir() / "actiontrack.db").expanduser().resolve()


def _sqlite_url(path: str) -> str:
    return "sqlite:///" + str(Path(path).expanduser().resolve())


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, None for other databases."""
    prefix = "sqlite:///"
    if url.startswith(prefix) and url != prefix + ":memory:":
        return Path(url[len(prefix) :])
    return None
