import os
import shutil
import sqlite3

import pytest
import sqlalchemy as sa

from actiontrack.errors import StorageError
from actiontrack.storage import (
    open_repository,
)
from actiontrack.storage.migrations import MIGRATIONS, migrate
from actiontrack.storage.tables import COLUMNS
from tests.conftest import FIXTURES


def url(path):
    return f"sqlite:///{path}"


def columns(db_path):
    con = sqlite3.connect(db_path)
    try:
        names = [
            r[0]
            for r in con.execute(
                "select name from sqlite_master where type='table' and name not like 'sqlite_%'"
            )
        ]
        return {t: sorted(r[1] for r in con.execute(f"pragma table_info('{t}')")) for t in names}
    finally:
        con.close()


def test_a_new_database_has_exactly_the_tables_of_the_models(tmp_path):
    db = tmp_path / "new.db"
    with open_repository(url(db)):
        pass
    got = columns(db)
    got.pop("_track_migrations")
    expected = {t: sorted(c) for t, c in COLUMNS.items()}
    assert got == expected


def test_a_new_database_file_is_private(tmp_path):
    db = tmp_path / "private.db"
    with open_repository(url(db)):
        pass
    assert oct(os.stat(db).st_mode & 0o777) == "0o600"


def test_a_database_made_by_schema_version_1_opens_with_everything_in_it(tmp_path):
    db = tmp_path / "v1.db"
    shutil.copy(FIXTURES / "v1.db", db)
    with open_repository(url(db)) as repo:
        people = {p.name: p for p in repo.list_people()}
        assert "Anne Eskilsson" in people and people["Karl Svensson"].aliases == ("kalle s",)
        meetings = repo.list_meetings()
        assert [m.group for m in meetings] == ["Ledningsgrupp för utveckling"] * 2
        assert meetings[0].next_meeting.isoformat() == "2018-01-18"
        items = repo.query_items(statuses=list(__import__("actiontrack.models").models.Status))
        assert len(items) == 12
        assert items[0].status.value == "done"
        noted = repo.get_item(2)
        assert [h.action for h in noted.history] == ["created", "noted"]
        assert [s.date.isoformat() for s in repo.schedule("Ledningsgrupp för utveckling")][:1] == [
            "2018-01-18"
        ]
    con = sqlite3.connect(db)
    assert [r[0] for r in con.execute("select name from _track_migrations")] == [
        m.__name__ for m in MIGRATIONS
    ]


def test_a_database_from_a_newer_version_is_refused(tmp_path):
    db = tmp_path / "newer.db"
    with open_repository(url(db)):
        pass
    con = sqlite3.connect(db)
    con.execute("insert into _track_migrations values ('m999_future', 'x')")
    con.commit()
    con.close()
    with pytest.raises(StorageError, match="newer actiontrack"), open_repository(url(db)):
        pass


def test_a_failing_migration_leaves_the_database_as_it_was(tmp_path):
    db = tmp_path / "atomic.db"
    with open_repository(url(db)):
        pass

    def m900_adds_a_table(conn):
        conn.exec_driver_sql("create table extra (id integer)")

    def m901_fails(conn):
        raise RuntimeError("boom")

    from tests.test_storage_backends import _migration_engine

    engine = _migration_engine(url(db))
    with pytest.raises(RuntimeError), engine.begin() as conn:
        migrate(conn, [*MIGRATIONS, m900_adds_a_table, m901_fails])
    engine.dispose()
    assert "extra" not in columns(db)
    assert [r[0] for r in sqlite3.connect(db).execute("select name from _track_migrations")] == [
        m.__name__ for m in MIGRATIONS
    ]


def test_a_corrupt_database_file_is_a_clear_error(tmp_path):
    db = tmp_path / "corrupt.db"
    db.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StorageError, match="cannot be used"), open_repository(url(db)):
        pass


def test_an_unwritable_location_is_a_clear_error(tmp_path):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where a directory should be")
    with pytest.raises(StorageError, match="Cannot create"), open_repository(url(blocked / "x.db")):
        pass


