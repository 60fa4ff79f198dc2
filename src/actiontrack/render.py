"""Output: the stable JSON shapes and the rich tables. The only module that imports rich.

JSON is a documented contract (README, "JSON output") that scripts and the
evaluation rely on; it never depends on the terminal or the configuration.
rich is imported inside the functions that draw, so `--format json` and `--help`
do not pay for it.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from actiontrack.i18n import N_, _, language
from actiontrack.models import Extraction, HistoryEntry, Item, Meeting, Person, Status

# Words of the data as tables and `show` name them; JSON and CSV keep the English values.
KIND_LABELS = {"action": N_("action"), "deferred": N_("deferred")}
STATUS_LABELS = {"open": N_("open"), "done": N_("done"), "dropped": N_("dropped")}
OWNER_KIND_LABELS = {"person": N_("person"), "organisation": N_("organisation")}
HISTORY_ACTIONS = {"created": N_("created"), "edited": N_("edited"), "done": N_("done"), "reopened": N_("reopened"),
                   "dropped": N_("dropped"), "noted": N_("noted"), "kept": N_("kept"), "updated": N_("updated")}  # fmt: skip
HISTORY_FIELDS = {"text": N_("text"), "owners": N_("owners"), "due": N_("due"), "kind": N_("kind"),
                  "topic": N_("topic"), "date": N_("date"), "note": N_("note"), "reason": N_("reason"),
                  "was": N_("was"), "imported_from": N_("imported from"), "updated_from": N_("updated from"),
                  "source": N_("source"), "line": N_("line")}  # fmt: skip


def label(table: dict[str, str], value: str) -> str:
    """A value of the data (a kind, a status, a history action) in the interface language."""
    return _(table[value]) if value in table else value

# --- text that others wrote: never raw to a terminal, a spreadsheet or an e-mail (issue 13) ------

# C0 controls but tab and newline, DEL and C1 (ESC, CSI, ...), and the bidi overrides that
# make text read differently from what it is
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """Control characters shown as \\x1b (and the like) instead of acting on the terminal."""
    return _CONTROL.sub(_escape, text)


_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: str) -> str:
    """A cell Excel or LibreOffice would run as a formula starts with ' instead, as OWASP advises."""
    return ("'" if value.startswith(_FORMULA) else "") + visible(value)


_MARKDOWN = re.compile(r"([\\`*_\[\]<>&~])")
_MARKDOWN_LINE_START = re.compile(r"^(\s*)([-+#>=]|\d+[.)])")


def markdown_text(text: str) -> str:
    """Text that stays text in Markdown: no emphasis, link, image, HTML, list or heading of its own."""
    text = visible(" ".join(text.split()))
    text = _MARKDOWN.sub(r"\\\1", text)
    return _MARKDOWN_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


# --- JSON ---------------------------------------------------------------------------


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def item_dict(item: Item, today: date | None = None, *, history: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": item.id,
        "kind": item.kind.value,
        "text": item.text,
        "owners": [o.name for o in item.owners],
        "due": _iso(item.due),
        "status": item.status.value,
        "meeting": (
            {
                "id": item.meeting.id,
                "group": item.meeting.group,
                "date": _iso(item.meeting.date),
                "title": item.meeting.title,
            }
            if item.meeting
            else None
        ),  # fmt: skip
        "source": item.source,
        "line": item.line,
        "topic": item.topic,
        "confidence": item.confidence,
        "created_at": item.created_at,
        "updated_at": item.updated_at,
        "closed_at": item.closed_at,
    }
    if today is not None:
        out["overdue"] = item.is_overdue(today)
    if history:
        out["history"] = [history_dict(h) for h in item.history]
    return out


def history_dict(entry: HistoryEntry) -> dict[str, Any]:
    return {"at": entry.at, "action": entry.action, "detail": entry.detail, "meeting_id": entry.meeting_id}


def meeting_dict(meeting: Meeting) -> dict[str, Any]:
    return {
        "id": meeting.id,
        "group": meeting.group,
        "date": _iso(meeting.date),
        "title": meeting.title,
        "place": meeting.place,
        "secretary": meeting.secretary,
        "source": meeting.source_path,
        "next_meeting": _iso(meeting.next_meeting),
        "items": meeting.item_count,
        "time": meeting.time,
    }


def person_dict(person: Person) -> dict[str, Any]:
    return {
        "id": person.id,
        "name": person.name,
        "organisation": person.organisation,
        "aliases": list(person.aliases),
    }


