"""WAL checkpoints for SQLite in a thread of their own, so that no commit a caller waits on copies pages back.

SQLite's automatic checkpoint runs inside the ``COMMIT`` that fills the WAL past 1,000 pages, and
that commit then copies the pages back into the database file and syncs it, for milliseconds. A
connection that turns it off (``PRAGMA wal_autocheckpoint = 0``) counts its commits here instead,
and every :data:`CHECKPOINT_EVERY` commits a background thread runs ``PRAGMA
wal_checkpoint(PASSIVE)``, which never takes the write lock and so never holds a writer up.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable

_LOG = logging.getLogger("tactful.stores")

CHECKPOINT_EVERY = 200
"""Commits between two checkpoints: about the 1,000 pages after which SQLite would checkpoint itself."""


class BackgroundCheckpoints:
    """Checkpoints one SQLite file from a daemon thread, started at the first checkpoint due."""

    def __init__(self, connect: Callable[[], sqlite3.Connection], *, every: int = CHECKPOINT_EVERY) -> None:
        self._connect = connect
        self._every = every
        self._commits = 0
        self._due = threading.Event()
        self._stopping = False
        self._thread: threading.Thread | None = None
        self._start_lock = threading.Lock()
        self.done = 0

    def committed(self) -> None:
        """Count one commit made without an automatic checkpoint; wake the thread when a checkpoint is due."""
        self._commits += 1
        if self._commits < self._every:
            return
        self._commits = 0
        if self._thread is None:
            with self._start_lock:
                if self._thread is None and not self._stopping:
                    self._thread = threading.Thread(target=self._run, name="tactful-sqlite-checkpoints", daemon=True)
                    self._thread.start()
        self._due.set()

    def close(self) -> None:
        """Stop the thread after the checkpoint it may be running."""
        with self._start_lock:
            self._stopping = True
            thread = self._thread
        self._due.set()
        if thread is not None:
            thread.join()

    def _run(self) -> None:
        db = self._connect()
        try:
            while True:
                self._due.wait()
                self._due.clear()
                if self._stopping:
                    return
                try:
                    db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
                except sqlite3.Error as error:
                    _LOG.warning("could not checkpoint the SQLite WAL, will try again: %s", error)
                    continue
                self.done += 1
        finally:
            db.close()
