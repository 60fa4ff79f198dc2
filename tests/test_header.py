"""The meeting header in the layouts real minutes use: date forms, the year, title and group,
people, next meeting. Headers and names are made up for these tests."""

from datetime import date

import pytest

from actiontrack.extract.meeting import parse_meeting
from actiontrack.extract.sentences import split_lines
from actiontrack.extract.title import group_name

TODAY = date(2026, 12, 2)


def parse(text, year=None):
    return parse_meeting(split_lines(text), year=year, today=TODAY)


@pytest.mark.parametrize(
    ("first_lines", "title", "day"),
    [
        ("Brukarrådet Norr 2026-11-18", "Brukarrådet Norr", date(2026, 11, 18)),
        ("Protokoll pensionärsrådet 20201210", "Protokoll pensionärsrådet", date(2020, 12, 10)),
        ("Minnesanteckningar anhörigrådet 201210", "Minnesanteckningar anhörigrådet", date(2020, 12, 10)),
        ("Minnesanteckningar brukarråd 190312", "Minnesanteckningar brukarråd", date(2019, 3, 12)),
        ("Styrelsemöte 23-05-17", "Styrelsemöte", date(2023, 5, 17)),
        ("Arbetsgruppen 24.12.06", "Arbetsgruppen", date(2024, 12, 6)),
        ("Referensgruppen 18.11.2026", "Referensgruppen", date(2026, 11, 18)),
        ("Referensgruppen 18/11 2026", "Referensgruppen", date(2026, 11, 18)),
        ("Referensgruppen 18 nov 2026", "Referensgruppen", date(2026, 11, 18)),
        ("Styrgruppen den 18 november 2026", "Styrgruppen", date(2026, 11, 18)),
        ("Nätverksträff Tisdagen den 4 mars 2025", "Nätverksträff", date(2025, 3, 4)),
        ("Protokoll fört vid möte den 18 november 2026", "Protokoll fört vid möte", date(2026, 11, 18)),
        ("Handikapprådet\nSammanträdesdatum: 2026-11-18", "Handikapprådet", date(2026, 11, 18)),
        ("Handikapprådet\nMötesdatum: 18 november 2026", "Handikapprådet", date(2026, 11, 18)),
        ("Handikapprådet\nDatum: 2026-11-18\nTid: 13.00-15.00", "Handikapprådet", date(2026, 11, 18)),
        ("Samverkansgruppen\n\n2026-11-18 Stadshuset\n", "Samverkansgruppen", date(2026, 11, 18)),
        (
            "26 11 18\n\nProtokoll fört vid telefonmöte 26 11 18",
            "Protokoll fört vid telefonmöte",
            date(2026, 11, 18),
        ),
        (
            "PROTOKOLL\nfört vid styrelsemöte i Odlarföreningen\nTid: 18 november 2026",
            "Protokoll fört vid styrelsemöte i Odlarföreningen",
            date(2026, 11, 18),
        ),
    ],
)
def test_meeting_dates_in_every_common_form(first_lines, title, day):
    m = parse(first_lines + "\n\nNärvarande: Eva Lund, Bo Ek\n").meeting
    assert (m.title, m.date) == (title, day)


def test_the_time_of_day_is_kept():
    m = parse("Sammanträde 2026-11-18, kl. 13.00–15.00\n\nText.\n").meeting
    assert (m.title, m.date, m.time_start, m.time_end) == (
        "Sammanträde",
        date(2026, 11, 18),
        "13:00",
        "15:00",
    )
    m = parse("Handikapprådet\nDatum: 2026-11-18\nTid: 9-11\n").meeting
    assert (m.time_start, m.time_end) == ("09:00", "11:00")


def test_a_two_digit_year_date_is_read_the_way_the_written_weekday_fits():
    # 17 May 2023 is a Wednesday; 23 May 2017 a Tuesday
    assert parse("Styrelsemöte tisdag 23-05-17\n").meeting.date == date(2017, 5, 23)
    assert parse("Styrelsemöte onsdag 23-05-17\n").meeting.date == date(2023, 5, 17)


def test_a_two_digit_year_date_is_read_near_the_other_dates_of_the_document():
    text = "Styrelsemöte 23-05-17\n\nKallelsen ska skickas senast 2017-06-01.\n"
    assert parse(text).meeting.date == date(2017, 5, 23)


