"""What the host is told to do when one conversation settles several requests: each action carries the
facts of its own request, facts only the customer stated are marked unverified whichever request they
went to, and the follow-up speaks of the request it follows up."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TypeVar

import pytest

from flow import Engine, load_policy
from flow.models import (
    ApplyAlternative,
    ApproveRequest,
    ScheduleFollowUp,
    Turn,
    WithdrawAlternative,
    WithdrawApproval,
)

NOW = datetime(2026, 12, 4, 11, 0, tzinfo=UTC)
T = TypeVar("T")


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(load_policy("retail"), clock=lambda: NOW)


def _actions(turn: Turn, kind: type[T]) -> list[T]:
    return [action for action in turn.actions if isinstance(action, kind)]


def test_two_requests_in_one_message_each_carry_their_own_order(engine: Engine) -> None:
    conversation, _ = engine.start(message="please cancel order A-4412 and refund A-4413, I bought that 2 days ago")
    _, turn = engine.reply(conversation, "no, it hasn't shipped yet")

    cancel, refund = _actions(turn, ApproveRequest)
    assert (cancel.request, cancel.facts["order_id"]) == ("cancel", "A-4412")
    assert (refund.request, refund.facts) == ("refund", {"days_since_purchase": 2, "order_id": "A-4413"})


def test_facts_stated_for_a_second_request_are_unverified_on_its_approval(engine: Engine) -> None:
    conversation, _ = engine.start(facts={"order_id": "A-3005", "days_since_purchase": 45}, message="refund please")
    conversation, turn = engine.reply(
        conversation, "the exchange is fine, and could I get a refund for my other order A-1111? bought a week ago"
    )

    [exchange] = _actions(turn, ApplyAlternative)
    [refund] = _actions(turn, ApproveRequest)
    assert exchange.facts == {"days_since_purchase": 45, "order_id": "A-3005"}
    assert exchange.unverified == []
    assert refund.facts == {"days_since_purchase": 7, "order_id": "A-1111"}
    assert refund.unverified == ["days_since_purchase", "order_id"]
    assert conversation.customer_stated == {"order_id": ["A-1111"], "days_since_purchase": [7]}


def test_the_follow_up_names_the_request_it_follows_up_once(engine: Engine) -> None:
    conversation, _ = engine.start(facts={"order_id": "A-3005", "days_since_purchase": 45}, message="refund please")
    _, turn = engine.reply(conversation, "credit please, and a refund for my other order A-1111, bought 3 days ago")

    [follow_up] = _actions(turn, ScheduleFollowUp)
    assert follow_up.text.count("A-3005") == 1
    assert "A-1111" not in follow_up.text


def test_taking_back_an_alternative_by_name_says_which_order_to_undo(engine: Engine) -> None:
    conversation, _ = engine.start(facts={"order_id": "A-3007", "days_since_purchase": 70}, message="refund")
    conversation, _ = engine.reply(conversation, "the exchange please")
    _, turn = engine.reply(conversation, "actually I don't want the exchange after all")

    [withdrawn] = _actions(turn, WithdrawAlternative)
    assert (withdrawn.alternative, withdrawn.facts["order_id"]) == ("exchange", "A-3007")


@pytest.mark.parametrize("text", ["forget it", "I don't want a refund, the credit is fine", "never mind, nothing else"])
def test_words_that_do_not_name_the_alternative_keep_it(engine: Engine, text: str) -> None:
    conversation, _ = engine.start(facts={"order_id": "A-3007", "days_since_purchase": 70}, message="refund")
    conversation, _ = engine.reply(conversation, "store credit please")
    conversation, turn = engine.reply(conversation, text)

    assert not _actions(turn, WithdrawAlternative)
    assert conversation.outcome == "alternative_accepted"


def test_swapping_an_approval_undoes_it_before_the_alternative_is_applied(engine: Engine) -> None:
    conversation, _ = engine.start(message="my kettle A-1201 stopped working, I bought it 3 days ago")
    assert conversation.outcome == "approved"
    conversation, turn = engine.reply(conversation, "could I have a replacement instead of the refund?")

    assert [action.type for action in turn.actions][:2] == ["withdraw_approval", "apply_alternative"]
    [withdrawn] = _actions(turn, WithdrawApproval)
    assert (withdrawn.request, withdrawn.facts["order_id"]) == ("refund", "A-1201")
    assert conversation.outcome == "alternative_accepted"
    assert conversation.agenda[-1].chosen == "replacement"


def test_an_alternative_the_request_does_not_have_swaps_nothing(engine: Engine) -> None:
    conversation, _ = engine.start(message="please cancel A-4414, it hasn't shipped")
    conversation, turn = engine.reply(conversation, "could I get a repair instead?")

    assert not _actions(turn, WithdrawApproval)
    assert conversation.outcome == "approved"


@pytest.mark.parametrize(
    ("text", "first"),
    [("I bought a lamp 2 months ago (A-1001) and a chair last week (A-1002), I want refunds for both", 61),
     ("refund A-1001 bought 3 weeks ago and A-1002 bought last week", 21),
     ("A-1001 I bought on the 15th, and A-1002 back in September, can I get refunds for both?", 19)],
)  # fmt: skip
def test_each_order_keeps_the_date_said_beside_it_before_or_after_its_number(
    engine: Engine, text: str, first: int
) -> None:
    conversation, _ = engine.start(message=text)

    one, two = (item.facts.get("days_since_purchase") for item in conversation.agenda)
    assert one == first
    assert two is not None
    assert two != first


def test_neither_answers_for_both_orders_named_in_the_message(engine: Engine) -> None:
    _, turn = engine.start(message="cancel A-1001 and A-1002 please, neither has shipped")

    assert [action.facts["order_id"] for action in _actions(turn, ApproveRequest)] == ["A-1001", "A-1002"]
