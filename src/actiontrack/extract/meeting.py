"""The meeting a document records: title, date, attendees, secretary, next meeting, schedule.

Works on the document's lines (sentences.Line) and reports which lines it used,
so that an attendee list or a signature is never read as an action item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from actiontrack import dates
from actiontrack.extract.sentences import Line, is_heading_text
from actiontrack.models import Attendee, ExtractedMeeting, ScheduledMeeting
from actiontrack.people import looks_like_first_name

ATTENDEE_LABEL = re.compile(
    r"^(?:närvarande(?:\s+ledamöter)?|deltagare|deltog|närvarolista|medverkande|fasta\s+ledamöter|ledamöter|"
    r"närvarande\s+från\s+\S+|övriga\s+närvarande|övriga\s+deltagare|adjungerade?|tjänstgörande\s+ersättare|"
    r"ordinarie\s+ledamöter|gäster?|inbjudna)\b\s*:?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
ABSENT_LABEL = re.compile(
    r"^(?:frånvarande(?:\s+ledamöter)?|ej\s+närvarande|anmält\s+förhinder|anmält\s+frånvaro|förhinder|"
    r"återbud|har\s+lämnat\s+återbud)\b\s*:?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
ROLE_LABEL = re.compile(r"^(?P<role>ordförande|ordf\.?|mötesordförande|justerare|justeras\s+av)\s*:\s*(?P<rest>.+)$",
                        re.IGNORECASE)  # fmt: skip
SECRETARY_LABEL = re.compile(
    r"^(?:vid\s+pennan|sekreterare|protokollförare|mötessekreterare|vid\s+protokollet|vid\s+anteckningarna|"
    r"antecknat\s+av|antecknades\s+av|noterat\s+av|sammanställt\s+av|"
    r"antecknare|anteckningar\s+förda\s+av|minnesanteckningar\s+förda\s+av|för\s+anteckningarna)\b\s*:?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
SIGNATURE = re.compile(r"^/\s*(?P<name>[A-ZÅÄÖÉ][\w'-]+(?:\s+[A-ZÅÄÖÉ][\w'-]+){0,3})\s*$")
ABSENT_MARK = re.compile(
    r"\(\s*(?:ej\s+närvarande|ej\s+närv\.?|frånvarande|anmält\s+förhinder|förhinder|deltog\s+ej|ej\s+med|"
    r"återbud)\s*\)",
    re.IGNORECASE,
)
SCHEDULE_HEADING = re.compile(
    r"^(?:tider|mötestider|mötesdatum|kommande\s+möten|kommande\s+mötestider|mötesplan(?:ering)?|"
    r"planerade\s+möten|datum\s+för\s+(?:kommande|nästa|våra)\s+möten|nästa\s+års\s+möten|möten\s+(?:under|för)\b)",
    re.IGNORECASE,
)
DOC_TYPE_ONLY = re.compile(
    r"^(?:protokoll|mötesprotokoll|minnesanteckningar|mötesanteckningar|anteckningar|sammanträdesprotokoll)"
    r"(?:\s+(?:från|fört\s+vid)(?:\s+(?:möte|mötet|sammanträde))?)?\s*:?$",
    re.IGNORECASE,
)
ORG_PREFIX = re.compile(r"^(?P<org>[^:,()]{2,50}):\s*(?P<rest>\S.*)$")
PLACE_LABEL = re.compile(r"^(?:plats|lokal|mötesplats|var)\s*:\s*(?P<place>.+)$", re.IGNORECASE)
NEXT_MEETING = re.compile(r"\bnästa\s+(?:möte|sammanträde|träff|gång)\b", re.IGNORECASE)
DOC_TYPE_PREFIX = re.compile(
    r"^(?:protokoll|minnesanteckningar|mötesanteckningar|anteckningar|sammanfattning|referat)(?:\s+fört)?"
    r"(?:\s+(?:från|för|vid))?(?:\s+(?:mötet?|sammanträdet?)(?:\s+(?:med|i))?)?[\s:,-]*",
    re.IGNORECASE,
)
_NAME_PARTICLES = {"von", "van", "af", "de", "la", "del", "der", "da", "di", "el", "bin", "al"}
_NOT_NAME_WORDS = {
    "vid", "tema", "beslut", "övrigt", "nästa", "mötet", "lokaler", "datum", "tid", "plats", "dagordning",
    "närvarande", "frånvarande", "ordförande", "sekreterare", "protokoll", "justerare", "inledning",
}  # fmt: skip


@dataclass
class MeetingParse:
    meeting: ExtractedMeeting
    used_lines: set[int] = field(default_factory=set)
    title_line: int | None = None
    warnings: list[str] = field(default_factory=list)


def parse_person_entry(text: str) -> tuple[Attendee, bool] | None:
    """ "Bo Pettersson, Ria/G7 (ej närvarande)" -> (Attendee, absent); None if not a person line."""
    absent = bool(ABSENT_MARK.search(text))
    text = ABSENT_MARK.sub("", text).strip(" ,;.")
    text = re.sub(r"\((?:ordf(?:örande)?\.?|sekr(?:eterare)?\.?|adj\.?|ersättare|justerare)\)", "", text,
                  flags=re.IGNORECASE).strip()  # fmt: skip
    name, _, organisation = (
        re.split(r"(,|:)", text, maxsplit=1) if re.search(r"[,:]", text) else (text, "", "")
    )
    name = re.sub(r"\s*\(.*?\)\s*", " ", name).strip()
    # "Anna Berg - socialförvaltningen", "Anna Berg (Bryggan)"
    if not organisation:
        m = re.match(r"^(.*?)\s+[-–]\s+(.+)$", name)
        if m:
            name, organisation = m.group(1), m.group(2)
        paren = re.search(r"\(([^)]+)\)", text)
        if paren and not organisation:
            organisation = paren.group(1)
    if not is_person_name(name):
        return None
    return Attendee(name, organisation.strip() or None), absent


def is_person_name(text: str) -> bool:
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
        return looks_like_first_name(words[0])
    return True


def _inline_people(rest: str) -> list[tuple[Attendee, bool]]:
    """ "Anna Berg, Bo Ek, socialförvaltningen och Cia Lund" -> people; an organisation joins the one before."""
    out: list[tuple[Attendee, bool]] = []
    for part in re.split(r"\s*[,;]\s*|\s+och\s+|\s+samt\s+", rest):
        entry = parse_person_entry(part)
        if entry:
            out.append(entry)
        elif out and part.strip() and not out[-1][0].organisation:
            out[-1] = (Attendee(out[-1][0].name, part.strip()), out[-1][1])
    return out


def parse_meeting(lines: list[Line], *, year: int | None, today: date) -> MeetingParse:
    result = MeetingParse(ExtractedMeeting())
    meeting = result.meeting
    _title_and_date(lines, result, year=year, today=today)
    base = meeting.date or today
    _people(lines, result)
    _schedule(lines, result, base)
    meeting.next_meeting = _next_meeting(lines, result, base)
    for ln in lines[:25]:
        m = PLACE_LABEL.match(ln.text)
        if m and not meeting.place:
            meeting.place = m.group("place").strip(" .")
            result.used_lines.add(ln.no)
    return result


# --- title and date -------------------------------------------------------------


def _title_and_date(lines: list[Line], result: MeetingParse, *, year: int | None, today: date) -> None:
    meeting = result.meeting
    content = [ln for ln in lines if not ln.blank]
    if not content:
        return
    first = content[0]
    if DOC_TYPE_ONLY.match(first.text) and len(content) > 1:  # "PROTOKOLL" above the real heading
        result.used_lines.add(first.no)
        first = content[1]
    result.title_line = first.no
    result.used_lines.add(first.no)
    found = [m for m in dates.find_dates(first.text, today) if m.rule in ("day-month", "iso", "numeric")]
    title = first.text
    when: dates.DateMatch | None = None
    if found:
        when = found[-1]
        title = first.text[: when.start]
        if not re.search(r"[^\W\d_]", title):  # "2019-03-14 Styrgruppen": the name follows the date
            title = first.text[when.end :]
    else:
        # "Datum: 2017-03-12" or the first date among the first lines
        for ln in content[1:12]:
            ds = [m for m in dates.find_dates(ln.text, today) if m.rule in ("day-month", "iso", "numeric")]
            if ds and re.match(r"^(?:datum|tid|mötesdatum|när)\b", ln.text, re.IGNORECASE):
                when = ds[0]
                result.used_lines.add(ln.no)
                break
    meeting.title = _clean_title(title) or None
    if when is None:
        result.warnings.append("The document gives no meeting date.")
        return
    if when.year is not None or when.rule == "iso":
        meeting.date = when.date
        return
    assert when.day is not None and when.month is not None
    meeting.date, meeting.year_inferred = infer_year(when.day, when.month, lines, year=year, today=today)
    if meeting.year_inferred and meeting.year_inferred.startswith("guessed"):
        result.warnings.append(
            f"The meeting date '{when.text}' has no year; assumed {meeting.date.year} "
            f"({meeting.year_inferred}). Give --year to set it."
        )


def _clean_title(text: str) -> str:
    text = re.sub(r"[\s,:;–-]+(?:den|från|,)?\s*$", "", text.strip())
    text = re.sub(r"\s+(?:den|från|kl\.?)$", "", text).strip(" ,:;–-")
    text = re.sub(
        r"\s+(?:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)(?:en)?$", "", text, flags=re.IGNORECASE
    )
    return text.strip(" ,:;–-")


def group_name(title: str) -> str:
    """The meeting series a title names: "Protokoll från Ledningsgruppen" -> "Ledningsgruppen"."""
    stripped = DOC_TYPE_PREFIX.sub("", title).strip()
    return (stripped[:1].upper() + stripped[1:]) if stripped else title


def infer_year(day: int, month: int, lines: list[Line], *, year: int | None, today: date) -> tuple[date, str]:
    """The year of a meeting dated "8 februari": the weekday written next to another date
    in the text pins it ("torsdag den 11 februari"), else --year, else the most recent
    such date that is not in the future."""
    if year is not None:
        return date(year, month, day), "given with --year"
    text = "\n".join(ln.text for ln in lines)
    pairs = dates.weekday_mentions(text)
    mentioned = [int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", text)]
    candidates = []
    for y in range(today.year - 40, today.year + 2):
        try:
            meeting = date(y, month, day)
        except ValueError:
            continue
        if pairs and all(_weekday_fits(meeting, p) for p in pairs):
            candidates.append(meeting)
    if candidates:
        if mentioned:
            hint = max(mentioned)
            best = min(candidates, key=lambda d: (abs(d.year - hint), -d.year))
        else:
            past = [d for d in candidates if d <= today] or candidates
            best = max(past)
        weekday, _, _, written = pairs[0]
        return best, f"from '{written}', a {dates.WEEKDAY_NAMES[weekday]} in {best.year}"
    guess = (
        date(today.year, month, day)
        if date(today.year, month, day) <= today
        else date(today.year - 1, month, day)
    )
    return guess, "guessed: the most recent such date"


def _weekday_fits(meeting: date, mention: tuple[int, int, int, str]) -> bool:
    """Whether the mentioned weekday falls right, reading the date forwards from the meeting."""
    weekday, day, month, _ = mention
    for y in (meeting.year, meeting.year + 1):
        try:
            d = date(y, month, day)
        except ValueError:
            continue
        if d >= meeting:
            return d.weekday() == weekday
    return False


# --- people -----------------------------------------------------------------------


def _people(lines: list[Line], result: MeetingParse) -> None:
    meeting = result.meeting
    attendees: dict[str, Attendee] = {}
    absent: dict[str, Attendee] = {}

    def add(entry: tuple[Attendee, bool], force_absent: bool = False) -> None:
        person, is_absent = entry
        target = absent if (is_absent or force_absent) else attendees
        target.setdefault(person.name.casefold(), person)

    i = 0
    while i < len(lines):
        ln = lines[i]
        text = ln.text
        m_att, m_abs = ATTENDEE_LABEL.match(text), ABSENT_LABEL.match(text)
        m_role, m_sec = ROLE_LABEL.match(text), SECRETARY_LABEL.match(text)
        m_sig = SIGNATURE.match(text)
        if m_abs or m_att:
            m = m_abs or m_att
            assert m is not None
            rest = m.group("rest").strip()
            if rest and len(text) > len(rest) and not _looks_like_sentence(rest):
                for entry in _inline_people(rest):
                    add(entry, force_absent=bool(m_abs))
                result.used_lines.add(ln.no)
            elif not rest:
                result.used_lines.add(ln.no)
                i = _list_after(lines, i, result, lambda e, a=bool(m_abs): add(e, force_absent=a))
                continue
        elif m_role:
            role_entry = parse_person_entry(m_role.group("rest"))
            if role_entry:
                if not m_role.group("role").lower().startswith("just"):
                    add(role_entry)
                result.used_lines.add(ln.no)
        elif m_sec:
            rest = m_sec.group("rest").strip()
            if rest and is_person_name(rest.split(",")[0].strip()):
                meeting.secretary = rest.split(",")[0].strip()
                result.used_lines.add(ln.no)
            elif not rest:
                nxt = _next_nonblank(lines, i)
                if nxt is not None and parse_person_entry(lines[nxt].text):
                    meeting.secretary = parse_person_entry(lines[nxt].text)[0].name  # type: ignore[index]
                    result.used_lines.update({ln.no, lines[nxt].no})
                    i = nxt + 1
                    continue
        elif m_sig and i >= len(lines) // 2:
            meeting.secretary = meeting.secretary or m_sig.group("name")
            result.used_lines.add(ln.no)
        i += 1
    meeting.attendees = [a for k, a in attendees.items() if k not in absent]
    meeting.absent = list(absent.values())


def _looks_like_sentence(text: str) -> bool:
    return bool(re.search(r"\b(?:är|var|har|ska|kommer|blev)\b", text))


def _next_nonblank(lines: list[Line], i: int) -> int | None:
    for j in range(i + 1, min(len(lines), i + 4)):
        if not lines[j].blank:
            return j
    return None


def _list_after(lines: list[Line], i: int, result: MeetingParse, add) -> int:  # type: ignore[no-untyped-def]
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
        if ln.heading_level or ATTENDEE_LABEL.match(ln.text) or ABSENT_LABEL.match(ln.text):
            break
        by_org = ORG_PREFIX.match(ln.text)
        if by_org and (
            grouped := _inline_people(by_org.group("rest"))
        ):  # "Socialförvaltningen: Anna Berg, Bo Ek"
            for person, absent in grouped:
                add((Attendee(person.name, person.organisation or by_org.group("org").strip()), absent))
            result.used_lines.add(ln.no)
            blanks = 0
            j += 1
            continue
        entries = (
            _inline_people(ln.text) if ln.text.count(",") >= 2 and not ABSENT_MARK.search(ln.text) else []
        )
        if len(entries) >= 2:
            for e in entries:
                add(e)
        else:
            entry = parse_person_entry(ln.text)
            if entry is None:
                break
            add(entry)
        result.used_lines.add(ln.no)
        blanks = 0
        j += 1
    return j


# --- schedule and next meeting ---------------------------------------------------


def _schedule(lines: list[Line], result: MeetingParse, base: date) -> None:
    meeting = result.meeting
    inside = False
    for ln in lines:
        if ln.blank:
            continue
        is_heading = ln.heading_level > 0 or (is_heading_text(ln.text) and not ln.bullet)
        if SCHEDULE_HEADING.match(ln.text) and (is_heading or ln.text.endswith(":")):
            inside = True
            result.used_lines.add(ln.no)
            continue
        if not inside:
            continue
        found = [m for m in dates.find_dates(ln.text, base) if m.rule in ("day-month", "iso", "numeric")]
        if found and found[0].date and (ln.bullet or len(ln.text.split()) <= 8):
            place = re.search(r"\(([^)]+)\)|,\s*(.+)$", ln.text[found[0].end :])
            where = (place.group(1) or place.group(2)).strip(" .") if place else None
            meeting.schedule.append(ScheduledMeeting(found[0].date, where or None))
            result.used_lines.add(ln.no)
        elif ln.text.endswith(":") and not ln.bullet:
            result.used_lines.add(ln.no)  # "Tider bokas upp inför vårterminen:"
        elif is_heading or SIGNATURE.match(ln.text):
            inside = False


def _next_meeting(lines: list[Line], result: MeetingParse, base: date) -> date | None:
    for ln in lines:
        for m in NEXT_MEETING.finditer(ln.text):
            window = ln.text[m.end() : m.end() + 60]
            found = [d for d in dates.find_dates(window, base) if d.rule in ("day-month", "iso", "numeric")]
            if found and found[0].date and found[0].start <= 25 and found[0].date > base:
                return found[0].date
    later = [s.date for s in result.meeting.schedule if s.date > base]
    return min(later) if later else None
