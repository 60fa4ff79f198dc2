"""Interactive review: of extracted items before they are imported, of the agenda at the meeting.

For each item of minutes: accept, edit (text, owners, due date), skip; or accept all the
rest, or quit without importing the document. For each item of the agenda: done, keep,
new due date, reassign, drop, skip; each answer is applied by the use case
(service.decide) as soon as it is given.

The answer letters are the bracketed ones of the prompt, in the interface language; the
English letters are always understood too: a Swede used to [a]ccept, or a script
written for the English prompt, keeps working.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import typer

from actiontrack import dates
from actiontrack.cli.output import safe_console, say
from actiontrack.errors import ActionTrackError, DateError
from actiontrack.i18n import N_, _, ngettext
from actiontrack.models import ExtractedItem, Extraction, Owner, OwnerKind
from actiontrack.records import replace

# TRANSLATORS: one letter in brackets per answer, in this order; they must differ from each other
# and from the English letters of another answer (those are understood too)
CHOICES = N_("[a]ccept, [e]dit, [s]kip, accept [A]ll, [q]uit")


def answer_letters(choices: str) -> dict[str, str]:
    """The answer a letter stands for: the translated prompt's letters and the English ones,
    both mapped to the English letter the code acts on."""
    import re

    english = re.findall(r"\[(\w)\]", choices)
    translated = re.findall(r"\[(\w)\]", _(choices))
    letters = dict(zip(english, english, strict=True))
    if len(translated) == len(english):
        letters.update(zip(translated, english, strict=True))
    return letters


def _answer(choices: str, typed: str) -> str:
    """The English letter of an answer ("A" and "a" differ only where the prompt has both)."""
    letters = answer_letters(choices)
    typed = typed.strip()
    if typed in letters:
        return letters[typed]
    return letters.get(typed.lower(), typed.lower())


class ImportCancelled(ActionTrackError):
    pass


def _say(text: str) -> None:
    """To the person reviewing: texts from documents and others with control characters shown."""
    from actiontrack.render import visible

    say(visible(text), err=True)


def review_items(
    extraction: Extraction, name: str, *, today: date, warnings: list[str], check: Any
) -> list[Any]:
    """Each item of the minutes: accept, edit, skip; every decision is returned (service.Reviewed),
    the skipped ones too, so that the minutes imported again keep them. What the import would
    warn about is said first, and an owner nobody is called gets a question, not a new person."""
    from rich.text import Text

    from actiontrack.render import extraction_table, visible
    from actiontrack.service import Reviewed

    console = safe_console()(stderr=True)
    console.print(Text(visible(name), style="bold"))  # a file name is no markup
    console.print(extraction_table(extraction))
    for warning in warnings:
        _say(_("Note: {note}").format(note=warning))
    # a date typed now counts from today, as in `edit` (never from before the meeting itself)
    base = max(today, extraction.meeting.date or today)
    decided: list[Any] = []
    items = extraction.items
    for n, item in enumerate(items, start=1):
        _say(f"\n[{n}/{len(items)}] {kind_label(item.kind.value)}: {item.text}")
        _say(
            "  "
            + _("owners: {owners}; due: {due}; line {line}").format(
                owners=_owners_checked(item, check) or _("the group"), due=item.due or "–", line=item.line
            )
        )
        answer = _answer(CHOICES, typer.prompt(_(CHOICES), default=_default(CHOICES, "a"), err=True))
        if answer == "A":
            decided.extend(Reviewed(e, e) for e in items[n - 1 :])
            break
        if answer == "q":
            raise ImportCancelled(_("Import of {name} cancelled; nothing was written.").format(name=name))
        if answer == "s":
            decided.append(Reviewed(item, None))
            continue
        new_people: list[str] = []
        kept = (
            _edit(item, base, extraction.meeting.next_meeting, check, new_people) if answer == "e" else item
        )
        decided.append(Reviewed(item, kept, tuple(new_people)))
    return decided


def _owners(item: ExtractedItem) -> str:
    return ", ".join(o.name for o in item.owners)


def _owners_checked(item: ExtractedItem, check: Any) -> str:
    """The owners, each person as the import would store them: "Kjell (nobody known; did you
    mean Kjell Andersson?)"."""
    out = []
    for owner in item.owners:
        name = owner.name
        like_a_name = " " not in name and name[:1].isupper() and not name.isupper()  # "Birgita"
        if owner.kind is OwnerKind.ORGANISATION and not like_a_name:
            out.append(name)
            continue
        found, options = check(owner.name)
        if owner.kind is OwnerKind.ORGANISATION and found is None and not options:
            out.append(name)
            continue
        if found is not None:
            out.append(found)
        elif options:
            out.append(
                _("{name} (nobody known; did you mean {options}?)").format(
                    name=owner.name, options=_(" or ").join(options)
                )
            )
        else:
            out.append(_("{name} (nobody known yet)").format(name=owner.name))
    return ", ".join(out)


