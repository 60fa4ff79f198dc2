#!/usr/bin/env python3
"""Train the part-of-speech and morphology tagger (src/actiontrack/extract/tagger.py) and write
its model to src/actiontrack/extract/data/: tagger_sv.json (labels, tag dictionary, metadata),
tagger_sv.bin (feature weights) and tagger_lexicon_sv.bin (word classes of simplemma's forms).

    .venv/bin/pip install -e '.[test]' && .venv/bin/python scripts/train_tagger.py

Sources: the Swedish UD treebanks in ../shared/ud (Talbanken dev and test, PUD test; CC BY-SA
4.0, so the model is too: data/TAGGER-LICENSE.md) and simplemma's Swedish dictionary (MIT,
https://github.com/adbar/simplemma), which is too large to read at run time (about 1 s).

A greedy averaged perceptron (Honnibal, "A good part-of-speech tagger in about 200 lines of
Python", 2013) over the features that tagger.py makes, which this script imports so that the
two cannot drift. It first holds out every 10th sentence of each file and prints the accuracy
on them (with and without the lexicon's word classes), then trains on all sentences and writes
the model with those figures in its metadata. Deterministic: the same files give the same bytes.
tests/test_tagger.py checks that the model is in step with this script and the treebanks.
"""

from __future__ import annotations

import argparse
import hashlib
import inspect
import json
import random
import sys
import time
from array import array
from collections import Counter, defaultdict
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from actiontrack import names_sv  # noqa: E402
from actiontrack.extract import tagger  # noqa: E402

UD = ROOT.parent / "shared" / "ud"
TREEBANKS = ["sv_talbanken-ud-dev.conllu", "sv_talbanken-ud-test.conllu", "sv_pud-ud-test.conllu"]
HELD_OUT_EVERY = 10  # sentence i of a file is held out when i % 10 == 9
SEED = 20240514
ITERATIONS = 10
TAGDICT_MIN_COUNT = 5  # a word this frequent and this unambiguous is tagged by the dictionary
TAGDICT_MIN_SHARE = 1.0
WORD_DROPOUT = 0.5  # how often a rare word is trained without its own form, to learn to do without
DROPOUT_MAX_COUNT = 4  # a rare word: seen this often or less in training
PRUNE_BELOW = 0.3  # averaged weights smaller than this are not shipped (as accurate as 0.02, held out)
WEIGHT_SCALE = 1000  # weights are shipped as 16-bit integers: round(weight * WEIGHT_SCALE)
# word classes, 256 at most: the most frequent (relation, paradigm) pairs, the most frequent
# relations alone, and the 8 paradigms alone
LEXICON_CLASSES = 180
LEXICON_RELATIONS = 68

Sentence = tuple[list[str], list[str]]  # words, labels


# --- treebanks and labels --------------------------------------------------------------------


def label(upos: str, feats: dict[str, str]) -> str:
    """The tagger's label of a treebank token: its UPOS refined by the features the extractor needs."""
    if upos in ("VERB", "AUX"):
        form = feats.get("VerbForm")
        if feats.get("Mood") == "Imp":
            form = "IMP"
        elif form == "Fin":
            form = {"Pres": "PRES", "Past": "PAST"}.get(feats.get("Tense", ""))
        elif form in ("Inf", "Sup", "Part"):
            form = form.upper()
        else:
            form = None
        if form is None:
            return upos
        passive = ".PASS" if upos == "VERB" and feats.get("Voice") == "Pass" else ""
        return f"{upos}.{form}{passive}"
    if upos == "ADJ":
        return "ADJ.PART" if feats.get("VerbForm") == "Part" else "ADJ"
    if upos == "NOUN":
        definite = "DEF" if feats.get("Definite") == "Def" else "IND"
        return f"NOUN.{definite}" + (".GEN" if feats.get("Case") == "Gen" else "")
    if upos == "PROPN":
        return "PROPN.GEN" if feats.get("Case") == "Gen" else "PROPN"
    return upos


