"""The `track` console script.

`track --help` is asked for far more often than anything else costs to start, so
the top-level help is served from a text generated from the CLI itself
(help_text.py, kept equal to typer's rendering by tests/test_help.py) without
loading typer. Everything else goes to the typer app in cli.py.
"""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] in (["--help"], ["-h"]):
        from actiontrack.help_text import TOP_LEVEL_HELP

        sys.stdout.write(TOP_LEVEL_HELP)
        return
    from actiontrack.cli import main as run

    run()
