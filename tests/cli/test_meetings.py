"""track meeting edit, delete and end; a warning for a group's second meeting on one day."""

import json

MINUTES = """Minnesanteckningar Referensgruppen 14 mars 2019

Närvarande: Karin Holm, Olle Berg

Budget
Olle tar fram ett förslag på budget före den 1 april.
Karin ska boka lokal.
"""


def imported(track, tmp_path):
    path = tmp_path / "referens.txt"
    path.write_text(MINUTES, encoding="utf-8")
    track("import", str(path), "--yes")
    return track


def test_meeting_edit_corrects_date_title_group_place_and_time(track, tmp_path):
    imported(track, tmp_path)
    result = track(
        "meeting",
        "edit",
        "1",
        "--date",
        "2019-03-15",
        "--title",
        "Referensgruppen, extra möte",
        "--group",
        "Referensgruppen för bostäder",
        "--place",
        "Stadshuset",
        "--time",
        "13.00-15.00",
    )
    assert "Edited meeting #1: Referensgruppen för bostäder 2019-03-15." in result.stdout
    assert "due dates of its items are as they were" in result.stderr
    (meeting,) = track.json("meeting", "list")
    assert (meeting["date"], meeting["title"], meeting["group"], meeting["place"], meeting["time"]) == (
        "2019-03-15",
        "Referensgruppen, extra möte",
        "Referensgruppen för bostäder",
        "Stadshuset",
        "13.00-15.00",
    )
    assert [i["meeting"]["group"] for i in track.json("open")] == ["Referensgruppen för bostäder"] * 2
    assert "(known: Referensgruppen för bostäder)" in track.fails("open", "--group", "Styrgruppen").stderr
    track("undo")
    (meeting,) = track.json("meeting", "list")
    assert (meeting["date"], meeting["group"], meeting["time"]) == ("2019-03-14", "Referensgruppen", None)


def test_meeting_edit_needs_something_to_change_and_a_real_time(track, tmp_path):
    imported(track, tmp_path)
    assert "Nothing to change" in track.fails("meeting", "edit", "1", code=2).stderr
    assert "time of day" in track.fails("meeting", "edit", "1", "--time", "efter lunch").stderr
    assert "There is no meeting 9" in track.fails("meeting", "edit", "9", "--place", "X").stderr


def test_meeting_delete_asks_removes_items_and_undo_brings_them_back(track, tmp_path):
    imported(track, tmp_path)
    before = json.loads(track("export", "--format", "json").stdout)
    assert "needs --yes" in track.fails("meeting", "delete", "1", code=2).stderr
    out = track("meeting", "delete", "1", "--yes").stdout
    assert "Deleted meeting #1 (Referensgruppen 2019-03-14) and its 2 items" in out
    assert track.json("meeting", "list") == [] and track.json("open", "--all") == []
    assert "known: none yet" in track.fails("open", "--group", "Referensgruppen").stderr
    assert "track meeting delete 1 --yes: removed 1 group, 1 meeting, 2 items" in track("log").stdout
    track("undo")
    after = json.loads(track("export", "--format", "json").stdout)
    before.pop("exported_at"), after.pop("exported_at")
    assert after == before


def test_meeting_delete_of_the_current_meeting_ends_it(people):
    track = people
    track("meeting", "start", "Styrgruppen", "--date", "2016-02-08")
    track("add", "Leif ska boka lokal")
    track("meeting", "delete", "1", "--yes")
    assert track.json("add", "Ia ska ringa hyresvärden")["meeting"] is None


def test_meeting_end(people):
    track = people
    track("meeting", "start", "Styrgruppen")
    assert "Ended meeting #1: Styrgruppen" in track("meeting", "end").stdout
    assert track.json("add", "Leif ska boka lokal")["meeting"] is None
    assert "No meeting is under way" in track.fails("meeting", "end").stderr


def test_a_second_meeting_of_a_group_on_one_day_is_warned_about(track, tmp_path):
    imported(track, tmp_path)
    result = track("meeting", "start", "referensgruppen", "--date", "2019-03-14")
    assert "Referensgruppen already has meeting #1 on 2019-03-14" in result.stderr
    assert {m["group"] for m in track.json("meeting", "list")} == {"Referensgruppen"}
    moved = track("meeting", "edit", "2", "--date", "2019-03-20")
    assert "already has" not in moved.stderr


def test_the_time_of_a_meeting_survives_export_and_restore(track, tmp_path):
    from tests.conftest import Track

    imported(track, tmp_path)
    track("meeting", "edit", "1", "--time", "13.00-15.00")
    out = tmp_path / "allt.json"
    track("export", "--format", "json", "-o", str(out))
    fresh = Track(tmp_path / "ny.db")
    fresh("import", "--from-json", str(out))
    assert fresh.json("meeting", "list")[0]["time"] == "13.00-15.00"
