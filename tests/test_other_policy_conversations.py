"""Conversations on a policy other than the bundled shop's (the gym example): what the engine says must
come from that policy's own requests and alternatives, with nothing left blank."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from flow import Engine, load_policy

GYM = Path(__file__).resolve().parents[1] / "docs" / "examples" / "gym" / "features" / "policies" / "gym.yaml"
NOW = datetime(2026, 12, 4, 11, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(load_policy(str(GYM)), clock=lambda: NOW)


def test_a_request_the_policy_does_not_handle_is_said_to_be_one(engine: Engine) -> None:
    _, turn = engine.start(facts={"customer_name": "Lu"}, message="can I get a refund for last month?")

    assert "about ." not in turn.text
    assert "from here" in turn.text
    assert "cancellation" in turn.text


def test_an_alternative_told_while_a_fact_is_asked_for_is_noted_as_wished(engine: Engine) -> None:
    conversation, _ = engine.start(facts={"customer_name": "Lu"}, message="I want to cancel my membership")
    _, turn = engine.reply(conversation, "ok freeze it then")

    assert turn.signals is not None
    assert "choose:freeze" in [str(act) for act in turn.signals.acts]
    assert "freeze" in turn.text
    assert "months are left" in turn.text


def test_why_a_fact_is_needed_is_answered_in_words_that_fit_any_policy(engine: Engine) -> None:
    conversation, _ = engine.start(message="I want to cancel my membership")
    _, turn = engine.reply(conversation, "why?")

    assert "order" not in turn.text
    assert "months are left" in turn.text
