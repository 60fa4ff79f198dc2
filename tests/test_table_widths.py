"""Every table fits a terminal of 80 columns, in English and Swedish: a long group name, a long
place and file name, many owners and long sentences wrap inside their columns."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from rich.console import Console

from actiontrack import i18n
from actiontrack.extract import extract_text
from actiontrack.models import Status
from actiontrack.render import tables
from tests.conftest import Track

DATA = Path(__file__).resolve().parent.parent / "data"
TODAY = date(2017, 12, 8)


def widest(renderable) -> int:
    console = Console(width=80, record=True, file=io.StringIO(), force_terminal=True)
    console.print(renderable)
    return max(len(line) for line in console.export_text().splitlines())


@pytest.fixture(scope="module")
def url(tmp_path_factory):
    db = tmp_path_factory.mktemp("w") / "track.db"
    track = Track(db)
    track("import", *map(str, sorted(DATA.glob("*.txt"))), "--yes")
    track(
        "meeting",
        "edit",
        "5",
        "--place",
        "Stadshuset, sammanträdesrum Kullaberg, plan 3",
        "--time",
        "13.00-15.00",
    )
    return f"sqlite:///{db}"


@pytest.mark.parametrize("language", ["en", "sv"])
def test_every_table_fits_80_columns(url, language):
    from actiontrack.storage import open_reader

    i18n.set_language(language)
    try:
        with open_reader(url) as repo:
            items = repo.query_items(statuses=(Status.OPEN, Status.DONE, Status.DROPPED))
            assert widest(tables.items_table(items, TODAY)) <= 80
            assert widest(tables.meetings_table(repo.list_meetings(), 5)) <= 80
            assert widest(tables.people_table(repo.list_people())) <= 80
            assert max(widest(tables.item_detail(repo.get_item(i.id), TODAY)) for i in items) <= 80
        for minutes in sorted(DATA.glob("*.txt")):
            extraction = extract_text(minutes.read_text(encoding="utf-8"), today=TODAY)
            assert widest(tables.extraction_table(extraction)) <= 80
    finally:
        i18n.set_language(None)
