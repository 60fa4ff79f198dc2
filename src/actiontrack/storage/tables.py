"""The current schema's tables and columns, as the journal and `track undo` need them.

Migrations (migrations.py) create and upgrade the database; this is what they make, in
the columns' order. tests/test_migrations.py checks that a fully migrated database has
exactly these columns, so the two cannot drift. Dates are ISO strings (YYYY-MM-DD),
timestamps UTC ISO-8601 strings: they sort and compare the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

COLUMNS: dict[str, tuple[str, ...]] = {
    "groups": ("id", "name", "place", "created_at"),
    "meetings": (
        "id", "group_id", "date", "title", "place", "secretary", "source_path", "source_hash",
        "next_meeting", "created_at", "time", "next_time", "next_place",
    ),
    "people": (
        "id", "name", "organisation", "created_at", "name_key", "first_key", "last_key", "initials",
    ),
    "person_aliases": ("id", "person_id", "alias"),
    "meeting_attendees": ("meeting_id", "person_id", "present"),
    "scheduled_meetings": ("id", "group_id", "date", "place", "source_meeting_id"),
    "items": (
        "id", "kind", "text", "status", "due", "meeting_id", "source", "line", "topic", "confidence",
        "created_at", "updated_at", "closed_at", "group_id",
    ),
    "item_owners": ("id", "item_id", "position", "person_id", "organisation", "unresolved"),
    "item_history": ("id", "item_id", "at", "action", "detail", "meeting_id"),
    "settings": ("key", "value"),
    "changes": ("id", "command_id", "at", "run_by", "label", "summary", "detail", "undone_at"),
}  # fmt: skip

# The columns that name a row; every other table's is `id`.
KEYS: dict[str, tuple[str, ...]] = {
    "meeting_attendees": ("meeting_id", "person_id"),
    "settings": ("key",),
}


def key_of(table: str) -> tuple[str, ...]:
    return KEYS.get(table, ("id",))
