"""A Redis store for many workers on many machines, on one server or a Redis Cluster: every write is one script.

Keys, under ``prefix`` (``tactful:`` by default) and a shard's hash tag ``{sNN}`` (see
:mod:`flow.stores._redis_keys`):

- ``{sNN}:conversation:<id>``: hash with ``version``, ``snapshot`` (JSON) and ``digest`` (token digest)
- ``{sNN}:transcript:<id>``: list of turn JSON, appended only
- ``{sNN}:messages:<id>``: hash from message id to transcript position
- ``{sNN}:conversations``: sorted set of the shard's ids scored by ``updated_at`` in microseconds
- ``{sNN}:follow_ups:queue``: sorted set of job ids scored by when each may next be claimed
- ``{sNN}:follow_ups:data`` / ``:due`` / ``:worker`` / ``:attempts``: hashes keyed by job id
- ``layout``: the layout number of these keys (2), and ``layout-lock`` while a process moves keys to it

A save touches only its conversation's shard, so it is one script in one hash slot; reading the
index or claiming follow-ups visits the shards. Opening a store moves the keys the release before
wrote (layout 1, without shards) to this layout first, once, whichever process gets there first
(see :mod:`flow.stores._redis_layout`); :func:`upgrade_redis` does it ahead of time.
"""

from __future__ import annotations

import heapq
import time
from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any, cast

import redis

from flow.errors import (
    ConversationExists,
    DuplicateMessage,
    StoreError,
    StoreUnavailable,
    UnknownConversation,
    VersionConflict,
)
from flow.models import Conversation, Turn
from flow.stores import _redis_scripts as scripts
from flow.stores._outages import reports_outages
from flow.stores._recent import RecentSnapshots
from flow.stores._records import check_lease, check_save, follow_up_jobs, from_micros, lease_end, to_micros
from flow.stores._redis_client import (
    DEFAULT_TIMEOUT_SECONDS,
    OUTAGE_ERRORS,
    Client,
    close_client,
    redis_client,
    redis_outage,
)
from flow.stores._redis_keys import SHARDS, RedisKeys, conversation_of_job, shard_of
from flow.stores._redis_layout import LAYOUT, WAIT_SECONDS, Progress, open_layout, upgrade_layout
from flow.stores._redis_previous import PREVIOUS_DIRECTORIES, RedisUpgrade, move_directory
from flow.stores.base import ClosesOnExit, FollowUpJob

__all__ = ["LAYOUT", "RedisStore", "RedisUpgrade", "upgrade_redis"]

_PAGE = 500


def _outage(store: RedisStore, error: Exception) -> StoreUnavailable:
    return redis_outage(store._redis, store.timeout, error)


