"""Rasa's socket.io channel at ``/socket.io/``, so widgets written for it (rasa-webchat) work unchanged.

As Rasa speaks it: the client emits ``session_request`` with the ``session_id`` it kept, and the
server answers ``session_confirm`` with the id to use; each ``user_uttered`` ``{message, session_id,
customData}`` gets one ``bot_uttered`` per paragraph, the last with ``quick_replies: [{content_type:
"text", title, payload}]``; a payload sent back as the next message chooses that quick reply.
Unlike Rasa's channel:

- only ids this server issued resume a conversation: any other id starts a new one, under a new id;
- ``customData`` is read on every message, as the Rasa REST channel reads ``metadata``: its ``facts``
  (only those the policy allows unsigned) and its ``facts_token`` (signed by the host with the facts
  key; once it expires, later messages carry no signed facts rather than being refused);
- text is escaped for Markdown and HTML, because rasa-webchat renders both;
- several servers share the channel through Redis (python-socketio's Redis manager), so a person's
  message written on one server reaches a customer connected to another;
- a message that cannot be applied gets a ``tactful_error`` event ``{code, message}``, and nothing changes.
"""

from __future__ import annotations

import secrets
from collections.abc import MutableMapping
from typing import Any

from starlette.types import ASGIApp, Receive, Scope, Send

from flow.errors import ConversationClosed, TactfulError, UnknownConversation
from flow.models import Turn
from flow.server.client_facts import client_facts
from flow.server.errors import describe
from flow.server.escaping import for_markdown
from flow.server.gateway import ChatGateway
from flow.server.limits import RateLimiter, client_key
from flow.server.routes_rasa import opening_message
from flow.server.senders import SenderConversation
from flow.server.sessions import SessionDirectory
from flow.server.settings import ServerSettings
from flow.server.trust import FactsGate

PATH = "/socket.io/"
MAX_SESSION_ID_CHARS = 200


def socketio_available() -> bool:
    """Whether the ``socketio`` extra is installed."""
    try:
        import socketio  # noqa: F401
    except ImportError:
        return False
    return True


def bot_messages(turn: Turn) -> list[dict[str, Any]]:
    """A turn as Rasa's socket.io channel sends it: one ``bot_uttered`` per paragraph, quick replies last.

    A person's message comes with their name in front, as the widget cannot show who wrote it otherwise.
    """
    paragraphs = [f"{turn.person}: {p}" if turn.person else p for p in turn.messages]
    messages: list[dict[str, Any]] = [{"text": for_markdown(p)} for p in paragraphs]
    if turn.quick_replies:
        if not messages:
            messages.append({"text": ""})
        messages[-1]["quick_replies"] = [
            {"content_type": "text", "title": q.title, "payload": q.payload} for q in turn.quick_replies
        ]
    return messages


def _allowed_origins(settings: ServerSettings) -> str | list[str] | None:
    origins = list(settings.cors_origins)
    if "*" in origins:
        return "*"
    # None is the same origin only, as for every other route without --cors-origin.
    return origins or None


