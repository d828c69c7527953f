"""The flow diagram: each state a box, each move between states an arrow as thick as its traffic.

Each arrow's count is placed where it overlaps no box and no other count: candidate spots along the
curve are tried in turn (the middle first), measured with the renderer, and the first free one kept.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import Any

from flow.counting import plural
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
    "escalated": (5.6, 0.6),
}
"""Where each state sits in the diagram (the default flow's states, left to right as a refusal unfolds).

The two ends sit above and below the middle of the row, so moves into them from either side are short
and do not cross the row."""

_FILL = {"closed": "#eef1f4", "escalated": "#fbefdc"}
_ALONG = (0.5, 0.4, 0.6, 0.3, 0.7, 0.25, 0.75, 0.2, 0.8, 0.15, 0.85)
"""Where along an arrow its count may go, in the order tried."""
_ASIDE = (0.0, 0.22, -0.22, 0.42, -0.42)
"""How far off the arrow (in diagram units, across it) the count may go, in the order tried."""
_GAP_PX = 3.0


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
    with figure(11.0, 5.2) as fig:
        draw_flow(fig, data)
        return to_svg(fig)


def draw_flow(fig: Any, data: ReportData) -> dict[str, list[Any]]:
    """Draw the diagram on ``fig``; return its ``boxes`` and count ``labels`` (matplotlib texts)."""
    totals = moves(data)
    busiest = max(totals.values(), default=1)
    fig.set_layout_engine("none")
    ax = fig.add_axes((0.0, 0.0, 1.0, 1.0))
    ax.set_xlim(-1.1, 12.8)
    ax.set_ylim(0.1, 5.8)
    ax.set_axis_off()
    boxes = {}
    for state, (x, y) in POSITIONS.items():
        visits = data.visits[state]
        boxes[state] = ax.text(
            x,
            y,
            f"{state.replace('_', ' ')}\n{visits:,} {plural(visits, 'conversation')}",
            ha="center",
            va="center",
            fontsize=9.5,
            color=INK,
            zorder=3,
            bbox={"boxstyle": "round,pad=0.45", "facecolor": _FILL.get(state, "#e6f0f5"), "edgecolor": MAIN},
        )
    renderer = fig.canvas.get_renderer()
    taken = [_extent(box, renderer) for box in boxes.values()]
    labels = []
    # The busiest moves are labelled first, so they get the spots nearest their middle.
    for (source, dest), count in sorted(totals.items(), key=lambda item: (-item[1], item[0])):
        rad = _arrow(ax, boxes, source, dest, count, busiest)
        label = _label(ax, renderer, source, dest, rad, f"{count:,}", taken)
        taken.append(_extent(label, renderer))
        labels.append(label)
    return {"boxes": list(boxes.values()), "labels": labels}


def _bend(source: str, dest: str) -> float:
    (x1, y1), (x2, y2) = POSITIONS[source], POSITIONS[dest]
    dx, dy = x2 - x1, y2 - y1
    # Moves that skip over a box on the same row or column bow out further, so they pass around it.
    return 0.45 if (abs(dy) < 0.5 and abs(dx) > 3.5) or (abs(dx) < 0.5 and abs(dy) > 3.5) else 0.18


def _arrow(ax: Any, boxes: dict[str, Any], source: str, dest: str, count: int, busiest: int) -> float:
    colour = WARN if dest == "escalated" else MUTED if dest == "closed" else MAIN
    rad = _bend(source, dest)
    ax.annotate(
        "",
        xy=(0.5, 0.5),
        xycoords=boxes[dest],
        xytext=(0.5, 0.5),
        textcoords=boxes[source],
        arrowprops={
            "arrowstyle": "-|>,head_length=0.6,head_width=0.35",
            "connectionstyle": f"arc3,rad={rad}",
            "linewidth": 0.8 + 5.0 * math.sqrt(count / busiest),
            "color": colour,
            "alpha": 0.75,
            "shrinkA": 2,
            "shrinkB": 2,
            "patchA": boxes[source].get_bbox_patch(),
            "patchB": boxes[dest].get_bbox_patch(),
        },
        zorder=2,
    )
    return rad


def _label(ax: Any, renderer: Any, source: str, dest: str, rad: float, text: str, taken: list[Any]) -> Any:
    """The count of one arrow, at the first candidate spot that overlaps nothing already drawn."""
    (x1, y1), (x2, y2) = POSITIONS[source], POSITIONS[dest]
    dx, dy = x2 - x1, y2 - y1
    length = math.hypot(dx, dy) or 1.0
    cx, cy = (x1 + x2) / 2 + rad * dy, (y1 + y2) / 2 - rad * dx
    label = ax.text(
        0,
        0,
        text,
        ha="center",
        va="center",
        fontsize=8.5,
        color=INK,
        zorder=4,
        bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.9},
    )
    best: tuple[float, tuple[float, float]] | None = None
    for aside in _ASIDE:
        for t in _ALONG:
            x = (1 - t) ** 2 * x1 + 2 * (1 - t) * t * cx + t**2 * x2 + aside * dy / length
            y = (1 - t) ** 2 * y1 + 2 * (1 - t) * t * cy + t**2 * y2 - aside * dx / length
            label.set_position((x, y))
            extent = _extent(label, renderer)
            overlap = sum(_overlap(extent, other) for other in taken) + _outside(extent, ax, renderer)
            if overlap == 0:
                return label
            if best is None or overlap < best[0]:
                best = (overlap, (x, y))
    if best is not None:
        label.set_position(best[1])
    return label


def extent(text: Any, renderer: Any) -> Any:
    """Where a text with a box around it is drawn, in pixels, box included."""
    text.update_bbox_position_size(renderer)  # the box follows the text only when drawn or told to
    return text.get_bbox_patch().get_window_extent(renderer)


def _extent(text: Any, renderer: Any) -> Any:
    return extent(text, renderer).padded(_GAP_PX)


def _overlap(a: Any, b: Any) -> float:
    width = min(a.x1, b.x1) - max(a.x0, b.x0)
    height = min(a.y1, b.y1) - max(a.y0, b.y0)
    return width * height if width > 0 and height > 0 else 0.0


def _outside(extent: Any, ax: Any, renderer: Any) -> float:
    frame = ax.get_window_extent(renderer)
    inside = _overlap(extent, frame)
    return float(extent.width * extent.height) - inside
