"""How a person is written, and the mentions of them in a text (`track person export` and
`person forget`, usecases/personal_data.py): the rules are in that module's docstring."""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

from actiontrack.i18n import N_, _
from actiontrack.models import Person
from actiontrack.records import field, record

# What a forgotten person becomes, as owner and in every stored text, and an e-mail address or
# phone number of theirs: in the interface language of `person forget` ("borttagen person")
REMOVED = N_("removed person")
REMOVED_CONTACT = N_("removed contact")

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<![\w+])(?:\+46[ -]?(?:\(0\)[ -]?)?|0)\d{1,3}(?:[ -]?\d){5,9}(?!\w)")
CONTACT_WINDOW = 80  # characters after a mention in which an address or number is theirs


# Names that are also Swedish words: at the start of a sentence they are read as the word.
_WORD_NAMES = """
per bo sten stig dag liv maj lo ask björn karl klara inga vilja sol ben love vide lilja linnea malva juni
mark max iris siv tor rut ros berg lund holm ström strand björk lind ek alm gran hed nord sjö sand falk
örn svan fors kvist bäck frisk stark lång rask ljung hage dal
"""
WORD_NAMES = frozenset(_WORD_NAMES.split())


@record(frozen=True)
class Scope:
    """Where a text sits, which decides how much of a name counts as a mention."""

    first_name: bool  # the first name alone means them here
    initial: bool  # a name at the start of a sentence means them here
    initials: bool = False  # "KÖ" means them here


OWN = Scope(first_name=True, initial=True, initials=True)  # their own items, a secretary field
NEARBY = Scope(first_name=True, initial=False, initials=True)  # the meetings they attended
ELSEWHERE = Scope(first_name=False, initial=False)


