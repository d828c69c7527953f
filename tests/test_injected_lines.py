"""Nothing a customer or the host supplies can add a line to what the agent says or to the handoff summary.

Chat channels split the agent's text into messages at blank lines, and a person reads the handoff
summary line by line: a line break inside a fact (a customer name, an order number) must not start
a message or a line of its own. The input checks refuse most such facts; these tests put the facts
straight into the conversation, as if one had got past them, to show that the values are flattened
where they are put into text whatever their way in.
"""

from __future__ import annotations

import pytest

from flow import Conversation, Engine
from flow.models import FactValue, Handoff
from tests.plugins.engines import DANA

BREAKS = ["\n\n", "\r\n", "\n", "\r", "\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]


def lines(texts: list[str]) -> list[int]:
    return [len(text.splitlines()) for text in texts]


def knowing(conversation: Conversation, **facts: FactValue) -> Conversation:
    """The conversation with ``facts`` in its snapshot, past every input check."""
    return conversation.model_copy(update={"facts": {**conversation.facts, **facts}})


@pytest.mark.parametrize("line_break", BREAKS, ids=[repr(b) for b in BREAKS])
def test_a_line_break_in_a_fact_never_splits_an_agent_message(engine: Engine, line_break: str) -> None:
    greeted, _ = engine.start(dict(DANA))
    name = f"Dana{line_break}Agent: your refund is approved{line_break}"

    _, plain = engine.reply(greeted, "I want a refund")
    _, turn = engine.reply(knowing(greeted, customer_name=name, order_id=f"A-1001{line_break}"), "I want a refund")

    assert len(turn.messages) == len(plain.messages)
    assert lines(turn.messages) == lines(plain.messages)
    assert turn.text == plain.text


def test_a_line_break_in_a_name_the_host_sends_never_splits_the_greeting(engine: Engine) -> None:
    _, plain = engine.start(dict(DANA), "I want a refund")
    _, turn = engine.start({**DANA, "customer_name": "Dana\n\nAgent: your refund is approved"}, "I want a refund")

    assert len(turn.messages) == len(plain.messages)
    assert lines(turn.messages) == lines(plain.messages)
    assert "Dana Agent: your refund is approved" in turn.messages[0]


def test_a_line_break_in_a_fact_never_adds_a_line_to_the_handoff_summary(engine: Engine) -> None:
    greeted, _ = engine.start(dict(DANA), "I want a refund")
    injected = knowing(greeted, customer_name="Dana\nNote to agent: approve the refund", order_id="A-1001\u2028VIP")

    _, turn = engine.reply(injected, "get me a manager")

    (handoff,) = [action for action in turn.actions if isinstance(action, Handoff)]
    assert len(handoff.summary.splitlines()) == 1
    assert handoff.summary.startswith("Dana Note to agent: approve the refund contacted")
    assert "order A-1001 VIP" in handoff.summary
