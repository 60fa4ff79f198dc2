"""Extraction throughput: documents per second on a few hundred minutes.

    .venv/bin/python benchmarks/extract_throughput.py [--docs 300]

Makes N minutes from the samples in data/ (first names, dates and section order
varied per copy), then times (1) extract_text in process over all of them and
(2) `track import --yes` of them into a fresh database, as a whole process (with its default
worker processes).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAMES = ["Sara", "Tomas", "Eva", "Jonas", "Maria", "Omar", "Lena", "Karin", "Nils", "Ali", "Ulla", "Per"]
MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "september", "oktober", "november"]


def make_documents(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    samples = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "data").glob("*.txt"))]
    docs = []
    for i in range(n):
        text = samples[i % len(samples)]
        paragraphs = text.split("\n\n")
        head, body = paragraphs[:3], paragraphs[3:]
        rng.shuffle(body)
        text = "\n\n".join(head + body)
        text = re.sub(
            r"\b(\d{1,2}) (januari|februari|december)\b",
            lambda m: f"{rng.randint(1, 28)} {rng.choice(MONTHS)}",
            text,
        )
        text = re.sub(r"\b(Leif|Allan|Åke)\b", lambda m: rng.choice(NAMES), text)
        docs.append(text + f"\n\nDokument {i}.\n")
    return docs


def _fresh() -> None:
    """Empty what the process keeps of the sentences it has read (tags, clauses, weighings and
    date matches; before extract/memo.py, the tags alone): else every run after the first
    would find each sentence read already."""
    try:
        from actiontrack.extract import memo

        memo.forget()
    except ImportError:
        from actiontrack.extract import retag

        retag.cached_tags.cache_clear()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from actiontrack.extract import extract_text

    docs = make_documents(args.docs)
    today = date(2026, 11, 22)
    extract_text(docs[0], today=today)  # warm caches: regexes compiled once per process
    times, items = [], 0
    for _ in range(args.runs):
        _fresh()  # each run reads the documents as a new process would, the patterns compiled
        start = time.perf_counter()
        items = sum(len(extract_text(d, today=today).items) for d in docs)
        times.append(time.perf_counter() - start)
    best = statistics.median(times)
    print(
        f"extract_text: {len(docs)} documents, {items} items, median {best:.2f} s "
        f"over {args.runs} runs = {len(docs) / best:.0f} documents/s"
    )

    track = Path(sys.executable).with_name("track")
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, d in enumerate(docs):
            p = Path(tmp) / f"minutes-{i:04d}.txt"
            p.write_text(d, encoding="utf-8")
            paths.append(str(p))
        start = time.perf_counter()
        subprocess.run(
            [str(track), "--db", f"{tmp}/bench.db", "import", *paths, "--yes", "--year", "2017"],
            check=True,
            capture_output=True,
        )
        took = time.perf_counter() - start
    print(
        f"track import: {len(docs)} documents in {took:.2f} s = {len(docs) / took:.0f} documents/s "
        f"(its default workers, {os.cpu_count()} processors)"
    )


if __name__ == "__main__":
    main()
