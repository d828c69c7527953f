"""The conversation API under ``/v1``: start a conversation, send messages, read the transcript."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Depends, Path, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from flow.errors import AccessDenied
from flow.server.errors import ERROR_RESPONSES
from flow.server.gateway import ChatGateway
from flow.server.schemas import (
    ConversationOut,
    ConversationStarted,
    CustomerMessage,
    StartConversation,
    TurnOut,
)

router = APIRouter(prefix="/v1", tags=["conversations"])

_bearer = HTTPBearer(
    auto_error=False,
    scheme_name="ConversationToken",
    description="The `token` returned when the conversation was created.",
)

ConversationId = Annotated[str, Path(description="The `id` returned when the conversation was created.")]


# The dependencies are coroutines because FastAPI runs a plain function in a worker thread, a thread
# hop per request for what is only an attribute lookup.
async def gateway(request: Request) -> ChatGateway:
    """The app's gateway to the conversation service."""
    found: ChatGateway = request.app.state.gateway
    return found


async def conversation_token(
    conversation_id: ConversationId,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> str:
    """The bearer token of the request; a missing one is refused like a wrong one."""
    if credentials is None or not credentials.credentials:
        raise AccessDenied(conversation_id)
    return credentials.credentials


Gateway = Annotated[ChatGateway, Depends(gateway)]
Token = Annotated[str, Depends(conversation_token)]


def _responses(*statuses: int) -> dict[int | str, dict[str, object]]:
    return {status: ERROR_RESPONSES[status] for status in statuses}


@router.post(
    "/conversations",
    status_code=201,
    summary="Start a conversation",
    responses=_responses(413, 422, 429),
)
async def start_conversation(
    chat: Gateway, body: Annotated[StartConversation | None, Body()] = None
) -> ConversationStarted:
    """Open a conversation and get the agent's first turn, the conversation id and its token."""
    body = body or StartConversation()
    started = await chat.start(facts=body.facts, message=body.message, policy=body.policy, channel="http")
    return ConversationStarted(id=started.conversation.id, token=started.token, turn=TurnOut.of(started.turn))


@router.post(
    "/conversations/{conversation_id}/messages",
    summary="Send a customer message",
    responses=_responses(403, 404, 409, 413, 422, 429),
)
async def send_message(conversation_id: ConversationId, body: CustomerMessage, chat: Gateway, token: Token) -> TurnOut:
    """Apply what the customer typed or clicked and get the agent's answer."""
    _, turn = await chat.reply(
        conversation_id,
        token=token,
        text=body.text,
        quick_reply=body.quick_reply,
        message_id=body.message_id,
        channel="http",
    )
    return TurnOut.of(turn)


@router.get(
    "/conversations/{conversation_id}",
    summary="Read a conversation",
    responses=_responses(403, 404, 429),
)
async def read_conversation(conversation_id: ConversationId, chat: Gateway, token: Token) -> ConversationOut:
    """The conversation's state, outcome and whole transcript."""
    conversation, turns = await chat.get(conversation_id, token=token)
    return ConversationOut.of(conversation, turns)
