"""The agenda as text: a rich layout, Markdown for the invitation e-mail, a printable
HTML page, or JSON (the Word document is agenda_docx.py).

Every layout walks the same numbered points, those of the agenda template
(agenda/outline.py), and fills the marked ones from the database: the deferred
points, the follow-up of items (overdue first, then open items by owner, then what
was done since the last meeting) and the meeting after. Headings and labels are
messages of the interface language (i18n.py); dates are written the
Swedish way in Swedish ("22 februari 2016").
"""

from __future__ import annotations

import html
from datetime import date
from typing import Any

from actiontrack.agenda import Agenda, NextMeeting, age_days
from actiontrack.agenda.outline import DEFERRED, FOLLOW_UP, NEXT_MEETING, Point, Template
from actiontrack.dates import format_swedish
from actiontrack.i18n import N_, _, language, ngettext
from actiontrack.models import Item, Meeting
from actiontrack.records import record
from actiontrack.render import item_dict, markdown_text, visible

SOURCES = {
    "option": N_("date given"),
    "schedule": N_("from the meeting schedule"),
    "minutes": N_("from the last minutes"),
    "unknown": N_("next meeting not known, give --date"),
}


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def write_date(d: date | None, lang: str | None = None) -> str:
    if d is None:
        return _("date not set")
    return format_swedish(d) if (lang or language()) == "sv" else f"{d.day} {d:%B} {d.year}"


def source_words(meeting: NextMeeting) -> str:
    """How the meeting's date is known: "enligt mötesplanen", "enligt gruppens rytm (var 4:e vecka)",
    and what was not used: "24 december är julafton", "förra protokollets 6 april 2026 har passerat"."""
    if meeting.source == "rhythm":
        weeks = (meeting.rhythm_days or 0) // 7
        words = ngettext(
            "from the group's rhythm (every week)", "from the group's rhythm (every {weeks} weeks)", weeks
        ).format(weeks=weeks)
    else:
        words = _(SOURCES[meeting.source])
    if meeting.moved_from is not None:
        words += "; " + _("moved from {date}, which is {holiday}").format(
            date=write_date(meeting.moved_from), holiday=meeting.day_off or _("a weekend")
        )
    if meeting.passed is not None:
        said = (
            _("the last minutes said {date}, which has passed")
            if meeting.passed_source == "minutes"
            else _("the schedule's {date} has passed with no minutes of it here")
        )
        words += "; " + said.format(date=write_date(meeting.passed))
    return words


def from_meeting_words(meeting: Meeting | None) -> str:
    """Where the time or the people called come from: "som vid mötet 26 november 2025"."""
    if meeting is None:
        return ""
    return " (" + _("as at the meeting of {date}").format(date=write_date(meeting.date)) + ")"


def owners_words(item: Item) -> str:
    return ", ".join(o.name for o in item.owners) or _("The group")


def details(item: Item, agenda: Agenda, *, waited: bool = False) -> str:
    parts = [_("due {date}").format(date=write_date(item.due)) if item.due else _("no due date")]
    if item.meeting:
        parts.append(_("from the meeting of {date}").format(date=write_date(item.meeting.date)))
    elif item.created_at:  # added between meetings
        parts.append(_("added {date}").format(date=write_date(date.fromisoformat(item.created_at[:10]))))
    if waited:
        on = agenda.date or agenda.today
        age = age_days(item, on)
        if age is not None and age > 0:
            parts.append(waited_words(age, on))
    return "; ".join(parts)


def waited_words(age: int, on: date) -> str:
    """ "waiting 1 day", "väntat 12 dagar"; past a year the year it started: "väntat sedan 2015"."""
    from datetime import timedelta

    if age > 365:
        return _("waiting since {year}").format(year=(on - timedelta(days=age)).year)
    return ngettext("waiting {n} day", "waiting {n} days", age).format(n=age)


def deferred_details(item: Item) -> str:
    when = write_date(item.meeting.date) if item.meeting else "?"
    return _("deferred at the meeting of {date}").format(date=when)


