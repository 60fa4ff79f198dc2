"""Minutes in, meeting and action items out. Pure: no database, no output.

    extraction = extract_text(text, today=date.today())

reading.py reads files, sentences.py finds the structure, meeting.py the meeting,
rules.py the cues, owners.py the people; this module walks the document once,
section by section, and decides each item's owner, due date and topic.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, timedelta
from typing import TYPE_CHECKING

from actiontrack import dates
from actiontrack.errors import DateError
from actiontrack.extract import cues, rules
from actiontrack.extract.sentences import Block, build_blocks, split_lines
from actiontrack.i18n import _
from actiontrack.lazy_re import lazy
from actiontrack.models import ExtractedItem, ExtractedMeeting, Extraction, Kind, Owner, Person, Step
from actiontrack.records import field, record, replace

if TYPE_CHECKING:  # imported where used: `track add` needs rules, not the meeting parser (issue 15)
    from actiontrack.extract.owners import OwnerResolver

# A date mentioned earlier in a section is the deadline of an undated item after it
# ("föreläser eftermiddagen 12 februari ... David tar emot anmälningar") when it is
# this close ahead of the meeting.
CONTEXT_DATE_WINDOW = timedelta(days=183)
_FOLLOW_UP_REACH = 3  # sentences between an item and "Kalle håller i detta"


@record
class _Section:
    topic: str | None = None
    heading_dates: list[date] = field(default_factory=list)
    label: str | None = None
    # the last date said so far in the section that can be the deadline of an undated item
    # (within CONTEXT_DATE_WINDOW after the meeting), kept as dates come: the list of them
    # was filtered for each item, which grew as the square of a long block (issue 15)
    context: date | None = None


# How far extraction has come: (lines read, lines in all), after each block of the document.
Progress = Callable[[int, int], None]
_PROGRESS: ContextVar[Progress | None] = ContextVar("actiontrack_extract_progress", default=None)


@contextmanager
def reporting_progress(progress: Progress) -> Iterator[None]:
    """Every extract_text inside reports to `progress` (the CLI's indicator for a long document,
    issue 15), so that the use cases between the CLI and the extractor need not pass it on."""
    token = _PROGRESS.set(progress)
    try:
        yield
    finally:
        _PROGRESS.reset(token)


def extract_text(
    text: str,
    *,
    today: date,
    year: int | None = None,
    meeting_date: date | None = None,
    progress: Progress | None = None,
) -> Extraction:
    """The meeting and items of minutes. `meeting_date` (`--date`) is the meeting's date whatever
    the text says; `year` (`--year`) the year of a date written without one. `progress`, else
    the one of `reporting_progress`, is told how far the reading has come."""
    from actiontrack.extract.meeting import parse_meeting
    from actiontrack.extract.owners import DocumentRoster, OwnerResolver

    report = progress or _PROGRESS.get()
    lines = split_lines(text)
    if report is not None:
        report(0, len(lines))
    parsed = parse_meeting(lines, year=year, today=today, meeting_date=meeting_date)
    meeting = parsed.meeting
    blocks = build_blocks(lines, skip=parsed.used_lines)
    people = [*meeting.attendees, *meeting.absent]
    roster = DocumentRoster(Person(None, a.name, a.organisation, a.aliases) for a in people)
    resolver = OwnerResolver(roster, meeting.secretary, meeting.roles, cues.body_words(meeting.title))
    walker = _Walker(meeting, resolver, base=meeting.date or today)
    walker.names = _known_names(meeting)
    walker.agenda_until = parsed.people_from if parsed.people_from and parsed.people_from < 40 else 0
    for block in blocks:
        walker.block(block)
        if report is not None:
            report(block.line, len(lines))
    if report is not None:
        report(len(lines), len(lines))
    warnings = [*parsed.warnings, *_unread_dates(walker.items, meeting.date)]
    return Extraction(meeting, walker.items, warnings, walker.steps)


def _unread_dates(items: list[ExtractedItem], base: date | None) -> list[str]:
    """A warning for each phrase in an item that looks like a date but is none that is understood."""
    out = []
    for item in items:
        for phrase in dates.unread_date_phrases(_without_urls(item.source), base=base):
            out.append(_("Line {line}: '{phrase}' looks like a date but is not one actiontrack understands.").format(line=item.line, phrase=phrase))
    return list(dict.fromkeys(out))


class _Walker:
    def __init__(self, meeting: ExtractedMeeting, resolver: OwnerResolver, base: date) -> None:
        self.meeting = meeting
        self.resolver = resolver
        self.base = base
        self.section = _Section()
        self.items: list[ExtractedItem] = []
        self.sentences_since_item = 99
        self.names: frozenset[str] = frozenset()
        self.steps: list[Step] = []
        self.block_dates: list[date] = []  # the calendar dates of the block being read
        self.line_owner: str | None = None
        self._date_memo: dict[str, list[dates.DateMatch]] = {}
        self.agenda_until = 0  # a list above the attendees is the agenda: its points are no items

    def block(self, block: Block) -> None:
        if block.kind == "heading":
            heading_dates = self._dates(block.text)
            self.section = _Section(topic=block.text, heading_dates=heading_dates)
            self._context_from(heading_dates)
            self.block_dates = []
            return
        if block.kind == "label":
            self.section.label = block.text
            return
        if block.kind == "paragraph":
            self.section.label = None if not _continues_label(block) else self.section.label
        # a date said in a paragraph reaches the items of the paragraph and of the one after it
        self.section.context = None
        self._context_from(self.section.heading_dates + self.block_dates)
        self.block_dates = []
        sentences = block.sentences()
        self.line_owner = None
        if block.kind == "bullet" and len(sentences) > 1:  # "Gör X. Om inte, gör Y: Kim": Kim's
            names = cues.Context(names=self.names)
            last = sentences[-1].text
            self.line_owner = rules.owner_at_end(last, names) or rules.tagged_owner(last, names)
        for i, sentence in enumerate(sentences):
            self.sentence(
                sentence.text,
                sentence.line,
                bullet=block.kind == "bullet",
                single_line=len(block.lines) == 1,
                first=i == 0,
            )

    def sentence(
        self, text: str, line: int, *, bullet: bool, single_line: bool = False, first: bool = True
    ) -> None:
        self.sentences_since_item += 1
        label = self.section.label or ""
        block = "bullet" if bullet else "line" if single_line else "paragraph"
        if bullet and (line < self.agenda_until or cues.AGENDA_HEADING.match(self.section.topic or "")):
            self._step(line, text, block, "agenda", "agenda point", None)
            return
        if self._special_line(text, line):
            self._step(line, text, block, "", "field line", None)
            return
        text, inline_decision = _strip_decision_label(text)
        heading = label or self.section.topic or ""
        numbered = _NUMBERED.match(text)
        if numbered:  # "1. Boka lokal (Eva)", "§ 12. Kassören ..."
            text = text[numbered.end() :]
            bullet = bullet or bool(cues.TODO_LABEL.match(heading) or cues.DEFERRAL.search(heading))
        ctx = cues.Context(
            in_decisions=inline_decision or bool(cues.DECISION_LABEL.match(label)),
            in_views=bullet and bool(label) and bool(cues.VIEWS_LABEL.search(label)),
            in_todo=bullet and bool(cues.TODO_LABEL.match(heading)),
            in_deferred=bullet and bool(cues.DEFERRAL.search(heading)) and not cues.TODO_LABEL.match(heading),
            in_list=bullet and first,
            own_line=single_line,
            names=self.names,
            line_owner=self.line_owner,
        )
        where = ctx.describe()
        if rules.is_follow_up(text) and self.items and self.sentences_since_item <= _FOLLOW_UP_REACH:
            named = self.resolver.people_in(text)
            if named and self.items[-1].topic == self.section.topic:
                self._add_owners(named)
                self.resolver.note_sentence(text, named)
                self._step(line, text, block, where, "owner of the item before", "follow-up")
                return
        cue = rules.find_cue(text, ctx)
        tagged = (rules.tagged_owner(text, ctx) or ctx.line_owner) if cue is not None and bullet else None
        if cue is not None and tagged and cue.kind is Kind.ACTION:
            cue = replace(cue, subject=tagged, inherit=False)  # "... @Victor", "... ERIK!"
        owners = self._owners(cue) if cue is not None else None
        if cue is None and not ctx.in_views and self._clause_items(text, line, ctx, block, where):
            return  # "Lokalen – Helena gör ett utkast": the item is a later clause
        if cue is None or owners is None:  # not an item: it may still name a person or a date for later
            self.resolver.note_sentence(text)
            found = self._dates(text)
            self._context_from(found)
            self.block_dates.extend(found)
            self._step(line, text, block, where, "no item" if cue is None else "no agent", cue.rule if cue else None)
            return
        self._step(line, text, block, where, cue.kind.value, cue.rule)
        on_topic = cue.kind is Kind.DEFERRED and cue.rule != "deferred-list"
        point = _POINT.match(text)  # "Verksamhetsberättelsen: skjuts till nästa möte"
        topic = self.section.topic if self.section.topic and not cues.MISC_HEADING.match(self.section.topic) else None
        item_text = ((point.group(1) if point else None) or topic or text) if on_topic else text
        clauses = rules.more_clauses(text, ctx) if cue.kind is Kind.ACTION else []
        if clauses:  # "Gunilla bokar lokalen, Stig gör utskick": one item per clause
            item_text = text[: clauses[0][0]].rstrip(" ,;")
        self._append(cue, owners, item_text, text, line)
        for start, clause, clause_cue in clauses:
            clause_owners = self._owners(clause_cue)
            if clause_owners is not None:  # the source runs from the clause on
                self._append(clause_cue, clause_owners, clause, text[start:], line)

    def _clause_items(self, text: str, line: int, ctx: cues.Context, block: str, where: str) -> bool:
        """Items in the clauses of a sentence that is no item as a whole; the first keeps the sentence."""
        found = False
        for start, clause, cue in rules.more_clauses(text, ctx, passives=True):
            self.resolver.note_sentence(text[:start])  # "Våge vill ha fler, han ringer runt": he is Våge
            owners = self._owners(cue)
            if owners is None:
                continue
            self._step(line, clause, block, where, cue.kind.value, f"{cue.rule} (clause)")
            self._append(cue, owners, clause, text if not found else text[start:], line)
            found = True
        return found

    def _step(self, line: int, text: str, block: str, where: str, verdict: str, rule: str | None) -> None:
        self.steps.append(Step(line, text, block, self.section.topic, where, verdict, rule))

    def _append(self, cue: cues.Cue, owners: tuple[Owner, ...], item_text: str, source: str, line: int) -> None:
        due = self._due(item_text if item_text != self.section.topic else source, cue.kind)
        confidence = round(min(0.99, cue.strength + (0.05 if owners else 0.0) + (0.03 if due else 0.0)), 2)
        self.items.append(
            ExtractedItem(cue.kind, item_text, owners, due, source, line, self.section.topic, confidence)
        )
        self.sentences_since_item = 0
        self.resolver.note_sentence(source, owners or None)

    def _owners(self, cue: cues.Cue) -> tuple[Owner, ...] | None:
        if cue.rule == "deferred-list":
            return self.resolver.resolve(cue.subject) or ()  # "Ny logga (Kim & Bo)": theirs, when it comes up
        if cue.inherit:
            topic = (self.section.topic or "").strip()
            if topic.casefold() in cues.ROLE_WORDS or (topic and topic.casefold() in self.names):
                return self.resolver.resolve(topic) or ()  # a report under "Kassör" or a person's name
            return self.resolver.last_owners
        if cue.kind is Kind.DEFERRED:
            return ()  # the point is the group's; who was missing is said in the source sentence
        return self.resolver.resolve(cue.subject)

    def _dates(self, text: str) -> list[date]:
        """The calendar dates a heading or sentence names, for the undated items after it
        (weekdays and relative phrases are said of that sentence only)."""
        if self.section.topic and cues.MISC_HEADING.match(self.section.topic):
            return []  # "Övriga frågor": the points are unrelated to each other
        return [
            m.date
            for m in self._find_dates(_without_urls(text))
            if m.date is not None and m.rule in ("day-month", "iso", "numeric")
        ]

    def _due(self, text: str, kind: Kind) -> date | None:
        which = rules.meeting_referred(text, self.meeting.title)
        if which == "other" or (kind is Kind.DEFERRED and cues.INDEFINITE.search(text)):
            return None  # "till nästa kommittémöte": another body's meeting; "tills vidare": no date
        text = _without_urls(text)
        found = self._find_dates(text)
        if self.meeting.date is None:  # only a date with its year means anything without the meeting's
            found = [m for m in found if m.rule == "iso" or m.year is not None]
        if kind is Kind.DEFERRED:
            # a deferral is to a meeting: only a calendar date after it can name another one than the next
            said = cues.DEFERRAL.search(text)
            after = said.start() if said else 0
            explicit = [
                m.date
                for m in found
                if m.date and m.rule in ("day-month", "iso", "numeric", "month-part") and m.start >= after
            ]
            return explicit[0] if explicit else self.meeting.next_meeting
        if which == "this" and self.meeting.next_meeting and not found:
            return self.meeting.next_meeting  # "inför nästa styrelsemöte"
        if self.meeting.date is None:
            return found[0].date if found else None
        # the sentence's dates as read above (`found` is not narrowed when the meeting has a date)
        own = dates.first_due(text, self.base, next_meeting=self.meeting.next_meeting, found=found)
        if own:
            return own
        if which or any(m.rule == "next-meeting" for m in found):
            return None  # "till nästa möte" with no known date: no deadline rather than a wrong one
        return self.section.context

    def _context_from(self, found: list[date]) -> None:
        """Dates said in the section, in order: the last within the window is the context date."""
        for d in found:
            if self.base < d <= self.base + CONTEXT_DATE_WINDOW:
                self.section.context = d

    def _find_dates(self, text: str) -> list[dates.DateMatch]:
        """The dates of a sentence, read once: a sentence is asked for them more than once."""
        if text not in self._date_memo:
            self._date_memo[text] = dates.find_dates(text, self.base, next_meeting=self.meeting.next_meeting)
        return self._date_memo[text]

    def _add_owners(self, owners: tuple[Owner, ...]) -> None:
        last = self.items[-1]
        merged = tuple(dict.fromkeys([*last.owners, *owners]))
        self.items[-1] = replace(last, owners=merged)

    def _special_line(self, text: str, line: int) -> bool:
        """ "Ansvarig: Leif", "Åtgärd: ...", "Klart till: 15 mars" lines."""
        m = cues.RESPONSIBLE_LINE.match(text)
        if m and self.items:
            owners = self.resolver.resolve(m.group("who")) or ()
            last = self.items[-1]
            self.items[-1] = replace(last, owners=owners or last.owners)
            return True
        m = cues.DUE_LINE.match(text)
        if m and self.items:
            try:
                due = dates.parse_date(m.group("when"), self.base, next_meeting=self.meeting.next_meeting)
            except DateError:  # an unreadable deadline leaves the item as it is
                return False
            self.items[-1] = replace(self.items[-1], due=due)
            return True
        m = cues.ACTION_LINE.match(text)
        if m:
            what = m.group("what").strip()
            cue = rules.find_cue(what)
            named = (self.resolver.resolve(cue.subject) if cue else None) or ()
            self.items.append(
                ExtractedItem(
                    Kind.ACTION,
                    what,
                    named,
                    self._due(what, Kind.ACTION),
                    text,
                    line,
                    self.section.topic,
                    0.9,
                )  # fmt: skip
            )
            self.sentences_since_item = 0
            return True
        return False


_URL = lazy(r"\S+://\S+|www\.\S+")


def _without_urls(text: str) -> str:
    """The text with its links blanked out (same length): a date in a URL is nobody's deadline."""
    if "://" not in text and "www." not in text:
        return text  # most sentences have no link: no regex pass (issue 15)
    return _URL.sub(lambda m: " " * len(m.group(0)), text)


