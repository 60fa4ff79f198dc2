"""Who wrote the minutes, and who holds which role.

The secretary comes from a label ("Vid pennan", "Vid protokollet", "Sekreterare", "Antecknat
av"), a note ("(Kristina antecknade)"), an election ("X väljs till mötessekreterare", or "Val av
sekreterare" and the decision under it), a byline ("Text: Bo Ek"), a closing "/Name", or the
name under the place and date that close the minutes. Roles come from "Ordförande: Eva Lund",
from elections ("Bo Ek väljs till kassör": the latest is the one in force) and from "ordförande
Eva Lund" in the text. A first name or a nickname is written out in full from the people listed
or a signature block. attendance.py reads the labels in their place among the lists.
"""

from __future__ import annotations

import re

from actiontrack.extract.guard import Guarded
from actiontrack.extract.name_runs import NOT_NAMES
from actiontrack.extract.people_lists import LABEL_NUMBERING, next_nonblank
from actiontrack.extract.person_entry import NOT_NAME_WORDS, ROLE_NAMES, parse_person_entry, role_key
from actiontrack.extract.sentences import Line
from actiontrack.models import Attendee
from actiontrack.people import looks_like_first_name

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
# "§ 3 Val av sekreterare", "Val av mötessekreterare: Bo Ek"
SECRETARY_ELECTION_HEADING = re.compile(
    r"^(?:§\s*\d+\s*|\d{1,2}[.):]?\s+)?val\s+av\s+(?:mötes)?(?:sekreterare|protokollförare)\b[:.\s]*(?P<rest>.*)$",
    re.IGNORECASE,
)
# "text CHRISTINA", "Text: Bo Ek": who wrote a post
BYLINE = re.compile(r"^(?i:text)\s*:?\s+(?P<name>[A-ZÅÄÖ][\wåäöéÅÄÖ-]+(?:\s+[A-ZÅÄÖ][\wåäöéÅÄÖ-]+)?)\s*$")
_SOME_NAME = re.compile(r"(?<![\wåäö])(?-i:[A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäöé]+)?(?:\s+[A-ZÅÄÖ][a-zåäöé-]+)?)")
# "Anna Berg väljs till vice ordförande", "ordförande Eva Lund": who holds which of ROLE_NAMES
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


def elected_name(m: re.Match[str]) -> str | None:
    who = m.group("a") or m.group("b") or m.group("c") or m.group("d")
    if who and len(who.split()[-1]) > 2:
        who = who.rstrip(".")  # "Till sekreterare valdes Bo Ek.": the full stop ends the sentence
    return who


def full_names_from_signatures(attendees: dict[str, Attendee], signed: list[str]) -> None:
    """ "Närvarande: Solveig, Åke" and a signature block "Solveig Lagerlund": the name in full."""
    for key, person in list(attendees.items()):
        if " " in person.name:
            continue
        same = [n for n in signed if n.split()[0].casefold() == key]
        if len(same) == 1 and same[0].casefold() not in attendees:
            attendees[key] = Attendee(same[0], person.organisation, person.aliases, person.role)


def name_under(lines: list[Line], i: int, rest: str) -> str | None:
    """The person chosen under "Val av sekreterare": on the same line ("Ann-Britt skriver
    protokollet") or in the decision below it ("Styrelsen beslutar / att välja Bo Ek")."""
    texts = [rest] if rest else []
    j = i
    while len(texts) < 3 and (j := next_nonblank(lines, j) or len(lines)) < len(lines):
        if lines[j].heading_level or LABEL_NUMBERING.match(lines[j].text):
            break
        texts.append(lines[j].text)
    for text in texts:
        for m in _SOME_NAME.finditer(text):
            words = m.group(0).split()
            if words[0].casefold() in NOT_NAME_WORDS | NOT_NAMES:
                continue
            if len(words) >= 2 or looks_like_first_name(words[0]) or "-" in words[0]:
                return m.group(0)
    return None


def roles_in_text(lines: list[Line], roles: dict[str, str], people: list[Attendee]) -> None:
    """Roles from elections ("Bo Ek väljs till kassör"), "ordförande Eva Lund", and the list
    ("Eva Lund (ordf.)", "Bo Ek, kassör"). The latest election wins: it is the one in force."""
    for person in people:
        if person.role:
            roles.setdefault(role_key(person.role), person.name)
    elected: dict[str, str] = {}
    for ln in lines:
        for m in ROLE_ELECTED.finditer(ln.text):
            name = m.group("name") or m.group("name2") or m.group("name3")
            role = m.group("role") or m.group("role2") or m.group("role3")
            if not name or not role or name.split()[0].casefold() in NOT_NAME_WORDS:
                continue
            if re.search(r"(?:före\s+detta|f\.\s?d\.?|tidigare|förra|avgående|förutvarande)\s*$", ln.text[: m.start()], re.I):
                continue  # "före detta kassör, Bo Ek": not the one in office
            if m.group("name3"):  # "ordförande Eva Lund": the role as written beside the name
                roles.setdefault(role_key(role), full_name(name, people) or name)
            else:  # an election: the latest is the one in force
                elected[role_key(role)] = full_name(name, people) or name
    roles.update(elected)


def closing_signature(lines: list[Line], used_lines: set[int]) -> str | None:
    """The name under "Grästorp 2018-05-02" (a place and a date) that ends the minutes."""
    content = [ln for ln in lines if not ln.blank]
    if len(content) < 3:
        return None
    last, before = content[-1], content[-2]
    entry = parse_person_entry(last.text)
    if entry and 2 <= len(last.text.split()) <= 6 and re.search(r"\d", before.text) and len(before.text.split()) <= 6:
        used_lines.update({last.no, before.no})
        return entry[0].name
    return None


def full_name(name: str | None, people: list[Attendee]) -> str | None:
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
