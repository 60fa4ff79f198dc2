#!/usr/bin/env python3
"""Which stage of the extractor causes each miss and each false item on a scored corpus.

    .venv/bin/python scripts/stage_report.py ../shared/corpus/wide [--score ../shared/eval/score.py] [-v]

For every gold item the extractor does not find, the report says where it was lost:
- structure: no candidate sentence holds the item (lines joined or cut wrongly, or taken
  for a header, an attendee list or a signature);
- classify: a candidate sentence holds it, but no cue made it an item;
and for the items it finds: owners wrong (owners stage), due wrong (due-date stage).
False items are counted by the rule that made them. The candidates are rebuilt from the
structure stage (split_lines, parse_meeting, build_blocks), so the report runs on older
versions of the extractor too (PYTHONPATH=that/src), for a before-and-after table.
The matching of predictions to gold is the scorer's own (imported from --score).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path


def _scorer(path: Path):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("score", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", type=Path)
    parser.add_argument(
        "--score", type=Path, default=Path(__file__).resolve().parents[2] / "shared/eval/score.py"
    )
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    score = _scorer(args.score)

    from actiontrack.extract import extract_text
    from actiontrack.extract.meeting import parse_meeting
    from actiontrack.extract.sentences import build_blocks, split_lines

    today = date(2026, 12, 2)
    stages: Counter[str] = Counter()
    false_by_rule: Counter[str] = Counter()
    for txt in sorted(args.corpus.glob("*.txt")):
        gold = json.loads(txt.with_suffix(".gold.json").read_text(encoding="utf-8"))
        text = txt.read_text(encoding="utf-8")
        extraction = extract_text(text, today=today)
        preds = [
            {
                "source": i.source,
                "owners": [o.name for o in i.owners],
                "due": i.due.isoformat() if i.due else None,
                "rule": _rule(extraction, i),
            }
            for i in extraction.items
        ]
        lines = split_lines(text)
        parsed = parse_meeting(lines, year=None, today=today)
        candidates = [
            score.norm(s.text) for b in build_blocks(lines, skip=parsed.used_lines) for s in b.sentences()
        ]
        matched, optional_hits = score.match(preds, gold["items"])
        title = gold["meeting"]["title"]
        for gi, g in enumerate(gold["items"]):
            if g.get("optional"):
                continue
            if gi not in matched:
                held = any(score.norm(a) in c for a in g["anchors"] for c in candidates)
                stage = "classify (missed)" if held else "structure (missed)"
                stages[stage] += 1
                if args.verbose:
                    print(f"{txt.name[:24]:<24} {stage:<20} {g['anchors'][0][:70]}")
                continue
            p = preds[matched[gi]]
            if score.owners_key(p["owners"], title) not in [score.owners_key(g["owners"], title)] + [
                score.owners_key(o, title) for o in g.get("owners_alt", [])
            ]:
                stages["owners (wrong)"] += 1
            if not any(score.date_equal(p["due"], d) for d in [g["due"], *g.get("due_alt", [])]):
                stages["due (wrong)"] += 1
        used = set(matched.values()) | optional_hits
        for pi, p in enumerate(preds):
            if pi not in used:
                stages["classify (false item)"] += 1
                false_by_rule[p["rule"]] += 1
                if args.verbose:
                    print(f"{txt.name[:24]:<24} {'false ' + p['rule']:<20} {p['source'][:70]}")
    print(f"{'stage':<24} count")
    for stage in (
        "structure (missed)",
        "classify (missed)",
        "classify (false item)",
        "owners (wrong)",
        "due (wrong)",
    ):
        print(f"{stage:<24} {stages[stage]}")
    if false_by_rule:
        print("false items by rule: " + ", ".join(f"{r} {n}" for r, n in false_by_rule.most_common()))


def _rule(extraction, item) -> str:  # type: ignore[no-untyped-def]
    for step in getattr(extraction, "steps", []):
        if step.line == item.line and step.rule and step.text in item.source + " " + item.text:
            return step.rule
    return "?"


if __name__ == "__main__":
    sys.exit(main())
