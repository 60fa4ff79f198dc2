"""An import of many minutes reads them in worker processes: what is stored, what is reported
and in what order is the same as when one process reads them one after the other."""

import json
import os
import re

import pytest

from actiontrack.usecases.import_read import read_one, workers_for

PEOPLE = ["Karin Holm", "Olle Berg", "Sune Lind", "Maja Ek"]


def minutes(n: int, day: str) -> str:
    first, second = PEOPLE[n % 4], PEOPLE[(n + 1) % 4]
    return f"""Minnesanteckningar Styrgruppen {day}

Närvarande: {first}, {second}

Lokaler
{first.split()[0]} bokar lokalen till höstens träffar.
{second.split()[0]} ska ringa hyresvärden om nycklarna senast fredag.
Vi beslutade att köpa in en ny projektor.
"""


def a_batch(tmp_path) -> list[str]:
    """Nine minutes: one not a document (a folder), one whose date lacks its year (the ones
    after it wait for the year), the others dated."""
    days = [f"{d} mars 2022" for d in range(1, 5)] + ["14 april"] + [f"{d} maj 2022" for d in range(1, 4)]
    paths = []
    for n, day in enumerate(days):
        path = tmp_path / f"{n:02d}.txt"
        path.write_text(minutes(n, day), encoding="utf-8")
        paths.append(str(path))
    folder = tmp_path / "03b.txt"
    folder.mkdir()
    paths.insert(4, str(folder))
    return paths


def without_times(text: str) -> str:
    return re.sub(r'"\d{4}-\d\d-\d\dT[^"]*"', '"<time>"', text)


@pytest.mark.parametrize("jobs", ["2", "3"])
def test_workers_store_and_report_what_one_process_does(tmp_path, monkeypatch, jobs):
    from actiontrack.usecases import import_read
    from tests.conftest import Track

    pools, real = [], import_read._pool
    monkeypatch.setattr(import_read, "_pool", lambda n: pools.append(n) or real(n))
    results = {}
    for name, extra in (("one", ["--jobs", "1"]), ("workers", ["--jobs", jobs])):
        track = Track(tmp_path / f"{name}.db")
        folder = tmp_path / name
        folder.mkdir()
        paths = a_batch(folder)
        result = track("import", *paths, "--yes", "--format", "json", *extra, ok=False)
        assert result.exit_code == 1  # the folder failed, the others are stored
        report = json.loads(without_times(result.stdout.replace(str(folder), "<dir>")))
        export = json.loads(track("export", "--format", "json").stdout)
        export.pop("exported_at", None)
        results[name] = (report, without_times(json.dumps(export).replace(str(folder), "<dir>")))
    assert pools == [int(jobs)]  # the second import was read by workers, the first was not
    assert results["workers"] == results["one"]
    report = results["one"][0]
    assert [r["action"] for r in report] == ["imported"] * 4 + ["failed"] + ["imported"] * 4
    assert [r["document"] for r in report] == sorted(r["document"] for r in report)  # in the order given


def test_the_year_a_date_lacks_comes_from_minutes_read_by_other_workers(track, tmp_path):
    paths = a_batch(tmp_path)
    result = track("import", *paths, "--yes", "--jobs", "2", ok=False)
    assert "Styrgruppen 2022-04-14" in result.stdout
    assert "took 2022 from the other meetings of Styrgruppen" in result.stderr


@pytest.mark.parametrize("start", ["fork", "spawn"])
def test_a_worker_says_why_a_file_cannot_be_read_in_the_commands_language(
    track, tmp_path, monkeypatch, start
):
    import multiprocessing

    from actiontrack.usecases import import_read

    if start not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {start} here")
    monkeypatch.setattr(import_read, "START_METHOD", start)  # spawn: as on Windows and macOS
    paths = a_batch(tmp_path)
    result = track("--lang", "sv", "import", *paths, "--yes", "--jobs", "2", ok=False)
    assert result.exit_code == 1
    assert "03b.txt är en mapp, inte ett dokument." in result.stderr


def test_where_a_worker_starts_afresh_it_is_only_used_when_asked_for(monkeypatch):
    from actiontrack.usecases import import_read

    many = [f"{n}.txt" for n in range(40)]
    monkeypatch.setattr(import_read, "START_METHOD", "spawn")
    assert workers_for(many, None) == 1
    assert workers_for(many, 2) == 2


def test_how_many_workers(monkeypatch):
    from actiontrack.usecases import import_read

    monkeypatch.setattr(import_read, "START_METHOD", "fork")
    many = [f"{n}.txt" for n in range(40)]
    assert workers_for(many[:1], None) == 1
    assert workers_for(many[:3], None) == 1  # too few to be worth a worker's start
    assert workers_for(many, 1) == 1
    assert workers_for(many[:3], 8) == 3  # never more than the documents
    assert workers_for([*many, "-"], 4) == 1  # standard input is read here
    assert 1 <= workers_for(many, None) <= 8


def test_jobs_must_be_a_positive_number(track, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(minutes(0, "1 mars 2022"), encoding="utf-8")
    result = track.fails("import", str(path), "--yes", "--jobs", "0", code=2)
    assert "--jobs" in result.output
    assert track.is_empty()


PARENT = os.getpid()  # of the test run: a forked worker's differs


def dies_on_the_third(path, how):
    """read_one, but a worker that gets the third document dies, as the system ends a process
    that takes too much memory (module-level: the workers are sent it by name)."""
    if path.endswith("02.txt") and os.getpid() != PARENT:
        os._exit(9)
    return read_one(path, how)


def test_documents_a_dead_worker_did_not_read_are_read_here(track, tmp_path, monkeypatch):
    from actiontrack.usecases import import_read

    monkeypatch.setattr(import_read, "START_METHOD", "fork")
    monkeypatch.setattr(import_read, "read_one", dies_on_the_third)
    paths = [p for p in a_batch(tmp_path) if not p.endswith("03b.txt")]
    report = json.loads(track("import", *paths, "--yes", "--jobs", "2", "--format", "json").stdout)
    assert [r["action"] for r in report] == ["imported"] * 8


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_says_how_many_minutes_were_imported(track, tmp_path, monkeypatch, jobs):
    from actiontrack.usecases import import_run

    real, calls = import_run._import_one, []

    def interrupted_at_the_third(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(import_run, "_import_one", interrupted_at_the_third)
    paths = [p for p in a_batch(tmp_path) if not p.endswith("03b.txt")]
    result = track.fails("import", *paths, "--yes", "--jobs", jobs, code=130)
    assert "Interrupted; 2 of the minutes are imported, the others are not" in result.stderr
    assert len(track.json("meeting", "list")) == 2
    monkeypatch.setattr(import_run, "_import_one", real)
    again = track("import", *paths, "--yes")
    assert "6 imported, 2 skipped (already imported)" in again.stdout
