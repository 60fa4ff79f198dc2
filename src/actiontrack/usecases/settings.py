"""`track config`: the settings in effect, and changing config.toml.

The keys, their types and defaults are config.SPEC; the precedence of each key is where the
program reads it (paths.database_source for the database, i18n.language for the language,
config.setting for the rest): this module only reports it and writes the file.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from actiontrack import config
from actiontrack.errors import ConfigError, UsageError
from actiontrack.i18n import _
from actiontrack.records import record

# What a delimiter can be typed as at a shell prompt, where a real tab is hard to type.
_TYPED = {"csv_delimiter": {"tab": "\t", "\\t": "\t", "semicolon": ";", "comma": ","}}
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")


@record(frozen=True)
class Entry:
    """One line of `track config list`."""

    name: str
    value: Any  # None: not set, the program's built-in behaviour
    source: str  # "option", "environment", "file" or "default"
    detail: str  # which option or variable, or the file's path
    help: str


def entries(db_option: str | None = None) -> list[Entry]:
    """Every key of the SPEC with the value in effect and where it comes from."""
    return [entry(key.name, db_option) for key in config.SPEC]


def entry(name: str, db_option: str | None = None) -> Entry:
    key = _key(name)
    path = str(config.config_path())
    if name == "database_url":
        from actiontrack.paths import database_source

        url, source, detail = database_source(db_option)
        return Entry(name, url, source, detail, key.help)
    if key.env and os.environ.get(key.env):
        return Entry(name, os.environ[key.env], "environment", key.env, key.help)
    value = config.file_value(name)
    if value is not None:
        return Entry(name, value, "file", path, key.help)
    if name == "language":  # TRACK_LANG and the locale come after the file (i18n.language)
        from actiontrack.i18n import language

        variable = next((v for v in ("TRACK_LANG", *_LOCALE) if os.environ.get(v)), None)
        if variable:
            return Entry(name, language(), "environment", variable, key.help)
    return Entry(name, key.default, "default", "", key.help)


_LOCALE = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")


def set_value(name: str, text: str) -> Any:
    """Check `text` as the value of `name` and write it to config.toml; returns the value stored."""
    key = _key(name)
    value = _parsed(key, text)
    _write(name, value)
    return value


def unset(name: str) -> bool:
    """Remove `name` from config.toml (also a key the SPEC does not know, to repair a file);
    False when it was not there."""
    path = config.config_path()
    if name not in config.read(path):
        _key(name)  # an unknown name that is not in the file either: say which names there are
        return False
    _write(name, None)
    return True


def follow_renamed_groups(renamed: dict[str, str]) -> str | None:
    """`default_group` in config.toml set to a group's new name when it names one that was
    renamed (a group named after a person who was forgotten): the old name is personal data
    and no group any more. The new value, or None when the setting names none of them."""
    old = config.file_value("default_group")
    if not isinstance(old, str) or old not in renamed:
        return None
    return str(set_value("default_group", renamed[old]))


def group_or_default(group: str | None, command: str) -> str:
    """The group a command was given, else the configured `default_group`, else a sentence."""
    if group:
        return group
    configured = config.setting("default_group")
    if configured:
        return str(configured)
    raise UsageError(
        _(
            'Name the group, e.g. track {command} "Brukarrådet", or set the one to use when none is '
            'named: track config set default_group "Brukarrådet".'
        ).format(command=command)
    )


def masked(url: str) -> str:
    """A URL without its password, for showing in a list: postgresql://track:***@host/db."""
    return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", url)


def _key(name: str) -> config.Key:
    key = config.KEYS.get(name)
    if key is None:
        raise ConfigError(
            _("There is no setting '{name}'; the settings are {names}.").format(
                name=name, names=", ".join(config.KEYS)
            )
        )
    return key


def _parsed(key: config.Key, text: str) -> Any:
    """`text`, as typed after `track config set KEY`, as the key's value: a sentence if it cannot be."""
    value: Any = _TYPED.get(key.name, {}).get(text.lower(), text)
    if key.type is bool:
        value = {"true": True, "yes": True, "false": False, "no": False}.get(text.lower(), text)
    elif key.type is int:
        value = int(text) if re.fullmatch(r"-?\d+", text) else text
    wrong = not isinstance(value, key.type) or (key.choices and value not in key.choices)
    if key.type is str and not key.choices and not str(value).strip():
        wrong = True
    if wrong:
        raise ConfigError(
            _("{name} must be {allowed}, not {value!r}.").format(
                name=key.name, allowed=config.allowed(key), value=text
            )
        )
    if key.name == "database_url" and not _URL.match(value):
        raise ConfigError(
            _(
                "database_url must be a database URL such as sqlite:////home/me/track.db or "
                "postgresql+psycopg://user@host/track, not {value!r}."
            ).format(value=text)
        )
    if key.name == "agenda_template":
        template = Path(value).expanduser()
        if not template.is_file():
            raise ConfigError(
                _("There is no file {path} to use as the agenda template.").format(path=template)
            )
        value = str(template.resolve())  # the same file whichever folder `track` runs in
    if key.name == "default_group":
        value = value.strip()
    return value


def _write(name: str, value: Any | None) -> None:
    from actiontrack import config_file

    path = config.config_path()
    config.read(path)  # a file that is not TOML is an error, not something to overwrite
    text = path.read_text(encoding="utf-8-sig") if path.is_file() else ""  # written back without the BOM
    config_file.write(path, config_file.edited(text, name, value))
    config.reload()