def _edit(
    item: ExtractedItem, base: date, next_meeting: date | None, check: Any, new_people: list[str]
) -> ExtractedItem:
    text = typer.prompt("  " + _("text"), default=item.text, err=True).strip() or item.text
    names = typer.prompt(
        "  " + _("owners (comma-separated, '-' for the group)"), default=_owners(item) or "-", err=True
    )
    owners = tuple(
        _typed_owner(n.strip(), check, new_people) for n in names.split(",") if n.strip() and n.strip() != "-"
    )
    due = item.due
    while True:
        answer = typer.prompt(
            "  " + _("due ('-' for none)"), default=item.due.isoformat() if item.due else "-", err=True
        )
        if answer.strip() == "-":
            due = None
            break
        try:
            due = dates.parse_date(answer, base, next_meeting=next_meeting)
            break
        except DateError as e:
            _say(f"  {e}")
    return replace(item, text=text, owners=tuple(dict.fromkeys(owners)), due=due)


def _typed_owner(name: str, check: Any, new_people: list[str]) -> Owner:
    """An owner typed in the review: a known person, an organisation (lower case), a whole name
    like nobody's (a new person), or, for a name nobody has that is like others or a bare first
    name, what the user says: one of the near names, a new person, or not known yet."""
    if name[:1].islower():
        return Owner(name, OwnerKind.ORGANISATION)
    found, options = check(name)
    if found is not None:
        return Owner(found, OwnerKind.PERSON)
    if not options and len(name.split()) > 1:  # a whole name typed, like nobody's: the user's new person
        _say("  " + _("{name} will be a new person.").format(name=name))
        new_people.append(name)
        return Owner(name, OwnerKind.PERSON)
    _say("  " + _("'{name}' is nobody known.").format(name=name))
    for n, option in enumerate(options, start=1):
        _say(f"    {n}. {option}")
    new = "n"  # "ny person" in Swedish too
    _say("    " + _("{letter}. a new person called {name}").format(letter=new, name=name))
    answer = typer.prompt(
        "  " + _("Which one (number, {letter}, or Enter to keep it as not known yet)").format(letter=new),
        default="",
        show_default=False,
        err=True,
    ).strip()
    if answer.isdigit() and 1 <= int(answer) <= len(options):
        return Owner(options[int(answer) - 1], OwnerKind.PERSON)
    if answer.lower() == new:
        new_people.append(name)
        return Owner(name, OwnerKind.PERSON)
    return Owner(name, OwnerKind.UNRESOLVED)


# TRANSLATORS: as CHOICES, one bracketed letter per answer in this order
AGENDA_CHOICES = N_("[d]one, [k]eep, [n]ew due date, [r]eassign, drop [x], [s]kip, [q]uit")


def _default(choices: str, english: str) -> str:
    """The letter shown as the prompt's default, in the interface language."""
    return next((t for t, e in answer_letters(choices).items() if e == english and t != english), english)


def kind_label(kind: str) -> str:
    from actiontrack.render import KIND_LABELS

    return _(KIND_LABELS.get(kind, kind))


