"""Asking outright for what the shop offers instead, before anything is offered: what is read as a wish,
what is not, and what the engine does with one."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from flow import Engine
from flow.loading import load_policy
from flow.reading import PolicyReading
from flow.understanding import Understander

NOW = datetime(2026, 11, 24, 11, 30, tzinfo=UTC)
READING = PolicyReading(load_policy("retail"))
UNDERSTANDER = Understander()
LISTENING: dict[str, Any] = {}
ASKED_DATE = {"request": "refund", "asked": "days_since_purchase"}
OFFERED = {"state": "offering_alternatives", "request": "refund", "offered": ("store_credit", "exchange")}


def acts(text: str, context: dict[str, Any]) -> list[str]:
    signals = UNDERSTANDER.understand(text, READING.context(now=NOW, **context))
    return [str(act) for act in signals.acts]


@pytest.mark.parametrize(
    ("text", "wish"),
    [("I'd like to swap these boots for a size 6", "exchange"),
     ("could you exchange it for the blue one please", "exchange"),
     ("I want store credit for my last order", "store_credit"),
     ("can I get a voucher instead", "store_credit"),
     ("hi, can you resend my parcel?", "resend"),
     ("I'd like the free return please", "free_return"),
     ("can I have it repaired", "repair")],
)  # fmt: skip
def test_asking_to_have_an_alternative_is_a_wish_for_it(text: str, wish: str) -> None:
    assert f"choose:{wish}" in acts(text, LISTENING)


@pytest.mark.parametrize(
    "text",
    ["how does an exchange work?", "what is store credit exactly", "I don't want a voucher, I want my money",
     "is a repair free?", "I want a full refund please", "can I send it back?",
     "the swap you sent me last time was broken"],
)  # fmt: skip
def test_talk_of_an_alternative_that_does_not_ask_for_it_is_no_wish(text: str) -> None:
    assert not any(act.startswith("choose:") for act in acts(text, LISTENING))


@pytest.mark.parametrize(
    ("text", "about"),
    [("how does an exchange work?", "exchange"),
     ("what is store credit exactly", "store_credit"),
     ("is a repair free?", "repair"),
     ("do you do replacements for things that broke?", "replacement"),
     ("how long would a swap take", "exchange"),
     ("quick question - does the voucher expire?", "store_credit")],
)  # fmt: skip
def test_a_question_about_an_alternative_before_any_offer_asks_about_it(text: str, about: str) -> None:
    assert f"ask_about:{about}" in acts(text, LISTENING)


@pytest.mark.parametrize(
    "text", ["why can't I get an exchange?", "isn't there a voucher or something?", "no store credit, thanks"]
)
def test_a_why_or_a_negated_mention_is_no_question_about_the_alternative(text: str) -> None:
    assert not any(act.startswith("ask_about:") for act in acts(text, LISTENING))


def test_a_wish_while_a_fact_is_asked_for_is_read_too() -> None:
    assert "choose:store_credit" in acts("hmm, could I just have store credit instead?", ASKED_DATE)


def test_once_offers_are_on_the_table_a_wish_for_something_else_is_not_taken() -> None:
    engine = Engine(load_policy("retail"), clock=lambda: NOW)
    conversation, _ = engine.start(facts={"customer_name": "Kim", "order_id": "A-6206", "days_since_purchase": 45})
    conversation, turn = engine.reply(conversation, "I want a refund")
    assert conversation.current is not None
    assert conversation.current.offered == ("store_credit", "exchange")
    conversation, turn = engine.reply(conversation, "can you resend it?")
    assert turn.transitions == ["not_on_offer"]
    assert turn.actions == []
    assert conversation.current is not None
    assert conversation.current.chosen is None
    assert "new parcel isn't" in turn.text
    assert "store credit" in turn.text


def test_the_engine_arranges_the_wish_when_the_decision_allows_it() -> None:
    engine = Engine(load_policy("retail"), clock=lambda: NOW)
    conversation, _ = engine.start(facts={"customer_name": "Kim"})
    conversation, turn = engine.reply(conversation, "can I swap order A-6205 for another colour? bought 50 days ago")
    assert turn.transitions == ["grant_wish"]
    assert conversation.state == "follow_up"
    assert [(item.name, item.status, item.chosen) for item in conversation.agenda] == [
        ("refund", "alternative_accepted", "exchange")
    ]
    assert "exchange" in turn.text
    assert "can't" not in turn.text


def test_a_wish_the_decision_cannot_give_leads_to_the_usual_answer() -> None:
    engine = Engine(load_policy("retail"), clock=lambda: NOW)
    conversation, _ = engine.start(facts={"customer_name": "Kim"})
    conversation, turn = engine.reply(
        conversation, "my kettle A-6203 stopped working, I bought it 2 months ago. can I get store credit?"
    )
    assert turn.transitions == ["decline", "apologize", "offer"]
    assert conversation.current is not None
    assert conversation.current.offered == ("replacement", "repair")


def test_a_wish_survives_a_stored_snapshot() -> None:
    engine = Engine(load_policy("retail"), clock=lambda: NOW)
    conversation, _ = engine.start(facts={"customer_name": "Kim"})
    conversation, _ = engine.reply(conversation, "I'd like to exchange a jumper for a smaller size")
    stored = type(conversation).model_validate_json(conversation.model_dump_json())
    assert stored.current is not None
    assert stored.current.wish == "exchange"
    stored, turn = engine.reply(stored, "A-6201, about 3 weeks ago")
    assert turn.transitions == ["grant_wish"]
