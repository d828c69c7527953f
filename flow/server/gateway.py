"""The one path every channel takes into the service: off the event loop, timed and counted."""

from __future__ import annotations

import time

from anyio import CapacityLimiter, to_thread

from flow.models import Conversation, FactValue, Turn
from flow.server.metrics import Channel, ServerMetrics
from flow.service import ConversationService, Started


class ChatGateway:
    """Runs the blocking service calls in worker threads and records each turn's metrics.

    At most ``threads`` calls run at once and the rest wait in line: fewer threads contending for
    the interpreter and the store keep the slowest turns far faster under load.
    """

    def __init__(self, service: ConversationService, *, metrics: ServerMetrics, threads: int = 4) -> None:
        self.service = service
        self.metrics = metrics
        self._threads = threads
        self._limiter: CapacityLimiter | None = None

    @property
    def limiter(self) -> CapacityLimiter:
        """The line service calls wait in; made on first use, inside the event loop."""
        if self._limiter is None:
            self._limiter = CapacityLimiter(self._threads)
        return self._limiter

    @property
    def policies(self) -> list[str]:
        """Names of the policies served, the default first."""
        default = self.service.default_policy
        return [default, *sorted(name for name in self.service.engines if name != default)]

    async def start(
        self,
        *,
        facts: dict[str, FactValue],
        message: str | None,
        policy: str | None,
        channel: Channel,
    ) -> Started:
        """Open a conversation under ``policy``, or the default policy when ``None``."""
        began = time.perf_counter()
        started = await to_thread.run_sync(
            lambda: self.service.start(facts=facts, message=message, policy=policy), limiter=self.limiter
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
        channel: Channel,
    ) -> tuple[Conversation, Turn]:
        """Apply one customer message and return the saved conversation and its new turn.

        A ``message_id`` sent before returns the turn it produced then, without applying it again.
        """
        began = time.perf_counter()
        conversation, turn = await to_thread.run_sync(
            lambda: self.service.reply(
                conversation_id, token=token, text=text, quick_reply=quick_reply, message_id=message_id
            ),
            limiter=self.limiter,
        )
        self.metrics.record(conversation, turn, seconds=time.perf_counter() - began, channel=channel)
        return conversation, turn

    async def get(self, conversation_id: str, *, token: str) -> tuple[Conversation, list[Turn]]:
        """The conversation and its transcript."""
        return await to_thread.run_sync(lambda: self.service.get(conversation_id, token=token), limiter=self.limiter)
