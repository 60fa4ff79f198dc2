"""The `track` console script.

Two things here are about speed only, measured with benchmarks/run.py:

- `track --help` is served from a text generated from the CLI itself (help_text.py,
  kept equal to typer's rendering by tests/test_help.py) without loading typer;
- the weekly commands (add, open, done, edit, ...) are read by cli/fast.py, also without
  typer, whenever their command line is one it reads exactly as click does;
- when the command is over, the process ends without the interpreter's teardown,
  which spends about 12 ms garbage-collecting every module. By then the command has
  committed and closed its database (context managers), so only the standard
  streams are left to flush, which is done here.
"""

from __future__ import annotations

import os
import sys


def main() -> None:
    from actiontrack.config import use_for_language
    from actiontrack.i18n import language, language_in, set_language

    use_for_language()
    args = sys.argv[1:]
    if "_TRACK_COMPLETE" in os.environ:  # the shell asks typer for completions, with no arguments
        from actiontrack.cli import main as complete

        complete()
        return
    set_language(language_in(args))  # before the commands' help texts are translated
    if args[:1] == ["--lang"] and language_in(args[:2]):
        args = args[2:]
    elif args[:1] and args[0].startswith("--lang=") and language_in(args[:1]):
        args = args[1:]
    if args in ([], ["--help"], ["-h"]):  # `track` alone shows the help too
        from actiontrack.help_text import TOP_LEVEL_HELP

        sys.stdout.write(TOP_LEVEL_HELP[language()])
        _exit(0)
    from actiontrack.cli.fast import run as run_fast

    fast = run_fast(sys.argv[1:])  # add, open, ... without typer when it can, --lang and all
    if fast is not None:
        _exit(fast)
    from actiontrack.cli import main as run

    try:
        run()
        code = 0
    except SystemExit as e:
        code = _exit_code(e.code)
    _exit(code)


def _exit_code(code: object) -> int:
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def _exit(code: int) -> None:
    for stream in (sys.stdout, sys.stderr):
        try:  # noqa: SIM105 - not contextlib.suppress: importing contextlib costs `--help` ~1.5 ms
            stream.flush()
        except (OSError, ValueError):  # `track open | head`: the reader left early
            pass
    os._exit(code)
