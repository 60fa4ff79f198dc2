"""No English word reaches a Swedish user: every command's --help, its usage errors, the
questions it asks and what it says it did, with TRACK_LANG=sv.

Help texts are translated when a command's module is imported, so the commands run in a
process of their own that starts in Swedish.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

# English words that are no Swedish words (nor names of options, settings or formats).
ENGLISH = set(
    """the of and to is not for this with from be are or an as at by it on if show message exit usage
    options commands arguments error missing option invalid value such possible required
    default try aborted install completion current shell copy customize installation file files items
    item group groups meeting meetings date owner owners output write instead setting settings else only
    print remove which when where what each every one their its your you new will can people
    cannot has have yes got unexpected extra needs takes open done dropped overdue due name
    found there here more than that these those them they was were been unknown command key
    values whole number choose from path folder help""".split()  # noqa: SIM905 - words, as a reader lists them
)
# What is code rather than words: options, examples, quoted values, metavar choices, file names.
CODE = re.compile(
    r"(?m)^\s+track .*$|\btrack(?: [a-z]+)*|^  [\w-]+(?=\s{2,}|$)|--?[\w-]+|'[^']*'|\"[^\"]*\"|`[^`]*`|<[^>]*>|\$?\b[A-Z_]{2,}\b|[\w./-]+\.(?:toml|md|db|txt|xlsx|csv|ics|docx)\b|\b\w+_\w+\b"
)


def english_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[^\W\d_]+", CODE.sub(" ", text)) if w.lower() in ENGLISH}


RUN_ALL = r"""
import json, sys
from typer.main import get_command
from typer.testing import CliRunner
from actiontrack.cli.base import app

root = get_command(app)
paths = []
def walk(cmd, path):
    paths.append(path)
    for name in getattr(cmd, "commands", {}) or {}:
        walk(cmd.commands[name], path + [name])
walk(root, [])
runner = CliRunner()
out = {}
for path in paths:
    for extra in (["--help"], ["--no-such-option"]):
        result = runner.invoke(app, [*path, *extra], env={"TRACK_LANG": "sv", "COLUMNS": "100"}, prog_name="track")
        out[" ".join([*path, *extra])] = result.output
print(json.dumps(out))
"""


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    env = {**os.environ, "TRACK_LANG": "sv", "TRACK_HOME": str(tmp_path_factory.mktemp("home"))}
    done = subprocess.run(
        [sys.executable, "-c", RUN_ALL], capture_output=True, text=True, env=env, check=True
    )
    return json.loads(done.stdout)


def test_every_command_is_walked(outputs):
    assert len(outputs) > 60  # 30-odd commands, each with --help and a wrong option
    assert "meeting start --help" in outputs and "config set --no-such-option" in outputs


def test_no_english_word_in_any_help_or_usage_error(outputs):
    found = {line: sorted(english_words(text)) for line, text in outputs.items() if english_words(text)}
    assert found == {}


def test_usage_errors_say_it_in_swedish(outputs):
    assert outputs["agenda --no-such-option"].splitlines() == [
        "Användning: track agenda [FLAGGOR] [grupp]",
        "Prova 'track agenda -h' för hjälp.",
        "",
        "Fel: Okänd flagga: --no-such-option",
    ]


def test_a_misspelt_option_and_a_wrong_value_are_told_in_swedish(tmp_path):
    env = {**os.environ, "TRACK_LANG": "sv", "TRACK_HOME": str(tmp_path)}

    def error(*args):
        done = subprocess.run(
            [sys.executable, "-m", "actiontrack", *args], capture_output=True, text=True, env=env
        )
        assert done.returncode == 2
        return done.stderr.splitlines()[-1]

    assert error("export", "--formt", "csv") == (
        "Fel: Okänd flagga: --formt (möjliga flaggor: --for, --force, --format)"
    )
    assert error("export", "--format", "xx") == (
        "Fel: Ogiltigt värde för '--format' / '-f': 'xx' är inte något av 'csv', 'xlsx', 'json', 'ics'."
    )
    assert error("done") == "Fel: Argumentet 'ID...' saknas."
    assert error("meeting", "edit", "x") == "Fel: Ogiltigt värde för 'ID': 'x' är inget heltal."
    assert error("people", "add") == "Fel: Argumentet 'namn' saknas."
    assert error("show", "1", "2") == "Fel: Fick oväntade extra argument (2)."
    assert error("export", "--format") == "Fel: Flaggan '--format' behöver ett värde."


def test_the_english_help_stays_english():
    env = {**os.environ, "TRACK_LANG": "en"}
    done = subprocess.run(
        [sys.executable, "-m", "actiontrack", "agenda", "--help"], capture_output=True, text=True, env=env
    )
    assert done.stdout.startswith("Usage: ") and "agenda [OPTIONS] [group]" in done.stdout.splitlines()[0]
    assert "Show this message and exit." in done.stdout


@pytest.mark.parametrize(
    ("typed", "answer"),
    [
        ("j\n", True),
        ("ja\n", True),
        ("J\n", True),
        ("y\n", True),
        ("n\n", False),
        ("nej\n", False),
        ("\n", False),
    ],
)
def test_a_question_is_asked_j_n_and_answered_in_swedish(typed, answer):
    from typer.testing import CliRunner

    from actiontrack import i18n
    from actiontrack.cli.library_words import confirm

    i18n.set_language("sv")
    try:
        with CliRunner().isolation(input=typed) as (_out, err, *_rest):
            assert confirm("Glöm Anna Berg?") is answer
            assert err.getvalue().decode().startswith("Glöm Anna Berg? [j/N]:")
    finally:
        i18n.set_language(None)


def test_a_question_asks_again_until_it_is_answered():
    from typer.testing import CliRunner

    from actiontrack import i18n
    from actiontrack.cli.library_words import confirm

    i18n.set_language("sv")
    try:
        with CliRunner().isolation(input="kanske\nj\n") as (_out, err, *_rest):
            assert confirm("Ta bort mötet?") is True
            assert "Svara j eller n." in err.getvalue().decode()
    finally:
        i18n.set_language(None)


def test_the_end_of_the_input_at_a_question_says_avbrutet(tmp_path):
    minutes = tmp_path / "m.txt"
    minutes.write_text("Styrgruppen 3 mars 2022\n\nAnna ska boka lokal senast 20 mars.\n", encoding="utf-8")
    env = {**os.environ, "TRACK_LANG": "sv", "TRACK_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "actiontrack", "import", str(minutes), "--review"],
        capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert done.returncode == 1
    assert done.stderr.rstrip().endswith("Avbrutet.") and "Aborted" not in done.stderr


# --- what commands say they did ------------------------------------------------------------------

MINUTES = """Styrgruppen 3 mars 2022

