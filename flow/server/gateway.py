"""The one path every channel takes into the service: timed, counted, on the event loop or in threads."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from anyio import CapacityLimiter, to_thread

from flow.models import Conversation, Turn
from flow.server.metrics import Channel, ServerMetrics
from flow.server.trust import OfferedFacts
from flow.service import ConversationService, Started

T = TypeVar("T")


class ChatGateway:
    """Runs the service calls and records each turn's metrics.

    With ``threads=0`` a call runs on the event loop: a turn is a fraction of a millisecond of
    Python, and handing it to a worker thread costs more than that in interpreter-lock handovers
    and thread switches. With ``threads=N`` at most N calls run at once in worker threads and the
    rest wait in line, for stores whose calls may block for long (a distant Redis, a SQLite file
    shared by many processes).
    """

    def __init__(self, service: ConversationService, *, metrics: ServerMetrics, threads: int = 0) -> None:
        self.service = service
        self.metrics = metrics
        self._threads = threads
        self._limiter: CapacityLimiter | None = None

    @property
    def limiter(self) -> CapacityLimiter:
        """The line threaded calls wait in; made on first use, inside the event loop."""
        if self._limiter is None:
            self._limiter = CapacityLimiter(max(1, self._threads))
        return self._limiter

    @property
    def policies(self) -> list[str]:
        """Names of the policies served, the default first."""
        default = self.service.default_policy
        return [default, *sorted(name for name in self.service.engines if name != default)]

    async def run(self, call: Callable[[], T]) -> T:
        """``call()``, on the event loop or in a worker thread as configured."""
        if not self._threads:
            return call()
        return await to_thread.run_sync(call, limiter=self.limiter)

    async def start(
        self,
        *,
        offered: OfferedFacts,
        message: str | None,
        policy: str | None,
        channel: Channel,
    ) -> Started:
        """Open a conversation under ``policy``, or the default policy when ``None``, with the facts offered."""
        began = time.perf_counter()
        started = await self.run(
            lambda: self.service.start(
                facts=offered.host,
                unsigned_facts=offered.unsigned,
                signed_for=offered.signed_for,
                message=message,
                policy=policy,
            )
        )
        self.metrics.record(started.conversation, started.turn, seconds=time.perf_counter() - began, channel=channel)
        return started

    async def reply(
        self,
        conversation_id: str,
        *,
        token: str,
        text: str | None = None,
        quick_reply: str | None = None,
        message_id: str | None = None,
        offered: OfferedFacts | None = None,
        channel: Channel,
    ) -> tuple[Conversation, Turn]:
        """Apply one customer message, with any facts it carries, and return the saved conversation and its new turn.

        A ``message_id`` sent before returns the turn it produced then, without applying it again.
        """
        facts = offered or OfferedFacts()
        began = time.perf_counter()
        conversation, turn = await self.run(
            lambda: self.service.reply(
                conversation_id,
                token=token,
                text=text,
                quick_reply=quick_reply,
                message_id=message_id,
                facts=facts.host,
                unsigned_facts=facts.unsigned,
                signed_for=facts.signed_for,
            )
        )
        self.metrics.record(conversation, turn, seconds=time.perf_counter() - began, channel=channel)
        return conversation, turn

    async def get(self, conversation_id: str, *, token: str) -> tuple[Conversation, list[Turn]]:
        """The conversation and its transcript."""
        return await self.run(lambda: self.service.get(conversation_id, token=token))
