"""Swedish verbs by meaning, keyed by lemma: the word knowledge of the cue rules.

What a verb means for the minutes is our decision and is written here as lemma
lists: "bakar", "bakade" and "ska baka" are all `baka`. The written forms of each
lemma come from a generated table, data/verbs_sv.json, which scripts/build_lexicon.py
writes from simplemma's Swedish dictionary (MIT). The table is small and loads in a
millisecond; simplemma itself is not needed at run time.

    lemma_of("gör") == "göra";  is_present("lägger") is True;  verb_class("berättar") == "report"
"""

from __future__ import annotations

import json
import os
from functools import cache

# Verbs whose present tense, said of a named person, the group or an organisation, is a
# task after the meeting ("Stig gör utskick", "Gunilla bokar lokalen", "Poppi undersöker").
COMMIT = frozenset(
    [
        "boka", "avboka", "skicka", "mejla", "maila", "posta", "ringa", "kontakta", "fixa", "ordna", "göra",
        "skapa", "köpa", "beställa", "handla", "inkludera", "införskaffa", "skriva", "lägga", "sätta",
        "ansvara", "sköta", "undersöka", "utreda", "kolla", "kika", "titta", "förbereda", "sammanställa",
        "bjuda", "kalla", "sammankalla", "tillfråga", "uppdatera", "publicera", "dela", "återkomma",
        "återkoppla", "driva", "samla", "leta", "söka", "hitta", "prata", "höra", "stämma", "reda",
        "skissa", "designa", "hämta", "lämna", "betala", "anmäla", "fortsätta", "genomföra", "bemanna",
        "besöka", "komplettera", "revidera", "attestera", "utbilda", "installera", "testa", "granska",
        "läsa", "rensa", "formulera", "färdigställa", "slutföra", "leverera", "vidtala", "tillsätta",
        "rekrytera", "annonsera", "marknadsföra", "bevaka", "distribuera", "sprida", "trycka", "kopiera",
        "städa", "måla", "hyra", "låna", "kontrollera", "säkerställa", "ombesörja", "förmedla",
        "vidarebefordra", "justera", "ändra", "åtgärda", "laga", "reparera", "montera", "bygga",
        "organisera", "planera", "samordna", "koordinera", "följa", "etablera", "upprätta", "utarbeta",
        "utforma", "tillskriva", "begära", "ansöka", "äska", "inventera", "förhandla", "överlämna",
        "lansera", "teckna", "underteckna", "signera", "fakturera", "budgetera", "kartlägga",
        "dokumentera", "medverka", "representera"
    ]
)  # fmt: skip
# Verbs that report what was said or shown at the meeting: "Leif sammanfattar läget".
# A report verb is a task only with a deadline after the meeting ("presenterar ... till nästa möte").
REPORT = frozenset(
    [
        "berätta", "informera", "sammanfatta", "presentera", "redogöra", "visa", "beskriva", "förklara",
        "tycka", "anse", "mena", "säga", "undra", "påpeka", "nämna", "konstatera", "poängtera", "betona",
        "understryka", "framföra", "uttrycka", "rapportera", "inleda", "hälsa", "öppna", "tacka", "föreslå",
        "diskutera", "resonera", "reflektera", "kommentera", "svara", "uppge", "meddela", "notera",
        "framhålla", "lyfta", "påminna", "tillägga", "önska", "vilja", "tro", "uppleva", "känna", "hoppas",
        "välkomna", "summera", "ifrågasätta", "instämma", "fråga"
    ]
)  # fmt: skip
# Verbs of a state or a happening, not a task: "Mötet ska vara i Bryggan".
STATE = frozenset(
    [
        "vara", "finnas", "bli", "kunna", "gälla", "hända", "ske", "heta", "innebära", "kosta", "räcka",
        "ingå", "fungera", "kännas", "krävas", "synas", "märkas", "behövas", "leda", "kräva", "veta", "äga",
        "pågå", "få", "behöva", "landa", "påverka", "bestå", "sluta", "ses", "träffas", "mötas", "infalla",
        "börja", "stå", "ligga", "sitta", "bo", "ha", "hinna"
    ]
)  # fmt: skip
# An att-clause under a decision that is done by being decided: "att godkänna dagordningen".
DECIDED = frozenset(
    [
        "godkänna", "välja", "anta", "fastställa", "notera", "tacka", "bevilja", "avslå", "utse",
        "förklara", "besluta", "ajournera", "avsluta", "öppna", "entlediga", "bordlägga", "återremittera",
        "tillstyrka", "avstyrka", "uppdra", "acceptera", "ratificera", "konfirmera", "bekräfta", "stödja"
    ]
)  # fmt: skip
# A particle that turns a verb into a report of the meeting itself: "går igenom", "tar upp".
REPORT_PARTICLES = frozenset({("gå", "igenom"), ("ta", "upp"), ("lägga", "fram"), ("hålla", "med")})
# A particle that turns a task verb into a state: "handlar om" (is about), not "handlar fika".
STATE_PARTICLES = frozenset({("handla", "om"), ("sätta", "igång"), ("göra", "ont")})

