"""The commands of every week (`track add`, `open`, `done`, `edit`, ...) without typer.

Importing typer costs one of these commands about twice the interpreter's own start. Typer stays
what defines them: fast_spec.py is generated from its commands (scripts/update_help.py), and
item_commands.py runs them for both. This module reads only the command lines it can read exactly
as click does: options as `--name value`, `--name=value` or `-n value`, flags, and arguments
that do not start with "-". Anything else (`--help`, an unknown or misspelt option, a number
that is not one, a missing argument, `--`, a value starting with "-") gets None, and typer
reads the line with its own messages. tests/test_fast_path.py checks that what is read here
is what click reads, and that both paths print and store the same.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing costs a command's start ~4 ms
if TYPE_CHECKING:
    from typing import Any

Params = tuple[tuple[object, ...], ...]


def parse(args: list[str]) -> tuple[dict[str, Any], str, dict[str, Any], list[str]] | None:
    """(the root's options, the command, its parameters, the command line from the command on)
    as click would read `track ARGS`, or None when this is a line for typer."""
    from actiontrack.cli.fast_spec import SPEC

    if not SPEC:  # not generated (a checkout before scripts/update_help.py)
        return None
    _, root_params = SPEC[""]
    root: dict[str, Any] = {}
    n = 0
    while n < len(args) and args[n].startswith("-"):
        read = _option(args, n, root_params, root, flags=False)
        if read is None:
            return None
        n = read
    if n == len(args) or not args[n] or args[n] not in SPEC:  # "" is the root's entry
        return None
    command = args[n]
    _, params = SPEC[command]
    values = _parameters(args[n + 1 :], params)
    if values is None:
        return None
    return _with_defaults(root, root_params), command, values, args[n:]


def _parameters(args: list[str], params: Params) -> dict[str, Any] | None:
    values: dict[str, Any] = {}
    positional: list[str] = []
    n = 0
    while n < len(args):
        if args[n].startswith("-"):
            read = _option(args, n, params, values, flags=True)
            if read is None:
                return None
            n = read
        else:
            positional.append(args[n])
            n += 1
    arguments = [p for p in params if p[1] == "argument"]
    for param in arguments:
        name, _, _, type_, count, required, _ = param
        if count == -1:
            if param is not arguments[-1] or (required and not positional):
                return None
            taken, positional = positional, []
        elif len(positional) >= 1:
            taken, positional = positional[:1], positional[1:]
        else:
            return None  # a missing argument: typer says which
        converted = [_value(type_, t) for t in taken]
        if None in converted:
            return None
        values[str(name)] = converted if count == -1 else converted[0]
    if positional:
        return None  # one argument too many
    if any(p[5] and str(p[0]) not in values for p in params):
        return None  # a required option is missing
    return _with_defaults(values, params)


def _option(args: list[str], n: int, params: Params, values: dict[str, Any], *, flags: bool) -> int | None:
    """Reads the option at args[n] into `values`; the index after it, or None."""
    spelled, has_value, value = args[n].partition("=")
    for name, kind, spellings, type_, count, _, _ in params:
        if kind == "argument" or spelled not in spellings:  # type: ignore[operator]
            continue
        if kind == "flag":
            if not flags or has_value:
                return None  # the root's flags (--version, completion) are typer's
            values[str(name)] = True
            return n + 1
        if not has_value:
            if n + 1 == len(args) or args[n + 1].startswith("-"):
                return None
            value, n = args[n + 1], n + 1
        elif not spelled.startswith("--"):
            return None  # "-o=Leif": click reads "=Leif"; leave it to click
        converted = _value(type_, value)
        if converted is None:
            return None
        if count == "multiple":
            values.setdefault(str(name), []).append(converted)
        else:
            values[str(name)] = converted
        return n + 1
    return None


def _value(type_: object, text: str) -> Any:
    if type_ == "str":
        return text
    if type_ == "int" or (isinstance(type_, str) and type_.startswith("int>=")):
        try:
            number = int(text)
        except ValueError:
            return None
        return number if type_ == "int" or number >= int(type_[5:]) else None
    if isinstance(type_, tuple):
        return text if text in type_ else None
    return None


def _with_defaults(values: dict[str, Any], params: Params) -> dict[str, Any]:
    return {str(p[0]): values.get(str(p[0]), p[6]) for p in params}


def run(args: list[str]) -> int | None:
    """Runs `track ARGS` and returns its exit status, or None when typer must read the line."""
    parsed = parse(args)
    if parsed is None:
        return None
    root, command, values, rest = parsed
    import importlib

    from actiontrack.cli.fast_spec import SPEC
    from actiontrack.cli.output import EXPECTED, end_with
    from actiontrack.cli.state import State, parse_now
    from actiontrack.i18n import language_in, set_language

    set_language(root.get("lang") or language_in(rest))
    module, _, function = str(SPEC[command][0]).partition(".")
    try:
        state = State(root.get("db"), parse_now(root.get("now")), ["track", *rest])
        code = getattr(importlib.import_module(f"actiontrack.cli.{module}"), function)(state, **values)
    except EXPECTED as e:
        return end_with(e)
    except Exception as e:
        code = _ended(e)
        if code is None:
            raise
    return code or 0


def _ended(error: Exception) -> int | None:
    """A question at the terminal that ended (typer's prompt: Ctrl-D, the end of the input), said
    as under typer; None for any other exception, and when no question was asked."""
    import sys

    if "typer" not in sys.modules:
        return None
    from actiontrack.cli.library_words import ended

    return ended(error)
