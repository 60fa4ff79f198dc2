import pytest

from actiontrack.help_text import TOP_LEVEL_HELP, render_top_level_help
from actiontrack.i18n import LANGUAGES


@pytest.mark.parametrize("language", LANGUAGES)
def test_stored_top_level_help_is_what_typer_renders(language):
    assert render_top_level_help(language) == TOP_LEVEL_HELP[language], (
        "run: .venv/bin/python scripts/update_help.py"
    )


def test_track_help_loads_no_cli_framework():
    import subprocess
    import sys

    code = "import sys; sys.argv = ['track', '--help']; from actiontrack.entry import main; main()"
    result = subprocess.run([sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout == TOP_LEVEL_HELP["en"]
    loaded = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines() if "|" in line}
    assert "actiontrack.help_text" in loaded
    assert not {"typer", "click", "rich", "sqlite3", "dateparser"} & loaded


def test_console_script_exit_codes_and_output(tmp_path):
    import subprocess
    import sys

    db = str(tmp_path / "t.db")
    run = lambda *a: subprocess.run(  # noqa: E731
        [
            sys.executable,
            "-c",
            "import sys; sys.argv[0] = 'track'; from actiontrack.entry import main; main()",
            *a,
        ],
        capture_output=True,
        text=True,
    )
    assert run("--db", db, "add", "Vi ska boka lokal").returncode == 0
    listed = run("--db", db, "open")
    assert listed.returncode == 0 and "Vi ska boka lokal" in listed.stdout
    missing = run("--db", db, "done", "99")
    assert missing.returncode == 1 and missing.stderr.startswith("Error: There is no item 99")
    assert run("--db", db, "done", "x").returncode == 2
    assert run("--db", db, "open", "--format", "json").stdout.startswith("[")


def test_track_alone_shows_the_help():
    import subprocess
    import sys

    code = "import sys; sys.argv = ['track']; from actiontrack.entry import main; main()"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert (result.returncode, result.stdout) == (0, TOP_LEVEL_HELP["en"])
