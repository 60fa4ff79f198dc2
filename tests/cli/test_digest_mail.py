"""The digest as e-mail: text and HTML without Markdown marks, and one .eml draft per person
that the email library (and so Outlook) reads: To, a Swedish subject, a plain and an HTML part."""

from __future__ import annotations

import email
from email import policy

import pytest

MINUTES = """Styrgruppen 1 februari 2016

Närvarande: Anna Berglund, Jonas Ek

Anna ska boka lokal senast 5 februari.
Jonas tar fram ett förslag på budget senast 30 april.
"""  # the tests run on 8 February 2016: Anna's item is overdue


@pytest.fixture
def sv(track, tmp_path):
    minutes = tmp_path / "m.txt"
    minutes.write_text(MINUTES, encoding="utf-8")
    track("import", str(minutes), "--yes")
    track("people", "alias", "Anna Berglund", "anna.berglund@kommun.se")
    return lambda *args, **kw: track("--lang", "sv", *args, **kw)


def test_text_and_html_have_no_markdown_marks(sv):
    text = sv("digest", "--format", "text").stdout
    assert "**" not in text and "FÖRSENAD: Anna ska boka lokal senast 5 februari." in text
    page = sv("digest", "--format", "html").stdout
    assert page.startswith("<!DOCTYPE html>") and "**" not in page
    assert '<strong style="color:#a00000">Försenad:</strong> Anna ska boka lokal' in page


def test_one_draft_per_person_that_outlook_opens_to_send(sv, tmp_path):
    folder = tmp_path / "utskick"
    result = sv("digest", "--format", "eml", "--output", str(folder))
    assert "Skrev 2 e-postutkast" in result.stdout
    anna = email.message_from_bytes((folder / "Anna-Berglund.eml").read_bytes(), policy=policy.default)
    assert anna["To"] == "Anna Berglund <anna.berglund@kommun.se>"
    assert anna["Subject"] == "Dina öppna åtgärder: 1 öppen åtgärd, 1 försenad"
    assert anna["X-Unsent"] == "1" and anna["Content-Language"] == "sv-SE"
    assert anna.get_content_type() == "multipart/alternative"
    plain = anna.get_body(("plain",)).get_content()
    html = anna.get_body(("html",)).get_content()
    assert plain.startswith("Hej Anna!") and "FÖRSENAD: Anna ska boka lokal senast 5 februari." in plain
    assert "<strong" in html and "Anna ska boka lokal" in html
    jonas = email.message_from_bytes((folder / "Jonas-Ek.eml").read_bytes(), policy=policy.default)
    assert jonas["To"] is None  # no address known: the sender fills it in
    assert b"\r\n" in (folder / "Jonas-Ek.eml").read_bytes()


def test_eml_needs_a_folder(sv):
    result = sv("digest", "--format", "eml", ok=False)
    assert result.exit_code == 2 and "--output MAPP" in result.output
