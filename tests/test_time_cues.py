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
