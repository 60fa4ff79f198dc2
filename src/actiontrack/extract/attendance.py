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
from actiontrack.extract.sentences import Line
from actiontrack.models import Attendee
from actiontrack.people import looks_like_first_name
from actiontrack.records import field, record

_LABEL_WORDS = (
    "närvarande|närvarande ledamöter|deltagare|deltog|närvarolista|närvaro|medverkande|fasta ledamöter|ledamöter|"
    "övriga närvarande|övriga deltagare|adjungerade|adjungerad|adjungerande|tjänstgörande ersättare|"
    "närvarande ersättare|ersättare|ordinarie ledamöter|gäster|gäst|med|beslutande|"
    "beslutande ledamöter|styrelsen|närvarande från styrelsen|styrelseledamöter|närvarande styrelseledamöter|"
    "övriga|deltagande|närvarande vid mötet|mötesdeltagare"
)
ATTENDEE_LABEL = re.compile(
    r"^(?:" + _LABEL_WORDS.replace(" ", r"\s+") + r"|närvarande\s+från\s+\S+)\s*(?::\s*|$)(?P<rest>.*)$",
    re.IGNORECASE,
)
INVITED_LABEL = re.compile(r"^(?:kallade|kallade\s+ledamöter|kallelse\s+till)\s*(?::\s*|$)(?P<rest>.*)$", re.I)
ABSENT_LABEL = re.compile(
    r"^(?:frånvarande(?:\s+ledamöter)?|ej\s+närvarande|anmält\s+förhinder|anmält\s+frånvaro|förhinder|"
    r"återbud|har\s+lämnat\s+återbud|ej\s+närvarande\s+ledamöter|frånvaro)\s*(?::\s*|$)(?P<rest>.*)$",
    re.IGNORECASE,
)
# The labels above as words, for a label written with a typo ("Frånvarnade:", "Närvanrade:").
_ATTENDEE_WORDS = ("närvarande", "deltagare", "ledamöter", "medverkande")
_ABSENT_WORDS = ("frånvarande", "förhinder", "återbud")
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
        r"|(?:mötes)?sekreterare(?:n)?\s+(?:var\s+|är\s+)?(?P<c>[A-ZÅÄÖ][\wåäöé-]+(?:\s+[A-ZÅÄÖ][\wåäöé-]*\.?){0,2})"
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
    r"återbud)\s*\)|\s[-–]\s*(?:nej|frånvarande|ej\s+närvarande)\s*$",
    re.IGNORECASE,
)
PRESENT_MARK = re.compile(r"\s[-–]\s*(?:ja|närvarande|närv\.?)\s*$", re.IGNORECASE)
SECRETARY_MARK = re.compile(
    r"\(\s*(?:protokoll|protokollförare|sekreterare|sekr\.?|antecknade|antecknar|vid\s+pennan|"
    r"mötessekreterare)\s*\)",
    re.IGNORECASE,
)
STAND_IN = re.compile(r"\(\s*(?:ers\.?|ersättare\s+för|ersätter|för)\s+[^)]*\)", re.IGNORECASE)
ROLE_MARK = re.compile(
    r"\((?:ordf(?:örande)?\.?|vice\s+ordf(?:örande)?\.?|sekr(?:eterare)?\.?|adj\.?|ersättare|justerare|kassör|"
    r"ledamot|suppleant)\)",
    re.IGNORECASE,
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


def parse_person_entry(text: str, *, lenient: bool = False) -> tuple[Attendee, bool] | None:
    """ "Bo Pettersson, Ria/G7 (ej närvarande)" -> (Attendee, absent); None if not a person line.
    `lenient`: inside a list of attendees, a single capitalised word is a name too ("Våge")."""
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
    name, _, organisation = re.split(r"(,|:)", text, maxsplit=1) if re.search(r"[,:]", text) else (text, "", "")
    name = re.sub(r"\s*\(.*?\)\s*", " ", name).strip()
    if not organisation:  # "Anna Berg - socialförvaltningen", "Anna Berg (Bryggan)"
        m = re.match(r"^(.*?)\s+[-–]\s+(.+)$", name)
        if m:
            name, organisation = m.group(1), m.group(2)
        paren = re.search(r"\(([^)]+)\)", text)
        if paren and not organisation:
            organisation = paren.group(1)
    if not is_person_name(name, lenient=lenient):
        return None
    parts = [p.strip() for p in organisation.split(",") if p.strip()]
    roles = [p for p in parts if re.fullmatch(ROLE_NAMES, p, re.IGNORECASE)]
    organisation = ", ".join(p for p in parts if p not in roles)  # "Bo Ek, DHR, kassör"
    role = roles[0] if roles else None
    if role is None and (paren_role := re.search(r"\((" + ROLE_NAMES + r")\)", raw, re.IGNORECASE)):
        role = paren_role.group(1)
    return Attendee(name, organisation or None, aliases, role), absent


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
    """ "Anna Berg, Bo Ek och Havs- och vattenmyndigheten" -> the entries ("X- och Y" is one)."""
    rest = re.sub(r"-\s+och\s+", "-\x00", rest)
    return [p.replace("-\x00", "- och ") for p in re.split(r"\s*[,;]\s*|\s+och\s+|\s+samt\s+|\s*&\s*", rest)]


def _inline_people(rest: str, *, lenient: bool = False) -> list[tuple[Attendee, bool]]:
    """ "Anna Berg, Bo Ek, socialförvaltningen och Cia Lund" -> people; an organisation joins the one before."""
    out: list[tuple[Attendee, bool]] = []
    for part in _split_list(rest):
        part = part.strip()
        if not part or part.startswith("("):
            continue
        entry = parse_person_entry(part, lenient=lenient)
        if entry:
            out.append(entry)
        elif out and not out[-1][0].organisation and (part[:1].islower() or len(out[-1][0].name.split()) >= 2):
            prev = out[-1][0]
            if re.fullmatch(ROLE_NAMES, part, re.IGNORECASE):
                out[-1] = (Attendee(prev.name, None, prev.aliases, part), out[-1][1])  # "Bo Ek, kassör"
            else:
                out[-1] = (Attendee(prev.name, part, prev.aliases, prev.role), out[-1][1])  # "Bo Ek, Röda korset"
        elif lenient and _is_organisation(part):
            out.append((Attendee(part), False))
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

    i = 0
    while i < len(lines):
        ln = lines[i]
        text = ln.text
        m_abs = _label(text, ABSENT_LABEL, _ABSENT_WORDS)
        m_att = None if m_abs else _label(text, ATTENDEE_LABEL, _ATTENDEE_WORDS)
        m_inv = None if (m_abs or m_att) else INVITED_LABEL.match(text)
        if m_abs or m_att or m_inv:
            m = m_abs or m_att or m_inv
            assert m is not None
            add = adder(invited if m_inv else attendees, force_absent=bool(m_abs))
            rest = m.group("rest").strip()
            if rest and not _looks_like_sentence(rest):
                j = i
                while rest.endswith(",") and j + 1 < len(lines) and lines[j + 1].text:  # the list goes on
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
        elif not result.secretary and (m := SECRETARY_ELECTED.search(text)):
            who = m.group("a") or m.group("b") or m.group("c")
            if who and who.split()[0].casefold() not in _NOT_NAME_WORDS:
                result.secretary = who
        i += 1
    for key, person in invited.items():
        if key not in attendees:
            absent.setdefault(key, person)
    _roles_in_text(lines, result, [*attendees.values(), *absent.values()])
    result.attendees = [a for k, a in attendees.items() if k not in absent]
    result.absent = list(absent.values())
    if not result.secretary:
        result.secretary = _closing_signature(lines, result)
    result.secretary = _full_name(result.secretary, result.attendees)
    return result


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


def _short_label(text: str) -> bool:
    return len(text.split()) <= 3


def _mark_secretary(result: Attendance, person: Attendee, text: str) -> None:
    if not result.secretary and re.search(
        re.escape(person.name.split()[0]) + r"[^,;]*" + SECRETARY_MARK.pattern, text, re.IGNORECASE
    ):
        result.secretary = person.name


def _secretary_label(lines: list[Line], i: int, rest: str, result: Attendance) -> None:
    ln = lines[i]
    rest = rest.strip(" \\")
    if rest and is_person_name(rest.split(",")[0].strip(" \\"), lenient=True):
        result.secretary = rest.split(",")[0].strip(" \\")
        result.used_lines.add(ln.no)
    elif not rest:
        nxt = _next_nonblank(lines, i)
        entry = parse_person_entry(lines[nxt].text, lenient=True) if nxt is not None else None
        if nxt is not None and entry:
            result.secretary = entry[0].name
            result.used_lines.update({ln.no, lines[nxt].no})


def _closing_signature(lines: list[Line], result: Attendance) -> str | None:
    """The name under "Grästorp 2018-05-02" (a place and a date) that ends the minutes."""
    content = [ln for ln in lines if not ln.blank]
    if len(content) < 3:
        return None
    last, before = content[-1], content[-2]
    entry = parse_person_entry(last.text)
    if entry and len(last.text.split()) >= 2 and re.search(r"\d", before.text) and len(before.text.split()) <= 6:
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
            if ln.text.count(",") >= 2 and not ABSENT_MARK.search(ln.text)
            else []
        )
        named = [e for e, _ in entries if len(e.name.split()) >= 2 or looks_like_first_name(e.name)]
        if len(entries) >= 2 and (len(named) >= 2 or not parse_person_entry(ln.text)):
            for e in entries:
                add(e)
        else:
            entry = parse_person_entry(ln.text)
            if entry is None:
                break
            add(entry)
            _mark_secretary(result, entry[0], ln.text)
        result.used_lines.add(ln.no)
        blanks = 0
        j += 1
    return j