def closed_words(item: Item) -> str:
    closed = date.fromisoformat(item.closed_at[:10]) if item.closed_at else None
    return _("done {date}").format(date=write_date(closed))


def following_words(agenda: Agenda) -> str:
    """The point "Nästa möte": the meeting after this one, when the schedule or rhythm tells."""
    after = agenda.following
    if after is None or after.date is None:
        return _("Not known yet.")
    text = f"{write_date(after.date)} ({source_words(after)})"
    return f"{text}, {after.place}" if after.place else text


@record(frozen=True)
class Facts:
    """The agenda's head: what the invitation says about the meeting."""

    title: str
    rows: list[tuple[str, str]]  # (label, value): date, time, place, who is called


def facts(agenda: Agenda, *, sources: bool = True) -> Facts:
    """`sources`: say where the time and the people called come from (not in the Word kallelse,
    which goes to the members)."""
    # "Datum", not "Nästa möte": the point "Nästa möte" is about the meeting after this one
    rows = [(_("Date"), f"{write_date(agenda.date)} ({source_words(agenda.next)})")]
    if agenda.time:
        rows.append((_("Time"), agenda.time + (from_meeting_words(agenda.time_from) if sources else "")))
    if agenda.next.place:
        rows.append((_("Place"), agenda.next.place))
    if agenda.attendees:
        called = ", ".join(agenda.attendees)
        rows.append((_("Invited"), called + (from_meeting_words(agenda.called_from) if sources else "")))
    return Facts(_("Agenda: {group}, {date}").format(group=agenda.group, date=write_date(agenda.date)), rows)


def heading(point: Point) -> str:
    return f"{point.number}. {point.title}"


# --- JSON ----------------------------------------------------------------------------


def agenda_dict(agenda: Agenda) -> dict[str, Any]:
    day = agenda.date
    following = agenda.following
    return {
        "group": agenda.group,
        "date": day.isoformat() if day else None,
        "time": agenda.time,
        "place": agenda.next.place,
        "date_source": agenda.next.source,
        "rhythm_days": agenda.next.rhythm_days,
        "date_moved_from": _iso(agenda.next.moved_from),
        "date_passed": _iso(agenda.next.passed),
        "time_from_meeting": agenda.time_from.id if agenda.time_from else None,
        "attendees": agenda.attendees,
        "attendees_from_meeting": agenda.called_from.id if agenda.called_from else None,
        "last_meeting": (
            {
                "id": agenda.last_meeting.id,
                "date": agenda.last_meeting.date.isoformat() if agenda.last_meeting.date else None,
            }
            if agenda.last_meeting
            else None
        ),
        "following_meeting": (
            {"date": following.date.isoformat(), "date_source": following.source}
            if following and following.date
            else None
        ),
        "deferred": [item_dict(i, day) for i in agenda.deferred],
        "overdue": [item_dict(i, day) for i in agenda.overdue],
        "open": [item_dict(i, day) for i in agenda.open],
        "done_since_last": [item_dict(i, day) for i in agenda.done_since_last],
    }


# --- Markdown ------------------------------------------------------------------------


