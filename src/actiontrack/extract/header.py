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
from actiontrack.extract.fields import is_label
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
    r"^(?:datum|sammanträdesdatum|mötesdatum|sammanträdesdag|mötesdag|tid|tidpunkt|när|dag|datum\s+och\s+tid|"
    r"tid\s+och\s+plats|plats\s+och\s+tid|dag\s+och\s+tid|datum\s+och\s+plats|tid\s+och\s+datum|sammanträde)"
    r"\s*:\s*(?P<rest>.+)$",
    re.IGNORECASE,
)
# A labelled line ("Närvarande: ...", "Plats: ...") is a field, never the title.
FIELD_LINE = re.compile(r"^[\wåäöÅÄÖ]+(?:\s[\wåäöÅÄÖ]+){0,2}\s*:\s*\S")
_DOC_TYPE = (
    r"(?:protokoll|mötesprotokoll|minnesanteckningar|mötesanteckningar|anteckningar|sammanträdesprotokoll|"
    r"justerat\s+protokoll|ojusterat\s+protokoll|kallelse|preliminärt\s+protokoll|dagordning)"
)
# "Protokoll", "KALLELSE/PROTOKOLL", "Protokoll nr 7/2023": the kind of document, naming no meeting
DOC_TYPE_ONLY = re.compile(
    r"^" + _DOC_TYPE + r"(?:\s*(?:/|&|och)\s*" + _DOC_TYPE + r")?(?:\s+nr\.?\s*[\d/:-]+)?"
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


@record
class _Title:
    line: Line
    text: str  # the title as it will be shown
    date: dates.MeetingDate | None  # the date written in the title line
    score: float


@record
class _When:
    """A candidate for the meeting's date and what speaks for it."""

    found: dates.MeetingDate
    line: Line | None  # None: the line is page furniture and is not marked used
    score: float
    why: str


def read_header(lines: list[Line], *, year: int | None, today: date) -> Header:
    head = Header()
    top = [ln for ln in lines[: HEADER_LINES * 3] if not ln.blank]
    furniture = [ln for ln in top if _is_furniture(ln.text)] + _menu_block(top)
    content = [ln for ln in top if ln not in furniture][:HEADER_LINES]
    if not content:
        head.warnings.append(_("The document gives no meeting date."))
        return head
    title = _title(content)
    if title is not None:
        head.title_line = title.line.no
        head.used_lines.add(title.line.no)
        head.title = clean_title(title.text) or None
    candidates = _date_candidates(content, furniture, title)
    best = max(candidates, key=lambda c: c.score, default=None)
    when = best.found if best else None
    if best is not None and best.line is not None and len(best.line.text.split()) <= 14:
        head.used_lines.add(best.line.no)  # (a paragraph that says the date in passing is still read)
    _time_of_day(content, head, when)
    if when is None:
        head.warnings.append(_("The document gives no meeting date."))
        return head
    _resolve(when, lines, head, year=year, today=today, title=title)
    return head


# --- page furniture --------------------------------------------------------------------------------

# Page furniture by its form: an alphabet index, a skip link, a cookie notice, a publication stamp,
# a PDF viewer's controls ('Download "…"', "Storlek: px", "Starta visningen från sidan:").
_MORE_FURNITURE = re.compile(
    r"^(?:(?:[A-ZÅÄÖ]\s+){7,}[A-ZÅÄÖ]|hoppa\s+(?:över|till|direkt)\b.*|.*\bcookies?\b.*|"
    r"(?:uppdaterad|uppdaterades|publicerad|publicerades|senast\s+ändrad|ändrad|skapad|postad|posted)\b.*|"
    r"(?:download|ladda\s+ne[rd])\b.*|storlek\s*:.*|transkript|.*\bvisningen\b.*|.*\b(?:px|pdf|kb|mb)\s*\)?|"
    r"annons(?:er)?|reklam|sponsrad?|ok|acceptera(?:\s+\w+){0,2}|godkänn(?:\s+\w+){0,2})$",
    re.IGNORECASE,
)


def _is_furniture(text: str) -> bool:
    return bool(FURNITURE.match(text) or _MORE_FURNITURE.match(text))


def _menu_block(top: list[Line]) -> list[Line]:
    """A site's menu above the minutes: four or more short lines in a row, without a date, a
    document word or a person's name, before the first line that has any of them."""
    from actiontrack.people import looks_like_first_name

    run: list[Line] = []
    for ln in top:
        words = ln.text.split()
        if (
            len(words) <= 3
            and not re.search(r"\d|[.:!?]$", ln.text)
            and not any(looks_like_first_name(w.strip(",")) for w in words)
            and not is_label(ln.text)
        ):
            run.append(ln)
            continue
        break
    naming = any(_DOC_WORD.search(ln.text) or _BODY_WORD.search(ln.text) for ln in run)
    # a menu may hold "Protokoll" among its links; four short lines that name a body are a letterhead
    return run if len(run) >= 5 or (len(run) >= 4 and not naming) else []


# --- the title -----------------------------------------------------------------------------------

_DOC_WORD = re.compile(
    r"\b(?:protokoll|mötesprotokoll|sammanträdesprotokoll|sammanträdeprotokoll|minnesanteckningar?|"
    r"mötesanteckningar|anteckningar|sammanfattning|\w*möte[nt]?s?|\w*sammanträde[nt]?|\w*träff(?:en)?|"
    r"dagordning|kallelse)\b",
    re.IGNORECASE,
)
# The name of a body: "Brukarrådet", "Styrgruppen", "Pensionärsföreningen", "Miljönätverket".
_BODY_WORD = re.compile(
    r"\b\w*(?:råd|rådet|grupp|gruppen|styrelse|styrelsen|nämnd|nämnden|förening|föreningen|nätverk|nätverket|"
    r"utskott|utskottet|kommitté|kommittén|förbund|förbundet|sektion|sektionen|forum|samverkan)\b",
    re.IGNORECASE,
)
_MONTH_YEAR = re.compile(
    r"(?i)\b(?:jan(?:uari)?|feb(?:ruari)?|mars|apr(?:il)?|maj|juni?|juli?|aug(?:usti)?|sep(?:t(?:ember)?)?|"
    r"okt(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(?P<year>(?:19|20)\d\d)\b"
)
_PAGE_MARK = re.compile(r"^\d{1,3}\s+(?=\S)|\b(?:sida\s+)?\d{1,3}\s*\(\s*\d{1,3}\s*\)", re.IGNORECASE)
_PERSON_FIELD = re.compile(
    r"^(?:närvarande|deltagare|frånvarande|ledamöter|beslutande|styrelsen|kallade)\b[^:]{0,25}(?::|$)", re.I
)


def _title(content: list[Line]) -> _Title | None:
    """The line that names the meeting: a short line near the top with a document word
    ("protokoll", "styrelsemöte") or a body's name, best with the date; not a field, a date
    alone, a sentence of prose or page furniture. None when the minutes open with their people."""
    if _PERSON_FIELD.match(content[0].text):
        return None  # "Närvarande: ..." first: the minutes have no title line
    best: _Title | None = None
    text_begun = False  # after a sentence of the minutes, only a line naming a meeting or a body
    for rank, ln in enumerate(content[:8]):
        candidate = _title_candidate(ln, rank)
        if candidate is None:
            text_begun = text_begun or _is_prose(ln.text)
            continue
        if text_begun and not (candidate.date or _DOC_WORD.search(candidate.text) or _BODY_WORD.search(candidate.text)):
            continue
        if best is None or candidate.score > best.score:
            best = candidate
    return best if best is not None and best.score >= 8 else None  # far down and naming nothing: no title


def _title_candidate(ln: Line, rank: int) -> _Title | None:
    text = _PAGE_MARK.sub(" ", ln.text)
    text = " ".join(re.sub(r"(?i)^(\w+)\s+(?=\1\b)", "", " ".join(text.split())).split())  # "PROTOKOLL PROTOKOLL FRÅN"
    if not text or (FIELD_LINE.match(text) and not DATE_FIELD.match(text)) or text.endswith(":"):
        return None
    if is_label(text):
        return None  # "Plats och tid" above its value
    if DATE_FIELD.match(text) or _only_date(text) or _MONTH_YEAR.fullmatch(text.strip(" .")):
        return None
    found = dates.find_meeting_dates(text)
    when = found[0] if found else None
    if when is not None:
        before = text[: when.start].strip(" ,:;–-")
        after = text[when.end :]
        if not before and not _DOC_WORD.search(after) and not _BODY_WORD.search(after):
            return None  # "2026-11-18 Stadshuset": a date line
        if (_DOC_WORD.search(before) or _BODY_WORD.search(before)) and not DOC_TYPE_ONLY.match(before):
            if _is_prose(before + "."):
                return None  # "Här är protokollet från mötet 23/1 då ...": a sentence
            text = before  # "Protokoll fört vid styrelsemöte nr 5 onsdagen den 2/ kl. 16 i Museet"
        else:
            text = _without(text, found)
    doc, body = bool(_DOC_WORD.search(text)), bool(_BODY_WORD.search(text))
    words = text.split()
    if _is_prose(text) or len(words) > 16 or _OTHER_MEETING.search(text):
        return None
    score = 10 - 1.5 * rank + (4 if doc else 3 if body else 0) + (2 if when else 0) + (1 if ln.heading_level else 0)
    if DOC_TYPE_ONLY.match(clean_title(text) or "-"):
        score -= 3  # "Protokoll" alone: the line below may name the meeting
    if len(words) == 1 and not (doc or body):
        score -= 2  # "Transkript", "Styrelsesida"
    if ln.bullet:
        score -= 3
    if text.rstrip().endswith("."):
        score -= 1
    return _Title(ln, text, when, score)


# "Nästa sammanträde hålls den 16 december", "Föregående mötes protokoll": another meeting than this.
_OTHER_MEETING = re.compile(r"(?i)\b(?:nästa|nytt|föregående|förra|kommande)\s+\w*(?:möte|sammanträde|träff)")


def is_minutes_heading(text: str) -> bool:
    """ "Protokoll från styrelsemöte 2026-03-04", "Styrelsemöte 4/3": a short line that opens minutes."""
    return len(text.split()) <= 10 and bool(
        re.match(r"(?i)(?:protokoll|minnesanteckningar?|mötesanteckningar|anteckningar|\w*möte[t]?|\w*sammanträde)\b", text)
    )


def _is_prose(text: str) -> bool:
    """A sentence of running text: six words or more ending in a full stop with a verb among them
    ("hälsar", "förklarade", "är"), or two sentences."""
    words = text.split()
    sentences = len(re.findall(r"[.!?](?:\s|$)", text))
    if sentences >= 2 and len(words) >= 10:
        return True
    if len(words) < 6 or not text.rstrip().endswith((".", "!", "?")):
        return False
    verbs = [
        w for w in re.findall(r"\b[a-zåäö]+\b", text)
        if _VERB_FORM.fullmatch(w) and not _DOC_WORD.fullmatch(w) and not _BODY_WORD.fullmatch(w)
    ]
    return bool(verbs)


# A finite verb by its ending or one of the commonest: "hälsar", "tackade", "förklarade", "är", "har".
_VERB_FORM = re.compile(r"[a-zåäö]{2,}(?:ar|er|ade|de|te|des|tes|ades)|är|var|har|hade|blev|ska|skall|kan|finns|gick")


def _only_date(text: str) -> bool:
    found = dates.find_meeting_dates(text)
    return bool(found) and not re.search(r"[^\W\d_]{3,}", _without(_WEEKDAY_WORD.sub(" ", text), found))


def _without(text: str, found: Sequence[dates.MeetingDate]) -> str:
    for m in sorted(found, key=lambda m: m.start, reverse=True):
        text = text[: m.start] + " " + text[m.end :]
    return _TIME.sub(" ", text)


# --- the date: candidates weighed together ------------------------------------------------------

# "På mötet den 4/11", "protokollet från årliga mötet 23/1", "vid sammanträdet 2026-11-18"
_MEETING_BEFORE = re.compile(
    r"(?i)\b(?:mötet|möte|sammanträdet|sammanträde|träffen|styrelsemötet|årsmötet|dagens\s+möte)"
    r"(?:\s+(?:som\s+hölls|hölls))?\s+(?:den\s+|på\s+|i\s+)?$"
)
_QUOTED = re.compile(r"[\"“”](?P<q>[^\"“”]{6,200})[\"“”]")


def _date_candidates(content: list[Line], furniture: list[Line], title: _Title | None) -> list[_When]:
    """Every date the first lines give for the meeting, each scored: where it stands (the title
    line, a "Datum:" field, a line of its own, the first lines, a sentence about the meeting, a
    viewer's copy of the title), whether a weekday written with it agrees, and whether the title's
    month and year ("augusti 2012") agree."""
    out: list[_When] = []
    if title is not None and title.date is not None:
        out.append(_When(title.date, title.line, 8, "title line"))
    for rank, ln in enumerate(content):
        if title is not None and ln is title.line:
            continue
        position = -0.2 * rank
        m = DATE_FIELD.match(ln.text)
        if m:
            for found in dates.find_meeting_dates(m.group("rest"))[:1]:
                out.append(_When(found, ln, 7 + position, "date field"))
            continue
        found_all = dates.find_meeting_dates(ln.text)
        if not found_all:
            continue
        first = found_all[0]
        if rank < 8 and (_only_date(ln.text) or ln.heading_level):
            out.append(_When(first, ln, 6 + position, "a line of its own"))
        elif rank < 8 and (first.start <= 2 or _names_a_meeting(ln.text) or _names_a_body(ln.text)):
            out.append(_When(first, ln, 5 + position, "first lines"))
        else:
            for f in found_all:  # "Här är protokollet från årliga mötet 23/1 då ..."
                if rank < 8 and _MEETING_BEFORE.search(ln.text[max(0, f.start - 40) : f.start]):
                    out.append(_When(f, ln, 3 + position, "a sentence about the meeting"))
                    break
    for ln in furniture:  # 'Download "Arbetsgruppen 2012-08-30"': a viewer's copy of the title
        for q in _QUOTED.finditer(ln.text):
            for found in dates.find_meeting_dates(q.group("q"))[:1]:
                out.append(_When(found, None, 2, "the page's copy of the title"))
    for c in out:
        c.score += _agreement(c.found, title)
    return out


def _agreement(found: dates.MeetingDate, title: _Title | None) -> float:
    score = 0.0
    if found.weekday is not None and found.readings:
        score += 1 if any(r.weekday() == found.weekday for r in found.readings) else -3
    if found.readings or found.year is not None:
        score += 0.5
    if title is not None and found.readings and (m := _MONTH_YEAR.search(title.line.text)):
        month = dates.find_meeting_dates(f"1 {m.group(0)}")
        if month and month[0].readings and any(
            (r.year, r.month) == (month[0].readings[0].year, month[0].readings[0].month) for r in found.readings
        ):
            score += 3  # "Anteckningar augusti 2012" and a copy of the title with "30-31 augusti 2012"
    return score


def _names_a_body(text: str) -> bool:
    """ "Styrgruppen 2026-11-18": a short line with a body's name."""
    return bool(_BODY_WORD.search(text)) and len(text.split()) <= 8


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


def _resolve(
    when: dates.MeetingDate, lines: list[Line], head: Header, *, year: int | None, today: date, title: _Title | None
) -> None:
    hints = _document_dates(lines, when)
    if when.readings:
        chosen = dates.pick_reading(when, hints)
        if chosen is not None:
            head.date = chosen
            if len(when.readings) > 1:
                head.year_how = f"'{when.text}' read as {chosen.isoformat()}"
            return
    if when.day is None:
        head.warnings.append(_("The document gives no meeting date."))
        return
    day, month = when.day, when.month
    if month is None:  # "onsdagen den 2/": the month from another date of the document
        month = _month_from_weekdays(when, lines)
        if month is None:
            head.warnings.append(_("The document gives no meeting date."))
            return
    if year is not None:
        head.date, head.year_how = _safe_date(year, month, day), "given with --year"
        return
    title_year = _bare_year(title.line.text) if title is not None else None
    if title_year is not None and (d := _safe_date(title_year, month, day)):
        head.date, head.year_how = d, f"{title_year} from the title"  # "Årliga mötet 2014" ... "mötet 23/1"
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


def _bare_year(text: str) -> int | None:
    years = set(re.findall(r"(?<![\d/.-])((?:19|20)\d\d)(?![\d/.-])", text))
    return int(years.pop()) if len(years) == 1 else None


def _month_from_weekdays(when: dates.MeetingDate, lines: list[Line]) -> int | None:
    """The month of "onsdagen den 2" (a month lost in the text): that of the nearest later date of
    the same month with a weekday that agrees ("måndagen den 7/5" is five days after a Wednesday
    the 2nd), as minutes name the days right after the meeting (the signing, a reply)."""
    if when.weekday is None or when.day is None:
        return None
    best: tuple[int, int] | None = None  # (days after, month)
    for ln in lines:
        if not re.search(r"dag", ln.text, re.IGNORECASE):
            continue
        for m in dates.find_meeting_dates(ln.text):
            if m.weekday is None or m.month is None or m.day is None or m.day <= when.day:
                continue
            gap = m.day - when.day
            if gap % 7 == (m.weekday - when.weekday) % 7 and (best is None or gap < best[0]):
                best = (gap, m.month)
    return best[1] if best else None


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
        # minutes name the months ahead more than those behind: a date after the other dates is
        # counted twice as far from them as one before
        best = min(candidates, key=lambda d: ((d - anchor).days * 2 if d > anchor else (anchor - d).days, d > anchor))
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
    text = _MONTH_YEAR.sub(" ", text)  # "Anteckningar augusti 2012": the month of the date, no name
    text = " ".join(text.split()).strip(" ,:;–-\\.(")
    while (cut := _TITLE_TAIL.sub("", text).strip(" ,:;–-\\.(")) != text:
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
