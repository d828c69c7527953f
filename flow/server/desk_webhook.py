"""Events for a company's own desk: a conversation handed over, taken over, written in, handed back.

Each event is POSTed as JSON to ``ServerSettings.desk_webhook_url``, signed so the desk can tell it
came from this server: ``X-Tactful-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of "<t>.<body>">``
with ``desk_webhook_secret``. A failed delivery (a network error or a status other than 2xx) is
retried with exponential backoff, a few times, in the background; the turn that caused it is never
held up.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
import time
from collections.abc import Sequence
from typing import Any, Literal

import httpx

from flow.models import Conversation, Handoff, Turn

EventName = Literal[
    "handoff",
    "handoff_withdrawn",
    "take_over",
    "customer_message",
    "person_message",
    "hand_back",
    "close",
    "callback",
]
RETRY_DELAYS: tuple[float, ...] = (1.0, 2.0, 4.0, 8.0, 16.0)
SIGNATURE_HEADER = "X-Tactful-Signature"
_LOG = logging.getLogger("tactful.desk_webhook")


def sign(secret: str, body: bytes, *, at: int) -> str:
    """The signature header value for ``body`` sent at unix time ``at``."""
    digest = hmac.new(secret.encode(), f"{at}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={at},v1={digest}"


def event_body(event: EventName, conversation: Conversation, turn: Turn) -> dict[str, Any]:
    """The JSON an event carries: what happened, the conversation, and the turn it came with."""
    handoff = next((a for a in turn.actions if isinstance(a, Handoff)), None)
    return {
        "event": event,
        "conversation_id": conversation.id,
        "state": conversation.state,
        "person": conversation.person or turn.person,
        "customer_name": conversation.facts.get("customer_name"),
        "summary": handoff.summary if handoff else None,
        "reason": conversation.escalation_reason,
        "turn": turn.model_dump(mode="json"),
    }


class DeskWebhook:
    """Sends desk events to one URL, each in its own background task with retries."""

    def __init__(
        self,
        url: str,
        *,
        secret: str | None,
        delays: Sequence[float] = RETRY_DELAYS,
        client: httpx.AsyncClient | None = None,
    ) -> None:
        self.url = url
        self._secret = secret
        self._delays = tuple(delays)
        self._client = client or httpx.AsyncClient(timeout=10.0)
        self._tasks: set[asyncio.Task[bool]] = set()

    def send(self, event: EventName, conversation: Conversation, turn: Turn) -> asyncio.Task[bool]:
        """Deliver an event in the background; the task ends ``True`` once the desk accepted it."""
        body = json.dumps(event_body(event, conversation, turn), separators=(",", ":")).encode()
        task = asyncio.create_task(self._deliver(body), name=f"desk-webhook-{event}")
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def _deliver(self, body: bytes) -> bool:
        for attempt in range(len(self._delays) + 1):
            headers = {"Content-Type": "application/json"}
            if self._secret is not None:
                headers[SIGNATURE_HEADER] = sign(self._secret, body, at=int(time.time()))
            try:
                response = await self._client.post(self.url, content=body, headers=headers)
                if response.is_success:
                    return True
                problem = f"status {response.status_code}"
            except httpx.HTTPError as e:
                problem = str(e) or type(e).__name__
            if attempt == len(self._delays):
                _LOG.warning("gave up on a desk event after %d attempts: %s", attempt + 1, problem)
                return False
            await asyncio.sleep(self._delays[attempt])
        return False  # pragma: no cover

    async def close(self) -> None:
        """Give pending deliveries a moment, then stop them and close the client."""
        if self._tasks:
            await asyncio.wait(set(self._tasks), timeout=2.0)
        for task in set(self._tasks):
            task.cancel()
        await self._client.aclose()
