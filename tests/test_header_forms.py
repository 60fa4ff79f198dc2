"""The meeting's title and date when the minutes come from a web page or a PDF viewer: page
furniture above the title, fields run together in one line, the date only in a copy of the
title, a date in a sentence. Every header here is made up."""

from datetime import date

import pytest

from actiontrack.extract.fields import unfold
from actiontrack.extract.meeting import parse_meeting
from actiontrack.extract.sentences import split_lines

TODAY = date(2026, 12, 2)


def meeting(text, year=None):
    return parse_meeting(split_lines(text), year=year, today=TODAY).meeting


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # an alphabet index of a site above the minutes
        (
            "A B C D E F G H I J K L M N O P Q R S T U V W X Y Z Å Ä Ö\n\nStyrelsemöte 2026-03-04\n",
            "Styrelsemöte",
        ),
        # a skip link and a cookie notice
        (
            "Hoppa till huvudinnehåll\nVi använder kakor (cookies) för att sidan ska fungera.\n"
            "Protokoll årsmöte 2026-03-04\n",
            "Protokoll årsmöte",
        ),
        # a site's menu: short lines without a date, a document word or a name
        (
            "Om oss\nAktiviteter\nKontakt\nBli medlem\nMinnesanteckningar Brukarrådet 2026-03-04\n",
            "Minnesanteckningar Brukarrådet",
        ),
        # a month and year alone, a publication stamp, then the heading as a sentence with the date
        (
            "mars 2026\n\nPublicerad: 6 mars 2026 Skriv ut\n\n"
            "Protokoll fört vid styrelsemöte med PRO Ekbacken den 4 mars 2026.\n",
            "Protokoll fört vid styrelsemöte med PRO Ekbacken",
        ),
        # a viewer's page title that is a sentence of the text
        (
            "Ordföranden tackade alla för ett gott arbete under året.\n\nStorlek: px\n"
            'Download "Ordföranden tackade alla för ett gott arbete under året."\n\nTranskript\n\n'
            "1 PROTOKOLL 1 (4) PROTOKOLL FRÅN STYRGRUPPENS MÖTE Onsdag den 4 mars 2026, kl. 9 Stadshuset "
            "Närvarande: Anna Berg, Bo Ek 1. Mötet öppnas Ordföranden hälsade alla välkomna.\n",
            "PROTOKOLL FRÅN STYRGRUPPENS MÖTE",
        ),
        # the heading runs into the fields in one long line
        (
            "Protokoll fört vid sammanträde med styrelsen för Länsförbundet. Tid: Onsdagen den 4 mars 2026, "
            "kl 18. Närvarande: Anna Berg, ordförande, Bo Ek och Cia Lund. 1. Mötets öppnande Ordföranden "
            "hälsade alla välkomna och förklarade mötet öppnat.\n",
            "Protokoll fört vid sammanträde med styrelsen för Länsförbundet",
        ),
        # the place after the date is no part of the title
        (
            "Protokoll fört vid styrelsemöte nr 3 onsdagen den 4 mars 2026 kl. 18 i Föreningsgården\n",
            "Protokoll fört vid styrelsemöte nr 3",
        ),
        (
            "Anteckningar från nätverksträff mars 2026\n\nPlats: Folkets hus\n",
            "Anteckningar från nätverksträff",
        ),
        ("Styrelsemöte 4 (20260304)\n", "Styrelsemöte 4"),
        # a site's menu with "Protokoll" among its links
        ("Hem\nOm oss\nKalender\nProtokoll\nKontakt\nStyrelsemöte 2026-03-04\n", "Styrelsemöte"),
        # a letterhead of short lines is no menu
        ("Brukarrådet\nProtokoll\nSocialförvaltningen\nKontaktcenter\n2026-03-04\n", "Brukarrådet"),
        (
            "Annons\nKöp biljetter till vårens konserter här!\nProtokoll styrelsemöte 2026-03-04\n",
            "Protokoll styrelsemöte",
        ),
        ("Sida 1 av 3\nKALLELSE/PROTOKOLL\nStyrgruppen 2026-03-04\n", "Styrgruppen"),
        (
            "Protokoll nr 7/2026\nStyrelsen för Hyresgästföreningen Eken\n2026-03-04\n",
            "Styrelsen för Hyresgästföreningen Eken",
        ),
    ],
)
def test_the_title_past_the_page_furniture(text, title):
    assert meeting(text).title == title


