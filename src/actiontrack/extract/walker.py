"""The document read once, block by block: each sentence tagged, cut into clauses, each clause
weighed as an item; owners and due dates found for those that are.

Stages, in the order a sentence meets them: structure (the heading and label it stands
under, list or paragraph: sentences.py), the labelled lines that complete the item before
("Ansvarig: Eva", "Klart till: 15 mars": labelled.py), tagging (tagger.py, set right by
retag.py), clauses (grammar.py), features and the decision (features.py, time_cues.py,
weighing.py, classify.py), the doer (doer.py) and the owners it names (owners.py), and the
due date (due.py). What only the walk knows is here: the minutes' tense, read first; the
owners a sentence gives the item before ("Kalle håller i detta"); a deferral of the point
just before; decisions announced for the lines after ("Styrelsen beslutar:"); one item per
doer of a sentence. `Walker.steps` tells, per sentence, what each stage made of it (--explain).
"""

from __future__ import annotations

import re
from datetime import date
from operator import attrgetter

from actiontrack.extract import features, layout, meanings, memo, spans
from actiontrack.extract.classify import Weights
from actiontrack.extract.clause import (
    THIS_POINT,
    Clause,
    echoes_item_before,
    subject_text,
    tells_what_is_said,
    upos,
)
from actiontrack.extract.doer import INHERIT, doer
from actiontrack.extract.due import Due, later_meeting, without_urls
from actiontrack.extract.labelled import LabelledLines
from actiontrack.extract.owners import OwnerResolver
from actiontrack.extract.sentence_split import Sentence
from actiontrack.extract.sentences import Block
from actiontrack.extract.tagger import Token
from actiontrack.extract.time_cues import time_features
from actiontrack.extract.weighing import Reading, Recorder, describe, weigh_clauses, why
from actiontrack.lazy_re import lazy
from actiontrack.models import ExtractedItem, ExtractedMeeting, Kind, Owner, Step
from actiontrack.records import record, replace

# a Context's fields as a plain tuple: a key of them is hashed and compared in C
_CONTEXT = attrgetter(*features.Context.__record_fields__)  # type: ignore[attr-defined]
_FOLLOW_UP_REACH = 3  # sentences between an item and "Kalle håller i detta"
_SURVEY = 300  # sentences read for the document's tense


@record
class Section:
    topic: str | None = None
    label: str | None = None