@reports_outages(*OUTAGE_ERRORS, diagnose=_outage)
class RedisStore(ClosesOnExit):
    """Conversations, transcripts and the follow-up queue in Redis or a Redis Cluster.

    ``ttl_closed_seconds``, when set, makes a closed conversation's keys expire that long after
    it closed; its follow-ups stay queued until delivered. ``cluster`` connects to a Redis
    Cluster through any of its nodes. Each command waits at most ``timeout`` seconds (to
    connect, and for the answer) before ``StoreUnavailable`` is raised.

    Opening the store brings keys of the release before to this layout, or waits up to
    ``upgrade_wait_seconds`` for another process doing so; ``upgraded`` says what this open moved.
    Keys of a newer layout raise ``StoreError``.
    """

    blocking = True

    def __init__(
        self,
        url: str,
        *,
        ttl_closed_seconds: int | None = None,
        prefix: str = "tactful:",
        cluster: bool = False,
        timeout: float = DEFAULT_TIMEOUT_SECONDS,
        upgrade_wait_seconds: float = WAIT_SECONDS,
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
        self.cluster = cluster
        self.ttl_closed_seconds = ttl_closed_seconds
        self.timeout = timeout
        self._keys = RedisKeys(prefix)
        self._redis: Client = redis_client(url, timeout=timeout, cluster=cluster)
        self._save = self._redis.register_script(scripts.SAVE)
        self._claim = self._redis.register_script(scripts.CLAIM)
        self._complete = self._redis.register_script(scripts.COMPLETE)
        self._release = self._redis.register_script(scripts.RELEASE)
        self._find_turn = self._redis.register_script(scripts.FIND_TURN)
        self._transcript = self._redis.register_script(scripts.TRANSCRIPT)
        self._recent = RecentSnapshots()
        self.upgraded: RedisUpgrade | None = self._open_layout(upgrade_wait_seconds)
        """What opening this store moved from the release before's layout; ``None`` when nothing had to."""

    def ping(self) -> None:
        """One round trip to the server (to every master of a cluster)."""
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
        keys = [self._keys.conversation(conversation_id, kind) for kind in ("transcript", "messages")]
        found = self._find_turn(keys=keys, args=[message_id])
        return None if found is None else Turn.model_validate_json(found)

    def transcript(self, conversation_id: str) -> list[Turn]:
        """Every turn of the conversation, oldest first."""
        keys = [self._keys.conversation(conversation_id, kind) for kind in ("conversation", "transcript")]
        turns = self._transcript(keys=keys)
        if turns is None:
            raise UnknownConversation(conversation_id)
        return [Turn.model_validate_json(turn) for turn in turns]

    def conversations(self, *, since: datetime | None = None) -> Iterator[Conversation]:
        """Snapshots updated at or after ``since``, least recently updated first, read page by page.

        The shards' indexes are merged as they are read. A conversation saved while the pages are
        read may appear again with its newer snapshot. Ids whose keys expired are dropped from the
        index as the scan meets them.
        """
        merged = heapq.merge(*(self._index(shard, since) for shard in range(SHARDS)))
        page: list[str] = []
        for _, conversation_id in merged:
            page.append(conversation_id)
            if len(page) == _PAGE:
                yield from self._snapshots(page)
                page = []
        yield from self._snapshots(page)

    def claim_follow_ups(
        self, now: datetime, *, worker: str, lease_seconds: float, limit: int = 10
    ) -> list[FollowUpJob]:
        """Lease up to ``limit`` due jobs that nobody holds (or whose lease expired) to ``worker``.

        One read of every shard's earliest job finds the shards with due jobs; each is then claimed
        from by its own script, earliest shard first, until ``limit`` jobs are leased.
        """
        check_lease(lease_seconds, limit)
        expires = lease_end(now, lease_seconds)
        moment = to_micros(now)
        with self._redis.pipeline(transaction=False) as pipe:
            for shard in range(SHARDS):
                pipe.zrangebyscore(self._keys.queue(shard)[0], "-inf", moment, start=0, num=1, withscores=True)
            earliest: list[list[tuple[bytes, float]]] = pipe.execute()
        due = sorted((rows[0][1], shard) for shard, rows in enumerate(earliest) if rows)
        claimed: list[FollowUpJob] = []
        for _, shard in due:
            rows = cast(
                list[list[Any]],
                self._claim(
                    keys=self._keys.queue(shard), args=[moment, to_micros(expires), worker, limit - len(claimed)]
                ),
            )
            claimed += [
                _job(data, at, attempts=int(attempts), worker=worker, lease_expires_at=expires)
                for data, at, attempts in rows
            ]
            if len(claimed) >= limit:
                break
        return sorted(claimed, key=lambda job: (job.due_at, job.id))

    def complete_follow_up(self, job_id: str, *, worker: str) -> bool:
        """Remove a delivered job; ``False`` when ``worker`` no longer holds its lease."""
        return bool(self._complete(keys=self._job_keys(job_id), args=[job_id, worker]))

    def release_follow_up(self, job_id: str, *, worker: str, retry_at: datetime) -> bool:
        """Give back a job whose delivery failed, to be claimed again from ``retry_at``."""
        return bool(self._release(keys=self._job_keys(job_id), args=[job_id, worker, to_micros(retry_at)]))

    def pending_follow_ups(self) -> list[FollowUpJob]:
        """Every job not yet completed, earliest first."""
        with self._redis.pipeline(transaction=False) as pipe:
            for shard in range(SHARDS):
                queue_key, data_key, due_key, worker_key, attempts_key = self._keys.queue(shard)
                pipe.zrange(queue_key, 0, -1, withscores=True)
                for key in (data_key, due_key, worker_key, attempts_key):
                    pipe.hgetall(key)
            replies = pipe.execute()
        jobs = []
        for shard in range(SHARDS):
            queue, data, due, workers, attempts = replies[shard * 5 : shard * 5 + 5]
            for job_id, score in queue:
                holder = workers.get(job_id)
                job = _job(
                    data[job_id],
                    due[job_id],
                    attempts=int(attempts.get(job_id, 0)),
                    worker=None if holder is None else holder.decode(),
                    lease_expires_at=None if holder is None else from_micros(int(score)),
                )
                jobs.append((score, job.id, job))
        return [job for _, _, job in sorted(jobs, key=lambda entry: entry[:2])]

    def close(self) -> None:
        """Close the connections."""
        close_client(self._redis)

    def _open_layout(self, wait_seconds: float) -> RedisUpgrade | None:
        try:
            return open_layout(self._redis, self.prefix, cluster=self.cluster, wait_seconds=wait_seconds)
        except OUTAGE_ERRORS as error:
            close_client(self._redis)
            raise _outage(self, error) from error
        except BaseException:
            close_client(self._redis)
            raise

    def _index(self, shard: int, since: datetime | None) -> Iterator[tuple[float, str]]:
        """The shard's ``(updated_at, id)`` pairs from ``since`` on, in order, read a page at a time."""
        key = self._keys.updated(shard)
        lower: float | str = "-inf" if since is None else to_micros(since)
        seen_at_lower: set[bytes] = set()
        while True:
            wanted = _PAGE + len(seen_at_lower)
            rows = cast(
                list[tuple[bytes, float]],
                self._redis.zrangebyscore(key, lower, "+inf", start=0, num=wanted, withscores=True),
            )
            yield from ((score, cid.decode()) for cid, score in rows if cid not in seen_at_lower)
            if len(rows) < wanted:
                return
            # The next page starts at the last score again, since several ids can share it.
            lower = rows[-1][1]
            seen_at_lower = {cid for cid, score in rows if score == lower}

    def _snapshots(self, ids: list[str]) -> list[Conversation]:
        if not ids:
            return []
        with self._redis.pipeline(transaction=False) as pipe:
            for conversation_id in ids:
                pipe.hget(self._keys.conversation(conversation_id, "conversation"), "snapshot")
            snapshots: list[bytes | None] = pipe.execute()
        for conversation_id, snapshot in zip(ids, snapshots, strict=True):
            if snapshot is None:
                self._redis.zrem(self._keys.updated(shard_of(conversation_id)), conversation_id)
        return [Conversation.model_validate_json(s) for s in snapshots if s is not None]

    def _job_keys(self, job_id: str) -> list[str]:
        return self._keys.queue(shard_of(conversation_of_job(job_id)))

    def _field(self, conversation_id: str, field: str) -> bytes:
        key = self._keys.conversation(conversation_id, "conversation")
        value = cast(bytes | None, self._redis.hget(key, field))
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
        status, detail = cast(Sequence[bytes], self._save(keys=self._keys.save(cid), args=args))
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


def upgrade_redis(
    url: str,
    *,
    prefix: str = "tactful:",
    timeout: float = DEFAULT_TIMEOUT_SECONDS,
    progress: Progress | None = None,
) -> RedisUpgrade:
    """Move everything the release before wrote under ``prefix`` at ``url`` to this release's layout.

    Conversations, transcripts, the index and follow-ups move as a store's open would move them, and
    the Rasa senders and socket.io sessions as their directories' open would, but layout 1 is looked
    for even where the layout key says the move is done. ``url`` may carry ``?cluster=yes``, where
    there is nothing to move. ``progress`` is called with the totals after each batch.
    """
    began = time.perf_counter()
    client = redis_client(url, timeout=timeout)
    try:
        cluster = isinstance(client, redis.RedisCluster)
        report = upgrade_layout(client, prefix, cluster=cluster, progress=progress)
        for kind in PREVIOUS_DIRECTORIES:
            report.directories[kind], report.directories_kept[kind] = move_directory(client, prefix, kind)
    except OUTAGE_ERRORS as error:
        raise redis_outage(client, timeout, error) from error
    finally:
        close_client(client)
    report.seconds = time.perf_counter() - began
    return report