def explain_lines(extraction: Extraction) -> str:
    """Each sentence's path through the extractor, a line each: line, block, context, verdict, rule."""
    # TRANSLATORS: column headings; keep each word where it starts (the columns are 6, 11, 26 and 16 wide)
    out = [_("Line  Block      Verdict                   Rule            Sentence")]
    for step in extraction.steps:
        where = f" [{step.context}]" if step.context else ""
        text = step.text if len(step.text) <= 90 else step.text[:89] + "…"
        out.append(f"{step.line:>4}  {step.block:<10} {step.verdict:<25} {step.rule or '–':<15} {text}{where}")
    return "\n".join(out)


def extraction_dict(extraction: Extraction, *, explain: bool = False) -> dict[str, Any]:
    from actiontrack.extract.header import group_name

    m = extraction.meeting
    partial = f"????-{m.partial_date[0]:02d}-{m.partial_date[1]:02d}" if m.partial_date else None
    return {
        "meeting": {
            "title": m.title,
            "group": group_name(m.title) if m.title else None,
            # the corpus convention for a date whose year the text does not give: "????-08-20"
            "date": _iso(m.date) or partial,
            "year_known": m.date is not None,
            "time": m.time_start and {"start": m.time_start, "end": m.time_end},
            "year_inferred": m.year_inferred,
            "attendees": [a.name for a in m.attendees],
            "absent": [a.name for a in m.absent],
            "organisations": {a.name: a.organisation for a in [*m.attendees, *m.absent] if a.organisation},
            "secretary": m.secretary,
            "next_meeting": _iso(m.next_meeting),
            "schedule": [{"date": s.date.isoformat(), "place": s.place} for s in m.schedule],
        },
        "items": [
            {
                "kind": it.kind.value,
                "text": it.text,
                "owners": [o.name for o in it.owners],
                "due": _iso(it.due),
                "source": it.source,
                "line": it.line,
                "topic": it.topic,
                "confidence": it.confidence,
            }
            for it in extraction.items
        ],
        "warnings": extraction.warnings,
        **(
            {
                "steps": [
                    {"line": st.line, "block": st.block, "topic": st.topic, "context": st.context,
                     "verdict": st.verdict, "rule": st.rule, "text": st.text}  # fmt: skip
                    for st in extraction.steps
                ]
            }
            if explain
            else {}
        ),
    }


def dumps(data: Any) -> str:
    """JSON with å, ä, ö as they are; control characters (json escapes C0 itself) as \\u escapes."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(data, ensure_ascii=False, indent=2))


# --- CSV ------------------------------------------------------------------------------

CSV_COLUMNS = ["id", "kind", "status", "due", "owners", "text", "group", "meeting_date", "meeting_id", "topic",
               "source", "created_at", "closed_at"]  # fmt: skip


def local_time(stamp: str | None) -> datetime | None:
    """A stored UTC time (ISO-8601) as this computer's local time, without an offset: what Excel shows."""
    if not stamp:
        return None
    return datetime.fromisoformat(stamp).astimezone().replace(tzinfo=None)


def items_csv(items: Iterable[Item], *, delimiter: str = ",", swedish: bool = False) -> str:
    """The items as CSV. `swedish` is the file for Swedish Excel (issue 14): local times rather
    than UTC offsets and "gruppen" (the group, in the interface language) rather than an empty
    owner; the delimiter is the caller's."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n", delimiter=delimiter)
    writer.writerow(CSV_COLUMNS)
    c = csv_cell
    nobody = _("the group") if swedish else ""

    def when(stamp: str | None) -> str:
        if not swedish:
            return stamp or ""
        local = local_time(stamp)
        return f"{local:%Y-%m-%d %H:%M}" if local else ""

    for it in items:
        writer.writerow([
            it.id, it.kind.value, it.status.value, _iso(it.due) or "",
            c("; ".join(o.name for o in it.owners) or nobody),
            c(it.text), c(it.meeting.group if it.meeting else ""), _iso(it.meeting.date) if it.meeting else "",
            it.meeting.id if it.meeting else "", c(it.topic or ""), c(it.source or ""), when(it.created_at),
            when(it.closed_at),
        ])  # fmt: skip
    return buf.getvalue()


# --- plain lines ----------------------------------------------------------------------------


def items_lines(items: Iterable[Item], today: date) -> Iterable[str]:
    """One line per item, for pipes and long lists: grep-able, no table to build, streamed."""
    for it in items:
        due = it.due.isoformat() if it.due else "-"
        flag = "!" if it.is_overdue(today) else " "
        owners = ", ".join(o.name for o in it.owners) or _("the group")
        text = _item_text(it)
        origin = f"  ({_meeting_label(it)})" if it.meeting else ""
        yield visible(f"{it.id:>6} {flag}{due:<10}  {owners}: {text}{origin}")


def _item_text(it: Item) -> str:
    """The item's text, with "[deferred]" and a status that is not open in front."""
    text = it.text if it.kind.value == "action" else _("[deferred] {text}").format(text=it.text)
    if it.status is not Status.OPEN:
        text = _("({status}) {text}").format(status=label(STATUS_LABELS, it.status.value), text=text)
    return text


