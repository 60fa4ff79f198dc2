"""What a command prints, and the sentence it ends with when it fails.

Free of typer (as state.py is): the typer commands and the fast path (fast.py) print
through these, so both say the same thing the same way.
"""

from __future__ import annotations

import os
import sys

from actiontrack.errors import ActionTrackError, UsageError
from actiontrack.i18n import _

TYPE_CHECKING = False  # typing costs a command's start ~4 ms
if TYPE_CHECKING:
    from typing import Any

# The exceptions a command ends with a sentence instead of a traceback (ending()).
EXPECTED = (ActionTrackError, KeyboardInterrupt, BrokenPipeError)


def ending(error: BaseException) -> tuple[str | None, int]:
    """The sentence for stderr and the exit status of a command that raised one of EXPECTED."""
    if isinstance(error, ActionTrackError):
        return _("Error: {message}").format(message=str(error)), error.exit_code
    if isinstance(error, KeyboardInterrupt):
        return _("Error: {message}").format(message=_("Interrupted; nothing was written.")), 130
    return None, 0  # BrokenPipeError: `track open | head`, the reader left; nothing to say


def end_with(error: BaseException) -> int:
    """Says on stderr the sentence a command that raised one of EXPECTED ends with; its exit status."""
    message, code = ending(error)
    if message:
        say(message, err=True)
    return code


def echo(text: str, *, err: bool = False, nl: bool = True) -> None:
    """`text` on stdout (or stderr), flushed, as click.echo writes it."""
    stream = sys.stderr if err else sys.stdout
    if stream is None:  # pythonw, a closed stream: nowhere to write
        return
    stream.write(text + "\n" if nl else text)
    stream.flush()


def say(message: str, *, err: bool = False, nl: bool = True) -> None:
    """A line for the person at the terminal; control characters in names and texts that came
    from documents or other people are shown (as \\x1b), never obeyed."""
    from actiontrack.render import visible

    echo(visible(message), err=err, nl=nl)


def say_note(message: str) -> None:
    """A remark on stderr that does not stop the command."""
    say(_("Note: {note}").format(note=message), err=True)


def echo_json(data: Any) -> None:
    from actiontrack.render import dumps

    echo(dumps(data))


def console() -> Any:
    from rich.console import Console

    return Console(soft_wrap=False)


def confirm_callback() -> Any:
    """Ask only when a person is at the terminal; scripts get the error sentence instead."""
    if not sys.stdin.isatty():
        return None

    def confirm(question: str) -> bool:
        from actiontrack.cli import library_words  # only when there is a question to ask

        return library_words.confirm(question)

    return confirm


def pick_callback() -> Any:
    """A numbered question, asked only when a person is at the terminal (None otherwise): the
    options are listed, and the number typed is the answer (empty or anything else: none)."""
    if not sys.stdin.isatty():
        return None

    def pick(question: str, options: Any) -> int | None:
        import typer

        for n, option in enumerate(options, start=1):
            say(f"  {n}. {option}", err=True)
        answer = typer.prompt(question + " " + _("(number)"), default="", show_default=False, err=True)
        answer = answer.strip()
        return int(answer) - 1 if answer.isdigit() and 1 <= int(answer) <= len(options) else None

    return pick


def csv_delimiter(swedish: bool, option: str | None = None) -> str:
    """`--delimiter`, else `csv_delimiter` in config.toml, else ';' for Swedish Excel
    (',' is its decimal sign) and ',' for other Excel."""
    if option:
        return option
    from actiontrack.config import setting

    return str(setting("csv_delimiter") or (";" if swedish else ","))


def write_output(text: str | bytes, output: str | None) -> None:
    """To a file when --output is given (replaced whole, never half-written), else to stdout."""
    if output is None:
        if isinstance(text, bytes):
            sys.stdout.buffer.write(text)
            sys.stdout.flush()
        else:
            echo(text, nl=False)
        return
    import glob
    import tempfile
    from pathlib import Path

    target = Path(output)
    if target.is_dir():
        raise UsageError(
            _("{output} is a directory; give the name of a file to write.").format(output=output)
        )
    data = text.encode("utf-8") if isinstance(text, str) else text
    # a run that was killed half-way left its hidden temporary file, with names in it
    for stale in glob.glob(glob.escape(str(target.parent / f".{target.name}.")) + "*.partial"):
        Path(stale).unlink(missing_ok=True)
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".partial")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, target)
    except OSError as e:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        raise UsageError(
            _("Cannot write {output}: {reason}.").format(output=output, reason=e.strerror or e)
        ) from None
