"""Tables of Word minutes: action tables, attendee tables, minutes written as a table."""

from datetime import date

from actiontrack.extract import extract_text
from actiontrack.extract.tables import table_lines

TODAY = date(2026, 11, 22)


def _extract(lines):
    return extract_text("\n".join(lines), today=TODAY)


def test_an_action_table_with_initials_several_owners_and_a_week():
    text = [
        "Referensgruppen 3 februari 2025",
        "",
        *table_lines([["Namn", "Funktion", "Organisation"], ["Agnes Björk", "ordförande", "Fritidsförvaltningen"],
                      ["Kalle Lind", "sekreterare", "Ria"], ["Mona Ek", "", "Brukarrådet"]]),  # fmt: skip
        "## Åtgärdslista",
        "",
        *table_lines([["Åtgärd", "Ansvarig", "Klart till"], ["Boka lokal för temadagen", "AB", "v. 9"],
                      ["Ta fram en affisch", "KL/ME", "till nästa möte"],
                      ["Uppdatera hemsidan", "Alla", "löpande"]]),  # fmt: skip
    ]
    extraction = _extract(text)
    assert [a.name for a in extraction.meeting.attendees] == ["Agnes Björk", "Kalle Lind", "Mona Ek"]
    assert extraction.meeting.attendees[0].organisation == "Fritidsförvaltningen"
    got = [(i.text, [o.name for o in i.owners], i.due) for i in extraction.items]
    assert got == [
        ("Boka lokal för temadagen", ["Agnes Björk"], date(2025, 2, 28)),
        ("Ta fram en affisch", ["Kalle Lind", "Mona Ek"], None),
        ("Uppdatera hemsidan", [], None),
    ]


def test_a_follow_up_table_leaves_out_the_rows_reported_done():
    lines = table_lines([["Åtgärd", "Ansvarig", "Status"], ["Beställa nya stolar", "Kalle", "Klar"],
                         ["Skriva till nämnden", "Mona", "Pågår"]])  # fmt: skip
    assert "Åtgärd: Beställa nya stolar" not in lines
    assert "Åtgärd: Skriva till nämnden" in lines


def test_minutes_written_as_a_table_keep_the_commitments_in_the_cells():
    text = [
        "Brukarrådet 12 maj 2025",
        "",
        "Närvarande: Agnes Björk, Kalle Lind",
        "",
        *table_lines([["Punkt", "Anteckning"], ["Ekonomi", "Kalle redovisar läget. Kalle skickar ut budgeten."],
                      ["Sommarfesten", "Agnes bokar parken."]]),  # fmt: skip
    ]
    items = _extract(text).items
    assert [(i.text, i.topic, [o.name for o in i.owners]) for i in items] == [
        ("Kalle skickar ut budgeten.", "Ekonomi", ["Kalle Lind"]),
        ("Agnes bokar parken.", "Sommarfesten", ["Agnes Björk"]),
    ]


def test_a_table_without_a_header_is_a_line_per_row():
    assert table_lines([["Måndag", "Städning"], ["Tisdag", "Fika"]]) == ["Måndag, Städning", "", "Tisdag, Fika", ""]


def test_attendee_tables_of_several_shapes():
    from actiontrack.extract.attendance import parse_attendance
    from actiontrack.extract.sentences import split_lines

    def people(rows):
        result = parse_attendance(split_lines("\n".join(table_lines(rows))))
        return [(a.name, a.role, a.organisation) for a in result.attendees], [a.name for a in result.absent]

    assert people([["Namn", "Funktion", "Organisation"], ["Sixten Berg", "ordförande", "PRO"],
                   ["Tyra Ek", "kassör", "SPF"]]) == (
        [("Sixten Berg", "ordförande", "PRO"), ("Tyra Ek", "kassör", "SPF")], [])  # fmt: skip
    assert people([["Ledamot", "Parti", "Närvaro"], ["Sixten Berg", "S", "Närvarande"],
                   ["Tyra Ek", "M", "Anmält förhinder"]]) == ([("Sixten Berg", None, "S")], ["Tyra Ek"])  # fmt: skip
    assert people([["Förnamn", "Efternamn", "Roll"], ["Sixten", "Berg", "Sekreterare"]]) == (
        [("Sixten Berg", "Sekreterare", None)], [])  # fmt: skip


def test_a_markdown_table_and_tab_separated_columns_are_read_as_tables():
    from datetime import date

    from actiontrack.extract import extract_text

    markdown = (
        "# Styrelsemöte 2025-03-12\n\nNärvarande: Göran Lind, Birgitta Ek\n\n## Att göra\n\n"
        "| Vad | Vem | När |\n|---|:--|---|\n"
        "| Skicka ut protokollet | Göran | 2025-03-20 |\n| Ring kommunen om lekplatsen | Birgitta | |\n"
    )
    tabs = markdown.replace("| Vad | Vem | När |\n|---|:--|---|\n", "Vad\tVem\tNär\n")
    tabs = tabs.replace("| Skicka ut protokollet | Göran | 2025-03-20 |", "Skicka ut protokollet\tGöran\t2025-03-20")
    tabs = tabs.replace("| Ring kommunen om lekplatsen | Birgitta | |", "Ring kommunen om lekplatsen\t\tBirgitta")
    for text in (markdown, tabs):
        e = extract_text(text, today=date(2025, 3, 12))
        assert [(i.text, [o.name for o in i.owners], i.due, i.line) for i in e.items] == [
            ("Skicka ut protokollet", ["Göran Lind"], date(2025, 3, 20), 9 if text is markdown else 8),
            ("Ring kommunen om lekplatsen", ["Birgitta Ek"], None, 10 if text is markdown else 9),
        ]


def test_a_tab_in_a_line_that_is_no_table_changes_nothing():
    from actiontrack.extract.tables import text_tables

    lines = [(1, "Kalle\tska boka lokal."), (2, "Eva ringer kommunen.")]
    assert text_tables(lines) == lines
