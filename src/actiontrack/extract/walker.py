"""The document read once, block by block: each sentence tagged, cut into clauses, each clause
weighed as an item; owners and due dates found for those that are.

Stages, in the order a sentence meets them: structure (the heading and label it stands
under, list or paragraph: sentences.py), the labelled lines that complete the item before
("Ansvarig: Eva", "Klart till: 15 mars"), tagging (tagger.py), clauses (grammar.py),
features (features.py), the decision (classify.py), owners (owners.py) and the due date
(dates). `Walker.steps` tells, per sentence, what each stage made of it (--explain).
"""

from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from actiontrack import dates
from actiontrack.errors import DateError
from actiontrack.extract import cues, features, grammar, layout, rules
from actiontrack.extract.classify import Weights
from actiontrack.extract.owners import OwnerResolver
from actiontrack.extract.sentences import Block
from actiontrack.extract.tagger import Token, tag_text
from actiontrack.lazy_re import lazy
from actiontrack.models import ExtractedItem, ExtractedMeeting, Kind, Owner, Step
from actiontrack.records import replace

_FOLLOW_UP_REACH = 3  # sentences between an item and "Kalle håller i detta"


@dataclass
class Section:
    topic: str | None = None
    label: str | None = None


@dataclass(frozen=True)
class Candidate:
    """A clause weighed as an item: what training and --explain see."""

    sentence: str
    line: int
    start: int  # character span of the clause in the sentence
    end: int
    features: tuple[str, ...]
    score: float


Recorder = Callable[[Candidate], None]


