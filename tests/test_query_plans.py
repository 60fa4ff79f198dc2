"""The agenda's, the digest's and `open --owner`'s queries use indexes, before and after
ANALYZE.

Checked with EXPLAIN QUERY PLAN on a database of generated items: every query the
agenda, the digest and `open --owner` run is recorded, and its plan may search the
items, their owners and the meetings (and, for a name, the people) only through an
index, never scan them. No timing.
"""

from __future__ import annotations

import random
import sqlite3
from datetime import date, timedelta

import pytest

from actiontrack.models import Status
from actiontrack.storage import open_database
from actiontrack.storage.people_writes import person_keys
from actiontrack.storage.reads import Reads
from actiontrack.usecases.agenda import agenda, digest
from actiontrack.usecases.listing import Filters, list_items

TODAY = date(2026, 3, 2)
GROUPS = ["Fritidsrådet", "Skolgruppen", "Trygghetsgruppen", "Biblioteksrådet"]
STAMP = "2025-01-01T09:00:00+00:00"
BIG_TABLES = ("items", "item_owners", "meetings", "item_history")


def _fill(path, n_items: int = 4000) -> None:
    """Groups meeting monthly for three years, one person per 40 items, most old items done."""
    rng = random.Random(7)
    con = sqlite3.connect(path)
    with con:
        con.executemany(
            "INSERT INTO groups (id, name, created_at) VALUES (?, ?, ?)",
            [(g + 1, name, STAMP) for g, name in enumerate(GROUPS)],
        )
        meetings = []
        for g in range(len(GROUPS)):
            day = date(2023, 1, 9) + timedelta(days=g)
            while day < TODAY:
                meetings.append((len(meetings) + 1, g + 1, day.isoformat(), STAMP))
                day += timedelta(days=28)
        con.executemany("INSERT INTO meetings (id, group_id, date, created_at) VALUES (?, ?, ?, ?)", meetings)
        people = [(p, f"Person{p} Efternamn{p % 13}", STAMP) for p in range(1, n_items // 40 + 1)]
        con.executemany(
            "INSERT INTO people (id, name, created_at, name_key, first_key, last_key, initials) "
            "VALUES (:id, :name, :at, :name_key, :first_key, :last_key, :initials)",
            [
                {"id": p, "name": name, "at": at, **person_keys(name)} for p, name, at in people
            ],  # as add_person
        )
        for i in range(1, n_items + 1):
            meeting = rng.choice(meetings)
            held = date.fromisoformat(meeting[2])
            closed = None
            if (TODAY - held).days > 60 and rng.random() < 0.95:
                closed = (held + timedelta(days=rng.randint(3, 50))).isoformat() + "T10:00:00+00:00"
            kind = "deferred" if rng.random() < 0.05 else "action"
            con.execute(
                "INSERT INTO items (id, kind, text, status, meeting_id, created_at, updated_at, closed_at, "
                "group_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    i,
                    kind,
                    f"Punkt {i} följs upp.",
                    "done" if closed else "open",
                    meeting[0],
                    STAMP,
                    STAMP,
                    closed,
                    meeting[1],
                ),
            )
            con.execute(
                "INSERT INTO item_owners (item_id, position, person_id) VALUES (?, 0, ?)",
                (i, rng.randint(1, len(people))),
            )
            if i % 50 == 0:
                con.execute(
                    "INSERT INTO item_owners (item_id, position, organisation) VALUES (?, 1, ?)",
                    (i, "socialförvaltningen"),
                )
    con.close()


def _plans(path, work) -> list[tuple[str, list[str]]]:
    """(sql, its plan's lines) of every query `work(reads)` runs."""
    con = sqlite3.connect(path)
    seen: list[tuple[str, list[str]]] = []

    def run(sql, params):
        seen.append((sql, [row[3] for row in con.execute("EXPLAIN QUERY PLAN " + sql, params)]))
        return con.execute(sql, params).fetchall()

    try:
        work(Reads(run))
    finally:
        con.close()
    return seen


def _scans(plans, tables=BIG_TABLES) -> list[str]:
    """The plan lines that read a big table whole (SQLite says SCAN; SEARCH is through an index)."""
    return [
        f"{line}   <- {sql}"
        for sql, lines in plans
        for line in lines
        if line.startswith("SCAN ") and _table_of(line, sql, tables) in tables
    ]


def _table_of(line: str, sql: str, tables=BIG_TABLES) -> str:
    """The table a plan line names, through the alias the query gives it ("items i")."""
    name = line.split()[1]
    words = sql.replace(",", " ").split()
    for n, word in enumerate(words[:-1]):
        if words[n + 1] == name and word in tables:
            return word
    return name


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    path = tmp_path_factory.mktemp("plans") / "plans.db"
    with open_database(f"sqlite:///{path}") as db, db.transaction():
        pass  # the schema, by the migrations
    _fill(path)
    return path


def _assert_by_meeting(plans) -> None:
    """A group's open items and those done since its last meeting: one seek in the index of the
    items' group (its meetings' items and those added between them, migration m006), not a walk
    through every open (or done) item of every group."""
    of_group = [
        (sql, lines) for sql, lines in plans if sql.startswith("SELECT i.id") and "i.group_id = " in sql
    ]
    assert any("i.closed_at >=" in sql for sql, _ in of_group), "the agenda reads what was done since"
    assert len(of_group) == 2 * len(GROUPS)
    for _sql, lines in of_group:
        assert any("ix_items_group_status_closed (group_id=? AND status=?" in line for line in lines), lines


def _agenda_and_digest(reads: Reads) -> None:
    for group in GROUPS:
        made = agenda(reads, group, when=None, today=TODAY)
        assert made.open or made.deferred
    person = reads.run("SELECT name FROM people WHERE id = 3", {})[0][0]
    (got,) = digest(reads, owner=person, today=TODAY)
    assert got.owner == person and got.items


def test_the_agenda_and_digest_queries_use_indexes_before_any_analyze(database):
    assert (
        not sqlite3.connect(database)
        .execute("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")
        .fetchall()
    )
    plans = _plans(database, _agenda_and_digest)
    assert _scans(plans) == []
    _assert_by_meeting(plans)
    # the group by its name's unique index, not by reading every group (2,000 at a million items)
    assert _scans(plans, ("groups",)) == []


def test_a_writing_command_leaves_statistics_and_the_plans_keep_their_indexes(database):
    with open_database(f"sqlite:///{database}") as db, db.transaction() as repo:
        repo.query_items(group=GROUPS[0])  # a command that reads items, as every write does
    con = sqlite3.connect(database)
    analysed = {r[0] for r in con.execute("SELECT tbl FROM sqlite_stat1")}
    con.close()
    assert "items" in analysed
    plans = _plans(database, _agenda_and_digest)
    assert _scans(plans) == []
    _assert_by_meeting(plans)
    assert _scans(plans, ("groups",)) == []


def test_an_import_finds_the_meetings_of_a_day_and_a_crowded_first_name_by_index(database):
    """What an import asks of every document: the group's meetings on the minutes' day, and the
    first names of the people who share an owner's first name. Each a seek in an index
    (migration m008): not every meeting of the group read, nor everyone of that first name
    read and sorted for the ten names shown."""

    def work(reads: Reads) -> None:
        assert reads.same_day(1, "2023-01-09")
        count, names = reads.sharing_first_name("person3", 0)
        assert count == 1 and names == []

    plans = _plans(database, work)
    (day,) = [lines for sql, lines in plans if sql.startswith("SELECT id FROM meetings")]
    assert any("ix_meetings_group_date (group_id=? AND date=?)" in line for line in day), day
    (crowd,) = [lines for sql, lines in plans if "ORDER BY name LIMIT" in sql]
    assert any("ix_people_first_key_name (first_key=?)" in line for line in crowd), crowd
    assert not any("TEMP B-TREE" in line for line in crowd), crowd


# --- open --owner ------------------------------------------------------------------------------------


def _open_owned_by(*names: str, statuses=tuple(Status)):
    def work(reads: Reads) -> None:
        for name in names:
            assert list_items(reads, Filters(owner=name, statuses=statuses), today=TODAY), name

    return work


@pytest.mark.parametrize("analyzed", [False, True], ids=["before ANALYZE", "after ANALYZE"])
def test_open_owner_reads_the_people_and_their_items_through_indexes(tmp_path, analyzed):
    """A full name, a first name and "first name and initial" (`--owner "Person3 E."`): the
    people by the indexed keys of their names (migration m004), the items by their owners, no
    table read whole."""
    path = tmp_path / "owner.db"
    with open_database(f"sqlite:///{path}") as db, db.transaction():
        pass
    _fill(path)
    con = sqlite3.connect(path)
    with con:  # a shared database's thousands of people, else a scan of a hundred is cheaper
        con.executemany(
            "INSERT INTO people (name, created_at, name_key, first_key, last_key, initials) "
            "VALUES (:name, :at, :name_key, :first_key, :last_key, :initials)",
            [
                {"name": name, "at": STAMP, **person_keys(name)}
                for n in range(1000)
                for name in (f"Eva Namnsson{n}", f"Per Namnsson{n}")
            ],
        )
        if analyzed:
            con.execute("ANALYZE")
    con.close()
    person = f"Person3 Efternamn{3 % 13}"
    plans = _plans(path, _open_owned_by(person, "Person3", "Person3 E."))
    assert _scans(plans, (*BIG_TABLES, "people", "person_aliases")) == []
    of_people = [lines for sql, lines in plans if sql.startswith("SELECT id FROM people WHERE")]
    assert len(of_people) >= 3  # one or more per name
    for lines in of_people:
        assert any("ix_people_" in line for line in lines), lines
    of_items = [lines for sql, lines in plans if sql.startswith("SELECT i.id") and "o.person_id IN" in sql]
    assert of_items and all(any("ix_item_owners_person_item" in ln for ln in lines) for lines in of_items)


def test_open_owner_of_an_organisation_reads_its_names_one_seek_each(database):
    """`--owner socialförvaltningen`: which organisations there are, by skipping through their
    index one name at a time, not by reading every item they own. (Being a single word that
    is nobody's first name, it is looked for as a surname too: that reads every person.)"""
    plans = _plans(
        database, _open_owned_by("socialförvaltningen", "Socialförvaltningen", statuses=(Status.OPEN,))
    )
    assert _scans(plans) == []
    (names, *_) = [lines for sql, lines in plans if "RECURSIVE orgs" in sql]
    assert any("ix_item_owners_organisation (organisation>?)" in line for line in names), names