class Walker:
    def __init__(
        self, meeting: ExtractedMeeting, resolver: OwnerResolver, base: date, weights: Weights,
        names: frozenset[str], record: Recorder | None = None, explain: bool = True,
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
        self.explain = explain  # steps are kept (--explain); an import needs none of them
        self.sentences_since_item = 99
        self.reported = False  # the sentence before, in the same block, told what someone said or thinks
        self.line_owner: str | None = None
        self.agenda_until = 0
        self.own_body: frozenset[str] = frozenset()
        self.tense = ""  # how the minutes tell what happened at the meeting: "past" or "pres"
        self._split: dict[int, list[Sentence]] = {}  # the blocks the survey read, by id
        self.due = Due(base, meeting_date=meeting.date, next_meeting=meeting.next_meeting, title=meeting.title)
        self.labelled = LabelledLines(resolver, self.due, names)

    # --- structure -------------------------------------------------------------------

    def block(self, block: Block) -> None:
        if block.kind == "heading":
            self.section = Section(topic=block.text)
            self.labelled.begin(len(self.items))  # never across a heading or §
            return
        if block.kind == "label":
            self.section.label = block.text
            return
        as_lines = block.kind == "paragraph" and layout.lines_of_points(block.lines)
        if block.kind == "paragraph" and not as_lines and not block.text.lower().startswith("att "):
            self.section.label = None
        sentences = self._split.pop(id(block), None) or block.sentences()
        first_no, first_text = block.lines[0]
        if as_lines and layout.heading_kind(first_text):  # "Till nästa möte" over its points: their label
            self.section.label = first_text
            sentences = [x for x in sentences if x.line != first_no]
        if not all(layout.labelled(x.text) for x in sentences):  # labelled lines alone: the paragraph before's
            self.labelled.begin(len(self.items))
        self.line_owner = None
        if block.kind == "bullet" and len(sentences) > 1:  # "Gör X. Om inte, gör Y: Kim": Kim's
            last = sentences[-1].text
            self.line_owner = layout.owner_at_end(last, self.names) or layout.tagged_owner(last, self.names)
        point_owner: str | None = None  # "Eva: - Ringer X. - Bokar Y.": both Eva's points
        for i, sentence in enumerate(sentences):
            kind = "bullet" if block.kind == "bullet" else "line" if len(block.lines) == 1 or as_lines else "paragraph"
            text = sentence.text
            point = layout.run_on_point(text) if kind != "bullet" else None
            if point is not None:
                lead, rest = point
                if lead is not None:
                    point_owner = lead if layout.names_people(lead, self.names) else None
                text, kind, self.line_owner = (f"{lead}: {rest}" if lead else rest), "bullet", point_owner
            elif point_owner is not None:
                point_owner = self.line_owner = None
            self.sentence(text, sentence.line, kind, first=i == 0)

    def survey(self, blocks: list[Block]) -> None:
        """Read the document's tense before its sentences: minutes told in the past ("Kassören
        redogjorde ...") make a present tense stand out as what is to be done; minutes told in
        the present ("Kassören redogör ...") do not."""
        counts = {"pres": 0, "past": 0}
        read = 0
        for block in blocks:
            if block.kind in ("heading", "label"):
                continue
            if read > _SURVEY:  # enough to tell; a long document is not read twice
                break
            self._split[id(block)] = block.sentences()  # the walk takes them: a block is split once
            for sentence in self._split[id(block)]:
                read += 1
                for clause in memo.parsed(sentence.text, self.names)[1]:  # memo keeps it for the walk
                    if clause.is_main and clause.finite and clause.form in counts and not clause.modal:
                        counts[clause.form] += 1
        total = counts["pres"] + counts["past"]
        if total >= 4:
            self.tense = "past" if counts["past"] >= counts["pres"] else "pres"

    # --- a sentence ------------------------------------------------------------------

    def sentence(self, text: str, line: int, block: str, *, first: bool = True) -> None:
        self.sentences_since_item += 1
        heading = layout.heading_kind(self.section.topic or "")
        label = layout.heading_kind(self.section.label or "")
        if block == "bullet" and (line < self.agenda_until or heading == "agenda"):
            self._step(line, text, block, "agenda", "agenda point", None)
            return
        if layout.marked_done(text):  # "[x] Boka lokal", "Karl ringer vaktmästaren (klart)": done
            self._step(line, text, block, "", "marked done", None)
            return
        text = layout.without_open_box(text)  # "[ ] Skicka inbjudan": the box is no part of it
        labelled = self.labelled.read(text, line, self.items, self.section.topic)
        if labelled is not None:
            if labelled == "action":
                self.sentences_since_item = 0
            self._step(line, text, block, "", "field line", None)
            return
        self.labelled.sentence(text, line)
        text, given_to = layout.strip_todo_label(text)  # "Uppdrag till Omar: ta fram en affisch"
        text, inline_decision = layout.strip_decision_label(text)
        numbered = _NUMBERED.match(text)
        if numbered:  # "1. Boka lokal (Eva)", "§ 12. Kassören ..."
            text = text[numbered.end() :]
            if _LIST_NUMBER.match(numbered.group(0)):
                block = "bullet"  # a numbered list's point is a list line, whatever its capital
        reading = self.read(text, block, first, heading, label, inline_decision, given_to)
        if self._follow_up(reading, line):
            return
        chosen, best = self.weigh(reading, line)
        self.reported = tells_what_is_said(reading.found)
        self._decision_ahead(reading.tokens, reading.found)
        if not chosen:
            self.resolver.note_sentence(text, words=None if reading.offset else [t.text for t in reading.tokens[:4]])
            verdict = "no item" if best[0] < self.weights.threshold else "action"
            if verdict == "action":  # a line with no clause that is an item by its form
                kind = Kind.DEFERRED if "deferral-word" in best[1] else Kind.ACTION
                owners = (self.resolver.resolve(reading.marked) or ()) if reading.marked else ()
                self._append(kind, owners, text, text, line, best[0])
                verdict = kind.value
            if self.explain:
                rule = why(self.weights, *best, verdict != "no item") if best[1] else None
                self._step(line, text, block, describe(reading.ctx), verdict, rule)
            return
        kind = Kind.DEFERRED if any(deferred for _, _, deferred in chosen) else Kind.ACTION
        if kind is Kind.DEFERRED and not numbered and block != "bullet" and self._defers_item_before(reading, chosen, line):
            self.items[-1] = replace(self.items[-1], kind=Kind.DEFERRED)
            self.sentences_since_item = 0
            self._step(line, text, block, describe(reading.ctx), "deferred: the item before", "same point")
            return
        self._emit(reading, [(c, sc) for c, sc, _ in chosen], kind, line)
        if self.explain:
            self._step(line, text, block, describe(reading.ctx), kind.value, why(self.weights, *best, True))

    def read(
        self, text: str, block: str, first: bool, heading: str, label: str, inline: bool, given_to: str | None = None
    ) -> Reading:
        """The sentence tagged and cut into clauses, with the owner its line marks (or its label
        gives it to)."""
        listed = block in ("bullet", "line")
        marked = given_to or (
            layout.marked_owner(text, self.names) if listed else layout.tagged_owner(text, self.names)
        )
        marked = marked or self.line_owner or (self._label_owner() if listed else None)
        offset, body = 0, text
        lead = layout.lead_rest(text, self.names)
        if lead is not None and not listed and lead[0].casefold() not in self.names:
            lead = None  # in running text only a name of the meeting's people leads a sentence
        if lead is not None:  # "Isak: undersöka saken": Isak's, and the grammar reads the rest
            marked, body = lead
            offset = text.index(body)
        ctx = features.Context(
            block=block, first_in_block=first, heading=heading, label=label, decision_inline=inline,
            owner_marked=marked is not None, names=self.names, own_body=self.own_body,
        )  # fmt: skip
        tokens, found = memo.parsed(body, self.names)
        if offset:
            tokens = [t._replace(start=t.start + offset, end=t.end + offset) for t in tokens]
        return Reading(text, tokens, found, ctx, marked, offset)

    def _label_owner(self) -> str | None:
        """The people a label over a list names ("Olof:" over his points), else None."""
        label = self.section.label
        if label and len(label.split()) <= 4 and not layout.heading_kind(label) and layout.names_people(label, self.names):
            return label
        return None

    def weigh(self, r: Reading, line: int) -> tuple[list[tuple[Clause, float, bool]], tuple[float, list[str]]]:
        """The main clauses that are items and the best-scored features (weighing.py), with what
        the sentence says of time and what the walk knows: the minutes' tense, a report before."""
        m = self.meeting  # the time of a sentence is read against its date, next meeting and title
        time = memo.kept(
            ("time", r.text, self.base, m.next_meeting, m.title), lambda: time_features(r.text, self.due, self.base, m.title)
        )

        def weigh() -> memo.Weighed:
            return weigh_clauses(
                r, line, self.weights, self.record, time=time, tense=self.tense, reported=self.reported, title=m.title
            )

        if self.record is not None:  # training is told every clause weighed, each time
            return weigh()
        key = (r.text, r.offset, r.marked, _CONTEXT(r.ctx), self.tense, self.reported, m.title, *time)
        return memo.weighed(key, r.found, self.weights, weigh)

    def _follow_up(self, r: Reading, line: int) -> bool:
        """ "Kalle Pettersson håller i detta", "Sara och Tomas är ansvariga": the owners of the item
        just before, in the same section."""
        if not self.items or self.sentences_since_item > _FOLLOW_UP_REACH or self.items[-1].topic != self.section.topic:
            return False
        echo = echoes_item_before(r.tokens, self.items[-1].source)  # "Vi skickar ett mejl till X." / "Gustav skickar"
        for clause in r.found:
            if not (clause.is_main and clause.meaning and clause.meaning[1] == "commit" and clause.subject) and not echo:
                continue
            after = [t.text.casefold() for t in r.tokens[clause.main + 1 :] if upos(t.tag) not in ("PUNCT",)]
            while after and after[0] in ("i", "för", "om", "hand", "på", "sig"):
                after.pop(0)
            if after and after[0] not in THIS_POINT:
                continue
            # the names before the echoed verb ("Gustav Skickar": Gustav, not a Mr Skickar)
            who = r.text[: r.tokens[clause.main].start] if echo else ""
            named = (self.resolver.resolve(who.strip()) if who.strip() else None) or self.resolver.people_in(r.text)
            if not named:
                return False
            self._add_owners(named)
            self.resolver.note_sentence(r.text, named)
            self._step(line, r.text, r.ctx.block, "", "owner of the item before", "follow-up")
            return True
        return False

    def _emit(self, r: Reading, chosen: list[tuple[Clause, float]], kind: Kind, line: int) -> None:
        """One item per owner in turn: "Håkan kontaktar X, stämmer också av med Y" is Håkan's one
        item; "Lena bokar bussen och Omar beställer mat" is two."""
        text, tokens = r.text, r.tokens
        groups: list[tuple[tuple[Owner, ...], list[tuple[Clause, float]]]] = []
        for clause, score in chosen:
            owners = self._owners(tokens, r.found, clause, r.marked, kind)
            if groups and owners == groups[-1][0]:
                groups[-1][1].append((clause, score))
            else:
                groups.append((owners, [(clause, score)]))
        cuts = [0] + [spans.cut(tokens, members[0][0]) for _, members in groups[1:]]
        for g, (owners, members) in enumerate(groups):
            clause = members[0][0]
            # with several items in one sentence, a later one's source runs from its own clause on
            source = text[cuts[g] :].strip(" ,;") or text
            item_text = source
            if g + 1 < len(groups):  # "Lena bokar bussen och Omar beställer mat": "Lena bokar bussen"
                item_text = text[cuts[g] : cuts[g + 1]].strip(" ,;") or source
            item_text = _LEADING_AND.sub("", item_text) if g else item_text  # "och Omar beställer mat"
            item_text = item_text[:1].upper() + item_text[1:] if g else item_text
            if len(groups) == 1:
                start, _ = spans.span(tokens, clause)
                # "Temadag: Mats undersöker ...": the topic before the colon is no part of the item
                topical = text[:start].rstrip().endswith((":", "–", " -")) and start > 0 and r.offset == 0
                item_text = text[start:] if topical else text
            if kind is Kind.DEFERRED:
                item_text = self._deferred_point(tokens, clause, text)
            self._append(kind, owners, item_text, source, line, max(sc for _, sc in members))

    def _defers_item_before(self, r: Reading, chosen: list[tuple[Clause, float, bool]], line: int) -> bool:
        """ "Vi behöver en arbetsgrupp för X. Frågan tas upp på nästa möte.": the deferral, of the
        point and on the same line as the group's item just before, puts that item off; one point."""
        if r.ctx.first_in_block or not self.items or self.sentences_since_item != 1:
            return False
        before = self.items[-1]
        if before.kind is Kind.DEFERRED or before.topic != self.section.topic or before.line != line:
            return False
        if before.owners:  # "Hanna ringar polisen. Ärendet bordläggs.": her task stands, the point waits
            return False
        for clause, _, deferred in chosen:
            subject = subject_text(r.tokens, clause)
            if not deferred or subject is not None and subject.casefold() not in GENERIC_POINTS:
                return False
        return True

    def _deferred_point(self, tokens: list[Token], clause: Clause, text: str) -> str:
        """What a deferral puts off: "Verksamhetsberättelsen: skjuts till nästa möte" names it
        before a colon; "Punkten bordläggs" under "§ 5 Budget 2019" is the point of its heading;
        "Frågan om lokalen bordläggs" names it in its subject."""
        point = _POINT.match(text)
        if point:
            return point.group(1)
        subject = subject_text(tokens, clause)
        generic = subject is None or subject.casefold() in GENERIC_POINTS
        topic = self.section.topic
        if generic and topic and layout.heading_kind(topic) not in ("misc", "deferred", "todo"):
            return topic
        kind = features.subject_kind(tokens, clause, self.names, self.own_body)
        if not generic and subject and kind == "thing" and not clause.inverted:
            return subject[:1].upper() + subject[1:]  # "Frågan om den nya lokalen"
        return text

    def _decision_ahead(self, tokens: list[Token], found: list[Clause]) -> None:
        """ "Styrelsen beslutar" (or "beslutade följande") with the decisions on the lines after
        it: they are read as under a "Beslut:" label."""
        lead_in = bool(tokens) and tokens[-1].text == ":"  # "... och bestämde oss för några punkter:"
        for k, clause in enumerate(found):
            cls = clause.meaning[1] if clause.meaning else None
            if lead_in and clause.is_main and cls in ("decide", "assign", "assigned", "commit", "intent"):
                self.section.label = "Beslut"
                return
            deciding = clause.is_main and cls == "decide" and clause.complement is None
            # "Styrelsen beslutar", "beslutar styrelsen på kassörens förslag": no verb after it
            if (
                deciding
                and all(upos(t.tag) not in ("VERB", "AUX", "SCONJ", "PART") for t in tokens[clause.main + 1 :])
                and not any(c.head == k for c in found)
            ):
                self.section.label = "Beslut"

    # --- owners ----------------------------------------------------------------------

    def _owners(
        self, tokens: list[Token], found: list[Clause], clause: Clause, marked: str | None, kind: Kind
    ) -> tuple[Owner, ...]:
        who = doer(tokens, found, clause, marked, kind, names=self.names, own_body=self.own_body)
        if who is INHERIT:
            # "Tar vidare frågan": the person or role the heading or label names, else whoever
            # was just named
            for over in (self.section.label, self.section.topic):
                if over and (meanings.noun_class(over.split()[-1]) == "role" or self.resolver.person(over)):
                    return self.resolver.resolve(over) or ()
            return self.resolver.last_owners
        if isinstance(who, str) and meanings.word_class(who) in ("person_pronouns", "plural_pronouns"):
            start = spans.span(tokens, clause)[0]
            if start:  # "Våge vill ha fler, han ringer runt": he is the one named before
                self.resolver.note_sentence(tokens[0].text if start == 0 else spans.text_before(tokens, start))
        return (self.resolver.resolve(who) or ()) if isinstance(who, str) else ()

    # --- items -----------------------------------------------------------------------

    def _append(self, kind: Kind, owners: tuple[Owner, ...], item_text: str, source: str, line: int, score: float) -> None:
        deferred = kind is Kind.DEFERRED
        later = later_meeting(source, self.meeting.title) if deferred else None
        due = self.due.of(without_urls(source), deferred=deferred, deferral_at=later[0] if later else 0)
        self.items.append(
            ExtractedItem(kind, item_text, owners, due, source, line, self.section.topic, round(min(0.99, score), 2))
        )
        self.sentences_since_item = 0
        self.resolver.note_sentence(source, owners or None)

    def _add_owners(self, owners: tuple[Owner, ...]) -> None:
        last = self.items[-1]
        merged = tuple(dict.fromkeys([*last.owners, *owners]))
        self.items[-1] = replace(last, owners=merged)

    def _step(self, line: int, text: str, block: str, where: str, verdict: str, rule: str | None) -> None:
        if self.explain:
            self.steps.append(Step(line, text, block, self.section.topic, where, verdict, rule))


# What a deferral's subject is when it names no point of its own: the heading's point is meant.
GENERIC_POINTS = {"punkten", "frågan", "ärendet", "detta", "det", "den", "denna", "beslutet", "diskussionen", "punkt"}
_POINT = lazy(r"^([A-ZÅÄÖ][^:.!?]{2,60}?)\s*[:–]\s+\S")
_LIST_NUMBER = lazy(r"^\d{1,2}[.)]\s")
_LEADING_AND = lazy(r"^(?:och|samt|men)\s+", re.IGNORECASE)
# A point's number: "1. ", "4.2 ", "3) ", "§ 12 "; bare, only before a capital ("3 Ekonomi"), for
# "150 000 kr reserveras" and "15 personer kommer" are sentences that open with a quantity
_NUMBERED = lazy(r"^(?:§\s*\d{1,3}[.):]?(?:\d{1,2}[.)]?)?\s+(?=\S)|\d{1,3}(?:[.):](?:\d{1,2}[.)]?)?\s+(?=\S)|\s+(?=[A-ZÅÄÖ])))")
