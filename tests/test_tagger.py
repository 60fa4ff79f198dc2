"""The part-of-speech tagger (extract/tagger.py): its tokens, its labels for the constructions
the extractor reads, and its model in step with scripts/train_tagger.py and the treebanks.
The sentences are our own; the verbs marked * are not in the treebanks it was trained on."""

import ast
import hashlib
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from actiontrack.extract import tagger

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "train_tagger.py"
UD = ROOT.parent / "shared" / "ud"

LABELS = {
    *(f"VERB.{f}{p}" for f in ("PRES", "PAST", "IMP", "INF", "SUP", "PART") for p in ("", ".PASS")),
    *(f"AUX.{f}" for f in ("PRES", "PAST", "INF", "SUP")),
    "VERB", "AUX", "ADJ", "ADJ.PART", "NOUN.DEF", "NOUN.IND", "NOUN.DEF.GEN", "NOUN.IND.GEN", "PROPN", "PROPN.GEN",
    "PRON", "DET", "ADP", "ADV", "CCONJ", "SCONJ", "PART", "NUM", "PUNCT", "SYM", "INTJ", "X",
}  # fmt: skip


# --- tokens ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Ann-Gret skickar e-post.", ["Ann-Gret", "skickar", "e-post", "."]),
        (
            "Vi tar t.ex. kaffe, bl.a. med Bosse.",
            ["Vi", "tar", "t.ex.", "kaffe", ",", "bl.a.", "med", "Bosse", "."],
        ),
        ("Ses kl. 13.30 den 14/5.", ["Ses", "kl.", "13.30", "den", "14/5", "."]),
        ("Mötet 2024-05-14: lokal bokad.", ["Mötet", "2024-05-14", ":", "lokal", "bokad", "."]),
        ("Mejla kansliet@exempel.se.", ["Mejla", "kansliet@exempel.se", "."]),
        ("Se https://exempel.se/protokoll.", ["Se", "https://exempel.se/protokoll", "."]),
        ("§ 4 Val (omval)", ["§", "4", "Val", "(", "omval", ")"]),
        ('Hon sa "ja" – sedan nej.', ["Hon", "sa", '"', "ja", '"', "–", "sedan", "nej", "."]),
        ("Kultur- och fritidsnämnden", ["Kultur-", "och", "fritidsnämnden"]),
        ("Budget 3,5 mkr, 10-tal.", ["Budget", "3,5", "mkr", ",", "10-tal", "."]),
        ("Klart.Nästa punkt", ["Klart", ".", "Nästa", "punkt"]),
    ],
)
def test_tokenize(text, tokens):
    found = tagger.tokenize(text)
    assert [w for w, _, _ in found] == tokens
    assert all(text[start:end] == w for w, start, end in found)


def test_tag_text_gives_offsets_and_labels():
    tokens = tagger.tag_text("Ann-Gret bakar bullar.")
    assert tokens == [
        tagger.Token("Ann-Gret", 0, 8, "PROPN"),
        tagger.Token("bakar", 9, 14, "VERB.PRES"),
        tagger.Token("bullar", 15, 21, "NOUN.IND"),
        tagger.Token(".", 21, 22, "PUNCT"),
    ]
    assert tagger.tag([]) == [] and tagger.tag_text("") == []


# --- labels ----------------------------------------------------------------------------------


