"""People in a list written without separators between them.

PDF text and hurried typing drop the commas of an attendee list: "Anna Berg, ordförande Bo Ek
Cia Lind Dan Nord per telefon Eva Ström", "KS Anne-Marie Ek, SOC Bo Lind", "Anna Berg (ers Bo
Ek) Cia Lind". `scan_people` reads such a run as the names it most likely holds: it cuts every
run of capitalised words into names by weighing each cut (a known first name opens a name, a
word with a surname's ending closes it, a name has two words, seldom three), and gives what
stands between two names (a role, an organisation code, "(ers X)", "deltog inte") to the name
before it. The list ends where the text turns into something else: a number (the next point of
the minutes), a full stop not followed by a name, or a long stretch of lower-case words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from actiontrack.people import looks_like_first_name
from actiontrack.records import record

# Endings of Swedish (and Nordic) surnames: "Lindström", "Bergqvist", "Andersson", "Lövnord".
SURNAME_ENDINGS = (
    "son", "sen", "sson", "berg", "bergh", "ström", "strom", "lund", "lind", "gren", "qvist", "quist", "kvist",
    "dahl", "dal", "holm", "man", "mann", "ell", "én", "én", "ander", "ing", "by", "stad", "stedt", "sten",
    "stam", "fors", "bäck", "back", "mark", "vik", "ek", "blom", "gård", "rud", "torp", "hed", "åker", "borg",
    "crantz", "kranz", "dotter", "sköld", "hammar", "nér", "ius", "lin", "löf", "löv", "wall", "vall", "åsen",
    "näs", "nord", "sjö", "ros", "ryd", "rydh", "rén", "stål", "grund", "hag", "malm", "sund", "strand",
    "ert", "eus", "ås", "ehn", "qvist", "din", "nder", "ler", "ner", "ter", "feldt", "felt", "skog", "hall",
    "gard", "ahl", "ell", "ius", "elius", "åhs", "näs", "mo", "ot", "ow", "ek", "ling",
)  # fmt: skip
# Words that stand capitalised at the start of a sentence, never in a name.
NOT_NAMES = {
    "mötet", "möte", "mötets", "ordförande", "ordföranden", "sekreterare", "sekreteraren", "protokollet",
    "protokoll", "styrelsen", "föreningen", "föreningens", "dagordningen", "beslut", "beslutades", "punkt",
    "övriga", "övrig", "frånvarande", "närvarande", "anmält", "förhinder", "vid", "val", "till", "från", "för",
    "med", "och", "samt", "alla", "inga", "ingen", "den", "det", "de", "vi", "han", "hon", "nästa", "justerare",
    "justerande", "kassören", "kassör", "paragrafer", "underskrifter", "plats", "tid", "datum", "ledamöter",
    "ersättare", "adjungerade", "inbjuden", "gäster", "sammanträdet", "kallade", "upprop", "bilaga",
}  # fmt: skip
PARTICLES = {"von", "van", "af", "de", "la", "del", "der", "da", "di", "el", "bin", "al", "du", "le"}
ABSENT_WORDS = re.compile(
    r"(?i)\b(?:deltog\s+(?:inte|ej)|ej\s+närvarande|inte\s+närvarande|frånvarande|anmält\s+förhinder|"
    r"förhinder|återbud|ej\s+med|inte\s+på\s+plats)\b"
)
SECRETARY_WORDS = re.compile(
    r"(?i)^(?:protokoll|protokollförare|sekreterare|sekr\.?|anteckningar|antecknade|antecknar|vid\s+pennan|"
    r"mötessekreterare|för\s+anteckningarna)$"
)
STAND_IN_WORDS = re.compile(r"(?i)^(?:ers\.?|ersättare\s+för|ersätter|för|i\s+stället\s+för)\s+(?P<who>.+)$")
_TOKEN = re.compile(
    r"\((?P<paren>[^()]*)\)"
    r"|(?P<initial>[A-ZÅÄÖ]\.)(?=\s)"
    r"|(?P<cap>[A-ZÅÄÖÉÜØ][\wåäöéüøè'’]*(?:-[\wåäöéüøÅÄÖÉ][\wåäöéüøè'’]*)*)"
    r"|(?P<low>[a-zåäöéü][\wåäöéü'’./-]*)"
    r"|(?P<num>\d[\w.:/-]*)"
    r"|(?P<punct>[,;:.–—&/§-])"
)


@record
class Scanned:
    """A person in the list: the name, and what the list says beside it."""

    name: str
    details: list[str]  # the words between this name and the next, as written
    absent: bool = False
    stand_ins: tuple[str, ...] = ()  # the names of "(ers Bo Ek)": those this person stood in for
    secretary: bool = False
    organisation: str | None = None


@lru_cache(maxsize=4096)
def is_first_name(word: str) -> bool:
    parts = word.split("-")
    return looks_like_first_name(word) or (len(parts) > 1 and all(looks_like_first_name(p) for p in parts if p))


@lru_cache(maxsize=4096)
def is_surname_like(word: str) -> bool:
    w = word.casefold()
    return len(w) >= 3 and w.endswith(SURNAME_ENDINGS) and not is_first_name(word)


def is_code(word: str) -> bool:
    """An organisation's or party's short form: "KS", "DHR", "MoB", "(S)"."""
    upper = sum(1 for ch in word if ch.isupper())
    return (word.isupper() and len(word) >= 2) or (len(word) <= 4 and upper >= 2)


def _first_score(word: str) -> float:
    if is_first_name(word):
        return 2.0
    return -2.0 if is_surname_like(word) else -0.5


def _last_score(word: str) -> float:
    if len(word) == 1:
        return -1.5  # "Irene Q": an initial stands inside a name, not at its end
    if is_surname_like(word):
        return 1.5
    return -0.5 if is_first_name(word) else 0.3


def _name_score(words: list[str]) -> float:
    if len(words) == 1:
        return 0.5 if is_first_name(words[0]) else -3.0
    score = 0.5 + _first_score(words[0]) + _last_score(words[-1])
    for w in words[1:-1]:  # "Ann Christin Jonell", "Marie Elf Elgstrand"
        score += 0.5 if is_first_name(w) else 0.0
    return score - {2: 0.0, 3: 1.2}.get(len(words), 3.0)


def split_run(words: list[str]) -> list[tuple[str, ...] | str]:
    """A run of capitalised words cut into names (tuples); a word left out is a str (an
    organisation or a place between two names: "Lerum Eva Borg")."""
    n = len(words)
    if n == 1:
        return [tuple(words)] if is_first_name(words[0]) else [words[0]]
    empty: list[tuple[str, ...] | str] = []
    best: list[tuple[float, list[tuple[str, ...] | str]]] = [(0.0, empty)] + [(-1e9, empty)] * n
    for i in range(n):
        score, parts = best[i]
        if score <= -1e9:
            continue
        skip = score + (-3.0 if is_first_name(words[i]) else -2.0 if is_surname_like(words[i]) else -1.0)
        if skip > best[i + 1][0]:
            best[i + 1] = (skip, [*parts, words[i]])
        for size in (2, 3, 4):
            if i + size <= n:
                s = score + _name_score(words[i : i + size]) + 1.0
                if s > best[i + size][0]:
                    best[i + size] = (s, [*parts, tuple(words[i : i + size])])
        if n > 1 and is_first_name(words[i]):  # a first name alone among full names: rare
            s = score + _name_score([words[i]]) - 1.5
            if s > best[i + 1][0]:
                best[i + 1] = (s, [*parts, (words[i],)])
    return best[n][1]


def scan_people(text: str) -> list[Scanned]:
    """The people of a list whose separators may be missing, in the order written."""
    tokens = [(m.lastgroup or "", m.group(m.lastgroup or 0), m.group("paren")) for m in _TOKEN.finditer(text)]
    out: list[Scanned] = []
    i = 0
    lower_run = 0
    while i < len(tokens):
        kind, tok, paren = tokens[i]
        if kind == "cap" and tok.casefold() not in NOT_NAMES and not is_code(tok):
            run: list[str] = []
            held = ""  # "von", "Q.": goes with the word after it
            while i < len(tokens):
                kind, tok, _ = tokens[i]
                if kind == "cap" and tok.casefold() not in NOT_NAMES and not is_code(tok):
                    run.append(held + tok)
                    held = ""
                elif kind in ("low", "initial") and (tok in PARTICLES or kind == "initial") and run and (
                    i + 1 < len(tokens) and tokens[i + 1][0] == "cap"
                ):
                    held = f"{tok} "  # "Hans von Matérn", "Irene Q. Bagge"
                else:
                    break
                i += 1
            for part in split_run(run):
                if isinstance(part, tuple):
                    out.append(Scanned(" ".join(part), []))
                elif out:
                    out[-1].details.append(part)
            lower_run = 0
            continue
        if kind == "num" and not paren and not _reference(tokens, i):
            break  # "... Eva Ström 1. Mötets öppnande": the next point
        if kind == "cap" and out and tok.casefold() in NOT_NAMES and i + 1 < len(tokens) and tokens[i + 1][0] == "low":
            break  # "... Eva Ström Val av justerare": the next point
        if kind == "punct" and tok == "." and not _name_follows(tokens, i + 1):
            break
        if kind == "low":
            lower_run += 1
            if lower_run > 10:
                if out:
                    out[-1].details = out[-1].details[:-10]
                break
        if out:
            out[-1].details.append(paren if kind == "paren" else tok)
            if kind == "paren":
                out[-1].details[-1] = f"({paren})"
        i += 1
    for person in out:
        _read_details(person)
    return out


def _reference(tokens: list[tuple[str, str, str | None]], i: int) -> bool:
    """A number that refers to a point ("del av § 159", "punkt 4", "kl 13"), not one that opens it."""
    before = tokens[i - 1][1].casefold() if i else ""
    return before in ("§", "punkt", "pkt", "p", "kl", "kl.", "paragraf", "till", "och", "-", "–", ",")


def _name_follows(tokens: list[tuple[str, str, str | None]], i: int) -> bool:
    words: list[str] = []
    while i < len(tokens) and tokens[i][0] == "cap" and len(words) < 4:
        words.append(tokens[i][1])
        i += 1
    if len(words) < 2 or words[0].casefold() in NOT_NAMES:
        return False
    return any(isinstance(p, tuple) and len(p) >= 2 for p in split_run(words[:2]))


def _read_details(person: Scanned) -> None:
    details = " ".join(person.details)
    if ABSENT_WORDS.search(details):
        person.absent = True
    for n, d in enumerate(person.details):
        inner = d[1:-1].strip() if d.startswith("(") else ""
        if inner and (m := STAND_IN_WORDS.match(inner)):
            person.stand_ins = tuple(s.name for s in scan_people(m.group("who")))
        elif inner and SECRETARY_WORDS.match(inner):
            person.secretary = True
        elif inner and (is_code(inner) or re.fullmatch(r"[A-ZÅÄÖ]", inner)) and person.organisation is None:
            person.organisation = inner  # "(S)", "(MP)"
        elif not inner and is_code(d) and person.organisation is None and n <= 1:
            person.organisation = d  # "KS", "DHR" right after the name
