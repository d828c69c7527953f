"""The report's charts: matplotlib figures drawn on the Agg canvas and saved as SVG for embedding.

Figures are built with ``matplotlib.figure.Figure`` rather than pyplot, so making a report never
changes the backend or global state of the process that embeds tactful.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from flow.report.data import OUTCOME_LABELS, ReportData, SentimentPoint
from flow.rubric import PRACTICES, Status

GOOD = "#3a8f5c"
BAD = "#c0504d"
WARN = "#d99a2b"
MAIN = "#2f6f8f"
MUTED = "#b8c2cc"
INK = "#27323d"

OUTCOME_COLOURS: dict[str, str] = {
    "alternative_accepted": GOOD,
    "compensation_accepted": GOOD,
    "approved": MAIN,
    "escalated": WARN,
    "callback_scheduled": WARN,
    "declined": MUTED,
    "closed_after_abuse": BAD,
    "customer_closed": MUTED,
    "abandoned": BAD,
    "in_progress": MUTED,
}

_STATUS_BARS: tuple[tuple[Status, str, str], ...] = (
    ("passed", GOOD, "followed"),
    ("failed", BAD, "missed"),
    ("not_applicable", MUTED, "did not apply"),
)
_STYLE: dict[Any, Any] = {
    "svg.hashsalt": "tactful-report",
    "svg.fonttype": "path",
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.edgecolor": MUTED,
    "axes.labelcolor": INK,
    "xtick.color": INK,
    "ytick.color": INK,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


@contextmanager
def figure(width: float, height: float) -> Iterator[Any]:
    """A matplotlib Figure on an Agg canvas, with the report's style."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    with matplotlib.rc_context(_STYLE):
        fig = Figure(figsize=(width, height), layout="constrained")
        FigureCanvasAgg(fig)
        yield fig


def to_svg(fig: Any) -> str:
    """The figure as an SVG document with no timestamp, so equal data gives equal files."""
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()


def _whole_numbers() -> Any:
    """Ticks at whole numbers only: a count of conversations has no halves, however few there are."""
    from matplotlib.ticker import MaxNLocator

    return MaxNLocator(integer=True)


def data_uri(svg: str) -> str:
    """An SVG document as a ``data:`` URI for an ``<img>`` tag."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode("ascii")


def _empty(ax: Any, message: str) -> None:
    ax.text(0.5, 0.5, message, ha="center", va="center", color=INK, transform=ax.transAxes)
    ax.set_axis_off()


def outcomes_chart(data: ReportData) -> str:
    """Horizontal bars: how many conversations ended each way."""
    shown = [(key, data.outcomes[key]) for key in OUTCOME_LABELS if data.outcomes[key]]
    with figure(6.0, 0.42 * max(len(shown), 2) + 0.8) as fig:
        ax = fig.add_subplot()
        if not shown:
            _empty(ax, "No conversations yet")
            return to_svg(fig)
        labels = [OUTCOME_LABELS[key] for key, _ in shown][::-1]
        counts = [count for _, count in shown][::-1]
        bars = ax.barh(labels, counts, color=[OUTCOME_COLOURS[key] for key, _ in shown][::-1])
        total = data.conversations
        ax.bar_label(bars, labels=[f"{c:,} ({c / total:.0%})" for c in counts], padding=4, color=INK)
        ax.set_xlim(0, max(counts) * 1.25)
        ax.xaxis.set_major_locator(_whole_numbers())
        ax.set_xlabel("conversations")
        return to_svg(fig)


def sentiment_chart(curve: list[SentimentPoint], *, anger_threshold: float = -0.5) -> str:
    """The customers' mean sentiment at each message number, with the middle half shaded."""
    with figure(11.0, 3.4) as fig:
        ax = fig.add_subplot()
        if not curve:
            _empty(ax, "No customer messages yet")
            return to_svg(fig)
        xs = [p.message for p in curve]
        ax.fill_between(xs, [p.low for p in curve], [p.high for p in curve], color=MAIN, alpha=0.18, linewidth=0)
        ax.plot(xs, [p.mean for p in curve], color=MAIN, marker="o", linewidth=2, label="mean")
        ax.axhline(anger_threshold, color=BAD, linestyle="--", linewidth=1)
        ax.text(xs[-1], anger_threshold - 0.08, "anger threshold", color=BAD, ha="right", va="top", fontsize=9)
        ax.axhline(0, color=MUTED, linewidth=0.8)
        ax.set_ylim(-1.05, 1.05)
        ax.set_xticks(xs)
        ax.set_xlabel("customer message number")
        ax.set_ylabel("sentiment (−1 to 1)")
        return to_svg(fig)


def rubric_chart(data: ReportData) -> str:
    """One stacked bar per practice: followed, missed, and not applicable."""
    practices = list(PRACTICES)[::-1]
    with figure(6.5, 1.0 + 0.28 * len(practices)) as fig:
        ax = fig.add_subplot()
        if not data.conversations:
            _empty(ax, "No conversations yet")
            return to_svg(fig)
        left = [0.0] * len(practices)
        for status, colour, label in _STATUS_BARS:
            shares = [data.rubric[p][status] / data.conversations for p in practices]
            ax.barh([PRACTICES[p] for p in practices], shares, left=left, color=colour, label=label)
            left = [a + b for a, b in zip(left, shares, strict=True)]
        ax.set_xlim(0, 1)
        ax.xaxis.set_major_formatter("{x:.0%}")
        ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=3, frameon=False)
        return to_svg(fig)


def turns_chart(messages: list[int]) -> str:
    """How many customer messages conversations took."""
    with figure(11.0, 3.0) as fig:
        ax = fig.add_subplot()
        if not messages:
            _empty(ax, "No conversations yet")
            return to_svg(fig)
        counts = {n: messages.count(n) for n in range(min(messages), max(messages) + 1)}
        ax.bar(list(counts), list(counts.values()), color=MAIN, width=0.8)
        ax.set_xticks(list(counts))
        ax.yaxis.set_major_locator(_whole_numbers())
        ax.set_xlabel("customer messages in the conversation")
        ax.set_ylabel("conversations")
        return to_svg(fig)
