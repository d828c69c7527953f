"""The report's drawings stay legible: counts never overlap, counts are whole, the flow graph fits a screen."""

from __future__ import annotations

import itertools
import re
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from typer.testing import CliRunner

from flow.cli import app
from flow.report.charts import figure, turns_chart
from flow.report.data import ReportData, gather
from flow.report.flowmap import POSITIONS, draw_flow, extent
from flow.simulate import simulate
from flow.transcripts import record
from tactful import Engine, Policy


def simulated(retail: Policy, n: int, seed: int) -> ReportData:
    result = simulate(retail, conversations=n, seed=seed, keep=True)
    last = max(played.conversation.updated_at for played in result.played)
    return gather((record(p.conversation, p.turns, retail) for p in result.played), now=last + timedelta(hours=1))


def every_move(retail: Policy) -> ReportData:
    """A report in which conversations took every move of the flow, with counts of every width."""
    data = ReportData(generated_at=datetime(2026, 11, 1, tzinfo=UTC), idle_after=timedelta(minutes=30))
    for number, edge in enumerate(Engine(retail).edges):
        data.transitions[(edge.source, edge.name, edge.dest)] += 10 ** (number % 5) + number
    for state in POSITIONS:
        data.visits[state] = 12_345
    return data


@pytest.mark.parametrize(
    "make",
    [
        lambda retail: simulated(retail, 3, 5),
        lambda retail: simulated(retail, 60, 5),
        lambda retail: simulated(retail, 500, 1),
        every_move,
    ],
    ids=["3 conversations", "60 conversations", "500 conversations", "every move"],
)
def test_no_count_on_the_flow_map_overlaps_another_or_a_state(retail: Policy, make: Any) -> None:
    data = make(retail)
    with figure(11.0, 5.2) as fig:
        drawn = draw_flow(fig, data)
        renderer = fig.canvas.get_renderer()
        frame = fig.axes[0].get_window_extent(renderer)
        boxes = [extent(text, renderer) for text in drawn["boxes"] + drawn["labels"]]
    assert len(drawn["labels"]) >= 3
    for a, b in itertools.combinations(boxes, 2):
        assert not a.overlaps(b), f"{a} overlaps {b}"
    for box in boxes:
        assert frame.x0 <= box.x0
        assert box.x1 <= frame.x1
        assert frame.y0 <= box.y0
        assert box.y1 <= frame.y1


def test_conversation_counts_are_whole_numbers_on_small_data() -> None:
    svg = turns_chart([1, 2, 2])
    ticks = re.findall(r"<!-- (\d+(?:\.\d+)?) -->", svg)
    assert ticks
    assert all("." not in tick for tick in ticks), ticks


def test_the_flow_graph_as_svg_is_at_most_1600_px_wide() -> None:
    result = CliRunner().invoke(app, ["graph", "retail", "--format", "svg"])
    assert result.exit_code == 0, result.output
    found = re.search(r'<svg width="([\d.]+)pt" height="([\d.]+)pt"', result.output)
    assert found is not None
    width_px = float(found.group(1)) * 96 / 72
    assert width_px <= 1600
    assert "accept_alternative" in result.output
