"""Escape sequences stored in any field never reach the terminal, whichever command prints the
field: OSC 8 links, CSI (clear screen, colours), a BEL-ended OSC title, a C1 CSI. Every text is
printed through render.visible (tables through the console that applies it to every segment)."""

import json

import pytest

from tests.conftest import Track

ESC = "\x1b"
HOSTILE = [f"{ESC}]8;;http://x{ESC}\\länk{ESC}]8;;{ESC}\\", f"{ESC}[2J", f"{ESC}]0;titel\x07", "\x9b31m"]


def h(word):
    """A value with every kind of sequence in it."""
    return word + "".join(HOSTILE) + "slut"


GROUP, PLACE, TITLE = h("Grupp"), h("Salen"), h("Titel")
PERSON, ORG, ALIAS = h("Leif Redestig"), h("förvaltningen"), h("Leffe")
TEXT, NOTE, REASON = h("Vi ska boka"), h("En notering"), h("Ingen tid")


def clean(result):
    shown = result.stdout + (result.stderr or "")
    for raw in (ESC, "\x07", "\x9b"):
        assert raw not in shown, (raw, shown)
    return shown


@pytest.fixture
def hostile(tmp_path):
    track = Track(tmp_path / "t.db")
    track("meeting", "start", f"+{GROUP}", "--date", "2016-02-08", "--place", PLACE)
    track("people", "add", PERSON, "--org", ORG, "--alias", ALIAS)
    track("add", "--owner", PERSON, "--due", "2016-02-01", "--", TEXT)
    track("add", "--owner", PERSON, "--", h("Andra saken"))
    track("note", "1", NOTE)
    track("drop", "2", "--reason", REASON)
    return track


COMMANDS = [
    ["open"],
    ["open", "--all"],
    ["open", "--format", "csv"],
    ["show", "1"],
    ["show", "2"],
    ["agenda", f"+{GROUP}"],
    ["agenda", f"+{GROUP}", "--format", "md"],
    ["agenda", f"+{GROUP}", "--format", "html"],
    ["digest"],
    ["export", "--format", "csv"],
    ["export", "--format", "ics"],
    ["log"],
    ["meeting", "list"],
    ["people", "list"],
    ["person", "export", PERSON],
    ["check"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c)[:30])
def test_no_stored_sequence_reaches_the_terminal(hostile, command):
    shown = clean(hostile(*command))
    assert "\\x1b" in shown or "\\u001b" in shown or command[0] == "check"


def test_every_command_that_changes_a_meeting_says_so_safely(hostile):
    clean(hostile("meeting", "edit", "1", "--title", TITLE))
    clean(hostile("meeting", "start", f"+{h('Annan')}", "--date", "2016-03-01", "--new-group"))
    clean(hostile("meeting", "end"))
    clean(hostile("undo"))
    clean(hostile("undo"))
    clean(hostile("log"))
    clean(hostile("people", "alias", PERSON, h("Lelle")))
    shown = clean(hostile("meeting", "delete", "1", "--yes"))
    assert "\\x1b]8;;http://x" in shown
    clean(hostile("undo"))
    clean(hostile("person", "forget", PERSON, "--yes"))


def test_after_a_json_restore_too(hostile, tmp_path):
    exported = tmp_path / "alla.json"
    hostile("export", "--format", "json", "-o", str(exported))
    assert (
        ESC in json.loads(exported.read_text(encoding="utf-8"))["items"][0]["text"]
    )  # kept, escaped in JSON
    restored = Track(tmp_path / "ny.db")
    clean(restored("import", "--from-json", str(exported)))
    for command in COMMANDS:
        clean(restored(*command))


def test_extract_and_import_of_a_document_with_c1_controls(tmp_path):
    minutes = tmp_path / "m.txt"
    minutes.write_text(f"{h('Styrelsen')} 1 mars 2019\n\nLeif ska ringa {h('Bo')}.\n", encoding="utf-8")
    track = Track(tmp_path / "t.db")
    clean(track("extract", str(minutes)))
    clean(track("extract", str(minutes), "--explain"))
    clean(track("import", str(minutes), "--yes"))
    clean(track("meeting", "list"))
