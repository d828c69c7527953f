"""How big a policy's data is once YAML aliases are expanded, measured before anything walks it.

A YAML alias (``*name``) reuses the part an anchor (``&name``) marks; the YAML reader shares that
part rather than copying it, so a few lines of aliases of aliases can stand for billions of values
("billion laughs"). Validation and the engine would walk every one of them. Here each shared part
is measured once, so the whole measure takes time in proportion to the file, and a policy that
would expand past :data:`MAX_VALUES`, or that contains itself, is refused with the YAML path of the
alias responsible. The same applies to a mapping handed to ``load_policy`` that shares its parts.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

MAX_VALUES = 50_000
"""The most values (mappings, lists and the scalars in them) a policy may expand to."""

Path = tuple[int | str, ...]


def expansion_problems(data: Any, *, limit: int = MAX_VALUES) -> list[str]:
    """Problems, each with its YAML path, if ``data`` expanded contains itself or has more than ``limit`` values."""
    sizes: dict[int, int] = {}
    uses: dict[int, int] = {}
    cycle = _measure(data, sizes, uses)
    if cycle is not None:
        return [f"{_render(cycle)}: this alias names a part that contains itself; a policy cannot repeat forever"]
    if _size(data, sizes) <= limit:
        return []
    path: Path = ()
    node = data
    while True:
        over = next(((key, child) for key, child in _children(node) if _size(child, sizes) > limit), None)
        if over is None:
            size = _size(node, sizes)
            return [f"{_render(path)}: expands to {size:,} values through YAML aliases; the limit is {limit:,}"]
        key, child = over
        path = (*path, key)
        if uses.get(id(child), 0) > 1:
            size = _size(child, sizes)
            return [
                f"{_render(path)}: repeated through YAML aliases, this part expands to {size:,} values; "
                f"a policy may expand to at most {limit:,}: write it out once, or use fewer aliases"
            ]
        node = child


def _measure(root: Any, sizes: dict[int, int], uses: dict[int, int]) -> Path | None:
    """Fill ``sizes`` (expanded size of each container, by id) and ``uses`` (how often each is referred to).

    Walks each container once, without recursion; returns the path of an alias to an enclosing part, if any.
    """
    stack: list[tuple[Any, Path, bool]] = [(root, (), False)]
    open_parts: set[int] = set()
    while stack:
        node, path, done = stack.pop()
        if not _is_container(node):
            continue
        ident = id(node)
        if done:
            open_parts.discard(ident)
            sizes[ident] = 1 + sum(
                _size(child, sizes) + (1 if isinstance(key, str) else 0) for key, child in _children(node)
            )
            continue
        uses[ident] = uses.get(ident, 0) + 1
        if ident in open_parts:
            return path
        if ident in sizes:
            continue
        open_parts.add(ident)
        stack.append((node, path, True))
        stack.extend((child, (*path, key), False) for key, child in reversed(list(_children(node))))
    return None


def _is_container(node: Any) -> bool:
    return isinstance(node, Mapping | list | tuple)


def _children(node: Any) -> list[tuple[int | str, Any]]:
    if isinstance(node, Mapping):
        return [(str(key), value) for key, value in node.items()]
    if isinstance(node, list | tuple):
        return list(enumerate(node))
    return []


def _size(node: Any, sizes: dict[int, int]) -> int:
    return sizes.get(id(node), 1) if _is_container(node) else 1


def _render(path: Path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out or "(top level)"