class SocketIOChannel:
    """The socket.io server and its handlers; also pushes turns to a conversation's connected clients."""

    def __init__(
        self,
        chat: ChatGateway,
        *,
        settings: ServerSettings,
        sessions: SessionDirectory,
        limiter: RateLimiter,
        gate: FactsGate,
    ) -> None:
        import socketio

        redis_url = settings.shared_pubsub_url
        manager = socketio.AsyncRedisManager(redis_url, channel="tactful-socketio") if redis_url else None
        self.server = socketio.AsyncServer(
            async_mode="asgi",
            client_manager=manager,
            cors_allowed_origins=_allowed_origins(settings),
            max_http_buffer_size=max(settings.max_body_bytes, 16_384),
            logger=False,
            engineio_logger=False,
        )
        self.chat = chat
        self.sessions = sessions
        self.limiter = limiter
        self.gate = gate
        self.server.on("connect", self._connect)
        self.server.on("session_request", self._session_request)
        self.server.on("user_uttered", self._user_uttered)

    async def push(self, conversation_id: str, turn: Turn) -> None:
        """Send a turn the customer did not ask for to the conversation's clients, on every server."""
        for message in bot_messages(turn):
            await self.server.emit("bot_uttered", message, room=conversation_id)

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Serve one socket.io (Engine.IO) HTTP or WebSocket request."""
        await self.server.handle_request(scope, receive, send)

    async def _connect(self, sid: str, environ: dict[str, Any], auth: object = None) -> None:
        scope = environ.get("asgi.scope", {})
        await self.server.save_session(sid, {"client": client_key(scope)})

    async def _session_request(self, sid: str, data: object) -> None:
        requested = data.get("session_id") if isinstance(data, dict) else None
        found = None
        if isinstance(requested, str) and 0 < len(requested) <= MAX_SESSION_ID_CHARS:
            found = await self.chat.run(lambda: self.sessions.find(requested))
        session_id = requested if found is not None and isinstance(requested, str) else secrets.token_urlsafe(24)
        async with self.server.session(sid) as session:
            session["session_id"] = session_id
            session["conversation"] = found
        if found is not None:
            await self.server.enter_room(sid, found.conversation_id)
        # Rasa sends the bare id; widgets written for it read either form.
        await self.server.emit("session_confirm", session_id, to=sid)

    async def _user_uttered(self, sid: str, data: object) -> None:
        session = await self.server.get_session(sid)
        problem = _problem(data, session)
        if problem is not None:
            await self._error(sid, "invalid_message", problem)
            return
        assert isinstance(data, dict)
        wait = self.limiter.acquire(session.get("client", "unknown"))
        if wait is not None:
            await self._error(sid, "rate_limited", f"too many messages; retry in {wait:.1f} s")
            return
        try:
            turn = await self._answer(sid, session, data["message"], data.get("customData"))
        except TactfulError as e:
            _, detail = describe(e)
            await self._error(sid, detail.code, detail.message)
            return
        for message in bot_messages(turn):
            await self.server.emit("bot_uttered", message, to=sid)

    async def _answer(self, sid: str, session: MutableMapping[str, Any], message: str, custom: object) -> Turn:
        current: SenderConversation | None = session.get("conversation")
        if current is not None:
            try:
                _, turn = await self.chat.reply(
                    current.conversation_id,
                    token=current.token,
                    text_or_payload=message,
                    offered=client_facts(custom, self.gate, later=True),
                    channel="socketio",
                )
                return turn
            except (ConversationClosed, UnknownConversation):
                await self.server.leave_room(sid, current.conversation_id)
        started = await self.chat.start(
            offered=client_facts(custom, self.gate), message=opening_message(message), policy=None, channel="socketio"
        )
        current = SenderConversation(started.conversation.id, started.token)
        session_id: str = session["session_id"]
        await self.chat.run(lambda: self.sessions.remember(session_id, current))
        async with self.server.session(sid) as kept:
            kept["conversation"] = current
        await self.server.enter_room(sid, current.conversation_id)
        return started.turn

    async def _error(self, sid: str, code: str, message: str) -> None:
        await self.server.emit("tactful_error", {"code": code, "message": message}, to=sid)


def _problem(data: object, session: MutableMapping[str, Any]) -> str | None:
    if "session_id" not in session:
        return "send session_request first, and wait for session_confirm"
    if not isinstance(data, dict):
        return 'user_uttered takes an object such as {"message": "hello", "session_id": "..."}'
    if not isinstance(data.get("message"), str):
        return "user_uttered needs a message: the text the customer typed, or a quick reply's payload"
    return None


class SocketIOMount:
    """Hands ``/socket.io/`` to the socket.io server before the app's own middleware (which has its own CORS)."""

    def __init__(self, app: ASGIApp, *, channel: SocketIOChannel) -> None:
        self.app = app
        self.channel = channel

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket") and (scope["path"] + "/").startswith(PATH):
            await self.channel.handle(scope, receive, send)
            return
        await self.app(scope, receive, send)
