"""What reading config.toml costs a command: `track open` on an empty database with no
config.toml and with one of three keys, and `python -c pass` as the floor, in the same run.

    .venv/bin/python benchmarks/config_startup.py [--runs 41]

Each command runs --runs times after two warm-up rounds, in a shuffled order each round (seeded);
reported is the median CPU time (user + system) of each, which on a shared 2-core machine is
steadier than wall time.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path


def cpu_ms(cmd: list[str], env: dict[str, str]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, env=env, capture_output=True, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=41)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "config.toml"
        config.write_text(
            'language = "en"\ndefault_group = "Brukarrådet"\ncsv_delimiter = ";"\n', encoding="utf-8"
        )
        base = dict(os.environ, TRACK_HOME=str(Path(tmp) / "home"), LANG="C.UTF-8")
        track = [sys.executable, "-m", "actiontrack"]
        subprocess.run([*track, "init"], env=base, capture_output=True, check=True)
        cases = {
            "python -c pass": ([sys.executable, "-c", "pass"], base),
            "track open, no config.toml": (
                [*track, "open"],
                dict(base, TRACK_CONFIG=str(Path(tmp) / "none")),
            ),
            "track open, config.toml of 3 keys": ([*track, "open"], dict(base, TRACK_CONFIG=str(config))),
        }
        times: dict[str, list[float]] = {name: [] for name in cases}
        rounds = random.Random(1)
        for run in range(args.runs + 2):
            order = list(cases)
            rounds.shuffle(order)
            for name in order:
                spent = cpu_ms(*cases[name])
                if run >= 2:
                    times[name].append(spent)
    for name, spent in times.items():
        print(f"{name:36s} median CPU {statistics.median(spent):6.1f} ms")


if __name__ == "__main__":
    main()
