"""Swedish given names and nicknames: data only.

FIRST_NAMES lets the extractor tell "Leif ska ..." (a person) from "Lokalen ska ..."
(a thing) when the person is not in the attendee list. NICKNAMES maps the common
short forms to the formal names they stand for ("Bosse" -> "Bo").
"""

from __future__ import annotations

NICKNAMES: dict[str, tuple[str, ...]] = {
    "bosse": ("bo",),
    "kalle": ("karl", "carl"),
    "pelle": ("per",),
    "janne": ("jan",),
    "lasse": ("lars",),
    "micke": ("mikael", "michael"),
    "mikke": ("mikael",),
    "hasse": ("hans",),
    "nisse": ("nils",),
    "olle": ("olof", "olov", "ola"),
    "affe": ("alf",),
    "benke": ("bengt",),
    "bengan": ("bengt",),
    "ecke": ("erik",),
    "fredde": ("fredrik",),
    "frasse": ("fredrik",),
    "gurra": ("gustav", "gustaf"),
    "göte": ("göte",),
    "jocke": ("joakim", "joachim"),
    "jonte": ("jonathan", "jonatan"),
    "kenta": ("kenneth",),
    "kjelle": ("kjell",),
    "krille": ("kristoffer", "christoffer", "kristian", "christian"),
    "ludde": ("ludvig",),
    "mackan": ("markus", "marcus"),
    "robban": ("robert",),
    "rolle": ("roland",),
    "sigge": ("sigvard", "sigurd"),
    "tobbe": ("tobias",),
    "tompa": ("tomas", "thomas"),
    "totte": ("torsten",),
    "uffe": ("ulf",),
    "wille": ("william", "vilhelm"),
    "acke": ("axel",),
    "danne": ("daniel",),
    "steffe": ("stefan", "staffan"),
    "putte": ("per",),
    "pär": ("per",),
    "jesse": ("jesper",),
    "anki": ("ann-christin", "ann-kristin", "anna-karin", "ann-charlotte"),
    "annika": ("annika",),
    "stina": ("kristina", "christina"),
    "kicki": ("kristina", "christina"),
    "kickan": ("kristina",),
    "lotta": ("charlotte", "charlotta"),
    "maggan": ("margareta", "margaretha"),
    "maggie": ("margareta",),
    "gittan": ("birgitta",),
    "britta": ("birgitta",),
    "bittan": ("birgitta",),
    "bettan": ("elisabet", "elisabeth"),
    "lisa": ("elisabet", "elisabeth"),
    "lisbeth": ("elisabet", "elisabeth"),
    "maja": ("maria",),
    "mia": ("maria",),
    "cissi": ("cecilia",),
    "sissi": ("cecilia",),
    "kajsa": ("karin", "katarina"),
    "katta": ("katarina", "catharina"),
    "kattis": ("katarina", "catharina"),
    "kata": ("katarina",),
    "lena": ("helena", "magdalena"),
    "nettan": ("annette", "anette"),
    "sussie": ("susanne", "suzanne"),
    "sussi": ("susanne",),
    "tessan": ("therese", "theresia"),
    "mickan": ("mikaela", "michaela"),
    "lollo": ("lovisa",),
    "mimmi": ("maria", "emilia"),
    "emmy": ("emma", "emilia"),
    "jossan": ("josefin", "josefine"),
    "linnea": ("linnéa",),
    "ullis": ("ulla",),
    "ninni": ("nina",),
    "vickan": ("victoria", "viktoria"),
    "malin": ("malin",),
    "rut": ("ruth",),
    "titti": ("kristina",),
    "kiki": ("kristina",),
    "pia": ("pia",),
    "frida": ("fredrika",),
    "fia": ("sofia", "sophia"),
    "soffan": ("sofia",),
}

_FIRST = """
adam agnes agneta albin alexander alexandra alf alfred alice alva amanda amelia ami andreas anders ane
anette angelica anita ann anna anne anneli annelie annette anni annika anton arne arvid astrid august axel
barbro benny bengt bent berit bernt bertil bill birgit birgitta bjarne björn bo bodil britt britta camilla
carin carina carl carola caroline catarina catharina cathrine catrin cecilia charlotta charlotte christer
christian christina christoffer claes clara conny dag dan daniel david dennis diana ebba edvard edvin elin
elisabet elisabeth ella ellen elsa elsie emelie emil emilia emma erik erika eva evelina fabian felicia filip
fredrik frida gabriel gerd gertrud gun gunilla gunnar gustav gustaf göran gösta hampus hanna hannah hans
harald hassan hedvig helen helena helene henrik henrika herbert hilda hugo håkan ia ida ines inga ingeborg
inger ingrid ingvar irene isabella isabelle isak ivan jacob jakob jan jana janne jenny jens jesper jessica
jimmy joakim joel johan johanna johannes john jonas jonathan josef josefin josefine julia julius jörgen
kajsa karin karl karolina katarina kenneth kent kerstin kevin kim kjell klara kristian kristina kristoffer
lars lena lennart leo leif lilian lina linda linn linnea linnéa lisa lise liselott liselotte lotta louise
lovisa ludvig lukas magdalena magnus maja malin marcus margareta margaretha maria marianne marie mario marita
markus martin mats mattias max maximilian melker melvin mia mikael michael mohammed mohammad moa mona monica
monika natalie nathalie niclas nicklas niklas nils nina noah nora ola olle olof olov oscar oskar otto patrik
patrick per pernilla peter petra philip pia ragnar rasmus rebecca rebecka ricardo richard rickard rigmor rita
robert robin roger roland rolf ronja rose rune rut ruth saga sally samir samuel sandra sara sarah sebastian
siv sixten signe simon sofia sofie sonja stefan staffan stellan sten stig susanne svante sven sverker
sylvia säde tage teodor theodor therese thomas tilda tina tobias tomas tommy tor torbjörn tore torsten
ulf ulla ulrika ulrik urban valter vera verner veronica veronika victor viktor vilgot vilhelm vincent viola
yvonne william wilma åke åsa åse örjan östen
abdi ahmed ali amir aram fatima hussein ibrahim leila layla mohamed mustafa nadia omar sami yusuf zeynep
anki bosse kalle pelle lasse micke hasse nisse jocke tobbe janne
"""
FIRST_NAMES: frozenset[str] = frozenset(_FIRST.split()) | frozenset(NICKNAMES)


def formal_forms(first_name: str) -> set[str]:
    """The first name itself and every formal name it may be short for, case-folded."""
    key = first_name.casefold()
    return {key, *NICKNAMES.get(key, ())}


_NICKNAMES_OF: dict[str, set[str]] = {}
for _nick, _forms in NICKNAMES.items():
    for _form in _forms:
        _NICKNAMES_OF.setdefault(_form, set()).add(_nick)


def nicknames_of(formal: str) -> set[str]:
    """The nicknames that stand for a formal first name ("bo" -> {"bosse"}), case-folded."""
    return _NICKNAMES_OF.get(formal.casefold(), set())


def first_name_forms(first_name: str) -> set[str]:
    """Every way the same first name is written: itself, what it is short for, its nicknames."""
    return formal_forms(first_name) | nicknames_of(first_name)
