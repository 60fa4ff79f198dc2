import calendar
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from actiontrack.dates import easter, find_dates, first_due, format_swedish, parse_date
from actiontrack.errors import DateError

MON = date(2019, 3, 4)  # a Monday
SAT = date(2019, 3, 9)


@pytest.mark.parametrize(
    ("expr", "base", "expected"),
    [
        # day and month: the next such date on or after the base
        ("4 mars", MON, "2019-03-04"),
        ("4 Mars", MON, "2019-03-04"),
        ("22 DECEMBER 2019", MON, "2019-12-22"),
        ("I mitten av Juni", MON, "2019-06-15"),
        ("Sista April", MON, "2019-04-30"),
        ("Före Jul", MON, "2019-12-24"),
        ("Fredag 8 Mars", MON, "2019-03-08"),
        ("3 mars", MON, "2020-03-03"),
        ("den 1 april", MON, "2019-04-01"),
        ("1:a april", MON, "2019-04-01"),
        ("den 21:a maj klockan 13.30", MON, "2019-05-21"),
        ("eftermiddagen den 8 mars", MON, "2019-03-08"),
        ("12-13 september", MON, "2019-09-12"),
        ("12 och 13 september", MON, "2019-09-12"),
        ("5 jan", MON, "2020-01-05"),
        ("5 jan 2021", MON, "2021-01-05"),
        ("fredag 8 mars", MON, "2019-03-08"),
        ("torsdag den 7 mars 2019", MON, "2019-03-07"),
        ("2019-06-30", MON, "2019-06-30"),
        ("8/4", MON, "2019-04-08"),
        ("8/4-2020", MON, "2020-04-08"),
        ("8/4 2020", MON, "2020-04-08"),
        # months and parts of months
        ("i april", MON, "2019-04-30"),
        ("i mars", MON, "2019-03-31"),
        ("i februari", MON, "2020-02-29"),
        ("i början av maj", MON, "2019-05-10"),
        ("i mitten av juni", MON, "2019-06-15"),
        ("i mitten på juni", MON, "2019-06-15"),
        ("i slutet av augusti", MON, "2019-08-31"),
        ("under oktober", MON, "2019-10-31"),
        ("sista april", MON, "2019-04-30"),
        ("mitten av maj", MON, "2019-05-15"),
        ("början av juni", MON, "2019-06-10"),
        ("slutet av maj", MON, "2019-05-31"),
        ("i början av nästa månad", MON, "2019-04-10"),
        ("i slutet av veckan", MON, "2019-03-08"),
        ("vecka 14-15", MON, "2019-04-05"),
        ("juni", MON, "2019-06-30"),
        # relative days and weeks
        ("idag", MON, "2019-03-04"),
        ("i dag", MON, "2019-03-04"),
        ("i morgon", MON, "2019-03-05"),
        ("i övermorgon", MON, "2019-03-06"),
        ("om 10 dagar", MON, "2019-03-14"),
        ("om en vecka", MON, "2019-03-11"),
        ("inom tre veckor", MON, "2019-03-25"),
        ("om två månader", MON, "2019-05-04"),
        ("om ett år", MON, "2020-03-04"),
        ("onsdag", MON, "2019-03-06"),
        ("måndag", MON, "2019-03-11"),
        ("senast torsdag", MON, "2019-03-07"),
        ("till tisdag", MON, "2019-03-05"),
        ("på fredag", MON, "2019-03-08"),
        ("nästa onsdag", MON, "2019-03-13"),
        ("nästa måndag", SAT, "2019-03-11"),
        ("onsdag nästa vecka", MON, "2019-03-13"),
        ("nästa vecka", MON, "2019-03-15"),
        ("nästa vecka", SAT, "2019-03-15"),
        ("i veckan", MON, "2019-03-08"),
        ("denna vecka", MON, "2019-03-08"),
        ("nästa månad", MON, "2019-04-30"),
        # ISO weeks: Friday of the week; a week already past is next year's
        ("vecka 11", MON, "2019-03-15"),
        ("v. 20", MON, "2019-05-17"),
        ("v 2", MON, "2020-01-10"),
        ("vecka 1 2020", MON, "2020-01-03"),
        ("senast vecka 15", MON, "2019-04-12"),
        # holidays
        ("före jul", MON, "2019-12-24"),
        ("innan julafton", MON, "2019-12-24"),
        ("före påsk", MON, "2019-04-21"),
        ("till långfredagen", MON, "2019-04-19"),
        ("innan midsommar", MON, "2019-06-21"),
        ("före sommaren", MON, "2019-06-21"),
        ("till valborg", MON, "2019-04-30"),
        ("till nationaldagen", MON, "2019-06-06"),
        ("kristi himmelsfärd", MON, "2019-05-30"),
        ("pingst", MON, "2019-06-09"),
        ("allhelgona", MON, "2019-11-02"),
        ("lucia", MON, "2019-12-13"),
        ("före nyår", MON, "2019-12-31"),
        ("trettondagen", MON, "2020-01-06"),
        ("vid årets slut", MON, "2019-12-31"),
        ("till årsskiftet", MON, "2019-12-31"),
        ("i slutet av året", MON, "2019-12-31"),
    ],
)
def test_parse_date(expr, base, expected):
    assert parse_date(expr, base).isoformat() == expected


