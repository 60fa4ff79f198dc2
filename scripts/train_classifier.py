#!/usr/bin/env python3
"""Learn the item classifier's weights (src/actiontrack/extract/data/weights.json) from gold minutes.

Every clause the extractor weighs in the corpora is a sample: its features (features.py)
and whether it holds a required gold item's anchor (1) or none (0); clauses that hold
only an optional item's anchor are left out. A logistic regression with an L2 penalty
towards the priors (data/priors.toml; the penalty: PENALTY below, and why) is fitted in plain
Python; the threshold is the one with the best F1 of items on each corpus left out by a fit on
the others, so it is set on minutes the weights were not fitted on.

    .venv/bin/python scripts/train_classifier.py                    # all corpora in ../shared/corpus
    .venv/bin/python scripts/train_classifier.py --corpus ../shared/corpus/dev --corpus ...

scripts/loco.py uses the same functions to fit on all corpora but one and score the one
left out.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import random
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
SHARED = ROOT.parent / "shared"
CORPORA = [SHARED / "corpus" / name for name in ("dev", "wide", "wide2")]
SUFFIXES = (".txt", ".md", ".docx", ".odt", ".pdf")

from actiontrack.extract import extract_text  # noqa: E402
from actiontrack.extract.classify import WEIGHTS_FILE, Weights  # noqa: E402
from actiontrack.extract.reading import read_document  # noqa: E402
from actiontrack.extract.weighing import Candidate  # noqa: E402


def score_module():  # type: ignore[no-untyped-def]
    """The scorer of ../shared/eval/score.py, so that figures here are the scorer's."""
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class Doc:
    corpus: str
    name: str
    path: Path
    text: str
    gold: dict


def load_corpus(folder: Path) -> list[Doc]:
    docs = []
    for path in sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES):
        gold_path = path.with_suffix(".gold.json")
        if not gold_path.exists():
            continue
        text = read_document(str(path)).text
        docs.append(
            Doc(folder.name, path.name, path, text, json.loads(gold_path.read_text(encoding="utf-8")))
        )
    return docs


def _norm(text: str) -> str:
    return " ".join(text.replace("*", " ").split()).casefold()


def _find(anchor: str, sentence: str) -> tuple[int, int] | None:
    """Where an anchor is in a sentence, by the scorer's normalisation (spaces, case, '*')."""
    words = _norm(anchor).split()
    if not words:
        return None
    pattern = r"[\s*]+".join(re.escape(w) for w in words)
    m = re.search(pattern, sentence.replace("*", " "), re.IGNORECASE)
    return (m.start(), m.end()) if m else None


@dataclass
class Sample:
    doc: str
    features: tuple[str, ...]
    label: int


def samples_of(doc: Doc, today: date) -> list[Sample]:
    """The doc's clauses as samples: 1 where a required anchor lies in the clause that holds most
    of it, 0 where no anchor lies, none where only an optional anchor does."""
    seen: list[Candidate] = []
    extract_text(doc.text, today=today, record=seen.append)
    by_sentence: dict[tuple[int, str], list[Candidate]] = {}
    for c in seen:
        by_sentence.setdefault((c.line, c.sentence), []).append(c)
    out: list[Sample] = []
    for (_, sentence), cands in by_sentence.items():
        labels = [0] * len(cands)
        skip = [False] * len(cands)
        for item in doc.gold["items"]:
            for anchor in item["anchors"]:
                where = _find(anchor, sentence)
                if where is None:
                    continue
                overlap = [max(0, min(c.end, where[1]) - max(c.start, where[0])) for c in cands]
                best = max(range(len(cands)), key=lambda k: overlap[k])
                if item.get("optional"):
                    for k, o in enumerate(overlap):
                        if o > 0 or k == best:
                            skip[k] = True
                else:
                    labels[best] = 1
                break
        for k, c in enumerate(cands):
            # a clause that shares the subject of an item's clause ("kontaktar X och köper Y") is
            # one item with it: neither a second item nor a counter-example
            if not labels[k] and any(labels) and "shared-subject" in c.features:
                skip[k] = True
            if labels[k] or not skip[k]:
                out.append(Sample(f"{doc.corpus}/{doc.name}", c.features, labels[k]))
    return out


PRIORS_FILE = ROOT / "src" / "actiontrack" / "extract" / "data" / "priors.toml"


def priors() -> dict[str, float]:
    """What grammar says before the data: data/priors.toml."""
    import tomllib

    return {k: float(v) for k, v in tomllib.loads(PRIORS_FILE.read_text(encoding="utf-8"))["weights"].items()}


