"""The store on the backend under test: SQLite here, PostgreSQL when TRACK_TEST_DATABASE_URL is set."""

from datetime import date

import pytest
import sqlalchemy as sa

from actiontrack.errors import NotFoundError, StorageError
from actiontrack.models import Kind, Owner, OwnerKind, Status
from actiontrack.storage import (
    open_database,
    open_reader,
    open_repository,
)
from actiontrack.storage.migrations import MIGRATIONS, migrate
from actiontrack.storage.tables import COLUMNS
from tests.conftest import database_url_for


def _migration_engine(url):
    """SQLAlchemy as the store migrates with it: on SQLite, transactional DDL (BEGIN ours)."""
    if not url.startswith("sqlite"):
        from actiontrack.storage.connect import server_engine

        return server_engine(url)
    engine = sa.create_engine(url)

    @sa.event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None

    @sa.event.listens_for(engine, "begin")
    def _begin(conn):
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


@pytest.fixture
def url(tmp_path):
    return database_url_for(tmp_path / "store.db")


def test_migrations_make_exactly_the_models_tables(url):
    with open_repository(url):
        pass
    engine = sa.create_engine(url)
    inspector = sa.inspect(engine)
    got = {t: sorted(c["name"] for c in inspector.get_columns(t)) for t in inspector.get_table_names()}
    engine.dispose()
    got.pop("_track_migrations")
    assert got == {t: sorted(c) for t, c in COLUMNS.items()}


def test_write_then_read_through_both_paths(url):
    with open_repository(url) as repo:
        person = repo.add_person("Åke Malmén", "socialförvaltningen", "2019-03-04T10:00:00+00:00")
        meeting = repo.create_meeting("Rådet", now="x", date_=date(2019, 3, 4), title="Rådet")
        item_id = repo.add_item(
            kind=Kind.ACTION,
            text="Åke ska ringa",
            due=date(2019, 3, 8),
            meeting_id=meeting.id,
            now="x",
            owners=[
                Owner(person.name, OwnerKind.PERSON, person.id),
                Owner("Bryggan", OwnerKind.ORGANISATION),
            ],
        )
        repo.add_history(item_id, "created", {"text": "Åke ska ringa"}, "x", meeting.id)
    with open_reader(url) as reads:
        (item,) = reads.query_items(person_ids=[person.id])
        assert [o.name for o in item.owners] == ["Åke Malmén", "Bryggan"]
        assert item.meeting.group == "Rådet" and item.due == date(2019, 3, 8)
        assert reads.query_items(organisation="bryggan")[0].id == item_id
        assert [p.name for p in reads.people_named("åke")] == ["Åke Malmén"]
        assert reads.get_item(item_id).history[0].detail == {"text": "Åke ska ringa"}
        assert reads.find_group("RÅDET").name == "Rådet"
        with pytest.raises(NotFoundError):
            reads.get_item(999)


def test_a_transaction_that_fails_writes_nothing(url):
    with pytest.raises(RuntimeError), open_repository(url) as repo:
        repo.add_person("Eva Lund", None, "x")
        raise RuntimeError("crash in the middle")
    with open_reader(url) as reads:
        assert reads.list_people() == []


def test_a_failing_migration_rolls_back_whole(url):
    with open_repository(url):
        pass

    def m900_adds_a_table(conn):
        conn.exec_driver_sql("CREATE TABLE extra (id integer)")

    def m901_fails(conn):
        raise RuntimeError("boom")

    engine = _migration_engine(url)
    with pytest.raises(RuntimeError), engine.begin() as conn:
        migrate(conn, [*MIGRATIONS, m900_adds_a_table, m901_fails])
    engine.dispose()
    engine = sa.create_engine(url)
    assert "extra" not in sa.inspect(engine).get_table_names()
    engine.dispose()


def test_status_updates_and_queries(url):
    with open_repository(url) as repo:
        ids = [
            repo.add_item(
                kind=Kind.ACTION, text=f"Uppgift {n}", owners=[], due=None, meeting_id=None, now="x"
            )
            for n in range(3)
        ]
        repo.update_item(ids[1], status=Status.DONE, closed_at="2019-03-05T10:00:00+00:00")
    with open_reader(url) as reads:
        assert [i.id for i in reads.query_items()] == [ids[0], ids[2]]
        assert [i.id for i in reads.query_items(statuses=[Status.DONE], closed_since="2019-03-01")] == [
            ids[1]
        ]


def test_a_database_from_a_newer_version_is_refused(url):
    with open_repository(url) as repo:
        repo.run("INSERT INTO _track_migrations (name, applied_at) VALUES ('m999_future', 'x')", {})
    with pytest.raises(StorageError, match="newer actiontrack"), open_repository(url):
        pass


def test_two_writers_creating_the_same_group_and_person_both_get_it(url):
    """Create-or-get is race-free: the second writer's INSERT waits for the first to
    commit (PostgreSQL) or its transaction waits to begin (SQLite), and then finds the row."""
    import threading
    import time

    with open_database(url) as first_db, open_database(url) as second_db:
        for db in (first_db, second_db):
            with db.transaction():
                pass  # both connected and migrated before the race
        inserted, results, errors = threading.Event(), {}, []

        def person(repo):  # as an import does: the one known, else a new one
            return repo.person_by_name("Nils Nyman") or repo.add_person("Nils Nyman", None, "x")

        def first():
            try:
                with first_db.transaction() as repo:
                    results["first"] = (repo.get_or_create_group("Nya gruppen", "x").id, person(repo).id)
                    inserted.set()
                    time.sleep(0.5)  # the second writer runs into the uncommitted rows meanwhile
            except Exception as e:  # noqa: BLE001 - reported by the assertion below
                errors.append(e)
                inserted.set()

        def second():
            inserted.wait()
            try:
                with second_db.transaction() as repo:
                    results["second"] = (repo.get_or_create_group("Nya gruppen", "x").id, person(repo).id)
            except Exception as e:  # noqa: BLE001
                errors.append(e)

        threads = [threading.Thread(target=first), threading.Thread(target=second)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=120)
        assert not errors, errors
        assert results["first"] == results["second"]
    with open_reader(url) as reads:
        assert [g.name for g in reads.groups()] == ["Nya gruppen"]
        assert [p.name for p in reads.list_people()] == ["Nils Nyman"]
