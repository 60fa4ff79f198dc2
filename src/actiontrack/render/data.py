"""The stable JSON shapes (a documented contract that scripts and the evaluation rely on; it
never depends on the terminal or the configuration) and CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import date, datetime

from actiontrack.i18n import N_, _
from actiontrack.models import Extraction, HistoryEntry, Item, Meeting, Person
from actiontrack.render.text import KIND_LABELS, STATUS_LABELS, csv_cell, label

TYPE_CHECKING = False  # typing costs a command's start 3-4 ms
if TYPE_CHECKING:
    from typing import Any

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
        ),
        "source": item.source,
        "line": item.line,
        "topic": item.topic,
        "confidence": item.confidence,
        "created_at": item.created_at,
        "updated_at": item.updated_at,
        "closed_at": item.closed_at,
        "group": item.group,
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


# What the extractor's steps say (extract/walker.py), in the language; the rules stay the
# names of the classifier's features. A word not here is shown as it is.
EXPLAIN_WORDS = {
    "heading": N_("heading"), "label": N_("label"), "bullet": N_("list item"), "paragraph": N_("paragraph"),
    "line": N_("line"), "no item": N_("no item"), "action": N_("action"), "deferred": N_("deferred"),
    "agenda": N_("agenda"), "agenda point": N_("agenda point"), "field line": N_("field line"),
    "owner of the item before": N_("owner of the item before"), "decision": N_("decision"),
    "owner marked": N_("owner marked"), "marked done": N_("marked done"),
}  # fmt: skip


def _explained(text: str) -> str:
    def part(p: str) -> str:
        for prefix, said in (("under ", N_("under {what}")), ("label ", N_("label {what}"))):
            if p.startswith(prefix):
                return _(said).format(what=p[len(prefix) :])
        return _(EXPLAIN_WORDS[p]) if p in EXPLAIN_WORDS else p

    return ", ".join(part(p) for p in text.split(", ")) if text else text


def explain_lines(extraction: Extraction) -> str:
    """Each sentence's path through the extractor, a line each: line, block, context, verdict, rule."""
    # TRANSLATORS: column headings; keep each word where it starts (the columns are 6, 11, 26 and 16 wide)
    out = [_("Line  Block      Verdict                   Rule            Sentence")]
    for step in extraction.steps:
        where = f" [{_explained(step.context)}]" if step.context else ""
        text = step.text if len(step.text) <= 90 else step.text[:89] + "…"
        block, verdict = _explained(step.block), _explained(step.verdict)
        out.append(f"{step.line:>4}  {block:<10} {verdict:<25} {step.rule or '–':<15} {text}{where}")
    return "\n".join(out)


def extraction_dict(extraction: Extraction, *, explain: bool = False) -> dict[str, Any]:
    from actiontrack.extract.title import group_name

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
                    {
                        "line": st.line,
                        "block": st.block,
                        "topic": st.topic,
                        "context": st.context,
                        "verdict": st.verdict,
                        "rule": st.rule,
                        "text": st.text,
                    }
                    for st in extraction.steps
                ]
            }
            if explain
            else {}
        ),
    }


# --- CSV ------------------------------------------------------------------------------

CSV_COLUMNS = [
    "id",
    "kind",
    "status",
    "due",
    "owners",
    "text",
    "group",
    "meeting_date",
    "meeting_id",
    "topic",
    "source",
    "created_at",
    "closed_at",
]


def local_time(stamp: str | None) -> datetime | None:
    """A stored UTC time (ISO-8601) as this computer's local time, without an offset: what Excel shows."""
    if not stamp:
        return None
    return datetime.fromisoformat(stamp).astimezone().replace(tzinfo=None)


def items_csv(items: Iterable[Item], *, delimiter: str = ",", swedish: bool = False) -> str:
    """The items as CSV. `swedish` is the file for Swedish Excel: local times rather
    than UTC offsets, "gruppen" (the group, in the interface language) rather than an empty
    owner, and kinds and statuses in the language ("åtgärd", "öppen"); the column names stay
    the JSON fields, for the scripts that read either; the delimiter is the caller's."""
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

    def value(table: dict[str, str], v: str) -> str:
        return label(table, v) if swedish else v

    for it in items:
        writer.writerow(
            [
                it.id,
                value(KIND_LABELS, it.kind.value),
                value(STATUS_LABELS, it.status.value),
                _iso(it.due) or "",
                c("; ".join(o.name for o in it.owners) or nobody),
                c(it.text),
                c(it.meeting.group if it.meeting else ""),
                _iso(it.meeting.date) if it.meeting else "",
                it.meeting.id if it.meeting else "",
                c(it.topic or ""),
                c(it.source or ""),
                when(it.created_at),
                when(it.closed_at),
            ]
        )
    return buf.getvalue()
