#!/usr/bin/env python3
"""Leave-one-corpus-out: fit the classifier on all corpora but one, score the one left out.

That figure, not the score on the corpora the weights were fitted on, predicts how the
extractor does on minutes nobody here has seen. Prints, per corpus, the scorer's fields
(../shared/eval/score.py: f1, precision, recall, owners, due, meeting, attendees) for the
weights fitted without it and for the shipped weights (fitted on all).

    .venv/bin/python scripts/loco.py [--corpus DIR ...]
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import train_classifier as tc  # noqa: E402

from actiontrack.extract.classify import shipped  # noqa: E402

FIELDS = ("f1", "precision", "recall", "owners", "due", "meeting", "attendees")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", action="append", type=Path, help="a gold folder (default: dev, wide, wide2)")
    args = ap.parse_args()
    today = date.today()
    corpora = args.corpus or tc.CORPORA
    docs = {c.name: tc.load_corpus(c) for c in corpora}
    samples = {name: [s for d in ds for s in tc.samples_of(d, today)] for name, ds in docs.items()}
    rows = []
    pooled = {"tp": 0.0, "pred": 0.0, "gold": 0.0}
    for held in docs:
        train = [s for name, ss in samples.items() if name != held for s in ss]
        weights = tc.train(
            train, docs=[d for name, ds in docs.items() if name != held for d in ds], quiet=True
        )
        out = tc.evaluate(docs[held], weights, today)
        rows.append((f"{held} (left out)", out))
        rows.append((f"{held} (shipped weights)", tc.evaluate(docs[held], shipped(), today)))
        tp = out["recall"] * out["items"]
        pooled["tp"] += tp
        pooled["pred"] += tp / out["precision"] if out["precision"] else 0.0
        pooled["gold"] += out["items"]
    print(f"| corpus | docs / items | {' | '.join(FIELDS)} |")
    print("|---|---|" + "---|" * len(FIELDS))
    for name, out in rows:
        cells = " | ".join(f"{out[f]:.3f}" for f in FIELDS)
        print(f"| {name} | {out['docs']} / {out['items']} | {cells} |")
    p = pooled["tp"] / pooled["pred"] if pooled["pred"] else 0.0
    r = pooled["tp"] / pooled["gold"] if pooled["gold"] else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"\nPooled over the corpora left out: f1 {f1:.3f}, precision {p:.3f}, recall {r:.3f}")


if __name__ == "__main__":
    main()
