"""Transition coverage: which transitions and guards of each policy the scenarios actually took.

The recorder watches every turn of every scenario (see :class:`flow.testing.world.TurnObserver`)
and maps each step of the turn back to the live edge of the policy it took, by source state,
transition name and destination. A guard counts as exercised when a transition it guards was taken.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flow.graph import Edge
from flow.models import Turn
from flow.testing.runtime import LoadedPolicy


def turn_labels(state_before: str | None, turn: Turn) -> list[str]:
    """The edge labels a turn took; the first turn's ``start`` step is not an edge."""
    labels: list[str] = []
    source = state_before
    for transition, state in zip(turn.transitions, turn.states_entered, strict=True):
        if source is not None and not (state_before is None and transition == "start"):
            labels.append(f"{source} -> {state} [{transition}]")
        source = state
    return labels


def _percent(part: int, whole: int) -> float:
    return round(100.0 * part / whole, 1) if whole else 100.0


@dataclass
class PolicyCoverage:
    """The live edges of one policy and how often each was taken."""

    name: str
    source: str
    edges: tuple[Edge, ...]
    taken: Counter[str] = field(default_factory=Counter)
    unexpected: Counter[str] = field(default_factory=Counter)

    def guards(self) -> dict[str, int]:
        """How often a transition guarded by each guard was taken, for every guard of the live edges."""
        counts: dict[str, int] = {}
        for edge in self.edges:
            counts[edge.guard] = counts.get(edge.guard, 0) + self.taken[edge.label]
        return counts

    def as_dict(self) -> dict[str, Any]:
        """The coverage as plain data (what ``--tactful-coverage-json`` writes)."""
        guards = self.guards()
        taken_edges = sum(1 for edge in self.edges if self.taken[edge.label])
        taken_guards = sum(1 for count in guards.values() if count)
        return {
            "policy": self.name,
            "source": self.source,
            "transitions": {
                "total": len(self.edges),
                "taken": taken_edges,
                "percent": _percent(taken_edges, len(self.edges)),
                "edges": [
                    {"label": e.label, "trigger": e.trigger, "guard": e.guard, "count": self.taken[e.label]}
                    for e in self.edges
                ],
            },
            "guards": {
                "total": len(guards),
                "taken": taken_guards,
                "percent": _percent(taken_guards, len(guards)),
                "counts": guards,
            },
            "unexpected": dict(self.unexpected),
        }


class CoverageRecorder:
    """Collects the transitions every scenario took, per policy."""

    def __init__(self) -> None:
        self.policies: dict[str, PolicyCoverage] = {}

    def policy_used(self, policy: LoadedPolicy, edges: Sequence[Edge]) -> None:
        """Start counting the policy's live edges (kept when the policy was seen before)."""
        if policy.key not in self.policies:
            self.policies[policy.key] = PolicyCoverage(policy.policy.name, policy.source, tuple(edges))

    def turn_taken(self, policy: LoadedPolicy, state_before: str | None, turn: Turn) -> None:
        """Count the edges one turn took."""
        coverage = self.policies[policy.key]
        known = {edge.label for edge in coverage.edges}
        for label in turn_labels(state_before, turn):
            if label in known:
                coverage.taken[label] += 1
            else:
                coverage.unexpected[label] += 1

    def as_dict(self) -> dict[str, Any]:
        """Every policy's coverage, sorted by policy."""
        return {"policies": [self.policies[key].as_dict() for key in sorted(self.policies)]}


def render_report(data: dict[str, Any]) -> list[str]:
    """The coverage as the lines printed at the end of the run."""
    lines = ["tactful transition coverage"]
    if not data["policies"]:
        lines.append("  no scenario ran a tactful conversation")
    for policy in data["policies"]:
        edges, guards = policy["transitions"], policy["guards"]
        lines.append(
            f"{policy['policy']} ({policy['source']}): {edges['taken']}/{edges['total']} transitions "
            f"({edges['percent']:.1f}%), {guards['taken']}/{guards['total']} guards ({guards['percent']:.1f}%)"
        )
        width = max(len(edge["label"]) for edge in edges["edges"]) if edges["edges"] else 0
        for edge in edges["edges"]:
            mark = f"{edge['count']:>5}" if edge["count"] else "never"
            lines.append(f"  {mark}  {edge['label']:<{width}}  if {edge['guard']}")
        never = sorted(name for name, count in guards["counts"].items() if not count)
        lines.append(f"  guards never exercised: {', '.join(never) if never else 'none'}")
        for label, count in sorted(policy["unexpected"].items()):
            lines.append(f"  not a live transition of this policy, yet taken {count}x: {label}")
    return lines


def write_report(recorder: CoverageRecorder, write_line: Callable[[str], Any]) -> None:
    """Print the coverage report line by line."""
    for line in render_report(recorder.as_dict()):
        write_line(line)


def write_json(recorder: CoverageRecorder, path: Path) -> None:
    """Write the coverage as JSON to ``path`` (folders are created)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(recorder.as_dict(), indent=2) + "\n", encoding="utf-8")
