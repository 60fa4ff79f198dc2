"""Is a clause an item? A logistic regression over the named features of features.py.

The weights are learned (scripts/train_classifier.py) from the gold minutes and kept in
data/weights.json; scripts/loco.py fits them on all corpora but one and scores the one
left out, the figure that predicts how the extractor does on minutes nobody has seen.
Applying them is a sum and a logistic function, in plain Python.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Iterable, Mapping
from functools import cache


class Weights:
    """Feature weights, a bias among them ("bias"), and the probability above which a clause is an item."""

    def __init__(self, weights: Mapping[str, float], threshold: float = 0.5, meta: Mapping[str, object] | None = None):
        self.weights = dict(weights)
        self.threshold = threshold
        self.meta = dict(meta or {})

    def score(self, features: Iterable[str]) -> float:
        """The probability that a clause with these features is an item."""
        z = sum(self.weights.get(f, 0.0) for f in features)
        if z < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))

    def is_item(self, features: Iterable[str]) -> bool:
        return self.score(features) >= self.threshold

    def to_json(self) -> str:
        body = {
            "threshold": round(self.threshold, 4),
            "meta": self.meta,
            "weights": {k: round(v, 4) for k, v in sorted(self.weights.items()) if abs(v) >= 1e-4},
        }
        return json.dumps(body, ensure_ascii=False, indent=1) + "\n"

    @classmethod
    def from_json(cls, text: str) -> Weights:
        body = json.loads(text)
        return cls(body["weights"], body.get("threshold", 0.5), body.get("meta"))


WEIGHTS_FILE = os.path.join(os.path.dirname(__file__), "data", "weights.json")


@cache
def shipped() -> Weights:
    """The weights that ship with the package (read once)."""
    with open(WEIGHTS_FILE, encoding="utf-8") as f:
        return Weights.from_json(f.read())


__all__ = ["WEIGHTS_FILE", "Weights", "shipped"]
