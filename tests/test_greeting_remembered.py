"""A greeting remembered for conversations opened without a message says exactly what working it out does."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from flow.speech import Speaker
from tactful import Engine, load_policy

NAMES = (None, "Dana", "Ana María", "Jean-Luc", "  Li   Wei ", "O'Brien", "Bob 1 day", "<b>Zoë</b>")
POLICIES = ("retail", "docs/examples/gym/features/policies/gym.yaml", "docs/examples/retail-generous.yaml")


def _greetings(policy: str) -> list[tuple[object, ...]]:
    engine = Engine(load_policy(policy))
    found = []
    for name in NAMES:
        for n in range(10):
            facts = {"customer_name": name} if name is not None else {}
            if n % 3 and "gym" not in policy:
                facts |= {"order_id": f"A-{1000 + n}", "days_since_purchase": n * 7}
            conversation, turn = engine.start(facts=facts, conversation_id=f"c{n}")
            found.append((name, n, turn.text, conversation.said, conversation.question, turn.quick_replies))
    return found


@pytest.mark.parametrize("policy", POLICIES)
def test_a_remembered_greeting_is_the_greeting_worked_out(policy: str, monkeypatch: pytest.MonkeyPatch) -> None:
    remembered = _greetings(policy)
    monkeypatch.setattr(Speaker, "_greeting", lambda self, run: self._say(run))
    worked_out = _greetings(policy)
    assert remembered == worked_out


def test_each_customer_is_greeted_by_their_own_name() -> None:
    engine = Engine(load_policy("retail"))
    texts = [engine.start(facts={"customer_name": name}, conversation_id="same")[1].text for name in ("Dana", "Priya")]
    assert "Dana" in texts[0]
    assert "Priya" not in texts[0]
    assert "Priya" in texts[1]
    assert "Dana" not in texts[1]


def test_a_greeting_that_reads_the_time_follows_the_clock() -> None:
    policy = load_policy("retail")
    data = policy.model_dump()
    data["templates"] = {
        "listening": {"welcome": ["Hi{% if in_hours %}, a colleague is around too{% endif %}. How can I help today?"]}
    }
    timed = type(policy).model_validate(data)
    now = {"at": datetime(2026, 12, 3, 11, 0, tzinfo=UTC)}
    engine = Engine(timed, clock=lambda: now["at"])
    in_hours = engine.start(conversation_id="c")[1].text
    now["at"] = datetime(2026, 12, 3, 23, 0, tzinfo=UTC)
    at_night = engine.start(conversation_id="c")[1].text
    assert in_hours == "Hi, a colleague is around too. How can I help today?"
    assert at_night == "Hi. How can I help today?"
