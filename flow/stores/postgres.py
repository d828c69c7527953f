"""A PostgreSQL store for many workers on many machines: each write is one statement, one transaction.

The tables live in one PostgreSQL schema (``tactful`` unless the URL says ``?schema=``), created
and migrated by version when the store opens. A save is a single statement whose data-modifying
parts update the snapshot only at the expected version, append the turn and enqueue its
follow-ups: PostgreSQL runs it as one transaction, and it costs one round trip.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Any

from pydantic import TypeAdapter

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
from flow.stores._postgres_schema import PostgresLocation, open_pool, postgres_outage
from flow.stores._recent import RecentSnapshots
from flow.stores._records import check_lease, check_save, follow_up_jobs, from_micros, lease_end, to_micros
from flow.stores.base import ClosesOnExit, FollowUpAction, FollowUpJob

if TYPE_CHECKING:
    from psycopg_pool import ConnectionPool

try:
    import psycopg
except ImportError as missing:
    raise StoreError(
        "the PostgreSQL store needs psycopg; install it with: pip install 'tactful[postgres]'"
    ) from missing

DEFAULT_TIMEOUT_SECONDS = 5.0
_PAGE = 500
_ACTION = TypeAdapter[FollowUpAction](FollowUpAction)
_JOB_COLUMNS = "id, conversation_id, turn_number, action, due_at, attempts, worker, lease_expires_at"


def _outage(store: PostgresStore, error: Exception) -> StoreUnavailable | None:
    return postgres_outage(store.location, store.timeout, error)


@reports_outages(psycopg.OperationalError, diagnose=_outage)
class PostgresStore(ClosesOnExit):
    """Conversations, transcripts and the follow-up queue in PostgreSQL, through a pool of connections.

    Connecting, waiting for a free connection and each statement give up after ``timeout`` seconds,
    and ``StoreUnavailable`` is raised.
    """

    blocking = True

    def __init__(self, url: str, *, timeout: float = DEFAULT_TIMEOUT_SECONDS) -> None:
        if not timeout > 0:
            raise StoreError(f"timeout must be a number of seconds above 0, not {timeout}")
        self.location = PostgresLocation.parse(url)
        self.url = url
        self.timeout = timeout
        self._pool: ConnectionPool = open_pool(self.location, timeout=timeout)
        self._recent = RecentSnapshots()
        self._sql = _Statements(self.location.quoted_schema)

    @property
    def schema(self) -> str:
        """The PostgreSQL schema holding the tables."""
        return self.location.schema

    def ping(self) -> None:
        """One round trip on a pooled connection."""
        with self._pool.connection() as db:
            db.execute("SELECT 1")

    def create(self, conversation: Conversation, turn: Turn, *, token_digest: str) -> None:
        """Store a new conversation with its first turn; raise ``ConversationExists`` for a known id."""
        check_save(conversation, turn, None)
        params = self._params(conversation, turn, message_id=None) | {"digest": token_digest}
        if self._count(self._sql.create(bool(params["job_ids"])), params) == 0:
            raise ConversationExists(conversation.id)
        self._recent.put(conversation)

    def load(self, conversation_id: str) -> Conversation:
        """The latest snapshot; raise ``UnknownConversation`` when there is none."""
        return Conversation.model_validate_json(self._value(self._sql.snapshot, conversation_id))

    def load_for_update(self, conversation_id: str) -> Conversation:
        """The snapshot this process last wrote, or the stored one: one round trip a turn when warm."""
        return self._recent.get(conversation_id) or self.load(conversation_id)

    def token_digest(self, conversation_id: str) -> str:
        """The SHA-256 hex digest of the conversation's access token."""
        return self._value(self._sql.digest, conversation_id)

    def save(
        self,
        conversation: Conversation,
        turn: Turn,
        *,
        expected_version: int,
        message_id: str | None = None,
    ) -> None:
        """Compare the version, replace the snapshot, append the turn and enqueue follow-ups in one statement."""
        check_save(conversation, turn, expected_version)
        params = self._params(conversation, turn, message_id=message_id) | {"expected": expected_version}
        try:
            saved = self._count(self._sql.save(bool(params["job_ids"])), params)
        except psycopg.errors.UniqueViolation as error:
            self._recent.forget(conversation.id)
            if message_id is not None and error.diag.constraint_name == "transcript_by_message":
                raise DuplicateMessage(conversation.id, message_id) from error
            raise
        if saved:
            self._recent.put(conversation)
            return
        self._recent.forget(conversation.id)
        with self._pool.connection() as db:
            row = db.execute(self._sql.why_not_saved, (conversation.id, message_id, conversation.id)).fetchone()
        if row is None:
            raise UnknownConversation(conversation.id)
        if row[1]:
            raise DuplicateMessage(conversation.id, str(message_id))
        raise VersionConflict(conversation.id, expected_version, int(row[0]))

    def find_turn(self, conversation_id: str, message_id: str) -> Turn | None:
        """The turn saved with ``message_id``, if any."""
        with self._pool.connection() as db:
            row = db.execute(self._sql.turn_by_message, (conversation_id, message_id)).fetchone()
        return None if row is None else Turn.model_validate_json(row[0])

    def transcript(self, conversation_id: str) -> list[Turn]:
        """Every turn of the conversation, oldest first."""
        with self._pool.connection() as db:
            rows = db.execute(self._sql.transcript, (conversation_id,)).fetchall()
        if not rows:
            self._value(self._sql.digest, conversation_id)
        return [Turn.model_validate_json(row[0]) for row in rows]

    def conversations(self, *, since: datetime | None = None) -> Iterator[Conversation]:
        """Snapshots updated at or after ``since``, least recently updated first, read page by page.

        A conversation saved while the pages are read may appear again with its newer snapshot.
        """
        after: tuple[int, str] = (-(2**62) if since is None else to_micros(since) - 1, "")
        while True:
            with self._pool.connection() as db:
                rows = db.execute(self._sql.page, (*after, _PAGE)).fetchall()
            for _, _, snapshot in rows:
                yield Conversation.model_validate_json(snapshot)
            if len(rows) < _PAGE:
                return
            after = (rows[-1][0], rows[-1][1])

    def claim_follow_ups(
        self, now: datetime, *, worker: str, lease_seconds: float, limit: int = 10
    ) -> list[FollowUpJob]:
        """Lease up to ``limit`` due jobs that nobody holds (or whose lease expired) to ``worker``."""
        check_lease(lease_seconds, limit)
        expires = to_micros(lease_end(now, lease_seconds))
        with self._pool.connection() as db:
            rows = db.execute(self._sql.claim, (worker, expires, expires, to_micros(now), limit)).fetchall()
        return sorted((_job(row) for row in rows), key=lambda job: (job.due_at, job.id))

    def complete_follow_up(self, job_id: str, *, worker: str) -> bool:
        """Remove a delivered job; ``False`` when ``worker`` no longer holds its lease."""
        with self._pool.connection() as db:
            return db.execute(self._sql.complete, (job_id, worker)).rowcount == 1

    def release_follow_up(self, job_id: str, *, worker: str, retry_at: datetime) -> bool:
        """Give back a job whose delivery failed, to be claimed again from ``retry_at``."""
        retry = to_micros(retry_at)
        with self._pool.connection() as db:
            return db.execute(self._sql.release, (retry, retry, job_id, worker)).rowcount == 1

    def pending_follow_ups(self) -> list[FollowUpJob]:
        """Every job not yet completed, earliest first."""
        with self._pool.connection() as db:
            rows = db.execute(self._sql.pending).fetchall()
        return [_job(row) for row in rows]

    def close(self) -> None:
        """Close the pool's connections."""
        self._pool.close()

    def _count(self, sql: str, params: dict[str, Any]) -> int:
        with self._pool.connection() as db:
            row = db.execute(sql, params).fetchone()
        return 0 if row is None else int(row[0])

    def _value(self, sql: str, conversation_id: str) -> str:
        with self._pool.connection() as db:
            row = db.execute(sql, (conversation_id,)).fetchone()
        if row is None:
            raise UnknownConversation(conversation_id)
        return str(row[0])

    @staticmethod
    def _params(conversation: Conversation, turn: Turn, *, message_id: str | None) -> dict[str, Any]:
        jobs = follow_up_jobs(conversation, turn)
        return {
            "id": conversation.id,
            "version": conversation.version,
            "updated_at": to_micros(conversation.updated_at),
            "snapshot": conversation.model_dump_json(),
            "turn": turn.model_dump_json(),
            "message_id": message_id,
            "job_ids": [job.id for job in jobs],
            "job_turns": [job.turn_number for job in jobs],
            "job_actions": [job.action.model_dump_json() for job in jobs],
            "job_due": [to_micros(job.due_at) for job in jobs],
        }


