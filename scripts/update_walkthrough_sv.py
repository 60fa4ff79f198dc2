#!/usr/bin/env python3
"""Run the README's Swedish walkthrough ("Snabbstart på svenska") and write what `track` prints
under each command. tests/test_walkthrough_sv.py fails when the README differs.

.venv/bin/python scripts/update_walkthrough_sv.py
"""

from __future__ import annotations

import os
import re
import shlex
import sys
import tempfile
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"
HEADING = "## Snabbstart på svenska"
NOW = "2026-03-09T10:00:00+01:00"  # the Monday after the meeting in the walkthrough's minutes


def section(readme: str) -> str:
    """The section's text: up to the next heading outside a fenced block (the agenda it shows
    is Markdown, with "## " headings of its own)."""
    text = readme.split(HEADING, 1)[1]
    fenced, at = False, 0
    for line in text.splitlines(keepends=True):
        if line.startswith("```"):
            fenced = not fenced
        elif line.startswith("## ") and not fenced:
            return text[: at - 1] if at else ""
        at += len(line)
    return text


def run_commands(text: str, language: str, folder: Path) -> list[tuple[str, str]]:
    """Each `$ track ...` line of the section's console blocks, run in `folder` on a new
    database in `language`, with what it printed (stdout and stderr as they were written)."""
    from typer.testing import CliRunner

    from actiontrack.cli import app

    minutes = re.search(r"```text\n(.*?)```", text, re.S)
    name = re.search(r"`(\S+\.txt)`", text)
    assert minutes and name, "the section needs the minutes (```text) and their file name (`NAME.txt`)"
    (folder / name.group(1)).write_text(minutes.group(1), encoding="utf-8")
    env = {
        "TRACK_LANG": language,
        "COLUMNS": "100",
        "NO_COLOR": "1",
        "TRACK_HOME": str(folder / "home"),
        "TRACK_CONFIG": str(folder / "config.toml"),
        "TRACK_DB": None,
        "TRACK_DATABASE_URL": None,
    }
    done = []
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        for block in re.findall(r"```console\n(.*?)```", text, re.S):
            for line in block.splitlines():
                if line.startswith("$ track "):
                    args = shlex.split(line[len("$ track ") :])
                    result = CliRunner().invoke(app, ["--db", "track.db", "--now", NOW, *args], env=env)
                    done.append((line, result.output))
    finally:
        os.chdir(cwd)
    return done


def rendered(text: str, outputs: list[tuple[str, str]]) -> str:
    """The section with each command's output as it was printed."""
    printed = dict(outputs)

    def block(match: re.Match[str]) -> str:
        lines, out = match.group(1).splitlines(), []
        for line in lines:
            if line.startswith("$ "):
                out.append(line)
                out.extend(printed.get(line, "").rstrip("\n").splitlines())
        return "```console\n" + "\n".join(out) + "\n```"

    return re.sub(r"```console\n(.*?)\n?```", block, text, flags=re.S)


def main() -> None:
    readme = README.read_text(encoding="utf-8")
    old = section(readme)
    with tempfile.TemporaryDirectory() as tmp:
        new = rendered(old, run_commands(old, "sv", Path(tmp)))
    README.write_text(readme.replace(old, new), encoding="utf-8")
    print(f"updated {README} ({HEADING})")


if __name__ == "__main__":
    sys.path.insert(0, str(README.parent / "src"))
    main()