def test_a_label_above_its_value():
    m = meeting("Plats och tid\nStadshuset, 2026-03-04 kl. 13\n\nNärvarande: Anna Berg\n")
    assert (m.title, m.date, m.time_start) == (None, date(2026, 3, 4), "13:00")
    m = meeting("Pensionärsrådet\nDatum\n2026-03-04\nTid\n13.00-15.00\n")
    assert (m.title, m.date, m.time_start, m.time_end) == (
        "Pensionärsrådet",
        date(2026, 3, 4),
        "13:00",
        "15:00",
    )


def test_a_sentence_is_no_title_and_another_meeting_is_not_this_one():
    m = meeting("Ordföranden hälsar alla välkomna och öppnar sammanträdet.\n\nVal av justerare\n")
    assert m.title is None
    m = meeting("Referensgruppen 2026-03-04\n\nNästa möte hålls den 8 april 2026 kl. 13.\n")
    assert (m.title, m.date) == ("Referensgruppen", date(2026, 3, 4))


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Pensionärsrådet\nPlats och tid: Stadshuset, 2026-03-04 kl. 13\n", date(2026, 3, 4)),
        ("Pensionärsrådet\nDag och tid: Onsdag den 4 mars 2026 kl 13-15\n", date(2026, 3, 4)),
        # a meeting over two days: its first day
        ("Internat för arbetsgruppen 4-5 mars 2026\n", date(2026, 3, 4)),
        ("Internat för arbetsgruppen 4-5/3 2026\n", date(2026, 3, 4)),
        # yymmdd and yy-mm-dd, read near the other dates of the text
        ("Minnesanteckningar brukarråd 260304\n\nSvar senast 2026-04-01.\n", date(2026, 3, 4)),
        ("Styrelsemöte 26-03-04\n\nBudgeten för 2026 gicks igenom.\n", date(2026, 3, 4)),
        # a weekday that does not fit one reading picks the other
        ("Styrelsemöte onsdag 26-03-04\n", date(2026, 3, 4)),
        # the date only in the viewer's copy of the title, whose month the heading agrees with
        (
            'Anteckningar arbetsgruppen mars 2026\n\nDownload "Anteckningar arbetsgruppen 4-5 mars 2026"\n\n'
            "Plats: Folkets hus\n",
            date(2026, 3, 4),
        ),
        # the date in a sentence about the meeting, the year in the title
        (
            "Protokoll från årsmötet 2026\n\nHär är protokollet från årsmötet 4/3 då föreningen valde ny styrelse.\n",
            date(2026, 3, 4),
        ),
        # in a run-on line of PDF text
        (
            "Sammanträdesprotokoll Styrelsen\n\n1 Tid: Onsdagen den 4 mars 2026, Plats: Föreningsgården "
            "Beslutande: Anna Berg, Bo Ek 1. Mötets öppnande Ordföranden hälsade alla välkomna och "
            "förklarade mötet öppnat efter en kort presentation av alla närvarande.\n",
            date(2026, 3, 4),
        ),
    ],
)
def test_the_date_weighed_among_the_first_lines(text, day):
    assert meeting(text).date == day


def test_a_day_whose_month_was_lost_takes_it_from_a_later_day_with_its_weekday():
    # Wednesday the 4th, and the minutes are signed on Monday 9/3: March
    text = (
        "Protokoll fört vid styrelsemöte onsdagen den 4/ kl. 18\n\nProtokollet justeras måndagen den 9/3.\n"
    )
    m = meeting(text)
    assert (m.date or date(1, *m.partial_date)).strftime("%m-%d") == "03-04"
    assert m.date is None or m.date.weekday() == 2


