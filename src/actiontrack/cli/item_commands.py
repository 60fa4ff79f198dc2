"""What add, open, done, reopen, drop, edit and note do once their options are read.

items.py declares these commands to typer (options, help) and calls these; fast.py calls
the same functions when it reads the command line itself, without importing typer.
Nothing here imports typer.
"""

from __future__ import annotations

import sys

from actiontrack.cli.output import (
    confirm_callback,
    console,
    csv_delimiter,
    echo_json,
    pick_callback,
    say,
    say_note,
    write_output,
)
from actiontrack.i18n import _

TYPE_CHECKING = False  # typing costs a command's start ~4 ms
if TYPE_CHECKING:
    from datetime import date
    from typing import Any

    from actiontrack.cli.state import State

TABLE_LIMIT = 200  # more rows than this are listed as lines (a rich table of 10,000 rows takes seconds)


def add(
    state: State,
    text: str,
    owner: list[str] | None = None,
    due: str | None = None,
    meeting: int | None = None,
    group: str | None = None,
    new_person: bool = False,
    fmt: str = "table",
) -> None:
    from actiontrack import service
    from actiontrack.config import setting

    warnings: list[str] = []
    default_group = setting("default_group")
    item = state.write(
        lambda repo: service.add_item(
            repo,
            text,
            owners=owner or (),
            due=due,
            meeting_id=meeting,
            group=group,
            default_group=str(default_group) if default_group else None,
            now=state.now,
            confirm=_yes if new_person else confirm_callback(),
            pick=pick_callback(),
            warnings=warnings,
        ),
    )
    if fmt == "json":
        from actiontrack.render import item_dict

        echo_json(item_dict(item, state.today))
    else:
        owners = ", ".join(o.name for o in item.owners) or _("the group")
        due_text = item.due.isoformat() if item.due else _("no due date")
        if item.meeting:
            where = _(", meeting #{id} {group}").format(id=item.meeting.id, group=item.meeting.group)
        else:
            where = "; " + item.group if item.group else ""
        say(
            _("Added #{id}: {text} ({owners}; {due}{meeting})").format(
                id=item.id, text=item.text, owners=owners, due=due_text, meeting=where
            )
        )
    for warning in dict.fromkeys(warnings):  # a retried transaction says it once
        say_note(warning)


def _yes(question: str) -> bool:
    """--new-person: the unknown name is a new person, as the user said."""
    return True


def open_(
    state: State,
    owner: str | None = None,
    group: str | None = None,
    meeting: int | None = None,
    overdue: bool = False,
    due_before: str | None = None,
    show_all: bool = False,
    search: str | None = None,
    sort: str = "due",
    limit: int | None = None,
    fmt: str = "table",
) -> None:
    from actiontrack import service
    from actiontrack.models import Status

    statuses = tuple(Status) if show_all else (Status.OPEN,)
    filters = service.Filters(owner, group, meeting, overdue, due_before, statuses, search, sort, limit)
    with state.reader() as repo:
        items = service.list_items(repo, filters, today=state.today)
    print_items(items, fmt, state.today)


def print_items(items: list[Any], fmt: str, today: date) -> None:
    from actiontrack.render import items_lines

    if fmt == "json":
        from actiontrack.render import item_dict

        echo_json([item_dict(i, today) for i in items])
    elif fmt == "csv":
        from actiontrack.i18n import language

        if language() == "sv":  # for Swedish Excel, as `track export --format csv`
            from actiontrack.export import excel_csv

            write_output(excel_csv(items, delimiter=csv_delimiter(True), swedish=True), None)
        else:
            from actiontrack.render import items_csv

            say(items_csv(items, delimiter=csv_delimiter(False)), nl=False)
    elif not items:
        say(_("No items."), err=True)
    elif fmt == "md":
        from actiontrack.render import items_markdown

        say(items_markdown(items, today), nl=False)
    elif not sys.stdout.isatty():
        sys.stdout.writelines(line + "\n" for line in items_lines(items, today))
    elif len(items) > TABLE_LIMIT:
        _page("\n".join(items_lines(items, today)) + "\n")
    else:
        from actiontrack.render import items_table

        console().print(items_table(items, today))


def _page(text: str) -> None:
    """Long output through the user's pager, as git does; straight out when there is none."""
    import pydoc

    pydoc.pager(text)


def item_ids(values: list[str]) -> list[int]:
    """Item ids as typed: "12", "3-5" (a range), "3,4", in order, each once."""
    from actiontrack.errors import UsageError

    out: list[int] = []
    for value in values:
        for part in value.replace(",", " ").split():
            first, dash, last = part.partition("-")
            if not first.isdigit() or (dash and not last.isdigit()):
                raise UsageError(
                    _("'{value}' is no item id or range (such as 12 or 3-5).").format(value=part)
                )
            low, high = int(first), int(last) if dash else int(first)
            if high < low or high - low > 1000:
                raise UsageError(
                    _("'{value}' is no range of at most 1000 items, lowest first.").format(value=part)
                )
            out += range(low, high + 1)
    return list(dict.fromkeys(out))


def done(state: State, ids: list[str], note: str | None = None) -> None:
    from actiontrack import service

    numbers = item_ids(ids)
    items = state.write(lambda repo: service.complete(repo, numbers, note=note, now=state.now))
    for item in items:
        say(_("Done #{id}: {text}").format(id=item.id, text=item.text))


def reopen(state: State, ids: list[str]) -> None:
    from actiontrack import service

    numbers = item_ids(ids)
    items = state.write(lambda repo: [service.reopen(repo, n, now=state.now) for n in numbers])
    for item in items:
        say(_("Reopened #{id}: {text}").format(id=item.id, text=item.text))


def drop(state: State, ids: list[str], reason: str) -> None:
    from actiontrack import service

    numbers = item_ids(ids)
    items = state.write(lambda repo: [service.drop(repo, n, reason=reason, now=state.now) for n in numbers])
    for item in items:
        say(_("Dropped #{id}: {text}").format(id=item.id, text=item.text))


def edit(
    state: State,
    item_id: int,
    text: str | None = None,
    owner: list[str] | None = None,
    due: str | None = None,
    group: str | None = None,
    new_person: bool = False,
    fmt: str = "table",
) -> None:
    from actiontrack import service

    warnings: list[str] = []
    item = state.write(
        lambda repo: service.edit(
            repo,
            item_id,
            text=text,
            owners=owner,
            due=due,
            group=group,
            now=state.now,
            confirm=_yes if new_person else confirm_callback(),
            warnings=warnings,
        ),
    )
    if fmt == "json":
        from actiontrack.render import item_dict

        echo_json(item_dict(item, state.today, history=True))
    else:
        from actiontrack.render import history_words

        changed = item.history[-1].detail if item.history else {}
        say(_("Edited #{id}: {changes}").format(id=item.id, changes=history_words(changed)))
    for warning in dict.fromkeys(warnings):
        say_note(warning)


def note(state: State, item_id: int, text: str) -> None:
    from actiontrack import service

    item = state.write(lambda repo: service.add_note(repo, item_id, text, now=state.now))
    say(_("Noted on #{id}.").format(id=item.id))
