"""The conversation API under ``/v1``: start a conversation, send messages, read the transcript.

These routes are on the path of every customer message, so they take the ``Request`` and read the
gateway and the bearer token from it instead of through FastAPI dependencies (which cost more per
request than the lookups themselves), serve a well-formed body with one parse and one validation
(:class:`~flow.server.parsed_body.ParsedBodyRoute`), and return their JSON already serialized (the
declared ``response_model`` documents it without validating it a second time). The token scheme is added to
the OpenAPI schema by :func:`flow.server.openapi.document_token_scheme`.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Path, Request, Response

from flow.errors import AccessDenied
from flow.server.errors import ERROR_RESPONSES
from flow.server.gateway import ChatGateway
from flow.server.openapi import TOKEN_SECURITY
from flow.server.parsed_body import ParsedBodyRoute, parsed_body
from flow.server.schemas import (
    ConversationOut,
    ConversationStarted,
    CustomerMessage,
    StartConversation,
    TurnOut,
    json_response,
)
from flow.server.trust import FactsGate, OfferedFacts, bearer_token

router = APIRouter(prefix="/v1", tags=["conversations"], route_class=ParsedBodyRoute)

ConversationId = Annotated[str, Path(description="The `id` returned when the conversation was created.")]


def gateway_of(request: Request) -> ChatGateway:
    """The app's gateway to the conversation service."""
    found: ChatGateway = request.app.state.gateway
    return found


def facts_gate_of(request: Request) -> FactsGate:
    """The app's judge of which facts are the host's."""
    found: FactsGate = request.app.state.facts_gate
    return found


def conversation_token(request: Request, conversation_id: str) -> str:
    """The bearer token of the request; a missing one is refused like a wrong one."""
    token = bearer_token(request)
    if token is None:
        raise AccessDenied(conversation_id)
    return token


def message_facts(gate: FactsGate, message: CustomerMessage) -> OfferedFacts | None:
    """The facts a customer message carries, if any; they are never the host's unless signed."""
    if message.facts is None and message.facts_token is None:
        return None
    return gate.offered(message.facts, message.facts_token)


def _responses(*statuses: int) -> dict[int | str, dict[str, object]]:
    return {status: ERROR_RESPONSES[status] for status in statuses}


async def _start(request: Request, body: StartConversation) -> Response:
    gate = facts_gate_of(request)
    offered = gate.offered(body.facts, body.facts_token, server_to_server=gate.server_to_server(request))
    started = await gateway_of(request).start(offered=offered, message=body.message, policy=body.policy, channel="http")
    reply = ConversationStarted.model_construct(
        id=started.conversation.id, token=started.token, turn=TurnOut.of(started.turn)
    )
    return json_response(reply, status_code=201)


async def _send(request: Request, body: CustomerMessage) -> Response:
    conversation_id: str = request.path_params["conversation_id"]
    token = conversation_token(request, conversation_id)
    _, turn = await gateway_of(request).reply(
        conversation_id,
        token=token,
        text=body.text,
        quick_reply=body.quick_reply,
        message_id=body.message_id,
        offered=message_facts(facts_gate_of(request), body),
        channel="http",
    )
    return json_response(TurnOut.of(turn))


@router.post(
    "/conversations",
    status_code=201,
    response_model=ConversationStarted,
    summary="Start a conversation",
    responses=_responses(403, 413, 422, 429, 503),
)
@parsed_body(StartConversation, _start)
async def start_conversation(request: Request, body: Annotated[StartConversation | None, Body()] = None) -> Response:
    """Open a conversation and get the agent's first turn, the conversation id and its token.

    A page may pass only the facts the policy allows unsigned, plus a `facts_token` signed by the
    host; the host's server may pass any fact with `Authorization: Bearer <api_key>`.
    """
    return await _start(request, body or StartConversation())


@router.post(
    "/conversations/{conversation_id}/messages",
    response_model=TurnOut,
    summary="Send a customer message",
    responses=_responses(403, 404, 409, 413, 422, 429, 503),
    openapi_extra=TOKEN_SECURITY,
)
@parsed_body(CustomerMessage, _send)
async def send_message(conversation_id: ConversationId, body: CustomerMessage, request: Request) -> Response:
    """Apply what the customer typed or clicked and get the agent's answer."""
    return await _send(request, body)


@router.get(
    "/conversations/{conversation_id}",
    response_model=ConversationOut,
    summary="Read a conversation",
    responses=_responses(403, 404, 429, 503),
    openapi_extra=TOKEN_SECURITY,
)
async def read_conversation(conversation_id: ConversationId, request: Request) -> Response:
    """The conversation's state, outcome and whole transcript."""
    token = conversation_token(request, conversation_id)
    conversation, turns = await gateway_of(request).get(conversation_id, token=token)
    return json_response(ConversationOut.of(conversation, turns))
