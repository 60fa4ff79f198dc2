"""`track config`: list, get, set, unset and path of the settings in config.toml."""

# No `from __future__ import annotations` here: typer would eval() every annotation
# string of every command at each start (about 20 ms).
from typing import Annotated, Any

import typer

from actiontrack.cli.base import CommandGroup, OutFormat, app, echo_json, example, say, state_of
from actiontrack.i18n import _

config_app = typer.Typer(
    cls=CommandGroup,
    help=_("Settings in config.toml: list, get, set, unset, path."),
    no_args_is_help=True,
)
app.add_typer(config_app, name="config")

KEY_HELP = _("A setting: language, default_group, database_url, csv_delimiter or agenda_template.")


@config_app.command(
    "list",
    help=_("List every setting: its value and where it comes from (option, environment, file, default).")
    + example("track config list"),
)
def list_settings(
    ctx: typer.Context,
    fmt: Annotated[OutFormat, typer.Option("--format", "-f", help=_("Output format."))] = OutFormat.table,
) -> None:
    from actiontrack import service
    from actiontrack.config import config_path
    from actiontrack.i18n import _

    entries = service.entries(state_of(ctx).db)
    if fmt is OutFormat.json:
        echo_json(
            [
                {"key": e.name, "value": _listed(e.name, e.value), "source": e.source, "detail": e.detail}
                for e in entries
            ]
        )
        return
    rows = [(_("Setting"), _("Value"), _("Comes from"))]
    for e in entries:
        value = _listed(e.name, e.value)
        rows.append((e.name, "-" if value is None else _shown(value), _source(e.source, e.detail)))
    widths = [max(len(row[i]) for row in rows) for i in range(2)]
    for name, value, source in rows:
        say(f"{name:<{widths[0]}}  {value:<{widths[1]}}  {source}".rstrip())
    path = config_path()
    say(
        "\n"
        + (_("File: {path}") if path.is_file() else _("File: {path} (not created yet)")).format(path=path)
    )


@config_app.command(
    "get",
    help=_("Print the value a setting has now (exit status 1 when it is not set).")
    + example("track config get database_url"),
)
def get_setting(
    ctx: typer.Context,
    key: Annotated[str, typer.Argument(help=KEY_HELP, metavar="KEY")],
) -> None:
    from actiontrack import service
    from actiontrack.i18n import _

    entry = service.entry(key, state_of(ctx).db)
    if entry.value is None:
        say(_("{name} is not set; see track config list.").format(name=key), err=True)
        raise typer.Exit(1)
    say(str(entry.value))


@config_app.command(
    "set",
    help=_("Set a setting in config.toml; the other settings in the file stay as they are.")
    + example(
        "track config set language sv",
        'track config set default_group "Gemensam utvecklingsgrupp"',
        "track config set database_url 'postgresql+psycopg://track@db.kommun.local/actiontrack'",
    ),
)
def set_setting(
    key: Annotated[str, typer.Argument(help=KEY_HELP, metavar="KEY")],
    value: Annotated[
        str, typer.Argument(help=_("Its value; a delimiter can be typed as 'tab'."), metavar="VALUE")
    ],
) -> None:
    from actiontrack import service
    from actiontrack.config import config_path
    from actiontrack.config_file import toml_value
    from actiontrack.errors import ConfigError
    from actiontrack.i18n import _

    stored = service.set_value(key, value)
    say(_("Set in {path}: {name} = {value}").format(path=config_path(), name=key, value=toml_value(stored)))
    try:
        effective = service.entry(key)
    except ConfigError as e:  # set in a file with another mistake, which is still there
        say(_("Note: {problem}").format(problem=e), err=True)
        return
    if effective.source != "file":  # an environment variable is stronger than the file
        say(_("Note: {variable} is set, and is used instead.").format(variable=effective.detail), err=True)


@config_app.command(
    "unset",
    help=_("Remove a setting from config.toml: its default applies again.")
    + example("track config unset default_group"),
)
def unset_setting(key: Annotated[str, typer.Argument(help=KEY_HELP, metavar="KEY")]) -> None:
    from actiontrack import service
    from actiontrack.config import config_path
    from actiontrack.i18n import _

    if service.unset(key):
        say(_("Removed {name} from {path}.").format(name=key, path=config_path()))
    else:
        say(_("{name} is not set in {path}.").format(name=key, path=config_path()))


@config_app.command(
    "path",
    help=_("Print where config.toml is (TRACK_CONFIG, else the platform's config folder).")
    + example("track config path"),
)
def config_file_path() -> None:
    from actiontrack.config import config_path

    say(str(config_path()))


def _source(source: str, detail: str) -> str:
    from actiontrack.i18n import _

    if source == "option":
        return _("the option {option}").format(option=detail)
    if source == "environment":
        return _("the variable {variable}").format(variable=detail)
    return _("config.toml") if source == "file" else _("built-in default")


def _listed(name: str, value: Any) -> Any:
    """A database URL without its password: a list is shown on screens and pasted in e-mails."""
    from actiontrack.service import masked

    return masked(value) if name == "database_url" and isinstance(value, str) else value


def _shown(value: Any) -> str:
    text = str(value)
    return repr(text) if any(ord(c) < 0x20 for c in text) else text  # a tab delimiter as '\t'
