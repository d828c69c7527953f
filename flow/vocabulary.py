"""The closed vocabularies every part of tactful shares: states, intents, acts, outcomes."""

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
    "with_person",
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

ActKind = Literal[
    "choose",
    "reject",
    "ask_about",
    "request",
    "cancel_request",
    "ask_why",
    "ask_policy",
    "ask_status",
    "ask_human",
    "ask_bot",
    "insist",
    "complain",
    "provide",
    "thank",
    "goodbye",
    "affirm",
    "deny",
    "hold",
    "abuse",
    "threat",
    "unknown",
]
"""What one part of a customer message does: the dialogue acts understanding reads."""

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
    "anger",
    "insistence",
    "asked_for_person",
    "threat",
    "turn_limit",
    "unsatisfied",
    "exception",
    "unclear",
    "cannot_check",
]

RequestStatus = Literal[
    "open",
    "declined",
    "approved",
    "alternative_accepted",
    "compensation_accepted",
    "declined_closed",
    "escalated",
    "dropped",
]
"""Where one request on the agenda stands: ``open`` until decided, ``declined`` while alternatives are
on the table, then settled one way or another."""

STATES: tuple[StateName, ...] = get_args(StateName)
INTENTS: tuple[Intent, ...] = get_args(Intent)
ACT_KINDS: tuple[ActKind, ...] = get_args(ActKind)
OUTCOMES: tuple[Outcome, ...] = get_args(Outcome)

Question = Literal["anything_else", "satisfaction", "request", "person"]
"""What the agent just asked, when it is not an offer or a fact: "Is there anything else?", "Are you
happy with how it was sorted out?", "What can I help with?", "Shall I pass you to a colleague?"."""
