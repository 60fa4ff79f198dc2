"""The agenda as text: a rich layout, Markdown for the invitation e-mail, a printable
HTML page, or JSON; headings and labels in Swedish or English.

Dates are written the Swedish way in Swedish ("22 februari 2016").
"""

from __future__ import annotations

import html
from datetime import date
from typing import Any

from actiontrack.agenda import Agenda, age_days
from actiontrack.dates import format_swedish
from actiontrack.models import Item
from actiontrack.render import item_dict, markdown_text, visible

LABELS: dict[str, dict[str, str]] = {
    "sv": {
        "agenda": "Dagordning", "next": "Nästa möte", "place": "Plats", "unknown_date": "datum ej bestämt",
        "deferred": "Bordlagda punkter", "overdue": "Försenade åtgärder", "open": "Öppna åtgärder",
        "done": "Klart sedan förra mötet", "none": "Inga.", "group": "Gruppen", "due": "klart senast",
        "from": "från mötet", "deferred_at": "bordlagd vid mötet",
        "closed": "klart {d}", "no_due": "inget slutdatum", "last": "Förra mötet",
        "src_option": "datum angivet", "src_schedule": "enligt mötesplanen", "src_minutes": "enligt förra protokollet",
        "src_rhythm": "enligt gruppens rytm (var {w}:e vecka)", "src_unknown": "nästa möte är inte känt, ange --date",
        "owner": "Ansvarig", "item": "Punkt",
    },
    "en": {
        "agenda": "Agenda", "next": "Next meeting", "place": "Place", "unknown_date": "date not set",
        "deferred": "Deferred points", "overdue": "Overdue items", "open": "Open items",
        "done": "Done since the last meeting", "none": "None.", "group": "The group", "due": "due",
        "from": "from the meeting of", "deferred_at": "deferred at the meeting of",
        "closed": "done {d}", "no_due": "no due date", "last": "Last meeting",
        "src_option": "date given", "src_schedule": "from the meeting schedule", "src_minutes": "from the last minutes",
        "src_rhythm": "from the group's rhythm (every {w} weeks)", "src_unknown": "next meeting not known, give --date",
        "owner": "Owner", "item": "Item",
    },
}  # fmt: skip


def write_date(d: date | None, lang: str) -> str:
    if d is None:
        return LABELS[lang]["unknown_date"]
    return format_swedish(d) if lang == "sv" else f"{d.day} {d:%B} {d.year}"


