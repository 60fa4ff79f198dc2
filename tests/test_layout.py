"""The package's layout stays readable: no import circles, no private names taken from another
module, no module over 400 lines and no function body over 60 (but the declared tables).

The extractor (actiontrack/extract/) is held to its own rules: its modules are read only
for the arrows that leave it.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = SRC / "actiontrack"
OWN_RULES = ("actiontrack.extract",)  # its shape belongs to the extractor's own work
# Functions that are tables written as code (a declared list of rules), not logic.
TABLES = {"actiontrack.dates.table.rules", "actiontrack.storage.migrations.m001_initial"}
MAX_LINES, MAX_FUNCTION = 400, 60


def _name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_name(p): p for p in PACKAGE.rglob("*.py")}


def _exempt(module: str) -> bool:
    return module.startswith(OWN_RULES)


def _imports(module: str) -> list[tuple[str, list[str]]]:
    """(module imported, names taken from it) for every import in the file, in functions too."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    package = module if MODULES[module].name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(a.name, []) for a in node.names if a.name.startswith("actiontrack")]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(
                    package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else [])
                )
            if not base.startswith("actiontrack"):
                continue
            names = []
            for alias in node.names:
                if f"{base}.{alias.name}" in MODULES:
                    found.append((f"{base}.{alias.name}", []))
                else:
                    names.append(alias.name)
            if names:
                found.append((base, names))
    return [(m, names) for m, names in found if m in MODULES]


def test_no_module_imports_itself_back_through_others():
    graph = {m: {i for i, _ in _imports(m) if i != m} for m in MODULES}
    circles = []
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(m: str) -> None:
        state[m] = 1
        path.append(m)
        for n in sorted(graph[m]):
            if state.get(n) == 1:
                circle = path[path.index(n) :]
                if not all(_exempt(x) for x in circle):
                    circles.append(" -> ".join([*circle, n]))
            elif n not in state:
                visit(n)
        path.pop()
        state[m] = 2

    for m in sorted(MODULES):
        if m not in state:
            visit(m)
    assert not circles, "\n".join(circles)


def test_no_private_name_is_taken_from_another_module():
    taken = [
        f"{m} takes {name} from {source}"
        for m in MODULES
        if not _exempt(m)
        for source, names in _imports(m)
        for name in names
        if name.startswith("_") and not name.startswith("__") and name not in ("_", "N_")
    ]
    assert not taken, "\n".join(taken)


def test_no_module_or_function_is_too_long_to_read():
    long = []
    for m, path in MODULES.items():
        if _exempt(m):
            continue
        text = path.read_text(encoding="utf-8")
        if len(text.splitlines()) > MAX_LINES:
            long.append(f"{m}: {len(text.splitlines())} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                # the body: a command's signature is its table of options, its docstring is its help
                body = node.body[1:] if ast.get_docstring(node) and len(node.body) > 1 else node.body
                size = (node.end_lineno or node.lineno) - body[0].lineno + 1
                if size > MAX_FUNCTION and f"{m}.{node.name}" not in TABLES:
                    long.append(f"{m}.{node.name}: {size} lines")
    assert not long, "\n".join(long)
