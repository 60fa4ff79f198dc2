"""The cue rules added for minutes in other styles: present-tense tasks by verb lemma, list
lines by their form, clauses of their own, deferrals and assignments. Own sentences only."""

import pytest

from actiontrack.extract import lexicon
from actiontrack.extract.cues import Context
from actiontrack.extract.rules import find_cue, marked_owner, meeting_referred, more_clauses
from actiontrack.models import Kind

NAMES = frozenset({"rut", "rut lind", "bosse", "kim", "kim ek", "ylva", "ylva berg", "dragan", "knasen"})


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("Rut gör ett förslag till budget.", "Rut"),
        ("Kim lägger ut kallelsen på hemsidan.", "Kim"),
        ("Ylva och Kim bokar lokalen i Folkets hus.", "Ylva och Kim"),
        ("Dragan/Kim sköter kaffet.", "Dragan/Kim"),
        ("Knasen undersöker vad en buss kostar.", "Knasen"),  # a nickname from the attendee list
        ("Föreningen skapar en sida för frivilliga.", "Föreningen"),
        ("Rut Fixar affischerna.", "Rut"),  # a capitalised verb after a name
        ("Tidigare styrelsen tar på sig att lämna över nycklarna.", "Tidigare styrelsen"),
    ],
)
def test_a_named_subject_with_a_task_verb_in_the_present(sentence, subject):
    cue = find_cue(sentence, Context(names=NAMES))
    assert cue is not None and cue.kind is Kind.ACTION, sentence
    assert cue.subject == subject


@pytest.mark.parametrize(
    "sentence",
    [
        "Rut berättar om sommarens läger.",  # a report
        "Kim sammanfattar diskussionen.",
        "Ylva går igenom budgeten.",  # a particle that makes the verb a report
        "Bosse tar också upp frågan om parkering.",
        "Regionen planerar en ny vårdcentral.",  # someone else's plans: news
        "Vi arbetar med två frågor just nu.",  # ongoing work, described
        "Resan går till Göteborg.",
        "Rut gjorde en sammanställning.",  # past tense: done
    ],
)
def test_reports_and_descriptions_in_the_present_are_no_tasks(sentence):
    assert find_cue(sentence, Context(names=NAMES)) is None


def test_a_report_verb_with_a_deadline_after_the_meeting_is_a_task():
    cue = find_cue("Ylva presenterar ett förslag till nästa möte.", Context(names=NAMES))
    assert cue is not None and cue.subject == "Ylva"


def test_verb_forms_are_known_by_their_lemma():
    assert lexicon.lemma_of("bakade") is None or lexicon.lemma_of("bokade") == "boka"
    assert lexicon.lemma_of("gör") == "göra"
    assert lexicon.is_present("lägger") and not lexicon.is_present("lägga")
    assert lexicon.is_base_form("Skriv") and lexicon.is_base_form("boka")
    assert lexicon.verb_class("berättar") == "report" and lexicon.verb_class("bokar") == "commit"
    assert lexicon.verb_class("går", "igenom") == "report"


def test_one_item_per_clause_with_a_subject_of_its_own():
    sentence = "Rut bokar bussen, Kim gör affischen, Ylva och Bosse handlar fika."
    clauses = more_clauses(sentence, Context(names=NAMES))
    assert [(c, cue.subject) for _, c, cue in clauses] == [
        ("Kim gör affischen", "Kim"),
        ("Ylva och Bosse handlar fika", "Ylva och Bosse"),
    ]


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
    assert marked_owner(line, Context(names=NAMES)) == owner


@pytest.mark.parametrize(
    ("line", "subject"),
    [
        ("Boka lokal till årsmötet", None),  # an imperative task verb opens the list line
        ("Rensa i förrådet (Kim)", "Kim"),
        ("Ylva: kontakta kommunen om bidraget", "Ylva"),
        ("Kim: Kodgranskning av appen (senast torsdag)", "Kim"),
        ("Fråga kommunen om bidrag @Rut", "Rut"),
    ],
)
def test_list_lines_that_are_tasks_by_their_form(line, subject):
    cue = find_cue(line, Context(in_list=True, names=NAMES))
    assert cue is not None and cue.kind is Kind.ACTION, line
    assert cue.subject == subject


