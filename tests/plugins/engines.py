"""Fixtures for engine tests: the bundled policy, a fixed clock, and a scripted understanding step."""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

import pytest

from flow import Engine, Policy, Signals, load_policy
from flow.loading import validate_policy

IN_HOURS = datetime(2026, 11, 26, 11, 0, tzinfo=UTC)
"""A Thursday morning in London: people are there to take over."""
OUT_OF_HOURS = datetime(2026, 11, 26, 21, 30, tzinfo=UTC)
"""A Thursday evening in London: nobody is there; escalation offers a callback."""


class Scripted:
    """An understanding step that maps exact messages to signals, so engine tests do not depend on the model."""

    def __init__(self, script: Mapping[str, Signals]) -> None:
        self.script = dict(script)

    def understand(self, text: str) -> Signals:
        """The scripted signals for ``text``; unknown text is an unknown intent."""
        return self.script.get(text, Signals(intent="unknown", confidence=0.2))


SCRIPT: dict[str, Signals] = {
    "I want a refund": Signals(intent="request_refund", confidence=0.95),
    "I want to cancel my order": Signals(intent="request_cancel", confidence=0.95),
    "I still want my money back": Signals(intent="insist", confidence=0.9, sentiment=-0.2),
    "why?": Signals(intent="ask_why", confidence=0.9),
    "yes": Signals(intent="accept", confidence=0.9),
    "no": Signals(intent="reject", confidence=0.9),
    "get me a manager": Signals(intent="ask_human", confidence=0.9),
    "this is a disgrace": Signals(intent="complaint", confidence=0.8, sentiment=-0.8),
    "you useless idiot": Signals(intent="complaint", confidence=0.8, sentiment=-0.8, abusive=True),
    "I'll see you in court": Signals(intent="complaint", confidence=0.7, sentiment=-0.3, threat=True),
    "thanks, bye": Signals(intent="thank_close", confidence=0.95, sentiment=0.4),
    "hello": Signals(intent="unknown", confidence=0.3),
    "it's A-1001": Signals(intent="provide_info", confidence=0.9, slots={"order_id": "A-1001"}),
    "about 10 days ago": Signals(intent="provide_info", confidence=0.9, slots={"days_ago": "10"}),
    "45 days ago": Signals(intent="provide_info", confidence=0.9, slots={"days_ago": "45"}),
}

DANA = {"customer_name": "Dana", "order_id": "A-1001", "days_since_purchase": 45}
"""A customer whose refund falls outside the 30-day window."""


@pytest.fixture(scope="session")
def retail() -> Policy:
    """The bundled example policy."""
    return load_policy("retail")


@pytest.fixture
def scripted() -> Scripted:
    """The scripted understanding step (tests may add lines to ``scripted.script``)."""
    return Scripted(SCRIPT)


@pytest.fixture
def make_engine(retail: Policy, scripted: Scripted) -> Callable[..., Engine]:
    """Build an engine on the bundled policy (or changes to it) with a fixed clock and scripted understanding."""

    def build(*, at: datetime = IN_HOURS, changes: Mapping[str, Any] | None = None) -> Engine:
        policy = retail
        if changes:
            data = copy.deepcopy(retail.model_dump(mode="json", by_alias=True))
            _merge(data, changes)
            policy = validate_policy(data)
        return Engine(policy, clock=lambda: at, understander=scripted)

    return build


@pytest.fixture
def engine(make_engine: Callable[..., Engine]) -> Engine:
    """An engine on the bundled policy, in office hours."""
    return make_engine()


def _merge(target: dict[str, Any], changes: Mapping[str, Any]) -> None:
    for key, value in changes.items():
        if isinstance(value, Mapping) and isinstance(target.get(key), dict):
            _merge(target[key], value)
        else:
            target[key] = value
