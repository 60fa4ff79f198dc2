"""Part of speech and morphology of Swedish words: an averaged perceptron read from data.

    tag_text("Ann-Gret bakar bullar.")
    -> [Token("Ann-Gret", 0, 8, "PROPN"), Token("bakar", 9, 14, "VERB.PRES"),
        Token("bullar", 15, 21, "NOUN.IND"), Token(".", 21, 22, "PUNCT")]

A label is the word's universal part of speech (UPOS), refined where the extractor needs it:
VERB.PRES, VERB.PAST, VERB.IMP, VERB.INF, VERB.SUP, VERB.PART, each with .PASS in the
passive ("skickas" VERB.PRES.PASS); AUX.PRES, AUX.PAST, AUX.INF, AUX.SUP; ADJ.PART for
participles ("inskickad"); NOUN.DEF / NOUN.IND, with .GEN in the genitive ("styrelsens"
NOUN.DEF.GEN); PROPN, PROPN.GEN; any other part of speech bare (PRON, ADP, PUNCT, ...), and
VERB or AUX bare for a verb without a verb form (foreign words, the "läs-" of "läs- och
skrivkunnighet").

The model is trained by scripts/train_tagger.py on the Swedish UD treebanks (Talbanken, PUD;
CC BY-SA 4.0, see data/TAGGER-LICENSE.md) and is read from data/tagger_sv.json (labels, tag
dictionary, metadata) and two binary files of little-endian arrays, the first time a word is
tagged: feature weights (tagger_sv.bin) and word classes from simplemma's Swedish dictionary
(tagger_lexicon_sv.bin). Features are strings hashed with zlib.crc32 and found by bisection;
the functions that make them are here, and the training script imports them, so that
training and tagging cannot drift apart.
"""

from __future__ import annotations

import os
import sys
from array import array
from bisect import bisect_left
from zlib import crc32

TYPE_CHECKING = False
if TYPE_CHECKING:
    import re
    from collections.abc import Callable, Iterator, Sequence

    Ints = array[int] | memoryview  # the model's arrays: read from a file, or mapped

DATA = os.path.join(os.path.dirname(__file__), "data")
MODEL_JSON = os.path.join(DATA, "tagger_sv.json")
MODEL_BIN = os.path.join(DATA, "tagger_sv.bin")
LEXICON_BIN = os.path.join(DATA, "tagger_lexicon_sv.bin")

START = "<s>"  # the word or tag before the first one
END = "</s>"  # the word after the last one
_CACHE_SIZE = 50_000  # features, and groups of features, whose scores are kept
_BIAS = 1 << 20  # added to every weight in a lane: see Model
_LANE = "I"  # a lane: 32 bits, room for the sum of hundreds of features


if TYPE_CHECKING:
    from typing import NamedTuple

    class Token(NamedTuple):
        text: str
        start: int  # character offset in the text given to tokenize
        end: int
        tag: str  # a label, see the module's docstring

else:  # the same, without importing typing (3-4 ms of a command's start)
    from collections import namedtuple

    Token = namedtuple("Token", ["text", "start", "end", "tag"])


# --- labels ----------------------------------------------------------------------------------


def upos(label: str) -> str:
    """The universal part of speech of a label: upos("VERB.PRES.PASS") == "VERB"."""
    return label.partition(".")[0]


def is_finite(label: str) -> bool:
    """A verb in the present, the past or the imperative (VERB or AUX): what a clause needs."""
    pos, _, rest = label.partition(".")
    return pos in ("VERB", "AUX") and rest.partition(".")[0] in ("PRES", "PAST", "IMP")


def is_passive(label: str) -> bool:
    """A passive (-s) verb form: "skickas", "skickades", "ska skickas"."""
    return label.endswith(".PASS")


# --- tokens ----------------------------------------------------------------------------------

