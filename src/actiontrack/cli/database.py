"""Commands that look after the database: check and backup."""

# No `from __future__ import annotations` here: typer would eval() every annotation
# string of every command at each start (about 20 ms).
from typing import Annotated

import typer

from actiontrack.cli.base import (
    OutFormat,
    app,
    echo_json,
    example,
    say,
    state_of,
)
from actiontrack.i18n import _

# --- the database ----------------------------------------------------------------------------------------------


@app.command(
    help=_("Create the database (and its folder) if it does not exist yet, and say where it is.")
    + "\n\n"
    + _(
        "Other commands create only the default database; a --db path in a folder that does "
        "not exist is an error there, so that a typing mistake leaves nothing behind."
    )
    + example("track --db ~/protokoll/track.db init")
)
def init(ctx: typer.Context) -> None:
    from actiontrack.paths import sqlite_path
    from actiontrack.storage import open_database

    state = state_of(ctx)
    with open_database(state.url, create_folder=True) as db, db.transaction():
        pass
    path = sqlite_path(state.url)
    say(_("Database ready: {where}").format(where=path if path else state.url.split("@")[-1]))


@app.command(
    help=_("Check the database: integrity, schema version, links between rows, who may read it.")
    + "\n\n"
    + _(
        "Exit status 1 when something is wrong. With --compact the database is first "
        "rebuilt without the deleted rows (SQLite: VACUUM and an emptied write-ahead log; "
        "PostgreSQL: VACUUM FULL), which `track person forget` does and asks to repeat "
        "when another program kept it from finishing."
    )
)
def check(
    ctx: typer.Context,
    compact: Annotated[
        bool,
        typer.Option("--compact", help=_("First clean the file of deleted text (as `person forget` does).")),
    ] = False,
    fmt: Annotated[OutFormat, typer.Option("--format", "-f", help=_("Output format."))] = OutFormat.table,
) -> None:
    from actiontrack.storage.journal import counted
    from actiontrack.storage.maintenance import check as check_database
    from actiontrack.storage.maintenance import purge

    url = state_of(ctx).url
    if compact:
        purge(url, after_change=False)
    report = check_database(url)
    if fmt is OutFormat.json:
        echo_json(
            {
                "database": report.database,
                "ok": report.ok,
                "schema_version": report.schema_version,
                "migrations": report.migrations,
                "counts": report.counts,
                "problems": report.problems,
                "notes": report.notes,
            }
        )
    else:
        say(_("Database: {database}").format(database=report.database))
        say(
            _("Schema version: {version} ({migrations})").format(
                version=report.schema_version, migrations=", ".join(report.migrations)
            )
        )
        say(
            _("Rows: {counts}").format(
                counts=", ".join(counted(table, n) for table, n in report.counts.items())
            )
        )
        for note in report.notes:
            say(_("Note: {note}").format(note=note))
        say(_("OK") if report.ok else _("Problems:") + "\n" + "\n".join(f"  {p}" for p in report.problems))
    if not report.ok:
        raise typer.Exit(1)


@app.command(
    help=_("Copy the SQLite database to FILE, consistently, even while others write to it.")
    + example("track backup ~/backup/actiontrack-2018-01-18.db")
)
def backup(
    ctx: typer.Context,
    target: Annotated[str, typer.Argument(help=_("The new file to write the copy to."), metavar="FILE")],
) -> None:
    from actiontrack.storage.maintenance import backup as backup_database

    dest = backup_database(state_of(ctx).url, target)
    say(_("Backed up to {file}.").format(file=dest))
