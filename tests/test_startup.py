"""`track --help` must start fast: importing the CLI loads none of the heavy libraries."""

import json
import subprocess
import sys

HEAVY = ["dateparser", "sqlmodel", "sqlalchemy", "pydantic", "rich", "docx", "odf", "charset_normalizer", "openpyxl", "icalendar"]


def test_importing_the_cli_loads_no_heavy_module():
    code = "import sys, json, actiontrack.cli; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    loaded = set(json.loads(out))
    assert [m for m in HEAVY if m in loaded] == []


MEETING_PARSER = ["actiontrack.extract.meeting", "actiontrack.extract.header", "actiontrack.extract.attendance",
                  "actiontrack.extract.tables", "actiontrack.extract.reading"]  # fmt: skip
WRITES = """
import json, sys
from actiontrack.cli import app
try:
    app(sys.argv[1:])
except SystemExit as e:
    code = e.code
print(json.dumps([code, sorted(sys.modules)]))
"""


def _loaded_by(*args: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", WRITES, *args], capture_output=True, text=True, check=True).stdout
    code, modules = json.loads(out.splitlines()[-1])
    assert code == 0, out
    return set(modules)


def test_the_item_commands_load_neither_sqlalchemy_nor_pydantic_nor_the_meeting_parser(tmp_path):
    """`add`, `done`, `edit` on a current SQLite database write through sqlite3 (issue 15)."""
    db = str(tmp_path / "track.db")
    _loaded_by("--db", db, "people", "add", "Leif Redestig")  # creates the database
    commands = [
        ["add", "Leif ska boka lokal senast fredag"],
        ["add", "Ring Bryggan", "--owner", "Leif", "--due", "vecka 12"],
        ["done", "1"],
        ["edit", "2", "--due", "2026-12-18", "--owner", "Leif Redestig"],
        ["reopen", "1"],
        ["note", "1", "Klart nästa vecka"],
        ["drop", "1", "--reason", "Ersatt"],
    ]
    for command in commands:
        loaded = _loaded_by("--db", db, *command)
        heavy = [m for m in ["sqlalchemy", "sqlmodel", "pydantic", "dateparser", *MEETING_PARSER] if m in loaded]
        assert heavy == [], command
