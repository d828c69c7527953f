"""The main act of a message, and the one label ``Signals.intent`` keeps in the older vocabulary.

When a message does several things, the one that moves the conversation wins: a person or a threat
first, then a request, a choice (which outweighs courtesy: "credit is fine, thanks" is a choice), a
question, insisting, facts, a complaint, and courtesy last.
"""

from __future__ import annotations

from collections.abc import Sequence

from flow.models import Act
from flow.vocabulary import Intent

_PRIORITY = (
    "ask_human",
    "cancel_request",
    "ask_why",
    "insist",
    "request",
    "choose",
    "reject",
    "ask_about",
    "ask_status",
    "ask_policy",
    "provide",
    "complain",
    "threat",
    "abuse",
    "affirm",
    "deny",
    "goodbye",
    "thank",
)
_INTENTS: dict[str, Intent] = {
    "ask_human": "ask_human",
    "cancel_request": "reject",
    "choose": "accept",
    "reject": "reject",
    "ask_about": "ask_policy",
    "ask_why": "ask_why",
    "ask_status": "ask_policy",
    "ask_policy": "ask_policy",
    "insist": "insist",
    "provide": "provide_info",
    "complain": "complaint",
    "threat": "complaint",
    "abuse": "complaint",
    "affirm": "accept",
    "deny": "reject",
    "goodbye": "thank_close",
    "thank": "thank_close",
}
_REQUESTS: dict[str, Intent] = {"refund": "request_refund", "cancel": "request_cancel"}


def main_act(acts: Sequence[Act]) -> Act | None:
    """The act that moves the conversation most, among those not negated."""
    live = [act for act in acts if not act.negated]
    for kind in _PRIORITY:
        for act in live:
            if act.kind == kind:
                return act
    return None


def main_intent(acts: Sequence[Act], fallback: Intent) -> Intent:
    """The message's intent: a question why when that is what the message mainly does; otherwise the intent
    model's reading when it has one, which knows the older labels best, or else the intent of the main act
    read in context (a choice, a refusal, a fact given)."""
    act = main_act(acts)
    if act is not None and act.kind == "ask_why":
        return "ask_why"  # "sorry, I don't get why" asks why, whatever else its words lean to
    if fallback != "unknown":
        return fallback
    return _act_intent(acts, fallback)


def _act_intent(acts: Sequence[Act], fallback: Intent) -> Intent:
    """The intent of the main act; ``fallback`` (the intent model's reading, itself ``unknown`` when the model
    is unsure) when no act maps to one, as for a bare "yes, that works" read without an offer in view."""
    act = main_act(acts)
    if act is None:
        return "reject" if any(a.negated for a in acts) else fallback
    if act.kind == "request":
        return _REQUESTS.get(act.target or "", fallback)
    if act.kind == "provide" and fallback == "complaint":
        return fallback
    return _INTENTS[act.kind]