def _source(agenda: Agenda, lang: str) -> str:
    labels = LABELS[lang]
    text = labels[f"src_{agenda.next.source}"]
    return text.format(w=(agenda.next.rhythm_days or 0) // 7)


def _owners(item: Item, lang: str) -> str:
    return ", ".join(o.name for o in item.owners) or LABELS[lang]["group"]


def _details(item: Item, agenda: Agenda, lang: str, *, waited: bool = False) -> str:
    labels = LABELS[lang]
    parts = [f"{labels['due']} {write_date(item.due, lang)}" if item.due else labels["no_due"]]
    if item.meeting:
        parts.append(f"{labels['from']} {write_date(item.meeting.date, lang)}")
    if waited:
        on = agenda.date or date.today()
        age = age_days(item, on)
        if age is not None and age > 0:
            parts.append(waited_words(age, on, lang))
    return "; ".join(parts)


def waited_words(age: int, on: date, lang: str) -> str:
    """ "waiting 1 day", "väntat 12 dagar"; past a year the year it started: "väntat sedan 2015"."""
    from datetime import timedelta

    if age > 365:
        since = (on - timedelta(days=age)).year
        return f"väntat sedan {since}" if lang == "sv" else f"waiting since {since}"
    if lang == "sv":
        return f"väntat {age} {'dag' if age == 1 else 'dagar'}"
    return f"waiting {age} {'day' if age == 1 else 'days'}"


def _deferred_details(item: Item, lang: str) -> str:
    when = write_date(item.meeting.date, lang) if item.meeting else "?"
    return f"{LABELS[lang]['deferred_at']} {when}"


def _closed(item: Item, lang: str) -> str:
    closed = date.fromisoformat(item.closed_at[:10]) if item.closed_at else None
    return LABELS[lang]["closed"].format(d=write_date(closed, lang))


# --- JSON ----------------------------------------------------------------------------


def agenda_dict(agenda: Agenda) -> dict[str, Any]:
    day = agenda.date
    return {
        "group": agenda.group,
        "date": day.isoformat() if day else None,
        "place": agenda.next.place,
        "date_source": agenda.next.source,
        "rhythm_days": agenda.next.rhythm_days,
        "last_meeting": (
            {
                "id": agenda.last_meeting.id,
                "date": agenda.last_meeting.date.isoformat() if agenda.last_meeting.date else None,
            }
            if agenda.last_meeting
            else None
        ),  # fmt: skip
        "deferred": [item_dict(i, day) for i in agenda.deferred],
        "overdue": [item_dict(i, day) for i in agenda.overdue],
        "open": [item_dict(i, day) for i in agenda.open],
        "done_since_last": [item_dict(i, day) for i in agenda.done_since_last],
    }


# --- Markdown ------------------------------------------------------------------------


def agenda_markdown(agenda: Agenda, lang: str) -> str:
    labels, md = LABELS[lang], markdown_text  # what others wrote stays text in the e-mail (issue 13)
    lines = [f"# {labels['agenda']}: {md(agenda.group)}, {write_date(agenda.date, lang)}", ""]
    facts = [f"{labels['next']}: {write_date(agenda.date, lang)} ({_source(agenda, lang)})"]
    if agenda.next.place:
        facts.append(f"{labels['place']}: {md(agenda.next.place)}")
    lines += [f"{fact}  " for fact in facts] + [""]

    lines += [f"## {labels['deferred']}", ""]
    lines += [f"- **{md(i.text)}** ({_deferred_details(i, lang)}) #{i.id}" for i in agenda.deferred] or [
        labels["none"]
    ]
    lines += ["", f"## {labels['overdue']}", ""]
    lines += [
        f"- {md(_owners(i, lang))}: {md(i.text)} ({_details(i, agenda, lang)}) #{i.id}" for i in agenda.overdue
    ] or [labels["none"]]
    lines += ["", f"## {labels['open']}", ""]
    grouped = agenda.open_by_owner()
    if not grouped:
        lines.append(labels["none"])
    for owner, items in grouped:
        lines += [f"### {md(owner) if owner else labels['group']}", ""]
        lines += [f"- {md(i.text)} ({_details(i, agenda, lang, waited=True)}) #{i.id}" for i in items]
        lines.append("")
    lines += ["", f"## {labels['done']}", ""]
    lines += [
        f"- ~~{md(i.text)}~~ ({md(_owners(i, lang))}; {_closed(i, lang)}) #{i.id}" for i in agenda.done_since_last
    ] or [labels["none"]]
    return "\n".join(lines).replace("\n\n\n", "\n\n").rstrip() + "\n"


# --- HTML ----------------------------------------------------------------------------

_CSS = """
body { font-family: system-ui, sans-serif; max-width: 46em; margin: 2em auto; line-height: 1.45; color: #111; }
h1 { font-size: 1.5em; margin-bottom: .2em; } h2 { font-size: 1.15em; border-bottom: 1px solid #999; margin-top: 1.6em; }
h3 { font-size: 1em; margin: 1em 0 .3em; } .facts { color: #444; } .meta { color: #555; font-size: .9em; }
.overdue .meta { color: #a00; } .done { text-decoration: line-through; color: #555; } .id { color: #888; font-size: .85em; }
@media print { body { margin: 0; } a { color: inherit; } }
"""


def agenda_html(agenda: Agenda, lang: str) -> str:
    labels = LABELS[lang]

    def e(text: str) -> str:
        return html.escape(visible(text))

    def li(item: Item, text: str, meta: str, cls: str = "") -> str:
        return (
            f'<li class="item {cls}" data-item-id="{item.id}"><span class="text">{e(text)}</span> '
            f'<span class="meta">({e(meta)})</span> <span class="id">#{item.id}</span></li>'
        )

    def section(title: str, css: str, body: list[str]) -> list[str]:
        inner = body or [f"<p>{e(labels['none'])}</p>"]
        return [f'<section class="{css}"><h2>{e(title)}</h2>', *inner, "</section>"]

    title = f"{labels['agenda']}: {agenda.group}, {write_date(agenda.date, lang)}"
    facts = f"{labels['next']}: {write_date(agenda.date, lang)} ({_source(agenda, lang)})"
    if agenda.next.place:
        facts += f" · {labels['place']}: {agenda.next.place}"
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}"><head><meta charset="utf-8"><title>{e(title)}</title><style>{_CSS}</style></head><body>',
        f"<h1>{e(title)}</h1>",
        f'<p class="facts">{e(facts)}</p>',
    ]
    deferred = [li(i, i.text, _deferred_details(i, lang), "deferred") for i in agenda.deferred]
    out += section(labels["deferred"], "deferred", ["<ul>", *deferred, "</ul>"] if deferred else [])
    overdue = [
        li(i, f"{_owners(i, lang)}: {i.text}", _details(i, agenda, lang), "overdue") for i in agenda.overdue
    ]
    out += section(labels["overdue"], "overdue", ["<ul>", *overdue, "</ul>"] if overdue else [])
    body: list[str] = []
    for owner, items in agenda.open_by_owner():
        body += [f"<h3>{e(owner or labels['group'])}</h3>", "<ul>"]
        body += [li(i, i.text, _details(i, agenda, lang, waited=True), "open") for i in items]
        body.append("</ul>")
    out += section(labels["open"], "open", body)
    done = [li(i, i.text, f"{_owners(i, lang)}; {_closed(i, lang)}", "done") for i in agenda.done_since_last]
    out += section(labels["done"], "done-since-last", ["<ul>", *done, "</ul>"] if done else [])
    out.append("</body></html>")
    return "\n".join(out) + "\n"


