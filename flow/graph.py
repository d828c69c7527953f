"""The default flow as data: every transition, the guard that allows it, what it does and why.

This table is the one place that knows a transition. Each :class:`Edge` carries its typed name, its
guard (a function of :mod:`flow.guards`), its effects, the escalation reason when it hands over to a
person, and the rule for whether it can ever fire under a policy. The Machine, the speech, the
effects, the coverage report and the generated scenarios all read it from here.

Transitions of one trigger from one state are tried in the order listed; the first whose guard holds is
taken (this is how ``transitions`` orders conditional transitions). ``message`` transitions start from
states that wait for the customer; ``next`` transitions chain transient states within the same turn;
``check_in`` transitions happen when a scheduled follow-up is delivered, and reopen the conversation so
the customer's answer is heard. A transition with the ``redo`` effect reads the same message again in
the state it entered: a change of request, or a fact that changes the decision, is settled in the same
turn.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, get_args

from flow import guards
from flow.guards import Guard
from flow.policy import Policy
from flow.reading import in_sizes_or_colours
from flow.vocabulary import EscalationReason, Intent, StateName

Trigger = Literal[
    "message", "next", "check_in", "take_over", "hand_back", "hand_back_close", "agent_close", "wait_expired"
]
Effect = Literal[
    "escalate",
    "approve",
    "decline",
    "review",
    "offer_alternatives",
    "offer_next_alternative",
    "offer_remaining",
    "offer_open_again",
    "offer_compensation",
    "apply_alternative",
    "grant_wish",
    "change_alternative",
    "withdraw_alternative",
    "swap_approval",
    "approve_instead",
    "issue_compensation",
    "schedule_follow_up",
    "schedule_callback",
    "remember_resume",
    "explain_again",
    "clear_resume",
    "clarify",
    "close_declined",
    "close_abuse",
    "close_by_customer",
    "ask_fact",
    "note_unclear",
    "focus_asked",
    "keep_focus",
    "note_topic",
    "redo",
    "next_request",
    "take_over",
    "hand_back",
    "agent_close",
    "offer_callback",
    "withdraw_handoff",
    "take_back_handoff",
    "undo_approval",
    "retract_approval",
    "amend_alternative",
    "grant_goodwill",
]
EdgeName = Literal[
    "abuse_close",
    "escalate_turn_limit",
    "abuse_boundary",
    "escalate_threat",
    "escalate_request",
    "escalate_anger",
    "escalate_insistence",
    "escalate_unsatisfied",
    "escalate_unclear",
    "review_exception",
    "escalate_cannot_check",
    "why",
    "change_request",
    "drop_request",
    "new_request",
    "reconsider",
    "customer_closed",
    "approve",
    "approve_and_continue",
    "grant_wish",
    "grant_wish_and_continue",
    "decline",
    "ask_fact",
    "answer_policy",
    "answer_status",
    "answer_bot",
    "describe_alternative",
    "ask_request",
    "resume_offer",
    "resume_compensation",
    "resume_follow_up",
    "resume_escalated",
    "resume_listening",
    "apologize",
    "offer",
    "offer_compensation",
    "close_declined",
    "next_request",
    "accept_alternative",
    "accept_and_continue",
    "accept_and_close",
    "change_choice",
    "withdraw_choice",
    "swap_approval",
    "approve_instead",
    "which_one",
    "answer_about",
    "not_on_offer",
    "refer_request",
    "answer_chosen",
    "reoffer_rest",
    "next_alternative",
    "hold_position",
    "acknowledge",
    "empathize",
    "give_time",
    "unclear",
    "accept_compensation",
    "satisfied",
    "anything_else",
    "already_done",
    "note_details",
    "grant_goodwill",
    "no_goodwill",
    "left_waiting",
    "noted_facts",
    "accept_callback",
    "decline_callback",
    "withdraw_handoff",
    "take_back_handoff",
    "offer_more",
    "undo_approval",
    "retract_approval",
    "waiting",
    "check_in",
    "wait_expired",
    "take_over",
    "customer_to_person",
    "hand_back",
    "hand_back_close",
    "agent_close",
]

INITIAL: StateName = "listening"
FINAL: StateName = "closed"


def always_possible(policy: Policy) -> bool:
    """The edge can fire under any policy."""
    return True


def _declines(policy: Policy) -> bool:
    return any(r.declines or any(e.then == "offer" for e in r.exceptions) for r in policy.requests.values())


def _offers(policy: Policy) -> bool:
    return any(r.every_alternative() for r in policy.requests.values())


def _sizes_or_colours(policy: Policy) -> bool:
    return bool(in_sizes_or_colours(policy))


def _compensates(policy: Policy) -> bool:
    return policy.compensation is not None


def _calls_back(policy: Policy) -> bool:
    return policy.escalation.handoff.callback


def _one_at_a_time(policy: Policy) -> bool:
    return policy.offer_alternatives == "one_at_a_time" and any(
        len(r.alternatives) > 1 for r in policy.requests.values()
    )


def _declinable_without_alternatives(policy: Policy) -> bool:
    return any(r.declines and not r.alternatives for r in policy.requests.values())


def _compensates_without_alternatives(policy: Policy) -> bool:
    return _compensates(policy) and _declinable_without_alternatives(policy)


def _waits_for_a_person(policy: Policy) -> bool:
    return policy.escalation.handoff.callback and policy.escalation.handoff.available


def _reviews(policy: Policy) -> bool:
    return any(e.then == "review" for r in policy.requests.values() for e in r.exceptions)


def _needs_host_facts(policy: Policy) -> bool:
    return any(
        policy.facts[fact].source == "host"
        for r in policy.requests.values()
        for fact in r.needs
        if fact in policy.facts
    )


def _summarises(policy: Policy) -> bool:
    return policy.summary is not None


_REQUEST_INTENTS = tuple(intent for intent in get_args(Intent) if intent.startswith("request_"))


def _leaves_requests_to_colleagues(policy: Policy) -> bool:
    """Whether a kind of request customers ask for is one the policy does not handle (a refund-only service
    asked to cancel), and has offers for the requests it does handle."""
    return _offers(policy) and any(policy.request_for(intent) is None for intent in _REQUEST_INTENTS)


@dataclass(frozen=True, slots=True)
class Edge:
    """One transition of the flow: its name, trigger, source and destination, the guard that allows it,
    what it does, why it hands over (for escalations) and whether a policy can ever take it."""

    name: EdgeName
    trigger: Trigger
    source: StateName
    dest: StateName
    when: Guard
    effects: tuple[Effect, ...] = ()
    reason: EscalationReason | None = None
    possible: Callable[[Policy], bool] = always_possible

    @property
    def guard(self) -> str:
        """The guard's name in :mod:`flow.guards`."""
        return self.when.__name__

    @property
    def label(self) -> str:
        """A readable id: ``listening -> explaining [decline]``."""
        return f"{self.source} -> {self.dest} [{self.name}]"

    @property
    def escalates(self) -> bool:
        """Whether taking this edge hands the conversation to a person."""
        return self.reason is not None


