from actiontrack.extract.sentence_split import split_sentences
from actiontrack.extract.sentences import build_blocks, split_lines


def sentences(text):
    return [s.text for s in split_sentences([(1, text)])]


def test_swedish_abbreviations_do_not_end_sentences():
    text = "Vi ses kl. 9 på t.ex. Bryggan, bl.a. för att planera. Leif ska boka m.m. Sedan fika."
    assert sentences(text) == [
        "Vi ses kl. 9 på t.ex. Bryggan, bl.a. för att planera.",
        "Leif ska boka m.m. Sedan fika.",
    ]


def test_question_and_exclamation_end_sentences():
    assert sentences("Vem gör det? Leif gör det! Bra.") == ["Vem gör det?", "Leif gör det!", "Bra."]


def test_line_numbers_follow_the_sentences():
    result = split_sentences([(3, "Första meningen. Andra"), (4, "meningen fortsätter. Tredje.")])
    assert [(s.text, s.line) for s in result] == [
        ("Första meningen.", 3),
        ("Andra meningen fortsätter.", 3),
        ("Tredje.", 4),
    ]


def test_blocks_headings_labels_bullets_and_broken_paragraphs():
    text = "\n".join(
        [
            "Ekonomi",
            "",
            "Budgeten gicks igenom och",
            "",
            "den godkändes av alla.",
            "",
            "Beslut:",
            "- Att Leif skickar ut budgeten",
            "- Att vi ses igen",
            "",
            "## Övrigt",
            "Inget att rapportera.",
        ]
    )
    blocks = build_blocks(split_lines(text))
    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "Ekonomi"),
        ("paragraph", "Budgeten gicks igenom och den godkändes av alla."),
        ("label", "Beslut"),
        ("bullet", "Att Leif skickar ut budgeten"),
        ("bullet", "Att vi ses igen"),
        ("heading", "Övrigt"),
        ("paragraph", "Inget att rapportera."),
    ]


def test_markdown_emphasis_and_links_are_removed():
    (line,) = split_lines("**Viktigt:** se [sidan](http://example.se) och <http://example.se/a>")
    assert line.text == "Viktigt: se sidan och http://example.se/a"


def test_numbered_heading_loses_its_number():
    blocks = build_blocks(split_lines("2. Bildandet av en arbetsgrupp\n\nText här."))
    assert blocks[0].kind == "heading" and blocks[0].text == "Bildandet av en arbetsgrupp"


def test_a_short_line_right_over_a_list_is_its_heading():
    text = "Klart till nästa gång\n- Ring vaktmästaren\n- Kopiera handouts\n"
    blocks = build_blocks(split_lines(text))
    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "Klart till nästa gång"),
        ("bullet", "Ring vaktmästaren"),
        ("bullet", "Kopiera handouts"),
    ]


def test_a_decision_word_alone_over_att_lines_is_their_label():
    text = "Kim redogjorde för läget.\nBeslut\natt uppdra åt kassören att begära offerter,\natt frågan följs upp i maj.\n"
    blocks = build_blocks(split_lines(text))
    assert [(b.kind, b.text) for b in blocks] == [
        ("paragraph", "Kim redogjorde för läget."),
        ("label", "Beslut"),
        ("paragraph", "att uppdra åt kassören att begära offerter, att frågan följs upp i maj."),
    ]


def test_a_list_run_into_a_paragraph_is_cut_at_its_dashes_and_labels():
    # a PDF's text with its lines joined: "Name: - point. - point." in one line
    text = "Rapporter från grupperna Sofia: - Ringer hyresvärden. - Bokar lokal. Nils: - Kollar priset."
    assert sentences(text) == [
        "Rapporter från grupperna",
        "Sofia: - Ringer hyresvärden.",
        "- Bokar lokal.",
        "Nils: - Kollar priset.",
    ]
    # a dash inside a sentence, or a colon with no dash after it, cuts nothing
    assert sentences("Mötet - som var kort - slutade tidigt. Frågan: vem bokar?") == [
        "Mötet - som var kort - slutade tidigt.",
        "Frågan: vem bokar?",
    ]


def test_a_list_run_into_one_line_becomes_its_points():
    lines = [(ln.no, ln.text, ln.bullet) for ln in split_lines(
        "Till nästa gång: • köpa kaffe • hyra lokal\n"
        "Uppdrag: - Kim bokar bussen - Sara ringer skolan\n"
        "Mötet hölls 13.00 - 15.00 i stora salen.\n"  # a dash between times is no list
        "Beslut: - ja"  # one point, one word: no list
    )]  # fmt: skip
    assert lines == [
        (1, "Till nästa gång:", False),
        (1, "köpa kaffe", True),
        (1, "hyra lokal", True),
        (2, "Uppdrag:", False),
        (2, "Kim bokar bussen", True),
        (2, "Sara ringer skolan", True),
        (3, "Mötet hölls 13.00 - 15.00 i stora salen.", False),
        (4, "Beslut: - ja", False),
    ]
