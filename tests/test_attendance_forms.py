"""Attendee lists as real minutes write them: names without commas, roles and organisations after
the names, run-on PDF lines, groups inside a list. Every name here is made up."""

from datetime import date

import pytest

from actiontrack.extract.attendance import parse_attendance
from actiontrack.extract.meeting import parse_meeting
from actiontrack.extract.name_runs import scan_people, split_run
from actiontrack.extract.person_entry import parse_person_entry
from actiontrack.extract.sentences import split_lines

TODAY = date(2026, 12, 2)


def meeting(text):
    return parse_meeting(split_lines(text), year=None, today=TODAY).meeting


def names(people):
    return [p.name for p in people]


@pytest.mark.parametrize(
    ("entry", "name", "role", "organisation"),
    [
        ("Kjell Andersson (ordförande, PRO)", "Kjell Andersson", "ordförande", "PRO"),
        ("Anna Berg, kassör", "Anna Berg", "kassör", None),
        ("Bo Ek – sekreterare", "Bo Ek", "sekreterare", None),
        ("Stina- webbansvarig", "Stina", "webbansvarig", None),
        ("Olle-kassör", "Olle", "kassör", None),
        ("Greta medlemsansvarig", "Greta", "medlemsansvarig", None),
        ("Per-Olof Lindqvist, SPF", "Per-Olof Lindqvist", None, "SPF"),
        ("Ann-Gret Sjöberg (Hyresgästföreningen)", "Ann-Gret Sjöberg", None, "Hyresgästföreningen"),
    ],
)
def test_a_person_with_a_role_and_an_organisation(entry, name, role, organisation):
    person, absent = parse_person_entry(entry, lenient=True)
    assert (person.name, person.role, person.organisation, absent) == (name, role, organisation, False)


@pytest.mark.parametrize(
    ("entry", "absent"),
    [
        ("Ulf Nyström, anmält förhinder", True),
        ("Ulf Nyström, kassör, anmält förhinder", True),
        ("Ulf Nyström (förhinder)", True),
        ("Ulf Nyström, kassör", False),
    ],
)
def test_absent_marked_inside_the_list(entry, absent):
    assert parse_person_entry(entry)[1] is absent


@pytest.mark.parametrize(
    ("run", "expected"),
    [
        (["Lars", "Holmgren", "Eva", "Strand"], [("Lars", "Holmgren"), ("Eva", "Strand")]),
        (["Ann", "Christin", "Bergkvist"], [("Ann", "Christin", "Bergkvist")]),
        (["Maria", "Lind", "Sjödahl"], [("Maria", "Lind", "Sjödahl")]),
        (["Per-Olof", "Nyberg", "Gun", "Ek"], [("Per-Olof", "Nyberg"), ("Gun", "Ek")]),
        (["Kalmar", "Eva", "Borgström"], ["Kalmar", ("Eva", "Borgström")]),  # a place before a name
    ],
)
def test_a_run_of_capitalised_words_cut_into_names(run, expected):
    assert split_run(run) == expected


def test_a_list_without_separators_with_roles_codes_and_notes():
    text = (
        "Lena Forsberg, ordförande Nils Ahlström Karin Wikström per telefon Sten Dahlberg lämnade "
        "synpunkter men deltog inte Märta Lundgren (ers Gustav Öberg) Hanna Sjögren 1. Mötets öppnande"
    )
    scanned = scan_people(text)
    assert names(scanned) == [
        "Lena Forsberg",
        "Nils Ahlström",
        "Karin Wikström",
        "Sten Dahlberg",
        "Märta Lundgren",
        "Hanna Sjögren",
    ]
    assert [p.name for p in scanned if p.absent] == ["Sten Dahlberg"]
    assert scanned[4].stand_ins == ("Gustav Öberg",)


def test_people_in_one_long_line_of_pdf_text():
    text = (
        "Sammanträdesprotokoll\n\n1 Plats och tid Folkets hus, kl 13.00-15.00 Beslutande Lena Forsberg, "
        "ordförande Nils Ahlström, KS Karin Wikström, SOC Sten Dahlberg, DHR Övriga deltagande Hanna "
        "Sjögren, sekreterare Utses att justera Nils Ahlström Underskrifter Sekreterare Ordförande "
        "Justerande 1. Mötets öppnande Ordföranden hälsade alla välkomna och förklarade mötet öppnat.\n"
    )
    m = meeting(text)
    assert names(m.attendees) == [
        "Lena Forsberg",
        "Nils Ahlström",
        "Karin Wikström",
        "Sten Dahlberg",
        "Hanna Sjögren",
    ]
    assert m.attendees[1].organisation == "KS" and m.attendees[0].role == "ordförande"
    assert m.roles["ordförande"] == "Lena Forsberg"