def _guarded(source: StateName, *, why: bool = True, insistence: bool = True) -> list[Edge]:
    """The guards every waiting state shares: abuse, escalation, questions and changes of request."""
    edges = [
        Edge("abuse_close", "message", source, "closed", guards.abuse_limit_reached, ("close_abuse",)),
        Edge(
            "escalate_turn_limit", "message", source, "escalated", guards.turn_limit_reached, ("escalate",),
            reason="turn_limit",
        ),
        # While listening, the boundary also asks for what the request still needs.
        Edge(
            "abuse_boundary", "message", source, source,
            guards.abusive_while_gathering if source == "listening" else guards.abusive,
            ("ask_fact",) if source == "listening" else (),
        ),
        Edge("escalate_threat", "message", source, "escalated", guards.threatened, ("escalate",), reason="threat"),
        Edge(
            "escalate_request", "message", source, "escalated", guards.asked_for_person, ("escalate",),
            reason="asked_for_person",
        ),
        Edge("escalate_anger", "message", source, "escalated", guards.too_angry, ("escalate",), reason="anger"),
    ]  # fmt: skip
    if insistence:
        edges.append(
            Edge(
                "escalate_insistence", "message", source, "escalated", guards.too_insistent, ("escalate",),
                reason="insistence",
            )
        )  # fmt: skip
    edges += [
        Edge("drop_request", "message", source, "listening", guards.dropped_everything, ("clear_resume",)),
        Edge("change_request", "message", source, "listening", guards.changed_request, ("clear_resume", "redo")),
    ]
    if source != "listening":
        edges.append(Edge("reconsider", "message", source, "listening", guards.decision_changed, ("redo",)))
    if why:
        edges.append(
            Edge("why", "message", source, "explaining", guards.asked_why, ("remember_resume", "explain_again"))
        )
    edges += [
        Edge("answer_status", "message", source, source, guards.asked_status),
        Edge("answer_policy", "message", source, source, guards.asked_policy, ("note_topic",), possible=_summarises),
        Edge("answer_bot", "message", source, source, guards.asked_if_bot),
    ]  # fmt: skip
    return edges


