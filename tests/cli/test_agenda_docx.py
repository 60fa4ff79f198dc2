"""The agenda as a Swedish meeting expects it: the Word "kallelse och dagordning",
the outline from a template the secretary can change, items of several owners once."""

import io
import os
import subprocess
import sys

import pytest

from tests.conftest import Track

GROUP = "Kulturrådet"
MINUTES = """Kulturrådet 4 mars 2019

Tid: 13.00-15.00
Plats: Rådhuset

Närvarande: Anna Ek, Bo Lund, Cecilia Holm
Frånvarande: David Sten

Lokalfrågan

Frågan om den nya lokalen bordläggs till nästa möte.

Festivalen

Anna och Bo ska ta fram en budget för festivalen senast 11 mars.
Cecilia ska boka scenen senast 29 mars.
Bo ska skriva till föreningarna.

Mötestider

Tider för våren:

- 1 april (Rådhuset)
- 6 maj (Biblioteket)
"""
SV_POINTS = [
    "Mötets öppnande",
    "Val av justerare",
    "Godkännande av dagordningen",
    "Föregående protokoll",
    "Bordlagda punkter",
    "Uppföljning av åtgärder",
    "Övriga frågor",
    "Nästa möte",
    "Mötets avslutande",
]


@pytest.fixture
def council(tmp_path):
    minutes = tmp_path / "kulturradet-mars.txt"
    minutes.write_text(MINUTES, encoding="utf-8")
    track = Track(tmp_path / "t.db", now="2019-03-20T09:00:00+01:00")
    track("import", str(minutes), "--yes")
    # a second item of both Anna and Bo, open and not overdue: it must be listed once
    track(
        "add",
        "Anna och Bo ska planera invigningen",
        "--owner",
        "Anna Ek",
        "--owner",
        "Bo Lund",
        "--meeting",
        "1",
    )
    return track


def _docx(track, tmp_path, *args):
    import docx

    out = tmp_path / "kallelse.docx"
    track("agenda", GROUP, "--format", "docx", "-o", str(out), *args)
    return docx.Document(str(out))


def _point_style(document):
    return next(s for s in document.styles if s.type == 1 and s.name in ("Dagordningspunkt", "Agenda point"))


def test_the_word_agenda_has_the_points_in_order(council, tmp_path):
    document = _docx(council, tmp_path, "--lang", "sv")
    style = _point_style(document)
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    assert paragraphs[0] == ("Title", "Kallelse och dagordning")
    assert [text for name, text in paragraphs if name == style.name] == SV_POINTS
    texts = [text for _, text in paragraphs]

    def at(start):
        return next(n for n, t in enumerate(texts) if t.startswith(start))

    # deferred point under its point; the follow-up: overdue first, then by owner, then done
    assert at("Bordlagda punkter") < at("Frågan om den nya lokalen") < at("Uppföljning av åtgärder")
    assert (
        at("Uppföljning av åtgärder")
        < at("Försenade åtgärder")
        < at("Anna Ek, Bo Lund: Anna och Bo ska ta fram")
    )
    assert (
        at("Anna Ek, Bo Lund: Anna och Bo ska ta fram") < at("Öppna åtgärder") < at("Klart sedan förra mötet")
    )
    assert at("Klart sedan förra mötet") < at("Övriga frågor") < at("Nästa möte") < at("Mötets avslutande")
    assert texts[at("Nästa möte") + 1] == "6 maj 2019 (enligt mötesplanen), Biblioteket"
    owners = [t for name, t in paragraphs if name == "Heading 3"]
    assert owners == ["Anna Ek, Bo Lund", "Bo Lund"]  # Cecilia's item is overdue: above, with her name
    assert (
        at("Anna Ek, Bo Lund: Anna och Bo ska ta fram") < at("Cecilia Holm: Cecilia ska boka") < at("Öppna")
    )
    assert sum("planera invigningen" in t for t in texts) == 1  # two owners, listed once
    assert texts[texts.index("Anna Ek, Bo Lund") + 1].startswith("Anna och Bo ska planera invigningen")


