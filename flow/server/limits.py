"""Request limits: a body-size cap (413), a per-client token-bucket rate limit (429) and a per-client
cap on open WebSockets (close code 1013)."""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from starlette.websockets import WebSocket

from flow.server.errors import error_response

RATE_LIMITED_PATHS = ("/v1/", "/webhooks/")


@dataclass
class _Bucket:
    tokens: float
    updated: float


class RateLimiter:
    """A token bucket per client: ``burst`` requests at once, refilled at ``per_second``.

    Buckets live in this process; the least recently seen clients are forgotten past ``max_clients``.
    """

    def __init__(
        self,
        *,
        per_second: float,
        burst: int,
        max_clients: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.per_second = per_second
        self.burst = burst
        self.max_clients = max_clients
        self._clock = clock
        self._buckets: OrderedDict[str, _Bucket] = OrderedDict()
        self._lock = threading.Lock()

    def acquire(self, client: str) -> float | None:
        """Take one token for ``client``: ``None`` when allowed, else the seconds until one is free."""
        if self.per_second <= 0:
            return None
        now = self._clock()
        with self._lock:
            bucket = self._buckets.pop(client, None) or _Bucket(tokens=float(self.burst), updated=now)
            bucket.tokens = min(float(self.burst), bucket.tokens + (now - bucket.updated) * self.per_second)
            bucket.updated = now
            self._buckets[client] = bucket
            if len(self._buckets) > self.max_clients:
                self._buckets.popitem(last=False)
            if bucket.tokens >= 1.0:
                bucket.tokens -= 1.0
                return None
            return (1.0 - bucket.tokens) / self.per_second


def client_key(scope: Scope) -> str:
    """Who is asking, for the limits: the peer address, or the client a trusted proxy names."""
    client = scope.get("client")
    return str(client[0]) if client else "unknown"


def retry_after_header(seconds: float) -> dict[str, str]:
    """A ``Retry-After`` header in whole seconds, never zero."""
    return {"Retry-After": str(max(1, math.ceil(seconds)))}


class RateLimitMiddleware:
    """Answer 429 with ``Retry-After`` to a client that has used up its bucket on the chat endpoints."""

    def __init__(self, app: ASGIApp, *, limiter: RateLimiter) -> None:
        self.app = app
        self.limiter = limiter

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] != "OPTIONS" and scope["path"].startswith(RATE_LIMITED_PATHS):
            wait = self.limiter.acquire(client_key(scope))
            if wait is not None:
                response = error_response(
                    429,
                    "rate_limited",
                    f"too many requests from this client; retry in {max(1, math.ceil(wait))} s",
                    headers=retry_after_header(wait),
                )
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


class BodyTooLarge(HTTPException):
    """A request body past the limit; the API's error handler turns it into a JSON 413."""

    def __init__(self, max_bytes: int) -> None:
        super().__init__(status_code=413, detail=f"the request body is larger than {max_bytes} bytes")


def declared_length(scope: Scope) -> int | None:
    """The request's ``Content-Length``, or ``None`` when it has none (a chunked body) or a bad one."""
    for name, value in scope["headers"]:
        if name == b"content-length":
            return int(value) if value.isdigit() else None
    return None


class BodySizeLimitMiddleware:
    """Refuse with 413 a request whose body is larger than ``max_bytes``, before the body is used.

    A declared ``Content-Length`` is checked once and the server reads no more than it declares; a
    body sent without one (chunked) is counted as it arrives.
    """

    def __init__(self, app: ASGIApp, *, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = declared_length(scope)
        if declared is not None:
            if declared > self.max_bytes:
                too_large = BodyTooLarge(self.max_bytes)
                await error_response(413, "too_large", str(too_large.detail))(scope, receive, send)
                return
            await self.app(scope, receive, send)
            return

        received = 0

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge(self.max_bytes)
            return message

        await self.app(scope, counted_receive, send)


CLOSE_TRY_AGAIN_LATER = 1013


class WebSocketLimitMiddleware:
    """Let each client hold at most ``max_per_client`` WebSockets at once.

    One more is accepted only to be closed at once with code 1013 ("try again later") and a reason,
    so the client learns why rather than seeing a failed handshake.
    """

    def __init__(self, app: ASGIApp, *, max_per_client: int) -> None:
        self.app = app
        self.max_per_client = max_per_client
        self._open: dict[str, int] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "websocket":
            await self.app(scope, receive, send)
            return
        client = client_key(scope)
        held = self._open.get(client, 0)
        if held >= self.max_per_client:
            refused = WebSocket(scope, receive, send)
            await refused.accept()
            await refused.close(
                code=CLOSE_TRY_AGAIN_LATER,
                reason=f"this client already has {self.max_per_client} WebSockets open; close one and retry",
            )
            return
        self._open[client] = held + 1
        try:
            await self.app(scope, receive, send)
        finally:
            remaining = self._open[client] - 1
            if remaining:
                self._open[client] = remaining
            else:
                del self._open[client]
