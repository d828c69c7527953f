"""The Redis store as the release before Redis Cluster support shipped it (commit 85a34ae), to write its keys.

Only the import of its scripts (``redis_scripts``, also as shipped) differs from that release. Its own
docstring follows.

A Redis store for many workers on many machines: every write is one Lua script, one round trip.

Keys, under ``prefix`` (``tactful:`` by default):

- ``conversation:<id>``: hash with ``version``, ``snapshot`` (JSON) and ``digest`` (token digest)
- ``transcript:<id>``: list of turn JSON, appended only
- ``messages:<id>``: hash from message id to transcript position
- ``conversations``: sorted set of ids scored by ``updated_at`` in microseconds
- ``follow_ups:queue``: sorted set of job ids scored by when each may next be claimed
- ``follow_ups:data`` / ``:due`` / ``:worker`` / ``:attempts``: hashes keyed by job id

The scripts touch several keys per call, so the store needs one Redis server (or a primary with
replicas), not a Redis Cluster.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any, cast

from flow.errors import (
    ConversationExists,
    DuplicateMessage,
    StoreError,
    StoreUnavailable,
    UnknownConversation,
    VersionConflict,
)
from flow.models import Conversation, Turn
from flow.stores._outages import reports_outages
from flow.stores._recent import RecentSnapshots
from flow.stores._records import check_lease, check_save, follow_up_jobs, from_micros, lease_end, to_micros
from flow.stores._redis_client import DEFAULT_TIMEOUT_SECONDS, OUTAGE_ERRORS, redis_client, redis_outage
from flow.stores.base import ClosesOnExit, FollowUpJob
from tests.previous_release import redis_scripts as scripts

_PAGE = 500


def _outage(store: RedisStore, error: Exception) -> StoreUnavailable:
    return redis_outage(store._redis, store.timeout, error)


@reports_outages(*OUTAGE_ERRORS, diagnose=_outage)
class RedisStore(ClosesOnExit):
    """Conversations, transcripts and the follow-up queue in Redis.

    ``ttl_closed_seconds``, when set, makes a closed conversation's keys expire that long after
    it closed; its follow-ups stay queued until delivered. Each command waits at most ``timeout``
    seconds (to connect, and for the answer) before ``StoreUnavailable`` is raised.
    """

    blocking = True

    def __init__(
        self,
        url: str,
        *,
        ttl_closed_seconds: int | None = None,
        prefix: str = "tactful:",
        timeout: float = DEFAULT_TIMEOUT_SECONDS,
    ) -> None:
        if ttl_closed_seconds is not None and ttl_closed_seconds < 1:
            raise StoreError(
                f"ttl_closed_seconds must be a whole number of seconds of at least 1, "
                f"not {ttl_closed_seconds}; use None to keep closed conversations"
            )
        if not timeout > 0:
            raise StoreError(f"timeout must be a number of seconds above 0, not {timeout}")
        self.url = url
        self.prefix = prefix
        self.ttl_closed_seconds = ttl_closed_seconds
        self.timeout = timeout
        self._redis = redis_client(url, timeout=timeout)
        self._save = self._redis.register_script(scripts.SAVE)
        self._claim = self._redis.register_script(scripts.CLAIM)
        self._complete = self._redis.register_script(scripts.COMPLETE)
        self._release = self._redis.register_script(scripts.RELEASE)
        self._find_turn = self._redis.register_script(scripts.FIND_TURN)
        self._updated_key = f"{prefix}conversations"
        self._recent = RecentSnapshots()
        self._queue_keys = [f"{prefix}follow_ups:{part}" for part in ("queue", "data", "due", "worker", "attempts")]

    def ping(self) -> None:
        """One round trip to the server."""
        self._redis.ping()

    def create(self, conversation: Conversation, turn: Turn, *, token_digest: str) -> None:
        """Store a new conversation with its first turn; raise ``ConversationExists`` for a known id."""
        check_save(conversation, turn, None)
        self._write(conversation, turn, expected=-1, message_id=None, token_digest=token_digest)

    def load(self, conversation_id: str) -> Conversation:
        """The latest snapshot; raise ``UnknownConversation`` when there is none."""
        return Conversation.model_validate_json(self._field(conversation_id, "snapshot"))

    def load_for_update(self, conversation_id: str) -> Conversation:
        """The snapshot this process last wrote, or the stored one: one round trip a turn when warm."""
        return self._recent.get(conversation_id) or self.load(conversation_id)

    def token_digest(self, conversation_id: str) -> str:
        """The SHA-256 hex digest of the conversation's access token."""
        return self._field(conversation_id, "digest").decode()

    def save(
        self,
        conversation: Conversation,
        turn: Turn,
        *,
        expected_version: int,
        message_id: str | None = None,
    ) -> None:
        """Compare the version, replace the snapshot, append the turn and enqueue follow-ups in one script."""
        check_save(conversation, turn, expected_version)
        self._write(conversation, turn, expected=expected_version, message_id=message_id, token_digest="")

    def find_turn(self, conversation_id: str, message_id: str) -> Turn | None:
        """The turn saved with ``message_id``, if any."""
        keys = [self._key("transcript", conversation_id), self._key("messages", conversation_id)]
        found = self._find_turn(keys=keys, args=[message_id])
        return None if found is None else Turn.model_validate_json(found)

    def transcript(self, conversation_id: str) -> list[Turn]:
        """Every turn of the conversation, oldest first."""
        with self._redis.pipeline(transaction=True) as pipe:
            pipe.exists(self._key("conversation", conversation_id))
            pipe.lrange(self._key("transcript", conversation_id), 0, -1)
            exists, turns = pipe.execute()
        if not exists:
            raise UnknownConversation(conversation_id)
        return [Turn.model_validate_json(turn) for turn in turns]

    def conversations(self, *, since: datetime | None = None) -> Iterator[Conversation]:
        """Snapshots updated at or after ``since``, least recently updated first, read page by page.

        A conversation saved while the pages are read may appear again with its newer snapshot. Ids
        whose keys expired are dropped from the index as the scan meets them.
        """
        lower: float | str = "-inf" if since is None else to_micros(since)
        seen_at_lower: set[bytes] = set()
        while True:
            wanted = _PAGE + len(seen_at_lower)
            rows = cast(
                list[tuple[bytes, float]],
                self._redis.zrangebyscore(self._updated_key, lower, "+inf", start=0, num=wanted, withscores=True),
            )
            page = [cid for cid, _ in rows if cid not in seen_at_lower]
            yield from self._snapshots(page)
            if len(rows) < wanted:
                return
            # The next page starts at the last score again, since several ids can share it.
            lower = rows[-1][1]
            seen_at_lower = {cid for cid, score in rows if score == lower}

    def claim_follow_ups(
        self, now: datetime, *, worker: str, lease_seconds: float, limit: int = 10
    ) -> list[FollowUpJob]:
        """Lease up to ``limit`` due jobs that nobody holds (or whose lease expired) to ``worker``."""
        check_lease(lease_seconds, limit)
        expires = lease_end(now, lease_seconds)
        rows = cast(
            list[list[Any]],
            self._claim(keys=self._queue_keys, args=[to_micros(now), to_micros(expires), worker, limit]),
        )
        return [
            _job(data, due, attempts=int(attempts), worker=worker, lease_expires_at=expires)
            for data, due, attempts in rows
        ]

    def complete_follow_up(self, job_id: str, *, worker: str) -> bool:
        """Remove a delivered job; ``False`` when ``worker`` no longer holds its lease."""
        return bool(self._complete(keys=self._queue_keys, args=[job_id, worker]))

    def release_follow_up(self, job_id: str, *, worker: str, retry_at: datetime) -> bool:
        """Give back a job whose delivery failed, to be claimed again from ``retry_at``."""
        return bool(self._release(keys=self._queue_keys, args=[job_id, worker, to_micros(retry_at)]))

    def pending_follow_ups(self) -> list[FollowUpJob]:
        """Every job not yet completed, earliest first."""
        queue_key, data_key, due_key, worker_key, attempts_key = self._queue_keys
        with self._redis.pipeline(transaction=True) as pipe:
            pipe.zrange(queue_key, 0, -1, withscores=True)
            for key in (data_key, due_key, worker_key, attempts_key):
                pipe.hgetall(key)
            queue, data, due, workers, attempts = pipe.execute()
        jobs = []
        for job_id, score in queue:
            holder = workers.get(job_id)
            jobs.append(
                _job(
                    data[job_id],
                    due[job_id],
                    attempts=int(attempts.get(job_id, 0)),
                    worker=None if holder is None else holder.decode(),
                    lease_expires_at=None if holder is None else from_micros(int(score)),
                )
            )
        return jobs

    def close(self) -> None:
        """Close the connection pool."""
        self._redis.close()

    def _snapshots(self, ids: list[bytes]) -> list[Conversation]:
        with self._redis.pipeline(transaction=False) as pipe:
            for conversation_id in ids:
                pipe.hget(self._key("conversation", conversation_id.decode()), "snapshot")
            snapshots: list[bytes | None] = pipe.execute()
        expired = [cid for cid, snapshot in zip(ids, snapshots, strict=True) if snapshot is None]
        if expired:
            self._redis.zrem(self._updated_key, *expired)
        return [Conversation.model_validate_json(s) for s in snapshots if s is not None]

    def _key(self, kind: str, conversation_id: str) -> str:
        return f"{self.prefix}{kind}:{conversation_id}"

    def _field(self, conversation_id: str, field: str) -> bytes:
        value = cast(bytes | None, self._redis.hget(self._key("conversation", conversation_id), field))
        if value is None:
            raise UnknownConversation(conversation_id)
        return value

    def _write(
        self,
        conversation: Conversation,
        turn: Turn,
        *,
        expected: int,
        message_id: str | None,
        token_digest: str,
    ) -> None:
        cid = conversation.id
        ttl = self.ttl_closed_seconds if conversation.closed and self.ttl_closed_seconds else 0
        args: list[str | int] = [
            cid,
            expected,
            conversation.version,
            conversation.model_dump_json(),
            turn.model_dump_json(),
            to_micros(conversation.updated_at),
            message_id or "",
            token_digest,
            ttl,
        ]
        for job in follow_up_jobs(conversation, turn):
            args += [job.id, to_micros(job.due_at), job.model_dump_json()]
        keys = [
            self._key("conversation", cid),
            self._key("transcript", cid),
            self._key("messages", cid),
            self._updated_key,
            self._queue_keys[0],
            self._queue_keys[1],
            self._queue_keys[2],
        ]
        status, detail = cast(Sequence[bytes], self._save(keys=keys, args=args))
        if status == b"ok":
            self._recent.put(conversation)
            return
        self._recent.forget(cid)
        if status == b"exists":
            raise ConversationExists(cid)
        if status == b"unknown":
            raise UnknownConversation(cid)
        if status == b"duplicate":
            raise DuplicateMessage(cid, detail.decode())
        raise VersionConflict(cid, expected, int(detail))


def _job(
    data: bytes, due: bytes, *, attempts: int, worker: str | None, lease_expires_at: datetime | None
) -> FollowUpJob:
    return FollowUpJob.model_validate_json(data).model_copy(
        update={
            "due_at": from_micros(int(due)),
            "attempts": attempts,
            "worker": worker,
            "lease_expires_at": lease_expires_at,
        }
    )
