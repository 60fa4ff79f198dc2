"""Every command is in the README and has help with a first line that says what it does; the
command reference in docs/ is what `--help` prints now, in English and Swedish."""

import importlib.util
from pathlib import Path

import pytest
import typer

from actiontrack.cli import app

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def commands():
    group = typer.main.get_command(app)
    for name, command in group.commands.items():
        if command.hidden:  # another name of a command listed (`track mall`, `track template`)
            continue
        sub = getattr(command, "commands", None)
        if sub:
            for sub_name, sub_command in sub.items():
                yield f"{name} {sub_name}", sub_command
        else:
            yield name, command


@pytest.mark.parametrize(("name", "command"), list(commands()), ids=lambda v: v if isinstance(v, str) else "")
def test_every_command_is_documented(name, command):
    assert (command.help or "").strip(), f"track {name} has no help"
    top = name.split()[0]
    assert f"`track {top}" in README, f"track {name} is not in the README"


SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "update_docs.py"


def _script():
    spec = importlib.util.spec_from_file_location("update_docs", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("language", ["en", "sv"])
def test_the_command_reference_is_current(language):
    docs = _script()
    assert docs.FILES[language].read_text(encoding="utf-8") == docs.render(language), (
        "run: .venv/bin/python scripts/update_docs.py"
    )


@pytest.mark.parametrize(("name", "command"), list(commands()), ids=lambda v: v if isinstance(v, str) else "")
def test_every_command_is_in_the_reference(name, command):
    reference = _script().FILES["en"].read_text(encoding="utf-8")
    assert f"## track {name}\n" in reference
