"""Issue #27: the package's layers (docs/development.md, "How the code is laid out"): data flows down, and
the arrows a test can hold are held here, reading every module's imports (those inside
functions too)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "salarycli"
# (layer, layers it must never import): present draws what the session answers, given to it;
# resolve reads what is typed against tables handed to it; core is pure
FORBIDDEN = {
    "present": ("salarycli.session", "salarycli.batch", "salarycli.cli"),
    "resolve": ("salarycli.sources", "salarycli.session", "salarycli.present", "salarycli.cli"),
    # the command line declares options and asks the session (salarycli/datasets.py for the
    # tables `data` exports)
    "cli": ("salarycli.resolve", "salarycli.sources"),
    "core": (
        "salarycli.resolve",
        "salarycli.sources",
        "salarycli.session",
        "salarycli.present",
        "salarycli.batch",
        "salarycli.cli",
    ),
}
LIMIT = 450  # lines a module may hold: what one person reads in a sitting


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_no_arrow_runs_against_the_layers() -> None:
    wrong = []
    for layer, forbidden in FORBIDDEN.items():
        for path in sorted((PACKAGE / layer).rglob("*.py")):
            for module in _imports(path):
                if module.startswith(forbidden):
                    wrong.append(f"{path.relative_to(PACKAGE.parent)} imports {module}")
    assert wrong == []


def test_no_module_is_longer_than_one_sitting() -> None:
    long = {
        str(path.relative_to(PACKAGE.parent)): count
        for path in sorted(PACKAGE.rglob("*.py"))
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > LIMIT
    }
    assert long == {}
