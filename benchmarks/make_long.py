"""One long plain-text document made of the sample minutes, for extraction's growth.

    .venv/bin/python benchmarks/make_long.py --mb 14 > /tmp/long.txt

The samples in data/ are copied one after the other, each copy with its own names, dates
and order of sections (as in extract_throughput.py), until the text has the size asked
for; the first copy's header is the document's. Deterministic for a seed. A 14 MB text
has about 220,000 lines, like the file of the issue.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from extract_throughput import make_documents  # noqa: E402


def make_long(size: int, seed: int = 7) -> str:
    """About `size` characters of minutes (never less), from varied copies of the samples."""
    parts: list[str] = []
    total, batch = 0, 0
    while total < size:
        for doc in make_documents(200, seed=seed + batch):
            parts.append(doc)
            total += len(doc) + 2
            if total >= size:
                break
        batch += 1
    return "\n\n".join(parts)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=14.0, help="size in megabytes of UTF-8 (about)")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    text = make_long(int(args.mb * 1_000_000 / 1.03), seed=args.seed)  # å, ä and ö take two bytes
    sys.stdout.write(text)


if __name__ == "__main__":
    main()
