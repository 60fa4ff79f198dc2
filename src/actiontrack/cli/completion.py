"""What Tab offers for the values of arguments and options: the groups and the people in the
database (`track agenda Gem<Tab>`, `track open --owner Le<Tab>`).

typer calls these when the shell asks (`_TRACK_COMPLETE` set, see entry.py). A Tab must never
fail or change anything: a database that is not there, or cannot be read, offers nothing.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import typer


def groups(ctx: typer.Context, incomplete: str) -> list[str]:
    """The groups whose name starts with what is typed."""
    return _offered(ctx, incomplete, lambda repo: repo.group_names())


def people(ctx: typer.Context, incomplete: str) -> list[str]:
    """The people whose name starts with what is typed."""
    return _offered(ctx, incomplete, lambda repo: [p.name for p in repo.list_people()])


def _offered(ctx: Any, incomplete: str, read: Callable[[Any], list[str]]) -> list[str]:
    typed = incomplete.strip("'\"").casefold()
    names = [n for n in _read(ctx, read) if n.casefold().startswith(typed)]
    if os.environ.get("_TRACK_COMPLETE", "").endswith("bash") and incomplete[:1] not in ("'", '"'):
        names = [n.replace(" ", "\\ ") for n in names]  # bash puts the words in as they are
    return sorted(names)


def _read(ctx: Any, read: Callable[[Any], list[str]]) -> list[str]:
    import sqlite3

    from actiontrack.errors import ActionTrackError
    from actiontrack.paths import database_url, sqlite_path
    from actiontrack.storage import open_reader

    url = database_url(ctx.find_root().params.get("db"))
    path = sqlite_path(url)
    if path is not None and not path.is_file():
        return []
    try:
        with open_reader(url) as repo:
            return read(repo)
    except (ActionTrackError, OSError, sqlite3.Error):
        return []
