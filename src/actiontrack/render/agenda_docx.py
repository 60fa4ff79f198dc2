"""The agenda as the Word document a Swedish meeting is called with: "kallelse och
dagordning".

Real Word structure, so that the secretary can go on editing it in Word: the points
are paragraphs of one style ("Dagordningspunkt", based on Heading 1) numbered by
Word's own list numbering, so a point added in Word is numbered too and the points
show in the navigation pane; items are "List Bullet" paragraphs; the head is a
table. A4 paper, the document's language set for the spelling checker. The points
are the template's (agenda/outline.py), the words those of agenda.py.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from actiontrack.agenda import Agenda
from actiontrack.agenda.outline import DEFERRED, FOLLOW_UP, NEXT_MEETING, Template
from actiontrack.i18n import _, language
from actiontrack.models import Item
from actiontrack.render import visible
from actiontrack.render.agenda import (
    closed_words,
    deferred_details,
    details,
    facts,
    following_words,
    owners_words,
    write_date,
)

if TYPE_CHECKING:
    from docx.document import Document

GREY = (0x59, 0x59, 0x59)
DARK_RED = (0xA0, 0x00, 0x00)
INK = (0x1F, 0x2A, 0x44)
POINT_NUMBERING_ID = 90  # an abstract numbering of our own, beside the template's 0..8


def agenda_docx(agenda: Agenda, template: Template) -> bytes:
    """The agenda as a .docx file's bytes."""
    import docx

    doc = docx.Document()
    point_style = set_up(doc)
    head = facts(agenda, sources=False)

    doc.add_paragraph(_("Notice and agenda"), style="Title")
    doc.add_paragraph(visible(agenda.group), style="Subtitle")
    rows = [(_("Date"), write_date(agenda.date)), *head.rows[1:]]  # the group is the subtitle
    _facts_table(doc, rows)

    for point in template.points:
        doc.add_paragraph(visible(point.title), style=point_style)
        if point.part == DEFERRED:
            for item in agenda.deferred:
                _item(doc, item, deferred_details(item), bold=True)
            if not agenda.deferred:
                _none(doc)
        elif point.part == FOLLOW_UP:
            _indented(doc.add_paragraph(_("Overdue items"), style="Heading 2"))
            for item in agenda.overdue:
                _item(doc, item, details(item, agenda), owners=owners_words(item), late=True)
            if not agenda.overdue:
                _none(doc)
            _indented(doc.add_paragraph(_("Open items"), style="Heading 2"))
            grouped = agenda.open_by_owner()
            for owner, items in grouped:
                _indented(doc.add_paragraph(visible(owner or _("The group")), style="Heading 3"))
                for item in items:
                    _item(doc, item, details(item, agenda, waited=True))
            if not grouped:
                _none(doc)
            _indented(doc.add_paragraph(_("Done since the last meeting"), style="Heading 2"))
            for item in agenda.done_since_last:
                _item(doc, item, f"{owners_words(item)}; {closed_words(item)}", struck=True)
            if not agenda.done_since_last:
                _none(doc)
        elif point.part == NEXT_MEETING:
            _indented(doc.add_paragraph(visible(following_words(agenda))))

    footer(doc, f"{agenda.group}, {write_date(agenda.date)}")
    doc.core_properties.title = visible(
        _("Notice and agenda: {group}, {date}").format(group=agenda.group, date=write_date(agenda.date))
    )
    doc.core_properties.language = language_tag()
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def language_tag() -> str:
    return "sv-SE" if language() == "sv" else "en-GB"


