"""The command-line library's own words in the user's language.

The click that typer bundles writes its usage lines, help headings, usage errors and prompts
in English and has no hook for another language; typer's own words go through gettext's
global function. Both are brought to our catalog here, in one place:

- typer's words (section headings, "default:", "required", "No such command") through our
  `_` in place of typer's gettext;
- click's help through a HelpFormatter that writes "Usage: " and the metavars in the
  language, and the help of the options click and typer add themselves (--help,
  --install-completion);
- click's usage errors, written by `show_error` instead of UsageError.show: the message is one
  of the forms click builds (the table below), read back into its parts and written anew;
- yes/no questions (`confirm`), which click asks as "[y/N]" and answers only with y or n.

tests/test_swedish.py runs every command with --help and with a wrong option in Swedish and
finds no English word; a typer release that moves what is patched fails there.
"""

from __future__ import annotations

import re
import sys
from typing import Any

from actiontrack.i18n import N_, _

# typer's words, which it passes to gettext: named here to keep them in the catalog
TYPER_WORDS = (
    N_("Arguments"), N_("Options"), N_("Commands"), N_("default: {default}"), N_("required"),
    N_("env var: {var}"), N_("(dynamic)"), N_("Missing command."), N_("No such command {name!r}."), N_("Aborted!"),
)  # fmt: skip

# The help texts of the options click and typer add to every command.
LIBRARY_HELP = {
    "Show this message and exit.": N_("Show this message and exit."),
    "Install completion for the current shell.": N_("Install completion for the current shell."),
    "Show completion for the current shell, to copy it or customize the installation.": N_(
        "Show completion for the current shell, to copy it or customize the installation."
    ),
}

# Metavars in usage lines and help: click's and ours. An argument without one shows its name
# in lower case: the name's msgid is in upper case, as a metavar is.
METAVARS = {
    "[OPTIONS]": N_("[OPTIONS]"), "COMMAND": N_("COMMAND"), "[ARGS]...": N_("[ARGS]..."), "FILE": N_("FILE"),
    "FILE...": N_("FILE..."), "PATH": N_("PATH"), "KEY": N_("KEY"), "VALUE": N_("VALUE"), "<str>": N_("<str>"),
    "<int>": N_("<int>"), "<boolean>": N_("<boolean>"), "group": N_("GROUP"), "text": N_("TEXT"),
    "name": N_("NAME"), "alias": N_("ALIAS"), "keep": N_("KEEP"), "other": N_("OTHER"),
    "expression": N_("EXPRESSION"),
}  # fmt: skip


# The messages click builds, as patterns: (pattern, message with the pattern's groups as fields).
MESSAGES = (
    (r"No such option: (?P<name>\S+) \(Possible options: (?P<options>.+)\)", N_("No such option: {name} (possible options: {options})")),
    (r"No such option: (?P<name>\S+)", N_("No such option: {name}")),
    (r"Missing argument (?P<name>.+)\.", N_("Missing argument {name}.")),
    (r"Missing option (?P<name>.+)\.", N_("Missing option {name}.")),
    (r"Missing parameter (?P<name>.+)\.", N_("Missing parameter {name}.")),
    (r"Invalid value for (?P<name>.+?): (?P<reason>.+)", N_("Invalid value for {name}: {reason}")),
    (r"Invalid value: (?P<reason>.+)", N_("Invalid value: {reason}")),
    (r"(?P<value>.+) is not one of (?P<choices>.+)\.", N_("{value} is not one of {choices}.")),
    (r"(?P<value>.+) is not a valid int\.", N_("{value} is not a whole number.")),
    (r"(?P<value>.+) is not a valid float\.", N_("{value} is not a number.")),
    (r"(?P<value>.+) is not a valid boolean\. Recognized values: (?P<values>.+)", N_("{value} is not yes or no ({values}).")),
    (r"(?P<value>.+) is not in the range (?P<range>.+)\.", N_("{value} is not in the range {range}.")),
    (r"Got unexpected extra argument(?:s|\(s\))? \((?P<args>.+)\)", N_("Got unexpected extra arguments ({args}).")),
    (r"Option (?P<name>'.+') requires an argument\.", N_("Option {name} needs a value.")),
    (r"Option (?P<name>'.+') requires (?P<n>\d+) arguments\.", N_("Option {name} needs {n} values.")),
    (r"Option (?P<name>'.+') does not take a value\.", N_("Option {name} takes no value.")),
    (r"Argument (?P<name>'.+') takes (?P<n>\d+) values\.", N_("Argument {name} takes {n} values.")),
)  # fmt: skip
_COMPILED: list[tuple[re.Pattern[str], str]] = []


