"""``/v1/agent``: the people at the desk list handed-over conversations, take one over, write, and hand back.

Every call needs a person's key (``Authorization: Bearer <agent key>``) or the login cookie of the
agent page; the key decides the display name the customer sees. A person's messages, the take-over
and the hand-back reach the customer on every channel (see :mod:`flow.server.live`).
"""

from __future__ import annotations

import time
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Body, Path, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from flow.models import Conversation, Handoff, Turn
from flow.server.errors import ERROR_RESPONSES, AgentsOff, Unauthorized, WrongOrigin
from flow.server.gateway import ChatGateway
from flow.server.people import COOKIE, People
from flow.server.routes_api import gateway_of
from flow.server.schemas import TurnOut, json_response
from flow.server.trust import bearer_token
from flow.vocabulary import EscalationReason, StateName

router = APIRouter(prefix="/v1/agent", tags=["people"])

ConversationId = Annotated[str, Path(description="The conversation's id, as listed.")]


class DeskConversation(BaseModel):
    """A conversation at the desk: waiting for a person, or talking with one."""

    id: str
    state: StateName
    waiting: bool = Field(description="Nobody has taken it over yet.")
    person: str | None = Field(default=None, description="Who is talking with the customer, once taken over.")
    waiting_since: datetime | None = None
    updated_at: datetime
    customer_name: str | None = None
    reason: EscalationReason | None = Field(default=None, description="Why it was handed over.")
    summary: str | None = Field(default=None, description="The handoff summary: so nobody asks the customer again.")
    last_customer_text: str | None = Field(default=None, description="What the customer wrote last.")


class DeskTranscript(DeskConversation):
    """A conversation at the desk with its whole transcript."""

    turns: list[TurnOut]


class PersonMessage(BaseModel):
    """What the person writes to the customer."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="Shown to the customer as written by you.")


class HandBack(BaseModel):
    """Hand the conversation back to the agent."""

    model_config = ConfigDict(extra="forbid")

    close: bool = Field(default=False, description="The agent says goodbye and closes, instead of asking what else.")


def people_of(request: Request) -> People:
    """The people this server knows."""
    found: People = request.app.state.people
    return found


def person_of(request: Request) -> str:
    """The display name of the person making the request; refuse anyone else."""
    people = people_of(request)
    if not people.enabled:
        raise AgentsOff
    key = bearer_token(request)
    if key is not None:
        name = people.by_key(key)
        if name is None:
            raise Unauthorized
        return name
    name = people.by_cookie(request.cookies.get(COOKIE, ""), now=time.time())
    if name is None:
        raise Unauthorized
    origin = request.headers.get("origin")
    if request.method != "GET" and origin is not None and origin != _own_origin(request):
        raise WrongOrigin(origin)
    return name


def _own_origin(request: Request) -> str:
    return f"{request.url.scheme}://{request.headers.get('host', request.url.netloc)}"


def desk_view(conversation: Conversation, turns: list[Turn]) -> DeskConversation:
    """How the desk lists a conversation."""
    summary = next((a.summary for t in reversed(turns) for a in t.actions if isinstance(a, Handoff)), None)
    said = next((t.customer_text for t in reversed(turns) if t.customer_text), None)
    name = conversation.facts.get("customer_name")
    return DeskConversation(
        id=conversation.id,
        state=conversation.state,
        waiting=conversation.state == "escalated",
        person=conversation.person,
        waiting_since=conversation.waiting_since,
        updated_at=conversation.updated_at,
        customer_name=name if isinstance(name, str) else None,
        reason=conversation.escalation_reason,
        summary=summary,
        last_customer_text=said,
    )


_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: ERROR_RESPONSES[status] for status in (403, 404, 409, 413, 422, 429)
}


@router.get(
    "/conversations",
    response_model=list[DeskConversation],
    summary="Conversations at the desk",
    responses={status: ERROR_RESPONSES[status] for status in (403, 404, 429)},
)
async def list_conversations(request: Request) -> Response:
    """Conversations waiting for a person (longest waiting first) and those a person is talking in."""
    person_of(request)
    chat = gateway_of(request)
    listed = []
    for conversation in await chat.run(chat.service.at_the_desk):
        turns = await chat.run(lambda c=conversation: chat.service.store.transcript(c.id))  # type: ignore[misc]
        listed.append(desk_view(conversation, turns).model_dump(mode="json"))
    return Response(_json(listed), media_type="application/json")


@router.get(
    "/conversations/{conversation_id}",
    response_model=DeskTranscript,
    summary="Read a conversation",
    responses=_RESPONSES,
)
async def read_conversation(conversation_id: ConversationId, request: Request) -> Response:
    """The conversation with its summary and whole transcript, customer messages included."""
    person_of(request)
    chat = gateway_of(request)
    conversation, turns = await chat.run(lambda: chat.service.read(conversation_id))
    view = DeskTranscript(**desk_view(conversation, turns).model_dump(), turns=[TurnOut.of(t) for t in turns])
    return json_response(view)


@router.post(
    "/conversations/{conversation_id}/take-over", response_model=TurnOut, summary="Take over", responses=_RESPONSES
)
async def take_over(conversation_id: ConversationId, request: Request) -> Response:
    """Take over a conversation waiting for a person; the agent stays quiet until you hand back."""
    _, turn = await gateway_of(request).take_over(conversation_id, person=person_of(request))
    return json_response(TurnOut.of(turn))


@router.post("/conversations/{conversation_id}/messages", response_model=TurnOut, summary="Write", responses=_RESPONSES)
async def write(conversation_id: ConversationId, body: PersonMessage, request: Request) -> Response:
    """Write to the customer in a conversation you took over."""
    chat: ChatGateway = gateway_of(request)
    _, turn = await chat.person_says(conversation_id, person=person_of(request), text=body.text)
    return json_response(TurnOut.of(turn))


@router.post(
    "/conversations/{conversation_id}/hand-back", response_model=TurnOut, summary="Hand back", responses=_RESPONSES
)
async def hand_back(
    conversation_id: ConversationId, request: Request, body: Annotated[HandBack | None, Body()] = None
) -> Response:
    """Hand back to the agent: it asks whether anything else is needed, or says goodbye with ``close``."""
    close = body.close if body is not None else False
    _, turn = await gateway_of(request).hand_back(conversation_id, person=person_of(request), close=close)
    return json_response(TurnOut.of(turn))


@router.post("/conversations/{conversation_id}/close", response_model=TurnOut, summary="Close", responses=_RESPONSES)
async def close(conversation_id: ConversationId, request: Request) -> Response:
    """End a conversation you took over; the agent says nothing more."""
    _, turn = await gateway_of(request).close_by_person(conversation_id, person=person_of(request))
    return json_response(TurnOut.of(turn))


def _json(value: object) -> str:
    import json

    return json.dumps(value, separators=(",", ":"))