def set_up(doc: Document, *, numbered: bool = True) -> Any:
    """A4, sober colours, the language, and (`numbered`) the numbered style of the points."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor

    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin = section.bottom_margin = Cm(2)

    normal = doc.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), language_tag())
    normal.element.get_or_add_rPr().append(lang)
    for name, size in (
        ("Title", 24),
        ("Subtitle", 14),
        ("Heading 1", 13),
        ("Heading 2", 11),
        ("Heading 3", 11),
    ):
        style = doc.styles[name]
        style.font.color.rgb = RGBColor(*INK)
        style.font.size = Pt(size)
    doc.styles["Subtitle"].font.italic = False
    doc.styles["Heading 1"].paragraph_format.space_before = Pt(14)
    doc.styles["Heading 2"].paragraph_format.space_before = Pt(8)
    doc.styles["Heading 3"].font.italic = True
    doc.styles["Heading 3"].font.bold = False

    if not numbered:
        return None
    num_id = _point_numbering(doc)

    style = doc.styles.add_style(_("Agenda point"), WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Heading 1"]
    style.next_paragraph_style = normal
    style.quick_style = True
    num_pr = style.element.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = num_id
    return style


def _point_numbering(doc: Document) -> Any:
    """Word's own numbering for the points: one abstract list "1.", "2.", ...; the id of its list."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    numbering = doc.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), str(POINT_NUMBERING_ID))
    kind = OxmlElement("w:multiLevelType")
    kind.set(qn("w:val"), "singleLevel")
    abstract.append(kind)
    level = OxmlElement("w:lvl")
    level.set(qn("w:ilvl"), "0")
    for tag, value in (("w:start", "1"), ("w:numFmt", "decimal"), ("w:lvlText", "%1."), ("w:lvlJc", "left")):
        child = OxmlElement(tag)
        child.set(qn("w:val"), value)
        level.append(child)
    indent = OxmlElement("w:ind")
    indent.set(qn("w:left"), "510")  # 0.9 cm
    indent.set(qn("w:hanging"), "510")
    ppr = OxmlElement("w:pPr")
    ppr.append(indent)
    level.append(ppr)
    abstract.append(level)
    first_num = numbering.find(qn("w:num"))  # abstract lists come before the lists that use them
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    return numbering.add_num(POINT_NUMBERING_ID).numId


def footer(doc: Document, text: str) -> None:
    """ "Ledningsgrupp för utveckling, 18 januari 2018 · 2" on every page: Word's PAGE field."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    paragraph = doc.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    runs = [paragraph.add_run(f"{visible(text)} · ")]
    for kind, instruction in (
        ("begin", None),
        (None, " PAGE "),
        ("separate", None),
        (None, None),
        ("end", None),
    ):
        run = paragraph.add_run("1" if kind is None and instruction is None else "")
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif instruction:
            code = OxmlElement("w:instrText")
            code.set(qn("xml:space"), "preserve")
            code.text = instruction
            run._r.append(code)
        runs.append(run)
    for run in runs:
        run.font.size = Pt(9)
        run.font.color.rgb = RGBColor(*GREY)


def _facts_table(doc: Document, rows: list[tuple[str, str]]) -> None:
    from docx.shared import Cm

    table = doc.add_table(rows=0, cols=2)
    table.autofit = False
    table.columns[0].width, table.columns[1].width = Cm(3.2), Cm(12.8)  # the grid LibreOffice reads
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].width, cells[1].width = Cm(3.2), Cm(12.8)
        cells[0].paragraphs[0].add_run(label).bold = True
        cells[1].paragraphs[0].add_run(visible(value))


def _item(
    doc: Document,
    item: Item,
    meta: str,
    *,
    owners: str | None = None,
    bold: bool = False,
    late: bool = False,
    struck: bool = False,
) -> None:
    from docx.shared import Pt, RGBColor

    paragraph = doc.add_paragraph(style="List Bullet")
    _indented(paragraph, bullet=True)
    if owners:
        paragraph.add_run(f"{visible(owners)}: ").bold = True
    text = paragraph.add_run(visible(item.text))
    text.bold = bold
    text.font.strike = struck
    for words, colour in ((f" ({visible(meta)})", DARK_RED if late else GREY), (f" #{item.id}", GREY)):
        run = paragraph.add_run(words)
        run.font.size = Pt(9)
        run.font.color.rgb = RGBColor(*colour)


def _indented(paragraph: Any, *, bullet: bool = False) -> Any:
    """Under the point's text, not under its number (the numbers hang in the margin's first 0.9 cm)."""
    from docx.shared import Cm

    paragraph.paragraph_format.left_indent = Cm(1.5 if bullet else 0.9)
    if bullet:
        paragraph.paragraph_format.first_line_indent = Cm(-0.6)
    return paragraph


def _none(doc: Document) -> None:
    from docx.shared import RGBColor

    run = _indented(doc.add_paragraph()).add_run(_("None."))
    run.italic = True
    run.font.color.rgb = RGBColor(*GREY)