class Walker:
    def __init__(
        self, meeting: ExtractedMeeting, resolver: OwnerResolver, base: date, weights: Weights,
        names: frozenset[str], record: Recorder | None = None,
    ) -> None:
        self.meeting = meeting
        self.resolver = resolver
        self.base = base
        self.weights = weights
        self.names = names
        self.record = record
        self.section = Section()
        self.items: list[ExtractedItem] = []
        self.steps: list[Step] = []
        self.sentences_since_item = 99
        self.line_owner: str | None = None
        self.agenda_until = 0
        self.own_body: frozenset[str] = frozenset()
        self.tense = ""  # how the minutes tell what happened at the meeting: "past" or "pres"
        self._tags: dict[str, list[Token]] = {}
        self._date_memo: dict[str, list[dates.DateMatch]] = {}

    # --- structure -------------------------------------------------------------------

    def block(self, block: Block) -> None:
        if block.kind == "heading":
            self.section = Section(topic=block.text)
            return
        if block.kind == "label":
            self.section.label = block.text
            return
        if block.kind == "paragraph" and not block.text.lower().startswith("att "):
            self.section.label = None
        sentences = block.sentences()
        self.line_owner = None
        if block.kind == "bullet" and len(sentences) > 1:  # "Gör X. Om inte, gör Y: Kim": Kim's
            last = sentences[-1].text
            self.line_owner = layout.owner_at_end(last, self.names) or layout.tagged_owner(last, self.names)
        for i, sentence in enumerate(sentences):
            kind = "bullet" if block.kind == "bullet" else "line" if len(block.lines) == 1 else "paragraph"
            self.sentence(sentence.text, sentence.line, kind, first=i == 0)

    def survey(self, blocks: list[Block]) -> None:
        """Read the document's tense before its sentences: minutes told in the past ("Kassören
        redogjorde ...") make a present tense stand out as what is to be done; minutes told in
        the present ("Kassören redogör ...") do not."""
        counts = {"pres": 0, "past": 0}
        for block in blocks:
            if block.kind in ("heading", "label"):
                continue
            for sentence in block.sentences():
                for clause in grammar.clauses(self._tagged(sentence.text)):
                    if clause.is_main and clause.finite and clause.form in counts and not clause.modal:
                        counts[clause.form] += 1
        total = counts["pres"] + counts["past"]
        if total >= 4:
            self.tense = "past" if counts["past"] >= counts["pres"] else "pres"

    def _tagged(self, text: str) -> list[Token]:
        if text not in self._tags:
            self._tags[text] = names_as_names(list(_tag_text(text)), self.names)
        return self._tags[text]

    # --- a sentence ------------------------------------------------------------------

    def sentence(self, text: str, line: int, block: str, *, first: bool = True) -> None:
        self.sentences_since_item += 1
        label = self.section.label or ""
        topic = self.section.topic or ""
        bullet = block == "bullet"
        heading_kind = layout.heading_kind(topic)
        label_kind = layout.heading_kind(label)
        if bullet and (line < self.agenda_until or heading_kind == "agenda"):
            self._step(line, text, block, "agenda", "agenda point", None)
            return
        if self._special_line(text, line):
            self._step(line, text, block, "", "field line", None)
            return
        text, inline_decision = _strip_decision_label(text)
        numbered = _NUMBERED.match(text)
        if numbered:  # "1. Boka lokal (Eva)", "§ 12. Kassören ..."
            text = text[numbered.end() :]
        if rules.is_follow_up(text) and self.items and self.sentences_since_item <= _FOLLOW_UP_REACH:
            named = self.resolver.people_in(text)
            if named and self.items[-1].topic == self.section.topic:
                self._add_owners(named)
                self.resolver.note_sentence(text, named)
                self._step(line, text, block, "", "owner of the item before", "follow-up")
                return
        if bullet or block == "line":
            marked = layout.marked_owner(text, self.names) or self.line_owner
        else:
            marked = layout.tagged_owner(text, self.names) or self.line_owner
        offset = 0
        body = text
        lead = layout.lead_rest(text, self.names) if bullet or block == "line" else None
        if lead is not None:  # "Isak: undersöka saken": Isak's, and the grammar reads the rest
            marked, body = lead
            offset = text.index(body)
        ctx = features.Context(
            block=block,
            first_in_block=first,
            heading=heading_kind,
            label=label_kind,
            decision_inline=inline_decision,
            owner_marked=marked is not None,
            names=self.names,
            own_body=self.own_body,
        )
        tokens = [t._replace(start=t.start + offset, end=t.end + offset) for t in self._tagged(body)]
        found = grammar.clauses(tokens)
        extra = self._time_features(text)
        deferral_at = cues.DEFERRAL.search(text)
        deferral = deferral_at is not None
        if heading_kind == "deferred" or label_kind == "deferred":
            extra.append("under-deferral-heading")
        chosen: list[tuple[grammar.Clause, float]] = []
        best: tuple[float, list[str]] = (-1.0, [])
        if not any(c.is_main for c in found):
            feats = ["bias", "no-clause", "block:" + block, *(["heading:" + heading_kind] if heading_kind else []),
                     *(["label:" + label_kind] if label_kind else []), *(["owner-marked"] if marked else []), *extra,
                     *(["deferral-phrase"] if deferral else [])]
            score = self._weigh(text, line, 0, len(text), feats)
            best = (score, feats)
            if score >= self.weights.threshold:
                self._append_whole(text, line, marked, deferral)
                self._step(line, text, block, ctx_describe(ctx), "action", self._why(*best, True))
                return
        for k, clause in enumerate(found):
            if not clause.is_main:
                continue
            feats = features.clause_features(tokens, found, k, ctx) + extra
            if self.tense:
                feats.append(f"mode-doc:{features.mode_of(clause)}|{self.tense}")
            start, end = _span(tokens, clause, found)
            if deferral_at is not None and deferral_at.start() < end and deferral_at.end() > start:
                # "Punkten tas upp på nästa möte": a deferral whatever the verb means alone
                feats = [f for f in feats if not f.startswith(("meaning:", "mode-meaning:", "subj-meaning:"))]
                feats += ["deferral-phrase", "meaning:deferral"]
            if "decided-present" in feats and "time:next-meeting" in feats:
                feats.append("decided-later")
            if "meaning:report" in feats and any(f in feats for f in ("time:next-meeting", "time:deadline-word")):
                feats.append("report-ahead")  # "Ida presenterar förslaget till nästa möte"
            score = self._weigh(text, line, start, end, feats)
            best = max(best, (score, feats))
            if score >= self.weights.threshold:
                chosen.append((clause, score))
        self._decision_ahead(tokens, found)
        if not chosen:
            self.resolver.note_sentence(text)
            self._step(line, text, block, ctx_describe(ctx), "no item", self._why(*best, False) if best[1] else None)
            return
        kind = Kind.ACTION
        for clause, _ in chosen:
            start, end = _span(tokens, clause)
            said = deferral_at is not None and deferral_at.start() < end and deferral_at.end() > start
            if said or clause.meaning and clause.meaning[1] == "deferral":
                kind = Kind.DEFERRED
        # one item per owner in turn: "Håkan kontaktar X, stämmer också av med Y" is Håkan's one
        # item; "Lena bokar bussen och Omar beställer mat" is two
        groups: list[tuple[tuple[Owner, ...], list[tuple[grammar.Clause, float]]]] = []
        for clause, score in chosen:
            owners = self._owners(tokens, found, clause, marked, kind)
            if groups and owners == groups[-1][0]:
                groups[-1][1].append((clause, score))
            else:
                groups.append((owners, [(clause, score)]))
        cuts = [0] + [_span(tokens, members[0][0])[0] for _, members in groups[1:]] + [len(text)]
        for g, (owners, members) in enumerate(groups):
            clause, score = members[0]
            # with several items in one sentence, a later one's source runs from its own clause on
            source = text[cuts[g] :].strip(" ,;") or text
            if len(groups) == 1:
                start, _ = _span(tokens, clause)
                before = text[:start].rstrip()
                # "Temadag: Mats undersöker ...": the topic before the colon is no part of the item
                topical = before.endswith((":", "–", " -")) and start > 0 and offset == 0
                item_text = text[start:] if topical else text
            else:
                item_text = source
            if kind is Kind.DEFERRED:
                item_text = self._deferred_point(tokens, clause, text)
            self._append(kind, owners, item_text, source, line, max(sc for _, sc in members))
        self._step(line, text, block, ctx_describe(ctx), kind.value, self._why(*best, True))

    def _deferred_point(self, tokens: list[Token], clause: grammar.Clause, text: str) -> str:
        """What a deferral puts off: "Verksamhetsberättelsen: skjuts till nästa möte" names it
        before a colon; "Punkten bordläggs" under "§ 5 Budget 2019" is the point of its heading;
        "Frågan om lokalen bordläggs" names it in its subject."""
        point = _POINT.match(text)
        if point:
            return point.group(1)
        subject = grammar.subject_text(tokens, clause)
        generic = subject is None or subject.casefold() in GENERIC_POINTS
        topic = self.section.topic
        if generic and topic and layout.heading_kind(topic) not in ("misc", "deferred", "todo"):
            return topic
        return text

    def _decision_ahead(self, tokens: list[Token], found: list[grammar.Clause]) -> None:
        """ "Styrelsen beslutar" (or "beslutade följande") with the decisions on the lines after
        it: they are read as under a "Beslut:" label."""
        for k, clause in enumerate(found):
            if clause.is_main and clause.meaning and clause.meaning[1] == "decide" and clause.complement is None:
                if not any(c.head == k for c in found) and all(
                    grammar.upos(t.tag) in ("PUNCT", "PRON", "ADJ", "ADV") for t in tokens[clause.main + 1 :]
                ):
                    self.section.label = "Beslut"

    def _weigh(self, sentence: str, line: int, start: int, end: int, feats: list[str]) -> float:
        score = self.weights.score(feats)
        if self.record is not None:
            self.record(Candidate(sentence, line, start, end, tuple(feats), score))
        return score

    def _time_features(self, text: str) -> list[str]:
        out = []
        found = self._find_dates(without_urls(text))
        if any(m.date and m.date > self.base for m in found):
            out.append("time:future-date")
        if any(m.date and m.date < self.base for m in found):
            out.append("time:past-date")
        if rules.meeting_referred(text, self.meeting.title) == "this":
            out.append("time:next-meeting")
        if re.search(r"(?i)\b(?:senast|deadline|snarast|före|innan|inför)\b", text):
            out.append("time:deadline-word")
        if _NEXT_MEETING_LINE.match(text):
            out.append("next-meeting-line")  # "Nästa möte: 3 december", "Nästa träff hålls ...": no task
        return out

    # --- owners ----------------------------------------------------------------------

    def _owners(
        self, tokens: list[Token], found: list[grammar.Clause], clause: grammar.Clause, marked: str | None, kind: Kind
    ) -> tuple[Owner, ...]:
        if kind is Kind.DEFERRED:
            return ()
        if marked and (clause.subject is None or clause.extras.get("leading")):
            return self.resolver.resolve(marked) or ()
        holder, who = grammar.doer(found, clause)
        if holder is not clause and holder.controller == "object" and who is not None:
            return self.resolver.resolve(grammar.span_text(tokens, who)) or ()  # "uppdrar åt Bo att"
        chain = grammar.complements(found, clause)
        comp = chain[0] if chain else None
        if clause.meaning and clause.meaning[1] == "decide":
            that = next((c for c in found if c.head == found.index(clause) and c.finite and c.subject), None)
            if that is not None:  # "Vi beslutar att Anna bokar lokalen": Anna's
                return self._subject_owners(tokens, that)
        subject_of = clause
        if clause.shared is not None and clause.subject is None:
            subject_of = found[clause.shared]
        if clause.passive or comp is not None and comp.passive:
            agent = _agent(tokens, comp if comp is not None and comp.passive else clause)
            if agent:
                return self.resolver.resolve(agent) or ()
            if features.subject_kind(tokens, subject_of, self.names, self.own_body) in ("thing", "expletive", "none"):
                return ()
        if subject_of.subject is None:
            if subject_of.form in ("pres", "past") and subject_of.verb == _first_word(tokens) and not subject_of.passive:
                return self.resolver.last_owners  # "Tar vidare frågan": whoever was just named
            return ()
        return self._subject_owners(tokens, subject_of)

    def _subject_owners(self, tokens: list[Token], clause: grammar.Clause) -> tuple[Owner, ...]:
        kind = features.subject_kind(tokens, clause, self.names, self.own_body)
        if kind in ("thing", "expletive", "quantified"):
            return ()
        return self.resolver.resolve(grammar.subject_text(tokens, clause)) or ()

    # --- items -----------------------------------------------------------------------

    def _append_whole(self, text: str, line: int, marked: str | None, deferral: bool) -> None:
        owners = (self.resolver.resolve(marked) or ()) if marked else ()
        kind = Kind.DEFERRED if deferral else Kind.ACTION
        self._append(kind, owners, text, text, line, 0.6)

    def _append(self, kind: Kind, owners: tuple[Owner, ...], item_text: str, source: str, line: int, score: float) -> None:
        due = self._due(source, kind)
        self.items.append(
            ExtractedItem(kind, item_text, owners, due, source, line, self.section.topic, round(min(0.99, score), 2))
        )
        self.sentences_since_item = 0
        self.resolver.note_sentence(source, owners or None)

    def _add_owners(self, owners: tuple[Owner, ...]) -> None:
        last = self.items[-1]
        merged = tuple(dict.fromkeys([*last.owners, *owners]))
        self.items[-1] = replace(last, owners=merged)

    def _why(self, score: float, feats: list[str], item: bool) -> str:
        """The probability and the three features that weighed most towards the verdict:
        "0.91 heading:todo, leading-inf|bullet, owner-marked"."""
        weights = self.weights.weights
        sign = 1 if item else -1
        top = sorted((f for f in feats if f != "bias" and sign * weights.get(f, 0.0) > 0), key=lambda f: -sign * weights[f])
        return f"{score:.2f} " + ", ".join(top[:3])

    def _step(self, line: int, text: str, block: str, where: str, verdict: str, rule: str | None) -> None:
        self.steps.append(Step(line, text, block, self.section.topic, where, verdict, rule))

    # --- dates -----------------------------------------------------------------------

    def _due(self, text: str, kind: Kind) -> date | None:
        which = rules.meeting_referred(text, self.meeting.title)
        if which == "other" or (kind is Kind.DEFERRED and cues.INDEFINITE.search(text)):
            return None
        text = without_urls(text)
        found = self._find_dates(text)
        if self.meeting.date is None:
            found = [m for m in found if m.rule == "iso" or m.year is not None]
        if kind is Kind.DEFERRED:
            said = cues.DEFERRAL.search(text)
            after = said.start() if said else 0
            explicit = [
                m.date
                for m in found
                if m.date and m.rule in ("day-month", "iso", "numeric", "month-part") and m.start >= after
            ]
            return explicit[0] if explicit else self.meeting.next_meeting
        if which == "this" and self.meeting.next_meeting and not found:
            return self.meeting.next_meeting
        if self.meeting.date is None:
            return found[0].date if found else None
        own = dates.first_due(text, self.base, next_meeting=self.meeting.next_meeting, found=found)
        if own:
            return own
        if which or any(m.rule == "next-meeting" for m in found):
            return None
        # an undated item has no due date: a date said before it in the section is an event's
        # more often than the item's deadline (measured on the corpora: due 0.77 -> 0.94 on wide2)
        return None

    def _find_dates(self, text: str) -> list[dates.DateMatch]:
        if text not in self._date_memo:
            self._date_memo[text] = dates.find_dates(text, self.base, next_meeting=self.meeting.next_meeting)
        return self._date_memo[text]

    # --- labelled lines --------------------------------------------------------------

    def _special_line(self, text: str, line: int) -> bool:
        """ "Ansvarig: Leif", "Åtgärd: ...", "Klart till: 15 mars" lines."""
        found_label = layout.labelled(text)
        if found_label is None:
            return False
        kind, value = found_label
        if kind == "responsible" and self.items:
            owners = self.resolver.resolve(value) or ()
            last = self.items[-1]
            self.items[-1] = replace(last, owners=owners or last.owners)
            return True
        if kind == "due" and self.items:
            try:
                due = dates.parse_date(value, self.base, next_meeting=self.meeting.next_meeting)
            except DateError:
                return False
            self.items[-1] = replace(self.items[-1], due=due)
            return True
        if kind == "action":
            what = value
            tokens = tag_text(what)
            found = grammar.clauses(tokens)
            subject = grammar.subject_text(tokens, found[0]) if found and found[0].finite else None
            named = (self.resolver.resolve(subject) if subject else None) or ()
            self.items.append(
                ExtractedItem(Kind.ACTION, what, named, self._due(what, Kind.ACTION), text, line, self.section.topic, 0.9)
            )
            self.sentences_since_item = 0
            return True
        return False


