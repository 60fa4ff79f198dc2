"""Minutes written in actiontrack's own Word template (`track mall`, render/minutes_docx.py),
read back from its tables rather than guessed from its sentences.

The head table gives the meeting (group, date, time, place, who was there, secretary,
adjuster, the meeting after); each "§ n Title" heading a topic; each row of the action tables
under it ("Vad | Vem | Senast") an item: its text, its owners (names separated by commas or
"och") and its due date (a Swedish date expression, counted from the meeting's date), exactly
as written. A due date that cannot be read is a warning and no date, never a guess.
"""

from __future__ import annotations

import io
import re
from datetime import date

from actiontrack.records import field, record

CATEGORY = "actiontrack minutes template 1"  # render/minutes_docx.py marks the template with it
# The head's labels and the columns, in both languages (render/minutes_docx.py writes them).
HEAD = {
    "grupp": "group", "group": "group", "datum": "date", "date": "date", "tid": "time", "time": "time",
    "plats": "place", "place": "place", "närvarande": "present", "present": "present",
    "frånvarande": "absent", "absent": "absent", "sekreterare": "secretary", "secretary": "secretary",
    "justerare": "adjuster", "adjuster": "adjuster", "nästa möte": "next", "next meeting": "next",
}  # fmt: skip
COLUMNS = {"vad": "what", "what": "what", "vem": "who", "who": "who", "senast": "by", "by": "by"}
_POINT = re.compile(r"^§\s*\d+[a-z]?\.?\s+(.+)$")
_NAMES = re.compile(r"\s*(?:,|;|\boch\b|\band\b|&)\s*")
_TIME = re.compile(r"(\d{1,2})[.:](\d{2})(?:\s*[-–]\s*(\d{1,2})[.:](\d{2}))?")


@record
class Row:
    what: str
    who: str
    by: str
    topic: str | None
    number: int  # the row's place in the document, for "line" in the items


@record
class TemplateMinutes:
    fields: dict[str, str]
    rows: list[Row] = field(default_factory=list)


def read_template(data: bytes) -> TemplateMinutes | None:
    """The template's fields and action rows; None when the .docx is not our template."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(io.BytesIO(data))
    if document.core_properties.category != CATEGORY:
        return None
    minutes = TemplateMinutes({})
    topic: str | None = None
    number = 0
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            m = _POINT.match(Paragraph(child, document).text.strip())
            topic = m.group(1).strip() if m else topic
        elif tag == "tbl":
            cells = [[c.text.strip() for c in row.cells] for row in Table(child, document).rows]
            if not minutes.fields and _labelled(cells, HEAD):
                minutes.fields = {HEAD[_key(r[0])]: r[1] for r in cells if len(r) > 1 and _key(r[0]) in HEAD}
            elif cells and [COLUMNS.get(_key(c)) for c in cells[0]] == ["what", "who", "by"]:
                for row in cells[1:]:
                    number += 1
                    if len(row) >= 3 and row[0]:
                        minutes.rows.append(Row(row[0], row[1], row[2], topic, number))
    return minutes


def _key(cell: str) -> str:
    return " ".join(cell.casefold().rstrip(":").split())


def _labelled(cells: list[list[str]], labels: dict[str, str]) -> bool:
    return bool(cells) and all(len(r) >= 2 and _key(r[0]) in labels for r in cells)


def template_extraction(
    minutes: TemplateMinutes, *, today: date, meeting_date: date | None = None
) -> Extraction:
    """The meeting and items the template holds, as the extractor's answer would be."""
    from actiontrack.dates import parse_date
    from actiontrack.errors import DateError
    from actiontrack.i18n import _
    from actiontrack.models import Attendee, ExtractedItem, ExtractedMeeting, Extraction, Kind, Owner

    f = minutes.fields
    warnings: list[str] = []

    def when(text: str, base: date | None, what: str, next_meeting: date | None = None) -> date | None:
        if not text.strip() or base is None:
            return None
        try:
            return date.fromisoformat(text.strip())
        except ValueError:
            pass
        try:
            return parse_date(text, base, next_meeting=next_meeting)
        except DateError:
            warnings.append(
                _("{what}: '{text}' is not a date actiontrack reads; it was left out.").format(
                    what=what, text=text
                )
            )
            return None

    day = meeting_date or when(f.get("date", ""), today, _("Date"))
    following = when(f.get("next", ""), day, _("Next meeting"))
    start, end = _times(f.get("time", ""))
    meeting = ExtractedMeeting(
        title=f.get("group") or None, date=day, time_start=start, time_end=end, place=f.get("place") or None,
        attendees=[Attendee(n) for n in names(f.get("present", ""))],
        absent=[Attendee(n) for n in names(f.get("absent", ""))],
        secretary=f.get("secretary") or None, next_meeting=following,
        roles={"justerare": f["adjuster"]} if f.get("adjuster") else {},
    )  # fmt: skip
    items = [
        ExtractedItem(
            Kind.ACTION,
            r.what,
            tuple(Owner(n) for n in names(r.who)),
            when(r.by, day, r.what, following),
            r.what,
            r.number,
            r.topic,
            1.0,
        )  # fmt: skip
        for r in minutes.rows
    ]
    return Extraction(meeting, items, warnings)


def names(text: str) -> list[str]:
    """ "Anna Berg, Bo Ek och Eva" -> the three names."""
    return [n.strip() for n in _NAMES.split(text) if n.strip()]


def _times(text: str) -> tuple[str | None, str | None]:
    m = _TIME.search(text)
    if not m:
        return None, None
    start = f"{int(m.group(1)):02d}:{m.group(2)}"
    end = f"{int(m.group(3)):02d}:{m.group(4)}" if m.group(3) else None
    return start, end


TYPE_CHECKING = False
if TYPE_CHECKING:
    from actiontrack.models import Extraction
