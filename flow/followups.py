"""Delivering follow-ups after the chat: claim due jobs with a lease, reopen the conversation, send, complete.

A :class:`FollowUpWorker` takes due jobs from a store's follow-up queue, one at a time. For a
follow-up it first records the check-in in the conversation (``Engine.check_in``: the agent asks
whether the resolution worked, and a closed conversation moves back to ``follow_up`` so the answer
is heard), then hands the message to a delivery — a webhook POST or a printed JSON line — and
completes the job.

Delivery is at least once, with the job id as ``Idempotency-Key`` so that the host can drop a repeat:

- a job is leased to one worker at a time, and a delivery always ends inside its lease: the worker
  starts one only when the delivery's whole deadline (``timeout``, a total, not a per-read timeout)
  still fits in the lease, both before saving the check-in and again before sending; otherwise it
  gives the job back. So no other worker takes a job over while it is being delivered;
- the check-in is saved under the message id ``follow-up:<job id>``, so a retry finds it instead of
  recording it twice;
- a repeat can still happen when the host may have received the message but the worker could not
  learn it: the webhook did not answer 2xx within the deadline (it is retried after a backoff), or
  the worker died or lost the store between sending and completing the job (another worker sends
  it again once the lease has run out). Workers on several machines also rely on their clocks
  agreeing to within the lease's margin.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import sys
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Literal, Protocol, TextIO

from pydantic import BaseModel, ConfigDict, Field

from flow.engine import Engine
from flow.errors import (
    DuplicateMessage,
    InvalidMessage,
    StoreUnavailable,
    TactfulError,
    UnknownConversation,
    VersionConflict,
)
from flow.models import QuickReply, ScheduleFollowUp
from flow.stores.base import FollowUpJob, Store

if TYPE_CHECKING:
    import httpx

log = logging.getLogger("tactful.followups")
_SAVE_ATTEMPTS = 16
LEASE_MARGIN = timedelta(seconds=1)
"""Lease left over after a delivery's deadline, for completing the job and for clocks that disagree a little."""

Clock = Callable[[], datetime]
Handled = Literal["delivered", "failed", "skipped"]


class WorkerSettingsError(TactfulError, ValueError):
    """Worker settings under which a delivery could outlast its lease."""

    def __init__(self, lease_seconds: float, timeout: float) -> None:
        self.lease_seconds = lease_seconds
        self.timeout = timeout
        margin = LEASE_MARGIN.total_seconds()
        super().__init__(
            f"a lease of {lease_seconds:g}s is not longer than the delivery timeout of {timeout:g}s plus "
            f"{margin:g}s; use a longer lease so that no job is taken over while it is being delivered"
        )


class DeliveryFailed(TactfulError):
    """A follow-up could not be handed to the host; the job is retried later."""

    def __init__(self, job_id: str, reason: str) -> None:
        self.job_id = job_id
        self.reason = reason
        super().__init__(f"follow-up {job_id} was not delivered: {reason}; it will be retried")


