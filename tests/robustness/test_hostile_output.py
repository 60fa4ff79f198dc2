"""What others wrote cannot act on whoever opens the output: no formula runs in Excel,
no escape sequence reaches the terminal, no Markdown or HTML of an item's own changes an e-mail."""

import csv
import io

import pytest

from tests.conftest import Track

ESC = "\x1b"
SHOUTING = f"Vi ska {ESC}[2J{ESC}]0;hackad{ESC}\\ fixa {ESC}[31mdörren\x07\x9b"


@pytest.fixture
def hostile(tmp_path):
    track = Track(tmp_path / "t.db")
    track("meeting", "start", "+Gruppen", "--date", "2016-02-08")
    track("people", "add", "Leif Redestig")
    for text in ('=HYPERLINK("http://x";"klicka")', "-2+3 ska räknas", "@SUM(A1) ska bort", "\tTabbad text"):
        track("add", "--owner", "Leif Redestig", "--", text)
    track("add", SHOUTING, "--owner", "Leif Redestig", "--due", "2016-02-01")
    return track


def rows(text):
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))


@pytest.mark.parametrize("command", [["open", "--format", "csv"], ["export", "--format", "csv"]])
def test_csv_cells_never_start_a_formula(hostile, command):
    table = rows(hostile(*command).stdout)
    header, body = table[0], table[1:]
    texts = [r[header.index("text")] for r in body]
    assert '\'=HYPERLINK("http://x";"klicka")' in texts
    assert "'-2+3 ska räknas" in texts and "'@SUM(A1) ska bort" in texts
    assert all(r[header.index("group")] == "'+Gruppen" for r in body)
    for row in body:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
            assert ESC not in cell


@pytest.mark.parametrize(
    "command",
    [
        ["open"],
        ["open", "--overdue"],
        ["show", "5"],
        ["agenda", "+Gruppen"],
        ["agenda", "+Gruppen", "--format", "md"],
        ["agenda", "+Gruppen", "--format", "html"],
        ["digest"],
        ["open", "--group", f"finns{ESC}[2Jinte"],
    ],
)
def test_no_control_character_reaches_the_terminal(hostile, command):
    result = hostile(*command, ok=False)
    shown = result.stdout + result.stderr
    assert ESC not in shown and "\x07" not in shown and "\x9b" not in shown
    assert "\\x1b" in shown


def test_the_add_echo_shows_escapes(tmp_path):
    result = Track(tmp_path / "t.db")("add", SHOUTING)
    assert ESC not in result.stdout and "\\x1b[31mdörren" in result.stdout


def test_extract_drops_escapes_from_a_document(tmp_path):
    minutes = tmp_path / "m.txt"
    minutes.write_text(
        f"Gruppen 1 mars 2019\n\nLeif ska skicka {ESC}[31mprotokollet{ESC}[0m.\n", encoding="utf-8"
    )
    result = Track(tmp_path / "t.db")("extract", str(minutes))
    assert ESC not in result.stdout + result.stderr and "[31mprotokollet" in result.stdout
    assert "2 control characters (such as NUL) were removed" in result.stderr


def test_json_keeps_the_text_but_escapes_it(hostile):
    import json

    out = hostile("open", "--format", "json").stdout
    assert ESC not in out and "\x9b" not in out
    assert SHOUTING in [i["text"] for i in json.loads(out)]


def test_markdown_of_an_item_stays_text(tmp_path):
    from markdown_it import MarkdownIt

    track = Track(tmp_path / "t.db")
    track("meeting", "start", "Gruppen <b>", "--date", "2016-02-01")
    track("people", "add", "Leif Redestig")
    track(
        "add",
        "<script>alert(1)</script> [klicka](javascript:alert(1)) **viktigt** ska ses",
        "--owner",
        "Leif Redestig",
        "--due",
        "2016-03-01",
    )
    track("add", "--owner", "Leif Redestig", "--", "- ![bild](http://x/y.png) ~~strykt~~ ska bort")
    track("add", "# Rubrik ska inte bli rubrik", "--owner", "Leif Redestig")
    for command in (
        ["agenda", "Gruppen <b>", "--format", "md", "--date", "2016-02-15"],
        ["digest", "--format", "md"],
    ):
        md = track(*command).stdout
        html = MarkdownIt("commonmark").render(md)
        assert "<script" not in html and "<b>" not in html
        assert "<a " not in html and "<img" not in html and "<s>" not in html and "<del>" not in html
        assert "<strong>viktigt" not in html and "<h1>Rubrik" not in html
        assert html.count("<li>") == 3  # each item one list entry, none nested
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_agenda_review_shows_escapes(hostile):
    result = hostile("agenda", "+Gruppen", "--review", input="q\n", ok=False)
    assert ESC not in result.stdout + result.stderr
    assert "\\x1b[31mdörren" in result.stderr
