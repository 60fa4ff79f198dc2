"""Files that open right in Excel and in calendars: xlsx, CSV for Swedish Excel, iCalendar."""

import csv
import io
import os
import subprocess
import sys
from datetime import date, datetime, timedelta

import pytest

from tests.conftest import Track

GROUP = "Arbetsgrupp för äldrefrågor"


@pytest.fixture
def office(tmp_path):
    track = Track(tmp_path / "t.db", now="2026-11-02T10:00:00+01:00")
    track("meeting", "start", GROUP, "--date", "2026-11-02", "--place", "Rådhuset, sal 3")
    track("people", "add", "Åsa Öberg")
    track("add", "Åsa Öberg ska beställa lokal till årsmötet", "--due", "2026-11-20")
    track("add", "Gruppen ska läsa förslaget om färdtjänst", "--due", "2026-12-01")
    track("add", '=HYPERLINK("http://x";"klicka") ska ändras', "--owner", "Åsa Öberg")
    track("done", "1")
    return track


# --- xlsx ---------------------------------------------------------------------------------------


def test_xlsx_has_one_row_per_item_with_swedish_headers_and_typed_dates(office, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "åtgärder.xlsx"
    office(
        "export", "--format", "xlsx", "--lang", "sv", "--output", str(out)
    )  # English headers: test_i18n.py
    sheet = load_workbook(out).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == (
        "ID",
        "Typ",
        "Status",
        "Klart senast",
        "Ansvariga",
        "Åtgärd",
        "Grupp",
        "Mötesdatum",
        "Ämne",
        "Källa",
        "Skapad",
        "Avslutad",
    )
    assert [r[0] for r in rows[1:]] == [1, 2, 3]
    by_id = {r[0]: dict(zip(rows[0], r, strict=True)) for r in rows[1:]}
    first = by_id[1]
    assert first["Klart senast"] == datetime(2026, 11, 20) and first["Mötesdatum"] == datetime(2026, 11, 2)
    assert sheet["D2"].is_date and sheet["D2"].number_format == "yyyy-mm-dd"
    assert (first["Status"], first["Typ"], first["Ansvariga"]) == ("klar", "åtgärd", "Åsa Öberg")
    assert first["Grupp"] == GROUP and first["Åtgärd"].startswith("Åsa Öberg ska beställa")
    local = datetime.fromisoformat("2026-11-02T10:00:00+01:00").astimezone().replace(tzinfo=None)
    assert first["Skapad"] == local and first["Avslutad"] == local and sheet["K2"].is_date
    assert by_id[2]["Ansvariga"] == "gruppen" and by_id[2]["Avslutad"] is None
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:L4"
    assert sheet.column_dimensions["F"].width > sheet.column_dimensions["A"].width >= len("ID")


def test_xlsx_prints_on_pages_one_wide_with_its_header_on_each(office, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "a.xlsx"
    office("export", "--format", "xlsx", "--output", str(out))
    sheet = load_workbook(out).active
    setup = sheet.page_setup
    assert (setup.orientation, setup.paperSize, setup.fitToWidth, setup.fitToHeight) == ("landscape", 9, 1, 0)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$1:$1"
    text = sheet.cell(row=2, column=6)  # the item's text
    assert text.alignment.vertical == "top"


def test_xlsx_cells_never_start_a_formula(office, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "a.xlsx"
    office("export", "--format", "xlsx", "--output", str(out))
    cells = [c for row in load_workbook(out).active.iter_rows(min_row=2) for c in row]
    assert '\'=HYPERLINK("http://x";"klicka") ska ändras' in [c.value for c in cells]
    assert all(c.data_type != "f" for c in cells)


def test_xlsx_goes_down_a_pipe_but_not_to_a_terminal(office, tmp_path):
    piped = office("export", "--format", "xlsx").stdout_bytes
    assert piped.startswith(b"PK")  # a zip archive, as every .xlsx is
    leader, follower = os.openpty()
    try:
        result = subprocess.run(
            [sys.executable, "-m", "actiontrack", "--db", str(office.db), "export", "--format", "xlsx"],
            stdout=follower,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "TRACK_DATABASE_URL": ""},
        )
    finally:
        os.close(follower)
        os.close(leader)
    assert result.returncode == 2 and "binary file" in result.stderr and "Traceback" not in result.stderr


# --- CSV for Swedish Excel ----------------------------------------------------------------------


def _swedish_rows(raw: bytes):
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    return list(
        csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline=""), dialect=csv.excel, delimiter=";")
    )


