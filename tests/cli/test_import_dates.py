"""Which day imported minutes are from: --date, the year from the group's other meetings or the
batch, a question at a terminal, else a refusal asking for --date."""

import json

import pytest


def minutes(day: str, deadline: str = "om två veckor") -> str:
    return f"""Minnesanteckningar Referensgruppen {day}

Närvarande: Karin Holm, Olle Berg

Budget
Olle tar fram ett förslag på budget {deadline}.
"""


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_batch_of_one_groups_minutes_gives_the_year_to_the_one_without(track, tmp_path):
    files = [
        write(tmp_path, "jan.txt", minutes("17 januari 2019")),
        write(tmp_path, "feb.txt", minutes("14 februari 2019")),
        write(tmp_path, "mars.txt", minutes("14 mars")),
    ]
    result = track("import", *files, "--yes")
    assert "mars.txt: meeting #3 Referensgruppen 2019-03-14" in result.stdout
    assert "took 2019 from the other meetings of Referensgruppen (nearest: 14 februari 2019)" in result.stderr
    olle = [i for i in track.json("open") if i["meeting"]["id"] == 3]
    assert olle[0]["due"] == "2019-03-28"  # two weeks from the meeting, in the year taken


def test_the_year_comes_from_the_groups_meetings_in_the_database(track, tmp_path):
    track("import", write(tmp_path, "nov.txt", minutes("21 november 2018")), "--yes")
    result = track("import", write(tmp_path, "jan.txt", minutes("16 januari")), "--yes")
    assert "meeting #2 Referensgruppen 2019-01-16" in result.stdout  # nearer 2018-11-21 than 2018-01-16
    assert "took 2019 from the other meetings of Referensgruppen" in result.stderr


def test_year_given_wins_and_recomputes_deadlines(track, tmp_path):
    track("import", write(tmp_path, "nov.txt", minutes("21 november 2018")), "--yes")
    track("import", write(tmp_path, "jan.txt", minutes("16 januari")), "--year", "2021", "--yes")
    meetings = {m["id"]: m for m in track.json("meeting", "list")}
    assert meetings[2]["date"] == "2021-01-16"
    assert [i["due"] for i in track.json("open") if i["meeting"]["id"] == 2] == ["2021-01-30"]


def test_no_year_anywhere_is_refused_with_a_sentence_asking_for_date(track, tmp_path):
    result = track.fails("import", write(tmp_path, "mars.txt", minutes("14 mars")), "--yes")
    assert result.stderr.count("\n") == 1 and "has no year" in result.stderr and "--date" in result.stderr
    assert track.is_empty()


def test_no_date_at_all_is_refused_and_date_sets_it(track, tmp_path):
    text = (
        "Referensgruppen\n\nNärvarande: Karin Holm, Olle Berg\n\nOlle tar fram ett förslag om två veckor.\n"
    )
    path = write(tmp_path, "utan-datum.txt", text)
    assert "give it with --date" in track.fails("import", path, "--yes").stderr
    out = track("import", path, "--date", "2019-05-06", "--yes").stdout
    assert "meeting #1 Referensgruppen 2019-05-06" in out
    assert track.json("open")[0]["due"] == "2019-05-20"  # relative deadlines count from --date


def test_the_question_at_a_terminal(track, tmp_path):
    path = write(tmp_path, "mars.txt", minutes("14 mars"))
    track("import", path, "--review", input="2018\nA\n")
    assert track.json("meeting", "list")[0]["date"] == "2018-03-14"


@pytest.mark.parametrize(
    ("refs", "expected"),
    [
        (["2019-02-14"], 2019),
        (["2018-12-20"], 2019),
        (["2019-06-01"], 2019),
        (["2017-11-01", "2016-03-01"], 2016),
    ],
)
def test_nearest_year(refs, expected):
    from datetime import date

    from actiontrack.usecases.meeting_dates import nearest_year

    assert nearest_year(3, 14, [date.fromisoformat(r) for r in refs]) == expected


def test_extract_takes_the_date_too_and_warns_of_a_date_it_cannot_read(track, tmp_path):
    text = "Referensgruppen\n\nNärvarande: Karin Holm, Olle Berg\n\nOlle tar fram ett förslag om två veckor.\nKarin ringer senast 31/13.\n"
    path = write(tmp_path, "utan-datum.txt", text)
    result = track("extract", path, "--date", "2019-05-06", "--format", "json")
    data = json.loads(result.stdout)
    assert data["meeting"]["date"] == "2019-05-06"
    assert [i["due"] for i in data["items"]] == ["2019-05-20", None]
    assert any("'senast 31/13'" in w for w in data["warnings"])


def test_add_warns_of_a_date_it_cannot_read(track):
    result = track("add", "Vi ska skicka rapporten senast 32 mars")
    assert "no due date" in result.stdout
    assert "'senast 32 mars' looks like a date" in result.stderr


def test_extract_explain_shows_each_sentences_path(track, tmp_path):
    path = write(tmp_path, "m.txt", minutes("14 mars 2019") + "\nAtt göra:\n- Boka lokal (Olle)\n")
    out = track("extract", path, "--explain").stdout
    assert "Verdict" in out and "todo" in out and "Boka lokal (Olle)" in out
    steps = json.loads(track("extract", path, "--explain", "--format", "json").stdout)["steps"]
    assert {"line", "block", "topic", "context", "verdict", "rule", "text"} <= set(steps[0])
    # the rule says how likely the clause is an item and which features weighed most
    assert any(s["verdict"] == "action" and "todo" in s["rule"] for s in steps)


def test_import_keeps_the_meetings_time_of_day(track, tmp_path):
    text = "Brukarrådet\nSammanträde 2019-03-14, kl. 13.00–15.00\n\nNärvarande: Karin Holm, Olle Berg\n\nOlle bokar lokalen.\n"
    track("import", write(tmp_path, "m.txt", text), "--yes")
    assert [m["time"] for m in track.json("meeting", "list")] == ["13.00-15.00"]
