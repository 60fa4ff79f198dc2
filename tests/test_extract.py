from datetime import date

import pytest

from actiontrack.extract import extract_text
from tests.conftest import FIXTURES

TODAY = date(2026, 11, 22)


def extract(text, **kw):
    return extract_text(text, today=TODAY, **kw)


def items(text):
    return [
        (i.kind.value, [o.name for o in i.owners], i.due.isoformat() if i.due else None)
        for i in extract(text).items
    ]


def test_formal_protocol_with_paragraph_signs_decisions_and_responsibles():
    result = extract((FIXTURES / "protokoll-paragrafer.txt").read_text(encoding="utf-8"))
    m = result.meeting
    assert (m.date, m.secretary, m.next_meeting, m.place) == (
        date(2019, 3, 14),
        "Jonas Ek",
        date(2019, 4, 11),
        "Stadshuset, rum 4",
    )
    assert [a.name for a in m.absent] == ["Sofia Berg"]
    got = [(i.kind.value, i.topic, [o.name for o in i.owners], i.due) for i in result.items]
    assert got == [
        ("action", "Lokalfrågan", ["Kjell Ström"], date(2019, 4, 1)),
        ("action", "Medlemsenkät", ["Fatima Ali"], date(2019, 4, 5)),
        ("deferred", "Budget 2019", [], date(2019, 4, 11)),
    ]
    assert result.items[2].text == "Budget 2019"


def test_informal_notes_with_a_todo_list():
    result = extract((FIXTURES / "anteckningar-att-gora.txt").read_text(encoding="utf-8"))
    assert result.meeting.next_meeting == date(2020, 12, 3)
    assert [(i.text[:20], [o.name for o in i.owners], i.due) for i in result.items] == [
        ("Micke mejlar ut inbj", ["Micke Andersson"], date(2020, 11, 6)),
        ("Eva och Hassan tar f", ["Eva Lund", "Hassan Omar"], None),
        ("Lotta ska kolla med ", ["Lotta Sjöberg"], date(2020, 12, 24)),
        ("Boka lokal för våren", ["Eva Lund"], None),
    ]


MINUTES = """

Samrådsgruppen 4 mars 2019

Närvarande
Karl Svensson, Bryggan
Ann-Sofie Lund
Tomas Ek, socialförvaltningen

Lokaler
Tomas berättar om läget. Han ska ringa hyresvärden i veckan.

Sommarfest
Föreningen firar sommarfest den 15 juni på Bryggan. Kalle bokar grillen. Vi kan kanske bjuda in grannarna?

Ekonomi
Frågan bordläggs till nästa möte.

Vid pennan
Ann-Sofie Lund
"""


def test_pronouns_nicknames_own_dates_and_deferrals():
    # "Kalle bokar grillen" says no date: the party's date in the sentence before is the party's
    assert items(MINUTES) == [
        ("action", ["Tomas Ek"], "2019-03-08"),
        ("action", ["Karl Svensson"], None),
        ("deferred", [], None),
    ]


def test_items_keep_their_source_sentence_line_and_topic():
    first = extract(MINUTES).items[0]
    assert first.source == "Han ska ringa hyresvärden i veckan."
    assert first.line == 11
    assert first.topic == "Lokaler"
    assert 0 < first.confidence <= 1


def test_a_follow_up_sentence_names_the_owner_of_the_item_before():
    text = "Mötet 1 april 2019\n\nKonferensen\nVi kommer att ha en monter. Eva Lund håller i detta.\n"
    assert items(text) == [("action", ["Eva Lund"], None)]


def test_group_owned_items_have_no_owner():
    assert items("Mötet 1 april 2019\n\nVi ska boka ett nytt datum.\n") == [("action", [], None)]


def test_organisations_as_owners():
    assert items("Mötet 1 april 2019\n\nSocialförvaltningen tar fram ett förslag till maj.\n") == [
        ("action", ["socialförvaltningen"], "2019-05-31")
    ]


def test_till_nasta_mote_is_the_next_meeting_when_the_minutes_give_it():
    text = "Mötet 1 april 2019\n\nLeif ska skicka underlaget till nästa möte.\n\nNästa möte: 6 maj\n"
    assert items(text) == [("action", ["Leif"], "2019-05-06")]
    assert items("Mötet 1 april 2019\n\nLeif ska skicka underlaget till nästa möte.\n") == [
        ("action", ["Leif"], None)
    ]


def test_nothing_to_extract_is_fine():
    result = extract("Mötet 1 april 2019\n\nVi pratade om vädret.\n")
    assert result.items == []


