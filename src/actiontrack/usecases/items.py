"""Items: add, list, done, reopen, drop, edit, note.

Status transitions, the order of `open`, who `--owner NAME` means and which date a
due expression means live here.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from actiontrack.errors import InputError, UsageError
from actiontrack.i18n import _
from actiontrack.models import Item, Kind, Owner, OwnerKind, Status
from actiontrack.people import StoredRoster
from actiontrack.usecases.common import Confirm, current_id, timestamp, today_of
from actiontrack.usecases.groups import (
    Pick,
    Placement,
    find_group,
    next_meeting_of,
    place_item,
    speaks_of_a_meeting,
)
from actiontrack.usecases.meetings import current_meeting, next_meeting_after
from actiontrack.usecases.people import owners_from_subject, resolve_owner

TYPE_CHECKING = False  # typing costs a command's start 3-4 ms
if TYPE_CHECKING:
    from actiontrack.extract.one_sentence import SentenceReading
    from actiontrack.storage.reads import Reads
    from actiontrack.storage.writes import Writes


def add_item(
    repo: Writes,
    text: str,
    *,
    owners: Sequence[str] = (),
    due: str | None = None,
    meeting_id: int | None = None,
    group: str | None = None,
    default_group: str | None = None,
    now: datetime,
    confirm: Confirm | None = None,
    pick: Pick | None = None,
    warnings: list[str] | None = None,
) -> Item:
    """Record an item on its group's agenda (see groups.place_item). Owners and due date come
    from the Swedish text when not given; relative dates count from the day of the meeting it is
    recorded at, else from today. A date phrase that
    is not understood, a deadline with no date ("snarast") and a date already past are said in
    `warnings`, never dropped silently."""
    from actiontrack.extract.one_sentence import read_sentence

    text = _item_text(text)
    today = today_of(now)
    current = repo.get_meeting(meeting_id) if meeting_id is not None else current_meeting(repo)
    place = place_item(
        repo,
        meeting=current,
        explicit_meeting=meeting_id is not None,
        group=group,
        default_group=default_group,
        today=today,
        pick=pick,
    )
    meeting = place.meeting
    said: list[str] = []
    # what is said at a meeting counts from its day (a meeting recorded afterwards too); else today
    base = meeting.date if meeting is not None and meeting.date else today
    due_date = _due_of(repo, text, due, place, base, said)
    cue = read_sentence(text, today=base)
    resolved = _owners_of(repo, owners, cue, now=now, confirm=confirm)
    kind = cue.kind if cue is not None else Kind.ACTION
    stamp = timestamp(now)
    item_id = repo.add_item(
        kind=kind,
        text=text,
        owners=resolved,
        due=due_date,
        meeting_id=meeting.id if meeting else None,
        now=stamp,
        group_id=place.group.id if place.group else None,
    )
    repo.add_history(item_id, "created", {"text": text}, stamp, meeting.id if meeting else None)
    said += _placement_notes(repo, place, item_id)
    if warnings is not None:
        warnings += said
    return repo.get_item(item_id)


def _item_text(text: str) -> str:
    """An item's text as stored: its runs of spaces one space; an empty text is refused."""
    text = " ".join(text.split())
    if not text:
        raise InputError(_("An item needs a text."))
    return text


def _owners_of(
    repo: Writes, names: Sequence[str], cue: SentenceReading | None, *, now: datetime, confirm: Confirm | None
) -> list[Owner]:
    """A new item's owners: those named (--owner), else the subject of its sentence, else none
    (the group's)."""
    roster = StoredRoster(repo)  # by indexed keys, not every person
    if names:
        return _once([resolve_owner(repo, roster, name, now=now, confirm=confirm) for name in names])
    if cue is not None and cue.subject:
        return owners_from_subject(repo, roster, cue.subject, now=now, confirm=confirm)
    return []


def _placement_notes(repo: Writes, place: Placement, item_id: int) -> list[str]:
    """Where a new item went, said when it may surprise: to the group of the last meeting while
    there are other groups, or to no group at all."""
    if place.how == "last meeting" and place.group and len(repo.groups_at_most(2)) > 1:
        return [
            _(
                "#{id} is on the agenda of {group}, the group of the last meeting; "
                "`track edit {id} --group GROUP` moves it."
            ).format(id=item_id, group=place.group.name)
        ]
    if place.group is None:
        return [_("#{id} is on no group's agenda: there is no group yet.").format(id=item_id)]
    return []


