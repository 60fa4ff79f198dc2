"""Whole minutes in the styles of our users' groups, written for these tests: a pensioners'
council in § form, a disability council's notes, a patient association's Word minutes."""

from datetime import date
from pathlib import Path

from actiontrack.extract import extract_text
from actiontrack.extract.reading import read_document

FIXTURES = Path(__file__).parent / "fixtures"
TODAY = date(2026, 12, 2)


def _summary(extraction):
    return [(i.kind.value, i.text[:40], [o.name for o in i.owners], i.due) for i in extraction.items]


def test_a_pensioners_council_in_paragraph_form():
    e = extract_text((FIXTURES / "protokoll-pensionarsrad.txt").read_text(encoding="utf-8"), today=TODAY)
    m = e.meeting
    assert (m.title, m.date, m.time_start, m.time_end) == ("Kommunala pensionärsrådet", date(2025, 3, 11), "13:30", "15:30")
    assert (m.secretary, m.next_meeting, len(m.attendees)) == ("Lena Persson", date(2025, 5, 13), 6)
    assert m.roles["ordförande"] == "Gunnel Ahlström" and m.roles["vice ordförande"] == "Kerstin Wik"
    assert _summary(e) == [
        ("action", "Anders tar med sig synpunkten och återko", ["Anders Berg"], date(2025, 5, 13)),
        ("action", "Rådet beslutar att skriva till tekniska ", [], None),  # the council itself
        ("action", "Kerstin Wik skriver ett förslag till skr", ["Kerstin Wik"], date(2025, 3, 25)),
        # the fair's date (said the sentence before) is when it is held, not these items' deadline
        ("action", "Sture och Birgitta bemannar rådets bord.", ["Sture Nilsson", "Birgitta Hansson"], None),
        ("action", "Lena skickar ut schemat till föreningarn", ["Lena Persson"], None),
        ("deferred", "Frågan om färdtjänstens nya regler", [], date(2025, 5, 13)),  # what, not the heading
        ("action", "Förvaltningen bjuder in en representant ", ["förvaltningen"], None),
    ]  # fmt: skip


def test_a_disability_councils_notes():
    e = extract_text((FIXTURES / "minnesanteckningar-funktionshinderrad.txt").read_text(encoding="utf-8"), today=TODAY)
    m = e.meeting
    assert (m.title, m.date, m.secretary, m.next_meeting) == (
        "Funktionshinderrådet", date(2025, 2, 12), "Tobias Nyberg", date(2025, 4, 16)
    )
    assert [a.name for a in m.attendees] == ["Ulla Bergström", "Mats Holmgren", "Eva Lindgren", "Karin Öst", "Tobias Nyberg"]
    assert m.attendees[0].organisation == "DHR" and m.roles["ordförande"] == "Ulla Bergström"
    assert [a.name for a in m.absent] == ["Gösta Lund"]
    assert _summary(e) == [
        ("action", "Tobias tar kontakt med tekniska förvaltn", ["Tobias Nyberg"], None),
        ("action", "Karin återkommer med svar via mejl.", ["Karin Öst"], None),
        ("action", "Rådet beslutade att skicka en skrivelse ", [], None),
        ("action", "Eva och Ulla skriver ett utkast före 1 m", ["Eva Lindgren", "Ulla Bergström"], date(2025, 3, 1)),
        ("action", "Mats undersöker om föreningarna kan ha e", ["Mats Holmgren"], None),
        ("deferred", "Rådets verksamhetsberättelse", [], date(2025, 4, 16)),
    ]  # fmt: skip