def test_swedish_csv_uses_semicolons_local_times_and_the_group(office, tmp_path):
    out = tmp_path / "å.csv"
    office("export", "--format", "csv", "--lang", "sv", "--output", str(out))
    rows = _swedish_rows(out.read_bytes())
    assert [r["id"] for r in rows] == ["1", "2", "3"]
    assert (
        rows[0]["text"] == "Åsa Öberg ska beställa lokal till årsmötet" and rows[0]["owners"] == "Åsa Öberg"
    )
    assert rows[1]["owners"] == "gruppen" and rows[0]["group"] == GROUP
    local = datetime.fromisoformat("2026-11-02T10:00:00+01:00").astimezone()
    assert (
        rows[0]["created_at"] == f"{local:%Y-%m-%d %H:%M}" and rows[0]["closed_at"] == rows[0]["created_at"]
    )
    assert "+00:00" not in out.read_text(encoding="utf-8-sig")


def test_csv_language_follows_the_locale_and_the_delimiter_can_be_chosen(office, monkeypatch):
    english = office("export", "--format", "csv").stdout
    assert english.splitlines()[0].lstrip("\ufeff").startswith("id,kind,status")
    monkeypatch.setenv("LANG", "sv_SE.UTF-8")
    assert len(_swedish_rows(office("export", "--format", "csv").stdout_bytes)) == 3
    assert len(_swedish_rows(office("open", "--all", "--format", "csv").stdout_bytes)) == 3
    tabbed = office("export", "--format", "csv", "--delimiter", "\t").stdout
    assert tabbed.splitlines()[0].lstrip("\ufeff").startswith("id\tkind\tstatus")
    # the messages follow the Swedish locale too
    assert "ett tecken" in office.fails("export", "--format", "csv", "--delimiter", ";;", code=2).stderr


# --- iCalendar ----------------------------------------------------------------------------------


def _calendar(track, tmp_path, *args):
    from icalendar import Calendar

    out = tmp_path / "t.ics"
    track("export", "--format", "ics", "--output", str(out), *args)
    raw = out.read_bytes()
    return raw, Calendar.from_ical(raw)


def _strict(raw: bytes):
    """What a strict client checks (RFC 5545 3.1, 3.6, 3.7.3, 3.8.4.7, 3.8.7.2)."""
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    from icalendar import Calendar

    cal = Calendar.from_ical(raw)
    assert str(cal["prodid"]) and str(cal["version"]) == "2.0"
    components = [c for c in cal.walk() if c.name in ("VEVENT", "VTODO")]
    assert len({str(c["uid"]) for c in components}) == len(components)
    for c in components:
        assert c.decoded("dtstamp").utcoffset() == timedelta(0)
        assert b"DTSTAMP:" in raw and b"DTSTAMP;TZID" not in raw
    return components


def test_a_meeting_with_a_time_of_day_is_a_timed_event_at_its_place(office, tmp_path):
    office("meeting", "edit", "1", "--time", "kl. 13.00–15.00")
    raw, cal = _calendar(office, tmp_path)
    _strict(raw)
    (meeting,) = cal.walk("VEVENT")
    start, end = meeting.decoded("dtstart"), meeting.decoded("dtend")
    assert start.astimezone().replace(tzinfo=None) == datetime(2026, 11, 2, 13, 0)
    assert end.astimezone().replace(tzinfo=None) == datetime(2026, 11, 2, 15, 0)
    assert str(meeting["summary"]) == GROUP and str(meeting["location"]) == "Rådhuset, sal 3"
    assert sorted(str(t["summary"]) for t in cal.walk("VTODO")) == [
        "Gruppen ska läsa förslaget om färdtjänst"
    ]


def test_a_meeting_without_a_time_stays_all_day(office, tmp_path):
    raw, cal = _calendar(office, tmp_path)
    (meeting,) = cal.walk("VEVENT")
    assert meeting.decoded("dtstart") == date(2026, 11, 2) and meeting.decoded("dtend") == date(2026, 11, 3)


