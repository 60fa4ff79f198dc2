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
    PRESENT_SENTENCE_IN,
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
from actiontrack.lazy_re import built
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


_Add = Callable[[tuple[Attendee, bool]], None]  # takes an entry of a list: the person, marked absent or not


@record
class _Lists:
    """The people of the lists while the lines are read, by case-folded name."""

    attendees: dict[str, Attendee] = field(default_factory=dict)
    absent: dict[str, Attendee] = field(default_factory=dict)
    invited: dict[str, Attendee] = field(default_factory=dict)  # "Kallade": absent unless present too
    last_people: int = -9  # the line of the last list of people

    def adder(self, target: dict[str, Attendee], *, force_absent: bool = False) -> _Add:
        """What puts an entry into `target`, or among the absent when it is marked so ("(ej
        närvarande)") or the list is of those absent."""

        def add(entry: tuple[Attendee, bool]) -> None:
            person, is_absent = entry
            into = self.absent if (is_absent or force_absent) else target
            into.setdefault(person.name.casefold(), person)

        return add


def parse_attendance(lines: list[Line]) -> Attendance:
    """Who the minutes say was there and who was not, who wrote them, and who holds which role."""
    result = Attendance()
    lists = _Lists()
    i = 0
    while i < len(lines):
        i = _read_line(lines, i, lists, result)
    for key, person in lists.invited.items():  # "Kallade" who are not among those present
        if key not in lists.attendees:
            lists.absent.setdefault(key, person)
    listed = bool(lists.attendees)
    _settle_people(lines, lists, result)
    _settle_secretary(lines, result)
    for chair_of_meeting, role in (("mötesordförande", "ordförande"), ("mötessekreterare", "sekreterare")):
        if chair_of_meeting in result.roles:  # "ordföranden" in the text is the one chairing the meeting
            result.roles.setdefault(role, result.roles[chair_of_meeting])
    secretary = result.secretary
    if listed and secretary and len(secretary.split()) >= 2 and not _among(secretary, result.attendees + result.absent):
        result.attendees.append(Attendee(secretary))  # who wrote the minutes was there
    return result


def _read_line(lines: list[Line], i: int, lists: _Lists, result: Attendance) -> int:
    """Read line i, and the list it opens; returns the index of the next line to read."""
    ln = lines[i]
    text, m, kind = _list_label(ln, lists.last_people)
    if m is None:
        _other_line(lines, i, text, lists, result)
        return i + 1
    lists.last_people = ln.no
    add = lists.adder(lists.invited if kind == "invited" else lists.attendees, force_absent=kind == "absent")
    rest = list_part(m.group("rest").strip())
    if rest and not looks_like_sentence(rest):
        return _inline_list(lines, i, text, rest, add, result)
    if not rest and (text.rstrip().endswith(":") or ln.heading_level or _short_label(text)):
        result.used_lines.add(ln.no)
        nxt = _list_after(lines, i, result, add)
        lists.last_people = lines[nxt - 1].no
        return nxt
    return i + 1


def _list_label(ln: Line, last_people: int) -> tuple[str, re.Match[str] | None, str]:
    """The line's text, and the label on it that opens a list of people with the kind of list:
    "absent", "present" or "invited". "Inbjudna:" right under a list is of those present."""
    text = ln.text
    bare = LABEL_NUMBERING.sub("", text).rstrip(". ")
    if bare != text and len(bare.split()) <= 3 and (ATTENDEE_LABEL.match(bare) or ABSENT_LABEL.match(bare)):
        text = bare  # "§ 293. Närvarande.": a numbered point that is a label
    if m := match_label(text, ABSENT_LABEL, ABSENT_WORDS):
        return text, m, "absent"
    m = match_label(text, ATTENDEE_LABEL, ATTENDEE_WORDS)
    if not m and ln.no - last_people <= 1 and not ln.bullet:
        m = GUEST_LABEL.match(text)
    if m:
        return text, m, "present"
    return text, INVITED_LABEL.match(text), "invited"


def _inline_list(lines: list[Line], i: int, text: str, rest: str, add: _Add, result: Attendance) -> int:
    """The people on the label's line ("Närvarande: Anna Berg, Bo Ek") and on the lines that carry
    its list on; returns the index of the line after them."""
    j = i
    while (k := more_people_below(lines, j)) is not None or (j + 1 < len(lines) and list_goes_on(rest, lines[j + 1])):
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
    result.used_lines.add(lines[i].no)
    return j + 1


