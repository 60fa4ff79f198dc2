"""track add / open / done / reopen / drop / edit / note / show, end to end on a temporary database."""

import json

import pytest


def test_add_reads_owner_and_due_date_from_the_swedish_text(people):
    people("meeting", "start", "Gemensam utvecklingsgrupp", "--date", "2016-02-08")
    item = people.json("add", "Leif ska skicka ut förslaget senast fredag")
    assert item["owners"] == ["Leif Redestig"]
    assert item["due"] == "2016-02-12"
    assert item["kind"] == "action" and item["status"] == "open"
    assert item["meeting"]["group"] == "Gemensam utvecklingsgrupp" and item["meeting"]["date"] == "2016-02-08"
    assert set(item) >= {"id", "kind", "text", "owners", "due", "status", "meeting", "source"}


def test_add_two_owners_and_nicknames(people):
    assert people.json("add", "Ia och Allan jobbar vidare med frågan")["owners"] == [
        "Ia Jonsson",
        "Allan Hedman",
    ]
    assert people.json("add", "Bosse tar fram ett underlag")["owners"] == ["Bo Pettersson"]


def test_add_with_explicit_owner_and_due(people):
    item = people.json("add", "Boka lokal", "--owner", "leif", "--owner", "Ia", "--due", "vecka 12")
    assert item["owners"] == ["Leif Redestig", "Ia Jonsson"]
    assert item["due"] == "2016-03-25"


def test_add_organisation_owner(people):
    assert people.json("add", "Förvaltningen skickar ut kallelsen", "--owner", "socialförvaltningen")[
        "owners"
    ] == ["socialförvaltningen"]


def test_add_without_a_meeting_uses_today_as_base(track):
    item = track.json("add", "Vi ska boka ett datum i mitten av mars")
    assert item["meeting"] is None and item["owners"] == [] and item["due"] == "2016-03-15"


def test_add_deferral_is_kind_deferred(track):
    assert track.json("add", "Punkten om budgeten bordläggs")["kind"] == "deferred"


def test_add_unknown_person_is_an_error_with_advice(people):
    result = people.fails("add", "Sara ska ringa hyresvärden")
    assert "Nobody called 'Sara'" in result.stderr and "track people add" in result.stderr
    assert people.json("open") == []


def test_add_ambiguous_person_is_an_error_naming_both(people):
    people("people", "add", "Leif Ek")
    result = people.fails("add", "Leif ska ringa")
    assert "Leif Ek" in result.stderr and "Leif Redestig" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["add", ""], "needs a text"),
        (["add", "   "], "needs a text"),
        (["add", "Boka lokal", "--due", "den 31 februari"], "has no day 31"),
        (["add", "Boka lokal", "--due", "snart"], "not a date"),
        (["add", "Boka lokal", "--meeting", "99"], "no meeting 99"),
        (["done", "42"], "no item 42"),
        (["show", "42"], "no item 42"),
        (["reopen", "42"], "no item 42"),
        (["note", "42", "text"], "no item 42"),
        (["edit", "42", "--text", "x"], "no item 42"),
        (["drop", "42", "--reason", "x"], "no item 42"),
        (["open", "--group", "Okänd grupp"], "no group"),
        (["open", "--due-before", "vecka 54"], "53 weeks"),
    ],
)
def test_errors_are_one_sentence_and_exit_1(track, args, message):
    result = track.fails(*args)
    assert message in result.stderr
    assert result.stdout == ""


def test_usage_errors_exit_2(track):
    assert track.fails("done", "tolv", code=2).exit_code == 2
    assert track.fails("frobnicate", code=2).exit_code == 2


def test_open_orders_overdue_first_then_by_due_then_oldest(people):
    people("add", "Ingen tid alls")
    people("add", "Senare uppgift", "--due", "2016-04-01")
    people("add", "Försenad uppgift", "--due", "2016-02-01")
    people("add", "Tidigare uppgift", "--due", "2016-03-01")
    texts = [i["text"] for i in people.json("open")]
    assert texts == ["Försenad uppgift", "Tidigare uppgift", "Senare uppgift", "Ingen tid alls"]
    assert people.json("open", "--overdue")[0]["overdue"] is True
    assert [i["text"] for i in people.json("open", "--due-before", "15 mars")] == [
        "Försenad uppgift",
        "Tidigare uppgift",
    ]


def test_open_filters_by_owner_group_and_meeting(people):
    people("meeting", "start", "Styrgruppen", "--date", "2016-02-01")
    people("add", "Leif ska ringa")
    people("meeting", "start", "Nätverket", "--date", "2016-02-08", "--new-group")
    people("add", "Ia ska skriva")
    assert [i["text"] for i in people.json("open", "--owner", "Leif")] == ["Leif ska ringa"]
    assert [i["text"] for i in people.json("open", "--owner", "leif redestig")] == ["Leif ska ringa"]
    assert [i["text"] for i in people.json("open", "--group", "nätverket")] == ["Ia ska skriva"]
    assert [i["text"] for i in people.json("open", "--meeting", "1")] == ["Leif ska ringa"]


