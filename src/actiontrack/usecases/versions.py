"""How a new version of minutes differs from the meeting stored: items matched by their source
sentence (the same, or nearly: a corrected typo or date), changed, added, gone, or kept as they
are because they were done or edited by hand."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from actiontrack.models import ExtractedItem, Extraction, Item, Meeting, Owner, OwnerKind, Status
from actiontrack.records import field, record

if TYPE_CHECKING:
    from actiontrack.storage.writes import Writes
    from actiontrack.usecases.known_people import KnownPeople

SIMILAR = 0.75  # how alike two source sentences must be to be the same item, corrected


def _key(sentence: str) -> str:
    return " ".join(sentence.split()).casefold()


@record
class ItemChange:
    item: Item
    new: ExtractedItem
    changes: dict[str, list[object]]  # field -> [old, new]


@record
class Update:
    """How minutes imported again differ from the meeting stored."""

    meeting: Meeting
    date: list[date | None] | None = None  # [old, new] when the date is corrected
    added: list[ExtractedItem] = field(default_factory=list)
    changed: list[ItemChange] = field(default_factory=list)
    gone: list[Item] = field(default_factory=list)
    kept: list[tuple[Item, str]] = field(default_factory=list)  # not changed: done, edited by hand
    unchanged: list[tuple[Item, ExtractedItem]] = field(default_factory=list)
    matched: int = 0  # items found in both versions
    stored: int = 0  # items of the stored meeting that came from its minutes


def alike(update: Update, extraction: Extraction) -> bool:
    """Whether new minutes are a version of the stored ones: at least half the items of the
    smaller of the two are found in both (the same or a corrected sentence), and the new ones
    are not many times more (a 15 MB file of the same day is no corrected copy of six items)."""
    fewer = min(update.stored, len(extraction.items))
    if len(extraction.items) > MANY_TIMES * max(update.stored, 1) + MORE_ALLOWED:
        return False
    return fewer == 0 or update.matched * 2 >= fewer


MANY_TIMES, MORE_ALLOWED = 3, 20  # a corrected copy adds a few items, not hundreds


def removes_most(update: Update) -> bool:
    """Whether an update would remove more than half of the meeting's items from its minutes: the
    new file is more likely other minutes, or minutes read badly, than a corrected copy."""
    return update.stored > 0 and len(update.gone) * 2 > update.stored


def removal_warning(update: Update) -> str:
    from actiontrack.i18n import _

    return _(
        "This would remove {gone} of the {stored} items meeting #{id} has from its minutes; "
        "check that it is the same meeting's minutes."
    ).format(gone=len(update.gone), stored=update.stored, id=update.meeting.id)


def compare(
    repo: Writes, meeting: Meeting, extraction: Extraction, known: KnownPeople | None = None
) -> Update:
    """`known`: everybody in the database, as import keeps them (import_people.py)."""
    from actiontrack.usecases.known_people import KnownPeople

    update = Update(meeting)
    if extraction.meeting.date != meeting.date:
        update.date = [meeting.date, extraction.meeting.date]
    store = repo
    stored = [i for i in store.query_items(statuses=tuple(Status), meeting_id=meeting.id) if i.source]
    pairs, new = _match(stored, extraction.items)
    matched = {item.id for item, _ in pairs}
    update.matched, update.stored = len(pairs), len(stored)
    known = known or KnownPeople()
    known.refresh(repo)
    edited = store.edited_by_hand([i.id for i in stored])
    for item, extracted in pairs:
        reason = _hand_touched(item, edited)
        changes = _differences(item, extracted, known)
        if reason and changes:
            update.kept.append((item, reason))
        elif changes:
            update.changed.append(ItemChange(item, extracted, changes))
        else:
            update.unchanged.append((item, extracted))
    update.added = new
    for item in stored:
        if item.id not in matched:
            reason = _hand_touched(item, edited)
            if reason:
                update.kept.append((item, reason + "; no longer in the minutes"))
            else:
                update.gone.append(item)
    return update


def _match(
    stored: list[Item], extracted: list[ExtractedItem]
) -> tuple[list[tuple[Item, ExtractedItem]], list[ExtractedItem]]:
    """Pairs of (stored, extracted) with the same source sentence, else the most alike ones."""
    pool = list(stored)
    pairs, rest = [], []
    for e in extracted:
        same = next((i for i in pool if _key(i.source or "") == _key(e.source) and i.kind is e.kind), None)
        if same is None:
            same = next((i for i in pool if _key(i.source or "") == _key(e.source)), None)
        if same is not None:
            pool.remove(same)
            pairs.append((same, e))
        else:
            rest.append(e)
    pool_keys = [_key(i.source or "") for i in pool]
    scored = sorted(
        (
            (_ratio(k, _key(e.source)), n, i, e)
            for n, e in enumerate(rest)
            for i, k in zip(pool, pool_keys, strict=True)
        ),
        key=lambda t: (-t[0], t[1]),
    )
    used_items: set[int] = set()
    used_new: set[int] = set()
    for ratio, n, item, e in scored:
        if ratio < SIMILAR:
            break
        if item.id in used_items or n in used_new:
            continue
        used_items.add(item.id)
        used_new.add(n)
        pairs.append((item, e))
    return pairs, [e for n, e in enumerate(rest) if n not in used_new]


def _ratio(old: str, new: str) -> float:
    """difflib's ratio of two sentences, or 0 when its cheap upper bounds already put it under
    SIMILAR: the same pairs as computing every ratio, at a fraction of the cost."""
    matcher = SequenceMatcher(None, old, new)
    if matcher.real_quick_ratio() < SIMILAR or matcher.quick_ratio() < SIMILAR:
        return 0.0
    return matcher.ratio()


def _hand_touched(item: Item, edited: dict[int, str]) -> str | None:
    """Why an item must be kept as it is: closed (or skipped in review), or changed by a person
    since it was imported (an edit, a correction in the review)."""
    if item.status is not Status.OPEN:
        return "skipped in review" if edited.get(item.id) == "skipped in review" else item.status.value
    return edited.get(item.id)


def _owner_names(owners: Sequence[Owner], known: KnownPeople) -> list[str]:
    out = []
    for o in owners:
        found = known.find(o.name) if o.kind is OwnerKind.PERSON else None
        out.append(found.name if found else o.name)
    return out


def _differences(item: Item, new: ExtractedItem, known: KnownPeople) -> dict[str, list[object]]:
    changes: dict[str, list[object]] = {}
    for name, old, value in (
        ("text", item.text, new.text),
        ("kind", item.kind.value, new.kind.value),
        ("due", item.due.isoformat() if item.due else None, new.due.isoformat() if new.due else None),
        ("topic", item.topic, new.topic),
    ):
        if old != value:
            changes[name] = [old, value]
    old_owners, new_owners = [o.name for o in item.owners], _owner_names(new.owners, known)
    if old_owners != new_owners:
        changes["owners"] = [old_owners, new_owners]
    return changes
