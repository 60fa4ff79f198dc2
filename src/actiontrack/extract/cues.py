"""The word knowledge of the cue rules, as data: word lists, cue patterns, heading words.

rules.py decides with these whether a sentence commits someone (and who); clauses.py
finds the clause, the subject and the verb they apply to. Verb meanings keyed by
lemma live in lexicon.py; see ../shared/corpus/README.md for what counts as an item.
"""

from __future__ import annotations

import re
from functools import lru_cache

from actiontrack.extract.guard import Guarded
from actiontrack.lazy_re import lazy
from actiontrack.models import Kind
from actiontrack.records import record

_B = r"(?<![\wÅÄÖåäöÉéÜü])"


_E = r"(?![\wÅÄÖåäöÉéÜü])"


# Pronouns and nouns that stand for the group as a whole: no owner.
GROUP_WORDS = {"vi", "gruppen", "alla", "ni", "hela gruppen", "vi alla", "alla deltagare", "samtliga", "oss"}


PERSON_PRONOUNS = {"han", "hon", "hen"}


# The body whose minutes these are, by the stem its title has: in a board's minutes
# "Styrelsen ska ..." is the group itself (no owner), like "Vi".
BODY_WORDS = {
    "styrelsen": "styrelse", "rådet": "råd", "gruppen": "grupp", "arbetsgruppen": "grupp", "nätverket": "nätverk",
    "kommittén": "kommitté", "utskottet": "utskott", "referensgruppen": "grupp", "styrgruppen": "grupp",
    "ledningsgruppen": "grupp", "föreningen": "förening", "kommittéen": "kommitté", "samverkansgruppen": "grupp",
}  # fmt: skip


# Nouns that act: bodies and roles ("Förvaltningen återkommer", "Kassören betalar"). A
# capitalised definite noun without such an ending is a thing ("Inbjudan ska gå ut"): the
# task has no owner.
AGENT_ENDINGS = (
    "förvaltningen", "nämnden", "kontoret", "enheten", "gruppen", "föreningen", "förbundet", "rådet",
    "styrelsen", "kommittén", "kommittéen", "kommunen", "regionen", "staden", "verket", "myndigheten",
    "organisationen", "avdelningen", "sektionen", "stiftelsen", "bolaget", "skolan", "församlingen",
    "polisen", "tjänsten", "vården", "mottagningen", "ledningen", "sekretariatet", "kansliet",
    "beredningen", "utskottet", "landstinget", "länsstyrelsen", "kassan", "förmedlingen", "biblioteket",
    "centrumet", "huset", "aren", "ören", "anden", "enten", "isten", "chefen", "ansvarige", "ansvariga",
    "erna", "arna", "orna", "samordnaren", "konsulenten", "handläggaren", "ombudet", "värden",
)  # fmt: skip


def body_words(title: str | None) -> set[str]:
    """The words for the meeting's own body in minutes with this title."""
    low = (title or "").casefold()
    return {word for word, stem in BODY_WORDS.items() if stem in low}


# The one who wrote the minutes: "Jag skickar ut protokollet", "Sekreteraren bokar lokal".
SECRETARY_WORDS = {"jag", "sekreteraren", "mötessekreteraren", "protokollföraren", "undertecknad"}


# "Alla barn ska ha rätt till ...": a quantified noun is nobody in particular ...
QUANTIFIERS = {"alla", "varje", "många", "flera", "några", "båda", "samtliga", "inga", "all", "övriga"}


# ... except the group's own members: "Alla deltagare läser underlaget".
MEMBER_NOUNS = {
    "deltagare",
    "deltagarna",
    "ledamöter",
    "ledamöterna",
    "medlemmar",
    "medlemmarna",
    "närvarande",
    "styrelsemedlemmar",
    "styrelsemedlemmarna",
    "styrelseledamöter",
    "styrelseledamöterna",
}


PLURAL_PRONOUNS = {"de", "dom"}