def test_labels_and_names_run_together_with_sentences_after_them():
    text = (
        "Protokoll fört vid sammanträde med styrelsen. Tid: Tisdagen den 3 mars 2026, kl 18. Närvarande: "
        "Lena Forsberg, ordförande, Nils Ahlström och Karin Wikström. Icke närvarande: Sten Dahlberg. "
        "1. Mötets öppnande Ordföranden hälsade de närvarande välkomna.\n"
    )
    m = meeting(text)
    assert names(m.attendees) == ["Lena Forsberg", "Nils Ahlström", "Karin Wikström"]
    assert names(m.absent) == ["Sten Dahlberg"]


def test_groups_inside_a_list_of_people():
    text = (
        "Styrelsemöte 2026-03-03\n\nNärvarande:\nLena Forsberg, ordförande\nNils Ahlström, anmält förhinder\n\n"
        "Distriktsrepresentanter\nKarin Wikström\nSten Dahlberg\n\nAdjungerade:\nHanna Sjögren\n\n§1 Mötets öppnande\n"
    )
    m = meeting(text)
    assert names(m.attendees) == ["Lena Forsberg", "Karin Wikström", "Sten Dahlberg", "Hanna Sjögren"]
    assert names(m.absent) == ["Nils Ahlström"]


def test_groups_named_inline_and_stand_ins():
    text = (
        "Närvarande: Från förvaltningen: Lena Forsberg, Nils Ahlström (ers Gustav Öberg) Karin Wikström "
        "samt föreningarnas representanter: Sten Dahlberg, Hanna Sjögren\n"
    )
    result = parse_attendance(split_lines(text))
    assert names(result.attendees) == [
        "Lena Forsberg",
        "Nils Ahlström",
        "Karin Wikström",
        "Sten Dahlberg",
        "Hanna Sjögren",
    ]
    assert names(result.absent) == ["Gustav Öberg"]


def test_a_list_of_groups_names_no_one_and_organisations_only_stand_alone():
    assert (
        parse_attendance(
            split_lines("Närvarande: Styrelserna för Länsförbundet och Norrlandskretsen samt medlemmar\n")
        ).attendees
        == []
    )
    people = parse_attendance(
        split_lines("Närvarande: Lena Forsberg, Kalmar, Nils Ahlström, Växjö\n")
    ).attendees
    assert [(p.name, p.organisation) for p in people] == [
        ("Lena Forsberg", "Kalmar"),
        ("Nils Ahlström", "Växjö"),
    ]
    orgs = parse_attendance(split_lines("Närvarande: Skatteverket, Kronofogden, Lantmäteriet\n")).attendees
    assert names(orgs) == ["Skatteverket", "Kronofogden", "Lantmäteriet"]


def test_a_numbered_attendance_heading_and_a_list_wrapped_over_two_lines():
    m = meeting(
        "Styrelsemöte 2026-03-03\n\n§ 12. Närvarande.\n\nLena Forsberg, Nils Ahlström\n\n§ 13. Dagordningen\n"
    )
    assert names(m.attendees) == ["Lena Forsberg", "Nils Ahlström"]
    m = meeting(
        "Styrelsemöte 2026-03-03\n\nNärvarande: Lena Forsberg, Nils Ahlström, Karin\nWikström, Sten Dahlberg.\n"
    )
    assert names(m.attendees) == ["Lena Forsberg", "Nils Ahlström", "Karin Wikström", "Sten Dahlberg"]


def test_a_guest_is_present_beside_the_list_and_only_invited_in_a_report():
    m = meeting(
        "Styrgruppen 2026-03-03\nNärvarande: Lena Forsberg, Nils Ahlström\nInbjuden: Karin Wikström (punkt 4)\n"
    )
    assert names(m.attendees) == ["Lena Forsberg", "Nils Ahlström", "Karin Wikström"]
    m = meeting(
        "Styrgruppen 2026-03-03\nNärvarande: Lena Forsberg\n\n## Rapporter\n\n- Inbjudna: Skatteverket och Kronofogden\n"
    )
    assert names(m.attendees) == ["Lena Forsberg"]


