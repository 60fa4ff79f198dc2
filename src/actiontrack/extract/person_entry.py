"""One entry of a list of people: the person it names and what it says of them.

"Bo Pettersson, Ria/G7 (ej närvarande)", 'Ida "Poppi" Berg', "Kjell Ek (ordförande, PRO), DHR",
"Kerstin- kassör", "Anna Berg – Ja": the name; an organisation after a comma, a dash or in
brackets; a role ("kassör", "vice ordförande", "webbansvarig"); a nickname in quotes, kept as an
alias; and whether the person was away ("(ej närvarande)", "anmält förhinder"). What a name looks
like (capitalised words, "von" and "af" among them; a single word only when it is a first name or
stands in a list) and the roles a person may hold, with `role_key` ("kassören" -> "kassör"), are
known here.
"""

from __future__ import annotations

import re

from actiontrack.models import Attendee
from actiontrack.people import looks_like_first_name

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
_NAME_PARTICLES = {"von", "van", "af", "de", "la", "del", "der", "da", "di", "el", "bin", "al"}
NOT_NAME_WORDS = {
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
_ROLE_MARKS = {"ordf": "ordförande", "ordf.": "ordförande", "sekr": "sekreterare", "sekr.": "sekreterare"}


def role_key(text: str) -> str:
    """ "Vice-ordföranden", "kassören", "ordf." -> "vice ordförande", "kassör", "ordförande"."""
    key = " ".join(text.casefold().replace("-", " ").split()).strip(" .,")
    key = _ROLE_MARKS.get(key, key)
    for definite, base in (("föranden", "förande"), ("ören", "ör"), ("eraren", "erare"), ("aren", "are")):
        if key.endswith(definite):
            return key[: -len(definite)] + base
    return key


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
    if words[0].casefold() in NOT_NAME_WORDS:
        return False
    for w in words:
        if w.casefold() in _NAME_PARTICLES:
            continue
        if not (w[0].isupper() and re.fullmatch(r"[\wÅÄÖåäöÉéÜü'’.-]+", w)):
            return False
    if len(words) == 1:
        return lenient or looks_like_first_name(words[0])
    return True
