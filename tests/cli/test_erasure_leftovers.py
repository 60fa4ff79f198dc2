"""What `person forget` used to leave behind: the name written in another Unicode form, the
imported file's path in every item's history, a one-word alias and initials in other items of
her meetings, `default_group` naming her group, and on PostgreSQL the undo journal's deleted
rows. Afterwards the raw files of the backend hold no trace."""

import json
import sqlite3
import unicodedata
from pathlib import Path

import pytest

from tests.conftest import Track

NOW = "2019-03-05T10:00:00+01:00"
MINUTES = """MINNESANTECKNINGAR
Anhörignätverket, 2019-03-04

Närvarande: Margareta Öhman, Per Andersson, Lars Holm

§ 1 Träffar
Per ska boka lokalen till nästa träff.
"""
NFD = unicodedata.normalize("NFD", "Öhman")
TRACES = ["Öhman", NFD, "öhman", "ohman", "Margareta", "margareta", "Gretchen", "MÖ"]


def nfd(text):
    return unicodedata.normalize("NFD", text)


def backend_bytes(track):
    """The bytes of every file the backend keeps the data in: the SQLite file with its WAL, or
    every PostgreSQL relation (tables, their indexes and TOAST) of the test's schema, after a
    checkpoint has written them out."""
    if not track.url:
        return b"".join(p.read_bytes() for p in sorted(track.db.parent.rglob("*")) if p.is_file())
    import psycopg

    schema = track.url.split("search_path%3D")[-1]
    with psycopg.connect(track.url.split("?")[0].replace("+psycopg", ""), autocommit=True) as con:
        con.execute("CHECKPOINT")
        data = Path(con.execute("SHOW data_directory").fetchone()[0])
        files = [
            r[0]
            for r in con.execute(
                "SELECT pg_relation_filepath(c.oid) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = %s OR c.oid IN (SELECT reltoastrelid FROM pg_class c2 JOIN pg_namespace n2 "
                "ON n2.oid = c2.relnamespace WHERE n2.nspname = %s)",
                (schema, schema),
            )
            if r[0]
        ]
    assert files
    return b"".join(p.read_bytes() for f in files for p in sorted(data.glob(f + "*")) if p.is_file())


@pytest.fixture
def her(tmp_path, monkeypatch):
    store = tmp_path / "store"
    store.mkdir()
    docs = tmp_path / "docs"
    docs.mkdir()
    minutes = docs / "protokoll_ohman.txt"  # a file name written without the ö, as they often are
    minutes.write_text(MINUTES, encoding="utf-8")
    monkeypatch.chdir(docs)
    track = Track(store / "track.db", now=NOW)
    track("people", "add", "Margareta Öhman", "--alias", "Gretchen")
    track("people", "add", "Per Andersson")
    track("people", "add", "Lars Holm")
    track("import", "protokoll_ohman.txt", "--yes", "--group", "Anhörignätverket")
    m = ["--meeting", "1"]
    track.alias = track.json("add", "Per ringer Gretchen om lokalen", "--owner", "Per Andersson", *m)
    track.initials = track.json("add", "Lars skickar listan. Ansvarig: MÖ", "--owner", "Lars Holm", *m)
    track.decomposed = track.json("add", nfd("Lars mejlar Margareta Öhman"), "--owner", "Lars Holm", *m)
    track.elsewhere = track.json("add", "Per bokar bussen", "--owner", "Per Andersson")
    track("meeting", "start", "Öhmans grupp", "--date", "2019-03-06", "--new-group")
    track("add", "Gruppen bjuder in kommunen", "--owner", "Per Andersson")
    track("edit", str(track.elsewhere["id"]), "--text", "Per bokar bussen till Öhmans grupp")
    return track


def test_names_are_stored_composed(her):
    assert her.decomposed["text"] == "Lars mejlar Margareta Öhman"  # NFC, as typed composed
    result = her("people", "add", nfd("Margareta Öhman"), ok=False)
    assert result.exit_code != 0 and "already" in result.output.casefold()


def test_forget_leaves_nothing_behind(her, tmp_path):
    config = tmp_path / "config.toml"
    her("config", "set", "default_group", "Öhmans grupp")
    result = her("person", "forget", nfd("Margareta Öhman"), "--yes")  # typed decomposed
    assert "5 other items that name them" in result.stdout  # the imported one by its file name
    assert "default_group" in result.stderr and "now names 'removed person grupp'" in result.stderr
    assert 'default_group = "removed person grupp"' in config.read_text(encoding="utf-8")
    texts = {i["id"]: i["text"] for i in her.json("open", "--all")}
    assert texts[her.alias["id"]] == "Per ringer removed person om lokalen"
    assert texts[her.initials["id"]] == "Lars skickar listan. Ansvarig: removed person"
    assert texts[her.decomposed["id"]] == "Lars mejlar removed person"
    assert texts[her.elsewhere["id"]] == "Per bokar bussen till removed person grupp"
    exported = her("export", "--format", "json").stdout
    assert json.loads(exported)["items"]  # still everything else
    shown = exported + her("meeting", "list").stdout + her("log").stdout + config.read_text(encoding="utf-8")
    raw = backend_bytes(her)
    for trace in TRACES:
        assert trace not in shown, trace
        assert trace.encode() not in raw, trace
    assert her.json("check")["ok"]


@pytest.mark.sqlite_only
def test_a_name_stored_decomposed_before_is_found(her):
    with sqlite3.connect(her.db) as con:
        con.execute(
            "UPDATE items SET text = ? WHERE id = ?", (nfd("Per ringer Margareta Öhman"), her.alias["id"])
        )
    data = json.loads(her("person", "export", "Margareta Öhman").stdout)
    assert her.alias["id"] in {i["id"] for i in data["items_naming_them"]}
    her("person", "forget", "Margareta Öhman", "--yes")
    assert "Per ringer removed person" in {i["text"] for i in her.json("open", "--all")}
    assert NFD.encode() not in backend_bytes(her)