@lru_cache(maxsize=4096)
def _tag_text(text: str) -> tuple[Token, ...]:
    """A sentence's tags, kept: the survey and the walk tag each sentence, and an import of
    the same minutes again (or training) tags them again."""
    return tuple(tag_text(text))


def names_as_names(tokens: list[Token], names: frozenset[str]) -> list[Token]:
    """The tagger knows few names: a capitalised word that is one of the document's people or
    a Swedish first name is a proper noun ("Per", "Ann-Gret"), unless it opens the sentence as
    a word of its own ("Hans förslag")."""
    from actiontrack.people import looks_like_first_name

    out = list(tokens)
    for i, t in enumerate(tokens):
        word = t.text
        if i and len(word) <= 2 and word.isupper() and word.isalpha() and out[i - 1].tag == "PROPN":
            out[i] = t._replace(tag="PROPN")  # "Peder W", "Anna B": an initial after a name
            continue
        if i and tokens[i - 1].text.casefold() == "att" and word.islower() and word.endswith("a") and t.tag.startswith("NOUN"):
            out[i] = t._replace(tag="VERB.INF")  # "att tillfråga": "att" is never a preposition
            continue
        if not word[:1].isupper() or t.tag.startswith("PROPN") or len(word) < 2:
            continue
        low = word.casefold()
        if low in names or looks_like_first_name(word) or looks_like_first_name(word.split("-")[0]):
            if i == 0 and grammar.upos(t.tag) in ("PRON", "DET", "ADP", "ADV", "SCONJ", "CCONJ", "AUX", "VERB"):
                if low not in names:
                    continue
            out[i] = t._replace(tag="PROPN")
    return out


