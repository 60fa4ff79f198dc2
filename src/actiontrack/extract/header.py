"""The meeting's title and date, from the first lines of the minutes.

Minutes open in many ways: "Protokoll fört vid styrelsemöte 20110414", a heading and
then "## 15 oktober 2020", "Datum: 2025-01-20" and "Tid: 17:10" fields, a date alone
on the first line, or straight into "Närvarande:". Text pasted from a web page or a
PDF viewer brings furniture along (breadcrumbs, "Ladda ner", "Sida 1 av 4", "1(4)").
This stage skips the furniture, takes the first real line as the title unless it is a
field or a date, and reads the date from the title line, a date line, a labelled
field or the first lines, in that order. The time of day next to the date is kept.

When the text gives a day and a month but no year, the year comes from a weekday
written next to the date, then from the other dates of the document; otherwise the
date stays unknown (`partial_date`) and the caller decides (--year, --date, the
group's other meetings).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from actiontrack import dates
from actiontrack.extract.sentences import Line
from actiontrack.i18n import _
from actiontrack.records import field, record

HEADER_LINES = 15  # how far into the document the meeting's date may stand

# Lines that are not the minutes: what a web page or a PDF viewer brings along.
FURNITURE = re.compile(
    r"^(?:https?://\S+|www\.\S+|\S+@\S+\.\w+|[\W_]+|\d+\s*(?:\(\s*\d+\s*\)|/\s*\d+|av\s+\d+)|"
    r"sida\s+\d+(?:\s*(?:av|\(|/)\s*\d+\)?)?|page\s+\d+(?:\s+of\s+\d+)?|"
    r"(?:ladda\s+ner|ladda\s+ned|skriv\s+ut|dela|öppna|spara|stäng|visa|dölj|zooma?|sök|meny|"
    r"tillbaka|hem|startsida|till\s+innehållet|hoppa\s+till\s+innehåll|lyssna|läs\s+upp|pdf|print|"
    r"download|share|previous|next|föregående|nästa\s+sida)(?:\s+\S+){0,3}|"
    r"[^\n]{0,80}\s(?:>|»|›|/)\s[^\n]{0,80}(?:\s(?:>|»|›|/)\s[^\n]{0,80})*|"
    r"(?:dnr|diarienummer|ärendenummer|version|utskriftsdatum|senast\s+uppdaterad|publicerad)\b.*)$",
    re.IGNORECASE,
)
# "Datum:", "Sammanträdesdatum:", "Tid:", "Mötesdatum:", "När:": a field with the meeting's date or time.
DATE_FIELD = re.compile(
    r"^(?:datum|sammanträdesdatum|mötesdatum|tid|tidpunkt|när|dag|datum\s+och\s+tid|tid\s+och\s+plats|"
    r"datum\s+och\s+plats|tid\s+och\s+datum|sammanträde)\s*:\s*(?P<rest>.+)$",
    re.IGNORECASE,
)
# A labelled line ("Närvarande: ...", "Plats: ...") is a field, never the title.
FIELD_LINE = re.compile(r"^[\wåäöÅÄÖ]+(?:\s[\wåäöÅÄÖ]+){0,2}\s*:\s*\S")
DOC_TYPE_ONLY = re.compile(
    r"^(?:protokoll|mötesprotokoll|minnesanteckningar|mötesanteckningar|anteckningar|sammanträdesprotokoll|"
    r"justerat\s+protokoll|ojusterat\s+protokoll|kallelse|preliminärt\s+protokoll)"
    r"(?:\s+(?:från|fört\s+vid)(?:\s+(?:möte|mötet|sammanträde))?)?\s*:?$",
    re.IGNORECASE,
)
_TIME = re.compile(
    r"(?:,?\s*(?:kl\.?|klockan)\s*\d{1,2}(?:[.:]\d\d)?(?:\s*[-–]\s*\d{1,2}(?:[.:]\d\d)?)?)"
    r"|(?:,?\s+\d{1,2}[.:]\d\d(?:\s*[-–]\s*\d{1,2}[.:]\d\d)?)(?=\s|$|,)",
    re.IGNORECASE,
)
_TIME_PARTS = re.compile(r"(?P<h1>\d{1,2})(?:[.:](?P<m1>\d\d))?(?:\s*[-–]\s*(?P<h2>\d{1,2})(?:[.:](?P<m2>\d\d))?)?")
_WEEKDAY_WORD = re.compile(
    r"\b(?:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)(?:en|s)?\b(?:\s+den\b)?", re.IGNORECASE
)


@record
class Header:
    title: str | None = None
    date: date | None = None
    partial_date: tuple[int, int] | None = None  # (month, day) when no year could be found
    year_how: str | None = None  # how the year was found, when the date did not say it
    time_start: str | None = None
    time_end: str | None = None
    used_lines: set[int] = field(default_factory=set)
    title_line: int | None = None
    warnings: list[str] = field(default_factory=list)


def read_header(lines: list[Line], *, year: int | None, today: date) -> Header:
    head = Header()
    content = [ln for ln in lines[: HEADER_LINES * 3] if not ln.blank and not FURNITURE.match(ln.text)]
    content = content[:HEADER_LINES]
    if not content:
        head.warnings.append(_("The document gives no meeting date."))
        return head
    when: dates.MeetingDate | None = None
    title_ln = _title_line(content)
    if title_ln is not None:
        head.title_line = title_ln.no
        head.used_lines.add(title_ln.no)
        found = dates.find_meeting_dates(title_ln.text)
        text = title_ln.text
        if found:
            when = found[0]
            text = _without(text, found)
        head.title = clean_title(text) or None
    if when is None:
        when = _date_in_first_lines(content, head, skip=title_ln)
    _time_of_day(content, head, when)
    if when is None:
        head.warnings.append(_("The document gives no meeting date."))
        return head
    _resolve(when, lines, head, year=year, today=today)
    return head


def _title_line(content: list[Line]) -> Line | None:
    """The first line that names the meeting: not a field, not a date alone."""
    first = content[0]
    if DOC_TYPE_ONLY.match(first.text) and len(content) > 1:  # "PROTOKOLL" above the real heading
        nxt = content[1]
        if not FIELD_LINE.match(nxt.text) and not _only_date(nxt.text):
            return nxt
        return first
    for i, ln in enumerate(content[:3]):
        if FIELD_LINE.match(ln.text) and not DATE_FIELD.match(ln.text):
            return None  # "Närvarande: ..." first: the minutes have no title line
        if _only_date(ln.text) or DATE_FIELD.match(ln.text):
            continue  # "18 05 02" alone above the heading
        below = content[i + 1] if i + 1 < len(content) else None
        if below is not None and _is_letterhead(ln, below):
            return below  # "Patientföreningen X" above "Minnesanteckningar styrelsemöte 7 april"
        return ln
    return None


_DOC_WORD = re.compile(
    r"\b(?:protokoll|mötesprotokoll|minnesanteckningar|mötesanteckningar|anteckningar|sammanfattning|"
    r"\w*möte|sammanträde|träff|dagordning|kallelse)\b",
    re.IGNORECASE,
)


def _is_letterhead(first: Line, nxt: Line) -> bool:
    """A line with neither a date nor a document word, above a heading that has both or the date."""
    if _DOC_WORD.search(first.text) or dates.find_meeting_dates(first.text) or first.heading_level > nxt.heading_level > 0:
        return False
    if FIELD_LINE.match(nxt.text) or DOC_TYPE_ONLY.match(nxt.text) or _only_date(nxt.text):
        return False
    return bool(dates.find_meeting_dates(nxt.text)) and bool(_DOC_WORD.search(nxt.text))


def _only_date(text: str) -> bool:
    found = dates.find_meeting_dates(text)
    return bool(found) and not re.search(r"[^\W\d_]{3,}", _without(_WEEKDAY_WORD.sub(" ", text), found))


def _without(text: str, found: Sequence[dates.MeetingDate]) -> str:
    for m in sorted(found, key=lambda m: m.start, reverse=True):
        text = text[: m.start] + " " + text[m.end :]
    return _TIME.sub(" ", text)


def _date_in_first_lines(content: list[Line], head: Header, *, skip: Line | None) -> dates.MeetingDate | None:
    """ "Datum: 2017-03-12", a heading or a line that is only a date, else a date that opens a line."""
    candidates = [ln for ln in content if ln is not skip]
    for ln in candidates:
        m = DATE_FIELD.match(ln.text)
        if m:
            found = dates.find_meeting_dates(m.group("rest"))
            if found:
                head.used_lines.add(ln.no)
                return found[0]
    for ln in candidates[:8]:
        found = dates.find_meeting_dates(ln.text)
        if not found:
            continue
        if _only_date(ln.text) or ln.heading_level or found[0].start <= 2 or _names_a_meeting(ln.text):
            head.used_lines.add(ln.no)
            return found[0]
    return None


def _names_a_meeting(text: str) -> bool:
    """ "Protokoll fört vid möte den 18 november", "Sammanträde 2026-11-18": a line about this meeting."""
    return bool(
        re.search(r"\b(?:möte|mötet|sammanträde|sammanträdet|protokoll|träff|styrelsemöte)\w*\b", text, re.I)
    ) and len(text.split()) <= 14


def _time_of_day(content: list[Line], head: Header, when: dates.MeetingDate | None) -> None:
    if when is not None and when.time_start:
        head.time_start, head.time_end = when.time_start, when.time_end
        return
    for ln in content:
        m = DATE_FIELD.match(ln.text)
        if m and re.match(r"^(?:tid|tidpunkt)\b", ln.text, re.I):
            t = _TIME_PARTS.search(m.group("rest"))
            if t:
                head.time_start, head.time_end = _hhmm(t.group("h1"), t.group("m1")), (
                    _hhmm(t.group("h2"), t.group("m2")) if t.group("h2") else None
                )
                head.used_lines.add(ln.no)
                return


def _hhmm(hour: str, minute: str | None) -> str:
    return f"{int(hour):02d}:{minute or '00'}"


def _resolve(when: dates.MeetingDate, lines: list[Line], head: Header, *, year: int | None, today: date) -> None:
    hints = _document_dates(lines, when)
    if when.readings:
        chosen = dates.pick_reading(when, hints)
        if chosen is not None:
            head.date = chosen
            if len(when.readings) > 1:
                head.year_how = f"'{when.text}' read as {chosen.isoformat()}"
            return
    if when.day is None or when.month is None:
        head.warnings.append(_("The document gives no meeting date."))
        return
    day, month = when.day, when.month
    if year is not None:
        head.date, head.year_how = _safe_date(year, month, day), "given with --year"
        return
    found = infer_year(day, month, when.weekday, lines, hints, today=today)
    if found is not None:
        head.date, head.year_how = found
        return
    head.partial_date = (month, day)
    head.warnings.append(
        _("The meeting date '{date}' has no year, and nothing in the text gives it: "
          "give --year or --date.").format(date=when.text.strip())
    )


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _document_dates(lines: list[Line], when: dates.MeetingDate) -> list[date]:
    """Dates with a year written anywhere in the text ("senast 2017-03-01"), and bare years
    ("sommaren 2027") as their 1 July: what the meeting's own year is near."""
    text = "\n".join(ln.text for ln in lines)
    out: list[date] = []
    for m in re.finditer(r"(?<![\d-])((?:19|20)\d\d)-(\d\d)-(\d\d)(?![\d-])", text):
        d = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d:
            out.append(d)
    if not out:
        out = [date(int(y), 7, 1) for y in re.findall(r"(?<![\d-])((?:19|20)\d\d)(?![\d-])", text)]
    return out


