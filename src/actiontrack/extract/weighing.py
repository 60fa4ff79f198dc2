"""A sentence's clauses weighed as items: each main clause's features with what only the
whole sentence tells, scored by the classifier.

    chosen, best = weigh_clauses(reading, line, weights, record, time=..., tense="past", reported=False)

features.py names what a clause is; here the sentence adds its time (time_cues.py), a
deferral of the point ("Frågan tas upp på nästa möte", whatever the verb means alone), a doer
named after "av", the tense the minutes are told in and a report just before. The clauses that
score over the threshold are items. A sentence with no main clause is weighed by its form
("no-clause"). Every clause weighed is told to `record` as a Candidate: training sees them;
`why` tells --explain the features that weighed most.
"""

from __future__ import annotations

from collections.abc import Callable

from actiontrack.extract import features, meanings, spans
from actiontrack.extract.classify import Weights
from actiontrack.extract.clause import Clause, complements, upos
from actiontrack.extract.doer import passive_agent
from actiontrack.extract.due import later_meeting, other_meeting
from actiontrack.extract.tagger import Token
from actiontrack.extract.time_cues import BEFORE_ONLY
from actiontrack.records import record


@record(frozen=True)
class Reading:
    """A sentence as the grammar reads it."""

    text: str
    tokens: list[Token]
    found: list[Clause]
    ctx: features.Context
    marked: str | None  # the owner the line marks: "(Eva)", "Eva:", "@Eva"
    offset: int  # where the grammar's text starts in the sentence ("Eva: boka lokal")


@record(frozen=True)
class Candidate:
    """A clause weighed as an item: what training and --explain see."""

    sentence: str
    line: int
    start: int  # character span of the clause in the sentence
    end: int
    features: tuple[str, ...]
    score: float


Recorder = Callable[[Candidate], None]


def weigh_clauses(
    r: Reading, line: int, weights: Weights, record: Recorder | None,
    *, time: list[str], tense: str, reported: bool, title: str | None = None,
) -> tuple[list[tuple[Clause, float, bool]], tuple[float, list[str]]]:
    """The main clauses that are items (each with its score and whether it defers), and the
    best-scored features of the sentence for --explain. `time` is what the sentence says of
    time (time_cues.py), `tense` the one the minutes are told in, `reported` whether the
    sentence before told what someone said or thinks, `title` the minutes' title (which names the
    group's later meetings: "nästa brukarråd")."""
    extra = list(time)
    if "deferred" in (r.ctx.heading, r.ctx.label):
        extra.append("under-deferral-heading")
    if not any(c.is_main for c in r.found):
        feats = _no_clause_features(r, extra, reported)
        return [], (_weigh(weights, record, r.text, line, 0, len(r.text), feats), feats)
    later = later_meeting(r.text, title)
    chosen: list[tuple[Clause, float, bool]] = []
    best: tuple[float, list[str]] = (-1.0, [])
    for k, clause in enumerate(r.found):
        if not clause.is_main:
            continue
        start, end = spans.span(r.tokens, clause, r.found)
        ahead = "time:ahead" in time or "time:future-date" in time
        deferred = _defers(r, clause, later, start, end, title, ahead=ahead)
        feats = _sentence_features(r, k, extra, tense=tense, reported=reported, deferred=deferred)
        score = _weigh(weights, record, r.text, line, start, end, feats)
        best = max(best, (score, feats))
        if score >= weights.threshold:
            chosen.append((clause, score, deferred))
    return chosen, best


def _no_clause_features(r: Reading, extra: list[str], reported: bool) -> list[str]:
    """The features of a sentence with no main clause, by its form: where it stands, its size, an
    owner marked ("Lokal (Eva)"), a deferral word the tagger did not read as a verb."""
    feats = ["bias", "no-clause", "block:" + r.ctx.block, *extra]
    feats += [f"heading:{r.ctx.heading}"] * bool(r.ctx.heading) + [f"label:{r.ctx.label}"] * bool(r.ctx.label)
    feats += ["owner-marked"] * bool(r.marked)
    if _deferral_word(r.tokens):
        # a deferral the tagger did not see as a verb; a phrase that says it of its point
        # ("Motion om parkering (bordlagd)", "Frågan bordlagd") puts that point off, however short
        feats += ["deferral-word", "no-clause|deferral"]
    else:  # a short one is a title, a name or a date
        words = sum(1 for t in r.tokens if upos(t.tag) not in ("PUNCT", "SYM"))
        feats.append("no-clause|" + ("short" if words <= 3 else "mid" if words <= 12 else "long"))
    feats += ["no-clause|owner-marked"] * bool(r.marked)
    feats += ["after-report"] * (reported and not r.ctx.first_in_block)
    return feats


def _deferral_word(tokens: list[Token]) -> bool:
    """A verb of deferral in any form, but not one before its noun: "Bordlagda ärenden" is the
    heading of the points put off before, not a point put off now."""
    for n, t in enumerate(tokens):
        if meanings.verb_class(t.text) == (meanings.verb_lemma(t.text), "deferral"):
            after = tokens[n + 1] if n + 1 < len(tokens) else None
            if after is None or upos(after.tag) not in ("NOUN", "PROPN"):
                return True
    return False