def agenda_markdown(agenda: Agenda, template: Template) -> str:
    md = markdown_text  # what others wrote stays text in the e-mail
    head = facts(agenda)
    lines = [f"# {md(head.title)}", ""]
    lines += [md(f"{label}: {value}") + "  " for label, value in head.rows] + [""]  # "13.00" no list

    def listed(entries: list[str]) -> list[str]:
        return [*(entries or [_("None.")]), ""]

    for point in template.points:
        lines += [f"## {point.number}. {md(point.title)}", ""]  # "1." in a heading is no list
        if point.part == DEFERRED:
            lines += listed([f"- **{md(i.text)}** ({deferred_details(i)}) #{i.id}" for i in agenda.deferred])
        elif point.part == FOLLOW_UP:
            lines += ["### " + _("Overdue items"), ""]
            lines += listed(
                [
                    f"- {md(owners_words(i))}: {md(i.text)} ({details(i, agenda)}) #{i.id}"
                    for i in agenda.overdue
                ]
            )
            lines += ["### " + _("Open items"), ""]
            grouped = agenda.open_by_owner()
            if not grouped:
                lines += listed([])
            for owner, items in grouped:
                lines += ["#### " + (md(owner) if owner else _("The group")), ""]
                lines += listed(
                    [f"- {md(i.text)} ({details(i, agenda, waited=True)}) #{i.id}" for i in items]
                )
            lines += ["### " + _("Done since the last meeting"), ""]
            lines += listed(
                [
                    f"- ~~{md(i.text)}~~ ({md(owners_words(i))}; {closed_words(i)}) #{i.id}"
                    for i in agenda.done_since_last
                ]
            )
        elif point.part == NEXT_MEETING:
            lines += [md(following_words(agenda)), ""]
    return "\n".join(lines).rstrip() + "\n"


# --- HTML ----------------------------------------------------------------------------

_CSS = """
body { font-family: "Segoe UI", system-ui, sans-serif; max-width: 46em; margin: 2em auto; padding: 0 1em;
  line-height: 1.45; color: #111; }
h1 { font-size: 1.5em; margin-bottom: .3em; }
h2 { font-size: 1.15em; border-bottom: 1px solid #bbb; margin: 1.4em 0 .4em; }
h3 { font-size: 1em; margin: .9em 0 .3em; } h4 { font-size: .95em; margin: .7em 0 .2em; font-style: italic; }
.facts { border-collapse: collapse; color: #333; }
.facts th { text-align: left; vertical-align: top; padding: 0 1em 0 0; font-weight: 600; white-space: nowrap; }
.point > p, .point ul, .point section { margin-left: 1.4em; } .number { color: #555; }
ul { padding-left: 1.2em; margin: .2em 0; } .meta { color: #555; font-size: .9em; }
.overdue .meta { color: #a00; } .done { text-decoration: line-through; color: #555; }
.id { color: #888; font-size: .85em; } .none { color: #777; font-style: italic; }
.deferred .text { font-weight: 600; }
@media print { body { margin: 0; } a { color: inherit; } }
"""


