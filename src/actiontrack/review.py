"""Interactive review of extracted items before they are imported (part of the CLI layer).

For each item: accept, edit (text, owners, due date), skip; or accept all the
rest, or quit without importing the document.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import typer

from actiontrack import dates
from actiontrack.errors import ActionTrackError, DateError
from actiontrack.models import ExtractedItem, Extraction, Owner, OwnerKind

CHOICES = "[a]ccept, [e]dit, [s]kip, accept [A]ll, [q]uit"


class ImportCancelled(ActionTrackError):
    pass


def review_items(extraction: Extraction, name: str, *, today: date) -> list[ExtractedItem]:
    from rich.console import Console

    from actiontrack.render import extraction_table

    console = Console(stderr=True)
    console.print(f"[bold]{name}[/bold]")
    console.print(extraction_table(extraction))
    base = extraction.meeting.date or today
    accepted: list[ExtractedItem] = []
    items = extraction.items
    for n, item in enumerate(items, start=1):
        typer.echo(f"\n[{n}/{len(items)}] {item.kind.value}: {item.text}", err=True)
        typer.echo(
            f"  owners: {_owners(item) or 'the group'}; due: {item.due or '–'}; line {item.line}", err=True
        )
        answer = typer.prompt(CHOICES, default="a", err=True).strip()
        if answer == "A":
            accepted.extend(items[n - 1 :])
            break
        if answer.lower() == "q":
            raise ImportCancelled(f"Import of {name} cancelled; nothing was written.")
        if answer.lower() == "s":
            continue
        if answer.lower() == "e":
            item = _edit(item, base, extraction.meeting.next_meeting)
        accepted.append(item)
    return accepted


def _owners(item: ExtractedItem) -> str:
    return ", ".join(o.name for o in item.owners)


def _edit(item: ExtractedItem, base: date, next_meeting: date | None) -> ExtractedItem:
    text = typer.prompt("  text", default=item.text, err=True).strip() or item.text
    names = typer.prompt(
        "  owners (comma-separated, '-' for the group)", default=_owners(item) or "-", err=True
    )
    owners = tuple(
        Owner(n.strip(), OwnerKind.ORGANISATION if n.strip()[:1].islower() else OwnerKind.PERSON)
        for n in names.split(",")
        if n.strip() and n.strip() != "-"
    )
    due = item.due
    while True:
        answer = typer.prompt(
            "  due ('-' for none)", default=item.due.isoformat() if item.due else "-", err=True
        )
        if answer.strip() == "-":
            due = None
            break
        try:
            due = dates.parse_date(answer, base, next_meeting=next_meeting)
            break
        except DateError as e:
            typer.echo(f"  {e}", err=True)
    return replace(item, text=text, owners=owners, due=due)
