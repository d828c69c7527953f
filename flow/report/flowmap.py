"""The flow diagram: each state a box, each move between states an arrow as thick as its traffic."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import Any

from flow.report.charts import INK, MAIN, MUTED, WARN, figure, to_svg
from flow.report.data import ReportData

POSITIONS: dict[str, tuple[float, float]] = {
    "listening": (0.0, 3.0),
    "explaining": (2.8, 3.0),
    "apologizing": (5.6, 3.0),
    "offering_alternatives": (8.6, 3.0),
    "compensation": (8.6, 0.9),
    "follow_up": (11.6, 1.9),
    "closed": (5.6, 5.3),
    "escalated": (2.8, 0.6),
}
"""Where each state sits in the diagram (the default flow's states, left to right as a refusal unfolds)."""

_FILL = {"closed": "#eef1f4", "escalated": "#fbefdc"}


@dataclass(frozen=True, slots=True)
class TransitionRow:
    """One transition and how many times conversations took it."""

    source: str
    name: str
    dest: str
    count: int
    share: float
    """The count relative to the busiest transition, 0 to 1 (for drawing a bar)."""


def transition_rows(data: ReportData) -> list[TransitionRow]:
    """Every transition taken, busiest first."""
    busiest = max(data.transitions.values(), default=1)
    ordered = sorted(data.transitions.items(), key=lambda item: (-item[1], item[0]))
    return [TransitionRow(s, n, d, count, count / busiest) for (s, n, d), count in ordered]


def moves(data: ReportData) -> Counter[tuple[str, str]]:
    """Transitions added up by the pair of states they join, leaving out those that stay in one state."""
    totals: Counter[tuple[str, str]] = Counter()
    for (source, _, dest), count in data.transitions.items():
        if source != dest and source in POSITIONS and dest in POSITIONS:
            totals[(source, dest)] += count
    return totals


def flow_diagram(data: ReportData) -> str:
    """The states as boxes and the moves between them as arrows, labelled with their counts, as SVG."""
    totals = moves(data)
    busiest = max(totals.values(), default=1)
    with figure(11.0, 5.2) as fig:
        ax = fig.add_subplot()
        ax.set_xlim(-1.1, 12.8)
        ax.set_ylim(0.1, 5.8)
        ax.set_axis_off()
        boxes = {}
        for state, (x, y) in POSITIONS.items():
            label = f"{state.replace('_', ' ')}\n{data.visits[state]:,} conversations"
            boxes[state] = ax.text(
                x,
                y,
                label,
                ha="center",
                va="center",
                fontsize=9.5,
                color=INK,
                zorder=3,
                bbox={"boxstyle": "round,pad=0.45", "facecolor": _FILL.get(state, "#e6f0f5"), "edgecolor": MAIN},
            )
        for (source, dest), count in sorted(totals.items()):
            _arrow(ax, boxes, source, dest, count, busiest)
        return to_svg(fig)


def _arrow(ax: Any, boxes: dict[str, Any], source: str, dest: str, count: int, busiest: int) -> None:
    colour = WARN if dest == "escalated" else MUTED if dest == "closed" else MAIN
    (x1, y1), (x2, y2) = POSITIONS[source], POSITIONS[dest]
    dx, dy = x2 - x1, y2 - y1
    # Moves that skip over a box on the same row bow out further, so they pass around it.
    rad = 0.45 if abs(dy) < 0.5 and abs(dx) > 3.5 else 0.18
    width = 0.8 + 5.0 * math.sqrt(count / busiest)
    ax.annotate(
        "",
        xy=(0.5, 0.5),
        xycoords=boxes[dest],
        xytext=(0.5, 0.5),
        textcoords=boxes[source],
        arrowprops={
            "arrowstyle": "-|>,head_length=0.6,head_width=0.35",
            "connectionstyle": f"arc3,rad={rad}",
            "linewidth": width,
            "color": colour,
            "alpha": 0.75,
            "shrinkA": 2,
            "shrinkB": 2,
            "patchA": boxes[source].get_bbox_patch(),
            "patchB": boxes[dest].get_bbox_patch(),
        },
        zorder=2,
    )
    # The label sits on the curve: halfway along short moves, nearer the end of long ones.
    # Short moves get their label just off the arrow, so that it does not hide the arrowhead.
    length = math.hypot(dx, dy)
    t, off = (0.5, 0.12) if length < 3.5 else (0.7, 0.0)
    cx, cy = (x1 + x2) / 2 + rad * dy, (y1 + y2) / 2 - rad * dx
    ax.text(
        (1 - t) ** 2 * x1 + 2 * (1 - t) * t * cx + t**2 * x2 + off * dy / length,
        (1 - t) ** 2 * y1 + 2 * (1 - t) * t * cy + t**2 * y2 - off * dx / length,
        f"{count:,}",
        ha="center",
        va="center",
        fontsize=8.5,
        color=INK,
        zorder=4,
        bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.85},
    )