Närvarande: Anna Berg, Erik Ek

Lokaler
Anna ska boka lokal senast 20 mars.

Budget
Frågan om budgeten bordläggs till nästa möte.
"""


@pytest.fixture
def swedish(track, tmp_path):
    minutes = tmp_path / "styrgruppen.txt"
    minutes.write_text(MINUTES, encoding="utf-8")
    track("--lang", "sv", "import", str(minutes), "--yes")
    return lambda *args, **kw: track("--lang", "sv", *args, **kw)


def test_check_counts_in_swedish_words(swedish):
    out = swedish("check").stdout
    assert "Rader: 2 åtgärder, 2 personer, 1 möte, 1 grupp, 2 historikposter" in out
    assert not english_words(out)


def test_the_swedish_csv_has_its_values_in_swedish(swedish):
    rows = swedish("export", "--format", "csv").stdout.splitlines()
    assert rows[0].lstrip("\ufeff").startswith("id;kind;status;")  # the column names are the JSON fields
    assert {tuple(r.split(";")[1:3]) for r in rows[1:]} == {("åtgärd", "öppen"), ("bordlagd", "öppen")}


@pytest.mark.parametrize(
    ("word", "count"), [("öppen", 2), ("öppna", 2), ("open", 2), ("klar", 0), ("alla", 2)]
)
def test_status_is_typed_in_swedish_or_english(swedish, word, count):
    rows = swedish("export", "--format", "csv", "--status", word).stdout.splitlines()
    assert len(rows) - 1 == count


def test_a_person_to_forget_is_counted_with_plurals(swedish, track):
    out = swedish("person", "forget", "Erik Ek", "--yes").stdout
    assert "Erik Ek: ansvarig för 0 åtgärder, nämnd i 0 andra åtgärder, med på 1 möte." in out


def test_a_file_that_is_no_database_is_said_in_swedish(tmp_path):
    from tests.conftest import Track

    bad = tmp_path / "inte.db"
    bad.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 20)
    stderr = Track(bad).fails("--lang", "sv", "open").stderr
    assert "filen är ingen databas" in stderr and "file is not" not in stderr


def test_explain_says_its_verdicts_in_swedish(swedish, tmp_path):
    out = swedish("extract", str(tmp_path / "styrgruppen.txt"), "--explain").stdout
    assert "ingen åtgärd" in out or "åtgärd" in out
    assert " paragraph " not in out and "no item" not in out
