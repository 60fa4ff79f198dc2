"""Random Swedish-looking minutes: the extractor never crashes and always gives valid JSON."""

import json
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actiontrack.extract import extract_text
from actiontrack.render import extraction_dict

WORDS = [
    "Leif",
    "Bosse",
    "Anna",
    "Vi",
    "Gruppen",
    "Han",
    "Hon",
    "De",
    "socialförvaltningen",
    "ska",
    "skall",
    "kommer",
    "att",
    "tar",
    "fram",
    "jobbar",
    "vidare",
    "med",
    "bordläggs",
    "skjuts",
    "till",
    "nästa",
    "möte",
    "kan",
    "kanske",
    "eventuellt",
    "fredag",
    "vecka",
    "12",
    "54",
    "den",
    "31",
    "februari",
    "mars",
    "i",
    "mitten",
    "av",
    "om",
    "två",
    "veckor",
    "före",
    "jul",
    "Beslut:",
    "Att",
    "Ansvarig:",
    "Åtgärd:",
    "Närvarande:",
    "Vid",
    "pennan",
    "/Eva",
    "Lund",
    "(ej",
    "närvarande)",
    "-",
    "•",
    "#",
    "**",
    "§",
    "3",
    "?",
    ".",
    ",",
    ":",
    "t.ex.",
    "kl.",
    "9:00",
    "2019-03-14",
    "15/3",
    "och",
    "som",
    "där",
    "för",
    "Åke",
    "Öppna",
    "ärendet",
    "Mars",
    "DECEMBER",
    "Fredag",
    "Vecka",
    "Jul",
    "Midsommar",
    "Nästa",
    "Möte",
    "I",
    "Mitten",
    "Av",
    "Maj",
]
line = st.lists(st.sampled_from(WORDS) | st.text(max_size=12), max_size=18).map(" ".join)
document = st.lists(line, min_size=1, max_size=40).map("\n".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document, st.dates(min_value=date(2000, 1, 1), max_value=date(2035, 12, 31)))
def test_extractor_never_crashes_and_gives_valid_json(text, today):
    result = extract_text(text, today=today)
    data = json.loads(json.dumps(extraction_dict(result), ensure_ascii=False))
    assert set(data) >= {"meeting", "items"}
    for item in data["items"]:
        assert item["kind"] in ("action", "deferred")
        assert isinstance(item["owners"], list) and all(isinstance(o, str) for o in item["owners"])
        assert item["due"] is None or date.fromisoformat(item["due"])
        assert 0 < item["confidence"] <= 1
        assert item["source"] and 1 <= item["line"] <= text.count("\n") + 1


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_date_parser_answers_or_says_why(expression):
    from actiontrack.dates import parse_date
    from actiontrack.errors import DateError

    try:
        assert isinstance(parse_date(expression, date(2019, 3, 4)), date)
    except DateError as e:
        assert str(e)
