"""Which Swedish sentences commit someone to something, and who.

A sentence is an action item when a cue says that someone will do something
after the meeting ("ska", "kommer att", "tar fram", "Stig gör utskick", "får i
uppdrag", "Att ..." under "Beslut:"), a deferred point when the topic is put off
("bordläggs", "skjuts till nästa möte", "tas upp vid nästa möte"). It is not an
item when it is a question, a possibility ("kan", "kanske", "eventuellt"), a
report or an opinion ("berättar", "anser"), a purpose ("för att ... ska"), a
relative clause ("en grupp som ska ..."), or has no agent ("det ska finnas").
A list line can be a task by its form: under "Att göra", "Boka lokal (Eva)",
"Eva: boka lokal", "Fixa inbjudan @Eva".

`find_cue` returns the cue and the words of the subject; owners.py turns the
subject into people. The word lists and patterns are data in cues.py and
lexicon.py; clauses.py finds the clause and the subject.
"""

from __future__ import annotations

import re

from actiontrack.extract.clauses import (
    assignment_after,
    base_task_verb,
    clause_start,
    commit_matches,
    hedged,
    is_infinitive,
    is_own,
    is_passive_task,
    is_report,
    is_subject_word,
    leading_subject,
    main_clause,
    passive_subject_ok,
    starts_with_agent,
    subject_tokens,
    with_subject,
)
from actiontrack.extract.cues import (
    _B,
    _E,
    ADVERBS,
    ASKED,
    ASSIGNMENT,
    CLAUSE_BREAK,
    COMING,
    DECIDED_HERE,
    DECISION,
    DEFERRAL,
    DETERMINERS,
    FILED,
    FOLLOW_UP,
    FUTURE_DEADLINE,
    GROUP_WORDS,
    HEDGES,
    LEADING_OWNER,
    MODAL,
    NEGATIONS,
    NEXT_MEETING_LINE,
    NEXT_MEETING_REF,
    NEXT_STEP,
    NON_AGENTS,
    OWN_PLAN_LEMMAS,
    OWN_PLAN_VERBS,
    PASSIVE,
    PASSIVE_AGENT,
    REQUESTED,
    SHOUTED_OWNER,
    STATE_VERBS,
    TAGGED_OWNER,
    TODO_OWNER,
    TOKEN,
    Context,
    Cue,
    words,
)
from actiontrack.models import Kind


def tagged_owner(s: str, ctx: Context) -> str | None:
    """An owner tagged anywhere in the line: "@Victor", or a known name shouted at its end ("ERIK!")."""
    tag = TAGGED_OWNER.search(s)
    if tag:
        return tag.group("tag")
    shout = SHOUTED_OWNER.search(s)
    if shout and shout.group("shout").casefold() in ctx.names:
        return shout.group("shout").capitalize()
    return None


def find_cue(sentence: str, ctx: Context = Context()) -> Cue | None:
    """The action or deferral cue of a sentence, or None when it is no item."""
    s = sentence.strip()
    if not s or s.endswith("?"):
        return None
    if DEFERRAL.search(s):
        return Cue(Kind.DEFERRED, "deferral", 0.9, leading_subject(s))
    if NEXT_MEETING_LINE.match(s) or DECIDED_HERE.search(s):
        return None  # "Nästa möte bokas till ...", "beslutar att ändra dagordningen": no task
    if ctx.in_decisions and re.match(r"^att\s", s, re.IGNORECASE):
        rest = s[4:]
        assigned = ASSIGNMENT.search(rest)
        if assigned and (assigned.group("assignee") or assigned.group("assignee2")):
            return Cue(
                Kind.ACTION, "decision", 0.8, assigned.group("assignee") or assigned.group("assignee2")
            )
        return Cue(Kind.ACTION, "decision", 0.7, leading_subject(rest) if starts_with_agent(rest) else None)
    if ctx.in_deferred:
        own = _cue(s, ctx)
        if own is not None and own.subject and not own.inherit and own.rule in ("modal", "present", "commit"):
            return own  # "Lisa ska läsa på om X" under "Skjuts till nästa termin": a task of its own
        return Cue(Kind.DEFERRED, "deferred-list", 0.75, marked_owner(s, ctx) or ctx.line_owner)
    if ctx.in_todo:
        marked = marked_owner(s, ctx) or ctx.line_owner
        cue = _cue(s, ctx)
        if cue is not None and (marked is None or cue.subject and not cue.inherit):
            return cue
        return Cue(Kind.ACTION, "todo", 0.8, marked)
    lead = LEADING_OWNER.match(s)
    if lead and _names_people(lead.group("lead"), ctx) and not (ctx.in_list or ctx.own_line):
        cue = _named_line(s, lead)
        if cue is not None:
            return cue
    if ctx.in_list or ctx.own_line:
        cue = _list_line_cue(s, ctx)
        if cue is not None:
            return cue
    if is_report(s) or ctx.in_views:
        return _reported_task(s, ctx) if not ctx.in_views else None
    return _cue(s, ctx)


