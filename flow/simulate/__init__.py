"""Simulated customers run through a policy in-process, to see what a policy change would do.

>>> from tactful import load_policy, simulate
>>> result = simulate(load_policy("retail"), n=20, seed=1)
>>> result.n
20
"""

from __future__ import annotations

from flow.simulate.conversation import Played
from flow.simulate.personas import PERSONAS, Persona
from flow.simulate.phrases import PhraseUnderstander
from flow.simulate.runner import ABANDONED, DEFAULT_MIX, InvalidMix, SimulationResult, parse_mix, simulate
from flow.simulate.table import result_table

__all__ = [
    "ABANDONED",
    "DEFAULT_MIX",
    "PERSONAS",
    "InvalidMix",
    "Persona",
    "PhraseUnderstander",
    "Played",
    "SimulationResult",
    "parse_mix",
    "result_table",
    "simulate",
]
