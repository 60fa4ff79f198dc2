"""The short cuts of extraction change no answer: each is checked against the slow way it replaces."""

import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from actiontrack import dates
from actiontrack.extract import fields, furniture, participants, people_lists, secretary, title
from actiontrack.extract.guard import Guarded
from actiontrack.extract.owners import DocumentRoster
from actiontrack.extract.sentences import split_lines
from actiontrack.models import Person
from actiontrack.people import Roster

ROOT = Path(__file__).resolve().parent.parent
BASE = date(2026, 3, 2)

# Sentences of our own with every kind of date the rules read, in odd cases and spellings.
OWN = [
    "Eva bokar lokalen till 2026-04-12, Bo tar fram en budget 20260501.",
    "Kallelsen skickas senast fredag den 13 MARS; svar till 18.3.26 eller 18/3 2026.",
    "Sista Maj lämnar vi rapporten, i början av juni kommer den ut.",
    "İ DAG och i morgon ringer Kim runt; om två veckor ses vi, inom tre månader är det klart.",
    "Nästa vecka, i slutet av veckan och vecka 12 passar; v.14 går också.",
    "I slutet av månaden, före månadsskiftet eller vid månadens slut, den 13:e.",
    "TORSDAG, nästa fredag, måndag i nästa vecka.",
    "Vid årets slut, efter årsskiftet, i slutet av året, före sommaren, innan semestern.",
    "Före jul, till påsk, midsommarafton, kristi himmelsfärd, trettonhelgen och Lucia.",
    "Till nästa möte tar Bo fram underlaget, kommande sammanträde likaså.",
    "Detta gäller ſeptember och KELVIN-fredag, med ı och İ.",
    "Vi ses efter den 3 april.",
    # one for each branch of the guarded cue patterns
    "Frågan bordläggs, ärendet återremitteras och punkten skjuts upp till hösten.",
    "Beslutet flyttas fram till mars; det tas upp igen i vår.",
    "Vi återkommer till detta vid nästa möte, resten får vänta till kommande möte.",
    "Vi fortsätter diskussionen på nästa möte; den diskuteras vid ett senare tillfälle.",
    "Eva ska ringa, Bo kommer att skicka, Lena tänker boka och Kim lovar att fixa.",
    "Per åtar sig att skriva, Ulla har åtagit sig att läsa och vi kommer skicka ut den.",
    "Eva får i uppdrag att boka; styrelsen ger Bo i uppdrag att ringa.",
    "Gruppen uppdrar åt Kim att svara och delegerar till Lena att skriva.",
    "Kallelsen kommer i mars.",
    "Vi beslutar att boka, gruppen enades om att ringa, vi kom överens om att skriva.",
    "Alla uppmanas att läsa, medlemmarna ombeds att svara.",
    "Kim håller i detta, Bo ansvarar för det och Eva tar hand om det.",
    "Lena är sammankallande, Per och Bo är båda involverade, Anna blir med i arbetsgruppen.",
    "Bo tar med förslaget till nästa möte, senast fredag.",
    "Frågan tas till nästa styrelsemöte, eller kommande gång.",
    "Vi beslutar att godkänna dagordningen och ändra punkt 4.",
    "Bo Ek väljs till kassör. Mötet väljer Eva Lund som sekreterare. Ordförande Eva Lund.",
    "Anna Berg väljs till mötessekreterare. Styrelsen väljer Anna som protokollförare. sekreterare Bo Ek",
    "Startsida > Nämnder › Protokoll 2026",
    "Vi använder COOKIES för att förbättra webbplatsen",
    "Starta visningen från sidan: 1",
    "Protokoll_mars.Pdf (220 kB)",
]


def _texts() -> list[str]:
    out = list(OWN)
    for path in [*sorted((ROOT / "data").glob("*.txt")), *sorted((ROOT / "tests/fixtures").glob("*.txt"))]:
        out += [line.text for line in split_lines(path.read_text(encoding="utf-8")) if line.text]
    return out + [t.upper() for t in OWN] + [s for t in OWN for s in re.split(r"(?<=[.;,]) ", t)]


def _scan_all(text: str) -> list[tuple[str, int, int, str]]:
    ctx = dates.Context(BASE, date(2026, 4, 1))
    return [(name, m.start(), m.end(), repr(got)) for name, m, got, _ in dates.scan(text, ctx)]


def test_each_date_rule_is_tried_where_it_can_match(monkeypatch: pytest.MonkeyPatch) -> None:
    """A rule is skipped where its words are missing: it reads nothing there."""
    texts = _texts()
    quick = [_scan_all(t) for t in texts]
    monkeypatch.setattr(dates, "_RULE_NEEDS", ((False, ()),) * len(dates.rules()))
    assert quick == [_scan_all(t) for t in texts]
    assert any(quick)


_WORDS = [*"0123456789 -./:İıſKÅåäöv", "den ", "om ", "sista ", "veckan", "månadsskiftet", "årets", "efter ",
          *dates.MONTHS, *dates.WEEKDAYS, *dates.HOLIDAYS, *dates.NUMBERS]  # fmt: skip
