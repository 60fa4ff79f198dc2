"""Which Swedish sentences commit someone to something, and who.

A sentence is an action item when a cue says that someone will do something
after the meeting ("ska", "kommer att", "tar fram", "jobbar vidare med", "får i
uppdrag", "Att ..." under "Beslut:"), a deferred point when the topic is put off
("bordläggs", "skjuts till nästa möte", "tas upp vid nästa möte"). It is not an
item when it is a question, a possibility ("kan", "kanske", "eventuellt"), a
report or an opinion ("berättar", "anser"), a purpose ("för att ... ska"), a
relative clause ("en grupp som ska ..."), or has no agent ("det ska finnas").

`find_cue` returns the cue and the words of the subject; owners.py turns the
subject into people. See ../shared/corpus/README.md for what counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from actiontrack.models import Kind

_W = r"[\wÅÄÖåäöÉéÜü]"
_B = r"(?<![\wÅÄÖåäöÉéÜü])"
_E = r"(?![\wÅÄÖåäöÉéÜü])"

# --- word lists ------------------------------------------------------------------

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
ACTION_HEADS = re.compile(
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

DEFERRAL = re.compile(
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
)  # fmt: skip
MODAL = re.compile(
    _B + r"(?:ska|skall|måste|behöver|kommer(?:\s+(?P<inv>\S+))?(?:\s+" + ADVERBS + r")?\s+att|tänker|lovar\s+att|"
    r"åtar\s+sig\s+att|åtog\s+sig\s+att|har\s+åtagit\s+sig\s+att)" + _E
    # "vi kommer skicka": colloquial, without "att", before a task verb
    + r"|" + _B + r"kommer(?=\s+(?:" + ADVERBS + r"\s+)?[a-zåäö]+a" + _E + r")",
    re.IGNORECASE,
)
ASSIGNMENT = re.compile(
    _B + r"(?:får|fick|ges|gavs|har\s+fått|erhåller|har)\s+(?:\S+\s+)?(?:i|till)\s+(?:uppdrag|uppgift)" + _E
    + r"|" + _B + r"(?:ger|gav|ge|ges)\s+(?P<assignee>[A-ZÅÄÖ].+?)\s+i\s+uppdrag" + _E
    + r"|" + _B + r"(?:uppdrar|uppdrog|uppdra|uppdras|uppdrag\s+till|delegerar\s+till|delegerade\s+till|delegeras\s+till)\s+(?:åt\s+)?(?P<assignee2>[A-ZÅÄÖ][\wåäö-]+(?:\s+(?:och\s+)?[A-ZÅÄÖ][\wåäö-]+)*)\s+att"
    + _E,
    re.IGNORECASE,
)  # fmt: skip
# "Leif bjuder in", "bjuder snabbt in", and inverted after an adverbial: "Efter mötet bjuder Leif in".
_INVERTED = r"(?:\s+(?P<inv>vi|han|hon|de|[A-ZÅÄÖ][\wåäö]+(?:\s+[A-ZÅÄÖ][\wåäö]+)?))?"
# The particles each verb is a commitment with, longest first; "" when the verb alone is one.
_PARTICLES_OF: dict[str, list[str]] = {}
for _verb, _particle in COMMIT_VERBS:
    _PARTICLES_OF.setdefault(_verb, []).append(_particle)
for _list in _PARTICLES_OF.values():
    _list.sort(key=len, reverse=True)
COMMIT_VERB = re.compile(
    _B + "(?i:(?P<verb>" + "|".join(sorted(map(re.escape, _PARTICLES_OF), key=len, reverse=True)) + "))" + _E
)


@cache
def _after_verb(particle: str) -> re.Pattern[str]:
    """What may follow a verb up to its particle: an inverted subject, an adverb ("bjuder Leif in")."""
    return re.compile(
        _INVERTED
        + r"(?i:\s+"
        + ADVERBS
        + r")?"
        + r"(?i:\s+"
        + re.escape(particle).replace(r"\ ", r"\s+")
        + ")"
        + _E
    )


@lru_cache(maxsize=256)  # asked twice per sentence: is it a report, and which cue is it
def _commit_matches(s: str) -> tuple[tuple[int, int, str | None], ...]:
    """(start, end, inverted subject) of each commitment verb in a sentence."""
    found: list[tuple[int, int, str | None]] = []
    for m in COMMIT_VERB.finditer(s):
        for particle in _PARTICLES_OF[m.group("verb").lower()]:
            if not particle:
                found.append((m.start(), m.end(), None))
                break
            after = _after_verb(particle).match(s, m.end())
            if after:
                found.append((m.start(), after.end(), after.group("inv")))
                break
    return tuple(found)


PASSIVE = re.compile(_B + PASSIVE_VERBS + _E, re.IGNORECASE)
COMING = re.compile(
    _B + r"(?P<thing>inbjudan|inbjudningar|kallelse|kallelsen|information|informationen|underlag|underlaget|"
    r"förslag|förslaget|protokoll|protokollet|material|materialet|svar|svaret|besked|beskedet|utskick|"
    r"utskicket|rapport|rapporten)\s+kommer" + _E + r"(?!\s+att)",
    re.IGNORECASE,
)
DECISION = re.compile(
    _B + r"(?:beslutar|beslutade|beslöt|bestämmer|bestämde|enas\s+om|enades\s+om|kom\s+överens\s+om|"
    r"kommer\s+överens\s+om)\s+att\s+(?:(?:" + ADVERBS + r"|också|även)\s+)?(?P<verb>[a-zåäö]+)" + _E,
    re.IGNORECASE,
)
# Short Swedish infinitives that do not end in -a.
_SHORT_INFINITIVES = {
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
REQUESTED = re.compile(_B + r"(?:uppmanas|ombeds|uppdras)\s+(?:\S+\s+)?att" + _E, re.IGNORECASE)
# "Martin bad alla ta en titt", "Ordföranden ber Leif att ringa": the one asked does it
ASKED = re.compile(
    _B + r"(?:bad|ber|uppmanade|uppmanar)\s+(?P<asked>alla|oss|gruppen|[A-ZÅÄÖ][\wåäö-]+(?:\s+(?:och|&)\s+[A-ZÅÄÖ][\wåäö-]+)?)"
    r"\s+(?:att\s+)?(?P<verb>[a-zåäö]+)" + _E
)
# The agent of a passive: "Protokollet skickas ut av Leif".
PASSIVE_AGENT = re.compile(
    r"^\s*(?:\S+\s+){0,4}?av\s+(?P<agent>[A-ZÅÄÖ][\wåäö-]+(?:\s+[A-ZÅÄÖ][\wåäö-]+)?|[a-zåäö]+(?:en|na|et))(?![\wåäö])"
)
NEXT_STEP = re.compile(_B + r"nästa\s+steg\s+(?:är|blir)" + _E, re.IGNORECASE)
DECISION_LABEL = re.compile(
    r"^(?:beslut|beslutades|beslutspunkter|vi\s+beslutar|gruppen\s+beslutar)\b", re.IGNORECASE
)
# Headings and labels over a list of tasks: every item of the list is an action.
TODO_LABEL = re.compile(
    r"^(?:att\s+göra|åtgärder|åtgärdslista|åtgärdspunkter|uppgifter|uppdrag|action\s*points?|action\s*items?|"
    r"actions|to\s*-?\s*dos?|todo|tasks?|ansvarsområden|arbetsfördelning|fördelning\s+av\s+uppgifter|"
    r"beslut\s+och\s+åtgärder|uppföljning\s+till\s+nästa\s+möte|(?:till|inför)\s+nästa\s+(?:möte|gång|träff)|"
    r"nästa\s+steg|fortsatt\s+arbete|hemläxa|läxa)\b",
    re.IGNORECASE,
)
# The owner marked on a list line: "Boka lokal (Eva)", "Boka lokal – Eva", "Boka lokal: Eva",
# "Boka lokal. Ansvarig: Eva", "Boka lokal @Eva".
TODO_OWNER = re.compile(
    r"(?:\((?P<paren>[A-ZÅÄÖa-zåäö][^()]{0,60})\)\)?"
    r"|\s[-–]\s*\(?(?P<dash>(?-i:[A-ZÅÄÖ][\wåäö]+(?:(?:\s+|,\s*|\s+och\s+|\s*&\s*)[A-ZÅÄÖ][\wåäö]+)*))\)?"
    r"|:\s*(?P<colon>(?-i:[A-ZÅÄÖ][\wåäö]+(?:(?:\s*,\s*|\s+och\s+|\s*&\s*|\s*/\s*)[A-ZÅÄÖ][\wåäö]+)*))"
    r"|ansvarig(?:a)?\s*:\s*(?P<resp>[^.;]+))\s*[.!]?\s*$",
    re.IGNORECASE,
)
TAGGED_OWNER = re.compile(r"(?<![\w.])@(?P<tag>[A-ZÅÄÖa-zåäö][\wåäö-]+)")
SHOUTED_OWNER = re.compile(r"(?<![\w])(?P<shout>[A-ZÅÄÖ]{3,})!+\s*$")  # "Protokollen ska upp - ERIK!"


def tagged_owner(s: str, ctx: Context) -> str | None:
    """An owner tagged anywhere in the line: "@Victor", or a known name shouted at its end ("ERIK!")."""
    tag = TAGGED_OWNER.search(s)
    if tag:
        return tag.group("tag")
    shout = SHOUTED_OWNER.search(s)
    if shout and shout.group("shout").casefold() in ctx.names:
        return shout.group("shout").capitalize()
    return None
# "Hanna: fortsätta med ...", "Ahmed: boka tolk", "Anna B: ringa hyresvärden"
LEADING_OWNER = re.compile(
    r"^(?P<lead>[A-ZÅÄÖ][\wåäöé-]+(?:\s+[A-ZÅÄÖ][\wåäöé-]*\.?)?(?:\s*(?:&|och|/)\s*[A-ZÅÄÖ][\wåäöé-]+)*)\s*:\s+(?P<rest>\S.*)$"
)
VIEWS_LABEL = re.compile(
    r"(?:synpunkt|tank|åsikt|reflektion|fråge|frågor|diskussion|kommentar|idé|erfarenhet|input|medskick)",
    re.IGNORECASE,
)
# "Kalle Pettersson håller i detta": the owner of the item just before.
FOLLOW_UP = re.compile(
    _B + r"(?:håller\s+i\s+(?:detta|det|den|det\s+hela|arbetet|frågan|dessa|dem|i\s+detta)|"
    r"ansvarar\s+för\s+(?:detta|det|den|arbetet|frågan|det\s+hela)|tar\s+hand\s+om\s+(?:detta|det)|"
    r"(?:är|blir)\s+(?:ansvarig|ansvariga|sammankallande|involverad|involverade|med\s+i\s+arbetsgruppen)|"
    r"är\s+(?:\S+\s+){0,2}involverade)" + _E,
    re.IGNORECASE,
)
RESPONSIBLE_LINE = re.compile(
    r"^(?:ansvarig|ansvariga|ansvar|ansvarar|vem)\s*:\s*(?P<who>.+?)\.?$", re.IGNORECASE
)
ACTION_LINE = re.compile(
    r"^(?:åtgärd|att\s+göra|uppdrag|todo|action|actionpunkt|action\s*point|åtgärdspunkt)\s*:\s*(?P<what>.+)$",
    re.IGNORECASE,
)
DUE_LINE = re.compile(r"^(?:klart\s+till|klart|deadline|senast|tidsplan|när|datum)\s*:\s*(?P<when>.+)$",
                      re.IGNORECASE)  # fmt: skip

_TOKEN = re.compile(r"[\wÅÄÖåäöÉéÜü][\wÅÄÖåäöÉéÜü'’/-]*(?:[.@][\wÅÄÖåäöÉéÜü]+)*|[,;:()–-]")


@dataclass(frozen=True)
class Cue:
    kind: Kind
    rule: str
    strength: float
    subject: str | None  # the words that say who; None when the sentence names nobody (passive)
    inherit: bool = False  # verb first ("Tar vidare frågan ..."): the subject of the sentence before


@dataclass(frozen=True)
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
    return _TOKEN.findall(text)


def find_cue(sentence: str, ctx: Context = Context()) -> Cue | None:
    """The action or deferral cue of a sentence, or None when it is no item."""
    s = sentence.strip()
    if not s or s.endswith("?"):
        return None
    if DEFERRAL.search(s):
        return Cue(Kind.DEFERRED, "deferral", 0.9, _leading_subject(s))
    if ctx.in_decisions and re.match(r"^att\s", s, re.IGNORECASE):
        rest = s[4:]
        assigned = ASSIGNMENT.search(rest)
        if assigned and (assigned.group("assignee") or assigned.group("assignee2")):
            return Cue(
                Kind.ACTION, "decision", 0.8, assigned.group("assignee") or assigned.group("assignee2")
            )
        return Cue(Kind.ACTION, "decision", 0.7, _leading_subject(rest) if _starts_with_agent(rest) else None)
    if ctx.in_deferred:
        own = _cue(s, ctx)
        if own is not None and own.subject and not own.inherit and own.rule in ("modal", "present", "commit"):
            return own  # "Lisa ska läsa på om X" under "Skjuts till nästa termin": a task of its own
        return Cue(Kind.DEFERRED, "deferred-list", 0.75, marked_owner(s, ctx) or ctx.line_owner)
    if ctx.in_todo:
        marked = marked_owner(s, ctx) or ctx.line_owner
        cue = _cue(s, ctx)
        if cue is not None and (marked is None or cue.subject and not cue.inherit):
            return cue
        return Cue(Kind.ACTION, "todo", 0.8, marked)
    lead = LEADING_OWNER.match(s)
    if lead and _names_people(lead.group("lead"), ctx) and not (ctx.in_list or ctx.own_line):
        cue = _named_line(s, lead)
        if cue is not None:
            return cue
    if ctx.in_list or ctx.own_line:
        cue = _list_line_cue(s, ctx)
        if cue is not None:
            return cue
    if _is_report(s) or ctx.in_views:
        return _reported_task(s, ctx) if not ctx.in_views else None
    return _cue(s, ctx)


def _cue(s: str, ctx: Context = Context()) -> Cue | None:
    """The action cue of a sentence that is neither a question nor a deferral."""
    m = ASSIGNMENT.search(s)
    if m and _main_clause(s, m.start()):
        if m.group("assignee") or m.group("assignee2"):
            return Cue(Kind.ACTION, "assignment", 0.9, m.group("assignee") or m.group("assignee2"))
        return _with_subject(s, m.start(), m.end(), "assignment", 0.9)
    m = ASKED.search(s)
    if m and _main_clause(s, m.start()) and _base_task_verb(m.group("verb")):
        return Cue(Kind.ACTION, "asked", 0.7, m.group("asked"))
    m = REQUESTED.search(s)
    if m and _main_clause(s, m.start()) and not _hedged(s, m.start(), m.end()):
        cue = _with_subject(s, m.start(), m.end(), "requested", 0.75)
        if cue:
            return cue
    m = DECISION.search(s)
    if m and _main_clause(s, m.start()) and _is_infinitive(m.group("verb")):
        return _with_subject(s, m.start(), m.end(), "decision", 0.75)
    m = COMING.search(s)
    if m and _main_clause(s, m.start()) and not _hedged(s, m.start(), m.end()):
        return Cue(Kind.ACTION, "announced", 0.6, None)
    m = NEXT_STEP.search(s)
    if m and _main_clause(s, m.start()):
        return Cue(Kind.ACTION, "next-step", 0.6, None)
    for m in MODAL.finditer(s):
        cue = _modal(s, m)
        if cue:
            return cue
    for start, end, inverted in _commit_matches(s):
        if _main_clause(s, start) and not _hedged(s, start, end):
            cue = _with_subject(s, start, end, "commit", 0.7, inverted=inverted)
            if cue and s[start:end].split()[0].lower() in OWN_PLAN_VERBS and not _is_own(cue.subject, ctx):
                continue
            if cue:
                return cue
    cue = _present_cue(s, ctx)
    if cue is not None:
        return cue
    m = PASSIVE.search(s)
    if (
        m
        and _main_clause(s, m.start())
        and not _hedged(s, m.start(), m.end())
        and _passive_subject_ok(s, m.start())
    ):
        agent = PASSIVE_AGENT.match(s[m.end() :])
        return Cue(Kind.ACTION, "passive", 0.6 if agent else 0.55, agent.group("agent") if agent else None)
    return None


# A deadline after the meeting turns a report verb into a task: "Anna presenterar förslaget till nästa möte".
FUTURE_DEADLINE = re.compile(
    _B + r"(?:till|tills|inför|innan|före|senast\s+(?:till|vid|på)?)\s*(?:nästa|nästkommande|kommande|näst-nästa)\s+\S*(?:möte|mötet|gång|sammanträde|träff)"
    + r"|" + _B + r"senast\s+\S+",
    re.IGNORECASE,
)
# Words that start a noun phrase but are no one: "En order av ...", "Tidigare styrelsen ...".
DETERMINERS = {
    "en", "ett", "den", "det", "de", "denna", "detta", "dessa", "vår", "vårt", "våra", "min", "mitt", "mina",
    "hans", "hennes", "deras", "er", "ert", "era", "någon", "något", "några", "varje", "vilken", "vilket",
}  # fmt: skip
# Adjectives that stand before a definite noun that acts: "Tidigare styrelsen", "Nya styrelsen".
MODIFIERS = {"tidigare", "nya", "gamla", "nuvarande", "avgående", "tillträdande", "hela", "övriga", "vice", "biträdande"}
# Verbs the group's own plans use, which are news when someone else "plans" ("Regionen planerar ...").
_OWN_PLAN_LEMMAS = {"planera", "arbeta", "jobba", "se", "följa", "driva", "bygga", "starta", "lansera"}
_SUBJECT_JOINERS = {"och", "&", ",", "samt", "+"}


def _subject_tokens(tokens: list[str], ctx: Context) -> int:
    """How many tokens at the start form a subject that can act: names, "X och Y", "Stig/Simon", "Vi"."""
    n = 0
    while n < len(tokens) and n < 8:
        t = tokens[n]
        low = t.casefold()
        if n > 0 and low in _SUBJECT_JOINERS:
            n += 1
            continue
        if low in GROUP_WORDS or low in PERSON_PRONOUNS or low in PLURAL_PRONOUNS or low in SECRETARY_WORDS:
            n += 1
            continue
        if t[:1].isupper() or low in ctx.names or re.fullmatch(r"[A-ZÅÄÖ0-9/]+", t):
            n += 1
            continue
        if n > 0 and tokens[n - 1].casefold() in MODIFIERS and re.search(_DEFINITE_NOUN, low):
            n += 1  # "Tidigare styrelsen"
            continue
        break
    while n and tokens[n - 1].casefold() in _SUBJECT_JOINERS:
        n -= 1
    return n


_DEFINITE_NOUN = r"(?:en|na|et|n)$"


def _present_cue(s: str, ctx: Context) -> Cue | None:
    """ "Stig gör utskick", "Helena och Gunilla bokar lokalen": a named subject, then a verb
    whose lemma commits (lexicon.COMMIT) in the present tense."""
    from actiontrack.extract import lexicon

    start = _clause_start(s)
    spans = [(m.start() + start, m.group(0)) for m in _TOKEN.finditer(s[start:])]
    tokens = [t for _, t in spans]
    n = _subject_tokens(tokens, ctx)
    if n == 0 or n >= len(tokens):
        return None
    subject_words = tokens[:n]
    first = subject_words[0].casefold()
    if first in NON_AGENTS or first in DETERMINERS:
        return None
    # a capitalised verb after a name ("Gustav Fixar ..."): the last subject word may be the verb
    verb_at = n
    if (
        not lexicon.is_present(tokens[verb_at])
        and n >= 2
        and lexicon.is_present(subject_words[-1])
        and subject_words[-1].casefold() not in ctx.names
    ):
        verb_at = n - 1
        subject_words = subject_words[:-1]
    verb = tokens[verb_at]
    if _is_passive_task(verb) and not FILED.search(s):  # "Cissi vidtalas", "Anna och Bo tillfrågas"
        pos = spans[verb_at][0]
        if not _main_clause(s, pos) or _hedged(s, pos, pos + len(verb)):
            return None
        agent = PASSIVE_AGENT.match(s[pos + len(verb) :])
        return Cue(Kind.ACTION, "passive", 0.55, agent.group("agent") if agent else None)
    if not lexicon.is_present(verb):
        return None
    rest = [t for t in tokens[verb_at + 1 : verb_at + 4] if not re.fullmatch(ADVERBS + "|inte|ej", t, re.I)]
    particle = rest[0] if rest else None
    klass = lexicon.verb_class(verb, particle)
    pos = spans[verb_at][0]
    if not _main_clause(s, pos) or _hedged(s, pos, pos + len(verb)):
        return None
    subject = " ".join(subject_words).replace(" ,", ",")
    if klass == "commit":
        if lexicon.lemma_of(verb) in _OWN_PLAN_LEMMAS and not _is_own(subject, ctx):
            return None
        return Cue(Kind.ACTION, "present", 0.7, subject)
    if klass == "report" and FUTURE_DEADLINE.search(s[pos:]):
        return Cue(Kind.ACTION, "present-deadline", 0.65, subject)
    return None


def _reported_task(s: str, ctx: Context) -> Cue | None:
    """A report verb with a deadline after the meeting: "Leif presenterar ett förslag till nästa möte"."""
    if not FUTURE_DEADLINE.search(s):
        return None
    return _present_cue(s, ctx)


def marked_owner(s: str, ctx: Context) -> str | None:
    """The owner a list line marks: "(Josef)", "- Eva", ": Max", "Ansvarig: Eva", "@Victor", "Anna: ..."."""
    tag = TAGGED_OWNER.search(s)
    if tag:
        return tag.group("tag")
    lead = LEADING_OWNER.match(s)
    if lead and _names_people(lead.group("lead"), ctx):
        return lead.group("lead")
    return owner_at_end(s, ctx)


def owner_at_end(s: str, ctx: Context) -> str | None:
    """The owner written at the end of a line: "(Josef)", "- Eva", ": Max", "Ansvarig: Eva"."""
    m = TODO_OWNER.search(s)
    if not m:
        return None
    who = (m.group("paren") or m.group("dash") or m.group("colon") or m.group("resp") or "").strip()
    if m.group("paren") is not None or m.group("colon") is not None:
        return who if _names_people(who, ctx) else None
    return who or None


def _names_people(text: str, ctx: Context) -> bool:
    """ "Josef", "Victor & Hanna", "alla", "Anna B": names (or the group), not "(senast torsdag)"."""
    from actiontrack.people import looks_like_first_name

    parts = [p for p in re.split(r"\s*,\s*|\s+och\s+|\s*[&/+]\s*", text.strip()) if p]
    if not parts or len(parts) > 6:
        return False
    for part in parts:
        low = part.casefold()
        first = part.split()[0]
        if low in GROUP_WORDS or low in ctx.names or first.casefold() in ctx.names:
            continue
        if looks_like_first_name(first) and len(part.split()) <= 2:
            continue
        return False
    return True


def _named_line(s: str, lead: re.Match[str]) -> Cue | None:
    """ "Anna: boka lokal", "Bo: Granskning av texten (senast torsdag)": a task for the one named."""
    rest = lead.group("rest")
    first = words(rest)[:2]
    if (first and _base_task_verb(first[0], first[1] if len(first) > 1 else None)) or re.search(
        _B + r"senast" + _E, rest, re.IGNORECASE
    ):
        return Cue(Kind.ACTION, "named-line", 0.75, lead.group("lead"))
    return None


def _list_line_cue(s: str, ctx: Context) -> Cue | None:
    """A list line that is a task by its form: "Anna: boka lokal", "Prata med Olav @Victor",
    "Fixa inbjudan" (an imperative of a task verb)."""

    lead = LEADING_OWNER.match(s)
    if lead and _names_people(lead.group("lead"), ctx):
        return _named_line(s, lead)
    tag = TAGGED_OWNER.search(s)
    if tag:
        return Cue(Kind.ACTION, "tagged", 0.75, tag.group("tag"))
    if not ctx.in_list:
        return None
    marked = marked_owner(s, ctx) or ctx.line_owner
    end = TODO_OWNER.search(s)
    at_end = end and (end.group("colon") or end.group("paren") or end.group("dash"))
    if marked and (at_end or ctx.line_owner) and not s.endswith("?"):
        return Cue(Kind.ACTION, "owner-marked", 0.7, marked)  # "Få databasen att fungera: Kim"
    first = words(s)[:1]
    if first and _is_passive_task(first[0]) and first[0][:1].isupper():
        return Cue(Kind.ACTION, "passive", 0.55, marked)  # "Inkluderas i nyhetsbrevet"
    following = words(s)[1:2]
    if (
        ctx.in_list
        and first
        and first[0][:1].isupper()
        and _base_task_verb(first[0], following[0] if following else None)
        and not s.rstrip().endswith("?")
        and not _hedged(s, 0, len(first[0]))
    ):
        return Cue(Kind.ACTION, "imperative", 0.6, marked)
    return None


INDEFINITE = re.compile(_B + r"(?:tills\s*vidare|på\s+obestämd\s+tid|tills\s+vidare\s+besked)" + _E, re.IGNORECASE)
# "till nästa styrelsemöte", "på nästkommande kommittémöte", "inför nästa gång"
NEXT_MEETING_REF = re.compile(
    _B + r"(?:nästa|nästkommande|kommande)\s+(?P<kind>[\wåäö-]*?)-?(?:möte|mötet|sammanträde|sammanträdet|träff|träffen)" + _E
    + r"|" + _B + r"(?:nästa|kommande)\s+gång" + _E,
    re.IGNORECASE,
)


def meeting_referred(text: str, title: str | None) -> str | None:
    """ "this": the next meeting of this group ("till nästa möte", "nästa styrelsemöte" in a board's
    minutes); "other": another body's ("nästa kommittémöte"); None when no meeting is named."""
    m = NEXT_MEETING_REF.search(text)
    if not m:
        return None
    if re.search(r"näst[\s-]*nästa\s*$", text[: m.start() + 5], re.IGNORECASE):
        return "other"  # "till näst-nästa möte": a meeting whose date the minutes do not give
    kind = (m.group("kind") or "").casefold().rstrip("s-")
    if not kind or kind in ("ordinarie", "vanliga", "ordinarie-"):
        return "this"
    return "this" if title and kind in title.casefold() else "other"