def _fold(text: str) -> str:
    """Lower case without diacritics, as names are written in addresses and file names."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _capitalised(word: str) -> set[str]:
    title = "-".join(part[:1].upper() + part[1:] for part in word.split("-"))
    return {title, word.upper()}


def _alternatives(words: set[str]) -> str:
    return "|".join(sorted((re.escape(w) for w in words if w), key=len, reverse=True))


def _sentence_initial(text: str, start: int) -> bool:
    """A word that starts the text, a sentence or a list line: "Per månad ..." is no name there."""
    before = text[:start].rstrip(" \t\"'“”«»(")
    return not before or before[-1] in ".!?" or bool(re.search(r"(?:^|\n)\s*(?:[-–•*]|\d+[.)])?$", before))


def _words(names: set[str], flags: int = 0) -> re.Pattern[str] | None:
    alternatives = _alternatives(names)
    if not alternatives:
        return None
    return re.compile(r"(?<![\w@.])(?:" + alternatives + r")(?:s)?(?![\w@])", flags)


@record
class Names:
    """How one person is written, measured against everybody else known."""

    person: Person
    full: re.Pattern[str] | None  # full name and aliases of more than one word, in any case
    surname: re.Pattern[str] | None  # written as a name, when nobody else known shares it
    first: re.Pattern[str] | None  # first name, nicknames and one-word aliases, likewise
    initials: re.Pattern[str] | None  # "Ansvarig: KÖ", in their own items, when nobody else has them
    first_token: str  # folded, as in an e-mail address; "" when others share it
    surname_token: str
    left_ambiguous: list[str] = field(default_factory=list)  # names left as written: others share them

    @classmethod
    def of(cls, person: Person, others: list[Person]) -> Names:
        from actiontrack.names_sv import first_name_forms
        from actiontrack.people import initials as _initials

        person = _composed(person)
        others = [_composed(o) for o in others]
        parts = person.name.split()
        first = parts[0] if parts else ""
        surname = parts[-1] if len(parts) > 1 else ""
        spelled = [person.name, *person.aliases]
        long_names = {n for n in spelled if len(n.split()) > 1 or "@" in n}
        short = {s.casefold() for s in spelled if len(s.split()) == 1 and "@" not in s}
        short |= first_name_forms(first) if first else set()
        theirs: set[str] = set()  # every one-word name another person goes by
        for other in others:
            words = other.name.split()
            if words:
                theirs |= first_name_forms(words[0]) | {words[-1].casefold()}
            theirs |= {a.casefold() for a in other.aliases if len(a.split()) == 1}
        mine = _initials(person.name) if len(parts) > 1 else ""
        if not 2 <= len(mine) <= 3 or mine in {_initials(o.name) for o in others}:
            mine = ""
        left: list[str] = []
        if short & theirs:
            left.append(first)
            short = set()
        if surname and surname.casefold() in theirs:
            left.append(surname)
            surname = ""
        return cls(
            person,
            full=_words(long_names, re.IGNORECASE),
            surname=_words(_capitalised(surname)) if surname else None,
            first=_words({c for f in short for c in _capitalised(f)}),
            initials=re.compile(rf"(?<!\w){re.escape(mine)}(?!\w)") if mine else None,
            first_token=_fold(first) if short else "",
            surname_token=_fold(surname),
            left_ambiguous=left,
        )

    def _own_address(self, address: str) -> bool:
        local = _fold(address.split("@", 1)[0])
        pieces = {p for p in re.split(r"[._+-]", local) if p}
        folded = [_fold(p) for p in self.person.name.split()]
        if len(folded) > 1 and (local == "".join(folded) or local == folded[0][:1] + folded[-1]):
            return True
        if len(folded) > 1 and {folded[0], folded[-1]} <= pieces:
            return True
        return bool(self.surname_token and self.surname_token in pieces) or (
            bool(self.first_token) and pieces == {self.first_token}
        )

    def mentions(self, text: str, scope: Scope) -> list[tuple[int, int, str]]:
        """The spans of `text` that name them or are their contact details, with what replaces each."""
        spans: list[tuple[int, int, str]] = []

        def free(start: int, end: int) -> bool:
            return all(end <= s or start >= e for s, e, _ in spans)

        for m in EMAIL.finditer(text):
            if (self.full and self.full.search(m.group())) or self._own_address(m.group()):
                spans.append((m.start(), m.end(), _(REMOVED_CONTACT)))
        names = [m.span() for m in self.full.finditer(text)] if self.full else []
        for pattern in (
            self.surname,
            self.first if scope.first_name else None,
            self.initials if scope.initials else None,
        ):
            if pattern is None:
                continue
            for m in pattern.finditer(text):
                word = m.group().casefold()
                is_word = word in WORD_NAMES or word.removesuffix("s") in WORD_NAMES
                if scope.initial or not is_word or not _sentence_initial(text, m.start()):
                    names.append(m.span())
        for start, end in sorted(names, key=lambda span: (span[0], -span[1])):  # longest first
            if not free(start, end):
                continue
            spans.append((start, end, _(REMOVED)))
            window = text[end : end + CONTACT_WINDOW].split("\n", 1)[0]
            for contact in (*EMAIL.finditer(window), *PHONE.finditer(window)):
                s, e = end + contact.start(), end + contact.end()
                if free(s, e):
                    spans.append((s, e, _(REMOVED_CONTACT)))
        return sorted(spans)

    def scrub(self, text: str | None, scope: Scope) -> str | None:
        if not text:
            return text
        if not unicodedata.is_normalized("NFC", text):  # stored before names were composed
            composed = unicodedata.normalize("NFC", text)
            return self.scrub(composed, scope) if self.mentions(composed, scope) else text
        out = text
        for start, end, replacement in reversed(self.mentions(text, scope)):
            out = out[:start] + replacement + out[end:]
        return out

    def scrub_path(self, path: str | None, *, attended: bool) -> str | None:
        """A file name is written in any case and often without å, ä, ö: 'oberg_kerstin.docx'."""
        if not path:
            return path
        out = self.scrub(path, OWN if attended else ELSEWHERE) or ""
        tokens = {self.surname_token, self.first_token if attended else ""} - {""}
        if tokens:
            pattern = re.compile(r"(?<![^\W_\d])(?:" + _alternatives(tokens) + r")(?![^\W_\d])")
            for m in reversed(list(pattern.finditer(_fold_keep_length(out)))):
                out = out[: m.start()] + _(REMOVED) + out[m.end() :]
        return out

    def scrub_json(self, detail: str, scope: Scope) -> str:
        """A history entry's detail: a JSON object whose strings are scrubbed one by one."""
        try:
            data = json.loads(detail)
        except ValueError:
            return self.scrub(detail, scope) or ""

        def walk(value: Any, key: str = "") -> Any:
            if isinstance(value, str):
                if key in _PATH_KEYS:  # the file an item was imported from: "protokoll_oberg.txt"
                    return self.scrub_path(value, attended=scope.first_name)
                return self.scrub(value, scope)
            if isinstance(value, list):
                return [walk(v, key) for v in value]
            if isinstance(value, dict):
                return {k: walk(v, k) for k, v in value.items()}
            return value

        return json.dumps(walk(data), ensure_ascii=False, default=str)


_PATH_KEYS = frozenset({"imported_from", "updated_from"})  # history details that hold a file's path


def _composed(person: Person) -> Person:
    """The person's names in Unicode's composed form (NFC), as texts are compared."""
    from actiontrack.records import replace

    def nfc(name: str) -> str:
        return unicodedata.normalize("NFC", name)

    return replace(person, name=nfc(person.name), aliases=tuple(nfc(a) for a in person.aliases))


def _fold_keep_length(text: str) -> str:
    """Each character folded to one character (Ö -> o), so that spans stay where they were."""
    return "".join((_fold(ch) or ch)[0] for ch in text)