@pytest.mark.parametrize(
    ("text", "secretary"),
    [
        (
            "Närvarande: Lena Forsberg, Nils Ahlström\n\nTill sekreterare valdes Nils Ahlström.\n",
            "Nils Ahlström",
        ),
        (
            "Närvarande: Lena Forsberg, Nils Ahlström\n\nTill mötets sekreterare utsågs Lena Forsberg\n",
            "Lena Forsberg",
        ),
        (
            "Närvarande: Lena Forsberg, Nils Ahlström\n\n§ 3 Val av sekreterare\n\nStyrelsen beslutar\n\n"
            "att välja Nils Ahlström\n\n§ 4 Val av justerare\n",
            "Nils Ahlström",
        ),
        (
            "Närvarande: Lena Forsberg, Ann-Britt Sjö\n\n§ 3 Val av sekreterare Ann-Britt skriver protokollet.\n",
            "Ann-Britt Sjö",
        ),
        ("Närvarande: Lena Forsberg, Nils Ahlström (anteckningar), Karin Wikström\n", "Nils Ahlström"),
        (
            "Närvarande: Lena Forsberg, ordförande Nils Ahlström, sekreterare Karin Wikström\n",
            "Nils Ahlström",
        ),
        ("Brukarrådsmöte\n\ntext NILS\n\nNärvarande: Lena, Nils och Karin.\n", "Nils"),
    ],
)
def test_the_secretary(text, secretary):
    assert meeting(text).secretary == secretary


def test_the_secretary_was_at_the_meeting():
    m = meeting(
        "Styrgruppen 2026-03-03\n\nNärvarande: Lena Forsberg, Nils Ahlström\nSekreterare: Karin Wikström, SKL\n"
    )
    assert names(m.attendees) == ["Lena Forsberg", "Nils Ahlström", "Karin Wikström"]
    m = meeting(
        "Styrgruppen 2026-03-03\n\nNärvarande: Lena, Nils, Karin\n\n\nStockholm 2026-03-04\n\nKarin Wikström\n"
    )
    assert names(m.attendees) == ["Lena", "Nils", "Karin"] and m.secretary == "Karin Wikström"


def test_first_names_in_the_list_and_full_names_in_the_signature_block():
    text = (
        "Protokoll från styrelsemöte 2026-03-03\n\nNärvarande: Lena, Nils, Karin, Sten.\n\n§ 1 Mötets öppnande\n\n"
        "Ordföranden förklarade mötet öppnat.\n\nVid protokollet  Ordförande  Justerare\n"
        "Karin Wikström Lena Forsberg Nils Ahlström\n"
    )
    m = meeting(text)
    assert names(m.attendees) == ["Lena Forsberg", "Nils Ahlström", "Karin Wikström", "Sten"]
    assert m.secretary == "Karin Wikström" and m.roles["ordförande"] == "Lena Forsberg"


def test_a_page_with_the_minutes_before_these_stops_the_list():
    text = (
        "Protokoll från styrelsemöte 2026-03-03\n\nNärvarande: Lena Forsberg, Nils Ahlström\n\n§ 1 Mötets öppnande\n\n"
        "Mötet öppnades.\n\n§ 2 Ekonomi\n\nEkonomin är god.\n\n§ 3 Avslutning\n\nMötet avslutades.\n\n"
        "Protokoll från styrelsemöte 2026-02-03\n\nPlats: Föreningsgården\nNärvarande: Lena Forsberg, Sten Dahlberg\n"
    )
    assert names(meeting(text).attendees) == ["Lena Forsberg", "Nils Ahlström"]


def test_without_a_list_formal_minutes_show_who_took_part():
    text = (
        "Sammanträde 2026-03-03\n\n§ 1 Sammanträdets öppnande\n\nOrdföranden, Lena Forsberg (S), hälsar välkommen "
        "och öppnar sammanträdet.\n\n§ 2 Val av justerare\n\nNils Ahlström och Karin Wikström utsågs att justera.\n\n"
        "§ 3 Information\n\nSten Dahlberg, sekreterare, föredrar reglementet. Vidare uttalar sig Hanna Sjögren (C).\n"
        "Gustav Öberg från polisen hade inte möjlighet att delta. Märta Lundgren kommer att bjudas in.\n"
    )
    m = meeting(text)
    assert names(m.attendees) == [
        "Lena Forsberg",
        "Nils Ahlström",
        "Karin Wikström",
        "Sten Dahlberg",
        "Hanna Sjögren",
    ]
    assert m.roles.get("ordförande") == "Lena Forsberg" and m.secretary == "Sten Dahlberg"