def labels_of(text: str) -> dict[str, str]:
    return {t.text: t.tag for t in tagger.tag_text(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name, a present tense the treebanks lack, its object
        (
            "Ann-Gret bakar bullar.",
            {"Ann-Gret": "PROPN", "bakar": "VERB.PRES", "bullar": "NOUN.IND"},
        ),  # *bakar
        ("Håkan fixar korv.", {"Håkan": "PROPN", "fixar": "VERB.PRES", "korv": "NOUN.IND"}),  # *fixar
        ("Kalle köper kaffe.", {"Kalle": "PROPN", "köper": "VERB.PRES", "kaffe": "NOUN.IND"}),  # *köper
        # "Eva lagar cykelstället": "lagar" may come out the plural of "lag"; the grammar's
        # verb-second repair reads it as the verb (tests/test_read_sentence.py)
        ("Eva lagar cykelstället.", {"Eva": "PROPN", "cykelstället": "NOUN.DEF"}),
        (
            "Ylva mejlar kallelsen till alla.",
            {"Ylva": "PROPN", "mejlar": "VERB.PRES", "kallelsen": "NOUN.DEF"},
        ),
        ("Gudrun sammanställer svaren.", {"Gudrun": "PROPN", "sammanställer": "VERB.PRES"}),  # *sammanställer
        # a definite noun as subject
        ("Styrelsen hjälper till.", {"Styrelsen": "NOUN.DEF", "hjälper": "VERB.PRES"}),
        (
            "Kassören redovisar ekonomin.",
            {"Kassören": "NOUN.DEF", "redovisar": "VERB.PRES", "ekonomin": "NOUN.DEF"},
        ),
        # passive -s forms
        ("Kallelsen skickas ut i god tid.", {"skickas": "VERB.PRES.PASS"}),
        ("Fakturan skickades igår.", {"Fakturan": "NOUN.DEF", "skickades": "VERB.PAST.PASS"}),
        # infinitive after a modal, supine after "har"
        ("Protokollet ska skickas till alla.", {"ska": "AUX.PRES", "skickas": "VERB.INF.PASS"}),
        ("Leif ska boka lokalen.", {"Leif": "PROPN", "boka": "VERB.INF", "lokalen": "NOUN.DEF"}),
        ("Hon har bokat lokalen.", {"har": "AUX.PRES", "bokat": "VERB.SUP"}),  # *bokat
        # the genitive
        ("Styrelsens förslag godkändes.", {"Styrelsens": "NOUN.DEF.GEN", "godkändes": "VERB.PAST.PASS"}),
        ("Föreningens ordförande öppnade mötet.", {"Föreningens": "NOUN.DEF.GEN", "öppnade": "VERB.PAST"}),
    ],
)
def test_labels_of_constructions(text, expected):
    labels = labels_of(text)
    assert {w: labels[w] for w in expected} == expected


@pytest.mark.parametrize(
    "line",
    ["Skriv protokollet", "Undersök saken", "Ring kommunen", "Beställ kaffe och bullar", "Skicka ut kallelsen",
     "Kontakta hyresvärden", "- Uppdatera hemsidan", "Boka lokal till nästa möte."],
)  # fmt: skip
def test_a_to_do_line_starts_with_a_verb(line):
    """The imperative at a list line's start: VERB.IMP, or VERB.INF for an -a form."""
    first = next(t for t in tagger.tag_text(line) if t.text[0].isalpha())
    assert first.tag in ("VERB.IMP", "VERB.INF"), (line, first)


def test_every_label_is_one_of_the_documented_ones():
    assert set(tagger.load().labels) <= LABELS


@pytest.mark.parametrize(
    ("label", "pos", "finite", "passive"),
    [
        ("VERB.PRES.PASS", "VERB", True, True),
        ("VERB.IMP", "VERB", True, False),
        ("AUX.PAST", "AUX", True, False),
        ("VERB.INF.PASS", "VERB", False, True),
        ("VERB.SUP", "VERB", False, False),
        ("AUX.INF", "AUX", False, False),
        ("NOUN.DEF.GEN", "NOUN", False, False),
        ("PUNCT", "PUNCT", False, False),
    ],
)
def test_label_helpers(label, pos, finite, passive):
    assert (tagger.upos(label), tagger.is_finite(label), tagger.is_passive(label)) == (pos, finite, passive)


def test_tagging_adds_up_the_weights_of_the_features_training_sees():
    """Model.tag adds up packed groups of features from caches; its labels must be those of
    the plain sum of the weights of features(), as training scores them."""
    model = tagger.load()
    for text in [
        "Ann-Gret bakar bullar.",
        "- Skriv protokollet",
        "Protokollet ska skickas till alla i styrelsen.",
    ]:
        words = [w for w, _, _ in tagger.tokenize(text)]
        context = [tagger.START, tagger.START, *(w.lower() for w in words), tagger.END, tagger.END]
        tag2 = tag1 = tagger.START
        expected = []
        for i, word in enumerate(words):
            label_index = model.tagdict.get(word.lower())
            if label_index is None:
                scores = [0] * len(model.labels)
                for f in tagger.features(word, i, context, tag2, tag1, model.lexicon):
                    k = model.features.find(tagger.feature_hash(f))
                    for j in range(model.starts[k], model.starts[k + 1]) if k >= 0 else ():
                        scores[model.label_of[j]] += model.weight[j]
                label_index = scores.index(max(scores))
            expected.append(model.labels[label_index])
            tag2, tag1 = tag1, expected[-1]
        assert model.tag(words) == expected, text


