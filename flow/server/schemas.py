"""The request and response bodies of the HTTP and WebSocket API, as named, documented models."""

from __future__ import annotations

from datetime import datetime

from fastapi import Response
from pydantic import BaseModel, ConfigDict, Field, model_validator

from flow.models import Action, Conversation, FactValue, QuickReply, Signals, Turn
from flow.server.facts_tokens import MAX_TOKEN_CHARS
from flow.vocabulary import EscalationReason, Outcome, StateName

FACTS_TOKEN = (
    "Facts signed by the host application: a JWT with a `facts` object and an expiry (`exp`), "
    "verified with the server's facts key. Its facts are trusted."
)


class StartConversation(BaseModel):
    """Open a conversation, optionally with what is known about the customer and a first message."""

    model_config = ConfigDict(extra="forbid")

    facts: dict[str, FactValue] = Field(
        default_factory=dict,
        description=(
            "What is known about the customer. From a page, only the facts the policy allows unsigned "
            "(e.g. `customer_name`); with the API key as `Authorization: Bearer`, any fact the policy declares."
        ),
        examples=[{"customer_name": "Dana"}],
    )
    facts_token: str | None = Field(default=None, description=FACTS_TOKEN, max_length=MAX_TOKEN_CHARS)
    message: str | None = Field(default=None, description="The customer's first message, if any.")
    policy: str | None = Field(default=None, description="Policy name; the server's default when omitted.")


class CustomerMessage(BaseModel):
    """One thing the customer did: typed ``text`` or clicked the quick reply with ``quick_reply`` payload."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(default=None, description="What the customer typed.", examples=["I want a refund"])
    quick_reply: str | None = Field(
        default=None,
        description="Payload of the quick reply the customer clicked.",
        examples=["store_credit"],
    )
    message_id: str | None = Field(
        default=None,
        min_length=1,
        max_length=200,
        description="Optional id chosen by the client; resending it returns the first answer, applied once.",
    )
    facts: dict[str, FactValue] | None = Field(
        default=None, description="Facts learnt since the start; unsigned, only those the policy allows."
    )
    facts_token: str | None = Field(default=None, description=FACTS_TOKEN, max_length=MAX_TOKEN_CHARS)

    @model_validator(mode="after")
    def _exactly_one(self) -> CustomerMessage:
        if (self.text is None) == (self.quick_reply is None):
            raise ValueError("send exactly one of `text` or `quick_reply`")
        return self


class TurnOut(BaseModel):
    """What the agent answered to one customer message."""

    number: int = Field(description="Position of the turn in the conversation: 1 for the opening turn, then 2, 3…")
    at: datetime
    customer_text: str | None = Field(default=None, description="What the customer typed, if anything.")
    quick_reply: str | None = Field(default=None, description="The quick reply payload the customer clicked.")
    text: str = Field(description="The agent's reply; paragraphs are separated by blank lines.")
    messages: list[str] = Field(description="The reply split into paragraphs, one chat bubble each.")
    quick_replies: list[QuickReply] = Field(description="Buttons to offer; each sends its payload back.")
    state: StateName = Field(description="The conversation's state after this turn.")
    states_entered: list[StateName] = Field(description="Every state the turn passed through, in order.")
    actions: list[Action] = Field(description="What the host application should do (handoff, follow-up…).")
    signals: Signals | None = Field(default=None, description="What understanding found in the message.")
    person: str | None = Field(
        default=None, description="The display name of the person from the team who wrote `text`; null for the agent."
    )

    @classmethod
    def of(cls, turn: Turn) -> TurnOut:
        """The public view of ``turn``.

        Built without validating again what the engine already validated: this is on every reply's path.
        """
        return cls.model_construct(
            number=turn.number,
            at=turn.at,
            customer_text=turn.customer_text,
            quick_reply=turn.quick_reply,
            text=turn.text,
            messages=turn.messages,
            quick_replies=list(turn.quick_replies),
            state=turn.state,
            states_entered=list(turn.states_entered),
            actions=list(turn.actions),
            signals=turn.signals,
            person=turn.person,
        )


class ConversationStarted(BaseModel):
    """A new conversation: keep ``token`` secret, it opens the conversation."""

    id: str = Field(description="The conversation id, used in every later URL.")
    token: str = Field(description="Send as `Authorization: Bearer <token>` on later requests.")
    turn: TurnOut = Field(description="The agent's opening turn.")


class ConversationOut(BaseModel):
    """Where a conversation stands, and its whole transcript."""

    id: str
    policy: str
    state: StateName
    closed: bool = Field(description="Whether the conversation has ended and takes no more messages.")
    outcome: Outcome | None = Field(default=None, description="How it ended, once it has.")
    escalation_reason: EscalationReason | None = Field(
        default=None, description="Why it was handed to a person, if it was."
    )
    person: str | None = Field(default=None, description="The person from the team talking with the customer now.")
    version: int = Field(description="Increases by one with each saved turn.")
    started_at: datetime
    updated_at: datetime
    turns: list[TurnOut] = Field(description="Every turn so far, oldest first.")

    @classmethod
    def of(cls, conversation: Conversation, turns: list[Turn]) -> ConversationOut:
        """The public view of ``conversation`` and its transcript."""
        return cls(
            id=conversation.id,
            policy=conversation.policy,
            state=conversation.state,
            closed=conversation.closed,
            outcome=conversation.outcome,
            escalation_reason=conversation.escalation_reason,
            person=conversation.person,
            version=conversation.version,
            started_at=conversation.started_at,
            updated_at=conversation.updated_at,
            turns=[TurnOut.of(t) for t in turns],
        )


class Health(BaseModel):
    """The server process is up (liveness); says nothing of the store."""

    status: str = Field(examples=["ok"])
    policies: list[str] = Field(description="Names of the policies this server serves.")


class Ready(BaseModel):
    """The store answered: the server can take turns now (readiness)."""

    status: str = Field(examples=["ready"])


def json_response(body: BaseModel, *, status_code: int = 200) -> Response:
    """``body`` serialized once, as the route's declared ``response_model`` documents it."""
    return Response(body.model_dump_json(), status_code=status_code, media_type="application/json")
