"""``WS /v1/conversations/{id}/ws``: the same conversation API over one WebSocket.

The token comes as ``?token=`` or as the first frame ``{"token": "..."}``. The server then sends
``{"type": "ready", "conversation": {...}}`` with the transcript so far, and answers each
``{"text": ...}`` or ``{"quick_reply": ...}`` frame with ``{"type": "turn", "turn": {...}}``; a frame
may carry ``facts`` (only those the policy allows unsigned) and a ``facts_token``, as over HTTP. A frame
that cannot be applied gets ``{"type": "error", "error": {"code", "message"}}`` and the connection
stays open; a frame may carry an ``id``, echoed back as ``reply_to``. Turns the customer did not ask
for (a person from the team taking over, writing or handing back) arrive unasked as
``{"type": "pushed", "turn": {...}}``.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import math
from typing import Any

from anyio import fail_after
from fastapi import APIRouter, WebSocket, WebSocketDisconnect
from pydantic import ValidationError

from flow.errors import AccessDenied, StoreUnavailable, TactfulError, UnknownConversation
from flow.server.errors import INTERNAL_ERROR_MESSAGE, describe, validation_message
from flow.server.gateway import ChatGateway
from flow.server.limits import CLOSE_TRY_AGAIN_LATER, RateLimiter, client_key
from flow.server.live import LiveHub
from flow.server.routes_api import message_facts
from flow.server.schemas import ConversationOut, CustomerMessage, TurnOut
from flow.server.trust import FactsGate

router = APIRouter()

TOKEN_WAIT_SECONDS = 10.0
CLOSE_ACCESS_DENIED = 4403
CLOSE_UNKNOWN = 4404

log = logging.getLogger("tactful.server")


def _error(code: str, message: str, reply_to: Any = None) -> dict[str, Any]:
    frame: dict[str, Any] = {"type": "error", "error": {"code": code, "message": message}}
    if reply_to is not None:
        frame["reply_to"] = reply_to
    return frame


def _refusal(error: TactfulError, reply_to: Any = None) -> dict[str, Any]:
    """The error frame for a tactful error, with ``retry_after`` when waiting will help."""
    _, detail = describe(error)
    frame = _error(detail.code, detail.message, reply_to)
    if isinstance(error, StoreUnavailable):
        frame["retry_after"] = error.retry_after
    return frame


async def _read_token(websocket: WebSocket, conversation_id: str) -> str:
    token = websocket.query_params.get("token")
    if token:
        return token
    try:
        with fail_after(TOKEN_WAIT_SECONDS):
            first = await websocket.receive_text()
        found = json.loads(first).get("token")
    except (TimeoutError, ValueError, RecursionError, AttributeError, KeyError) as e:
        raise AccessDenied(conversation_id) from e
    if not isinstance(found, str) or not found:
        raise AccessDenied(conversation_id)
    return found


FRAME_EXAMPLE = '{"text": "hello"}'
MAX_ID_CHARS = 200


def _not_json(constant: str) -> None:
    raise ValueError(f"{constant} is not JSON")


def _frame_id(found: Any) -> str | int | float | None:
    """The frame's ``id``, which is echoed back: a string or a number that JSON can carry."""
    if found is None or isinstance(found, int) and not isinstance(found, bool):
        return found
    # 1e400 parses as infinity, which JSON cannot carry back.
    if isinstance(found, float) and math.isfinite(found):
        return found
    if isinstance(found, str) and len(found) <= MAX_ID_CHARS:
        return found
    raise ValueError(f"the frame's id must be a number or a string of at most {MAX_ID_CHARS} characters")


def _parse(raw: str, *, max_bytes: int) -> tuple[CustomerMessage, Any]:
    """The customer message in a frame and the frame's ``id``.

    Raises ``OverflowError`` for a frame past ``max_bytes``, pydantic's ``ValidationError`` for a
    message that breaks the schema and ``ValueError`` for a frame that is not a JSON object (NaN and
    Infinity are not JSON; nor is an object nested past the parser's depth).
    """
    if len(raw.encode("utf-8")) > max_bytes:
        raise OverflowError(f"the frame is larger than {max_bytes} bytes")
    try:
        data = json.loads(raw, parse_constant=_not_json)
    except RecursionError as e:
        raise ValueError(f"the frame is nested too deeply; send an object such as {FRAME_EXAMPLE}") from e
    except ValueError as e:
        raise ValueError(f"the frame is not JSON; send an object such as {FRAME_EXAMPLE}") from e
    if not isinstance(data, dict):
        raise ValueError(f"the frame is not a JSON object; send one such as {FRAME_EXAMPLE}")
    reply_to = _frame_id(data.pop("id", None))
    data.pop("token", None)
    return CustomerMessage.model_validate(data), reply_to