class Word(NamedTuple):
    id: int
    form: str
    lemma: str
    label: str
    head: int
    deprel: str


def read_conllu(path: Path) -> list[list[Word]]:
    sentences: list[list[Word]] = []
    words: list[Word] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line:
            if words:
                sentences.append(words)
            words = []
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if not cols[0].isdigit():  # 3-4 multiword ranges and 11.1 empty nodes
            continue
        feats = dict(f.split("=", 1) for f in cols[5].split("|")) if cols[5] != "_" else {}
        words.append(Word(int(cols[0]), cols[1], cols[2], label(cols[3], feats), int(cols[6]), cols[7]))
    if words:
        sentences.append(words)
    return sentences


# --- lexicon ---------------------------------------------------------------------------------


def relation(form: str, lemma: str) -> str:
    """How a form is made from its lemma: "bakar"/"baka" -> "-+r", "bullar"/"bulle" -> "-e+ar"."""
    n = 0
    for a, b in zip(form, lemma, strict=False):
        if a != b:
            break
        n += 1
    return f"-{lemma[n:]}+{form[n:]}"


def paradigm(lemma: str, keys: set[str], forms: list[str]) -> str:
    """Coarse facts about a lemma's paradigm: V (a past tense, supine or -nde form is in the
    dictionary, or the present and the passive are forms of it: a verb), N (a definite genitive,
    or only an -s genitive: a noun), A (a superlative: an adjective). forms: those whose lemma it is."""
    stem = lemma[:-1] if lemma.endswith("a") else lemma
    facts = ""
    verb_forms = (lemma + "de", stem + "de", stem + "te", lemma + "dde", stem + "it", lemma + "nde")
    if lemma[-1:] in VOWELS and (
        any(f in keys for f in verb_forms) or (lemma + "r" in forms and lemma + "s" in forms)
    ):
        facts += "V"
    if (
        any(f in keys for f in (lemma + "ens", lemma + "ets", lemma + "ns", lemma + "ts", stem + "ans"))
        or any(f != lemma and f.endswith(("ens", "ets", "nas")) for f in forms)
        or (lemma[-1:] not in VOWELS and lemma + "s" in forms)
    ):
        facts += "N"
    if any(f in keys for f in (lemma + "aste", lemma + "ast", stem + "aste")):
        facts += "A"
    return facts


VOWELS = ("a", "o", "u", "å", "e", "i", "y", "ä", "ö")


def build_lexicon() -> tuple[dict[str, int], list[str], dict[str, str], str]:
    """Every form of simplemma's Swedish dictionary -> a word class (an index of the returned
    list of class strings, "relation paradigm"), the dictionary itself (form -> lemma), and its
    name and version."""
    import simplemma
    from simplemma.strategies.dictionaries.dictionary_factory import _load_dictionary_from_disk

    pairs = sorted((k.decode(), v.decode()) for k, v in _load_dictionary_from_disk("sv").items())
    keys = {form for form, _ in pairs}
    forms_of: dict[str, list[str]] = defaultdict(list)
    for form, lemma in pairs:
        forms_of[lemma.lower()].append(form.lower())
    lemma_facts: dict[str, str] = {}
    classes: dict[str, str] = {}
    for form, lemma in pairs:
        facts = lemma_facts.get(lemma)
        if facts is None:
            facts = lemma_facts[lemma] = paradigm(lemma.lower(), keys, forms_of[lemma.lower()])
        classes[form] = relation(form.lower(), lemma.lower()) + " " + facts
    # a byte a form: the most frequent (relation, paradigm) pairs; for the other forms, the
    # relation alone when it is frequent ("-a+ ?"), otherwise the paradigm alone ("? VN")
    pairs_kept = [c for c, _ in Counter(classes.values()).most_common(LEXICON_CLASSES)]
    relations = Counter(c.split(" ")[0] for c in classes.values())
    relations_kept = [r + " ?" for r, _ in relations.most_common(LEXICON_RELATIONS)]
    names = sorted(set(pairs_kept) | set(relations_kept) | {"? " + c.split(" ")[1] for c in classes.values()})
    index = {c: i for i, c in enumerate(names)}
    codes = {}
    for form, c in classes.items():
        rel, facts = c.split(" ")
        codes[form] = index.get(c, index.get(rel + " ?", index["? " + facts]))
    return codes, names, dict(pairs), f"simplemma {simplemma.__version__} Swedish dictionary (MIT)"


