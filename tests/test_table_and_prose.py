"""A commitment in the prose of minutes and again in their action table is one item, with the
table's owner and date."""

from datetime import date

from actiontrack.extract import extract_text
from actiontrack.extract.reading import table_lines

HEAD = "Kommunala pensionärsrådet\nProtokoll 2025-10-29\n\nNärvarande: Kjell Andersson, Birgitta Holm, Sten Berg\n\n"
TABLE = [
    ["Åtgärd", "Ansvarig", "Klart till"],
    ["Kontakta bostadsbolaget om lediga lägenheter", "Kjell Andersson", "2025-11-20"],
    ["Bemanna rådets bord på mässan", "Birgitta Holm", "2025-11-12"],
    ["Ta fram statistik om hemtjänsten", "Sten Berg", ""],
]


def extracted(prose: str):
    text = HEAD + prose + "\n\n## Åtgärder\n\n" + "\n".join(table_lines(TABLE))
    return [
        (i.text, [o.name for o in i.owners], i.due)
        for i in extract_text(text, today=date(2025, 10, 30)).items
    ]


def test_the_same_commitment_in_prose_and_table_is_one_item_with_the_tables_owner_and_date():
    got = extracted(
        "## Trygghetsboende\n\nKjell ska kontakta bostadsbolaget om lediga lägenheter senast 20 november.\n\n"
        "## Seniormässan\n\nBirgitta bemannar rådets bord på mässan. Sten tar fram statistik om hemtjänsten till 26 november.\n"
    )
    assert got == [
        ("Kontakta bostadsbolaget om lediga lägenheter", ["Kjell Andersson"], date(2025, 11, 20)),
        ("Bemanna rådets bord på mässan", ["Birgitta Holm"], date(2025, 11, 12)),
        ("Ta fram statistik om hemtjänsten", ["Sten Berg"], date(2025, 11, 26)),  # the row had no date
    ]


def test_other_commitments_of_the_prose_stay():
    got = extracted("## Lokaler\n\nBirgitta ska boka lokal till julfikat.\n")
    assert ("Birgitta ska boka lokal till julfikat.", ["Birgitta Holm"], None) in got
    assert len(got) == 4