@pytest.mark.parametrize(
    "line",
    [
        "Boka lokal till årsmötet?",  # a question
        "Rut: tycker att festen blev lyckad",  # a comment after a name
        "Budgeten för hösten",  # a topic
    ],
)
def test_list_lines_that_are_no_tasks(line):
    assert find_cue(line, Context(in_list=True, names=NAMES)) is None


def test_every_line_of_a_todo_list_is_a_task_and_of_a_deferred_list_a_deferral():
    todo = find_cue("Nya nycklar till förrådet (Rut)", Context(in_todo=True, names=NAMES))
    assert todo is not None and todo.kind is Kind.ACTION and todo.subject == "Rut"
    later = find_cue("Ny logotyp till föreningen", Context(in_deferred=True))
    assert later is not None and later.kind is Kind.DEFERRED


@pytest.mark.parametrize(
    "sentence",
    [
        "Styrelsen bordslägger frågan om avgifter.",
        "Ärendet återremitteras till arbetsgruppen.",
        "Frågan tas upp på nästkommande styrelsemöte.",
        "Vi fortsätter diskussionen nästa vecka.",
        "Punkten tas upp igen i mars.",
        "Vi planerar vidare vid nästa möte.",
    ],
)
def test_deferrals(sentence):
    cue = find_cue(sentence)
    assert cue is not None and cue.kind is Kind.DEFERRED, sentence


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("Styrelsen delegerar till Festkommittén att ordna våravslutningen.", "Festkommittén"),
        ("Alla får till uppgift att läsa igenom stadgarna.", "Alla"),
        ("Bosse ligger på kommunen att svara om lokalen.", "Bosse"),
        ("Inbjudan ska skickas ut av Kim.", "Kim"),
        ("En ny skylt ska beställas.", None),  # a passive after a modal: a task with no owner
    ],
)
def test_assignments_and_passives(sentence, subject):
    cue = find_cue(sentence, Context(names=NAMES))
    assert cue is not None and cue.kind is Kind.ACTION, sentence
    assert cue.subject == subject


def test_a_verb_where_the_subject_should_be_is_no_owner():
    cue = find_cue("Har ringt hotellet och ska boka rummen.")
    assert cue is not None and cue.subject is None and cue.inherit


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
    assert meeting_referred(text, title) == which


def test_a_genitive_before_a_noun_names_a_thing_not_an_owner():
    cue = find_cue("Höstens program ska ut på hemsidan.")
    assert cue is not None and cue.subject is None


def test_a_name_ending_in_s_before_a_verb_is_still_the_owner():
    cue = find_cue("Styrelsen beslutar att Jonas skriver kallelsen.", Context(names=frozenset({"jonas"})))
    assert cue is not None and cue.subject == "Jonas"


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("Ylva+Kim ordnar fika till mötet.", "Ylva + Kim"),
        ("Rut tillsammans med Kim bokar lokalen.", "Rut och Kim"),
        ("Styrelsen beslöt att föreningen medverkar vid mässan.", "föreningen"),
    ],
)
def test_subjects_joined_with_plus_or_together_with_and_bodies_after_a_decision(sentence, subject):
    cue = find_cue(sentence, Context(names=NAMES))
    assert cue is not None and cue.subject == subject


def test_lines_without_full_stops_split_where_a_new_sentence_starts():
    from actiontrack.extract.sentences import split_sentences

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
        "Vi räknar med att ett trettiotal kommer.",
        "Vi beräknar att ungefär 40 personer deltar.",  # a that-clause reports
    ],
)
def test_sentences_about_this_meeting_and_estimates_are_no_tasks(sentence):
    assert find_cue(sentence, Context(names=NAMES)) is None


def test_a_first_conjugation_present_the_dictionary_gives_to_a_noun_is_the_verb():
    assert lexicon.lemma_of("tittar") == "titta"  # not "tittare"
    cue = find_cue("Stiftelsen tittar på om de kan ta fram en app.")
    assert cue is not None and cue.subject == "Stiftelsen"


def test_a_passive_after_a_noun_phrase_subject():
    cue = find_cue("Synpunkter från medlemmarna lämnas in till Rut före mötet.", Context(names=NAMES))
    assert cue is not None and cue.kind is Kind.ACTION and cue.subject is None
