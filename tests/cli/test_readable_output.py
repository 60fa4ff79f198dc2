"""Output a person reads: history in words, wrapping at 80 columns, "1 day"."""

from datetime import date

from typer.testing import CliRunner

from actiontrack.cli import app


def test_show_writes_the_history_in_words(people):
    track = people
    track("add", "Leif och Bo ska boka lokal", "--owner", "Leif", "--owner", "Bo")
    track("edit", "1", "--owner", "Leif", "--due", "2027-01-15")
    out = track("show", "1").stdout
    assert "owners: Leif Redestig, Bo Pettersson -> Leif Redestig" in out
    assert "due: none -> 15 January 2027" in out
    assert "['" not in out


def test_open_at_80_columns_wraps_words_and_cuts_none():
    from rich.console import Console

    from actiontrack.models import Item, Kind, MeetingRef, Owner, Status
    from actiontrack.render import items_table

    text = "Ia ska sammanställa socialförvaltningens synpunkter på fritidsförvaltningens förslag till samverkansavtal"
    item = Item(
        7,
        Kind.ACTION,
        text,
        Status.OPEN,
        (Owner("Ia Jonsson"), Owner("hyresgästerna")),
        date(2019, 3, 1),
        MeetingRef(1, "Gemensam utvecklingsgrupp", date(2019, 2, 8)),
    )
    import io

    console = Console(width=80, file=io.StringIO(), color_system=None)
    console.print(items_table([item], date(2019, 3, 5)))
    out = console.file.getvalue()
    assert "…" not in out and all(len(line) <= 80 for line in out.splitlines())
    for word in (
        "fritidsförvaltningens",
        "socialförvaltningens",
        "samverkansavtal",
        "hyresgästerna",
        "overdue",
    ):
        assert word in out


def test_meeting_list_keeps_group_names_whole(track):
    track("meeting", "start", "Arbetsmarknadsförvaltningens samverkansgrupp", "--date", "2019-03-14")
    options, env = track.address
    result = CliRunner().invoke(
        app, [*options, "meeting", "list"], env={**env, "COLUMNS": "80", "NO_COLOR": "1"}, color=False
    )
    assert "Arbetsmarknadsförvaltningens" in result.stdout and "…" not in result.stdout


def test_waiting_reads_naturally():
    from actiontrack.i18n import set_language
    from actiontrack.render.agenda import waited_words

    on = date(2026, 3, 1)  # the words are the interface language's
    set_language("en")
    assert waited_words(1, on) == "waiting 1 day"
    assert waited_words(400, on) == "waiting since 2025"
    set_language("sv")
    assert waited_words(1, on) == "väntat 1 dag"
    assert waited_words(40, on) == "väntat 40 dagar"
    assert waited_words(4081, on) == "väntat sedan 2014"