def infer_year(
    day: int, month: int, weekday: int | None, lines: list[Line], hints: Sequence[date], *, today: date
) -> tuple[date, str] | None:
    """The year of a meeting dated "8 februari": a weekday written next to it ("tisdag 8
    februari"), else weekdays written next to other dates of the document, else the other
    dates with a year; None when nothing in the text tells."""
    years = range(today.year - 40, today.year + 2)
    candidates = [d for y in years if (d := _safe_date(y, month, day))]
    how = ""
    if weekday is not None:
        candidates = [d for d in candidates if d.weekday() == weekday]
        how = f"a {dates.WEEKDAY_NAMES[weekday]}"
    else:
        pairs = dates.weekday_mentions("\n".join(ln.text for ln in lines))
        fitting = [d for d in candidates if pairs and all(_weekday_fits(d, p) for p in pairs)]
        if fitting:
            candidates, how = fitting, f"from '{pairs[0][3]}', a {dates.WEEKDAY_NAMES[pairs[0][0]]}"
        elif not hints:
            return None
    if not candidates:
        return None
    if hints:
        anchor = sorted(hints)[len(hints) // 2]
        best = min(candidates, key=lambda d: (abs((anchor - d).days), d > anchor))
        return best, (f"{how}, near the other dates in the text" if how else "from the other dates in the text")
    past = [d for d in candidates if d <= today] or candidates
    best = max(past)
    return best, f"{how} in {best.year}"


def _weekday_fits(meeting: date, mention: tuple[int, int, int, str]) -> bool:
    """Whether a weekday mentioned in the text falls right, reading its date forwards from the meeting."""
    weekday, day, month, _ = mention
    for y in (meeting.year, meeting.year + 1):
        d = _safe_date(y, month, day)
        if d is not None and d >= meeting:
            return d.weekday() == weekday
    return False


# --- the title ------------------------------------------------------------------------------------

_TITLE_TAIL = re.compile(
    r"(?:[\s,:;–-]+(?:den|från|kl\.?|klockan|datum|tid|,))+\s*$|"
    r"\s+(?:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)(?:en)?\s*$",
    re.IGNORECASE,
)


def clean_title(text: str) -> str:
    """What is left of a heading line once its date and time are taken out."""
    text = re.sub(r"\s*\(\s*\)\s*", " ", text)
    text = re.sub(r"\s+\d+\s*\(\s*\d+\s*\)\s*$", "", text)  # "Protokoll 1(4)"
    text = " ".join(text.split()).strip(" ,:;–-\\")
    while (cut := _TITLE_TAIL.sub("", text).strip(" ,:;–-\\")) != text:
        text = cut
    return text


# The words in front of a group's name that are not part of it: "Protokoll fört vid möte med Brukarrådet".
DOC_TYPE_PREFIX = re.compile(
    r"^(?:justerat\s+|ojusterat\s+|preliminärt\s+)?(?:protokoll|minnesanteckningar|mötesanteckningar|anteckningar|"
    r"sammanfattning|referat|kallelse|dagordning|agenda)(?:\s+(?:och|&)\s+(?:mötesanteckningar|protokoll|dagordning))?"
    r"(?:\s+fört)?(?:\s+(?:från|för|vid))?(?:\s+(?:mötet?|sammanträdet?)(?:\s+(?:med|i))?)?[\s:,–-]*",
    re.IGNORECASE,
)


def group_name(title: str) -> str:
    """The meeting series a title names: "Protokoll fört vid möte med Brukarrådet" -> "Brukarrådet",
    "Anteckningar – Nätverket för ensamkommande" -> "Nätverket för ensamkommande"."""
    stripped = DOC_TYPE_PREFIX.sub("", clean_title(title)).strip(" –-:,")
    stripped = " ".join(stripped.split())
    return (stripped[:1].upper() + stripped[1:]) if stripped else title.strip(" –-:,")
