"""The `track` command line: a typer app over the service layer.

base.py holds the app, the global options and the shared helpers; each command group lives in
its own module. COMMANDS says which module holds each command, in the order of --help: a
command's module is imported only when that command is run (or --help lists them all), so
`track open` does not pay for importing the modules of the twenty other commands (issue 15).
tests/test_startup.py checks this table against the commands the modules register.
"""

COMMANDS = {
    **dict.fromkeys(["add", "open", "done", "reopen", "drop", "edit", "note", "show", "date"], "items"),
    **dict.fromkeys(["extract", "import"], "documents"),
    **dict.fromkeys(["agenda", "digest", "export"], "agenda"),
    **dict.fromkeys(["undo", "log"], "history"),
    **dict.fromkeys(["init", "check", "backup"], "database"),
    "meeting": "meetings",
    **dict.fromkeys(["people", "person"], "people"),
    "config": "config",  # issue 14
}

from actiontrack.cli.base import app  # noqa: E402 - COMMANDS first: base.py reads it

__all__ = ["COMMANDS", "app", "main"]


def main() -> None:
    app()