AGENDA_HEADING = re.compile(
    r"^(?:dagordning|agenda|föredragningslista|förslag\s+till\s+dagordning|program)\s*:?\s*$", re.IGNORECASE
)
MISC_HEADING = re.compile(r"^(?:övriga\s+frågor|övrigt|övriga\s+ärenden|övriga\s+punkter|diverse)\b", re.IGNORECASE)
# Where a new clause may start: after a comma or semicolon, and after the topic of a line
# ("Uthyrningsregler – Helena gör ett utkast", "Båtresan: Stig bokar").
_CLAUSE_BREAK = re.compile(r"(?:[,;:]|\s[-–])\s+(?=[A-ZÅÄÖ]|(?:han|hon|hen|vi|de)\s)")


def more_clauses(sentence: str, ctx: Context = Context(), *, passives: bool = False) -> list[tuple[int, str, Cue]]:
    """The later clauses of a sentence that are tasks of their own, with a subject of their own:
    "Gunilla bokar lokalen, Stig gör utskick, Helena och Bo handlar" -> the second and third.
    `passives`: a passive clause counts too ("Lokalen – Cissi vidtalas")."""
    out: list[tuple[int, str, Cue]] = []
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(sentence)]
    for i, start in enumerate(breaks):
        end = breaks[i + 1] if i + 1 < len(breaks) else len(sentence)
        clause = sentence[start:end].rstrip(" ,;.")
        cue = None if _is_report(clause) or clause.endswith("?") else _cue(clause, ctx)
        if cue is not None and not cue.inherit and (cue.subject or passives and cue.rule == "passive"):
            out.append((start, clause, cue))
    return out


