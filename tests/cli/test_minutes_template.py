"""`track mall`: the Word minutes of the next meeting, written in during the meeting and read
back by `track import` exactly as written: every item, owner and date."""

from __future__ import annotations

import docx
import pytest

MINUTES = """Styrgruppen för fritidsgårdar 2 mars 2026

Närvarande: Anna Berglund, Jonas Ek, Maria Holm
Sekreterare: Jonas Ek

Lokaler
Anna ska boka lokal till vårens föräldramöte senast 20 mars.

Budget
Frågan om sommaröppet bordläggs till nästa möte.

Nästa möte: 6 april 2026 kl. 13.00–15.00
"""
GROUP = "Styrgruppen för fritidsgårdar"
# What the secretary writes during the meeting, point by point: (point, what, who, by).
WRITTEN = [
    ("Föregående protokoll", "Lägga protokollet på webben", "Jonas Ek", "2026-04-10"),
    ("Uppföljning av åtgärder", "Ringa hyresvärden om nycklarna", "Maria Holm", "15 april"),
    ("Uppföljning av åtgärder", "Ta fram budget för sommaröppet", "Anna Berglund, Maria Holm", "v. 17"),
    ("Övriga frågor", "Skicka inbjudan till föräldramötet", "Anna Berglund och Jonas Ek", ""),
    ("Övriga frågor", "Boka buss till utflykten", "Maria Holm", "till nästa möte"),
]


@pytest.fixture
def template(track, tmp_path):
    minutes = tmp_path / "styrgruppen.txt"
    minutes.write_text(MINUTES, encoding="utf-8")
    track("import", str(minutes), "--yes")
    path = tmp_path / "protokoll.docx"
    track("--lang", "sv", "mall", GROUP, "-o", str(path))
    return path


def _fill(path, written, *, absent=None, secretary=None, following=None):
    """Write in the template as the secretary does in Word: the head's cells, the rows of the
    action table under each point (a row added where the empty ones run out)."""
    document = docx.Document(str(path))
    head = document.tables[0]
    for row in head.rows:
        label = row.cells[0].text
        if label == "Frånvarande" and absent:
            row.cells[1].text = absent
        elif label == "Närvarande" and absent:
            row.cells[1].text = ", ".join(n for n in row.cells[1].text.split(", ") if n != absent)
        elif label == "Sekreterare" and secretary:
            row.cells[1].text = secretary
        elif label == "Nästa möte" and following:
            row.cells[1].text = following
    points = [p for p in document.paragraphs if p.text.startswith("§")]
    tables = document.tables[1:]
    assert len(points) == len(tables)
    used: dict[int, int] = {}
    for point, what, who, by in written:
        index = next(i for i, p in enumerate(points) if p.text.endswith(point))
        table = tables[index]
        n = used.get(index, 0) + 1
        used[index] = n
        row = table.rows[n] if n < len(table.rows) else table.add_row()
        for cell, text in zip(row.cells, (what, who, by), strict=True):
            cell.text = text
    document.save(str(path))


def test_the_template_holds_the_next_meeting(template):
    document = docx.Document(str(template))
    head = {row.cells[0].text: row.cells[1].text for row in document.tables[0].rows}
    assert head["Grupp"] == GROUP and head["Datum"] == "2026-04-06"
    assert head["Närvarande"] == "Anna Berglund, Jonas Ek, Maria Holm"
    assert {"Tid", "Sekreterare", "Justerare", "Frånvarande", "Plats", "Nästa möte"} <= set(head)
    points = [p.text for p in document.paragraphs if p.text.startswith("§")]
    assert points[0] == "§ 1 Mötets öppnande" and "§ 6 Uppföljning av åtgärder" in points
    assert all([c.text for c in t.rows[0].cells] == ["Vad", "Vem", "Senast"] for t in document.tables[1:])
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Anna ska boka lokal till vårens föräldramöte senast 20 mars." in text  # the follow-up
    assert document.core_properties.category == "actiontrack minutes template 1"


def test_a_filled_in_template_imports_exactly_what_was_written(track, template):
    _fill(template, WRITTEN, absent="Maria Holm", secretary="Jonas Ek", following="4 maj 2026")
    result = track("import", str(template), "--yes")
    assert "Styrgruppen för fritidsgårdar 2026-04-06" in result.stdout
    meetings = track.json("meeting", "list")
    new = next(m for m in meetings if m["date"] == "2026-04-06")
    items = [i for i in track.json("open", "--all") if i["meeting"]["id"] == new["id"]]
    got = sorted((i["text"], tuple(i["owners"]), i["due"], i["topic"]) for i in items)
    assert got == sorted(
        [
            ("Lägga protokollet på webben", ("Jonas Ek",), "2026-04-10", "Föregående protokoll"),
            ("Ringa hyresvärden om nycklarna", ("Maria Holm",), "2026-04-15", "Uppföljning av åtgärder"),
            ("Ta fram budget för sommaröppet", ("Anna Berglund", "Maria Holm"), "2026-04-24", "Uppföljning av åtgärder"),
            ("Skicka inbjudan till föräldramötet", ("Anna Berglund", "Jonas Ek"), None, "Övriga frågor"),
            ("Boka buss till utflykten", ("Maria Holm",), "2026-05-04", "Övriga frågor"),
        ]
    )  # fmt: skip
    shown = track.json("meeting", "list")
    assert next(m for m in shown if m["id"] == new["id"])["secretary"] == "Jonas Ek"


def test_the_template_is_read_from_its_tables_not_guessed(track, template):
    """A row whose text is no sentence the extractor would take ("Budget") is an item all the same,
    and a date that cannot be read is a warning, not a guess."""
    _fill(template, [("Övriga frågor", "Budget", "Jonas Ek", "när det passar")])
    result = track("extract", str(template), "--format", "json")
    import json

    data = json.loads(result.stdout)
    assert [(i["text"], i["owners"], i["due"]) for i in data["items"]] == [("Budget", ["Jonas Ek"], None)]
    assert any("när det passar" in w for w in data["warnings"])


def test_the_english_template_reads_back_too(track, tmp_path, template):
    path = tmp_path / "minutes.docx"
    track("--lang", "en", "template", GROUP, "-o", str(path))
    document = docx.Document(str(path))
    assert [c.text for c in document.tables[1].rows[0].cells] == ["What", "Who", "By"]
    document.tables[1].rows[1].cells[0].text = "Book the bus"
    document.tables[1].rows[1].cells[1].text = "Maria Holm"
    document.tables[1].rows[1].cells[2].text = "2026-04-20"
    document.save(str(path))
    data = track.json("extract", str(path))
    assert [(i["text"], i["owners"], i["due"]) for i in data["items"]] == [
        ("Book the bus", ["Maria Holm"], "2026-04-20")
    ]
