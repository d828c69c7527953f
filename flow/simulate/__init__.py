"""Simulated customers run through a policy in-process, to see what a policy change would do and where
the flow still fails.

Customers write from their own phrase tables (with typos), and every message goes through the
engine's real understanding step.

>>> from tactful import load_policy, simulate
>>> result = simulate(load_policy("retail"), conversations=20, seed=1)
>>> result.n
20
"""

from __future__ import annotations

from flow.simulate.conversation import Played, Said
from flow.simulate.failures import FAILURES, Failure
from flow.simulate.overlap import LIMIT, Overlap, phrasing_overlap
from flow.simulate.personas import PERSONAS, Persona
from flow.simulate.result import SimulationResult
from flow.simulate.runner import ABANDONED, DEFAULT_MIX, InvalidMix, parse_mix, simulate
from flow.simulate.table import failure_tables, result_table

__all__ = [
    "ABANDONED",
    "DEFAULT_MIX",
    "FAILURES",
    "LIMIT",
    "PERSONAS",
    "Failure",
    "InvalidMix",
    "Overlap",
    "Persona",
    "Played",
    "Said",
    "SimulationResult",
    "failure_tables",
    "parse_mix",
    "phrasing_overlap",
    "result_table",
    "simulate",
]
