"""Which items `track open` (and the digest and export) list, and in what order.

For people used to Taskwarrior and todoman: words to search for (`--search`), an order
(`--sort due|owner|meeting|id`), a number (`--limit`), and `--owner gruppen` for the items
that are the whole group's.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from actiontrack.errors import NotFoundError, UsageError
from actiontrack.i18n import _
from actiontrack.models import Item, Owner, OwnerKind, Status
from actiontrack.people import SHOWN, StoredRoster, ambiguous
from actiontrack.records import record
from actiontrack.usecases.groups import find_group

TYPE_CHECKING = False  # typing costs a command's start 3-4 ms
if TYPE_CHECKING:
    from actiontrack.storage.reads import Reads

SORTS = ("due", "owner", "meeting", "id")
_THE_GROUP = ("gruppen", "the group", "group")  # `--owner gruppen`: items nobody in particular owns


def sort_for_listing(items: Sequence[Item], today: date, by: str = "due") -> list[Item]:
    """By due date: overdue first, then by due date (undated last), then oldest first. Or by
    owner (the group's last), by the meeting they came from (newest first), or by id."""
    if by == "id":
        return sorted(items, key=lambda it: it.id)
    if by == "owner":
        return sorted(
            items,
            key=lambda it: (
                not it.owners,
                it.owners[0].name.casefold() if it.owners else "",
                it.due or date.max,
                it.id,
            ),
        )
    if by == "meeting":
        return sorted(
            items,
            key=lambda it: (
                -(it.meeting.date or date.min).toordinal() if it.meeting else 1,
                it.due or date.max,
                it.id,
            ),
        )
    if by != "due":
        raise UsageError(
            _("--sort must be one of {sorts}, not '{by}'.").format(sorts=", ".join(SORTS), by=by)
        )
    return sorted(
        items,
        key=lambda it: (
            0 if it.is_overdue(today) else 1,
            it.due or date.max,
            it.created_at or "",
            it.id,
        ),
    )


@record(frozen=True)
class Filters:
    owner: str | None = None
    group: str | None = None
    meeting_id: int | None = None
    overdue: bool = False
    due_before: str | None = None
    statuses: tuple[Status, ...] = (Status.OPEN,)
    search: str | None = None  # words the text must hold, in any case
    sort: str = "due"
    limit: int | None = None


@record(frozen=True)
class OwnerFilter:
    """Who `--owner NAME` means: the people the name may mean, else an organisation so named, or
    (`gruppen`) nobody in particular."""

    person_ids: list[int] | None
    organisation: str | None
    unowned: bool = False

    @classmethod
    def of(cls, repo: Reads, name: str | None, *, narrowed: bool = False) -> OwnerFilter:
        """`narrowed`: a group or meeting limits the items too, so a first name many people
        share in the whole database may still be few there, and is taken as it is."""
        if not name:
            return cls(None, None)
        if " ".join(name.split()).casefold() in {*_THE_GROUP, _("the group").casefold()}:
            return cls(None, None, unowned=True)
        roster = StoredRoster(repo)
        # "Leif" in a shared database of a thousand Leifs: a page of strangers' items is no answer,
        # nor is it quick to give; the name is asked for, as `add` asks for it
        if not narrowed and (crowded := roster.crowded(name)):
            raise crowded
        matches = roster.candidates(name)
        if len(matches) > SHOWN and not narrowed:  # many, by their nicknames or surname
            raise ambiguous(name, matches)
        if matches:
            return cls([m.person.id for m in matches if m.person.id is not None], None)
        if repo.organisation_known(name):  # "socialförvaltningen", or an owner nobody is called yet
            return cls(None, name)
        if name[:1].islower():
            raise NotFoundError(
                _("No item is owned by an organisation called '{name}', and nobody is called so.").format(
                    name=name
                )
            )
        roster.resolve(name)  # raises the sentence `add` gives, with the closest names
        raise AssertionError("unreachable")

    def matches(self, owner: Owner) -> bool:
        if self.person_ids is None and self.organisation is None:
            return not self.unowned
        if owner.kind is not OwnerKind.PERSON:
            return self.organisation is not None and owner.name.casefold() == self.organisation.casefold()
        return self.person_ids is not None and owner.person_id in self.person_ids


def list_items(repo: Reads, filters: Filters, *, today: date) -> list[Item]:
    who = OwnerFilter.of(repo, filters.owner, narrowed=bool(filters.group or filters.meeting_id is not None))
    due_before = None
    if filters.due_before:
        from actiontrack.dates import parse_date  # only then: `track open` starts faster

        due_before = parse_date(filters.due_before, today)
    if filters.overdue:
        due_before = min(due_before, today) if due_before else today
    group = find_group(repo, filters.group).name if filters.group else None
    if filters.meeting_id is not None:
        repo.get_meeting(filters.meeting_id)  # "There is no meeting 99", not "No items"
    if filters.limit is not None and filters.limit < 1:
        raise UsageError(_("--limit must be a number of items, 1 or more."))
    items = repo.query_items(
        statuses=filters.statuses,
        person_ids=who.person_ids,
        organisation=who.organisation,
        group=group,
        meeting_id=filters.meeting_id,
        due_before=due_before,
    )
    if who.unowned:
        items = [i for i in items if not i.owners]
    if filters.search:
        words = filters.search.casefold().split()
        items = [i for i in items if all(w in i.text.casefold() for w in words)]
    listed = sort_for_listing(items, today, filters.sort)
    return listed[: filters.limit] if filters.limit is not None else listed