def fit(
    samples: Sequence[Sample],
    l2: float = 1.0,
    epochs: int = 60,
    seed: int = 7,
    prior: dict[str, float] | None = None,
) -> dict[str, float]:
    """Logistic regression by AdaGrad over the samples, each weight pulled towards its prior
    (0 where none is given) by an L2 penalty."""
    rng = random.Random(seed)
    prior = prior if prior is not None else priors()
    w: dict[str, float] = dict(prior)
    g2: dict[str, float] = {}
    order = list(range(len(samples)))
    count: dict[str, int] = {}
    for s in samples:
        for f in s.features:
            count[f] = count.get(f, 0) + 1
    rate = 0.5
    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            s = samples[i]
            z = sum(w.get(f, 0.0) for f in s.features)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            err = p - s.label
            for f in s.features:
                # the penalty of an epoch (l2 * w) spread over the samples the feature is in
                grad = err + (0.0 if f == "bias" else l2 * (w.get(f, 0.0) - prior.get(f, 0.0)) / count[f])
                g2[f] = g2.get(f, 0.0) + grad * grad
                w[f] = w.get(f, 0.0) - rate * grad / math.sqrt(g2[f] + 1e-8)
    return w


def _probability(w: dict[str, float], features: Iterable[str]) -> float:
    z = sum(w.get(f, 0.0) for f in features)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def cross_validated(samples: Sequence[Sample], l2: float, folds: int = 5) -> list[tuple[float, int]]:
    """Out-of-fold (probability, label) for every sample. The folds are whole corpora when there
    are several (minutes of one organisation are alike: a fold of its own documents would
    reward learning the organisation), else whole documents."""
    corpora = sorted({s.doc.split("/")[0] for s in samples})
    if len(corpora) > 1:
        fold_of = {d: corpora.index(d.split("/")[0]) for d in {s.doc for s in samples}}
        folds = len(corpora)
    else:
        docs = sorted({s.doc for s in samples})
        random.Random(11).shuffle(docs)
        fold_of = {d: k % folds for k, d in enumerate(docs)}
    out: list[tuple[float, int]] = []
    for k in range(folds):
        train = [s for s in samples if fold_of[s.doc] != k]
        w = fit(train, l2)
        out += [(_probability(w, s.features), s.label) for s in samples if fold_of[s.doc] == k]
    return out


def best_threshold(scored: Sequence[tuple[float, int]]) -> tuple[float, float]:
    """The threshold with the best F1 of clauses, and that F1."""
    positives = sum(label for _, label in scored)
    best = (0.5, 0.0)
    for t in [x / 100 for x in range(10, 91, 2)]:
        tp = sum(1 for p, label in scored if p >= t and label)
        pred = sum(1 for p, _ in scored if p >= t)
        f1 = 2 * tp / (pred + positives) if pred + positives else 0.0
        if f1 > best[1]:
            best = (t, f1)
    return best


# The L2 penalty towards the priors. Chosen, not fitted: the clause F1 cross-validated over the
# corpora is flat (a point from 3 to 1000) and its best point moved between 3 and 100 with a
# sample or two. `loco.py --curve --l2 X` compares penalties on the corpora left out: the two
# corpora of many organisations do better with a heavier one (pooled curve mean 0.873 at 3,
# 0.883 at 30, 0.889 at 100, 0.884 at 300, December 2026), but it costs the municipal working
# groups' minutes that the tool is made for (dev 0.958 -> 0.846 at 100; the sample minutes lose
# "Vi bildar en arbetsgrupp." and gain "Samir tar upp problemet ..."). So a light penalty.
PENALTY = 3.0


def train(
    samples: Sequence[Sample], *, docs: Sequence[Doc] = (), quiet: bool = False, l2: float = PENALTY
) -> Weights:
    """Weights fitted on all samples with the penalty `l2`. With the documents, the threshold is
    the one with the best F1 of items (the scorer's) on the corpora each fold left out; else half
    the cross-validated F1 of clauses."""
    t, f1 = best_threshold(cross_validated(samples, l2))
    if not quiet:
        print(f"  l2={l2:<6} clause F1 (cross-validated)={f1:.3f}", file=sys.stderr)
    # for a calibrated classifier the F1-optimal threshold is half the best F1 (Lipton, Elkan and
    # Naryanaswamy 2014): steadier than the threshold that happened to be best on the folds
    t = round(f1 / 2, 2)
    corpora = sorted({d.corpus for d in docs})
    if len(corpora) > 1:
        t = _item_threshold(samples, docs, l2, quiet=quiet)
    w = fit(samples, l2)
    meta = {
        "samples": len(samples),
        "positives": sum(s.label for s in samples),
        "documents": len({s.doc for s in samples}),
        "l2": l2,
        "clause_f1_cross_validated": round(f1, 3),
    }
    return Weights(w, t, meta)


THRESHOLDS = (0.24, 0.27, 0.3, 0.33, 0.36, 0.4, 0.45)


