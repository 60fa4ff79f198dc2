"""Tables in Word and OpenDocument minutes, turned into the text the later stages read.

Municipal minutes put much of their content in tables, and each kind says something else:

- an action table (Åtgärd | Ansvarig | Klart till): each row becomes "Åtgärd: …",
  "Ansvarig: …", "Klart till: …" lines, the way the same minutes are written without a
  table; a row whose status says it is done ("Klar", "Genomförd") is no open item;
- an attendee table (Namn | Funktion | Organisation): a "Närvarande:" list;
- minutes written as a table (Punkt | Anteckning): the point becomes a heading and the
  notes the paragraphs under it, so that the commitments inside the cells are read;
- any other table: a line per row.

Tables written in text are read the same way (`text_tables`): a Markdown table ("| Vad | Vem |")
and columns separated by tabs, as a Word table pasted into a plain text keeps them.

The column names are data (the tables below); a header row is one whose cells are short
labels, at least one of which is known.
"""

from __future__ import annotations

import re

ACTION = {
    "åtgärd", "åtgärder", "vad", "aktivitet", "aktiviteter", "uppgift", "uppgifter", "att göra", "todo",
    "action", "uppdrag", "beslut/åtgärd", "åtgärd/beslut", "beslut och åtgärd", "åtgärdspunkt", "vad ska göras",
}  # fmt: skip
OWNER = {"ansvarig", "ansvariga", "vem", "ansvar", "ägare", "utförare", "vem gör", "ansvarig person", "sign"}
DUE = {
    "klart", "klart till", "klart senast", "klar till", "när", "deadline", "datum", "tidplan", "senast",
    "tidpunkt", "färdigt", "färdig", "slutdatum", "tid",
}  # fmt: skip
STATUS = {"status", "läge", "lägesrapport", "status/kommentar", "kommentar/status"}
PEOPLE = {"namn", "deltagare", "närvarande", "ledamot", "ledamöter", "person", "förnamn", "ersättare"}
PEOPLE_DETAIL = {
    "funktion", "roll", "organisation", "förvaltning", "verksamhet", "representerar", "titel", "enhet", "parti",
    "kommun", "förening", "företräder", "efternamn", "närvaro", "uppdrag",
}  # fmt: skip
ORGANISATION = ("organisation", "förvaltning", "verksamhet", "representerar", "parti", "kommun", "förening", "företräder")
TOPIC = {"punkt", "ärende", "rubrik", "fråga", "dagordning", "§", "nr", "dagordningspunkt", "ämne"}
NOTES = {
    "anteckning", "anteckningar", "noteringar", "notering", "kommentar", "kommentarer", "diskussion",
    "protokoll", "text", "innehåll", "beslut", "minnesanteckningar", "sammanfattning", "information",
}  # fmt: skip
# A status that says the item is closed: the row is reported done, not open.
DONE_STATUS = re.compile(
    r"^(?:klar|klart|avslutad|avslutat|genomförd|genomfört|utförd|utfört|ok|done|stängd|åtgärdad|åtgärdat)\b",
    re.IGNORECASE,
)


def _key(cell: str) -> str:
    return " ".join(cell.casefold().rstrip(":").split())


def _is_header(row: list[str]) -> bool:
    """Short labels, at least one of them a column this module knows."""
    header = [_key(cell) for cell in row]
    known = ACTION | OWNER | DUE | STATUS | PEOPLE | PEOPLE_DETAIL | TOPIC | NOTES
    return all(cell and len(cell.split()) <= 3 and cell[-1:] not in ".!?" for cell in header) and any(
        cell in known for cell in header
    )


def table_lines(rows: list[list[str]]) -> list[str]:
    """A table as the lines of text the same minutes would have without it."""
    rows = [list(dict.fromkeys(row)) if len(set(row)) < len(row) else row for row in rows]  # merged cells
    rows = [[cell.strip() for cell in row] for row in rows if any(cell.strip() for cell in row)]
    if not rows:
        return []
    header = [_key(cell) for cell in rows[0]]
    labelled = len(rows) > 1 and _is_header(rows[0])
    if not labelled:
        return [line for row in rows for line in (", ".join(cell for cell in row if cell), "")]
    body = rows[1:]
    if any(h in ACTION for h in header):
        return _action_rows(rows[0], header, body)
    if header[0] in PEOPLE or (any(h in PEOPLE for h in header) and any(h in PEOPLE_DETAIL for h in header)):
        return _people_rows(header, body)
    if header[0] in TOPIC | {""} and any(h in NOTES for h in header[1:]):
        return _notes_rows(body)
    out: list[str] = []
    for row in body:
        for label, cell in zip(rows[0], row, strict=False):
            if cell:
                out += [f"{label.rstrip(':')}: {cell}", ""]
    return out


