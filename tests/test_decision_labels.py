"""Decision labels and one-word headings, as secretaries write them: with a slip of the pen too."""

import pytest


@pytest.mark.parametrize(
    ("line", "rest"),
    [
        ("Beslut: att köpa in stolar.", "att köpa in stolar."),
        ("Beslit: att köpa in stolar.", "att köpa in stolar."),  # a letter wrong
        ("Besult: att köpa in stolar.", "att köpa in stolar."),  # two letters swapped
        ("Beslut om inköp: att köpa in stolar.", "att köpa in stolar."),
        ("Styrelsen beslutade: Kim köper stolar.", "Kim köper stolar."),
    ],
)
def test_a_decision_label_is_read_even_with_a_slip(line, rest):
    from actiontrack.extract.layout import strip_decision_label

    assert strip_decision_label(line) == (rest, True)


@pytest.mark.parametrize(
    "line",
    [
        "Beslut att delta i IT:s dag den 1/11 då det passar bättre.",  # the colon of a genitive
        "Bilder: Kim tar med kameran.",  # a word of its own, no slip of "Beslut"
        "Beslut fattades om att vi under hösten ska ses oftare: varannan vecka.",  # a long lead
    ],
)
def test_what_is_no_decision_label_stays_as_written(line):
    from actiontrack.extract.layout import strip_decision_label

    assert strip_decision_label(line) == (line, False)


def test_a_one_word_heading_with_a_slip_is_its_kind_unless_it_is_a_word():
    from actiontrack.extract.layout import heading_kind

    assert heading_kind("Åtgärer") == "todo"
    assert heading_kind("Dagordnig") == "agenda"
    assert heading_kind("Beslit:") == "decisions"
    assert heading_kind("Bilder") == ""  # a word of its own, one slip from no heading