# Single-dot abbreviations that keep their dot ("kl. 13.30", "ca. 20"; "vs." cut off would be a
# passive in -s); dotted ones with several parts ("t.ex.", "bl.a.", "o.s.v.") are found by their
# form. All are among the sentence splitter's ABBREVIATIONS; those that are also words ("min.",
# "jan.") are not here: the tagger reads the word better without the stop.
ONE_TOKEN = (
    "ca", "kl", "nr", "resp", "tel", "jfr", "dvs", "osv", "etc", "inkl", "exkl", "ev", "obs", "ang", "enl",
    "tf", "mfl", "fr", "st", "vs", "pga",
)  # fmt: skip
_ABBREVIATIONS = "|".join(ONE_TOKEN)
_TOKEN_SOURCE = rf"""
    (?:https?://|www\.)[^\s<>"]*[^\s<>".,;:!?)\]'’”]        # URL, without a trailing full stop
  | [\w.+-]+@[\w-]+(?:\.[\w-]+)+                             # e-mail address
  | \d+(?:[.:/,-]\d+)*(?![\w-])                              # number, time, date: 13.30 2024-05-14 14/5 3,5
  | (?<!\w)[^\W\d_]{{1,4}}(?:\.[a-zåäöéü]{{1,4}})+\.?(?!\w)   # t.ex. bl.a. o.s.v.
  | (?<!\w)(?i:{_ABBREVIATIONS})\.(?!\w)                     # kl. ca.
  | \w+(?:[-‐]\w+)*(?:-(?=[\s,/]))?                           # words, Ann-Gret, e-post, 10-tal, kultur-
  | \.{{2,}}                                                 # ...
  | \S                                                       # any other character: , . : ( ) " – § ...
"""
_token_pattern = None


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """Words, numbers and punctuation with their offsets. Keeps as one token: hyphenated names
    and words ("Ann-Gret", "e-post"), abbreviations with dots ("t.ex.", "bl.a."), times and
    dates ("13.30", "2024-05-14", "14/5"), e-mail addresses and URLs, "§"; splits off
    commas, full stops at sentence end, colons, parentheses, quotes, dashes."""
    return [(m.group(), m.start(), m.end()) for m in tokens_of(text)]


def tokens_of(text: str) -> Iterator[re.Match[str]]:
    """The matches tokenize makes its tokens of, one after the other."""
    global _token_pattern
    if _token_pattern is None:
        import re

        _token_pattern = re.compile(_TOKEN_SOURCE, re.VERBOSE)
    return _token_pattern.finditer(text)


# --- features (shared with scripts/train_tagger.py) ------------------------------------------


def shape(word: str) -> str:
    """Letters as X and x, digits as d, runs collapsed: "Ann-Gret" -> "Xx-Xx", "13.30" -> "d.d"."""
    out = []
    last = ""
    for ch in word[:12]:
        c = "X" if ch.isupper() else "x" if ch.isalpha() else "d" if ch.isdigit() else ch
        if c != last:
            out.append(c)
            last = c
    return "".join(out)


def word_features(word: str, low: str, first: bool, lexicon: Callable[[str], str] | None) -> list[str]:
    """The features of a word by itself: its form, affixes, shape, and what the lexicon says of
    it (lexicon(form) -> a class string, "" when the form is not there)."""
    # the endings of "Ann-Gret" or "Britt-Marie" are not those of Swedish words ("budget")
    s = "S" if "-" in word[1:] and word.rpartition("-")[2][:1].isupper() else "s"
    feats = [
        "b",
        "w=" + low,
        s + "1=" + low[-1:],
        s + "2=" + low[-2:],
        s + "3=" + low[-3:],
        s + "4=" + low[-4:],
        "p2=" + low[:2],
        "sh=" + shape(word) + ("^" if first else ""),
    ]
    if low[:1].isdigit():
        feats.append("dg")  # 14/5, 2024-05-14, 3,5 alike
    if "-" in low[1:]:
        feats.append("hy=" + low.rpartition("-")[2][-4:])  # the last part of "e-post", "Ann-Gret"
    if lexicon is not None:
        cls = lexicon(low)
        feats.append("lx=" + cls)
        feats.append("lr=" + cls.partition(" ")[0])
        feats.append("lxs=" + cls + " " + low[-2:])
        if word != low:
            feats.append("lxc=" + ("1" if lexicon(word) else "0") + ("^" if first else ""))
    return feats


def tag_features(tag2: str, tag1: str) -> list[str]:
    """The two labels given before the word."""
    return ["t1=" + tag1, "t2=" + tag2, "t12=" + tag2 + " " + tag1]


def neighbour_features(place: str, word: str) -> list[str]:
    """A word around this one (lower case), place "-2", "-1", "+1" or "+2"; the next and the
    previous one with their last three letters."""
    if place in ("-1", "+1"):
        return ["w" + place + "=" + word, "s" + place + "=" + word[-3:]]
    return ["w" + place + "=" + word]


