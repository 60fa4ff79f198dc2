"""The shape of a JSON export, checked before `track import --from-json` writes anything.

A file edited by hand, cut short or made by something else is one sentence naming the
place ("'items', entry 3, 'text' is missing"), never a KeyError or TypeError.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from actiontrack.errors import DocumentError
from actiontrack.i18n import _
from actiontrack.models import Kind, OwnerKind, Status


def check_export(data: dict[str, Any]) -> None:
    """DocumentError with a sentence when the export does not hold what `track export` writes."""
    _check(data, _EXPORT, "")


# What an export holds, checked before anything is written: a file edited by hand or cut short
# is one sentence naming the place, never a KeyError. "date" is YYYY-MM-DD; a type in
# a tuple with None may be missing or null; a list of one spec is a list of such values.
_OPT_TEXT = (str, None)
_EXPORT: dict[str, Any] = {
    "people": ([{"name": str, "organisation": _OPT_TEXT, "aliases": ([str], None)}], None),
    "groups": ([{"name": str, "schedule": ([{"date": "date", "place": _OPT_TEXT}], None)}], None),
    "meetings": (
        [
            {
                "id": int,
                "group": str,
                "date": ("date", None),
                "title": _OPT_TEXT,
                "place": _OPT_TEXT,
                "secretary": _OPT_TEXT,
                "source": _OPT_TEXT,
                "source_hash": _OPT_TEXT,
                "next_meeting": ("date", None),
                "attendees": ([{"name": str, "present": (bool, None)}], None),
            }
        ],
        None,
    ),
    "items": (
        [
            {
                "kind": {k.value for k in Kind},
                "text": str,
                "status": ({s.value for s in Status}, None),
                "due": ("date", None),
                "owners": ([str], None),
                "source": _OPT_TEXT,
                "topic": _OPT_TEXT,
                "owners_detail": ([{"name": str, "kind": {k.value for k in OwnerKind}}], None),
                "meeting": ({"id": int}, None),
                "group": _OPT_TEXT,
                "line": (int, None),
                "confidence": (float, int, None),
                "created_at": _OPT_TEXT,
                "updated_at": _OPT_TEXT,
                "closed_at": _OPT_TEXT,
                "history": (
                    [{"action": str, "at": str, "detail": (dict, None), "meeting_id": (int, None)}],
                    None,
                ),
            }
        ],
        None,
    ),
}


def _check(value: Any, spec: Any, where: str) -> None:
    def fail(what: str) -> None:
        raise DocumentError(
            _("This export cannot be read: {where} {what}.").format(where=where or _("the file"), what=what)
        )

    def inner(piece: str) -> str:
        return f"{where}, {piece}" if where else piece

    options = spec if isinstance(spec, tuple) else (spec,)
    if value is None:
        if None not in options:
            fail(_("is missing"))
        return
    for option in options:
        if option is None:
            continue
        if isinstance(option, dict):
            if not isinstance(value, dict):
                continue
            for key, sub in option.items():
                _check(value.get(key), sub, inner(f"'{key}'"))
            return
        if isinstance(option, list):
            if not isinstance(value, list):
                continue
            for n, element in enumerate(value, start=1):
                _check(element, option[0], inner(_("entry {n}").format(n=n)))
            return
        if isinstance(option, set):
            if value in option:
                return
            fail(
                _("is {value}, not one of {choices}").format(
                    value=repr(value), choices=", ".join(sorted(option))
                )
            )
        if option == "date":
            if isinstance(value, str):
                try:
                    date.fromisoformat(value)
                    return
                except ValueError:
                    fail(_("is '{value}', not a date (YYYY-MM-DD)").format(value=value))
            continue
        if (
            isinstance(option, type)
            and isinstance(value, option)
            and not (isinstance(value, bool) and option is not bool)
        ):
            if isinstance(value, str) and not value.strip() and None not in options:
                fail(_("is empty"))
            return
    shown = json.dumps(value, ensure_ascii=False, default=str)[:40]
    fail(_("is {type} {value}, not what an export holds").format(type=type(value).__name__, value=shown))


def without_nul(value: Any) -> Any:
    """NUL cannot be stored in PostgreSQL text; it is dropped on either database, as when reading minutes."""
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, list):
        return [without_nul(v) for v in value]
    if isinstance(value, dict):
        return {k: without_nul(v) for k, v in value.items()}
    return value
