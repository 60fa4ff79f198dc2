"""The meeting's title: the line near the top of the minutes that names the meeting.

A short line with a document word ("Protokoll", "styrelsemöte", "Minnesanteckningar") or the
name of a body ("Brukarrådet", "Styrgruppen"), best with the date, is the title; a field
("Närvarande: ...", "Datum: ..."), a date alone, a sentence of prose and another meeting ("Nästa
sammanträde ...") are not. The title is shown without its date, time and page number
(`clean_title`), and `group_name` takes the meeting series from it ("Protokoll fört vid möte med
Brukarrådet" -> "Brukarrådet"). What a date field or a date alone looks like and the words that
name a document or a body are known here; header.py weighs the date with them too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from actiontrack import dates
from actiontrack.extract.fields import is_label
from actiontrack.extract.guard import Guarded
from actiontrack.extract.sentences import Line
from actiontrack.records import record

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
_WEEKDAY_WORD = re.compile(
    r"\b(?:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)(?:en|s)?\b(?:\s+den\b)?", re.IGNORECASE
)
DOC_WORD = re.compile(
    r"\b(?:protokoll|mötesprotokoll|sammanträdesprotokoll|sammanträdeprotokoll|minnesanteckningar?|"
    r"mötesanteckningar|anteckningar|sammanfattning|\w*möte[nt]?s?|\w*sammanträde[nt]?|\w*träff(?:en)?|"
    r"dagordning|kallelse)\b",
    re.IGNORECASE,
)
# The name of a body: "Brukarrådet", "Styrgruppen", "Pensionärsföreningen", "Miljönätverket".
BODY_WORD = re.compile(
    r"\b\w*(?:råd|rådet|grupp|gruppen|styrelse|styrelsen|nämnd|nämnden|förening|föreningen|nätverk|nätverket|"
    r"utskott|utskottet|kommitté|kommittén|förbund|förbundet|sektion|sektionen|forum|samverkan)\b",
    re.IGNORECASE,
)
# The two above searched only in lines holding a word each match needs: "\w*" before an ending is
# tried at every letter of a line, 10-25 µs a line, and most lines name neither.
DOC_WORD_IN = Guarded(
    DOC_WORD, "protokoll", "anteckning", "sammanfattning", "möte", "sammanträde", "träff", "dagordning", "kallelse"
)
BODY_WORD_IN = Guarded(
    BODY_WORD, "råd", "grupp", "styrelse", "nämnd", "förening", "nätverk", "utskott", "kommitt", "förbund", "sektion",
    "forum", "samverkan",
)  # fmt: skip
MONTH_YEAR = re.compile(
    r"(?i)\b(?:jan(?:uari)?|feb(?:ruari)?|mars|apr(?:il)?|maj|juni?|juli?|aug(?:usti)?|sep(?:t(?:ember)?)?|"
    r"okt(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(?P<year>(?:19|20)\d\d)\b"
)
_PAGE_MARK = re.compile(r"^\d{1,3}\s+(?=\S)|\b(?:sida\s+)?\d{1,3}\s*\(\s*\d{1,3}\s*\)", re.IGNORECASE)
_PERSON_FIELD = re.compile(
    r"^(?:närvarande|deltagare|frånvarande|ledamöter|beslutande|styrelsen|kallade)\b[^:]{0,25}(?::|$)", re.I
)


@record
class Title:
    line: Line
    text: str  # the title as it will be shown
    date: dates.MeetingDate | None  # the date written in the title line
    score: float


def find_title(content: list[Line]) -> Title | None:
    """The line that names the meeting: a short line near the top with a document word
    ("protokoll", "styrelsemöte") or a body's name, best with the date; not a field, a date
    alone, a sentence of prose or page furniture. None when the minutes open with their people."""
    if _PERSON_FIELD.match(content[0].text):
        return None  # "Närvarande: ..." first: the minutes have no title line
    best: Title | None = None
    best_rank = 0
    text_begun = False  # after a sentence of the minutes, only a line naming a meeting or a body
    for rank, ln in enumerate(content[:8]):
        if best is not None and best.score >= _best_possible(rank):
            break  # no line further down can score more: they are not read
        candidate = _title_candidate(ln, rank)
        if candidate is None:
            text_begun = text_begun or _is_prose(ln.text)
            continue
        if text_begun and not (candidate.date or DOC_WORD_IN.search(candidate.text) or BODY_WORD_IN.search(candidate.text)):
            continue
        if best is None or candidate.score > best.score:
            best, best_rank = candidate, rank
    if best is None or best.score < 8:
        return None  # far down and naming nothing: no title
    above = content[best_rank - 1].text.strip() if best_rank else ""
    if best.text[:1].islower() and DOC_TYPE_ONLY.match(above) and len(above.split()) == 1:
        # "PROTOKOLL" over "fört vid styrelsemöte i ...": one title set on two lines
        return Title(best.line, above.capitalize() + " " + best.text, best.date, best.score)
    return best


# A candidate's score: from the base, less for each line further down, more for a document word
# (or else a body's name), a date and a heading; less for what speaks against it.
_BASE, _PER_RANK, _DOC, _BODY, _DATE, _HEADING = 10, 1.5, 4, 3, 2, 1


def _best_possible(rank: int) -> float:
    return _BASE - _PER_RANK * rank + max(_DOC, _BODY) + _DATE + _HEADING


def _title_candidate(ln: Line, rank: int) -> Title | None:
    text = _PAGE_MARK.sub(" ", ln.text)
    text = " ".join(re.sub(r"(?i)^(\w+)\s+(?=\1\b)", "", " ".join(text.split())).split())  # "PROTOKOLL PROTOKOLL FRÅN"
    if not text or (FIELD_LINE.match(text) and not DATE_FIELD.match(text)) or text.endswith(":"):
        return None
    if is_label(text):
        return None  # "Plats och tid" above its value
    if DATE_FIELD.match(text):
        return None
    found = dates.find_meeting_dates(text)  # read once: only_date would read them again
    if _only_date(text, found) or MONTH_YEAR.fullmatch(text.strip(" .")):
        return None
    when = found[0] if found else None
    if when is not None:
        before = text[: when.start].strip(" ,:;–-")
        after = text[when.end :]
        if not before and not DOC_WORD_IN.search(after) and not BODY_WORD_IN.search(after):
            return None  # "2026-11-18 Stadshuset": a date line
        if (DOC_WORD_IN.search(before) or BODY_WORD_IN.search(before)) and not DOC_TYPE_ONLY.match(before):
            if _is_prose(before + "."):
                return None  # "Här är protokollet från mötet 23/1 då ...": a sentence
            text = before  # "Protokoll fört vid styrelsemöte nr 5 onsdagen den 2/ kl. 16 i Museet"
        else:
            text = _without(text, found)
    doc, body = bool(DOC_WORD_IN.search(text)), bool(BODY_WORD_IN.search(text))
    words = text.split()
    if _is_prose(text) or len(words) > 16 or _OTHER_MEETING.search(text):
        return None
    score = _BASE - _PER_RANK * rank + (_DOC if doc else _BODY if body else 0) + (_DATE if when else 0)
    score += _HEADING if ln.heading_level else 0
    if DOC_TYPE_ONLY.match(clean_title(text) or "-"):
        score -= 3  # "Protokoll" alone: the line below may name the meeting
    if len(words) == 1 and not (doc or body):
        score -= 2  # "Transkript", "Styrelsesida"
    if ln.bullet:
        score -= 3
    if text.rstrip().endswith("."):
        score -= 1
    return Title(ln, text, when, score)


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
        if _VERB_FORM.fullmatch(w) and not DOC_WORD.fullmatch(w) and not BODY_WORD.fullmatch(w)
    ]
    return bool(verbs)


# A finite verb by its ending or one of the commonest: "hälsar", "tackade", "förklarade", "är", "har".
_VERB_FORM = re.compile(r"[a-zåäö]{2,}(?:ar|er|ade|de|te|des|tes|ades)|är|var|har|hade|blev|ska|skall|kan|finns|gick")


def only_date(text: str) -> bool:
    return _only_date(text, dates.find_meeting_dates(text))


def _only_date(text: str, found: Sequence[dates.MeetingDate]) -> bool:
    return bool(found) and not re.search(r"[^\W\d_]{3,}", _without(_WEEKDAY_WORD.sub(" ", text), found))


def _without(text: str, found: Sequence[dates.MeetingDate]) -> str:
    for m in sorted(found, key=lambda m: m.start, reverse=True):
        text = text[: m.start] + " " + text[m.end :]
    return _TIME.sub(" ", text)


# --- the title as shown, and the group it names ---------------------------------------------------

_TITLE_TAIL = re.compile(
    r"(?:[\s,:;–-]+(?:den|från|kl\.?|klockan|datum|tid|,))+\s*$|"
    r"\s+(?:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)(?:en)?\s*$",
    re.IGNORECASE,
)


def clean_title(text: str) -> str:
    """What is left of a heading line once its date and time are taken out."""
    text = re.sub(r"\s*\(\s*\)\s*", " ", text)
    text = re.sub(r"\s+\d+\s*\(\s*\d+\s*\)\s*$", "", text)  # "Protokoll 1(4)"
    text = MONTH_YEAR.sub(" ", text)  # "Anteckningar augusti 2012": the month of the date, no name
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
