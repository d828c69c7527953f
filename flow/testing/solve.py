"""Where generated conversations start: facts that make a policy's conditions hold or fail, and the time.

A condition is data (:mod:`flow.conditions`), so plausible facts can be read off it: ``days gt 30``
holds for 45 days and fails for 10. Only facts can be chosen before a conversation starts; parts of
a condition about counters or signals are left to the conversation itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from flow.conditions import All, AnyOf, Compare, Condition, Not
from flow.models import Counters, Signals
from flow.policy import FactSpec, Policy
from flow.rules import Rules
from flow.testing.clock import ScenarioClock
from flow.textmatch import policy_pattern

Facts = dict[str, Any]
_ORDER_IDS = ("A-1001", "A1001", "AB-123456", "ORD-1001", "#1001", "1001", "10012345", "A-100123")
_STEP = 15


class Unsolvable(Exception):
    """No choice of facts alone makes the condition come out as wanted."""


def sample_value(name: str, spec: FactSpec) -> Any:
    """A plausible value for a fact when nothing constrains it."""
    if spec.kind == "order_id":
        for candidate in _ORDER_IDS:
            if spec.pattern is None or policy_pattern(spec.pattern).search(candidate):
                return candidate
        raise Unsolvable(f"cannot make up an order id matching the pattern of fact {name!r}: {spec.pattern}")
    if spec.kind in ("days", "number"):
        return 10
    if spec.kind == "yes_no":
        return False
    if spec.kind == "email":
        return "customer@example.com"
    return "example"


def _holding(compare: Compare) -> Any:
    value = compare.value
    if compare.op in ("eq", "le", "ge"):
        return value if compare.op == "eq" else value + (-_STEP if compare.op == "le" else _STEP)
    if compare.op == "gt":
        return value + _STEP
    if compare.op == "lt":
        return max(value - _STEP, 0) if value > 0 else value - _STEP
    if compare.op == "in":
        return value[0]
    if compare.op == "ne":
        return _other(value)
    if compare.op == "not_in":
        return "other"
    if compare.op == "present":
        return ...
    return None


def _failing(compare: Compare) -> Any:
    value = compare.value
    if compare.op in ("gt", "ge"):
        return value - 20 if value > 20 else value - 1
    if compare.op in ("lt", "le"):
        return value + _STEP
    if compare.op == "eq":
        return _other(value)
    if compare.op == "ne":
        return value
    if compare.op == "in":
        return "other"
    if compare.op == "not_in":
        return value[0] if value else "other"
    if compare.op == "missing":
        return ...
    return None


def _other(value: Any) -> Any:
    if isinstance(value, bool):
        return not value
    if isinstance(value, int | float):
        return value + 1
    return f"not {value}"


def solve(condition: Condition, *, holds: bool) -> Facts:
    """Facts under which ``condition`` holds (or fails); ``...`` as a value means "any value will do".

    Raises :class:`Unsolvable` when only counters or signals could decide it.
    """
    if isinstance(condition, Not):
        return solve(condition.not_, holds=not holds)
    if isinstance(condition, All | AnyOf):
        parts = condition.all if isinstance(condition, All) else condition.any
        every = isinstance(condition, All) == holds
        if every:
            merged: Facts = {}
            for part in parts:
                merged.update(solve(part, holds=holds))
            return merged
        for part in parts:
            try:
                return solve(part, holds=holds)
            except Unsolvable:
                continue
        raise Unsolvable("no part of the condition can be decided by facts alone")
    if condition.fact is None:
        if holds:
            raise Unsolvable(f"only the conversation decides {condition.counter or condition.signal}")
        return {}
    value = _holding(condition) if holds else _failing(condition)
    return {condition.fact: value}


def complete(facts: Facts, needs: list[str], policy: Policy) -> Facts:
    """``facts`` with every needed fact filled in and "any value" placeholders made concrete."""
    done = {name: value for name, value in facts.items() if value is not None}
    for name in needs:
        if name not in done:
            done[name] = ...
    for name, value in list(done.items()):
        if value is ...:
            done[name] = sample_value(name, policy.facts[name])
    return done


@dataclass(frozen=True, slots=True)
class Setup:
    """Where a generated conversation starts: the facts the host knows and the moment it happens."""

    description: str
    facts: tuple[tuple[str, Any], ...]
    at: datetime


def setups(policy: Policy) -> list[Setup]:
    """Starting points: nothing known; each decline rule of each request, with and without compensation;
    allowed; every request declined at once."""
    clock = ScenarioClock()
    clock.use_policy(policy)
    clock.move_into_hours(policy)
    moments = [("in hours", clock.now())]
    handoff = policy.escalation.handoff
    if handoff.available and handoff.callback:
        clock.move_out_of_hours(policy)
        moments.append(("out of hours", clock.now()))
    rules = Rules(policy)
    found: list[Setup] = []
    for when, at in moments:
        found.append(Setup(f"nothing known, {when}", (), at))
        for name, request in policy.requests.items():
            candidates: list[tuple[str, dict[str, Any]]] = []
            for index, rule in enumerate(request.declines):
                declined = complete(solve(rule.when, holds=True), request.needs, policy)
                candidates.append((f"{name} declined by rule {index + 1}", declined))
                if policy.compensation is not None:
                    try:
                        eligible = {**declined, **solve(policy.compensation.eligible_when, holds=True)}
                    except Unsolvable:
                        continue
                    candidates.append((f"{name} declined by rule {index + 1}, eligible for compensation", eligible))
            try:
                allowed = [solve(rule.when, holds=False) for rule in request.declines]
                candidates.append(
                    (f"{name} allowed", complete({k: v for f in allowed for k, v in f.items()}, request.needs, policy))
                )
            except Unsolvable:
                pass
            for description, facts in candidates:
                if _decides_as_described(rules, name, facts, description):
                    found.append(Setup(f"{description}, {when}", _frozen(facts), at))
        together = _all_declined(policy, rules)
        if together is not None:
            found.append(Setup(f"every request declined, {when}", _frozen(together), at))
    return found


def _all_declined(policy: Policy, rules: Rules) -> dict[str, Any] | None:
    """Facts under which every request of the policy is declined by its first rule, so that a customer who
    asks for two things is refused both (and can come back to the second after taking an offer for the
    first); ``None`` when the policy has fewer than two requests or their rules cannot all hold at once."""
    facts: dict[str, Any] = {}
    for request in policy.requests.values():
        if not request.declines:
            return None
        try:
            facts.update(complete(solve(request.declines[0].when, holds=True), request.needs, policy))
        except Unsolvable:
            return None
    declined = all(rules.declining_rule(name, facts) is not None for name in policy.requests)
    return facts if declined and len(policy.requests) > 1 else None


def _decides_as_described(rules: Rules, request: str, facts: dict[str, Any], description: str) -> bool:
    declined = rules.declining_rule(request, facts) is not None
    eligible = rules.eligible_for_compensation(facts, Counters(), Signals())
    return declined == ("declined" in description) and eligible == ("eligible" in description)


def _frozen(facts: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
    return tuple(sorted(facts.items()))
