"""`track template` (Swedish `track mall`): the Word minutes of a group's next meeting, to write
in during the meeting and import afterwards exactly as written."""

# No `from __future__ import annotations` here: typer would eval() every annotation
# string of every command at each start (about 20 ms).
import sys
from typing import Annotated

import typer

from actiontrack.cli.base import app, example, may_write, state_of, write_output
from actiontrack.cli.options import Force, GroupArgument, NextMeetingDate
from actiontrack.errors import UsageError
from actiontrack.i18n import _

HELP = _(
    "The Word minutes of a group's next meeting, to write in during the meeting: the head (group, "
    "date, time, place, the people called, secretary, adjuster), the agenda's points as §§ with "
    "the follow-up of open items, and under each point a table What | Who | By for what is decided."
) + "\n\n" + _(
    "`track import` reads the filled-in minutes back exactly: every row of the tables is an item "
    "with its owners and due date as written, the head is the meeting; nothing is guessed."
)  # fmt: skip


def template(
    ctx: typer.Context,
    group: GroupArgument = None,
    when: NextMeetingDate = None,
    output: Annotated[
        str | None, typer.Option("--output", "-o", metavar="FILE", help=_("The .docx file to write."))
    ] = None,
    outline: Annotated[
        str | None,
        typer.Option(
            "--template",
            metavar="FILE",
            help=_(
                "The agenda's points, one a line. Default: the setting agenda_template, else the built-in one."
            ),
        ),
    ] = None,
    force: Force = False,
) -> None:
    from actiontrack import i18n, service
    from actiontrack.agenda.outline import read_template
    from actiontrack.render.minutes_docx import minutes_docx
    from actiontrack.service import group_or_default

    if output is None and sys.stdout.isatty():
        raise UsageError(
            _("A Word document is a binary file: give --output FILE.docx (or pipe it into a file).")
        )
    points = read_template(outline, i18n.language())
    state = state_of(ctx)
    force = may_write(output, force=force, url=state.url)
    group = group_or_default(group, "agenda")
    with state.reader() as repo:
        agenda = service.agenda(repo, group, when=when, today=state.today)
    write_output(minutes_docx(agenda, points), output, force=force, url=state.url)


EXAMPLES = example(
    'track mall "Gemensam utvecklingsgrupp" -o protokoll.docx',
    "track import protokoll.docx",
)
app.command("template", help=HELP + EXAMPLES)(template)
app.command("mall", help=HELP + EXAMPLES, hidden=True)(template)
