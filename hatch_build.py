"""Compiles the gettext catalogs (src/actiontrack/locale/*/LC_MESSAGES/*.po -> .mo) when the
package is built or installed, editable installs included. The .mo files are build
products: not in git, listed as artifacts so that wheels carry them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

try:
    from hatchling.builders.hooks.plugin.interface import BuildHookInterface
except ImportError:  # scripts/compile_catalogs.py in a checkout's venv, which has no hatchling
    BuildHookInterface = object  # type: ignore[assignment,misc]

LOCALE = Path("src/actiontrack/locale")


def compile_catalogs(root: Path) -> list[Path]:
    """Every .po under the package's locale folder compiled next to itself; the .mo paths."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    written = []
    for po in sorted((root / LOCALE).glob("*/LC_MESSAGES/*.po")):
        with po.open("rb") as f:
            catalog = read_po(f)
        mo = po.with_suffix(".mo")
        with mo.open("wb") as f:
            write_mo(f, catalog)
        written.append(mo)
    return written


class CustomBuildHook(BuildHookInterface):
    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        compile_catalogs(Path(self.root))