def agenda_html(agenda: Agenda, template: Template) -> str:
    def e(text: str) -> str:
        return html.escape(visible(text))

    def li(item: Item, text: str, meta: str, cls: str = "") -> str:
        return (
            f'<li class="item {cls}" data-item-id="{item.id}"><span class="text">{e(text)}</span> '
            f'<span class="meta">({e(meta)})</span> <span class="id">#{item.id}</span></li>'
        )

    def listed(entries: list[str]) -> list[str]:
        return ["<ul>", *entries, "</ul>"] if entries else [f'<p class="none">{e(_("None."))}</p>']

    def section(title: str, css: str, body: list[str], level: int = 3) -> list[str]:
        return [f'<section class="{css}"><h{level}>{e(title)}</h{level}>', *body, "</section>"]

    head = facts(agenda)
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{language()}"><head><meta charset="utf-8"><title>{e(head.title)}</title>'
        f"<style>{_CSS}</style></head><body>",
        f"<h1>{e(head.title)}</h1>",
        '<table class="facts">',
        *(f"<tr><th>{e(label)}</th><td>{e(value)}</td></tr>" for label, value in head.rows),
        "</table>",
    ]
    for point in template.points:
        out.append(
            f'<section class="point{" " + point.part if point.part else ""}">'
            f'<h2><span class="number">{point.number}.</span> {e(point.title)}</h2>'
        )
        if point.part == DEFERRED:
            out += listed([li(i, i.text, deferred_details(i), "deferred") for i in agenda.deferred])
        elif point.part == FOLLOW_UP:
            overdue = [
                li(i, f"{owners_words(i)}: {i.text}", details(i, agenda), "overdue") for i in agenda.overdue
            ]
            out += section(_("Overdue items"), "overdue", listed(overdue))
            body: list[str] = []
            for owner, items in agenda.open_by_owner():
                body.append("<h4>" + e(owner or _("The group")) + "</h4>")
                body += listed([li(i, i.text, details(i, agenda, waited=True), "open") for i in items])
            out += section(_("Open items"), "open", body or listed([]))
            done = [
                li(i, i.text, f"{owners_words(i)}; {closed_words(i)}", "done") for i in agenda.done_since_last
            ]
            out += section(_("Done since the last meeting"), "done-since-last", listed(done))
        elif point.part == NEXT_MEETING:
            out.append(f"<p>{e(following_words(agenda))}</p>")
        out.append("</section>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


# --- terminal --------------------------------------------------------------------------


def agenda_terminal(agenda: Agenda, template: Template) -> Any:
    from rich.console import Group
    from rich.padding import Padding
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    head = facts(agenda)
    body = Text("\n".join(f"{label}: {visible(value)}" for label, value in head.rows))
    parts: list[Any] = [Panel(body, title=Text(visible(head.title)), title_align="left")]

    def table(rows: list[tuple[Item, str, str]], style: str = "") -> Any:
        if not rows:
            return Padding(Text(_("None."), style="dim"), (0, 3))
        t = Table(show_header=False, box=None, padding=(0, 1), expand=False)
        t.add_column(justify="right", style="dim")
        t.add_column(ratio=3)
        t.add_column(style=style or "dim", ratio=2)
        for item, text, meta in rows:
            t.add_row(f"#{item.id}", Text(visible(text)), Text(visible(meta)))
        return Padding(t, (0, 2))

    def sub(title: str) -> Any:
        return Padding(Text(title, style="underline"), (0, 2))

    for point in template.points:
        parts.append(Text(visible(heading(point)), style="bold"))
        if point.part == DEFERRED:
            parts.append(table([(i, i.text, deferred_details(i)) for i in agenda.deferred]))
        elif point.part == FOLLOW_UP:
            parts.append(sub(_("Overdue items")))
            parts.append(
                table(
                    [(i, f"{owners_words(i)}: {i.text}", details(i, agenda)) for i in agenda.overdue], "red"
                )
            )
            parts.append(sub(_("Open items")))
            grouped = agenda.open_by_owner()
            if not grouped:
                parts.append(table([]))
            for owner, items in grouped:
                parts.append(
                    Padding(Text(visible(owner) if owner else _("The group"), style="italic"), (0, 3))
                )
                parts.append(table([(i, i.text, details(i, agenda, waited=True)) for i in items]))
            parts.append(sub(_("Done since the last meeting")))
            parts.append(
                table([(i, i.text, f"{owners_words(i)}; {closed_words(i)}") for i in agenda.done_since_last])
            )
        elif point.part == NEXT_MEETING:
            parts.append(Padding(Text(visible(following_words(agenda))), (0, 3)))
    return Group(*parts)


# --- digest per owner -------------------------------------------------------------------------


def digest_markdown(digests: list[Any], today: date) -> str:
    out: list[str] = []
    for d in digests:
        late = [i for i in d.items if i.is_overdue(today)]
        count = ngettext("{n} open item", "{n} open items", len(d.items)).format(n=len(d.items))
        if late:
            count += ", " + ngettext("{n} overdue", "{n} overdue", len(late)).format(n=len(late))
        out += [f"## {markdown_text(d.owner)}: {count}", ""]
        for item in d.items:
            meta = [_("due {date}").format(date=write_date(item.due)) if item.due else _("no due date")]
            if item.meeting:
                meta.append(f"{markdown_text(item.meeting.group)} {write_date(item.meeting.date)}")
            flag = "**" + _("Overdue") + "**: " if item.is_overdue(today) else ""
            out.append(f"- {flag}{markdown_text(item.text)} ({'; '.join(meta)}) #{item.id}")
        out.append("")
    return "\n".join(out)