def test_tasks_as_events_for_outlook_have_a_reminder(office, tmp_path):
    long_text = (
        "Åsa Öberg ska sammanställa synpunkterna från alla förvaltningar på förslaget om ny färdtjänst"
    )
    office("add", long_text, "--due", "2026-12-10")
    raw, cal = _calendar(office, tmp_path, "--tasks", "as-events", "--lang", "sv")
    components = _strict(raw)
    assert not cal.walk("VTODO") and len(components) == 3
    tasks = {str(e["summary"]): e for e in cal.walk("VEVENT") if "ska" in str(e["summary"])}
    assert set(tasks) == {"Gruppen ska läsa förslaget om färdtjänst", long_text}
    task = tasks[long_text]
    assert task.decoded("dtstart") == date(2026, 12, 10) and task.decoded("dtend") == date(2026, 12, 11)
    (alarm,) = task.walk("VALARM")
    assert str(alarm["action"]) == "DISPLAY" and alarm.decoded("trigger") == timedelta(hours=-15)
    assert "Ansvarig: Åsa Öberg" in str(task["description"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("13.00-15.00", ("13:00", "15:00")),
        ("kl. 9.30", ("09:30", None)),
        ("13:00–15:00", ("13:00", "15:00")),
        ("15.00-13.00", ("15:00", None)),
        ("25.00", None),
        (None, None),
    ],
)
def test_meeting_hours_read_what_is_stored(text, expected):
    from actiontrack.export.calendar import meeting_hours

    hours = meeting_hours(text)
    shown = hours and (hours[0].strftime("%H:%M"), hours[1] and hours[1].strftime("%H:%M"))
    assert shown == expected


def test_a_scheduled_meeting_stays_all_day_and_shares_its_uid_with_the_meeting_held():
    from icalendar import Calendar

    from actiontrack.export.calendar import ics
    from actiontrack.models import Meeting, ScheduledMeeting

    planned = [ScheduledMeeting(date(2027, 2, 4), "Stadshuset"), ScheduledMeeting(date(2027, 3, 4), None)]
    held = [Meeting(7, GROUP, date(2027, 2, 4), GROUP, time="13.00-15.00")]
    now = datetime.fromisoformat("2027-01-10T08:00:00+01:00")
    raw = ics([], {GROUP: planned}, {GROUP: held}, now=now)
    events = Calendar.from_ical(raw).walk("VEVENT")
    assert len(events) == 2 and len({str(e["uid"]) for e in events}) == 2
    february, march = sorted(events, key=lambda e: str(e["uid"]))
    assert isinstance(february.decoded("dtstart"), datetime) and str(february["location"]) == "Stadshuset"
    assert march.decoded("dtstart") == date(2027, 3, 4) and "location" not in march
    alone = Calendar.from_ical(ics([], {GROUP: planned[:1]}, {}, now=now)).walk("VEVENT")[0]
    assert str(alone["uid"]) == str(february["uid"]) and alone.decoded("dtstart") == date(2027, 2, 4)


ANNOUNCING = """Protokoll Kommunala pensionärsrådet 3 mars 2030

Närvarande: Anna Berg, Bo Ek

Anna ska boka lokal till medlemsmötet senast 20 mars.

Nästa sammanträde hålls den 7 april 2030 kl. 13.00–15.00 i Stadshuset.
"""


@pytest.mark.parametrize(("app", "todos"), [("outlook", 0), ("google", 0), ("apple", 1), ("thunderbird", 1)])
def test_the_announced_next_meeting_is_a_timed_event_at_its_place(tmp_path, app, todos):
    track = Track(tmp_path / "t.db", now="2030-03-04T10:00:00+01:00")
    minutes = tmp_path / "protokoll.txt"
    minutes.write_text(ANNOUNCING, encoding="utf-8")
    track("import", str(minutes), "--yes")
    raw, cal = _calendar(track, tmp_path, "--for", app)
    _strict(raw)
    meetings = {str(e["summary"]): e for e in cal.walk("VEVENT") if "ska" not in str(e["summary"])}
    (held, announced) = sorted(
        (e for e in cal.walk("VEVENT") if str(e["summary"]) == "Kommunala pensionärsrådet"),
        key=lambda e: str(e["uid"]),
    )
    assert meetings and held.decoded("dtstart") == date(2030, 3, 3)
    start, end = announced.decoded("dtstart"), announced.decoded("dtend")
    assert start.astimezone().replace(tzinfo=None) == datetime(2030, 4, 7, 13, 0)
    assert end.astimezone().replace(tzinfo=None) == datetime(2030, 4, 7, 15, 0)
    assert str(announced["location"]) == "Stadshuset"
    assert len(cal.walk("VTODO")) == todos  # Outlook and Google show no to-dos: the item is an event there
    assert len([e for e in cal.walk("VEVENT") if "ska" in str(e["summary"])]) == 1 - todos
