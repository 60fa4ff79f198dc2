"""The meaning table (data/meanings_sv.toml) and its generated forms (scripts/build_lexicon.py)."""

import importlib.util
import json
import tomllib
from collections import Counter
from pathlib import Path

import pytest

from actiontrack.extract import meanings

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "build_lexicon.py"


def _script():
    spec = importlib.util.spec_from_file_location("build_lexicon", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_checked_in_forms_are_what_the_script_writes():
    pytest.importorskip("simplemma")
    script = _script()
    shipped = json.loads(script.TARGET.read_text(encoding="utf-8"))
    assert shipped == script.build(), "run: .venv/bin/python scripts/build_lexicon.py"


def test_every_word_has_one_meaning_in_its_part_of_the_table():
    table = tomllib.loads(
        (ROOT / "src/actiontrack/extract/data/meanings_sv.toml").read_text(encoding="utf-8")
    )
    for part in ("verbs", "nouns", "words"):
        counts = Counter(word for cls, words in table[part].items() if cls != "forms" for word in words)
        assert [w for w, n in counts.items() if n > 1] == [], part


@pytest.mark.parametrize(
    ("form", "following", "expected"),
    [
        ("redogjorde", [], "report"),
        ("ansåg", [], "opinion"),
        ("bordlades", [], "deferral"),
        ("tas", ["upp", "frågan"], "later"),
        ("tog", ["på", "sig"], "commit"),
        ("uppdrogs", [], "assign"),
        ("fick", ["i", "uppdrag"], "assigned"),
        ("godkändes", [], "decided"),
        ("beslöt", [], "decide"),
        ("kan", [], "possibility"),
        ("skall", [], "modal"),
    ],
)
def test_verb_forms_find_their_meaning(form, following, expected):
    found = meanings.verb_class(form, following)
    assert found is not None and found[1] == expected


def test_a_verb_of_doing_has_no_entry():
    assert meanings.verb_class("bakar", ["bullar"]) is None
    assert meanings.verb_class("lagar", []) is None


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Styrelsen", "body"),
        ("valberedningens", "body"),
        ("socialförvaltningen", "body"),
        ("Kassören", "role"),
        ("ordföranden", "role"),
        ("Lokalen", None),
        ("Förslaget", None),
    ],
)
def test_nouns_that_act(word, expected):
    assert meanings.noun_class(word) == expected