def hash_table(hashes: list[int]) -> tuple[array[int], array[int]]:
    """A tagger.HashTable's arrays for sorted hashes: bucket offsets and low 16 bits."""
    offsets = array("I", [0] * 65537)
    for h in hashes:
        offsets[(h >> 16) + 1] += 1
    for b in range(65536):
        offsets[b + 1] += offsets[b]
    return offsets, array("H", [h & 0xFFFF for h in hashes])


def lexicon_arrays(codes: dict[str, int]) -> dict[str, array[int]]:
    by_hash: dict[int, int] = {}
    for form in sorted(codes):  # two forms with one hash: the first in sorted order wins
        by_hash.setdefault(tagger.feature_hash(form), codes[form])
    hashes = sorted(by_hash)
    offsets, low = hash_table(hashes)
    return {
        "lexicon_offsets": offsets,
        "lexicon_low": low,
        "lexicon_codes": array("B", [by_hash[h] for h in hashes]),
    }


# --- augmentation ----------------------------------------------------------------------------

SINGULAR_SUBJECTS = {"han", "hon", "jag"}
MODALS = {"skola", "måste", "böra"}
# verbs no to-do line starts with
NOT_TASKS = {"vara", "bli", "ha", "få", "kunna", "behöva", "ske", "komma", "vilja", "låta"}


def imperative(lemma: str, lemmas: dict[str, str]) -> str:
    """The imperative of an infinitive: "skriva" -> "skriv" when the dictionary has that form of
    the verb, otherwise the infinitive itself ("boka", "gå")."""
    if lemma.endswith("a") and lemmas.get(lemma[:-1]) == lemma and lemmas.get(lemma + "r") != lemma:
        return lemma[:-1]
    return lemma


def augment(sentences: list[list[Word]], lemmas: dict[str, str], rng: random.Random) -> list[Sentence]:
    """Sentences made from training sentences for what minutes have and the treebanks lack:
    (1) to-do lines: "Vi ska boka lokalen till mötet." -> "Boka lokalen till mötet", an
    infinitive with an object or a particle after a modal or "att" made the imperative
    (VERB.IMP) of a line of its own, what came before it dropped; (2) names as subjects: a
    singular subject pronoun ("Han", "hon", "jag") replaced by a first name (PROPN), a
    half of them double ("Anna-Karin"), in two copies of the sentence; (3) the verbs of
    minutes after their subject: a present tense right after its subject ("Styrelsen föreslår")
    replaced by the present tense of a verb of simplemma's dictionary ("Styrelsen lagar"), which
    the treebanks may know only as a noun ("lagar", laws)."""
    names = sorted(n for n in names_sv.FIRST_NAMES if len(n) > 2)
    presents = present_tenses(lemmas)
    made: list[Sentence] = []
    for words in sentences:
        children: dict[int, list[Word]] = defaultdict(list)
        for w in words:
            children[w.head].append(w)
        for v in words:
            if not (
                v.label == "VERB.INF"
                and v.lemma not in NOT_TASKS
                and any(
                    c.deprel == "aux" and c.lemma in MODALS or c.deprel == "mark" and c.lemma == "att"
                    for c in children[v.id]
                )
                and any(c.deprel in ("obj", "compound:prt") for c in children[v.id])
            ):
                continue
            span = subtree(v, children)
            drop: set[int] = set()
            for c in children[v.id]:
                if c.id < v.id:
                    drop |= subtree(c, children)
            after = sorted(i for i in span - drop if i > v.id)
            if not after or after != list(range(v.id + 1, after[-1] + 1)):
                continue
            rest = [w for w in words if w.id in after]
            if rest[-1].label == "PUNCT":
                rest.pop()
            verb = imperative(v.lemma.lower(), lemmas)
            line = [verb.capitalize()] + [w.form for w in rest]
            labels = ["VERB.IMP"] + [w.label for w in rest]
            if rng.random() < 0.3:
                line, labels = ["-", *line], ["PUNCT", *labels]
            if rng.random() < 0.5:
                line, labels = [*line, "."], [*labels, "PUNCT"]
            made.append((line, labels))
        for v in words:
            if v.label == "VERB.PRES" and any(
                c.id == v.id - 1 and c.deprel.startswith("nsubj") for c in children[v.id]
            ):
                forms = [w.form for w in words]
                forms[v.id - 1] = rng.choice(presents)
                made.append((forms, [w.label for w in words]))
                break
        subjects = [
            k
            for k, w in enumerate(words)
            if w.lemma.lower() in SINGULAR_SUBJECTS and w.deprel.startswith("nsubj") and w.label == "PRON"
        ]
        for _ in range(2 if subjects else 0):  # twice, with other names
            forms = [w.form for w in words]
            labels = [w.label for w in words]
            for k in subjects:
                name = rng.choice(names)
                if rng.random() < 0.5:
                    name = name + "-" + rng.choice(names)
                forms[k] = "-".join(part.capitalize() for part in name.split("-"))
                labels[k] = "PROPN"
            made.append((forms, labels))
    return made


