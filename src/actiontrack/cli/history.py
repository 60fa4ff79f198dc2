"""Commands on the record of changes: undo, log."""

# No `from __future__ import annotations` here: typer would eval() every annotation
# string of every command at each start (about 20 ms).
from typing import Annotated

import typer

from actiontrack.cli.base import OutFormat, app, echo_json, example, say, state_of
from actiontrack.i18n import _


@app.command(
    help=_("Undo the last command that changed something: an import, a done, an edit, ...")
    + "\n\n"
    + _(
        "Run it again to undo the command before. `track log` shows what would be undone. "
        "In a shared database only your own commands are undone. `track person forget` "
        "cannot be undone."
    )
    + example("track undo")
)
def undo(ctx: typer.Context) -> None:
    from actiontrack import service

    state = state_of(ctx)
    label, summary = state.write(
        lambda repo: service.undo(repo, now=state.now, user=state.user), record=False
    )
    say(_("Undone: {command} ({summary}).").format(command=label, summary=summary))


@app.command(
    help=_("List the last commands that changed something, newest first; `track undo` reverts the top one.")
    + example("track log -n 5")
)
def log(
    ctx: typer.Context,
    limit: Annotated[int, typer.Option("--limit", "-n", help=_("How many commands to list."))] = 20,
    fmt: Annotated[OutFormat, typer.Option("--format", "-f", help=_("Output format."))] = OutFormat.table,
) -> None:
    from actiontrack import service

    state = state_of(ctx)
    with state.reader() as repo:
        changes = service.log(repo, limit=limit)
    if fmt is OutFormat.json:
        echo_json(
            [
                {
                    "id": c.id,
                    "at": c.at,
                    "user": c.user,
                    "command": c.command,
                    "summary": c.summary,
                    "undone_at": c.undone_at,
                }
                for c in changes
            ]
        )
        return
    if not changes:
        say(_("No changes recorded yet."), err=True)
        return
    several = len({c.user for c in changes}) > 1  # a shared database: say who
    for c in changes:
        undone = "  " + _("[undone {when}]").format(when=_when(c.undone_at)) if c.undone_at else ""
        who = f"{c.user}  " if several else ""
        say(f"{_when(c.at)}  {who}{c.command}: {c.summary}{undone}")


def _when(stamp: str) -> str:
    return stamp[:16].replace("T", " ")  # as `track show` writes its history
