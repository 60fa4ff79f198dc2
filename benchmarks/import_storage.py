"""How much of `track import` is storage: CPU time, in process, median of rounds.

    .venv/bin/python benchmarks/import_storage.py [--docs 300] [--runs 3] [--people 0] [--profile]

Imports the generated minutes of extract_throughput.py (the samples in data/, varied per copy)
with `track import --yes --year 2017` into a fresh SQLite database, calling the CLI in this
process, and times the whole command and the part spent storing (plan and write each document
in its transaction: usecases.import_run._import_one) and reading and extracting
(usecases.import_read.read_one), in one process (--jobs 1),
each from empty caches of sentences, with process CPU time, so that other work on
the machine counts little. --people N first adds N people to the database, to show that a
document costs the same to store however many people are known. --profile also runs it once
under cProfile and prints the storing share it sees.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from extract_throughput import make_documents  # noqa: E402


def add_people(db: Path, n: int) -> None:
    """n people (and, for every tenth, an alias), in a database brought to the current schema."""
    import sqlite3

    from actiontrack.storage import open_database

    with open_database(f"sqlite:///{db}") as database, database.transaction():
        pass
    with sqlite3.connect(db) as conn:
        conn.executemany(
            "INSERT INTO people (name, organisation, created_at) VALUES (?, NULL, 'x')",
            [(f"Person{i} Efternamn{i % 997}",) for i in range(n)],
        )
        conn.executemany(
            "INSERT INTO person_aliases (person_id, alias) VALUES (?, ?)",
            [(i, f"alias {i}") for i in range(1, n, 10)],
        )


def import_once(paths: list[str], db: Path) -> tuple[float, float, float]:
    """(whole command, storing, extracting) in CPU seconds, from empty caches of sentences."""
    import actiontrack.usecases.import_read as reading
    import actiontrack.usecases.import_run as run
    from actiontrack.cli import main

    try:
        from actiontrack.extract import memo

        memo.forget()  # as in a new process: no sentence read yet
    except ImportError:
        pass
    homes = {"_import_one": run, "read_one": reading}
    real = {name: getattr(home, name) for name, home in homes.items()}
    spent = dict.fromkeys(real, 0.0)

    def timer(name: str):  # type: ignore[no-untyped-def]
        def timed(*args, **kwargs):  # type: ignore[no-untyped-def]
            start = time.process_time()
            try:
                return real[name](*args, **kwargs)
            finally:
                spent[name] += time.process_time() - start

        timed.__name__ = "timed" if name == "_import_one" else "timed_extract"
        return timed

    for name, home in homes.items():
        setattr(home, name, timer(name))
    sys.argv = ["track", "--db", str(db), "import", *paths, "--yes", "--year", "2017", "--jobs", "1"]
    start = time.process_time()
    try:
        main()
    except SystemExit as e:
        if e.code:
            raise
    finally:
        for name, function in real.items():
            setattr(homes[name], name, function)
    return time.process_time() - start, spent["_import_one"], spent["read_one"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--people", type=int, default=0)
    ap.add_argument("--profile", action="store_true")
    args = ap.parse_args()
    docs = make_documents(args.docs)
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, text in enumerate(docs):
            path = Path(tmp) / f"minutes-{i:04d}.txt"
            path.write_text(text, encoding="utf-8")
            paths.append(str(path))
        rounds = []
        for n in range(args.runs + (1 if args.profile else 0)):
            db = Path(tmp) / f"bench-{n}.db"
            if args.people:
                add_people(db, args.people)
            out, err = sys.stdout, sys.stderr
            sys.stdout = sys.stderr = open("/dev/null", "w")  # noqa: SIM115 - the import's report and notes
            try:
                if args.profile and n == args.runs:
                    profile = cProfile.Profile(time.process_time)
                    profile.runcall(import_once, paths, db)
                else:
                    rounds.append(import_once(paths, db))
            finally:
                sys.stdout.close()
                sys.stdout, sys.stderr = out, err
    total = statistics.median(r[0] for r in rounds)
    storing = statistics.median(r[1] for r in rounds)
    extracting = statistics.median(r[2] for r in rounds)
    print(
        f"track import, {len(docs)} documents into a database of {args.people} people: median {total:.2f} s CPU "
        f"= {len(docs) / total:.0f} documents/s; storing {storing:.2f} s = {storing / total:.0%} "
        f"({storing / len(docs) * 1000:.1f} ms a document), extracting {extracting:.2f} s = "
        f"{extracting / total:.0%}, over {args.runs} runs"
    )
    if args.profile:
        stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
        whole = sum(v[3] for k, v in stats.items() if k[2] == "import_once")
        store = sum(v[3] for k, v in stats.items() if k[2] == "timed")
        print(f"under cProfile: storing {store:.2f} s of {whole:.2f} s = {store / whole:.0%}")


if __name__ == "__main__":
    main()