def test_the_word_agenda_is_numbered_by_word_and_its_head_names_the_meeting(council, tmp_path):
    from docx.oxml.ns import qn

    document = _docx(council, tmp_path, "--lang", "sv")
    style = _point_style(document)
    num_pr = style.element.pPr.numPr
    assert num_pr is not None and num_pr.numId.val  # Word's list numbering, not typed numbers
    assert style.base_style.name == "Heading 1"  # the points are headings: the navigation pane shows them
    numbering = document.part.numbering_part.element
    (num,) = [n for n in numbering.num_lst if n.numId == num_pr.numId.val]
    abstract = next(
        a
        for a in numbering.findall(qn("w:abstractNum"))
        if a.get(qn("w:abstractNumId")) == str(num.abstractNumId.val)
    )
    assert abstract.find(qn("w:lvl")).find(qn("w:numFmt")).get(qn("w:val")) == "decimal"
    assert all(
        p.style.name == "List Bullet" for p in document.paragraphs if p.text.startswith("Bo ska skriva")
    )
    head = {row.cells[0].text: row.cells[1].text for row in document.tables[0].rows}
    assert document.paragraphs[1].text == GROUP
    assert head == {
        "Datum": "1 april 2019",
        "Tid": "13.00-15.00",
        "Plats": "Rådhuset",
        "Kallade": "Anna Ek, Bo Lund, Cecilia Holm, David Sten",
    }
    section = document.sections[0]
    assert round(section.page_width.cm, 1) == 21.0 and round(section.page_height.cm, 1) == 29.7  # A4
    assert document.core_properties.language == "sv-SE"


def test_the_word_agenda_in_english(council, tmp_path):
    document = _docx(council, tmp_path, "--lang", "en")
    style = _point_style(document)
    assert document.paragraphs[0].text == "Notice and agenda"
    points = [p.text for p in document.paragraphs if p.style.name == style.name]
    assert points[0] == "Opening of the meeting" and points[5] == "Follow-up of action items"
    assert {row.cells[0].text for row in document.tables[0].rows} == {"Date", "Time", "Place", "Invited"}


def test_the_word_agenda_goes_down_a_pipe_but_not_to_a_terminal(council):
    import docx

    piped = council("agenda", GROUP, "--format", "docx").stdout_bytes
    assert piped.startswith(b"PK") and docx.Document(io.BytesIO(piped)).paragraphs
    leader, follower = os.openpty()
    try:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "actiontrack",
                "--db",
                str(council.db),
                "agenda",
                GROUP,
                "--format",
                "docx",
            ],
            stdout=follower,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "TRACK_DATABASE_URL": ""},
        )
    finally:
        os.close(follower)
        os.close(leader)
    assert result.returncode == 2 and "binary file" in result.stderr and "Traceback" not in result.stderr


def test_an_item_of_two_owners_is_listed_once_in_every_format(council):
    md = council("agenda", GROUP, "--format", "md", "--lang", "sv").stdout
    assert md.count("planera invigningen") == 1 and "#### Anna Ek, Bo Lund" in md
    html = council("agenda", GROUP, "--format", "html").stdout
    assert html.count("planera invigningen") == 1
    terminal = council("agenda", GROUP).stdout
    assert terminal.count("planera invigningen") == 1 and "Anna Ek, Bo Lund" in terminal


# --- the template ------------------------------------------------------------------------------

OWN = """# Styrelsens egen ordning
1. Mötet öppnas
§ 2 Närvaro
[uppföljning] Vad har hänt sedan sist?
[BORDLAGDA]
Avslutning
"""


def test_a_template_file_changes_the_outline_of_every_format(council, tmp_path):
    template = tmp_path / "egen.txt"
    template.write_text(OWN, encoding="utf-8")
    md = council("agenda", GROUP, "--format", "md", "--lang", "sv", "--template", str(template)).stdout
    headings = [line for line in md.splitlines() if line.startswith("## ")]
    assert headings == [
        "## 1. Mötet öppnas",
        "## 2. Närvaro",
        "## 3. Vad har hänt sedan sist?",
        "## 4. Bordlagda punkter",
        "## 5. Avslutning",
    ]
    assert (
        md.index("### Försenade åtgärder")
        < md.index("## 4. Bordlagda punkter")
        < md.index("Frågan om den nya lokalen")
    )
    assert "Nästa möte" not in md.split("\n\n", 2)[2]  # no [nästa möte]: no such point (the head keeps it)
    html = council("agenda", GROUP, "--format", "html", "--template", str(template)).stdout
    assert html.index("Mötet öppnas") < html.index("Vad har hänt sedan sist?") < html.index("Avslutning")
    terminal = council("agenda", GROUP, "--template", str(template)).stdout
    assert "3. Vad har hänt sedan sist?" in terminal and "Mötets öppnande" not in terminal
    document = _docx(council, tmp_path, "--lang", "sv", "--template", str(template))
    style = _point_style(document)
    points = [p.text for p in document.paragraphs if p.style.name == style.name]
    assert points == [
        "Mötet öppnas",
        "Närvaro",
        "Vad har hänt sedan sist?",
        "Bordlagda punkter",
        "Avslutning",
    ]


