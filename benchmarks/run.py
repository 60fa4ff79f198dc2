"""Times `track` as whole processes on 10,000 and 100,000 items, against Taskwarrior and todoman.

    .venv/bin/python benchmarks/run.py [--sizes 10000 100000] [--runs 9] [--docs 500]

Each command runs --runs times after two warm-up runs; the median is reported, with
stdout piped (as a script or `| less` would). When `task` (Debian: taskwarrior)
and `todo` (PyPI: todoman, found on PATH or with --todo) are installed, the same
items are loaded into them and their equivalent commands are timed in the same
run, and the ratios printed. `python -c pass` is the floor.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))


def timed(cmd: list[str], runs: int, env: dict[str, str] | None = None, warmup: int = 2) -> float:
    """Median wall time of a whole process, in seconds."""
    times = []
    for n in range(warmup + runs):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
        if n >= warmup:
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def slug(name: str) -> str:
    return "".join(ch for ch in name.lower().replace(" ", "_") if ch.isalnum() or ch == "_")


def busiest_owner(db: Path) -> str:
    con = sqlite3.connect(db)
    (name,) = con.execute(
        "SELECT p.name FROM people p JOIN item_owners o ON o.person_id = p.id JOIN items i ON i.id = o.item_id "
        "WHERE i.status = 'open' GROUP BY p.id ORDER BY count(*) DESC, p.id LIMIT 1"
    ).fetchone()
    con.close()
    return name


def items_of(db: Path) -> list[dict[str, object]]:
    con = sqlite3.connect(db)
    rows = con.execute(
        "SELECT i.id, i.text, i.status, i.due, i.created_at, i.closed_at, "
        "(SELECT group_concat(p.name, '|') FROM item_owners o JOIN people p ON p.id = o.person_id WHERE o.item_id = i.id) "
        "FROM items i ORDER BY i.id"
    ).fetchall()
    con.close()
    return [
        {"id": r[0], "text": r[1], "status": r[2], "due": r[3], "created": r[4], "closed": r[5],
         "owners": (r[6] or "").split("|") if r[6] else []}
        for r in rows
    ]  # fmt: skip


def load_taskwarrior(items: list[dict[str, object]], home: Path) -> dict[str, str]:
    data = home / "task"
    data.mkdir(parents=True)
    rc = home / "taskrc"
    rc.write_text(f"data.location={data}\nverbose=nothing\nconfirmation=off\nnews.version=9.9.9\n")
    tasks = []
    for it in items:
        task = {"description": it["text"], "status": "pending" if it["status"] == "open" else "completed",
                "entry": str(it["created"])[:19].replace("-", "").replace(":", "") + "Z",
                "tags": [slug(str(o)) for o in it["owners"]]}  # type: ignore[union-attr]  # fmt: skip
        if it["due"]:
            task["due"] = str(it["due"]).replace("-", "") + "T000000Z"
        if it["closed"]:
            task["end"] = str(it["closed"])[:19].replace("-", "").replace(":", "") + "Z"
        tasks.append(task)
    dump = home / "tasks.json"
    dump.write_text(json.dumps(tasks))
    env = {**os.environ, "TASKRC": str(rc)}
    subprocess.run(["task", "import", str(dump)], env=env, check=True, capture_output=True)
    return env


def load_todoman(items: list[dict[str, object]], home: Path) -> dict[str, str]:
    cal = home / "cal" / "work"
    cal.mkdir(parents=True)
    for it in items:
        lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//bench//EN", "BEGIN:VTODO", f"UID:item-{it['id']}@bench",
                 f"SUMMARY:{it['text']}", "DTSTAMP:20261122T090000Z",
                 f"STATUS:{'NEEDS-ACTION' if it['status'] == 'open' else 'COMPLETED'}"]  # fmt: skip
        if it["owners"]:
            lines.append("CATEGORIES:" + ",".join(slug(str(o)) for o in it["owners"]))  # type: ignore[union-attr]
        if it["due"]:
            lines.append(f"DUE;VALUE=DATE:{str(it['due']).replace('-', '')}")
        lines += ["END:VTODO", "END:VCALENDAR", ""]
        (cal / f"item-{it['id']}.ics").write_text("\r\n".join(lines), encoding="utf-8")
    config = home / "todoman.py"
    config.write_text(f'path = "{home / "cal"}/*"\ndate_format = "%Y-%m-%d"\ntime_format = "%H:%M"\n'
                      f'default_list = "work"\ncache_path = "{home / "cache.sqlite3"}"\n')  # fmt: skip
    return {**os.environ, "TODOMAN_CONFIG": str(config)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--docs", type=int, default=500)
    ap.add_argument("--todo", default=shutil.which("todo"), help="path of todoman's `todo`")
    args = ap.parse_args()
    from generate import generate

    python = sys.executable
    track = str(Path(python).with_name("track"))
    # An installed package is byte-compiled; an editable one under PYTHONDONTWRITEBYTECODE=1 is not,
    # and would be timed compiling itself on every run.
    subprocess.run([python, "-m", "compileall", "-q", str(ROOT / "src")], check=True)
    task = shutil.which("task")
    work = Path(tempfile.mkdtemp(prefix="track-bench-"))
    results: list[tuple[str, int | None, float]] = []

    def record(label: str, size: int | None, seconds: float) -> float:
        results.append((label, size, seconds))
        print(f"{label:55} {'' if size is None else size:>7} {seconds * 1000:8.1f} ms", flush=True)
        return seconds

    floor = record("python -c pass", None, timed([python, "-c", "pass"], args.runs))
    helped = record("track --help", None, timed([track, "--help"], args.runs))
    doc = str(ROOT / "data" / "ledningsgrupp-for-utveckling-dec.txt")
    record(
        "track extract (one document, JSON)",
        None,
        timed([track, "extract", doc, "--format", "json"], args.runs),
    )
    ratios: dict[int, dict[str, float]] = {}
    for size in args.sizes:
        db = work / f"track-{size}.db"
        generate(db, size, seed=1)
        owner = busiest_owner(db)
        base = [track, "--db", str(db)]
        mine = record(
            f"track open --owner '{owner}'", size, timed([*base, "open", "--owner", owner], args.runs)
        )
        record("track open (all, piped)", size, timed([*base, "open"], max(3, args.runs // 3)))
        agenda = record("track agenda 'Gemensam utvecklingsgrupp'", size,
                        timed([*base, "agenda", "Gemensam utvecklingsgrupp"], args.runs))  # fmt: skip
        record("track add TEXT", size, timed([*base, "add", "Leif ska boka lokal senast fredag", "--owner", owner],
                                             args.runs))  # fmt: skip
        ratios[size] = {"open": mine, "agenda": agenda}
        if size == min(args.sizes):
            items = items_of(db)
            if task:
                env = load_taskwarrior(items, work / f"tw-{size}")
                tw = record(
                    f"task +{slug(owner)} list",
                    size,
                    timed(["task", f"+{slug(owner)}", "list"], args.runs, env),
                )
                ratios[size]["task"] = tw
            if args.todo:
                env = load_todoman(items, work / f"tm-{size}")
                tm = record(f"todo list --category {slug(owner)}", size,
                            timed([args.todo, "list", "--category", slug(owner)], args.runs, env))  # fmt: skip
                ratios[size]["todo"] = tm
    # bulk import
    from extract_throughput import make_documents

    docs_dir = work / "minutes"
    docs_dir.mkdir()
    paths = []
    for i, text in enumerate(make_documents(args.docs)):
        p = docs_dir / f"minutes-{i:04d}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(str(p))
    start = time.perf_counter()
    subprocess.run([track, "--db", str(work / "import.db"), "import", *paths, "--yes", "--year", "2017"],
                   check=True, capture_output=True)  # fmt: skip
    took = record(f"track import of {args.docs} minutes (one process)", None, time.perf_counter() - start)

    print()
    print(f"track --help / python -c pass: {helped / floor:.1f}x (target < 3)")
    small, large = min(args.sizes), max(args.sizes)
    if "task" in ratios[small]:
        print(
            f"track open --owner / task +x list: {ratios[small]['open'] / ratios[small]['task']:.2f}x (target <= 1.5)"
        )
    if "todo" in ratios[small]:
        print(
            f"track open --owner / todo list --category: {ratios[small]['open'] / ratios[small]['todo']:.2f}x (target < 1)"
        )
    if large != small:
        print(
            f"open --owner at {large} / at {small}: {ratios[large]['open'] / ratios[small]['open']:.2f}x (target <= 1.5)"
        )
        print(
            f"agenda at {large} / at {small}: {ratios[large]['agenda'] / ratios[small]['agenda']:.2f}x (target <= 1.5)"
        )
    print(f"import: {args.docs / took:.0f} documents/s (target >= 50)")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