# Subjects that are no agent: "Det ska finnas", "Detta kommer att", generic "man"/"du".
NON_AGENTS = {
    "det", "detta", "denna", "den", "dessa", "här", "där", "som", "vilket", "något", "ingen", "inget",
    "allt", "man", "du", "mötet", "syftet", "målet", "tanken", "förslaget", "ambitionen", "idén",
    "planen", "frågan", "ärendet", "punkten", "uppdraget", "arbetet", "projektet", "temat", "dagen",
    "konferensen", "mässan", "utbildningen", "seminariet", "workshopen", "mötena", "det här", "vad", "vem",
}  # fmt: skip


# Verbs after "ska"/"kommer att" that describe a state or a possibility, not a task.
STATE_VERBS = {
    "vara", "finnas", "bli", "kunna", "gälla", "hända", "ske", "heta", "innebära", "kosta", "räcka", "ingå",
    "fungera", "handla", "kännas", "krävas", "synas", "märkas", "behövas", "leda", "kräva", "veta", "äga",
    "arrangera", "arrangeras", "anordna", "anordnas", "hållas", "genomföras", "pågå", "få", "behöva", "landa",
    "involveras", "påverka", "påverkas", "bestå", "sluta", "ses", "träffas", "mötas",
}  # fmt: skip


# Words that make the clause a possibility or a wish, not a commitment.
HEDGES = {
    "kan", "kunde", "kanske", "eventuellt", "ev", "möjligen", "möjligtvis", "troligen", "troligtvis",
    "förmodligen", "kunna", "skulle", "borde", "bör", "vill", "önskar", "hoppas", "ev.", "eller",
}  # fmt: skip


NEGATIONS = {"inte", "ej", "aldrig", "inga", "ingen"}


# Words that open a subordinate clause: a cue inside one belongs to somebody else's sentence.
SUBORDINATORS = {
    "som", "där", "vilket", "vilka", "vilken", "när", "om", "eftersom", "medan", "innan", "tills", "ifall",
    "hur", "vad", "vem", "varför", "huruvida", "fast", "trots", "såvida", "då", "dit", "varifrån", "samtidigt",
}  # fmt: skip


# Heads whose "att"-clause is a decision or an outcome that commits: "Vi beslutar att tillfråga Jörgen",
# "Diskussionen mynnar ut i att arbetsmarknadsförvaltningen bjuder in".
ACTION_HEADS = lazy(
    _B
    + r"(?:beslutar|beslutade|beslöt|beslutades|beslutas|bestämmer|bestämde|bestämdes|enas\s+om|enades\s+om|"
    r"kom\s+överens\s+om|kommer\s+överens\s+om|mynnar\s+ut\s+i|landar\s+i|resulterar\s+i|uppdrar\s+åt\s+\S+|"
    r"uppdrogs\s+åt\s+\S+|åtar\s+sig|åtog\s+sig|lovar|lovade)(?:\s+(?:gemensamt|enhälligt|också|även|därför))?\s+att\s*$",
    re.IGNORECASE,
)


# Sentences that report or give an opinion: "Bengt anser ...", "Leif berättar om ...".
REPORTING_VERBS = {
    "anser", "menar", "tycker", "poängterar", "förtydligar", "påtalar", "beskriver", "berättar", "framför",
    "konstaterar", "redogör", "säger", "uttrycker", "understryker", "betonar", "föreslår", "informerar",
    "sammanfattar", "tror", "upplever", "önskar", "vill", "frågar", "undrar", "påpekar", "nämner", "visar",
    "presenterar", "rapporterar", "har", "hade", "var", "är", "blev", "fick", "gjorde", "ser",
}  # fmt: skip


# Fronted adverbials: after them the subject follows the verb ("Eftermiddagen den 2 mars ska vi ...").
ADVERBIAL_STARTERS = {
    "på", "i", "under", "efter", "före", "inför", "nu", "sedan", "sen", "då", "därefter", "till", "vid",
    "eftermiddagen", "förmiddagen", "morgonen", "kvällen", "senare", "först", "också", "även", "dessutom",
    "snarast", "senast", "innan", "om", "framöver", "tills", "den", "denna", "nästa",
    "imorgon", "idag", "härnäst", "därför", "således",
}  # fmt: skip


ADVERBS = r"(?:snabbt|också|även|sedan|sen|gärna|själv|själva|nu|då|direkt|vidare|tillsammans|därefter|snarast|genast)"