def test_the_year_from_a_weekday_written_next_to_the_date():
    m = parse("Brukarrådet tisdagen den 4 mars\n").meeting
    assert m.date == date(2025, 3, 4) and "tisdag" in m.year_inferred


def test_the_year_from_the_other_dates_of_the_document():
    text = "Brukarrådet 14 mars\n\nPlanering fram till sommaren 2027.\nRapporten ska vara klar senast 2027-04-01.\n"
    m = parse(text).meeting
    assert m.date == date(2027, 3, 14) and "other dates" in m.year_inferred


def test_no_year_anywhere_is_no_date_and_a_warning():
    parsed = parse("Brukarrådet 14 mars\n\nVi pratade om sommaren.\n")
    assert parsed.meeting.date is None and parsed.meeting.partial_date == (3, 14)
    assert any("no year" in w for w in parsed.warnings)


def test_no_date_at_all_is_said():
    parsed = parse("Brukarrådet\n\nVi pratade om sommaren.\n")
    assert parsed.meeting.date is None and parsed.meeting.partial_date is None
    assert any("no meeting date" in w for w in parsed.warnings)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Start > Kommun och politik > Råd > Protokoll\nProtokoll pensionärsrådet 2026-11-18\n",
            "Protokoll pensionärsrådet",
        ),  # fmt: skip
        ("Ladda ner\nSkriv ut\n1(4)\nProtokoll pensionärsrådet 2026-11-18\n", "Protokoll pensionärsrådet"),
        (
            "Sida 1 av 3\nMinnesanteckningar – Nätverket för ensamkommande 2026-11-18\n",
            "Minnesanteckningar – Nätverket för ensamkommande",
        ),  # fmt: skip
        ("Närvarande: Eva Lund, Bo Ek\n2026-11-18\n", None),  # a field first: no title line
        ("- Referensgruppen 2026-11-18\n", "Referensgruppen"),
    ],
)
def test_the_title_skips_web_and_viewer_furniture_and_fields(text, title):
    assert parse(text).meeting.title == title


@pytest.mark.parametrize(
    ("title", "group"),
    [
        ("Anteckningar – Nätverket för ensamkommande", "Nätverket för ensamkommande"),
        ("Minnesanteckningar brukarråd", "Brukarråd"),
        ("Protokoll fört vid möte med Brukarrådet", "Brukarrådet"),
        ("Protokoll fört vid Brukarrådet", "Brukarrådet"),
        ("- Referensgruppen -", "Referensgruppen"),
        ("Agenda & mötesanteckningar Samverkansforum", "Samverkansforum"),
    ],
)
def test_the_group_is_what_the_secretary_would_call_it(title, group):
    assert group_name(title) == group


@pytest.mark.parametrize(
    ("people", "attendees", "absent"),
    [
        ("Närvarande: Leif, Thomas och Per", ["Leif", "Thomas", "Per"], []),
        ("Deltagare:\nEva Lund\nBo Ek (ers Cia Berg)", ["Eva Lund", "Bo Ek"], []),
        ("Med: Eva Lund, Bo Ek", ["Eva Lund", "Bo Ek"], []),
        (
            "Beslutande:\nEva Lund\nBo Ek\n\nÖvriga närvarande:\nCia Berg",
            ["Eva Lund", "Bo Ek", "Cia Berg"],
            [],
        ),
        ("Ledamöter:\nEva Lund – Ja\nBo Ek – Nej", ["Eva Lund"], ["Bo Ek"]),
        (
            "Närvarande:\nSocialförvaltningen: Eva Lund, Bo Ek\nRia: Cia Berg",
            ["Eva Lund", "Bo Ek", "Cia Berg"],
            [],
        ),
        ("Närvarande: Eva Lund, Bo Ek,\nCia Berg, Dan Ås", ["Eva Lund", "Bo Ek", "Cia Berg", "Dan Ås"], []),
        ("Kallade:\n- Eva Lund\n- Bo Ek\n\nNärvarande:\n- Eva Lund", ["Eva Lund"], ["Bo Ek"]),
        ("Närvarnade: Eva Lund, Bo Ek\nFrånvarnade: Cia Berg", ["Eva Lund", "Bo Ek"], ["Cia Berg"]),
        ("Närvarande: Eva Lund, Bo Ek\nAnmält förhinder: Cia Berg", ["Eva Lund", "Bo Ek"], ["Cia Berg"]),
        ("Eva, Bo och Cia är närvarande.", ["Eva", "Bo", "Cia"], []),
    ],
)
def test_attendees_and_absentees(people, attendees, absent):
    m = parse("Rådet 2026-11-18\n\n" + people + "\n\nText.\n").meeting
    assert [a.name for a in m.attendees] == attendees
    assert [a.name for a in m.absent] == absent