def _closing(source: StateName) -> Edge:
    return Edge("customer_closed", "message", source, "closed", guards.closing, ("close_by_customer",))


def _unclear(source: StateName, dest: StateName, *, name: EdgeName = "unclear") -> list[Edge]:
    return [
        Edge(
            "escalate_unclear", "message", source, "escalated", guards.lost_repeatedly, ("escalate",),
            reason="unclear",
        ),
        Edge(name, "message", source, dest, guards.always, ("note_unclear",)),
    ]  # fmt: skip


EDGES: tuple[Edge, ...] = (
    # Listening: the customer says what they need; facts are gathered and the request decided.
    *_guarded("listening", why=False, insistence=False),
    Edge(
        "describe_alternative", "message", "listening", "listening", guards.asked_about_alternative,
        ("ask_fact", "focus_asked"),
        possible=_offers,
    ),
    Edge("give_time", "message", "listening", "listening", guards.asked_for_time),
    Edge(
        "review_exception", "message", "listening", "escalated", guards.needs_review, ("review", "escalate"),
        reason="exception", possible=_reviews,
    ),
    Edge(
        "grant_wish", "message", "listening", "follow_up", guards.wish_available, ("grant_wish", "schedule_follow_up"),
        possible=_offers,
    ),
    Edge(
        "grant_wish_and_continue", "message", "listening", "listening", guards.wish_available_with_more,
        ("grant_wish", "schedule_follow_up", "redo"), possible=_offers,
    ),
    Edge("approve_and_continue", "message", "listening", "listening", guards.allowed_with_more, ("approve", "redo")),
    Edge("approve", "message", "listening", "follow_up", guards.ready_and_allowed, ("approve",)),
    Edge("decline", "message", "listening", "explaining", guards.ready_and_declined, ("decline",), possible=_declines),
    Edge("customer_closed", "message", "listening", "closed", guards.leaving_while_listening, ("close_by_customer",)),
    Edge("ask_fact", "message", "listening", "listening", guards.missing_fact, ("ask_fact",)),
    Edge(
        "escalate_cannot_check", "message", "listening", "escalated", guards.cannot_check, ("escalate",),
        reason="cannot_check", possible=_needs_host_facts,
    ),
    *_unclear("listening", "listening", name="ask_request"),
    # Explaining: the reason, a clearer one when asked why, and back to where the conversation was.
    Edge("resume_offer", "next", "explaining", "offering_alternatives", guards.resuming_offer, ("clear_resume",)),
    Edge(
        "resume_compensation", "next", "explaining", "compensation", guards.resuming_compensation,
        ("clear_resume",), possible=_compensates,
    ),
    Edge("resume_follow_up", "next", "explaining", "follow_up", guards.resuming_follow_up, ("clear_resume",)),
    Edge("resume_escalated", "next", "explaining", "escalated", guards.resuming_escalated, ("clear_resume",)),
    # No "why" leaves listening (the reason is only given once a request is declined), so no edge resumes
    # listening after an explanation; ``resume_listening`` and its guard stay named for when one does.
    Edge("apologize", "next", "explaining", "apologizing", guards.always),
    # Apologizing: then what can be done instead.
    Edge(
        "offer", "next", "apologizing", "offering_alternatives", guards.has_alternatives, ("offer_alternatives",),
        possible=_offers,
    ),
    Edge(
        "offer_compensation", "next", "apologizing", "compensation", guards.can_compensate, ("offer_compensation",),
        possible=_compensates_without_alternatives,
    ),
    Edge(
        "next_request", "next", "apologizing", "listening", guards.more_requests, ("close_declined", "next_request"),
        possible=_declinable_without_alternatives,
    ),
    Edge(
        "close_declined", "next", "apologizing", "closed", guards.always, ("close_declined",),
        possible=_declinable_without_alternatives,
    ),
    # Offering alternatives: the customer chooses, asks, turns some or all down.
    *_guarded("offering_alternatives"),
    Edge(
        "review_exception", "message", "offering_alternatives", "escalated", guards.needs_review,
        ("review", "escalate"), reason="exception", possible=_reviews,
    ),
    Edge(
        "accept_and_close", "message", "offering_alternatives", "closed", guards.accepted_and_leaving,
        ("apply_alternative", "schedule_follow_up", "close_by_customer"),
    ),
    Edge(
        "accept_and_continue", "message", "offering_alternatives", "listening", guards.accepted_with_more,
        ("apply_alternative", "schedule_follow_up", "next_request"),
    ),
    Edge(
        "accept_alternative", "message", "offering_alternatives", "follow_up", guards.accepted_alternative,
        ("apply_alternative", "schedule_follow_up"),
    ),
    Edge(
        "which_one", "message", "offering_alternatives", "offering_alternatives", guards.ambiguous_choice,
        ("clarify",),
    ),
    Edge(
        "offer_more", "message", "offering_alternatives", "offering_alternatives", guards.asked_for_more,
        ("offer_next_alternative",), possible=_one_at_a_time,
    ),
    Edge(
        "answer_about", "message", "offering_alternatives", "offering_alternatives", guards.asked_about_offer,
        ("focus_asked",),
    ),
    Edge("not_on_offer", "message", "offering_alternatives", "offering_alternatives", guards.asked_for_unoffered),
    Edge(
        "refer_request", "message", "offering_alternatives", "offering_alternatives", guards.asked_for_unhandled,
        possible=_leaves_requests_to_colleagues,
    ),
    Edge(
        "reoffer_rest", "message", "offering_alternatives", "offering_alternatives", guards.some_left,
        ("offer_remaining",),
    ),
    Edge(
        "next_alternative", "message", "offering_alternatives", "offering_alternatives", guards.more_alternatives,
        ("offer_next_alternative",), possible=_one_at_a_time,
    ),
    Edge(
        "offer_compensation", "message", "offering_alternatives", "compensation", guards.rejected_and_eligible,
        ("offer_compensation",), possible=_compensates,
    ),
    Edge("no_goodwill", "message", "offering_alternatives", "offering_alternatives", guards.asked_for_goodwill),
    Edge(
        "next_request", "message", "offering_alternatives", "listening", guards.rejected_with_more,
        ("close_declined", "next_request"),
    ),
    Edge("close_declined", "message", "offering_alternatives", "closed", guards.rejected, ("close_declined",)),
    Edge("hold_position", "message", "offering_alternatives", "offering_alternatives", guards.insisted),
    Edge(
        "acknowledge", "message", "offering_alternatives", "offering_alternatives", guards.acknowledged_only,
        ("keep_focus",),
    ),
    Edge("empathize", "message", "offering_alternatives", "offering_alternatives", guards.complained_only),
    Edge("give_time", "message", "offering_alternatives", "offering_alternatives", guards.asked_for_time),
    Edge("noted_facts", "message", "offering_alternatives", "offering_alternatives", guards.stated_facts_only),
    _closing("offering_alternatives"),
    *_unclear("offering_alternatives", "offering_alternatives"),
    # Compensation: the goodwill offer, once.
    *_guarded("compensation"),
    Edge(
        "accept_alternative", "message", "compensation", "follow_up", guards.came_back_to_alternative,
        ("apply_alternative", "schedule_follow_up"),
    ),
    Edge(
        "accept_and_close", "message", "compensation", "closed", guards.accepted_and_leaving,
        ("issue_compensation", "schedule_follow_up", "close_by_customer"),
    ),
    Edge(
        "accept_and_continue", "message", "compensation", "listening", guards.accepted_with_more,
        ("issue_compensation", "schedule_follow_up", "next_request"),
    ),
    Edge(
        "accept_compensation", "message", "compensation", "follow_up", guards.accepted,
        ("issue_compensation", "schedule_follow_up"),
    ),
    Edge("answer_about", "message", "compensation", "compensation", guards.asked_about_offer, ("focus_asked",)),
    Edge(
        "reoffer_rest", "message", "compensation", "offering_alternatives", guards.goodwill_declined_offers_open,
        ("offer_open_again",), possible=_offers,
    ),
    Edge(
        "next_request", "message", "compensation", "listening", guards.rejected_with_more,
        ("close_declined", "next_request"),
    ),
    Edge("close_declined", "message", "compensation", "closed", guards.rejected, ("close_declined",)),
    Edge("hold_position", "message", "compensation", "compensation", guards.insisted),
    Edge("acknowledge", "message", "compensation", "compensation", guards.acknowledged_only),
    Edge("empathize", "message", "compensation", "compensation", guards.complained_only),
    Edge("give_time", "message", "compensation", "compensation", guards.asked_for_time),
    _closing("compensation"),
    *_unclear("compensation", "compensation"),
    # Follow-up: what happens next, anything else, and the check-in later.
    *_guarded("follow_up", insistence=False),
    Edge(
        "escalate_unsatisfied", "message", "follow_up", "escalated", guards.unsatisfied, ("escalate",),
        reason="unsatisfied",
    ),
    Edge("undo_approval", "message", "follow_up", "listening", guards.approval_undone, ("undo_approval", "redo")),
    Edge(
        "retract_approval", "message", "follow_up", "follow_up", guards.took_back_approval, ("retract_approval",)
    ),
    Edge("new_request", "message", "follow_up", "listening", guards.asked_anew, ("redo",)),
    Edge(
        "change_choice", "message", "follow_up", "follow_up", guards.changed_choice, ("change_alternative",),
        possible=_offers,
    ),
    Edge(
        "withdraw_choice", "message", "follow_up", "follow_up", guards.took_back_choice, ("withdraw_alternative",),
        possible=_offers,
    ),
    Edge(
        "swap_approval", "message", "follow_up", "follow_up", guards.approval_swapped,
        ("swap_approval", "schedule_follow_up"), possible=_offers,
    ),
    Edge(
        "approve_instead", "message", "follow_up", "follow_up", guards.wants_request_instead,
        ("approve_instead",), possible=_offers,
    ),
    Edge(
        "grant_goodwill", "message", "follow_up", "follow_up", guards.goodwill_due, ("grant_goodwill",),
        possible=_compensates,
    ),
    Edge("no_goodwill", "message", "follow_up", "follow_up", guards.asked_for_goodwill),
    Edge(
        "note_details", "message", "follow_up", "follow_up", guards.told_details, ("amend_alternative",),
        possible=_sizes_or_colours,
    ),
    Edge(
        "answer_chosen", "message", "follow_up", "follow_up", guards.asked_about_chosen, ("focus_asked",),
        possible=_offers,
    ),
    Edge(
        "answer_about", "message", "follow_up", "follow_up", guards.asked_about_switch, ("focus_asked",),
        possible=_offers,
    ),
    Edge(
        "which_one", "message", "follow_up", "follow_up", guards.asked_which_instead, ("keep_focus",),
        possible=_offers,
    ),
    Edge("satisfied", "message", "follow_up", "closed", guards.satisfied, ("close_by_customer",)),
    Edge(
        "hold_position", "message", "follow_up", "follow_up", guards.insisted_after_taking_offer, possible=_offers
    ),
    Edge("empathize", "message", "follow_up", "follow_up", guards.complained_only),
    Edge("give_time", "message", "follow_up", "follow_up", guards.asked_for_time),
    Edge("already_done", "message", "follow_up", "follow_up", guards.asked_again_for_done),
    Edge(
        "escalate_unclear", "message", "follow_up", "escalated", guards.lost_repeatedly, ("escalate",),
        reason="unclear",
    ),
    Edge("unclear", "message", "follow_up", "follow_up", guards.not_understood, ("note_unclear",)),
    Edge("anything_else", "message", "follow_up", "follow_up", guards.always),
    # Escalated: a person is coming, or a callback is offered out of hours.
    Edge("abuse_close", "message", "escalated", "closed", guards.abuse_limit_reached, ("close_abuse",)),
    Edge("abuse_boundary", "message", "escalated", "escalated", guards.abusive),
    Edge("why", "message", "escalated", "explaining", guards.asked_why, ("remember_resume", "explain_again")),
    Edge(
        "withdraw_handoff", "message", "escalated", "offering_alternatives", guards.took_offer_while_waiting,
        ("withdraw_handoff", "redo"), possible=_offers,
    ),
    Edge(
        "take_back_handoff", "message", "escalated", "listening", guards.no_person_needed,
        ("take_back_handoff", "redo"),
    ),
    Edge(
        "accept_callback", "message", "escalated", "closed", guards.callback_wanted, ("schedule_callback",),
        possible=_calls_back,
    ),
    Edge(
        "decline_callback", "message", "escalated", "closed", guards.callback_refused, ("close_by_customer",),
        possible=_calls_back,
    ),
    Edge("left_waiting", "message", "escalated", "closed", guards.said_goodbye, ("close_by_customer",)),
    Edge("waiting", "message", "escalated", "escalated", guards.always),
    Edge("check_in", "check_in", "follow_up", "follow_up", guards.always),
    Edge("check_in", "check_in", "escalated", "follow_up", guards.always),
    Edge("check_in", "check_in", "closed", "follow_up", guards.always),
    # A person: takes over a handed-over conversation, talks with the customer, hands back or closes.
    Edge(
        "wait_expired", "wait_expired", "escalated", "escalated", guards.waited_too_long, ("offer_callback",),
        possible=_waits_for_a_person,
    ),
    Edge("take_over", "take_over", "escalated", "with_person", guards.always, ("take_over",)),
    Edge("customer_to_person", "message", "with_person", "with_person", guards.always),
    Edge("hand_back", "hand_back", "with_person", "follow_up", guards.always, ("hand_back",)),
    Edge("hand_back_close", "hand_back_close", "with_person", "closed", guards.always, ("hand_back",)),
    Edge("agent_close", "agent_close", "with_person", "closed", guards.always, ("agent_close",)),
)  # fmt: skip
"""Every transition of the default flow, in priority order."""

ESCALATING: frozenset[str] = frozenset(edge.name for edge in EDGES if edge.escalates)
"""The names of the transitions that hand the conversation to a person."""
REASONS: dict[str, EscalationReason] = {edge.name: edge.reason for edge in EDGES if edge.reason is not None}
"""Why each escalating transition hands over."""
