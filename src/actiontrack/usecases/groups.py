"""Which group an item or a meeting belongs to, and the group a user means.

Every open item is followed up on some group's agenda: an item added between meetings too.
Nothing is decided by a guess the user does not see: a group that does not exist is made only
when the user says so, a misspelt name gets "did you mean", and a group chosen for the user
(the group of the meeting last held) is said.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from actiontrack.errors import NotFoundError, UsageError
from actiontrack.i18n import _
from actiontrack.records import record

TYPE_CHECKING = False  # typing costs a command's start 3-4 ms
if TYPE_CHECKING:
    from actiontrack.models import Meeting
    from actiontrack.storage.reads import GroupRef, Reads

# A question with numbered answers, asked only at a terminal: (question, options) -> the index
# chosen, or None for none of them.
Pick = Callable[[str, Sequence[str]], int | None]


def closest_groups(repo: Reads, name: str, n: int = 3) -> list[str]:
    """The groups most like a misspelt name ("Kommunala pensionärrådet")."""
    from difflib import get_close_matches

    by_key = {g.name.casefold(): g.name for g in repo.groups()}
    return [
        by_key[k]
        for k in get_close_matches(" ".join(name.split()).casefold(), list(by_key), n=n, cutoff=0.75)
    ]


def no_such_group(repo: Reads, name: str, *, create_hint: bool = False) -> NotFoundError:
    """The sentence for a group name nobody has: the near ones, else the known ones."""
    close = closest_groups(repo, name)
    hint = " " + _("Give --new-group to create it.") if create_hint else ""
    if close:
        return NotFoundError(
            _("There is no group '{name}'; did you mean '{close}'?").format(
                name=name, close="', '".join(close)
            )
            + hint
        )
    known = ", ".join(g.name for g in repo.groups()) or _("none yet")
    return NotFoundError(
        _("There is no group '{name}' (known: {known}).").format(name=name, known=known) + hint
    )


def find_group(repo: Reads, name: str) -> GroupRef:
    """The group a user means: its name in any case ("ledningsgrupp"), or a prefix only it has.

    NotFoundError names the near ones ("did you mean"), else the known groups; a prefix several
    groups share lists those."""
    found = repo.find_group(name)  # one index look-up when typed as it is stored
    if found is not None:
        return found
    key = " ".join(name.split()).casefold()
    groups = repo.groups()
    exact = [g for g in groups if g.name.casefold() == key]
    if exact:
        return exact[0]
    started = [g for g in groups if key and g.name.casefold().startswith(key)]
    if len(started) == 1:
        return started[0]
    if started:
        names = ", ".join(g.name for g in started)
        raise NotFoundError(
            _("'{name}' could be any of the groups {names}; give more of the name.").format(
                name=name, names=names
            )
        )
    raise no_such_group(repo, name)


@record(frozen=True)
class Placement:
    """Where a new item goes: the meeting it is recorded at, the group whose agenda follows it up,
    and how that group was chosen ("meeting", "option", "default", "last meeting", "only group",
    "chosen", or "none" when there is no group at all)."""

    meeting: Meeting | None
    group: GroupRef | None
    how: str


def place_item(
    repo: Reads,
    *,
    meeting: Meeting | None,
    explicit_meeting: bool,
    group: str | None,
    default_group: str | None,
    today: date,
    pick: Pick | None = None,
) -> Placement:
    """The item's meeting and group: the meeting's group (a meeting given with --meeting, or the
    one under way), else --group, else the setting default_group, else the group of the meeting
    last held, else the only group, else a question (or an error naming --group)."""
    if meeting is not None and (explicit_meeting or group is None):
        if explicit_meeting and group and find_group(repo, group).name != meeting.group:
            raise UsageError(
                _("Meeting #{id} is a meeting of {group}; give --meeting or --group, not both.").format(
                    id=meeting.id, group=meeting.group
                )
            )
        return Placement(meeting, repo.find_group(meeting.group), "meeting")
    if group:
        found = find_group(repo, group)
        # the meeting under way is another group's: the item waits for this group's next meeting
        on = meeting if meeting is not None and meeting.group == found.name else None
        return Placement(on, found, "meeting" if on else "option")
    if default_group:
        return Placement(None, find_group(repo, default_group), "default")
    last = repo.last_held(today)
    if last is not None:
        return Placement(None, repo.find_group(last.group), "last meeting")
    few = repo.groups_at_most(2)
    if len(few) <= 1:
        return Placement(None, few[0] if few else None, "only group" if few else "none")
    groups = repo.groups()
    names = [g.name for g in groups]
    chosen = pick(_("Which group's agenda is the item for?"), names) if pick is not None else None
    if chosen is None:
        raise UsageError(
            _("Which group's agenda is the item for? Give --group (known: {groups}).").format(
                groups=", ".join(names)
            )
        )
    return Placement(None, groups[chosen], "chosen")


def speaks_of_a_meeting(text: str) -> bool:
    """Whether a date phrase may be "till nästa möte" (or sammanträde, träff): only then is the
    group's next meeting worth reading."""
    return any(word in text.casefold() for word in ("möte", "sammantr", "träff"))


def next_meeting_of(repo: Reads, group: str, today: date) -> date | None:
    """When the group meets next, as its agenda reckons it (schedule, minutes, rhythm)."""
    from actiontrack.agenda import next_meeting

    return next_meeting(repo.list_meetings(group), repo.schedule(group), given=None, today=today).date
