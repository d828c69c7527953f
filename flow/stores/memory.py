"""A store in process memory: for tests, demos and single-process embedding."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime

from flow.errors import ConversationExists, DuplicateMessage, UnknownConversation, VersionConflict
from flow.models import Conversation, Turn
from flow.stores._records import as_utc, check_lease, check_save, follow_up_jobs, lease_end, to_micros
from flow.stores.base import ClosesOnExit, FollowUpJob


@dataclass
class _Record:
    """One conversation; the snapshot is kept as JSON, so no caller can change the stored copy."""

    snapshot: str
    version: int
    updated_at: int
    token_digest: str
    turns: list[Turn]
    message_turns: dict[str, int] = field(default_factory=dict)

    def replace(self, conversation: Conversation) -> None:
        self.snapshot = conversation.model_dump_json()
        self.version = conversation.version
        self.updated_at = to_micros(conversation.updated_at)


class MemoryStore(ClosesOnExit):
    """Keeps everything in dictionaries behind one lock; callers get copies, never the stored objects."""

    blocking = False

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._records: dict[str, _Record] = {}
        self._jobs: dict[str, FollowUpJob] = {}

    def ping(self) -> None:
        """Always ready: memory does not go away while the process runs."""

    def create(self, conversation: Conversation, turn: Turn, *, token_digest: str) -> None:
        """Store a new conversation with its first turn; raise ``ConversationExists`` for a known id."""
        check_save(conversation, turn, None)
        with self._lock:
            if conversation.id in self._records:
                raise ConversationExists(conversation.id)
            record = _Record(snapshot="", version=0, updated_at=0, token_digest=token_digest, turns=[turn])
            record.replace(conversation)
            self._records[conversation.id] = record
            self._enqueue(conversation, turn)

    def load(self, conversation_id: str) -> Conversation:
        """The latest snapshot; raise ``UnknownConversation`` when there is none."""
        with self._lock:
            snapshot = self._record(conversation_id).snapshot
        return Conversation.model_validate_json(snapshot)

    def load_for_update(self, conversation_id: str) -> Conversation:
        """The latest snapshot (memory is as fast as any cache)."""
        return self.load(conversation_id)

    def token_digest(self, conversation_id: str) -> str:
        """The SHA-256 hex digest of the conversation's access token."""
        with self._lock:
            return self._record(conversation_id).token_digest

    def save(
        self,
        conversation: Conversation,
        turn: Turn,
        *,
        expected_version: int,
        message_id: str | None = None,
    ) -> None:
        """Replace the snapshot, append ``turn`` and enqueue its follow-ups, all under the lock."""
        check_save(conversation, turn, expected_version)
        with self._lock:
            record = self._record(conversation.id)
            if message_id is not None and message_id in record.message_turns:
                raise DuplicateMessage(conversation.id, message_id)
            if record.version != expected_version:
                raise VersionConflict(conversation.id, expected_version, record.version)
            record.replace(conversation)
            record.turns.append(turn)
            if message_id is not None:
                record.message_turns[message_id] = len(record.turns) - 1
            self._enqueue(conversation, turn)

    def find_turn(self, conversation_id: str, message_id: str) -> Turn | None:
        """The turn saved with ``message_id``, if any."""
        with self._lock:
            record = self._record(conversation_id)
            index = record.message_turns.get(message_id)
            return None if index is None else record.turns[index]

    def transcript(self, conversation_id: str) -> list[Turn]:
        """Every turn of the conversation, oldest first."""
        with self._lock:
            return list(self._record(conversation_id).turns)

    def conversations(self, *, since: datetime | None = None) -> Iterator[Conversation]:
        """Snapshots updated at or after ``since``, least recently updated first."""
        floor = None if since is None else to_micros(since)
        with self._lock:
            chosen = sorted(
                (record.updated_at, cid, record.snapshot)
                for cid, record in self._records.items()
                if floor is None or record.updated_at >= floor
            )
        return (Conversation.model_validate_json(snapshot) for _, _, snapshot in chosen)

    def claim_follow_ups(
        self, now: datetime, *, worker: str, lease_seconds: float, limit: int = 10
    ) -> list[FollowUpJob]:
        """Lease up to ``limit`` due jobs that nobody holds (or whose lease expired) to ``worker``."""
        check_lease(lease_seconds, limit)
        moment = to_micros(now)
        expires = lease_end(now, lease_seconds)
        with self._lock:
            ready = sorted(
                (job for job in self._jobs.values() if _available_at(job) <= moment),
                key=lambda job: (_available_at(job), job.id),
            )[:limit]
            claimed = [
                job.model_copy(update={"worker": worker, "lease_expires_at": expires, "attempts": job.attempts + 1})
                for job in ready
            ]
            self._jobs.update((job.id, job) for job in claimed)
        return claimed

    def complete_follow_up(self, job_id: str, *, worker: str) -> bool:
        """Remove a delivered job; ``False`` when ``worker`` no longer holds its lease."""
        with self._lock:
            job = self._jobs.get(job_id)
            if job is None or job.worker != worker:
                return False
            del self._jobs[job_id]
            return True

    def release_follow_up(self, job_id: str, *, worker: str, retry_at: datetime) -> bool:
        """Give back a job whose delivery failed, to be claimed again from ``retry_at``."""
        with self._lock:
            job = self._jobs.get(job_id)
            if job is None or job.worker != worker:
                return False
            self._jobs[job_id] = job.model_copy(
                update={"worker": None, "lease_expires_at": None, "due_at": as_utc(retry_at)}
            )
            return True

    def pending_follow_ups(self) -> list[FollowUpJob]:
        """Every job not yet completed, earliest first."""
        with self._lock:
            return sorted(self._jobs.values(), key=lambda job: (_available_at(job), job.id))

    def _record(self, conversation_id: str) -> _Record:
        record = self._records.get(conversation_id)
        if record is None:
            raise UnknownConversation(conversation_id)
        return record

    def _enqueue(self, conversation: Conversation, turn: Turn) -> None:
        for job in follow_up_jobs(conversation, turn):
            self._jobs.setdefault(job.id, job)


def _available_at(job: FollowUpJob) -> int:
    if job.worker is not None and job.lease_expires_at is not None:
        return to_micros(job.lease_expires_at)
    return to_micros(job.due_at)
