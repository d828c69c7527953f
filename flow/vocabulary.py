"""The closed vocabularies every part of tactful shares: states, intents, outcomes."""

from __future__ import annotations

from typing import Literal, get_args

StateName = Literal[
    "listening",
    "explaining",
    "apologizing",
    "offering_alternatives",
    "compensation",
    "follow_up",
    "escalated",
    "closed",
]

Intent = Literal[
    "request_refund",
    "request_cancel",
    "ask_policy",
    "ask_human",
    "complaint",
    "accept",
    "reject",
    "thank_close",
    "insist",
    "ask_why",
    "provide_info",
    "unknown",
]

Outcome = Literal[
    "approved",
    "alternative_accepted",
    "compensation_accepted",
    "declined",
    "escalated",
    "callback_scheduled",
    "closed_after_abuse",
    "customer_closed",
]

EscalationReason = Literal[
    "anger", "insistence", "asked_for_person", "threat", "turn_limit", "unsatisfied", "cannot_check"
]

STATES: tuple[StateName, ...] = get_args(StateName)
INTENTS: tuple[Intent, ...] = get_args(Intent)
OUTCOMES: tuple[Outcome, ...] = get_args(Outcome)
