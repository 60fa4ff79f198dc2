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