def ctx_describe(ctx: features.Context) -> str:
    parts = [ctx.heading and "under " + ctx.heading, ctx.label and "label " + ctx.label,
             ctx.decision_inline and "decision", ctx.owner_marked and "owner marked", ctx.block]
    return ", ".join(p for p in parts if p)


def _span(tokens: list[Token], clause: grammar.Clause, found: list[grammar.Clause] | None = None) -> tuple[int, int]:
    """The characters of a clause, with its complements when `found` is given."""
    if not tokens:
        return 0, 0
    end = clause.end
    if found is not None:
        for comp in grammar.complements(found, clause):
            end = max(end, comp.end)
        k = found.index(clause)
        for sub in found:
            if sub.head == k and sub.subordinate:  # "Beslutades att Bo skall vara sekreterare"
                end = max(end, sub.end)
    a = tokens[min(clause.start, len(tokens) - 1)].start
    b = tokens[min(end, len(tokens)) - 1].end
    return a, b


def _first_word(tokens: list[Token]) -> int:
    for i, t in enumerate(tokens):
        if grammar.upos(t.tag) != "PUNCT":
            return i
    return 0


def _agent(tokens: list[Token], clause: grammar.Clause) -> str | None:
    """ "skickas ut av Leif", "tas fram av förvaltningen": who does a passive."""
    for i in range(clause.main + 1, min(len(tokens), clause.main + 6)):
        if tokens[i].text == "av" and i + 1 < len(tokens):
            j = i + 1
            words = []
            while j < len(tokens) and grammar.upos(tokens[j].tag) in ("PROPN", "NOUN") and len(words) < 3:
                words.append(tokens[j].text)
                if grammar.upos(tokens[j].tag) == "NOUN":
                    break
                j += 1
            return " ".join(words) or None
    return None


