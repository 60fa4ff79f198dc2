"""Use cases: what each command does, over a repository, at a given time.

The rules live in `actiontrack.usecases`, one module per concern (items, meetings,
documents, agenda, people); this module gathers what the commands call, so that
`from actiontrack import service` stays the one way in. Personal data (export and
forget a person) is below.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from actiontrack.models import Item, Meeting, Person
from actiontrack.usecases.agenda import Digest, agenda, digest, keep, meeting_for_review
from actiontrack.usecases.common import CURRENT_MEETING, Confirm, current_id, timestamp, today_of
from actiontrack.usecases.documents import (
    ImportResult,
    Plan,
    extract_document,
    import_pending,
    plan_import,
    text_hash,
)
from actiontrack.usecases.history import Change, log, undo
from actiontrack.usecases.items import (
    Filters,
    OwnerFilter,
    add_item,
    add_note,
    complete,
    drop,
    edit,
    list_items,
    open_item,
    reopen,
    sort_for_listing,
)
from actiontrack.usecases.meeting_dates import Pending, extract_for_import, settle_dates
from actiontrack.usecases.meetings import (
    current_meeting,
    delete_meeting,
    edit_meeting,
    end_meeting,
    find_group,
    next_meeting_after,
    start_meeting,
)
from actiontrack.usecases.people import (
    add_alias,
    add_person,
    find_person,
    merge_people,
    owners_from_subject,
    resolve_owner,
)

if TYPE_CHECKING:
    from actiontrack.storage.reads import Reads
    from actiontrack.storage.repository import Repository

# What the commands call (the personal-data functions below are this module's own).
__all__ = [
    "add_alias", "add_item", "add_note", "add_person", "agenda", "Change", "complete", "Confirm",
    "current_id", "current_meeting", "CURRENT_MEETING", "delete_meeting", "Digest", "digest",
    "drop", "edit", "edit_meeting", "end_meeting", "extract_document", "extract_for_import",
    "Filters", "find_group", "find_person", "import_pending", "ImportResult", "keep", "list_items",
    "log", "meeting_for_review", "merge_people", "next_meeting_after", "open_item", "OwnerFilter",
    "owners_from_subject", "Pending", "Plan", "plan_import", "reopen", "resolve_owner",
    "settle_dates", "sort_for_listing", "start_meeting", "text_hash", "timestamp", "today_of",
    "undo",
]  # fmt: skip


# --- personal data ------------------------------------------------------------------------------

REMOVED = "removed person"  # what a forgotten person becomes, as owner and in every stored text


@dataclass
class PersonData:
    person: Person
    meetings: list[tuple[Meeting, bool]]
    owned: list[Item]
    mentioned: list[Item]
    secretary_of: list[Meeting]


def _name_patterns(person: Person) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    """How a person is written: everywhere by full name or alias; by first name or nickname only
    where it can only mean them: in their own items and in those of the meetings they attended."""
    from actiontrack.names_sv import first_name_forms

    def words(names: set[str]) -> re.Pattern[str]:
        alternatives = "|".join(sorted((re.escape(n) for n in names if n), key=len, reverse=True))
        return re.compile(r"(?<![\w])(?:" + alternatives + r")(?:s)?(?![\w])", re.IGNORECASE)

    full = {person.name, *person.aliases}
    first = person.name.split()[0] if person.name.split() else ""
    short = {first, *first_name_forms(first)} if first else set()
    short -= {n for n in short if n.casefold() in {a.casefold() for a in full}}
    return words(full), (words(short) if first and first != person.name else None)


def person_data(repo: Reads, name: str) -> PersonData:
    """Everything stored about a person: items owned, items and notes that name them, meetings."""
    person = find_person(repo, name)
    meetings = repo.meetings_of(person.id)  # type: ignore[arg-type]
    owned = [repo.get_item(i) for i in repo.item_ids_owned_by(person.id)]  # type: ignore[arg-type]
    full, short = _name_patterns(person)
    own_ids = {i.id for i in owned}
    their_meetings = {m.id for m, _ in meetings}
    mentioned = []
    for item in (repo.get_item(i) for i in repo.item_ids_mentioning(_search_words(person))):
        if item.id in own_ids:
            continue
        texts = [
            item.text,
            item.source or "",
            item.topic or "",
            *(json.dumps(h.detail, ensure_ascii=False) for h in item.history),
        ]
        nearby = item.meeting is not None and item.meeting.id in their_meetings
        if any(full.search(t) or (short and nearby and short.search(t)) for t in texts):
            mentioned.append(item)
    secretary_of = [m for m in repo.list_meetings() if m.secretary and full.fullmatch(m.secretary)]
    return PersonData(person, meetings, owned, mentioned, secretary_of)


def _search_words(person: Person) -> list[str]:
    """Words to narrow the search in SQL (LIKE); the patterns above decide."""
    from actiontrack.names_sv import first_name_forms

    first = person.name.split()[0] if person.name.split() else person.name
    return sorted({person.name, *person.aliases, first, *first_name_forms(first)})


def forget_person(repo: Repository, name: str, *, now: datetime) -> PersonData:
    """Remove a person and rewrite every stored sentence and note that names them; keep the items.

    The items they owned keep an owner called "removed person". The caller vacuums the
    database afterwards so that no deleted page keeps the name (storage.purge).
    """
    data = person_data(repo, name)
    full, short = _name_patterns(data.person)

    def scrub(text: str | None, *, nearby: bool) -> str | None:
        if text is None:
            return None
        text = full.sub(REMOVED, text)
        return short.sub(REMOVED, text) if short is not None and nearby else text

    their_meetings = {m.id for m, _ in data.meetings}
    for item in [*data.owned, *data.mentioned]:
        nearby = item in data.owned or (item.meeting is not None and item.meeting.id in their_meetings)
        repo.rewrite_item_texts(
            item.id,
            text=scrub(item.text, nearby=nearby) or "",
            source=scrub(item.source, nearby=nearby),
            topic=scrub(item.topic, nearby=nearby),
            history=lambda detail, nearby=nearby: scrub(detail, nearby=nearby) or "",
        )
    repo.forget_person(data.person.id, replacement=REMOVED)  # type: ignore[arg-type]
    for meeting in data.secretary_of:
        repo.set_meeting_secretary(meeting.id, REMOVED)
    return data
