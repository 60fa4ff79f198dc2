"""Dates in meeting headers: find_meeting_dates and pick_reading."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from actiontrack.dates import MeetingDate, find_meeting_dates, pick_reading
from actiontrack.records import FrozenInstanceError

D = date.fromisoformat


@pytest.mark.parametrize(
    ("text", "written", "readings", "day", "month", "year"),
    [
        # full dates: one reading
        ("Arbetsgruppen 2027-02-09", "2027-02-09", ["2027-02-09"], 9, 2, 2027),
        ("Datum: 2027-2-9", "2027-2-9", ["2027-02-09"], 9, 2, 2027),
        ("Möte 2027.02.09", "2027.02.09", ["2027-02-09"], 9, 2, 2027),
        ("Referensgruppen 20270209", "20270209", ["2027-02-09"], 9, 2, 2027),
        ("Protokoll 9.2.2027", "9.2.2027", ["2027-02-09"], 9, 2, 2027),
        ("Protokoll 09.02.2027", "09.02.2027", ["2027-02-09"], 9, 2, 2027),
        ("Träff 9/2 2027", "9/2 2027", ["2027-02-09"], 9, 2, 2027),
        ("Träff 9/2-2027", "9/2-2027", ["2027-02-09"], 9, 2, 2027),
        ("Träff 9/2/2027", "9/2/2027", ["2027-02-09"], 9, 2, 2027),
        ("Träff 9/2-27", "9/2-27", ["2027-02-09"], 9, 2, 2027),
        ("Samrådet 9 feb 2027", "9 feb 2027", ["2027-02-09"], 9, 2, 2027),
        ("Samrådet 9 feb. 2027", "9 feb. 2027", ["2027-02-09"], 9, 2, 2027),
        ("Samrådet den 9 februari 2027", "den 9 februari 2027", ["2027-02-09"], 9, 2, 2027),
        ("Samrådet den 9:e februari 2027", "den 9:e februari 2027", ["2027-02-09"], 9, 2, 2027),
        ("Board meeting 9 February 2027", "9 February 2027", ["2027-02-09"], 9, 2, 2027),
        ("Styrelsemöte 9th May, 2027", "9th May, 2027", ["2027-05-09"], 9, 5, 2027),
        ("Styrelsemöte 9 oktober", "9 oktober", [], 9, 10, None),
        # two-digit years: every valid reading, yymmdd first
        ("Styrgruppen 270209", "270209", ["2027-02-09", "2009-02-27"], None, 2, None),
        ("Styrgruppen 090227", "090227", ["2009-02-27", "2027-02-09"], None, 2, None),
        ("Styrgruppen 27-02-09", "27-02-09", ["2027-02-09", "2009-02-27"], None, 2, None),
        ("Styrgruppen 27.02.09", "27.02.09", ["2027-02-09", "2009-02-27"], None, 2, None),
        ("Datum: 27 02 09", "27 02 09", ["2027-02-09", "2009-02-27"], None, 2, None),
        ("Styrgruppen 22-02-22", "22-02-22", ["2022-02-22"], 22, 2, 2022),  # both ways the same day
        ("Styrgruppen 31-12-40", "31-12-40", ["2040-12-31"], 31, 12, 2040),  # yymmdd has no day 40
        ("Styrgruppen 40-12-31", "40-12-31", ["2040-12-31"], 31, 12, 2040),  # ddmmyy has no day 40
        ("Styrgruppen 981224", "981224", ["1998-12-24"], 24, 12, 1998),
        ("Styrgruppen 9.2.27", "9.2.27", ["2027-02-09"], 9, 2, 2027),  # one-digit day: day first only
        # day and month without a year: no readings, the caller infers the year
        ("Planeringsdag 9 februari", "9 februari", [], 9, 2, None),
        ("Planeringsdag 29 februari", "29 februari", [], 29, 2, None),
        ("Planeringsdag den 9/2", "den 9/2", [], 9, 2, None),
        # a meeting over two days: its first day
        ("Arbetsmöte 14-15 oktober 2027", "14-15 oktober 2027", ["2027-10-14"], 14, 10, 2027),
        ("Internat 14–15/10 2027", "14–15/10 2027", ["2027-10-14"], 14, 10, 2027),
        ("Internat 14-15/10", "14-15/10", [], 14, 10, None),
        # a weekday with a day whose month was lost ("onsdagen den 6/" in PDF text)
        ("Styrelsemöte onsdagen den 6/ kl. 18", "onsdagen den 6/ kl. 18", [], 6, None, None),
    ],
)
def test_forms(text, written, readings, day, month, year):
    (m,) = find_meeting_dates(text)
    assert m.text == written == text[m.start : m.end]
    assert [r.isoformat() for r in m.readings] == readings
    assert (m.day, m.month, m.year) == (day, month, year)


@pytest.mark.parametrize(
    ("text", "written", "weekday"),
    [
        ("Tisdagen den 9 februari 2027", "Tisdagen den 9 februari 2027", 1),
        ("Möte tisdag 9 februari 2027", "tisdag 9 februari 2027", 1),
        ("Möte tisdag, 2027-02-09", "tisdag, 2027-02-09", 1),
        ("Lördagen den 27/2", "Lördagen den 27/2", 5),
        ("Möte 2027-02-09 (tisdag)", "2027-02-09 (tisdag)", 1),
        ("Möte 2027-02-09", "2027-02-09", None),
    ],
)
def test_weekday_written_next_to_the_date(text, written, weekday):
    (m,) = find_meeting_dates(text)
    assert (m.text, m.weekday) == (written, weekday)


@pytest.mark.parametrize(
    ("text", "written", "start", "end"),
    [
        ("Nämnden 2027-02-09, kl. 13.00–15.00", "2027-02-09, kl. 13.00–15.00", "13:00", "15:00"),
        ("Nämnden 2027-02-09 kl. 13.00-15.30", "2027-02-09 kl. 13.00-15.30", "13:00", "15:30"),
        ("Nämnden 2027-02-09 kl 9", "2027-02-09 kl 9", "09:00", None),
        ("Nämnden 9 februari 17:15", "9 februari 17:15", "17:15", None),
        ("Nämnden 9 februari 2027 13-15", "9 februari 2027 13-15", "13:00", "15:00"),
        ("Nämnden 2027-02-09 klockan 18.30", "2027-02-09 klockan 18.30", "18:30", None),
        ("Nämnden 27-02-09, kl 8.15 - 9.45", "27-02-09, kl 8.15 - 9.45", "08:15", "09:45"),
        ("Nämnden 2027-02-09 kl. 13 till 16", "2027-02-09 kl. 13 till 16", "13:00", "16:00"),
        ("Nämnden 2027-02-09, 12 deltagare", "2027-02-09", None, None),  # a count, not an hour
        ("Nämnden 2027-02-09 1(3)", "2027-02-09", None, None),  # a page number
        ("Nämnden 2027-02-09 kl. 25", "2027-02-09", None, None),  # no such hour
    ],
)
def test_time_of_day_next_to_the_date(text, written, start, end):
    (m,) = find_meeting_dates(text)
    assert (m.text, m.time_start, m.time_end) == (written, start, end)


@pytest.mark.parametrize(
    "text",
    [
        "Dnr 2027-118",
        "Dnr KS 2027-02-09",
        "Diarienummer: 270209",
        "Tel. 070-123 45 67",
        "Telefon 08-27 02 09",
        "tel 27 02 09",
        "Mobil 27 02 09 11",
        "Sida 1(4)",
        "Version 27.02.09",
        "v1.2.27",
        "Org.nr 270209-1234",
        "Personnummer 270209-1234",
        "Kostnad 270209 kr",
        "§ 12.3.10",
        "Närvarande: 12 personer",
        "Kl. 13.00-15.00",
        "Version 2.1.3",
        "2027-13-09",
        "27-13-45",
        "31 april",
        "32/1",
        "Punkt 6",  # a number is a day only with a weekday before it
        "den 6",
        "Arbetsmöte 15-14 oktober",  # a range runs forwards
    ],
)
def test_not_dates(text):
    assert find_meeting_dates(text) == []


def test_several_dates_left_to_right():
    found = find_meeting_dates("Möte 2027-02-09 kl. 13, nästa möte 2027-03-16 kl. 9")
    assert [(m.text, m.readings) for m in found] == [
        ("2027-02-09 kl. 13", (D("2027-02-09"),)),
        ("2027-03-16 kl. 9", (D("2027-03-16"),)),
    ]


def test_meeting_date_is_frozen():
    (m,) = find_meeting_dates("2027-02-09")
    assert isinstance(m, MeetingDate)
    with pytest.raises(FrozenInstanceError):
        m.day = 3  # type: ignore[misc]


def _one(text):
    (m,) = find_meeting_dates(text)
    return m


@pytest.mark.parametrize(
    ("text", "hints", "expected"),
    [
        ("Styrgruppen 27-02-09", [], "2027-02-09"),  # no hints: the first reading
        ("Styrgruppen 27-02-09", [D("2009-01-15")], "2009-02-27"),  # nearest to the document's dates
        ("Styrgruppen 27-02-09", [D("2026-12-01"), D("2027-03-01")], "2027-02-09"),
        ("Fredag 27-02-09", [], "2009-02-27"),  # 27 February 2009 was a Friday
        ("Tisdag 27-02-09", [D("2009-01-15")], "2027-02-09"),  # the weekday wins over the hints
        ("Söndag 27-02-09", [D("2009-01-15")], "2009-02-27"),  # a weekday neither fits: the hints
        ("Möte 2027-02-09", [D("1999-01-01")], "2027-02-09"),
        ("Planeringsdag 9 februari", [D("2027-01-01")], None),  # no readings: the caller's year
    ],
)
def test_pick_reading(text, hints, expected):
    picked = pick_reading(_one(text), hints)
    assert (picked.isoformat() if picked else None) == expected


HEADER_BITS = [
    "Möte", "den", "tisdagen", "Fredag", "kl.", "klockan", "Dnr", "tel", "Sida", "version", "mars", "nov.",
    "februari", "2027", "27", "02", "09", "31", "13", "1(4)", "-", ".", "/", ",", " ", "–", "(", ")", ":",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(HEADER_BITS) | st.text(alphabet="0123456789 -./:", max_size=8), max_size=12))
def test_any_header_gives_consistent_dates(bits):
    text = "".join(bits)
    found = find_meeting_dates(text)
    for m in found:
        assert text[m.start : m.end] == m.text
        assert all(isinstance(r, date) for r in m.readings)
        assert len(set(m.readings)) == len(m.readings)
        # a date without readings has its day, and its month unless a weekday stands with it
        assert m.readings or (m.day is not None and (m.month is not None or m.weekday is not None))
        assert m.time_start is None or len(m.time_start) == 5
        assert pick_reading(m, [date(2027, 1, 1)]) in (*m.readings, None)
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))
