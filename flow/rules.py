"""The policy's decisions, compiled once: which rule declines a request, who is eligible, when people work."""

from __future__ import annotations

from datetime import datetime, timedelta

from flow.conditions import Predicate, compile_condition, facts_named
from flow.models import Counters, FactValue, Signals
from flow.policy import WEEKDAYS, Policy


def _counters(counters: Counters) -> dict[str, int]:
    return {
        "turns": counters.turns,
        "insistence": counters.insistence,
        "anger": counters.anger,
        "abuse_strikes": counters.abuse_strikes,
        "alternatives_offered": counters.alternatives_offered,
        "clarifications": counters.clarifications,
    }


def _signals(signals: Signals) -> dict[str, object]:
    return {
        "sentiment": signals.sentiment,
        "confidence": signals.confidence,
        "abusive": signals.abusive,
        "threat": signals.threat,
        "intent": signals.intent,
    }


class Rules:
    """Pure decisions over facts, counters, signals and time, as the policy states them."""

    def __init__(self, policy: Policy) -> None:
        self.policy = policy
        self._declines: dict[str, list[Predicate]] = {
            name: [compile_condition(rule.when) for rule in request.declines]
            for name, request in policy.requests.items()
        }
        host = {name for name, spec in policy.facts.items() if spec.source == "host"}
        self._asked = {name: tuple(f for f in r.needs if f not in host) for name, r in policy.requests.items()}
        self._from_host = {name: tuple(f for f in r.needs if f in host) for name, r in policy.requests.items()}
        # A decline rule that reads a needed host fact cannot be applied until the host gives it.
        self._unchecked: dict[str, list[tuple[str, ...]]] = {
            name: [tuple(sorted(facts_named(rule.when) & set(self._from_host[name]))) for rule in request.declines]
            for name, request in policy.requests.items()
        }
        self._decided_on = {
            name: frozenset(request.needs).union(*(facts_named(rule.when) for rule in request.declines))
            for name, request in policy.requests.items()
        }
        compensation = policy.compensation
        self._eligible = compile_condition(compensation.eligible_when) if compensation else None
        self._eligible_on = facts_named(compensation.eligible_when) if compensation else set()
        self._hours = policy.escalation.handoff.hours
        self._days = {WEEKDAYS.index(day) for day in self._hours.days}

    def missing_fact(self, request: str, facts: dict[str, FactValue]) -> str | None:
        """The first fact ``request`` needs that is not known yet and may be asked of the customer.

        Host facts are never asked: see :meth:`missing_host_facts`.
        """
        for fact in self._asked[request]:
            if facts.get(fact) is None:
                return fact
        return None

    def missing_host_facts(self, request: str, facts: dict[str, FactValue]) -> list[str]:
        """The facts ``request`` needs that only the host can give and that it has not given."""
        return [fact for fact in self._from_host[request] if facts.get(fact) is None]

    def declining_rule(self, request: str, facts: dict[str, FactValue]) -> int | None:
        """The index of the first decline rule that holds, or ``None`` when no rule declines the request.

        A rule that reads a needed host fact the host has not given is not applied.
        """
        for index, holds in enumerate(self._declines[request]):
            unchecked = self._unchecked[request][index]
            if unchecked and any(facts.get(fact) is None for fact in unchecked):
                continue
            if holds(facts, {}, {}):
                return index
        return None

    def unverified(self, request: str | None, unverified_facts: set[str], *, compensation: bool = False) -> list[str]:
        """The facts a decision on ``request`` reads that only the customer stated, sorted.

        ``compensation`` adds the facts the compensation rule reads.
        """
        if not unverified_facts:
            return []
        used = set(self._decided_on.get(request or "", ()))
        if compensation:
            used |= self._eligible_on
        return sorted(used & unverified_facts)

    def eligible_for_compensation(self, facts: dict[str, FactValue], counters: Counters, signals: Signals) -> bool:
        """Whether the policy's goodwill offer applies to this customer now."""
        if self._eligible is None:
            return False
        return self._eligible(facts, _counters(counters), _signals(signals))

    def in_hours(self, now: datetime) -> bool:
        """Whether a person is there to take over at ``now``."""
        handoff = self.policy.escalation.handoff
        if not handoff.available:
            return False
        local = now.astimezone(self.policy.zone)
        return local.weekday() in self._days and self._hours.start <= local.time() < self._hours.end

    def next_opening(self, now: datetime) -> datetime:
        """The next time the team opens after ``now``, in the policy's time zone."""
        local = now.astimezone(self.policy.zone)
        for offset in range(8):
            day = (local + timedelta(days=offset)).date()
            opening = datetime.combine(day, self._hours.start, tzinfo=self.policy.zone)
            if day.weekday() in self._days and opening > local:
                return opening
        return local + timedelta(days=1)