def is_follow_up(sentence: str) -> bool:
    """A sentence that names who does the item just before ("Kalle håller i detta")."""
    return bool(FOLLOW_UP.search(sentence))


# --- helpers ------------------------------------------------------------------------


def _modal(s: str, m: re.Match[str]) -> Cue | None:
    if not _main_clause(s, m.start()):
        return None
    after = words(s[m.end() :])
    inverted = m.group("inv") if m.groupdict().get("inv") else None
    if inverted and (
        inverted.lower() == "att" or re.fullmatch(ADVERBS + "|också|även|nog|inte", inverted, re.I)
    ):
        inverted = None
    # "ska vi göra", "ska Leif skicka": an inverted subject right after the modal
    i = 0
    subject_after = None
    if (
        len(after) > 1
        and _is_subject_word(after[0])
        and after[1].isalpha()
        and after[1][0].islower()
        and after[0].lower() not in STATE_VERBS
    ):
        subject_after, i = after[0], 1
    while i < len(after) and re.fullmatch(
        ADVERBS + r"|inte|ej|också|även|själv|själva|bland|annat", after[i], re.I
    ):
        if after[i].lower() in NEGATIONS:
            return None
        i += 1
    if i >= len(after):
        return None
    verb = after[i].lower()
    if verb in HEDGES or verb in NEGATIONS or verb in STATE_VERBS and not _assignment_after(after, i):
        return None
    if re.match(r"(?i)måste|behöver|kommer$", m.group(0)) and not (
        _base_task_verb(after[i], after[i + 1] if i + 1 < len(after) else None) or _is_passive_task(after[i])
    ):
        return None  # "måste förstå", "behöver bli": a need, not a task; "måste boka" is one
    if _hedged(s, m.start(), m.end()):
        return None
    if _is_passive_task(after[i]):  # "Inbjudan ska skickas ut": a task, its subject is the thing done
        agent = PASSIVE_AGENT.match(s[m.end() :].split(after[i], 1)[-1])
        return Cue(Kind.ACTION, "modal-passive", 0.7, agent.group("agent") if agent else None)
    if subject_after or inverted:
        who = subject_after or inverted
        if who and who.lower() in NON_AGENTS:
            return None
        return Cue(Kind.ACTION, "modal", 0.85, who)
    return _with_subject(s, m.start(), m.end(), "modal", 0.85)