_URL = lazy(r"\S+://\S+|www\.\S+")


def without_urls(text: str) -> str:
    if "://" not in text and "www." not in text:
        return text
    return _URL.sub(lambda m: " " * len(m.group(0)), text)


# What a deferral's subject is when it names no point of its own: the heading's point is meant.
GENERIC_POINTS = {"punkten", "frågan", "ärendet", "detta", "det", "den", "denna", "beslutet", "diskussionen", "punkt"}
_POINT = lazy(r"^([A-ZÅÄÖ][^:.!?]{2,60}?)\s*[:–]\s+\S")
_NEXT_MEETING_LINE = lazy(r"^(?:nästa|nytt|kommande)\s+(?:\w*möte|sammanträde|träff)\w*\b", re.IGNORECASE)
_NUMBERED = lazy(r"^(?:§\s*)?\d{1,3}[.):]?(?:\d{1,2}[.)]?)?\s+(?=\S)")


def _strip_decision_label(text: str) -> tuple[str, bool]:
    """ "Beslut: att ...", "Styrelsen beslutade: Lars ordnar ...": what was decided."""
    m = re.match(
        r"^(?:beslut|beslutades|(?:[A-ZÅÄÖ][\wåäö]+\s+)?(?:beslutade|beslutar|beslöt))\s*:\s*(.+)$", text, re.IGNORECASE
    )
    if m:
        return m.group(1), True
    return text, False
