"""Regenerate src/actiontrack/help_text.py and src/actiontrack/cli/fast_spec.py from the CLI: run
after changing a command's help or options (or a translation, then after scripts/compile_catalogs.py).

.venv/bin/python scripts/update_help.py
"""

import pprint
from pathlib import Path

from actiontrack.cli.fast_spec import render_spec
from actiontrack.help_text import render_top_level_help
from actiontrack.i18n import LANGUAGES

target = Path(__file__).resolve().parent.parent / "src" / "actiontrack" / "help_text.py"
source = target.read_text(encoding="utf-8")
start = source.index("TOP_LEVEL_HELP = ")
end = source.index("# end of generated text")
texts = "".join(f"    {lang!r}: {render_top_level_help(lang)!r},\n" for lang in LANGUAGES)
target.write_text(source[:start] + "TOP_LEVEL_HELP = {\n" + texts + "}\n" + source[end:], encoding="utf-8")
print(f"updated {target}")

target = target.parent / "cli" / "fast_spec.py"
source = target.read_text(encoding="utf-8")
start = source.index("SPEC = ")
end = source.index("# end of generated text")
spec = pprint.pformat(render_spec(), width=110, sort_dicts=False)
target.write_text(source[:start] + "SPEC = " + spec + "\n" + source[end:], encoding="utf-8")
print(f"updated {target}")