def _is_own(subject: str | None, ctx: Context = Context()) -> bool:
    """The group itself or people by name: "Vi", "Gruppen", "Leif", "Ia och Allan", "Han"."""
    from actiontrack.people import looks_like_first_name

    if not subject:
        return True
    parts = [p for p in re.split(r"\s*,\s*|\s+och\s+|\s+samt\s+|\s*[&/+]\s*", subject) if p]
    return all(
        p.lower() in GROUP_WORDS | PERSON_PRONOUNS | PLURAL_PRONOUNS
        or looks_like_first_name(p.split()[0])
        or p.casefold() in ctx.names
        or p.split()[0].casefold() in ctx.names
        for p in parts
    )


def _is_infinitive(word: str) -> bool:
    w = word.lower()
    return w not in NON_AGENTS and (w.endswith("a") or w in _SHORT_INFINITIVES) and w not in ("temat", "den")


def _assignment_after(after: list[str], i: int) -> bool:
    return after[i].lower() == "få" and " ".join(after[i + 1 : i + 4]).lower().startswith("i uppdrag")


def _is_subject_word(word: str) -> bool:
    w = word.lower()
    return (
        w in GROUP_WORDS
        or w in PERSON_PRONOUNS
        or w in PLURAL_PRONOUNS
        or (word[:1].isupper() and w not in NON_AGENTS)
    )


