"""Tab completion: bash's own completion function runs the script `track --show-completion`
prints; zsh and fish are asked as their scripts ask. Commands, options, groups and people."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import Track

TRACK = str(Path(sys.executable).with_name("track"))


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    """A database with a group and two people, where `track` finds it by default."""
    home = tmp_path_factory.mktemp("home")
    minutes = home / "m.txt"
    minutes.write_text(
        "Gemensam utvecklingsgrupp 8 februari 2017\n\nNärvarande: Leif Redestig, Lena Berg\n\n"
        "Leif ska skicka ut förslaget senast fredag.\n",
        encoding="utf-8",
    )
    Track(home / "actiontrack.db")("import", str(minutes), "--yes")
    return home


def _env(home: Path, **more: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("_TRACK")}
    return {**env, "TRACK_HOME": str(home), "PATH": f"{Path(TRACK).parent}:{env['PATH']}", **more}


def bash_completes(home: Path, line: str) -> list[str]:
    """What Tab offers at the end of `line` in bash, after `source <(track --show-completion)`."""
    script = subprocess.run(
        [TRACK, "--show-completion", "bash"],
        capture_output=True, text=True, check=True,
        env=_env(home, _TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION="1"),
    ).stdout  # fmt: skip
    words = line.split(" ")
    program = (
        script
        + f"\nCOMP_WORDS=({' '.join(repr(w) for w in words)})\nCOMP_CWORD={len(words) - 1}\n"
        + "_track_completion track\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n"
    )
    done = subprocess.run(["bash", "-c", program], capture_output=True, text=True, env=_env(home), check=True)
    return [w for w in done.stdout.splitlines() if w]


@pytest.mark.skipif(shutil.which("bash") is None, reason="no bash")
@pytest.mark.parametrize(
    ("line", "offered"),
    [
        ("track op", ["open"]),
        ("track meeting st", ["start"]),
        ("track export --st", ["--status"]),
        ("track agenda Gem", ["Gemensam\\ utvecklingsgrupp"]),
        ("track open --owner Le", ["Leif\\ Redestig", "Lena\\ Berg"]),
        ("track person forget Leif", ["Leif\\ Redestig"]),
        ("track agenda Nobody", []),
    ],
)
def test_bash_tab_offers_commands_options_groups_and_people(home, line, offered):
    assert bash_completes(home, line) == offered


@pytest.mark.parametrize("shell", ["zsh", "fish"])
def test_zsh_and_fish_are_offered_the_same(home, shell):
    script = subprocess.run(
        [TRACK, "--show-completion", shell],
        capture_output=True, text=True, check=True,
        env=_env(home, _TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION="1"),
    ).stdout  # fmt: skip
    assert "_TRACK_COMPLETE=complete_" + shell in script

    def ask(line: str) -> str:
        env = _env(home, _TRACK_COMPLETE=f"complete_{shell}", _TYPER_COMPLETE_ARGS=line)
        if shell == "fish":
            env["_TYPER_COMPLETE_FISH_ACTION"] = "get-args"
        return subprocess.run([TRACK], capture_output=True, text=True, env=env, check=True).stdout

    assert "open" in ask("track op") and "help" not in ask("track op").casefold()
    assert "Gemensam utvecklingsgrupp" in ask("track agenda Gem")


def test_tab_without_a_database_offers_nothing_and_creates_none(tmp_path):
    assert bash_completes(tmp_path, "track agenda G") == []
    assert not any(tmp_path.iterdir())
