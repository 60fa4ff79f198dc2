import pytest
from hypothesis import given
from hypothesis import strategies as st

from actiontrack.errors import PersonError
from actiontrack.models import Person
from actiontrack.people import Roster

ROSTER = Roster(
    [
        Person(1, "Leif Redestig"),
        Person(2, "Bo Pettersson"),
        Person(3, "Karl Svensson", aliases=("kalle s",)),
        Person(4, "Anna Berg"),
        Person(5, "Anna Lind"),
        Person(6, "Ann Abrahamsson"),
        Person(7, "Per Norbeck"),
        Person(8, "Mikael Ek"),
    ]
)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Leif Redestig", "Leif Redestig"),
        ("leif redestig", "Leif Redestig"),
        ("Leif", "Leif Redestig"),
        ("LEIF", "Leif Redestig"),
        ("Bosse", "Bo Pettersson"),
        ("Bosse Pettersson", "Bo Pettersson"),
        ("Kalle", "Karl Svensson"),
        ("kalle s", "Karl Svensson"),
        ("Pelle", "Per Norbeck"),
        ("Micke", "Mikael Ek"),
        ("Ann", "Ann Abrahamsson"),  # exact first name, not a prefix of Anna
        ("Redestig", "Leif Redestig"),
    ],
)
def test_resolves(name, expected):
    assert ROSTER.resolve(name).name == expected


def test_ambiguous_first_name_is_an_error_naming_the_candidates():
    with pytest.raises(PersonError, match="Anna Berg, Anna Lind"):
        ROSTER.resolve("Anna")
    assert ROSTER.find("Anna") is None


def test_unknown_name_is_an_error_that_says_how_to_add():
    with pytest.raises(PersonError, match="track people add"):
        ROSTER.resolve("Sara")


def test_full_name_beats_first_name():
    roster = Roster([Person(1, "Per"), Person(2, "Per Norbeck")])
    assert roster.resolve("Per").name == "Per"


def test_initials_resolve_when_they_fit_one_person():
    assert ROSTER.resolve("LR").name == "Leif Redestig"
    assert ROSTER.resolve("AB").name == "Anna Berg"
    twins = Roster([Person(1, "Anna Berg"), Person(2, "Anders Blom")])
    assert twins.find("AB") is None  # two people: ambiguous, never a guess


def test_first_name_and_surname_initial():
    assert ROSTER.resolve("Anna B").name == "Anna Berg"
    assert ROSTER.resolve("Anna L.").name == "Anna Lind"
    assert ROSTER.find("Anna X") is None


def test_a_name_many_people_share_lists_ten_of_them_and_counts_the_rest():
    """A shared database has a thousand Leifs: the error is a sentence, not a page."""
    from actiontrack.errors import PersonError
    from actiontrack.people import SHOWN, Roster

    leifs = [Person(n, f"Leif Efternamn{n:02d}") for n in range(SHOWN + 5)]
    with pytest.raises(PersonError) as raised:
        Roster(leifs).resolve("Leif")
    message = str(raised.value)
    assert message.count("Leif Efternamn") == SHOWN and "and 5 others" in message


@given(
    st.text(alphabet="abcdeåäö ", min_size=1, max_size=12),
    st.lists(st.text(alphabet="abcdeåäö ", min_size=1, max_size=16), max_size=30),
    st.sampled_from([0.6, 0.7, 0.8]),
)
def test_close_matches_answers_as_difflib_does(key, forms, cutoff):
    from difflib import get_close_matches

    from actiontrack.people import close_matches

    assert close_matches(key, forms, 3, cutoff) == get_close_matches(key, forms, n=3, cutoff=cutoff)


def test_a_name_written_decomposed_in_the_minutes_is_the_known_person(track, tmp_path):
    import unicodedata

    track("people", "add", "Örjan Åberg")
    decomposed = unicodedata.normalize("NFD", "Örjan Åberg")
    minutes = tmp_path / "m.txt"
    minutes.write_text(
        f"Protokoll Styrgruppen 2023-05-04\n\nNärvarande: {decomposed}, Eva Lund\n\n"
        f"Lokal\n{decomposed} bokar lokalen till hösten.\n",
        encoding="utf-8",
    )
    track("import", str(minutes), "--yes")
    assert [p["name"] for p in track.json("people", "list")] == ["Eva Lund", "Örjan Åberg"]
