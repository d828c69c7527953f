"""Delivering follow-ups after the chat: claim due jobs with a lease, reopen the conversation, send, complete.

A :class:`FollowUpWorker` takes due jobs from a store's follow-up queue. For a follow-up it first
records the check-in in the conversation (``Engine.check_in``: the agent asks whether the resolution
worked, and a closed conversation moves back to ``follow_up`` so the answer is heard), then hands
the message to a delivery — a webhook POST or a printed JSON line — and completes the job.

Each job reaches the customer once even with several workers or a worker killed mid-delivery:

- a job is leased to one worker at a time; a killed worker's lease runs out and another takes over;
- the check-in is saved under the message id ``follow-up:<job id>``, so a retry finds it instead of
  recording it twice;
- every delivery carries the job id as ``Idempotency-Key``: when a worker dies after the host got
  the message but before the job was completed, the host recognises the repeat;
- a worker never starts a delivery that could outlast its lease.
"""

from __future__ import annotations

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
from flow.errors import DuplicateMessage, InvalidMessage, TactfulError, UnknownConversation, VersionConflict
from flow.models import QuickReply, ScheduleFollowUp
from flow.stores.base import FollowUpJob, Store

if TYPE_CHECKING:
    import httpx

log = logging.getLogger("tactful.followups")
_SAVE_ATTEMPTS = 16

Clock = Callable[[], datetime]
Handled = Literal["delivered", "failed", "skipped"]


class WorkerSettingsError(TactfulError, ValueError):
    """Worker settings that could break the one-delivery-per-job promise."""

    def __init__(self, lease_seconds: float, timeout: float) -> None:
        self.lease_seconds = lease_seconds
        self.timeout = timeout
        super().__init__(
            f"a lease of {lease_seconds:g}s is not longer than the delivery timeout of {timeout:g}s; "
            "use a longer lease so that no job is taken over while it is being delivered"
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
    """The longest one delivery may take, in seconds."""

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
    """POSTs each message as JSON to the host's webhook; any answer but 2xx counts as a failure."""

    def __init__(self, url: str, *, timeout: float = 10.0, client: httpx.Client | None = None) -> None:
        import httpx

        self.url = url
        self.timeout = timeout
        self._client = client or httpx.Client(timeout=timeout)

    def __call__(self, message: FollowUpMessage) -> None:
        """POST ``message``, with its id as the ``Idempotency-Key`` header."""
        import httpx

        try:
            response = self._client.post(
                self.url,
                content=message.model_dump_json(),
                headers={"Content-Type": "application/json", "Idempotency-Key": message.id},
                timeout=self.timeout,
            )
        except httpx.HTTPError as e:
            raise DeliveryFailed(message.id, f"{type(e).__name__} from {self.url}") from e
        if not response.is_success:
            raise DeliveryFailed(message.id, f"{self.url} answered {response.status_code}")

    def close(self) -> None:
        """Close the HTTP client."""
        self._client.close()


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
        batch_size: int = 10,
        backoff: Backoff = Backoff(),
        clock: Clock | None = None,
    ) -> None:
        if lease_seconds <= deliver.timeout:
            raise WorkerSettingsError(lease_seconds, deliver.timeout)
        self.store = store
        self.deliver = deliver
        self.worker_id = worker_id or f"worker-{secrets.token_hex(4)}"
        self.lease_seconds = lease_seconds
        self.batch_size = batch_size
        self.backoff = backoff
        self._engine_for = engines.get if isinstance(engines, Mapping) else engines
        self._clock = clock or (lambda: datetime.now(UTC))

    def run_once(self) -> RunReport:
        """Claim one batch of due jobs and handle each; return what happened."""
        jobs = self.store.claim_follow_ups(
            self._clock(), worker=self.worker_id, lease_seconds=self.lease_seconds, limit=self.batch_size
        )
        counts = {"delivered": 0, "failed": 0, "skipped": 0}
        for job in jobs:
            counts[self._handle(job)] += 1
        return RunReport(**counts)

    def run_forever(self, *, poll_seconds: float = 5.0, stop: threading.Event | None = None) -> None:
        """Keep delivering until ``stop`` is set; wait ``poll_seconds`` whenever the queue has nothing due."""
        stop = stop or threading.Event()
        while not stop.is_set():
            report = self.run_once()
            if report.claimed < self.batch_size:
                stop.wait(poll_seconds)

    def _handle(self, job: FollowUpJob) -> Handled:
        now = self._clock()
        delivered_by = now + timedelta(seconds=self.deliver.timeout)
        if job.lease_expires_at is not None and delivered_by >= job.lease_expires_at:
            # Too little lease left to finish: give the job back rather than race another worker.
            self.store.release_follow_up(job.id, worker=self.worker_id, retry_at=now)
            return "failed"
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

        ``None`` for a conversation closed after abuse: the customer is not contacted again.
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