def pair_features(low: str, tag1: str, nxt: str) -> list[str]:
    """The previous label with this word, and with the next word's ending."""
    return ["t1w=" + tag1 + " " + low, "t1s+1=" + tag1 + " " + nxt[-2:]]


def features(
    word: str, i: int, context: Sequence[str], tag2: str, tag1: str, lexicon: Callable[[str], str] | None
) -> list[str]:
    """All features of word i, as training sees them; context is [START, START, the words in
    lower case, END, END]. Model.tag adds up the same groups, each kept by its arguments."""
    low = context[i + 2]
    return [
        *word_features(word, low, i == 0, lexicon),
        *tag_features(tag2, tag1),
        *neighbour_features("-2", context[i]),
        *neighbour_features("-1", context[i + 1]),
        *neighbour_features("+1", context[i + 3]),
        *neighbour_features("+2", context[i + 4]),
        *pair_features(low, tag1, context[i + 3]),
    ]


def feature_hash(feature: str) -> int:
    return crc32(feature.encode())


# --- the model -------------------------------------------------------------------------------


class HashTable:
    """Sorted 32-bit hashes stored as 65,536 buckets of their high 16 bits (`offsets`, one more
    than buckets) and the low 16 bits of each (`low`): 2 bytes a key, found by bisection."""

    __slots__ = ("offsets", "low")

    def __init__(self, offsets: Ints, low: Ints) -> None:
        self.offsets = offsets
        self.low = low

    def find(self, h: int) -> int:
        """The index of hash h, or -1."""
        b = h >> 16
        lo = self.offsets[b]
        hi = self.offsets[b + 1]
        if lo == hi:
            return -1
        k = h & 0xFFFF
        i = bisect_left(self.low, k, lo, hi)
        return i if i < hi and self.low[i] == k else -1


class Lexicon:
    """Word classes of forms by crc32 of the form: lexicon("bakar") -> "-+r V" (form = lemma +
    "r", the lemma's paradigm has verb forms), "" for a form it does not have."""

    __slots__ = ("table", "codes", "classes")

    def __init__(self, table: HashTable, codes: Ints, classes: list[str]) -> None:
        self.table = table
        self.codes = codes
        self.classes = classes

    def __call__(self, form: str) -> str:
        i = self.table.find(crc32(form.encode()))
        return "" if i < 0 else self.classes[self.codes[i]]


