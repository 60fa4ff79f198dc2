"""Writing config.toml for `track config set` and `unset`.

tomllib only reads. The file is flat (top-level keys with text values), so it is written here
rather than with a TOML library: the line of the key is replaced, added or removed, and the
other lines (comments, other keys, their layout) stay as they were. When the file is written
in a way line editing cannot follow (a multi-line string, a table), it is written anew from its
values. Either way the new text is parsed again and must give exactly the intended values
before it replaces the old file, in one rename, so that a reader never sees half a file.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from actiontrack.errors import ConfigError

_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def toml_value(value: Any) -> str:
    """`value` as TOML: a basic string with what TOML requires escaped; å, ä, ö stay as they are."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def toml_key(name: str) -> str:
    return name if _BARE_KEY.fullmatch(name) else toml_value(name)


def edited(text: str, name: str, value: Any | None) -> str:
    """`text` with `name = value` set (or removed when `value` is None), other lines kept."""
    import tomllib

    wanted = tomllib.loads(text) if text.strip() else {}
    if value is None:
        wanted.pop(name, None)
    else:
        wanted[name] = value
    lines = text.splitlines(keepends=True)
    line = f"{toml_key(name)} = {toml_value(value)}\n" if value is not None else ""
    pattern = re.compile(rf"\s*(?:{re.escape(name)}|\"{re.escape(name)}\"|'{re.escape(name)}')\s*=")
    for i, old in enumerate(lines):
        if old.lstrip().startswith("["):  # a table: the flat keys are above it
            break
        if pattern.match(old):
            lines[i] = line
            break
    else:
        if value is not None:
            # before the first table, if any, since below it the key would be the table's
            at = next((i for i, old in enumerate(lines) if old.lstrip().startswith("[")), len(lines))
            if at and not lines[at - 1].endswith("\n"):
                lines[at - 1] += "\n"
            lines.insert(at, line)
    new = "".join(lines)
    try:
        if tomllib.loads(new) == wanted:
            return new
    except tomllib.TOMLDecodeError:
        pass
    return "".join(f"{toml_key(k)} = {toml_value(v)}\n" for k, v in wanted.items())


def write(path: Path, text: str) -> None:
    """Replace `path` with `text` in one rename: a temporary file beside it, then os.replace.

    A symbolic link (a config kept with the user's dotfiles) is followed, not replaced. A new
    file is readable by its owner only: `database_url` may hold a password."""
    from actiontrack.files import make_private_folder, write_atomically
    from actiontrack.i18n import _

    try:
        make_private_folder(path.parent)
        write_atomically(path, text.encode("utf-8"))
    except OSError as e:
        raise ConfigError(
            _("Cannot write the configuration {path}: {reason}.").format(path=path, reason=e.strerror or e)
        ) from None
