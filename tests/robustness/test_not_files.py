"""Only regular files are read as minutes or templates: a named pipe or a device is refused at
once instead of hanging or reading for ever."""

import os
import subprocess
import sys

import pytest

from tests.conftest import Track


@pytest.fixture
def fifo(tmp_path):
    path = tmp_path / "protokoll.txt"
    os.mkfifo(path)
    return path


@pytest.mark.parametrize("command", ["extract", "import"])
def test_a_named_pipe_is_refused_at_once(fifo, tmp_path, command):
    env = {**os.environ, "TRACK_HOME": str(tmp_path / "home")}
    args = [sys.executable, "-m", "actiontrack", "--db", str(tmp_path / "t.db"), command, str(fifo)]
    if command == "import":
        args.append("--yes")
    result = subprocess.run(
        args, capture_output=True, text=True, timeout=60, env=env, stdin=subprocess.DEVNULL
    )
    assert result.returncode == 1, result.stderr
    assert f"{fifo} is a named pipe, not a file; to read minutes from a pipe, give -" in result.stderr


def test_a_device_is_refused(tmp_path):
    result = Track(tmp_path / "t.db")("extract", "/dev/zero", ok=False)
    assert result.exit_code == 1 and "/dev/zero is a device, not a file" in result.output


def test_standard_input_is_still_read(tmp_path):
    result = Track(tmp_path / "t.db")(
        "extract", "-", input="Styrelsemöte 1 mars 2019\n\nLeif ska ringa Bo.\n"
    )
    assert "Leif ska ringa Bo" in result.stdout


def test_a_template_that_is_a_pipe_is_refused(fifo, tmp_path):
    track = Track(tmp_path / "t.db")
    track("meeting", "start", "+Gruppen", "--date", "2016-02-08")
    result = track("agenda", "+Gruppen", "--template", str(fifo), ok=False)
    assert result.exit_code == 2 and "is a named pipe, not a file" in result.output
