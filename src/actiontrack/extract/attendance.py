"""Who was at the meeting, who was not, and who wrote the minutes.

Attendees come from labelled lists ("Närvarande:", "Deltagare", "Styrelsen:", "Med:",
"Beslutande", "Ledamöter", "Övriga närvarande"), inline or below the label, grouped by
organisation ("Socialförvaltningen: Anna Berg, Bo Ek"), as a roll call ("Anna Berg – Ja"),
or as a sentence ("Anna, Bo och Cia är närvarande"). Those invited ("Kallade") but not
present are absent, as are those under "Frånvarande"/"Anmält förhinder" or marked
"(ej närvarande)". A nickname in quotes ('Ida "Poppi" Berg') is kept as an alias.

The secretary comes from "Vid pennan", "Vid protokollet", "Sekreterare", "Antecknat av",
a "(protokoll)" mark in the list, an election ("X väljs till mötessekreterare"), a
closing "/Name", or the name under the place and date that close the minutes.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable

from actiontrack.extract.guard import Guarded
from actiontrack.extract.name_runs import NOT_NAMES, is_code, scan_people
from actiontrack.extract.participants import people_taking_part
from actiontrack.extract.sentences import Line
from actiontrack.models import Attendee
from actiontrack.people import looks_like_first_name
from actiontrack.records import field, record

_LABEL_WORDS = (
    "närvarande|närvarande ledamöter|deltagare|deltog|närvarolista|närvaro|medverkande|fasta ledamöter|ledamöter|"
    "övriga närvarande|övriga deltagare|adjungerade|adjungerad|adjungerande|tjänstgörande ersättare|"
    "närvarande ersättare|ersättare|ordinarie ledamöter|gäster|gäst|med|beslutande|"
    "beslutande ledamöter|styrelsen|närvarande från styrelsen|styrelseledamöter|närvarande styrelseledamöter|"
    "övriga|deltagande|närvarande vid mötet|mötesdeltagare|övrig närvarande|övriga deltagande|"
    "närvarande ledamöter och ersättare|närvarande \\([^)]{2,40}\\)|ledamöter närvarande|namn närvarande|"
    "deltagare närvarande|ledamöter närvaro|namn närvaro"
)
ATTENDEE_LABEL = re.compile(
    r"^(?:" + _LABEL_WORDS.replace(" ", r"\s+") + r"|närvarande\s+från\s+\S+)\s*(?::\s*|$)(?P<rest>.*)$",
    re.IGNORECASE,
)
# "Inbjuden: Bo Ek (pkt 6)": a guest for a point, present when listed with the attendees; elsewhere
# ("Inbjudna: MSB och Sambruk" in a report) only invited
GUEST_LABEL = re.compile(r"^(?:inbjuden|inbjudna|inbjudna\s+gäster)\s*:\s*(?P<rest>.+)$", re.IGNORECASE)
INVITED_LABEL = re.compile(r"^(?:kallade|kallade\s+ledamöter|kallelse\s+till)\s*(?::\s*|$)(?P<rest>.*)$", re.I)
ABSENT_LABEL = re.compile(
    r"^(?:frånvarande(?:\s+ledamöter)?|ej\s+närvarande|icke\s+närvarande|inte\s+närvarande|anmält\s+förhinder|"
    r"anmält\s+frånvaro|förhinder|återbud|har\s+lämnat\s+återbud|ej\s+närvarande\s+ledamöter|frånvaro)"
    r"\s*(?::\s*|$)(?P<rest>.*)$",
    re.IGNORECASE,
)
# The labels above as words, for a label written with a typo ("Frånvarnade:", "Närvanrade:").
_ATTENDEE_WORDS = ("närvarande", "deltagare", "ledamöter", "medverkande")
_ABSENT_WORDS = ("frånvarande", "förhinder", "återbud")
# the number of a point before a label: "§ 293.", "2.", "3)"
LABEL_NUMBERING = re.compile(r"^(?:§\s*\d+[a-z]?\.?|\d{1,2}[.):]?)\s+")
FIELD_START = re.compile(r"^[\wåäöÅÄÖ]+(?:\s[\wåäöÅÄÖ]+){0,2}\s*:")
ROLE_LABEL = re.compile(
    r"^(?P<role>ordförande|ordf\.?|mötesordförande|justerare|justeras\s+av|justeringsperson|justeringsman)"
    r"\s*:\s*(?P<rest>.+)$",
    re.IGNORECASE,
)
SECRETARY_LABEL = re.compile(
    r"^(?:vid\s+pennan|sekreterare|protokollförare|mötessekreterare|vid\s+protokollet|vid\s+anteckningarna|"
    r"antecknat\s+av|antecknades\s+av|antecknare|noterat\s+av|sammanställt\s+av|protokollet\s+fört\s+av|"
    r"anteckningar\s+förda\s+av|minnesanteckningar\s+förda\s+av|för\s+anteckningarna|protokoll\s+fört\s+av|"
    r"sekr\.?)\b\s*:?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
# "Anna Berg väljs till mötessekreterare", "Styrelsen väljer Anna som sekreterare", "och mötessekreterare Bo E"
SECRETARY_ELECTED = Guarded(
    re.compile(
        r"(?P<a>[A-ZÅÄÖ][\wåäöé-]+(?:\s+[A-ZÅÄÖ][\wåäöé-]*\.?){0,2})\s+(?:väljs|valdes|utses|utsågs)\s+(?:in\s+)?"
        r"(?:till|som)\s+(?:mötes)?(?:sekreterare|protokollförare)"
        r"|väljer\s+(?P<b>[A-ZÅÄÖ][\wåäöé-]+(?:\s+[A-ZÅÄÖ][\wåäöé-]*\.?){0,2})\s+(?:till|som)\s+(?:mötes)?(?:sekreterare|protokollförare)"
        r"|(?<!,\s)(?<!,)(?:mötes)?sekreterare(?:n)?\s+(?:var\s+|är\s+)?(?P<c>[A-ZÅÄÖ][\wåäöé-]+(?:\s+[A-ZÅÄÖ][\wåäöé-]*\.?){0,2})"
        r"|(?i:till\s+(?:mötets\s+)?(?:mötes)?(?:sekreterare|protokollförare)\s+(?:valdes|utsågs|väljs|utses))\s+"
        r"(?P<d>[A-ZÅÄÖ][\wåäöé-]+(?:\s+[A-ZÅÄÖ][\wåäöé-]*\.?){0,2})"
    ),
    "sekreterare", "protokollförare",
)
# "(Kristina antecknade)", "(Bo för anteckningarna)"
SECRETARY_NOTE = re.compile(
    r"\((?P<name>[A-ZÅÄÖ][\wåäöé-]+(?:\s+[A-ZÅÄÖ][\wåäöé-]+)?)\s+(?:antecknade|antecknar|för\s+anteckningarna|"
    r"skrev\s+protokollet|förde\s+protokollet|vid\s+pennan)\)"
)
SIGNATURE = re.compile(r"^/\s*(?P<name>[A-ZÅÄÖÉ][\w'-]+(?:\s+[A-ZÅÄÖÉ][\w'-]+){0,3})\s*$")
ABSENT_MARK = re.compile(
    r"\(\s*(?:ej\s+närvarande|ej\s+närv\.?|frånvarande|anmält\s+förhinder|förhinder|deltog\s+ej|ej\s+med|"
    r"återbud)\s*\)|\s[-–]\s*(?:nej|frånvarande|ej\s+närvarande)\s*$"
    r"|(?:,|\s[-–])\s*(?:[\wåäö]+\.?\s+)?(?:anmält\s+förhinder|anmält\s+frånvaro|förhinder|frånvarande|"
    r"ej\s+närvarande|återbud)\s*\.?\s*$"  # "Bo Ek, anmält förhinder", "Bo Ek, sekr. anmält förhinder"
    r"|(?<=[a-zåäöé])\s+(?:anmält\s+förhinder|anmält\s+frånvaro|frånvarande|ej\s+närvarande)\s*$",  # a column
    re.IGNORECASE,
)
# "Bo Ek – Ja", "Bo Ek X" (a cross in the column of those present), "Bo Ek X, kassör"
PRESENT_MARK = re.compile(r"\s[-–]\s*(?:ja|närvarande|närv\.?)\s*$|(?<=[a-zåäöé])\s+X(?=\s*(?:,|$))", re.IGNORECASE)
SECRETARY_MARK = re.compile(
    r"\(\s*(?:protokoll|protokollförare|sekreterare|sekr\.?|antecknade|antecknar|anteckningar|vid\s+pennan|"
    r"mötessekreterare)\s*\)",
    re.IGNORECASE,
)
STAND_IN = re.compile(r"\(\s*(?:ers\.?|ersättare\s+för|ersätter|för)\s+[^)]*\)", re.IGNORECASE)
ROLE_MARK = re.compile(
    r"\((?:ordf(?:örande)?\.?|vice\s+ordf(?:örande)?\.?|sekr(?:eterare)?\.?|adj\.?|ersättare|justerare|kassör|"
    r"ledamot|suppleant)\)",
    re.IGNORECASE,
)
# "Kerstin- kassör", "Tor-webbansvarig": a first name and the role, joined by a dash ("Havs- och
# vattenmyndigheten" is one name: a dash before "och" shortens a word)
NAME_DASH_ROLE = re.compile(r"^([A-ZÅÄÖ][\wåäöéü]*[a-zåäöéü])-\s*(?=[a-zåäö])(?!och\b|eller\b|samt\b)")
TRAILING_ROLE = re.compile(
    r"^(?P<name>[A-ZÅÄÖ][\wåäöé-]+(?:\s+[A-ZÅÄÖ][\wåäöé-]+){0,3})\s+"
    r"(?P<role>(?:vice\s+)?[a-zåäö]*(?:ansvarig|ordförande|sekreterare|kassör|ledamot|suppleant))$"
)
NICKNAME = re.compile(r"[\"“”'‘’](?P<nick>[^\"“”'‘’]{2,30})[\"“”'‘’]")
ORG_PREFIX = re.compile(r"^(?P<org>[^:,()]{2,50}):\s*(?P<rest>\S.*)$")
# "Anna, Bo och Cia är närvarande.", "Närvarande var Anna och Bo."
PRESENT_SENTENCE = re.compile(
    r"^(?P<who>[A-ZÅÄÖ][^.]{1,200}?)\s+(?:är|var)\s+närvarande\b|^närvarande\s+(?:är|var)\s+(?P<who2>[^.]{2,200})",
    re.IGNORECASE,
)
_NAME_PARTICLES = {"von", "van", "af", "de", "la", "del", "der", "da", "di", "el", "bin", "al"}
_NOT_NAME_WORDS = {
    "vid", "tema", "beslut", "övrigt", "nästa", "mötet", "lokaler", "datum", "tid", "plats", "dagordning",
    "närvarande", "frånvarande", "ordförande", "sekreterare", "protokoll", "justerare", "inledning", "mötets",
    "val", "godkännande", "föregående", "information", "inga", "ingen", "alla", "styrelsen",
}  # fmt: skip


# The roles a person is named to: "Anna Berg väljs till vice ordförande", "Kassör: Bo Ek",
# "Eva Lund (ordf.)"; later "Kassören skickar ..." is that person's task.
ROLE_NAMES = (
    r"(?:vice[\s-]+)?ordförande|ordf\.?|kassör|sekreterare|mötessekreterare|mötesordförande|justerare|"
    r"studieansvarig|ledamot|suppleant|valberedare|revisor|kontaktperson|samordnare|sammankallande"
)
_PERSON = r"(?-i:[A-ZÅÄÖ][\wåäöé-]+(?:\s+[A-ZÅÄÖ][\wåäöé-]*\.?){0,2})"
ROLE_ELECTED = Guarded(
    re.compile(
        r"(?P<name>" + _PERSON + r")\s+(?:väljs|valdes|utses|utsågs|är|blir)\s+(?:in\s+)?(?:till|som)\s+"
        r"(?P<role>" + ROLE_NAMES + r")\b"
        r"|väljer\s+(?P<name2>" + _PERSON + r")\s+(?:till|som)\s+(?P<role2>" + ROLE_NAMES + r")\b"
        r"|(?P<role3>(?:vice[\s-]+)?ordförande|kassör|sekreterare|mötesordförande|mötessekreterare),?\s+"
        r"(?P<name3>" + _PERSON + r")",
        re.IGNORECASE,
    ),
    "ordf", "kassör", "sekreterare", "justerare", "studieansvarig", "ledamot", "suppleant", "valberedare",
    "revisor", "kontaktperson", "samordnare", "sammankallande",
)
_ROLE_MARKS = {"ordf": "ordförande", "ordf.": "ordförande", "sekr": "sekreterare", "sekr.": "sekreterare"}


def role_key(text: str) -> str:
    """ "Vice-ordföranden", "kassören", "ordf." -> "vice ordförande", "kassör", "ordförande"."""
    key = " ".join(text.casefold().replace("-", " ").split()).strip(" .,")
    key = _ROLE_MARKS.get(key, key)
    for definite, base in (("föranden", "förande"), ("ören", "ör"), ("eraren", "erare"), ("aren", "are")):
        if key.endswith(definite):
            return key[: -len(definite)] + base
    return key


@record
class Attendance:
    attendees: list[Attendee] = field(default_factory=list)
    absent: list[Attendee] = field(default_factory=list)
    secretary: str | None = None
    used_lines: set[int] = field(default_factory=set)
    roles: dict[str, str] = field(default_factory=dict)  # role_key -> the name written
    signed: list[str] = field(default_factory=list)  # full names in a signature block


# What brackets after a name say, when it is no note of time or presence: "(Bryggan)", "(PRO)"
_PAREN_NOTE = re.compile(
    r"\((?!\s*(?:(?:från|för|till|via|per|på|i|under|del|delvis|deltog|digitalt|distans|tele|pkt|punkt)\b|§|\d))"
    r"([^)]+)\)",
    re.IGNORECASE,
)


def parse_person_entry(text: str, *, lenient: bool = False) -> tuple[Attendee, bool] | None:
    """ "Bo Pettersson, Ria/G7 (ej närvarande)" -> (Attendee, absent); None if not a person line.
    `lenient`: inside a list of attendees, a single capitalised word is a name too ("Våge")."""
    text = NAME_DASH_ROLE.sub(r"\1 – ", text.strip())  # "Kerstin- kassör", "Tor-webbansvarig"
    raw = text
    absent = bool(ABSENT_MARK.search(text))
    text = ABSENT_MARK.sub("", text)
    text = PRESENT_MARK.sub("", text)
    text = SECRETARY_MARK.sub("", text)
    text = STAND_IN.sub("", text)
    text = ROLE_MARK.sub("", text).strip(" ,;.")
    aliases: tuple[str, ...] = ()
    nick = NICKNAME.search(text)
    if nick:
        aliases = (nick.group("nick").strip(),)
        text = " ".join((text[: nick.start()] + " " + text[nick.end() :]).split())
    cut = _outside_brackets(text, ",:")  # "Kjell Ek (ordförande, PRO), DHR": the comma after the brackets
    name, organisation = (text[:cut], text[cut + 1 :]) if cut >= 0 else (text, "")
    name = re.sub(r"\s*\(.*?\)\s*", " ", name).strip()
    if not organisation:  # "Anna Berg - socialförvaltningen", "Anna Berg (Bryggan)"
        m = re.match(r"^(.*?)\s+[-–]\s+(.+)$", name)
        if m:
            name, organisation = m.group(1), m.group(2)
        paren = _PAREN_NOTE.search(text)
        if paren and not organisation:
            organisation = paren.group(1)
    if not organisation and (trailing := TRAILING_ROLE.match(name)):  # "Angelica webbansvarig"
        name, organisation = trailing.group("name"), trailing.group("role")
    if not is_person_name(name, lenient=lenient):
        return None
    parts = [p.strip() for p in organisation.split(",") if p.strip() and "§" not in p]  # "ej § 3-5": a note
    roles = [p for p in parts if is_role(p)]
    organisation = ", ".join(p for p in parts if p not in roles)  # "Bo Ek, DHR, kassör"
    late = _PAREN_NOTE.search(text) if not organisation and roles else None
    if late and not is_role(late.group(1)):  # "Gunnel Ahlström (PRO), ordförande": the role was after
        organisation = late.group(1)
    role = roles[0] if roles else None
    if role is None and (paren_role := re.search(r"\((" + ROLE_NAMES + r")\)", raw, re.IGNORECASE)):
        role = paren_role.group(1)
    if paren := re.search(r"\(([^)]*,[^)]*)\)", raw):  # "(ordförande, PRO)": a role and an organisation
        inside = [p.strip() for p in paren.group(1).split(",") if p.strip()]
        role = role or next((p for p in inside if is_role(p)), None)
        organisation = organisation or ", ".join(p for p in inside if not is_role(p))
    return Attendee(name, organisation or None, aliases, role), absent


def _outside_brackets(text: str, marks: str) -> int:
    """The index of the first of `marks` outside round brackets, or -1."""
    depth = 0
    for i, ch in enumerate(text):
        depth += (ch == "(") - (ch == ")")
        if depth <= 0 and ch in marks:
            return i
    return -1


def is_role(text: str) -> bool:
    """ "kassör", "vice ordförande", "internetansvarig": a role in the group, not an organisation."""
    return bool(
        re.fullmatch(
            ROLE_NAMES + r"|(?:vice\s+|bitr\.?\s+|biträdande\s+)?[\wåäö]*(?:ansvarig|chef|samordnare|handläggare|sekreterare)",
            text.strip(" ."),
            re.IGNORECASE,
        )
    )


def is_person_name(text: str, *, lenient: bool = False) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 5 or any(ch.isdigit() for ch in text):
        return False
    if words[0].casefold() in _NOT_NAME_WORDS:
        return False
    for w in words:
        if w.casefold() in _NAME_PARTICLES:
            continue
        if not (w[0].isupper() and re.fullmatch(r"[\wÅÄÖåäöÉéÜü'’.-]+", w)):
            return False
    if len(words) == 1:
        return lenient or looks_like_first_name(words[0])
    return True


def _split_list(rest: str) -> list[str]:
    """ "Anna Berg, Bo Ek och Havs- och vattenmyndigheten" -> the entries ("X- och Y" is one);
    a full stop after a word ends an entry too ("Cia Lund. Dan Nord, Ria"), after an initial not."""
    rest = re.sub(r"-\s+och\s+", "-\x00", rest)
    rest = re.sub(r"(?<=[a-zåäöé\d)]{2})\.\s+(?=[A-ZÅÄÖ])", "; ", rest)
    parts: list[str] = []
    depth_part = ""
    for piece in re.split(r"(\s*[,;]\s*|\s+och\s+|\s+samt\s+|\s*&\s*)", rest):
        depth_part += piece
        if depth_part.count("(") <= depth_part.count(")"):  # never cut inside brackets: "(ordf., PRO)"
            parts.append(depth_part)
            depth_part = ""
    if depth_part:
        parts.append(depth_part)
    separator = re.compile(r"\s*[,;]\s*|\s+och\s+|\s+samt\s+|\s*&\s*")
    return [p.replace("-\x00", "- och ") for p in parts if not separator.fullmatch(p)]


# "tjg ers för Bo Lind (S)", "tjänstgörande ersättare för Bo Lind": the one stood in for was away
SERVING_FOR = re.compile(r"(?i)^(?:tjg\.?|tjänstgörande)\s+(?:ers\.?|ersättare)\s+(?:för\s+)?(?P<who>.+)$")
# A list that names groups, not people: "Styrelserna för X och Y samt medlemmar".
GROUP_WORDS = re.compile(
    r"(?i)^(?:styrelse(?:rna|n)?|medlemmar(?:na)?|representanter|ledamöter(?:na)?|alla|samtliga|företrädare|"
    r"deltagare|övriga)\b"
)
# "Från Neurocentrum:", "samt föreningsrepresentanter:": a group's name inside a list of people
SUB_LABEL = re.compile(r"(?:^|(?<=[,;])|(?<=\bsamt)|(?<=\boch))\s*[^,;:()]{2,40}?:\s+(?=[A-ZÅÄÖ])")


def _inline_people(rest: str, *, lenient: bool = False) -> list[tuple[Attendee, bool]]:
    """ "Anna Berg, Bo Ek, socialförvaltningen och Cia Lund" -> people; an organisation joins the one before.
    An entry of more words than one name holds is read as names written without commas
    ("Bo Ek Cia Lund", "KS Anna Berg"); "(ers Bo Ek)" makes Bo Ek absent. Organisations alone
    count as present only in a list without people ("Närvarande: Bolagsverket, Skatteverket")."""
    rest = SUB_LABEL.sub(" ", rest).strip()
    parts = [p.strip() for p in _split_list(rest)]
    full_names = sum(1 for p in parts if re.match(r"[A-ZÅÄÖ][\wåäöé-]+\s+[A-ZÅÄÖ]", p)) >= 2
    out: list[tuple[Attendee, bool]] = []
    organisations: list[int] = []  # indices in out of entries that are organisations
    groups = False
    for part in parts:
        if not part or part.startswith("("):
            continue
        if GROUP_WORDS.match(part):
            groups = True
            continue
        if (sub := SERVING_FOR.match(part)) is not None:  # "Eva Ek (S), tjg ers för Bo Lind (S)"
            out += [(Attendee(p.name), True) for p in scan_people(sub.group("who")) if len(p.name.split()) >= 2]
            continue
        for stand_in in STAND_IN.finditer(part):  # "(ers Bo Ek)": Bo Ek was not there
            inner = re.sub(r"(?i)^\(\s*(?:ers\.?|ersättare\s+för|ersätter|för)\s+", "", stand_in.group(0)).rstrip(")")
            out += [(Attendee(p.name), True) for p in scan_people(inner) if len(p.name.split()) >= 2]
        entry = parse_person_entry(part, lenient=lenient)
        if entry and full_names and " " not in entry[0].name and not looks_like_first_name(entry[0].name):
            entry = None  # "Anna Berg, Göteborg": a place or an organisation among full names
        if _several_names(part, entry):
            out += _scanned_entries(part, out)
        elif entry:
            out.append(entry)
        elif out and not out[-1][0].organisation and (part[:1].islower() or len(out[-1][0].name.split()) >= 2):
            prev = out[-1][0]
            if is_role(part):
                out[-1] = (Attendee(prev.name, None, prev.aliases, part), out[-1][1])  # "Bo Ek, kassör"
            elif not re.search(r"\d", part):
                out[-1] = (Attendee(prev.name, part, prev.aliases, prev.role), out[-1][1])  # "Bo Ek, Röda korset"
        elif lenient and _is_organisation(part) and not full_names:
            organisations.append(len(out))
            out.append((Attendee(part), False))
    def a_person(a: Attendee) -> bool:
        return len(a.name.split()) >= 2 or looks_like_first_name(a.name)

    if groups or any(a_person(a) for i, (a, _) in enumerate(out) if i not in organisations):
        # people present, or a list of groups ("Styrelserna för X och Y"): no organisation stands alone
        out = [(a, ab) for i, (a, ab) in enumerate(out) if i not in organisations and (a_person(a) or not groups)]
    return out


def _several_names(part: str, entry: tuple[Attendee, bool] | None) -> bool:
    """Whether an entry holds more than a person's name: "Bo Ek Cia Lund", "KS Anna Berg",
    "ordförande Eva Borg", "Cia Lund (ers Dan Nord) Eva Ek"."""
    if re.search(r"\)\s+[A-ZÅÄÖ][\wåäöé-]+\s+[A-ZÅÄÖ]", part):
        return True
    if entry is None:
        return any(len(p.name.split()) >= 2 for p in scan_people(part))
    name = entry[0].name
    if len(name.split()) < 3:
        return False
    scanned = scan_people(name)
    return is_code(name.split()[0]) or [p.name for p in scanned] != [name]


def _scanned_entries(part: str, before: list[tuple[Attendee, bool]]) -> list[tuple[Attendee, bool]]:
    """The people of an entry read by `scan_people`; what stands before the first of them (a role,
    an organisation's code) belongs to the person before the entry: "Eva Ek, KS Bo Lind"."""
    scanned = scan_people(part)
    if not scanned:
        return []
    prefix = part[: part.find(scanned[0].name.split()[0])].strip(" ,;()")
    if prefix and before and not re.search(r"\d", prefix):
        prev, absent = before[-1]
        if is_role(prefix) and not prev.role:
            before[-1] = (Attendee(prev.name, prev.organisation, prev.aliases, prefix), absent)
        elif not is_role(prefix) and not prev.organisation and len(prefix.split()) <= 3:
            before[-1] = (Attendee(prev.name, prefix, prev.aliases, prev.role), absent)
    out: list[tuple[Attendee, bool]] = []
    for p in scanned:
        role = next((d.strip("(),") for d in p.details if is_role(d.strip("(),"))), None)
        out.append((Attendee(p.name, p.organisation, (), role), p.absent))
    return out


def _is_organisation(part: str) -> bool:
    """ "Bolagsverket", "Havs- och vattenmyndigheten", "Arbetsförmedlingen Malmö": an organisation present."""
    return bool(re.fullmatch(r"[A-ZÅÄÖ][\wåäöé-]*(?:\s+(?:och\s+)?[\wåäöÅÄÖé-]+){0,4}", part)) and len(part) <= 60


def _label(text: str, pattern: re.Pattern[str], words: tuple[str, ...]) -> re.Match[str] | None:
    m = pattern.match(text)
    if m:
        return m
    head, sep, rest = text.partition(":")
    close = len(head) >= 8 and " " not in head.strip() and sep
    if close and difflib.get_close_matches(head.strip().casefold(), words, n=1, cutoff=0.8):
        return pattern.match(f"{words[0]}{sep}{rest}")  # a label with a typo: "Frånvarnade:"
    return None


def parse_attendance(lines: list[Line]) -> Attendance:
    result = Attendance()
    attendees: dict[str, Attendee] = {}
    absent: dict[str, Attendee] = {}
    invited: dict[str, Attendee] = {}

    def adder(target: dict[str, Attendee], *, force_absent: bool = False) -> Callable[[tuple[Attendee, bool]], None]:
        def add(entry: tuple[Attendee, bool]) -> None:
            person, is_absent = entry
            into = absent if (is_absent or force_absent) else target
            into.setdefault(person.name.casefold(), person)

        return add

    last_people = -9  # the line of the last list of people
    i = 0
    while i < len(lines):
        ln = lines[i]
        text = ln.text
        bare = LABEL_NUMBERING.sub("", text).rstrip(". ")
        if bare != text and len(bare.split()) <= 3 and (ATTENDEE_LABEL.match(bare) or ABSENT_LABEL.match(bare)):
            text = bare  # "§ 293. Närvarande.": a numbered point that is a label
        m_abs = _label(text, ABSENT_LABEL, _ABSENT_WORDS)
        m_att = None if m_abs else _label(text, ATTENDEE_LABEL, _ATTENDEE_WORDS)
        if not (m_abs or m_att) and ln.no - last_people <= 1 and not ln.bullet:
            m_att = GUEST_LABEL.match(text)
        m_inv = None if (m_abs or m_att) else INVITED_LABEL.match(text)
        if m_abs or m_att or m_inv:
            m = m_abs or m_att or m_inv
            assert m is not None
            add = adder(invited if m_inv else attendees, force_absent=bool(m_abs))
            last_people = ln.no
            rest = _list_part(m.group("rest").strip())
            if rest and not _looks_like_sentence(rest):
                j = i
                while (k := _more_people_below(lines, j)) is not None or (
                    j + 1 < len(lines) and _list_goes_on(rest, lines[j + 1])
                ):
                    if k is not None:  # "Beslutande: Anna Berg (C)" / "Bo Ek (M) Cia Lind (S)": one name list
                        rest += ", " + lines[k].text
                        result.used_lines.add(lines[k].no)
                        j = k
                        continue
                    j += 1
                    rest += " " + lines[j].text
                    result.used_lines.add(lines[j].no)
                for entry in _inline_people(rest, lenient=True):
                    add(entry)
                    _mark_secretary(result, entry[0], text)
                result.used_lines.add(ln.no)
                i = j + 1
                continue
            if not rest and (text.rstrip().endswith(":") or ln.heading_level or _short_label(text)):
                result.used_lines.add(ln.no)
                i = _list_after(lines, i, result, add)
                last_people = lines[i - 1].no
                continue
        elif m := ROLE_LABEL.match(text):
            role_entry = parse_person_entry(m.group("rest"))
            if role_entry:
                if not m.group("role").lower().startswith("just"):
                    adder(attendees)(role_entry)
                result.roles.setdefault(role_key(m.group("role")), role_entry[0].name)
                result.used_lines.add(ln.no)
        elif m := SECRETARY_LABEL.match(text):
            _secretary_label(lines, i, m.group("rest").strip(), result)
        elif (m := PRESENT_SENTENCE.match(text)) and i < len(lines) // 2 + 5:
            for entry in _inline_people((m.group("who") or m.group("who2")).strip(" ."), lenient=True):
                adder(attendees)(entry)
            result.used_lines.add(ln.no)
        elif (m := SIGNATURE.match(text)) and i >= len(lines) // 2:
            result.secretary = result.secretary or m.group("name")
            result.used_lines.add(ln.no)
        elif not result.secretary and (m := SECRETARY_NOTE.search(text)):
            result.secretary = m.group("name")
        elif not result.secretary and (m := SECRETARY_ELECTION_HEADING.match(text)):
            result.secretary = _name_under(lines, i, m.group("rest"))
        elif not result.secretary and i < 12 and (m := BYLINE.match(text)):
            result.secretary = m.group("name").title() if m.group("name").isupper() else m.group("name")
        elif not result.secretary and (m := SECRETARY_ELECTED.search(text)):
            who = _elected_name(m)
            if who and who.split()[0].casefold() not in _NOT_NAME_WORDS:
                result.secretary = who
        i += 1
    for key, person in invited.items():
        if key not in attendees:
            absent.setdefault(key, person)
    if not result.secretary:  # an election inside a line read as a list ("... Närvarande: ... Till sekreterare valdes X")
        for ln in lines:
            m = SECRETARY_ELECTED.search(ln.text)
            who = _elected_name(m) if m else None
            if who and who.split()[0].casefold() not in _NOT_NAME_WORDS:
                result.secretary = who
                break
    listed = bool(attendees)
    if not attendees:  # no attendance list: the people the minutes show at work
        for name, role in people_taking_part(lines):
            if name.casefold() not in absent:
                attendees[name.casefold()] = Attendee(name, None, (), role)
    _full_names_from_signatures(attendees, result.signed)
    _roles_in_text(lines, result, [*attendees.values(), *absent.values()])
    result.attendees = [a for k, a in attendees.items() if k not in absent]
    result.absent = list(absent.values())
    if not result.secretary:
        result.secretary = next(
            (a.name for a in result.attendees if a.role and role_key(a.role) in ("sekreterare", "mötessekreterare")),
            None,
        )  # "Bo Ek, sekreterare" in the list
    if not result.secretary:
        result.secretary = _closing_signature(lines, result)
    result.secretary = _full_name(result.secretary, result.attendees)
    for chair_of_meeting, role in (("mötesordförande", "ordförande"), ("mötessekreterare", "sekreterare")):
        if chair_of_meeting in result.roles:  # "ordföranden" in the text is the one chairing the meeting
            result.roles.setdefault(role, result.roles[chair_of_meeting])
    secretary = result.secretary
    if listed and secretary and len(secretary.split()) >= 2 and not _among(secretary, result.attendees + result.absent):
        result.attendees.append(Attendee(secretary))  # who wrote the minutes was there
    return result


def _elected_name(m: re.Match[str]) -> str | None:
    who = m.group("a") or m.group("b") or m.group("c") or m.group("d")
    if who and len(who.split()[-1]) > 2:
        who = who.rstrip(".")  # "Till sekreterare valdes Bo Ek.": the full stop ends the sentence
    return who


def _among(name: str, people: list[Attendee]) -> bool:
    """Whether a full name is one of the people, written in full or by the first name alone."""
    key, first = name.casefold(), name.split()[0].casefold()
    return any(p.name.casefold() in (key, first) for p in people)


def names_of(people: list[Attendee]) -> list[str]:
    return [p.name for p in people]


def _full_names_from_signatures(attendees: dict[str, Attendee], signed: list[str]) -> None:
    """ "Närvarande: Solveig, Åke" and a signature block "Solveig Lagerlund": the name in full."""
    for key, person in list(attendees.items()):
        if " " in person.name:
            continue
        same = [n for n in signed if n.split()[0].casefold() == key]
        if len(same) == 1 and same[0].casefold() not in attendees:
            attendees[key] = Attendee(same[0], person.organisation, person.aliases, person.role)


# "§ 3 Val av sekreterare", "Val av mötessekreterare: Bo Ek"
SECRETARY_ELECTION_HEADING = re.compile(
    r"^(?:§\s*\d+\s*|\d{1,2}[.):]?\s+)?val\s+av\s+(?:mötes)?(?:sekreterare|protokollförare)\b[:.\s]*(?P<rest>.*)$",
    re.IGNORECASE,
)
# "text CHRISTINA", "Text: Bo Ek": who wrote a post
BYLINE = re.compile(r"^(?i:text)\s*:?\s+(?P<name>[A-ZÅÄÖ][\wåäöéÅÄÖ-]+(?:\s+[A-ZÅÄÖ][\wåäöéÅÄÖ-]+)?)\s*$")
_SOME_NAME = re.compile(r"(?<![\wåäö])(?-i:[A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäöé]+)?(?:\s+[A-ZÅÄÖ][a-zåäöé-]+)?)")


def _name_under(lines: list[Line], i: int, rest: str) -> str | None:
    """The person chosen under "Val av sekreterare": on the same line ("Ann-Britt skriver
    protokollet") or in the decision below it ("Styrelsen beslutar / att välja Bo Ek")."""
    texts = [rest] if rest else []
    j = i
    while len(texts) < 3 and (j := _next_nonblank(lines, j) or len(lines)) < len(lines):
        if lines[j].heading_level or LABEL_NUMBERING.match(lines[j].text):
            break
        texts.append(lines[j].text)
    for text in texts:
        for m in _SOME_NAME.finditer(text):
            words = m.group(0).split()
            if words[0].casefold() in _NOT_NAME_WORDS | NOT_NAMES:
                continue
            if len(words) >= 2 or looks_like_first_name(words[0]) or "-" in words[0]:
                return m.group(0)
    return None


def _roles_in_text(lines: list[Line], result: Attendance, people: list[Attendee]) -> None:
    """Roles from elections ("Bo Ek väljs till kassör"), "ordförande Eva Lund", and the list
    ("Eva Lund (ordf.)", "Bo Ek, kassör"). The latest election wins: it is the one in force."""
    for person in people:
        if person.role:
            result.roles.setdefault(role_key(person.role), person.name)
    elected: dict[str, str] = {}
    for ln in lines:
        for m in ROLE_ELECTED.finditer(ln.text):
            name = m.group("name") or m.group("name2") or m.group("name3")
            role = m.group("role") or m.group("role2") or m.group("role3")
            if not name or not role or name.split()[0].casefold() in _NOT_NAME_WORDS:
                continue
            if re.search(r"(?:före\s+detta|f\.\s?d\.?|tidigare|förra|avgående|förutvarande)\s*$", ln.text[: m.start()], re.I):
                continue  # "före detta kassör, Bo Ek": not the one in office
            if m.group("name3"):  # "ordförande Eva Lund": the role as written beside the name
                result.roles.setdefault(role_key(role), _full_name(name, people) or name)
            else:  # an election: the latest is the one in force
                elected[role_key(role)] = _full_name(name, people) or name
    result.roles.update(elected)


def _list_part(rest: str) -> str:
    """Where a list of people in a run-on line ends: before the next numbered point ("... Bo Ek
    1. Mötets öppnande") or a sentence that does not open with a name ("... Bo Ek. Mötet delas ...")."""
    if len(rest.split()) <= 25:
        return rest
    for point in re.finditer(r"(?<=\s)(?:§\s*)?\d{1,2}\s*[.:)]?\s*(?=[A-ZÅÄÖ][a-zåäö])", rest):
        if rest[: point.start()].count("(") <= rest[: point.start()].count(")"):  # not "(efter punkt 9) Bo"
            rest = rest[: point.start()]
            break
    for stop in re.finditer(r"(?<=[a-zåäö\d)])\.\s+", rest):
        after = scan_people(rest[stop.end() : stop.end() + 60])
        if not after or not rest[stop.end() :].startswith(after[0].name.split()[0]) or len(after[0].name.split()) < 2:
            return rest[: stop.start() + 1].strip()
    return rest.strip()


def _two_people(text: str) -> bool:
    """ "Anna Berg, Bo Ek": two people, not a person and an organisation."""
    parts = [p.strip() for p in text.split(",")]
    return len(parts) == 2 and all(
        len(p.split()) == 2 and looks_like_first_name(p.split()[0]) and p.split()[1][:1].isupper() for p in parts
    )


def _group_label(lines: list[Line], j: int) -> bool:
    """A line naming a group of the people below it inside a list: "Ersättare:", "Tjänstemän"."""
    text = lines[j].text.strip()
    if re.search(r"\d", text) or len(text.split()) > 3 or not text[:1].isupper():
        return False
    if not text.endswith(":") and (len(text.split()) > 1 or looks_like_first_name(text)):
        return False
    nxt = _next_nonblank(lines, j)
    return nxt is not None and parse_person_entry(lines[nxt].text) is not None


def _more_people_below(lines: list[Line], j: int) -> int | None:
    """The next line when it goes on with people only ("Bo Ek (M) Cia Lind (S)"), as under the
    labels of the printed protocol form; None at a label, a heading, a point or a sentence."""
    k = _next_nonblank(lines, j)
    if k is None or k - j > 2:
        return None
    ln = lines[k]
    text = ln.text
    if ln.heading_level or ln.bullet or FIELD_START.match(text) or LABEL_NUMBERING.match(text) or _looks_like_sentence(text):
        return None
    if ATTENDEE_LABEL.match(text) or ABSENT_LABEL.match(text) or SIGNATURE_ROLE.match(text):
        return None
    people = scan_people(text)
    if not people or not text.startswith(people[0].name.split()[0]) or len(people[0].name.split()) < 2:
        return None
    return k if not re.search(r"[.!?]\s+[a-zåäö]|\b(?:att|som|med|vid|har)\b", text) else None


def _list_goes_on(rest: str, nxt: Line) -> bool:
    """Whether a list of people goes on on the next line: it ends with a comma, or with a first
    name whose surname opens the next line ("Närvarande: Anna Berg, Eva" / "Lund, Bo Ek.")."""
    if not nxt.text or nxt.heading_level or nxt.bullet:
        return False
    if rest.endswith(","):
        return True
    return bool(
        re.search(r"(?:^|,\s*)[A-ZÅÄÖ][\wåäöé-]+$", rest)
        and re.match(r"[A-ZÅÄÖ][\wåäöé-]+(?:[,.]|\s+(?:och|samt)\s|$)", nxt.text)
        and not FIELD_START.match(nxt.text)
    )


def _short_label(text: str) -> bool:
    return len(text.split()) <= 3


def _mark_secretary(result: Attendance, person: Attendee, text: str) -> None:
    if not result.secretary and re.search(
        r"(?<![\wåäö])" + re.escape(person.name.split()[0]) + r"(?![\wåäö])(?:(?!\boch\b)[^,;()])*" + SECRETARY_MARK.pattern,
        text,
        re.IGNORECASE,
    ):
        result.secretary = person.name


def _secretary_label(lines: list[Line], i: int, rest: str, result: Attendance) -> None:
    ln = lines[i]
    rest = rest.strip(" \\")
    if rest and SIGNATURE_ROLES.fullmatch(rest):  # "Vid protokollet  Ordförande  Justerare" over the names
        _signature_row(lines, i, ["sekreterare", *SIGNATURE_ROLE.findall(rest)], result)
        return
    if rest and is_person_name(rest.split(",")[0].strip(" \\"), lenient=True):
        result.secretary = rest.split(",")[0].strip(" \\")
        result.used_lines.add(ln.no)
    elif not rest:
        nxt = _next_nonblank(lines, i)
        entry = parse_person_entry(lines[nxt].text, lenient=True) if nxt is not None else None
        if nxt is not None and entry:
            result.secretary = entry[0].name
            result.used_lines.update({ln.no, lines[nxt].no})


# the labels of a signature block, side by side over the names
SIGNATURE_ROLE = re.compile(r"(?i)ordförande|justerare|justerande|justeras|sekreterare|vid\s+protokollet|mötesordförande")
SIGNATURE_ROLES = re.compile(r"(?i)(?:(?:ordförande|justerare|justerande|justeras|sekreterare|mötesordförande)\s*)+")


def _signature_row(lines: list[Line], i: int, roles: list[str], result: Attendance) -> None:
    """The names on the line under a row of signature labels, one a label, in their order."""
    nxt = _next_nonblank(lines, i)
    if nxt is None:
        return
    signed = [p.name for p in scan_people(lines[nxt].text) if len(p.name.split()) >= 2]
    if len(signed) != len(roles):
        return
    result.signed += signed
    for role, name in zip(roles, signed, strict=True):
        if role_key(role) == "sekreterare":
            result.secretary = result.secretary or name
        elif not role.casefold().startswith("just"):
            result.roles.setdefault(role_key(role), name)
    result.used_lines.update({lines[i].no, lines[nxt].no})


def _closing_signature(lines: list[Line], result: Attendance) -> str | None:
    """The name under "Grästorp 2018-05-02" (a place and a date) that ends the minutes."""
    content = [ln for ln in lines if not ln.blank]
    if len(content) < 3:
        return None
    last, before = content[-1], content[-2]
    entry = parse_person_entry(last.text)
    if entry and 2 <= len(last.text.split()) <= 6 and re.search(r"\d", before.text) and len(before.text.split()) <= 6:
        result.used_lines.update({last.no, before.no})
        return entry[0].name
    return None


def _full_name(name: str | None, people: list[Attendee]) -> str | None:
    """ "Minaj" (a nickname in the list) or "Anna" (the only Anna) -> the full name written in the list."""
    if not name:
        return None
    key = name.casefold()
    for person in people:
        if key in (a.casefold() for a in person.aliases):
            return person.name
    if " " not in name:
        same = [p for p in people if p.name.split()[0].casefold() == key]
        if len(same) == 1:
            return same[0].name
    return name


def _looks_like_sentence(text: str) -> bool:
    return bool(re.search(r"\b(?:är|var|har|ska|kommer|blev)\b", text))


def _next_nonblank(lines: list[Line], i: int) -> int | None:
    for j in range(i + 1, min(len(lines), i + 4)):
        if not lines[j].blank:
            return j
    return None


def _list_after(lines: list[Line], i: int, result: Attendance, add: Callable[[tuple[Attendee, bool]], None]) -> int:
    """Read the person lines after a label; returns the index of the first line after the list."""
    j = i + 1
    blanks = 0
    while j < len(lines):
        ln = lines[j]
        if ln.blank:
            blanks += 1
            if blanks > 2:
                break
            j += 1
            continue
        if (
            ln.heading_level
            or ATTENDEE_LABEL.match(ln.text)
            or ABSENT_LABEL.match(ln.text)
            or INVITED_LABEL.match(ln.text)
        ):
            break
        by_org = ORG_PREFIX.match(ln.text)
        if by_org and (grouped := _inline_people(by_org.group("rest"))):  # "Socialförvaltningen: Anna Berg, Bo Ek"
            for person, absent in grouped:
                org = person.organisation or by_org.group("org").strip()
                add((Attendee(person.name, org, person.aliases, person.role), absent))
            result.used_lines.add(ln.no)
            blanks = 0
            j += 1
            continue
        entries = (
            _inline_people(ln.text, lenient=True)
            if (ln.text.count(",") >= 2 or _two_people(ln.text)) and not ABSENT_MARK.search(ln.text)
            else []
        )
        named = [e for e, _ in entries if len(e.name.split()) >= 2 or looks_like_first_name(e.name)]
        if len(entries) >= 2 and (len(named) >= 2 or not parse_person_entry(ln.text)):
            for e in entries:
                add(e)
        else:
            entry = parse_person_entry(ln.text)
            if entry is None and _group_label(lines, j):
                result.used_lines.add(ln.no)  # "Styrelserepresentanter:", "Tjänstemän": a group within the list
                j += 1
                continue
            if entry is None:
                break
            add(entry)
            _mark_secretary(result, entry[0], ln.text)
        result.used_lines.add(ln.no)
        blanks = 0
        j += 1
    return j