class _Statements:
    """The store's SQL with the schema name filled in, built once per store."""

    def __init__(self, s: str) -> None:
        self.snapshot = f"SELECT snapshot FROM {s}.conversations WHERE id = %s"
        self.digest = f"SELECT token_digest FROM {s}.conversations WHERE id = %s"
        self.turn_by_message = f"SELECT turn FROM {s}.transcript WHERE conversation_id = %s AND message_id = %s"
        self.transcript = f"SELECT turn FROM {s}.transcript WHERE conversation_id = %s ORDER BY version"
        self.why_not_saved = (
            f"SELECT version, EXISTS (SELECT 1 FROM {s}.transcript WHERE conversation_id = %s AND message_id = %s) "
            f"FROM {s}.conversations WHERE id = %s"
        )
        self.page = (
            f"SELECT updated_at, id, snapshot FROM {s}.conversations WHERE (updated_at, id) > (%s, %s) "
            "ORDER BY updated_at, id LIMIT %s"
        )
        self.claim = (
            f"UPDATE {s}.follow_ups SET worker = %s, lease_expires_at = %s, available_at = %s, "
            f"attempts = attempts + 1 WHERE id IN (SELECT id FROM {s}.follow_ups WHERE available_at <= %s "
            f"ORDER BY available_at, id LIMIT %s FOR UPDATE SKIP LOCKED) RETURNING {_JOB_COLUMNS}"
        )
        self.complete = f"DELETE FROM {s}.follow_ups WHERE id = %s AND worker = %s"
        self.release = (
            f"UPDATE {s}.follow_ups SET worker = NULL, lease_expires_at = NULL, due_at = %s, available_at = %s "
            "WHERE id = %s AND worker = %s"
        )
        self.pending = f"SELECT {_JOB_COLUMNS} FROM {s}.follow_ups ORDER BY available_at, id"
        appended = (
            f"appended AS (INSERT INTO {s}.transcript (conversation_id, version, message_id, turn) "
            "SELECT id, %(version)s, %(message_id)s, %(turn)s FROM written RETURNING conversation_id)"
        )
        queued = (
            f", queued AS (INSERT INTO {s}.follow_ups (id, conversation_id, turn_number, action, due_at, "
            "available_at) SELECT j.id, a.conversation_id, j.turn_number, j.action, j.due_at, j.due_at "
            "FROM appended a, unnest(%(job_ids)s::text[], %(job_turns)s::integer[], %(job_actions)s::text[], "
            "%(job_due)s::bigint[]) AS j (id, turn_number, action, due_at) ON CONFLICT (id) DO NOTHING)"
        )
        created = (
            f"WITH written AS (INSERT INTO {s}.conversations (id, version, updated_at, token_digest, snapshot) "
            "VALUES (%(id)s, %(version)s, %(updated_at)s, %(digest)s, %(snapshot)s) ON CONFLICT (id) DO NOTHING "
            f"RETURNING id), {appended}"
        )
        updated = (
            f"WITH written AS (UPDATE {s}.conversations SET version = %(version)s, updated_at = %(updated_at)s, "
            f"snapshot = %(snapshot)s WHERE id = %(id)s AND version = %(expected)s RETURNING id), {appended}"
        )
        count = " SELECT count(*) FROM appended"
        self._create = (created + count, created + queued + count)
        self._save = (updated + count, updated + queued + count)

    def create(self, with_jobs: bool) -> str:
        """Insert the conversation unless its id exists, with its first turn (and follow-ups)."""
        return self._create[with_jobs]

    def save(self, with_jobs: bool) -> str:
        """Replace the snapshot at the expected version, append the turn (and enqueue follow-ups)."""
        return self._save[with_jobs]


def _job(row: tuple[Any, ...]) -> FollowUpJob:
    job_id, conversation_id, turn_number, action, due_at, attempts, worker, lease_expires_at = row
    return FollowUpJob(
        id=job_id,
        conversation_id=conversation_id,
        turn_number=turn_number,
        action=_ACTION.validate_json(action),
        due_at=from_micros(due_at),
        attempts=attempts,
        worker=worker,
        lease_expires_at=None if lease_expires_at is None else from_micros(lease_expires_at),
    )
