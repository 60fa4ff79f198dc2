"""Lists of people: the labels that open them and the entries written on a line.

A list opens with a label ("Närvarande:", "Deltagare", "Beslutande", "Frånvarande:", "Kallade",
"Inbjuden:"), numbered ("§ 293. Närvarande.") or written with a typo ("Frånvarnade:"), or it is
a sentence ("Anna, Bo och Cia är närvarande"). The entries of a line are cut at commas, "och",
"samt" and full stops, never inside brackets; names written without commas ("Bo Ek Cia Lund"), a
role or an organisation after a name ("Bo Ek, kassör", "Bo Ek, Röda korset"), one stood in for
("(ers Bo Ek)", "tjg ers för Bo Lind": away) and organisations alone ("Närvarande: Bolagsverket,
Skatteverket") are told apart. Whether the next line goes on with a list (after a comma, with a
surname, in the printed protocol form's rows of names) is told here too; attendance.py walks the
lines and keeps what they say.
"""

from __future__ import annotations

import difflib
import re

from actiontrack.extract.guard import Guarded
from actiontrack.extract.name_runs import is_code, scan_people
from actiontrack.extract.person_entry import STAND_IN, is_role, parse_person_entry
from actiontrack.extract.sentences import Line
from actiontrack.models import Attendee
from actiontrack.people import looks_like_first_name

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
ATTENDEE_WORDS = ("närvarande", "deltagare", "ledamöter", "medverkande")
ABSENT_WORDS = ("frånvarande", "förhinder", "återbud")
# the number of a point before a label: "§ 293.", "2.", "3)"
LABEL_NUMBERING = re.compile(r"^(?:§\s*\d+[a-z]?\.?|\d{1,2}[.):]?)\s+")
FIELD_START = re.compile(r"^[\wåäöÅÄÖ]+(?:\s[\wåäöÅÄÖ]+){0,2}\s*:")
ORG_PREFIX = re.compile(r"^(?P<org>[^:,()]{2,50}):\s*(?P<rest>\S.*)$")
# "Anna, Bo och Cia är närvarande.", "Närvarande var Anna och Bo."
PRESENT_SENTENCE = re.compile(
    r"^(?P<who>[A-ZÅÄÖ][^.]{1,200}?)\s+(?:är|var)\s+närvarande\b|^närvarande\s+(?:är|var)\s+(?P<who2>[^.]{2,200})",
    re.IGNORECASE,
)
# The sentence above tried only on lines that say "närvarande": its name part is tried up to 200
# characters into every line. Both its forms open with "^", so its search is its match.
PRESENT_SENTENCE_IN = Guarded(PRESENT_SENTENCE, "närvarande")
# the labels of a signature block, side by side over the names
SIGNATURE_ROLE = re.compile(r"(?i)ordförande|justerare|justerande|justeras|sekreterare|vid\s+protokollet|mötesordförande")
SIGNATURE_ROLES = re.compile(r"(?i)(?:(?:ordförande|justerare|justerande|justeras|sekreterare|mötesordförande)\s*)+")


def match_label(text: str, pattern: re.Pattern[str], words: tuple[str, ...]) -> re.Match[str] | None:
    """The label `pattern` matches, also when written with a typo ("Frånvarnade:" for one of `words`)."""
    m = pattern.match(text)
    if m:
        return m
    head, sep, rest = text.partition(":")
    close = len(head) >= 8 and " " not in head.strip() and sep
    if close and difflib.get_close_matches(head.strip().casefold(), words, n=1, cutoff=0.8):
        return pattern.match(f"{words[0]}{sep}{rest}")  # a label with a typo: "Frånvarnade:"
    return None


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


def inline_people(rest: str, *, lenient: bool = False) -> list[tuple[Attendee, bool]]:
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


def list_part(rest: str) -> str:
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


def two_people(text: str) -> bool:
    """ "Anna Berg, Bo Ek": two people, not a person and an organisation."""
    parts = [p.strip() for p in text.split(",")]
    return len(parts) == 2 and all(
        len(p.split()) == 2 and looks_like_first_name(p.split()[0]) and p.split()[1][:1].isupper() for p in parts
    )


def group_label(lines: list[Line], j: int) -> bool:
    """A line naming a group of the people below it inside a list: "Ersättare:", "Tjänstemän"."""
    text = lines[j].text.strip()
    if re.search(r"\d", text) or len(text.split()) > 3 or not text[:1].isupper():
        return False
    if not text.endswith(":") and (len(text.split()) > 1 or looks_like_first_name(text)):
        return False
    nxt = next_nonblank(lines, j)
    return nxt is not None and parse_person_entry(lines[nxt].text) is not None


def more_people_below(lines: list[Line], j: int) -> int | None:
    """The next line when it goes on with people only ("Bo Ek (M) Cia Lind (S)"), as under the
    labels of the printed protocol form; None at a label, a heading, a point or a sentence."""
    k = next_nonblank(lines, j)
    if k is None or k - j > 2:
        return None
    ln = lines[k]
    text = ln.text
    if ln.heading_level or ln.bullet or FIELD_START.match(text) or LABEL_NUMBERING.match(text) or looks_like_sentence(text):
        return None
    if ATTENDEE_LABEL.match(text) or ABSENT_LABEL.match(text) or SIGNATURE_ROLE.match(text):
        return None
    people = scan_people(text)
    if not people or not text.startswith(people[0].name.split()[0]) or len(people[0].name.split()) < 2:
        return None
    return k if not re.search(r"[.!?]\s+[a-zåäö]|\b(?:att|som|med|vid|har)\b", text) else None


def list_goes_on(rest: str, nxt: Line) -> bool:
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


def looks_like_sentence(text: str) -> bool:
    return bool(re.search(r"\b(?:är|var|har|ska|kommer|blev)\b", text))


def next_nonblank(lines: list[Line], i: int) -> int | None:
    for j in range(i + 1, min(len(lines), i + 4)):
        if not lines[j].blank:
            return j
    return None
