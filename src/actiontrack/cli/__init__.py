"""The `track` command line: a typer app over the service layer.

base.py holds the app, the global options and the shared helpers; each command group lives in
its own module, and commands.py says which (COMMANDS). The weekly commands are first offered
to fast.py, which runs them without typer, from the declarations typer reads.
"""

from actiontrack.cli.commands import COMMANDS

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
