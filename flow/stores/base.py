"""What every conversation store promises: the ``Store`` protocol, follow-up jobs and store errors.

A store keeps three things per conversation: the latest snapshot (replaced only by a save that
names the version it read), the append-only transcript of turns, and the follow-up queue fed by the
``ScheduleFollowUp`` and ``ScheduleCallback`` actions of those turns. Workers lease follow-up jobs so
that each one is delivered by one worker at a time even when many workers poll the same store.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from types import TracebackType
from typing import Annotated, Literal, Protocol, Self, runtime_checkable

from pydantic import BaseModel, ConfigDict, Field

from flow.models import Conversation, ScheduleCallback, ScheduleFollowUp, Turn

FollowUpAction = Annotated[ScheduleFollowUp | ScheduleCallback, Field(discriminator="type")]


class FollowUpJob(BaseModel):
    """One follow-up or callback waiting in the queue, with the lease that guards its delivery.

    ``due_at`` is when the job may next be claimed (the action's time, or the retry time after a
    failed delivery). While a worker holds the lease, ``worker`` and ``lease_expires_at`` say who
    and until when; after that moment any worker may claim it again.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    conversation_id: str
    turn_number: int
    action: FollowUpAction
    due_at: datetime
    attempts: int = 0
    worker: str | None = None
    lease_expires_at: datetime | None = None

    @property
    def kind(self) -> Literal["follow_up", "callback"]:
        """``follow_up`` for a message to the customer, ``callback`` for a person to call back."""
        return "follow_up" if isinstance(self.action, ScheduleFollowUp) else "callback"


@runtime_checkable
class Store(Protocol):
    """Where conversations, their transcripts and their follow-ups live between messages.

    A store that cannot answer in time (a paused server, a write lock held elsewhere, a lost
    connection) raises ``StoreUnavailable`` from any method, after at most its timeout.
    """

    blocking: bool
    """Whether a call may wait on I/O (a file lock, the network): the server runs such calls off its
    event loop. Only a store that keeps everything in process memory says ``False``."""

    def ping(self) -> None:
        """Check that the store can take a write now; raise ``StoreUnavailable`` when it cannot."""
        ...

    def create(self, conversation: Conversation, turn: Turn, *, token_digest: str) -> None:
        """Store a new conversation with its first turn; raise ``ConversationExists`` for a known id."""
        ...

    def load(self, conversation_id: str) -> Conversation:
        """The latest snapshot; raise ``UnknownConversation`` when there is none."""
        ...

    def load_for_update(self, conversation_id: str) -> Conversation:
        """The snapshot to apply the next message to, before ``save`` with its version.

        A store may answer from what it wrote itself, since ``save`` compares versions: after a
        ``VersionConflict`` it must read the latest snapshot again.
        """
        ...

    def token_digest(self, conversation_id: str) -> str:
        """The SHA-256 hex digest of the conversation's access token."""
        ...

    def save(
        self,
        conversation: Conversation,
        turn: Turn,
        *,
        expected_version: int,
        message_id: str | None = None,
    ) -> None:
        """Atomically replace the snapshot, append ``turn`` and enqueue its follow-ups.

        Only when the stored version is ``expected_version``; otherwise raise ``VersionConflict``
        and change nothing. A ``message_id`` seen before raises ``DuplicateMessage``.
        """
        ...

    def find_turn(self, conversation_id: str, message_id: str) -> Turn | None:
        """The turn saved with ``message_id``, if any."""
        ...

    def transcript(self, conversation_id: str) -> list[Turn]:
        """Every turn of the conversation, oldest first."""
        ...

    def conversations(self, *, since: datetime | None = None) -> Iterator[Conversation]:
        """Snapshots updated at or after ``since`` (all when ``None``), least recently updated first."""
        ...

    def claim_follow_ups(
        self, now: datetime, *, worker: str, lease_seconds: float, limit: int = 10
    ) -> list[FollowUpJob]:
        """Lease up to ``limit`` jobs that are due and unleased (or whose lease expired) to ``worker``."""
        ...

    def complete_follow_up(self, job_id: str, *, worker: str) -> bool:
        """Remove a delivered job; ``False`` when ``worker`` no longer holds its lease."""
        ...

    def release_follow_up(self, job_id: str, *, worker: str, retry_at: datetime) -> bool:
        """Give back a job whose delivery failed, to be claimed again from ``retry_at``."""
        ...

    def pending_follow_ups(self) -> list[FollowUpJob]:
        """Every job not yet completed, earliest first."""
        ...

    def close(self) -> None:
        """Release connections; the store is not used afterwards."""
        ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None: ...


class ClosesOnExit:
    """Context-manager support for stores: ``with SqliteStore(path) as store: ...`` closes it."""

    def close(self) -> None:
        """Release what the store holds."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
