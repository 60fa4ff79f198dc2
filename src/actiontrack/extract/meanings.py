"""What the closed classes of Swedish words mean to the extractor, read from one table.

data/meanings_sv.toml says, by lemma, which verbs report, state, defer or commit, which
nouns are bodies and roles, which words stand for the group; scripts/build_lexicon.py
writes every form of those lemmas into data/meanings_sv.json, which this module reads
once, on first use (a few milliseconds).

    verb_lemma("bordlades") == "bordlägga";  verb_class("tar", ["upp"]) == ("ta upp", "report")
    noun_class("socialförvaltningen") == "body";  word_class("vi") == "group"
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from functools import cache, lru_cache

VERB_CLASSES = (
    "report", "opinion", "state", "refer", "dispatch", "meet", "possess", "event", "possibility", "modal", "intent", "onward", "decided", "deferral", "later", "commit",
    "assigned", "assign", "decide", "doing",
)  # fmt: skip


@cache
def _table() -> dict[str, dict[str, str]]:
    # beside this module, as the wheel installs it (importlib.resources costs a command ~8 ms)
    with open(os.path.join(os.path.dirname(__file__), "data", "meanings_sv.json"), encoding="utf-8") as f:
        table: dict[str, dict[str, str]] = json.load(f)
    return table


@cache
def _particle_verbs() -> dict[str, list[tuple[str, ...]]]:
    """Each verb with the words its multi-word entries continue with, longest first."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for lemma in _table()["verb_class"]:
        words = lemma.split()
        if len(words) > 1:
            out.setdefault(words[0], []).append(tuple(words[1:]))
    for rest in out.values():
        rest.sort(key=len, reverse=True)
    return out


def verb_lemma(word: str) -> str | None:
    """The lemma of a form of a verb the table knows ("bokade" is not one: no meaning)."""
    return _table()["verb_forms"].get(word.casefold())


def verb_class(word: str, following: Sequence[str] = ()) -> tuple[str, str] | None:
    """(entry, class) of a verb form with the words after it: "tar" + ["upp", ...] is the report
    "ta upp"; "skickar" is no entry (None): a verb of doing."""
    lemma = verb_lemma(word)
    if lemma is None:
        return None
    classes = _table()["verb_class"]
    low = [w.casefold() for w in following]
    if word.casefold().endswith("s") and lemma + "s" in classes:  # "hålls (i Lund)" is the event "hållas"
        return lemma + "s", classes[lemma + "s"]
    # a reflexive, an adverb or a short object may stand between verb and particle ("åtog sig",
    # "tar själv upp", "ger Bo Ek i uppdrag"); the particle right after the verb goes first
    entries = _particle_verbs().get(lemma, ())
    for skip in range(4):
        for rest in entries:
            if skip < (4 if len(rest) > 1 else 2) and tuple(low[skip : skip + len(rest)]) == rest:
                entry = " ".join((lemma, *rest))
                return entry, classes[entry]
    cls = classes.get(lemma)
    return (lemma, cls) if cls else None


def noun_lemma(word: str) -> str | None:
    """The lemma of a noun the table knows, also as the last part of a compound."""
    forms = _table()["noun_forms"]
    low = word.casefold()
    if low in forms:
        return forms[low]
    for cut in range(2, len(low) - 3):  # "socialförvaltningen", "arbetsutskottet"
        if low[cut:] in forms:
            return forms[low[cut:]]
    return None


def noun_class(word: str) -> str | None:
    """ "body", "role" or "members" for a noun, None for any other (a thing)."""
    lemma = noun_lemma(word)
    return _table()["noun_class"].get(lemma) if lemma else None


@lru_cache(maxsize=64)  # minutes of one group share a title: the tables are read once for it
def bodies_in(title: str | None) -> frozenset[str]:
    """The bodies a meeting's title names, by lemma: "Brukarrådet psykiatri" -> {"råd"},
    "Protokoll styrelsemöte" -> {"styrelse"}. In its minutes "Rådet ska ..." is the group itself."""
    low = (title or "").casefold()
    classes = _table()["noun_class"]
    return frozenset(lemma for lemma, cls in classes.items() if cls == "body" and len(lemma) >= 3 and lemma in low)


@lru_cache(maxsize=64)
def forms_of_nouns(lemmas: frozenset[str]) -> frozenset[str]:
    """Every form of these noun lemmas ("styrelse" -> "styrelsen", "styrelsens", ...)."""
    return frozenset(form for form, lemma in _table()["noun_forms"].items() if lemma in lemmas)


def word_class(word: str) -> str | None:
    """The class of a closed-class word: "group", "person_pronouns", "expletive", "hedge", ..."""
    return _table()["word_class"].get(word.casefold())


def listed(section: str, kind: str) -> list[str]:
    """The phrases the table lists for a kind of heading or label: listed("labels", "due")."""
    return list(_table()[section][kind])


def words_of(cls: str) -> frozenset[str]:
    """Every word of one class of [words] ("hedge", "negation", ...)."""
    return _words_of(cls)


@cache
def _words_of(cls: str) -> frozenset[str]:
    return frozenset(w for w, c in _table()["word_class"].items() if c == cls)


__all__ = ["VERB_CLASSES", "bodies_in", "forms_of_nouns", "listed", "noun_class", "noun_lemma", "verb_class", "verb_lemma", "word_class", "words_of"]
