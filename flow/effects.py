"""What taking a transition does besides changing state: the agenda, counters, outcomes and actions."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import timedelta

from flow import guards
from flow.graph import Edge, Effect
from flow.models import (
    Act,
    AgendaItem,
    AmendAlternative,
    ApplyAlternative,
    ApproveRequest,
    FactValue,
    Handoff,
    IssueCompensation,
    ScheduleCallback,
    ScheduleFollowUp,
    WithdrawAlternative,
    WithdrawApproval,
    WithdrawHandoff,
)
from flow.policy import Alternative
from flow.rules import Rules
from flow.run import Run, current_item, stated_by_customer
from flow.summary import handoff_summary
from flow.vocabulary import Outcome, RequestStatus

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
            "decline": _settle_as("declined", outcome=None),
            "review": _nothing,
            "offer_alternatives": self._offer_alternatives,
            "offer_next_alternative": self._offer_next_alternative,
            "offer_remaining": _offer_remaining,
            "offer_open_again": _offer_open_again,
            "offer_compensation": _offer_compensation,
            "apply_alternative": self._apply_alternative,
            "amend_alternative": self._amend_alternative,
            "grant_wish": self._grant_wish,
            "withdraw_alternative": self._withdraw_alternative,
            "swap_approval": self._swap_approval,
            "undo_approval": self._undo_approval,
            "retract_approval": self._retract_approval,
            "approve_instead": self._approve_instead,
            "change_alternative": self._change_alternative,
            "issue_compensation": self._issue_compensation,
            "grant_goodwill": self._grant_goodwill,
            "schedule_follow_up": self._schedule_follow_up,
            "schedule_callback": self._schedule_callback,
            "remember_resume": _remember_resume,
            "explain_again": _explain_again,
            "clear_resume": _clear_resume,
            "clarify": _nothing,
            "close_declined": _close_declined,
            "close_abuse": _outcome("closed_after_abuse", overwrite=True),
            "close_by_customer": _outcome("customer_closed"),
            "ask_fact": self._ask_fact,
            "note_unclear": _nothing,
            "focus_asked": self._focus_asked,
            "keep_focus": _keep_focus,
            "note_topic": _note_topic,
            "redo": _redo,
            "next_request": _redo,
            "take_over": _take_over,
            "hand_back": _hand_back,
            "agent_close": _agent_close,
            "offer_callback": _offer_callback,
            "withdraw_handoff": _withdraw_handoff,
            "take_back_handoff": self._take_back_handoff,
        }

    def _focus_asked(self, run: Run, edge: Edge) -> None:
        """What the customer asked about becomes what "yes" or "that one" next refers to; "what else is
        there?" after a choice or an approval refers to the one thing that could replace it, when only one can."""
        asked = {a.target for a in run.signals.acts if a.kind == "ask_about" and a.target}
        run.focus = "all" if len(asked) > 1 else next(iter(asked), None)
        if run.focus == "all" and edge.source == "follow_up":
            options = guards.switchable(run.agenda) or guards.listed_instead(run.agenda, "all", self._policy)
            if len(options) == 1:
                run.focus = options[0]

    def apply(self, run: Run, edge: Edge) -> None:
        """Apply every effect of ``edge`` to ``run``, in order."""
        for effect in edge.effects:
            self._apply[effect](run, edge)

    def _escalate(self, run: Run, edge: Edge) -> None:
        reason = edge.reason or "asked_for_person"
        run.escalation_reason = reason
        run.outcome = "escalated"
        run.waiting_since, run.callback_offered = None, False
        item = current_item(run)
        unverified = self._unverified(run)
        missing = self._rules.missing_host_facts(item.name, run.facts) if item is not None else []
        if item is not None:
            item.status = "escalated"
            run.settled.append(item)
        handoff = self._policy.escalation.handoff
        if self._rules.in_hours(run.now) or not handoff.callback:
            summary = handoff_summary(run, self._policy, unverified=unverified, missing_host_facts=missing)
            run.actions.append(Handoff(reason=reason, summary=summary, unverified=unverified))
            run.waiting_since = run.now
            self._schedule_follow_up(run, edge)

    def _unverified(self, run: Run, *, compensation: bool = False) -> list[str]:
        """The facts the decision on the request in hand read that only the customer stated."""
        stated = stated_by_customer(run)
        return self._rules.unverified(run.request, run.facts, stated, compensation=compensation)

    def _request_facts(self, run: Run, item: AgendaItem) -> dict[str, FactValue]:
        """The facts of ``item`` that its request reads, as the host needs them to carry an action out."""
        known = run.facts if item is current_item(run) else {**run.facts, **item.facts}
        return {name: known[name] for name in sorted(self._policy.facts_of(item.name)) if known.get(name) is not None}

    def _approve(self, run: Run, edge: Edge) -> None:
        item = current_item(run)
        if item is None:
            return
        item.status = "approved"
        run.settled.append(item)
        run.outcome = "approved"
        run.actions.append(
            ApproveRequest(request=item.name, facts=self._request_facts(run, item), unverified=self._unverified(run))
        )

    def _offer_alternatives(self, run: Run, edge: Edge) -> None:
        item = current_item(run)
        decision = self._rules.decide(item.name, run.facts, wish=item.wish) if item is not None else None
        if item is None or decision is None:
            return
        alternatives = [a.id for a in decision.alternatives]
        # "Refund please, and don't give me store credit": what was ruled out in the same breath is not offered,
        # unless that would leave nothing to offer.
        ruled_out = {a.target for a in run.signals.acts if a.kind == "reject" and a.target} | set(item.rejected)
        ruled_out -= {offer for other in (*run.agenda, *run.settled) if other is not item for offer in other.offered}
        left = [a for a in alternatives if a not in ruled_out]
        run.offered_anyway = bool(alternatives) and not left
        item.rejected = tuple(a for a in alternatives if a in ruled_out) if left else ()
        alternatives = left or alternatives
        together = self._policy.offer_alternatives == "together"
        item.offered = tuple(alternatives if together else alternatives[:1])
        run.counters.alternatives_offered = len(item.offered)
        run.offered = list(item.offered)
        asked = {a.target for a in run.signals.acts if a.kind == "ask_about" and a.target in item.offered}
        if len(asked) == 1:
            run.focus = asked.pop()  # "… and how does store credit work?": "ok I'll take it" next means it

    def _offer_next_alternative(self, run: Run, edge: Edge) -> None:
        item = current_item(run)
        decision = self._rules.decide(item.name, run.facts, wish=item.wish) if item is not None else None
        if item is None or decision is None:
            return
        _record_refusals(run)
        remaining = guards.not_yet_offered(item, decision)
        if remaining:
            item.offered = (*item.offered, remaining[0])
            run.counters.alternatives_offered = len(item.offered)
            run.offered = [remaining[0]]

    def _apply_alternative(self, run: Run, edge: Edge) -> None:
        chosen = guards.chosen_alternative(run, self._rules)
        item = current_item(run)
        if item is not None and chosen is not None:
            self._settle_with(run, item, chosen)

    def _grant_wish(self, run: Run, edge: Edge) -> None:
        item = current_item(run)
        wish = guards.granted_wish(run, self._rules)
        decision = self._rules.decide(item.name, run.facts, wish=item.wish) if item is not None else None
        if item is None or wish is None or decision is None:
            return
        request = self._policy.requests[item.name]
        offered = decision.alternatives if decision.verdict != "approve" else request.every_alternative()
        item.offered = tuple(a.id for a in offered)
        run.offered = list(item.offered)
        self._settle_with(run, item, wish)

    def _settle_with(self, run: Run, item: AgendaItem, chosen: str) -> None:
        """Settle ``item`` with the alternative ``chosen``, and tell the host to carry it out."""
        alternative = self._alternative(item.name, chosen)
        if chosen not in item.offered:
            item.offered = (*item.offered, chosen)  # asked for before its turn came, one at a time
            run.offered = list(item.offered)
        item.rejected = tuple(offer for offer in item.rejected if offer != chosen)  # taken after all
        item.chosen = chosen
        item.status = "alternative_accepted"
        run.settled.append(item)
        run.chosen = chosen
        run.outcome = "alternative_accepted"
        unverified = self._unverified(run)
        facts = self._request_facts(run, item)
        details = run.signals.slots.get("variant")
        run.actions.append(
            ApplyAlternative(
                alternative=chosen, title=alternative.title, details=details, facts=facts, unverified=unverified
            )
        )

    def _amend_alternative(self, run: Run, edge: Edge) -> None:
        """Pass on the size or colour told for the alternative already taken."""
        item = guards.last_accepted(run.agenda)
        details = run.signals.slots.get("variant")
        if item is None or item.chosen is None or details is None:
            return
        alternative = self._alternative(item.name, item.chosen)
        facts = self._request_facts(run, item)
        run.actions.append(
            AmendAlternative(alternative=item.chosen, title=alternative.title, details=details, facts=facts)
        )

    def _undo_approval(self, run: Run, edge: Edge) -> None:
        """A fact the approval (or the alternative taken) stood on was put right and the answer changes: tell
        the host to undo it, and open the request again, to be decided by the same message read again."""
        item = guards.settled_on_facts(run.agenda)
        if item is None:
            return
        facts = self._request_facts(run, item)
        if item.status == "alternative_accepted" and item.chosen is not None:
            title = self._alternative(item.name, item.chosen).title
            run.actions.append(WithdrawAlternative(alternative=item.chosen, title=title, facts=facts))
            item.chosen = run.chosen = None
        else:
            run.actions.append(WithdrawApproval(request=item.name, facts=facts))
        read = self._policy.facts_of(item.name)
        for name, value in run.signals.facts.items():
            if name in item.facts or name in read:
                item.facts[name] = run.facts[name] = value
        item.status = "open"
        run.settled = [settled for settled in run.settled if settled is not item]
        run.outcome = None

    def _retract_approval(self, run: Run, edge: Edge) -> None:
        """The customer no longer wants the request granted: tell the host to undo the approval, and leave
        the request dropped, with nothing in its place."""
        item = guards.approval_meant(run)
        if item is None:
            return
        run.actions.append(WithdrawApproval(request=item.name, facts=self._request_facts(run, item)))
        item.status = "dropped"
        run.settled = [settled for settled in run.settled if settled is not item]
        run.outcome = None

    def _swap_approval(self, run: Run, edge: Edge) -> None:
        """The customer would rather have an alternative of the request approved: undo the approval, then
        settle the request with the alternative."""
        item = guards.swap_meant(run, self._rules)
        chosen = guards.swapped_approval(run, self._rules)
        if item is None or chosen is None:
            return
        if item.status == "approved":
            run.actions.append(WithdrawApproval(request=item.name, facts=self._request_facts(run, item)))
        # An approved request could have had any alternative open to it, so the customer may still switch to another.
        open_to_it = [a.id for a in self._rules.alternatives_open(item.name, {**run.facts, **item.facts})]
        item.offered = tuple(dict.fromkeys([*open_to_it, chosen]))
        run.offered = list(item.offered)
        self._settle_with(run, item, chosen)

    def _alternative(self, request: str, alternative_id: str) -> Alternative:
        """The alternative of ``request`` with this id."""
        return next(a for a in self._policy.requests[request].every_alternative() if a.id == alternative_id)

    def _approve_instead(self, run: Run, edge: Edge) -> None:
        """The customer would rather have the request the policy allows than the alternative taken in its
        place: take the alternative back, then approve the request."""
        item = guards.request_allowed_instead(run, self._rules)
        if item is None or item.chosen is None:
            return
        facts = self._request_facts(run, item)
        alternative = self._alternative(item.name, item.chosen)
        run.actions.append(WithdrawAlternative(alternative=item.chosen, title=alternative.title, facts=facts))
        run.replaced, run.chosen = item.chosen, None
        item.chosen, item.status = None, "approved"
        run.outcome = "approved"
        run.actions.append(ApproveRequest(request=item.name, facts=facts, unverified=self._unverified(run)))

    def _withdraw_alternative(self, run: Run, edge: Edge) -> None:
        item = guards.last_accepted(run.agenda)
        if item is None or item.chosen is None:
            return
        alternative = self._alternative(item.name, item.chosen)
        item.status = "declined_closed"
        run.outcome = "declined"
        facts = self._request_facts(run, item)
        run.actions.append(WithdrawAlternative(alternative=item.chosen, title=alternative.title, facts=facts))

    def _change_alternative(self, run: Run, edge: Edge) -> None:
        item = guards.last_taken(run.agenda)
        chosen = guards.switched_to(run)
        if item is None or chosen is None or item.chosen is None:
            return
        alternative = self._alternative(item.name, chosen)
        replaced: str | None = item.chosen
        if item.status != "alternative_accepted":
            # "can you undo that?" … "store credit then": the one withdrawn is replaced by nothing
            item.status = "alternative_accepted"
            run.outcome = "alternative_accepted"
            replaced = None
        item.chosen = chosen
        run.chosen = chosen
        run.replaced = replaced
        facts = self._request_facts(run, item)
        details = run.signals.slots.get("variant")
        run.actions.append(
            ApplyAlternative(
                alternative=chosen, title=alternative.title, replaces=replaced, details=details, facts=facts
            )
        )

    def _issue_compensation(self, run: Run, edge: Edge) -> None:
        compensation = self._policy.compensation
        if compensation is None:
            return
        run.compensation_reference = _reference(compensation.reference_prefix, run.conversation_id)
        run.outcome = "compensation_accepted"
        unverified = self._unverified(run, compensation=True)
        item = current_item(run)
        if item is not None:
            item.status = "compensation_accepted"
            run.settled.append(item)
        run.actions.append(
            IssueCompensation(reference=run.compensation_reference, offer=compensation.title, unverified=unverified)
        )

    def _take_back_handoff(self, run: Run, edge: Edge) -> None:
        """The customer needs no person after all: the host takes the conversation out of the people's
        queue, and a request that was waiting with it is open again, to be settled by the same message read
        again. With none, the trouble told while waiting ("it arrived damaged") calls for the request the
        policy assumes for it, as it would have before the person was asked for."""
        item = guards.handed_over(run.agenda)
        if item is not None:
            item.status = "open"
            if run.facts.get("order_id") in (None, item.facts.get("order_id")):
                # "actually no don't bother, it was bought 10 days ago": told of this request while waiting
                wanted = self._policy.request_facts()
                item.facts.update({k: v for k, v in run.facts.items() if k in wanted and k not in item.facts})
        elif not any(not each.settled for each in run.agenda):
            name = self._rules.assumed_request(run.facts)
            if name is not None:
                run.agenda.append(AgendaItem(name, assumed=True))
        _leave_queue(run)
        _spend_the_no(run)

    def _grant_goodwill(self, run: Run, edge: Edge) -> None:
        """Give the goodwill offer asked for once the request is settled, leaving the request's outcome as it
        is: the offer comes on top of what put the trouble right."""
        compensation = self._policy.compensation
        if compensation is None:
            return
        run.counters.compensation_offered = True
        run.compensation_reference = _reference(compensation.reference_prefix, run.conversation_id)
        unverified = self._unverified(run, compensation=True)
        run.actions.append(
            IssueCompensation(reference=run.compensation_reference, offer=compensation.title, unverified=unverified)
        )

    def _schedule_follow_up(self, run: Run, edge: Edge) -> None:
        if any(isinstance(action, ScheduleFollowUp) for action in run.actions):
            return
        hours = self._policy.follow_up.delay_hours
        run.actions.append(
            ScheduleFollowUp(at=run.now + timedelta(hours=hours), delay_hours=hours, text=self._follow_up_text(run))
        )

    def _schedule_callback(self, run: Run, edge: Edge) -> None:
        run.outcome = "callback_scheduled"
        reason = run.escalation_reason or "asked_for_person"
        # Offered because nobody was free in hours, or asked for while waiting: due as soon as someone is free.
        soon = run.callback_offered or guards.asked_for_a_call(run, self._rules)
        at = run.now if soon and self._rules.in_hours(run.now) else self._rules.next_opening(run.now)
        asked = self._rules.asked_call_time(run.signals.slots.get("call_at", ""), run.now)
        run.actions.append(ScheduleCallback(at=asked or at, reason=reason))
        run.waiting_since = None

    def _ask_fact(self, run: Run, edge: Edge) -> None:
        wish = guards.wish_in_hand(run)
        decision = self._rules.decide(run.request, run.facts, wish=wish) if run.request is not None else None
        run.pending_fact = decision.fact if decision is not None else None


