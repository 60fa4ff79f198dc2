"""m004: the indexed lookup keys of people's names, filled for the people already there, and the
lookups of `track add --owner NAME` that use them instead of reading everybody."""

import sqlite3

import pytest
import sqlalchemy as sa

from actiontrack.storage import open_repository
from actiontrack.storage.migrations import MIGRATIONS, migrate
from actiontrack.storage.people_writes import person_keys
from tests.conftest import Track


def test_m004_fills_the_keys_of_existing_people_and_add_finds_them(tmp_path):
    db = tmp_path / "v3.db"
    engine = sa.create_engine(f"sqlite:///{db}")
    with engine.begin() as conn:
        migrate(conn, MIGRATIONS[:3])  # the schema as m003 left it
        conn.execute(
            sa.text(
                "INSERT INTO people (name, organisation, created_at) VALUES "
                "('Åke Ström', NULL, 'x'), ('Anna-Karin Berg', 'Bryggan', 'x'), ('Bo  Pettersson', NULL, 'x')"
            )
        )
    engine.dispose()

    with open_repository(f"sqlite:///{db}") as repo:
        assert "m004_person_keys" in {r[0] for r in repo.run("SELECT name FROM _track_migrations", {})}
    con = sqlite3.connect(db)
    rows = con.execute(
        "SELECT name, name_key, first_key, last_key, initials FROM people ORDER BY id"
    ).fetchall()
    indexes = {r[1] for r in con.execute("PRAGMA index_list('people')")}
    con.close()
    assert rows == [
        ("Åke Ström", "åke ström", "åke", "ström", "ÅS"),
        ("Anna-Karin Berg", "anna-karin berg", "anna-karin", "berg", "AKB"),
        ("Bo  Pettersson", "bo pettersson", "bo", "pettersson", "BP"),
    ]
    assert [tuple(person_keys(r[0]).values()) for r in rows] == [r[1:] for r in rows]  # one rule, both places
    assert {
        "ix_people_name_key",
        "ix_people_first_key_name",  # m008: (first_key, name), the first names' look-ups and their order
        "ix_people_last_key",
        "ix_people_initials",
    } <= indexes

    track = Track(db)
    track("add", "Boka lokal", "--owner", "åke", "--owner", "Bosse")
    assert track.json("show", "1")["owners"] == ["Åke Ström", "Bo  Pettersson"]


def test_a_new_person_gets_the_keys(tmp_path):
    track = Track(tmp_path / "new.db")
    track("people", "add", "Sara Ek", "--org", "Ria/G7")
    con = sqlite3.connect(track.db)
    assert con.execute("SELECT name_key, first_key, last_key, initials FROM people").fetchall() == [
        ("sara ek", "sara", "ek", "SE")
    ]
    con.close()


@pytest.mark.parametrize("analyzed", [False, True])
def test_a_name_is_looked_up_through_the_indexes_never_by_scanning_people(tmp_path, analyzed):
    from actiontrack.people import StoredRoster
    from actiontrack.storage.reads import Reads

    db = tmp_path / "plans.db"
    with open_repository(f"sqlite:///{db}"):
        pass
    con = sqlite3.connect(db)
    first, last = (
        ["Leif", "Bo", "Anna", "Karin", "Omar", "Åsa"],
        ["Redestig", "Pettersson", "Berg", "Lund", "Ek"],
    )
    names = [f"{f} {s}{n or ''}" for n in range(100) for f in first for s in last]
    with con:
        con.executemany(
            "INSERT INTO people (name, created_at, name_key, first_key, last_key, initials) "
            "VALUES (:name, 'x', :name_key, :first_key, :last_key, :initials)",
            [{"name": name, **person_keys(name)} for name in names],
        )
        con.executemany(
            "INSERT INTO person_aliases (person_id, alias) VALUES (?, ?)",
            [(2, "bosse p"), *((n, f"alias {n}") for n in range(10, 310))],
        )
    if analyzed:
        con.execute("ANALYZE")
    plans: list[str] = []

    def run(sql, params):
        # analyzed, SQLite rightly reads a sixth of the people (every Leif) by the name index in
        # name order rather than by id; the lookups by key must use their indexes either way
        if not analyzed or "UNION" in sql:
            plans.extend(row[3] for row in con.execute("EXPLAIN QUERY PLAN " + sql, params))
        return con.execute(sql, params).fetchall()

    roster = StoredRoster(Reads(run))
    for name in (
        "Leif Redestig",
        "Leif",
        "Bosse",
        "Bosse Pettersson",
        "Pettersson",
        "bosse p",
        "Anna B.",
        "LR",
    ):
        assert roster.candidates(name), name
    con.close()
    assert plans and not [p for p in plans if p.startswith("SCAN")], plans
