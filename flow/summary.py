"""The short note a person receives when a conversation is handed over to them."""

from __future__ import annotations

from collections.abc import Sequence

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
    "cannot_check": "facts the decision needs must come from our systems and were not given",
}


def handoff_summary(
    run: Run, policy: Policy, *, unverified: Sequence[str] = (), missing_host_facts: Sequence[str] = ()
) -> str:
    """One paragraph: who, what they asked, what was decided and offered, and why it is handed over.

    ``unverified`` names the facts only the customer stated, for the person to check;
    ``missing_host_facts`` those the host should have given, when that is why it is handed over.
    """
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
        if unverified:
            parts.append(f"Stated by the customer, not verified: {', '.join(unverified)}")
        offered = request.alternatives[: run.counters.alternatives_offered]
        if offered:
            parts.append("Offered: " + ", ".join(a.title for a in offered))
    if run.counters.compensation_offered and policy.compensation is not None:
        parts.append(f"Compensation offered: {policy.compensation.title}")
    if run.escalation_reason is not None:
        why = _WHY[run.escalation_reason]
        if run.escalation_reason == "cannot_check" and missing_host_facts:
            why += f" ({', '.join(missing_host_facts)})"
        parts.append(f"Handed over because {why}")
    parts.append(f"Turns so far: {run.counters.turns}; last sentiment {run.signals.sentiment:+.2f}")
    return ". ".join(parts) + "."
