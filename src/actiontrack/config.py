"""The user's settings: one SPEC table of keys (todoman's CONFIG_SPEC is the model), read from
`config.toml` in the platform's config folder, or the file `TRACK_CONFIG` names.

Each key's precedence is: a command-line option > its environment variable > config.toml >
the default. The README's table of settings is generated from SPEC (and checked by a test).
"""

from __future__ import annotations

import os
import sys

from actiontrack.errors import ConfigError
from actiontrack.i18n import N_

TYPE_CHECKING = False  # typing, and dataclasses, would cost `track --help` ~9 ms: it reads `language`
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any


class Key:
    """A setting: name, type, default, help; the environment variable that overrides the file, and
    the values allowed."""

    __slots__ = ("name", "type", "default", "help", "env", "choices")

    def __init__(
        self,
        name: str,
        type: type,
        default: Any,
        help: str,
        env: str | None = None,
        choices: tuple[str, ...] = (),
    ) -> None:
        self.name, self.type, self.default, self.help, self.env, self.choices = (
            name,
            type,
            default,
            help,
            env,
            choices,
        )


SPEC: tuple[Key, ...] = (
    Key(
        "language",
        str,
        None,
        "The interface language, `sv` or `en`. Unset: `TRACK_LANG`, else the locale (`sv_*` is Swedish).",
        choices=("sv", "en"),
    ),
    Key(
        "default_group",
        str,
        None,
        "The group `track agenda` and `track meeting start` use when none is named, and whose agenda "
        "`track add` puts an item on between meetings.",
    ),
    Key(
        "database_url",
        str,
        None,
        "Any SQLAlchemy URL, e.g. `postgresql+psycopg://host/db` for a shared team database. "
        "Unset: the SQLite file in the data folder.",
        env="TRACK_DATABASE_URL",
    ),
    Key(
        "csv_delimiter",
        str,
        None,
        "The CSV column separator. Unset: `;` in Swedish (as Swedish Excel expects), `,` in English.",
        choices=(";", ",", "\t"),
    ),
    Key(
        "busy_timeout",
        int,
        5,
        "Seconds `track person forget` and `track check --compact` wait for a database another "
        "program keeps busy before they say so and what to do.",
        env="TRACK_BUSY_TIMEOUT",
    ),
    Key(
        "agenda_template",
        str,
        None,
        "A text file with the agenda's points, one per line. Unset: the built-in outline.",
    ),
)

KEYS = {key.name: key for key in SPEC}


def config_path() -> Path:
    """`TRACK_CONFIG`, else config.toml in the platform's user config folder."""
    from pathlib import Path

    return Path(config_file())


def config_file() -> str:
    """config_path() as a string, found without pathlib: every command, `track --help` too, looks
    for the `language` setting, and pathlib with platformdirs would cost `--help` about a
    third of the interpreter's start."""
    env = os.environ.get("TRACK_CONFIG")
    if env:
        return os.path.expanduser(env)
    return os.path.join(user_config_dir(), "config.toml")


def user_config_dir() -> str:
    """platformdirs.user_config_dir("actiontrack"); on Linux and the BSDs its XDG rule, which is
    short (tests/test_config.py checks it against platformdirs), without importing it."""
    if (
        sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd"))
        and "ANDROID_ROOT" not in os.environ
    ):
        base = os.environ.get("XDG_CONFIG_HOME", "").strip() or os.path.expanduser("~/.config")
        return os.path.join(base, "actiontrack")
    import platformdirs

    return str(platformdirs.user_config_dir("actiontrack"))


README_SECTION = N_("the README, Configuration")

# What was read, by path. While a file is being read and checked its entry is {}: the messages
# about it (translated with _(), which asks for `language`) are then in the environment's language.
_cache: dict[str, dict[str, Any]] = {}


def _load(path: str) -> dict[str, Any]:
    if path in _cache:
        return _cache[path]
    _cache[path] = {}
    try:
        data = read(path)
        for name, value in data.items():
            check(name, value, path)
    except BaseException:
        del _cache[path]  # the next command (or setting) reads it again and says what is wrong
        raise
    _cache[path] = data
    return data


