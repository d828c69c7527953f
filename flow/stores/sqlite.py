"""The embedded default store: one SQLite file in WAL mode, shared by threads and processes."""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Literal, get_args

from pydantic import TypeAdapter

from flow.errors import (
    ConversationExists,
    DuplicateMessage,
    StoreBusy,
    StoreError,
    StoreUnavailable,
    UnknownConversation,
    VersionConflict,
)
from flow.models import Conversation, Turn
from flow.stores._checkpoints import BackgroundCheckpoints
from flow.stores._group_commit import GroupCommit
from flow.stores._outages import reports_outages
from flow.stores._recent import RecentSnapshots
from flow.stores._records import (
    check_lease,
    check_save,
    follow_up_jobs,
    from_micros,
    lease_end,
    to_micros,
)
from flow.stores.base import ClosesOnExit, FollowUpAction, FollowUpJob
from flow.stores.waiting import waiting_refused

Synchronous = Literal["OFF", "NORMAL", "FULL", "EXTRA"]
SYNCHRONOUS: tuple[Synchronous, ...] = get_args(Synchronous)
_WITHOUT_SYNC_ON_COMMIT: tuple[Synchronous, ...] = ("OFF", "NORMAL")
_AUTOCHECKPOINT_PAGES = 1000

# Entry ``i`` takes a file from schema version ``i`` to ``i + 1``; PRAGMA user_version records it.
_MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE conversations (
            id TEXT PRIMARY KEY,
            version INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            token_digest TEXT NOT NULL,
            snapshot TEXT NOT NULL
        )""",
        "CREATE INDEX conversations_by_update ON conversations (updated_at, id)",
        """CREATE TABLE transcript (
            conversation_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            message_id TEXT,
            turn TEXT NOT NULL,
            PRIMARY KEY (conversation_id, version)
        ) WITHOUT ROWID""",
        """CREATE UNIQUE INDEX transcript_by_message ON transcript (conversation_id, message_id)
            WHERE message_id IS NOT NULL""",
        """CREATE TRIGGER transcript_no_update BEFORE UPDATE ON transcript
            BEGIN SELECT RAISE(ABORT, 'the transcript is append-only'); END""",
        """CREATE TRIGGER transcript_no_delete BEFORE DELETE ON transcript
            BEGIN SELECT RAISE(ABORT, 'the transcript is append-only'); END""",
        """CREATE TABLE follow_ups (
            id TEXT PRIMARY KEY,
            conversation_id TEXT NOT NULL,
            turn_number INTEGER NOT NULL,
            action TEXT NOT NULL,
            due_at INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            worker TEXT,
            lease_expires_at INTEGER,
            available_at INTEGER NOT NULL
        )""",
        "CREATE INDEX follow_ups_by_availability ON follow_ups (available_at, id)",
    ),
)
SCHEMA_VERSION = len(_MIGRATIONS)

_PAGE = 500
_ACTION = TypeAdapter[FollowUpAction](FollowUpAction)
_JOB_COLUMNS = "id, conversation_id, turn_number, action, due_at, attempts, worker, lease_expires_at"
# Primary result codes that mean the file cannot be used right now, rather than a bug in a statement.
_OUTAGE_CODES = frozenset({sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED, sqlite3.SQLITE_IOERR, sqlite3.SQLITE_FULL})
_LOCKED_CODES = frozenset({sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED})


def _outage(store: SqliteStore, error: Exception) -> StoreUnavailable | None:
    code = getattr(error, "sqlite_errorcode", 0) & 0xFF
    if code in _LOCKED_CODES and waiting_refused():
        return StoreBusy("SQLite", f"the SQLite file {store.path} is locked by another writer")
    if code in _LOCKED_CODES:
        waited = f"{store.busy_timeout:g} s"
        return StoreUnavailable("SQLite", f"the SQLite file {store.path} is locked by another writer after {waited}")
    if code in _OUTAGE_CODES:
        return StoreUnavailable("SQLite", f"the SQLite file {store.path} cannot be written ({error})")
    return None


@reports_outages(sqlite3.OperationalError, diagnose=_outage)
class SqliteStore(ClosesOnExit):
    """Conversations, transcript and follow-up queue in one SQLite file.

    Each thread gets its own connection. The saves of threads that arrive together are committed in
    one ``BEGIN IMMEDIATE`` transaction (group commit, see :mod:`flow.stores._group_commit`), and each
    returns only once that transaction is committed. Several processes can share the file and wait up
    to ``busy_timeout`` seconds for each other, after which ``StoreUnavailable`` is raised.

    Inside :func:`flow.stores.waiting.without_waiting` a call waits for no lock: it raises
    ``StoreBusy``, having changed nothing, when another writer holds one; and that thread's commits
    leave the WAL checkpoints to a background thread.
    """

    blocking = True

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        synchronous: Synchronous = "NORMAL",
        busy_timeout: float = 30.0,
    ) -> None:
        self.path = Path(path)
        if str(path) == ":memory:" or str(path).startswith("file:"):
            raise StoreError(f"SqliteStore needs a file path, not {str(path)!r}; use MemoryStore for a store in memory")
        if synchronous not in SYNCHRONOUS:
            raise StoreError(f"synchronous must be one of {', '.join(SYNCHRONOUS)}, not {synchronous!r}")
        self._synchronous = synchronous
        self._busy_timeout = busy_timeout
        self._local = threading.local()
        self._lock = threading.Lock()
        self._connections: list[tuple[threading.Thread, sqlite3.Connection]] = []
        self._closed = False
        self._group = GroupCommit(self._connection, name=f"SQLite file {self.path}")
        self._recent = RecentSnapshots()
        self._checkpoints = BackgroundCheckpoints(self._checkpoint_connection)
        self._migrate(self._connection())

    @property
    def synchronous(self) -> Synchronous:
        """The ``PRAGMA synchronous`` every connection uses: ``FULL`` survives a power cut."""
        return self._synchronous

    @property
    def busy_timeout(self) -> float:
        """How many seconds a write waits for another writer's lock before giving up."""
        return self._busy_timeout

    @property
    def tries_without_waiting(self) -> bool:
        """Whether calls may be made on a thread that must not wait (see :mod:`flow.stores.waiting`).

        Not with ``synchronous`` ``FULL`` or ``EXTRA``: every commit then waits for the disk.
        """
        return self._synchronous in _WITHOUT_SYNC_ON_COMMIT

    def ping(self) -> None:
        """Take the write lock and give it back: a save could be made now."""
        with self._write():
            pass

    def create(self, conversation: Conversation, turn: Turn, *, token_digest: str) -> None:
        """Store a new conversation with its first turn; raise ``ConversationExists`` for a known id."""
        check_save(conversation, turn, None)
        snapshot = conversation.model_dump_json()

        def insert(db: sqlite3.Connection) -> None:
            try:
                db.execute(
                    "INSERT INTO conversations (id, version, updated_at, token_digest, snapshot) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (
                        conversation.id,
                        conversation.version,
                        to_micros(conversation.updated_at),
                        token_digest,
                        snapshot,
                    ),
                )
            except sqlite3.IntegrityError as error:
                raise ConversationExists(conversation.id) from error
            self._append(db, conversation, turn, None)

        self._group.write(insert)
        self._committed()
        self._recent.put(conversation)

    def load(self, conversation_id: str) -> Conversation:
        """The latest snapshot; raise ``UnknownConversation`` when there is none."""
        row = self._one("SELECT snapshot FROM conversations WHERE id = ?", conversation_id)
        return Conversation.model_validate_json(row[0])

    def load_for_update(self, conversation_id: str) -> Conversation:
        """The snapshot this process last wrote, or the stored one (``save`` compares versions either way)."""
        return self._recent.get(conversation_id) or self.load(conversation_id)

    def token_digest(self, conversation_id: str) -> str:
        """The SHA-256 hex digest of the conversation's access token."""
        row = self._one("SELECT token_digest FROM conversations WHERE id = ?", conversation_id)
        return str(row[0])

    def save(
        self,
        conversation: Conversation,
        turn: Turn,
        *,
        expected_version: int,
        message_id: str | None = None,
    ) -> None:
        """Replace the snapshot, append ``turn`` and enqueue its follow-ups in one transaction."""
        check_save(conversation, turn, expected_version)
        snapshot = conversation.model_dump_json()

        def update(db: sqlite3.Connection) -> None:
            if (
                message_id is not None
                and db.execute(
                    "SELECT 1 FROM transcript WHERE conversation_id = ? AND message_id = ?",
                    (conversation.id, message_id),
                ).fetchone()
            ):
                raise DuplicateMessage(conversation.id, message_id)
            updated = db.execute(
                "UPDATE conversations SET version = ?, updated_at = ?, snapshot = ? WHERE id = ? AND version = ?",
                (conversation.version, to_micros(conversation.updated_at), snapshot, conversation.id, expected_version),
            )
            if updated.rowcount == 0:
                row = db.execute("SELECT version FROM conversations WHERE id = ?", (conversation.id,))
                found = row.fetchone()
                if found is None:
                    raise UnknownConversation(conversation.id)
                raise VersionConflict(conversation.id, expected_version, int(found[0]))
            self._append(db, conversation, turn, message_id)

        try:
            self._group.write(update)
        except BaseException:
            self._recent.forget(conversation.id)
            raise
        self._committed()
        self._recent.put(conversation)

    def find_turn(self, conversation_id: str, message_id: str) -> Turn | None:
        """The turn saved with ``message_id``, if any."""
        row = (
            self._connection()
            .execute(
                "SELECT turn FROM transcript WHERE conversation_id = ? AND message_id = ?",
                (conversation_id, message_id),
            )
            .fetchone()
        )
        return None if row is None else Turn.model_validate_json(row[0])

    def transcript(self, conversation_id: str) -> list[Turn]:
        """Every turn of the conversation, oldest first."""
        rows = (
            self._connection()
            .execute("SELECT turn FROM transcript WHERE conversation_id = ? ORDER BY version", (conversation_id,))
            .fetchall()
        )
        if not rows:
            self._one("SELECT 1 FROM conversations WHERE id = ?", conversation_id)
        return [Turn.model_validate_json(row[0]) for row in rows]

    def conversations(self, *, since: datetime | None = None) -> Iterator[Conversation]:
        """Snapshots updated at or after ``since``, least recently updated first, read page by page.

        A conversation saved while the pages are read may appear again with its newer snapshot.
        """
        after: tuple[int, str] = (-(2**62) if since is None else to_micros(since) - 1, "")
        while True:
            rows = (
                self._connection()
                .execute(
                    "SELECT updated_at, id, snapshot FROM conversations WHERE (updated_at, id) > (?, ?) "
                    "ORDER BY updated_at, id LIMIT ?",
                    (*after, _PAGE),
                )
                .fetchall()
            )
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
        with self._write() as db:
            rows = db.execute(
                "UPDATE follow_ups SET worker = ?, lease_expires_at = ?, available_at = ?, "
                "attempts = attempts + 1 WHERE id IN (SELECT id FROM follow_ups WHERE available_at <= ? "
                f"ORDER BY available_at, id LIMIT ?) RETURNING {_JOB_COLUMNS}",
                (worker, expires, expires, to_micros(now), limit),
            ).fetchall()
        return sorted((_job(row) for row in rows), key=lambda job: (job.due_at, job.id))

    def complete_follow_up(self, job_id: str, *, worker: str) -> bool:
        """Remove a delivered job; ``False`` when ``worker`` no longer holds its lease."""
        with self._write() as db:
            deleted = db.execute("DELETE FROM follow_ups WHERE id = ? AND worker = ?", (job_id, worker))
            return deleted.rowcount == 1

    def release_follow_up(self, job_id: str, *, worker: str, retry_at: datetime) -> bool:
        """Give back a job whose delivery failed, to be claimed again from ``retry_at``."""
        retry = to_micros(retry_at)
        with self._write() as db:
            released = db.execute(
                "UPDATE follow_ups SET worker = NULL, lease_expires_at = NULL, due_at = ?, "
                "available_at = ? WHERE id = ? AND worker = ?",
                (retry, retry, job_id, worker),
            )
            return released.rowcount == 1

    def pending_follow_ups(self) -> list[FollowUpJob]:
        """Every job not yet completed, earliest first."""
        rows = self._connection().execute(f"SELECT {_JOB_COLUMNS} FROM follow_ups ORDER BY available_at, id").fetchall()
        return [_job(row) for row in rows]

    def close(self) -> None:
        """Close every thread's connection; the store cannot be used afterwards."""
        self._checkpoints.close()
        with self._lock:
            self._closed = True
            connections, self._connections = self._connections, []
        for _, connection in connections:
            connection.close()

    def _connection(self) -> sqlite3.Connection:
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is None or self._closed:
            connection = self._open()
        refused = waiting_refused()
        if self._local.refusing is not refused:
            # Waits for no lock, and leaves the checkpoints to the background thread; or the reverse.
            timeout_ms, pages = (0, 0) if refused else (round(self._busy_timeout * 1000), _AUTOCHECKPOINT_PAGES)
            connection.execute(f"PRAGMA busy_timeout = {timeout_ms}")
            connection.execute(f"PRAGMA wal_autocheckpoint = {pages}")
            self._local.refusing = refused
        return connection

    def _open(self) -> sqlite3.Connection:
        with self._lock:
            if self._closed:
                raise StoreError(f"the store for {self.path} is closed; open a new SqliteStore")
            try:
                connection = sqlite3.connect(
                    self.path, timeout=self._busy_timeout, isolation_level=None, check_same_thread=False
                )
            except sqlite3.Error as error:
                raise StoreError(
                    f"cannot open SQLite file {self.path} ({error}); check that its folder exists and is writable"
                ) from error
            # Threads come and go (a server's pool retires idle ones); their connections go with them.
            ended = [pair for pair in self._connections if not pair[0].is_alive()]
            for pair in ended:
                self._connections.remove(pair)
                pair[1].close()
            self._connections.append((threading.current_thread(), connection))
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute(f"PRAGMA synchronous = {self._synchronous}")
        self._local.connection = connection
        self._local.refusing = False
        return connection

    def _checkpoint_connection(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=self._busy_timeout, isolation_level=None, check_same_thread=False)

    def _committed(self) -> None:
        if waiting_refused():
            self._checkpoints.committed()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._group.transaction() as db:
            yield db

    def _one(self, sql: str, conversation_id: str) -> tuple[str, ...]:
        row: tuple[str, ...] | None = self._connection().execute(sql, (conversation_id,)).fetchone()
        if row is None:
            raise UnknownConversation(conversation_id)
        return row

    def _migrate(self, db: sqlite3.Connection) -> None:
        with self._write():
            found = int(db.execute("PRAGMA user_version").fetchone()[0])
            if found > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path} has schema version {found}, newer than {SCHEMA_VERSION} which this "
                    "tactful understands; upgrade tactful to open it"
                )
            for statements in _MIGRATIONS[found:]:
                for statement in statements:
                    db.execute(statement)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    @staticmethod
    def _append(db: sqlite3.Connection, conversation: Conversation, turn: Turn, message_id: str | None) -> None:
        db.execute(
            "INSERT INTO transcript (conversation_id, version, message_id, turn) VALUES (?, ?, ?, ?)",
            (conversation.id, conversation.version, message_id, turn.model_dump_json()),
        )
        jobs = follow_up_jobs(conversation, turn)
        if jobs:
            db.executemany(
                "INSERT OR IGNORE INTO follow_ups (id, conversation_id, turn_number, action, due_at, "
                "available_at) VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (
                        job.id,
                        job.conversation_id,
                        job.turn_number,
                        job.action.model_dump_json(),
                        to_micros(job.due_at),
                        to_micros(job.due_at),
                    )
                    for job in jobs
                ],
            )


def _job(row: tuple[str, str, int, str, int, int, str | None, int | None]) -> FollowUpJob:
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
