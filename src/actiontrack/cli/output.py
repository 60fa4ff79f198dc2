"""What a command prints, and the sentence it ends with when it fails.

Free of typer (as state.py is): the typer commands and the fast path (fast.py) print
through these, so both say the same thing the same way.
"""

from __future__ import annotations

import sys

from actiontrack.errors import ActionTrackError, UsageError
from actiontrack.i18n import _

TYPE_CHECKING = False  # typing costs a command's start ~4 ms
if TYPE_CHECKING:
    from collections.abc import Iterable
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


def console(**options: Any) -> Any:
    """The rich Console every table and agenda is printed on; see safe_console()."""
    return safe_console()(**{"soft_wrap": False, **options})


_SAFE_CONSOLE: Any = None


def safe_console() -> Any:
    """A rich Console class that shows control characters in what it prints (as \\x1b) instead of
    sending them to the terminal: whatever a table cell, a title or a name holds, and whichever
    renderable holds it, passes Console.render, the one place every printed text goes through.
    Rich's own styles are control segments and pass as they are."""
    global _SAFE_CONSOLE
    if _SAFE_CONSOLE is None:
        from rich.console import Console
        from rich.segment import Segment

        from actiontrack.render import visible

        class SafeConsole(Console):  # type: ignore[misc]
            def render(self, renderable: Any, options: Any = None) -> Any:
                for segment in super().render(renderable, options):
                    if segment.control or not segment.text:
                        yield segment
                    else:
                        yield Segment(visible(segment.text), segment.style, segment.control)

        _SAFE_CONSOLE = SafeConsole
    return _SAFE_CONSOLE


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


def may_write(output: str | None, *, force: bool = False, url: str | None = None) -> bool:
    """Whether --output may be replaced, asked before the command's work (see write_output):
    UsageError when not; True when it may be replaced (or is new)."""
    if output is not None:
        from actiontrack.files import output_target
        from actiontrack.paths import sqlite_path

        output_target(
            output, force=force, database=sqlite_path(url) if url else None, confirm=confirm_callback()
        )
    return True


def write_output(
    text: str | bytes | Iterable[str], output: str | None, *, force: bool = False, url: str | None = None
) -> None:
    """To a file when --output is given, else to stdout; `text` may come in pieces (a large
    export, never held whole). The file is replaced whole, never half-written, and only when it
    is a file that may be replaced (files.output_target): not the database of `url`, nor any
    other database, device, pipe or folder; an existing file only with `force` or a yes at the
    terminal."""
    if output is None:
        if isinstance(text, bytes):
            sys.stdout.buffer.write(text)
            sys.stdout.flush()
            return
        for piece in [text] if isinstance(text, str) else text:
            if sys.stdout is not None and sys.stdout.isatty():
                say(piece, nl=False)  # Markdown, HTML, CSV or a calendar read on the terminal itself
            else:
                echo(piece, nl=False)
        return
    from actiontrack.files import output_target, write_atomically
    from actiontrack.paths import sqlite_path

    target = output_target(
        output, force=force, database=sqlite_path(url) if url else None, confirm=confirm_callback()
    )
    if isinstance(text, bytes):
        data: bytes | Iterable[bytes] = text
    elif isinstance(text, str):
        data = text.encode("utf-8")
    else:
        data = (piece.encode("utf-8") for piece in text)
    try:
        write_atomically(target, data)
    except OSError as e:
        raise UsageError(
            _("Cannot write {output}: {reason}; nothing was written.").format(
                output=output, reason=e.strerror or e
            )
        ) from None
