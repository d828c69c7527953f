"""``POST /webhooks/rest/webhook``: the Rasa REST channel, so widgets written for Rasa work unchanged.

As Rasa behaves: the reply is a JSON array with one object per paragraph of the agent's text, the
quick replies as ``buttons`` on the last one, no field without a value, and the text HTML-escaped
because these widgets insert it as HTML (the ``recipient_id`` echoing the sender too). A button's
payload comes back as the next ``message``.

A REST widget only hears the server when it posts, so what happened in between (a person from the
team taking over, writing, handing back) is kept in the transcript and returned first, in order,
with the answer to the customer's next message.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from functools import partial
from typing import Any

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from flow.errors import ConversationClosed, ConversationExists, UnknownConversation
from flow.models import Conversation, FactValue, Turn
from flow.server.client_facts import client_facts
from flow.server.errors import ERROR_RESPONSES
from flow.server.facts_tokens import MAX_TOKEN_CHARS
from flow.server.gateway import ChatGateway
from flow.server.parsed_body import ParsedBodyRoute, parsed_body
from flow.server.responses import OrjsonResponse
from flow.server.routes_api import facts_gate_of, gateway_of
from flow.server.schemas import FACTS_TOKEN
from flow.server.senders import SenderConversation, SenderDirectory
from flow.server.trust import OfferedFacts

router = APIRouter(tags=["rasa"], route_class=ParsedBodyRoute)

MAX_NEW_CONVERSATIONS = 8
"""How often one message may find the sender's conversation closed and claim another before giving up."""


class RasaMetadata(BaseModel):
    """Extra data a widget sends; ``facts`` and ``facts_token`` are used when the sender's conversation starts."""

    model_config = ConfigDict(extra="allow")

    facts: dict[str, FactValue] = Field(
        default_factory=dict,
        description=(
            "Facts for a new conversation: only those the policy allows unsigned, unless the request carries "
            "the API key as `Authorization: Bearer`."
        ),
    )
    facts_token: str | None = Field(default=None, description=FACTS_TOKEN, max_length=MAX_TOKEN_CHARS)


class RasaMessage(BaseModel):
    """A message from a widget, as Rasa's REST channel receives it."""

    sender: str = Field(min_length=1, max_length=200, description="The widget's id for this customer.")
    message: str = Field(description="What the customer typed, or the payload of the button clicked.")
    metadata: RasaMetadata | None = Field(default=None, description="Optional; may carry `facts`.")


class RasaButton(BaseModel):
    """A button the widget shows under the last message."""

    title: str
    payload: str


class RasaReply(BaseModel):
    """One bot message; absent fields have no value."""

    recipient_id: str
    text: str | None = None
    buttons: list[RasaButton] | None = None


def rasa_messages(sender: str, turn: Turn) -> list[dict[str, Any]]:
    """The turn as Rasa's REST channel returns it: one escaped message per paragraph, buttons last.

    The sender is escaped too: it is the widget's own string, echoed back as ``recipient_id``. A
    person's message comes with their name in front, as these widgets cannot show who wrote it otherwise.
    """
    recipient = html.escape(sender)
    paragraphs = [f"{turn.person}: {p}" if turn.person else p for p in turn.messages]
    replies: list[dict[str, Any]] = [{"recipient_id": recipient, "text": html.escape(p)} for p in paragraphs]
    if turn.quick_replies:
        if not replies:
            replies.append({"recipient_id": recipient})
        replies[-1]["buttons"] = [{"title": html.escape(q.title), "payload": q.payload} for q in turn.quick_replies]
    return replies


def senders_of(request: Request) -> SenderDirectory:
    """The app's table of Rasa senders."""
    found: SenderDirectory = request.app.state.senders
    return found


def opening_message(message: str) -> str | None:
    """The first message to start with: none for an empty one or a Rasa intent such as ``/get_started``."""
    return None if not message.strip() or message.startswith("/") else message


def unheard(turns: list[Turn], *, before: int | None = None) -> list[Turn]:
    """The turns since the customer's last message that nobody asked for (pushed while the widget was not
    listening), up to turn number ``before``."""
    found: list[Turn] = []
    for turn in turns:
        if before is not None and turn.number >= before:
            break
        if turn.customer_text is not None or turn.quick_reply is not None or turn.number <= 1:
            found = []
        else:
            found.append(turn)
    return found