def _cue(s: str, ctx: Context = Context()) -> Cue | None:
    """The action cue of a sentence that is neither a question nor a deferral."""
    m = ASSIGNMENT.search(s)
    if m and main_clause(s, m.start()):
        if m.group("assignee") or m.group("assignee2"):
            return Cue(Kind.ACTION, "assignment", 0.9, m.group("assignee") or m.group("assignee2"))
        return with_subject(s, m.start(), m.end(), "assignment", 0.9)
    m = ASKED.search(s)
    if m and main_clause(s, m.start()) and base_task_verb(m.group("verb")):
        return Cue(Kind.ACTION, "asked", 0.7, m.group("asked"))
    m = REQUESTED.search(s)
    if m and main_clause(s, m.start()) and not hedged(s, m.start(), m.end()):
        cue = with_subject(s, m.start(), m.end(), "requested", 0.75)
        if cue:
            return cue
    m = DECISION.search(s)
    if m and main_clause(s, m.start()) and is_infinitive(m.group("verb")):
        return with_subject(s, m.start(), m.end(), "decision", 0.75)
    m = COMING.search(s)
    if m and main_clause(s, m.start()) and not hedged(s, m.start(), m.end()):
        return Cue(Kind.ACTION, "announced", 0.6, None)
    m = NEXT_STEP.search(s)
    if m and main_clause(s, m.start()):
        return Cue(Kind.ACTION, "next-step", 0.6, None)
    for m in MODAL.finditer(s):
        cue = _modal(s, m)
        if cue:
            return cue
    for start, end, inverted in commit_matches(s):
        if main_clause(s, start) and not hedged(s, start, end):
            cue = with_subject(s, start, end, "commit", 0.7, inverted=inverted)
            if cue and s[start:end].split()[0].lower() in OWN_PLAN_VERBS and not is_own(cue.subject, ctx):
                continue
            if cue:
                return cue
    cue = _present_cue(s, ctx)
    if cue is not None:
        return cue
    m = PASSIVE.search(s)
    if (
        m
        and main_clause(s, m.start())
        and not hedged(s, m.start(), m.end())
        and passive_subject_ok(s, m.start())
    ):
        agent = PASSIVE_AGENT.match(s[m.end() :])
        return Cue(Kind.ACTION, "passive", 0.6 if agent else 0.55, agent.group("agent") if agent else None)
    return _passive_by_lemma(s)


def _passive_by_lemma(s: str) -> Cue | None:
    """The first finite verb is the s-passive of a task verb: "Frågor från medlemmarna lämnas in till Eva"."""
    from actiontrack.extract import lexicon

    for m in TOKEN.finditer(s):
        word = m.group(0)
        if m.start() == 0 or not word.islower():
            continue
        if is_passive_task(word) and not FILED.search(s):
            if main_clause(s, m.start()) and not hedged(s, m.start(), m.end()) and passive_subject_ok(s, m.start()):
                agent = PASSIVE_AGENT.match(s[m.end() :])
                return Cue(Kind.ACTION, "passive", 0.55, agent.group("agent") if agent else None)
            return None
        if lexicon.lemma_of(word) is not None and not word.endswith(("ande", "ende", "ad", "at", "ade")):
            return None  # another finite verb comes first: the passive is not the clause's verb
    return None


