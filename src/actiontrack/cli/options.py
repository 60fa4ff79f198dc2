"""Arguments and options that several commands share, declared once: the same name, the same
help, the same completion wherever they appear."""

# No `from __future__ import annotations`: typer reads these Annotated types as written.

from typing import Annotated

import typer

from actiontrack.cli import completion
from actiontrack.i18n import _

# track agenda, track template (mall): the group whose next meeting it is
GroupArgument = Annotated[
    str | None,
    typer.Argument(
        help=_("The group, e.g. 'Gemensam utvecklingsgrupp'. Default: default_group in config.toml."),
        autocompletion=completion.groups,
    ),
]
# track agenda, track template (mall): the next meeting's date
NextMeetingDate = Annotated[
    str | None, typer.Option("--date", help=_("The meeting's date. Default: from the schedule."))
]
# track extract, track import: what the minutes do not say of their date
MinutesYear = Annotated[
    int | None, typer.Option("--year", help=_("The meeting's year, when the minutes do not say."))
]
MinutesDate = Annotated[
    str | None,
    typer.Option("--date", help=_("The meeting's date (YYYY-MM-DD); relative deadlines count from it.")),
]
# a command that writes a file
OutputFile = Annotated[
    str | None, typer.Option("--output", "-o", help=_("Write to this file instead of stdout."))
]
Force = Annotated[bool, typer.Option("--force", help=_("Replace the --output file if it exists."))]