def _with_subject(
    s: str, start: int, end: int, rule: str, strength: float, inverted: str | None = None
) -> Cue | None:
    """The cue with the subject before it (or after it, when an adverbial comes first)."""
    before = s[:start]
    clause_start = _clause_start(before)
    head = before[clause_start:].strip(" ,")
    tokens = words(head)
    if not tokens:  # nothing but punctuation before the verb ("§ ska ...", "- Tar vidare ...")
        if clause_start == 0:
            return Cue(Kind.ACTION, rule, strength - 0.1, None, inherit=True)
        return None
    first = tokens[0].lower()
    if _is_verb_word(tokens[0]):  # "Har pratat med ... och ska be om": no subject written
        return Cue(Kind.ACTION, rule, strength - 0.1, None, inherit=True)
    if first in ADVERBIAL_STARTERS or _starts_with_date(head):
        if inverted:
            return Cue(Kind.ACTION, rule, strength, inverted)
        after = words(s[end:])
        if after and _is_subject_word(after[0]):
            if after[0].lower() in NON_AGENTS:
                return None
            return Cue(Kind.ACTION, rule, strength, after[0])
        return None
    subject = _leading_subject(head)
    if subject is None or subject.lower() in NON_AGENTS or subject.split()[0].lower() in NON_AGENTS:
        return None
    if len(tokens) > 1 and _is_genitive_thing(subject, tokens):
        return Cue(Kind.ACTION, rule, strength - 0.1, None)  # "Vårens protokoll ska upp": a thing, no owner
    if first in QUANTIFIERS and len(tokens) > 1 and tokens[1][:1].islower():
        if tokens[1].lower() not in MEMBER_NOUNS:
            return None  # "Alla barn ska ...": a principle, not a task
        subject = "alla"
    return Cue(Kind.ACTION, rule, strength, subject)