def read(path: str | Path) -> dict[str, Any]:
    """The file's keys and values as written, unchecked ({} when there is no file): `track config
    set` and `unset` work on this, so that they can repair a file with a wrong value."""
    if not os.path.isfile(path):
        return {}
    import tomllib

    from actiontrack.i18n import _

    try:
        # utf-8-sig: Notepad may start the file with a byte-order mark, which TOML does not allow
        with open(path, "rb") as f:
            return tomllib.loads(f.read().decode("utf-8-sig"))
    except UnicodeDecodeError as e:
        raise ConfigError(
            _(
                "Cannot read the configuration {path}: it is not UTF-8 text (save it as UTF-8); see {section}."
            ).format(path=path, section=_(README_SECTION))
        ) from e
    except (OSError, tomllib.TOMLDecodeError) as e:
        name = _name_at_error(path, str(e))
        message = (
            _("Cannot read the configuration {path}: {reason}, in the setting '{name}'; see {section}.")
            if name
            else _("Cannot read the configuration {path}: {reason}; see {section}.")
        )
        raise ConfigError(message.format(path=path, reason=e, name=name, section=_(README_SECTION))) from e


def _name_at_error(path: str | Path, reason: str) -> str | None:
    """The key on the line tomllib stopped at ("Invalid value (at line 3, column 12)"), if any."""
    import re

    found = re.search(r"at line (\d+)", reason)
    if not found:
        return None
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            lines = f.read().splitlines()
        line = lines[int(found.group(1)) - 1]
    except (OSError, IndexError):
        return None
    key = re.match(r"\s*([\w-]+)\s*=", line)  # also a key TOML refuses, such as färg
    return key.group(1) if key else None


def allowed(key: Key) -> str:
    """The values `key` takes, for a sentence: "'sv' or 'en'", "a text"."""
    from actiontrack.i18n import _

    if key.choices:
        shown = [repr(c) for c in key.choices]
        return _("{choices} or {last}").format(choices=", ".join(shown[:-1]), last=shown[-1])
    return {str: _("a text"), bool: _("true or false"), int: _("a whole number")}.get(
        key.type, key.type.__name__
    )


def check(name: str, value: Any, path: str | Path) -> None:
    """A ConfigError naming the key and the README section unless `name = value` may be in the file."""
    from actiontrack.i18n import _

    key = KEYS.get(name)
    if key is None:
        raise ConfigError(
            _("Unknown setting '{name}' in {path}; the settings are {names} (see {section}).").format(
                name=name, path=path, names=", ".join(KEYS), section=_(README_SECTION)
            )
        )
    if not isinstance(value, key.type) or (key.choices and value not in key.choices):
        raise ConfigError(
            _("The setting '{name}' in {path} must be {allowed}, not {value}; see {section}.").format(
                name=name, path=path, allowed=allowed(key), value=_shown(value), section=_(README_SECTION)
            )
        )


def _shown(value: Any) -> str:
    return repr(value) if isinstance(value, str) else str(value)


def file_value(name: str) -> Any:
    """The value config.toml gives `name` (checked), else None."""
    return _load(config_file()).get(name)


def setting(name: str) -> Any:
    """A key's value: its environment variable, else config.toml, else its default."""
    key = KEYS[name]
    if key.env and os.environ.get(key.env):
        return os.environ[key.env]
    return _load(config_file()).get(name, key.default)


def reload() -> None:
    """Forget what was read (after `track config set`, and in tests)."""
    from actiontrack import i18n

    _cache.clear()
    i18n.reload()


def _configured_language() -> object:
    try:
        return setting("language")
    except ConfigError:  # the command that reads its settings says what is wrong, in this language
        return None


def use_for_language() -> None:
    """Let the messages follow the `language` setting (the console script and the app call this)."""
    from actiontrack import i18n

    i18n.read_setting_with(_configured_language)
