"""The transition reference in docs/transitions.md, written from the edge table so it cannot drift.

python -m flow.transitions_doc > docs/transitions.md
"""

from __future__ import annotations

import inspect
import sys
from collections.abc import Iterable

from flow.graph import EDGES, Edge

_HEADER = """# Transitions

Every transition of the default flow, by the state it leaves, in the order they are tried: the first
whose condition holds is taken. Written from [`flow/graph.py`](../flow/graph.py) by
`python -m flow.transitions_doc > docs/transitions.md`; a test keeps it up to date. The Gherkin step
`Then the transition "<name>" was taken` and the coverage report use these names.

Triggers: `message` (the customer wrote or clicked), `next` (a state that chains on within the same
turn), `check_in` (a scheduled follow-up is delivered), `take_over`, `hand_back`, `hand_back_close`
and `agent_close` (a person from the team), `wait_expired` (nobody came in time).
"""


def _when(edge: Edge) -> str:
    doc = inspect.getdoc(edge.when) or edge.guard
    return " ".join(doc.split("\n\n")[0].split()).replace("|", "\\|")


def _row(edge: Edge) -> str:
    does = ", ".join(f"`{effect}`" for effect in edge.effects) or ""
    if edge.reason is not None:
        does = f"{does}; hands over: `{edge.reason}`" if does else f"hands over: `{edge.reason}`"
    return f"| `{edge.name}` | {edge.trigger} | `{edge.dest}` | {_when(edge)} | {does} |"


def _sources(edges: Iterable[Edge]) -> list[str]:
    seen: list[str] = []
    for edge in edges:
        if edge.source not in seen:
            seen.append(edge.source)
    return seen


def render() -> str:
    """The whole reference, as Markdown."""
    parts = [_HEADER.rstrip("\n")]
    for source in _sources(EDGES):
        parts.append(f"\n## From `{source}`\n")
        parts.append("| Transition | Trigger | To | When | Does |")
        parts.append("|---|---|---|---|---|")
        parts.extend(_row(edge) for edge in EDGES if edge.source == source)
    return "\n".join(parts) + "\n"


def main() -> None:
    """Print the reference to standard output."""
    sys.stdout.write(render())


if __name__ == "__main__":
    main()
