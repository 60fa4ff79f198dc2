#!/usr/bin/env python3
"""Compile the gettext catalogs in a checkout after editing a .po file (the package build does
the same through hatch_build.py). Usage: .venv/bin/python scripts/compile_catalogs.py"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hatch_build import compile_catalogs  # noqa: E402

if __name__ == "__main__":
    for mo in compile_catalogs(ROOT):
        print(mo.relative_to(ROOT))
