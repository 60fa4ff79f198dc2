"""Extraction of hostile shapes at growing sizes: CPU seconds and peak memory of `track extract`.

    .venv/bin/python benchmarks/hostile_shapes.py [--mb 1 2 4] [--shapes nested ...] [--timeout 600]

Each shape is text a user may hand `track extract` by mistake or on purpose, under the
20 MB limit of reading.py:

- nested: quoted list lines, each one level deeper: "> " * i + "- Anna ska göra sak i";
- tasks: ordinary task lines, one after another with no blank line between;
- bullets: the same as a list ("- Anna ska göra sak i");
- long: lines of 19,000 characters, one sentence each with no full stop;
- clauses: lines of 19,000 characters, each many short sentences and clauses.

Each size of each shape runs as its own `track extract --format json` process; the figures
are its CPU time (user + system) and peak resident memory, and the ratio of each to the
smallest size (linear: the ratio of the sizes). A run past --timeout is stopped and shown
as such.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAMES = ["Anna", "Bo", "Cecilia", "David", "Eva", "Fredrik", "Greta", "Hans"]
VERBS = ["ringa hyresvärden", "boka lokalen", "skriva till kommunen", "kontakta Lisa", "ordna fika"]


def _lines(size: int, line: Callable[[int], str]) -> str:
    out: list[str] = []
    total, i = 0, 0
    while total < size:
        text = line(i)
        out.append(text)
        total += len(text.encode()) + 1
        i += 1
    return "\n".join(out) + "\n"


def _long_line(i: int, width: int = 19_000) -> str:
    words: list[str] = []
    n = 0
    while n < width - 40:
        part = f"{NAMES[(i + n) % len(NAMES)]} ska {VERBS[n % len(VERBS)]} och"
        words.append(part)
        n += len(part) + 1
    return " ".join(words) + " sedan"


def _clauses_line(i: int, width: int = 19_000) -> str:
    parts: list[str] = []
    n = 0
    while n < width - 80:
        a, b = NAMES[(i + n) % len(NAMES)], NAMES[(i + n + 3) % len(NAMES)]
        part = f"{a} ska {VERBS[n % len(VERBS)]}, {b} ska {VERBS[(n + 2) % len(VERBS)]} senast fredag."
        parts.append(part)
        n += len(part) + 1
    return " ".join(parts)


SHAPES: dict[str, Callable[[int], str]] = {
    "nested": lambda size: _lines(size, lambda i: "> " * i + f"- Anna ska göra sak {i}"),
    "tasks": lambda size: _lines(size, lambda i: f"{NAMES[i % len(NAMES)]} ska {VERBS[i % len(VERBS)]} {i}."),
    "bullets": lambda size: _lines(
        size, lambda i: f"- {NAMES[i % len(NAMES)]} ska {VERBS[i % len(VERBS)]} {i}"
    ),
    "long": lambda size: _lines(size, _long_line),
    "clauses": lambda size: _lines(size, _clauses_line),
}


def run(path: Path, timeout: float) -> tuple[float, float, int | None]:
    """CPU seconds, peak MB and exit status of one `track extract` (status None: stopped)."""
    track = Path(sys.executable).parent / "track"
    command = [str(track), "extract", "--format", "json", str(path)]
    # a wrapper process per run, so that getrusage(RUSAGE_CHILDREN) is of this run only
    probe = (
        "import resource, subprocess, sys\n"
        "try:\n"
        f"    rc = subprocess.run({command!r}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout={timeout}).returncode\n"
        "except subprocess.TimeoutExpired:\n"
        "    rc = -1\n"
        "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(u.ru_utime + u.ru_stime, u.ru_maxrss / 1024, rc)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.split()
    return float(out[0]), float(out[1]), None if out[2] == "-1" else int(out[2])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, nargs="+", default=[1, 2, 4])
    ap.add_argument("--shapes", nargs="+", choices=sorted(SHAPES), default=list(SHAPES))
    ap.add_argument("--timeout", type=float, default=600)
    args = ap.parse_args()
    print(f"$ {' '.join(sys.argv)}")
    with tempfile.TemporaryDirectory() as folder:
        os.environ["TRACK_HOME"] = folder
        for shape in args.shapes:
            first: tuple[float, float, float] | None = None
            for mb in args.mb:
                path = Path(folder) / f"{shape}-{mb:g}.txt"
                path.write_text(SHAPES[shape](int(mb * 1_000_000)), encoding="utf-8")
                seconds, peak, status = run(path, args.timeout)
                note = "stopped" if status is None else f"exit {status}"
                ratios = ""
                if first is None:
                    first = (mb, seconds, peak)
                else:
                    ratios = f"  x{seconds / first[1]:.2f} time, x{peak / first[2]:.2f} memory (size x{mb / first[0]:g})"
                print(
                    f"{shape:8} {mb:5g} MB: {seconds:7.1f} s CPU {peak:7.0f} MB peak ({note}){ratios}",
                    flush=True,
                )
                path.unlink()


if __name__ == "__main__":
    main()
