"""Extraction's output byte for byte against another checkout's: a speed-up must change nothing.

    .venv/bin/python benchmarks/compare_outputs.py --other /work/main/.venv/bin/track

Runs `track --now ... extract FILE --format json` (and with --explain, which lists every
sentence's path) with both commands on the corpora, data/ and a few generated documents
(the throughput benchmark's and a long one), and prints the files whose output differs.
Exit status 1 if any does.
"""

from __future__ import annotations

import argparse
import difflib
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
CORPORA = [Path("/work/shared/corpus/dev"), Path("/work/shared/corpus/wide"), ROOT / "data"]


def output(track: str, path: Path, *extra: str) -> str:
    done = subprocess.run(
        [track, "--now", "2026-11-22T10:00", "extract", str(path), "--format", "json", *extra],
        capture_output=True,
        text=True,
    )
    return f"exit {done.returncode}\n{done.stdout}\n--- stderr\n{done.stderr}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--other", default="/work/main/.venv/bin/track", help="the track to compare with")
    ap.add_argument("--mine", default=str(Path(sys.executable).with_name("track")))
    ap.add_argument("--generated", type=int, default=60, help="documents from extract_throughput.py")
    args = ap.parse_args()
    from extract_throughput import make_documents
    from make_long import make_long

    with tempfile.TemporaryDirectory() as tmp:
        paths = [p for corpus in CORPORA for p in sorted(corpus.glob("*.txt"))]
        for i, doc in enumerate(make_documents(args.generated, seed=11)):
            p = Path(tmp) / f"generated-{i:03d}.txt"
            p.write_text(doc, encoding="utf-8")
            paths.append(p)
        p = Path(tmp) / "long.txt"
        p.write_text(make_long(300_000), encoding="utf-8")
        paths.append(p)
        jobs = [(path, extra) for path in paths for extra in ((), ("--explain",))]

        def compare(job: tuple[Path, tuple[str, ...]]) -> str | None:
            path, extra = job
            theirs, mine = output(args.other, path, *extra), output(args.mine, path, *extra)
            if theirs == mine:
                return None
            diff = difflib.unified_diff(
                theirs.splitlines(), mine.splitlines(), "other", "mine", lineterm="", n=1
            )
            return f"{path.name} {' '.join(extra)}:\n" + "\n".join(list(diff)[:20])

        with ThreadPoolExecutor(max_workers=2) as pool:
            differences = [d for d in pool.map(compare, jobs) if d]
    for d in differences:
        print(d)
    print(f"{len(jobs)} outputs compared, {len(differences)} differ")
    sys.exit(1 if differences else 0)


if __name__ == "__main__":
    main()
