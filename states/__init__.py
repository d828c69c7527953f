"""One module per conversation state: what the agent says there and whether it waits."""

from __future__ import annotations

from collections.abc import Mapping

from flow.vocabulary import StateName
from states import (
    apologizing,
    closed,
    compensation,
    escalated,
    explaining,
    follow_up,
    listening,
    offering_alternatives,
    with_person,
)
from states.common import TEMPLATES as COMMON_TEMPLATES
from states.spec import StateSpec

SPECS: Mapping[StateName, StateSpec] = {
    spec.name: spec
    for spec in (
        listening.SPEC,
        explaining.SPEC,
        apologizing.SPEC,
        offering_alternatives.SPEC,
        compensation.SPEC,
        follow_up.SPEC,
        escalated.SPEC,
        closed.SPEC,
        with_person.SPEC,
    )
}
"""Every state's declaration, by name."""

__all__ = ["COMMON_TEMPLATES", "SPECS", "StateSpec"]