def review_agenda(state, agenda) -> None:  # type: ignore[no-untyped-def]
    """Walk through the agenda's items at the meeting. Each answer is saved at once, in the
    item's history, with the meeting it was decided at."""
    from actiontrack import service
    from actiontrack.render.agenda import owners_words, write_date

    day = agenda.date or state.today
    meeting = state.write(lambda repo: service.meeting_for_review(repo, agenda.group, day, now=state.now))
    total = len(agenda.all_items())
    _say(
        ngettext(
            "Reviewing {n} item at meeting #{id} ({group} {date}).",
            "Reviewing {n} items at meeting #{id} ({group} {date}).",
            total,
        ).format(n=total, id=meeting.id, group=meeting.group, date=write_date(meeting.date))
    )
    following = agenda.following.date if agenda.following else None
    counts: dict[str, int] = {}
    for n, item in enumerate(agenda.all_items(), start=1):
        _say(f"\n[{n}/{total}] #{item.id} {item.text}")
        due = _("due {date}").format(date=item.due or "–")
        _say(f"  {owners_words(item)}; {due}")
        for owner in item.owners:
            if owner.kind is OwnerKind.UNRESOLVED:  # said where it can be answered
                _say(
                    "  "
                    + _("'{name}' is nobody known yet: [r]eassign says who it is.").format(name=owner.name)
                )
        while True:
            typed = typer.prompt(_(AGENDA_CHOICES), default=_default(AGENDA_CHOICES, "k"), err=True)
            answer = _answer(AGENDA_CHOICES, typed.strip().lower())
            if answer == "q":
                _summary(counts)
                return
            details = _details(answer)
            if details is None:
                continue
            said: list[str] = []
            try:
                done = state.write(
                    lambda repo, answer=answer, item=item, details=details, said=said: service.decide(
                        repo,
                        item.id,
                        answer,
                        now=state.now,
                        held_on=meeting.date,
                        following=following,
                        warnings=said,
                        **details,
                    )
                )
            except ActionTrackError as e:
                _say(f"  {e}")
                continue
            for note in dict.fromkeys(said):
                _say("  " + _("Note: {note}").format(note=note))
            counts[done] = counts.get(done, 0) + 1
            break
    _summary(counts)


def _details(answer: str) -> dict[str, object] | None:
    """What an answer needs besides itself, asked for; None for an answer that is none."""
    if answer == "d":
        return {
            "note": typer.prompt(
                "  " + _("note (optional)"), default="", show_default=False, err=True
            ).strip()
        }
    if answer == "n":
        return {"due": typer.prompt("  " + _("new due date"), err=True)}
    if answer == "r":
        names = typer.prompt("  " + _("new owner(s), comma-separated"), err=True)
        return {"owners": [n for n in names.split(",") if n.strip()]}
    if answer == "x":
        return {"reason": typer.prompt("  " + _("why is it dropped"), err=True)}
    if answer in ("k", "s"):
        return {}
    import re

    letters = re.findall(r"\[(\w)\]", _(AGENDA_CHOICES))
    say(
        "  " + _("Answer {letters} or {last}.").format(letters=", ".join(letters[:-1]), last=letters[-1]),
        err=True,
    )
    return None


def _summary(counts: dict[str, int]) -> None:
    text = ", ".join(_outcome(what, n) for what, n in counts.items()) or _("nothing changed")
    say("\n" + _("Review: {outcome}.").format(outcome=text), err=True)


def _outcome(what: str, n: int) -> str:
    """ "1 done", "2 kept": one line each, so that the catalog has every form."""
    if what == "done":
        return ngettext("{n} done", "{n} done", n).format(n=n)
    if what == "kept":
        return ngettext("{n} kept", "{n} kept", n).format(n=n)
    if what == "new due date":
        return ngettext("{n} new due date", "{n} new due dates", n).format(n=n)
    if what == "reassigned":
        return ngettext("{n} reassigned", "{n} reassigned", n).format(n=n)
    if what == "dropped":
        return ngettext("{n} dropped", "{n} dropped", n).format(n=n)
    return ngettext("{n} skipped", "{n} skipped", n).format(n=n)
