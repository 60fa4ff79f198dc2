"""The agenda's outline: its numbered points, from a template the secretary can change.

A Swedish meeting goes through the same points every time (mötets öppnande, val av
justerare, godkännande av dagordningen, ...), with the points track knows about in
between. The template is a text file, one point a line:

    Mötets öppnande
    Val av justerare
    [bordlagda] Bordlagda punkter
    [uppföljning] Uppföljning av åtgärder
    Övriga frågor
    [nästa möte] Nästa möte
    Mötets avslutande

A marker in square brackets is where track fills in the database's part (the deferred
points, the follow-up of items, the date of the meeting after); the text after it is
the point's heading. `#` starts a comment line. The Markdown, HTML, terminal and Word
agendas all walk the same `Template.points`, so there is one outline, here.

The template is `--template FILE`, else the configuration's `agenda_template` (a
relative name is in the folder of config.toml), else the built-in one of the
interface language (templates/agenda.sv.txt, agenda.en.txt).
"""

from __future__ import annotations

import re
from pathlib import Path

from actiontrack.errors import ConfigError, UsageError
from actiontrack.files import not_a_file, open_without_waiting
from actiontrack.i18n import N_, _
from actiontrack.records import record

DEFERRED, FOLLOW_UP, NEXT_MEETING = "deferred", "follow-up", "next-meeting"

# The markers, Swedish and English, as written between the brackets (casefolded).
MARKERS = {
    "bordlagda": DEFERRED,
    "deferred": DEFERRED,
    "uppföljning": FOLLOW_UP,
    "follow-up": FOLLOW_UP,
    "nästa möte": NEXT_MEETING,
    "next meeting": NEXT_MEETING,
}
DEFAULT_TITLES = {
    DEFERRED: N_("Deferred points"),
    FOLLOW_UP: N_("Follow-up of action items"),
    NEXT_MEETING: N_("Next meeting"),
}
MAX_BYTES = 64 * 1024  # a template is a dozen lines; a bigger file is the wrong file
BUILT_IN = Path(__file__).parent.parent / "templates"

# "1. Mötets öppnande", "§ 3 Val av justerare": the numbers are track's to write
_NUMBERED = re.compile(r"^(?:§\s*\d+[.:]?|\d+\s*[.):])\s*")
_MARKER = re.compile(r"^\[([^\]]*)\]\s*(.*)$")


@record(frozen=True)
class Point:
    number: int
    title: str
    part: str | None = None  # None for a point of the template's own; else DEFERRED, ...


@record(frozen=True)
class Template:
    points: tuple[Point, ...]
    name: str  # the file it came from, for messages


def parse_template(text: str, name: str) -> Template:
    """The points of a template's text; a sentence naming the line for anything wrong in it."""
    points: list[Point] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = " ".join(raw.split())
        if not line or line.startswith("#"):
            continue
        part = None
        if line.startswith("["):
            found = _MARKER.match(line)
            if found is None:
                raise UsageError(
                    _("Line {line} of {file}: a marker is closed with ']', as in [uppföljning].").format(
                        line=number, file=name
                    )
                )
            key, line = " ".join(found.group(1).split()).casefold(), found.group(2)
            part = MARKERS.get(key)
            if part is None:
                raise UsageError(
                    _(
                        "Line {line} of {file}: unknown marker [{marker}]; the markers are "
                        "[bordlagda], [uppföljning] and [nästa möte] "
                        "(or [deferred], [follow-up] and [next meeting])."
                    ).format(line=number, file=name, marker=found.group(1))
                )
            if part in seen:
                raise UsageError(
                    _(
                        "Line {line} of {file}: [{marker}] is there already on line {first}; "
                        "each marker can be used once."
                    ).format(line=number, file=name, marker=found.group(1), first=seen[part])
                )
            seen[part] = number
        title = _NUMBERED.sub("", line) or (_(DEFAULT_TITLES[part]) if part else "")
        if title:
            points.append(Point(len(points) + 1, title, part))
    if not points:
        raise UsageError(
            _(
                "{file} has no points: write one point a line (see docs/agenda.md, “The agenda template”)."
            ).format(file=name)
        )
    return Template(tuple(points), name)


def read_template(option: str | None, language: str) -> Template:
    """`--template FILE`, else the configured `agenda_template`, else the built-in template."""
    from actiontrack.config import setting

    if option:
        return _read(Path(option).expanduser(), option, UsageError)
    configured = setting("agenda_template")
    if configured:
        from actiontrack.config import config_path

        # a name without a folder is beside config.toml, where the secretary keeps both
        path = config_path().parent / Path(str(configured)).expanduser()
        return _read(path, str(configured), ConfigError)
    built_in = BUILT_IN / f"agenda.{language}.txt"
    return parse_template(built_in.read_text(encoding="utf-8"), built_in.name)


def _read(path: Path, name: str, error: type[UsageError] | type[ConfigError]) -> Template:
    where = "" if error is UsageError else _(" (the setting agenda_template)")
    try:
        kind = not_a_file(path)
        if kind is not None:
            raise error(
                _("The agenda template {file}{where} is {kind}, not a file.").format(
                    file=name, where=where, kind=kind
                )
            )
        with open(path, "rb", opener=open_without_waiting) as f:
            data = f.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise error(_("There is no agenda template {file}{where}.").format(file=name, where=where)) from None
    except OSError as e:
        raise error(
            _("Cannot read the agenda template {file}{where}: {reason}.").format(
                file=name, where=where, reason=e.strerror or e
            )
        ) from None
    if len(data) > MAX_BYTES or b"\0" in data:
        raise error(
            _("The agenda template {file}{where} is not a short text file.").format(file=name, where=where)
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:  # saved as ANSI by an older Windows program
        text = data.decode("cp1252", errors="replace")
    try:
        return parse_template(text, name)
    except UsageError as e:
        raise error(str(e)) from None
