"""A JSON export restores whatever its size: it is read piece by piece, and the guards of a set
of minutes (20 MB, 20,000 characters a line) do not apply to it. 25,000 items (29.5 MB) were
refused as "not a set of minutes", and an export on one line as a line too long."""

import json

from tests.conftest import Track

N = 100_000


def export_of(n):
    """An export of `n` items (with few fields: at 100,000 the database's own work is most of
    the test's time)."""
    items = [
        {
            "id": i + 1,
            "kind": "action",
            "text": f"Vi ska göra sak {i}",
            "status": "done" if i % 5 == 0 else "open",
            "due": f"2020-{1 + i % 12:02d}-{1 + i % 28:02d}",
            "created_at": f"2019-01-01T10:00:00.{i:06d}+00:00",
        }
        for i in range(n)
    ]
    return {"format": "actiontrack-export", "version": 1, "people": [], "meetings": [], "items": items}


def test_an_export_of_100_000_items_goes_round(tmp_path):
    source = tmp_path / "stor.json"
    data = export_of(N)
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")  # one line of 10 MB
    track = Track(tmp_path / "t.db")
    result = track("import", "--from-json", str(source))
    assert f"{N} items, 0 meetings, 0 people restored." in result.stdout
    again = tmp_path / "igen.json"
    track("export", "--format", "json", "-o", str(again))
    back = json.loads(again.read_text(encoding="utf-8"))["items"]
    assert len(back) == N
    keys = ("kind", "text", "status", "due", "created_at")
    assert [{k: b[k] for k in keys} for b in back[:: N // 100]] == [
        {k: d[k] for k in keys} for d in data["items"][:: N // 100]
    ]


def test_an_export_larger_than_minutes_may_be_is_restored(tmp_path):
    """Over 20 MB with long texts: no guard of the minutes reader applies."""
    data = export_of(1_000)
    for item in data["items"]:
        item["text"] = "Vi ska läsa " + "mycket långa protokoll " * 1_000  # 23,000 characters
    source = tmp_path / "stor.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert source.stat().st_size > 20 * 1024 * 1024
    track = Track(tmp_path / "t.db")
    assert "1000 items" in track("import", "--from-json", str(source)).stdout
    assert len(track.json("open", "--all")) == 1_000


def test_an_export_cut_short_is_one_sentence_and_writes_nothing(tmp_path):
    text = json.dumps(export_of(50), ensure_ascii=False, indent=1)
    source = tmp_path / "kort.json"
    source.write_text(text[: len(text) // 2], encoding="utf-8")
    track = Track(tmp_path / "t.db")
    result = track.fails("import", "--from-json", str(source))
    assert "not an actiontrack JSON export" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert track.is_empty()


def test_an_export_from_standard_input(tmp_path):
    track = Track(tmp_path / "t.db")
    result = track("import", "--from-json", "-", input=json.dumps(export_of(3), ensure_ascii=False))
    assert "3 items" in result.stdout


def test_the_reader_reads_values_across_its_buffer(monkeypatch):
    import io

    from actiontrack.export import reader

    monkeypatch.setattr(reader, "CHUNK", 7)  # every value crosses a refill, numbers too
    text = json.dumps(
        {"format": "x", "version": 12345, "items": [{"a": 1.5e10, "b": "å" * 30}, {}], "z": None}
    )
    assert list(reader.entries(io.StringIO(text))) == [
        ("format", "x", False),
        ("version", 12345, False),
        ("items", {"a": 1.5e10, "b": "å" * 30}, True),
        ("items", {}, True),
        ("z", None, False),
    ]
