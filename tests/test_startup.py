"""`track --help` must start fast: importing the CLI loads none of the heavy libraries."""

import json
import subprocess
import sys

HEAVY = ["dateparser", "sqlmodel", "sqlalchemy", "pydantic", "rich", "docx", "odf", "charset_normalizer", "openpyxl", "icalendar"]


def test_importing_the_cli_loads_no_heavy_module():
    code = "import sys, json, actiontrack.cli; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    loaded = set(json.loads(out))
    assert [m for m in HEAVY if m in loaded] == []