# --- terminal --------------------------------------------------------------------------


def agenda_terminal(agenda: Agenda, lang: str) -> Any:
    from rich.console import Group
    from rich.padding import Padding
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    labels = LABELS[lang]
    head = Text(f"{labels['next']}: {write_date(agenda.date, lang)} ({_source(agenda, lang)})")
    if agenda.next.place:
        head.append(f"\n{labels['place']}: {visible(agenda.next.place)}")
    title = Text(f"{labels['agenda']}: {visible(agenda.group)}")
    parts: list[Any] = [Panel(head, title=title, title_align="left")]

    def table(rows: list[tuple[Item, str, str]], style: str = "") -> Any:
        if not rows:
            return Padding(Text(labels["none"], style="dim"), (0, 2))
        t = Table(show_header=False, box=None, padding=(0, 1), expand=False)
        t.add_column(justify="right", style="dim")
        t.add_column(ratio=3)
        t.add_column(style=style or "dim", ratio=2)
        for item, text, meta in rows:
            t.add_row(f"#{item.id}", Text(visible(text)), Text(visible(meta)))
        return Padding(t, (0, 1))

    parts += [Text(labels["deferred"], style="bold underline"),
              table([(i, i.text, _deferred_details(i, lang)) for i in agenda.deferred])]  # fmt: skip
    parts += [Text(labels["overdue"], style="bold underline"),
              table([(i, f"{_owners(i, lang)}: {i.text}", _details(i, agenda, lang)) for i in agenda.overdue], "red")]  # fmt: skip
    parts.append(Text(labels["open"], style="bold underline"))
    grouped = agenda.open_by_owner()
    if not grouped:
        parts.append(table([]))
    for owner, items in grouped:
        parts.append(Padding(Text(visible(owner) if owner else labels["group"], style="bold"), (0, 1)))
        parts.append(table([(i, i.text, _details(i, agenda, lang, waited=True)) for i in items]))
    parts += [Text(labels["done"], style="bold underline"),
              table([(i, i.text, f"{_owners(i, lang)}; {_closed(i, lang)}") for i in agenda.done_since_last])]  # fmt: skip
    return Group(*parts)


# --- digest per owner -------------------------------------------------------------------------

DIGEST_LABELS = {
    "sv": {
        "title": "{n} öppna åtgärder",
        "one": "1 öppen åtgärd",
        "overdue": "{n} försenade",
        "late": "Försenad",
    },
    "en": {"title": "{n} open items", "one": "1 open item", "overdue": "{n} overdue", "late": "Overdue"},
}


def digest_markdown(digests: list[Any], today: date, lang: str) -> str:
    labels, words = DIGEST_LABELS[lang], LABELS[lang]
    out: list[str] = []
    for d in digests:
        late = [i for i in d.items if i.is_overdue(today)]
        count = labels["one"] if len(d.items) == 1 else labels["title"].format(n=len(d.items))
        out.append(f"## {markdown_text(d.owner)}: {count}" + (f", {labels['overdue'].format(n=len(late))}" if late else ""))
        out.append("")
        for item in d.items:
            meta = [f"{words['due']} {write_date(item.due, lang)}" if item.due else words["no_due"]]
            if item.meeting:
                meta.append(f"{markdown_text(item.meeting.group)} {write_date(item.meeting.date, lang)}")
            flag = f"**{labels['late']}**: " if item.is_overdue(today) else ""
            out.append(f"- {flag}{markdown_text(item.text)} ({'; '.join(meta)}) #{item.id}")
        out.append("")
    return "\n".join(out)
