"""Clauses from tags (grammar.py), with the tags written by hand: the grammar alone, not the tagger."""

from typing import NamedTuple

import pytest

from actiontrack.extract.clause import subject_text
from actiontrack.extract.grammar import clauses


class T(NamedTuple):
    text: str
    tag: str


def tagged(spec: str) -> list[T]:
    """ "Lena/PROPN bokar/VERB.PRES bussen/NOUN.DEF" -> tokens."""
    out = []
    for part in spec.split():
        text, _, tag = part.rpartition("/")
        out.append(T(text, tag))
    return out


def test_subject_before_the_verb():
    tokens = tagged("Lena/PROPN bokar/VERB.PRES bussen/NOUN.DEF ./PUNCT")
    (c,) = clauses(tokens)
    assert subject_text(tokens, c) == "Lena"
    assert c.form == "pres" and not c.passive and not c.inverted


def test_two_clauses_joined_by_och_each_with_its_subject():
    tokens = tagged(
        "Lena/PROPN bokar/VERB.PRES bussen/NOUN.DEF och/CCONJ Omar/PROPN beställer/VERB.PRES mat/NOUN.IND"
    )
    found = clauses(tokens)
    assert [subject_text(tokens, c) for c in found] == ["Lena", "Omar"]


def test_clauses_run_together_without_punctuation():
    tokens = tagged(
        "Kim/PROPN och/CCONJ Bo/PROPN kokar/VERB.PRES soppa/NOUN.IND Eva/PROPN dukar/VERB.PRES bordet/NOUN.DEF"
    )
    found = clauses(tokens)
    assert [subject_text(tokens, c) for c in found] == ["Kim och Bo", "Eva"]


def test_verb_second_after_an_adverbial():
    tokens = tagged(
        "Till/ADP nästa/ADJ möte/NOUN.IND tar/VERB.PRES Anna/PROPN fram/ADP en/DET budget/NOUN.IND"
    )
    (c,) = clauses(tokens)
    assert subject_text(tokens, c) == "Anna" and c.inverted


def test_modal_chain_and_passive():
    tokens = tagged("Inbjudan/NOUN.DEF ska/AUX.PRES skickas/VERB.INF.PASS ut/ADP")
    (c,) = clauses(tokens)
    assert c.modal == "skola" and c.passive and tokens[c.main].text == "skickas"


def test_perfect_is_a_report_of_the_past():
    tokens = tagged("Vi/PRON har/AUX.PRES skickat/VERB.SUP inbjudan/NOUN.DEF")
    (c,) = clauses(tokens)
    assert c.form == "perfect" and c.modal is None


def test_ska_vara_with_a_participle_is_a_passive():
    tokens = tagged(
        "Ansökan/NOUN.DEF ska/AUX.PRES vara/AUX.INF inskickad/ADJ.PART senast/ADV fredag/NOUN.IND"
    )
    (c,) = clauses(tokens)
    assert c.passive and c.modal == "skola"


@pytest.mark.parametrize(
    ("spec", "meaning", "controller", "owner"),
    [
        ("Eva/PROPN åtog/VERB.PAST sig/PRON att/PART ringa/VERB.INF Bo/PROPN", "commit", "subject", "Eva"),
        (
            "Styrelsen/NOUN.DEF uppdrar/VERB.PRES åt/ADP Kim/PROPN att/PART skriva/VERB.INF brevet/NOUN.DEF",
            "assign",
            "object",
            "Kim",
        ),
        (
            "Mötet/NOUN.DEF beslutade/VERB.PAST att/PART bjuda/VERB.INF in/ADP rektorn/NOUN.DEF",
            "decide",
            "subject",
            "Mötet",
        ),
    ],
)
def test_infinitive_under_a_head(spec, meaning, controller, owner):
    tokens = tagged(spec)
    head, inf = clauses(tokens)
    assert head.meaning and head.meaning[1] == meaning
    assert not inf.finite and inf.controller == controller and inf.head == 0
    if controller == "object":
        assert inf.object is not None
        a, b = inf.object
        assert " ".join(t.text for t in tokens[a:b]) == owner
    else:
        assert subject_text(tokens, head) == owner


def test_subordinate_clause_under_a_report():
    tokens = tagged("Leif/PROPN berättar/VERB.PRES att/SCONJ han/PRON slutar/VERB.PRES")
    head, sub = clauses(tokens)
    assert head.meaning and head.meaning[1] == "report"
    assert sub.subordinate == "att" and sub.head == 0 and subject_text(tokens, sub) == "han"


def test_a_list_line_that_opens_with_an_infinitive():
    tokens = tagged("Boka/VERB.INF lokal/NOUN.IND (/PUNCT Eva/PROPN )/PUNCT")
    (c,) = clauses(tokens)
    assert not c.finite and c.extras.get("leading") and c.subject is None


def test_an_expletive_subject_after_the_auxiliary_and_a_name_after_a_preposition():
    from actiontrack.extract.grammar import clauses
    from actiontrack.extract.tagger import tag_text

    tokens = tag_text("Enligt Kim har det inte hänt något.")
    main = [c for c in clauses(tokens) if c.is_main][0]
    assert [t.text for t in tokens[main.subject[0] : main.subject[1]]] == ["det"]
    assert (main.form, main.negated, tokens[main.main].text) == ("perfect", True, "hänt")


@pytest.mark.parametrize(
    "body", ["Kommunfullmäktige", "Regionfullmäktige", "Socialnämnden", "Förbundsstämman"]
)
def test_a_capitalised_body_that_acts_is_no_person(body):
    from actiontrack.extract.features import subject_kind
    from actiontrack.extract.tagger import tag_text

    tokens = tag_text(f"{body} beslutade att höja avgiften till föreningarna.")
    clause = next(c for c in clauses(tokens) if c.subject is not None)
    assert subject_kind(tokens, clause, frozenset(), frozenset()) in ("body", "meeting")


@pytest.mark.parametrize("opening", ["Tisdagar", "Fredagarna", "Måndagen"])
def test_a_day_that_opens_a_sentence_is_no_subject(opening):
    from actiontrack.extract.tagger import tag_text

    tokens = tag_text(f"{opening} passar dåligt för många av oss.")
    assert all(c.subject is None for c in clauses(tokens))  # a time adverbial, as "På tisdag"


def test_a_passive_in_s_made_of_the_base_form_is_never_the_past():
    from actiontrack.extract.retag import names_as_names
    from actiontrack.extract.tagger import tag_text

    names = frozenset({"ulla", "ulla ek", "ek"})  # a surname that is also a word ("ek", oak)
    tokens = names_as_names(tag_text("Verksamhetschef Ulla Ek bjuds in till nästa möte."), names)
    assert [t.tag for t in tokens if t.text == "bjuds"] == ["VERB.PRES.PASS"]
