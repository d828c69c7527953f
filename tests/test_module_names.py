"""A module-level name is defined once: a second constant of the same name silently replaces the first
for every function that reads it, wherever that function stands in the file."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MODULES = sorted([*ROOT.glob("flow/**/*.py"), *ROOT.glob("states/*.py")])


def _defined_twice(path: Path) -> list[str]:
    seen: set[str] = set()
    twice: list[str] = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names = [node.name]
        elif isinstance(node, ast.Assign):
            read = {each.id for each in ast.walk(node.value) if isinstance(each, ast.Name)}
            # "ENGLISH = with_familiar_words(ENGLISH)" builds on the name; it replaces nothing unread
            names = [target.id for target in node.targets if isinstance(target, ast.Name) and target.id not in read]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names = [node.target.id]
        else:
            continue
        for name in names:
            if name in seen and name != "_":  # step definitions are all named "_"
                twice.append(f"{name} (line {node.lineno})")
            seen.add(name)
    return twice


@pytest.mark.parametrize("path", MODULES, ids=lambda path: str(path.relative_to(ROOT)))
def test_no_module_level_name_is_defined_twice(path: Path) -> None:
    assert _defined_twice(path) == [], f"{path.relative_to(ROOT)} defines again: {_defined_twice(path)}"