def test_the_secretary_as_owner():
    text = "Mötet 1 april 2019\n\nJag skickar ut protokollet. Sekreteraren bokar lokal till nästa gång.\n\nVid pennan\nEva Lund\n"
    assert items(text) == [("action", ["Eva Lund"], None), ("action", ["Eva Lund"], None)]


def test_quantified_subjects_are_principles_unless_they_are_the_members():
    text = "Mötet 1 april 2019\n\nAlla barn ska ha rätt till en fritidsaktivitet. Alla deltagare ska läsa underlaget.\n"
    assert items(text) == [("action", [], None)]


def test_action_lines_with_responsible_initials_and_deadline():
    text = "\n".join([
        "Styrgruppen 4 mars 2019", "", "Närvarande: Leif Redestig, Eva Lund", "", "Punkt 3: Ekonomi", "",
        "Åtgärd: Skicka ut budgeten till alla", "", "Ansvarig: LR", "", "Klart: 15 mars", "",
    ])  # fmt: skip
    result = extract(text)
    assert [(i.topic, i.text, [o.name for o in i.owners], i.due) for i in result.items] == [
        ("Ekonomi", "Skicka ut budgeten till alla", ["Leif Redestig"], date(2019, 3, 15))
    ]


def test_a_docx_action_table(tmp_path):
    import docx

    from actiontrack.extract.reading import read_document

    document = docx.Document()
    document.add_paragraph("Styrgruppen 4 mars 2019")
    document.add_paragraph("Närvarande: Leif Redestig, Eva Lund")
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate([["Åtgärd", "Ansvarig", "Klart"], ["Boka lokal", "Eva", "vecka 12"],
                             ["Skicka kallelse", "LR", "fredag"]]):  # fmt: skip
        for c, value in enumerate(row):
            table.rows[r].cells[c].text = value
    path = tmp_path / "protokoll.docx"
    document.save(path)
    items = extract(read_document(str(path)).text).items
    assert [(i.text, [o.name for o in i.owners], i.due) for i in items] == [
        ("Boka lokal", ["Eva Lund"], date(2019, 3, 22)),
        ("Skicka kallelse", ["Leif Redestig"], date(2019, 3, 8)),
    ]


def _items_of(name):
    result = extract((FIXTURES / name).read_text(encoding="utf-8"))
    return result, [
        (i.kind.value, [o.name for o in i.owners], i.due.isoformat() if i.due else None) for i in result.items
    ]


def test_notes_of_a_user_council_leave_out_reports_opinions_and_questions():
    result, found = _items_of("minnesanteckningar-brukarrad.txt")
    m = result.meeting
    assert (m.title, m.date, m.secretary, m.next_meeting) == (
        "Minnesanteckningar från Brukarrådet psykiatri", date(2021, 9, 15), "Sofia Karlsson", date(2021, 11, 10),
    )  # fmt: skip
    assert [a.name for a in m.absent] == ["Karin Ström"]
    assert found == [
        ("action", ["Sofia Karlsson"], "2021-11-10"),
        ("action", ["Maria Lindqvist", "Lena Holm"], "2021-11-01"),
        ("deferred", [], "2021-11-10"),
    ]


def test_a_formal_protocol_with_past_tense_decisions():
    result, found = _items_of("protokoll-styrgrupp.txt")
    assert (result.meeting.title, result.meeting.date) == (
        "Styrgruppen för Samverkan mot våld",
        date(2022, 3, 3),
    )
    assert found == [
        ("action", ["Fatima Yilmaz"], "2022-05-05"),
        ("action", ["förvaltningen"], "2022-04-15"),
        ("action", ["Hanna Ek"], None),
        ("deferred", [], "2022-05-05"),
    ]


def test_a_next_steps_list_and_see_you_next_time():
    text = "\n".join([
        "Nätverket 4 mars 2019", "", "Närvarande: Eva Lund, Bo Ek", "", "Lokaler", "", "Nästa steg:",
        "- Boka visning av lokalen (Eva)", "- Skicka frågor till hyresvärden", "", "Vi ses nästa gång den 11 april.", "",
    ])  # fmt: skip
    result = extract(text)
    assert result.meeting.next_meeting == date(2019, 4, 11)
    assert [(i.text, [o.name for o in i.owners]) for i in result.items] == [
        ("Boka visning av lokalen (Eva)", ["Eva Lund"]),
        ("Skicka frågor till hyresvärden", []),
    ]