def present_tenses(lemmas: dict[str, str]) -> list[str]:
    """Present tenses of simplemma's verbs whose past is regular ("bokar", "lagar", "lägger"): a
    verb is a lemma in -a whose present and past the dictionary gives it (no list of chosen verbs)."""
    out = []
    for form, lemma in lemmas.items():
        if not lemma.endswith("a") or not form.endswith("r") or not lemma.isalpha() or len(lemma) < 4:
            continue
        stem = lemma[:-1]
        present = form in (lemma + "r", stem + "er")
        past = any(lemmas.get(p) == lemma for p in (lemma + "de", stem + "de", stem + "te"))
        if present and past:
            out.append(form)
    return sorted(set(out))


def drop_final_stops(sentences: list[Sentence], rng: random.Random) -> list[Sentence]:
    """Lines as minutes write them, without a full stop: a quarter of the sentences, at random,
    lose their final punctuation (the treebanks' sentences nearly all have one)."""
    out = []
    for words, labels in sentences:
        if len(words) > 2 and labels[-1] == "PUNCT" and words[-1] in (".", "!") and rng.random() < 0.25:
            words, labels = words[:-1], labels[:-1]
        out.append((words, labels))
    return out


def subtree(word: Word, children: dict[int, list[Word]]) -> set[int]:
    ids = {word.id}
    for c in children[word.id]:
        ids |= subtree(c, children)
    return ids


# --- the perceptron --------------------------------------------------------------------------


class Perceptron:
    """Weights by feature hash and label index, averaged over every step of training."""

    def __init__(self) -> None:
        self.weights: dict[int, dict[int, float]] = {}
        self.totals: dict[tuple[int, int], float] = defaultdict(float)
        self.stamps: dict[tuple[int, int], int] = defaultdict(int)
        self.step = 0

    def predict(self, features: list[int], n_labels: int) -> int:
        scores = [0.0] * n_labels
        weights = self.weights
        for f in features:
            w = weights.get(f)
            if w:
                for label, value in w.items():
                    scores[label] += value
        return scores.index(max(scores))

    def update(self, truth: int, guess: int, features: list[int]) -> None:
        self.step += 1
        if truth == guess:
            return
        for f in features:
            w = self.weights.setdefault(f, {})
            for label, delta in ((truth, 1.0), (guess, -1.0)):
                key = (f, label)
                value = w.get(label, 0.0)
                self.totals[key] += (self.step - self.stamps[key]) * value
                self.stamps[key] = self.step
                w[label] = value + delta

    def averaged(self) -> dict[int, dict[int, float]]:
        out: dict[int, dict[int, float]] = {}
        for f, w in self.weights.items():
            for label, value in w.items():
                key = (f, label)
                total = self.totals[key] + (self.step - self.stamps[key]) * value
                avg = total / self.step
                if abs(avg) >= PRUNE_BELOW:
                    out.setdefault(f, {})[label] = avg
        return out


