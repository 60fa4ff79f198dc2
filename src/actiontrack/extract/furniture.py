"""Page furniture: the lines a web page or a PDF viewer brings along that are not the minutes.

Addresses and links, breadcrumbs ("Start > Nämnder > Protokoll"), "Ladda ner", "Sida 1 av 4",
"1(4)", "Dnr", cookie notices, an alphabet index, a viewer's controls ("Storlek: px") and a
site's menu above the minutes (a run of short lines that name no date, document or person) are
set aside before header.py looks for the title and the date among the first lines.
"""

from __future__ import annotations

import re

from actiontrack.extract.fields import is_label
from actiontrack.extract.guard import Guarded
from actiontrack.extract.sentences import Line
from actiontrack.extract.title import BODY_WORD_IN, DOC_WORD_IN

# Lines that are not the minutes: what a web page or a PDF viewer brings along.
FURNITURE = re.compile(
    r"^(?:https?://\S+|www\.\S+|\S+@\S+\.\w+|[\W_]+|\d+\s*(?:\(\s*\d+\s*\)|/\s*\d+|av\s+\d+)|"
    r"sida\s+\d+(?:\s*(?:av|\(|/)\s*\d+\)?)?|page\s+\d+(?:\s+of\s+\d+)?|"
    r"(?:ladda\s+ner|ladda\s+ned|skriv\s+ut|dela|öppna|spara|stäng|visa|dölj|zooma?|sök|meny|"
    r"tillbaka|hem|startsida|till\s+innehållet|hoppa\s+till\s+innehåll|lyssna|läs\s+upp|pdf|print|"
    r"download|share|previous|next|föregående|nästa\s+sida)(?:\s+\S+){0,3}|"
    r"(?:dnr|diarienummer|ärendenummer|version|utskriftsdatum|senast\s+uppdaterad|publicerad)\b.*)$",
    re.IGNORECASE,
)
# A breadcrumb trail: "Start > Kommun > Protokoll", "Hem / Nämnder / Protokoll"
_TRAIL = Guarded(
    re.compile(r"^[^\n]{0,80}\s(?:>|»|›|/)\s[^\n]{0,80}(?:\s(?:>|»|›|/)\s[^\n]{0,80})*$"), ">", "»", "›", "/"
)
# Page furniture by its form: an alphabet index, a skip link, a cookie notice, a publication stamp,
# a PDF viewer's controls ('Download "…"', "Storlek: px", "Starta visningen från sidan:").
_MORE_FURNITURE = re.compile(
    r"^(?:(?:[A-ZÅÄÖ]\s+){7,}[A-ZÅÄÖ]|hoppa\s+(?:över|till|direkt)\b.*|"
    r"(?:uppdaterad|uppdaterades|publicerad|publicerades|senast\s+ändrad|ändrad|skapad|postad|posted)\b.*|"
    r"(?:download|ladda\s+ne[rd])\b.*|storlek\s*:.*|transkript|"
    r"annons(?:er)?|reklam|sponsrad?|ok|acceptera(?:\s+\w+){0,2}|godkänn(?:\s+\w+){0,2})$",
    re.IGNORECASE,
)
# ... and by a word anywhere in the line, looked for only in a line that holds it: each of these
# reads the whole line at every place it could start
_FURNITURE_WORD = Guarded(
    re.compile(r"^(?:.*\bcookies?\b.*|.*\bvisningen\b.*|.*\b(?:px|pdf|kb|mb)\s*\)?)$", re.IGNORECASE),
    "cookie", "visningen", "px", "pdf", "kb", "mb",
)  # fmt: skip


def is_furniture(text: str) -> bool:
    return bool(
        FURNITURE.match(text)
        or _MORE_FURNITURE.match(text)
        or _TRAIL.match(text)
        or _FURNITURE_WORD.match(text)
    )


def menu_block(top: list[Line]) -> list[Line]:
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
    naming = any(DOC_WORD_IN.search(ln.text) or BODY_WORD_IN.search(ln.text) for ln in run)
    # a menu may hold "Protokoll" among its links; four short lines that name a body are a letterhead
    return run if len(run) >= 5 or (len(run) >= 4 and not naming) else []
