"""Labelled lines: "Ansvarig: Leif", "Klart till: 15 mars", "Åtgärd: boka lokal", which complete
the item before them or are one.

An owner or date line belongs to the item of its own paragraph or list item: the last one found
since that began, else the paragraph's last sentence made an item by it ("Frågan utreds.
Ansvarig: Kjell"); never to an item under an earlier heading or §. An action line is an item,
done by the subject of its words when they have one. What a labelled line looks like is
layout.py's; the walker tells LabelledLines where each paragraph begins and what it says.
"""

from __future__ import annotations

from actiontrack import dates
from actiontrack.errors import DateError
from actiontrack.extract import grammar, layout
from actiontrack.extract.clause import subject_text
from actiontrack.extract.due import Due
from actiontrack.extract.owners import OwnerResolver
from actiontrack.extract.retag import names_as_names
from actiontrack.extract.tagger import tag_text
from actiontrack.models import ExtractedItem, Kind
from actiontrack.records import record, replace


@record
class LabelContext:
    """The paragraph labelled lines complete: the number of items before it, and its sentences."""

    first_item: int
    sentences: list[tuple[str, int]]


class LabelledLines:
    """The labelled lines of one document, on the walker's items."""

    def __init__(self, resolver: OwnerResolver, due: Due, names: frozenset[str] = frozenset()) -> None:
        self.resolver = resolver
        self.due = due
        self.names = names  # the document's people: "Lisa K gör affischer" is Lisa's, not "lisa" (relieve)
        self.context = LabelContext(0, [])  # what "Ansvarig:"/"Klart:" lines belong to

    def begin(self, first_item: int) -> None:
        """A paragraph, list item or heading begins; `first_item` is the number of items before it."""
        self.context = LabelContext(first_item, [])

    def sentence(self, text: str, line: int) -> None:
        """A sentence of the paragraph that is no labelled line."""
        self.context.sentences.append((text, line))

    def read(self, text: str, line: int, items: list[ExtractedItem], topic: str | None) -> str | None:
        """ "Ansvarig: Leif", "Åtgärd: ...", "Klart till: 15 mars" lines, read into `items`: the
        kind of label ("responsible", "due", "action"), or None for a line that is none of them."""
        found_label = layout.labelled(text)
        if found_label is None:
            return None
        kind, value = found_label
        # a deadline alone ("Senast 1 mars.", "Deadline torsdag") completes an item; with a
        # label ("Klart till: 1 mars") it also makes its paragraph's last sentence one
        promote = kind == "responsible" or ":" in text[:30]
        if kind in ("responsible", "due") and not self._labelled_item(items, topic, promote=promote):
            return kind  # nothing of its own to belong to: no item gets it
        if kind == "responsible":
            value, due_value = layout.split_due(value)  # "Ansvarig: Anna, klart: 15 oktober"
            owners = self.resolver.resolve(value) or ()
            last = items[-1]
            items[-1] = replace(last, owners=owners or last.owners)
            if due_value is not None:
                self._set_due(items, due_value)
            return kind
        if kind == "due":
            self._set_due(items, value)
            return kind
        if kind == "action":
            what = value
            tokens = names_as_names(tag_text(what), self.names)
            found = grammar.clauses(tokens)
            subject = subject_text(tokens, found[0]) if found and found[0].finite else None
            named = (self.resolver.resolve(subject) if subject else None) or ()
            items.append(ExtractedItem(Kind.ACTION, what, named, self.due.of(what), text, line, topic, 0.9))
            self.context = LabelContext(len(items) - 1, [])
            return kind
        return None

    def _set_due(self, items: list[ExtractedItem], value: str) -> None:
        try:
            due = dates.parse_date(value, self.due.base, next_meeting=self.due.next_meeting)
        except DateError:
            return  # "Klart till: löpande", or the next meeting with no date known: no date
        items[-1] = replace(items[-1], due=due)

    def _labelled_item(self, items: list[ExtractedItem], topic: str | None, *, promote: bool) -> bool:
        """Whether the paragraph a labelled line belongs to has an item now (items[-1]): one it
        gave, or (`promote`) its last sentence, which the label makes one."""
        context = self.context
        last = context.sentences[-1] if context.sentences else None
        if len(items) > context.first_item and not (
            promote
            and last
            and last[1] >= items[-1].line
            and last[0] != items[-1].source
            and _wants_a_doer(last[0], self.names)
        ):
            return True  # "Eva ringer kommunen. Hon frågar om priset. Ansvarig: Eva": Eva's call
        if last is None or not promote:
            return False
        sentence, at = last
        items.append(
            ExtractedItem(Kind.ACTION, sentence, (), self.due.of(sentence), sentence, at, topic, 0.8)
        )
        return True


def _wants_a_doer(sentence: str, names: frozenset[str]) -> bool:
    """A sentence that says what is to be done but not by whom: a command, an infinitive or a
    passive ("Boka buss till utflykten. Ansvariga: Karl och Omar."); the label names its doers,
    although an item of its paragraph came before it."""
    from actiontrack.extract import memo

    _, found = memo.parsed(sentence, names)
    main = next((c for c in found if c.is_main), None)
    return main is not None and main.subject is None and (main.form in ("imp", "inf") or main.passive)


__all__ = ["LabelledLines"]
