"""Who the subject of a cue is, resolved within the document.

First names and nicknames resolve against the attendee list ("Bosse" -> Bo
Pettersson), "Han"/"Hon" to the person just named, "Vi"/"Gruppen" to the group
(no owner), and anything else that acts is an organisation, as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import islice

from actiontrack.extract.meanings import noun_class, noun_lemma, word_class
from actiontrack.lazy_re import lazy
from actiontrack.models import Owner, OwnerKind, Person
from actiontrack.names_sv import first_name_forms
from actiontrack.people import Match, Roster, initials, looks_like_first_name

_DEFINITE = lazy(r"(?:en|na|et|erna|arna|orna|ningen|ingen|heten)$")
_NAME_WORD = lazy(r"[A-ZÅÄÖÉÜ](?:[a-zåäöéüA-ZÅÄÖ'’-]+|\.)?")


def _role_key(text: str) -> str:
    """person_entry.role_key, imported when there are roles: `track add` (no meeting, so no roles)
    does without the attendance parser."""
    from actiontrack.extract.person_entry import role_key

    return role_key(text)
class DocumentRoster(Roster):
    """The people of one document, looked up through an index of their names.

    Roster.candidates compares a name with every person, and a long document has both more
    names to look up and more attendees (every "Närvarande:" of minutes pasted together):
    that grew as the square of its length. The index only narrows the people to
    those a name could match; Roster's rules, on those, decide as before (same order, same
    tiers). The document's people do not change while it is read, so answers are kept.
    """

    def __init__(self, people: Iterable[Person]) -> None:
        super().__init__(people)
        self._by: dict[tuple[str, str], list[int]] = {}
        for i, person in enumerate(self.people):
            parts = _key(person.name).split()
            keys = [("full", " ".join(parts)), ("initials", initials(person.name))]
            keys += [("alias", _key(a)) for a in person.aliases]
            if parts:
                keys.append(("first", parts[0]))
            if len(parts) > 1:
                keys.append(("last", parts[-1]))
            for k in dict.fromkeys(keys):
                self._by.setdefault(k, []).append(i)
        self._answers: dict[str, list[Match]] = {}

    def candidates(self, name: str) -> list[Match]:
        if name not in self._answers:
            found = self._possible(name)
            self._answers[name] = Roster([self.people[i] for i in sorted(found)]).candidates(name) if found else []
        return self._answers[name]

    def _possible(self, name: str) -> set[int]:
        """Everybody whose name, alias, first name, surname or initials Roster.candidates could match."""
        key = _key(name)
        if not key:
            return set()
        found = {*self._by.get(("full", key), ()), *self._by.get(("alias", key), ())}
        found.update(self._by.get(("initials", name), ()))
        words = key.split()
        firsts = set(first_name_forms(key)) | {key} if len(words) == 1 else set()
        initial = key.replace(".", " ").split()
        if len(initial) == 2 and len(initial[1]) == 1:  # "Anna B."
            firsts |= first_name_forms(initial[0])
        for first in firsts:
            found.update(self._by.get(("first", first), ()))
        if words:
            found.update(self._by.get(("last", words[-1]), ()))
        return found


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()  # as people.py compares names


class OwnerResolver:
    """Resolves subjects sentence by sentence, remembering who was named last."""

    def __init__(
        self,
        roster: Roster,
        secretary: str | None = None,
        roles: dict[str, str] | None = None,
        body: set[str] | None = None,
    ) -> None:
        self.roster = roster
        self.body = body or set()  # "styrelsen" in a board's minutes: the group itself
        self.secretary = secretary
        self.roles = roles or {}  # role_key -> name: "Kassören ska ..." is the treasurer's
        self.last_person: Owner | None = None
        self.last_owners: tuple[Owner, ...] = ()
        self._people: dict[str, Owner | None] = {}  # person() of each phrase asked about

    def resolve(self, subject: str | None) -> tuple[Owner, ...] | None:
        """Owners of a subject; () for the group; None when the subject is no agent."""
        if subject is None:
            return ()
        owners: list[Owner] = []
        for part in re.split(r"\s*,\s*|\s+och\s+|\s+samt\s+|\s*[&/+]\s*", subject.strip()):
            part = re.sub(r"\(.*?\)", "", part).strip()
            if not part:
                continue
            low = part.casefold()
            cls = word_class(low)
            if cls in ("group", "quantifier") or low in self.body:
                continue
            if cls == "secretary" or noun_lemma(low) in _SECRETARY_NOUNS:
                if self.secretary:
                    owners.append(self.person(self.secretary) or Owner(self.secretary, OwnerKind.PERSON))
                continue
            if cls == "person_pronouns":
                if self.last_person:
                    owners.append(self.last_person)
                continue
            if cls == "plural_pronouns":
                owners.extend(o for o in self.last_owners if o not in owners)
                continue
            if cls == "expletive":
                return None if not owners else tuple(owners)
            holder = self.roles.get(_role_key(part)) if self.roles else None
            if holder:
                owners.append(self.person(holder) or Owner(holder, OwnerKind.PERSON))
                continue
            if _is_thing(part) and self.person(part) is None:
                continue  # "Inbjudan ska gå ut": a task with no owner
            owner = self.name_or_organisation(part)
            if owner is not None and owner not in owners:
                owners.append(owner)
        return tuple(owners)

    def name_or_organisation(self, phrase: str) -> Owner | None:
        person = self.person(phrase)
        if person is not None:
            return person
        tokens = phrase.split()
        if tokens and tokens[0][:1].islower() or len(tokens) <= 3:
            return Owner(_as_written(phrase), OwnerKind.ORGANISATION)
        return None

    def person(self, phrase: str) -> Owner | None:
        """A person named in a phrase, titles stripped: "Utvecklingschefen Kalle Pettersson"."""
        if not isinstance(self.roster, DocumentRoster):  # a roster that may still grow
            return self._person(phrase)
        # a document's people do not change while it is read (DocumentRoster): nor the answer
        if phrase not in self._people:
            self._people[phrase] = self._person(phrase)
        return self._people[phrase]

    def _person(self, phrase: str) -> Owner | None:
        known = self.roster.find(phrase)
        if known is not None:
            return Owner(known.name, OwnerKind.PERSON)
        tokens = [t for t in phrase.split() if t]
        for start in range(len(tokens)):
            candidate = " ".join(tokens[start:])
            if not all(_NAME_WORD.fullmatch(t) for t in tokens[start:]):
                continue
            found = self.roster.find(candidate)
            if found is not None:
                return Owner(found.name, OwnerKind.PERSON)
            if (
                len(tokens) - start <= 3
                and looks_like_first_name(tokens[start])
                and not self.roster.candidates(candidate)
            ):
                return Owner(candidate, OwnerKind.PERSON)
            if len(tokens) - start <= 3 and self.roster.candidates(candidate):
                return Owner(candidate, OwnerKind.PERSON)  # ambiguous: keep what is written
        return None

    def note_sentence(
        self, sentence: str, owners: tuple[Owner, ...] | None = None, words: list[str] | None = None
    ) -> None:
        """Remember who a sentence is about, for "Han"/"Hon"/"De" in the next one; `words`, the
        sentence's first words where the caller has them tagged, spares cutting it up again."""
        if owners:
            self.last_owners = owners
            people = [o for o in owners if o.kind is OwnerKind.PERSON]
            if len(people) == 1:
                self.last_person = people[0]
            return
        tokens = words[:4] if words is not None else _words(sentence, 4)  # the first three and the one after
        for j, t in enumerate(tokens[:3]):
            if t[:1].isupper() and (j == 0 or tokens[j - 1][:1].isupper() or j < 2):
                name = " ".join(x for x in tokens[j : j + 2] if _NAME_WORD.fullmatch(x))
                person = self.person(name) or self.person(t)
                if person is not None:
                    self.last_person = person
                    self.last_owners = (person,)
                    return

    def people_in(self, sentence: str) -> tuple[Owner, ...]:
        """Every person named in a sentence, in order ("Allan, Per och Bosse ... förutom Anki")."""
        found: list[Owner] = []
        tokens = _words(sentence)
        j = 0
        while j < len(tokens):
            t = tokens[j]
            if _NAME_WORD.fullmatch(t) and (j > 0 or self.roster.find(t) or looks_like_first_name(t)):
                span = [t]
                while j + len(span) < len(tokens) and _NAME_WORD.fullmatch(tokens[j + len(span)]):
                    span.append(tokens[j + len(span)])
                owner = None
                for k in range(len(span), 0, -1):
                    owner = self.person(" ".join(span[:k]))
                    if owner is not None and (
                        self.roster.find(" ".join(span[:k])) or looks_like_first_name(span[0])
                    ):
                        j += k
                        break
                    owner = None
                if owner is not None:
                    if owner not in found:
                        found.append(owner)
                    continue
            j += 1
        return tuple(found)


# "Sekreteraren skickar ut protokollet": the secretary of these minutes.
_SECRETARY_NOUNS = {"sekreterare", "protokollförare"}


def _words(sentence: str, first: int | None = None) -> list[str]:
    """The sentence's words as the tagger cuts them; with `first`, only the first so many (a
    long sentence is not cut up for its opening words)."""
    from actiontrack.extract.tagger import tokens_of

    return [m.group() for m in islice(tokens_of(sentence), first)]


def _is_thing(phrase: str) -> bool:
    """A capitalised common noun in the definite form that is no body or role: "Inbjudan", "Lokalen"."""
    words_ = phrase.split()
    word = words_[-1] if words_ else ""
    if len(words_) != 1 or not word[:1].isupper() or not word[1:].islower() or looks_like_first_name(word):
        return False
    low = word.casefold()
    return bool(_DEFINITE.search(low) or low.endswith(("an", "n"))) and noun_class(low) is None


def _as_written(phrase: str) -> str:
    """An organisation as written; a sentence-initial common noun in lower case ("Organisationerna")."""
    words_ = phrase.split()
    if len(words_) == 1 and phrase[:1].isupper() and phrase[1:].islower() and _DEFINITE.search(phrase):
        return phrase.lower()
    return phrase