def _sentence_features(
    r: Reading, k: int, extra: list[str], *, tense: str, reported: bool, deferred: bool
) -> list[str]:
    """Main clause k's features (features.py) with what only the sentence tells: its time, the
    tense of the minutes, a report just before, a deferral, a doer named after "av"."""
    clause = r.found[k]
    feats = features.clause_features(r.tokens, r.found, k, r.ctx) + extra
    if tense:
        feats.append(f"mode-doc:{features.mode_of(clause)}|{tense}")
    if reported and not r.ctx.first_in_block and clause.subject is None and clause.shared is None:
        feats.append("after-report")  # "Bo menar att ... . Gör också X lättare.": still Bo's view
    if deferred:
        # "Punkten tas upp på nästa möte": a deferral whatever the verb means alone
        feats = [f for f in feats if not f.startswith(("meaning:", "mode-meaning:", "subj-meaning:"))]
        feats += ["deferral", "meaning:deferral"]
    elif "next-step" in extra and k == next((x for x, c in enumerate(r.found) if c.is_main), -1):
        # "Nästa steg är en workshop i mars": what comes next, whatever "är" says alone
        drop = ("meaning:", "mode-meaning:", "subj-meaning:", "subj:", "subj-mode:", "voice-subj:")
        feats = [f for f in feats if not f.startswith(drop)]
    if (clause.passive or any(c.passive for c in complements(r.found, clause))) and passive_agent(r.tokens, clause):
        feats.append("passive-agent")  # "Protokollet skickas ut av Leif": a doer named
    if "voice:pass" in feats and any(f in extra for f in ("time:future-date", "time:ahead", "time:deadline-word")):
        feats.append("passive-ahead")  # "Kallelsen skickas ut vecka 37": a passive with its time ahead
    if "decided-present" in feats and "time:next-meeting" in feats:
        feats.append("decided-later")
    # not "informerar om X inför styrelsens möte": what the report given now prepares for
    if "meaning:report" in feats and (
        "time:next-meeting" in feats or "time:deadline-word" in feats and not BEFORE_ONLY.search(r.text)
    ):
        feats.append("report-ahead")  # "Ida presenterar förslaget till nästa möte"
    return feats


def _defers(
    r: Reading,
    clause: Clause,
    later: tuple[int, int] | None,
    start: int,
    end: int,
    title: str | None,
    *,
    ahead: bool = False,
) -> bool:
    """A clause that puts a point off: a verb of deferral ("bordläggs"), or a verb of moving or
    discussing with a later meeting or a time ahead after it (`ahead`: "i november", "efter
    sommaren"), said of the point or the group ("Frågan tas upp på nästa möte", "Punkten tas upp
    igen i november", "Vi fortsätter på nästa möte"), not of a person's own task."""
    cls = clause.meaning[1] if clause.meaning else None
    if cls == "decide":  # "Beslutades att bordlägga frågan": a decision to put it off
        chain = complements(r.found, clause)
        cls = chain[0].meaning[1] if chain and chain[0].meaning else None
        if cls != "deferral":
            return False
    if cls == "deferral":
        return True
    if cls not in ("later", "onward"):
        return False
    if later is None or not (start < later[1] and later[0] < end):
        # "Frågan tas upp på årsmötet", "lämnas över till den nya styrelsen": ahead, not told
        other = other_meeting(r.text[start:end], title)
        if (other is None and not ahead) or features.mode_of(clause) in ("past", "perfect", "pluperfect"):
            return False
    return features.subject_kind(r.tokens, clause, r.ctx.names, r.ctx.own_body) not in ("person", "he", "role", "i")


def _weigh(
    weights: Weights, record: Recorder | None, sentence: str, line: int, start: int, end: int, feats: list[str]
) -> float:
    score = weights.score(feats)
    if record is not None:
        record(Candidate(sentence, line, start, end, tuple(feats), score))
    return score


def why(weights: Weights, score: float, feats: list[str], item: bool) -> str:
    """The probability and the three features that weighed most towards the verdict:
    "0.91 heading:todo, leading-inf|bullet, owner-marked"."""
    table = weights.weights
    sign = 1 if item else -1
    top = sorted((f for f in feats if f != "bias" and sign * table.get(f, 0.0) > 0), key=lambda f: -sign * table[f])
    return f"{score:.2f} " + ", ".join(top[:3])




def describe(ctx: features.Context) -> str:
    """Where a sentence stands, for --explain: "under todo, label decisions, bullet"."""
    parts = [ctx.heading and "under " + ctx.heading, ctx.label and "label " + ctx.label,
             ctx.decision_inline and "decision", ctx.owner_marked and "owner marked", ctx.block]
    return ", ".join(p for p in parts if p)


__all__ = ["Candidate", "Reading", "Recorder", "describe", "weigh_clauses", "why"]