def test_without_a_list_running_notes_name_no_attendees():
    # no opening and no justerare: the people talked about may or may not have been there
    text = (
        "Nätverksträff 3 mars\n\nLena Forsberg berättar om projektet. Nils Ahlström tar emot anmälningar.\n"
    )
    assert meeting(text).attendees == []


def test_notes_beside_a_name_are_no_organisation_and_the_meeting_chair_is_the_chair():
    m = meeting(
        "Styrelsemöte 2026-03-03\nNärvarande: Lena Forsberg (via Teams), Nils Ahlström (på distans), "
        "Karin Wikström (§ 1-5)\nMötesordförande: Lena Forsberg\n"
    )
    assert [(a.name, a.organisation) for a in m.attendees] == [
        ("Lena Forsberg", None), ("Nils Ahlström", None), ("Karin Wikström", None)]  # fmt: skip
    assert m.roles["ordförande"] == "Lena Forsberg"


def test_a_line_of_text_is_no_byline():
    m = meeting(
        "Styrelsemöte 2026-03-03\nNärvarande: Lena Forsberg, Nils Ahlström\n\nText om lokalen.\n\n/Nils\n"
    )
    assert m.secretary == "Nils Ahlström" and len(m.attendees) == 2


def test_an_organisation_in_brackets_that_starts_like_a_preposition():
    person, _ = parse_person_entry("Ines Holm (Föreningsrådet)")
    assert person.organisation == "Föreningsrådet"


def test_a_presence_column_flattened_into_lines():
    text = (
        "Möte med styrelsen den 3 mars 2026\n\nLedamöter Närvarande\nLena Forsberg X, mötesordf. § 1-8\n"
        "Nils Ahlström X\nKarin Wikström Anmält förhinder\nSuppleanter\nSten Dahlberg X\nKansliet\n"
        "Hanna Sjögren X, sekreterare\n\n§ 1 Mötet öppnas\n"
    )
    m = meeting(text)
    assert names(m.attendees) == ["Lena Forsberg", "Nils Ahlström", "Sten Dahlberg", "Hanna Sjögren"]
    assert names(m.absent) == ["Karin Wikström"] and m.secretary == "Hanna Sjögren"
    assert m.attendees[0].organisation is None


def test_a_bare_attendance_label_in_running_text_and_notes_in_brackets():
    text = (
        "Protokoll från styrelsemötet 3 mars 2026\n\nMötets öppnande Mötet förklarades öppnat. Närvaro Lena Forsberg "
        "(lämnade mötet efter punkt 9) Nils Ahlström Karin Wikström (utan rösträtt) Sten Dahlberg Val av "
        "mötesfunktionärer Val av mötesordförande Nils Ahlström valdes till mötesordförande.\n"
    )
    assert names(meeting(text).attendees) == [
        "Lena Forsberg",
        "Nils Ahlström",
        "Karin Wikström",
        "Sten Dahlberg",
    ]


def test_the_printed_protocol_form_with_labels_in_a_column_and_names_on_the_lines_under_them():
    text = (
        "Sammanträdesprotokoll\n\nSocialutskottet 2026-03-04\n\nPlats och tid Förvaltningshuset, kl 09.00-17.00\n\n"
        "Beslutande Lena Forsberg (C), ordförande\n\nNils Ahlström (M) Karin Wikström (S)\n\nSten Dahlberg (C)\n\n"
        "Hanna Sjögren (S), tjg ers för Gustav Öberg (S)\n\nÖvriga deltagande Märta Lundgren, sekreterare\n\n"
        "Olle Persson (KD), del av § 159 Greta Lind, socialchef\n\nUtses att justera Nils Ahlström\n\n"
        "§ 155 Kvartalsrapport\n\nText om rapporten.\n"
    )
    m = meeting(text)
    assert names(m.attendees) == [
        "Lena Forsberg", "Nils Ahlström", "Karin Wikström", "Sten Dahlberg", "Hanna Sjögren", "Märta Lundgren",
        "Olle Persson", "Greta Lind",
    ]  # fmt: skip
    assert names(m.absent) == ["Gustav Öberg"] and m.secretary == "Märta Lundgren"
    assert (m.attendees[1].organisation, m.attendees[-1].role) == ("M", "socialchef")