# "Rapporten läggs till handlingarna": filed, done by being decided.
FILED = re.compile(_B + r"(?:läggs|lades|lägga)\s+till\s+handlingarna" + _E, re.IGNORECASE)


def _base_task_verb(word: str, particle: str | None = None) -> bool:
    """ "boka", "ta" (en titt), "Skriv": an infinitive or imperative of a task verb."""
    from actiontrack.extract import lexicon

    return lexicon.is_base_form(word) and lexicon.verb_class(word, particle) in ("commit", None) and (
        lexicon.verb_class(word, particle) == "commit" or lexicon.lemma_of(word) in lexicon.TASK_WITH_PARTICLE
    )


def _is_passive_task(word: str) -> bool:
    """ "skickas", "göras", "beställas": the s-passive of a task verb."""
    from actiontrack.extract import lexicon

    w = word.casefold()
    return w.endswith("s") and lexicon.verb_class(w) == "commit"


def _is_verb_form(token: str) -> bool:
    from actiontrack.extract import lexicon

    return lexicon.lemma_of(token) is not None


def _is_verb_word(token: str) -> bool:
    """A verb where a subject should stand ("Har", "Såg", "Köpt"), not a name."""
    from actiontrack.extract import lexicon

    return token[:1].isupper() and lexicon.lemma_of(token) is not None and not looks_like_name(token)


