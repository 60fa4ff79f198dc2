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
from actiontrack.i18n import N_, _, ngettext
from actiontrack.models import ExtractedItem, Extraction, Owner, OwnerKind

CHOICES = "[a]ccept, [e]dit, [s]kip, accept [A]ll, [q]uit"


class ImportCancelled(ActionTrackError):
    pass


def _say(text: str) -> None:
    """To the person reviewing: texts from documents and others with control characters shown."""
    from actiontrack.render import visible

    typer.echo(visible(text), err=True)


def review_items(extraction: Extraction, name: str, *, today: date) -> list[ExtractedItem]:
    from rich.console import Console

    from actiontrack.render import extraction_table

    console = Console(stderr=True)
    from rich.text import Text

    from actiontrack.render import visible

    console.print(Text(visible(name), style="bold"))  # a file name is no markup
    console.print(extraction_table(extraction))
    base = extraction.meeting.date or today
    accepted: list[ExtractedItem] = []
    items = extraction.items
    for n, item in enumerate(items, start=1):
        _say(f"\n[{n}/{len(items)}] {item.kind.value}: {item.text}")
        _say(f"  owners: {_owners(item) or 'the group'}; due: {item.due or '–'}; line {item.line}")
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
            _say(f"  {e}")
    return replace(item, text=text, owners=owners, due=due)


# the answers of `agenda --review`: the letters stay the same in every language (issue 14)
AGENDA_CHOICES = N_("[d]one, [k]eep, [n]ew due date, [r]eassign, drop [x], [s]kip, [q]uit")


def review_agenda(state, agenda) -> None:  # type: ignore[no-untyped-def]
    """Walk through the agenda's items at the meeting. Each answer is saved at once, in the
    item's history, with the meeting it was decided at."""
    from actiontrack import service
    from actiontrack.render_agenda import owners_words, write_date

    day = agenda.date or state.today
    meeting = state.write(lambda repo: service.meeting_for_review(repo, agenda.group, day, now=state.now))
    total = len(agenda.all_items())
    _say(ngettext("Reviewing {n} item at meeting #{id} ({group} {date}).",
                  "Reviewing {n} items at meeting #{id} ({group} {date}).", total).format(
        n=total, id=meeting.id, group=meeting.group, date=write_date(meeting.date)))  # fmt: skip
    counts: dict[str, int] = {}
    for n, item in enumerate(agenda.all_items(), start=1):
        _say(f"\n[{n}/{total}] #{item.id} {item.text}")
        due = _("due {date}").format(date=item.due or "–")
        _say(f"  {owners_words(item)}; {due}")
        while True:
            answer = typer.prompt(_(AGENDA_CHOICES), default="k", err=True).strip().lower()
            if answer == "q":
                _summary(counts)
                return
            try:
                done = state.write(
                    lambda repo, answer=answer, item=item: _apply(repo, service, item.id, answer, state.now)
                )
            except ActionTrackError as e:
                _say(f"  {e}")
                continue
            if done:
                counts[done] = counts.get(done, 0) + 1
                break
    _summary(counts)


def _apply(repo, service, item_id: int, answer: str, now) -> str | None:  # type: ignore[no-untyped-def]
    if answer == "d":
        note = typer.prompt("  " + _("note (optional)"), default="", show_default=False, err=True).strip()
        service.complete(repo, [item_id], note=note or None, now=now)
        return "done"
    if answer == "k":
        service.keep(repo, item_id, now=now)
        return "kept"
    if answer == "n":
        due = typer.prompt("  " + _("new due date"), err=True)
        service.edit(repo, item_id, due=due, now=now)
        return "new due date"
    if answer == "r":
        names = typer.prompt("  " + _("new owner(s), comma-separated"), err=True)
        service.edit(repo, item_id, owners=[n for n in names.split(",") if n.strip()], now=now)
        return "reassigned"
    if answer == "x":
        reason = typer.prompt("  " + _("why is it dropped"), err=True)
        service.drop(repo, item_id, reason=reason, now=now)
        return "dropped"
    if answer == "s":
        return "skipped"
    typer.echo("  " + _("Answer d, k, n, r, x, s or q."), err=True)
    return None


def _summary(counts: dict[str, int]) -> None:
    text = ", ".join(_outcome(what, n) for what, n in counts.items()) or _("nothing changed")
    typer.echo("\n" + _("Review: {outcome}.").format(outcome=text), err=True)


def _outcome(what: str, n: int) -> str:
    """ "1 done", "2 kept": one line each, so that the catalog has every form (issue 14)."""
    if what == "done":
        return ngettext("{n} done", "{n} done", n).format(n=n)
    if what == "kept":
        return ngettext("{n} kept", "{n} kept", n).format(n=n)
    if what == "new due date":
        return ngettext("{n} new due date", "{n} new due dates", n).format(n=n)
    if what == "reassigned":
        return ngettext("{n} reassigned", "{n} reassigned", n).format(n=n)
    if what == "dropped":
        return ngettext("{n} dropped", "{n} dropped", n).format(n=n)
    return ngettext("{n} skipped", "{n} skipped", n).format(n=n)