_DATEISH = (
    st.lists(st.sampled_from(_WORDS), max_size=12)
    .map("".join)
    .map(lambda s: s.upper() if len(s) % 3 == 0 else s)
)


@settings(max_examples=1000, deadline=None)
@given(_DATEISH)
def test_date_rules_skipped_only_where_they_read_nothing(text: str) -> None:
    quick = _scan_all(text)
    saved = dates._RULE_NEEDS
    try:
        dates._RULE_NEEDS = ((False, ()),) * len(dates.rules())
        assert quick == _scan_all(text)
    finally:
        dates._RULE_NEEDS = saved


@settings(max_examples=1000, deadline=None)
@given(_DATEISH)
def test_may_hold_a_date_is_the_regex_it_replaces(text: str) -> None:
    # the regex it replaces, as it was
    regex = (
        r"(?i)\d|" + "|".join(dates.MONTH_NAMES[1:]) + "|" + "|".join(dates.WEEKDAYS)
        + r"|jan|feb|mar|apr|jun|jul|aug|sep|okt|nov|dec|dag|morgon|vecka|veckan|månad|nästa|kommande|om\s|inom"
        + r"|påsk|pingst|midsommar|valborg|lucia|allhelgona|trettondag|nyår|himmelsfärd|årets|årsskiftet|året|sommaren|semestern"
    )  # fmt: skip
    assert dates._may_hold_a_date(text) == bool(re.search(regex, text))


PEOPLE = [
    Person(None, "Bo Pettersson", None, ()),
    Person(None, "Anna Berg", None, ("Annie",)),
    Person(None, "Anna Bergström", None, ()),
    Person(None, "Lars Ek", None, ()),
    Person(None, "Eva Lund", None, ("el",)),
    Person(None, "Pelle", None, ()),
    Person(None, "Per Olof Nilsson", None, ()),
    Person(None, "LR", None, ()),
]
_NAME_WORDS = ["Bo", "Bosse", "Pettersson", "Anna", "Annie", "B.", "B", "Berg", "Lasse", "Lars", "Ek", "EL",
               "el", "Eva", "Per", "Pelle", "Olof", "Nilsson", "LR", "PN", "ab", ""]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_NAME_WORDS), max_size=3).map(" ".join))
def test_document_roster_finds_whom_roster_finds(name: str) -> None:
    """The index only narrows the people to compare: the matches, their kinds and order are Roster's."""
    assert DocumentRoster(PEOPLE).candidates(name) == Roster(PEOPLE).candidates(name)


@pytest.mark.parametrize(
    ("expr", "expected"),
    [("İ DAG", BASE), ("ı morgon", date(2026, 3, 3)), ("5 ſeptember", date(2026, 9, 5)), ("FREDAG", date(2026, 3, 6))],
)
def test_letters_ignorecase_matches_are_read_not_a_crash(expr: str, expected: date) -> None:
    """The rules match "İ DAG" and "ſeptember" under IGNORECASE; the tables are looked up alike."""
    assert dates.parse_date(expr, BASE) == expected


def _guarded() -> list[tuple[str, Guarded]]:
    return [
        (f"{module.__name__}.{name}", value)
        for module in (secretary, title, people_lists, furniture, fields, participants)
        for name, value in vars(module).items()
        if isinstance(value, Guarded)
    ]


def test_guarded_patterns_skip_no_match_in_minutes() -> None:
    """Every line of the sample minutes that a guarded pattern matches holds one of its words."""
    texts = _texts()
    for name, guarded in _guarded():
        found = [t for t in texts if guarded.pattern.search(t)]
        assert found, f"no text to check {name} on"
        assert all(guarded.may_match(t) for t in found), name


def test_each_bare_label_holds_a_word_its_guard_looks_for() -> None:
    for label in fields.BARE_LABELS:
        assert any(word in label for word in fields._BARE.words), label


def _phrases(pattern: re.Pattern[str]) -> st.SearchStrategy[str]:
    """Texts made of the pattern's own words, names and punctuation, in any case."""
    vocabulary = sorted(set(re.findall(r"[a-zåäöé]{2,}", pattern.pattern))) + ["Eva", "Bo Ek", "LENA", ",", "."]
    word = st.sampled_from(vocabulary).flatmap(lambda w: st.sampled_from([w, w.capitalize(), w.upper()]))
    return st.lists(word, min_size=1, max_size=8).map(" ".join)


@pytest.mark.parametrize(("name", "guarded"), _guarded(), ids=[name for name, _ in _guarded()])
@settings(max_examples=400, deadline=None)
@given(data=st.data())
def test_guarded_patterns_skip_no_match(name: str, guarded: Guarded, data: st.DataObject) -> None:
    text = data.draw(_phrases(guarded.pattern))
    if guarded.pattern.search(text):
        assert guarded.may_match(text), text


# --- linear in the document's length ---------------------------------------------------------