_POINT = lazy(r"^([A-ZÅÄÖ][^:.!?]{2,60}?)\s*[:–]\s+\S")
_NUMBERED = lazy(r"^(?:§\s*)?\d{1,3}[.):]?(?:\d{1,2}[.)]?)?\s+(?=\S)")


def _known_names(meeting: ExtractedMeeting) -> frozenset[str]:
    """The document's people as the cue rules look them up: full names, first names, nicknames."""
    out: set[str] = set()
    for person in [*meeting.attendees, *meeting.absent]:
        out.add(person.name.casefold())
        out.add(person.name.split()[0].casefold())
        out.update(alias.casefold() for alias in person.aliases)
    if meeting.secretary:
        out.add(meeting.secretary.split()[0].casefold())
    out |= cues.body_words(meeting.title)
    return frozenset(out)


def _continues_label(block: Block) -> bool:
    return block.text.lower().startswith("att ")


def _strip_decision_label(text: str) -> tuple[str, bool]:
    """ "Beslut: att ...", "Styrelsen beslutade: Lars ordnar ...": what was decided."""
    m = re.match(
        r"^(?:beslut|beslutades|(?:[A-ZÅÄÖ][\wåäö]+\s+)?(?:beslutade|beslutar|beslöt))\s*:\s*(.+)$", text, re.IGNORECASE
    )
    if m:
        return m.group(1), True
    return text, False


__all__ = ["Progress", "extract_text", "reporting_progress"]