def make_tagdict(sentences: list[Sentence]) -> dict[str, str]:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for words, labels in sentences:
        for w, lab in zip(words, labels, strict=True):
            counts[w.lower()][lab] += 1
    out = {}
    for w, c in counts.items():
        lab, n = c.most_common(1)[0]
        total = sum(c.values())
        if total >= TAGDICT_MIN_COUNT and n / total >= TAGDICT_MIN_SHARE:
            out[w] = lab
    return out


def train(
    sentences: list[Sentence], labels: list[str], tagdict: dict[str, str], lexicon: tagger.Lexicon | None
) -> dict[int, dict[int, float]]:
    rng = random.Random(SEED)
    index = {lab: i for i, lab in enumerate(labels)}
    counts = Counter(w.lower() for words, _ in sentences for w in words)
    model = Perceptron()
    n = len(labels)
    order = list(range(len(sentences)))
    for _ in range(ITERATIONS):
        rng.shuffle(order)
        for s in order:
            words, gold = sentences[s]
            context = [tagger.START, tagger.START, *(w.lower() for w in words), tagger.END, tagger.END]
            tag2 = tag1 = tagger.START
            for i, word in enumerate(words):
                low = context[i + 2]
                guess_label = tagdict.get(low)
                if guess_label is None:
                    feats = tagger.features(word, i, context, tag2, tag1, lexicon)
                    if (
                        counts[low] <= DROPOUT_MAX_COUNT and rng.random() < WORD_DROPOUT
                    ):  # learn to do without the form
                        feats = [f for f in feats if not f.startswith(("w=", "t1w="))]
                    hashes = [tagger.feature_hash(f) for f in feats]
                    guess = model.predict(hashes, n)
                    model.update(index[gold[i]], guess, hashes)
                    guess_label = labels[guess]
                tag2, tag1 = tag1, guess_label
    return model.averaged()


def model_arrays(weights: dict[int, dict[int, float]]) -> dict[str, array[int]]:
    """A tagger.Model's weight arrays: feature hashes sorted, (label, weight) pairs per feature."""
    hashes: list[int] = []
    starts = array("I", [0])
    label_of = array("B")
    weight = array("h")
    for h in sorted(weights):
        pairs = [(lab, round(v * WEIGHT_SCALE)) for lab, v in sorted(weights[h].items())]
        pairs = [(lab, max(-32768, min(32767, q))) for lab, q in pairs if q]
        if not pairs:
            continue
        hashes.append(h)
        for lab, q in pairs:
            label_of.append(lab)
            weight.append(q)
        starts.append(len(label_of))
    offsets, low = hash_table(hashes)
    return {
        "feature_offsets": offsets,
        "feature_low": low,
        "starts": starts,
        "labels": label_of,
        "weights": weight,
    }


# --- evaluation ------------------------------------------------------------------------------


def evaluate(model: tagger.Model, sentences: list[Sentence], known: set[str]) -> dict[str, object]:
    """Accuracy on the held-out sentences: UPOS, full label, and the verb form (tokens whose gold
    UPOS is VERB or AUX: is the label exactly right), each for all, known and unknown words."""
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    confusions: Counter[tuple[str, str]] = Counter()
    for words, gold in sentences:
        for w, g, p in zip(words, gold, model.tag(words), strict=True):
            kind = "known" if w.lower() in known else "unknown"
            checks = [("upos", tagger.upos(g) == tagger.upos(p)), ("label", g == p)]
            if tagger.upos(g) in ("VERB", "AUX"):
                checks.append(("verb_form", g == p))
            for name, ok in checks:
                for group in ("all", kind):
                    total[f"{name}.{group}"] += 1
                    right[f"{name}.{group}"] += ok
            if g != p:
                confusions[(g, p)] += 1
    figures: dict[str, object] = {k: round(100 * right[k] / total[k], 2) for k in sorted(total)}
    figures["tokens"] = {k: total[k] for k in sorted(total) if k.startswith("label.")}
    figures["top_confusions"] = [f"{g} -> {p}: {n}" for (g, p), n in confusions.most_common(12)]
    return figures


