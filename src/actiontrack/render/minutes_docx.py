"""The minutes of the group's next meeting as a Word template the secretary writes in during
the meeting ("protokollsmall"), and that `track import` reads back exactly (extract/template.py).

What it holds, from the agenda: the head (group, date, time, place, the people called as
present, secretary, adjuster, the meeting after), the agenda's points as §§ with the deferred
points and the follow-up of open items under theirs, and under every point an action table
"Vad | Vem | Senast" with empty rows (Word adds a row at Tab in the last cell). The document is
marked as ours (its category), so that import reads its tables rather than guessing from its
sentences; everything else in it (notes under the points) is the secretary's.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from actiontrack.agenda import Agenda
from actiontrack.agenda.outline import DEFERRED, FOLLOW_UP, NEXT_MEETING, Template
from actiontrack.extract.template import CATEGORY
from actiontrack.i18n import N_, _
from actiontrack.render import visible
from actiontrack.render.agenda import details, following_words, owners_words

if TYPE_CHECKING:
    from docx.document import Document

EMPTY_ROWS = 3
# The head's labels and the action table's columns: extract/template.py reads them back (in
# either language), so each is a word it knows.
HEAD = (N_("Group"), N_("Date"), N_("Time"), N_("Place"), N_("Present"), N_("Absent"), N_("Secretary"), N_("Adjuster"), N_("Next meeting"))  # fmt: skip
COLUMNS = (N_("What"), N_("Who"), N_("By"))


def minutes_docx(agenda: Agenda, template: Template) -> bytes:
    """The template's .docx bytes."""
    import docx
    from docx.shared import Pt

    from actiontrack.render.agenda_docx import footer, language_tag, set_up  # the agenda's looks

    doc = docx.Document()
    set_up(doc, numbered=False)
    doc.add_paragraph(_("Minutes"), style="Title")
    doc.add_paragraph(visible(agenda.group), style="Subtitle")
    following = agenda.following.date.isoformat() if agenda.following and agenda.following.date else ""
    values = [
        agenda.group, agenda.date.isoformat() if agenda.date else "", agenda.time or "", agenda.next.place or "",
        ", ".join(agenda.attendees), "", "", "", following,
    ]  # fmt: skip
    _head(doc, [(_(label), visible(value)) for label, value in zip(HEAD, values, strict=True)])
    hint = doc.add_paragraph()
    hint.paragraph_format.space_before = Pt(6)
    hint.add_run(
        _(
            "Write each decision to act in the table under its point: what, who (names, comma between) and "
            "by when. Add a row with Tab in the last cell. After the meeting, track import reads the tables "
            "back as they are."
        )
    ).italic = True
    for number, point in enumerate(template.points, start=1):
        doc.add_paragraph(f"§ {number} {visible(point.title)}", style="Heading 1")
        if point.part == DEFERRED:
            for item in agenda.deferred:
                _listed(doc, visible(item.text), f"#{item.id}")
        elif point.part == FOLLOW_UP:
            for item in [*agenda.overdue, *agenda.open]:
                _listed(
                    doc,
                    f"{visible(owners_words(item))}: {visible(item.text)}",
                    f"{details(item, agenda)} #{item.id}",
                )
        elif point.part == NEXT_MEETING:
            doc.add_paragraph(visible(following_words(agenda)))
        doc.add_paragraph()  # the secretary's notes
        _actions(doc)
    footer(doc, f"{agenda.group}, {agenda.date.isoformat() if agenda.date else ''}")
    doc.core_properties.title = visible(_("Minutes: {group}").format(group=agenda.group))
    doc.core_properties.category = CATEGORY  # what import recognises the template by
    doc.core_properties.language = language_tag()
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _head(doc: Document, rows: list[tuple[str, str]]) -> None:
    from docx.shared import Cm

    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    table.autofit = False
    table.columns[0].width, table.columns[1].width = Cm(3.5), Cm(12.5)  # the grid LibreOffice reads
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].width, cells[1].width = Cm(3.5), Cm(12.5)
        cells[0].paragraphs[0].add_run(label).bold = True
        cells[1].paragraphs[0].add_run(value)


def _actions(doc: Document) -> None:
    from docx.shared import Cm

    table = doc.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    table.autofit = False
    widths = (Cm(9.5), Cm(4), Cm(2.5))
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for cell, label, width in zip(table.rows[0].cells, COLUMNS, widths, strict=True):
        cell.width = width
        cell.paragraphs[0].add_run(_(label)).bold = True
    for _row in range(EMPTY_ROWS):
        for cell, width in zip(table.add_row().cells, widths, strict=True):
            cell.width = width
    _repeat_header(table)


def _repeat_header(table: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    table.rows[0]._tr.get_or_add_trPr().append(header)


def _listed(doc: Document, text: str, meta: str) -> None:
    from docx.shared import Pt

    paragraph = doc.add_paragraph(style="List Bullet")
    paragraph.add_run(text)
    paragraph.add_run(f" ({meta})").font.size = Pt(9)
