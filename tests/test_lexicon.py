"""The generated verb table is in step with its script and its lemma lists (scripts/build_lexicon.py)."""

import importlib.util
import json
from pathlib import Path

from actiontrack.extract import lexicon

ROOT = Path(__file__).resolve().parents[1]


def test_the_checked_in_verb_table_is_what_the_script_writes():
    spec = importlib.util.spec_from_file_location("build_lexicon", ROOT / "scripts" / "build_lexicon.py")
    assert spec and spec.loader
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    shipped = json.loads(script.TARGET.read_text(encoding="utf-8"))
    assert shipped == script.build(), "run: .venv/bin/python scripts/build_lexicon.py"


def test_every_lemma_of_the_lists_is_in_the_table():
    missing = sorted(lemma for lemma in lexicon.ALL_LEMMAS if lexicon.lemma_of(lemma) is None)
    assert not missing, missing


def test_the_lists_do_not_contradict_each_other():
    assert not (lexicon.COMMIT & lexicon.REPORT)
    assert not (lexicon.COMMIT & lexicon.STATE)
