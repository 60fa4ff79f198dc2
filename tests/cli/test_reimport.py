"""Minutes imported again: the same text once, a corrected copy as an update."""

import json

import pytest

MINUTES = """Minnesanteckningar Referensgruppen 14 mars 2019

Närvarande: Karin Holm, Olle Berg, Sara Lind

Lokaler
Karin ska boka lokal till mötet i april.

Budget
Olle tar fram ett förslag på budget före den 1 april.

Enkät
Sara skickar ut enkäten till medlemmarna vecka 14.
"""


def write(tmp_path, name, text, encoding="utf-8", newline="\n"):
    path = tmp_path / name
    path.write_bytes(text.replace("\n", newline).encode(encoding))
    return str(path)


@pytest.fixture
def imported(track, tmp_path):
    track("import", write(tmp_path, "referens.txt", MINUTES), "--yes")
    return track


def test_the_same_minutes_in_windows_1252_and_crlf_import_once(track, tmp_path):
    first = write(tmp_path, "utf8.txt", MINUTES)
    latin = write(tmp_path, "latin.txt", MINUTES, encoding="cp1252")
    crlf = write(tmp_path, "crlf.txt", MINUTES, newline="\r\n")
    out = track("import", first, latin, crlf, "--yes").stdout
    assert out.count("already imported as meeting #1") == 2
    assert out.rstrip().endswith("1 imported, 2 skipped (already imported).")
    assert len(track.json("meeting", "list")) == 1 and len(track.json("open")) == 3


def test_a_corrected_copy_changes_the_one_item_that_changed_and_adds_nothing(imported, tmp_path):
    track = imported
    before = {i["id"]: i for i in track.json("open")}
    corrected = MINUTES.replace("före den 1 april", "före den 8 april")
    out = track("import", write(tmp_path, "referens-rättad.txt", corrected), "--yes").stdout
    assert "updated meeting #1 Referensgruppen 2019-03-14: items 1 changed, 0 added, 0 gone" in out
    assert "changed #2: text:" in out and "due: 2019-04-01 -> 2019-04-08" in out
    after = {i["id"]: i for i in track.json("open")}
    assert set(after) == set(before) and len(track.json("meeting", "list")) == 1
    assert after[2]["due"] == "2019-04-08" and after[2]["source"].endswith("före den 8 april.")
    assert {k: v for k, v in after.items() if k != 2} == {k: v for k, v in before.items() if k != 2}
    history = track.json("show", "2")["history"]
    assert [h["action"] for h in history] == ["created", "updated"]
    assert history[1]["detail"]["due"] == ["2019-04-01", "2019-04-08"]


def test_an_update_adds_new_points_removes_gone_ones_and_keeps_what_was_done(imported, tmp_path):
    track = imported
    track("done", "3", "--note", "skickad")
    track("edit", "1", "--due", "2019-04-02")
    changed = (
        MINUTES.replace("Olle tar fram ett förslag på budget före den 1 april.\n", "")
        .replace("vecka 14", "vecka 15")
        .replace("i april.", "i maj.")
        + "\nÖvrigt\nOlle ska ringa kommunen om bidraget.\n"
    )
    result = track("import", write(tmp_path, "v2.txt", changed), "--yes")
    assert "items 0 changed, 1 added, 1 gone, 2 kept as they are" in result.stdout
    assert "kept as it is #3 (done)" in result.stdout and "kept as it is #1 (edited by hand)" in result.stdout
    items = {i["id"]: i for i in track.json("open", "--all")}
    assert 2 not in items  # gone from the minutes, never touched
    assert items[3]["status"] == "done" and items[3]["due"] == "2019-04-05"  # kept as it was
    assert items[1]["due"] == "2019-04-02"
    assert [i["text"] for i in items.values() if i["id"] > 3] == ["Olle ska ringa kommunen om bidraget."]


def test_the_update_is_shown_and_applied_only_after_review(imported, tmp_path):
    track = imported
    corrected = write(tmp_path, "v2.txt", MINUTES.replace("vecka 14", "vecka 15"))
    result = track("import", corrected, "--review", input="n\n")
    assert "changed #3" in result.stderr and "changes not applied" in result.stdout
    assert track.json("show", "3")["due"] == "2019-04-05"
    track("import", corrected, "--review", input="y\n")
    assert track.json("show", "3")["due"] == "2019-04-12"


