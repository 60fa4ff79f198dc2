"""Getting items out of actiontrack and back in.

- CSV that Excel opens with å, ä and ö intact (UTF-8 with a byte order mark);
- JSON with every field and the history, which `track import --from-json` reads
  back (usecases/restore.py), so a database can be moved or restored;
- the Excel workbook is export/sheet.py, the iCalendar file export/calendar.py.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING

from actiontrack.models import Item, Meeting, Person, ScheduledMeeting
from actiontrack.records import record
from actiontrack.render import history_dict, item_dict, items_csv

if TYPE_CHECKING:
    from actiontrack.storage.reads import Reads

FORMAT = "actiontrack-export"
VERSION = 1


def excel_csv(items: Sequence[Item], *, delimiter: str = ",", swedish: bool = False) -> bytes:
    """CSV as Excel expects it: UTF-8 with BOM, CRLF line ends. Swedish Excel wants `;` and reads
    the file as Swedish (see render.items_csv)."""
    text = items_csv(items, delimiter=delimiter, swedish=swedish)
    return ("\ufeff" + text.replace("\n", "\r\n")).encode("utf-8")


# --- JSON dump and restore ------------------------------------------------------------------------


@record(frozen=True)
class Snapshot:
    people: list[Person]
    meetings: list[Meeting]
    attendance: dict[int, list[tuple[Person, bool]]]
    schedules: dict[str, list[ScheduledMeeting]]
    items: list[Item]


def snapshot(repo: Reads, items: Sequence[Item]) -> Snapshot:
    # in the order they were made, so that a restore into an empty database keeps the ids
    meetings = sorted(repo.list_meetings(), key=lambda m: m.id)
    groups = sorted({m.group for m in meetings})
    return Snapshot(
        people=repo.list_people(),
        meetings=meetings,
        attendance={m.id: repo.attendance(m.id) for m in meetings},
        schedules={g: repo.schedule(g) for g in groups},
        items=_with_histories(repo, sorted(items, key=lambda i: i.id)),
    )


def _with_histories(repo: Reads, items: list[Item]) -> list[Item]:
    from actiontrack.records import replace

    histories = repo.histories([i.id for i in items])  # type: ignore[misc]
    return [replace(i, history=histories.get(i.id, ())) for i in items]  # type: ignore[arg-type]


def dump_json(snap: Snapshot, exported_at: str) -> str:
    return "".join(json_chunks(snap, exported_at))


def json_chunks(snap: Snapshot, exported_at: str) -> Iterator[str]:
    """The export as JSON, a piece at a time: the head indented, then one item a line, each
    encoded by the C encoder (indenting all of it went through the pure-Python one: 100,000
    items took 30 s and a gigabyte, the whole text being built before it was written)."""

    def owners(item: Item) -> list[dict[str, str]]:
        return [{"name": o.name, "kind": o.kind.value} for o in item.owners]

    head = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": exported_at,
        "people": [
            {"id": p.id, "name": p.name, "organisation": p.organisation, "aliases": list(p.aliases)}
            for p in snap.people
        ],
        "groups": [
            {"name": g, "schedule": [{"date": s.date.isoformat(), "place": s.place} for s in sched]}
            for g, sched in snap.schedules.items()
        ],
        "meetings": [
            {
                "id": m.id,
                "group": m.group,
                "date": _iso(m.date),
                "title": m.title,
                "place": m.place,
                "secretary": m.secretary,
                "source": m.source_path,
                "source_hash": m.source_hash,
                "next_meeting": _iso(m.next_meeting),
                "time": m.time,
                "attendees": [
                    {"name": p.name, "present": present} for p, present in snap.attendance.get(m.id, [])
                ],
            }
            for m in snap.meetings
        ],
    }
    yield json.dumps(head, ensure_ascii=False, indent=1)[:-2] + ',\n "items": ['
    encode = json.JSONEncoder(ensure_ascii=False).encode
    for n, i in enumerate(snap.items):
        item = {**item_dict(i), "owners_detail": owners(i), "history": [history_dict(h) for h in i.history]}
        yield ("," if n else "") + "\n  " + encode(item)
    yield "\n ]\n}"


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None
