"""The people formal minutes show taking part, for minutes that give no attendance list.

Published minutes often lose their attendance list (an attachment, "Närvaro.pdf", or a list
the web page left out), yet their text shows who was there: "Ordföranden, Anna Berg (S), hälsar
välkommen och öppnar mötet", "Bo Ek, sekreterare, föredrar reglementet", "Cia Lund och Dan
Nord informerade om ...", "Vidare uttalar sig Eva Ek (C)", "Fia Falk och Gun Grå valdes att
justera protokollet", "Till mötesordförande valdes Ia Ivarsson".

Only full names count (a first name alone may be anyone the text talks about), only as the
subject of what people do at a meeting (the verbs below), and only in formal minutes: those that
record the meeting's opening or its justerare. Running notes that mention who said what without
such a frame leave their attendees unknown.
"""

from __future__ import annotations

import re

from actiontrack.extract.guard import Guarded
from actiontrack.extract.sentences import Line
from actiontrack.lazy_re import built, lazy

# What people do at a meeting, present and past: the verbs that make their subject a participant.
MEETING_VERBS = (
    "informerar", "informerade", "föredrar", "föredrog", "presenterar", "presenterade", "redogör", "redogjorde",
    "berättar", "berättade", "går igenom", "gick igenom", "hälsar", "hälsade", "öppnar", "öppnade", "inleder",
    "inledde", "meddelar", "meddelade", "rapporterar", "rapporterade", "visar", "visade", "svarar", "svarade",
    "anmäler", "anmälde", "deltar", "deltog", "tackar", "tackade", "kompletterar", "kompletterade",
    "kommenterar", "kommenterade", "beskriver", "beskrev", "föreslår", "föreslog", "leder", "ledde",
    "uttalar sig", "uttalade sig", "yttrar sig", "yttrade sig", "lyfter", "lyfte", "framför", "framförde",
    "påminner", "påminde", "förklarar", "förklarade", "avslutar", "avslutade", "ordförde",
    "valdes att justera", "utsågs att justera", "valdes till justerare", "utsågs till justerare",
    "valdes till mötesordförande", "utsågs till mötesordförande", "valdes till mötessekreterare",
    "utsågs till mötessekreterare",
)  # fmt: skip
# An office of this meeting given at it: "Till mötets sekreterare valdes X", "Till justerare utsågs X och Y".
OFFICE_FIRST = lazy(
    r"(?i:till\s+(?:(?:mötets\s+|mötes)(?:ordförande|sekreterare)|justerare|justeringsm[äa]n|protokolljusterare)|"
    r"att\s+justera(?:\s+(?:dagens\s+)?protokollet)?)\s+(?:valdes|utsågs|väljs|utses)\s+(?P<who>.+)"
)
# (the lookahead of the words' first letters lets the search skip to them, as it cannot skip to "\b")
FORMAL = Guarded(
    lazy(
        r"(?i)(?=[öfhjp])\b(?:öppnar|öppnade|öppnades|förklarade\s+\w+\s+öppnat|förklarar\s+\w+\s+öppnat|hälsa(?:r|de)?\s+"
        r"(?:\w+\s+)?välkom\w*|justera|justerare|protokolljusterare)\b"
    ),
    "öppna", "hälsa", "justera",
)  # fmt: skip
_WORD = r"[A-ZÅÄÖÉ][a-zåäöéü'’][\wåäöéü'’]*"  # capitalised, not a heading in capitals
_NAME = r"(?-i:" + _WORD + r"(?:-" + _WORD + r")?(?:\s+(?:von|af|van|de)\s+" + _WORD + r"|\s+" + _WORD + r"(?:-" + _WORD + r")?){1,2})"
_AFTER_NAME = r"(?:\s*\([^)]{1,50}\))?(?:\s+från\s+[A-ZÅÄÖ]\S*)?(?:,\s*[a-zåäö][^,.]{0,40},)?"
_PERSON = _NAME + _AFTER_NAME
_LIST = r"(?P<who>" + _PERSON + r"(?:\s*,\s*" + _PERSON + r")*(?:\s+och\s+" + _PERSON + r")?)"
_VERB = r"(?:" + "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in sorted(MEETING_VERBS, key=len, reverse=True)) + r")"
SUBJECT_ACTS = lazy(_LIST + r",?\s+" + _VERB + r"\b")
# "Vidare uttalar sig Eva Ek (C) och Bo Lind (S)": the subject after a reflexive verb
ACTS_SUBJECT = lazy(r"(?i:\b(?:uttalar|uttalade|yttrar|yttrade)\s+sig)\s+" + _LIST)
NAME_IN = lazy(_NAME)
NOT_FIRST = {"vid", "till", "enligt", "efter", "under", "inför", "ordföranden", "sekreteraren", "vice"}


ROLES = r"(?:vice\s+)?(?:ordförande|sekreterare|kassör|mötesordförande|mötessekreterare|protokollförare)"


def people_taking_part(lines: list[Line]) -> list[tuple[str, str | None]]:
    """(full name, role) of the people the minutes show at work in the meeting, in the order
    written; [] for text that is no formal minutes. The role is the one written beside the name:
    "Bo Ek, sekreterare, föredrar", "Ordföranden, Eva Ek (S), hälsar välkommen"."""
    text = "\n".join(ln.text for ln in lines)
    if not FORMAL.search(text):
        return []
    found: dict[str, str | None] = {}
    for ln in lines:
        for pattern in (SUBJECT_ACTS, ACTS_SUBJECT, OFFICE_FIRST):
            for m in pattern.finditer(ln.text):
                for name in NAME_IN.findall(re.sub(r"\([^)]*\)|,\s*[a-zåäö][^,]*,", " , ", m.group("who"))):
                    if name.split()[0].casefold() not in NOT_FIRST and name not in found:
                        found[name] = _role_beside(name, ln.text)
    return list(found.items())


def _role_beside(name: str, text: str) -> str | None:
    if not _ROLE.search(text):  # no role on the line: the patterns of the name are never built
        return None
    n = re.escape(name)
    m = built(n + r"(?:\s*\([^)]*\))?,\s*(?P<r>" + ROLES + r")\s*,", re.IGNORECASE).search(text) or built(
        r"(?P<r>" + ROLES + r")(?:n|en)?,?\s+" + n, re.IGNORECASE
    ).search(text)
    return m.group("r").casefold() if m else None


_ROLE = lazy(ROLES, re.IGNORECASE)
