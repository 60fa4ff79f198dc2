"""Regenerate src/actiontrack/help_text.py from the CLI: run after changing a command's help.

.venv/bin/python scripts/update_help.py
"""

from pathlib import Path

from actiontrack.help_text import render_top_level_help

target = Path(__file__).resolve().parent.parent / "src" / "actiontrack" / "help_text.py"
source = target.read_text(encoding="utf-8")
start = source.index("TOP_LEVEL_HELP = ")
end = source.index("# end of generated text")
target.write_text(
    source[:start] + f"TOP_LEVEL_HELP = {render_top_level_help()!r}\n" + source[end:], encoding="utf-8"
)
print(f"updated {target}")
