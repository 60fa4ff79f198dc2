#!/usr/bin/env python3
"""Write src/actiontrack/extract/data/meanings_sv.json from meanings_sv.toml: every written
form of the verbs and nouns the table gives a meaning, mapped to its lemma ("bokade" ->
"boka", "styrelsens" -> "styrelse"), with each lemma's class.

What a word means is our decision and is written, by lemma, in meanings_sv.toml; the forms
come from simplemma's Swedish dictionary (MIT licence, https://github.com/adbar/simplemma),
which is too large (about 1 s to load) to read at run time. Re-run after changing the table:

    .venv/bin/python scripts/build_lexicon.py

tests/test_meanings.py checks that the checked-in JSON is in step with this script.
"""

from __future__ import annotations

import json
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "actiontrack" / "extract" / "data"
SOURCE = DATA / "meanings_sv.toml"
TARGET = DATA / "meanings_sv.json"


def _paradigms(dictionary: dict[bytes, bytes]) -> dict[str, list[str]]:
    """Every lemma's written forms (lower case, one word)."""
    out: dict[str, list[str]] = {}
    for raw_form, raw_lemma in dictionary.items():
        form = raw_form.decode()
        if form.islower() and " " not in form:
            out.setdefault(raw_lemma.decode(), []).append(form)
    return out


def _forms_of(lemmas: set[str], paradigms: dict[str, list[str]], *, verbs: bool) -> dict[str, str]:
    forms: dict[str, str] = {}
    for lemma in sorted(lemmas):
        for form in paradigms.get(lemma, ()):
            forms[form] = lemma
    for lemma in sorted(lemmas):
        # a compound takes the forms of its last part where the dictionary lacks them:
        # "ålägga" is "å" + "lägga" (ålades), "godkänna" is "god" + "känna" (godkändes)
        # (of the last parts the dictionary knows as verbs, the shortest: "bordslägga" is "bords"
        # + "lägga", not "bord" + "slägga")
        cuts = []
        for cut in range(1, len(lemma) - 2):
            base = lemma[cut:]
            forms_of_base = set(paradigms.get(base, ()))
            is_verb = base + "r" in forms_of_base or base[:-1] + "er" in forms_of_base
            if len(forms_of_base) > 2 and (is_verb or not verbs):
                cuts.append((cut, cut))
        if cuts:
            cut = max(cuts)[1]
            for form in paradigms[lemma[cut:]]:
                forms.setdefault(lemma[:cut] + form, lemma)
    if verbs:
        known = {form for paradigm in paradigms.values() for form in paradigm}
        for lemma in sorted(lemmas):
            # the dictionary gives some past tenses to the participle ("godkände" -> "godkänd"):
            # a weak verb's past is its stem + de/te, a double consonant made single
            stem = lemma[:-1] if lemma.endswith("a") else lemma
            short = stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem
            for form in (short + "de", short + "des", short + "te", short + "tes", short + "ts"):
                if form in known:
                    forms.setdefault(form, lemma)
    for lemma in lemmas:
        forms.setdefault(lemma, lemma)
        if verbs and forms.get(lemma + "de") == lemma:
            # a first-conjugation verb (tittade): its present tense, which the dictionary may
            # give to a noun ("tittar" -> "tittare"), is the verb's here
            forms[lemma + "r"] = lemma
            forms[lemma + "s"] = lemma
    return forms


def build() -> dict[str, object]:
    import simplemma
    from simplemma.strategies.dictionaries.dictionary_factory import _load_dictionary_from_disk

    table = tomllib.loads(SOURCE.read_text(encoding="utf-8"))
    paradigms = _paradigms(_load_dictionary_from_disk("sv"))
    extra_forms = table["verbs"].pop("forms")
    verb_class = {lemma: cls for cls, lemmas in table["verbs"].items() for lemma in lemmas}
    noun_class = {lemma: cls for cls, lemmas in table["nouns"].items() for lemma in lemmas}
    word_class = {word: cls for cls, words in table["words"].items() for word in words}
    verb_heads = {lemma.split()[0] for lemma in verb_class}
    noun_heads = {lemma.split()[-1] for lemma in noun_class}
    return {
        "source": f"{SOURCE.name} and simplemma {simplemma.__version__} Swedish dictionary (MIT)",
        "verb_forms": dict(sorted({**_forms_of(verb_heads, paradigms, verbs=True), **extra_forms}.items())),
        "verb_class": dict(sorted(verb_class.items())),
        "noun_forms": dict(sorted(_forms_of(noun_heads, paradigms, verbs=False).items())),
        "noun_class": dict(sorted(noun_class.items())),
        "word_class": dict(sorted(word_class.items())),
        "headings": table["headings"],
        "labels": table["labels"],
    }


def main() -> None:
    sys.path.insert(0, str(ROOT / "src"))
    TARGET.write_text(json.dumps(build(), ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