# --- rich --------------------------------------------------------------------------------


def _meeting_label(item: Item) -> str:
    if item.meeting is None:
        return ""
    when = item.meeting.date.isoformat() if item.meeting.date else "?"
    return f"{item.meeting.group} {when}"


def _plain(value: str) -> Any:
    """User text as rich Text: "[deferred]" or "[1]" in minutes is never read as markup."""
    from rich.text import Text

    return Text(visible(value))


def items_table(items: Sequence[Item], today: date, title: str | None = None) -> Any:
    from rich.table import Table
    from rich.text import Text

    # Narrow terminals wrap at spaces and never cut a word off with "…" (issue 12): each column
    # is as wide as its longest word (up to what fits in 80 columns), and only longer words
    # (an e-mail address) are folded.
    owners_words = [w for it in items for o in it.owners for w in o.name.split()] or [_("group")]
    table = Table(title=title, show_lines=False, expand=False)
    table.add_column(_("ID"), justify="right", style="bold", no_wrap=True)
    table.add_column(_("Due"), no_wrap=True)
    table.add_column(_("Owner"), overflow="fold", min_width=min(14, max(map(len, owners_words))), max_width=20)
    text_words = [w for it in items for w in it.text.split()] or [_("item")]
    table.add_column(_("Item"), ratio=3, overflow="fold", min_width=max(16, min(24, max(map(len, text_words)))))
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
        _("Status"), label(STATUS_LABELS, item.status.value) + (" " + _("(overdue)") if item.is_overdue(today) else "")
    )
    owners = ", ".join(f"{o.name} ({label(OWNER_KIND_LABELS, o.kind.value)})" for o in item.owners)
    facts.add_row(_("Owners"), _plain(owners or _("the group")))
    facts.add_row(_("Due"), f"{item.due.isoformat()} ({format_swedish(item.due)})" if item.due else "–")
    facts.add_row(_("Meeting"), _plain(f"#{item.meeting.id} {_meeting_label(item)}" if item.meeting else "–"))
    if item.topic:
        facts.add_row(_("Topic"), _plain(item.topic))
    if item.source:
        quoted = f"“{item.source}”"
        facts.add_row(
            _("Source"), _plain(_("line {line}: {source}").format(line=item.line, source=quoted) if item.line else quoted)
        )
    if item.confidence is not None:
        facts.add_row(_("Confidence"), f"{item.confidence:.2f}")
    history = Table(title=_("History"), show_header=True, title_justify="left")
    history.add_column(_("When"))
    history.add_column(_("What"))
    history.add_column(_("Detail"))
    for h in item.history:
        history.add_row(h.at[:16].replace("T", " "), label(HISTORY_ACTIONS, h.action), _plain(history_words(h.detail)))
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
        return str(value)

    parts = []
    for key, value in detail.items():
        if (
            isinstance(value, list)
            and len(value) == 2
            and key in ("text", "owners", "due", "kind", "topic", "date")
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
    partial = f"????-{m.partial_date[0]:02d}-{m.partial_date[1]:02d} " + _("(year unknown)") if m.partial_date else "?"
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
            str(n), label(KIND_LABELS, it.kind.value), _plain(", ".join(o.name for o in it.owners) or _("the group")),
            it.due.isoformat() if it.due else "–", what, str(it.line),
        )  # fmt: skip
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
            f"{m.id}{' *' if m.id == current else ''}", group,
            (m.date.isoformat() if m.date else "?") + (f"\n{m.time}" if m.time else ""),
            _plain(m.place or ""), str(m.item_count),
            _plain(PurePath(m.source_path).name if m.source_path else ""),
        )  # fmt: skip
    return table


def people_table(people: Sequence[Person]) -> Any:
    from rich.table import Table

    table = Table()
    for col in (_("ID"), _("Name"), _("Organisation"), _("Aliases")):
        table.add_column(col)
    for p in people:
        table.add_row(str(p.id), _plain(p.name), _plain(p.organisation or ""), _plain(", ".join(p.aliases)))
    return table
