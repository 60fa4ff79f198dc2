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


def check_entry(key: str, n: int, entry: Any) -> None:
    """Entry `n` (from 1) of the export's list `key`, checked as check_export checks it."""
    _check(entry, _EXPORT[key][0][0], (("", key), n))


def check_part(key: str, value: Any) -> None:
    """The value of the export's `key` when it is not a list of entries."""
    _check(value, _EXPORT[key], ("", key))


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


# Where a value is: "" (the file), a text, or (where, key) and (where, entry number) built as
# the checks go down and put in words only when one fails: an export of 100,000 items has
# millions of values, and formatting each place cost most of the check.
Where = Any


def _place(where: Where) -> str:
    if isinstance(where, str):
        return where
    parent, piece = where
    text = f"'{piece}'" if isinstance(piece, str) else _("entry {n}").format(n=piece)
    outer = _place(parent)
    return f"{outer}, {text}" if outer else text


def _fail(where: Where, what: str) -> None:
    raise DocumentError(
        _("This export cannot be read: {where} {what}.").format(
            where=_place(where) or _("the file"), what=what
        )
    )


Check = Any  # Callable[[Any, Where], None]
Try = Any  # Callable[[Any, Where], bool]: True when the value is of this option, False to try the next


def _compiled(spec: Any) -> Check:
    """A function that checks a value against `spec` (see _EXPORT): each spec is turned into
    closures once, so that checking an item is calls, not a walk over the spec's options."""
    options = spec if isinstance(spec, tuple) else (spec,)
    optional = None in options
    tries = [_option(o, optional) for o in options if o is not None]

    def check(value: Any, where: Where) -> None:
        if value is None:
            if not optional:
                _fail(where, _("is missing"))
            return
        for attempt in tries:
            if attempt(value, where):
                return
        shown = json.dumps(value, ensure_ascii=False, default=str)[:40]
        _fail(
            where,
            _("is {type} {value}, not what an export holds").format(type=type(value).__name__, value=shown),
        )

    return check


def _options(spec: Any) -> tuple[Any, ...]:
    return spec if isinstance(spec, tuple) else (spec,)


def _option(option: Any, optional: bool) -> Try:
    if option is str:

        def text(value: Any, where: Where) -> bool:
            if not isinstance(value, str):
                return False
            if not optional and not value.strip():
                _fail(where, _("is empty"))
            return True

        return text
    if isinstance(option, type):
        strict = option is not bool  # True is an int to Python, not to an export

        def typed(value: Any, where: Where) -> bool:
            return isinstance(value, option) and not (strict and isinstance(value, bool))

        return typed
    if isinstance(option, dict):
        fields = {key: _compiled(sub) for key, sub in option.items()}
        required = [(key, fields[key]) for key, sub in option.items() if None not in _options(sub)]

        def mapping(value: Any, where: Where) -> bool:
            if not isinstance(value, dict):
                return False
            for key, found in value.items():  # the keys it has, not every key it may have
                check = fields.get(key)
                if check is not None:
                    check(found, (where, key))
            for key, check in required:
                if key not in value:
                    check(None, (where, key))  # "is missing"
            return True

        return mapping
    if isinstance(option, list):
        element = _compiled(option[0])

        def sequence(value: Any, where: Where) -> bool:
            if not isinstance(value, list):
                return False
            for n, entry in enumerate(value, start=1):
                element(entry, (where, n))
            return True

        return sequence
    if isinstance(option, set):
        return _one_of(option)
    assert option == "date", option
    return _day


def _one_of(option: set[str]) -> Try:
    choices = ", ".join(sorted(option))

    def one_of(value: Any, where: Where) -> bool:
        if isinstance(value, str) and value in option:
            return True
        _fail(where, _("is {value}, not one of {choices}").format(value=repr(value), choices=choices))
        return False

    return one_of


def _day(value: Any, where: Where) -> bool:
    if not isinstance(value, str):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        _fail(where, _("is '{value}', not a date (YYYY-MM-DD)").format(value=value))
    return True


_CHECKS: dict[str, Check] = {}


def _check(value: Any, spec: Any, where: Where) -> None:
    key = str(id(spec))
    if key not in _CHECKS:
        _CHECKS[key] = _compiled(spec)
    _CHECKS[key](value, where)


def without_nul(value: Any) -> Any:
    """NUL cannot be stored in PostgreSQL text; it is dropped on either database, as when reading minutes."""
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, list):
        return [without_nul(v) for v in value]
    if isinstance(value, dict):
        return {k: without_nul(v) for k, v in value.items()}
    return value