def test_as_new_forces_a_second_meeting_and_warns_about_the_same_day(imported, tmp_path):
    track = imported
    other = write(tmp_path, "eftermiddag.txt", MINUTES.replace("vecka 14", "vecka 16"))
    result = track("import", other, "--as-new", "--yes")
    assert "meeting #2 Referensgruppen 2019-03-14, 3 items" in result.stdout
    assert "Referensgruppen already has meeting #1 on 2019-03-14" in result.stderr
    assert len(track.json("meeting", "list")) == 2


def test_importing_again_with_date_corrects_the_meeting_and_its_deadlines(imported, tmp_path):
    track = imported
    again = write(tmp_path, "samma.txt", MINUTES)
    out = track("import", again, "--date", "2019-03-21", "--yes").stdout
    assert "updated meeting #1 Referensgruppen 2019-03-21" in out and "date: 2019-03-14 -> 2019-03-21" in out
    (meeting,) = track.json("meeting", "list")
    assert meeting["date"] == "2019-03-21"


def test_a_bad_file_does_not_stop_the_others_and_the_summary_says_why(track, tmp_path):
    good = write(tmp_path, "referens.txt", MINUTES)
    empty = write(tmp_path, "tom.txt", "")
    missing = str(tmp_path / "finns-inte.txt")
    result = track.fails("import", empty, good, missing, "--yes")
    assert "meeting #1 Referensgruppen" in result.stdout
    assert result.stdout.rstrip().endswith("1 imported, 2 failed.")
    assert "Failed: " in result.stderr and "empty" in result.stderr and "does not exist" in result.stderr
    assert len(track.json("meeting", "list")) == 1
    report = track.fails("import", empty, good, "--yes", "--format", "json").stdout
    assert [r["action"] for r in json.loads(report)] == ["failed", "skipped"]


def test_other_minutes_of_the_same_day_are_a_second_meeting_not_an_update(imported, tmp_path):
    track = imported
    workshop = """Minnesanteckningar Referensgruppen 14 mars 2019

Närvarande: Karin Holm, Olle Berg

Workshop om webbplatsen
Karin ska skriva texten till startsidan före påsk.
Olle ska fotografera lokalerna i april.
"""
    result = track("import", write(tmp_path, "workshop.txt", workshop), "--yes")
    assert "meeting #2 Referensgruppen 2019-03-14, 2 items" in result.stdout
    assert "Referensgruppen already has meeting #1 on 2019-03-14" in result.stderr
    assert len(track.json("open")) == 5


def test_a_corrected_copy_of_a_sample_document_changes_one_item(track, tmp_path):
    from tests.conftest import FIXTURES

    sample = (FIXTURES / "protokoll-paragrafer.txt").read_text(encoding="utf-8")
    track("import", str(FIXTURES / "protokoll-paragrafer.txt"), "--yes")
    before = track.json("open", "--all")
    corrected = sample.replace("den 1 april", "den 3 april")
    assert corrected != sample
    result = track("import", write(tmp_path, "justerat.txt", corrected, newline="\r\n"), "--yes")
    assert "items 1 changed, 0 added, 0 gone" in result.stdout
    after = track.json("open", "--all")
    assert len(after) == len(before)
    differing = [(b["id"], b["due"], a["due"]) for b, a in zip(before, after, strict=True) if b != a]
    assert [(i, old, new) for i, old, new in differing] == [(1, "2019-04-01", "2019-04-03")]


def test_importing_again_with_year_corrects_the_year_and_recomputes_deadlines(track, tmp_path):
    text = "Minnesanteckningar Referensgruppen 14 mars\n\nNärvarande: Olle Berg\n\nOlle tar fram ett förslag om två veckor.\n"
    path = write(tmp_path, "mars.txt", text)
    track("import", path, "--year", "2018", "--yes")
    assert track.json("open")[0]["due"] == "2018-03-28"
    out = track("import", path, "--year", "2019", "--yes").stdout
    assert "date: 2018-03-14 -> 2019-03-14" in out and "due: 2018-03-28 -> 2019-03-28" in out
    assert [m["date"] for m in track.json("meeting", "list")] == ["2019-03-14"]
