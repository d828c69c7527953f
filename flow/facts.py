"""Reading the facts a decision needs from what the customer writes, and counting what a message shows."""

from __future__ import annotations

from flow.models import FactValue, Signals
from flow.policy import FactSpec, Policy
from flow.run import Run, stated_by_customer
from flow.textmatch import WORD, TextPattern, policy_pattern

# Group 1 is the number; the characters around it stand in for "no letter, digit or point next to it".
_NUMBER = TextPattern(rf"(?:^|[^{WORD}.])(\d{{1,6}})(?:[^{WORD}.]|$)")
_EMAIL = TextPattern(rf"[{WORD}.+-]+@[{WORD}-]+(?:\.[{WORD}-]+)+")
_MAX_TEXT_FACT = 200


def read_fact(spec: FactSpec, text: str, signals: Signals) -> FactValue:
    """The value of one fact found in a customer message, or ``None``."""
    if spec.kind == "order_id" and spec.pattern:
        found = policy_pattern(spec.pattern).search(text)
        return str(found.group(0)).upper() if found else None
    if spec.kind == "days":
        days = signals.slots.get("days_ago")
        if days is not None and days.isdigit():
            return int(days)
        number = _NUMBER.search(text)
        return int(number.group(1)) if number else None
    if spec.kind == "number":
        number = _NUMBER.search(text)
        return int(number.group(1)) if number else None
    if spec.kind == "yes_no":
        return {"accept": True, "reject": False}.get(signals.intent)
    if spec.kind == "email":
        email = _EMAIL.search(text)
        return str(email.group(0)) if email else None
    cleaned = text.strip()
    return cleaned[:_MAX_TEXT_FACT] if cleaned else None


def fill_facts(run: Run, policy: Policy, text: str) -> None:
    """Record the facts this message gives: the one asked for, and any other needed fact it states plainly.

    Facts the host application supplied are never overwritten, facts only the host may give
    (``source: host``) are never read from the customer's text, and a number outside the fact's
    bounds is not recorded. Each fact recorded here is marked unverified.
    """
    if run.pending_fact is not None and run.facts.get(run.pending_fact) is not None:
        run.pending_fact = None
    if run.pending_fact is not None:
        spec = policy.facts[run.pending_fact]
        value = read_fact(spec, text, run.signals) if spec.source == "customer" else None
        if _record(run, run.pending_fact, spec, value):
            run.pending_fact = None
    if run.request is None:
        return
    for name in policy.requests[run.request].needs:
        spec = policy.facts[name]
        if run.facts.get(name) is not None or spec.source != "customer":
            continue
        if spec.kind in ("order_id", "email") or (spec.kind == "days" and "days_ago" in run.signals.slots):
            _record(run, name, spec, read_fact(spec, text, run.signals))


def _record(run: Run, name: str, spec: FactSpec, value: FactValue) -> bool:
    if value is None:
        return False
    if isinstance(value, int | float) and not isinstance(value, bool) and not spec.within_bounds(value):
        return False
    run.facts[name] = value
    stated_by_customer(run).add(name)
    return True


def identify_request(run: Run, policy: Policy) -> None:
    """Settle which request the conversation is about, from the facts or the customer's intent."""
    if run.request is not None:
        return
    named = run.facts.get("request")
    if isinstance(named, str) and named in policy.requests:
        run.request = named
        return
    picked = run.signals.slots.get("request")
    if picked in policy.requests:
        run.request = picked
        return
    run.request = policy.request_for(run.signals.intent) or policy.request_for(run.signals.slots.get("requested", ""))


def count(run: Run, policy: Policy) -> None:
    """Update the counters the guards read with what this message shows."""
    counters = run.counters
    counters.turns += 1
    signals = run.signals
    if signals.abusive:
        counters.abuse_strikes += 1
    if signals.sentiment <= policy.escalation.anger_threshold:
        counters.anger += 1
    if run.state in ("offering_alternatives", "compensation", "escalated") and (
        signals.intent == "insist" or (run.request is not None and policy.request_for(signals.intent) == run.request)
    ):
        counters.insistence += 1
