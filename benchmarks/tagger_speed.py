"""How fast the tagger loads and tags (src/actiontrack/extract/tagger.py): median of rounds.

    .venv/bin/python benchmarks/tagger_speed.py [--runs 5] [--text FILE ...]

Load: a fresh process imports actiontrack.extract (the package's own cost, not counted) and
times tagger.load(), which reads the model's JSON and maps its two binary files; wall and CPU
milliseconds. Tagging: in each fresh process, every sentence of the treebanks in ../shared/ud
(about 49,000 tokens, one tag() call a sentence) tagged twice: the first pass starts with
empty caches (the figure to quote), the second has every word's scores cached; CPU time. With
--text FILE ..., tag_text() of each line of the files instead (tokenizing included), e.g. the
sample minutes: --text data/*.txt.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UD = ROOT.parent / "shared" / "ud"

ROUND = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
import actiontrack.extract
from actiontrack.extract import tagger
w0, c0 = time.perf_counter(), time.process_time()
tagger.load()
w1, c1 = time.perf_counter(), time.process_time()
if sys.argv[2] == "text":
    lines = [line for path in sys.argv[3:] for line in open(path, encoding="utf-8").read().splitlines()]
    run = lambda: sum(len(tagger.tag_text(line)) for line in lines)
else:
    sentences = json.load(open(sys.argv[3], encoding="utf-8"))
    run = lambda: sum(len(tagger.tag(s)) for s in sentences)
passes = []
for _ in range(2):
    t = time.process_time()
    n = run()
    passes.append((n, time.process_time() - t))
print(json.dumps({"load_wall": 1000 * (w1 - w0), "load_cpu": 1000 * (c1 - c0), "passes": passes}))
"""


def treebank_sentences() -> list[list[str]]:
    sentences: list[list[str]] = []
    for path in sorted(UD.glob("*.conllu")):
        words: list[str] = []
        for line in path.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if len(cols) == 10 and cols[0].isdigit():
                words.append(cols[1])
            elif not line and words:
                sentences.append(words)
                words = []
        if words:
            sentences.append(words)
    return sentences


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--text", type=Path, nargs="+", help="tag_text() each line of these files instead")
    args = parser.parse_args()
    if args.text:
        mode, sources = "text", [str(p) for p in args.text]
    else:
        if not UD.is_dir():
            sys.exit(f"no treebanks at {UD}; give --text FILE ...")
        source = ROOT / "build" / "tagger_speed_sentences.json"
        source.parent.mkdir(exist_ok=True)
        source.write_text(json.dumps(treebank_sentences(), ensure_ascii=False), encoding="utf-8")
        mode, sources = "sentences", [str(source)]
    rounds = []
    for _ in range(args.runs):
        out = subprocess.run(
            [sys.executable, "-c", ROUND, str(ROOT / "src"), mode, *sources],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        rounds.append(json.loads(out))
    tokens = rounds[0]["passes"][0][0]
    cold = statistics.median(r["passes"][0][0] / r["passes"][0][1] for r in rounds)
    warm = statistics.median(r["passes"][1][0] / r["passes"][1][1] for r in rounds)
    print(f"load: {statistics.median(r['load_wall'] for r in rounds):.1f} ms wall, "
          f"{statistics.median(r['load_cpu'] for r in rounds):.1f} ms CPU (median of {args.runs} processes)")  # fmt: skip
    print(
        f"tagging {tokens:,} tokens ({mode}): {cold:,.0f} tokens/s from empty caches, {warm:,.0f} tokens/s cached (CPU)"
    )
    print(
        f"reproduce: .venv/bin/python benchmarks/tagger_speed.py --runs {args.runs}"
        + (" --text " + " ".join(sources) if args.text else "")
    )


if __name__ == "__main__":
    main()