def install() -> None:
    """Once, before the first command is built: typer's words and click's help in the language."""
    import typer.core
    from typer import _click

    typer.core._ = _  # typer's `from gettext import gettext as _`
    _click.core.Context.formatter_class = _formatter_class()


def translated(message: str) -> str:
    """A message click built in English, in the interface language (ours pass unchanged)."""
    if not _COMPILED:
        _COMPILED.extend((re.compile(f"^{pattern}$", re.DOTALL), msgid) for pattern, msgid in MESSAGES)
    for pattern, msgid in _COMPILED:
        m = pattern.match(message)
        if m:
            fields = {
                key: _hint(value) if key == "name" else translated(value)
                for key, value in m.groupdict().items()
            }
            return _(msgid).format(**fields)
    return message


def _hint(names: str) -> str:
    """'group' / '--format' as click names a parameter, its metavars in the language."""
    return re.sub(r"'([^']+)'", lambda m: "'" + metavars(m.group(1)) + "'", names)


def metavars(text: str) -> str:
    """The metavars of a usage line or of a help row's first column in the language."""
    return " ".join(_metavar(w) if w in METAVARS else _bracketed(w) for w in text.split(" "))


def _metavar(word: str) -> str:
    shown = _(METAVARS[word])
    return shown.lower() if word.islower() else shown


def _bracketed(word: str) -> str:
    m = re.fullmatch(r"([\[{(]?)([\w.]+?)((?:\.\.\.)?[\]})]?(?:\.\.\.)?)", word)
    if m and m.group(2) in METAVARS:
        return m.group(1) + _metavar(m.group(2)) + m.group(3)
    return word


def _formatter_class() -> type:
    from typer._click.formatting import HelpFormatter

    class Formatter(HelpFormatter):
        """click's help, with its own words and the metavars in the interface language."""

        def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
            super().write_usage(prog, metavars(args), prefix=_("Usage: "))

        def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
            rows = [
                (
                    metavars(first) if not first.startswith("-") else _option_metavars(first),
                    _library_help(second),
                )
                for first, second in rows
            ]
            super().write_dl(rows, col_max, col_spacing)

    return Formatter


def _option_metavars(first: str) -> str:
    names, _space, metavar = first.rpartition(" ")
    if names and not metavar.startswith("-"):
        return f"{names} {metavars(metavar)}"
    return first


def _library_help(text: str) -> str:
    for english, msgid in LIBRARY_HELP.items():
        if text.startswith(english):
            return _(msgid) + text[len(english) :]
    return text


def show_error(error: Any) -> None:
    """A usage error as click shows it (usage line, hint, "Error: ..."), in the language."""
    from typer import _click

    ctx = getattr(error, "ctx", None)
    if isinstance(error, _click.exceptions.NoArgsIsHelpError):
        _click.echo(error.format_message(), err=True)
        return
    if ctx is not None:
        hint = ""
        if ctx.command.get_help_option(ctx) is not None:
            hint = _("Try '{command} {option}' for help.").format(command=ctx.command_path, option=ctx.help_option_names[0]) + "\n"  # fmt: skip
        _click.echo(f"{ctx.get_usage()}\n{hint}", err=True)
    _click.echo(_("Error: {message}").format(message=translated(error.format_message())), err=True)


def confirm(question: str, default: bool = False) -> bool:
    """A yes/no question on stderr: "[j/N]" in Swedish, answered j, ja, y, yes, n, nej or no."""
    import typer

    from actiontrack.render import visible

    choices = _("[y/N]") if not default else _("[Y/n]")
    while True:
        answer = typer.prompt(f"{visible(question)} {choices}", default="", show_default=False, err=True)
        answer = answer.strip().casefold()
        if not answer:
            return default
        if answer in ("j", "ja", "y", "yes"):
            return True
        if answer in ("n", "nej", "no"):
            return False
        typer.echo(_("Answer y or n."), err=True)


def ended(error: BaseException) -> int | None:
    """A command that the library ended, said in the interface language: a usage error, or a
    question whose input ended (Ctrl-D, the end of standard input); its exit status, or None for
    any other exception. For the typer root and for fast.py, whose prompts are typer's."""
    import typer
    from typer import _click

    if isinstance(error, typer.Abort):
        abort()
        return 1
    if isinstance(error, _click.exceptions.ClickException):
        show_error(error)
        return error.exit_code
    return None


def abort() -> None:
    """What Ctrl-C or the end of the input at a question says."""
    from typer import _click

    _click.echo(_("Aborted!"), file=sys.stderr)