def show(title: str, figures: dict[str, object]) -> None:
    tokens = figures["tokens"]
    assert isinstance(tokens, dict)
    print(f"{title}: {tokens['label.all']} tokens, {tokens['label.unknown']} unknown")
    print(f"  {'':10} {'all':>7} {'known':>7} {'unknown':>7}")
    for name in ("upos", "label", "verb_form"):
        row = " ".join(f"{figures[f'{name}.{g}']:7.2f}" for g in ("all", "known", "unknown"))
        print(f"  {name:10} {row}")
    print("  most frequent errors (gold -> predicted): " + "; ".join(figures["top_confusions"][:8]))  # type: ignore[index]


# --- writing ---------------------------------------------------------------------------------


def write_arrays(path: Path, arrays: dict[str, array[int]]) -> dict[str, list[object]]:
    layout: dict[str, list[object]] = {}
    chunks = []
    offset = 0
    for name, a in arrays.items():
        if sys.byteorder == "big":
            a = array(a.typecode, a)
            a.byteswap()
        data = a.tobytes()
        layout[name] = [a.typecode, offset, len(a)]
        chunks.append(data)
        offset += len(data)
    path.write_bytes(b"".join(chunks))
    return layout


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def features_sha256() -> str:
    """The source of the feature functions: a model trained on other features is stale."""
    functions = (tagger.shape, tagger.word_features, tagger.tag_features, tagger.neighbour_features,
                 tagger.pair_features, tagger.features)  # fmt: skip
    source = "".join(inspect.getsource(f) for f in functions)
    return hashlib.sha256(source.encode()).hexdigest()


