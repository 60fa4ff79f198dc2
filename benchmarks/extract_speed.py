"""Extraction speed in KB/s: one long text of 1 MB and of 4 MB, and text that never repeats.

    .venv/bin/python benchmarks/extract_speed.py [--mb 1 4] [--runs 3] [--corpus ../shared/corpus/wide ...]

The long texts are make_long.py's (copies of the samples in data/ with varied names, dates
and order): their sentences repeat, and the extractor tags a sentence it has seen once. The
corpus texts (every document of the folders given, each read once) do not repeat, which is
what minutes nobody has seen are like. Each figure is the median CPU time of fresh runs in
process, the caches of sentences emptied before each (see _fresh), and the ratio of the 4 MB time to the 1 MB time
(linear is 4).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))


def _fresh() -> None:
    """Empty what a process keeps of the sentences it has read: the memo of tags, clauses,
    weighings and date matches (memo.forget; before it, the tags alone), and the compiled
    patterns built around names. The tagger's caches of feature weights are kept, as before."""
    import re

    try:
        from actiontrack.extract import memo

        memo.forget()
    except ImportError:  # before extract/memo.py
        from actiontrack.extract import retag

        retag.cached_tags.cache_clear()
    from actiontrack import lazy_re

    getattr(lazy_re, "_built", {}).clear()
    re.purge()


def _seconds(text: str, runs: int) -> float:
    from actiontrack.extract import extract_text

    times = []
    for _ in range(runs):
        _fresh()
        start = time.process_time()
        extract_text(text, today=date(2026, 11, 22))
        times.append(time.process_time() - start)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, nargs="+", default=[1, 4])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--corpus", type=Path, action="append", default=[])
    args = ap.parse_args()
    from make_long import make_long

    from actiontrack.extract import extract_text

    extract_text("Mötet 1 april 2019\n\nVi ska boka lokal.\n", today=date(2026, 11, 22))  # load the model
    seconds: dict[float, float] = {}
    for mb in args.mb:
        text = make_long(int(mb * 1_000_000))
        seconds[mb] = _seconds(text, args.runs)
        print(
            f"{mb:g} MB of repeated minutes: {seconds[mb]:.2f} s, {len(text) / 1000 / seconds[mb]:.0f} KB/s"
        )
    if len(seconds) > 1:
        small, large = min(seconds), max(seconds)
        print(
            f"{large:g} MB / {small:g} MB time: {seconds[large] / seconds[small]:.2f} (linear: {large / small:g})"
        )
    if args.corpus:
        from actiontrack.extract.reading import read_document

        texts = [
            read_document(str(p)).text
            for folder in args.corpus
            for p in sorted(folder.iterdir())
            if p.suffix in (".txt", ".md") and not p.name.endswith(".gold.json")
        ]
        size = sum(len(t) for t in texts)
        times = []
        for _ in range(args.runs):
            _fresh()
            start = time.process_time()
            for text in texts:
                extract_text(text, today=date(2026, 11, 22))
            times.append(time.process_time() - start)
        t = statistics.median(times)
        print(
            f"{len(texts)} minutes that never repeat, {size / 1000:.0f} KB: {t:.2f} s, {size / 1000 / t:.0f} KB/s, "
            f"{len(texts) / t:.0f} documents/s"
        )


if __name__ == "__main__":
    main()