# Present-tense verbs that commit the subject: (verb, particle) - the particle may follow an adverb.
COMMIT_VERBS: list[tuple[str, str]] = [
    ("tar", "emot"), ("tar", "fram"), ("tar", "vidare"), ("tar", "ställning"), ("tar", "kontakt"),
    ("tar", "hand om"), ("tar", "med sig"), ("tar", "på sig"), ("tar", "reda på"), ("tar", "fram"),
    ("jobbar", "vidare"), ("arbetar", "vidare"), ("går", "vidare med"), ("för", "vidare"), ("driver", "vidare"),
    ("återkommer", ""), ("återkopplar", ""), ("bjuder", "in"), ("kallar", "till"), ("kallar", "in"),
    ("ansvarar", "för"), ("håller", "i"), ("kollar", "upp"), ("kollar", "med"), ("undersöker", ""),
    ("utreder", ""), ("kontaktar", ""), ("skickar", ""), ("mejlar", ""), ("mailar", ""), ("sammanställer", ""),
    ("bokar", ""), ("ordnar", ""), ("planerar", "för"), ("planerar", ""), ("förbereder", ""), ("bildar", ""),
    ("samlar", ""), ("följer", "upp"), ("ser", "över"), ("tittar", "på"), ("tittar", "vidare"), ("fixar", ""),
    ("meddelar", ""), ("ringer", ""), ("skriver", "ihop"), ("skriver", "ett"), ("skriver", "en"),
    ("påminner", ""), ("uppdaterar", ""), ("beställer", ""), ("bevakar", ""), ("lyfter", "frågan"),
    ("samordnar", ""), ("stämmer", "av"), ("hör", "av sig"), ("hör", "med"), ("reder", "ut"),
    ("sätter", "ihop"), ("tar", "upp frågan med"), ("åtar", "sig"), ("tillfrågar", ""),
    ("sprider", ""), ("bjuder", "snabbt in"), ("ser", "till att"), ("pratar", "med"),
    ("sammankallar", ""), ("kallar", "samman"), ("läser", "in sig"), ("tar", "över"), ("ligger", "på"),
    ("går", "ut med"), ("går", "ut via"), ("går", "ut till"),
]  # fmt: skip


# Verbs that commit only the group or a named person: "Vi planerar en dag" is a plan of the
# group's, "Regionen planerar en satsning" is news about somebody else.
OWN_PLAN_VERBS = {"planerar", "ser", "tittar", "informerar", "sprider"}


PASSIVE_VERBS = (
    r"(?:mejlas|mailas|skickas|sänds|tas\s+fram|sammanställs|bokas|utreds|undersöks|följs\s+upp|återkopplas|"
    r"kallas\s+till|bjuds\s+in|planeras|distribueras|delges|tillfrågas|kontaktas|uppdateras|beställs|ordnas|"
    r"förbereds|skickas\s+ut|mejlas\s+ut|mailas\s+ut|läggs\s+ut|publiceras|tas\s+vidare)"
)


DEFERRAL = Guarded(
    lazy(
        _B + r"(?:bords?läggs|bords?lades|bords?lagd|bords?lagt|bords?lägger|bords?lägga|återremitteras|återremitterades|"
        r"återremitterar|återremittera)" + _E
        + r"|" + _B + r"(?:skjuts|sköts|skjuter|flyttas|flyttades|hänskjuts|senareläggs)\s+(?:\S+\s+){0,4}?"
        r"(?:till|upp|fram)" + _E
        + r"|" + _B + r"(?:tas|lyfts|behandlas|diskuteras|avhandlas)\s+(?:upp\s+)?(?:igen\s+)?(?:vid|på|till|under)\s+"
        r"(?:nästa|kommande|nästkommande|ett\s+senare|senare)\s+(?:\S+\s+)?\S*(?:möte|mötet|gång|gången|sammanträde|sammanträdet|träff|träffen|tillfälle)" + _E
        + r"|" + _B + r"tas\s+upp\s+igen\s+(?:i|på|under|efter)\s+\S+"
        + r"|" + _B + r"återkommer\s+(?:vi\s+)?till\s+(?:\S+\s+){0,3}?(?:vid|på)\s+(?:nästa|kommande)\s+(?:möte|gång)"
        + r"|" + _B + r"får\s+vänta\s+till\s+(?:nästa|kommande|ett\s+senare)" + _E
        + r"|" + _B + r"(?:fortsätt(?:er|a)|planerar\s+vidare|diskuterar\s+vidare|pratar\s+vidare)\s+(?:\S+\s+){0,3}?(?:på|vid|till)?\s*(?:nästa|kommande)\s+"
        r"(?:möte|mötet|gång|sammanträde|träff|vecka|veckas\s+möte)",
        re.IGNORECASE,
    ),
    "bord", "återremitter", "skjut", "sköts", "flytta", "senare", "nästa", "kommande", "igen",
)  # fmt: skip


