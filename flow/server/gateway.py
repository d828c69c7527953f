"""The one path every channel takes into the service: timed, counted, and never waiting on a store on the loop."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from flow.errors import StoreBusy, StoreUnavailable
from flow.models import Conversation, Handoff, Turn, WithdrawHandoff
from flow.server.desk_webhook import DeskWebhook, EventName
from flow.server.live import Pusher
from flow.server.metrics import Channel, ServerMetrics
from flow.server.trust import OfferedFacts
from flow.service import ConversationService, Started
from flow.stores.waiting import without_waiting

T = TypeVar("T")

THREADS_AFTER_BUSY_SECONDS = 1.0
"""After a store refused to wait, how long turns go straight to threads: another writer (a second worker
process on the same SQLite file) is likely to hold the lock again, and each refusal costs a turn run twice."""


class ChatGateway:
    """Runs the service calls and records each turn's metrics.

    A call on a store that never blocks (the memory store) runs on the event loop: a turn is a
    fraction of a millisecond of Python, less than a hand-over to a thread costs. A call on a store
    that may wait on I/O (SQLite's write lock, Redis over the network) runs in one of ``threads``
    worker threads, so the loop keeps serving everyone else meanwhile. A call that finds every
    thread busy for ``wait_seconds`` (the store timeout: they are all waiting on a store that does
    not answer) raises ``StoreUnavailable`` instead of joining an ever longer line.

    A store that can refuse to wait (``tries_without_waiting``, SQLite) gets each turn on the loop
    first, inside :func:`~flow.stores.waiting.without_waiting`; only a turn it refuses with
    ``StoreBusy`` (another writer holds the lock; nothing was changed) is made again in a thread,
    and so is every turn for :data:`THREADS_AFTER_BUSY_SECONDS` after it.
    """

    def __init__(
        self,
        service: ConversationService,
        *,
        metrics: ServerMetrics,
        threads: int = 4,
        wait_seconds: float = 5.0,
        pushers: Sequence[Pusher] = (),
        webhook: DeskWebhook | None = None,
    ) -> None:
        self.service = service
        self.metrics = metrics
        self.pushers = list(pushers)
        self.webhook = webhook
        self.threads = threads
        self.wait_seconds = wait_seconds
        self.blocking: bool = getattr(service.store, "blocking", True)
        self.tries_on_loop: bool = self.blocking and bool(getattr(service.store, "tries_without_waiting", False))
        self._busy_at = -THREADS_AFTER_BUSY_SECONDS
        # A pool of its own keeps the same few threads (and so the same SQLite connections) for the
        # app's life, and hands a call over for less than anyio's worker threads.
        self._executor = ThreadPoolExecutor(threads, thread_name_prefix="tactful-store") if self.blocking else None
        self._admission: asyncio.Semaphore | None = None

    @property
    def policies(self) -> list[str]:
        """Names of the policies served, the default first."""
        default = self.service.default_policy
        return [default, *sorted(name for name in self.service.engines if name != default)]

    async def run(self, call: Callable[[], T]) -> T:
        """``call()``: on the event loop for a store that never blocks, else in a worker thread."""
        if self._executor is None:
            return call()
        if self._admission is None:
            self._admission = asyncio.Semaphore(self.threads)
        admission = self._admission
        if admission.locked():
            try:
                async with asyncio.timeout(self.wait_seconds):
                    await admission.acquire()
            except TimeoutError:
                raise StoreUnavailable(
                    "store",
                    f"no thread for store calls came free within {self.wait_seconds:g} s "
                    f"(there are {self.threads}, all waiting on the store)",
                ) from None
        else:
            await admission.acquire()
        running = asyncio.get_running_loop().run_in_executor(self._executor, call)
        # The thread is freed when the call returns, even if the request awaiting it was cancelled.
        running.add_done_callback(lambda _: admission.release())
        return await running

    def close(self) -> None:
        """Wait for the calls still running in threads (each ends within the store timeout)."""
        if self._executor is not None:
            self._executor.shutdown(wait=True)

    async def run_on_loop_first(self, call: Callable[[], T]) -> T:
        """``call()`` on the loop without waiting, when the store allows it; in a thread if it would wait.

        Only for calls that touch nothing but the store and, through the service, the desk: other
        tables beside the store (the channels' directories) do not refuse to wait.
        """
        if self.tries_on_loop and time.monotonic() - self._busy_at >= THREADS_AFTER_BUSY_SECONDS:
            try:
                with without_waiting():
                    return call()
            except StoreBusy:
                self._busy_at = time.monotonic()
        return await self.run(call)

    async def ping(self) -> None:
        """Check that the store can take a write now; ``StoreUnavailable`` when it cannot."""
        await self.run_on_loop_first(self.service.store.ping)

    async def start(
        self,
        *,
        offered: OfferedFacts,
        message: str | None,
        policy: str | None,
        channel: Channel,
        conversation_id: str | None = None,
        token: str | None = None,
    ) -> Started:
        """Open a conversation under ``policy``, or the default policy when ``None``, with the facts offered.

        ``conversation_id`` and ``token``, when given, are the ones a channel already promised the customer.
        """
        began = time.perf_counter()
        started = await self.run_on_loop_first(
            lambda: self.service.start(
                facts=offered.host,
                unsigned_facts=offered.unsigned,
                signed_for=offered.signed_for,
                message=message,
                policy=policy,
                conversation_id=conversation_id,
                token=token,
            )
        )
        self.metrics.record(started.conversation, started.turn, seconds=time.perf_counter() - began, channel=channel)
        self._customer_events(started.conversation, started.turn)
        return started

    async def reply(
        self,
        conversation_id: str,
        *,
        token: str,
        text: str | None = None,
        quick_reply: str | None = None,
        text_or_payload: str | None = None,
        message_id: str | None = None,
        offered: OfferedFacts | None = None,
        channel: Channel,
    ) -> tuple[Conversation, Turn]:
        """Apply one customer message, with any facts it carries, and return the saved conversation and its new turn.

        A ``message_id`` sent before returns the turn it produced then, without applying it again.
        ``text_or_payload`` is a quick reply when the conversation offers it, else text (widgets
        written for Rasa send both the same way).
        """
        facts = offered or OfferedFacts()
        began = time.perf_counter()
        conversation, turn = await self.run_on_loop_first(
            lambda: self.service.reply(
                conversation_id,
                token=token,
                text=text,
                quick_reply=quick_reply,
                text_or_payload=text_or_payload,
                message_id=message_id,
                facts=facts.host,
                unsigned_facts=facts.unsigned,
                signed_for=facts.signed_for,
            )
        )
        self.metrics.record(conversation, turn, seconds=time.perf_counter() - began, channel=channel)
        self._customer_events(conversation, turn)
        return conversation, turn

    async def get(self, conversation_id: str, *, token: str) -> tuple[Conversation, list[Turn]]:
        """The conversation and its transcript."""
        return await self.run_on_loop_first(lambda: self.service.get(conversation_id, token=token))

    async def take_over(self, conversation_id: str, *, person: str) -> tuple[Conversation, Turn]:
        """``person`` takes over; the customer is told on every open connection."""
        return await self._by_person("take_over", lambda: self.service.take_over(conversation_id, person=person))

    async def person_says(self, conversation_id: str, *, person: str, text: str) -> tuple[Conversation, Turn]:
        """A message from the person who took over, pushed to the customer."""
        return await self._by_person(
            "person_message", lambda: self.service.person_says(conversation_id, person=person, text=text)
        )

    async def hand_back(self, conversation_id: str, *, person: str, close: bool = False) -> tuple[Conversation, Turn]:
        """The person hands back to the agent, whose reply is pushed to the customer."""
        return await self._by_person(
            "hand_back", lambda: self.service.hand_back(conversation_id, person=person, close=close)
        )

    async def close_by_person(self, conversation_id: str, *, person: str) -> tuple[Conversation, Turn]:
        """The person ends the conversation."""
        return await self._by_person("close", lambda: self.service.close_by_person(conversation_id, person=person))

    async def offer_callbacks(self) -> int:
        """Offer a callback in every conversation nobody took over within the policy's wait; how many."""
        offered = 0
        for conversation in await self.run(self.service.at_the_desk):
            engine = self.service.engines.get(conversation.policy)
            if engine is None or not engine.wait_is_over(conversation):
                continue
            changed = await self.run(lambda c=conversation: self.service.wait_expired(c.id))  # type: ignore[misc]
            if changed is not None:
                await self._publish("callback", *changed)
                offered += 1
        return offered

    async def _by_person(
        self, event: EventName, call: Callable[[], tuple[Conversation, Turn]]
    ) -> tuple[Conversation, Turn]:
        conversation, turn = await self.run(call)
        await self._publish(event, conversation, turn)
        return conversation, turn

    async def _publish(self, event: EventName, conversation: Conversation, turn: Turn) -> None:
        for pusher in self.pushers:
            await pusher.push(conversation.id, turn)
        if self.webhook is not None:
            self.webhook.send(event, conversation, turn)

    def _customer_events(self, conversation: Conversation, turn: Turn) -> None:
        if self.webhook is None:
            return
        if any(isinstance(action, Handoff) for action in turn.actions):
            self.webhook.send("handoff", conversation, turn)
        elif any(isinstance(action, WithdrawHandoff) for action in turn.actions):
            self.webhook.send("handoff_withdrawn", conversation, turn)
        elif conversation.at_the_desk and (turn.customer_text is not None or turn.quick_reply is not None):
            self.webhook.send("customer_message", conversation, turn)
