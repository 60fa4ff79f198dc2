"""A realistic actiontrack database of any size, the same every time for a seed.

    .venv/bin/python benchmarks/generate.py --items 1000000 --db /tmp/bench-1m.db [--seed 1]

Groups meeting monthly over ten years, one group per 500 items (a big
municipality's shared database has many groups, not denser meetings), one person
per 33 items, items of one to three owners (or the group), due dates, nearly all
old items closed, each with its history. The schema
is made by actiontrack itself (its migrations); rows are then written in bulk.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIRST = [
    "Anna",
    "Bo",
    "Leif",
    "Sara",
    "Eva",
    "Per",
    "Ia",
    "Allan",
    "Karin",
    "Lars",
    "Maria",
    "Johan",
    "Lena",
    "Anders",
    "Kristina",
    "Mikael",
    "Elin",
    "Omar",
    "Fatima",
    "Ali",
    "Nils",
    "Ulla",
    "Tomas",
    "Åke",
    "Gösta",
]
LAST = [
    "Andersson",
    "Johansson",
    "Karlsson",
    "Nilsson",
    "Eriksson",
    "Larsson",
    "Olsson",
    "Persson",
    "Svensson",
    "Gustafsson",
    "Pettersson",
    "Jonsson",
    "Redestig",
    "Hedman",
    "Lund",
    "Berg",
    "Ek",
    "Holm",
    "Ström",
    "Malmén",
]
ORGS = [
    "socialförvaltningen",
    "arbetsmarknadsförvaltningen",
    "Bryggan",
    "Ria/G7",
    "Vorta Drom",
    "RFHL",
    "Röda korset",
]
GROUPS = [
    "Gemensam utvecklingsgrupp",
    "Ledningsgrupp för utveckling",
    "Bryggangruppen",
    "Brukarrådet",
    "Samverkansgruppen",
    "Nätverket för anhörigstöd",
    "Styrgruppen Fritidsbanken",
    "Klarspråk",
    "Mentorsgruppen",
    "Sip-gruppen",
    "Innovationsgruppen",
    "Referensgruppen unga",
    "Arbetsgruppen lokaler",
    "Digitalt utanförskap",
    "Rekryteringsgruppen",
    "Tillitsdelegationen",
    "Föräldrastöd",
    "Kvalitetsrådet",
    "Personligt ombud",
    "Hälsogruppen",
]
VERBS = [
    "ska skicka ut",
    "tar fram",
    "jobbar vidare med",
    "återkommer om",
    "bjuder in till",
    "ska boka",
    "undersöker",
    "sammanställer",
    "kontaktar förvaltningen om",
    "följer upp",
]
OBJECTS = [
    "förslaget",
    "protokollet",
    "en lokal",
    "inbjudan till studiebesöket",
    "budgeten",
    "enkäten",
    "ett möte med nämnden",
    "en rapport om samverkan",
    "frågan om mentorer",
    "schemat för våren",
]
NOW = "2026-11-22T09:00:00+00:00"
BATCH = 50_000


def person_names(rng: random.Random, count: int) -> list[str]:
    """`count` distinct names, the same for a seed: mostly "Anna Berg"; as those run out, a double
    surname ("Anna Berg-Holm"), then a second first name ("Anna Maria Berg-Holm"): 273,000 in all,
    enough for the 30,000 people of a million items (it stopped at 10,500)."""
    forms = [
        lambda: f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        lambda: f"{rng.choice(FIRST)} {rng.choice(LAST)}-{rng.choice(LAST)}",
        lambda: f"{rng.choice(FIRST)} {rng.choice(FIRST)} {rng.choice(LAST)}",
        lambda: f"{rng.choice(FIRST)} {rng.choice(FIRST)} {rng.choice(LAST)}-{rng.choice(LAST)}",
    ]
    capacity = len(FIRST) * len(LAST) * (1 + len(LAST)) * (1 + len(FIRST))
    if count > capacity * 0.9:
        sys.exit(f"The generator knows {capacity} names; {count} people are too many.")
    names: dict[str, None] = {}
    while len(names) < count:
        for form in forms:
            name = form()
            if name not in names:
                names[name] = None
                break
    return list(names)


def generate(db: Path, items: int, seed: int) -> None:
    sys.path.insert(0, str(ROOT / "src"))
    from actiontrack.storage import open_repository
    from actiontrack.storage.people_writes import person_keys

    if db.exists():
        sys.exit(f"{db} exists; give a new path.")
    with open_repository(f"sqlite:///{db.resolve()}"):
        pass  # the schema, made by the migrations
    rng = random.Random(seed)
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    n_groups = max(len(GROUPS), items // 500)
    n_people = max(300, items // 33)
    with con:
        people = [(n + 1, name, rng.choice(ORGS), NOW) for n, name in enumerate(person_names(rng, n_people))]
        con.executemany(
            "INSERT INTO people (id, name, organisation, created_at, name_key, first_key, last_key, initials) "
            "VALUES (:id, :name, :organisation, :created_at, :name_key, :first_key, :last_key, :initials)",
            [
                {"id": i, "name": name, "organisation": org, "created_at": at, **person_keys(name)}
                for i, name, org, at in people
            ],  # the lookup keys actiontrack reads people by (m004)
        )
        group_names = [
            GROUPS[g % len(GROUPS)] + (f" {g // len(GROUPS) + 1}" if g >= len(GROUPS) else "")
            for g in range(n_groups)
        ]
        con.executemany(
            "INSERT INTO groups (id, name, place, created_at) VALUES (?, ?, ?, ?)",
            [(g + 1, name, rng.choice(ORGS), NOW) for g, name in enumerate(group_names)],
        )
        meetings, start = [], date(2016, 1, 11)
        for g in range(n_groups):
            day = start + timedelta(days=rng.randint(0, 27))
            while day < date(2026, 11, 1):
                meetings.append((len(meetings) + 1, g + 1, day.isoformat(), group_names[g], NOW))
                day += timedelta(days=28 + rng.randint(-3, 7))
        con.executemany(
            "INSERT INTO meetings (id, group_id, date, title, created_at) VALUES (?, ?, ?, ?, ?)", meetings
        )
        con.executemany(
            "INSERT INTO meeting_attendees (meeting_id, person_id, present) VALUES (?, ?, ?)",
            {(m[0], rng.randint(1, n_people), 1) for m in meetings for _ in range(6)},
        )
        rows, owners, history = [], [], []
        for i in range(1, items + 1):
            meeting = meetings[rng.randrange(len(meetings))]
            held = date.fromisoformat(meeting[2])
            due = (held + timedelta(days=rng.randint(7, 60))).isoformat() if rng.random() < 0.6 else None
            age = (date(2026, 11, 22) - held).days
            closed_odds = 0.99 if age > 365 else 0.9 if age > 120 else 0.4 if age > 30 else 0.0
            status = ("done" if rng.random() < 0.95 else "dropped") if rng.random() < closed_odds else "open"
            closed = (
                (held + timedelta(days=rng.randint(5, 90))).isoformat() + "T10:00:00+00:00"
                if status != "open"
                else None
            )
            who = rng.sample(range(1, n_people + 1), rng.choice([0, 1, 1, 1, 2, 3]))
            text = f"{people[who[0] - 1][1].split()[0] if who else 'Vi'} {rng.choice(VERBS)} {rng.choice(OBJECTS)}."
            kind = "deferred" if rng.random() < 0.04 else "action"
            stamp = f"{held.isoformat()}T12:00:00+00:00"
            rows.append(
                (
                    i,
                    kind,
                    text,
                    status,
                    due,
                    meeting[0],
                    text,
                    rng.randint(5, 90),
                    "Övrigt",
                    0.8,
                    stamp,
                    closed or stamp,
                    closed,
                )
            )
            owners += [(i, pos, pid) for pos, pid in enumerate(who)]
            history.append(
                (i, stamp, "created", json.dumps({"imported_from": f"protokoll-{meeting[0]}.docx"}))
            )
            if closed:
                history.append((i, closed, status, "{}"))
            if len(rows) == BATCH or i == items:  # in batches: a million items in bounded memory
                con.executemany(
                    "INSERT INTO items (id, kind, text, status, due, meeting_id, source, line, topic, confidence, "
                    "created_at, updated_at, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    rows,
                )
                con.executemany(
                    "INSERT INTO item_owners (item_id, position, person_id) VALUES (?, ?, ?)", owners
                )
                con.executemany(
                    "INSERT INTO item_history (item_id, at, action, detail) VALUES (?, ?, ?, ?)", history
                )
                rows, owners, history = [], [], []
    # The statistics a used database has (track's writing commands keep them with PRAGMA optimize)
    con.execute("ANALYZE")
    con.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--items", type=int, required=True)
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    generate(args.db, args.items, args.seed)
    print(f"{args.db}: {args.items} items")


if __name__ == "__main__":
    main()
