import json
import sqlite3

import pytest

from tests.conftest import DATA, FIXTURES

PROTOKOLL = str(FIXTURES / "protokoll-paragrafer.txt")


def test_extract_json_contract(track):
    data = track.json("extract", PROTOKOLL)
    assert set(data) >= {"meeting", "items"}
    assert set(data["meeting"]) >= {"title", "date", "attendees", "absent", "secretary", "next_meeting"}
    assert data["meeting"]["date"] == "2019-03-14" and data["meeting"]["next_meeting"] == "2019-04-11"
    first = data["items"][0]
    assert set(first) >= {"kind", "text", "owners", "due", "source", "line", "topic", "confidence"}
    assert first["source"] == "Kjell kontaktar hyresvärden igen före den 1 april."
    assert first["line"] == 19 and first["owners"] == ["Kjell Ström"] and first["due"] == "2019-04-01"


def test_extract_writes_nothing(track):
    track("extract", PROTOKOLL)
    assert track.is_empty()


def test_extract_table_and_stdin(track):
    text = (FIXTURES / "protokoll-paragrafer.txt").read_text(encoding="utf-8")
    out = track("extract", "-", input=text).stdout
    assert "Kjell Ström" in out and "Budget 2019" in out


def test_extract_says_when_it_guessed_the_year(track):
    result = track("extract", str(DATA / "bryggangruppen.txt"), "--format", "json")
    assert json.loads(result.stdout)["meeting"]["date"].endswith("-01-19")
    assert "--year" in result.stderr
    assert (
        track.json("extract", str(DATA / "bryggangruppen.txt"), "--year", "2016")["meeting"]["date"]
        == "2016-01-19"
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty"), (b"\x00\x01\x02binary", "binary"), (b"  \n ", "empty")],
)
def test_extract_bad_files(track, tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    assert message in track.fails("extract", str(path)).stderr


def test_extract_missing_file(track, tmp_path):
    assert "does not exist" in track.fails("extract", str(tmp_path / "nope.txt")).stderr


def test_import_sample_minutes_then_open(track):
    files = sorted(str(p) for p in DATA.glob("*.txt"))
    out = track("import", *files, "--yes").stdout
    assert out.count("meeting #") == 5
    items = track.json("open", "--all")
    assert len(items) >= 25
    leif = track.json("open", "--owner", "Leif")
    assert [i["text"] for i in leif] == ["Leif ska skicka ut förslag på tid för ett möte."]
    assert leif[0]["meeting"] == {
        "id": leif[0]["meeting"]["id"],
        "group": "Gemensam utvecklingsgrupp",
        "date": "2016-02-08",
        "title": "Gemensam utvecklingsgrupp",
    }
    assert leif[0]["source"] and leif[0]["line"] == 41
    groups = {m["group"] for m in track.json("meeting", "list")}
    assert groups == {
        "Bryggangruppen",
        "Gemensam ledningsgrupp",
        "Gemensam utvecklingsgrupp",
        "Ledningsgrupp för utveckling",
    }
    people = {p["name"]: p for p in track.json("people", "list")}
    assert people["Leif Redestig"]["organisation"] == "socialförvaltningen"


def test_import_twice_adds_nothing(track):
    track("import", PROTOKOLL, "--yes")
    before = track.json("open", "--all")
    assert "already imported" in track("import", PROTOKOLL, "--yes").stdout
    assert track.json("open", "--all") == before


def test_import_without_a_terminal_needs_yes(track):
    assert "--yes" in track.fails("import", PROTOKOLL, code=2).stderr
    assert track.is_empty()


def test_import_review_accept_edit_skip(track):
    # three items: accept the first, edit the second's owner and due date, skip the deferral
    answers = "a\ne\n\nEva Lund\n15 april\ns\n"
    track("import", PROTOKOLL, "--review", input=answers)
    items = track.json("open")
    assert [(i["owners"], i["due"]) for i in items] == [
        (["Kjell Ström"], "2019-04-01"),
        (["Eva Lund"], "2019-04-15"),
    ]


def test_import_review_quit_writes_nothing(track):
    result = track.fails("import", PROTOKOLL, "--review", input="a\nq\n")
    assert "cancelled" in result.stderr
    assert track.json("meeting", "list") == []


def test_import_is_atomic_per_document(track, monkeypatch):
    from actiontrack.storage.connect import unusable
    from actiontrack.storage.writes import Writes

    real = Writes.insert

    def failing_insert(self, table, rows, **kw):
        if table == "item_history":  # the meeting, its people and items are written by then
            raise unusable(str(track.db), sqlite3.OperationalError("disk I/O error"))  # as the store says it
        return real(self, table, rows, **kw)

    monkeypatch.setattr(Writes, "insert", failing_insert)
    good = str(FIXTURES / "anteckningar-att-gora.txt")
    result = track.fails("import", PROTOKOLL, "--yes")
    assert "disk I/O error" in result.stderr
    monkeypatch.setattr(Writes, "insert", real)
    assert track.json("meeting", "list") == [] and track.json("people", "list") == []
    track("import", PROTOKOLL, good, "--yes")
    assert len(track.json("meeting", "list")) == 2


def test_import_json_output(track):
    (result,) = track.json("import", PROTOKOLL, "--yes")
    assert result["skipped"] is False and result["meeting"]["date"] == "2019-03-14"
    assert [i["owners"] for i in result["items"]][:2] == [["Kjell Ström"], ["Fatima Ali"]]
    assert "Maria Holm" in result["new_people"]


def test_imported_owners_merge_with_known_people(track):
    track("people", "add", "Kjell Ström", "--org", "hyresgästföreningen")
    track("import", PROTOKOLL, "--yes")
    names = [p["name"] for p in track.json("people", "list")]
    assert names.count("Kjell Ström") == 1
    assert track.json("open", "--owner", "Kjell")[0]["due"] == "2019-04-01"


def test_import_docx(track, tmp_path):
    import docx

    document = docx.Document()
    document.add_heading("Samrådsgruppen 4 mars 2019", level=1)
    document.add_paragraph("Närvarande: Eva Lund, Bo Ek")
    document.add_heading("Lokaler", level=2)
    document.add_paragraph("Bo ska ringa hyresvärden senast fredag.")
    path = tmp_path / "protokoll.docx"
    document.save(path)
    track("import", str(path), "--yes")
    (item,) = track.json("open")
    assert (item["owners"], item["due"], item["topic"]) == (["Bo Ek"], "2019-03-08", "Lokaler")
