"""Use cases, one module per concern as cli/ is split: items, meetings, documents, agenda, people.

Business rules live here. Functions take `repo` and `now` as parameters and never read the
clock or the terminal; a `confirm` callback is how they ask the user a question.
`actiontrack.service` re-exports what the commands call.
"""
