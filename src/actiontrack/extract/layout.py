"""What the layout of minutes says, beside the grammar: the kind of a heading or label, the
labelled lines that complete an item ("Ansvarig: Eva"), and an owner marked on a list line
("Boka lokal (Eva)", "Eva: boka lokal", "Fixa inbjudan @Eva", "- Eva").

The heading and label words are data (the [headings] and [labels] of
data/meanings_sv.toml); the marks are forms of layout, written as patterns here.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from actiontrack.extract.meanings import listed
from actiontrack.lazy_re import lazy

HEADING_KINDS = ("todo", "decisions", "deferred", "agenda", "misc", "views")


def _alternatives(section: str, kind: str) -> str:
    """The words of a table of meanings_sv.toml as a regex alternation, longest first, a space
    any run of spaces."""
    words = sorted(listed(section, kind), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


@cache
def _opening(kind: str, section: str = "headings") -> re.Pattern[str]:
    return re.compile(r"^(?:" + _alternatives(section, kind) + r")(?![\wåäö])", re.I)


@lru_cache(maxsize=4096)
def heading_kind(text: str) -> str:
    """ "todo", "decisions", "deferred", "agenda", "misc", "views" or "" for a heading or label;
    a one-word label written with one letter wrong ("Beslit:", "Åtgärer") is the label it misses.
    (Kept per text: each sentence asks it of its section's heading and label.)"""
    text = text.strip().rstrip(":").strip()
    if not text:
        return ""
    for kind in HEADING_KINDS:
        if _opening(kind).match(text):
            return kind
    return _misspelt_kind(text)


def _misspelt_kind(text: str) -> str:
    """The kind of the one-word heading that `text` is one slip away from (a letter wrong, missing,
    added or two swapped), when `text` is no word of its own (the dictionary does not know it)."""
    word = text.casefold()
    if len(word) < 5 or not word.isalpha():
        return ""
    by_length = _one_words()
    # one slip in a word of five letters or more leaves its first two letters or its last two
    near = {
        kind
        for n in (-1, 0, 1)
        for kind, w in by_length.get(len(word) + n, ())
        if (w[:2] == word[:2] or w[-2:] == word[-2:]) and _one_slip(word, w)
    }
    if len(near) != 1:
        return ""
    from actiontrack.extract.tagger import load

    lexicon = load().lexicon
    return near.pop() if lexicon is not None and not lexicon(word) else ""


@cache
def _one_words() -> dict[int, list[tuple[str, str]]]:
    """The one-word headings of every kind by their length: a word is compared only with those
    one letter longer or shorter or as long (heading_kind asks for every heading it reads)."""
    out: dict[int, list[tuple[str, str]]] = {}
    for kind in HEADING_KINDS:
        for w in listed("headings", kind):
            if w.isalpha() and len(w) >= 5:
                out.setdefault(len(w), []).append((kind, w))
    return out


def _one_slip(a: str, b: str) -> bool:
    """Whether a and b differ by one letter changed, added or dropped, or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        return len(diff) == 1 or (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = next((i for i, (x, y) in enumerate(zip(short, long, strict=False)) if x != y), len(short))
    return short[i:] == long[i + 1 :]


@cache
def _label_line(kind: str) -> re.Pattern[str]:
    return re.compile(r"^(?:" + _alternatives("labels", kind) + r")\s*:\s*(?P<value>.+?)\.?$", re.IGNORECASE)


@cache
def _due_after() -> re.Pattern[str]:
    return re.compile(r"\s*[,;]\s*(?:" + _alternatives("labels", "due") + r")\s*:\s*(?P<due>.+?)\.?$", re.IGNORECASE)


def split_due(value: str) -> tuple[str, str | None]:
    """An owner's value and the deadline written after it on the same line: "Anna, klart: 15
    oktober" -> ("Anna", "15 oktober")."""
    m = _due_after().search(value)
    return (value[: m.start()].strip(), m.group("due").strip()) if m else (value, None)


# "Senast 1 mars.", "Deadline fredag v. 12": a deadline alone, after its item, with no colon
_DUE_ALONE = lazy(r"^(?:klart\s+)?(?:senast|deadline)\s+(?P<value>\S+(?:\s+\S+){0,3}?)\.?$", re.IGNORECASE)


def labelled(text: str) -> tuple[str, str] | None:
    """("responsible" | "due" | "action", value) for a labelled line: "Ansvarig: Eva" -> ("responsible", "Eva")."""
    if ":" not in text[:30]:
        alone = _DUE_ALONE.match(text)
        return ("due", alone.group("value").rstrip(".")) if alone else None
    for kind in ("responsible", "due", "action"):
        m = _label_line(kind).match(text)
        if m:
            return kind, m.group("value").strip()
    return None


# The owner marked at the end of a list line: "Boka lokal (Eva)", "Boka lokal – Eva",
# "Boka lokal: Eva", "Boka lokal. Ansvarig: Eva".
END_MARK = lazy(
    r"(?:\((?P<paren>[A-ZÅÄÖa-zåäö][^()]{0,60})\)\)?"
    r"|\s[-–]\s*\(?(?P<dash>(?-i:[A-ZÅÄÖ][\wåäö]+(?:(?:\s+|,\s*|\s+och\s+|\s*&\s*)[A-ZÅÄÖ][\wåäö]+)*))\)?"
    r"|:\s*(?P<colon>(?-i:[A-ZÅÄÖ][\wåäö]+(?:(?:\s*,\s*|\s+och\s+|\s*&\s*|\s*/\s*)[A-ZÅÄÖ][\wåäö]+)*))"
    r"|ansvarig(?:a)?\s*:\s*(?P<resp>[^.;]+))\s*[.!]?\s*$",
    re.IGNORECASE,
)
TAG_MARK = lazy(r"(?<![\w.])@(?P<tag>[A-ZÅÄÖa-zåäö][\wåäö-]+)")
SHOUT_MARK = lazy(r"(?<![\w])(?P<shout>[A-ZÅÄÖ]{3,})!+\s*$")  # "Protokollen ska upp - ERIK!"
# "Hanna: fortsätta med ...", "Anna B: ringa hyresvärden"
LEAD_MARK = lazy(
    r"^(?P<lead>[A-ZÅÄÖ][\wåäöé-]+(?:\s+[A-ZÅÄÖ][\wåäöé-]*\.?)?(?:\s*(?:&|och|/)\s*[A-ZÅÄÖ][\wåäöé-]+)*)\s*:\s+(?P<rest>\S.*)$"
)


def tagged_owner(line: str, names: frozenset[str]) -> str | None:
    """An owner tagged anywhere in a line: "@Victor", or a known name shouted at its end ("ERIK!")."""
    # (each pattern is tried only on a line with its mark: a search reads the whole line)
    tag = TAG_MARK.search(line) if "@" in line else None
    if tag:
        return tag.group("tag")
    shout = SHOUT_MARK.search(line) if "!" in line else None
    if shout and shout.group("shout").casefold() in names:
        return shout.group("shout").capitalize()
    return None


def marked_owner(line: str, names: frozenset[str]) -> str | None:
    """The owner a list line marks: "@Victor", "Anna: ...", "(Josef)", "- Eva", ": Max", "Ansvarig: Eva"."""
    tag = tagged_owner(line, names)
    if tag:
        return tag
    lead = LEAD_MARK.match(line) if ":" in line else None
    if lead and names_people(lead.group("lead"), names):
        return lead.group("lead")
    return owner_at_end(line, names)


# A line marked done: "[x] Boka lokal", "~~Boka lokal~~", "Boka lokal (klart)", "Boka lokal ✓";
# and the empty box of one still to do, which is no part of its text: "[ ] Boka lokal"
_DONE = lazy(
    r"^(?:\[[xX✓✔]\]|[☑☒✅])\s|^~~.+~~[\s.]*(?:[(\[](?:klart|klar|gjort)[)\]])?[\s.]*$"
    r"|[(\[]\s*(?:klart|klar|gjort|avklarat|avklarad|utfört|utförd|done)\s*[)\]][\s.!]*$"
    r"|\s[-–]\s*(?:klart|avklarat|gjort)[\s.!]*$|[✓✔✅☑]\s*$",
    re.IGNORECASE,
)
_OPEN_BOX = lazy(r"^(?:\[\s?\]|☐)\s+")
_DONE_MARKS = "[(~-–✓✔✅☑☒"  # one of which every match of _DONE holds


def marked_done(text: str) -> bool:
    return any(map(text.__contains__, _DONE_MARKS)) and _DONE.search(text.strip()) is not None


def without_open_box(text: str) -> str:
    return _OPEN_BOX.sub("", text.lstrip(), count=1)


_RESPONSIBLE_LABEL = lazy(r"^(?:ansvarig[a]?|ansv\.)\s*:\s*", re.IGNORECASE)


def owner_at_end(line: str, names: frozenset[str]) -> str | None:
    """The owner written at the end of a line: "(Josef)", "- Eva", ": Max", "Ansvarig: Eva"."""
    m = END_MARK.search(line) if "(" in line or ":" in line or "-" in line or "–" in line else None
    if not m:
        return None
    who = (m.group("paren") or m.group("dash") or m.group("colon") or m.group("resp") or "").strip()
    who = _RESPONSIBLE_LABEL.sub("", who)  # "(ansvariga: Karl och Omar)"
    if m.group("paren") is not None or m.group("colon") is not None:
        return who if names_people(who, names) else None
    return who or None


def lead_rest(line: str, names: frozenset[str]) -> tuple[str, str] | None:
    """ "Anna: boka lokal" -> ("Anna", "boka lokal") when the lead names people."""
    lead = LEAD_MARK.match(line) if ":" in line else None
    if lead and names_people(lead.group("lead"), names):
        return lead.group("lead"), lead.group("rest")
    return None


_DASH_POINT = lazy(r"^[-–•]\s+(?=\S)")  # "- Bokar bussen": a list point run into a paragraph


def run_on_point(sentence: str) -> tuple[str | None, str] | None:
    """A list point run into a paragraph, as where a PDF's lines were joined: "Eva: - Ringer
    kommunen." -> ("Eva", "Ringer kommunen."), the lead naming whose points follow (LEAD_MARK);
    "- Bokar bussen." -> (None, "Bokar bussen."); None for a sentence that is no list point."""
    dash = _DASH_POINT.match(sentence)
    if dash:
        return None, sentence[dash.end() :]
    lead = LEAD_MARK.match(sentence) if ":" in sentence else None
    point = _DASH_POINT.match(lead.group("rest")) if lead else None
    if lead is None or point is None:
        return None
    return lead.group("lead"), lead.group("rest")[point.end() :]


def names_people(text: str, names: frozenset[str]) -> bool:
    """ "Josef", "Victor & Hanna", "alla", "Anna B": names (or the group), not "(senast torsdag)"."""
    from actiontrack.extract.meanings import word_class
    from actiontrack.people import looks_like_first_name

    parts = [p for p in re.split(r"\s*,\s*|\s+och\s+|\s*[&/+]\s*", text.strip()) if p]
    if not parts or len(parts) > 6:
        return False
    for part in parts:
        low = part.casefold()
        first = part.split()[0]
        if word_class(low) in ("group", "quantifier") or low in names or first.casefold() in names:
            continue
        if looks_like_first_name(first) and len(part.split()) <= 2:
            continue
        return False
    return True


_DECIDED_BY = lazy(r"^(?:[A-ZÅÄÖ][\wåäö]+\s+)?(?:beslutade|beslutar|beslöt)\s*:\s*(.+)$", re.IGNORECASE)
_LEAD_COLON = lazy(r"^([^\W\d_][^:]{0,40}?)\s*:\s+(.+)$")  # not the colon of "UK:s"


def strip_decision_label(text: str) -> tuple[str, bool]:
    """ "Beslut: att ...", "Beslut om budget: ...", "Styrelsen beslutade: Lars ordnar ...", the
    label written with a slip ("Beslit: att ..."): what was decided."""
    if ":" not in text:  # both labels end in one
        return text, False
    m = _DECIDED_BY.match(text)
    if m:
        return m.group(1), True
    m = _LEAD_COLON.match(text)
    if m and len(m.group(1).split()) <= 3 and heading_kind(m.group(1)) == "decisions":
        return m.group(2), True
    return text, False


_TO_WHOM = lazy(r"\btill\s+(?P<who>[A-ZÅÄÖ][\wåäö-]+(?:(?:\s+|\s*,\s*|\s+och\s+)[A-ZÅÄÖ][\wåäö-]+)*)\s*$")


def strip_todo_label(text: str) -> tuple[str, str | None]:
    """ "Att göra till nästa gång: Anna kollar ...": what is to be done, the label gone (it is no
    task of its own), and whom the label gives it to ("Uppdrag till Omar: ta fram en affisch")."""
    m = _LEAD_COLON.match(text) if ":" in text else None
    if not m or len(m.group(1).split()) > 6 or heading_kind(m.group(1)) != "todo":
        return text, None
    who = _TO_WHOM.search(m.group(1))
    return m.group(2), who.group("who") if who else None


def lines_of_points(lines: list[tuple[int, str]]) -> bool:
    """Lines that are points without bullets ("Boka lokal – Eva" / "Skicka inbjudan – Karl"), not a
    paragraph wrapped: each short, opening with a capital, ending with no punctuation and holding
    no field ("Närvarande: ...")."""
    return len(lines) > 1 and all(
        text[:1].isupper() and text[-1:] not in ".!?:,;" and ":" not in text and len(text.split()) <= 12
        for _, text in lines
    )


__all__ = [
    "heading_kind",
    "labelled",
    "lead_rest",
    "lines_of_points",
    "marked_owner",
    "names_people",
    "owner_at_end",
    "run_on_point",
    "strip_decision_label",
    "strip_todo_label",
    "tagged_owner",
]
