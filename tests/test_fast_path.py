"""The weekly commands read without typer (cli/fast.py): the spec is typer's, every
command line it reads is read as click reads it, the others are left to typer, and both
paths print and store the same."""

import sqlite3
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from actiontrack.cli import fast
from actiontrack.cli.fast_spec import SPEC, render_spec


def test_the_spec_is_what_typer_declares():
    assert render_spec() == SPEC, "run: .venv/bin/python scripts/update_help.py"


def test_each_command_runs_a_function_with_its_parameters():
    import importlib
    import inspect

    for command, (function, params) in SPEC.items():
        if command:
            module, _, name = function.partition(".")
            runner = getattr(importlib.import_module(f"actiontrack.cli.{module}"), name)
            signature = inspect.signature(runner)
            assert list(signature.parameters)[1:] == [p[0] for p in params], command


def _click_reads(args):
    """(root options, command, parameters) as click parses `track ARGS`, or None on a usage error."""
    import typer

    from actiontrack.cli import app
    from actiontrack.cli import items as _items  # noqa: F401

    root = typer.main.get_command(app)
    try:
        ctx = root.make_context("track", list(args), resilient_parsing=False)
        name, *rest = ctx._protected_args + ctx.args
        command = root.get_command(ctx, name)
        sub = command.make_context(name, list(rest), parent=ctx)
    except Exception:  # click's usage errors (and --help, which exits)
        return None
    values = {k: getattr(v, "value", v) for k, v in sub.params.items()}
    # typer hands a function None for a repeatable option that was not given (click: ())
    values = {k: (list(v) or None) if isinstance(v, tuple) else v for k, v in values.items()}
    root_values = {k: getattr(v, "value", v) for k, v in ctx.params.items()}
    return root_values, name, values


READ_BY_BOTH = [
    ["add", "Leif ska boka lokal"],
    ["add", "Boka lokal", "--owner", "Leif", "-o", "Ia Jonsson", "--due=vecka 12", "-f", "json"],
    ["--db", "x.db", "--lang", "sv", "add", "Ring Bryggan", "--meeting", "3"],
    ["--db=x.db", "--now", "2026-03-02T10:00", "open", "--owner", "Åsa", "--overdue", "-a"],
    ["open", "--group", "Brukarrådet", "--format", "csv", "--due-before", "2026-05-01"],
    ["done", "12", "14", "--note", "Skickat"],
    ["done", "--note", "Klart", "3"],
    ["edit", "4", "--due", "none", "--text", "Ny text", "--owner", "Leif"],
    ["reopen", "+7"],
    ["drop", "7", "-r", "Ersatt"],
    ["note", "2", "Ringde, väntar på svar"],
    ["import", "a.txt", "b.docx", "--yes", "--year", "2019", "-j", "2"],
    ["--db", "x.db", "import", "a.txt", "--from-json"],
    [
        "import",
        "--group",
        "Brukarrådet",
        "a.txt",
        "--date",
        "2026-03-02",
        "--as-new",
        "--format",
        "json",
        "-y",
    ],
]
LEFT_TO_TYPER = [
    ["add", "--help"],
    ["-h"],
    ["--version"],
    ["add"],
    ["add", "a", "b"],
    ["add", "Text", "--ownr", "Leif"],
    ["add", "Text", "-oLeif"],
    ["add", "--", "-text"],
    ["add", "Text", "--due", "-1"],
    ["add", "Text", "--meeting", "tre"],
    ["add", "Text", "--format", "xml"],
    ["open", "--overdue=yes"],
    ["done"],
    ["done", "12", "--note"],  # ids are words now ("3-5"): a missing value is typer's
    ["drop", "7"],
    ["import"],
    ["import", "-", "--yes"],  # standard input: a value that starts with "-"
    ["import", "a.txt", "--jobs", "0"],  # at least 1: typer says so
    ["import", "a.txt", "--year", "nittio"],
    ["--lang", "fi", "open"],
    ["agenda", "Brukarrådet"],
    ["people", "add", "Leif"],
    [],
]


@pytest.mark.parametrize("args", READ_BY_BOTH, ids=" ".join)
def test_a_line_it_reads_is_read_as_click_reads_it(args):
    parsed = fast.parse(args)
    assert parsed is not None
    root, command, values, rest = parsed
    click_root, click_command, click_values = _click_reads(args)
    assert (command, values) == (click_command, click_values)
    assert {k: root[k] for k in ("db", "now", "lang")} == {k: click_root[k] for k in ("db", "now", "lang")}
    assert rest[0] == command and args[-len(rest) :] == rest


@pytest.mark.parametrize("args", LEFT_TO_TYPER, ids=" ".join)
def test_a_line_it_cannot_read_exactly_is_left_to_typer(args):
    assert fast.parse(args) is None


def _track_process(db, *args):
    """`track ARGS` as the console script runs it: through fast.py when it can."""
    code = "import sys; sys.argv = ['track', *sys.argv[1:]]; from actiontrack.entry import main; main()"
    now = "2026-03-02T10:00:00+01:00"
    return subprocess.run(
        [sys.executable, "-c", code, "--db", str(db), "--now", now, *args],
        capture_output=True,
        text=True,
        env={"TRACK_LANG": "sv", "PATH": ""},
    )