def _nothing(run: Run, edge: Edge) -> None:
    return None


def _record_refusals(run: Run) -> None:
    item = current_item(run)
    if item is None:
        return
    refused = guards._refused(run) & set(item.offered)
    if refused:
        item.rejected = tuple(dict.fromkeys((*item.rejected, *sorted(refused))))


def _offer_remaining(run: Run, edge: Edge) -> None:
    _record_refusals(run)
    item = current_item(run)
    if item is not None:
        run.offered = [offer for offer in item.offered if offer not in item.rejected]


def _offer_open_again(run: Run, edge: Edge) -> None:
    """The goodwill offer turned down, the alternatives not turned down are on offer again, as they were."""
    item = current_item(run)
    if item is not None:
        run.offered = [offer for offer in item.offered if offer not in item.rejected]


def _offer_compensation(run: Run, edge: Edge) -> None:
    item = current_item(run)
    if item is not None:
        # the state is the goodwill offer's already: what the message turned down is read against the alternatives
        refused = guards.refused_of(run, [offer for offer in item.offered if offer not in item.rejected])
        if refused:
            item.rejected = tuple(dict.fromkeys((*item.rejected, *sorted(refused))))
    run.counters.compensation_offered = True


def _close_declined(run: Run, edge: Edge) -> None:
    _record_refusals(run)
    _settle_as("declined_closed", outcome="declined")(run, edge)