def _action_rows(labels: list[str], header: list[str], body: list[list[str]]) -> list[str]:
    out: list[str] = []
    for row in body:
        cells = dict(zip(header, row, strict=False))
        status = next((cells[h] for h in header if h in STATUS and cells.get(h)), "")
        if DONE_STATUS.match(status):
            continue  # reported done: not an open item
        for label, key, cell in zip(labels, header, row, strict=False):
            if not cell:
                continue
            if key in ACTION:
                out += [f"Åtgärd: {cell}", ""]
            elif key in OWNER:
                out += [f"Ansvarig: {cell}", ""]
            elif key in DUE:
                out += [f"Klart till: {cell}", ""]
            elif key not in STATUS:
                out += [f"{label.rstrip(':')}: {cell}", ""]
    return out


def _people_rows(header: list[str], body: list[list[str]]) -> list[str]:
    def column(*names: str) -> int | None:
        return next((i for i, h in enumerate(header) if h in names), None)

    name_at = column(*PEOPLE) or 0
    surname_at = column("efternamn")  # "Förnamn | Efternamn"
    org_at = column(*ORGANISATION)
    role_at = column("funktion", "roll", "titel", "uppdrag")
    presence_at = column("närvaro", "närvarande", "närvarande/frånvarande", "deltog")
    if presence_at == name_at:
        presence_at = None  # "Närvarande | Roll": the names are under "Närvarande"
    out = ["Närvarande:"]
    for row in body:
        name = " ".join(filter(None, [_cell(row, name_at), _cell(row, surname_at)]))
        if not name:
            continue
        role, org = _cell(row, role_at), _cell(row, org_at)
        line = name + (f" ({role})" if role else "") + (f", {org}" if org else "")
        if re.match(r"(?i)^(?:nej|frånvarande|ej\b|inte\b|anmält|förhinder|återbud)", _cell(row, presence_at)):
            line += " (frånvarande)"
        out.append(line)
    return [*out, ""]


def _cell(row: list[str], i: int | None) -> str:
    return row[i] if i is not None and i < len(row) else ""


def _notes_rows(body: list[list[str]]) -> list[str]:
    out: list[str] = []
    for row in body:
        topic, notes = row[0], [cell for cell in row[1:] if cell]
        if topic:
            out += ["", f"### {topic}", ""]
        for note in notes:
            out += [*note.splitlines(), ""]
    return out


_PIPE_RULE = re.compile(r"^\|?(?:\s*:?-{2,}:?\s*\|)+\s*(?::?-{2,}:?\s*)?\|?$")  # "|---|:--|"
_MAX_TEXT_ROWS = 200  # rows whose lines are numbered each by its own row


def _cells(raw: str) -> list[str] | None:
    """The cells of a table row written in text, or None for a line that is none."""
    s = raw.strip()
    if s.startswith("|") and s.endswith("|") and s.count("|") >= 3:
        return [cell.strip() for cell in s[1:-1].split("|")]
    if "\t" in s:
        cells = [cell.strip() for cell in re.split(r"\t+", s)]
        return cells if len(cells) >= 2 else None
    return None


def text_tables(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The numbered lines of a text with its tables read as tables are (table_lines): a Markdown
    table, or a run of lines with tab-separated columns under a header of known labels. Each
    line made from a row carries that row's number."""
    out: list[tuple[int, str]] = []
    i = 0
    while i < len(lines):
        run: list[tuple[int, list[str]]] = []
        j = i
        while j < len(lines):
            if _PIPE_RULE.match(lines[j][1].strip()) and run:
                j += 1
                continue
            cells = _cells(lines[j][1])
            if cells is None:
                break
            run.append((lines[j][0], cells))
            j += 1
        markdown = bool(run) and lines[i][1].strip().startswith("|")
        if len(run) < 2 or not (markdown or _is_header(run[0][1])):
            out.append(lines[i])
            i += 1
            continue
        out += _numbered(run)
        i = j
    return out


def _numbered(run: list[tuple[int, list[str]]]) -> list[tuple[int, str]]:
    """A table's lines, each with the number of the row it comes from (the lines of the first k
    rows are the first lines of the table's)."""
    rows = [cells for _, cells in run]
    made = table_lines(rows)
    if len(run) > _MAX_TEXT_ROWS:
        return [(run[1][0], line) for line in made]
    out: list[tuple[int, str]] = []
    for k in range(2, len(rows) + 1):
        upto = len(table_lines(rows[:k])) if k < len(rows) else len(made)
        out += [(run[k - 1][0], line) for line in made[len(out) : upto]]
    return out
