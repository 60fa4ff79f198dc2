#!/usr/bin/env python3
"""Compile the gettext catalogs in a checkout after editing a .po file (the package build does
the same through hatch_build.py). Usage: .venv/bin/python scripts/compile_catalogs.py

With --extract it first brings the .po files in step with the code: every message
marked with _(), ngettext() or N_() in src/actiontrack is extracted with Babel; new ones are
added with an empty translation, translations of messages no longer in the code are dropped.
Entries are sorted by source file (no line numbers), so that two branches adding messages
to different files merge cleanly. tests/test_i18n.py fails while any translation is missing.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hatch_build import LOCALE, compile_catalogs  # noqa: E402

KEYWORDS = {"_": None, "ngettext": (1, 2), "N_": None}
COMMENT_TAGS = ("TRANSLATORS:",)


def extract_messages(root: Path = ROOT) -> list[tuple[str, str | tuple[str, str], list[str]]]:
    """(file, msgid or (singular, plural), translator comments) of every marked message."""
    from babel.messages.extract import extract_from_dir

    found = []
    package = root / "src" / "actiontrack"
    for filename, _lineno, message, comments, _context in extract_from_dir(
        package,
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=COMMENT_TAGS,
        strip_comment_tags=True,
    ):
        found.append((f"src/actiontrack/{filename}", message, comments))
    return found


def update_catalogs(root: Path = ROOT) -> list[Path]:
    """Each .po brought in step with the messages in the code; the paths written."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po, write_po

    messages = extract_messages(root)
    written = []
    for po in sorted((root / LOCALE).glob("*/LC_MESSAGES/*.po")):
        with po.open("rb") as f:
            old = read_po(f)
        new = Catalog(
            locale=old.locale,
            domain=old.domain,
            project="actiontrack",
            header_comment=old.header_comment,
            creation_date=old.creation_date,
            revision_date=old.revision_date,
            fuzzy=False,
            msgid_bugs_address="",
            last_translator="",
            language_team="",
        )  # the header stays as it was: no date that changes at every run
        for filename, message, comments in messages:
            key = message[0] if isinstance(message, tuple) else message
            before = old.get(key)
            plural = isinstance(message, tuple)
            kept = (
                before is not None and isinstance(before.string, tuple) == plural
            )  # a message may change its kind
            msgstr = before.string if kept else (("", "") if plural else "")
            existing = new.get(key)
            if existing is not None:
                existing.locations.append((filename, None))
                continue
            new.add(message, msgstr, locations=[(filename, None)], auto_comments=comments)
        out = io.BytesIO()  # written whole or not at all
        write_po(out, new, width=100, sort_by_file=True, ignore_obsolete=True, include_lineno=False)
        po.write_bytes(out.getvalue())
        written.append(po)
    return written


if __name__ == "__main__":
    if "--extract" in sys.argv[1:]:
        for po in update_catalogs(ROOT):
            print(po.relative_to(ROOT))
    for mo in compile_catalogs(ROOT):
        print(mo.relative_to(ROOT))
