import csv
import io
import json
from html.parser import HTMLParser

import pytest

from tests.conftest import DATA, Track

LEDNING = "Ledningsgrupp för utveckling"
GEMENSAM = "Gemensam utvecklingsgrupp"


@pytest.fixture
def imported(tmp_path):
    track = Track(tmp_path / "track.db", now="2017-12-08T09:00:00+01:00")
    track("import", *sorted(str(p) for p in DATA.glob("*.txt")), "--yes")
    return track


def test_agenda_json_uses_the_minutes_schedule_and_lists_deferred_points(imported):
    agenda = imported.json("agenda", LEDNING)
    assert set(agenda) >= {
        "group",
        "date",
        "place",
        "date_source",
        "deferred",
        "overdue",
        "open",
        "done_since_last",
    }
    assert (agenda["date"], agenda["date_source"], agenda["place"]) == ("2018-01-18", "schedule", "bibblan")
    assert [i["text"] for i in agenda["deferred"]] == [
        "Kommunikation",
        "Arbetsmarknadsförvaltningens nya organisation",
    ]
    assert all(i["meeting"]["date"] == "2017-12-07" for i in agenda["deferred"])


def test_agenda_with_a_date_covers_all_the_groups_meetings_and_overdue_items(imported):
    agenda = imported.json("agenda", GEMENSAM, "--date", "2017-03-13")
    origins = {i["meeting"]["date"] for i in agenda["open"] + agenda["overdue"]}
    assert origins == {"2016-02-08", "2017-02-13"}
    visit = next(i for i in agenda["overdue"] if "studiebesök" in i["text"])
    assert visit["due"] == "2017-03-02"
    assert all(i["due"] < "2017-03-13" for i in agenda["overdue"])
    assert agenda["date_source"] == "option"


def test_done_since_the_last_meeting(imported):
    item_id = imported.json("agenda", LEDNING)["open"][0]["id"]
    imported("done", str(item_id))
    agenda = imported.json("agenda", LEDNING)
    assert [i["id"] for i in agenda["done_since_last"]] == [item_id]
    assert item_id not in [i["id"] for i in agenda["open"]]


def test_agenda_markdown_in_swedish_and_english(imported):
    sv = imported("agenda", LEDNING, "--format", "md", "--lang", "sv").stdout
    assert sv.startswith("# Dagordning: Ledningsgrupp för utveckling, 18 januari 2018")
    # the points of the built-in template, numbered; the follow-up's parts under its point
    for heading in [
        "## 1. Mötets öppnande",
        "## 5. Bordlagda punkter",
        "## 6. Uppföljning av åtgärder",
        "### Försenade åtgärder",
        "### Öppna åtgärder",
        "### Klart sedan förra mötet",
        "## 7. Övriga frågor",
        "## 8. Nästa möte",
        "## 9. Mötets avslutande",
    ]:
        assert heading in sv
    assert "bordlagd vid mötet 7 december 2017" in sv and "enligt mötesplanen" in sv
    en = imported("agenda", LEDNING, "--format", "md", "--lang", "en").stdout
    assert en.startswith("# Agenda: Ledningsgrupp för utveckling, 18 January 2018")
    assert "## 5. Deferred points" in en and "### Done since the last meeting" in en


