"""Use cases: what each command does, over a repository, at a given time.

The rules live in `actiontrack.usecases`, one module per concern (items, meetings,
documents, agenda, people); this module gathers what the commands call, so that
`from actiontrack import service` stays the one way in. Personal data (export and
forget a person) is in `actiontrack.personal_data`.
"""

from __future__ import annotations

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

# What the commands call.
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
