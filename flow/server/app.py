"""``create_app``: the FastAPI application that serves conversations to chat widgets."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from flow.desk import open_desk
from flow.server.demo import DemoSigner
from flow.server.demo import router as demo_router
from flow.server.desk_webhook import DeskWebhook
from flow.server.errors import install_error_handlers
from flow.server.facts_tokens import FactsKey, FactsVerifier
from flow.server.gateway import ChatGateway
from flow.server.limits import (
    BodySizeLimitMiddleware,
    RateLimiter,
    RateLimitMiddleware,
    WebSocketLimitMiddleware,
)
from flow.server.live import LiveHub
from flow.server.metrics import ServerMetrics
from flow.server.openapi import document_token_scheme
from flow.server.people import People
from flow.server.routes_api import router as api_router
from flow.server.routes_people import router as people_router
from flow.server.routes_people_page import router as people_page_router
from flow.server.routes_rasa import router as rasa_router
from flow.server.routes_web import router as web_router
from flow.server.senders import SenderDirectory, open_sender_directory
from flow.server.sessions import open_session_directory
from flow.server.settings import ServerSettings
from flow.server.socketio_channel import SocketIOChannel, SocketIOMount, socketio_available
from flow.server.trust import FactsGate
from flow.server.websocket import router as websocket_router
from flow.service import ConversationService

_LOG = logging.getLogger("tactful.server")

DESCRIPTION = """\
Run polite refusal conversations from a chat widget.

Start a conversation with `POST /v1/conversations`, keep the returned `token`, and send each customer
message to `POST /v1/conversations/{id}/messages` with `Authorization: Bearer <token>` (or over the
WebSocket). Widgets written for Rasa can use `POST /webhooks/rest/webhook` unchanged.