SESSION = [
    ["people", "add", "Leif Redestig"],
    ["add", "Leif ska boka lokal senast fredag"],
    ["add", "Ring Bryggan", "--owner", "Leif", "--due", "vecka 12", "--format", "json"],
    ["add", "Ringa Nisse", "--owner", "Nisse"],  # unknown: an error sentence, nothing stored
    ["done", "1", "--note", "Bokad"],
    ["done", "1"],  # already done
    ["edit", "2", "--due", "2026-12-18", "--owner", "Leif Redestig", "-f", "json"],
    ["note", "2", "Väntar på svar"],
    ["open", "--format", "json"],
    ["open", "--owner", "Leif"],
    ["open", "--owner", "Nisse"],
    ["reopen", "1"],
    ["drop", "1", "--reason", "Ersatt"],
    ["done", "99"],
    ["open", "--all", "--format", "csv"],
]


def _tables(db):
    with sqlite3.connect(db) as con:
        names = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        skip = {"changes", "sqlite_stat1", "_track_migrations"}  # ids and times of each run
        return {n: con.execute(f"SELECT * FROM {n} ORDER BY 1").fetchall() for n in names if n not in skip}


@pytest.mark.sqlite_only
def test_both_paths_print_and_store_the_same(tmp_path, monkeypatch):
    """A week's commands, once as processes (fast.py) and once through typer's CliRunner."""
    from actiontrack.cli import app

    monkeypatch.setenv("TRACK_LANG", "sv")
    typer_db, fast_db = tmp_path / "typer.db", tmp_path / "fast.db"
    runner = CliRunner()
    for args in SESSION:
        by_typer = runner.invoke(app, ["--db", str(typer_db), "--now", "2026-03-02T10:00:00+01:00", *args])
        by_fast = _track_process(fast_db, *args)
        assert (by_fast.returncode, by_fast.stdout, by_fast.stderr) == (
            by_typer.exit_code,
            by_typer.stdout,
            by_typer.stderr,
        ), args
    assert _tables(fast_db) == _tables(typer_db)


MINUTES = """Brukarrådet
Minnesanteckningar 2026-02-16

Närvarande: Leif Redestig, Ia Jonsson

1. Lokaler
Leif ska boka lokal till vårens möten senast 1 mars.
Ia tar fram förslag på program.
"""


@pytest.mark.sqlite_only
def test_both_paths_import_alike(tmp_path, monkeypatch):
    """An import through fast.py prints, stores and exits as through typer: a report per
    document, a failed one said and the exit status 1, the JSON report."""
    from actiontrack.cli import app

    monkeypatch.setenv("TRACK_LANG", "sv")
    good = tmp_path / "protokoll.txt"
    good.write_text(MINUTES, encoding="utf-8")
    bad = tmp_path / "trasig.docx"
    bad.write_bytes(b"inte en zip")
    typer_db, fast_db = tmp_path / "typer.db", tmp_path / "fast.db"
    runner = CliRunner()
    for args in (
        ["import", str(good), str(bad), "--yes"],
        ["import", str(good), "--yes", "--format", "json"],  # the same again: skipped
        ["import", str(good), "--yes", "--as-new", "--jobs", "1"],
    ):
        by_typer = runner.invoke(app, ["--db", str(typer_db), "--now", "2026-03-02T10:00:00+01:00", *args])
        by_fast = _track_process(fast_db, *args)
        assert fast.parse(["--db", "x", *args]) is not None
        assert (by_fast.returncode, by_fast.stdout, by_fast.stderr) == (
            by_typer.exit_code,
            by_typer.stdout,
            by_typer.stderr,
        ), args
    assert by_fast.returncode == 0
    assert _tables(fast_db) == _tables(typer_db)
    assert "Leif" in str(_tables(fast_db)["people"])


def _loaded_by_fast(*args):
    code = (
        "import json, sys\n"
        "from actiontrack.cli.fast import run\n"
        "status = run(sys.argv[1:])\n"
        "print(json.dumps([status, sorted(sys.modules)]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True
    ).stdout
    status, modules = __import__("json").loads(out.splitlines()[-1])
    return status, set(modules)


@pytest.mark.sqlite_only
def test_the_weekly_commands_load_no_typer(tmp_path):
    db = str(tmp_path / "t.db")
    minutes = tmp_path / "protokoll.txt"
    minutes.write_text(MINUTES, encoding="utf-8")
    assert _track_process(db, "people", "add", "Leif Redestig").returncode == 0
    for args in (
        ["add", "Leif ska boka lokal senast fredag"],
        ["add", "Ring Bryggan", "--owner", "Leif", "--due", "vecka 12"],
        ["done", "1"],
        ["edit", "2", "--due", "2026-12-18"],
        ["open", "--owner", "Leif"],
        ["note", "2", "Ringde"],
        ["import", str(minutes), "--yes"],
    ):
        status, loaded = _loaded_by_fast("--db", db, *args)
        assert status == 0, args
        heavy = [
            m
            for m in loaded
            if m.split(".")[0] in {"typer", "click", "rich", "sqlalchemy", "pydantic", "sqlmodel"}
        ]
        assert heavy == [], args
        if args[0] != "import":  # typing costs a weekly command 3-4 ms of its start; import reads for seconds
            assert "typing" not in loaded, args
