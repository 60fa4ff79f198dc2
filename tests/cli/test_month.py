"""A secretary's month, end to end, in Swedish: the October minutes in Word (an action table and
the same commitments in prose), the November minutes as text with §§ reviewed at the terminal
(one item skipped, one corrected), items added between meetings, the approved November minutes
imported again, and the December agenda. Every open item is on it exactly once, with the owner
and date the review gave, and nothing was created that nobody asked for."""

import docx

from actiontrack import config

GROUP = "Kommunala pensionärsrådet"
ATTENDEES = ["Birgitta Holm", "Kjell Andersson", "Lars Nyström", "Maria Ek"]

NOVEMBER = """Kommunala pensionärsrådet
Protokoll 2025-11-26
Tid: 13.30–15.30

Närvarande: Kjell Andersson, Birgitta Holm, Maria Ek, Lars Nyström

§ 1 Mötets öppnande
Ordföranden öppnar mötet.

§ 2 Färdtjänst
Rådet går igenom de nya reglerna. Maria tar fram en sammanställning av klagomålen.
Klart: 15 december

§ 3 Hemtjänst
Frågan om hemtjänstens scheman utreds.
Ansvarig: Kjell
Klart: 15 januari

§ 4 Seniormässan
Birgitta skriver en rapport från mässan senast 12 december.

§ 5 Budget
Frågan om budgeten bordläggs igen till nästa möte.
"""


def october_docx(path):
    d = docx.Document()
    d.add_heading(GROUP, level=1)
    for line in ("Protokoll", "Datum: 2025-10-29", "Tid: 13.30–15.30", "Plats: Stadshuset, sal Rönnen"):
        d.add_paragraph(line)
    d.add_paragraph("Närvarande:")
    for name in (
        "Kjell Andersson (ordförande, PRO)",
        "Birgitta Holm (SPF Seniorerna)",
        "Maria Ek (kommunstyrelsen)",
    ):
        d.add_paragraph(name)
    d.add_paragraph("Lars Nyström, sekreterare")
    d.add_heading("§ 1 Trygghetsboende", level=2)
    d.add_paragraph("Kjell ska kontakta bostadsbolaget om lediga lägenheter senast 20 november.")
    d.add_heading("§ 2 Seniormässan", level=2)
    d.add_paragraph("Birgitta bemannar rådets bord på mässan. Sekreteraren skickar ut protokollet.")
    d.add_heading("§ 3 Budget", level=2)
    d.add_paragraph("Punkten bordläggs till nästa möte.")
    d.add_heading("§ 4 Åtgärder", level=2)
    rows = [
        ("Åtgärd", "Ansvarig", "Klart till"),
        ("Kontakta bostadsbolaget om lediga lägenheter", "Kjell Andersson", "2025-11-20"),
        ("Bemanna rådets bord på mässan", "Birgitta Holm", "2025-11-12"),
    ]
    table = d.add_table(rows=len(rows), cols=3)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.rows[r].cells[c].text = value
    d.add_paragraph("Nästa möte: 26 november 2025")
    d.save(path)


def test_a_month_of_follow_up_loses_nothing(track, tmp_path):
    october, november = tmp_path / "kpr-oktober.docx", tmp_path / "kpr-november.txt"
    october_docx(october)
    november.write_text(NOVEMBER, encoding="utf-8")

    track.now = "2025-10-30T09:00:00+01:00"
    track("import", str(october), "--yes")
    items = track.json("open")
    assert len(items) == 4  # the table and the prose say two of them twice: once each
    secretary = next(i for i in items if i["text"].startswith("Sekreteraren"))
    assert secretary["owners"] == ["Lars Nyström"]  # "Lars Nyström, sekreterare" on its own line
    assert sorted(p["name"] for p in track.json("people", "list")) == ATTENDEES

    track.now = "2025-11-27T09:00:00+01:00"
    # November, reviewed: accept the first; correct the second (Kjell, 15 January -> Maria Ek,
    # 20 January); skip the third (the report); accept the deferral
    answers = "a\ne\n\nMaria Ek\n2026-01-20\ns\na\n"
    reviewed = track("import", str(november), "--review", input=answers)
    assert "(1 skipped in review)" in reviewed.stdout
    assert "is deferred again" in reviewed.stderr

    track.now = "2025-12-01T10:00:00+01:00"
    track("config", "set", "default_group", GROUP)
    config.reload()
    between = [
        track.json("add", "Maria ska ringa hyresvärden senast fredag"),
        track.json("add", "Lars skickar kallelsen till nästa möte"),
    ]
    assert [i["due"] for i in between] == ["2025-12-05", None]  # the next meeting's date is not known

    approved = tmp_path / "kpr-november-justerat.txt"  # the approved minutes: a word changed
    approved.write_text(
        NOVEMBER.replace("de nya reglerna", "de nya reglerna för färdtjänst"), encoding="utf-8"
    )
    track("import", str(approved), "--yes")

    opened = track.json("open")
    agenda = track.json("agenda")
    listed = [i["id"] for part in ("deferred", "overdue", "open") for i in agenda[part]]
    assert sorted(listed) == sorted(i["id"] for i in opened)  # every open item, each once
    by_text = {i["text"]: i for i in opened}
    assert "Birgitta skriver en rapport från mässan senast 12 december." not in by_text  # skipped stays out
    corrected = by_text["Frågan om hemtjänstens scheman utreds."]
    assert (corrected["owners"], corrected["due"]) == (["Maria Ek"], "2026-01-20")  # the review's, kept
    assert by_text["Maria tar fram en sammanställning av klagomålen."]["due"] == "2025-12-15"
    assert by_text["Maria ska ringa hyresvärden senast fredag"]["id"] in listed
    assert [i["text"] for i in agenda["deferred"]] == ["Frågan om budgeten"]
    assert agenda["time"] == "13.30-15.30" and agenda["attendees"] == ATTENDEES

    # nothing made up: the attendees are the people, one group
    assert sorted(p["name"] for p in track.json("people", "list")) == ATTENDEES
    assert {m["group"] for m in track.json("meeting", "list")} == {GROUP}