def _due_of(
    repo: Reads, text: str, due: str | None, place: Placement, today: date, said: list[str]
) -> date | None:
    """The due date of a new item: --due, else the text's own, counted from `today` (the base
    day); what could not be read, or names no day, is said."""
    from actiontrack.dates import find_dates, first_due, parse_date, unread_date_phrases, vague_time_phrases

    next_meeting = None
    if speaks_of_a_meeting(due or text):  # the group's meetings are read only then: `add` stays fast
        if place.meeting is not None:
            next_meeting = next_meeting_after(repo, place.meeting)
        elif place.group is not None:
            next_meeting = next_meeting_of(repo, place.group.name, today)
    if due:
        due_date: date | None = parse_date(due, today, next_meeting=next_meeting)
    else:
        due_date = first_due(text, today, next_meeting=next_meeting)
        said += [
            _(
                "'{phrase}' looks like a date but is not one actiontrack understands; give --due to set one."
            ).format(phrase=phrase)
            for phrase in unread_date_phrases(text, base=today)
        ]
        if due_date is None:
            unknown = [m.text for m in find_dates(text, today) if m.rule == "next-meeting" and m.date is None]
            said += [
                _("'{phrase}': the date of the next meeting is not known; give --due to set one.").format(
                    phrase=p
                )
                for p in unknown
            ]
            said += [
                _("'{phrase}' names no day, so the item has no due date; give --due to set one.").format(
                    phrase=p
                )
                for p in vague_time_phrases(text)
            ]
    said += past_due(due_date, today)
    return due_date


def past_due(due: date | None, today: date) -> list[str]:
    """A due date set in the past is said: it is overdue from the start."""
    if due is None or due >= today:
        return []
    return [_("The due date {date} is already past.").format(date=due.isoformat())]


def _once(owners: list[Owner]) -> list[Owner]:
    """`--owner Karl --owner Karl` (or Karl and Kalle) is one owner."""
    return list(dict.fromkeys(owners))


def open_item(repo: Writes, item_id: int) -> Item:
    item = repo.get_item(item_id, with_history=False)
    if item.status is not Status.OPEN:
        raise InputError(
            _("Item {id} is {status}, not open; `track reopen {id}` opens it again.").format(
                id=item_id, status=_(item.status.value)
            )
        )
    return item


def complete(repo: Writes, ids: Sequence[int], *, note: str | None, now: datetime) -> list[Item]:
    stamp = timestamp(now)
    for item_id in ids:
        open_item(repo, item_id)
    for item_id in dict.fromkeys(ids):
        repo.update_item(item_id, status=Status.DONE, closed_at=stamp, updated_at=stamp)
        repo.add_history(item_id, "done", {"note": note} if note else {}, stamp, current_id(repo))
    return [repo.get_item(i) for i in dict.fromkeys(ids)]


def reopen(repo: Writes, item_id: int, *, now: datetime) -> Item:
    item = repo.get_item(item_id, with_history=False)
    if item.status is Status.OPEN:
        raise InputError(_("Item {id} is already open.").format(id=item_id))
    stamp = timestamp(now)
    repo.update_item(item_id, status=Status.OPEN, closed_at=None, updated_at=stamp)
    repo.add_history(item_id, "reopened", {"was": item.status.value}, stamp, current_id(repo))
    return repo.get_item(item_id)


def drop(repo: Writes, item_id: int, *, reason: str, now: datetime) -> Item:
    if not reason.strip():
        raise InputError(_("Say why the item is dropped: --reason TEXT."))
    open_item(repo, item_id)
    stamp = timestamp(now)
    repo.update_item(item_id, status=Status.DROPPED, closed_at=stamp, updated_at=stamp)
    repo.add_history(item_id, "dropped", {"reason": reason.strip()}, stamp, current_id(repo))
    return repo.get_item(item_id)