def _present_cue(s: str, ctx: Context) -> Cue | None:
    """ "Stig gör utskick", "Helena och Gunilla bokar lokalen": a named subject, then a verb
    whose lemma commits (lexicon.COMMIT) in the present tense."""
    from actiontrack.extract import lexicon

    start = clause_start(s)
    spans = [(m.start() + start, m.group(0)) for m in TOKEN.finditer(s[start:])]
    tokens = [t for _, t in spans]
    n = subject_tokens(tokens, ctx)
    if n == 0 or n >= len(tokens):
        return None
    subject_words = tokens[:n]
    first = subject_words[0].casefold()
    if first in NON_AGENTS or first in DETERMINERS:
        return None
    # a capitalised verb after a name ("Gustav Fixar ..."): the last subject word may be the verb
    verb_at = n
    if (
        not lexicon.is_present(tokens[verb_at])
        and n >= 2
        and lexicon.is_present(subject_words[-1])
        and subject_words[-1].casefold() not in ctx.names
    ):
        verb_at = n - 1
        subject_words = subject_words[:-1]
    verb = tokens[verb_at]
    if is_passive_task(verb) and not FILED.search(s):  # "Cissi vidtalas", "Anna och Bo tillfrågas"
        pos = spans[verb_at][0]
        if not main_clause(s, pos) or hedged(s, pos, pos + len(verb)):
            return None
        agent = PASSIVE_AGENT.match(s[pos + len(verb) :])
        return Cue(Kind.ACTION, "passive", 0.55, agent.group("agent") if agent else None)
    if not lexicon.is_present(verb):
        return None
    rest = [t for t in tokens[verb_at + 1 : verb_at + 4] if not re.fullmatch(ADVERBS + "|inte|ej", t, re.I)]
    particle = rest[0] if rest else None
    if particle and particle.casefold() == "att" and not (len(rest) > 1 and is_infinitive(rest[1])):
        return None  # "Vi beräknar att ca 50 kommer": a that-clause reports
    klass = lexicon.verb_class(verb, particle)
    pos = spans[verb_at][0]
    if not main_clause(s, pos) or hedged(s, pos, pos + len(verb)):
        return None
    subject = " ".join(subject_words).replace(" ,", ",")
    if klass == "commit":
        if lexicon.lemma_of(verb) in OWN_PLAN_LEMMAS and not is_own(subject, ctx):
            return None
        return Cue(Kind.ACTION, "present", 0.7, subject)
    if klass == "report" and FUTURE_DEADLINE.search(s[pos:]):
        return Cue(Kind.ACTION, "present-deadline", 0.65, subject)
    return None


def _reported_task(s: str, ctx: Context) -> Cue | None:
    """A report verb with a deadline after the meeting: "Leif presenterar ett förslag till nästa möte"."""
    if not FUTURE_DEADLINE.search(s):
        return None
    return _present_cue(s, ctx)


def marked_owner(s: str, ctx: Context) -> str | None:
    """The owner a list line marks: "(Josef)", "- Eva", ": Max", "Ansvarig: Eva", "@Victor", "Anna: ..."."""
    tag = TAGGED_OWNER.search(s)
    if tag:
        return tag.group("tag")
    lead = LEADING_OWNER.match(s)
    if lead and _names_people(lead.group("lead"), ctx):
        return lead.group("lead")
    return owner_at_end(s, ctx)


def owner_at_end(s: str, ctx: Context) -> str | None:
    """The owner written at the end of a line: "(Josef)", "- Eva", ": Max", "Ansvarig: Eva"."""
    m = TODO_OWNER.search(s)
    if not m:
        return None
    who = (m.group("paren") or m.group("dash") or m.group("colon") or m.group("resp") or "").strip()
    if m.group("paren") is not None or m.group("colon") is not None:
        return who if _names_people(who, ctx) else None
    return who or None


def _names_people(text: str, ctx: Context) -> bool:
    """ "Josef", "Victor & Hanna", "alla", "Anna B": names (or the group), not "(senast torsdag)"."""
    from actiontrack.people import looks_like_first_name

    parts = [p for p in re.split(r"\s*,\s*|\s+och\s+|\s*[&/+]\s*", text.strip()) if p]
    if not parts or len(parts) > 6:
        return False
    for part in parts:
        low = part.casefold()
        first = part.split()[0]
        if low in GROUP_WORDS or low in ctx.names or first.casefold() in ctx.names:
            continue
        if looks_like_first_name(first) and len(part.split()) <= 2:
            continue
        return False
    return True


def _named_line(s: str, lead: re.Match[str]) -> Cue | None:
    """ "Anna: boka lokal", "Bo: Granskning av texten (senast torsdag)": a task for the one named."""
    rest = lead.group("rest")
    first = words(rest)[:2]
    if (first and base_task_verb(first[0], first[1] if len(first) > 1 else None)) or re.search(
        _B + r"senast" + _E, rest, re.IGNORECASE
    ):
        return Cue(Kind.ACTION, "named-line", 0.75, lead.group("lead"))
    return None


def _list_line_cue(s: str, ctx: Context) -> Cue | None:
    """A list line that is a task by its form: "Anna: boka lokal", "Prata med Olav @Victor",
    "Fixa inbjudan" (an imperative of a task verb)."""

    lead = LEADING_OWNER.match(s)
    if lead and _names_people(lead.group("lead"), ctx):
        return _named_line(s, lead)
    tag = TAGGED_OWNER.search(s)
    if tag:
        return Cue(Kind.ACTION, "tagged", 0.75, tag.group("tag"))
    if not ctx.in_list:
        return None
    marked = marked_owner(s, ctx) or ctx.line_owner
    end = TODO_OWNER.search(s)
    at_end = end and (end.group("colon") or end.group("paren") or end.group("dash"))
    if marked and (at_end or ctx.line_owner) and not s.endswith("?"):
        return Cue(Kind.ACTION, "owner-marked", 0.7, marked)  # "Få databasen att fungera: Kim"
    first = words(s)[:1]
    if first and is_passive_task(first[0]) and first[0][:1].isupper():
        return Cue(Kind.ACTION, "passive", 0.55, marked)  # "Inkluderas i nyhetsbrevet"
    following = words(s)[1:2]
    if (
        ctx.in_list
        and first
        and first[0][:1].isupper()
        and base_task_verb(first[0], following[0] if following else None)
        and not s.rstrip().endswith("?")
        and not hedged(s, 0, len(first[0]))
    ):
        return Cue(Kind.ACTION, "imperative", 0.6, marked)
    return None


