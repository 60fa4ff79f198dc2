"""What a person reads in a terminal: plain lines, and rich's tables. rich is imported inside
the functions that draw, so `--format json` and `--help` do not pay for it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from actiontrack.i18n import _, language
from actiontrack.models import Extraction, Item, Meeting, Person, Status
from actiontrack.render.text import (
    HISTORY_ACTIONS,
    HISTORY_FIELDS,
    KIND_LABELS,
    OWNER_KIND_LABELS,
    REASONS,
    STATUS_LABELS,
    label,
    visible,
)

TYPE_CHECKING = False  # typing costs a command's start 3-4 ms
if TYPE_CHECKING:
    from typing import Any

# --- plain lines ----------------------------------------------------------------------------


def items_lines(items: Iterable[Item], today: date) -> Iterable[str]:
    """One line per item, for pipes and long lists: grep-able, no table to build, streamed."""
    for it in items:
        due = it.due.isoformat() if it.due else "-"
        flag = "!" if it.is_overdue(today) else " "
        owners = ", ".join(o.name for o in it.owners) or _("the group")
        text = _item_text(it)
        origin = f"  ({_meeting_label(it)})" if it.meeting or it.group else ""
        yield visible(f"{it.id:>6} {flag}{due:<10}  {owners}: {text}{origin}")


def items_markdown(items: Iterable[Item], today: date) -> str:
    """A checklist to paste into an e-mail or a wiki: "- [ ] Anna Berg: Boka lokal (due 15 March
    2026, overdue; Styrgruppen 2026-03-02) #12"."""
    from actiontrack.render.text import markdown_text

    lines = []
    for it in items:
        box = "[ ]" if it.status is Status.OPEN else "[x]"
        owners = ", ".join(o.name for o in it.owners) or _("The group")
        facts = [_("due {date}").format(date=it.due.isoformat()) if it.due else _("no due date")]
        if it.is_overdue(today):
            facts[0] += ", " + _("overdue")
        if it.meeting or it.group:
            facts.append(_meeting_label(it))
        text = markdown_text(f"{owners}: {_item_text(it)} ({'; '.join(facts)})")
        lines.append(f"- {box} {text} #{it.id}")
    return "\n".join(lines) + "\n"


def _item_text(it: Item) -> str:
    """The item's text, with "[deferred]" and a status that is not open in front."""
    text = it.text if it.kind.value == "action" else _("[deferred] {text}").format(text=it.text)
    if it.status is not Status.OPEN:
        text = _("({status}) {text}").format(status=label(STATUS_LABELS, it.status.value), text=text)
    return text


# --- rich --------------------------------------------------------------------------------


def _meeting_label(item: Item) -> str:
    """The meeting an item came from; the group whose agenda it is on when it has none."""
    if item.meeting is None:
        return item.group or ""
    when = item.meeting.date.isoformat() if item.meeting.date else "?"
    return f"{item.meeting.group} {when}"


def _plain(value: str) -> Any:
    """User text as rich Text: "[deferred]" or "[1]" in minutes is never read as markup."""
    from rich.text import Text

    return Text(visible(value))


def items_table(items: Sequence[Item], today: date, title: str | None = None) -> Any:
    from rich.table import Table
    from rich.text import Text

    # Narrow terminals wrap at spaces and never cut a word off with "…": each column
    # is as wide as its longest word (up to what fits in 80 columns), and only longer words
    # (an e-mail address) are folded.
    owners_words = [w for it in items for o in it.owners for w in o.name.split()] or [_("group")]
    table = Table(title=title, show_lines=False, expand=False)
    table.add_column(_("ID"), justify="right", style="bold", no_wrap=True)
    table.add_column(_("Due"), no_wrap=True)
    table.add_column(
        _("Owner"), overflow="fold", min_width=min(14, max(map(len, owners_words))), max_width=20
    )
    text_words = [w for it in items for w in it.text.split()] or [_("item")]
    table.add_column(
        _("Item"), ratio=3, overflow="fold", min_width=max(16, min(24, max(map(len, text_words))))
    )
    table.add_column(_("From meeting"), style="dim", ratio=1, overflow="fold", min_width=10, max_width=18)
    for it in items:
        due = Text(it.due.isoformat() if it.due else "–")
        if it.is_overdue(today):
            due = Text(f"{it.due.isoformat()}\n" + _("overdue"), style="bold red")  # type: ignore[union-attr]
        text = _item_text(it)
        owners = ", ".join(o.name for o in it.owners) or _("the group")
        table.add_row(str(it.id), due, _plain(owners), _plain(text), _plain(_meeting_label(it)))
    return table


def item_detail(item: Item, today: date) -> Any:
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table

    from actiontrack.dates import format_swedish

    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold")
    facts.add_column()
    facts.add_row(_("Kind"), label(KIND_LABELS, item.kind.value))
    facts.add_row(
        _("Status"),
        label(STATUS_LABELS, item.status.value) + (" " + _("(overdue)") if item.is_overdue(today) else ""),
    )
    owners = ", ".join(f"{o.name} ({label(OWNER_KIND_LABELS, o.kind.value)})" for o in item.owners)
    facts.add_row(_("Owners"), _plain(owners or _("the group")))
    facts.add_row(_("Due"), f"{item.due.isoformat()} ({format_swedish(item.due)})" if item.due else "–")
    facts.add_row(_("Meeting"), _plain(f"#{item.meeting.id} {_meeting_label(item)}" if item.meeting else "–"))
    if item.group and (item.meeting is None or item.meeting.group != item.group):
        facts.add_row(_("Group"), _plain(item.group))
    if item.topic:
        facts.add_row(_("Topic"), _plain(item.topic))
    if item.source:
        quoted = f"“{item.source}”"
        facts.add_row(
            _("Source"),
            _plain(_("line {line}: {source}").format(line=item.line, source=quoted) if item.line else quoted),
        )
    if item.confidence is not None:
        facts.add_row(_("Confidence"), f"{item.confidence:.2f}")
    history = Table(title=_("History"), show_header=True, title_justify="left")
    history.add_column(_("When"))
    history.add_column(_("What"))
    history.add_column(_("Detail"))
    for h in item.history:
        history.add_row(
            h.at[:16].replace("T", " "), label(HISTORY_ACTIONS, h.action), _plain(history_words(h.detail))
        )
    return Group(Panel(facts, title=_plain(f"#{item.id} {item.text}"), title_align="left"), history)


