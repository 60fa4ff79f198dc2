"""The one door of the command line into the use cases (actiontrack/usecases/).

Each command calls what it needs as `service.NAME`; the module holding NAME is imported
the first time it is asked for, so a command loads its own use cases and no others
(`track add` does not load the extractor the import needs).
"""

from __future__ import annotations

# name -> the module of actiontrack.usecases that defines it
_WHERE = {
    **dict.fromkeys(["agenda", "decide", "Digest", "digest", "keep", "meeting_for_review"], "agenda"),
    **dict.fromkeys(["CURRENT_MEETING", "current_id", "timestamp", "today_of"], "common"),
    **dict.fromkeys(
        ["extract_document", "import_pending", "ImportResult", "Plan", "plan_import", "text_hash"],
        "documents",
    ),
    "export_items": "exporting",
    **dict.fromkeys(["Change", "log", "undo"], "history"),
    **dict.fromkeys(["import_documents", "ImportHooks", "ImportOptions", "Outcome", "QuietHooks"], "import_run"),
    **dict.fromkeys(["add_item", "add_note", "complete", "drop", "edit", "open_item", "reopen"], "items"),
    **dict.fromkeys(["Filters", "list_items", "OwnerFilter", "sort_for_listing"], "listing"),
    **dict.fromkeys(["extract_for_import", "Pending", "settle_dates"], "meeting_dates"),
    **dict.fromkeys(
        ["current_meeting", "delete_meeting", "edit_meeting", "end_meeting", "next_meeting_after",
         "start_meeting"], "meetings",
    ),
    **dict.fromkeys(["find_group", "place_item"], "groups"),
    "Reviewed": "reviewed",
    **dict.fromkeys(
        ["add_alias", "add_person", "find_person", "merge_people", "owners_from_subject", "resolve_owner"], "people"
    ),
    **dict.fromkeys(["forget_person", "PersonData", "person_data"], "personal_data"),
    **dict.fromkeys(["check_export_stream", "restore_export", "restore_json", "RestoreResult"], "restore"),
    **dict.fromkeys(
        ["entries", "entry", "follow_renamed_groups", "group_or_default", "masked", "set_value", "unset"], "settings"
    ),
}  # fmt: skip

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(__import__(f"actiontrack.usecases.{module}", fromlist=[name]), name)
    globals()[name] = value  # asked once
    return value


TYPE_CHECKING = False  # typing costs a command's start 3-4 ms
if TYPE_CHECKING:  # the same names, for type checkers and readers
    from typing import Any

    from actiontrack.usecases.agenda import Digest, agenda, decide, digest, keep, meeting_for_review
    from actiontrack.usecases.common import CURRENT_MEETING, current_id, timestamp, today_of
    from actiontrack.usecases.documents import (
        ImportResult,
        Plan,
        extract_document,
        import_pending,
        plan_import,
        text_hash,
    )
    from actiontrack.usecases.exporting import export_items
    from actiontrack.usecases.groups import find_group, place_item
    from actiontrack.usecases.history import Change, log, undo
    from actiontrack.usecases.import_run import (
        ImportHooks,
        ImportOptions,
        Outcome,
        QuietHooks,
        import_documents,
    )
    from actiontrack.usecases.items import add_item, add_note, complete, drop, edit, open_item, reopen
    from actiontrack.usecases.listing import Filters, OwnerFilter, list_items, sort_for_listing
    from actiontrack.usecases.meeting_dates import Pending, extract_for_import, settle_dates
    from actiontrack.usecases.meetings import (
        current_meeting,
        delete_meeting,
        edit_meeting,
        end_meeting,
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
    from actiontrack.usecases.personal_data import PersonData, forget_person, person_data
    from actiontrack.usecases.restore import RestoreResult, check_export_stream, restore_export, restore_json
    from actiontrack.usecases.reviewed import Reviewed
    from actiontrack.usecases.settings import (
        entries,
        entry,
        follow_renamed_groups,
        group_or_default,
        masked,
        set_value,
        unset,
    )