async def _webhook(request: Request, body: RasaMessage) -> Response:
    gate = facts_gate_of(request)
    server_to_server = gate.server_to_server(request)
    metadata = body.metadata.model_dump() if body.metadata else None
    opening = _Opening(lambda: client_facts(metadata, gate, server_to_server=server_to_server))
    return OrjsonResponse(await _answer(gateway_of(request), senders_of(request), body, opening))


@router.post(
    "/webhooks/rest/webhook",
    summary="Rasa REST channel",
    response_model=list[RasaReply],
    responses={status: ERROR_RESPONSES[status] for status in (403, 409, 413, 422, 429, 503)},
)
@parsed_body(RasaMessage, _webhook)
async def rasa_webhook(body: RasaMessage, request: Request) -> Response:
    """Answer a Rasa-style widget: an unknown sender, or one whose conversation closed, starts anew.

    The metadata's facts count when a conversation starts: unsigned, only those the policy allows;
    signed by the host in `facts_token`; or any, with the API key as `Authorization: Bearer`.
    """
    return await _webhook(request, body)


class _Opening:
    """The facts a new conversation starts with: read and checked once, and only if one starts (a token
    may have expired since the sender's conversation began), before the sender is claimed."""

    def __init__(self, read: Callable[[], OfferedFacts]) -> None:
        self._read = read
        self._facts: OfferedFacts | None = None

    async def facts(self, chat: ChatGateway) -> OfferedFacts:
        if self._facts is None:
            offered = self._read()
            await chat.run(
                lambda: chat.service.check_facts(
                    facts=offered.host, unsigned_facts=offered.unsigned, signed_for=offered.signed_for
                )
            )
            self._facts = offered
        return self._facts


async def _answer(
    chat: ChatGateway, senders: SenderDirectory, body: RasaMessage, opening: _Opening
) -> list[dict[str, Any]]:
    current = await chat.run(lambda: senders.find(body.sender))
    replacing: SenderConversation | None = None
    for _ in range(MAX_NEW_CONVERSATIONS):
        if current is None or current == replacing:
            # Refused facts change nothing: they are checked before the sender is claimed.
            await opening.facts(chat)
            current = await chat.run(partial(senders.claim, body.sender, SenderConversation.new(), replacing=replacing))
        turns = await _deliver(chat, body, current, opening)
        if turns is not None:
            return [message for turn in turns for message in rasa_messages(body.sender, turn)]
        # The sender's conversation is closed: this message starts another one.
        replacing = current
    assert current is not None
    raise ConversationClosed(current.conversation_id)


async def _deliver(
    chat: ChatGateway, body: RasaMessage, current: SenderConversation, opening: _Opening
) -> list[Turn] | None:
    """The turns to show for ``body`` in the sender's conversation, opening it if nobody has yet; ``None`` if closed.

    Those are the turns pushed since the widget last posted (a person writing, say), then the new one.
    """
    try:
        conversation, turns = await chat.get(current.conversation_id, token=current.token)
    except UnknownConversation:
        # The entry was claimed by a message that has not opened its conversation yet (or the
        # conversation expired): open it here. Whichever message stores it first starts it, and
        # the others are applied to it as replies.
        try:
            started = await chat.start(
                offered=await opening.facts(chat),
                message=opening_message(body.message),
                policy=None,
                channel="rasa",
                conversation_id=current.conversation_id,
                token=current.token,
            )
            return [started.turn]
        except ConversationExists:
            conversation, turns = await chat.get(current.conversation_id, token=current.token)
    if conversation.closed:
        return None
    if body.message not in conversation.quick_replies and opening_message(body.message) is None:
        # No customer text (a widget's ``/get_started`` again, after a reload or from a second tab):
        # show where the conversation stands and change nothing.
        return unheard(turns) or turns[-1:]
    try:
        _, turn = await chat.reply(
            current.conversation_id, token=current.token, text_or_payload=body.message, channel="rasa"
        )
    except ConversationClosed:
        return None
    return [*await _missed(chat, current, conversation, turns, turn), turn]


async def _missed(
    chat: ChatGateway, current: SenderConversation, read: Conversation, turns: list[Turn], turn: Turn
) -> list[Turn]:
    if turn.number != read.version + 1:
        # Something was saved between reading the transcript and this turn: read it again.
        _, turns = await chat.get(current.conversation_id, token=current.token)
    return unheard(turns, before=turn.number)
