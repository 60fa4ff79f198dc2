"""Extraction stays linear for text no secretary writes: deep quotes, very long lines, long
paragraphs. The grammar's work grows with the square of a sentence's length, so no sentence it
is handed is longer than sentence_split.MAX_SENTENCE, and quote marks do not make one sentence of
a whole quoted list (benchmarks/hostile_shapes.py measures the whole command)."""

import time
from datetime import date

import pytest

from actiontrack.extract import extract_text, grammar
from actiontrack.extract.sentence_split import MAX_SENTENCE, cap_sentence, split_sentences
from actiontrack.extract.sentences import build_blocks, split_lines

TODAY = date(2026, 11, 22)
NAMES = ["Anna", "Bo", "Cecilia", "David"]


def nested(n):
    return "\n".join("> " * i + f"- Anna ska göra sak {i}" for i in range(n)) + "\n"


def long_lines(n, width=19_000):
    line = " ".join(f"{NAMES[k % 4]} ska ringa hyresvärden och" for k in range(width // 34)) + " sedan"
    return "\n".join([line] * n) + "\n"


def tasks(n):
    return "\n".join(f"{NAMES[i % 4]} ska boka lokalen {i}." for i in range(n)) + "\n"


@pytest.fixture
def longest(monkeypatch):
    """The longest sentence (in characters of text) the grammar is handed."""
    seen = [0]
    real = grammar.clauses

    def measuring(tokens):
        if tokens:
            seen[0] = max(seen[0], tokens[-1].end - tokens[0].start)
        return real(tokens)

    monkeypatch.setattr(grammar, "clauses", measuring)
    return seen


@pytest.mark.parametrize("text", [nested(400), long_lines(3), tasks(2000)], ids=["nested", "long", "tasks"])
def test_no_sentence_the_grammar_reads_is_longer_than_the_cap(text, longest):
    extraction = extract_text(text, today=TODAY)
    assert 0 < longest[0] <= MAX_SENTENCE
    assert extraction.items and all(len(item.source) <= MAX_SENTENCE for item in extraction.items)


def test_quoted_list_lines_are_the_lines_they_quote():
    lines = split_lines("> - Anna ska ringa\n> > > Bo ska skriva.\n>\n>> ## Ekonomi\n")
    assert [(ln.text, ln.bullet, ln.heading_level) for ln in lines] == [
        ("Anna ska ringa", True, 0),
        ("Bo ska skriva.", False, 0),
        ("", False, 0),
        ("Ekonomi", False, 2),
        ("", False, 0),
    ]
    items = extract_text(nested(50), today=TODAY).items
    assert len(items) == 50 and items[49].text.startswith("Anna ska göra sak 49")


def test_a_long_sentence_is_cut_at_clause_boundaries_and_nothing_is_lost():
    text = long_lines(1)[:-1]
    spans = cap_sentence(text)
    assert len(spans) > 1 and all(e - b <= MAX_SENTENCE for b, e in spans)
    assert "".join(text[b:e] for b, e in spans) == text
    assert all(text[b:e].startswith("och ") for b, e in spans[1:])
    assert cap_sentence("Anna ska ringa.") == [(0, 15)]
    assert cap_sentence("x" * 2500) == [(0, 1000), (1000, 2000), (2000, 2500)]
    sentences = split_sentences([(7, text)])
    assert {s.line for s in sentences} == {7} and " ".join(s.text for s in sentences) == text


def test_a_paragraph_of_many_lines_keeps_its_text():
    lines = split_lines(tasks(300))
    (block,) = build_blocks(lines)
    assert block.text == " ".join(ln.text for ln in lines if ln.text)
    assert len(block.sentences()) == 300


def test_deep_quotes_cost_as_their_size():
    """500 nested quoted lines took 27 s and 123 MB; now they are 500 list items."""
    extract_text(nested(10), today=TODAY)
    start = time.process_time()
    extraction = extract_text(nested(500), today=TODAY)
    assert len(extraction.items) == 500
    assert time.process_time() - start < 10