def test_next_meeting_resolves_only_when_known():
    assert parse_date("till nästa möte", MON, next_meeting=date(2019, 4, 1)) == date(2019, 4, 1)
    with pytest.raises(DateError, match="next meeting"):
        parse_date("till nästa möte", MON)


@pytest.mark.parametrize(
    ("expr", "message"),
    [
        ("den 31 februari", "has no day 31"),
        ("30 februari 2019", "has no day 30"),
        ("29/2 2019", "has no day 29"),
        ("vecka 54", "at most 53 weeks"),
        ("vecka 53 2019", "weeks 1 to 52"),
        ("måndag 5 mars 2019", "is a Tuesday, not a Monday"),
        ("fredag den 4 mars", "not a Friday"),
        ("13/13", "no month 13"),
        ("snart", "not a date"),
        ("", "empty"),
        ("   ", "empty"),
    ],
)
def test_parse_date_errors(expr, message):
    with pytest.raises(DateError, match=message):
        parse_date(expr, MON)


def test_easter_known_years():
    assert [easter(y).isoformat() for y in (2016, 2019, 2024, 2025)] == [
        "2016-03-27",
        "2019-04-21",
        "2024-03-31",
        "2025-04-20",
    ]


def test_find_dates_in_a_sentence():
    text = "Leif bokar lokalen till fredag och skickar inbjudan senast den 20 mars kl. 12."
    found = find_dates(text, MON)
    assert [(m.text, m.date.isoformat()) for m in found] == [
        ("fredag", "2019-03-08"),
        ("20 mars", "2019-03-20"),
    ]


def test_find_dates_keeps_weekday_and_missing_year_for_year_inference():
    (m,) = find_dates("På tisdag den 12 mars ses vi", MON)
    assert (m.weekday, m.day, m.month, m.year) == (1, 12, 3, None)


def test_find_dates_skips_dates_things_happen_after():
    assert find_dates("Projektet drar igång efter årsskiftet.", MON) == []
    assert first_due("Arbetet pågår sedan i mars.", MON) is None


@pytest.mark.parametrize(
    "text",
    [
        "Vi går igenom anteckningarna från den 14 februari.",  # where a thing comes from
        "Kim ringer leverantören efter den 5 maj.",  # after: no deadline, and "maj" no other date
        "De nya öppettiderna gäller från och med den 2 september.",
        "Hyran höjs från 1 juli.",
    ],
)
def test_a_date_after_fran_efter_or_sedan_is_no_deadline(text):
    assert find_dates(text, MON) == []
    assert first_due(text, MON) is None


def test_a_date_from_to_a_deadline_keeps_the_deadline():
    assert first_due("Utställningen visas från den 3 juni till och med den 20 juni.", MON) == date(
        2019, 6, 20
    )


def test_find_dates_skips_impossible_dates_in_running_text():
    assert find_dates("Mötet den 31 april ställs in.", MON) == []


def test_how_often_is_no_deadline():
    assert [m.text for m in find_dates("Vi ses en gång i veckan fram till mars.", MON)] == ["till mars"]


@pytest.mark.parametrize(
    "text", ["Maj-Lis ringer hyresvärden.", "Vi frågar Ann-Maj om nycklarna.", "Maj Holmberg bokar bussen."]
)
def test_a_month_in_a_persons_name_is_no_date(text):
    assert find_dates(text, date(2024, 2, 3)) == []


