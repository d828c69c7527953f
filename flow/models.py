"""The data tactful passes around: what a message means, a conversation snapshot, and a turn."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from flow.vocabulary import EscalationReason, Intent, Outcome, StateName

FactValue = str | int | float | bool | None
UNVERIFIED = (
    "Facts the decision used that only the customer stated (in a message, or unsigned from the page); "
    "check them before carrying the action out."
)


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
    unverified: list[str] = Field(default_factory=list, description=UNVERIFIED)


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
    unverified: list[str] = Field(default_factory=list, description=UNVERIFIED)


class ApproveRequest(_Frozen):
    """Carry out a request that the policy allows."""

    type: Literal["approve_request"] = "approve_request"
    request: str
    unverified: list[str] = Field(default_factory=list, description=UNVERIFIED)


class ApplyAlternative(_Frozen):
    """Carry out the alternative the customer accepted."""

    type: Literal["apply_alternative"] = "apply_alternative"
    alternative: str
    title: str
    unverified: list[str] = Field(default_factory=list, description=UNVERIFIED)


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
    unverified_facts: list[str] = Field(default_factory=list)
    pending_fact: str | None = None
    counters: Counters = Field(default_factory=Counters)
    resume_state: StateName | None = None
    quick_replies: list[str] = Field(default_factory=list)
    escalation_reason: EscalationReason | None = None
    outcome: Outcome | None = None
    version: int = 0
    started_at: datetime
    updated_at: datetime

    @property
    def closed(self) -> bool:
        """Whether the conversation has ended and takes no more messages."""
        return self.state == "closed"


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

    @property
    def messages(self) -> list[str]:
        """The reply split at blank lines, as chat channels send it."""
        return [part for part in self.text.split("\n\n") if part.strip()]
