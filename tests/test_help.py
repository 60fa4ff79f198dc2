from actiontrack.help_text import TOP_LEVEL_HELP, render_top_level_help


def test_stored_top_level_help_is_what_typer_renders():
    assert render_top_level_help() == TOP_LEVEL_HELP, "run: .venv/bin/python scripts/update_help.py"


def test_track_help_loads_no_cli_framework():
    import json
    import subprocess
    import sys

    code = (
        "import sys, json; sys.argv = ['track', '--help']; from actiontrack.entry import main; main(); "
        "print(json.dumps(sorted(sys.modules)), file=sys.stderr)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout == TOP_LEVEL_HELP
    loaded = set(json.loads(result.stderr))
    assert not {"typer", "click", "rich", "sqlite3", "dateparser"} & loaded