def test_a_year_inferred_from_the_other_dates_prefers_the_one_before_them():
    # minutes mostly name the months ahead: 10 November before "våren 2027" is 2026
    m = meeting("Brukarrådsmöte\n\nPå mötet den 10/11 planerade vi träffarna fram till våren 2027.\n")
    assert m.date == date(2026, 11, 10)


def test_unfold_cuts_a_run_on_line_before_its_labels():
    text = (
        "1 Protokoll Tid: Onsdagen den 4 mars 2026 Plats: Stadshuset Beslutande Anna Berg, ordförande "
        "Bo Ek Övriga deltagande Cia Lund, sekreterare Utses att justera Bo Ek 1. Mötets öppnande "
        "Ordföranden hälsade alla välkomna."
    )
    view = unfold(split_lines(text))
    assert [ln.text for ln in view.lines] == [
        "1 Protokoll",
        "Tid: Onsdagen den 4 mars 2026",
        "Plats: Stadshuset",
        "Beslutande: Anna Berg, ordförande Bo Ek",
        "Övriga deltagande: Cia Lund, sekreterare",
        "Utses att justera: Bo Ek 1. Mötets öppnande Ordföranden hälsade alla välkomna.",
    ]
    assert view.cut == {1}


def test_unfold_gives_the_people_to_a_label_printed_above_its_value():
    text = (
        "1 Tid: Onsdagen den 4 mars 2026 Plats: Beslutande: Utses att justera: Stadshuset, Storgatan 1. "
        "Anna Berg (ordförande), Bo Ek, Cia Lund (sekreterare). Bo Ek Paragraferna 1-12 och vidare text."
    )
    lines = {ln.text.split(":")[0]: ln.text for ln in unfold(split_lines(text)).lines}
    assert lines["Beslutande"] == "Beslutande: Anna Berg (ordförande), Bo Ek, Cia Lund (sekreterare)"


def test_unfold_leaves_ordinary_lines_alone():
    lines = split_lines("Datum: 2026-03-04\nNärvarande: Anna Berg, Bo Ek\nVi ska boka lokal. Tid: kväll.\n")
    view = unfold(lines)
    assert [ln.text for ln in view.lines] == [ln.text for ln in lines] and not view.cut


@pytest.mark.parametrize(
    ("text", "next_meeting"),
    [
        ("Nästa möte: 6 april\n", date(2030, 4, 6)),
        ("Nästa sammanträde hålls den 7 april 2030 kl. 13.00–15.00.\n", date(2030, 4, 7)),
        ("Datum för nästa möte: lördag 6 april kl 18\n", date(2030, 4, 6)),
        ("Nästa möte: 6 februari\n", date(2031, 2, 6)),  # after the meeting: the next year
        ("Kommande möten: 6 april, 4 maj och 8 juni.\n", date(2030, 4, 6)),
        ("Möten inför våren är först 6 april och sedan 4 maj.\n", date(2030, 4, 6)),
        # another meeting of the same kind named with its date
        (
            "Bo kan inte vara sekreterare vid styrelsemötet den 6/4. Årsmötet den 10/3 hålls i Folkets hus.\n",
            date(2030, 4, 6),
        ),
        ("Styrelsemötet den 1/2 godkände budgeten.\n", None),  # before this meeting: not the next
    ],
)
def test_the_next_meeting_after_this_one(text, next_meeting):
    assert meeting("Protokoll fört vid styrelsemöte 2030-03-02\n\n" + text).next_meeting == next_meeting


def test_the_next_meeting_in_a_running_log_of_meetings():
    m = meeting("## Möte 2 mars 2030\n\n- Bo bokar lokal\n\n## Möte 9 mars 2030\n\n- Lokalen är bokad\n")
    assert (m.date, m.next_meeting) == (date(2030, 3, 2), date(2030, 3, 9))