def looks_like_name(token: str) -> bool:
    from actiontrack.people import looks_like_first_name

    return looks_like_first_name(token)


# Roles a report is written under ("Ordförande" heading, then "Ska boka lokal"): the owner.
ROLE_WORDS = {
    "ordförande", "ordföranden", "vice ordförande", "vice-ordförande", "kassör", "kassören", "sekreterare",
    "sekreteraren", "ledamot", "suppleant", "studierektor", "samordnare", "samordnaren", "verksamhetschef",
    "verksamhetschefen", "enhetschef", "enhetschefen", "föreståndare", "föreståndaren", "kontaktperson",
}  # fmt: skip


def _is_genitive_thing(subject: str, tokens: list[str]) -> bool:
    """ "Vårens mötesprotokoll", "Föreningens hemsida": a genitive before a noun names a thing."""
    first = subject.split()[0]
    return (
        len(subject.split()) == 1
        and first.endswith("s")
        and not first.endswith("ss")
        and tokens[1][:1].islower()
        and tokens[1].casefold() not in _SUBJECT_JOINERS
        and not _is_verb_form(tokens[1])
        and not looks_like_name(first)
    )


def _clause_start(before: str) -> int:
    """Where the clause of a cue starts: after an action head's "att", else the sentence start."""
    for m in re.finditer(_B + r"att\s", before, re.IGNORECASE):
        if ACTION_HEADS.search(before[: m.end()]):
            return m.end()
    return 0


