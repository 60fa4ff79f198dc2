"""Items as an Excel workbook: one row per item, headers in the interface language, real dates.

openpyxl is imported inside `xlsx()` only, so no other command pays for it.
Text that others wrote goes through `render.csv_cell`, as in the CSV: a cell never starts a
formula and control characters are shown, never kept (openpyxl refuses most of them anyway).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from actiontrack.i18n import N_, _
from actiontrack.models import Item
from actiontrack.render import KIND_LABELS, STATUS_LABELS, csv_cell, label, local_time

HEADERS = [
    N_("ID"),
    N_("Kind"),
    N_("Status"),
    N_("Due"),
    N_("Owners"),
    N_("Item"),
    N_("Group"),
    N_("Meeting date"),
    N_("Topic"),
    N_("Source"),
    N_("Created"),
    N_("Closed"),
]

DATE_FORMAT = "yyyy-mm-dd"  # how Swedish Excel shows a date; the cell holds a date all the same
TIME_FORMAT = "yyyy-mm-dd hh:mm"
MAX_WIDTH = 40  # wider columns (the item's text, its source sentence) wrap: a printed page stays legible


def item_row(item: Item) -> list[Any]:
    """The cells of one item: dates as dates, times as local times, text made safe."""
    c = csv_cell
    meeting = item.meeting
    return [
        item.id,
        label(KIND_LABELS, item.kind.value),
        label(STATUS_LABELS, item.status.value),
        item.due,
        c(", ".join(o.name for o in item.owners) or _("the group")),
        c(item.text),
        c(meeting.group) if meeting else None,
        meeting.date if meeting else None,
        c(item.topic) if item.topic else None,
        c(item.source) if item.source else None,
        local_time(item.created_at),
        local_time(item.closed_at),
    ]


def xlsx(items: Sequence[Item]) -> bytes:
    """The workbook: a frozen header row with a filter, columns as wide as what they hold."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = _("Items")
    headers = [_(h) for h in HEADERS]
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    widths = [len(h) for h in headers]
    for item in items:
        row = item_row(item)
        sheet.append(row)
        for n, value in enumerate(row):
            widths[n] = max(widths[n], _width(value))
    for column in (4, 8):  # Due, Meeting date
        for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
            cell.number_format = DATE_FORMAT
    for column in (11, 12):  # Created, Closed
        for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
            cell.number_format = TIME_FORMAT
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    for n, width in enumerate(widths, start=1):
        letter = get_column_letter(n)
        sheet.column_dimensions[letter].width = min(width, MAX_WIDTH) + 2
        for (cell,) in sheet.iter_rows(min_row=2, min_col=n, max_col=n):
            cell.alignment = wrap if width > MAX_WIDTH else top  # a long text wraps in its row
    _row_heights(sheet, widths)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(HEADERS))}{len(items) + 1}"
    _print_settings(sheet)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _row_heights(sheet: Any, widths: list[int]) -> None:
    """Each row as tall as its longest wrapped text: LibreOffice (and a printout) does not grow a
    row for wrapped text by itself."""
    import math

    for row in sheet.iter_rows(min_row=2):
        lines = max(
            (math.ceil(len(str(c.value)) / MAX_WIDTH) for c, w in zip(row, widths, strict=True) if w > MAX_WIDTH and c.value),
            default=1,
        )  # fmt: skip
        if lines > 1:
            sheet.row_dimensions[row[0].row].height = 15 * lines


def _print_settings(sheet: Any) -> None:
    """Printed (or saved as PDF) as a list on paper: A4 landscape, every column on one page wide
    (as many pages down as it takes), the header row on every page, narrow margins."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    sheet.print_options.gridLines = True


def _width(value: Any) -> int:
    if value is None:
        return 0
    if hasattr(value, "hour"):
        return len(TIME_FORMAT)
    if hasattr(value, "year"):
        return len(DATE_FORMAT)
    return max((len(line) for line in str(value).splitlines()), default=0)