class Model:
    """Feature weights: the features' hashes (a HashTable), where each one's weights start
    (`starts`, one more than features), and the (label, weight) pairs of all of them.

    A feature's scores are kept as one integer of 32-bit lanes, a lane a label, each lane its
    weight plus _BIAS (so that no lane is negative and a sum never borrows from the next one):
    adding up a word's features is then adding integers, and the best label is the highest lane.
    Every feature adds _BIAS to every lane alike, which does not change which lane is highest."""

    def __init__(self, meta: dict[str, object], arrays: dict[str, Ints]) -> None:
        self.labels: list[str] = meta["labels"]  # type: ignore[assignment]
        self.tagdict: dict[str, int] = meta["tagdict"]  # type: ignore[assignment]
        self.features = HashTable(arrays["feature_offsets"], arrays["feature_low"])
        self.starts = arrays["starts"]
        self.label_of = arrays["labels"]
        self.weight = arrays["weights"]
        self.lexicon: Lexicon | None = None
        if "lexicon_codes" in arrays:
            table = HashTable(arrays["lexicon_offsets"], arrays["lexicon_low"])
            self.lexicon = Lexicon(table, arrays["lexicon_codes"], meta["lexicon_classes"])  # type: ignore[arg-type]
        self._vectors: dict[str, int] = {}  # feature -> its lanes
        self._groups: dict[tuple[str, ...], int] = {}  # a group of features() by its arguments -> lanes

    def vector(self, feature: str) -> int:
        """The lanes of one feature; 0 for a feature the model does not have."""
        v = self._vectors.get(feature)
        if v is None:
            v = 0
            i = self.features.find(crc32(feature.encode()))
            if i >= 0:
                lanes = [_BIAS] * len(self.labels)
                for j in range(self.starts[i], self.starts[i + 1]):
                    lanes[self.label_of[j]] += self.weight[j]
                v = int.from_bytes(array(_LANE, lanes).tobytes(), sys.byteorder)
            if len(self._vectors) >= _CACHE_SIZE:
                self._vectors.clear()
            self._vectors[feature] = v
        return v

    def scores(self, lanes: int) -> array[int]:
        """The lanes as numbers (each score plus _BIAS times the number of features found)."""
        a = array(_LANE)
        a.frombytes(lanes.to_bytes(a.itemsize * len(self.labels), sys.byteorder))
        return a

    def _group(self, key: tuple[str, ...], features: list[str]) -> int:
        lanes = self._groups.get(key)
        if lanes is None:
            lanes = sum(map(self.vector, features))
            if len(self._groups) >= _CACHE_SIZE:
                self._groups.clear()
            self._groups[key] = lanes
        return lanes

    def tag(self, words: Sequence[str]) -> list[str]:
        labels, tagdict = self.labels, self.tagdict
        groups, group, vector = self._groups, self._group, self.vector
        lows = [w.lower() for w in words]
        context = [START, START, *lows, END, END]
        out: list[str] = []
        tag2 = tag1 = START
        for i, word in enumerate(words):
            low = lows[i]
            known = tagdict.get(low)
            if known is None:
                # the groups of features(), each kept by its arguments
                key = ("w", word, "^" if i == 0 else "")
                lanes = groups.get(key) or group(key, word_features(word, low, i == 0, self.lexicon))
                key = ("t", tag2, tag1)
                lanes += groups.get(key) or group(key, tag_features(tag2, tag1))
                for place, w in (
                    ("-2", context[i]),
                    ("-1", context[i + 1]),
                    ("+1", context[i + 3]),
                    ("+2", context[i + 4]),
                ):
                    lanes += groups.get((place, w)) or group((place, w), neighbour_features(place, w))
                lanes += sum(map(vector, pair_features(low, tag1, context[i + 3])))
                scores = self.scores(lanes)
                label = labels[scores.index(max(scores))]
            else:
                label = labels[known]
            out.append(label)
            tag2, tag1 = tag1, label
        return out


def read_arrays(path: str, layout: dict[str, tuple[str, int, int]]) -> dict[str, Ints]:
    """The arrays of a binary file as `layout` places them: name -> [typecode, byte offset,
    length]. The file is little-endian: on such a machine it is mapped into memory, not read
    (the lexicon's 3 MB would take as long to read as the rest of loading); elsewhere each
    array is read and byte-swapped."""
    arrays: dict[str, Ints] = {}
    with open(path, "rb") as f:
        if sys.byteorder == "little":
            import mmap

            data = memoryview(mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ))
            for name, (typecode, offset, length) in layout.items():
                size = array(typecode).itemsize
                arrays[name] = data[offset : offset + length * size].cast(typecode)  # type: ignore[call-overload]
            return arrays
        for name, (typecode, offset, length) in layout.items():
            a = array(typecode)
            f.seek(offset)
            a.fromfile(f, length)
            a.byteswap()
            arrays[name] = a
        return arrays


_model: Model | None = None


def load() -> Model:
    """The shipped model, read the first time it is needed."""
    global _model
    if _model is None:
        import json

        with open(MODEL_JSON, encoding="utf-8") as f:
            meta = json.load(f)
        arrays = read_arrays(MODEL_BIN, meta["arrays"])
        if meta["lexicon_arrays"]:
            arrays.update(read_arrays(LEXICON_BIN, meta["lexicon_arrays"]))
        _model = Model(meta, arrays)
    return _model


def tag(words: Sequence[str]) -> list[str]:
    """One label per word."""
    return load().tag(words) if words else []


def known_as_verb(word: str) -> bool | None:
    """Whether simplemma's dictionary knows a verb with this form (True), knows the form but
    not as a verb's (False), or does not know it (None)."""
    lexicon = load().lexicon
    if lexicon is None:
        return None
    cls = lexicon(word.casefold())
    return None if not cls else "V" in cls.split()[-1]


def tag_text(text: str) -> list[Token]:
    """tokenize + tag."""
    tokens = tokenize(text)
    return [Token(w, s, e, t) for (w, s, e), t in zip(tokens, tag([w for w, _, _ in tokens]), strict=True)]
