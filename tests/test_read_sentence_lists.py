"""Minutes in other styles, one sentence or list line at a time (one_sentence.read_sentence): present-tense
tasks, list lines by their form, clauses of their own, deferrals and assignments. Own sentences only."""

import pytest

from actiontrack.extract.layout import marked_owner
from actiontrack.extract.one_sentence import read_sentence
from actiontrack.models import Kind

NAMES = frozenset({"rut", "rut lind", "bosse", "kim", "kim ek", "ylva", "ylva berg", "dragan", "knasen"})


def read(sentence, **kw):
    kw.setdefault("names", NAMES)
    return read_sentence(sentence, **kw)


def task(sentence, **kw):
    found = read(sentence, **kw)
    assert found is not None and found.kind is Kind.ACTION, sentence
    assert found.score >= 0.2, (sentence, found.score)
    return found


def no_item(sentence, **kw):
    found = read(sentence, **kw)
    return found is None or not found.is_item


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("Rut gör ett förslag till budget.", "Rut"),
        ("Kim lägger ut kallelsen på hemsidan.", "Kim"),
        ("Ylva och Kim bokar lokalen i Folkets hus.", "Ylva och Kim"),
        ("Knasen undersöker vad en buss kostar.", "Knasen"),  # a nickname from the attendee list
        ("Föreningen skapar en sida för frivilliga.", "Föreningen"),
        ("Tidigare styrelsen tar på sig att lämna över nycklarna.", "Tidigare styrelsen"),
    ],
)
def test_a_named_subject_with_a_verb_of_doing_in_the_present(sentence, subject):
    assert task(sentence).subject == subject


@pytest.mark.parametrize(
    "sentence",
    [
        "Rut berättar om sommarens läger.",  # a report
        "Kim sammanfattar diskussionen.",
        "Ylva går igenom budgeten.",  # a particle that makes the verb a report
        "Regionen planerar en ny vårdcentral.",  # someone else's plans: news
        "Rut gjorde en sammanställning.",  # past tense: done
    ],
)
def test_reports_and_descriptions_are_no_tasks(sentence):
    assert no_item(sentence)


def test_a_report_verb_with_a_deadline_after_the_meeting_is_a_task():
    assert task("Ylva presenterar ett förslag till nästa möte.").subject == "Ylva"
    assert (
        task("Ylva presenterar ett förslag till nästa möte.").score
        > read("Ylva presenterar ett förslag.").score
    )


@pytest.mark.parametrize(
    ("line", "owner"),
    [
        ("Skicka ut enkäten till medlemmarna (Kim)", "Kim"),
        ("Skicka ut enkäten till medlemmarna (Kim)).", "Kim"),
        ("Beställa tröjor – Ylva", "Ylva"),
        ("Beställa tröjor: Ylva & Kim", "Ylva & Kim"),
        ("Ringa hyresvärden @Dragan", "Dragan"),
        ("Rut: boka lokal till festen", "Rut"),
        ("Städa förrådet (alla)", "alla"),
        ("Skriva rapporten (senast fredag)", None),  # a deadline, not a person
    ],
)
def test_the_owner_marked_on_a_list_line(line, owner):
    assert marked_owner(line, NAMES) == owner


@pytest.mark.parametrize(
    ("line", "subject"),
    [
        ("Boka lokal till årsmötet", None),  # a command opens the list line
        ("Rensa i förrådet (Kim)", "Kim"),
        ("Ylva: kontakta kommunen om bidraget", "Ylva"),
        ("Fråga kommunen om bidrag @Rut", "Rut"),
    ],
)
def test_list_lines_that_are_tasks_by_their_form(line, subject):
    assert task(line, block="bullet").subject == subject


@pytest.mark.parametrize(
    "line",
    [
        "Boka lokal till årsmötet?",  # a question
        "Rut: tycker att festen blev lyckad",  # a comment after a name
    ],
)
def test_list_lines_that_are_no_tasks(line):
    assert no_item(line, block="bullet")


def test_a_line_of_a_todo_list_is_a_task():
    found = task("Nya nycklar till förrådet (Rut)", block="bullet", heading="Att göra")
    assert found.subject == "Rut" and found.is_item


@pytest.mark.parametrize(
    "sentence",
    [
        "Styrelsen bordslägger frågan om avgifter.",
        "Ärendet återremitteras till arbetsgruppen.",
        "Frågan tas upp på nästkommande styrelsemöte.",
        "Vi planerar vidare vid nästa möte.",
    ],
)
def test_deferrals(sentence):
    found = read(sentence)
    assert found is not None and found.kind is Kind.DEFERRED and found.is_item, sentence


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("Alla får till uppgift att läsa igenom stadgarna.", "Alla"),
        ("Inbjudan ska skickas ut av Kim.", "Kim"),
        ("En ny skylt ska beställas.", None),  # a passive after a modal: a task with no owner
        ("Höstens program ska ut på hemsidan.", None),  # a genitive before a noun names a thing
        ("Styrelsen beslutar att Jonas skriver kallelsen.", "Jonas"),
        ("Styrelsen beslöt att föreningen medverkar vid mässan.", "föreningen"),
        ("Stiftelsen tittar på om de kan ta fram en app.", "Stiftelsen"),
    ],
)
def test_assignments_decisions_and_passives(sentence, subject):
    assert task(sentence).subject == subject


def test_lines_without_full_stops_split_where_a_new_sentence_starts():
    from actiontrack.extract.sentence_split import split_sentences

    lines = [
        (1, "Styrelsen diskuterade hur föreningen ska synas bättre på mässorna i höst och våren"),
        (2, "Styrelsen beslöt att föreningen deltar på mässan i september med eget bord"),
    ]
    assert [s.line for s in split_sentences(lines)] == [1, 2]


@pytest.mark.parametrize(
    "sentence",
    [
        "Nästa möte bokas till den 3 mars.",  # the next meeting, said
        "Nästa styrelsemöte planeras till vecka 12.",
        "Styrelsen beslutar att ändra dagordningen.",  # decided at the meeting
    ],
)
def test_sentences_about_this_meeting_are_no_tasks(sentence):
    assert no_item(sentence)


def test_a_that_clause_after_the_verb_says_rather_than_does():
    assert read("Vi beräknar att ungefär 40 personer deltar.").score < read("Vi bokar en större lokal.").score


@pytest.mark.parametrize(
    ("text", "title", "which"),
    [
        ("klart till nästa möte", "Styrelsemöte", "this"),
        ("inför nästa styrelsemöte", "Protokoll styrelsemöte", "this"),
        ("tas upp på nästa kommittémöte", "Styrelsemöte", "other"),
        ("till nästa gång", None, "this"),
        ("senast fredag", "Styrelsemöte", None),
    ],
)
def test_which_meeting_a_deadline_names(text, title, which):
    from actiontrack.extract.due import meeting_referred

    assert meeting_referred(text, title) == which
