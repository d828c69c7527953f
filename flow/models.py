"""The data tactful passes around: what a message means, a conversation snapshot, and a turn."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from flow.vocabulary import EscalationReason, Intent, Outcome, StateName

FactValue = str | int | float | bool | None

SNAPSHOT_SCHEMA = 2
"""The version of the :class:`Conversation` snapshot's layout; stored snapshots of older versions are migrated on load.

1. The first layout (snapshots without ``schema_version``).
2. A person can take over: ``waiting_since``, ``person`` and ``callback_offered``.
"""


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Signals(_Frozen):
    """What understanding found in one customer message."""

    intent: Intent = "unknown"
    confidence: float = Field(default=0.0, ge=0.0, le=1.0)
    sentiment: float = Field(default=0.0, ge=-1.0, le=1.0)
    abusive: bool = False
    threat: bool = False
    slots: dict[str, str] = Field(default_factory=dict)


class QuickReply(_Frozen):
    """A button the widget shows; clicking it sends ``payload`` back as the next message."""

    title: str
    payload: str


class Handoff(_Frozen):
    """Hand the conversation to a person, with what they need to pick it up."""

    type: Literal["handoff"] = "handoff"
    reason: EscalationReason
    summary: str


class ScheduleFollowUp(_Frozen):
    """Contact the customer again at ``at`` with ``text``."""

    type: Literal["schedule_follow_up"] = "schedule_follow_up"
    at: datetime
    delay_hours: float
    text: str


class ScheduleCallback(_Frozen):
    """A person calls the customer back when the team is next available."""

    type: Literal["schedule_callback"] = "schedule_callback"
    at: datetime
    reason: EscalationReason


class IssueCompensation(_Frozen):
    """Give the customer the goodwill offer they accepted."""

    type: Literal["issue_compensation"] = "issue_compensation"
    reference: str
    offer: str


class ApproveRequest(_Frozen):
    """Carry out a request that the policy allows."""

    type: Literal["approve_request"] = "approve_request"
    request: str


class ApplyAlternative(_Frozen):
    """Carry out the alternative the customer accepted."""

    type: Literal["apply_alternative"] = "apply_alternative"
    alternative: str
    title: str


class Close(_Frozen):
    """The conversation ended with ``outcome``."""

    type: Literal["close"] = "close"
    outcome: Outcome


Action = Annotated[
    Handoff | ScheduleFollowUp | ScheduleCallback | IssueCompensation | ApproveRequest | ApplyAlternative | Close,
    Field(discriminator="type"),
]


@dataclass(slots=True)
class Counters:
    """How the conversation has gone so far; the guards read these.

    A slotted dataclass rather than a model: every live conversation holds one, so it is kept small.
    """

    turns: int = 0
    insistence: int = 0
    anger: int = 0
    abuse_strikes: int = 0
    alternatives_offered: int = 0
    compensation_offered: bool = False
    clarifications: int = 0


class Conversation(BaseModel):
    """A snapshot of one conversation: plain data, no machine inside, one JSON document."""

    model_config = ConfigDict(extra="forbid")

    id: str
    policy: str
    policy_version: str
    state: StateName = "listening"
    request: str | None = None
    facts: dict[str, FactValue] = Field(default_factory=dict)
    pending_fact: str | None = None
    counters: Counters = Field(default_factory=Counters)
    resume_state: StateName | None = None
    quick_replies: list[str] = Field(default_factory=list)
    escalation_reason: EscalationReason | None = None
    outcome: Outcome | None = None
    waiting_since: datetime | None = None
    person: str | None = None
    callback_offered: bool = False
    version: int = 0
    started_at: datetime
    updated_at: datetime
    schema_version: int = 1

    @property
    def closed(self) -> bool:
        """Whether the conversation has ended and takes no more messages."""
        return self.state == "closed"

    @property
    def at_the_desk(self) -> bool:
        """Whether people should see it: waiting for a person after a handoff, or with one now."""
        return self.state == "with_person" or (self.state == "escalated" and self.waiting_since is not None)

    # A snapshot written before a layout change reads with the defaults of the fields it lacks; this
    # brings what those defaults cannot know up to date. It runs after validation so that loading a
    # current snapshot stays on pydantic's fast JSON path.
    @model_validator(mode="after")
    def _migrate(self) -> Conversation:
        if self.schema_version < SNAPSHOT_SCHEMA:
            migrate_snapshot(self)
        return self


def migrate_snapshot(conversation: Conversation) -> None:
    """Bring an older snapshot to :data:`SNAPSHOT_SCHEMA`, in place.

    From 1: an escalated conversation was handed to a person (or offered a callback) and is waiting;
    it is taken as waiting since its last update, so people see it and can take it over.
    """
    if conversation.schema_version < 2 and conversation.state == "escalated":
        conversation.waiting_since = conversation.updated_at
    conversation.schema_version = SNAPSHOT_SCHEMA


class Turn(BaseModel):
    """What one customer message produced: the reply and why it was chosen."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    conversation_id: str
    number: int
    at: datetime
    customer_text: str | None = None
    quick_reply: str | None = None
    signals: Signals | None = None
    transitions: list[str] = Field(default_factory=list)
    states_entered: list[StateName] = Field(default_factory=list)
    state: StateName
    text: str
    quick_replies: list[QuickReply] = Field(default_factory=list)
    actions: list[Action] = Field(default_factory=list)
    person: str | None = None
    """The display name of the person who wrote ``text``; ``None`` when the agent's flow wrote it."""

    @property
    def messages(self) -> list[str]:
        """The reply split at blank lines, as chat channels send it."""
        return [part for part in self.text.split("\n\n") if part.strip()]
