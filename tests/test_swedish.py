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

    assert error("export", "--formt", "csv") == "Fel: Okänd flagga: --formt (möjliga flaggor: --format)"
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
