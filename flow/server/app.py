"""``create_app``: the FastAPI application that serves conversations to chat widgets."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from flow.server.demo import DemoSigner
from flow.server.demo import router as demo_router
from flow.server.errors import install_error_handlers
from flow.server.facts_tokens import FactsKey, FactsVerifier
from flow.server.gateway import ChatGateway
from flow.server.limits import (
    BodySizeLimitMiddleware,
    RateLimiter,
    RateLimitMiddleware,
    WebSocketLimitMiddleware,
)
from flow.server.metrics import ServerMetrics
from flow.server.openapi import document_token_scheme
from flow.server.routes_api import router as api_router
from flow.server.routes_rasa import router as rasa_router
from flow.server.routes_web import router as web_router
from flow.server.senders import SenderDirectory, open_sender_directory
from flow.server.settings import ServerSettings
from flow.server.trust import FactsGate
from flow.server.websocket import router as websocket_router
from flow.service import ConversationService

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
    directory = (
        senders
        if senders is not None
        else open_sender_directory(settings.store_url, timeout=settings.store_timeout_seconds)
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        app.state.gateway.close()
        directory.close()
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
        ],
    )
    metrics = ServerMetrics()
    app.state.settings = settings
    app.state.metrics = metrics
    app.state.senders = directory
    app.state.gateway = ChatGateway(
        service, metrics=metrics, threads=settings.service_threads, wait_seconds=settings.store_timeout_seconds
    )
    app.state.rate_limiter = RateLimiter(per_second=settings.rate_limit_per_second, burst=settings.rate_limit_burst)
    keys = [FactsKey.parse(settings.facts_key.get_secret_value())] if settings.facts_key is not None else []
    demo = DemoSigner.for_policy(service.engines[service.default_policy].policy) if settings.demo else None
    if demo is not None:
        keys.append(demo.key)
    app.state.facts_gate = FactsGate(api_key=settings.api_key, verifier=FactsVerifier(keys))
    app.state.demo = demo

    install_error_handlers(app)
    app.include_router(api_router)
    app.include_router(websocket_router)
    app.include_router(rasa_router)
    app.include_router(web_router)
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
    if settings.trusted_proxies:
        app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=list(settings.trusted_proxies))
    document_token_scheme(app)
    return app
