"""Bad input, table-driven: each case gives one sentence on stderr and a non-zero exit status,
writes nothing, and never shows a traceback. (Windows-1252 text and a name with quotes and SQL
in it are not bad input: they are read and stored as they are, and the table says so.)"""

import json
import os
import sqlite3

import pytest

from tests.conftest import Track


def make(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data() if callable(data) else data)
    return str(path)


def _repack(data, replace, *, level=None):
    """A .docx or .odt with some parts replaced (name -> bytes, or an iterable of chunks)."""
    import io
    import zipfile

    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as dst,
    ):
        for info in src.infolist():
            if info.filename not in replace:
                dst.writestr(info, src.read(info.filename))
                continue
            with dst.open(info.filename, "w", force_zip64=True) as part:
                content = replace[info.filename]
                for chunk in [content] if isinstance(content, bytes) else content:
                    part.write(chunk)
    return out.getvalue()


def _docx():
    import io

    import docx

    document = docx.Document()
    document.add_paragraph("Leif ska skicka protokollet.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _odt():
    import io

    from odf.opendocument import OpenDocumentText
    from odf.text import P

    document = OpenDocumentText()
    document.text.addElement(P(text="Leif ska skicka protokollet."))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def docx_bomb():
    """A few hundred KB that unpack to 150 MB of XML."""
    head = b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>'
    chunks = [head, *([b"a" * (1 << 20)] * 150), b"</w:t></w:r></w:p></w:body></w:document>"]
    return _repack(_docx(), {"word/document.xml": chunks}, level=1)


def docx_broken_xml():
    return _repack(_docx(), {"word/document.xml": b"<w:document><w:body><w:p>oavslutat"})


def docx_deep():
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body = b"<w:tbl><w:tr><w:tc>" * 1500 + b"</w:tc></w:tr></w:tbl>" * 1500
    return _repack(
        _docx(),
        {"word/document.xml": f"<w:document {ns}><w:body>".encode() + body + b"</w:body></w:document>"},
    )


def odt_deep():
    import io
    import zipfile

    data = _odt()
    content = zipfile.ZipFile(io.BytesIO(data)).read("content.xml").decode()
    nested = (
        "<text:list><text:list-item>" * 1500
        + "<text:p>djup</text:p>"
        + "</text:list-item></text:list>" * 1500
    )
    start = content.index("<office:text>") + len("<office:text>")
    return _repack(data, {"content.xml": (content[:start] + nested + content[start:]).encode()})


def odt_broken_xml():
    return _repack(_odt(), {"content.xml": b"<office:document-content><office:body"})


BAD_FILES = [
    ("empty file", "tom.txt", b"", "is empty"),
    ("whitespace only", "blank.txt", b" \n\t\n   \n", "is empty"),
    ("binary file", "bild.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
    ("NUL byte in text", "nul.txt", b"Gruppen 1 mars 2019\n\nLeif ska\x00 skicka.\n", "binary"),
    (
        "50 MB file",
        "stor.txt",
        b"Leif ska skicka protokollet.\n" * (50 * 1024 * 1024 // 29 + 1),
        "larger than",
    ),
    (
        "100,000-character line",
        "rad.txt",
        ("Leif ska skicka " + "x" * 100_000 + ".\n").encode(),
        "characters long",
    ),
    ("not a Word file", "trasig.docx", b"PK\x03\x04 this is no zip", "not a readable Word document"),
    ("zip bomb", "bomb.docx", docx_bomb, "limit is 100 MB"),
    ("broken XML in a .docx", "trasig-xml.docx", docx_broken_xml, "its XML is broken"),
    ("tables nested 1,500 deep in a .docx", "djup.docx", docx_deep, "not a readable Word document"),
    ("lists nested 1,500 deep in an .odt", "djup.odt", odt_deep, "nested too deeply"),
    ("broken XML in an .odt", "trasig.odt", odt_broken_xml, "not a readable OpenDocument text"),
]


@pytest.mark.parametrize(("case", "name", "data", "message"), BAD_FILES, ids=[c[0] for c in BAD_FILES])
@pytest.mark.parametrize("command", ["extract", "import"])
def test_bad_files(track, tmp_path, case, name, data, message, command):
    path = make(tmp_path, name, data)
    args = [command, path] + (["--yes"] if command == "import" else [])
    result = track.fails(*args)
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert track.is_empty()


@pytest.mark.parametrize(
    ("case", "path", "message"),
    [("non-existent path", "finns/inte.txt", "does not exist"), ("a directory", ".", "is a directory")],
)
def test_bad_paths(track, tmp_path, case, path, message):
    target = str(tmp_path / path)
    assert message in track.fails("import", target, "--yes").stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(track, tmp_path):
    path = make(tmp_path, "hemlig.txt", b"Gruppen 1 mars 2019\n")
    os.chmod(path, 0)
    assert "cannot be read" in track.fails("extract", path).stderr


def test_unreadable_file_reported_in_one_sentence(track, tmp_path, monkeypatch):
    """The same as above where the tests run as root: the error the OS gives, in one sentence."""
    import pathlib

    def denied(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))

    path = make(tmp_path, "hemlig.txt", b"Gruppen 1 mars 2019\n")
    monkeypatch.setattr(pathlib.Path, "open", denied)
    assert "cannot be read: Permission denied" in track.fails("extract", path).stderr


def test_windows_1252_text_is_read_not_refused(track, tmp_path):
    path = make(
        tmp_path,
        "ansi.txt",
        "Gruppen 4 mars 2019\n\nÅke ska skicka rapporten till förvaltningen.\n".encode("cp1252"),
    )
    data = track.json("extract", path)
    assert data["items"][0]["source"] == "Åke ska skicka rapporten till förvaltningen."


@pytest.mark.parametrize(
    ("case", "args", "message", "code"),
    [
        ("impossible date", ["add", "Boka lokal", "--due", "den 31 februari"], "has no day 31", 1),
        ("week 54", ["add", "Boka lokal", "--due", "vecka 54"], "at most 53 weeks", 1),
        ("id not a number", ["done", "tolv"], "", 2),
        ("negative id", ["show", "-5"], "", 2),
        ("unknown id", ["drop", "999", "--reason", "x"], "no item 999", 1),
        ("empty text", ["add", ""], "needs a text", 1),
        ("unknown option", ["open", "--colour"], "", 2),
        ("bad format", ["open", "--format", "xml"], "", 2),
    ],
)
def test_bad_values(track, case, args, message, code):
    result = track.fails(*args, code=code)
    assert message in result.stderr
    assert track.is_empty()


def test_a_name_with_quotes_and_sql_is_stored_as_written(track):
    name = 'Robert\'); DROP TABLE items;-- "Bobby"'
    track("people", "add", name)
    track("add", "Boka lokal", "--owner", name)
    assert track.json("open")[0]["owners"] == [name]
    assert [p["name"] for p in track.json("people", "list")] == [name]


@pytest.mark.sqlite_only
def test_an_unwritable_database_location(tmp_path):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where a directory should be")
    result = Track(blocked / "track.db").fails("add", "Boka lokal")
    assert "Cannot create the database" in result.stderr


@pytest.mark.sqlite_only
def test_a_corrupt_database_file(tmp_path):
    db = tmp_path / "trasig.db"
    db.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4096)
    before = db.read_bytes()
    for args in (["add", "Boka lokal"], ["open"], ["check"]):
        assert "cannot be" in Track(db).fails(*args).stderr
    assert db.read_bytes() == before


@pytest.mark.sqlite_only
def test_a_read_only_database_file(tmp_path):
    db = tmp_path / "ro.db"
    Track(db)("add", "Boka lokal")
    con = sqlite3.connect(db)
    con.execute("PRAGMA query_only=ON")
    con.close()
    if os.geteuid() != 0:
        os.chmod(db, 0o400)
        assert "cannot be used" in Track(db).fails("add", "Boka mer").stderr


def test_nul_and_control_characters_past_the_first_8_kb_are_removed_on_every_backend(track, tmp_path):
    filler = "Bakgrund: gruppen har diskuterat lokalfrågan länge.\n" * 200  # well past 8 KB
    text = f"Gruppen 1 mars 2019\n\n{filler}\nLeif ska\x00 skicka\x1b[2J protokollet\x07.\n"
    path = make(tmp_path, "nul-sent.txt", text.encode("utf-8"))
    result = track("import", path, "--yes")
    assert "control characters (such as NUL) were removed" in result.stderr
    (item,) = track.json("open")
    assert item["text"] == "Leif ska skicka[2J protokollet."


def test_lines_mixing_utf8_and_windows_1252_are_read_line_by_line(track, tmp_path):
    data = (
        "Gruppen 4 mars 2019\n\nÅsa ska boka lokalen.\n".encode()
        + "Örjan ska skicka förslaget till nämnden.\n".encode("cp1252")
    )
    path = make(tmp_path, "blandad.txt", data)
    result = track("extract", path, "--format", "json")
    assert "mixes UTF-8 and Windows-1252: line 4 was read as Windows-1252" in result.stderr
    sources = [i["source"] for i in json.loads(result.stdout)["items"]]
    assert "Örjan ska skicka förslaget till nämnden." in sources
    assert "Åsa ska boka lokalen." in sources


def _export(**changes):
    data = {
        "format": "actiontrack-export",
        "version": 1,
        "exported_at": "2019-03-01T10:00:00+00:00",
        "people": [{"id": 1, "name": "Leif Redestig", "organisation": None, "aliases": []}],
        "groups": [],
        "meetings": [],
        "items": [
            {
                "id": 1,
                "kind": "action",
                "text": "Leif ska ringa",
                "owners": ["Leif Redestig"],
                "due": None,
                "status": "open",
                "meeting": None,
                "history": [],
            }
        ],
    }
    for path, value in changes.items():
        target = data
        *keys, last = path.split(".")
        for key in keys:
            target = target[int(key)] if key.isdigit() else target[key]
        if value is KeyError:
            del target[int(last) if last.isdigit() else last]
        else:
            target[int(last) if last.isdigit() else last] = value
    return json.dumps(data)


BAD_EXPORTS = [
    ("not JSON", "{'format': 1", "not an actiontrack JSON export"),
    ("a list", "[]", "not an actiontrack JSON export"),
    ("version as text", _export(version="ett"), "no version actiontrack knows"),
    ("version missing", _export(version=KeyError), "no version actiontrack knows"),
    ("newer version", _export(version=7), "newer actiontrack"),
    ("item without text", _export(**{"items.0.text": KeyError}), "'items', entry 1, 'text' is missing"),
    ("people not a list", _export(people="Leif"), "'people' is str"),
    ("person without name", _export(**{"people.0": {"id": 1}}), "'name' is missing"),
    ("unknown kind", _export(**{"items.0.kind": "uppgift"}), "is 'uppgift', not one of"),
    ("bad due date", _export(**{"items.0.due": "31 februari"}), "not a date"),
    ("item a string", _export(**{"items.0": "Leif ska ringa"}), "'items', entry 1 is str"),
    (
        "history detail a number",
        _export(**{"items.0.history": [{"action": "done", "at": "x", "detail": 3}]}),
        "'detail' is int",
    ),
    ("meeting without id", _export(meetings=[{"group": "G", "date": None}]), "'id' is missing"),
]


@pytest.mark.parametrize(("case", "text", "message"), BAD_EXPORTS, ids=[c[0] for c in BAD_EXPORTS])
def test_malformed_exports_are_one_sentence_and_write_nothing(track, tmp_path, case, text, message):
    path = make(tmp_path, "export.json", text.encode())
    result = track.fails("import", "--from-json", path)
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert track.is_empty()


def test_an_export_with_nul_in_a_text_is_restored_the_same_on_every_backend(track, tmp_path):
    path = make(tmp_path, "export.json", _export(**{"items.0.text": "Leif ska\u0000 ringa"}).encode())
    track("import", "--from-json", path)
    assert [i["text"] for i in track.json("open")] == ["Leif ska ringa"]