def test_agenda_language_follows_the_locale(imported, monkeypatch):
    monkeypatch.setenv("LANG", "sv_SE.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    assert "Dagordning" in imported("agenda", LEDNING, "--format", "md").stdout
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert "# Agenda" in imported("agenda", LEDNING, "--format", "md").stdout


class _Items(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.sections = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "data-item-id" in attrs:
            self.ids.append(int(attrs["data-item-id"]))
        if tag == "section":
            self.sections.append(attrs["class"])


def test_agenda_html_parses_and_holds_every_item(imported, tmp_path):
    out = tmp_path / "dagordning.html"
    imported(
        "agenda", GEMENSAM, "--date", "2017-03-13", "--format", "html", "--output", str(out), "--lang", "sv"
    )
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page and "http" not in page.split("<body>")[0]
    parser = _Items()
    parser.feed(page)
    agenda = imported.json("agenda", GEMENSAM, "--date", "2017-03-13")
    expected = [i["id"] for key in ("deferred", "overdue", "open", "done_since_last") for i in agenda[key]]
    assert sorted(parser.ids) == sorted(expected)
    assert [c for c in parser.sections if c != "point"] == [
        "point deferred",
        "point follow-up",
        "overdue",
        "open",
        "done-since-last",
        "point next-meeting",
    ]


def test_agenda_terminal_and_output_file(imported, tmp_path):
    out = imported("agenda", LEDNING, "--lang", "en").stdout
    assert "Deferred points" in out and "Kommunikation" in out
    target = tmp_path / "agenda.txt"
    imported("agenda", LEDNING, "--lang", "en", "--output", str(target))
    assert "Kommunikation" in target.read_text(encoding="utf-8")


def test_agenda_errors(imported, tmp_path):
    assert "no group" in imported.fails("agenda", "Okänd").stderr
    assert "not a date" in imported.fails("agenda", LEDNING, "--date", "snart").stderr
    assert (
        "Cannot write"
        in imported.fails("agenda", LEDNING, "--output", str(tmp_path / "no" / "x.md"), code=2).stderr
    )


def test_agenda_review_records_each_decision_with_the_meeting(imported):
    agenda = imported.json("agenda", LEDNING)
    ids = [i["id"] for i in agenda["deferred"] + agenda["overdue"] + agenda["open"]]
    answers = "d\nGjort\nk\nn\n15 februari\nr\nLeif\nx\nInte aktuellt\nq\n"
    result = imported("agenda", LEDNING, "--review", input=answers)
    assert "1 done, 1 kept, 1 new due date, 1 reassigned, 1 dropped" in result.stderr
    meeting = imported.json("meeting", "list")[-1]
    assert (meeting["group"], meeting["date"]) == (LEDNING, "2018-01-18")
    actions = [imported.json("show", str(i))["history"][-1] for i in ids[:5]]
    assert [a["action"] for a in actions] == ["done", "kept", "edited", "edited", "dropped"]
    assert {a["meeting_id"] for a in actions} == {meeting["id"]}
    assert imported.json("show", str(ids[2]))["due"] == "2018-02-15"
    assert imported.json("show", str(ids[3]))["owners"] == ["Leif Redestig"]


def test_agenda_review_asks_again_after_a_bad_answer(imported):
    result = imported("agenda", LEDNING, "--review", input="z\nn\nsnart\nq\n")
    assert "Answer d, k, n, r, x, s or q." in result.stderr and "not a date" in result.stderr


def test_digest_per_owner(imported):
    text = imported("digest", "--owner", "Leif", "--lang", "sv").stdout
    assert text.startswith("## Leif Redestig: 1 öppen åtgärd")
    everyone = imported.json("digest")
    assert "Leif Redestig" in [d["owner"] for d in everyone]
    assert all(d["items"] for d in everyone)


def test_digest_puts_overdue_first(tmp_path):
    track = Track(tmp_path / "t.db", now="2016-03-01T09:00:00+01:00")
    track("people", "add", "Eva Lund")
    track("add", "Eva ska skriva", "--due", "2016-04-01")
    track("add", "Eva ska ringa", "--due", "2016-02-15")
    text = track("digest", "--lang", "en").stdout
    assert text.splitlines()[0] == "## Eva Lund: 2 open items, 1 overdue"
    assert text.splitlines()[2].startswith("- **Overdue**: Eva ska ringa")


def test_export_csv_for_excel_round_trips_swedish_letters(imported, tmp_path):
    out = tmp_path / "åtgärder.csv"
    imported("export", "--format", "csv", "--output", str(out))
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert any("Åke" in r["text"] for r in rows) and any("förvaltningen" in r["text"] for r in rows)
    assert len(rows) == len(imported.json("open", "--all"))


def test_export_ics_has_one_todo_per_open_item_with_a_due_date(imported, tmp_path):
    from icalendar import Calendar

    out = tmp_path / "track.ics"
    imported("export", "--format", "ics", "--output", str(out))
    cal = Calendar.from_ical(out.read_bytes())
    todos = [c for c in cal.walk() if c.name == "VTODO"]
    expected = [i for i in imported.json("open") if i["due"]]
    assert sorted(str(t["summary"]) for t in todos) == sorted(i["text"] for i in expected)
    assert all(
        t.decoded("due").isoformat() == next(i["due"] for i in expected if i["text"] == str(t["summary"]))
        for t in todos
    )
    events = [c for c in cal.walk() if c.name == "VEVENT"]
    assert "2018-01-18" in {e.decoded("dtstart").isoformat() for e in events}


def test_export_json_and_restore_into_a_new_database(imported, tmp_path):
    imported("done", "1", "--note", "Klart")
    out = tmp_path / "backup.json"
    imported("export", "--format", "json", "--output", str(out))
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "actiontrack-export" and data["items"][0]["history"]
    fresh = Track(tmp_path / "restored.db", now="2017-12-09T09:00:00+01:00")
    assert "items" in fresh("import", "--from-json", str(out)).stdout
    strip = lambda items: [{k: v for k, v in i.items() if k not in ("id", "meeting")} for i in items]  # noqa: E731
    assert strip(fresh.json("open", "--all")) == strip(imported.json("open", "--all"))
    assert fresh.json("show", "1")["history"] == imported.json("show", "1")["history"]
    assert fresh.json("agenda", LEDNING)["date"] == "2018-01-18"
    again = fresh("import", "--from-json", str(out)).stdout
    assert "already there" in again
    assert len(fresh.json("open", "--all")) == len(imported.json("open", "--all"))


def test_restore_rejects_other_json(track, tmp_path):
    bad = tmp_path / "other.json"
    bad.write_text('{"hello": 1}', encoding="utf-8")
    assert "not an actiontrack JSON export" in track.fails("import", "--from-json", str(bad)).stderr