def test_the_configured_template_is_used_and_the_option_wins(council, tmp_path, monkeypatch):
    configured = tmp_path / "konfigurerad.txt"
    configured.write_text("Inledning\n[uppföljning]\n", encoding="utf-8")
    config = tmp_path / "config.toml"
    config.write_text(f'agenda_template = "{configured.as_posix()}"\n', encoding="utf-8")
    monkeypatch.setenv("TRACK_CONFIG", str(config))
    from actiontrack import config as settings

    settings.reload()
    try:
        md = council("agenda", GROUP, "--format", "md", "--lang", "en").stdout
        assert "## 1. Inledning" in md and "## 2. Follow-up of action items" in md
        other = tmp_path / "annan.txt"
        other.write_text("Annan ordning\n", encoding="utf-8")
        md = council("agenda", GROUP, "--format", "md", "--template", str(other)).stdout
        assert "## 1. Annan ordning" in md and "Inledning" not in md
        config.write_text('agenda_template = "konfigurerad.txt"\n', encoding="utf-8")  # beside config.toml
        settings.reload()
        (tmp_path / "elsewhere").mkdir()
        monkeypatch.chdir(tmp_path / "elsewhere")  # not where the command runs
        md = council("agenda", GROUP, "--format", "md", "--lang", "en").stdout
        assert "## 1. Inledning" in md
        configured.unlink()
        settings.reload()
        error = council.fails("agenda", GROUP, "--format", "md").stderr
        assert "There is no agenda template" in error and "(the setting agenda_template)" in error
    finally:
        settings.reload()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "Öppnande\n[övrigt] Övrigt\n",
            "Line 2 of {file}: unknown marker [övrigt]; the markers are [bordlagda]",
        ),
        ("[uppföljning\n", "Line 1 of {file}: a marker is closed with ']'"),
        ("[bordlagda]\nPaus\n[Bordlagda] Igen\n", "Line 3 of {file}: [Bordlagda] is there already on line 1"),
        ("# bara kommentarer\n\n", "{file} has no points"),
        ("", "{file} has no points"),
    ],
)
def test_a_bad_template_is_one_sentence(council, tmp_path, text, message):
    template = tmp_path / "mall.txt"
    template.write_text(text, encoding="utf-8")
    result = council.fails("agenda", GROUP, "--template", str(template), code=2)
    assert message.format(file=template) in result.stderr
    assert result.stderr.count("\n") == 1


def test_a_missing_or_wrong_template_file(council, tmp_path):
    missing = tmp_path / "finns-inte.txt"
    assert (
        f"There is no agenda template {missing}."
        in council.fails("agenda", GROUP, "--template", str(missing), code=2).stderr
    )
    assert "is a folder" in council.fails("agenda", GROUP, "--template", str(tmp_path), code=2).stderr
    binary = tmp_path / "bild.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0")
    assert "not a short text file" in council.fails("agenda", GROUP, "--template", str(binary), code=2).stderr


def test_a_bad_template_in_swedish(council, tmp_path):
    template = tmp_path / "mall.txt"
    template.write_text("[okänd]\n", encoding="utf-8")
    error = council.fails("agenda", GROUP, "--template", str(template), "--lang", "sv", code=2).stderr
    assert f"Rad 1 i {template}: okänd markör [okänd]" in error


def test_a_template_saved_by_an_old_windows_program_is_read(council, tmp_path):
    template = tmp_path / "ansi.txt"
    template.write_bytes("Mötets öppnande\n[uppföljning] Åtgärder\n".encode("cp1252"))
    md = council("agenda", GROUP, "--format", "md", "--template", str(template)).stdout
    assert "## 1. Mötets öppnande" in md and "## 2. Åtgärder" in md


# --- the rest of the agenda in Swedish -----------------------------------------------------------