def test_a_deferral_of_the_point_puts_off_the_item_just_before_it():
    text = (
        "Minnesanteckningar arbetsgruppen 2024-03-01\n\nStudieresa\n\n"
        "Vi behöver hitta en buss till resan i maj. Frågan tas upp igen på nästa möte.\n\n"
        "Lokaler\n\nKim bokar lokalen till årsmötet.\n\nFrågan om nya stolar bordläggs.\n"
    )
    got = [(i.kind.value, i.source) for i in extract(text).items]
    assert got == [
        ("deferred", "Vi behöver hitta en buss till resan i maj."),
        ("action", "Kim bokar lokalen till årsmötet."),
        ("deferred", "Frågan om nya stolar bordläggs."),
    ]


@pytest.mark.parametrize(
    "decision",
    [
        "Beslutades att bordlägga frågan om nya stolar.",
        "Styrelsen beslutade att skjuta upp frågan om nya stolar.",
        "Mötet beslöt att bordlägga ärendet.",
    ],
)
def test_a_decision_to_put_a_point_off_is_a_deferral(decision):
    text = f"Protokoll styrelsemöte 2024-03-01\n\nNärvarande: Kim Ek, Rut Lind\n\nMöbler\n\n{decision}\n"
    got = [(i.kind.value, i.source) for i in extract(text).items]
    assert got == [("deferred", decision)]


@pytest.mark.parametrize(
    "line", ["- Ansökan om bidrag (bordlagd)", "- Hyresavtalet – bordlägges", "Parkeringsfrågan bordlagd."]
)
def test_a_point_and_its_deferral_without_a_verb_is_a_deferral(line):
    text = f"Protokoll styrelsemöte 2024-03-01\n\nNärvarande: Kim Ek, Rut Lind\n\nÖvriga frågor\n\n{line}\n"
    got = [(i.kind.value, i.source) for i in extract(text).items]
    assert got == [("deferred", line.lstrip("- "))]


def test_the_heading_of_the_points_put_off_before_is_no_deferral():
    text = (
        "Protokoll styrelsemöte 2024-03-01\n\nNärvarande: Kim Ek, Rut Lind\n\n"
        "Ärenden\n\n- Bordlagda ärenden: inga\n- Kim bokar lokalen till årsmötet.\n"
    )
    got = [(i.kind.value, i.source) for i in extract(text).items]
    assert got == [("action", "Kim bokar lokalen till årsmötet.")]


def test_attendees_initials_are_the_attendees():
    text = (
        "Protokoll styrelsemöte 2024-03-01\n\nNärvarande: Anna Lind, Karl Svensson, Eva Nord\n\nLokaler\n\n"
        "AL och KS ringer hyresvärden.\n\nAL och Eva bokar bussen.\n\nEn rundvandring genomförs.\n"
    )
    got = [(i.source, [o.name for o in i.owners]) for i in extract(text).items]
    assert got == [
        ("AL och KS ringer hyresvärden.", ["Anna Lind", "Karl Svensson"]),
        ("AL och Eva bokar bussen.", ["Anna Lind", "Eva Nord"]),
    ]  # "En" is no name, though Eva Nord's initials are EN


def test_a_sentence_that_opens_with_a_quantity_keeps_it():
    text = (
        "Protokoll styrelsemöte 2024-03-01\n\nResan\n\n3 personer från styrelsen ska åka på kursen i april.\n"
    )
    assert [i.source for i in extract(text).items] == ["3 personer från styrelsen ska åka på kursen i april."]


def test_the_av_of_a_noun_is_no_doer_of_a_passive():
    text = (
        "Protokoll styrelsemöte 2024-03-01\n\nNärvarande: Kim Ek, Rut Lind\n\nFörrådet\n\n"
        "Offerter tas in för målningen av förrådet senast 1 april.\n\nNycklarna ska hämtas av Kim.\n"
    )
    assert [(i.source, [o.name for o in i.owners]) for i in extract(text).items] == [
        ("Offerter tas in för målningen av förrådet senast 1 april.", []),
        ("Nycklarna ska hämtas av Kim.", ["Kim Ek"]),
    ]


def test_a_point_taken_up_at_a_time_ahead_is_deferred_a_persons_task_is_not():
    text = (
        "Protokoll styrelsemöte 2024-03-01\n\nNärvarande: Kim Ek, Rut Lind\n\nÖvrigt\n\n"
        "Stadgefrågan tas upp igen i oktober.\n\nFrågan om julfesten diskuteras vidare efter sommaren.\n\n"
        "Rut tar upp frågan med hyresvärden i april.\n"
    )
    got = [(i.kind.value, i.source) for i in extract(text).items]
    assert got == [
        ("deferred", "Stadgefrågan tas upp igen i oktober."),
        ("deferred", "Frågan om julfesten diskuteras vidare efter sommaren."),
        ("action", "Rut tar upp frågan med hyresvärden i april."),
    ]


