"""The default flow as data: every transition, the guard that allows it, and what it does.

Transitions are tried in the order listed here; the first whose guard holds is taken (this is how
``transitions`` orders conditional transitions of one trigger from one source). ``message``
transitions start from states that wait for the customer; ``next`` transitions chain transient states
within the same turn; ``check_in`` transitions happen when a scheduled follow-up is delivered, and
reopen the conversation so the customer's answer is heard.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from flow.vocabulary import StateName

Trigger = Literal["message", "next", "check_in"]
Effect = Literal[
    "escalate",
    "approve",
    "decline",
    "offer_alternatives",
    "offer_next_alternative",
    "offer_compensation",
    "apply_alternative",
    "issue_compensation",
    "schedule_follow_up",
    "schedule_callback",
    "remember_resume",
    "clear_resume",
    "close_declined",
    "close_abuse",
    "close_by_customer",
    "ask_fact",
]

INITIAL: StateName = "listening"
FINAL: StateName = "closed"


@dataclass(frozen=True, slots=True)
class Edge:
    """One transition of the flow."""

    name: str
    trigger: Trigger
    source: StateName
    dest: StateName
    guard: str
    effects: tuple[Effect, ...] = ()

    @property
    def label(self) -> str:
        """A readable id: ``listening -> explaining [decline]``."""
        return f"{self.source} -> {self.dest} [{self.name}]"


def _guarded(source: StateName, *, why: bool = True, insistence: bool = True) -> list[Edge]:
    """The guards every waiting state shares: abuse, escalation, questions and goodbyes."""
    edges = [
        Edge("abuse_close", "message", source, "closed", "abuse_limit_reached", ("close_abuse",)),
        Edge("escalate_turn_limit", "message", source, "escalated", "turn_limit_reached", ("escalate",)),
        Edge("abuse_boundary", "message", source, source, "abusive"),
        Edge("escalate_threat", "message", source, "escalated", "threatened", ("escalate",)),
        Edge("escalate_request", "message", source, "escalated", "asked_for_person", ("escalate",)),
        Edge("escalate_anger", "message", source, "escalated", "too_angry", ("escalate",)),
    ]
    if insistence:
        edges.append(Edge("escalate_insistence", "message", source, "escalated", "too_insistent", ("escalate",)))
    if why:
        edges.append(Edge("why", "message", source, "explaining", "asked_why", ("remember_resume",)))
    edges.append(Edge("customer_closed", "message", source, "closed", "closing", ("close_by_customer",)))
    return edges


EDGES: tuple[Edge, ...] = (
    *_guarded("listening", why=False, insistence=False),
    Edge("approve", "message", "listening", "closed", "ready_and_allowed", ("approve",)),
    Edge("decline", "message", "listening", "explaining", "ready_and_declined", ("decline",)),
    Edge("ask_fact", "message", "listening", "listening", "missing_fact", ("ask_fact",)),
    Edge("escalate_cannot_check", "message", "listening", "escalated", "cannot_check", ("escalate",)),
    Edge("ask_request", "message", "listening", "listening", "always"),
    Edge("resume_offer", "next", "explaining", "offering_alternatives", "resuming_offer", ("clear_resume",)),
    Edge(
        "resume_compensation",
        "next",
        "explaining",
        "compensation",
        "resuming_compensation",
        ("clear_resume",),
    ),
    Edge("resume_follow_up", "next", "explaining", "follow_up", "resuming_follow_up", ("clear_resume",)),
    Edge("resume_escalated", "next", "explaining", "escalated", "resuming_escalated", ("clear_resume",)),
    Edge("apologize", "next", "explaining", "apologizing", "always"),
    Edge("offer", "next", "apologizing", "offering_alternatives", "has_alternatives", ("offer_alternatives",)),
    Edge("offer_compensation", "next", "apologizing", "compensation", "can_compensate", ("offer_compensation",)),
    Edge("close_declined", "next", "apologizing", "closed", "always", ("close_declined",)),
    *_guarded("offering_alternatives"),
    Edge(
        "accept_alternative",
        "message",
        "offering_alternatives",
        "follow_up",
        "accepted_alternative",
        ("apply_alternative", "schedule_follow_up"),
    ),
    Edge(
        "next_alternative",
        "message",
        "offering_alternatives",
        "offering_alternatives",
        "more_alternatives",
        ("offer_next_alternative",),
    ),
    Edge(
        "offer_compensation",
        "message",
        "offering_alternatives",
        "compensation",
        "rejected_and_eligible",
        ("offer_compensation",),
    ),
    Edge("close_declined", "message", "offering_alternatives", "closed", "rejected", ("close_declined",)),
    Edge("hold_position", "message", "offering_alternatives", "offering_alternatives", "insisted"),
    Edge("unclear", "message", "offering_alternatives", "offering_alternatives", "always"),
    *_guarded("compensation"),
    Edge(
        "accept_compensation",
        "message",
        "compensation",
        "follow_up",
        "accepted",
        ("issue_compensation", "schedule_follow_up"),
    ),
    Edge("close_declined", "message", "compensation", "closed", "rejected", ("close_declined",)),
    Edge("hold_position", "message", "compensation", "compensation", "insisted"),
    Edge("unclear", "message", "compensation", "compensation", "always"),
    *_guarded("follow_up", insistence=False),
    Edge("satisfied", "message", "follow_up", "closed", "accepted", ("close_by_customer",)),
    Edge("escalate_unsatisfied", "message", "follow_up", "escalated", "unsatisfied", ("escalate",)),
    Edge("anything_else", "message", "follow_up", "follow_up", "always"),
    Edge("abuse_close", "message", "escalated", "closed", "abuse_limit_reached", ("close_abuse",)),
    Edge("abuse_boundary", "message", "escalated", "escalated", "abusive"),
    Edge("why", "message", "escalated", "explaining", "asked_why", ("remember_resume",)),
    Edge("customer_closed", "message", "escalated", "closed", "closing", ("close_by_customer",)),
    Edge("accept_callback", "message", "escalated", "closed", "callback_wanted", ("schedule_callback",)),
    Edge("decline_callback", "message", "escalated", "closed", "callback_refused", ("close_by_customer",)),
    Edge("waiting", "message", "escalated", "escalated", "always"),
    Edge("check_in", "check_in", "follow_up", "follow_up", "always"),
    Edge("check_in", "check_in", "escalated", "follow_up", "always"),
    Edge("check_in", "check_in", "closed", "follow_up", "always"),
)
"""Every transition of the default flow, in priority order."""
