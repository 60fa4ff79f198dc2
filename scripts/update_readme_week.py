#!/usr/bin/env python3
"""Run the README's "A week with `track`" on the sample minutes and write what `track` prints
under each command. A block that ends in "..." keeps as many lines as it shows. Re-run when
the extractor reads the samples differently; tests/cli/test_agenda_docx.py checks the agenda.

.venv/bin/python scripts/update_readme_week.py
"""

from __future__ import annotations

import glob
import os
import re
import shlex
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
HEADING = "## A week with `track`"
NOW = "2017-12-08T09:00:00+01:00"  # the day after the last sample meeting


def section(readme: str) -> str:
    return readme.split(HEADING, 1)[1].split("\n## Snabbstart", 1)[0]


def run(commands: list[str], folder: Path) -> dict[str, str]:
    from typer.testing import CliRunner

    from actiontrack.cli import app

    env = {"TRACK_LANG": "en", "COLUMNS": "100", "NO_COLOR": "1", "TRACK_HOME": str(folder / "home"),
           "TRACK_CONFIG": str(folder / "config.toml"), "TRACK_DB": None, "TRACK_DATABASE_URL": None}  # fmt: skip
    printed: dict[str, str] = {}
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        for line in commands:
            args = shlex.split(line[len("$ track ") :])
            args = [p for a in args for p in (sorted(glob.glob(a)) if "*" in a else [a])]
            result = CliRunner().invoke(app, ["--db", str(folder / "track.db"), "--now", NOW, *args], env=env)
            # stdout and stderr in the order they were written, as a terminal shows them
            printed[line] = result.output.rstrip("\n")
    finally:
        os.chdir(cwd)
    return printed


def rendered(text: str, printed: dict[str, str]) -> str:
    def block(match: re.Match[str]) -> str:
        lines = match.group(1).splitlines()
        truncated = bool(lines) and lines[-1] == "..."
        out: list[str] = []
        commands = [k for k, line in enumerate(lines) if line.startswith("$ ")]
        for n, k in enumerate(commands):
            line = lines[k]
            out.append(line)
            new = printed.get(line, "").splitlines()
            if truncated and n == len(commands) - 1:
                shown = len(lines) - k - 2  # the lines between the command and "..."
                new = new[:shown] + ["..."]
            out.extend(new)
        return "```console\n" + "\n".join(out) + "\n```"

    return re.sub(r"```console\n(.*?)\n?```", block, text, flags=re.S)


# The item the week closes ("Jörgen tackade ja"): found by its text, as its number depends on
# how many items the samples give.
CLOSED = "tillfråga Jörgen"


def closed_item(folder: Path) -> int:
    import json

    printed = run(["$ track import data/*.txt --yes", "$ track open --format json"], folder)
    items = json.loads(printed["$ track open --format json"])
    return next(i["id"] for i in items if CLOSED in i["text"])


def main() -> None:
    readme = README.read_text(encoding="utf-8")
    old = section(readme)
    with tempfile.TemporaryDirectory() as tmp:
        number = closed_item(Path(tmp))
    fixed = re.sub(r"\$ track (done|show) \d+", lambda m: f"$ track {m.group(1)} {number}", old)
    readme, old = readme.replace(old, fixed), fixed
    commands = [ln for ln in old.splitlines() if ln.startswith("$ track ")]
    with tempfile.TemporaryDirectory() as tmp:
        new = rendered(old, run(commands, Path(tmp)))
    README.write_text(readme.replace(old, new), encoding="utf-8")
    print(f"updated {README} ({HEADING})")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    main()