def _settle_as(status: RequestStatus, *, outcome: Outcome | None) -> Callable[[Run, Edge], None]:
    """Settle the request in hand as ``status``; the conversation's outcome follows the latest settled one."""

    def apply(run: Run, edge: Edge) -> None:
        item = current_item(run)
        if item is not None:
            item.status = status
            if item.settled:
                run.settled.append(item)
        if outcome is not None:
            run.outcome = outcome

    return apply


def _note_topic(run: Run, edge: Edge) -> None:
    """With no request in hand, remember which kind of request a question about the rules was about, so
    "I want one for A-1001" next goes on with it."""
    topic = run.signals.slots.get("topic")
    if run.current is None and topic is not None:
        run.focus = topic


def _keep_focus(run: Run, edge: Edge) -> None:
    """What the agent was talking about stays the subject of the next message ("which one?" after a list)."""
    run.focus = run.focus_before


def _withdraw_handoff(run: Run, edge: Edge) -> None:
    """The customer took up an offer while waiting for a person: the request is back on offer, to be
    settled by the same message read again, and the host takes it out of the people's queue. What sent
    the conversation to a person (anger, insisting, not being understood) starts counting afresh, so the
    same message cannot send it back."""
    item = guards.handed_over(run.agenda)
    if item is None or run.escalation_reason is None:
        return
    _leave_queue(run)
    item.status = "declined"
    run.offered = [offer for offer in item.offered if offer not in item.rejected]
    _spend_the_no(run)


