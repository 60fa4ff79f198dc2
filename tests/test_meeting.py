from datetime import date

from actiontrack.extract.meeting import group_name, parse_meeting
from actiontrack.extract.sentences import split_lines

TODAY = date(2026, 11, 22)


def meeting(text, year=None):
    return parse_meeting(split_lines(text), year=year, today=TODAY)


def test_title_and_date_from_the_heading():
    m = meeting("\n\nStyrgruppen för Fritidsbanken 3 oktober 2018\n\nText.").meeting
    assert (m.title, m.date) == ("Styrgruppen för Fritidsbanken", date(2018, 10, 3))


def test_title_and_iso_date_after_a_dash():
    m = meeting("Arbetsgruppen Klarspråk – 2019-05-06\n").meeting
    assert (m.title, m.date) == ("Arbetsgruppen Klarspråk", date(2019, 5, 6))


def test_date_from_a_datum_line_when_the_heading_has_none():
    m = meeting("Protokoll Brukarrådet\n\nDatum: 2019-03-14\nPlats: Stadshuset\n").meeting
    assert (m.title, m.date, m.place) == ("Protokoll Brukarrådet", date(2019, 3, 14), "Stadshuset")


def test_weekday_next_to_a_date_pins_the_year():
    text = "Samverkansgruppen 7 mars\n\nPå tisdag den 12 mars träffas vi igen.\n"
    m = meeting(text).meeting
    assert m.date == date(2024, 3, 7)  # 12 March is a Tuesday in 2013, 2019, 2024, 2030: the latest past one
    assert "tisdag" in m.year_inferred


def test_years_named_in_the_text_choose_among_weekday_candidates():
    text = "Samverkansgruppen 7 mars\n\nPå tisdag den 12 mars ses vi. Rapporten för 2018 är klar.\n"
    assert meeting(text).meeting.date == date(2019, 3, 7)


def test_given_year_wins_and_no_year_is_never_guessed():
    assert meeting("Samverkansgruppen 7 mars\n", year=2015).meeting.date == date(2015, 3, 7)
    parsed = meeting("Samverkansgruppen 7 mars\n")
    assert parsed.meeting.date is None  # never silently this year
    assert parsed.meeting.partial_date == (3, 7)
    assert "no year" in parsed.warnings[0] and "--year" in parsed.warnings[0]


def test_attendee_list_with_organisations_and_absentees():
    text = "\n".join([
        "Nätverket 1 juni 2018", "", "Närvarande:", "", "Anna Berg, Bryggan", "Per Lind",
        "Sara Ek, socialförvaltningen (ej närvarande)", "", "Anmält förhinder:", "Omar Said", "", "Lokaler", "",
        "Text.",
    ])  # fmt: skip
    m = meeting(text).meeting
    assert [a.name for a in m.attendees] == ["Anna Berg", "Per Lind"]
    assert m.attendees[0].organisation == "Bryggan"
    assert [a.name for a in m.absent] == ["Sara Ek", "Omar Said"]


def test_inline_attendees_with_roles_and_organisations():
    m = meeting("Rådet 1 juni 2018\nNärvarande: Eva Lund (ordf.), Bo Ek, Röda korset, Li Wu\n").meeting
    assert [(a.name, a.organisation) for a in m.attendees] == [
        ("Eva Lund", None), ("Bo Ek", "Röda korset"), ("Li Wu", None),
    ]  # fmt: skip


def test_secretary_forms():
    assert meeting("Rådet 1 juni 2018\n\nText.\n\nVid pennan\nEva Lund\n").meeting.secretary == "Eva Lund"
    assert meeting("Rådet 1 juni 2018\nSekreterare: Bo Ek\n").meeting.secretary == "Bo Ek"
    assert meeting("Rådet 1 juni 2018\n\nText.\n\nMer text.\n\n/Li Wu\n").meeting.secretary == "Li Wu"


def test_next_meeting_and_schedule():
    text = "\n".join([
        "Rådet 10 december 2018", "", "Text.", "", "Kommande möten", "", "- 15 januari (Stadshuset)",
        "- 12 februari, Bryggan", "",
    ])  # fmt: skip
    m = meeting(text).meeting
    assert [(s.date.isoformat(), s.place) for s in m.schedule] == [
        ("2019-01-15", "Stadshuset"), ("2019-02-12", "Bryggan"),
    ]  # fmt: skip
    assert m.next_meeting == date(2019, 1, 15)
    assert meeting("Rådet 10 december 2018\n\nNästa möte: 9 januari kl 10.\n").meeting.next_meeting == date(
        2019, 1, 9
    )


def test_group_name_drops_the_document_type():
    assert group_name("Protokoll fört vid möte med Brukarrådet") == "Brukarrådet"
    assert group_name("Minnesanteckningar från styrgruppen") == "Styrgruppen"
    assert group_name("Gemensam utvecklingsgrupp") == "Gemensam utvecklingsgrupp"


def test_the_name_after_the_date_in_the_heading():
    m = meeting("2019-03-14 Styrgruppen för Fritidsbanken\n\nText.").meeting
    assert (m.title, m.date) == ("Styrgruppen för Fritidsbanken", date(2019, 3, 14))


def test_attendees_grouped_by_organisation():
    text = "Rådet 1 juni 2018\n\nNärvarande:\nSocialförvaltningen: Anna Berg, Bo Ek\nBryggan: Cia Lund\n\nText.\n"
    m = meeting(text).meeting
    assert [(a.name, a.organisation) for a in m.attendees] == [
        ("Anna Berg", "Socialförvaltningen"), ("Bo Ek", "Socialförvaltningen"), ("Cia Lund", "Bryggan"),
    ]  # fmt: skip


def test_a_role_after_a_colon_does_not_end_the_list():
    text = "Rådet 1 juni 2018\n\nNärvarande:\nEva Lund: ordförande\nBo Ek\n\nText.\n"
    assert [a.name for a in meeting(text).meeting.attendees] == ["Eva Lund", "Bo Ek"]