Facts that decide a request come from the host: from its server with `Authorization: Bearer <api_key>`
on `POST /v1/conversations`, or signed into a `facts_token` (a JWT with an expiry, checked with the
server's facts key). A page may send unsigned only the facts the policy allows, such as
`customer_name`. Actions decided on what the customer only stated list those facts as `unverified`.

Every error is `{"error": {"code", "message"}}`, and a refused request changes nothing.

**People** (`/v1/agent/...`, with an agent key): list handed-over conversations, take one over, write
to the customer, hand back or close. Customers see a person's messages on every channel; on the
WebSocket they arrive as `{"type": "pushed", "turn": <TurnOut>}`.

**socket.io** (Rasa's protocol, for rasa-webchat): `/socket.io/`, when the `socketio` extra is installed.

**WebSocket** (not listed below, as OpenAPI cannot describe it): `/v1/conversations/{id}/ws`. Send
`{"token": "..."}` first (or put `?token=` in the URL); the server answers
`{"type": "ready", "conversation": <ConversationOut>}`. Then each `{"text": ...}` or
`{"quick_reply": ...}` frame (optionally with an `id` and a `message_id`) gets
`{"type": "turn", "reply_to": <id>, "turn": <TurnOut>}`, or
`{"type": "error", "reply_to": <id>, "error": {"code", "message"}}` with the connection kept open.
A wrong token closes the socket with code 4403, an unknown conversation with 4404; a client that
already holds its share of open WebSockets is closed with 1013 (try again later), and so is a socket
opened while the store is unavailable.
"""


def create_app(
    service: ConversationService,
    *,
    settings: ServerSettings,
    senders: SenderDirectory | None = None,
    on_shutdown: Sequence[Callable[[], None]] = (),
) -> FastAPI:
    """An app serving ``service``.

    ``senders`` defaults to a Rasa sender table beside the store; ``on_shutdown`` callables run when
    the app stops (after the sender table is closed).
    """
    timeout = settings.store_timeout_seconds
    directory = senders if senders is not None else open_sender_directory(settings.store_url, timeout=timeout)
    if service.desk is None:
        service.desk = open_desk(settings.store_url, timeout=timeout)
    desk = service.desk
    live = LiveHub(settings.shared_pubsub_url)
    webhook = None
    if settings.desk_webhook_url is not None:
        secret = settings.desk_webhook_secret.get_secret_value() if settings.desk_webhook_secret else None
        webhook = DeskWebhook(settings.desk_webhook_url, secret=secret)
    metrics = ServerMetrics()
    chat = ChatGateway(
        service,
        metrics=metrics,
        threads=settings.service_threads,
        wait_seconds=timeout,
        pushers=[live],
        webhook=webhook,
    )
    per_second, burst = settings.worker_rate_limit
    limiter = RateLimiter(per_second=per_second, burst=burst)
    keys = [FactsKey.parse(settings.facts_key.get_secret_value())] if settings.facts_key is not None else []
    demo = DemoSigner.for_policy(service.engines[service.default_policy].policy) if settings.demo else None
    if demo is not None:
        keys.append(demo.key)
    gate = FactsGate(api_key=settings.api_key, verifier=FactsVerifier(keys))
    sessions = open_session_directory(settings.store_url, timeout=timeout) if socketio_available() else None
    channel = None
    if sessions is not None:
        channel = SocketIOChannel(chat, settings=settings, sessions=sessions, limiter=limiter, gate=gate)
        chat.pushers.append(channel)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await live.start()
        watching = asyncio.create_task(_offer_callbacks(chat, every=settings.wait_check_seconds))
        yield
        watching.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await watching
        await live.stop()
        if webhook is not None:
            await webhook.close()
        chat.close()
        directory.close()
        desk.close()
        if sessions is not None:
            sessions.close()
        for release in on_shutdown:
            release()

    app = FastAPI(
        title="tactful",
        version="1",
        description=DESCRIPTION,
        lifespan=lifespan,
        openapi_tags=[
            {"name": "conversations", "description": "Start conversations and exchange messages."},
            {"name": "rasa", "description": "The Rasa REST channel, for widgets written for Rasa."},
            {"name": "web", "description": "The embeddable widget and its demo page."},
            {"name": "operations", "description": "Health and metrics."},
            {"name": "people", "description": "For the people who take over handed-over conversations."},
        ],
    )
    app.state.settings = settings
    app.state.metrics = metrics
    app.state.senders = directory
    app.state.gateway = chat
    app.state.rate_limiter = limiter
    app.state.live = live
    app.state.people = People(settings.agent_keys)
    app.state.socketio = channel
    app.state.facts_gate = gate
    app.state.demo = demo

    install_error_handlers(app)
    app.include_router(api_router)
    app.include_router(websocket_router)
    app.include_router(rasa_router)
    app.include_router(web_router)
    app.include_router(people_router)
    app.include_router(people_page_router)
    if demo is not None:
        app.include_router(demo_router)

    # Added innermost first: CORS must wrap the limits so that 413 and 429 carry CORS headers too,
    # and the client a trusted proxy names must be known before any limit counts it.
    # A layer with nothing to do is left out, as each one costs every request a little.
    app.add_middleware(WebSocketLimitMiddleware, max_per_client=settings.max_websockets_per_client)
    if settings.rate_limited:
        app.add_middleware(RateLimitMiddleware, limiter=app.state.rate_limiter)
    app.add_middleware(BodySizeLimitMiddleware, max_bytes=settings.max_body_bytes)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST", "OPTIONS"],
            allow_headers=["Authorization", "Content-Type"],
            expose_headers=["Retry-After"],
            max_age=600,
        )
    # socket.io answers cross-origin requests itself (by --cors-origin too), so it sits outside CORS,
    # and inside the proxy headers so that it rate-limits the client the proxy names.
    if channel is not None:
        app.add_middleware(SocketIOMount, channel=channel)
    if settings.trusted_proxies:
        app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=list(settings.trusted_proxies))
    document_token_scheme(app)
    return app


async def _offer_callbacks(chat: ChatGateway, *, every: float) -> None:
    """Offer a callback wherever nobody took over within the policy's wait, every ``every`` seconds."""
    while True:
        await asyncio.sleep(every)
        try:
            await chat.offer_callbacks()
        except Exception:  # a store hiccup must not stop the watch; the next round tries again
            _LOG.exception("could not check the conversations waiting for a person")