def _main_clause(s: str, pos: int) -> bool:
    """False when the cue at pos sits in a subordinate clause ("en grupp som ska ...")."""
    before = s[:pos]
    start = _clause_start(before)
    span = before[start:]
    # only the part after the last comma or dash can hold the subordinator of this clause...
    tokens = [t.lower() for t in words(span)]
    for j, t in enumerate(tokens):
        if t in SUBORDINATORS:
            return False
        if t == "att" and start == 0:
            return False
        if t in ("för", "så") and j + 1 < len(tokens) and tokens[j + 1] == "att":
            return False
    return True


def _hedged(s: str, start: int, end: int) -> bool:
    """A possibility or a wish in the clause of the cue, before it or right after it."""
    before = s[:start]
    clause = re.split(r"[,;:–]", before)[-1]
    after = words(s[end:])[:2]
    tokens = [t.lower() for t in words(clause)] + [t.lower() for t in after]
    return any(t in HEDGES for t in tokens)


def _is_report(s: str) -> bool:
    """ "Leif berättar om ...", "Bengt anser ...": the first verb after the subject reports
    (but "Leif ser till att", "Eva har i uppdrag att" commit)."""
    tokens = words(s)
    committing = {s[start:end].split()[0].lower() for start, end, _ in _commit_matches(s)}
    assigned = ASSIGNMENT.search(s)
    if assigned:
        committing.add(assigned.group(0).split()[0].lower())
    for j, t in enumerate(tokens[:6]):
        low = t.lower()
        if low in REPORTING_VERBS and j > 0 and low not in committing:
            lead = tokens[:j]
            return all(x[:1].isupper() or x.lower() in ("och", ",", "också", "även") for x in lead)
        if j > 0 and t[:1].islower() and low not in ("och",):
            return False
    return False


def _starts_with_date(text: str) -> bool:
    return bool(re.match(r"^(?:den\s+)?\d{1,2}(?:[/:]|\s+\w+)", text, re.IGNORECASE))


def _starts_with_agent(text: str) -> bool:
    tokens = words(text)
    return bool(tokens) and _is_subject_word(tokens[0]) and tokens[0].lower() not in NON_AGENTS


def _leading_subject(text: str) -> str | None:
    """The noun phrase a clause starts with: "Ia och Allan", "Utvecklingschefen Kalle Pettersson", "Han"."""
    tokens = words(text)
    out: list[str] = []
    depth = 0
    for j, t in enumerate(tokens):
        low = t.lower()
        if t == "(":
            depth += 1
            continue
        if t == ")":
            depth = max(0, depth - 1)
            continue
        if depth:
            continue
        if j == 0:
            out.append(t)
            continue
        if j == 1 and tokens[0].lower() in MODIFIERS and re.search(r"(?:en|na|et|n)$", low):
            out.append(t)  # "Tidigare styrelsen", "Nya kassören"
            continue
        if low in ("och", "samt", ",", "&") or t[:1].isupper() or re.fullmatch(r"[A-ZÅÄÖ0-9/]+", t):
            out.append(t)
            continue
        break
    while out and out[-1].lower() in ("och", "samt", ",", "&"):
        out.pop()
    return " ".join(out).replace(" ,", ",") if out else None


def _passive_subject_ok(s: str, pos: int) -> bool:
    head = s[:pos].strip()
    tokens = words(head)
    if not tokens:
        return False
    return tokens[0].lower() not in NON_AGENTS or len(tokens) > 1 and tokens[0].lower() in ("hans", "hennes")
