"""Words and text for output: the labels of kinds and states, text others wrote made safe for
a terminal, a spreadsheet or Markdown, and JSON with å, ä and ö as they are."""

from __future__ import annotations

import json
import re

from actiontrack.i18n import N_, _

TYPE_CHECKING = False  # typing costs a command's start 3-4 ms
if TYPE_CHECKING:
    from typing import Any

# Words of the data as tables and `show` name them; JSON and CSV keep the English values.
KIND_LABELS = {"action": N_("action"), "deferred": N_("deferred")}
STATUS_LABELS = {"open": N_("open"), "done": N_("done"), "dropped": N_("dropped")}
OWNER_KIND_LABELS = {
    "person": N_("person"),
    "organisation": N_("organisation"),
    "unresolved": N_("not known yet"),
}
HISTORY_ACTIONS = {
    "created": N_("created"),
    "edited": N_("edited"),
    "done": N_("done"),
    "reopened": N_("reopened"),
    "dropped": N_("dropped"),
    "noted": N_("noted"),
    "kept": N_("kept"),
    "updated": N_("updated"),
    "reviewed": N_("reviewed"),
    "moved": N_("moved"),
}
HISTORY_FIELDS = {
    "text": N_("text"),
    "owners": N_("owners"),
    "due": N_("due"),
    "kind": N_("kind"),
    "topic": N_("topic"),
    "date": N_("date"),
    "note": N_("note"),
    "reason": N_("reason"),
    "was": N_("was"),
    "imported_from": N_("imported from"),
    "updated_from": N_("updated from"),
    "source": N_("source"),
    "line": N_("line"),
    "group": N_("group"),
    "as": N_("followed up as"),
}


# Reasons the program writes itself when it closes an item (usecases/reviewed.py, deferrals.py)
REASONS = {"skipped in review": N_("skipped in review"), "deferred again": N_("deferred again")}


def label(table: dict[str, str], value: str) -> str:
    """A value of the data (a kind, a status, a history action) in the interface language."""
    return _(table[value]) if value in table else value


# --- text that others wrote: never raw to a terminal, a spreadsheet or an e-mail ------

# C0 controls but tab and newline, DEL and C1 (ESC, CSI, ...), and the bidi overrides that
# make text read differently from what it is
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """Control characters shown as \\x1b (and the like) instead of acting on the terminal."""
    return _CONTROL.sub(_escape, text)


_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: str) -> str:
    """A cell Excel or LibreOffice would run as a formula starts with ' instead, as OWASP advises."""
    return ("'" if value.startswith(_FORMULA) else "") + visible(value)


_MARKDOWN = re.compile(r"([\\`*_\[\]<>&~])")
_MARKDOWN_LINE_START = re.compile(r"^(\s*)([-+#>=]|\d+[.)])")


def markdown_text(text: str) -> str:
    """Text that stays text in Markdown: no emphasis, link, image, HTML, list or heading of its own."""
    text = visible(" ".join(text.split()))
    text = _MARKDOWN.sub(r"\\\1", text)
    return _MARKDOWN_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def dumps(data: Any) -> str:
    """JSON with å, ä, ö as they are; control characters (json escapes C0 itself) as \\u escapes."""
    return _JSON_UNSAFE.sub(
        lambda m: f"\\u{ord(m.group()):04x}", json.dumps(data, ensure_ascii=False, indent=2)
    )
