"""The flow of a policy as a diagram: Mermaid text, Graphviz DOT, or SVG rendered by Graphviz."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterable, Mapping

from flow.errors import TactfulError
from flow.graph import FINAL, INITIAL, Edge
from states import SPECS

MAX_WIDTH_INCHES = 16
"""The widest the Graphviz drawing may be: 16 in is 1,152 pt, 1,536 px in a browser."""


class DiagramError(TactfulError):
    """A diagram format that needs a program this machine does not have."""


def _grouped(edges: Iterable[Edge]) -> dict[tuple[str, str], list[str]]:
    grouped: dict[tuple[str, str], list[str]] = {}
    for edge in edges:
        names = grouped.setdefault((edge.source, edge.dest), [])
        if edge.name not in names:
            names.append(edge.name)
    return grouped


def mermaid(edges: Iterable[Edge], *, counts: Mapping[str, int] | None = None) -> str:
    """A Mermaid ``stateDiagram-v2``; with ``counts`` (by edge label) each arrow shows how often it was taken."""
    lines = ["stateDiagram-v2", f"    [*] --> {INITIAL}"]
    for state, spec in SPECS.items():
        lines.append(f"    {state}: {state}{'' if spec.waits else ' (chains on)'}")
    for (source, dest), names in _grouped(edges).items():
        label = ", ".join(names)
        if counts is not None:
            label += f" ({sum(counts.get(f'{source} -> {dest} [{n}]', 0) for n in names)})"
        lines.append(f"    {source} --> {dest}: {label}")
    lines.append(f"    {FINAL} --> [*]")
    return "\n".join(lines) + "\n"


def dot(edges: Iterable[Edge]) -> str:
    """The flow in Graphviz DOT."""
    lines = [
        "digraph tactful {",
        # Top to bottom, one transition name a line: left to right with the names side by side, the
        # drawing is several screens wide. ``size`` caps what is left (see MAX_WIDTH_INCHES).
        f'  rankdir=TB; size="{MAX_WIDTH_INCHES},60"; nodesep=0.3; ranksep=0.45;',
        '  node [shape=box, style="rounded,filled", fillcolor="#f4f6fb", fontname="Helvetica"];',
        '  edge [fontname="Helvetica", fontsize=9, color="#5b6b8c"];',
    ]
    for state, spec in SPECS.items():
        style = ', fillcolor="#ffffff", style="rounded,dashed"' if not spec.waits else ""
        if state == FINAL:
            style = ', shape=doublecircle, fillcolor="#e8f4ea"'
        lines.append(f'  "{state}" [label="{state.replace("_", " ")}"{style}];')
    for (source, dest), names in _grouped(edges).items():
        label = "\\n".join(names)
        lines.append(f'  "{source}" -> "{dest}" [label="{label}"];')
    lines.append("}")
    return "\n".join(lines) + "\n"


def svg(edges: Iterable[Edge]) -> str:
    """The flow as SVG, drawn by Graphviz's ``dot`` program."""
    program = shutil.which("dot")
    if program is None:
        raise DiagramError(
            "SVG needs Graphviz's 'dot' program: install it (apt-get install graphviz), "
            "or use --format mermaid, which needs nothing"
        )
    result = subprocess.run([program, "-Tsvg"], input=dot(edges), capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise DiagramError(f"Graphviz could not draw the flow: {result.stderr.strip()}")
    return result.stdout
