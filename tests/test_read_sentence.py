"""One sentence read as an item (one_sentence.read_sentence, what `track add` uses): each construction
of Swedish minutes with sentences of our own.

A sentence alone has none of the context a line of minutes has (its heading, the document's
tense), so a task reads as likely rather than certain: the tests hold tasks to a score well
above the non-items', who does them to the grammar, and non-items under the threshold."""

import pytest

from actiontrack.extract.one_sentence import read_sentence
from actiontrack.models import Kind

NAMES = frozenset({"rut", "rut lind", "bosse", "kim", "kim ek", "ylva", "ylva berg", "dragan", "knasen"})


LIKELY = 0.2  # the non-items below score under 0.1 alone


def action(sentence, **kw):
    found = read_sentence(sentence, **kw)
    assert found is not None and found.kind is Kind.ACTION, sentence
    assert found.score >= LIKELY, (sentence, found.score)
    return found


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("Sara ska ringa hyresvärden om lokalen.", "Sara"),
        ("Sara och Tomas skall skriva ihop ett förslag.", "Sara och Tomas"),
        ("Hon kommer att sammanställa svaren.", "Hon"),
        ("Kommunen kommer också att bjuda in föreningarna.", "Kommunen"),
        ("Tomas tar fram ett underlag till styrelsen.", "Tomas"),
        ("Kim säger upp avtalet med städfirman.", "Kim"),  # "säga upp" is no "säga"
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
        # any verb in the present tense, said of someone
        ("Kalle köper kaffe till mötet.", "Kalle"),
        ("Eva lagar cykelstället.", "Eva"),
        ("Styrelsen hjälper till vid loppisen.", "Styrelsen"),
        ("Vi ordnar fika.", "Vi"),
        # verb second after an adverbial, and after a clause
        ("Till nästa möte tar Anna fram en budget.", "Anna"),
        ("På fredag skickar sekreteraren ut kallelsen.", "sekreteraren"),
        # commitments by formula
        ("Eva åtog sig att ringa hyresvärden.", "Eva"),
        ("Lasse ålades att skicka ut protokollet.", "Lasse"),
        ("Bo fick i uppdrag att boka bussen.", "Bo"),
        ("Styrelsen uppdrar åt Anna att kontakta skolan.", "Anna"),
        ("Kim lovade att ta med högtalarna.", "Kim"),
        ("Ylva erbjöd sig att skriva inbjudan.", "Ylva"),
        ("Rut är ansvarig för att beställa maten.", "Rut"),
        ("Leif ser till att lokalen är bokad.", "Leif"),
        ("Anna pratar med rektorn om saken.", "Anna"),
        ("Eva har i uppdrag att samordna arbetet.", "Eva"),
        # a message still to pass on: a verb of telling with a thing and a receiver
        ("Bosse meddelar beslutet till hyresvärden.", "Bosse"),
        # work that goes on: "verka för", "ta med sig"
        ("Dragan verkar för att skolan får en ny gympasal.", "Dragan"),
        ("Förvaltningen tar med sig frågan.", "Förvaltningen"),
    ],
)
def test_actions_and_who_does_them(sentence, subject):
    assert action(sentence, names=NAMES).subject == subject


@pytest.mark.parametrize(
    "sentence",
    [
        "Underlaget tas fram till nästa möte.",
        "Kallelsen skickas ut vecka 37.",
        "Ansökan ska vara inskickad senast den 15 april.",
        "Beslutades att skicka ut enkäten.",
        # the people to be told as the subject of a passive verb of telling
        "Alla medlemmar informeras per brev.",
        "Berörda ledamöter meddelas och avgiften betalas tillbaka.",
        # a notice that goes out is sent: "går ut" as "skickas ut"
        "Nyhetsbrevet går ut vecka 12.",
    ],
)
def test_actions_with_no_one_named(sentence):
    assert action(sentence).subject is None


def test_a_passive_names_nobody_unless_its_agent():
    found = read_sentence("Protokollet skickas ut till alla.")
    assert found is not None and found.subject is None
    assert read_sentence("Protokollet skickas ut av Leif.").score > found.score


def test_the_agent_of_a_passive_is_the_doer():
    assert action("Protokollet skickas ut av Leif.").subject == "Leif"
    assert action("Underlaget tas fram av förvaltningen.").subject == "förvaltningen"


