"""The working copy of a conversation while one message is applied; the shared Machine's model."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from flow.models import Action, Conversation, Counters, FactValue, Signals
from flow.vocabulary import EscalationReason, Outcome, StateName


@dataclass(slots=True)
class Step:
    """One transition taken during a turn: its name and the state it entered."""

    transition: str
    state: StateName


@dataclass(slots=True, eq=False)
class Run:
    """Everything a turn reads and changes; discarded after the turn becomes a new snapshot.

    The engine's one ``transitions`` Machine moves ``state`` on this object. Nothing here outlives
    the call to :meth:`flow.Engine.reply`, so many conversations share the Machine safely.
    """

    state: StateName
    conversation_id: str
    turn: int
    now: datetime
    signals: Signals
    text: str
    facts: dict[str, FactValue]
    unverified_facts: set[str]
    counters: Counters
    request: str | None
    pending_fact: str | None
    resume_state: StateName | None
    escalation_reason: EscalationReason | None
    outcome: Outcome | None
    offered: list[str] = field(default_factory=list)
    chosen: str | None = None
    compensation_reference: str | None = None
    steps: list[Step] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)

    @classmethod
    def of(cls, conversation: Conversation, signals: Signals, text: str, now: datetime) -> Run:
        """A working copy of ``conversation`` for one message."""
        return cls(
            state=conversation.state,
            conversation_id=conversation.id,
            turn=conversation.version,
            now=now,
            signals=signals,
            text=text.lower(),
            facts=dict(conversation.facts),
            unverified_facts=set(conversation.unverified_facts),
            counters=replace(conversation.counters),
            request=conversation.request,
            pending_fact=conversation.pending_fact,
            resume_state=conversation.resume_state,
            escalation_reason=conversation.escalation_reason,
            outcome=conversation.outcome,
        )

    def snapshot_fields(self) -> dict[str, Any]:
        """The fields of the next conversation snapshot."""
        return {
            "state": self.state,
            "facts": self.facts,
            "unverified_facts": sorted(self.unverified_facts),
            "counters": self.counters,
            "request": self.request,
            "pending_fact": self.pending_fact,
            "resume_state": self.resume_state,
            "escalation_reason": self.escalation_reason,
            "outcome": self.outcome,
        }


def stated_by_customer(run: Run) -> set[str]:
    """The facts of ``run`` that only the customer stated (the set itself, to add to).

    The flow's guards, effects and fact readers also drive the frozen benchmark baseline
    (``bench/naive.py``), whose model keeps no such record: for it, the set is empty and discarded.
    """
    found: set[str] | None = getattr(run, "unverified_facts", None)
    return set() if found is None else found
