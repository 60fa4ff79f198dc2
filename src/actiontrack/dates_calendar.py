"""The calendar's old place: the extractor imports `fold` from here (actiontrack.dates.calendar)."""

from actiontrack.dates.calendar import fold as fold
