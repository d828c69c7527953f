"""The policy's decisions, compiled once: which rule declines a request, who is eligible, when people work."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Literal

from flow.conditions import Predicate, compile_condition, facts_named
from flow.models import Counters, FactValue, Signals, Span
from flow.policy import WEEKDAYS, Alternative, Policy

_DECISIONS_KEPT = 4096
"""How many decisions a policy's rules remember before starting afresh (a bound on their memory)."""

Verdict = Literal["missing", "narrow", "approve", "decline", "offer", "review", "cannot_check"]


@dataclass(frozen=True, slots=True)
class Decision:
    """What the policy says about a request with the facts known so far.

    ``missing``: ``fact`` must be asked first. ``narrow``: ``fact`` is known only roughly ("last
    month") and the rules come out differently across its range, so it must be pinned down.
    ``cannot_check``: ``fact`` is one only the host can give, and it did not, so nothing can be decided.
    Otherwise the request is approved, declined by rule ``rule``, or an exception (``exception``)
    applies: it approves, declines with ``alternatives`` of its own, or sends the request to a person's
    review.
    """

    verdict: Verdict
    fact: str | None = None
    rule: int | None = None
    exception: int | None = None
    alternatives: tuple[Alternative, ...] = ()


def _counters(counters: Counters) -> dict[str, int]:
    return {
        "turns": counters.turns,
        "insistence": counters.insistence,
        "anger": counters.anger,
        "abuse_strikes": counters.abuse_strikes,
        "alternatives_offered": counters.alternatives_offered,
        "clarifications": counters.clarifications,
        "unclear": counters.unclear,
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

    def __init__(self, policy: Policy, *, exception_facts: dict[tuple[str, int], frozenset[str]] | None = None) -> None:
        self.policy = policy
        self.request_facts = policy.request_facts()
        self.alternative_ids = frozenset(a.id for r in policy.requests.values() for a in r.every_alternative())
        """The ids of every alternative the policy offers, for any request."""
        said = policy.model_dump_json().lower()
        self.words = frozenset("".join(c if c.isalpha() else " " for c in said).split())
        """Every word the policy says, in lower case, to tell whether it speaks of something at all."""
        self._declines: dict[str, list[Predicate]] = {
            name: [compile_condition(rule.when) for rule in request.declines]
            for name, request in policy.requests.items()
        }
        self._exceptions: dict[str, list[tuple[Predicate, frozenset[str]]]] = {
            name: [
                (
                    compile_condition(exception.when),
                    (exception_facts or {}).get((name, i), frozenset()) & frozenset(request.needs),
                )
                for i, exception in enumerate(request.exceptions)
            ]
            for name, request in policy.requests.items()
        }
        self._exception_reads = {
            name: [facts_named(exception.when) for exception in request.exceptions]
            for name, request in policy.requests.items()
        }
        host = {name for name, spec in policy.facts.items() if spec.source == "host"}
        self._asked = {name: tuple(f for f in r.needs if f not in host) for name, r in policy.requests.items()}
        self._from_host = {name: tuple(f for f in r.needs if f in host) for name, r in policy.requests.items()}
        # A decline rule that reads a needed host fact is not applied until the host gives it.
        self._unchecked = {
            name: [tuple(sorted(facts_named(rule.when) & set(self._from_host[name]))) for rule in request.declines]
            for name, request in policy.requests.items()
        }
        self._decided_on = {
            name: frozenset(request.needs).union(
                *(facts_named(rule.when) for rule in request.declines), *self._exception_reads[name]
            )
            for name, request in policy.requests.items()
        }
        self._assumed = [
            (name, compile_condition(request.assumed_when))
            for name, request in policy.requests.items()
            if request.assumed_when is not None
        ]
        compensation = policy.compensation
        self._eligible = compile_condition(compensation.eligible_when) if compensation else None
        self._eligible_on = facts_named(compensation.eligible_when) if compensation else set()
        self._hours = policy.escalation.handoff.hours
        self._days = {WEEKDAYS.index(day) for day in self._hours.days}
        # A decision depends only on the facts its request reads, and a turn asks for the same one several
        # times (guards, effects, then every paragraph), so decisions are remembered by those facts.
        self._reads = {name: tuple(sorted(policy.facts_of(name))) for name in policy.requests}
        self._decided: dict[tuple[object, ...], Decision] = {}
        self._alternative_ids = {
            name: frozenset(a.id for a in request.every_alternative()) for name, request in policy.requests.items()
        }
        self._hours_at: tuple[datetime | None, bool] = (None, False)

    def alternatives_open(self, request: str, facts: dict[str, FactValue]) -> list[Alternative]:
        """The alternatives ``request`` may have with ``facts``: its own, and those of each exception that
        holds (a replacement for a faulty item; none for one merely unwanted)."""
        policy_request = self.policy.requests[request]
        seen: dict[str, Alternative] = {a.id: a for a in policy_request.alternatives}
        for index, (holds, _) in enumerate(self._exceptions[request]):
            if holds(facts, {}, {}):
                for alternative in policy_request.exceptions[index].alternatives:
                    seen.setdefault(alternative.id, alternative)
        return list(seen.values())

    def is_alternative(self, offer: str | None) -> bool:
        """Whether ``offer`` is one of the policy's alternatives, of any request."""
        return any(offer in ids for ids in self._alternative_ids.values())

    def assumed_request(self, facts: dict[str, FactValue]) -> str | None:
        """The request a customer who states ``facts`` without saying what they want is taken to mean."""
        return next((name for name, holds in self._assumed if holds(facts, {}, {})), None)

    def missing_fact(self, request: str, facts: dict[str, FactValue]) -> str | None:
        """The first fact ``request`` needs that is not known yet and may be asked of the customer.

        Facts only the host gives are never asked: see :meth:`missing_host_facts`.
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
            if self._applies(request, index, facts) and holds(facts, {}, {}):
                return index
        return None

    def _applies(self, request: str, index: int, facts: dict[str, FactValue]) -> bool:
        unchecked = self._unchecked[request][index]
        return not unchecked or all(facts.get(fact) is not None for fact in unchecked)

    def unverified(
        self,
        request: str | None,
        facts: dict[str, FactValue],
        stated: dict[str, list[FactValue]],
        *,
        compensation: bool = False,
    ) -> list[str]:
        """The facts a decision on ``request`` reads whose value only the customer stated, sorted.

        ``compensation`` adds the facts the compensation rule reads.
        """
        if not stated:
            return []
        used = set(self._decided_on.get(request or "", ()))
        if compensation:
            used |= self._eligible_on
        return sorted(name for name in used if facts.get(name) is not None and facts.get(name) in stated.get(name, ()))

    def decide(self, request: str, facts: dict[str, FactValue], *, wish: str | None = None) -> Decision:
        """What the policy says about ``request`` with ``facts``: see :class:`Decision`.

        Exceptions come first: one that holds applies as soon as the facts its words need are known (a
        parcel that never came is refunded without asking when it was bought). Then every fact the
        request needs is asked for, and the decline rules are tried in order.

        ``wish`` is the alternative the customer asked for by name ("can I pause my membership? I'm
        having surgery"). An exception that sends the request to a person is about the request itself,
        so it is passed over when the wish is one of the alternatives the ordinary rules offer: the customer
        gets what they asked for by those rules.
        """
        if wish is not None and wish not in self._alternative_ids[request]:
            wish = None
        # The type is part of the key: 1, 1.0 and True are equal as dict keys but not to every rule.
        key = (request, wish, *[(type(value), value) for value in map(facts.get, self._reads[request])])
        try:
            decision = self._decided.get(key)
        except TypeError:  # a fact value that cannot be a key (never one the engine reads): decide afresh
            return self._decide(request, facts, wish)
        if decision is None:
            if len(self._decided) >= _DECISIONS_KEPT:
                self._decided.clear()
            decision = self._decided[key] = self._decide(request, facts, wish)
        return decision

    def _decide(self, request: str, facts: dict[str, FactValue], wish: str | None) -> Decision:
        policy_request = self.policy.requests[request]
        # Only a wish the ordinary rules can grant passes over a review: "I'd like it repaired" of an old
        # faulty item, where a repair is no ordinary alternative, still goes to the person who can give it.
        ordinary = wish is not None and any(alternative.id == wish for alternative in policy_request.alternatives)
        for index, (holds, needed) in enumerate(self._exceptions[request]):
            if ordinary and policy_request.exceptions[index].then == "review":
                continue
            verdict = holds(facts, {}, {})
            if verdict is None:
                return Decision("narrow", fact=self._rough(facts, self._exception_reads[request][index]))
            if verdict:
                missing = next((f for f in policy_request.needs if f in needed and facts.get(f) is None), None)
                if missing is not None:
                    unknown: Verdict = "cannot_check" if missing in self._from_host[request] else "missing"
                    return Decision(unknown, fact=missing)
                exception = policy_request.exceptions[index]
                return Decision(
                    "approve" if exception.then == "approve" else exception.then,
                    exception=index,
                    alternatives=tuple(exception.alternatives),
                )
        missing = self.missing_fact(request, facts)
        if missing is not None:
            return Decision("missing", fact=missing)
        for index, holds in enumerate(self._declines[request]):
            if not self._applies(request, index, facts):
                continue
            verdict = holds(facts, {}, {})
            if verdict is None:
                return Decision("narrow", fact=self._rough(facts, facts_named(policy_request.declines[index].when)))
            if verdict:
                return Decision("decline", rule=index, alternatives=tuple(policy_request.alternatives))
        unchecked = self.missing_host_facts(request, facts)
        if unchecked:
            return Decision("cannot_check", fact=unchecked[0])
        return Decision("approve")

    @staticmethod
    def _rough(facts: dict[str, FactValue], names: set[str]) -> str | None:
        return next((name for name in sorted(names) if isinstance(facts.get(name), Span)), None)

    def eligible_for_compensation(self, facts: dict[str, FactValue], counters: Counters, signals: Signals) -> bool:
        """Whether the policy's goodwill offer applies to this customer now."""
        if self._eligible is None:
            return False
        return self._eligible(facts, _counters(counters), _signals(signals)) is True

    def in_hours(self, now: datetime) -> bool:
        """Whether a person is there to take over at ``now``."""
        last, answer = self._hours_at
        if now == last and last is not None:
            return answer
        answer = self._in_hours(now)
        self._hours_at = (now, answer)
        return answer

    def _in_hours(self, now: datetime) -> bool:
        handoff = self.policy.escalation.handoff
        if not handoff.available:
            return False
        local = now.astimezone(self.policy.zone)
        return local.weekday() in self._days and self._hours.start <= local.time() < self._hours.end

    def asked_call_time(self, asked: str, now: datetime) -> datetime | None:
        """The moment a callback was asked for (``day|HH:MM``, see the understanding's ``call_at`` slot), when
        it is after ``now`` and the team is there then; ``None`` otherwise, so the next opening is used. A day
        alone is that day's opening; a time alone, the next day the team is there at it."""
        day_name, _, clock = asked.partition("|")
        hours, _, minutes = clock.partition(":")
        if not (day_name[:3] in WEEKDAYS or day_name in ("", "today", "tomorrow")):
            return None
        if (not day_name and not clock) or (clock and not (hours.isdigit() and minutes.isdigit())):
            return None
        local = now.astimezone(self.policy.zone)
        start = self._hours.start
        hour, minute = (int(hours), int(minutes)) if clock else (start.hour, start.minute)
        if hour > 23 or minute > 59:
            return None
        for offset in range(8):
            day = (local + timedelta(days=offset)).date()
            if not _is_day(day_name, day, local.date()):
                continue
            moment = datetime.combine(day, time(hour, minute), tzinfo=self.policy.zone)
            if moment > local and self.in_hours(moment):
                return moment
            if day_name:
                return None
        return None

    def next_opening(self, now: datetime) -> datetime:
        """The next time the team opens after ``now``, in the policy's time zone."""
        local = now.astimezone(self.policy.zone)
        for offset in range(8):
            day = (local + timedelta(days=offset)).date()
            opening = datetime.combine(day, self._hours.start, tzinfo=self.policy.zone)
            if day.weekday() in self._days and opening > local:
                return opening
        return local + timedelta(days=1)


def _is_day(name: str, day: date, today: date) -> bool:
    """Whether ``day`` is the one ``name`` (``today``, ``tomorrow``, a weekday, or empty for any) means."""
    if not name:
        return True
    if name == "today":
        return day == today
    if name == "tomorrow":
        return day == today + timedelta(days=1)
    return WEEKDAYS[day.weekday()] == name[:3]  # "monday" is the policy's "mon"
