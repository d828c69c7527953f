"""The baselines the engine benchmark measures against still play every scripted conversation, so a change
to the engine's shared steps cannot leave ``python -m bench.engine`` failing half way."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bench.engine import play_naive
from bench.naive_flow import naive_engine
from bench.scripts import POLICY, SCRIPTS
from flow import load_policy


@pytest.mark.parametrize("index", range(len(SCRIPTS)))
def test_the_naive_flow_plays_each_script_to_its_end_or_close(index: int) -> None:
    naive = naive_engine(load_policy(POLICY), clock=lambda: datetime(2026, 12, 3, 11, tzinfo=UTC))
    turns = list(play_naive(naive, SCRIPTS[index], f"baseline-{index}"))
    assert turns, "the naive flow answered no message of the script"
