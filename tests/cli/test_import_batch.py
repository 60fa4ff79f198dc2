"""Import writes its rows in a few statements: the result is the same as before.

tests/fixtures/import_golden/expected.json was recorded with the import that stored row by
row through the ORM; the export, the import report and every undo must stay exactly that. One
difference is wanted: `track log` no longer says an import "changed 1 meeting" when all it did
was add it with its time of day (the old import wrote the time in a second step)."""

import json

from tests.conftest import FIXTURES

GOLDEN = FIXTURES / "import_golden"


def _export(track, tmp_path):
    data = json.loads(track("export", "--format", "json").stdout)
    data.pop("exported_at", None)
    return json.loads(json.dumps(data).replace(str(GOLDEN), "<minutes>"))


def _log(track):
    return [
        {k: v.replace(str(GOLDEN), "<minutes>") if k == "command" else v for k, v in c.items() if k != "user"}
        for c in track.json("log")
    ]


def _report(result):
    return json.loads(result.stdout.replace(json.dumps(str(GOLDEN))[1:-1], "<minutes>"))


def run_steps(track, tmp_path):
    """Known people, three minutes, the first again as a new meeting, a corrected copy, three undos."""
    steps = {}
    track("people", "add", "Lars Ström")
    track("people", "add", "Maria Lund", "--org", "kulturförvaltningen")
    track("people", "add", "Maria Berg")
    minutes = [str(GOLDEN / f"{n}.txt") for n in ("a", "b", "c")]
    steps["import"] = _report(track("import", *minutes, "--yes", "--year", "2021", "--format", "json"))
    steps["after import"] = _export(track, tmp_path)
    steps["as new"] = _report(
        track("import", minutes[0], "--as-new", "--yes", "--year", "2021", "--format", "json")
    )
    steps["after as new"] = _export(track, tmp_path)
    corrected = str(GOLDEN / "a-rattad.txt")
    steps["update"] = _report(track("import", corrected, "--yes", "--year", "2021", "--format", "json"))
    steps["after update"] = _export(track, tmp_path)
    steps["again"] = _report(track("import", corrected, "--yes", "--year", "2021", "--format", "json"))
    steps["log"] = _log(track)
    for n in range(3):
        track("undo")
        steps[f"after undo {n + 1}"] = _export(track, tmp_path)
    steps["log after undo"] = _log(track)
    return steps


def test_import_update_and_undo_store_exactly_what_they_did_before(track, tmp_path):
    expected = json.loads((GOLDEN / "expected.json").read_text(encoding="utf-8"))
    steps = run_steps(track, tmp_path)
    for name, value in expected.items():
        assert steps[name] == value, name
    assert steps["after undo 1"] == steps["after as new"]
    assert steps["after undo 3"]["meetings"] == []