def edit(
    repo: Writes,
    item_id: int,
    *,
    text: str | None = None,
    owners: Sequence[str] | None = None,
    due: str | None = None,
    group: str | None = None,
    now: datetime,
    confirm: Confirm | None = None,
    base: date | None = None,
    next_meeting: date | None = None,
    warnings: list[str] | None = None,
) -> Item:
    """Change an item's text, owners, due date or group; the old and new values are kept in its
    history (the last entry of the item returned). A relative due date counts from `base`: today,
    or the day of the meeting at which it is decided (`agenda --review`), and "till nästa möte"
    is `next_meeting`, else the group's next meeting."""
    item = repo.get_item(item_id, with_history=False)
    today = base or today_of(now)
    changes: dict[str, object] = {}  # the history's [old, new] of each field changed
    fields: dict[str, object] = {}  # the columns to write
    same: list[str] = []  # what was asked that the item already has
    if text is not None:
        text = _item_text(text)
        if _differs(changes, same, "text", item.text, text, _("the text")):
            fields["text"] = text
    if due is not None:
        new_due = _new_due(repo, item, due, today, next_meeting)
        has = _("due {date}").format(date=_iso(new_due) or "–")
        if _differs(changes, same, "due", _iso(item.due), _iso(new_due), has):
            fields["due"] = _iso(new_due)
            if warnings is not None:
                warnings += past_due(new_due, today)
    if group is not None:
        found = find_group(repo, group)
        if _differs(
            changes, same, "group", item.group, found.name, _("group {group}").format(group=found.name)
        ):
            fields["group_id"] = found.id
    if owners is not None:
        _edit_owners(repo, item, owners, changes, same, now=now, confirm=confirm)
    if not changes:
        raise _nothing_to_change(item_id, same)
    stamp = timestamp(now)
    repo.update_item(item_id, updated_at=stamp, **fields)
    repo.add_history(item_id, "edited", changes, stamp, current_id(repo))
    return repo.get_item(item_id)


def _differs(
    changes: dict[str, object], same: list[str], key: str, old: object, new: object, has: str
) -> bool:
    """Whether an edit changes a field: its old and new value go into the history's `changes`;
    else what the item already `has` goes into `same`, for the error if nothing changes."""
    if new != old:
        changes[key] = [old, new]
        return True
    same.append(has)
    return False


def _edit_owners(
    repo: Writes,
    item: Item,
    names: Sequence[str],
    changes: dict[str, object],
    same: list[str],
    *,
    now: datetime,
    confirm: Confirm | None,
) -> None:
    """An edit's owners, written at once (they are rows of their own, not a column): they change
    when the names do, or when an owner was never resolved to a person."""
    roster = StoredRoster(repo)
    resolved = _once([resolve_owner(repo, roster, n, now=now, confirm=confirm) for n in names if n.strip()])
    if [o.name for o in resolved] != [o.name for o in item.owners] or any(
        o.kind is OwnerKind.UNRESOLVED for o in item.owners
    ):
        changes["owners"] = [[o.name for o in item.owners], [o.name for o in resolved]]
        repo.set_owners(item.id, resolved)
    else:
        same.append(_("owners {names}").format(names=", ".join(o.name for o in resolved) or _("the group")))


def _nothing_to_change(item_id: int, same: list[str]) -> UsageError:
    """The error of an edit that changes nothing: what the item already has, else which options
    change it."""
    if same:
        return UsageError(
            _("Nothing to change: #{id} already has {what}.").format(id=item_id, what=", ".join(same))
        )
    return UsageError(_("Nothing to change: give --text, --owner, --due or --group with a new value."))


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _new_due(repo: Writes, item: Item, due: str, today: date, next_meeting: date | None) -> date | None:
    from actiontrack.dates import parse_date

    if due.strip().lower() in ("", "-", "none", "ingen"):
        return None
    if next_meeting is None and item.group and speaks_of_a_meeting(due):
        next_meeting = next_meeting_of(repo, item.group, today)
    return parse_date(due, today, next_meeting=next_meeting)


def add_note(repo: Writes, item_id: int, text: str, *, now: datetime) -> Item:
    text = " ".join(text.split())
    if not text:
        raise InputError(_("A note needs a text."))
    repo.get_item(item_id, with_history=False)
    stamp = timestamp(now)
    repo.update_item(item_id, updated_at=stamp)
    repo.add_history(item_id, "noted", {"note": text}, stamp, current_id(repo))
    return repo.get_item(item_id)
