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

person_entry.py reads one entry of a list, people_lists.py the labels and the lists, and
secretary.py the secretary and the roles; this module walks the lines and keeps what they say.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from actiontrack.extract.name_runs import scan_people
from actiontrack.extract.participants import people_taking_part
from actiontrack.extract.people_lists import (
    ABSENT_LABEL,
    ABSENT_WORDS,
    ATTENDEE_LABEL,
    ATTENDEE_WORDS,
    GUEST_LABEL,
    INVITED_LABEL,
    LABEL_NUMBERING,
    ORG_PREFIX,
    PRESENT_SENTENCE,
    SIGNATURE_ROLE,
    SIGNATURE_ROLES,
    group_label,
    inline_people,
    list_goes_on,
    list_part,
    looks_like_sentence,
    match_label,
    more_people_below,
    next_nonblank,
    two_people,
)
from actiontrack.extract.person_entry import (
    ABSENT_MARK,
    NOT_NAME_WORDS,
    SECRETARY_MARK,
    is_person_name,
    parse_person_entry,
    role_key,
)
from actiontrack.extract.secretary import (
    BYLINE,
    ROLE_LABEL,
    SECRETARY_ELECTED,
    SECRETARY_ELECTION_HEADING,
    SECRETARY_LABEL,
    SECRETARY_NOTE,
    SIGNATURE,
    closing_signature,
    elected_name,
    full_name,
    full_names_from_signatures,
    name_under,
    roles_in_text,
)
from actiontrack.extract.sentences import Line
from actiontrack.models import Attendee
from actiontrack.people import looks_like_first_name
from actiontrack.records import field, record


@record
class Attendance:
    attendees: list[Attendee] = field(default_factory=list)
    absent: list[Attendee] = field(default_factory=list)
    secretary: str | None = None
    used_lines: set[int] = field(default_factory=set)
    roles: dict[str, str] = field(default_factory=dict)  # role_key -> the name written
    signed: list[str] = field(default_factory=list)  # full names in a signature block


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
        m_abs = match_label(text, ABSENT_LABEL, ABSENT_WORDS)
        m_att = None if m_abs else match_label(text, ATTENDEE_LABEL, ATTENDEE_WORDS)
        if not (m_abs or m_att) and ln.no - last_people <= 1 and not ln.bullet:
            m_att = GUEST_LABEL.match(text)
        m_inv = None if (m_abs or m_att) else INVITED_LABEL.match(text)
        if m_abs or m_att or m_inv:
            m = m_abs or m_att or m_inv
            assert m is not None
            add = adder(invited if m_inv else attendees, force_absent=bool(m_abs))
            last_people = ln.no
            rest = list_part(m.group("rest").strip())
            if rest and not looks_like_sentence(rest):
                j = i
                while (k := more_people_below(lines, j)) is not None or (
                    j + 1 < len(lines) and list_goes_on(rest, lines[j + 1])
                ):
                    if k is not None:  # "Beslutande: Anna Berg (C)" / "Bo Ek (M) Cia Lind (S)": one name list
                        rest += ", " + lines[k].text
                        result.used_lines.add(lines[k].no)
                        j = k
                        continue
                    j += 1
                    rest += " " + lines[j].text
                    result.used_lines.add(lines[j].no)
                for entry in inline_people(rest, lenient=True):
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
            for entry in inline_people((m.group("who") or m.group("who2")).strip(" ."), lenient=True):
                adder(attendees)(entry)
            result.used_lines.add(ln.no)
        elif (m := SIGNATURE.match(text)) and i >= len(lines) // 2:
            result.secretary = result.secretary or m.group("name")
            result.used_lines.add(ln.no)
        elif not result.secretary and (m := SECRETARY_NOTE.search(text)):
            result.secretary = m.group("name")
        elif not result.secretary and (m := SECRETARY_ELECTION_HEADING.match(text)):
            result.secretary = name_under(lines, i, m.group("rest"))
        elif not result.secretary and i < 12 and (m := BYLINE.match(text)):
            result.secretary = m.group("name").title() if m.group("name").isupper() else m.group("name")
        elif not result.secretary and (m := SECRETARY_ELECTED.search(text)):
            who = elected_name(m)
            if who and who.split()[0].casefold() not in NOT_NAME_WORDS:
                result.secretary = who
        i += 1
    for key, person in invited.items():
        if key not in attendees:
            absent.setdefault(key, person)
    if not result.secretary:  # an election inside a line read as a list ("... Närvarande: ... Till sekreterare valdes X")
        for ln in lines:
            m = SECRETARY_ELECTED.search(ln.text)
            who = elected_name(m) if m else None
            if who and who.split()[0].casefold() not in NOT_NAME_WORDS:
                result.secretary = who
                break
    listed = bool(attendees)
    if not attendees:  # no attendance list: the people the minutes show at work
        for name, role in people_taking_part(lines):
            if name.casefold() not in absent:
                attendees[name.casefold()] = Attendee(name, None, (), role)
    full_names_from_signatures(attendees, result.signed)
    roles_in_text(lines, result.roles, [*attendees.values(), *absent.values()])
    result.attendees = [a for k, a in attendees.items() if k not in absent]
    result.absent = list(absent.values())
    if not result.secretary:
        result.secretary = next(
            (a.name for a in result.attendees if a.role and role_key(a.role) in ("sekreterare", "mötessekreterare")),
            None,
        )  # "Bo Ek, sekreterare" in the list
    if not result.secretary:
        result.secretary = closing_signature(lines, result.used_lines)
    result.secretary = full_name(result.secretary, result.attendees)
    for chair_of_meeting, role in (("mötesordförande", "ordförande"), ("mötessekreterare", "sekreterare")):
        if chair_of_meeting in result.roles:  # "ordföranden" in the text is the one chairing the meeting
            result.roles.setdefault(role, result.roles[chair_of_meeting])
    secretary = result.secretary
    if listed and secretary and len(secretary.split()) >= 2 and not _among(secretary, result.attendees + result.absent):
        result.attendees.append(Attendee(secretary))  # who wrote the minutes was there
    return result