# A verb that is a task only with its particle: "tar fram", "går ut med", "håller i", "ser till".
COMMIT_PARTICLES = frozenset(
    {("ta", "fram"), ("ta", "bort"), ("ta", "med"), ("ta", "in"), ("ta", "kontakt"), ("ta", "hand"),
     ("ta", "reda"), ("ta", "över"), ("ta", "en"), ("gå", "ut"), ("gå", "in"), ("hålla", "i"),
     ("se", "till"), ("se", "över"), ("lära", "sig"), ("sätta", "upp"), ("sätta", "ihop")}
)  # fmt: skip
TASK_WITH_PARTICLE = frozenset(lemma for lemma, _ in COMMIT_PARTICLES)
# Frequent verbs with no meaning of their own here, known so that a sentence start is seen
# ("Styrelsen gav ...", "Mötet beslöt ...").
OTHER = frozenset(
    [
        "ge", "komma", "säga", "fortsätta", "bestämma", "tänka", "lova", "behandla", "vilja", "skola",
        "böra", "göra", "mynna", "enas", "åta", "låta", "tillstyrka"
    ]
)  # fmt: skip  # fmt: skip

ALL_LEMMAS = (
    COMMIT | REPORT | STATE | DECIDED | OTHER | {lemma for lemma, _ in REPORT_PARTICLES | STATE_PARTICLES | COMMIT_PARTICLES}
)


@cache
def _forms() -> dict[str, str]:
    # beside this module, as the wheel installs it; importlib.resources would cost `track add`
    # about 8 ms to import (issue 15)
    with open(os.path.join(os.path.dirname(__file__), "data", "verbs_sv.json"), encoding="utf-8") as f:
        table: dict[str, str] = json.load(f)["forms"]
    return table


def lemma_of(word: str) -> str | None:
    """The lemma of a verb form the lexicon knows, or None."""
    return _forms().get(word.casefold())


def is_present(word: str) -> bool:
    """A present-tense form ("bokar", "gör", "tar", "lägger"), not the infinitive itself."""
    w = word.casefold()
    lemma = _forms().get(w)
    return lemma is not None and w != lemma and w.endswith("r") and len(w) >= len(lemma) - 1


def is_base_form(word: str) -> bool:
    """An infinitive or an imperative, the way a to-do line starts: "Boka", "Skriv", "Gör", "Undersök"."""
    w = word.casefold()
    lemma = _forms().get(w)
    if lemma is None:
        return False
    return w == lemma or (lemma.endswith("a") and w == lemma[:-1]) or w in ("gör", "ta", "gå", "se", "be")


def verb_class(word: str, particle: str | None = None) -> str | None:
    """ "commit", "report", "state" or None for a verb form, by its lemma."""
    lemma = lemma_of(word)
    if lemma is None:
        return None
    if particle and (lemma, particle.casefold()) in REPORT_PARTICLES:
        return "report"
    if particle and (lemma, particle.casefold()) in STATE_PARTICLES:
        return "state"
    if particle and (lemma, particle.casefold()) in COMMIT_PARTICLES:
        return "commit"
    if lemma in STATE:
        return "state"
    if lemma in REPORT:
        return "report"
    return "commit" if lemma in COMMIT else None