@pytest.mark.parametrize(
    "text, month",
    [
        ("Klart i Maj.", 5),
        ("Boka buss till maj-juni.", 5),
        ("Maj: inventering av förrådet", 5),
        ("Senast Juni 2024.", 6),
    ],
)
def test_a_month_alone_is_still_the_month(text, month):
    assert find_dates(text, date(2024, 2, 3))[0].date.month == month


def test_find_dates_does_not_read_christmas_as_july():
    (m,) = find_dates("Vi ses före jul.", MON)
    assert m.date == date(2019, 12, 24)


def test_first_due_ignores_past_dates():
    assert first_due("Rapporten från 1 januari 2019 ska skickas ut i april.", MON) == date(2019, 4, 30)


def test_format_swedish():
    assert format_swedish(date(2016, 2, 22)) == "22 februari 2016"


# --- 29 February: the next one, however far away it is ------------------------------------------

LEAP_DAY_EXPRESSIONS = ["29 februari", "den 29 februari", "senast 29 februari", "29/2", "29 feb"]


@pytest.mark.parametrize("expr", LEAP_DAY_EXPRESSIONS)
@pytest.mark.parametrize(
    ("base", "expected"),
    [
        (date(2026, 12, 2), date(2028, 2, 29)),  # more than a year away
        (date(2028, 2, 29), date(2028, 2, 29)),  # the day itself
        (date(2028, 3, 1), date(2032, 2, 29)),
        (date(2096, 3, 1), date(2104, 2, 29)),  # 2100 is no leap year
    ],
)
def test_leap_day_is_the_next_29_february(expr, base, expected):
    assert parse_date(expr, base) == expected


def test_leap_day_in_a_sentence_and_as_a_deadline():
    base = date(2026, 12, 2)
    text = "Sofia lämnar in ansökan senast 29 februari."
    (m,) = find_dates(text, base)
    assert (m.text, m.date) == ("29 februari", date(2028, 2, 29))
    assert first_due(text, base) == date(2028, 2, 29)


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2200, 12, 31)))
def test_29_februari_resolves_from_any_base(base):
    d = parse_date("29 februari", base)
    assert (d.month, d.day) == (2, 29)
    assert base <= d < base + timedelta(days=8 * 366 + 1)
    assert not any(calendar.isleap(y) and date(y, 2, 29) >= base for y in range(base.year, d.year)), (
        "an earlier 29 February was skipped"
    )
    assert [m.date for m in find_dates("Klart den 29 februari.", base)] == [d]


@pytest.mark.parametrize(
    ("expr", "message"),
    [
        ("30 februari", "februari has no day 30"),
        ("senast 30 februari", "februari has no day 30"),
        ("31 april", "april has no day 31"),
        ("31/4", "april has no day 31"),
        ("29 februari 2027", "februari 2027 has no day 29"),
    ],
)
def test_impossible_dates_are_one_sentence(expr, message):
    with pytest.raises(DateError, match=message) as info:
        parse_date(expr, date(2026, 12, 2))
    assert "\n" not in str(info.value) and str(info.value).endswith(".")


@pytest.mark.parametrize(
    "text", ["Mötet flyttas till 30 februari.", "Rapport senast 31 april.", "Klart 31/4."]
)
def test_impossible_dates_are_skipped_in_running_text(text):
    assert find_dates(text, date(2026, 12, 2)) == []
    assert first_due(text, date(2026, 12, 2)) is None


# --- more forms: the month we are in, a day alone, numeric and abbreviated dates -----------------

WED = date(2026, 12, 2)  # a Wednesday
LAST = date(2026, 12, 31)


