"""The reads of an import and a restore: what is already there, looked up by key, so that they
cost the same in a database of any size.

Split from reads.py, whose Reads includes it (over PeopleReads), so that each stays a room one
can read.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from actiontrack.storage.people_reads import PeopleReads
from actiontrack.storage.sql import IN_LIST, chunks, in_list

TYPE_CHECKING = False  # typing costs a command's start 3-4 ms
if TYPE_CHECKING:
    from typing import Any


class ImportReads(PeopleReads):
    """Meetings of a day, items edited since their import, items an export holds."""

    def same_day(self, group_id: int, day: str) -> list[int]:
        """The ids of a group's meetings on a day, oldest first."""
        rows = self.run(
            "SELECT id FROM meetings WHERE group_id = :g AND date = :d ORDER BY id", {"g": group_id, "d": day}
        )
        return [r[0] for r in rows]

    def imported_on_day_or_from(self, group_id: int, month_day: str, path: str) -> list[int]:
        """The ids of a group's meetings imported from minutes, dated on this month and day
        ('MM-DD') of any year or imported from this file: what a --year or --date corrects."""
        rows = self.run(
            "SELECT id FROM meetings WHERE group_id = :g AND source_hash IS NOT NULL AND date IS NOT NULL "
            "AND (substr(date, 6, 5) = :md OR source_path = :path) ORDER BY date, id",
            {"g": group_id, "md": month_day, "path": path},
        )
        return [r[0] for r in rows]

    def edited_by_hand(self, item_ids: Sequence[int]) -> dict[int, str]:
        """Which of these items were changed by a person since they were imported, and how:
        "edited by hand" (edit, reopen), "corrected in review" or "skipped in review"."""
        found: dict[int, str] = {}
        for chunk in chunks(list(item_ids), IN_LIST):
            ids_sql, params = in_list("i", chunk)
            for item_id, action, detail in self.run(
                f"SELECT item_id, action, detail FROM item_history WHERE item_id IN {ids_sql} "
                "AND action IN ('edited', 'reopened', 'reviewed', 'dropped') ORDER BY id",
                params,
            ):
                if action == "dropped":
                    if json.loads(detail).get("reason") == "skipped in review":  # documents.SKIPPED_IN_REVIEW
                        found[item_id] = "skipped in review"
                    continue
                found[item_id] = "corrected in review" if action == "reviewed" else "edited by hand"
        return found

    def item_keys(self) -> set[Any]:
        """(text, created_at) of every item, and every text alone: what restoring an export
        twice recognises, looked up in memory instead of a query per item (no index on text)."""
        keys: set[Any] = set()
        for text, created_at in self.run("SELECT text, created_at FROM items", {}):
            keys.add((text, created_at))
            keys.add(text)
        return keys

    def find_item(self, text: str, created_at: str | None) -> int | None:
        """The id of an item with this text created at this time (restoring an export twice)."""
        sql, params = "SELECT id FROM items WHERE text = :text", {"text": text}
        if created_at:
            sql += " AND created_at = :created_at"
            params["created_at"] = created_at
        rows = self.run(sql, params)
        return rows[0][0] if rows else None