def test_schema_uses_indexes_for_the_common_filters(tmp_path):
    db = tmp_path / "idx.db"
    with open_repository(url(db)):
        pass
    engine = sa.create_engine(url(db))
    with engine.connect() as conn:
        plan = conn.exec_driver_sql(
            "explain query plan select item_id from item_owners where person_id = 1"
        ).fetchall()
    engine.dispose()
    assert "USING" in " ".join(str(r) for r in plan) and "INDEX" in " ".join(str(r) for r in plan)


def test_people_named_narrows_without_losing_a_match(tmp_path):
    from actiontrack.people import Roster

    with open_repository(url(tmp_path / "p.db")) as repo:
        for name in [
            "Bo Pettersson",
            "Karl Svensson",
            "Åke Malmén",
            "Ann Abrahamsson",
            "Anna Berg",
            "Per Norbeck",
        ]:
            repo.add_person(name, None, "x")
        repo.add_alias(repo.person_by_name("Per Norbeck").id, "pelle n")
        everyone = Roster(repo.list_people())
        for name in [
            "Bosse",
            "bo",
            "Kalle",
            "åke",
            "ÅKE MALMÉN",
            "Ann",
            "anna",
            "Malmén",
            "pelle n",
            "Pelle",
            "Sara",
        ]:
            narrowed = Roster(repo.people_named(name))
            assert [m.person.name for m in narrowed.candidates(name)] == [
                m.person.name for m in everyone.candidates(name)
            ], name


def test_m006_gives_every_item_of_a_meeting_its_group(tmp_path):
    """Items stored before items had a group (migration m006) are on their meeting's group's agenda."""
    db = tmp_path / "v4.db"
    engine = sa.create_engine(url(db))
    with engine.begin() as conn:
        migrate(conn, MIGRATIONS[:4])  # the schema as m004 left it
        conn.execute(sa.text("INSERT INTO groups (id, name, created_at) VALUES (7, 'Brukarrådet', 'x')"))
        conn.execute(
            sa.text("INSERT INTO meetings (id, group_id, date, created_at) VALUES (3, 7, '2019-03-14', 'x')")
        )
        conn.execute(
            sa.text(
                "INSERT INTO items (kind, text, status, meeting_id, created_at, updated_at) VALUES "
                "('action', 'Kjell ringer', 'open', 3, 'x', 'x'), ('action', 'Utan möte', 'open', NULL, 'x', 'x')"
            )
        )
    engine.dispose()
    with open_repository(url(db)) as repo:
        assert [(i.text, i.group) for i in repo.query_items()] == [
            ("Kjell ringer", "Brukarrådet"),
            ("Utan möte", None),
        ]
        assert [i.text for i in repo.query_items(group="brukarrådet")] == ["Kjell ringer"]


def test_m007_finds_a_person_whose_name_was_stored_decomposed(tmp_path):
    """A name stored decomposed before texts were composed on their way in ("Ö" as "O" and two
    dots) is found by the name as typed, and its alias too, after m007."""
    import unicodedata

    db = tmp_path / "v6.db"
    decomposed = unicodedata.normalize("NFD", "Örjan Åström")
    engine = sa.create_engine(url(db))
    with engine.begin() as conn:
        migrate(conn, MIGRATIONS[:6])  # the schema as m006 left it
        key = " ".join(decomposed.split()).casefold()  # as m004 and the writes of then made it
        conn.execute(
            sa.text(
                "INSERT INTO people (id, name, created_at, name_key, first_key, last_key, initials) "
                "VALUES (1, :n, 'x', :k, :f, :l, 'ÖÅ')"
            ),
            {"n": decomposed, "k": key, "f": key.split()[0], "l": key.split()[-1]},
        )
        conn.execute(
            sa.text("INSERT INTO person_aliases (person_id, alias) VALUES (1, :a)"),
            {"a": unicodedata.normalize("NFD", "örjan å")},
        )
    engine.dispose()
    with open_repository(url(db)) as repo:
        assert [p.id for p in repo.people_called("Örjan Åström")] == [1]
        assert [p.id for p in repo.people_called("Örjan Å")] == [1]
        assert [p.id for p in repo.people_named("Åström")] == [1]
