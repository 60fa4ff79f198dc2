#!/usr/bin/env python3
"""Record tests/fixtures/import_golden/expected.json: what import, update and undo store for the
golden minutes, as tests/cli/test_import_batch.py replays them. Re-run when the extractor reads
those minutes differently (and check the difference is the one intended):

    .venv/bin/python scripts/record_import_golden.py
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.cli.test_import_batch import GOLDEN, run_steps  # noqa: E402
from tests.conftest import Track  # noqa: E402


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        steps = run_steps(Track(Path(tmp) / "track.db"), Path(tmp))
    target = GOLDEN / "expected.json"
    target.write_text(json.dumps(steps, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
