"""The user's settings: one SPEC table of keys (todoman's CONFIG_SPEC is the model), read from
`config.toml` in the platform's config folder, or the file `TRACK_CONFIG` names (issue 14).

Each key's precedence is: a command-line option > its environment variable > config.toml >
the default. The README's table of settings is generated from SPEC (and checked by a test).
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from actiontrack.errors import ConfigError

TYPE_CHECKING = False  # typing, and dataclasses, would cost `track --help` ~9 ms: it reads `language` (issue 14)
if TYPE_CHECKING:
    from typing import Any


class Key:
    """A setting: name, type, default, help; the environment variable that overrides the file, and
    the values allowed."""

    __slots__ = ("name", "type", "default", "help", "env", "choices")

    def __init__(
        self, name: str, type: type, default: Any, help: str, env: str | None = None, choices: tuple[str, ...] = ()
    ) -> None:
        self.name, self.type, self.default, self.help, self.env, self.choices = name, type, default, help, env, choices


SPEC: tuple[Key, ...] = (
    Key(
        "language",
        str,
        None,
        "The interface language, `sv` or `en`. Unset: `TRACK_LANG`, else the locale (`sv_*` is Swedish).",
        choices=("sv", "en"),
    ),
    Key("default_group", str, None, "The group commands use when none is named (e.g. `track agenda`)."),
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
        "agenda_template",
        str,
        None,
        "A text file with the agenda's points, one per line. Unset: the built-in outline.",
    ),
)

KEYS = {key.name: key for key in SPEC}


def config_path() -> Path:
    """`TRACK_CONFIG`, else config.toml in the platform's user config folder."""
    env = os.environ.get("TRACK_CONFIG")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_path("actiontrack")) / "config.toml"


@cache
def _load(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    import tomllib

    try:
        with path.open("rb") as f:
            data = tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise ConfigError(f"Cannot read the configuration {path}: {e}.") from e
    for name, value in data.items():
        key = KEYS.get(name)
        if key is None:
            raise ConfigError(f"Unknown setting '{name}' in {path}; see the README, Configuration.")
        if not isinstance(value, key.type) or (key.choices and value not in key.choices):
            allowed = ", ".join(repr(c) for c in key.choices) or key.type.__name__
            raise ConfigError(f"The setting '{name}' in {path} must be {allowed}, not {value!r}.")
    return data


def setting(name: str) -> Any:
    """A key's value: its environment variable, else config.toml, else its default."""
    key = KEYS[name]
    if key.env and os.environ.get(key.env):
        return os.environ[key.env]
    return _load(config_path()).get(name, key.default)


def reload() -> None:
    """Forget what was read (after `track config set`, and in tests)."""
    _load.cache_clear()
