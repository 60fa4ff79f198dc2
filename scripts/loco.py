#!/usr/bin/env python3
"""Leave-one-corpus-out: fit the classifier on all corpora but one, score the one left out.

That figure, not the score on the corpora the weights were fitted on, predicts how the
extractor does on minutes nobody here has seen. Prints, per corpus, the scorer's fields
(../shared/eval/score.py: f1, precision, recall, owners, due, meeting, attendees) for the
weights fitted without it and for the shipped weights (fitted on all).

The threshold each fold chooses on its own training corpora moves by a few hundredths from
one change to the next (the F1 curve is flat and noisy near its top), and the pooled figure
with it. `--curve` also prints the pooled F1 of the corpora left out at fixed thresholds, the
steadier figure to compare two versions of the extractor by.

    .venv/bin/python scripts/loco.py [--corpus DIR ...] [--curve]
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import train_classifier as tc  # noqa: E402

from actiontrack.extract.classify import Weights, shipped  # noqa: E402

FIELDS = ("f1", "precision", "recall", "owners", "due", "meeting", "attendees")
CURVE = (0.24, 0.27, 0.3, 0.33, 0.36, 0.4, 0.45, 0.5)


class Pool:
    """Items found, predicted and in the gold, added up over the corpora left out."""

    def __init__(self) -> None:
        self.tp = self.pred = self.gold = 0.0

    def add(self, out: dict[str, float]) -> None:
        tp = out["recall"] * out["items"]
        self.tp += tp
        self.pred += tp / out["precision"] if out["precision"] else 0.0
        self.gold += out["items"]

    def scores(self) -> tuple[float, float, float]:
        p = self.tp / self.pred if self.pred else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        return (2 * p * r / (p + r) if p + r else 0.0), p, r


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", action="append", type=Path, help="a gold folder (default: dev, wide, wide2)")
    ap.add_argument("--curve", action="store_true", help="also the pooled F1 at fixed thresholds")
    ap.add_argument("--l2", type=float, default=tc.PENALTY, help=f"the L2 penalty (default {tc.PENALTY})")
    args = ap.parse_args()
    today = date.today()
    corpora = args.corpus or tc.CORPORA
    docs = {c.name: tc.load_corpus(c) for c in corpora}
    samples = {name: [s for d in ds for s in tc.samples_of(d, today)] for name, ds in docs.items()}
    rows = []
    pooled = Pool()
    curve = {t: Pool() for t in CURVE}
    for held in docs:
        train = [s for name, ss in samples.items() if name != held for s in ss]
        weights = tc.train(
            train, docs=[d for name, ds in docs.items() if name != held for d in ds], quiet=True, l2=args.l2
        )
        out = tc.evaluate(docs[held], weights, today)
        rows.append((f"{held} (left out, threshold {weights.threshold})", out))
        rows.append((f"{held} (shipped weights)", tc.evaluate(docs[held], shipped(), today)))
        pooled.add(out)
        for t in CURVE if args.curve else ():
            curve[t].add(tc.evaluate(docs[held], Weights(weights.weights, t), today))
    print(f"| corpus | docs / items | {' | '.join(FIELDS)} |")
    print("|---|---|" + "---|" * len(FIELDS))
    for name, out in rows:
        cells = " | ".join(f"{out[f]:.3f}" for f in FIELDS)
        print(f"| {name} | {out['docs']} / {out['items']} | {cells} |")
    f1, p, r = pooled.scores()
    print(f"\nPooled over the corpora left out: f1 {f1:.3f}, precision {p:.3f}, recall {r:.3f}")
    if args.curve:
        print(
            "Pooled f1 at fixed thresholds: " + ", ".join(f"{t}: {curve[t].scores()[0]:.3f}" for t in CURVE)
        )


if __name__ == "__main__":
    main()
