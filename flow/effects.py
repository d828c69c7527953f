"""What taking a transition does besides changing state: counters, outcomes and actions for the host."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import timedelta

from flow.graph import Edge, Effect
from flow.models import (
    ApplyAlternative,
    ApproveRequest,
    Handoff,
    IssueCompensation,
    ScheduleCallback,
    ScheduleFollowUp,
)
from flow.rules import Rules
from flow.run import Run, stated_by_customer
from flow.summary import handoff_summary
from flow.vocabulary import EscalationReason, Outcome

_REASONS: dict[str, EscalationReason] = {
    "escalate_threat": "threat",
    "escalate_request": "asked_for_person",
    "escalate_anger": "anger",
    "escalate_insistence": "insistence",
    "escalate_turn_limit": "turn_limit",
    "escalate_unsatisfied": "unsatisfied",
    "escalate_cannot_check": "cannot_check",
}

FollowUpText = Callable[[Run], str]


class Effects:
    """Applies an edge's effects to the working conversation."""

    def __init__(self, rules: Rules, follow_up_text: FollowUpText) -> None:
        self._rules = rules
        self._policy = rules.policy
        self._follow_up_text = follow_up_text
        self._apply: dict[Effect, Callable[[Run, Edge], None]] = {
            "escalate": self._escalate,
            "approve": self._approve,
            "decline": _nothing,
            "offer_alternatives": self._offer_alternatives,
            "offer_next_alternative": self._offer_next_alternative,
            "offer_compensation": _offer_compensation,
            "apply_alternative": self._apply_alternative,
            "issue_compensation": self._issue_compensation,
            "schedule_follow_up": self._schedule_follow_up,
            "schedule_callback": self._schedule_callback,
            "remember_resume": _remember_resume,
            "clear_resume": _clear_resume,
            "close_declined": _outcome("declined"),
            "close_abuse": _outcome("closed_after_abuse", overwrite=True),
            "close_by_customer": _outcome("customer_closed"),
            "ask_fact": self._ask_fact,
        }

    def apply(self, run: Run, edge: Edge) -> None:
        """Apply every effect of ``edge`` to ``run``, in order."""
        for effect in edge.effects:
            self._apply[effect](run, edge)

    def _escalate(self, run: Run, edge: Edge) -> None:
        reason = _REASONS[edge.name]
        run.escalation_reason = reason
        run.outcome = "escalated"
        handoff = self._policy.escalation.handoff
        if self._rules.in_hours(run.now) or not handoff.callback:
            unverified = self._rules.unverified(run.request, stated_by_customer(run))
            missing = self._rules.missing_host_facts(run.request, run.facts) if run.request else []
            summary = handoff_summary(run, self._policy, unverified=unverified, missing_host_facts=missing)
            run.actions.append(Handoff(reason=reason, summary=summary, unverified=unverified))
            self._schedule_follow_up(run, edge)

    def _approve(self, run: Run, edge: Edge) -> None:
        run.outcome = "approved"
        unverified = self._rules.unverified(run.request, stated_by_customer(run))
        run.actions.append(ApproveRequest(request=run.request or "", unverified=unverified))

    def _offer_alternatives(self, run: Run, edge: Edge) -> None:
        alternatives = self._policy.requests[run.request or ""].alternatives
        together = self._policy.offer_alternatives == "together"
        shown = alternatives if together else alternatives[:1]
        run.counters.alternatives_offered = len(shown)
        run.offered = [a.id for a in shown]

    def _offer_next_alternative(self, run: Run, edge: Edge) -> None:
        alternatives = self._policy.requests[run.request or ""].alternatives
        index = run.counters.alternatives_offered
        run.counters.alternatives_offered = index + 1
        run.offered = [alternatives[index].id]

    def _apply_alternative(self, run: Run, edge: Edge) -> None:
        from flow.guards import chosen_alternative

        chosen = chosen_alternative(run, self._rules) or ""
        alternative = next(a for a in self._policy.requests[run.request or ""].alternatives if a.id == chosen)
        run.chosen = chosen
        run.outcome = "alternative_accepted"
        unverified = self._rules.unverified(run.request, stated_by_customer(run))
        run.actions.append(ApplyAlternative(alternative=chosen, title=alternative.title, unverified=unverified))

    def _issue_compensation(self, run: Run, edge: Edge) -> None:
        compensation = self._policy.compensation
        if compensation is None:
            return
        digest = hashlib.sha256(run.conversation_id.encode()).hexdigest()[:8].upper()
        run.compensation_reference = f"{compensation.reference_prefix}-{digest}"
        run.outcome = "compensation_accepted"
        unverified = self._rules.unverified(run.request, stated_by_customer(run), compensation=True)
        run.actions.append(
            IssueCompensation(reference=run.compensation_reference, offer=compensation.title, unverified=unverified)
        )

    def _schedule_follow_up(self, run: Run, edge: Edge) -> None:
        hours = self._policy.follow_up.delay_hours
        run.actions.append(
            ScheduleFollowUp(at=run.now + timedelta(hours=hours), delay_hours=hours, text=self._follow_up_text(run))
        )

    def _schedule_callback(self, run: Run, edge: Edge) -> None:
        run.outcome = "callback_scheduled"
        reason = run.escalation_reason or "asked_for_person"
        run.actions.append(ScheduleCallback(at=self._rules.next_opening(run.now), reason=reason))

    def _ask_fact(self, run: Run, edge: Edge) -> None:
        run.pending_fact = self._rules.missing_fact(run.request or "", run.facts)


def _nothing(run: Run, edge: Edge) -> None:
    return None


def _offer_compensation(run: Run, edge: Edge) -> None:
    run.counters.compensation_offered = True


def _remember_resume(run: Run, edge: Edge) -> None:
    run.resume_state = edge.source


def _clear_resume(run: Run, edge: Edge) -> None:
    run.resume_state = None


def _outcome(outcome: Outcome, *, overwrite: bool = False) -> Callable[[Run, Edge], None]:
    def apply(run: Run, edge: Edge) -> None:
        if overwrite or run.outcome is None:
            run.outcome = outcome

    return apply
