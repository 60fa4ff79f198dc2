"""The interface language, through standard gettext catalogs.

Messages are written in English and marked with `_()` (or `ngettext()` for counts);
their Swedish is in `locale/sv/LC_MESSAGES/actiontrack.po`, compiled to `.mo` when
the package is built (`hatch_build.py`; `scripts/compile_catalogs.py` in a checkout).

The language is, in this order: `set_language()` (the `--lang` option), the
configuration's `language`, `TRACK_LANG`, the locale (`sv_*` is Swedish), English.
It is decided on the first message, not at import time, and can be set again
(tests, `--lang`).
"""

from __future__ import annotations

import os

TYPE_CHECKING = False  # not typing's: importing typing costs `track --help` ~4 ms
if TYPE_CHECKING:
    import gettext
    from collections.abc import Callable

DOMAIN = "actiontrack"
LANGUAGES = ("sv", "en")
LOCALE_DIR = os.path.join(os.path.dirname(__file__), "locale")  # os.path: pathlib costs `track --help` ~3 ms

_chosen: str | None = None
_configured: Callable[[], object] | None = None  # the `language` setting, read when first needed
_translation: gettext.NullTranslations | None = None


def set_language(language: str | None) -> None:
    """Use `language` ("sv" or "en") from now on; None goes back to the configured one."""
    global _chosen, _translation
    _chosen = language
    _translation = None


def language_in(args: list[str]) -> str | None:
    """The language a command line asks for with `--lang sv` or `--lang=en`, anywhere in it:
    the command's help texts are translated when its module is imported, so the language
    must be known before the command line is parsed (entry.py)."""
    for n, arg in enumerate(args):
        if arg == "--":
            break
        value = args[n + 1] if arg == "--lang" and n + 1 < len(args) else arg.partition("=")[2]
        if (arg == "--lang" or arg.startswith("--lang=")) and value in LANGUAGES:
            return value
    return None


def language() -> str:
    """The language messages are shown in: "sv" or "en"."""
    if _chosen:
        return _chosen
    configured = _configured() if _configured is not None else None
    if configured:
        return str(configured)
    return _from_environment()


def read_setting_with(reader: Callable[[], object] | None) -> None:
    """Where the configured language comes from: config.py gives its reader (the settings are
    above the messages they are written in, so this module does not import them)."""
    global _configured, _translation
    _configured, _translation = reader, None


def _from_environment() -> str:
    env = os.environ.get("TRACK_LANG")
    if env:
        return "sv" if env.lower().startswith("sv") else "en"
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value:
            return "sv" if value.lower().startswith("sv") else "en"
    return "en"


def reload() -> None:
    """Decide the language again at the next message (after `track config set language`)."""
    global _translation
    _translation = None


def translation() -> gettext.NullTranslations:
    global _translation
    if _translation is None:
        import gettext  # here, not at import: `track --help` needs only language()

        lang = language()
        if lang == "en":
            _translation = gettext.NullTranslations()
        else:
            _translation = gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)
    return _translation


def _(message: str) -> str:
    """`message` in the interface language."""
    return translation().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translation().ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Marks a message for the catalog where it is defined (a table of labels) and
    translated later, where it is shown, with `_()`."""
    return message
