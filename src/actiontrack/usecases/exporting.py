"""`track export`: the items chosen, for other programs: a full copy (JSON, with the history),
a spreadsheet (CSV or Excel) or a calendar (iCalendar, with the groups' meetings)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from itertools import chain
from typing import TYPE_CHECKING

from actiontrack.usecases.common import timestamp
from actiontrack.usecases.groups import find_group

if TYPE_CHECKING:
    from actiontrack.models import Item
    from actiontrack.storage.reads import Reads


def export_items(
    repo: Reads,
    items: Sequence[Item],
    fmt: str,
    *,
    group: str | None,
    now: datetime,
    tasks_as_events: bool = False,
    delimiter: str = ",",
    swedish: bool = False,
) -> str | bytes | Iterable[str]:
    """The items chosen (service.list_items, by `group` among others) as `fmt`: "json" (every
    field and the history, which `track import --from-json` reads back; in pieces, everything
    read from `repo` before it returns), "ics" (see _calendar), "xlsx", or "csv" for Excel
    (`swedish`: local times)."""
    from actiontrack import export

    if fmt == "json":
        return chain(export.json_chunks(export.snapshot(repo, items), timestamp(now)), ["\n"])
    if fmt == "ics":
        return _calendar(repo, items, group, now=now, tasks_as_events=tasks_as_events)
    if fmt == "xlsx":
        from actiontrack.export.sheet import xlsx

        return xlsx(items)
    return export.excel_csv(items, delimiter=delimiter, swedish=swedish)


def _calendar(
    repo: Reads, items: Sequence[Item], group: str | None, *, now: datetime, tasks_as_events: bool
) -> bytes:
    """The items as to-dos (or all-day events with a reminder, `tasks_as_events`), and the
    meetings held and to come of their groups and of the group asked for, items or not."""
    from actiontrack.export.calendar import ics

    named = find_group(repo, group).name if group else None
    groups = sorted({i.meeting.group for i in items if i.meeting} | ({named} if named else set()))
    return ics(
        items,
        {g: repo.schedule(g) for g in groups},
        {g: repo.list_meetings(g) for g in groups},
        now=now,
        tasks_as_events=tasks_as_events,
    )