MODAL = Guarded(
    lazy(
        _B + r"(?:ska|skall|måste|behöver|kommer(?:\s+(?P<inv>\S+))?(?:\s+" + ADVERBS + r")?\s+att|tänker|lovar\s+att|"
        r"åtar\s+sig\s+att|åtog\s+sig\s+att|har\s+åtagit\s+sig\s+att)" + _E
        # "vi kommer skicka": colloquial, without "att", before a task verb
        + r"|" + _B + r"kommer(?=\s+(?:" + ADVERBS + r"\s+)?[a-zåäö]+a" + _E + r")",
        re.IGNORECASE,
    ),
    "ska", "måste", "behöver", "kommer", "tänker", "lovar", "åtar", "åtog", "åtagit",
)


ASSIGNMENT = Guarded(
    lazy(
        _B + r"(?:får|fick|ges|gavs|har\s+fått|erhåller|har)\s+(?:\S+\s+)?(?:i|till)\s+(?:uppdrag|uppgift)" + _E
        + r"|" + _B + r"(?:ger|gav|ge|ges)\s+(?P<assignee>[A-ZÅÄÖ].+?)\s+i\s+uppdrag" + _E
        + r"|" + _B + r"(?:uppdrar|uppdrog|uppdra|uppdras|uppdrag\s+till|delegerar\s+till|delegerade\s+till|delegeras\s+till)\s+(?:åt\s+)?(?P<assignee2>[A-ZÅÄÖ][\wåäö-]+(?:\s+(?:och\s+)?[A-ZÅÄÖ][\wåäö-]+)*)\s+att"
        + _E,
        re.IGNORECASE,
    ),
    "uppdr", "uppgift", "delegera",
)  # fmt: skip


# "Leif bjuder in", "bjuder snabbt in", and inverted after an adverbial: "Efter mötet bjuder Leif in".
INVERTED = r"(?:\s+(?P<inv>vi|han|hon|de|[A-ZÅÄÖ][\wåäö]+(?:\s+[A-ZÅÄÖ][\wåäö]+)?))?"


# The particles each verb is a commitment with, longest first; "" when the verb alone is one.
PARTICLES_OF: dict[str, list[str]] = {}


for _verb, _particle in COMMIT_VERBS:
    PARTICLES_OF.setdefault(_verb, []).append(_particle)


for _list in PARTICLES_OF.values():
    _list.sort(key=len, reverse=True)


COMMIT_VERB = lazy(
    _B + "(?i:(?P<verb>" + "|".join(sorted(map(re.escape, PARTICLES_OF), key=len, reverse=True)) + "))" + _E
)


PASSIVE = lazy(_B + PASSIVE_VERBS + _E, re.IGNORECASE)


COMING = Guarded(
    lazy(
        _B + r"(?P<thing>inbjudan|inbjudningar|kallelse|kallelsen|information|informationen|underlag|underlaget|"
        r"förslag|förslaget|protokoll|protokollet|material|materialet|svar|svaret|besked|beskedet|utskick|"
        r"utskicket|rapport|rapporten)\s+kommer" + _E + r"(?!\s+att)",
        re.IGNORECASE,
    ),
    "kommer",
)


DECISION = Guarded(
    lazy(
        _B + r"(?:beslutar|beslutade|beslöt|bestämmer|bestämde|enas\s+om|enades\s+om|kom\s+överens\s+om|"
        r"kommer\s+överens\s+om)\s+att\s+(?:(?:" + ADVERBS + r"|också|även)\s+)?(?P<verb>[a-zåäö]+)" + _E,
        re.IGNORECASE,
    ),
    "beslut", "beslöt", "bestäm", "enas", "enades", "överens",
)