def _long_minutes(copies: int) -> str:
    """The sample minutes one after another, each copy with people of its own (as minutes of a
    year pasted into one file have): the document's list of people grows with it."""
    samples = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "data").glob("*.txt"))]
    parts = []
    for i in range(copies):
        tag = "".join("abcdefghijklmnopqrstuvwxyz"[int(d)] for d in str(i))
        text = re.sub(r"\b(Leif|Allan|Åke|Per|Sara|Tomas|Lena)\b", r"\1 Berg" + tag, samples[i % 5])
        parts.append(text + f"\n\nNärvarande: Anna Ek{tag}, Bo Lund{tag}, Eva Holm{tag}\n")
    return "\n\n".join(parts)


def _calls(text: str) -> int:
    """Function calls (Python and built-in) while extracting: a measure of work that needs no clock."""
    import sys

    from actiontrack.extract import extract_text, memo

    count = 0

    def profile(frame: object, event: str, arg: object) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    extract_text(text[:2000], today=BASE)  # the rules' patterns are compiled on first use: not counted
    memo.forget()  # nor what the tests before kept of the same sentences: both counts start alike
    sys.setprofile(profile)
    try:
        extract_text(text, today=BASE)
    finally:
        sys.setprofile(None)
    return count


def test_extraction_work_grows_linearly_with_the_text():
    """Four times the text is at most 4.4 times the work (it had grown as the square)."""
    small, large = _long_minutes(5), _long_minutes(20)
    assert 3.9 < len(large) / len(small) < 4.1
    assert _calls(large) / _calls(small) <= 4.4


def test_a_secretary_mark_and_a_role_beside_a_name_read_as_before():
    """The patterns built around a name are tried only where the mark or the role is written."""
    from actiontrack.extract.attendance import Attendance, _mark_secretary
    from actiontrack.extract.participants import _role_beside
    from actiontrack.models import Attendee

    for line, writer in [
        ("Anna Berg (sekreterare), Bo Ek", "Anna Berg"),
        ("ANNA Berg ( protokoll )", "Anna Berg"),
        ("Anna Berg och Bo Ek (sekr.)", None),  # the mark is Bo's
        ("Anna Berg, Bo Ek (sekr)", None),
        ("Annabella Berg (sekreterare)", None),
        ("Anna Berg, ordförande", None),
    ]:
        result = Attendance()
        _mark_secretary(result, Attendee("Anna Berg"), line)
        assert result.secretary == writer, line
    assert _role_beside("Eva Ek", "Ordföranden, Eva Ek (S), hälsar välkommen") == "ordförande"
    assert _role_beside("Eva Ek", "Eva Ek (S), Vice ordförande, föredrar") == "vice ordförande"
    assert _role_beside("Eva Ek", "Eva Ek föredrar ärendet") is None
    assert _role_beside("Eva Ek", "Bo Ek, kassör, och Eva Ek") is None


def test_a_sentence_met_again_is_read_as_the_first_time():
    """memo.py: minutes read with every sentence known already, and with each clause told to a
    recorder (which is never answered from the memo), give what a first reading gives."""
    from actiontrack.extract import extract_text, memo
    from actiontrack.render import extraction_dict

    paths = [*sorted((ROOT / "data").glob("*.txt")), *sorted((ROOT / "tests/fixtures").glob("*.txt"))]
    for path in paths:
        text = path.read_text(encoding="utf-8")
        memo.forget()
        first = extraction_dict(extract_text(text, today=BASE), explain=True)
        again = extraction_dict(extract_text(text, today=BASE), explain=True)
        recorded = extraction_dict(extract_text(text, today=BASE, record=lambda c: None), explain=True)
        assert first == again == recorded, path.name


def test_a_sentence_is_parsed_with_the_names_of_its_document():
    from actiontrack.extract import memo

    names = frozenset({"kalla"})
    plain, named = memo.parsed("Kalla ringer till Bo", frozenset()), memo.parsed("Kalla ringer till Bo", names)
    assert named[0][0].tag == "PROPN" and plain[0][0].tag != "PROPN"
    assert memo.parsed("Kalla ringer till Bo", names) is named  # kept


def test_the_date_matches_kept_of_a_text_resolve_as_new_ones():
    """dates._candidates keeps a text's matches, not what they resolve to: the same text read on
    another base date (another meeting) gives what it gives read first on that date."""
    texts = _texts()
    other = dates.Context(date(2025, 11, 30), None)
    dates.forget()
    first = [_scan_all(t) for t in texts]
    on_other = [[(n, m.span(), repr(got)) for n, m, got, _ in dates.scan(t, other)] for t in texts]
    assert [_scan_all(t) for t in texts] == first  # kept
    assert [[(n, m.span(), repr(got)) for n, m, got, _ in dates.scan(t, other)] for t in texts] == on_other
    dates.forget()
    assert [[(n, m.span(), repr(got)) for n, m, got, _ in dates.scan(t, other)] for t in texts] == on_other
    assert on_other != first
