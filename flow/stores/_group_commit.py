"""Group commit for SQLite: the writes of threads that arrive together share one transaction.

A thread hands its write (a function of the connection) to :meth:`GroupCommit.write` and blocks
until it is committed. Whoever takes the commit lock first becomes the leader: it runs every write
waiting at that moment, each inside its own savepoint so that one refused write (a version
conflict, a duplicate message) is rolled back alone, then commits them all at once. The others
find their writes done when the lock comes to them. A write therefore returns only after the
``COMMIT`` that made it durable, never before; when ``BEGIN`` or ``COMMIT`` itself fails, every
write of that batch gets the error and none of them is applied.

One process's writers then queue on a Python lock rather than on SQLite's busy handler, which
sleeps between polls of the file lock; writers in other processes still wait on the busy timeout.

A thread inside :func:`flow.stores.waiting.without_waiting` joins no line: it runs its write in a
transaction of its own if the commit lock is free at once, and raises ``StoreBusy`` otherwise.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Generic, TypeVar

from flow.errors import StoreBusy
from flow.stores.waiting import waiting_refused

T = TypeVar("T")

Write = Callable[[sqlite3.Connection], T]

MAX_BATCH = 64
"""Writes committed together at most, so that one leader does not serve a long line alone."""


class _Pending(Generic[T]):
    """A write waiting for a leader, and what became of it."""

    __slots__ = ("done", "error", "result", "write")

    def __init__(self, write: Write[T]) -> None:
        self.write = write
        self.done = False
        self.result: T | None = None
        self.error: BaseException | None = None


class GroupCommit:
    """Runs writes from many threads in shared ``BEGIN IMMEDIATE`` … ``COMMIT`` transactions."""

    def __init__(self, connection: Callable[[], sqlite3.Connection], *, name: str = "SQLite file") -> None:
        self._connection = connection
        self._name = name
        self._commit_lock = threading.Lock()
        self._waiting_lock = threading.Lock()
        self._waiting: list[_Pending[Any]] = []
        self.batches = 0
        self.writes = 0

    def write(self, write: Write[T]) -> T:
        """Run ``write`` in a transaction, perhaps shared with other threads' writes; its result once committed."""
        if waiting_refused():
            with self.transaction() as db:
                return write(db)
        pending: _Pending[T] = _Pending(write)
        with self._waiting_lock:
            self._waiting.append(pending)
        with self._commit_lock:
            # A leader commits at most MAX_BATCH writes, so a long line may need several batches.
            while not pending.done:
                self._lead()
        if pending.error is not None:
            raise pending.error
        return pending.result  # type: ignore[return-value]

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A transaction of this thread's own, between two batches (for writes that are not turns)."""
        if not self._commit_lock.acquire(blocking=not waiting_refused()):
            raise StoreBusy("SQLite", f"the {self._name} is being written by another thread of this process")
        try:
            db = self._connection()
            _begin(db)
            try:
                yield db
                db.execute("COMMIT")
            except BaseException:
                _rollback(db)
                raise
        finally:
            self._commit_lock.release()

    def _lead(self) -> None:
        with self._waiting_lock:
            batch, self._waiting = self._waiting[:MAX_BATCH], self._waiting[MAX_BATCH:]
        db = self._connection()
        try:
            _begin(db)
            if len(batch) == 1:
                _run(db, batch[0])
            else:
                for pending in batch:
                    db.execute("SAVEPOINT turn")
                    if not _run(db, pending):
                        db.execute("ROLLBACK TO turn")
                    db.execute("RELEASE turn")
            if all(pending.error is not None for pending in batch):
                _rollback(db)
            else:
                db.execute("COMMIT")
        except BaseException as error:
            _rollback(db)
            for pending in batch:
                if pending.error is None:
                    pending.error = error
                    pending.result = None
        finally:
            self.batches += 1
            self.writes += len(batch)
            for pending in batch:
                pending.done = True


def _begin(db: sqlite3.Connection) -> None:
    # IMMEDIATE takes the write lock up front, so writers of other processes queue on the busy
    # timeout instead of failing when a read transaction tries to upgrade.
    db.execute("BEGIN IMMEDIATE")


def _rollback(db: sqlite3.Connection) -> None:
    # A COMMIT that failed (busy, disk full) leaves the transaction open on this connection.
    if db.in_transaction:
        db.execute("ROLLBACK")


def _run(db: sqlite3.Connection, pending: _Pending[Any]) -> bool:
    """Run one write; ``False`` when it refused (its error kept for its thread), so its changes must be undone.

    An ``OperationalError`` (the file cannot be written) is no refusal: it fails the whole batch.
    """
    try:
        pending.result = pending.write(db)
    except sqlite3.OperationalError:
        raise
    except Exception as error:
        pending.error = error
        return False
    return True
