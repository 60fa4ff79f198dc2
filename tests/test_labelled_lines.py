"""Labelled lines ("Ansvarig:", "Klart:") complete the item of their own paragraph or list
item, and never one under an earlier heading or §."""

from datetime import date

from actiontrack.extract import extract_text

HEAD = "Kommunala pensionärsrådet\nProtokoll 2025-11-26\n\nNärvarande: Kjell Andersson, Maria Ek\n\n"


def items(text):
    return [
        (i.text, [o.name for o in i.owners], i.due)
        for i in extract_text(HEAD + text, today=date(2025, 11, 27)).items
    ]


def test_an_owner_and_a_date_line_go_to_the_item_of_their_own_paragraph():
    got = items(
        "§ 2 Färdtjänst\nMaria Ek tar fram en sammanställning av klagomålen.\nKlart: 15 december\n\n"
        "§ 3 Hemtjänst\nFrågan om hemtjänstens nya scheman diskuteras.\nAnsvarig: Kjell\nKlart: 15 april\n"
    )
    assert got == [
        ("Maria Ek tar fram en sammanställning av klagomålen.", ["Maria Ek"], date(2025, 12, 15)),
        ("Frågan om hemtjänstens nya scheman diskuteras.", ["Kjell Andersson"], date(2026, 4, 15)),
    ]


def test_a_labelled_line_with_nothing_of_its_own_gives_no_item_of_an_earlier_paragraph_its_owner():
    got = items(
        "§ 2 Färdtjänst\nMaria Ek tar fram en sammanställning av klagomålen.\n\n§ 3 Hemtjänst\nAnsvarig: Kjell\n"
    )
    assert got == [("Maria Ek tar fram en sammanställning av klagomålen.", ["Maria Ek"], None)]


def test_labelled_lines_after_a_blank_line_still_belong_to_the_paragraph_above():
    got = items(
        "§ 4 Lokaler\nKjell ska boka lokal till julfikat.\n\nAnsvarig: Maria Ek\n\nKlart: 10 december\n"
    )
    assert got == [("Kjell ska boka lokal till julfikat.", ["Maria Ek"], date(2025, 12, 10))]


def test_a_deadline_alone_after_its_item_needs_no_colon():
    got = items("§ 4 Remisser\nRådet beslutade att svara på remissen. Ansvarig: Maria. Senast 20 januari.\n")
    assert got == [("Rådet beslutade att svara på remissen.", ["Maria Ek"], date(2026, 1, 20))]
    # a sentence that opens with "Senast" is no deadline line
    assert items("§ 5 Övrigt\nSenast vi sågs hade Kjell med sig kakor till alla.\n") == []


def test_a_deadline_alone_completes_an_item_but_makes_none():
    from datetime import date

    from actiontrack.extract import extract_text

    text = (
        "Anteckningar styrelsen 2025-04-01\n\n"
        "- Vi har fått tolv anmälningar till loppet.\n"
        "  - Deadline fredag 11/4\n"
        "- Kim beställer tröjor.\n"
        "  - Senast 15 april.\n"
    )
    e = extract_text(text, today=date(2025, 4, 1))
    assert [(i.text, i.due) for i in e.items] == [("Kim beställer tröjor.", date(2025, 4, 15))]


def test_an_action_line_whose_doer_is_a_first_name_that_is_also_a_word():
    from datetime import date

    from actiontrack.extract import extract_text

    # "lisa" is also a verb (to relieve): the tagger alone takes it for one
    text = "Anteckningar föräldraföreningen 2025-03-12\n\nNärvarande: Lisa K, Tobbe\n\nÅtgärd: Lisa K gör affischer till v. 17\n"
    e = extract_text(text, today=date(2025, 3, 12))
    assert [(i.text, [o.name for o in i.owners], i.due) for i in e.items] == [
        ("Lisa K gör affischer till v. 17", ["Lisa K"], date(2025, 4, 25))
    ]


def test_an_owner_line_names_the_doers_of_the_command_just_before_it_not_an_earlier_item():
    got = items(
        "§ 4 Utflykten\nMaria Ek bokar lokalen.\nBeställ smörgåsar till alla. Ansvariga: Kjell och Maria.\n"
    )
    assert got == [
        ("Maria Ek bokar lokalen.", ["Maria Ek"], None),
        ("Beställ smörgåsar till alla.", ["Kjell Andersson", "Maria Ek"], None),
    ]


def test_an_owner_line_after_a_sentence_with_its_own_subject_completes_the_item_before():
    got = items("§ 4 Utflykten\nMaria Ek bokar lokalen. Hon undrar över priset. Ansvarig: Maria\n")
    assert got == [("Maria Ek bokar lokalen.", ["Maria Ek"], None)]


def test_an_owner_and_a_deadline_on_one_line():
    got = items("§ 4 Utflykten\nSkriv till kommunen om bussen.\nAnsvarig: Kjell, klart: 15 december\n")
    assert got == [("Skriv till kommunen om bussen.", ["Kjell Andersson"], date(2025, 12, 15))]


def test_a_labelled_owner_in_brackets_at_the_end_of_the_line():
    got = items("§ 4 Utflykten\n\n- Beställ smörgåsar till alla (ansvariga: Kjell och Maria)\n")
    assert got == [
        ("Beställ smörgåsar till alla (ansvariga: Kjell och Maria)", ["Kjell Andersson", "Maria Ek"], None)
    ]
