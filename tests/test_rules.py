import pytest

from actiontrack.extract.cues import Context
from actiontrack.extract.rules import find_cue, is_follow_up
from actiontrack.models import Kind


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("Sara ska ringa hyresvärden om lokalen.", "Sara"),
        ("Sara och Tomas skall skriva ihop ett förslag.", "Sara och Tomas"),
        ("Hon kommer att sammanställa svaren.", "Hon"),
        ("Kommunen kommer också att bjuda in föreningarna.", "Kommunen"),
        ("Tomas tar fram ett underlag till styrelsen.", "Tomas"),
        ("Gruppen jobbar vidare med frågan om lokaler.", "Gruppen"),
        ("Vi återkommer om datum.", "Vi"),
        ("Eva ansvarar för att boka buss.", "Eva"),
        ("Marie får i uppdrag att kontakta skolan.", "Marie"),
        ("Styrelsen ger Tomas i uppdrag att utreda saken.", "Tomas"),
        ("I nästa vecka ska vi skicka ut enkäten.", "vi"),
        ("Efter mötet bjuder Leif in till en workshop.", "Leif"),
        ("Vi beslutar att skicka en skrivelse till nämnden.", "Vi"),
        ("Diskussionen landar i att förvaltningen undersöker saken.", "förvaltningen"),
        ("Olle kollar upp vad det kostar.", "Olle"),
        ("Vi ska inom kort boka ett möte.", "Vi"),
    ],
)
def test_actions_and_their_subjects(sentence, subject):
    cue = find_cue(sentence)
    assert cue is not None and cue.kind is Kind.ACTION
    assert cue.subject == subject


@pytest.mark.parametrize(
    "sentence",
    [
        "Protokollet skickas ut till alla.",
        "Underlaget tas fram till nästa möte.",
        "Kallelsen kommer via e-post.",
        "Nästa steg blir en enkät till medlemmarna.",
    ],
)
def test_actions_without_a_named_owner(sentence):
    cue = find_cue(sentence)
    assert cue is not None and cue.kind is Kind.ACTION and cue.subject is None


def test_a_verb_first_sentence_inherits_the_subject_before():
    cue = find_cue("Tar vidare frågan om mentorer.")
    assert cue is not None and cue.inherit


@pytest.mark.parametrize(
    "sentence",
    [
        "Ska vi bjuda in media?",  # question
        "Vi kan höra med skolan.",  # possibility
        "Kanske ska vi byta lokal.",  # possibility
        "Eventuellt ska Leif ringa dem.",  # possibility
        "Sara vill gärna ordna en fest.",  # wish
        "Det ska finnas en checklista.",  # no agent
        "Det kommer att kräva mycket arbete.",  # no agent
        "Leif berättar att han ska sluta i vår.",  # report
        "Bengt anser att vi ska byta lokal.",  # opinion
        "Syftet är att alla ska känna sig välkomna.",  # purpose
        "Vi har skickat ut inbjudan.",  # done already
        "Vi startar en grupp som ska utreda frågan.",  # relative clause
        "Målet är att barnen ska röra sig mer.",  # purpose
        "Fritidsbanken ska vara ett sätt att nätverka.",  # a state, not a task
        "Vi ska inte boka någon lokal.",  # a decision not to act
        "Staden arrangerar en konferens i juni.",  # an event announced, nobody's task
        "Man ska alltid fråga först.",  # generic
        "Om du vill följa med ska du anmäla dig.",  # conditional, generic
    ],
)
def test_not_items(sentence):
    assert find_cue(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Punkten bordläggs.",
        "Frågan bordlades till nästa möte.",
        "Ärendet skjuts upp till mötet i april.",
        "Punkten skjuts till nästa gång eftersom Eva är sjuk.",
        "Detta tas upp igen på nästa möte.",
        "Frågan tas upp vid kommande sammanträde.",
    ],
)
def test_deferrals(sentence):
    cue = find_cue(sentence)
    assert cue is not None and cue.kind is Kind.DEFERRED


def test_decision_list_items_are_actions_only_under_a_decision_label():
    assert find_cue("Att vi skickar ut enkäten", Context(in_decisions=True)).kind is Kind.ACTION
    assert find_cue("Att vi skickar ut enkäten") is None


def test_views_list_items_are_not_tasks():
    assert find_cue("Vi ska satsa mer på unga", Context(in_views=True)) is None


def test_follow_up_sentences():
    assert is_follow_up("Utvecklingschefen Kalle Pettersson håller i detta.")
    assert is_follow_up("Sara och Tomas är ansvariga.")
    assert not is_follow_up("Sara håller i bollen.")


@pytest.mark.parametrize(
    ("sentence", "ctx", "subject"),
    [
        ("Att ge Leif i uppdrag att ta fram ett förslag", Context(in_decisions=True), "Leif"),
        ("Styrelsen uppdrar åt Eva att kontakta skolan.", Context(), "Eva"),
        ("Leif ser till att lokalen är bokad.", Context(), "Leif"),
        ("Anna pratar med rektorn om saken.", Context(), "Anna"),
        ("Eva har i uppdrag att samordna arbetet.", Context(), "Eva"),
    ],
)
def test_more_ways_to_commit(sentence, ctx, subject):
    cue = find_cue(sentence, ctx)
    assert cue is not None and cue.kind is Kind.ACTION and cue.subject == subject


def test_waiting_for_the_next_meeting_is_a_deferral():
    assert find_cue("Frågan får vänta till nästa möte.").kind is Kind.DEFERRED


@pytest.mark.parametrize(
    ("sentence", "kind", "subject"),
    [
        ("Protokollet skickas ut av Leif.", Kind.ACTION, "Leif"),
        ("Underlaget tas fram av förvaltningen.", Kind.ACTION, "förvaltningen"),
        ("Underlaget tas fram av kansliet.", Kind.ACTION, "kansliet"),
        ("Uppdrag till Anna att sammanställa svaren.", Kind.ACTION, "Anna"),
        ("Alla uppmanas att läsa rapporten till nästa möte.", Kind.ACTION, "Alla"),
        ("Vi fortsätter diskussionen på nästa möte.", Kind.DEFERRED, "Vi"),
    ],
)
def test_passives_requests_and_continued_discussions(sentence, kind, subject):
    cue = find_cue(sentence)
    assert cue is not None and (cue.kind, cue.subject) == (kind, subject)


@pytest.mark.parametrize(
    "sentence",
    [
        "Vi ska ses igen den 5 maj.",
        "Vi ska träffas igen efter sommaren.",
        "Socialtjänsten är ombedd att delta.",
    ],
)
def test_meeting_again_or_being_asked_is_no_task(sentence):
    assert find_cue(sentence) is None
