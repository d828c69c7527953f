"""The one path every channel takes into the service: off the event loop, timed and counted."""

from __future__ import annotations

import time
from collections.abc import Sequence

from anyio import to_thread

from flow.models import Conversation, FactValue, Turn
from flow.server.errors import UnknownPolicy
from flow.server.metrics import Channel, ServerMetrics
from flow.service import ConversationService, Started


class ChatGateway:
    """Runs the blocking service calls in worker threads and records each turn's metrics."""

    def __init__(
        self, service: ConversationService, *, policies: Sequence[str], metrics: ServerMetrics
    ) -> None:
        self.service = service
        self.policies = list(policies)
        self.metrics = metrics

    async def start(
        self,
        *,
        facts: dict[str, FactValue],
        message: str | None,
        policy: str | None,
        channel: Channel,
    ) -> Started:
        """Open a conversation; raise ``UnknownPolicy`` for a policy this server does not serve."""
        if policy is not None and policy not in self.policies:
            raise UnknownPolicy(policy, self.policies)
        began = time.perf_counter()
        started = await to_thread.run_sync(
            lambda: self.service.start(facts=facts, message=message, policy=policy)
        )
        self.metrics.record(
            started.conversation, started.turn, seconds=time.perf_counter() - began, channel=channel
        )
        return started

    async def reply(
        self,
        conversation_id: str,
        *,
        token: str,
        text: str | None = None,
        quick_reply: str | None = None,
        channel: Channel,
    ) -> tuple[Conversation, Turn]:
        """Apply one customer message and return the saved conversation and its new turn."""
        began = time.perf_counter()
        conversation, turn = await to_thread.run_sync(
            lambda: self.service.reply(conversation_id, token=token, text=text, quick_reply=quick_reply)
        )
        self.metrics.record(conversation, turn, seconds=time.perf_counter() - began, channel=channel)
        return conversation, turn

    async def get(self, conversation_id: str, *, token: str) -> tuple[Conversation, list[Turn]]:
        """The conversation and its transcript."""
        return await to_thread.run_sync(lambda: self.service.get(conversation_id, token=token))