class ConversationSocket:
    """One open WebSocket bound to one conversation."""

    def __init__(self, websocket: WebSocket, conversation_id: str) -> None:
        self.websocket = websocket
        self.conversation_id = conversation_id
        state = websocket.app.state
        self.chat: ChatGateway = state.gateway
        self.gate: FactsGate = state.facts_gate
        self.limiter: RateLimiter = state.rate_limiter
        self.max_bytes: int = state.settings.max_body_bytes
        self.hub: LiveHub = state.live
        self.client = client_key(websocket.scope)
        self._sending = asyncio.Lock()

    async def send(self, frame: dict[str, Any]) -> None:
        """Send one frame; answers and pushed turns never interleave."""
        async with self._sending:
            await self.websocket.send_json(frame)

    async def forward(self, pushed: asyncio.Queue[Any]) -> None:
        """Send the turns pushed to this conversation as they come."""
        while True:
            turn = await pushed.get()
            await self.send({"type": "pushed", "turn": TurnOut.of(turn).model_dump(mode="json")})

    async def open(self) -> str | None:
        """Accept, check the token and send the transcript; the token, or ``None`` if refused."""
        await self.websocket.accept()
        try:
            token = await _read_token(self.websocket, self.conversation_id)
            conversation, turns = await self.chat.get(self.conversation_id, token=token)
        except (AccessDenied, UnknownConversation, StoreUnavailable) as e:
            await self.websocket.send_json(_refusal(e))
            if isinstance(e, StoreUnavailable):
                code = CLOSE_TRY_AGAIN_LATER
            else:
                code = CLOSE_UNKNOWN if isinstance(e, UnknownConversation) else CLOSE_ACCESS_DENIED
            await self.websocket.close(code=code)
            return None
        ready = ConversationOut.of(conversation, turns).model_dump(mode="json")
        await self.websocket.send_json({"type": "ready", "conversation": ready})
        return token

    async def answer(self, raw: str | None, token: str) -> dict[str, Any]:
        """The frame that answers one received frame."""
        if raw is None:
            return _error("invalid_message", "send text frames holding JSON, not binary frames")
        try:
            message, reply_to = _parse(raw, max_bytes=self.max_bytes)
        except OverflowError as e:
            return _error("too_large", str(e))
        except ValidationError as e:
            return _error("invalid_request", validation_message(list(e.errors())))
        except ValueError as e:
            return _error("invalid_request", str(e))
        wait = self.limiter.acquire(self.client)
        if wait is not None:
            frame = _error("rate_limited", f"too many messages; retry in {wait:.1f} s", reply_to)
            frame["retry_after"] = round(wait, 3)
            return frame
        try:
            _, turn = await self.chat.reply(
                self.conversation_id,
                token=token,
                text=message.text,
                quick_reply=message.quick_reply,
                message_id=message.message_id,
                offered=message_facts(self.gate, message),
                channel="websocket",
            )
        except TactfulError as e:
            return _refusal(e, reply_to)
        except Exception:
            log.exception("a WebSocket frame for conversation %s failed", self.conversation_id)
            return _error("internal_error", INTERNAL_ERROR_MESSAGE, reply_to)
        frame = {"type": "turn", "turn": TurnOut.of(turn).model_dump(mode="json")}
        if reply_to is not None:
            frame["reply_to"] = reply_to
        return frame

    async def serve(self) -> None:
        """Answer frames until the client goes away, sending pushed turns in between."""
        pushed, stop_listening = self.hub.listen(self.conversation_id)
        forwarding: asyncio.Task[None] | None = None
        try:
            token = await self.open()
            if token is None:
                return
            forwarding = asyncio.create_task(self.forward(pushed))
            while True:
                received = await self.websocket.receive()
                if received["type"] == "websocket.disconnect":
                    return
                await self.send(await self.answer(received.get("text"), token))
        except WebSocketDisconnect:
            return
        finally:
            stop_listening()
            if forwarding is not None:
                forwarding.cancel()
                with contextlib.suppress(asyncio.CancelledError, WebSocketDisconnect, RuntimeError):
                    await forwarding


@router.websocket("/v1/conversations/{conversation_id}/ws")
async def conversation_socket(websocket: WebSocket, conversation_id: str) -> None:
    """Talk in one conversation over a WebSocket (see the module docstring for the frames)."""
    await ConversationSocket(websocket, conversation_id).serve()
