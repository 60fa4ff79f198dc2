"""The walkthrough "When something is wrong" (docs/troubleshooting.md) is what `track` really prints."""

import re
from pathlib import Path

from tests.conftest import Track

PAGE = (Path(__file__).resolve().parent.parent / "docs" / "troubleshooting.md").read_text(encoding="utf-8")
SECTION = PAGE.split("# When something is wrong", 1)[1]


def shown(output: str) -> None:
    for line in output.splitlines():
        assert line in SECTION, f"not in docs/troubleshooting.md: {line}"


def test_the_walkthrough(tmp_path, monkeypatch):
    minutes = re.search(r"```text\n(.*?)```", SECTION, re.S).group(1)
    monkeypatch.chdir(tmp_path)
    Path("referensgruppen.txt").write_text(minutes, encoding="utf-8")
    track = Track(tmp_path / "track.db", now="2019-03-18T10:00:00+01:00")
    shown(track.fails("import", "referensgruppen.txt", "--yes").stderr)
    shown(track("import", "referensgruppen.txt", "--date", "2019-03-14", "--yes").stdout)
    track("done", "3", "--note", "skickad")
    corrected = minutes.replace("före den 1 april", "före den 8 april").replace(
        "Sara skickar", "Sara Lind skickar"
    )
    Path("referensgruppen-justerad.txt").write_text(corrected, encoding="utf-8")
    result = track("import", "referensgruppen-justerad.txt", "--yes")
    shown(result.stdout)
    shown(result.stderr)
    shown(track("meeting", "edit", "1", "--place", "Stadshuset, rum 4", "--time", "13.00-15.00").stdout)
    shown(track("log").stdout)
    shown(track("undo").stdout)
    shown(track("undo").stdout)
    assert track.json("show", "2")["due"] == "2019-04-01"
