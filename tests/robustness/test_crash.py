"""A process killed (SIGKILL) in the middle of importing a document leaves the database as it
was before that document, and running the import again completes it."""

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from tests.conftest import FIXTURES, Track


def big_minutes(path, n):
    lines = ["Storgruppen 4 mars 2019", "", "Närvarande:", "Leif Redestig", "Eva Lund", "", "Uppgifter", ""]
    lines += [f"{'Leif' if k % 2 else 'Eva'} ska skicka rapport nummer {k} senast fredag." for k in range(n)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def holds_write_lock(db):
    con = sqlite3.connect(db, timeout=0, isolation_level=None)
    try:
        con.execute("BEGIN IMMEDIATE")
        con.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError:
        return True
    finally:
        con.close()


def counts(db):
    con = sqlite3.connect(db)
    try:
        return tuple(
            con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("meetings", "items", "people")
        )
    finally:
        con.close()


@pytest.mark.sqlite_only
def test_sigkill_in_the_middle_of_an_import_loses_nothing_and_leaves_nothing_half(tmp_path):
    db = tmp_path / "track.db"
    track = Track(db)
    track("import", str(FIXTURES / "protokoll-paragrafer.txt"), "--yes")
    before = counts(db)
    big = tmp_path / "stort-protokoll.txt"
    big_minutes(big, 4000)
    # The child stops for good once the meeting, its people and its 4,000 items are written and
    # the owners are next: killed there, it is in the middle of the document's transaction
    # (a timed wait no longer lands there since import writes a document in a few statements).
    reached = tmp_path / "reached"
    child = (
        "import pathlib, time\n"
        "from actiontrack.storage.writes import Writes\n"
        "real = Writes.insert\n"
        "def insert(self, table, rows, **kw):\n"
        "    if table == 'item_owners':\n"
        f"        pathlib.Path({str(reached)!r}).touch()\n"
        "        time.sleep(600)\n"
        "    return real(self, table, rows, **kw)\n"
        "Writes.insert = insert\n"
        "from actiontrack.entry import main; main()\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", child, "--db", str(db), "import", str(big), "--yes"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while not reached.exists():
        assert proc.poll() is None, "the import finished before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.01)
    assert holds_write_lock(db)  # the document's transaction is open
    assert proc.poll() is None
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert counts(db) == before
    assert Track(db)("check").stdout.rstrip().endswith("OK")
    track("import", str(big), "--yes")
    meetings, items, _ = counts(db)
    assert (meetings, items) == (before[0] + 1, before[1] + 4000)
