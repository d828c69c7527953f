"""The short note a person receives when a conversation is handed over to them."""

from __future__ import annotations

from flow.inline import inline_all
from flow.policy import Policy
from flow.run import Run

_WHY = {
    "anger": "the customer is very upset",
    "insistence": "the customer keeps asking for the original request",
    "asked_for_person": "the customer asked for a person",
    "threat": "the customer mentioned taking it further (legal, regulator or public)",
    "turn_limit": "the conversation went on too long without a resolution",
    "unsatisfied": "the customer was not satisfied with the resolution",
}


def handoff_summary(run: Run, policy: Policy) -> str:
    """One paragraph: who, what they asked, what was decided and offered, and why it is handed over."""
    facts = inline_all(run.facts)
    name = facts.get("customer_name") or "The customer"
    parts = [f"{name} contacted {policy.company}"]
    if run.request is not None:
        request = policy.requests[run.request]
        order = facts.get("order_id")
        parts[0] += f" about {request.title}" + (f" for order {order}" if order else "")
        known = ", ".join(f"{k}={v}" for k, v in sorted(facts.items()) if k in request.needs)
        if known:
            parts.append(f"Facts: {known}")
        offered = request.alternatives[: run.counters.alternatives_offered]
        if offered:
            parts.append("Offered: " + ", ".join(a.title for a in offered))
    if run.counters.compensation_offered and policy.compensation is not None:
        parts.append(f"Compensation offered: {policy.compensation.title}")
    if run.escalation_reason is not None:
        parts.append(f"Handed over because {_WHY[run.escalation_reason]}")
    parts.append(f"Turns so far: {run.counters.turns}; last sentiment {run.signals.sentiment:+.2f}")
    return ". ".join(parts) + "."
