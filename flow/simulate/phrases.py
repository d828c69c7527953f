"""What simulated customers say, and the signals each phrase stands for.

The simulator feeds the engine this table instead of the understanding step: every phrase a persona
can send has fixed signals, so a run is fast and the same for a seed. Quick replies need no table;
the engine reads their payloads itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from flow.models import Signals
from flow.vocabulary import Intent


@dataclass(frozen=True, slots=True)
class Phrase:
    """One thing a customer can write, and what it means."""

    text: str
    intent: Intent
    sentiment: float = 0.0
    abusive: bool = False
    threat: bool = False

    @property
    def signals(self) -> Signals:
        """The signals the simulated understanding step reports for this phrase."""
        return Signals(
            intent=self.intent,
            confidence=1.0,
            sentiment=self.sentiment,
            abusive=self.abusive,
            threat=self.threat,
        )


OPEN_REFUND = Phrase("Hello, I'd like a refund for my order, please.", "request_refund", 0.4)
OPEN_CANCEL = Phrase("Hi, could I cancel my order, please?", "request_cancel", 0.3)
OPEN_REFUND_ANGRY = Phrase("This is ridiculous. I want my money back now.", "request_refund", -0.7)
OPEN_CANCEL_ANGRY = Phrase("I'm furious. Cancel this order right now.", "request_cancel", -0.7)
OPEN_REFUND_ABUSIVE = Phrase("Refund me, you useless idiots.", "request_refund", -0.8, abusive=True)
OPEN_CANCEL_ABUSIVE = Phrase("Cancel it, you useless idiots.", "request_cancel", -0.8, abusive=True)
ABUSE = Phrase("You're all useless idiots.", "complaint", -0.8, abusive=True)
INSIST = Phrase("I still want what I asked for.", "insist", -0.1)
INSIST_ANGRY = Phrase("No. That's unacceptable, just do what I asked.", "insist", -0.6)
WHY = Phrase("Why not? What's the rule?", "ask_why", 0.0)
MANAGER = Phrase("Let me speak to a manager.", "ask_human", -0.2)
THREAT = Phrase("I'll be reporting you to trading standards.", "complaint", -0.5, threat=True)
ACCEPT = Phrase("Yes, that works, thank you.", "accept", 0.6)
REJECT = Phrase("No, I don't want that.", "reject", -0.2)
REJECT_ANGRY = Phrase("No. That's useless to me.", "reject", -0.6)
THANKS_BYE = Phrase("Thanks, that's all. Bye.", "thank_close", 0.5)
UNHAPPY = Phrase("No, it still isn't sorted.", "reject", -0.4)

PHRASES: dict[str, Phrase] = {
    phrase.text: phrase
    for phrase in (
        OPEN_REFUND,
        OPEN_CANCEL,
        OPEN_REFUND_ANGRY,
        OPEN_CANCEL_ANGRY,
        OPEN_REFUND_ABUSIVE,
        OPEN_CANCEL_ABUSIVE,
        ABUSE,
        INSIST,
        INSIST_ANGRY,
        WHY,
        MANAGER,
        THREAT,
        ACCEPT,
        REJECT,
        REJECT_ANGRY,
        THANKS_BYE,
        UNHAPPY,
    )
}
"""Every fixed phrase, by its text."""

_SIGNALS = {text: phrase.signals for text, phrase in PHRASES.items()}

_DAYS = re.compile(r"^I bought it (\d+) days ago\.$")
_ORDER = re.compile(r"^It's order [A-Z]-\d{4}\.$")
_PROVIDED = Signals(intent="provide_info", confidence=1.0, sentiment=0.0)


def days_answer(days: int) -> str:
    """The customer's answer when asked how long ago they bought the item."""
    return f"I bought it {days} days ago."


def order_answer(order_id: str) -> str:
    """The customer's answer when asked for the order number."""
    return f"It's order {order_id}."


class PhraseUnderstander:
    """The understanding step of a simulation: a table lookup over :data:`PHRASES` and the two answers."""

    def understand(self, text: str, context: object = None) -> Signals:
        """The signals of a simulated customer's message; ``unknown`` for anything else."""
        known = _SIGNALS.get(text)
        if known is not None:
            return known
        days = _DAYS.match(text)
        if days:
            return _PROVIDED.model_copy(update={"slots": {"days_ago": days.group(1)}})
        if _ORDER.match(text):
            return _PROVIDED
        return Signals()
