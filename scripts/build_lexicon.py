#!/usr/bin/env python3
"""Write src/actiontrack/extract/data/verbs_sv.json: every written form of the verbs the
extractor knows by meaning, mapped to its lemma ("bokade" -> "boka", "gör" -> "göra").

The lemma lists live in src/actiontrack/extract/lexicon.py (what a verb means is our
decision); the forms come from simplemma's Swedish dictionary (MIT licence,
https://github.com/adbar/simplemma), which is too large (about 1 s to load) to read at
run time. Re-run after changing a lemma list:

    .venv/bin/pip install simplemma && .venv/bin/python scripts/build_lexicon.py

tests/test_lexicon.py checks that the checked-in table is in step with this script.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "src" / "actiontrack" / "extract" / "data" / "verbs_sv.json"


def build() -> dict[str, object]:
    sys.path.insert(0, str(ROOT / "src"))
    import simplemma
    from simplemma.strategies.dictionaries.dictionary_factory import _load_dictionary_from_disk

    from actiontrack.extract.lexicon import ALL_LEMMAS

    dictionary = _load_dictionary_from_disk("sv")
    forms: dict[str, str] = {}
    for raw_form, raw_lemma in dictionary.items():
        form, lemma = raw_form.decode(), raw_lemma.decode()
        if lemma in ALL_LEMMAS and form.islower() and " " not in form:
            forms[form] = lemma
    for lemma in ALL_LEMMAS:  # the lemma itself, and the imperative (boka -> boka, skriva -> skriv)
        forms.setdefault(lemma, lemma)
        if forms.get(lemma + "de") == lemma:
            # a first-conjugation verb (tittade): its present tense, which the dictionary may
            # give to a noun ("tittar" -> "tittare"), is the verb's here
            forms[lemma + "r"] = lemma
    return {
        "source": f"simplemma {simplemma.__version__} Swedish dictionary (MIT)",
        "forms": dict(sorted(forms.items())),
    }


def main() -> None:
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(json.dumps(build(), ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
