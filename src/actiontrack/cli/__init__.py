"""The `track` command line: a typer app over the service layer.

base.py holds the app, the global options and the shared helpers; each command group lives in
its own module, imported here so that its commands are registered (in this order in --help).
"""

from actiontrack.cli import items, documents, agenda, history, database, meetings, people  # noqa: F401, I001 - registers the commands, in this order
from actiontrack.cli import config  # noqa: F401, E402, I001 - registers `track config` (issue 14)
from actiontrack.cli.base import app

__all__ = ["app", "main"]


def main() -> None:
    app()
