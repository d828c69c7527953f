"""The working copy of a conversation while one message is applied; the shared Machine's model."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import datetime
from operator import attrgetter
from typing import Any

from flow.models import Action, AgendaItem, Conversation, Counters, FactValue, Signals
from flow.vocabulary import EscalationReason, Outcome, Question, StateName


@dataclass(slots=True)
class Step:
    """One transition taken during a turn: its name, the state it entered, and the request it was about."""

    transition: str
    state: StateName
    item: AgendaItem | None = None


@dataclass(slots=True, eq=False)
class Run:
    """Everything a turn reads and changes; discarded after the turn becomes a new snapshot.

    The engine's one ``transitions`` Machine moves ``state`` on this object. Nothing here outlives
    the call to :meth:`flow.Engine.reply`, so many conversations share the Machine safely.

    ``request`` is the name of the current request and ``facts`` the facts as they stand for it (the
    conversation's own and the current request's); ``agenda`` holds every request with its own facts.
    ``changed`` says this message dropped or switched the current request, ``gave_up`` that it let go of
    a request already refused ("I'll leave it"), ``put_off`` the request that was in hand when the message
    asked to take a waiting one first, ``request_before`` and ``wish_before`` the request in hand when
    the message came and what was wished for it, ``named_now`` that the message named a request the policy had
    worked out from the trouble told, ``redo`` that the message is to be read again in the
    state just entered, ``done_for`` the request already settled that the message asks for again by its
    order while another is in hand, ``repeated`` that every fact the message gave was known already, with
    that value, and ``unclear_before`` how many messages in a row the agent could not read before this one.
    """

    state: StateName
    conversation_id: str
    turn: int
    now: datetime
    signals: Signals
    text: str
    facts: dict[str, FactValue]
    customer_stated: dict[str, list[FactValue]]
    counters: Counters
    request: str | None
    pending_fact: str | None
    resume_state: StateName | None
    escalation_reason: EscalationReason | None
    outcome: Outcome | None
    waiting_since: datetime | None = None
    person: str | None = None
    callback_offered: bool = False
    agenda: list[AgendaItem] = field(default_factory=list)
    question: Question | None = None
    focus: str | None = None
    said: list[int] = field(default_factory=list)
    offered: list[str] = field(default_factory=list)
    chosen: str | None = None
    replaced: str | None = None
    compensation_reference: str | None = None
    changed: bool = False
    gave_up: bool = False
    noted_for: AgendaItem | None = None
    done_for: AgendaItem | None = None
    out_of_bounds: bool = False
    named_now: bool = False
    covered: str | None = None
    goodwill_taken_up: bool = False
    offered_anyway: bool = False
    put_off: AgendaItem | None = None
    redo: bool = False
    repeated: bool = False
    unclear_before: int = 0
    pending_before: str | None = None
    request_before: str | None = None
    wish_before: str | None = None
    focus_before: str | None = None
    settled: list[AgendaItem] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)

    @classmethod
    def of(cls, conversation: Conversation, signals: Signals, text: str, now: datetime) -> Run:
        """A working copy of ``conversation`` for one message."""
        agenda = [_item_copy(item) for item in conversation.agenda]
        current = next((item for item in agenda if not item.settled), None)
        return cls(
            state=conversation.state,
            conversation_id=conversation.id,
            turn=conversation.version,
            now=now,
            signals=signals,
            text=text.lower(),
            facts=dict(conversation.facts),
            customer_stated={name: list(values) for name, values in conversation.customer_stated.items()},
            counters=Counters(*_counter_values(conversation.counters)),
            request=current.name if current is not None else None,
            pending_fact=conversation.pending_fact,
            resume_state=conversation.resume_state,
            escalation_reason=conversation.escalation_reason,
            outcome=conversation.outcome,
            waiting_since=conversation.waiting_since,
            person=conversation.person,
            callback_offered=conversation.callback_offered,
            agenda=agenda,
            question=conversation.question,
            said=list(conversation.said),
            pending_before=conversation.pending_fact,
            request_before=current.name if current is not None else None,
            wish_before=current.wish if current is not None else None,
            focus_before=conversation.focus,
            unclear_before=conversation.counters.unclear,
        )

    @property
    def current(self) -> AgendaItem | None:
        """The agenda item being handled now."""
        return current_item(self)

    def snapshot_fields(self) -> dict[str, Any]:
        """The fields of the next conversation snapshot."""
        return {
            "state": self.state,
            "facts": self.facts,
            "customer_stated": self.customer_stated,
            "counters": self.counters,
            "agenda": self.agenda,
            "pending_fact": self.pending_fact,
            "resume_state": self.resume_state,
            "escalation_reason": self.escalation_reason,
            "outcome": self.outcome,
            "waiting_since": self.waiting_since,
            "person": self.person,
            "callback_offered": self.callback_offered,
            "question": self.question,
            "focus": self.focus,
            "said": self.said,
        }


# Copies made field by field in one call: dataclasses.replace costs several times as much, every turn.
_counter_values = attrgetter(*(f.name for f in fields(Counters)))
_item_values = attrgetter(*(f.name for f in fields(AgendaItem)))


def _item_copy(item: AgendaItem) -> AgendaItem:
    """A copy of ``item`` with its own facts, to change while the snapshot stays as it was."""
    copied = AgendaItem(*_item_values(item))
    copied.facts = dict(copied.facts)
    return copied


def current_item(run: Any) -> AgendaItem | None:
    """The agenda item a working conversation is handling now: the first one not settled.

    A function rather than only :attr:`Run.current`, so that a working model written for a single
    request (with an ``agenda`` given by :func:`flow.facts.identify_request`) is read the same way.
    """
    agenda: list[AgendaItem] = run.agenda
    for item in agenda:
        if not item.settled:
            return item
    return None


def stated_by_customer(run: Run) -> dict[str, list[FactValue]]:
    """The values of facts that only the customer stated, by fact (the record itself, to add to).

    The flow's guards and effects also drive the frozen benchmark baseline (``bench/naive.py``),
    whose model keeps no such record: for it, the record is empty and discarded.
    """
    found: dict[str, list[FactValue]] | None = getattr(run, "customer_stated", None)
    return {} if found is None else found