def test_open_owner_of_a_first_name_many_share_asks_for_the_full_name(track):
    surnames = ["Ahl", "Berg", "Dahl", "Ek", "Falk", "Holm", "Lind", "Lund", "Nord", "Ros", "Sand", "Viik"]
    for surname in surnames[:3]:
        track("people", "add", f"Tove {surname}")
    track("meeting", "start", "Trädgårdsgruppen", "--date", "2016-02-01", "--new-group")
    track("add", "Ring vaktmästaren", "--owner", "Tove Ahl")
    assert [i["text"] for i in track.json("open", "--owner", "Tove")] == [
        "Ring vaktmästaren"
    ]  # a few: all theirs
    for surname in surnames[3:]:
        track("people", "add", f"Tove {surname}")
    shown = ", ".join(f"Tove {s}" for s in sorted(surnames)[:10])
    said = track.fails("open", "--owner", "Tove").stderr
    assert f"'Tove' could be any of: {shown} and 2 others. Give the full name." in said
    assert [i["text"] for i in track.json("open", "--owner", "Tove Ahl")] == ["Ring vaktmästaren"]
    # a group narrows the items: the first name is taken as it is there
    narrowed = track.json("open", "--owner", "Tove", "--group", "Trädgårdsgruppen")
    assert [i["text"] for i in narrowed] == ["Ring vaktmästaren"]


def test_open_table_shows_origin_meeting_and_csv_pipes(people):
    people("meeting", "start", "Styrgruppen", "--date", "2016-02-01")
    people("add", "Leif ska ringa kommunen senast fredag")
    table = people("open").stdout
    assert "Leif Redestig" in table and "Styrgruppen" in table and "2016-02-05" in table
    csv_out = people("open", "--format", "csv").stdout
    assert csv_out.splitlines()[0].startswith("id,kind,status,due,owners")
    assert "Leif ska ringa kommunen senast fredag" in csv_out


def test_done_reopen_drop_and_history(people):
    people("add", "Leif ska ringa")
    people("add", "Ia ska skriva")
    assert "Done #1" in people("done", "1", "2", "--note", "Klart på mötet").stdout
    assert people.json("open") == []
    people.fails("done", "1")  # already done
    people("reopen", "1")
    people.fails("reopen", "1")  # already open
    people.fails("drop", "1", "--reason", " ")
    people("drop", "1", "--reason", "Inte aktuellt längre")
    shown = people.json("show", "1")
    assert shown["status"] == "dropped"
    assert [h["action"] for h in shown["history"]] == ["created", "done", "reopened", "dropped"]
    assert shown["history"][1]["detail"] == {"note": "Klart på mötet"}


def test_done_is_all_or_nothing(people):
    people("add", "Leif ska ringa")
    people.fails("done", "1", "99")
    assert len(people.json("open")) == 1


def test_edit_records_what_changed(people):
    people("meeting", "start", "Styrgruppen", "--date", "2016-02-08")
    people("add", "Leif ska ringa")
    edited = people.json(
        "edit", "1", "--text", "Leif ska ringa hyresvärden", "--owner", "Ia", "--due", "nästa fredag"
    )
    assert edited["owners"] == ["Ia Jonsson"] and edited["due"] == "2016-02-19"
    assert edited["history"][-1]["detail"] == {
        "text": ["Leif ska ringa", "Leif ska ringa hyresvärden"],
        "due": [None, "2016-02-19"],
        "owners": [["Leif Redestig"], ["Ia Jonsson"]],
    }
    assert people.json("edit", "1", "--due", "none")["due"] is None
    assert (
        "Nothing to change"
        in people.fails("edit", "1", "--text", "Leif ska ringa hyresvärden", code=2).stderr
    )


def test_note_and_show(people):
    people("add", "Leif ska ringa")
    people("note", "1", "Ringde, inget svar")
    shown = people("show", "1").stdout
    assert "Ringde, inget svar" in shown and "Leif Redestig" in shown and "History" in shown
    assert people.json("show", "1")["history"][-1] == {
        "at": "2016-02-08T09:00:00+00:00",
        "action": "noted",
        "detail": {"note": "Ringde, inget svar"},
        "meeting_id": None,
    }


def test_json_output_is_exactly_one_document(people):
    people("add", "Leif ska ringa")
    out = people("open", "--format", "json").stdout
    assert isinstance(json.loads(out), list)


def test_brackets_in_user_text_are_shown_as_written(track):
    track("add", "Vi ska läsa [bilaga 2] och boka [lokal]")
    track("add", "Punkten [budget] bordläggs")
    out = track("open").stdout
    assert "[bilaga 2]" in out and "[deferred]" in out and "[budget]" in out