def _other_line(lines: list[Line], i: int, text: str, lists: _Lists, result: Attendance) -> None:
    """A line that opens no list: a role ("Ordförande: Anna Berg"), the secretary's label, a
    sentence ("Anna, Bo och Cia är närvarande"), a closing "/Name", or the secretary in passing."""
    ln = lines[i]
    if m := ROLE_LABEL.match(text):
        role_entry = parse_person_entry(m.group("rest"))
        if role_entry:
            if not m.group("role").lower().startswith("just"):
                lists.adder(lists.attendees)(role_entry)
            result.roles.setdefault(role_key(m.group("role")), role_entry[0].name)
            result.used_lines.add(ln.no)
    elif m := SECRETARY_LABEL.match(text):
        _secretary_label(lines, i, m.group("rest").strip(), result)
    elif i < len(lines) // 2 + 5 and (m := PRESENT_SENTENCE_IN.search(text)):
        for entry in inline_people((m.group("who") or m.group("who2")).strip(" ."), lenient=True):
            lists.adder(lists.attendees)(entry)
        result.used_lines.add(ln.no)
    elif i >= len(lines) // 2 and (m := SIGNATURE.match(text)):
        result.secretary = result.secretary or m.group("name")
        result.used_lines.add(ln.no)
    elif not result.secretary:
        _secretary_mention(lines, i, text, result)


def _secretary_mention(lines: list[Line], i: int, text: str, result: Attendance) -> None:
    """The secretary a line names in passing: "(Kristina antecknade)", under "Val av sekreterare",
    a byline near the top ("Text: Bo Ek"), or an election ("Till sekreterare valdes Bo Ek")."""
    if m := SECRETARY_NOTE.search(text):
        result.secretary = m.group("name")
    elif m := SECRETARY_ELECTION_HEADING.match(text):
        result.secretary = name_under(lines, i, m.group("rest"))
    elif i < 12 and (m := BYLINE.match(text)):
        result.secretary = m.group("name").title() if m.group("name").isupper() else m.group("name")
    elif who := _elected(SECRETARY_ELECTED.search(text)):
        result.secretary = who


def _elected(m: re.Match[str] | None) -> str | None:
    """Who an election of the secretary names, if it is a name ("Till sekreterare valdes Bo Ek")."""
    who = elected_name(m) if m else None
    return who if who and who.split()[0].casefold() not in NOT_NAME_WORDS else None


def _settle_people(lines: list[Line], lists: _Lists, result: Attendance) -> None:
    """The attendees and the absent as the result keeps them: with no attendance list the people
    the minutes show at work; full names from the signatures; the roles the text gives them."""
    attendees, absent = lists.attendees, lists.absent
    if not attendees:  # no attendance list: the people the minutes show at work
        for name, role in people_taking_part(lines):
            if name.casefold() not in absent:
                attendees[name.casefold()] = Attendee(name, None, (), role)
    full_names_from_signatures(attendees, result.signed)
    roles_in_text(lines, result.roles, [*attendees.values(), *absent.values()])
    result.attendees = [a for k, a in attendees.items() if k not in absent]
    result.absent = list(absent.values())


def _settle_secretary(lines: list[Line], result: Attendance) -> None:
    """The secretary no line named on its own: an election inside a line read as a list, the
    one marked so in the list, the name under the closing signature; then in full."""
    if not result.secretary:  # "... Närvarande: ... Till sekreterare valdes X"
        for ln in lines:
            if who := _elected(SECRETARY_ELECTED.search(ln.text)):
                result.secretary = who
                break
    if not result.secretary:
        result.secretary = next(
            (a.name for a in result.attendees if a.role and role_key(a.role) in ("sekreterare", "mötessekreterare")),
            None,
        )  # "Bo Ek, sekreterare" in the list
    if not result.secretary:
        result.secretary = closing_signature(lines, result.used_lines)
    result.secretary = full_name(result.secretary, result.attendees)


def _among(name: str, people: list[Attendee]) -> bool:
    """Whether a full name is one of the people, written in full or by the first name alone."""
    key, first = name.casefold(), name.split()[0].casefold()
    return any(p.name.casefold() in (key, first) for p in people)


def names_of(people: list[Attendee]) -> list[str]:
    return [p.name for p in people]


def _short_label(text: str) -> bool:
    return len(text.split()) <= 3


def _mark_secretary(result: Attendance, person: Attendee, text: str) -> None:
    # the mark itself first: on a line without one the pattern of the name is never built
    if not result.secretary and SECRETARY_MARK.search(text) and built(
        r"(?<![\wåäö])" + re.escape(person.name.split()[0]) + r"(?![\wåäö])(?:(?!\boch\b)[^,;()])*" + SECRETARY_MARK.pattern,
        re.IGNORECASE,
    ).search(text):
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


def _list_after(lines: list[Line], i: int, result: Attendance, add: _Add) -> int:
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