@pytest.mark.parametrize(
    "sentence",
    ["Rut fick i uppgift att beställa nycklar.", "Styrelsen gav Rut i uppgift att beställa nycklar.",
     "Rut har fått i uppgift att beställa nycklar."],
)  # fmt: skip
def test_a_task_given_as_uppgift_is_the_persons(sentence):
    text = f"Protokoll styrelsemöte 2024-03-01\n\nNärvarande: Kim Ek, Rut Lind\n\nNycklar\n\n{sentence}\n"
    assert [(i.source, [o.name for o in i.owners]) for i in extract(text).items] == [(sentence, ["Rut Lind"])]


def test_lines_marked_done_are_no_items_and_an_empty_box_is_no_part_of_the_text():
    text = (
        "Minnesanteckningar arbetsgruppen 2024-05-16\n\nNärvarande: Kim Ek, Rut Lind\n\nAtt göra\n\n"
        "- [x] Beställ kaffe (Kim)\n- [ ] Skriv till hyresvärden (Rut)\n- ~~Kim hämtar nycklarna~~\n"
        "- Rut sätter upp lappar (klart)\n- Kim tömmer förrådet ✓\n- Rut ringer elektrikern (klart 1 juni)\n"
    )
    got = [(i.text, [o.name for o in i.owners]) for i in extract(text).items]
    assert got == [
        ("Skriv till hyresvärden (Rut)", ["Rut Lind"]),
        ("Rut ringer elektrikern (klart 1 juni)", ["Rut Lind"]),
    ]


def test_a_todo_label_before_a_task_is_no_task_and_may_name_its_owner():
    text = (
        "Minnesanteckningar arbetsgruppen 2024-05-16\n\nNärvarande: Kim Ek, Rut Lind\n\nÖvrigt\n\n"
        "Att göra före jul: Rut bokar julbordet.\n\nUppdrag till Kim: beställa nya nycklar.\n"
    )
    got = [(i.text, [o.name for o in i.owners]) for i in extract(text).items]
    assert got == [("Rut bokar julbordet.", ["Rut Lind"]), ("beställa nya nycklar.", ["Kim Ek"])]


def test_points_on_lines_of_their_own_without_bullets_are_list_lines():
    text = (
        "Minnesanteckningar arbetsgruppen 2024-05-16\n\nNärvarande: Kim Ek, Rut Lind\n\nÖvrigt\n\n"
        "Att göra:\nBeställ nya nycklar – Kim\nSkriv till hyresvärden – Rut\n"
    )
    got = [(i.text, [o.name for o in i.owners]) for i in extract(text).items]
    assert got == [("Beställ nya nycklar – Kim", ["Kim Ek"]), ("Skriv till hyresvärden – Rut", ["Rut Lind"])]
    # a label without its colon over them is their label, not a point read as a sentence
    e = extract(text.replace("Att göra:", "Till nästa möte"))
    assert [i.text for i in e.items] == ["Beställ nya nycklar – Kim", "Skriv till hyresvärden – Rut"]
    assert [s.text for s in e.steps if s.line == 7] == []


def test_a_day_opening_a_list_line_is_nobody_and_the_owner_marked_is_the_owner():
    text = (
        "Minnesanteckningar arbetsgruppen 2024-03-01\n\nNärvarande: Lisa Berg, Omar Said\n\nAtt göra\n"
        "1. Tisdagar passar dåligt för många, så en enkät om andra tider kommer att skickas ut (Lisa).\n"
    )
    assert [[o.name for o in i.owners] for i in extract(text).items] == [["Lisa Berg"]]


def test_what_follows_a_reported_view_in_its_line_is_still_the_view():
    text = (
        "Minnesanteckningar arbetsgruppen 2024-03-01\n\nUppföljning\n\n"
        "- Rut tycker att träffarna har blivit bättre. Och detta att vi nu ses ute hos föreningarna.\n"
        "- Kim menar att mötena ger kontakter. Gör också arbetet roligare.\n"
    )
    assert extract(text).items == []


def test_a_decision_label_is_nobody_who_owns_the_decisions_under_it():
    text = (
        "Protokoll styrelsemöte 2024-03-01\nNärvarande: Rut Lind, Kim Ek\n\n§ 4 Lokalen\n\n"
        "Styrelsen beslutar\n\natt uppdra åt Kim att säga upp förrådet.\n"
    )
    got = [(i.kind.value, [o.name for o in i.owners]) for i in extract(text).items]
    assert got == [("action", ["Kim Ek"])]
