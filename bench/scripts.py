"""The realistic conversations every engine benchmark replays, on the bundled ``retail`` policy.

Each script is what one customer does from opening the chat to leaving it: the facts the shop's
website already knows, then the messages typed (or the quick replies clicked), in order. Together they
cover the paths a refusal takes in practice: an alternative accepted by text and by button, "why?",
facts asked for one at a time, insistence, anger and compensation, a request for a manager, a threat,
abuse, a cancellation, and a request that policy allows. ``ends_in`` is where the conversation should
finish; the benchmarks warn when understanding changes enough to send a script elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from flow.vocabulary import StateName

POLICY = "retail"
IN_HOURS = datetime(2026, 11, 24, 11, 30, tzinfo=UTC)
"""A Tuesday morning in London: a person is there to take over, so escalations hand off."""


@dataclass(frozen=True, slots=True)
class Click:
    """A quick reply the customer clicks instead of typing."""

    payload: str


Message = str | Click


@dataclass(frozen=True, slots=True)
class Script:
    """One customer's whole conversation."""

    name: str
    facts: dict[str, Any]
    messages: tuple[Message, ...]
    ends_in: StateName


def _order(number: int, days: int, **more: Any) -> dict[str, Any]:
    return {"order_id": f"A-{number:04d}", "days_since_purchase": days, **more}


SCRIPTS: tuple[Script, ...] = (
    Script(
        "alternative accepted by text",
        _order(1234, 45, customer_name="Priya"),
        (
            "Hi, I bought a winter coat from you last month and it doesn't fit. I'd like a refund please",
            "Store credit would be fine I suppose",
            "Thanks, that's everything",
        ),
        "closed",
    ),
    Script(
        "alternative accepted by button",
        _order(2051, 38),
        (
            "hello, can I get my money back for my order?",
            Click("alternative:exchange"),
            Click("thank_close"),
        ),
        "closed",
    ),
    Script(
        "asks why, then accepts",
        _order(3310, 52),
        (
            "I want a refund for order A-3310",
            "Why not? It's only a couple of weeks over",
            "ok fine, I'll take the exchange then",
            "great, thanks for your help",
        ),
        "closed",
    ),
    Script(
        "facts asked one at a time, then declines everything",
        {},
        (
            "I want to return my jacket and get my money back",
            "It's A-4417",
            "about 45 days ago",
            "no thanks, neither of those works for me",
        ),
        "closed",
    ),
    Script(
        "insists until handed to a person",
        _order(5120, 61),
        (
            "I need a refund for this order, it just doesn't suit me",
            "I still want my money back",
            "I want a refund, I insist",
            "Just refund me now please",
            "ok, thanks, bye",
        ),
        "closed",
    ),
    Script(
        "angry, offered compensation, accepts",
        _order(6002, 40, loyalty_tier="gold"),
        (
            "Honestly this is awful, the sole came off after a week and I'm so angry",
            "I want a refund for it",
            "No thanks, I don't want either of those",
            "yes please, I'll take the discount",
            "that's all, thank you",
        ),
        "closed",
    ),
    Script(
        "furious until handed to a person",
        _order(6710, 47),
        (
            "Refund my order please",
            "This is ridiculous, absolutely terrible service",
            "I'm furious, this is the worst company I have ever dealt with",
            "whatever",
        ),
        "escalated",
    ),
    Script(
        "asks for a manager",
        _order(7001, 33),
        (
            "I'd like to return this and get a refund",
            "Can I speak to a manager please",
            "thanks, bye",
        ),
        "closed",
    ),
    Script(
        "threatens a chargeback and the ombudsman",
        _order(7350, 90),
        (
            "I want my money back for order A-7350",
            "If you don't refund me I'll report you to trading standards and do a chargeback",
            "ok",
        ),
        "escalated",
    ),
    Script(
        "abusive twice, closed after a boundary",
        _order(8008, 41),
        (
            "refund my order",
            "you are all useless idiots",
            "fuck you",
        ),
        "closed",
    ),
    Script(
        "cancellation of a dispatched order, free return accepted",
        {"order_id": "B-2222", "dispatched": True},
        (
            "Please cancel my order B-2222, I ordered the wrong size",
            "yes, the free return please",
            "that's all, thanks",
        ),
        "closed",
    ),
    Script(
        "refund inside the window is approved",
        _order(9100, 10),
        ("Hi there, I'd like a refund for my order please, it arrived damaged", "no, that's all, thanks"),
        "closed",
    ),
)
"""Every scripted conversation, in the order the benchmarks replay them."""


def turn_count() -> int:
    """How many customer messages one pass over every script sends."""
    return sum(len(script.messages) for script in SCRIPTS)
