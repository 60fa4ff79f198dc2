"""The `track` command line: a typer app over the service layer.

base.py holds the app, the global options and the shared helpers; each command group lives in
its own module. COMMANDS says which module holds each command, in the order of --help: a
command's module is imported only when that command is run (or --help lists them all), so
`track open` does not pay for importing the modules of the twenty other commands (issue 15).
tests/test_startup.py checks this table against the commands the modules register.
The weekly commands are first offered to fast.py, which runs them without typer (issue 15).
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

__all__ = ["COMMANDS", "app", "main"]


def __getattr__(name: str) -> object:
    """`app` is imported when asked for: fast.py runs the weekly commands from the modules of
    this package that import no typer (state, output, item_commands), see fast.py."""
    if name == "app":
        from actiontrack.cli.base import app

        return app
    raise AttributeError(name)


def main() -> None:
    from actiontrack.cli.base import app

    app()