def test_a_patient_associations_word_minutes_with_a_letterhead_and_tables(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("Patientföreningen Hjärtat")
    d.add_heading("Minnesanteckningar styrelsemöte 7 april 2025", level=1)
    d.add_paragraph("Tid: kl. 18.00–20.00, Plats: Föreningslokalen")
    people = [["Namn", "Roll", "Närvaro"], ["Maria Sjöberg", "Ordförande", "Närvarande"],
              ["Jonas Falk", "Kassör", "Närvarande"], ["Helena Ström", "Ledamot", "Nej"]]  # fmt: skip
    actions = [["Åtgärd", "Ansvarig", "Klart till"], ["Skicka kallelse till årsmötet", "MS", "v. 17"],
               ["Beställa fika till föreläsningen", "JF/MS", "till nästa möte"]]  # fmt: skip
    for rows in (people, actions):
        table = d.add_table(rows=len(rows), cols=3)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.rows[r].cells[c].text = value
        if rows is people:
            d.add_heading("1. Vårens föreläsning", level=2)
            d.add_paragraph("Föreläsningen blir den 15 maj. Jonas kontaktar föreläsaren.")
            d.add_heading("Åtgärdslista", level=2)
    d.add_paragraph("Nästa möte: 5 maj 2025")
    path = tmp_path / "minnesanteckningar.docx"
    d.save(path)
    e = extract_text(read_document(str(path)).text, today=TODAY)
    assert (e.meeting.title, e.meeting.date, e.meeting.time_start) == ("Minnesanteckningar styrelsemöte", date(2025, 4, 7), "18:00")
    assert [a.name for a in e.meeting.attendees] == ["Maria Sjöberg", "Jonas Falk"]
    assert [a.name for a in e.meeting.absent] == ["Helena Ström"]
    assert _summary(e) == [
        ("action", "Jonas kontaktar föreläsaren.", ["Jonas Falk"], None),  # the lecture's date is no deadline
        ("action", "Skicka kallelse till årsmötet", ["Maria Sjöberg"], date(2025, 4, 25)),
        ("action", "Beställa fika till föreläsningen", ["Jonas Falk", "Maria Sjöberg"], date(2025, 5, 5)),
    ]  # fmt: skip


def test_a_working_groups_notes_with_a_weekday_for_the_year_lists_and_an_action_line():
    text = (FIXTURES / "anteckningar-arbetsgrupp-anhorigstod.txt").read_text(encoding="utf-8")
    e = extract_text(text, today=TODAY)
    m = e.meeting
    assert (m.title, m.date, m.secretary, m.next_meeting) == (
        "Anteckningar – Arbetsgruppen för anhörigstöd", date(2025, 9, 9), "Kristina Åberg", date(2025, 10, 14)
    )  # 9 September is a Tuesday in 2025: the year from the weekday
    assert [a.name for a in m.absent] == ["Johanna Ek"]
    assert _summary(e) == [
        ("action", "Ahmed: kontakta Röda korsets volontärsam", ["Ahmed Yusuf"], None),
        ("action", "Ta fram en affisch till biblioteket (Kri", ["Kristina Åberg"], None),
        ("action", "Sven kollar om regionen kan bidra med fi", ["Sven Olofsson"], None),
        ("action", "Kristina bokar stora salen i medborgarhu", ["Kristina Åberg"], date(2025, 9, 26)),
        ("action", "Inbjudan ska gå ut till alla föreningar ", [], date(2025, 10, 10)),  # a thing: no owner
        ("action", "Uppdatera broschyren", ["Kristina Åberg"], date(2025, 10, 3)),  # "KÅ", "v. 40"
        ("deferred", "Frågan om parkeringstillstånd för anhöri", [], date(2025, 10, 14)),
    ]  # fmt: skip


def test_a_name_over_a_list_owns_its_points_and_a_last_line_that_is_a_sentence_is_read():
    text = (
        "Anteckningar från projektgruppen 2025-09-02\n\n"
        "Närvarande: Karin Berg, Olof Lind, Pia Ek\n\n"
        "Uppdrag till nästa gång\n\n"
        "Karin:\n- Skriver ihop en sammanfattning av remissvaren.\n\n"
        "Olof:\n- Bevakar upphandlingen av färdtjänsten.\n- Tar fram ett underlag om lokalerna.\n\n"
        "Pia hör av sig till fastighetsbolaget om nycklarna till\n"
    )
    e = extract_text(text, today=TODAY)
    assert [(i.text[:22], [o.name for o in i.owners]) for i in e.items] == [
        ("Skriver ihop en samman", ["Karin Berg"]),
        ("Bevakar upphandlingen ", ["Olof Lind"]),
        ("Tar fram ett underlag ", ["Olof Lind"]),
        ("Pia hör av sig till fa", ["Pia Ek"]),  # cut off, a sentence all the same: no heading
    ]
    assert e.meeting.secretary is None  # the last line names Pia but is no signature


def test_points_of_a_name_run_together_in_one_line_are_each_that_persons():
    text = (
        "Anteckningar från styrgruppen 2025-04-08\n\n"
        "Närvarande: Sofia Dahl, Nils Ek\n\n"
        "Uppföljning Sofia: - Ringer hyresvärden om nycklarna. - Skickar ut enkäten till medlemmarna."
        " Nils: - Tar fram ett förslag till budget.\n"
    )
    e = extract_text(text, today=TODAY)
    assert [(i.text[:22], [o.name for o in i.owners]) for i in e.items] == [
        ("Sofia: Ringer hyresvär", ["Sofia Dahl"]),
        ("Skickar ut enkäten til", ["Sofia Dahl"]),
        ("Nils: Tar fram ett för", ["Nils Ek"]),
    ]


def test_each_att_line_of_a_decision_is_its_own_item():
    text = (
        "Protokoll styrelsemöte 2025-05-06\n\n"
        "§ 7 Utflykten\n\n"
        "På grund av för få anmälningar beslutar styrelsen\n\n"
        "att ställa in utflykten,\n\n"
        "att bussbolaget underrättas omgående, samt\n\n"
        "att anmälda medlemmar kontaktas och betalda avgifter återbetalas.\n\n"
        "§ 8 Nästa möte\n\n"
        "Styrelsen beslutar:\n"
        "att godkänna dagordningen.\n"
        "att Britt bokar lokal till höstmötet.\n"
    )
    e = extract_text(text, today=TODAY)
    assert [i.text[:22] for i in e.items] == [
        "att ställa in utflykte",
        "att bussbolaget underr",
        "att anmälda medlemmar ",
        "att Britt bokar lokal ",
    ]


def test_a_teller_who_tells_her_own_plan_has_an_item_a_report_of_the_past_is_none():
    text = (
        "Minnesanteckningar arbetsgruppen 2025-06-03\n\n"
        "Närvarande: Tove Lind, Arvid Berg, Sanna Ek\n\n"
        "Rapporter\n\n"
        "Tove berättade att hon ska kontakta fritidsförvaltningen om lokalen.\n\n"
        "Arvid informerade om att han har skickat in ansökan.\n\n"
        "Sanna sa att hon kanske kan hjälpa till.\n"
    )
    e = extract_text(text, today=TODAY)
    assert [(i.text[:30], [o.name for o in i.owners]) for i in e.items] == [
        ("Tove berättade att hon ska kon", ["Tove Lind"]),
    ]


def test_particle_verbs_handovers_other_meetings_and_people_to_tell():
    text = (
        "Protokoll styrelsemöte 2025-09-09\n\n"
        "Närvarande: Ulla Sten, Per Holm, Gun Ek\n\n"
        "§ 4 Stadgarna\n\n"
        "Ulla ser över stadgarna före nästa möte.\n\n"  # "se över" is a deed, not the pointer "se"
        "§ 5 Bryggan\n\n"
        "Frågan om bryggan lämnas över till den nya styrelsen.\n\n"
        "§ 6 Avgiften\n\n"
        "Frågan om avgiften tas upp på årsmötet.\n\n"
        "Frågan om lokalen diskuterades på årsmötet i fjol.\n\n"  # told: no deferral
        "§ 7 Städdagen\n\n"
        "När datumet är klart meddelar Per alla medlemmar.\n\n"
        "Gruppen fortsätter arbetet med medlemsenkäten.\n\n"
        "Kassören ålades att redovisa kostnaderna för städdagen.\n"
    )
    e = extract_text(text, today=TODAY)
    assert [(i.kind.value, i.text[:17]) for i in e.items] == [
        ("action", "Ulla ser över sta"),
        ("deferred", "Frågan om bryggan"),  # what is put off
        ("deferred", "Frågan om avgifte"),
        ("action", "När datumet är kl"),
        ("action", "Gruppen fortsätte"),
        ("action", "Kassören ålades a"),
    ]


def test_two_tasks_in_one_sentence_are_each_shown_alone_and_keep_the_sentence_as_source():
    text = "Anteckningar föräldrarådet 2025-05-20\n\nNärvarande: Lena Ek, Omar Said\n\nLena bokar bussen och Omar beställer smörgåsar.\n"
    e = extract_text(text, today=TODAY)
    assert [(i.text, [o.name for o in i.owners], i.source) for i in e.items] == [
        ("Lena bokar bussen", ["Lena Ek"], "Lena bokar bussen och Omar beställer smörgåsar."),
        ("Omar beställer smörgåsar.", ["Omar Said"], "och Omar beställer smörgåsar."),
    ]


def test_a_name_with_the_verb_of_the_item_before_says_who_does_it():
    text = (
        "Anteckningar styrelsen 2025-04-01\n\nNärvarande: Gustav Ek, Eva Berg\n\n"
        "- Hyran\n  - Vi kommer skicka ett mejl till hyresvärden.\n    + Gustav skickar\n"
        "  - Eva bokar lokal.\n    + Gustav fixar\n"  # another verb: Gustav's own point
    )
    e = extract_text(text, today=TODAY)
    assert [(i.text[:20], [o.name for o in i.owners]) for i in e.items] == [
        ("Vi kommer skicka ett", ["Gustav Ek"]),
        ("Eva bokar lokal.", ["Eva Berg"]),
        ("Gustav fixar", ["Gustav Ek"]),
    ]


def test_a_decision_of_a_deed_told_in_the_past_is_an_item_a_decision_done_by_being_made_is_none():
    text = (
        "Protokoll styrelsemöte 2025-02-11\n\n§ 3 Enkäten\n\nBeslutades att skicka ut enkäten till alla medlemmar.\n\n"
        "§ 4 Budget\n\nStyrelsen beslöt att godkänna budgeten.\n"
    )
    e = extract_text(text, today=TODAY)
    assert [i.text[:30] for i in e.items] == ["Beslutades att skicka ut enkät"]


def test_arriving_is_no_deed_but_coming_with_something_is():
    text = (
        "Anteckningar referensgruppen 2025-01-14\n\nNärvarande: Bo Lind, Eva Ek\n\n"
        "Övrigt\n\n"
        "Professor Ahlberg kommer till Malmö och håller en föreläsning den 3 mars.\n\n"
        "Bo kommer med ett förslag till nästa möte.\n\n"
        "Eva kommer tillbaka med svar från förvaltningen.\n"
    )
    e = extract_text(text, today=TODAY)
    assert [i.text[:22] for i in e.items] == ["Bo kommer med ett förs", "Eva kommer tillbaka me"]