def _spend_the_no(run: Run) -> None:
    """A "no" that took back the ask for a person ("actually no, it's fine") is spent on it: read again, it
    does not also turn down what is back on offer."""
    if any(act.kind == "deny" for act in run.signals.acts):
        acts = tuple(Act.of("ask_human", negated=True) if a.kind == "deny" else a for a in run.signals.acts)
        run.signals = run.signals.model_copy(update={"acts": acts})


def _leave_queue(run: Run) -> None:
    """Take the conversation out of the people's queue: the host is told when it was waiting, and what sent
    it to a person (anger, insisting, not being understood) starts counting afresh, so the same message
    cannot send it back."""
    if run.waiting_since is not None and run.escalation_reason is not None:
        run.actions.append(WithdrawHandoff(reason=run.escalation_reason))
    run.escalation_reason = None
    run.outcome = None
    run.waiting_since = None
    run.counters.anger = run.counters.insistence = run.counters.unclear = 0


def _redo(run: Run, edge: Edge) -> None:
    run.redo = True


def _remember_resume(run: Run, edge: Edge) -> None:
    run.resume_state = edge.source


def _explain_again(run: Run, edge: Edge) -> None:
    run.counters.clarifications += 1


def _clear_resume(run: Run, edge: Edge) -> None:
    run.resume_state = None


def _take_over(run: Run, edge: Edge) -> None:
    run.waiting_since = None
    run.callback_offered = False


def _hand_back(run: Run, edge: Edge) -> None:
    run.person = None
    # The person has dealt with what made the customer upset or insistent; the flow starts afresh.
    run.counters.anger = run.counters.insistence = run.counters.turns = run.counters.unclear = 0


def _agent_close(run: Run, edge: Edge) -> None:
    run.person = None


def _offer_callback(run: Run, edge: Edge) -> None:
    run.callback_offered = True


def _outcome(outcome: Outcome, *, overwrite: bool = False) -> Callable[[Run, Edge], None]:
    def apply(run: Run, edge: Edge) -> None:
        if overwrite or run.outcome is None:
            run.outcome = outcome

    return apply


def _reference(prefix: str, conversation_id: str) -> str:
    """The reference of the goodwill offer given in a conversation: the policy's prefix and a digest of the id."""
    digest = hashlib.sha256(conversation_id.encode()).hexdigest()[:8].upper()
    return f"{prefix}-{digest}"