# Short Swedish infinitives that do not end in -a.
SHORT_INFINITIVES = {
    "gå",
    "se",
    "stå",
    "be",
    "ge",
    "nå",
    "bo",
    "tro",
    "må",
    "dö",
    "sy",
    "så",
    "slå",
    "förstå",
    "ske",
}


REQUESTED = Guarded(
    lazy(_B + r"(?:uppmanas|ombeds|uppdras)\s+(?:\S+\s+)?att" + _E, re.IGNORECASE),
    "uppmanas", "ombeds", "uppdras",
)


# "Martin bad alla ta en titt", "Ordföranden ber Leif att ringa": the one asked does it
ASKED = lazy(
    _B + r"(?:bad|ber|uppmanade|uppmanar)\s+(?P<asked>alla|oss|gruppen|[A-ZÅÄÖ][\wåäö-]+(?:\s+(?:och|&)\s+[A-ZÅÄÖ][\wåäö-]+)?)"
    r"\s+(?:att\s+)?(?P<verb>[a-zåäö]+)" + _E
)


# The agent of a passive: "Protokollet skickas ut av Leif".
PASSIVE_AGENT = lazy(
    r"^\s*(?:\S+\s+){0,4}?av\s+(?P<agent>[A-ZÅÄÖ][\wåäö-]+(?:\s+[A-ZÅÄÖ][\wåäö-]+)?|[a-zåäö]+(?:en|na|et))(?![\wåäö])"
)


NEXT_STEP = lazy(_B + r"nästa\s+steg\s+(?:är|blir)" + _E, re.IGNORECASE)


DECISION_LABEL = lazy(
    r"^(?:beslut|beslutades|beslutspunkter|vi\s+beslutar|gruppen\s+beslutar)\b", re.IGNORECASE
)


# Headings and labels over a list of tasks: every item of the list is an action.
TODO_LABEL = lazy(
    r"^(?:att\s+göra|åtgärder|åtgärdslista|åtgärdspunkter|uppgifter|uppdrag|action\s*points?|action\s*items?|"
    r"actions|to\s*-?\s*dos?|todo|tasks?|ansvarsområden|arbetsfördelning|fördelning\s+av\s+uppgifter|"
    r"beslut\s+och\s+åtgärder|uppföljning\s+till\s+nästa\s+möte|(?:till|inför)\s+nästa\s+(?:möte|gång|träff)|"
    r"nästa\s+steg|fortsatt\s+arbete|hemläxa|läxa)\b",
    re.IGNORECASE,
)


# The owner marked on a list line: "Boka lokal (Eva)", "Boka lokal – Eva", "Boka lokal: Eva",
# "Boka lokal. Ansvarig: Eva", "Boka lokal @Eva".
TODO_OWNER = lazy(
    r"(?:\((?P<paren>[A-ZÅÄÖa-zåäö][^()]{0,60})\)\)?"
    r"|\s[-–]\s*\(?(?P<dash>(?-i:[A-ZÅÄÖ][\wåäö]+(?:(?:\s+|,\s*|\s+och\s+|\s*&\s*)[A-ZÅÄÖ][\wåäö]+)*))\)?"
    r"|:\s*(?P<colon>(?-i:[A-ZÅÄÖ][\wåäö]+(?:(?:\s*,\s*|\s+och\s+|\s*&\s*|\s*/\s*)[A-ZÅÄÖ][\wåäö]+)*))"
    r"|ansvarig(?:a)?\s*:\s*(?P<resp>[^.;]+))\s*[.!]?\s*$",
    re.IGNORECASE,
)


TAGGED_OWNER = lazy(r"(?<![\w.])@(?P<tag>[A-ZÅÄÖa-zåäö][\wåäö-]+)")


SHOUTED_OWNER = lazy(r"(?<![\w])(?P<shout>[A-ZÅÄÖ]{3,})!+\s*$")  # "Protokollen ska upp - ERIK!"