@pytest.mark.parametrize(
    ("expr", "base", "expected"),
    [
        ("i slutet av månaden", WED, "2026-12-31"),
        ("i slutet av månaden", LAST, "2026-12-31"),  # the last day itself
        ("slutet av månaden", date(2027, 2, 3), "2027-02-28"),
        ("senast i slutet av månaden", WED, "2026-12-31"),
        ("till månadsskiftet", WED, "2026-12-31"),
        ("i början av månaden", WED, "2026-12-10"),
        ("i början av månaden", date(2026, 12, 10), "2026-12-10"),
        ("i början av månaden", date(2026, 12, 11), "2027-01-10"),
        ("i mitten av månaden", WED, "2026-12-15"),
        ("i mitten av månaden", date(2026, 12, 16), "2027-01-15"),
        ("den 13:e", WED, "2026-12-13"),
        ("den 13", WED, "2026-12-13"),
        ("den 2", WED, "2026-12-02"),
        ("den 1:a", WED, "2027-01-01"),
        ("senast den 5:e", WED, "2026-12-05"),
        ("den 31", date(2027, 2, 1), "2027-03-31"),
        ("den 30", date(2027, 2, 1), "2027-03-30"),
        ("den 13 nästa månad", WED, "2027-01-13"),
        ("senast 2025-03-15", WED, "2025-03-15"),
        ("senast 15 mars 2025", WED, "2025-03-15"),
        ("18.11.2026", WED, "2026-11-18"),
        ("18.11.26", WED, "2026-11-18"),
        ("3.4.27", WED, "2027-04-03"),
        ("senast 18.11.2026 kl. 12.00", WED, "2026-11-18"),
        ("18 nov 2026", WED, "2026-11-18"),
        ("18 nov.", WED, "2027-11-18"),
        ("18 nov", WED, "2027-11-18"),
        ("4 dec.", WED, "2026-12-04"),
        ("3 sept. 2027", WED, "2027-09-03"),
        ("20201210", WED, "2020-12-10"),
        ("19991231", WED, "1999-12-31"),
        ("18/11 2026", WED, "2026-11-18"),
        ("18/11-2026", WED, "2026-11-18"),
        ("onsdagen den 31/5", date(2023, 1, 10), "2023-05-31"),
        ("onsdag 31/5", date(2023, 1, 10), "2023-05-31"),
    ],
)
def test_parse_more_forms(expr, base, expected):
    assert parse_date(expr, base).isoformat() == expected


@pytest.mark.parametrize(
    ("expr", "message"),
    [
        ("den 32", "no month has a day 32"),
        ("den 31 nästa månad", "februari 2027 has no day 31"),  # said in January
        ("20201310", "not a date"),
        ("31.04.2026", "april 2026 has no day 31"),
        ("onsdagen den 31/5", "not a Wednesday"),  # 31 May 2027 is a Monday
    ],
)
def test_parse_more_forms_errors(expr, message):
    base = date(2027, 1, 5) if "nästa månad" in expr else WED
    with pytest.raises(DateError, match=message):
        parse_date(expr, base)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Kassören betalar fakturan i slutet av månaden.",
            [("i slutet av månaden", "2026-12-31", "this-month")],
        ),
        ("Rapporten ska vara klar den 13:e.", [("den 13:e", "2026-12-13", "day-of-month")]),
        ("Senast den 15 skickar Nils ut kallelsen.", [("den 15", "2026-12-15", "day-of-month")]),
        ("Vi ses den 12 och 13 mars.", [("12 och 13 mars", "2027-03-12", "day-month")]),
        ("Beslut fattades 18.11.2026 om budgeten.", [("18.11.2026", "2026-11-18", "numeric")]),
        ("Inlämning 20270115 enligt plan.", [("20270115", "2027-01-15", "iso")]),
        ("Leveransen kommer 18 nov. till kontoret.", [("18 nov.", "2027-11-18", "day-month")]),
        # numbers that are no dates
        ("Dragningen den 3 timmar lång.", []),
        ("För den 2:a gången tas frågan upp.", []),
        ("Se den 3:e punkten i listan.", []),
        ("Avgiften dras den 25 i månaden.", []),
        ("Version 2.10.12 installeras.", []),
        ("Tel. 08.12.34 till växeln.", []),
        ("Nummer 20201310 är fel.", []),
        ("Summan 20201210 kr betalas.", []),
        ("Personnummer 19850312-1234 lämnas inte ut.", []),
        ("Mötet pågår 13.30-15.00.", []),
        # the end of a longer number is no day
        ("Punkt 15.3 och 4 mars.", [("4 mars", "2027-03-04", "day-month")]),
        ("Utskick 2027/13/01.", []),
    ],
)
def test_find_more_forms(text, found):
    got = [(m.text, m.date.isoformat(), m.rule) for m in find_dates(text, WED) if m.date]
    assert got == [(t, d, r) for t, d, r in found]


@pytest.mark.parametrize(
    ("text", "year"), [("Klart 18.11.27.", 2027), ("Klart 8/4-27.", 2027), ("Klart 8/4.", None)]
)
def test_two_digit_years_are_reported_in_full(text, year):
    (m,) = find_dates(text, WED)
    assert m.year == year