# --- the model and its sources ---------------------------------------------------------------


def _metadata() -> dict:
    return json.loads(Path(tagger.MODEL_JSON).read_text(encoding="utf-8"))["metadata"]


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_model_was_written_by_the_current_training_script():
    meta = _metadata()
    assert meta["script_sha256"] == _sha256(SCRIPT), "run: .venv/bin/python scripts/train_tagger.py"
    spec = importlib.util.spec_from_file_location("train_tagger", SCRIPT)
    assert spec and spec.loader
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    assert meta["features_sha256"] == script.features_sha256(), "features changed: retrain the tagger"


@pytest.mark.skipif(not UD.is_dir(), reason="the treebanks (../shared/ud) are not here")
def test_the_model_was_trained_on_the_current_treebanks():
    assert _metadata()["treebanks"] == {name: _sha256(UD / name) for name in sorted(_metadata()["treebanks"])}
    assert sorted(_metadata()["treebanks"]) == sorted(p.name for p in UD.glob("*.conllu"))


def test_the_model_states_its_licence_and_figures():
    meta = _metadata()
    assert "CC BY-SA 4.0" in meta["licence"]
    assert (Path(tagger.DATA) / "TAGGER-LICENSE.md").is_file()
    figures = meta["held_out_figures"]["with_lexicon"]
    assert figures["upos.all"] > 90 and figures["label.all"] > 90


def test_importing_the_tagger_loads_no_model_and_only_the_standard_library():
    code = (
        "import json, sys\n"
        "import actiontrack.extract\n"
        "before = set(sys.modules)\n"
        "from actiontrack.extract import tagger\n"
        "print(json.dumps([sorted(set(sys.modules) - before), tagger._model is None]))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    added, unloaded = json.loads(out)
    assert unloaded
    foreign = [
        m
        for m in added
        if m.split(".")[0] not in sys.stdlib_module_names and m != "actiontrack.extract.tagger"
    ]
    assert foreign == []
    # and nothing else anywhere in the module, inside functions included
    tree = ast.parse(Path(tagger.__file__).read_text(encoding="utf-8"))
    imported = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    imported |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
    assert sorted(m for m in imported if m.split(".")[0] not in sys.stdlib_module_names) == []


def test_a_participle_after_att_before_its_noun_and_verb_is_no_infinitive():
    from actiontrack.extract.retag import names_as_names

    def tags(text):
        return {t.text: t.tag for t in names_as_names(tagger.tag_text(text), frozenset())}

    # "att" + participle + noun + finite verb: a subordinate clause whose subject is "medlemmar"
    assert tags("att inbokade medlemmar meddelas i god tid")["inbokade"] != "VERB.INF"
    assert tags("att anmälda gäster underrättas snarast")["anmälda"].startswith("ADJ")
    # an infinitive with its object, no finite verb after: stays an infinitive
    assert tags("att boka lokal till mötet")["boka"] == "VERB.INF"


def test_a_passive_in_s_with_no_verb_to_govern_it_is_the_present():
    from actiontrack.extract.retag import names_as_names

    def tags(text):
        return {t.text: t.tag for t in names_as_names(tagger.tag_text(text), frozenset())}

    assert tags("Nya stolar beställs.")["beställs"] == "VERB.PRES.PASS"
    assert tags("Nycklarna lämnas till vaktmästaren.")["lämnas"] == "VERB.PRES.PASS"
    # after a modal it is the infinitive it looks like
    assert tags("Nycklarna ska lämnas till vaktmästaren.")["lämnas"] == "VERB.INF.PASS"


def test_an_abbreviation_in_s_is_no_passive_and_ends_no_sentence():
    from actiontrack.extract.sentence_split import ABBREVIATIONS, split_sentences
    from actiontrack.extract.tagger import ONE_TOKEN, tag_text

    assert set(ONE_TOKEN) <= ABBREVIATIONS  # what the tagger keeps whole, no sentence ends after
    tags = [(t.text, t.tag) for t in tag_text("Ekonomi vs. verksamhet")]
    assert tags[1] == ("vs.", tags[1][1]) and not tags[1][1].startswith("VERB")
    assert [s.text for s in split_sentences([(1, "Hyra vs. köp diskuterades. Bo ringer.")])] == [
        "Hyra vs. köp diskuterades.",
        "Bo ringer.",
    ]
