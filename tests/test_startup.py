"""`track --help` and `track open` must start fast: they load none of the heavy libraries,
and a command loads only its own module. No timing: which modules are imported."""

import json
import subprocess
import sys

import pytest
import typer

from actiontrack.cli import COMMANDS

HEAVY = [
    "dateparser",
    "sqlmodel",
    "sqlalchemy",
    "pydantic",
    "rich",
    "docx",
    "odf",
    "charset_normalizer",
    "openpyxl",
    "icalendar",
    "pypdf",
]
# What `track open` has no use for: the other commands, the other use cases, due dates, the
# agenda's and the export's rendering, and the parts of typer that draw with rich.
NOT_FOR_OPEN = [
    *{f"actiontrack.cli.{m}" for m in COMMANDS.values()} - {"actiontrack.cli.items"},
    "actiontrack.usecases.import_run",
    "actiontrack.dates",
    "actiontrack.usecases.agenda",
    "actiontrack.usecases.documents",
    "actiontrack.extract",
    "actiontrack.render.agenda",
    "actiontrack.export",
    "typer.rich_utils",
    "random",
]


# What every command's module uses: the typer app, and what the fast path shares with it.
SHARED = {
    "actiontrack.cli.base",
    "actiontrack.cli.commands",
    "actiontrack.cli.completion",
    "actiontrack.cli.output",
    "actiontrack.cli.library_words",
    "actiontrack.cli.state",
}


def test_importing_the_cli_loads_no_heavy_module():
    code = "import sys, json, actiontrack.cli; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    loaded = set(json.loads(out))
    assert [m for m in HEAVY if m in loaded] == []
    assert [m for m in loaded if m.startswith("actiontrack.cli.") and m not in SHARED] == []


MEETING_PARSER = [
    "actiontrack.extract.meeting",
    "actiontrack.extract.header",
    "actiontrack.extract.title",
    "actiontrack.extract.furniture",
    "actiontrack.extract.attendance",
    "actiontrack.extract.person_entry",
    "actiontrack.extract.people_lists",
    "actiontrack.extract.secretary",
    "actiontrack.extract.tables",
    "actiontrack.extract.reading",
]
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
    out = subprocess.run(
        [sys.executable, "-c", WRITES, *args], capture_output=True, text=True, check=True
    ).stdout
    code, modules = json.loads(out.splitlines()[-1])
    assert code == 0, out
    return set(modules)


def test_the_item_commands_load_neither_sqlalchemy_nor_pydantic_nor_the_meeting_parser(tmp_path):
    """`add`, `done`, `edit` on a current SQLite database write through sqlite3."""
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
        heavy = [
            m for m in ["sqlalchemy", "sqlmodel", "pydantic", "dateparser", *MEETING_PARSER] if m in loaded
        ]
        assert heavy == [], command


def _track(*args: str) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    """`track ARGS` in a process of its own, stdout piped; and the modules it imported."""
    code = (
        "import json, sys\n"
        f"sys.argv = ['track', *{list(args)!r}]\n"
        "from actiontrack.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('MODULES', json.dumps(sorted(sys.modules)), file=sys.stderr)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    return result, set(json.loads(result.stderr.rpartition("MODULES ")[2]))


@pytest.mark.sqlite_only
def test_open_loads_only_sqlite3_the_reads_and_plain_lines(tmp_path):
    db = str(tmp_path / "t.db")
    for args in (["people", "add", "Åsa Lindqvist"], ["add", "Åsa ska boka lokal senast fredag"]):
        assert _track("--db", db, *args)[0].returncode == 0
    for args in (["open"], ["open", "--owner", "Åsa Lindqvist"], ["open", "--owner", "Åsa"]):
        result, loaded = _track("--db", db, *args)
        assert result.stderr.startswith("MODULES"), result.stderr
        assert "Åsa ska boka lokal" in result.stdout
        assert {"sqlite3", "actiontrack.storage.reads", "actiontrack.cli.items"} <= loaded
        assert [m for m in HEAVY + NOT_FOR_OPEN if m in loaded] == [], args


def test_a_command_loads_its_own_module_only():
    result, loaded = _track("meeting", "--help")
    assert result.returncode == 0 and "start" in result.stdout
    assert {m for m in loaded if m.startswith("actiontrack.cli.")} == SHARED | {"actiontrack.cli.meetings"}


def test_the_table_of_commands_is_every_command_and_its_module():
    """COMMANDS (cli/commands.py) names every command the modules register, and its module
    (the order of --help is COMMANDS' own, checked by tests/test_help.py)."""
    import importlib

    from actiontrack.cli.base import app

    for module in dict.fromkeys(COMMANDS.values()):
        importlib.import_module(f"actiontrack.cli.{module}")
    registered = {}
    for info in app.registered_commands:
        registered[info.name or typer.main.get_command_name(info.callback.__name__)] = (
            info.callback.__module__
        )
    for group in app.registered_groups:
        modules = {c.callback.__module__ for c in group.typer_instance.registered_commands}
        assert len(modules) == 1, group.name
        registered[group.name] = modules.pop()
    assert registered == {name: f"actiontrack.cli.{module}" for name, module in COMMANDS.items()}
