"""The least a turn of a refusal chat can be, written by hand: the floor the engine's turn is measured against.

One turn here is what any implementation has to do for a customer message, and nothing more:

- read the intent with 20 regular expressions, the first that matches wins;
- move the state with one dict lookup on (state, intent);
- say the reply with one ``str.format``;
- dump the new snapshot with one ``json.dumps``.

No context, no facts, no sentiment, no abuse check, no validation, no agenda: a floor, not a rival.
``bench.engine`` times it in the same rounds as the engine's turn, on the same messages. Keep this
module unchanged once committed, so that every later measurement is against the same floor.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

INTENTS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        ("abuse", r"\b(idiot|stupid|useless|moron|damn)\b"),
        ("threat", r"\b(chargeback|lawyer|sue|court|trading standards)\b"),
        ("manager", r"\b(manager|supervisor|human|real person|someone else)\b"),
        ("refund", r"\b(refund|money back|reimburse)\b"),
        ("cancel", r"\b(cancel|stop the order|call off)\b"),
        ("exchange", r"\b(exchange|swap|different size)\b"),
        ("repair", r"\b(repair|fix|mend)\b"),
        ("store_credit", r"\b(store credit|voucher|gift card)\b"),
        ("why", r"\b(why|how come|reason)\b"),
        ("insist", r"\b(still want|insist|i need it|must have)\b"),
        ("angry", r"\b(ridiculous|unacceptable|furious|disgusting|joke)\b"),
        ("accept", r"\b(ok|okay|fine|sure|yes|sounds good|that works)\b"),
        ("decline", r"\b(no|nope|not interested|rather not)\b"),
        ("thanks", r"\b(thanks|thank you|cheers)\b"),
        ("bye", r"\b(bye|goodbye|that's all|that's everything)\b"),
        ("greeting", r"\b(hi|hello|hey|good morning)\b"),
        ("order_id", r"\b[A-Z]-\d{4}\b"),
        ("days", r"\b\d+\s+(days?|weeks?)\b"),
        ("late", r"\b(late|never arrived|never came|lost)\b"),
        ("broken", r"\b(broken|damaged|faulty|doesn't work)\b"),
    )
)

TRANSITIONS: dict[tuple[str, str], str] = {
    ("listening", "refund"): "explaining",
    ("listening", "cancel"): "explaining",
    ("listening", "exchange"): "explaining",
    ("listening", "manager"): "escalated",
    ("listening", "threat"): "escalated",
    ("listening", "abuse"): "closed",
    ("explaining", "why"): "explaining",
    ("explaining", "insist"): "offering_alternatives",
    ("explaining", "angry"): "apologizing",
    ("explaining", "accept"): "offering_alternatives",
    ("explaining", "manager"): "escalated",
    ("apologizing", "accept"): "compensation",
    ("apologizing", "angry"): "escalated",
    ("offering_alternatives", "store_credit"): "follow_up",
    ("offering_alternatives", "repair"): "follow_up",
    ("offering_alternatives", "accept"): "follow_up",
    ("offering_alternatives", "decline"): "escalated",
    ("compensation", "accept"): "follow_up",
    ("follow_up", "thanks"): "closed",
    ("follow_up", "bye"): "closed",
}

REPLIES: dict[str, str] = {
    "listening": "Thanks for getting in touch, {name}. How can I help with order {order}?",
    "explaining": "I'm sorry, {name}: order {order} is outside our 30-day window, so I can't refund it.",
    "apologizing": "I understand this is frustrating, {name}, and I'm sorry about order {order}.",
    "offering_alternatives": "What I can do for order {order}, {name}: store credit, an exchange or a repair.",
    "compensation": "As an apology, {name}, I can add a 10% voucher to order {order}.",
    "follow_up": "Done, {name}: order {order} is sorted. Is there anything else?",
    "escalated": "I'm passing order {order} to a colleague now, {name}; they'll be with you shortly.",
    "closed": "Thank you, {name}. Goodbye.",
}


@dataclass(slots=True)
class MinimalConversation:
    """The state a hand-made turn carries between messages."""

    id: str
    state: str
    turn: int
    facts: dict[str, object]


def minimal_turn(conversation: MinimalConversation, text: str) -> tuple[str, str]:
    """One customer message: its reply and the new snapshot as JSON; moves ``conversation`` on."""
    intent = next((name for name, pattern in INTENTS if pattern.search(text)), "other")
    conversation.state = TRANSITIONS.get((conversation.state, intent), conversation.state)
    conversation.turn += 1
    facts = conversation.facts
    reply = REPLIES[conversation.state].format(name=facts.get("customer_name", "there"), order=facts.get("order_id"))
    snapshot = json.dumps(
        {
            "id": conversation.id,
            "state": conversation.state,
            "version": conversation.turn,
            "intent": intent,
            "facts": facts,
            "quick_replies": [],
        }
    )
    return reply, snapshot
