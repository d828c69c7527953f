"""The customer messages the explorer tries: one plain phrasing for each kind of move, and those built
from a policy's own words (its alternatives, its goodwill offer, the facts its exceptions read).

A canned phrase is only used when the understanding step reads it as meant (:func:`usable_phrases`);
a phrase about an offer is only tried while that offer is open, and a fact only while it is unknown,
so the search stays small.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flow.conditions import All, AnyOf, Compare, Condition, Not
from flow.models import Signals
from flow.policy import Policy

FILLER = "Hmm."
PHRASES: dict[str, str] = {
    "request_refund": "I would like a refund, please.",
    "request_cancel": "I would like to cancel my order, please.",
    "two_requests": "I would like a refund, and I also want to cancel my order, please.",
    "switch_to_cancel": "Actually, could you cancel my order instead?",
    "ask_policy": "What is your policy on this?",
    "ask_status": "Has my earlier refund gone through yet?",
    "ask_human": "Can I speak to a manager, please?",
    "no_person": "Actually, I don't need a person after all.",
    "ask_bot": "Are you a bot?",
    "hold": "Let me think about it.",
    "drop": "Never mind, forget it.",
    "ask_after": "Will I get an email about it?",
    "complaint": "This is the worst service I have ever had.",
    "unhappy": "I am not happy about this at all.",
    "accept": "Yes, please.",
    "reject": "No, thanks.",
    "thank": "Thank you.",
    "thank_close": "Thanks, bye.",
    "insist": "I still want what I asked for.",
    "ask_why": "Why not?",
    "abusive": "You are a useless bunch of idiots.",
    "threat": "I am going to take you to court.",
    "unknown": FILLER,
    "drop_all": "I'd like to cancel instead... no, forget cancelling it, and forget the refund, I'll keep it.",
    "options": "What are my options?",
    "two_requests_other_way": "I would like to cancel my order, and I also want a refund, please.",
    "size": "A large, please.",
    "goodwill": "Could I have something for the trouble?",
}
"""One unambiguous message for each kind of customer message the flow tells apart.

The search tries them in this order, so a phrase added at the end leaves the conversation found first
for every transition as it was; each one more widens every step of the search, so add one only for a
transition nothing else reaches."""

OPENING_ONLY = frozenset({"two_requests_other_way"})
"""Phrases that only open a conversation: the other request waiting behind the first, with the first's
facts still to ask (an alternative of it can then be asked for by name, and granted with more to do)."""

FACT_PHRASES: dict[str, str] = {
    "faulty": "It arrived broken.",
    "never_arrived": "It never arrived.",
    "items_missing": "Only part of my order arrived.",
    "wrong_item": "They sent me the wrong item.",
    "overcharged": "You charged me more than the price.",
    "illness": "I was in hospital, so I could not send it back in time.",
    "bereavement": "My father passed away, so I could not send it back in time.",
}
"""A customer telling a fact an exception of the policy reads, by the value it gives."""

HOST_FACT_PHRASES = ("ask_policy", "accept")
"""What the customer says in the turn the shop's website learns a fact an exception reads (a form sent)."""

_Check = Callable[[Signals, Policy], bool]


def _acts(*labels: str) -> _Check:
    def check(signals: Signals, policy: Policy) -> bool:
        found = {str(act) for act in signals.acts}
        return set(labels) <= found and not signals.abusive and not signals.threat

    return check


_EXPECTED: dict[str, _Check] = {
    "request_refund": _acts("request:refund"),
    "request_cancel": _acts("request:cancel"),
    "two_requests": _acts("request:refund", "request:cancel"),
    "switch_to_cancel": _acts("request:cancel"),
    "ask_policy": _acts("ask_policy"),
    "ask_status": _acts("ask_status"),
    "ask_human": _acts("ask_human"),
    "no_person": _acts("not ask_human"),
    "ask_bot": _acts("ask_bot"),
    "hold": _acts("hold"),
    "drop": lambda s, p: all(a.kind in ("cancel_request", "unknown", "deny") for a in s.acts),
    "ask_after": lambda s, p: not s.acts or all(a.kind in ("unknown", "complain") for a in s.acts),
    "complaint": lambda s, p: s.has("complain") and s.sentiment <= p.escalation.anger_threshold,
    "unhappy": lambda s, p: s.has("complain") and s.sentiment > p.escalation.anger_threshold and not s.irony,
    "accept": _acts("affirm"),
    "reject": lambda s, p: s.has("deny") or s.has("reject"),
    "thank": lambda s, p: [str(a) for a in s.acts] == ["thank"],
    "thank_close": _acts("goodbye"),
    "insist": _acts("insist"),
    "ask_why": _acts("ask_why"),
    "abusive": lambda s, p: s.abusive,
    "threat": lambda s, p: s.threat,
    "unknown": lambda s, p: all(a.kind == "unknown" for a in s.acts),
    "drop_all": _acts("request:cancel", "cancel_request:cancel", "cancel_request:refund"),
    "options": lambda s, p: not s.has("request") and not s.abusive and not s.threat,
    "two_requests_other_way": _acts("request:cancel", "request:refund"),
    "size": lambda s, p: not s.has("request") and not s.abusive and not s.threat,
    "goodwill": lambda s, p: not s.has("request") and not s.abusive and not s.threat,
}


def usable_phrases(understander: Any, policy: Policy) -> tuple[dict[str, str], list[str]]:
    """The canned phrases this understander reads as intended, and a note for each one it does not."""
    usable: dict[str, str] = {}
    notes: list[str] = []
    for kind, text in PHRASES.items():
        signals = understander.understand(text)
        if _EXPECTED[kind](signals, policy):
            usable[kind] = text
        else:
            read = ", ".join(str(act) for act in signals.acts) or "nothing"
            notes.append(f"{text!r} was not read as {kind} ({read}); transitions that need it may be missed")
    for value, text in FACT_PHRASES.items():
        if value in exception_values(policy) and value not in {
            str(v) for v in understander.understand(text).facts.values()
        }:
            notes.append(f"{text!r} was not read as {value}; the exceptions that need it may be missed")
    return usable, notes


def exception_values(policy: Policy) -> set[str]:
    """Every text value the policy's exceptions compare a fact with ("faulty", "illness"…)."""
    values: set[str] = set()
    for request in policy.requests.values():
        for exception in request.exceptions:
            values |= _values(exception.when)
    return values


def _values(condition: Condition) -> set[str]:
    if isinstance(condition, Compare):
        found = condition.value if isinstance(condition.value, list) else [condition.value]
        return {v for v in found if isinstance(v, str)}
    if isinstance(condition, All):
        return set().union(*(_values(c) for c in condition.all))
    if isinstance(condition, AnyOf):
        return set().union(*(_values(c) for c in condition.any))
    if isinstance(condition, Not):
        return set()
    return set()


def fact_phrases(policy: Policy) -> list[str]:
    """The customer's ways of telling the facts this policy's exceptions read."""
    values = exception_values(policy)
    return [text for value, text in FACT_PHRASES.items() if value in values]


def offer_phrases(name: str) -> list[str]:
    """Asking about, choosing and turning down one thing on offer, by its name, and taking it to leave."""
    return [
        f"How does the {name} work?",
        f"I'll take the {name}, please.",
        f"I don't want the {name}.",
        leaving_with(name),
    ]


def leaving_with(name: str) -> str:
    """Taking one thing on offer and saying goodbye in the same message."""
    return f"The {name} will do, that's all I needed, bye."
