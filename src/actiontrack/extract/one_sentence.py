"""One sentence read alone, as the extractor reads a line of minutes: `track add "Leif ska
skicka ut förslaget senast fredag"` asks it whether the sentence is an item, a deferral or
neither, and who does it.

    read_sentence("Leif ska skicka ut förslaget senast fredag", names=...)
    -> SentenceReading(kind=Kind.ACTION, subject="Leif", score=0.9...)

A Walker of an empty meeting reads it (walker.py), under the heading and after the label it
is given; its likeliest clause is weighed with every clause's score kept (weighing.py), and
its doer is found as an item's (doer.py). Who the words name is the caller's to resolve.
"""

from __future__ import annotations

from datetime import date

from actiontrack.extract import layout
from actiontrack.extract.classify import Weights
from actiontrack.extract.clause import Clause
from actiontrack.extract.doer import doer
from actiontrack.extract.layout import strip_decision_label
from actiontrack.extract.owners import OwnerResolver
from actiontrack.extract.walker import Walker
from actiontrack.models import ExtractedMeeting, Kind
from actiontrack.records import record


@record(frozen=True)
class SentenceReading:
    """What one sentence says as an item: `track add "Leif ska skicka ut förslaget senast fredag"`."""

    kind: Kind
    subject: str | None  # the words that say who ("Leif", "Ia och Allan"); None: nobody named
    score: float  # how likely the sentence is an item, read in minutes

    @property
    def is_item(self) -> bool:
        from actiontrack.extract.classify import shipped

        return self.score >= shipped().threshold


def read_sentence(
    text: str,
    *,
    names: frozenset[str] = frozenset(),
    today: date | None = None,
    heading: str = "",
    label: str = "",
    block: str = "line",
) -> SentenceReading | None:
    """One sentence read as the extractor reads a line of minutes (under `heading`, after a `label`
    such as "Beslut:"): its likeliest clause as an item, who does it and how likely it is an item
    (`is_item`); None when it has neither a clause nor a form of an item."""
    from actiontrack.extract.classify import shipped
    from actiontrack.people import Roster

    walker = Walker(ExtractedMeeting(), OwnerResolver(Roster(())), today or date.today(), shipped(), names)
    text, inline = strip_decision_label(text)
    reading = walker.read(text, block, True, layout.heading_kind(heading), layout.heading_kind(label), inline)
    weighed: list[tuple[Clause, float, bool]] = []
    walker.weights = Weights(walker.weights.weights, 0.0)  # every clause, with its score
    chosen, best = walker.weigh(reading, 1)
    weighed = sorted(chosen, key=lambda c: -c[1])
    if not weighed:
        if best[1]:  # no clause: an item by its form alone, or none
            kind = Kind.DEFERRED if "deferral-word" in best[1] else Kind.ACTION
            return SentenceReading(kind, reading.marked, best[0])
        return None
    clause, score, deferred = weighed[0]
    kind = Kind.DEFERRED if deferred else Kind.ACTION
    who = doer(
        reading.tokens, reading.found, clause, reading.marked, kind, names=walker.names, own_body=walker.own_body
    )
    return SentenceReading(kind, who if isinstance(who, str) else None, score)


__all__ = ["SentenceReading", "read_sentence"]
