"""Two secretaries, or a script and a person, writing at once lose nothing."""

import json
import os
import subprocess
import sys
import textwrap

from tests.conftest import Track

PROCESSES = 8
WRITES = 50

WORKER = textwrap.dedent(
    """
    import json
    import sys
    from typer.testing import CliRunner
    from actiontrack.cli import app

    options, worker, writes = json.loads(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    runner = CliRunner()
    for n in range(writes):
        result = runner.invoke(app, [*options, "add", f"Vi ska göra uppgift {worker}-{n}"])
        if result.exit_code != 0:
            print(result.output, file=sys.stderr)
            sys.exit(1)
    """
)


def test_eight_processes_adding_at_once_lose_nothing(tmp_path):
    track = Track(tmp_path / "shared.db")
    track("people", "list")  # the database exists before the race starts
    options, env = track.address
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, json.dumps(options), str(w), str(WRITES)],
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, **env},
        )
        for w in range(PROCESSES)
    ]
    for w in workers:
        _, err = w.communicate(timeout=300)
        assert w.returncode == 0, err
    items = track.json("open")
    texts = {i["text"] for i in items}
    assert len(items) == PROCESSES * WRITES == 400
    assert texts == {f"Vi ska göra uppgift {w}-{n}" for w in range(PROCESSES) for n in range(WRITES)}
    assert sorted(i["id"] for i in items) == list(range(1, 401))


IMPORTER = textwrap.dedent(
    """
    import json
    import sys
    from typer.testing import CliRunner
    from actiontrack.cli import app

    options, path = json.loads(sys.argv[1]), sys.argv[2]
    result = CliRunner().invoke(app, [*options, "import", path, "--yes"])
    if result.exit_code != 0:
        print(result.output, file=sys.stderr)
        sys.exit(1)
    """
)


def test_four_imports_at_once_of_minutes_of_one_new_group(tmp_path):
    """Create-or-get of the group and of the people is race-free."""
    track = Track(tmp_path / "shared.db")
    track("people", "list")
    options, env = track.address
    paths = []
    for day in (4, 11, 18, 25):
        path = tmp_path / f"natverket-{day}.txt"
        path.write_text(
            f"Nätverket för fritid, 2019-03-{day:02d}\n\nNärvarande: Greta Gran, Hugo Holm\n\n"
            f"Greta ska boka gympasalen till den {day + 1} april.\n",
            encoding="utf-8",
        )
        paths.append(path)
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", IMPORTER, json.dumps(options), str(p)],
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, **env},
        )
        for p in paths
    ]
    for w in workers:
        _, err = w.communicate(timeout=300)
        assert w.returncode == 0, err
    meetings = track.json("meeting", "list")
    assert len(meetings) == 4 and {m["group"] for m in meetings} == {"Nätverket för fritid"}
    assert sorted(p["name"] for p in track.json("people", "list")) == ["Greta Gran", "Hugo Holm"]


def test_a_name_stored_by_another_writer_since_the_look_up_is_not_added_again(tmp_path, monkeypatch):
    """PostgreSQL lets two `people add` of one name both look it up before either stores it;
    the one whose row was not stored says the name is known, not "Added"."""
    from actiontrack.storage.people_writes import PeopleWrites

    track = Track(tmp_path / "t.db")
    track("people", "add", "Anna Berg")
    monkeypatch.setattr(PeopleWrites, "person_by_name", lambda self, name: None)  # looked up before
    result = track.fails("people", "add", "Anna Berg")
    assert "'Anna Berg' is already known." in result.stderr and "Added" not in result.stdout
    monkeypatch.undo()
    assert [p["name"] for p in track.json("people", "list")] == ["Anna Berg"]


ADDER = textwrap.dedent(
    """
    import json, sys, time
    from typer.testing import CliRunner
    from actiontrack.cli import app

    options, start = json.loads(sys.argv[1]), float(sys.argv[2])
    time.sleep(max(0, start - time.time()))
    result = CliRunner().invoke(app, [*options, "people", "add", "Anna Berg"])
    print(json.dumps([result.exit_code, result.output]))
    """
)


def test_four_people_add_of_one_name_at_once_add_it_once(tmp_path):
    import time

    track = Track(tmp_path / "t.db")
    track("people", "list")
    options, env = track.address
    start = time.time() + 2  # all four past their imports, then at once
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", ADDER, json.dumps(options), str(start)],
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, **env},
        )
        for _ in range(4)
    ]
    outcomes = [json.loads(w.communicate(timeout=120)[0]) for w in workers]
    added = [out for code, out in outcomes if code == 0]
    assert len(added) == 1 and "Added Anna Berg" in added[0], outcomes
    assert all("is already known" in out for code, out in outcomes if code != 0), outcomes
    assert [p["name"] for p in track.json("people", "list")] == ["Anna Berg"]