def test_the_review_speaks_swedish(council):
    result = council("agenda", GROUP, "--review", "--lang", "sv", input="d\n\nk\nq\n")
    assert "Går igenom 5 åtgärder vid möte" in result.stderr
    assert "[u]tförd, [b]ehåll" in result.stderr  # Swedish letters; the English ones work too
    assert "Genomgång: 1 utförd, 1 ligger kvar." in result.stderr
    english = council("agenda", GROUP, "--review", "--lang", "en", input="z\nq\n")
    assert "Answer d, k, n, r, x, s or q." in english.stderr and "Review: nothing changed." in english.stderr


def test_the_digest_speaks_swedish_with_plurals(council):
    text = council("digest", "--owner", "Anna Ek", "--lang", "sv").stdout
    assert text.splitlines()[0] == "## Anna Ek: 2 öppna åtgärder, 1 försenad"
    assert "- **Försenad**: Anna och Bo ska ta fram" in text
    nobody = council("digest", "--owner", "David Sten", "--lang", "sv")
    assert "David Sten har inga öppna åtgärder." in nobody.stderr


def test_the_readme_shows_the_built_in_template_as_shipped():
    from pathlib import Path

    from actiontrack.agenda.outline import BUILT_IN

    page = (Path(__file__).resolve().parents[2] / "docs" / "agenda.md").read_text(encoding="utf-8")
    section = page.split("## The agenda template", 1)[1]
    shown = section.split("```text\n", 1)[1].split("```", 1)[0]
    assert shown == (BUILT_IN / "agenda.sv.txt").read_text(encoding="utf-8")


def test_the_readme_pictures_are_there_and_small():
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    page = (root / "docs" / "agenda.md").read_text(encoding="utf-8")
    pictures = re.findall(r"\]\((agenda-[a-z]+\.png)\)", page)
    assert pictures == ["agenda-html.png", "agenda-word.png"]
    for name in pictures:
        data = (root / "docs" / name).read_bytes()
        assert data.startswith(b"\x89PNG") and len(data) < 200_000, name  # scripts/agenda_pictures.sh


def test_control_characters_of_others_are_shown_in_the_word_agenda(tmp_path):
    import docx

    track = Track(tmp_path / "t.db")
    track("meeting", "start", "Gruppen\x1b[2J", "--date", "2016-02-08", "--place", "Rum\x07 4")
    track("people", "add", "Leif Redestig")
    track("add", "Leif ska fixa \x1b[31mdörren\x01\x9b", "--owner", "Leif Redestig", "--due", "2016-02-01")
    out = tmp_path / "k.docx"
    track("agenda", "Gruppen\x1b[2J", "--date", "2016-02-15", "--format", "docx", "-o", str(out))
    document = docx.Document(str(out))
    texts = [p.text for p in document.paragraphs] + [c.text for r in document.tables[0].rows for c in r.cells]
    assert any("fixa \\x1b[31mdörren\\x01\\x9b" in t for t in texts)
    assert "Gruppen\\x1b[2J" in texts and "Rum\\x07 4" in texts
    assert not any("\x1b" in t or "\x07" in t for t in texts)


def test_the_readme_agenda_is_what_track_prints(tmp_path):
    from pathlib import Path

    from tests.conftest import DATA

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    command = '$ track agenda "Ledningsgrupp för utveckling" --format md --lang sv\n'
    shown = readme.split(command, 1)[1].split("...\n```", 1)[0]
    track = Track(tmp_path / "t.db", now="2017-12-08T09:00:00+01:00")  # the README's week, in short
    track("import", *sorted(str(p) for p in DATA.glob("*.txt")), "--yes")
    track("meeting", "start", "Gemensam utvecklingsgrupp", "--place", "Bryggan")
    for text in (
        "Leif ska skicka ut förslaget senast fredag",
        "Ia och Allan jobbar vidare med frågan",
        "Sara ska ringa hyresvärden",
    ):
        track("add", text, ok=False)  # Sara is not known: the README shows that error
    closed = next(i["id"] for i in track.json("open") if "tillfråga Jörgen" in i["text"])
    track("done", str(closed), "--note", "Jörgen tackade ja")
    printed = track("agenda", "Ledningsgrupp för utveckling", "--format", "md", "--lang", "sv").stdout
    assert printed.startswith(shown)