def meeting_referred(text: str, title: str | None) -> str | None:
    """ "this": the next meeting of this group ("till nästa möte", "nästa styrelsemöte" in a board's
    minutes); "other": another body's ("nästa kommittémöte"); None when no meeting is named."""
    m = NEXT_MEETING_REF.search(text)
    if not m:
        return None
    if re.search(r"näst[\s-]*nästa\s*$", text[: m.start() + 5], re.IGNORECASE):
        return "other"  # "till näst-nästa möte": a meeting whose date the minutes do not give
    kind = (m.group("kind") or "").casefold().rstrip("s-")
    if not kind or kind in ("ordinarie", "vanliga", "ordinarie-"):
        return "this"
    return "this" if title and kind in title.casefold() else "other"


def more_clauses(sentence: str, ctx: Context = Context(), *, passives: bool = False) -> list[tuple[int, str, Cue]]:
    """The later clauses of a sentence that are tasks of their own, with a subject of their own:
    "Gunilla bokar lokalen, Stig gör utskick, Helena och Bo handlar" -> the second and third.
    `passives`: a passive clause counts too ("Lokalen – Cissi vidtalas")."""
    out: list[tuple[int, str, Cue]] = []
    breaks = [m.end() for m in CLAUSE_BREAK.finditer(sentence)]
    for i, start in enumerate(breaks):
        end = breaks[i + 1] if i + 1 < len(breaks) else len(sentence)
        clause = sentence[start:end].rstrip(" ,;.")
        cue = None if is_report(clause) or clause.endswith("?") else _cue(clause, ctx)
        if cue is not None and not cue.inherit and (cue.subject or passives and cue.rule == "passive"):
            out.append((start, clause, cue))
    return out


def is_follow_up(sentence: str) -> bool:
    """A sentence that names who does the item just before ("Kalle håller i detta")."""
    return bool(FOLLOW_UP.search(sentence))


def _modal(s: str, m: re.Match[str]) -> Cue | None:
    if not main_clause(s, m.start()):
        return None
    after = words(s[m.end() :])
    inverted = m.group("inv") if m.groupdict().get("inv") else None
    if inverted and (
        inverted.lower() == "att" or re.fullmatch(ADVERBS + "|också|även|nog|inte", inverted, re.I)
    ):
        inverted = None
    # "ska vi göra", "ska Leif skicka": an inverted subject right after the modal
    i = 0
    subject_after = None
    if (
        len(after) > 1
        and is_subject_word(after[0])
        and after[1].isalpha()
        and after[1][0].islower()
        and after[0].lower() not in STATE_VERBS
    ):
        subject_after, i = after[0], 1
    while i < len(after) and re.fullmatch(
        ADVERBS + r"|inte|ej|också|även|själv|själva|bland|annat", after[i], re.I
    ):
        if after[i].lower() in NEGATIONS:
            return None
        i += 1
    if i >= len(after):
        return None
    verb = after[i].lower()
    if verb in HEDGES or verb in NEGATIONS or verb in STATE_VERBS and not assignment_after(after, i):
        return None
    if re.match(r"(?i)måste|behöver|kommer$", m.group(0)) and not (
        base_task_verb(after[i], after[i + 1] if i + 1 < len(after) else None) or is_passive_task(after[i])
    ):
        return None  # "måste förstå", "behöver bli": a need, not a task; "måste boka" is one
    if hedged(s, m.start(), m.end()):
        return None
    if is_passive_task(after[i]):  # "Inbjudan ska skickas ut": a task, its subject is the thing done
        agent = PASSIVE_AGENT.match(s[m.end() :].split(after[i], 1)[-1])
        return Cue(Kind.ACTION, "modal-passive", 0.7, agent.group("agent") if agent else None)
    if subject_after or inverted:
        who = subject_after or inverted
        if who and who.lower() in NON_AGENTS:
            return None
        return Cue(Kind.ACTION, "modal", 0.85, who)
    return with_subject(s, m.start(), m.end(), "modal", 0.85)