# "Hanna: fortsätta med ...", "Ahmed: boka tolk", "Anna B: ringa hyresvärden"
LEADING_OWNER = lazy(
    r"^(?P<lead>[A-ZÅÄÖ][\wåäöé-]+(?:\s+[A-ZÅÄÖ][\wåäöé-]*\.?)?(?:\s*(?:&|och|/)\s*[A-ZÅÄÖ][\wåäöé-]+)*)\s*:\s+(?P<rest>\S.*)$"
)


VIEWS_LABEL = lazy(
    r"(?:synpunkt|tank|åsikt|reflektion|fråge|frågor|diskussion|kommentar|idé|erfarenhet|input|medskick)",
    re.IGNORECASE,
)


# "Kalle Pettersson håller i detta": the owner of the item just before.
FOLLOW_UP = Guarded(
    lazy(
        _B + r"(?:håller\s+i\s+(?:detta|det|den|det\s+hela|arbetet|frågan|dessa|dem|i\s+detta)|"
        r"ansvarar\s+för\s+(?:detta|det|den|arbetet|frågan|det\s+hela)|tar\s+hand\s+om\s+(?:detta|det)|"
        r"(?:är|blir)\s+(?:ansvarig|ansvariga|sammankallande|involverad|involverade|med\s+i\s+arbetsgruppen)|"
        r"är\s+(?:\S+\s+){0,2}involverade)" + _E,
        re.IGNORECASE,
    ),
    "håller", "ansvar", "hand", "sammankallande", "involverad", "arbetsgruppen",
)


RESPONSIBLE_LINE = lazy(
    r"^(?:ansvarig|ansvariga|ansvar|ansvarar|vem)\s*:\s*(?P<who>.+?)\.?$", re.IGNORECASE
)


ACTION_LINE = lazy(
    r"^(?:åtgärd|att\s+göra|uppdrag|todo|action|actionpunkt|action\s*point|åtgärdspunkt)\s*:\s*(?P<what>.+)$",
    re.IGNORECASE,
)


DUE_LINE = lazy(r"^(?:klart\s+till|klart|deadline|senast|tidsplan|när|datum)\s*:\s*(?P<when>.+)$",
                      re.IGNORECASE)  # fmt: skip


TOKEN = lazy(r"[\wÅÄÖåäöÉéÜü][\wÅÄÖåäöÉéÜü'’/-]*(?:[.@][\wÅÄÖåäöÉéÜü]+)*|[,;:()–+&-]")


@record(frozen=True)
class Cue:
    kind: Kind
    rule: str
    strength: float
    subject: str | None  # the words that say who; None when the sentence names nobody (passive)
    inherit: bool = False  # verb first ("Tar vidare frågan ..."): the subject of the sentence before


@record(frozen=True)
class Context:
    in_decisions: bool = False  # under a "Beslut:" label
    in_views: bool = False  # under "Synpunkter och tankar:" and the like
    in_todo: bool = False  # a list item under "Att göra", "Åtgärder" and the like
    in_deferred: bool = False  # a list item under "Skjuts upp till nästa möte" and the like
    in_list: bool = False  # the first sentence of a list item
    own_line: bool = False  # a paragraph of one line
    names: frozenset[str] = frozenset()  # the people of the document, case-folded (names, first names)
    line_owner: str | None = None  # the owner marked at the end of the list item the sentence is in

    def describe(self) -> str:
        """What the heading or label makes of a sentence, in words (for --explain)."""
        parts = [
            name
            for name, on in (
                ("decisions", self.in_decisions),
                ("views", self.in_views),
                ("to-do list", self.in_todo),
                ("deferred list", self.in_deferred),
                ("list line", self.in_list),
                ("line of its own", self.own_line),
            )
            if on
        ]
        return ", ".join(parts)


def words(text: str) -> list[str]:
    return list(_words(text))


@lru_cache(maxsize=256)
def _words(text: str) -> tuple[str, ...]:
    """The tokens of a text, kept: the rules ask for a sentence's words several times (issue 15)."""
    return tuple(TOKEN.findall(text))


# A deadline after the meeting turns a report verb into a task: "Anna presenterar förslaget till nästa möte".
FUTURE_DEADLINE = Guarded(
    lazy(
        _B + r"(?:till|tills|inför|innan|före|senast\s+(?:till|vid|på)?)\s*(?:nästa|nästkommande|kommande|näst-nästa)\s+\S*(?:möte|mötet|gång|sammanträde|träff)"
        + r"|" + _B + r"senast\s+\S+",
        re.IGNORECASE,
    ),
    "nästa", "kommande", "senast",
)