def test_a_nickname_in_quotes_is_an_alias():
    m = parse('Rådet 2026-11-18\n\nNärvarande:\nIda "Pippi" Berg\nBo Ek\n').meeting
    assert m.attendees[0].name == "Ida Berg" and m.attendees[0].aliases == ("Pippi",)


@pytest.mark.parametrize(
    ("text", "secretary"),
    [
        ("Vid pennan: Kristina Holm", "Kristina Holm"),
        ("Vid protokollet\n\nKristina Holm\n\nJusteras\n\nBo Ek", "Kristina Holm"),
        ("Sekreterare: Kristina Holm", "Kristina Holm"),
        ("Protokollförare: Kristina Holm", "Kristina Holm"),
        ("Antecknat av: Kristina Holm", "Kristina Holm"),
        ("Närvarande: Kristina Holm (protokoll), Bo Ek", "Kristina Holm"),
        ("Närvarande: Kristina Holm, Bo Ek\n\nText.\n\n/Kristina", "Kristina Holm"),
        ("Närvarande: Kristina Holm, Bo Ek\n\nKristina Holm väljs till mötessekreterare.", "Kristina Holm"),
        (
            "Närvarande: Kristina Holm, Bo Ek\n\nText.\n\nGrästorp 2026-11-18\n\nKristina Holm",
            "Kristina Holm",
        ),
        ("Närvarande: Kristina Holm, Bo Ek\n\nText om ekonomin (Kristina antecknade).", "Kristina Holm"),
    ],
)
def test_the_secretary(text, secretary):
    assert parse("Rådet 2026-11-18\n\n" + text + "\n").meeting.secretary == secretary


@pytest.mark.parametrize(
    ("text", "next_meeting"),
    [
        ("Nästa möte: 16 december 2026", date(2026, 12, 16)),
        ("Nästa sammanträde hålls den 16 december 2026 kl. 9.", date(2026, 12, 16)),
        ("Nästa träff blir 16/12.", date(2026, 12, 16)),
        ("Nytt möte utlyst till onsdag 16/12.", date(2026, 12, 16)),
        ("## Nästa möte\n\n* 2026-12-16, 13:00-15:00", date(2026, 12, 16)),
        ("Kommande möten:\n- 16 december\n- 20 januari", date(2026, 12, 16)),
    ],
)
def test_the_next_meeting(text, next_meeting):
    assert parse("Rådet 2026-11-18\n\n" + text + "\n").meeting.next_meeting == next_meeting


def test_roles_resolve_to_the_person_elected_or_named_for_them():
    text = "\n".join([
        "Styrelsemöte 2026-11-18", "", "Närvarande: Eva Lund, Bo Ek, Cia Berg", "",
        "Eva Lund (ordf.) hälsar välkommen.", "Bo Ek väljs till vice-ordförande.",
        "Före detta kassör, Dan Ås, lämnar över pärmarna.", "Styrelsen väljer Cia Berg som kassör.",
    ])  # fmt: skip
    roles = parse(text).meeting.roles
    assert roles["vice ordförande"] == "Bo Ek" and roles["kassör"] == "Cia Berg"
    assert "Dan Ås" not in roles.values()


def test_a_role_as_owner_is_the_person_who_holds_it():
    from actiontrack.extract import extract_text

    text = "Styrelsemöte 2026-11-18\n\nNärvarande: Eva Lund, Bo Ek\n\nBo Ek väljs till kassör.\n\nKassören skickar ut fakturorna.\n"
    items = extract_text(text, today=TODAY).items
    assert [(i.text, [o.name for o in i.owners]) for i in items] == [
        ("Kassören skickar ut fakturorna.", ["Bo Ek"])
    ]


def test_a_day_month_year_date_with_dashes_for_the_next_meeting():
    assert parse("Rådet 2026-11-18\n\n## Nästa möte 12:15 16-12-2026\n").meeting.next_meeting == date(
        2026, 12, 16
    )
    assert parse("Brukarrådet 16-12-2026\n").meeting.date == date(2026, 12, 16)