class FollowUpMessage(BaseModel):
    """What the host receives for one job: the JSON body of the webhook POST, or one printed line."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    conversation_id: str
    kind: Literal["follow_up", "callback"]
    text: str | None
    due_at: datetime
    attempt: int
    quick_replies: list[QuickReply] = Field(default_factory=list)
    reason: str | None = None


class Delivery(Protocol):
    """Hands one message to the host; raises :class:`DeliveryFailed` when it cannot."""

    timeout: float
    """The longest one delivery may take, in seconds, all of it: the call returns or raises by then."""

    def __call__(self, message: FollowUpMessage) -> None: ...


class PrintDelivery:
    """Writes each message as one JSON line (to standard output by default)."""

    timeout = 0.0

    def __init__(self, out: TextIO | None = None) -> None:
        self._out = out

    def __call__(self, message: FollowUpMessage) -> None:
        """Print ``message``."""
        out = self._out or sys.stdout
        out.write(message.model_dump_json() + "\n")
        out.flush()


class WebhookDelivery:
    """POSTs each message as JSON to the host's webhook; any answer but 2xx counts as a failure.

    ``timeout`` bounds the whole POST — connecting, sending, and the complete answer — rather than
    each read, so a host that trickles its answer cannot hold a delivery past its lease.
    """

    def __init__(self, url: str, *, timeout: float = 10.0, client: httpx.AsyncClient | None = None) -> None:
        import httpx

        self.url = url
        self.timeout = timeout
        self._client = client or httpx.AsyncClient(timeout=timeout)
        # One event loop for this delivery's life, so the client keeps its connections between posts.
        self._runner = asyncio.Runner()

    def __call__(self, message: FollowUpMessage) -> None:
        """POST ``message``, with its id as the ``Idempotency-Key`` header."""
        self._runner.run(self._post(message))

    async def _post(self, message: FollowUpMessage) -> None:
        import httpx

        try:
            async with asyncio.timeout(self.timeout):
                response = await self._client.post(
                    self.url,
                    content=message.model_dump_json(),
                    headers={"Content-Type": "application/json", "Idempotency-Key": message.id},
                )
        except TimeoutError as e:
            raise DeliveryFailed(message.id, f"no complete answer from {self.url} within {self.timeout:g} s") from e
        except httpx.HTTPError as e:
            raise DeliveryFailed(message.id, f"{type(e).__name__} from {self.url}") from e
        if not response.is_success:
            raise DeliveryFailed(message.id, f"{self.url} answered {response.status_code}")

    def close(self) -> None:
        """Close the HTTP client and its event loop."""
        self._runner.run(self._client.aclose())
        self._runner.close()


@dataclass(frozen=True, slots=True)
class Backoff:
    """How long a failed job waits before its next attempt: ``base`` doubled per attempt, up to ``cap``."""

    base_seconds: float = 30.0
    cap_seconds: float = 3600.0

    def delay(self, attempt: int) -> timedelta:
        """The wait after the ``attempt``-th failed attempt (1 for the first)."""
        return timedelta(seconds=min(self.cap_seconds, self.base_seconds * 2 ** max(attempt - 1, 0)))


@dataclass(frozen=True, slots=True)
class RunReport:
    """What one pass over the queue did."""

    delivered: int = 0
    failed: int = 0
    skipped: int = 0

    @property
    def claimed(self) -> int:
        """Jobs this pass took from the queue."""
        return self.delivered + self.failed + self.skipped


class FollowUpWorker:
    """Delivers due follow-ups and callbacks from ``store``'s queue.

    ``engines`` maps a policy name to the engine that records the check-in for conversations under
    that policy (a callable may build one on demand). Run :meth:`run_once` from a scheduler, or
    :meth:`run_forever` as a long-lived process; any number of workers may share one store.
    """

    def __init__(
        self,
        store: Store,
        deliver: Delivery,
        *,
        engines: Mapping[str, Engine] | Callable[[str], Engine | None],
        worker_id: str | None = None,
        lease_seconds: float = 60.0,
        backoff: Backoff = Backoff(),
        clock: Clock | None = None,
    ) -> None:
        if timedelta(seconds=lease_seconds) <= timedelta(seconds=deliver.timeout) + LEASE_MARGIN:
            raise WorkerSettingsError(lease_seconds, deliver.timeout)
        self.store = store
        self.deliver = deliver
        self.worker_id = worker_id or f"worker-{secrets.token_hex(4)}"
        self.lease_seconds = lease_seconds
        self.backoff = backoff
        self._engine_for = engines.get if isinstance(engines, Mapping) else engines
        self._clock = clock or (lambda: datetime.now(UTC))

    def run_once(self, *, limit: int | None = None) -> RunReport:
        """Deliver every job that is due (at most ``limit``), each under a lease of its own; return what happened.

        Jobs are claimed one at a time, so each lease starts when its delivery is about to. A job
        given back during this pass is left for the next one.
        """
        counts = {"delivered": 0, "failed": 0, "skipped": 0}
        handled: set[str] = set()
        while limit is None or len(handled) < limit:
            claimed = self.store.claim_follow_ups(
                self._clock(), worker=self.worker_id, lease_seconds=self.lease_seconds, limit=1
            )
            if not claimed:
                break
            job = claimed[0]
            if job.id in handled:
                self.store.release_follow_up(job.id, worker=self.worker_id, retry_at=self._clock())
                break
            handled.add(job.id)
            counts[self._handle(job)] += 1
        return RunReport(**counts)

    def run_forever(self, *, poll_seconds: float = 5.0, stop: threading.Event | None = None) -> None:
        """Keep delivering until ``stop`` is set, waiting ``poll_seconds`` between passes.

        A store that cannot answer is waited out: the pass is logged and tried again after the pause.
        """
        stop = stop or threading.Event()
        while not stop.is_set():
            try:
                self.run_once()
            except StoreUnavailable as e:
                log.warning("follow-ups paused: %s", e)
            stop.wait(poll_seconds)

    def _lease_covers_delivery(self, job: FollowUpJob) -> bool:
        """Whether a delivery started now would end, with the margin, before the lease does."""
        deadline = self._clock() + timedelta(seconds=self.deliver.timeout) + LEASE_MARGIN
        return job.lease_expires_at is None or deadline < job.lease_expires_at

    def _give_back(self, job: FollowUpJob) -> Handled:
        # Too little lease left to finish: give the job back rather than race another worker.
        log.warning("follow-up %s given back: its lease could not cover a delivery", job.id)
        self.store.release_follow_up(job.id, worker=self.worker_id, retry_at=self._clock())
        return "failed"

    def _handle(self, job: FollowUpJob) -> Handled:
        if not self._lease_covers_delivery(job):
            return self._give_back(job)
        try:
            message = self._message(job)
        except UnknownConversation:
            log.warning("follow-up %s dropped: conversation %s no longer exists", job.id, job.conversation_id)
            self.store.complete_follow_up(job.id, worker=self.worker_id)
            return "skipped"
        except (DeliveryFailed, InvalidMessage) as e:
            return self._retry(job, str(e))
        if message is None:
            self.store.complete_follow_up(job.id, worker=self.worker_id)
            return "skipped"
        # Saving the check-in may have taken long (a slow store): the same check, once more, just before sending.
        if not self._lease_covers_delivery(job):
            return self._give_back(job)
        try:
            self.deliver(message)
        except DeliveryFailed as e:
            return self._retry(job, str(e))
        if not self.store.complete_follow_up(job.id, worker=self.worker_id):
            log.warning("follow-up %s was delivered after its lease ran out; the host may see it twice", job.id)
        return "delivered"

    def _retry(self, job: FollowUpJob, reason: str) -> Handled:
        retry_at = self._clock() + self.backoff.delay(job.attempts)
        log.warning("%s; attempt %d failed, next try at %s", reason, job.attempts, retry_at.isoformat())
        self.store.release_follow_up(job.id, worker=self.worker_id, retry_at=retry_at)
        return "failed"

    def _message(self, job: FollowUpJob) -> FollowUpMessage | None:
        """The message for ``job``, after recording the check-in; ``None`` when it must not be sent."""
        action = job.action
        if not isinstance(action, ScheduleFollowUp):
            return FollowUpMessage(
                id=job.id,
                conversation_id=job.conversation_id,
                kind="callback",
                text=None,
                due_at=job.due_at,
                attempt=job.attempts,
                reason=action.reason,
            )
        checked_in = self._check_in(job)
        if checked_in is None:
            return None
        text, buttons = checked_in
        return FollowUpMessage(
            id=job.id,
            conversation_id=job.conversation_id,
            kind="follow_up",
            text=text,
            due_at=job.due_at,
            attempt=job.attempts,
            quick_replies=buttons,
        )

    def _check_in(self, job: FollowUpJob) -> tuple[str, list[QuickReply]] | None:
        """Record the check-in turn once, and return its text and buttons.

        ``None`` for a conversation closed after abuse (the customer is not contacted again), or one with
        nothing left to ask about (a handoff taken back, and the offers then left unanswered).
        """
        message_id = check_in_message_id(job.id)
        for _ in range(_SAVE_ATTEMPTS):
            recorded = self.store.find_turn(job.conversation_id, message_id)
            if recorded is not None:
                return recorded.text, list(recorded.quick_replies)
            conversation = self.store.load(job.conversation_id)
            if conversation.outcome == "closed_after_abuse":
                return None
            engine = self._engine_for(conversation.policy)
            if engine is None:
                raise DeliveryFailed(job.id, f"no engine for policy {conversation.policy!r}; pass --policy")
            if not engine.check_in_wanted(conversation):
                return None
            reopened, turn = engine.check_in(conversation)
            try:
                self.store.save(reopened, turn, expected_version=conversation.version, message_id=message_id)
            except (DuplicateMessage, VersionConflict):
                continue
            return turn.text, list(turn.quick_replies)
        raise DeliveryFailed(job.id, f"conversation {job.conversation_id} kept changing while the check-in was saved")


def check_in_message_id(job_id: str) -> str:
    """The message id a job's check-in turn is saved under, so that it is recorded once."""
    return f"follow-up:{job_id}"
