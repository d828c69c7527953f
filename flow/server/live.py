"""Turns the customer did not ask for (a person's messages, a take-over, a hand-back) pushed to open connections.

Each server keeps, per conversation, the queues of its own open WebSocket connections. A pushed turn
goes to every server: through Redis pub/sub when servers share one (``ServerSettings.pubsub_url``,
or the Redis store), else straight to this process's queues.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Callable
from typing import Any, Protocol

from flow.models import Turn

CHANNEL = "tactful:live"
_LOG = logging.getLogger("tactful.live")


class Pusher(Protocol):
    """A channel that pushes a turn to the customer's open connections."""

    async def push(self, conversation_id: str, turn: Turn) -> None:
        """Deliver ``turn`` to whoever is connected to the conversation now."""
        ...


class LiveHub:
    """Per-conversation queues of the WebSocket connections open on this server, fed from every server."""

    def __init__(self, redis_url: str | None = None) -> None:
        self.redis_url = redis_url
        self._queues: dict[str, set[asyncio.Queue[Turn]]] = {}
        self._redis: Any = None
        self._reader: asyncio.Task[None] | None = None

    async def start(self) -> None:
        """Subscribe to the shared channel (when there is one)."""
        if self.redis_url is None:
            return
        import redis.asyncio as redis

        self._redis = redis.Redis.from_url(self.redis_url)
        pubsub = self._redis.pubsub(ignore_subscribe_messages=True)
        await pubsub.subscribe(CHANNEL)
        self._reader = asyncio.create_task(self._read(pubsub), name="tactful-live")

    async def stop(self) -> None:
        """Unsubscribe and close the connection."""
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._reader
        if self._redis is not None:
            await self._redis.aclose()

    def listen(self, conversation_id: str) -> tuple[asyncio.Queue[Turn], Callable[[], None]]:
        """A queue that receives the turns pushed to ``conversation_id``, and the call that stops it."""
        queue: asyncio.Queue[Turn] = asyncio.Queue()
        self._queues.setdefault(conversation_id, set()).add(queue)

        def stop() -> None:
            listeners = self._queues.get(conversation_id)
            if listeners is not None:
                listeners.discard(queue)
                if not listeners:
                    del self._queues[conversation_id]

        return queue, stop

    async def push(self, conversation_id: str, turn: Turn) -> None:
        """Deliver ``turn`` to the conversation's connections on every server."""
        if self._redis is None:
            self._deliver(conversation_id, turn)
            return
        message = json.dumps({"conversation_id": conversation_id, "turn": turn.model_dump(mode="json")})
        await self._redis.publish(CHANNEL, message)

    def _deliver(self, conversation_id: str, turn: Turn) -> None:
        for queue in self._queues.get(conversation_id, ()):
            queue.put_nowait(turn)

    async def _read(self, pubsub: Any) -> None:
        while True:
            try:
                message = await pubsub.get_message(timeout=None)
                if message is None:
                    continue
                data = json.loads(message["data"])
                self._deliver(data["conversation_id"], Turn.model_validate(data["turn"]))
            except asyncio.CancelledError:
                await pubsub.aclose()
                raise
            except Exception:  # a bad message or a dropped connection must not end live delivery
                _LOG.exception("could not read a pushed turn; retrying")
                await asyncio.sleep(1.0)