def build_model(
    train_words: list[list[Word]], lemmas: dict[str, str], lexicon: tagger.Lexicon | None,
    lexicon_data: dict[str, array[int]], lexicon_classes: list[str], augmented: bool,
) -> tuple[dict[str, object], dict[str, array[int]]]:  # fmt: skip
    """A model trained on these sentences (and those augment() makes of them): its JSON's
    labels and tag dictionary, and its arrays (the lexicon's among them when it is used)."""
    sentences: list[Sentence] = [([w.form for w in s], [w.label for w in s]) for s in train_words]
    if augmented:
        sentences = drop_final_stops(sentences, random.Random(SEED)) + augment(
            train_words, lemmas, random.Random(SEED)
        )
    labels = sorted({lab for _, labs in sentences for lab in labs})
    tagdict = make_tagdict(sentences)
    weights = train(sentences, labels, tagdict, lexicon)
    arrays = model_arrays(weights)
    meta: dict[str, object] = {
        "labels": labels,
        "tagdict": {w: labels.index(lab) for w, lab in sorted(tagdict.items())},
        "lexicon_classes": lexicon_classes if lexicon is not None else [],
    }
    if lexicon is not None:
        arrays.update(lexicon_data)
    return meta, arrays


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--no-lexicon", action="store_true", help="ship a model without the lexicon's word classes"
    )
    parser.add_argument(
        "--no-augment", action="store_true", help="train on the treebanks' sentences as they are"
    )
    parser.add_argument(
        "--quick", action="store_true", help="held-out figures of the chosen setting only; write nothing"
    )
    args = parser.parse_args()
    started = time.perf_counter()

    treebanks = {name: read_conllu(UD / name) for name in TREEBANKS}
    train_part = [
        s
        for sents in treebanks.values()
        for i, s in enumerate(sents)
        if i % HELD_OUT_EVERY != HELD_OUT_EVERY - 1
    ]
    held_out_part = [
        s
        for sents in treebanks.values()
        for i, s in enumerate(sents)
        if i % HELD_OUT_EVERY == HELD_OUT_EVERY - 1
    ]
    everything = [s for sents in treebanks.values() for s in sents]
    held_out: list[Sentence] = [([w.form for w in s], [w.label for w in s]) for s in held_out_part]
    known = {w.form.lower() for s in train_part for w in s}

    codes, classes, lemmas, lexicon_source = build_lexicon()
    lex_arrays = lexicon_arrays(codes)
    lexicon = tagger.Lexicon(
        tagger.HashTable(lex_arrays["lexicon_offsets"], lex_arrays["lexicon_low"]),
        lex_arrays["lexicon_codes"],
        classes,
    )
    print(f"lexicon: {len(codes):,} forms in {len(classes)} classes ({time.perf_counter() - started:.0f} s)")

    figures: dict[str, object] = {}
    settings = [("with_lexicon", lexicon), ("without_lexicon", None)]
    if args.quick:
        settings = [settings[1] if args.no_lexicon else settings[0]]
    for name, lex in settings:
        meta, arrays = build_model(train_part, lemmas, lex, lex_arrays, classes, not args.no_augment)
        figures[name] = evaluate(tagger.Model(meta, arrays), held_out, known)
        show(f"held out, {name.replace('_', ' ')}", figures[name])
        print(f"  ({time.perf_counter() - started:.0f} s)")
    if args.quick:
        return

    use_lexicon = not args.no_lexicon
    meta, arrays = build_model(
        everything, lemmas, lexicon if use_lexicon else None, lex_arrays, classes, not args.no_augment
    )
    meta["arrays"] = write_arrays(
        Path(tagger.MODEL_BIN), {k: v for k, v in arrays.items() if not k.startswith("lexicon_")}
    )
    meta["lexicon_arrays"] = {}
    written = [tagger.MODEL_JSON, tagger.MODEL_BIN]
    if use_lexicon:
        lexicon_part = {k: v for k, v in arrays.items() if k.startswith("lexicon_")}
        meta["lexicon_arrays"] = write_arrays(Path(tagger.LEXICON_BIN), lexicon_part)
        written.append(tagger.LEXICON_BIN)
    else:
        Path(tagger.LEXICON_BIN).unlink(missing_ok=True)
    meta["metadata"] = {
        "licence": "CC BY-SA 4.0 (trained on UD Swedish-Talbanken and UD Swedish-PUD); see TAGGER-LICENSE.md",
        "treebanks": {name: sha256(UD / name) for name in TREEBANKS},
        "script_sha256": sha256(Path(__file__)),
        "features_sha256": features_sha256(),
        "lexicon": lexicon_source if use_lexicon else None,
        "augmented": not args.no_augment,
        "held_out": f"every {HELD_OUT_EVERY}th sentence of each file ({sum(len(s) for s, _ in held_out)} tokens)",
        "held_out_figures": figures,
        "settings": {"seed": SEED, "iterations": ITERATIONS, "word_dropout": WORD_DROPOUT, "dropout_max_count": DROPOUT_MAX_COUNT, "prune_below": PRUNE_BELOW,
                     "weight_scale": WEIGHT_SCALE},
    }  # fmt: skip
    Path(tagger.MODEL_JSON).write_text(
        json.dumps(meta, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
    for path in written:
        print(f"wrote {Path(path).relative_to(ROOT)} ({Path(path).stat().st_size:,} bytes)")
    print(f"{len(meta['labels'])} labels, {len(meta['tagdict'])} words in the tag dictionary, "  # type: ignore[arg-type]
          f"{len(arrays['starts']) - 1:,} features, {len(arrays['weights']):,} weights ({time.perf_counter() - started:.0f} s)")  # fmt: skip


if __name__ == "__main__":
    main()
