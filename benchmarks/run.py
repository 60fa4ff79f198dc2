"""Times `track` as whole processes at each size, against Taskwarrior and todoman in the same run.

    .venv/bin/python benchmarks/run.py [--sizes 10000 100000 1000000] [--peer-sizes 10000 100000]
                                       [--runs 9] [--docs 500] [--import-rounds 3] [--todo PATH/todo] [--cache DIR]

At each size a database is generated (generate.py, seed 1; with --cache DIR only once,
then copied from there) and, where `task` (Debian: `apt-get install taskwarrior`) and
todoman's `todo` (PyPI: `pip install todoman` into a venv of its own; found on PATH or
given with --todo) are installed,
the same items are loaded into them, owners as tags and categories with their
å, ä and ö. Every command of a size is run --runs times after two warm-up rounds,
the commands in a shuffled order each round (seeded), so the machine's load falls
on all of them alike; stdout is piped (as a script or `| less` would). Reported:
the median CPU time (user + system) of each command and its median wall time, then
per size the ratios of track to each peer and of each size to the smallest. CPU
time is what the ratios use: on a loaded 2-core machine it is the steadier of the two.
`python -c pass` is the floor.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
GROUP = "Gemensam utvecklingsgrupp"


@dataclass
class Case:
    """One command to time: `argv(n)` is the command of round n (`done` takes a new item each round)."""

    command: str  # what it does, the same for track and its peers: "open --owner X", "add", ...
    tool: str  # "track", "task", "todo", "python"
    size: int | None
    argv: Callable[[int], list[str]]
    env: dict[str, str] | None = None
    label: str = ""
    cpu: list[float] = field(default_factory=list)
    wall: list[float] = field(default_factory=list)


def run_once(case: Case, n: int) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one whole process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(case.argv(n), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=case.env, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), wall


def measure(cases: list[Case], runs: int, warmup: int = 2, seed: int = 1) -> None:
    rng = random.Random(seed)
    for n in range(warmup + runs):
        order = list(cases)
        rng.shuffle(order)
        for case in order:
            cpu, wall = run_once(case, n)
            if n >= warmup:
                case.cpu.append(cpu)
                case.wall.append(wall)
    for case in cases:
        print(
            f"{case.label:58} {'' if case.size is None else case.size:>8} "
            f"{statistics.median(case.cpu) * 1000:8.1f} ms CPU {statistics.median(case.wall) * 1000:8.1f} ms wall",
            flush=True,
        )


def cpu(case: Case) -> float:
    return statistics.median(case.cpu)


def slug(name: str) -> str:
    """A tag or category for a name: "Åke Ström" -> "åke_ström" (letters as they are)."""
    return "".join(ch for ch in name.lower().replace(" ", "_") if ch.isalnum() or ch == "_")


def busiest_owner(db: Path) -> str:
    con = sqlite3.connect(db)
    (name,) = con.execute(
        "SELECT p.name FROM people p JOIN item_owners o ON o.person_id = p.id JOIN items i ON i.id = o.item_id "
        "WHERE i.status = 'open' GROUP BY p.id ORDER BY count(*) DESC, p.id LIMIT 1"
    ).fetchone()
    con.close()
    return name


def open_ids(db: Path, count: int) -> list[int]:
    """Open items to complete, one per round, from the newest back."""
    con = sqlite3.connect(db)
    ids = [
        r[0]
        for r in con.execute("SELECT id FROM items WHERE status = 'open' ORDER BY id DESC LIMIT ?", (count,))
    ]
    con.close()
    return ids


def items_of(db: Path) -> list[dict[str, object]]:
    con = sqlite3.connect(db)
    rows = con.execute(
        "SELECT i.id, i.text, i.status, i.due, i.created_at, i.closed_at, "
        "(SELECT group_concat(p.name, '|') FROM item_owners o JOIN people p ON p.id = o.person_id WHERE o.item_id = i.id) "
        "FROM items i ORDER BY i.id"
    ).fetchall()
    con.close()
    return [
        {
            "id": r[0],
            "text": r[1],
            "status": r[2],
            "due": r[3],
            "created": r[4],
            "closed": r[5],
            "owners": (r[6] or "").split("|") if r[6] else [],
        }
        for r in rows
    ]


def task_uuid(item_id: int) -> str:
    """The same uuid for an item in every run, so `task UUID done` can name it."""
    return str(uuid.UUID(int=item_id))


def _tw_time(stamp: object) -> str:
    return str(stamp)[:19].replace("-", "").replace(":", "") + "Z"


def load_taskwarrior(items: list[dict[str, object]], home: Path) -> dict[str, str]:
    data = home / "task"
    data.mkdir(parents=True)
    rc = home / "taskrc"
    rc.write_text(
        f"data.location={data}\nverbose=nothing\nconfirmation=off\nnews.version=9.9.9\n", encoding="utf-8"
    )
    tasks = []
    for it in items:
        task: dict[str, object] = {
            "uuid": task_uuid(int(it["id"])),  # type: ignore[call-overload]
            "description": it["text"],
            "status": "pending" if it["status"] == "open" else "completed",
            "entry": _tw_time(it["created"]),
            "tags": [slug(str(o)) for o in it["owners"]],  # type: ignore[attr-defined]
        }
        if it["due"]:
            task["due"] = str(it["due"]).replace("-", "") + "T000000Z"
        if it["closed"]:
            task["end"] = _tw_time(it["closed"])
        tasks.append(task)
    dump = home / "tasks.json"
    # Real å, ä and ö: Taskwarrior 2.6 stores "\u00e5" escapes in tags as they are written.
    dump.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    env = {**os.environ, "TASKRC": str(rc)}
    subprocess.run(["task", "import", str(dump)], env=env, check=True, capture_output=True)
    return env


def load_todoman(items: list[dict[str, object]], home: Path) -> dict[str, str]:
    cal = home / "cal" / "work"
    cal.mkdir(parents=True)
    for it in items:
        lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//bench//EN",
            "BEGIN:VTODO",
            f"UID:item-{it['id']}@bench",
            f"SUMMARY:{it['text']}",
            "DTSTAMP:20261122T090000Z",
            f"STATUS:{'NEEDS-ACTION' if it['status'] == 'open' else 'COMPLETED'}",
        ]
        if it["owners"]:
            lines.append("CATEGORIES:" + ",".join(slug(str(o)) for o in it["owners"]))  # type: ignore[attr-defined]
        if it["due"]:
            lines.append(f"DUE;VALUE=DATE:{str(it['due']).replace('-', '')}")
        lines += ["END:VTODO", "END:VCALENDAR", ""]
        (cal / f"item-{it['id']}.ics").write_text("\r\n".join(lines), encoding="utf-8")
    config = home / "todoman.py"
    config.write_text(
        f'path = "{home / "cal"}/*"\ndate_format = "%Y-%m-%d"\ntime_format = "%H:%M"\n'
        f'default_list = "work"\ncache_path = "{home / "cache.sqlite3"}"\n',
        encoding="utf-8",
    )
    return {**os.environ, "TODOMAN_CONFIG": str(config)}


def size_cases(
    size: int, db: Path, work: Path, args: argparse.Namespace, task: str | None, with_peers: bool
) -> list[Case]:
    python = sys.executable
    track = str(Path(python).with_name("track"))
    owner = busiest_owner(db)
    base = [track, "--db", str(db)]
    rounds = args.runs + 2
    done_ids = open_ids(db, 4 * rounds)  # each item is done or edited once: by this track or the one before
    edit_ids = done_ids[rounds : 2 * rounds]
    floor = Case("python -c pass", "python", size, lambda n: [python, "-c", "pass"], label="python -c pass")
    cases = [floor, *_track_cases(track, "track", size, base[1:], owner, done_ids, edit_ids)]
    if args.before:
        cases += _track_cases(
            args.before, "before", size, base[1:], owner, done_ids[2 * rounds :], done_ids[3 * rounds :]
        )
    if not with_peers:
        return cases
    return cases + _peer_cases(size, work, args, task, owner, db, done_ids, edit_ids)


def _track_cases(
    track: str,
    tool: str,
    size: int,
    db_option: list[str],
    owner: str,
    done_ids: list[int],
    edit_ids: list[int],
) -> list[Case]:
    base = [track, *db_option]
    who = "" if tool == "track" else f"[{tool}] "
    cases = [
        Case(
            "open --owner X",
            tool,
            size,
            lambda n: [*base, "open", "--owner", owner],
            label=f"{who}track open --owner '{owner}'",
        ),
        Case("agenda", tool, size, lambda n: [*base, "agenda", GROUP], label=f"{who}track agenda '{GROUP}'"),
        Case(
            "add",
            tool,
            size,
            lambda n: [*base, "add", "Leif ska boka lokal senast fredag", "--owner", owner],
            label=f"{who}track add TEXT --owner X",
        ),
        Case("done", tool, size, lambda n: [*base, "done", str(done_ids[n])], label=f"{who}track done ID"),
        Case(
            "edit",
            tool,
            size,
            lambda n: [*base, "edit", str(edit_ids[n]), "--due", "2026-12-18"],
            label=f"{who}track edit ID --due DATE",
        ),
    ]
    if size <= 100_000:  # every open item, piped: 20,000 lines at a million
        cases.append(
            Case("open (all)", tool, size, lambda n: [*base, "open"], label=f"{who}track open (all, piped)")
        )
    return cases


def _peer_cases(
    size: int,
    work: Path,
    args: argparse.Namespace,
    task: str | None,
    owner: str,
    db: Path,
    done_ids: list[int],
    edit_ids: list[int],
) -> list[Case]:
    cases: list[Case] = []
    items = None
    if task or args.todo:
        items = items_of(db)
    tag = slug(owner)
    if task and items is not None:
        started = time.perf_counter()
        env = load_taskwarrior(items, work / f"tw-{size}")
        print(f"(Taskwarrior loaded with {size} tasks in {time.perf_counter() - started:.0f} s)", flush=True)
        cases += [
            Case(
                "open --owner X",
                "task",
                size,
                lambda n: ["task", f"+{tag}", "list"],
                env,
                f"task +{tag} list",
            ),
            Case(
                "add",
                "task",
                size,
                lambda n: ["task", "add", "Leif ska boka lokal", f"+{tag}"],
                env,
                "task add TEXT +tag",
            ),
            Case(
                "done",
                "task",
                size,
                lambda n: ["task", task_uuid(done_ids[n]), "done"],
                env,
                "task UUID done",
            ),
            # Taskwarrior's own short form: the working-set number of a pending task
            Case("done N", "task", size, lambda n: ["task", str(n + 1), "done"], env, "task N done"),
            Case(
                "edit",
                "task",
                size,
                lambda n: ["task", task_uuid(edit_ids[n]), "modify", "due:2026-12-18"],
                env,
                "task UUID modify due:DATE",
            ),
        ]
    if args.todo and items is not None:
        started = time.perf_counter()
        env = load_todoman(items, work / f"tm-{size}")
        print(f"(todoman loaded with {size} todos in {time.perf_counter() - started:.0f} s)", flush=True)
        cases += [
            Case(
                "open --owner X",
                "todo",
                size,
                lambda n: [args.todo, "list", "--category", tag],
                env,
                f"todo list --category {tag}",
            ),
            Case(
                "add",
                "todo",
                size,
                lambda n: [args.todo, "new", "-l", "work", "Leif ska boka lokal"],
                env,
                "todo new -l work TEXT",
            ),
        ]
    return cases


def ratio_report(cases: list[Case], sizes: list[int]) -> None:
    by = {(c.command, c.tool, c.size): c for c in cases}
    commands = list(dict.fromkeys(c.command for c in cases if c.tool == "track"))
    print()
    print(
        "Ratios of median CPU time (track / peer; size / smallest size), each size's floor timed in its rounds:"
    )
    for size in sizes:
        floor = by.get(("python -c pass", "python", size))
        for command in commands:
            mine = by.get((command, "track", size))
            if mine is None:
                continue
            parts = [f"{command:16} {size:>8}: track {cpu(mine) * 1000:7.1f} ms"]
            if floor:
                parts.append(f"{cpu(mine) / cpu(floor):5.1f}x python -c pass")
            before = by.get((command, "before", size))
            if before:
                parts.append(f"{cpu(mine) / cpu(before):5.2f}x before ({cpu(before) * 1000:.1f} ms)")
            if command == "done" and by.get(("done N", "task", size)):
                parts.append(f"{cpu(mine) / cpu(by[('done N', 'task', size)]):6.2f}x task N done")
            for peer in ("task", "todo"):
                theirs = by.get((command, peer, size))
                if theirs:
                    parts.append(f"{cpu(mine) / cpu(theirs):6.2f}x {peer} ({cpu(theirs) * 1000:.1f} ms)")
            smallest = by.get((command, "track", min(sizes)))
            if smallest and size != min(sizes):
                parts.append(f"{cpu(mine) / cpu(smallest):5.2f}x at {min(sizes)}")
            print(", ".join(parts))


def write_summary(cases: list[Case], sizes: list[int]) -> None:
    """The commands typed during a meeting: each <= 8x `python -c pass`, and as fast at
    the largest size as at the smallest (<= 1.3x)."""
    by = {(c.command, c.tool, c.size): c for c in cases}
    for command in ("add", "done", "edit"):
        mine = [by[(command, "track", size)] for size in sizes if (command, "track", size) in by]
        if not mine:
            continue
        ratios = ", ".join(
            f"{cpu(c) / cpu(by[('python -c pass', 'python', c.size)]):.1f}x at {c.size}" for c in mine
        )
        print(
            f"track {command} / python -c pass: {ratios} (target <= 8); "
            f"{cpu(mine[-1]) / cpu(mine[0]):.2f}x from {mine[0].size} to {mine[-1].size} (target <= 1.3)"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument(
        "--peer-sizes",
        type=int,
        nargs="*",
        default=None,
        help="sizes Taskwarrior and todoman are loaded at (default: the sizes up to 100,000)",
    )
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--docs", type=int, default=500, help="minutes for the import benchmark (0: none)")
    ap.add_argument("--import-rounds", type=int, default=3, help="rounds of the import benchmark (median)")
    ap.add_argument("--todo", default=shutil.which("todo"), help="path of todoman's `todo`")
    ap.add_argument(
        "--before",
        default=None,
        help="another track (e.g. an install of an earlier commit), timed in the same rounds",
    )
    ap.add_argument(
        "--cache",
        type=Path,
        default=None,
        help="keep the generated databases in this folder and start from a copy next time",
    )
    args = ap.parse_args()
    python = sys.executable
    track = str(Path(python).with_name("track"))
    # An installed package is byte-compiled; an editable one under PYTHONDONTWRITEBYTECODE=1 is not,
    # and would be timed compiling itself on every run.
    subprocess.run([python, "-m", "compileall", "-q", str(ROOT / "src")], check=True)
    task = shutil.which("task")
    if not task:
        print("Taskwarrior is not installed (Debian: apt-get install taskwarrior): its commands are skipped.")
    if not args.todo:
        print(
            "todoman is not installed (python3 -m venv ~/todoman && ~/todoman/bin/pip install todoman, "
            "then --todo ~/todoman/bin/todo): its commands are skipped."
        )
    peer_sizes = [s for s in args.sizes if s <= 100_000] if args.peer_sizes is None else args.peer_sizes
    work = Path(tempfile.mkdtemp(prefix="track-bench-"))
    doc = str(ROOT / "data" / "ledningsgrupp-for-utveckling-dec.txt")
    fixed = [
        Case("python -c pass", "python", None, lambda n: [python, "-c", "pass"], label="python -c pass"),
        Case("--help", "track", None, lambda n: [track, "--help"], label="track --help"),
        # what the console script pip writes does before it calls track: `import re, sys`
        Case(
            "script",
            "python",
            None,
            lambda n: [python, "-c", "import re, sys"],
            label="python -c 'import re, sys'",
        ),
        Case(
            "extract",
            "track",
            None,
            lambda n: [track, "extract", doc, "--format", "json"],
            label="track extract (one document, JSON)",
        ),
    ]
    if args.before:
        fixed += [
            Case("--help", "before", None, lambda n: [args.before, "--help"], label="[before] track --help"),
            Case(
                "extract",
                "before",
                None,
                lambda n: [args.before, "extract", doc, "--format", "json"],
                label="[before] track extract (one document, JSON)",
            ),
        ]
    measure(fixed, args.runs)
    every = list(fixed)
    try:
        for size in args.sizes:
            db = work / f"track-{size}.db"
            started = time.perf_counter()
            made(db, size, args.cache)
            print(f"(a database of {size} items made in {time.perf_counter() - started:.0f} s)", flush=True)
            cases = size_cases(size, db, work, args, task, size in peer_sizes)
            measure(cases, args.runs)
            every += cases
            for leftover in work.iterdir():  # a million items and 100,000 .ics files take room
                if leftover.is_dir():
                    shutil.rmtree(leftover)
                else:
                    leftover.unlink()
        ratio_report(every, args.sizes)
        floor, helped = cpu(fixed[0]), cpu(fixed[1])
        script = cpu(fixed[2])
        print(
            f"track --help / python -c pass: {helped / floor:.2f}x (target <= 1.5); the console script's "
            f"own `import re, sys` is {script / floor:.2f}x of it"
        )
        for before in fixed[4:]:
            mine = next(c for c in fixed if c.command == before.command and c.tool == "track")
            print(f"track {before.command} / before: {cpu(mine) / cpu(before):.2f}x")
        write_summary(every, args.sizes)
        if args.docs:
            import_benchmark(
                track, work, args.docs, sizes=args.sizes, cache=args.cache, rounds=args.import_rounds
            )
            if args.before:
                import_benchmark(args.before, work, args.docs, label="[before] ", rounds=args.import_rounds)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def made(db: Path, size: int, cache: Path | None) -> None:
    """The database of `size` items at `db`: generated, or copied from --cache (a million items
    take over a minute to generate; the commands change the copy, never the cached one). On
    disk before it is timed: a copy of 700 MB still being written out would be flushed by the
    first fsync of the command timed (an import's first checkpoint), and counted as its time."""
    from generate import generate

    from actiontrack.storage.migrations import MIGRATIONS

    if cache is None:
        generate(db, size, seed=1)
    else:
        cache.mkdir(parents=True, exist_ok=True)
        kept = cache / f"track-{size}-seed1-{MIGRATIONS[-1].__name__}.db"  # a new schema, a new file
        if not kept.exists():
            partial = kept.with_suffix(".partial")
            partial.unlink(missing_ok=True)  # an earlier run stopped half-way
            generate(partial, size, seed=1)
            partial.rename(kept)
        shutil.copyfile(kept, db)
    with open(db, "rb+") as f:
        os.fsync(f.fileno())


def import_benchmark(
    track: str,
    work: Path,
    count: int,
    label: str = "",
    sizes: Sequence[int] = (),
    cache: Path | None = None,
    rounds: int = 3,
) -> None:
    """`track import` of `count` generated minutes into an empty database with one process, then,
    with the default workers, into an empty database and into a copy of each database of `sizes`
    items (is it flat from empty to a million?): `rounds` rounds, the databases in a shuffled
    order each round, so that the machine's load falls on all of them alike; the median rate."""
    from extract_throughput import make_documents

    docs_dir = work / f"minutes{label.strip('[] ')}"
    docs_dir.mkdir()
    paths = []
    for i, text in enumerate(make_documents(count)):
        p = docs_dir / f"minutes-{i:04d}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(str(p))

    def rate(size: int, jobs: str | None = None) -> float:
        db = docs_dir / f"import-{size}-{jobs}.db"
        if size:
            made(db, size, cache)
        start = time.perf_counter()
        subprocess.run(
            [
                track,
                "--db",
                str(db),
                "import",
                *paths,
                "--yes",
                "--year",
                "2017",
                *(["--jobs", jobs] if jobs else []),
            ],
            check=True,
            capture_output=True,
        )
        took = time.perf_counter() - start
        for leftover in docs_dir.glob(f"{db.name}*"):
            leftover.unlink()
        return count / took

    cases = [(0, "1")] if not label else []  # one process (an older track: the default only)
    cases += [(0, None), *((size, None) for size in sizes)]
    rates: dict[tuple[int, str | None], list[float]] = {case: [] for case in cases}
    rng = random.Random(2)
    for _ in range(rounds):
        order = list(cases)
        rng.shuffle(order)
        for case in order:
            rates[case].append(rate(*case))
    for (size, jobs), got in rates.items():
        where = f"into {size} items" if size else "into a new database"
        how = " with one process (--jobs 1)" if jobs else ""
        spread = ", ".join(f"{r:.0f}" for r in sorted(got))
        print(
            f"{label}track import of {count} minutes {where}{how}: {statistics.median(got):.0f} documents/s"
            f" (median of {len(got)}: {spread}; {os.cpu_count()} processors)",
            flush=True,
        )


if __name__ == "__main__":
    main()
