"""A template that passes at load but goes past a sandbox limit with a conversation's values.

The turn still happens: the engine logs the template's path and the limit, and says the next variant
of the same text, or the built-in words for that key, or a plain sentence, instead.
"""

from __future__ import annotations

import copy
import logging
from pathlib import Path
from typing import Any

import pytest
import yaml

from flow import Engine, load_policy
from flow.templates import PLAIN_WORDS, TemplateBook, sample_context
from flow.tone import lint
from states import SPECS
from tests.plugins.engines import IN_HOURS, SCRIPT, Scripted

RETAIL: dict[str, Any] = yaml.safe_load(
    (Path(__file__).parents[1] / "flow" / "policies" / "retail.yaml").read_text(encoding="utf-8")
)
LONG_NAME = "D" * 200
"""The longest name a customer can give: 200 characters."""
GROWS = "{{ customer_name * 120 }}"
"""Fine with the sample name at load (480 characters); 24,000 characters with the longest name."""
LATE_REFUND = {"customer_name": LONG_NAME, "order_id": "A-1001", "days_since_purchase": 45}


def engine_with(change: dict[str, Any]) -> Engine:
    data = copy.deepcopy(RETAIL)
    for dotted, value in change.items():
        *parents, last = dotted.split(".")
        target: Any = data
        for part in parents:
            target = target[int(part)] if isinstance(target, list) else target.setdefault(part, {})
        target[int(last) if isinstance(target, list) else last] = value
    return Engine(load_policy(data), clock=lambda: IN_HOURS, understander=Scripted(SCRIPT))


def test_an_apology_past_the_limit_falls_back_to_the_built_in_words(caplog: pytest.LogCaptureFixture) -> None:
    engine = engine_with({"templates": {"apologizing": {"apology": f"I'm sorry, {GROWS}."}}})

    with caplog.at_level(logging.WARNING, logger="flow.templates"):
        conversation, turn = engine.start(facts=LATE_REFUND, message="I want a refund")

    assert turn.states_entered == ["listening", "explaining", "apologizing", "offering_alternatives"]
    assert conversation.state == "offering_alternatives"
    apology = turn.messages[2]
    built_in = {"I'm sorry, I know that's disappointing.", "I'm sorry about this.", "I'm sorry it's not better news."}
    assert apology in built_in
    assert all(any(text in source for text in built_in) for source in SPECS["apologizing"].templates["apology"])
    assert LONG_NAME not in apology
    assert any(
        "templates.apologizing.apology" in record.getMessage() and "sandbox limit" in record.getMessage()
        for record in caplog.records
    ), caplog.text
    assert all(LONG_NAME not in record.getMessage() for record in caplog.records)


def test_another_variant_of_the_same_text_is_said_first() -> None:
    safe = "I'm sorry about this, and I'm here to help."
    engine = engine_with({"templates": {"apologizing": {"apology": [f"I'm sorry, {GROWS}.", safe]}}})

    for conversation_id in ("one", "two", "three", "four"):
        _, turn = engine.start(facts=LATE_REFUND, message="I want a refund", conversation_id=conversation_id)
        assert turn.messages[2] == safe


def test_a_reason_past_the_limit_is_replaced_by_a_plain_sentence() -> None:
    engine = engine_with({"requests.refund.declines.0.reason": f"We can refund orders for 30 days, {GROWS}."})

    _, turn = engine.start(facts=LATE_REFUND, message="I want a refund")

    assert PLAIN_WORDS["reason"] in turn.messages[1]
    assert LONG_NAME not in turn.messages[1]


@pytest.mark.parametrize(
    ("dotted", "path", "expected"),
    [
        ("requests.refund.approved", "requests.refund.approved", PLAIN_WORDS["approved"]),
        ("requests.refund.declines.0.clearer_reason", "requests.refund.declines[0].clearer_reason",
         PLAIN_WORDS["reason"]),
        ("requests.refund.alternatives.0.text", "requests.refund.alternatives[0].text", "store credit"),
        ("compensation.offer", "compensation.offer", "goodwill"),
        ("follow_up.text", "follow_up.text", PLAIN_WORDS["follow_up"]),
        ("templates.apologizing.apology", "templates.apologizing.apology", "sorry"),
    ],
)  # fmt: skip
def test_every_kind_of_text_has_something_safe_to_say(dotted: str, path: str, expected: str) -> None:
    policy = engine_with({dotted: f"Thanks, {GROWS}."}).policy
    context = {**sample_context(policy), "customer_name": LONG_NAME}

    said = TemplateBook(policy).render(path, context, seed="x")

    assert expected.lower() in said.lower()
    assert LONG_NAME not in said


@pytest.mark.parametrize("key", sorted(PLAIN_WORDS))
def test_the_plain_sentences_pass_the_tone_lint(key: str) -> None:
    assert lint(PLAIN_WORDS[key], banned=(), min_reading_ease=60) == []
