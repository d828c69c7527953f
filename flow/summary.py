"""The short note a person receives when a conversation is handed over to them."""

from __future__ import annotations

from collections.abc import Sequence

from flow.inline import inline
from flow.models import AgendaItem
from flow.policy import Policy
from flow.run import Run

_WHY = {
    "anger": "the customer is very upset",
    "insistence": "the customer keeps asking for the original request",
    "asked_for_person": "the customer asked for a person",
    "threat": "the customer mentioned taking it further (legal, regulator or public)",
    "turn_limit": "the conversation went on too long without a resolution",
    "unsatisfied": "the customer was not satisfied with the resolution",
    "exception": "the customer's circumstances may justify an exception to the policy",
    "unclear": "the agent could not understand what the customer needs",
    "cannot_check": "facts the decision needs must come from our systems and were not given",
}
_STATUS = {
    "open": "not decided yet",
    "declined": "declined, alternatives offered",
    "approved": "approved",
    "alternative_accepted": "alternative accepted",
    "compensation_accepted": "goodwill offer accepted",
    "declined_closed": "declined",
    "escalated": "handed over",
    "dropped": "dropped by the customer",
}


def handoff_summary(
    run: Run, policy: Policy, *, unverified: Sequence[str] = (), missing_host_facts: Sequence[str] = ()
) -> str:
    """One paragraph: who, what they asked and what was decided and offered, and why it is handed over.

    Values the customer typed are flattened to one line, so nothing they wrote can pose as a line of
    the summary. ``unverified`` names the facts of the request in hand that only the customer stated,
    for the person to check; ``missing_host_facts`` those the host should have given, when that is why
    it is handed over.
    """
    name = _one_line(str(run.facts.get("customer_name") or "The customer"))
    parts = [f"{name} contacted {policy.company}"]
    for number, item in enumerate(run.agenda):
        parts += _describe(item, run, policy, first=number == 0, opening=parts)
    order = run.facts.get("order_id")
    if not run.agenda and order:
        parts[0] += f" about order {_one_line(str(order))}"
    if unverified:
        parts.append(f"Stated by the customer, not verified: {', '.join(unverified)}")
    if run.counters.compensation_offered and policy.compensation is not None:
        parts.append(f"Compensation offered: {policy.compensation.title}")
    if run.escalation_reason is not None:
        why = _WHY[run.escalation_reason]
        if run.escalation_reason == "cannot_check" and missing_host_facts:
            why += f" ({', '.join(missing_host_facts)})"
        parts.append(f"Handed over because {why}")
    parts.append(f"Turns so far: {run.counters.turns}; last sentiment {run.signals.sentiment:+.2f}")
    return ". ".join(parts) + "."


def _describe(item: AgendaItem, run: Run, policy: Policy, *, first: bool, opening: list[str]) -> list[str]:
    """The sentences about one request: what it was, its facts, what was offered and turned down."""
    request = policy.requests[item.name]
    facts = {**{k: v for k, v in run.facts.items() if k not in policy.request_facts()}, **item.facts}
    order = facts.get("order_id")
    if item.assumed and order:
        about = f"about order {_one_line(str(order))}"  # worked out from the trouble told, shown in its facts
    else:
        about = f"about {request.title}" + (f" for order {_one_line(str(order))}" if order else "")
    sentences: list[str] = []
    if first:
        opening[0] += f" {about} ({_STATUS[item.status]})"
    else:
        sentences.append(f"Also {about} ({_STATUS[item.status]})")
    told = {name for name, spec in policy.facts.items() if spec.kind in _TROUBLE_KINDS}
    shown = ", ".join(f"{k}={_one_line(str(v))}" for k, v in sorted(facts.items()) if k in request.needs or k in told)
    if shown:
        sentences.append(f"Facts: {shown}")
    titles = [a.title for a in request.every_alternative() if a.id in item.offered]
    if titles:
        sentences.append("Offered: " + ", ".join(titles))
    if item.rejected:
        sentences.append("Turned down: " + ", ".join(item.rejected))
    return sentences


_TROUBLE_KINDS = frozenset({"condition", "circumstance"})
"""Kinds of fact that tell what went wrong, which the person needs whatever the request."""


def _one_line(value: str) -> str:
    return inline(value)[:120]