def history_words(detail: dict[str, object]) -> str:
    """A history entry as a person reads it: "owners: Anna Lindqvist, Bo Pettersson -> Anna
    Lindqvist; due: none -> 15 January 2027", not Python lists."""

    from actiontrack.dates import format_swedish

    def word(value: object, key: str = "") -> str:
        if value is None or value == [] or value == "":
            return _("none")
        if isinstance(value, list):
            return ", ".join(word(v, key) for v in value)
        if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
            try:
                d = date.fromisoformat(value)
            except ValueError:
                return value
            return format_swedish(d) if language() == "sv" else f"{d.day} {d:%B} {d.year}"
        if isinstance(value, str) and key == "was":  # the status it had
            return label(STATUS_LABELS, value)
        if isinstance(value, str) and key == "reason":  # one the program wrote, in the language
            return label(REASONS, value)
        if isinstance(value, int) and key == "as":
            return f"#{value}"
        return str(value)

    parts = []
    for key, value in detail.items():
        if (
            isinstance(value, list)
            and len(value) == 2
            and key in ("text", "owners", "due", "kind", "topic", "date", "group")
        ):
            parts.append(f"{label(HISTORY_FIELDS, key)}: {word(value[0], key)} -> {word(value[1], key)}")
        else:
            parts.append(f"{label(HISTORY_FIELDS, key)}: {word(value, key)}")
    return "; ".join(parts)


def extraction_table(extraction: Extraction) -> Any:
    from rich.console import Group
    from rich.table import Table

    m = extraction.meeting
    head = Table.grid(padding=(0, 2))
    head.add_column(style="bold")
    head.add_column()
    partial = (
        f"????-{m.partial_date[0]:02d}-{m.partial_date[1]:02d} " + _("(year unknown)")
        if m.partial_date
        else "?"
    )
    when = m.date.isoformat() if m.date else partial
    time = f", {m.time_start}" + (f"–{m.time_end}" if m.time_end else "") if m.time_start else ""
    head.add_row(_("Meeting"), _plain(f"{m.title or '?'} {when}{time}"))
    if m.year_inferred:
        head.add_row(_("Year"), _plain(m.year_inferred))
    head.add_row(_("Attendees"), _plain(", ".join(a.name for a in m.attendees) or "–"))
    if m.absent:
        head.add_row(_("Absent"), _plain(", ".join(a.name for a in m.absent)))
    head.add_row(_("Secretary"), _plain(m.secretary or "–"))
    head.add_row(_("Next meeting"), m.next_meeting.isoformat() if m.next_meeting else "–")
    if m.schedule:
        head.add_row(_("Schedule"), ", ".join(s.date.isoformat() for s in m.schedule))
    table = Table(show_lines=True)
    table.add_column("#", justify="right")
    table.add_column(_("Kind"))
    table.add_column(_("Owner"))
    table.add_column(_("Due"), no_wrap=True)
    table.add_column(_("Item"), ratio=3)
    table.add_column(_("Line"), justify="right", style="dim")
    for n, it in enumerate(extraction.items, start=1):
        what = _plain(it.text)
        if it.kind.value != "action":
            what.append("\n" + it.source, style="dim")
        table.add_row(
            str(n),
            label(KIND_LABELS, it.kind.value),
            _plain(", ".join(o.name for o in it.owners) or _("the group")),
            it.due.isoformat() if it.due else "–",
            what,
            str(it.line),
        )
    return Group(head, table)


def meetings_table(meetings: Sequence[Meeting], current: int | None) -> Any:
    from pathlib import PurePath

    from rich.table import Table

    longest = max((len(w) for m in meetings for w in m.group.split()), default=5)
    table = Table()
    table.add_column(_("ID"), no_wrap=True)
    table.add_column(_("Group"), min_width=min(30, longest), overflow="fold")  # names kept whole
    table.add_column(_("Date"), no_wrap=True)
    table.add_column(_("Place"), ratio=1, overflow="fold")
    table.add_column(_("Items"), justify="right", no_wrap=True)
    table.add_column(_("Source"), ratio=1, overflow="fold")
    for m in meetings:
        group = _plain(m.group)
        if m.title and m.title != m.group:  # the title, under the group, when it says more
            group.append(f"\n{m.title}", style="dim")
        table.add_row(
            f"{m.id}{' *' if m.id == current else ''}",
            group,
            (m.date.isoformat() if m.date else "?") + (f"\n{m.time}" if m.time else ""),
            _plain(m.place or ""),
            str(m.item_count),
            _plain(PurePath(m.source_path).name if m.source_path else ""),
        )
    return table


def people_table(people: Sequence[Person]) -> Any:
    from rich.table import Table

    table = Table()
    for col in (_("ID"), _("Name"), _("Organisation"), _("Aliases")):
        table.add_column(col)
    for p in people:
        table.add_row(str(p.id), _plain(p.name), _plain(p.organisation or ""), _plain(", ".join(p.aliases)))
    return table