# Words that start a noun phrase but are no one: "En order av ...", "Tidigare styrelsen ...".
DETERMINERS = {
    "en", "ett", "den", "det", "de", "denna", "detta", "dessa", "vår", "vårt", "våra", "min", "mitt", "mina",
    "hans", "hennes", "deras", "er", "ert", "era", "någon", "något", "några", "varje", "vilken", "vilket",
}  # fmt: skip


# Adjectives that stand before a definite noun that acts: "Tidigare styrelsen", "Nya styrelsen".
MODIFIERS = {"tidigare", "nya", "gamla", "nuvarande", "avgående", "tillträdande", "hela", "övriga", "vice", "biträdande"}


# Verbs the group's own plans use, which are news when someone else "plans" ("Regionen planerar ...").
OWN_PLAN_LEMMAS = {"planera", "arbeta", "jobba", "se", "följa", "driva", "bygga", "starta", "lansera"}


SUBJECT_JOINERS = {"och", "&", ",", "samt", "+"}


DEFINITE_NOUN = r"(?:en|na|et|n)$"


INDEFINITE = lazy(_B + r"(?:tills\s*vidare|på\s+obestämd\s+tid|tills\s+vidare\s+besked)" + _E, re.IGNORECASE)


# "till nästa styrelsemöte", "på nästkommande kommittémöte", "inför nästa gång"
NEXT_MEETING_REF = Guarded(
    lazy(
        _B + r"(?:nästa|nästkommande|kommande)\s+(?P<kind>[\wåäö-]*?)-?(?:möte|mötet|sammanträde|sammanträdet|träff|träffen)" + _E
        + r"|" + _B + r"(?:nästa|kommande)\s+gång" + _E,
        re.IGNORECASE,
    ),
    "nästa", "kommande",
)


# "Nästa möte bokas till den 3 mars": the next meeting's date, said; no task.
NEXT_MEETING_LINE = lazy(r"^(?:nästa|nytt|kommande)\s+(?:\w*möte|sammanträde|träff)\w*\b", re.IGNORECASE)
# A decision about this meeting's own agenda is done by being decided.
DECIDED_HERE = Guarded(
    lazy(
        _B + r"(?:ändra|ändras|godkänna|godkänns|fastställa|fastställs|lägga\s+till|stryka)\s+"
        r"(?:i\s+)?(?:dagordningen|föredragningslistan|punkt\s+\d+)",
        re.IGNORECASE,
    ),
    "dagordningen", "föredragningslistan", "punkt",
)
AGENDA_HEADING = lazy(
    r"^(?:dagordning|agenda|föredragningslista|förslag\s+till\s+dagordning|program)\s*:?\s*$", re.IGNORECASE
)


MISC_HEADING = lazy(r"^(?:övriga\s+frågor|övrigt|övriga\s+ärenden|övriga\s+punkter|diverse)\b", re.IGNORECASE)


# Where a new clause may start: after a comma or semicolon, and after the topic of a line
# ("Uthyrningsregler – Helena gör ett utkast", "Båtresan: Stig bokar").
CLAUSE_BREAK = lazy(r"(?:[,;:]|\s[-–])\s+(?=[A-ZÅÄÖ]|(?:han|hon|hen|vi|de)\s)")


# "Rapporten läggs till handlingarna": filed, done by being decided.
FILED = lazy(_B + r"(?:läggs|lades|lägga)\s+till\s+handlingarna" + _E, re.IGNORECASE)


# Roles a report is written under ("Ordförande" heading, then "Ska boka lokal"): the owner.
ROLE_WORDS = {
    "ordförande", "ordföranden", "vice ordförande", "vice-ordförande", "kassör", "kassören", "sekreterare",
    "sekreteraren", "ledamot", "suppleant", "studierektor", "samordnare", "samordnaren", "verksamhetschef",
    "verksamhetschefen", "enhetschef", "enhetschefen", "föreståndare", "föreståndaren", "kontaktperson",
}  # fmt: skip
