"""The README's Swedish walkthrough ("Snabbstart på svenska") is what `track` prints, and in
each language the walkthrough prints no word of ours from the other one."""

import importlib.util
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location(
    "update_walkthrough_sv", ROOT / "scripts" / "update_walkthrough_sv.py"
)
walkthrough = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(walkthrough)
SECTION = walkthrough.section((ROOT / "README.md").read_text(encoding="utf-8"))
PO = ROOT / "src" / "actiontrack" / "locale" / "sv" / "LC_MESSAGES" / "actiontrack.po"
WORD = re.compile(r"[A-Za-zÅÄÖåäöÉé]+")


def test_the_swedish_walkthrough_is_what_track_prints(tmp_path):
    outputs = walkthrough.run_commands(SECTION, "sv", tmp_path)
    assert outputs, "no `$ track` commands in the section"
    assert walkthrough.rendered(SECTION, outputs) == SECTION, (
        "run: .venv/bin/python scripts/update_walkthrough_sv.py"
    )


def _words(text: str) -> set[str]:
    """The words of a message, without its fields, commands, options and file names."""
    text = re.sub(r"\{\w+\}|`[^`]*`|--[\w-]+|\S+\.\w{2,4}\b|\$\w+", " ", text)
    return {w.lower() for w in WORD.findall(text)}


def _vocabulary() -> tuple[set[str], set[str]]:
    """(English words of ours, Swedish words of ours): each only in its own language's messages."""
    english, swedish = set(), set()
    with PO.open("rb") as f:
        for m in read_po(f):
            if m.id:
                for msgid in m.id if isinstance(m.id, tuple) else (m.id,):
                    english |= _words(msgid)
                for msgstr in m.string if isinstance(m.string, tuple) else (m.string,):
                    swedish |= _words(msgstr)
    return english - swedish, swedish - english


def _data_words(folder: Path) -> set[str]:
    """What the secretary wrote or typed: the minutes and the commands."""
    commands = "\n".join(re.findall(r"^\$ (.*)$", SECTION, re.M))
    minutes = "\n".join(p.read_text(encoding="utf-8") for p in folder.glob("*.txt"))
    return {w.lower() for w in WORD.findall(commands + "\n" + minutes)}


@pytest.mark.parametrize(("language", "other"), [("sv", "English"), ("en", "Swedish")])
def test_the_walkthrough_prints_no_word_of_the_other_language(tmp_path, language, other):
    outputs = walkthrough.run_commands(SECTION, language, tmp_path)
    english, swedish = _vocabulary()
    foreign = (english if language == "sv" else swedish) - _data_words(tmp_path)
    assert len(foreign) > 100  # a real list of words, not an empty set that passes anything
    for command, printed in outputs:
        found = {w.lower() for w in WORD.findall(printed)} & foreign
        assert not found, f"{other} in `{command}` with TRACK_LANG={language}: {sorted(found)}\n{printed}"


def test_the_review_prompts_take_swedish_and_english_letters(tmp_path):
    """Importing with --review: j(a), r(ätta), h(oppa över) in Swedish, and the English a, e, s too."""
    from typer.testing import CliRunner

    from actiontrack.cli import app

    minutes = re.search(r"```text\n(.*?)```", SECTION, re.S).group(1)
    (tmp_path / "m.txt").write_text(minutes, encoding="utf-8")
    env = {"TRACK_LANG": "sv", "COLUMNS": "100"}
    base = ["--db", str(tmp_path / "t.db"), "--now", walkthrough.NOW]
    # item 1 accepted (j), item 2 edited (r: new text, owners and due date kept), item 3 skipped (s)
    answers = "j\nr\nJonas gör en budget\n\n\ns\n"
    result = CliRunner().invoke(
        app, [*base, "import", str(tmp_path / "m.txt"), "--review"], input=answers, env=env
    )
    assert result.exit_code == 0, result.output
    assert "[j]a, [r]ätta, [h]oppa över, ja till [A]lla, a[v]bryt" in result.output
    assert "ansvariga: Anna Berglund; klart senast: 2026-03-20; rad 6" in result.output
    assert "2 åtgärder" in result.stdout
    listed = CliRunner().invoke(app, [*base, "open", "--format", "json"], env=env)
    assert '"text": "Jonas gör en budget"' in listed.stdout and "Sommarlov" not in listed.stdout
    # the agenda review: u(tförd) and the English k(eep), then a(vsluta)
    review = CliRunner().invoke(
        app, [*base, "agenda", "Styrgruppen för fritidsgårdar", "--review"], input="u\n\nk\nv\n", env=env
    )
    assert review.exit_code == 0, review.output
    assert (
        "[u]tförd, [b]ehåll, ny [t]idsfrist, ny [a]nsvarig, stryk [x], [h]oppa över, a[v]sluta"
        in review.output
    )
    assert "Genomgång: 1 utförd, 1 ligger kvar." in review.output
