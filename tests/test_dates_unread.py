"""unread_date_phrases: what looks like a date but is read by no rule, for a warning."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from actiontrack.dates import unread_date_phrases

BASE = date(2026, 12, 2)


@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        # what a rule matches but cannot resolve
        ("Offerten kommer senast 31/13.", ["senast 31/13"]),
        ("Redovisningen 32 mars flyttas.", ["32 mars"]),
        ("Leveransen är planerad till v. 60.", ["till v. 60"]),
        ("Besiktning vecka 54.", ["vecka 54"]),
        ("Enkäten stänger senast den 32.", ["senast den 32"]),
        ("Slutrapport senast 2027-02-30.", ["senast 2027-02-30"]),
        ("Vi träffas fredag den 4 mars.", ["fredag den 4 mars"]),  # 4 March 2027 is a Thursday
        # after a deadline word, something date-shaped that no rule reads
        ("Ingrid skickar underlaget senast 15.3.", ["senast 15.3"]),
        ("Senast 2027/03/15 ska avtalet vara påskrivet.", ["Senast 2027/03/15"]),
        ("Deadline 15:e för alla bidrag.", ["Deadline 15:e"]),
        ("Klart till 3 mrs enligt Göran.", ["Klart till 3 mrs"]),
        ("Ansökan ska vara inne senast 3 febuari.", ["senast 3 febuari"]),
        ("Svar senast 15 okotber.", ["senast 15 okotber"]),
        ("Svar senast 15 okt.", []),  # read: an abbreviation
        ("Bygget ska vara klart före 2028.", ["före 2028"]),
        ("Två datum: senast 15.3 och 32 mars.", ["senast 15.3", "32 mars"]),
        ("Utskicket görs 2027/13/01.", ["2027/13/01"]),
    ],
)
def test_unread_phrases(text, phrases):
    assert unread_date_phrases(text, base=BASE) == phrases


@pytest.mark.parametrize(
    "text",
    [
        # dates the rules read
        "Rapporten lämnas senast 15 mars.",
        "Klart till fredag.",
        "Senast 2027-03-15 ska det vara gjort.",
        "Vi ses 18.11.2027 igen.",
        "Svar till den 13:e.",
        "Fakturan betalas i slutet av månaden.",
        "Inventering vecka 53.",  # 2026 has 53 weeks
        "Projektet börjar efter årsskiftet.",
        # ordinary numbers
        "Vi behöver 3 personer till mässan.",
        "Mötet börjar kl. 13.",
        "Vi håller på till 13.30.",
        "Senast 13.00 i dag.",
        "Se § 4 i stadgarna.",
        "Se § 4.2.16 i avtalet.",
        "Köp in 2 st projektorer.",
        "Det kostar 500 kr.",
        "Avgiften höjs till 1 500 kronor.",
        "Summan höjs till 10.000 kr.",
        "Ring Birgitta på 070-123 45 67.",
        "Växeln nås på 08-12 34 56.",
        "Uppgradera till 4.1 så snart det går.",
        "Version 2.10.12 installeras.",
        "Skicka före 18 om det går.",
        "Antalet ökade till 2025 deltagare.",
        "Kostnaden ökade till 2025.",
        "Vi räknar till 15.",
        "Gruppen växer från 2-3 personer till 3-4 personer.",
        "Det gäller 3 av 4 medlemmar.",
        "Ordet gick till Maja och sedan till 5 man.",
        "",
    ],
)
def test_not_unread(text):
    assert unread_date_phrases(text, base=BASE) == []


def test_without_a_base_no_weekday_is_wrong():
    assert unread_date_phrases("Vi träffas fredag den 4 mars.") == []
    assert unread_date_phrases("Vi träffas fredag den 4 mars.", base=BASE) == ["fredag den 4 mars"]
    assert unread_date_phrases("Vi träffas måndag den 4 mars 2027.") == [
        "måndag den 4 mars 2027"
    ]  # a Thursday


SENTENCE_BITS = [
    "senast",
    "till",
    "före",
    "deadline",
    "klart",
    "den",
    "v.",
    "vecka",
    "mars",
    "febuari",
    "fredag",
    "kl.",
    "§",
    "kr",
    "st",
    "personer",
    "15",
    "32",
    "13",
    "2027",
    "3:e",
    "-",
    ".",
    "/",
    ",",
    " ",
    ":",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(SENTENCE_BITS) | st.text(alphabet="0123456789 -./:e", max_size=8), max_size=14),
    st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)) | st.none(),
)
def test_any_sentence_gives_phrases_of_it(bits, base):
    text = "".join(bits)
    for phrase in unread_date_phrases(text, base=base):
        assert phrase and phrase in text