@pytest.mark.parametrize(
    "sentence",
    [
        "Ska vi bjuda in media?",  # question
        "Vi kan höra med skolan.",  # possibility
        "Kanske ska vi byta lokal.",  # possibility
        "Eventuellt ska Leif ringa dem.",  # possibility
        "Det ska finnas en checklista.",  # no agent
        "Det kommer att kräva mycket arbete.",  # no agent
        "Leif berättar att han ska sluta i vår.",  # report
        "Bengt anser att vi ska byta lokal.",  # opinion
        "Syftet är att alla ska känna sig välkomna.",  # purpose
        "Vi har skickat ut inbjudan.",  # done already
        "Målet är att barnen ska röra sig mer.",  # purpose
        "Fritidsbanken ska vara ett sätt att nätverka.",  # a state, not a task
        "Vi ska inte boka någon lokal.",  # a decision not to act
        "Staden arrangerar en konferens i juni.",  # an event announced, nobody's task
        "Kassören redogör för ekonomin.",  # a report
        "Lokalen är bokad sedan förra veckan.",  # how things are
        "Vi ska ses igen den 5 maj.",  # meeting again
        "Socialtjänsten är ombedd att delta.",  # asked, as things are
        "Styrelsen beslutar att godkänna dagordningen.",  # done by being decided
        "Mötet beslutade att välja Eva till justerare.",
        "Rapporten läggs till handlingarna.",
        "Nämnden informeras om läget i projektet.",  # told about something, at the meeting
        "Rut meddelar att hon flyttar till Umeå.",  # what was said
        "Kim berättar om studiebesöket till Norge.",  # a report, whatever follows "till"
        "En presentationsrunda genomförs.",  # what happens at the meeting
        "Diskussionen hålls i helgrupp.",
        "Inga ändringar görs i stadgarna.",  # a subject that denies
        "Kontakta gärna Rut om ni har frågor.",  # an invitation, not a task
        "Vi planerade för vårens träffar.",  # a plan told in the past
        "Enligt Kim har det inte hänt något sedan senast.",  # a name after a preposition is no subject
        "Se bilaga 3 om budgeten.",  # a pointer in the text
        "Det verkar vara svårt att hitta en lokal.",  # "verka" alone: how things seem
        "Ylva informerar om läget inför nämndens möte i maj.",  # a report given now, on what comes
    ],
)
def test_not_items(sentence):
    found = read_sentence(sentence)
    assert found is None or not found.is_item, (sentence, found)


@pytest.mark.parametrize(
    "sentence",
    [
        "Punkten bordläggs.",
        "Frågan bordlades till nästa möte.",
        "Ärendet skjuts upp till mötet i april.",
        "Punkten skjuts till nästa gång eftersom Eva är sjuk.",
        "Detta tas upp igen på nästa möte.",
        "Frågan tas upp vid kommande sammanträde.",
        "Vi fortsätter diskussionen på nästa möte.",
    ],
)
def test_deferrals(sentence):
    found = read_sentence(sentence)
    assert found is not None and found.kind is Kind.DEFERRED and found.is_item, sentence


def test_decision_lines_are_actions_under_a_decision_label():
    assert action("Att vi skickar ut enkäten", label="Beslut:").subject == "vi"
    assert action("Beslut: att köpa in nya stolar").subject is None


@pytest.mark.parametrize(
    ("line", "owner"),
    [
        ("Boka lokal för vårens träffar (Eva)", "Eva"),
        ("Anna: ringa hyresvärden", "Anna"),
        ("Fixa inbjudan @Victor", "Victor"),
        ("Skicka ut kallelsen – Kim", "Kim"),
    ],
)
def test_list_lines_marked_with_their_owner(line, owner):
    assert action(line, block="bullet", names=NAMES).subject == owner


def test_a_command_in_a_to_do_list():
    assert action("Undersök vad en buss kostar", block="bullet", heading="Att göra").subject is None


def test_a_deponent_is_no_passive():
    # "ses" has the form of a passive; a time ahead makes a passive a task, not meeting again
    found = read_sentence("Vi ses nästa gång den 11 april.")
    assert found is None or not found.is_item