def _item_threshold(samples: Sequence[Sample], docs: Sequence[Doc], l2: float, *, quiet: bool) -> float:
    """The threshold with the best pooled F1 of items on each corpus left out by its fold."""
    today = date.today()
    totals = {t: [0, 0, 0] for t in THRESHOLDS}  # tp, pred, gold
    for corpus in sorted({d.corpus for d in docs}):
        w = fit([s for s in samples if not s.doc.startswith(corpus + "/")], l2)
        held = [d for d in docs if d.corpus == corpus]
        for t in THRESHOLDS:
            out = evaluate(held, Weights(w, t), today)
            totals[t][0] += round(out["recall"] * out["items"])
            totals[t][1] += round(out["recall"] * out["items"] / out["precision"]) if out["precision"] else 0
            totals[t][2] += out["items"]

    def f1(t: float) -> float:
        tp, pred, gold = totals[t]
        return 2 * tp / (pred + gold) if pred + gold else 0.0

    # the curve is flat near its top and its points are noisy (a few items more or less on a
    # corpus move them by a point): the best of the curve smoothed over each point's neighbours,
    # not the point the folds' noise happened to favour (which was often at the grid's edge)
    def smoothed(i: int) -> float:
        near = [f1(THRESHOLDS[j]) for j in (i - 1, i, i + 1) if 0 <= j < len(THRESHOLDS)]
        return sum(near) / len(near)

    best = THRESHOLDS[max(range(1, len(THRESHOLDS) - 1), key=smoothed)]
    if not quiet:
        print(
            "  item F1 by threshold (corpora left out): " + ", ".join(f"{t}={f1(t):.3f}" for t in THRESHOLDS),
            file=sys.stderr,
        )
    return best


def evaluate(docs: Sequence[Doc], weights: Weights, today: date) -> dict[str, float]:
    """The scorer's summary (f1, precision, recall, owners, due, meeting, attendees) of the docs."""
    from actiontrack.render import extraction_dict

    score = score_module()
    tot = dict.fromkeys(
        ("gold", "pred", "tp", "owners_ok", "due_ok", "meeting_ok", "att_tp", "att_pred", "att_gold"), 0
    )
    for doc in docs:
        data = extraction_dict(extract_text(doc.text, today=today, weights=weights))
        res = _score_one(score, doc.gold, data)
        for k in tot:
            tot[k] += res[k]
    r = score.ratio
    p, rc = r(tot["tp"], tot["pred"]), r(tot["tp"], tot["gold"])
    ap, ar = r(tot["att_tp"], tot["att_pred"]), r(tot["att_tp"], tot["att_gold"])
    return {
        "f1": r(2 * p * rc, p + rc), "precision": p, "recall": rc, "owners": r(tot["owners_ok"], tot["tp"]),
        "due": r(tot["due_ok"], tot["tp"]), "meeting": r(tot["meeting_ok"], len(docs)), "attendees": r(2 * ap * ar, ap + ar),
        "docs": len(docs), "items": tot["gold"],
    }  # fmt: skip


def _score_one(score, gold: dict, data: dict) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """score.py's score_doc on an extraction already made (no process, no file)."""
    items = gold["items"]
    preds = list(data["items"])
    meeting = data.get("meeting") or {}
    gm = gold["meeting"]
    title = gm["title"]
    matched, optional_hits = score.match(preds, items)
    res = {"gold": sum(1 for g in items if not g.get("optional")), "pred": len(preds) - len(optional_hits),
           "tp": len(matched), "owners_ok": 0, "due_ok": 0}  # fmt: skip
    for gi, pi in matched.items():
        g, p = items[gi], preds[pi]
        res["owners_ok"] += score.owners_key(p.get("owners"), title) in (
            [score.owners_key(g["owners"], title)]
            + [score.owners_key(o, title) for o in g.get("owners_alt", [])]
        )
        res["due_ok"] += any(score.date_equal(p.get("due"), d) for d in [g["due"]] + g.get("due_alt", []))
    titles = {score.norm(t) for t in [title] + gm.get("title_alt", [])}
    res["meeting_ok"] = int(
        score.norm(meeting.get("title")) in titles and score.date_equal(meeting.get("date"), gm["date"])
    )
    pa = {score.norm(a) for a in meeting.get("attendees") or []}
    ga = {score.norm(a) for a in gm.get("attendees", [])}
    res["att_tp"], res["att_pred"], res["att_gold"] = len(pa & ga), len(pa), len(ga)
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", action="append", type=Path, help="a gold folder (default: dev, wide, wide2)")
    ap.add_argument("--out", type=Path, default=Path(WEIGHTS_FILE))
    ap.add_argument("--l2", type=float, default=PENALTY, help=f"the L2 penalty (default {PENALTY})")
    args = ap.parse_args()
    today = date.today()
    corpora = args.corpus or CORPORA
    samples: list[Sample] = []
    docs: list[Doc] = []
    for folder in corpora:
        for doc in load_corpus(folder):
            docs.append(doc)
            samples += samples_of(doc, today)
    weights = train(samples, docs=docs, l2=args.l2)
    weights.meta["corpora"] = [c.name for c in corpora]
    args.out.write_text(weights.to_json(), encoding="utf-8")
    print(
        f"wrote {args.out} ({weights.meta['samples']} clauses, {weights.meta['positives']} items, threshold {weights.threshold})"
    )


if __name__ == "__main__":
    main()
