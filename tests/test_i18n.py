"""The interface in Swedish and English through gettext: every message has its
Swedish, the compiled catalog is the .po, and the commands speak the language chosen."""

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "actiontrack"
PO = PACKAGE / "locale" / "sv" / "LC_MESSAGES" / "actiontrack.po"
MO = PO.with_suffix(".mo")
FIX = (
    "run: .venv/bin/python scripts/compile_catalogs.py --extract, translate, then scripts/compile_catalogs.py"
)


def _extracted() -> dict[str, tuple[str, int]]:
    """msgid -> (file, line) of every message marked in the package."""
    found = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        PACKAGE, method_map=[("**.py", "python")], keywords={"_": None, "ngettext": (1, 2), "N_": None}
    ):
        msgid = message[0] if isinstance(message, tuple) else message
        found.setdefault(msgid, (filename, lineno))
    return found


def _catalog():
    with PO.open("rb") as f:
        return read_po(f)


def test_every_message_has_its_swedish_and_the_catalog_has_no_stale_entries():
    extracted = _extracted()
    catalog = {m.id if isinstance(m.id, str) else m.id[0]: m for m in _catalog() if m.id}
    untranslated = [
        f"{f}:{n}: {msgid!r}"
        for msgid, (f, n) in extracted.items()
        if msgid not in catalog or not all(_forms(catalog[msgid].string))
    ]
    assert not untranslated, "no Swedish for:\n" + "\n".join(untranslated) + "\n" + FIX
    stale = sorted(set(catalog) - set(extracted))
    assert not stale, f"in the .po but no longer in the code: {stale}\n{FIX}"


def _forms(string: str | tuple[str, ...]) -> tuple[str, ...]:
    return string if isinstance(string, tuple) else (string,)


def test_translations_keep_the_named_fields_and_the_answer_letters():
    for message in _catalog():
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        for n, form in enumerate(_forms(message.string)):  # Swedish forms as English's: one, other
            fields = set(re.findall(r"\{(\w+)\}", ids[min(n, len(ids) - 1)]))
            assert set(re.findall(r"\{(\w+)\}", form)) == fields, (message.id, form)
        if re.search(r"\[\w\]", ids[0]):  # a prompt's answer letters: as many, all different
            letters, english = re.findall(r"\[(\w)\]", message.string), re.findall(r"\[(\w)\]", ids[0])
            assert len(letters) == len(set(letters)) == len(english), message.string
            # the English letters are understood too: none may mean another answer in Swedish
            assert all(t == e or t not in english for t, e in zip(letters, english, strict=True)), (
                message.string
            )


def test_the_compiled_catalog_is_the_po():
    assert MO.exists(), FIX
    assert MO.stat().st_mtime >= PO.stat().st_mtime, FIX
    compiled = io.BytesIO()
    write_mo(compiled, _catalog())
    assert MO.read_bytes() == compiled.getvalue(), FIX


# --- the language chosen ---------------------------------------------------------------------------------


def _track(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The console script in a new process: the help texts are translated at import."""
    import os

    code = "import sys; sys.argv[0] = 'track'; from actiontrack.entry import main; main()"
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env={**os.environ, **(env or {})}
    )


def test_help_in_swedish():
    from actiontrack.help_text import TOP_LEVEL_HELP

    for env, args in (
        ({"TRACK_LANG": "sv"}, ["--help"]),
        ({}, ["--lang", "sv", "--help"]),
        ({}, ["--lang=sv"]),
    ):
        result = _track(*args, env=env)
        assert result.returncode == 0 and result.stdout == TOP_LEVEL_HELP["sv"], (env, args)
    assert "Lägg till en åtgärd; ansvarig och slutdatum" in TOP_LEVEL_HELP["sv"]
    add = _track("--lang", "sv", "add", "--help").stdout
    assert "Vad som ska göras, på svenska, som det sades på mötet." in add and "Exempel:" in add
    assert "Deadline" not in add
    english = _track("add", "--help", env={"TRACK_LANG": "sv"})  # TRACK_LANG, not only --lang
    assert "Klart senast, t.ex. 'fredag'" in english.stdout
    assert (
        "Deadline, e.g. 'fredag'" in _track("--lang", "en", "add", "--help", env={"TRACK_LANG": "sv"}).stdout
    )


@pytest.mark.parametrize(("lang_env", "args"), [({"TRACK_LANG": "sv"}, []), ({}, ["--lang", "sv"])])
def test_messages_and_errors_in_swedish(tmp_path, lang_env, args):
    db = ["--db", str(tmp_path / "t.db")]
    added = _track(*args, *db, "add", "Vi ska beställa fika till mötet", env=lang_env)
    assert added.returncode == 0 and added.stdout.startswith(
        "Lade till #1: Vi ska beställa fika till mötet (gruppen; inget slutdatum)"
    )
    missing = _track(*args, *db, "done", "99", env=lang_env)
    assert missing.returncode == 1 and missing.stderr.startswith("Fel: "), missing.stderr


def test_the_root_lang_and_the_exports_lang_set_the_interface_language(track, tmp_path):
    from openpyxl import load_workbook

    assert track("--lang", "sv", "open").stderr == "Inga åtgärder.\n"
    assert track("open").stderr == "No items.\n"  # and the next command decides again
    track("add", "Vi ska beställa fika till mötet", "--due", "2016-02-10")
    for lang, headers in (
        ("sv", ("ID", "Typ", "Status", "Klart senast")),
        ("en", ("ID", "Kind", "Status", "Due")),
    ):
        out = tmp_path / f"{lang}.xlsx"
        track("export", "--format", "xlsx", "--lang", lang, "--output", str(out))
        sheet = load_workbook(out).active
        assert next(sheet.iter_rows(values_only=True))[:4] == headers
        assert sheet.title == {"sv": "Åtgärder", "en": "Items"}[lang]
