"""The policy's decisions, compiled once: which rule declines a request, who is eligible, when people work."""

from __future__ import annotations

from datetime import datetime, timedelta

from flow.conditions import Predicate, compile_condition
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
        compensation = policy.compensation
        self._eligible = compile_condition(compensation.eligible_when) if compensation else None
        self._hours = policy.escalation.handoff.hours
        self._days = {WEEKDAYS.index(day) for day in self._hours.days}

    def missing_fact(self, request: str, facts: dict[str, FactValue]) -> str | None:
        """The first fact ``request`` needs that is not known yet."""
        for fact in self.policy.requests[request].needs:
            if facts.get(fact) is None:
                return fact
        return None

    def declining_rule(self, request: str, facts: dict[str, FactValue]) -> int | None:
        """The index of the first decline rule that holds, or ``None`` when the request is allowed."""
        for index, holds in enumerate(self._declines[request]):
            if holds(facts, {}, {}):
                return index
        return None

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