def _among(name: str, people: list[Attendee]) -> bool:
    """Whether a full name is one of the people, written in full or by the first name alone."""
    key, first = name.casefold(), name.split()[0].casefold()
    return any(p.name.casefold() in (key, first) for p in people)


def names_of(people: list[Attendee]) -> list[str]:
    return [p.name for p in people]


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
        nxt = next_nonblank(lines, i)
        entry = parse_person_entry(lines[nxt].text, lenient=True) if nxt is not None else None
        if nxt is not None and entry:
            result.secretary = entry[0].name
            result.used_lines.update({ln.no, lines[nxt].no})



def _signature_row(lines: list[Line], i: int, roles: list[str], result: Attendance) -> None:
    """The names on the line under a row of signature labels, one a label, in their order."""
    nxt = next_nonblank(lines, i)
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
        if by_org and (grouped := inline_people(by_org.group("rest"))):  # "Socialförvaltningen: Anna Berg, Bo Ek"
            for person, absent in grouped:
                org = person.organisation or by_org.group("org").strip()
                add((Attendee(person.name, org, person.aliases, person.role), absent))
            result.used_lines.add(ln.no)
            blanks = 0
            j += 1
            continue
        entries = (
            inline_people(ln.text, lenient=True)
            if (ln.text.count(",") >= 2 or two_people(ln.text)) and not ABSENT_MARK.search(ln.text)
            else []
        )
        named = [e for e, _ in entries if len(e.name.split()) >= 2 or looks_like_first_name(e.name)]
        if len(entries) >= 2 and (len(named) >= 2 or not parse_person_entry(ln.text)):
            for e in entries:
                add(e)
        else:
            entry = parse_person_entry(ln.text)
            if entry is None and group_label(lines, j):
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
