"""What a sentence says of time, as features of its clauses (extract/time_cues.py)."""

from datetime import date

from actiontrack.extract.due import Due
from actiontrack.extract.time_cues import time_features

BASE = date(2024, 3, 1)


def cues(text):
    return time_features(text, Due(BASE, meeting_date=BASE, next_meeting=None, title=None), BASE, None)


def test_a_deadline_word_counts_after_any_word_but_since_last_time():
    assert "time:deadline-word" in cues("Kallelsen senast fredag.")
    assert "time:deadline-word" in cues("Eva bokar lokal senast 1 april.")
    assert "time:deadline-word" not in cues("Inget har hänt sedan senast.")
    assert "time:deadline-word" not in cues("Vi har inte setts sen senast.")


def test_the_group_named_as_in_the_title_is_its_next_meeting():
    from actiontrack.extract.due import later_meeting, meeting_referred

    title = "Brukarrådet psykiatri"
    assert meeting_referred("Punkten flyttas till nästa brukarråd.", title) == "this"
    assert later_meeting("Punkten flyttas till nästa brukarråd.", title) is not None
    # another body, or a word the title does not have, is no meeting of this group
    assert meeting_referred("Punkten flyttas till nästa styrelse.", title) is None
    assert later_meeting("Vi ses nästa vecka.", title) is None
    assert meeting_referred("Punkten flyttas till nästa brukarråd.", None) is None
