"""Each person's digest as e-mail: plain text and HTML to paste into a message, or one .eml per
person that Outlook, Thunderbird and Apple Mail open as a draft ready to send.

The Markdown digest shows its asterisks when pasted into Outlook; these forms have none. A
draft's To: is the person's e-mail address when one is known (an alias with an @, `track people
alias "Leif Redestig" leif@kommun.se`); the subject and the words are in the interface language.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from actiontrack.i18n import _, language, ngettext
from actiontrack.render.agenda import write_date
from actiontrack.render.text import visible

_UNSAFE_FILE = re.compile(r"[^\w.-]+")


def _count(d: Any, today: date) -> str:
    late = sum(1 for i in d.items if i.is_overdue(today))
    count = ngettext("{n} open item", "{n} open items", len(d.items)).format(n=len(d.items))
    if late:
        count += ", " + ngettext("{n} overdue", "{n} overdue", late).format(n=late)
    return count


def _meta(item: Any) -> str:
    meta = [_("due {date}").format(date=write_date(item.due)) if item.due else _("no due date")]
    if item.meeting:
        meta.append(f"{item.meeting.group} {write_date(item.meeting.date)}")
    return "; ".join(meta)


def _body_text(d: Any, today: date) -> list[str]:
    lines = []
    for item in d.items:
        flag = _("OVERDUE") + ": " if item.is_overdue(today) else ""
        lines.append(visible(f"- {flag}{' '.join(item.text.split())} ({_meta(item)}) #{item.id}"))
    return lines


def digest_text(digests: Sequence[Any], today: date) -> str:
    """Plain text: a heading line per person, an item a line, OVERDUE in capitals."""
    out: list[str] = []
    for d in digests:
        head = visible(f"{d.owner}: {_count(d, today)}")
        out += [head, "=" * len(head), *_body_text(d, today), ""]
    return "\n".join(out)


def _body_html(d: Any, today: date) -> str:
    rows = []
    for item in d.items:
        late = item.is_overdue(today)
        flag = f'<strong style="color:#a00000">{html.escape(_("Overdue"))}:</strong> ' if late else ""
        rows.append(
            f"<li>{flag}{html.escape(visible(item.text))} "
            f'<span style="color:#595959">({html.escape(visible(_meta(item)))}) #{item.id}</span></li>'
        )
    return "<ul>" + "".join(rows) + "</ul>"


def digest_html(digests: Sequence[Any], today: date) -> str:
    """A whole HTML page (to open in a browser and paste into a message)."""
    parts = [
        f'<!DOCTYPE html><html lang="{language()}"><head><meta charset="utf-8">'
        f"<title>{html.escape(_('Open items'))}</title></head>"
        '<body style="font-family:Calibri,Arial,sans-serif;font-size:11pt">'
    ]
    for d in digests:
        parts.append(f"<h2>{html.escape(visible(d.owner))}: {html.escape(_count(d, today))}</h2>")
        parts.append(_body_html(d, today))
    return "".join(parts) + "</body></html>\n"


def digest_emails(
    digests: Sequence[Any], today: date, addresses: dict[str, str], *, now: datetime
) -> list[tuple[str, bytes]]:
    """(file name, .eml bytes) per person: a draft with a plain and an HTML part."""
    from email.message import EmailMessage
    from email.policy import SMTP
    from email.utils import format_datetime, formataddr

    out = []
    for d in digests:
        message = EmailMessage()
        message["Subject"] = _("Your open items: {count}").format(count=_count(d, today))
        if d.owner in addresses:
            message["To"] = formataddr((d.owner, addresses[d.owner]))
        message["Date"] = format_datetime(now)
        message["X-Unsent"] = "1"  # Outlook opens the file as a draft to send, not as a received mail
        greeting = _("Hello {name},").format(name=d.owner.split()[0])
        intro = _("here is what you have open, overdue first:")
        text = "\n".join([greeting, "", intro, "", *_body_text(d, today), ""])
        message.set_content(text)
        page = (
            f'<html lang="{language()}"><body style="font-family:Calibri,Arial,sans-serif;font-size:11pt">'
            f"<p>{html.escape(greeting)}</p><p>{html.escape(intro)}</p>{_body_html(d, today)}</body></html>"
        )
        message.add_alternative(page, subtype="html")
        message["Content-Language"] = (
            "sv-SE" if language() == "sv" else "en-GB"
        )  # after the parts: they reset it
        name = _UNSAFE_FILE.sub("-", d.owner).strip("-") or "digest"
        out.append((f"{name}.eml", message.as_bytes(policy=SMTP)))  # CRLF, as mail programs write it
    return out


def addresses_of(people: Sequence[Any]) -> dict[str, str]:
    """Each person's e-mail address, when one of their aliases is one."""
    found = {}
    for person in people:
        address = next((a for a in person.aliases if re.fullmatch(r"[^@\s]+@[^@\s]+\.\w+", a)), None)
        if address:
            found[person.name] = address
    return found
