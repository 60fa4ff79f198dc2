"""Database files are paths, not URLs, and a database in a read-only folder can be read."""

import os
import shutil
import stat
import subprocess
import sys

import pytest

from tests.conftest import NOW, Track

pytestmark = pytest.mark.sqlite_only

NAMES = ["a%20b.db", "a?b.db", "möte #2.db", "a b.db", "åäö.db", "100%.db", "x@y:z.db"]


@pytest.mark.parametrize("name", NAMES)
def test_a_database_file_is_the_path_given(tmp_path, name):
    folder = tmp_path / "d"
    folder.mkdir()  # a --db folder must exist; only the default one is made
    track = Track(folder / name)
    track("add", "Vi ska prova filnamnet")
    assert {p.name for p in folder.iterdir()} <= {name, name + "-wal", name + "-shm"}
    assert stat.S_IMODE((folder / name).stat().st_mode) == 0o600
    assert track.json("check")["database"] == str(folder / name)
    track("backup", str(tmp_path / "kopia.db"))
    assert [i["text"] for i in Track(tmp_path / "kopia.db").json("open")] == ["Vi ska prova filnamnet"]


def _unprivileged() -> list[str]:
    """A command prefix under which the folder's permissions hold (root overrides them)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("needs setpriv to drop root's right to write anywhere")
    caps = "-dac_override,-dac_read_search"
    return [setpriv, f"--bounding-set={caps}", f"--inh-caps={caps}"]


@pytest.fixture
def read_only(tmp_path):
    folder = tmp_path / "delad mapp"
    folder.mkdir()
    track = Track(folder / "track.db")
    track("meeting", "start", "Gruppen", "--date", "2016-02-01")
    track("add", "Vi ska läsa från en skrivskyddad mapp", "--due", "2016-03-01")
    folder.chmod(0o555)
    yield folder / "track.db"
    folder.chmod(0o755)


def run(db, *args):
    return subprocess.run(
        [*_unprivileged(), sys.executable, "-m", "actiontrack", "--db", str(db), "--now", NOW, *args],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
        timeout=120,
    )


@pytest.mark.parametrize(
    "command", [["open"], ["agenda", "Gruppen"], ["export", "--format", "csv"], ["check"], ["show", "1"]]
)
def test_a_database_in_a_read_only_folder_can_be_read(read_only, command):
    result = run(read_only, *command)
    assert result.returncode == 0, result.stderr
    assert "läsa från en skrivskyddad mapp" in result.stdout or "OK" in result.stdout
    assert sorted(p.name for p in read_only.parent.iterdir()) == ["track.db"]


def test_a_change_in_a_read_only_folder_says_why_not(read_only):
    result = run(read_only, "add", "Vi ska skriva")
    assert result.returncode == 1
    assert "is read-only" in result.stderr and "Traceback" not in result.stderr
    result = run(read_only.with_name("ny.db"), "add", "Vi ska skriva")
    assert result.returncode == 1 and "is read-only" in result.stderr
