"""Directories from a channel's own name for a customer to the conversation that customer is in.

Some channels name a customer only by an id of their own: the Rasa REST channel by ``sender``, a
socket.io channel by its session. A directory of one *kind* (``rasa_senders``, say) maps such a key
to a conversation id and its token. It lives where the store lives, so every worker sharing a store
shares it, and its one write is a compare-and-set: when several workers see a new key at once,
exactly one entry wins and every worker learns which.

A second kind is one more name passed to :func:`open_directory`; each backend keeps kinds apart.
A directory that cannot answer in time raises ``StoreUnavailable``, as the stores do.
"""

from __future__ import annotations

import secrets
import sqlite3
import string
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import NamedTuple, Protocol
from urllib.parse import urlsplit

from flow.errors import StoreError, StoreUnavailable
from flow.stores._outages import reports_outages

DEFAULT_TIMEOUT_SECONDS = 5.0

_KIND_CHARACTERS = frozenset(string.ascii_lowercase + string.digits + "_")

# Kinds that SQLite files kept in a table of their own before directories had kinds: (table, key column).
_PREVIOUS_SQLITE_TABLES = {
    "rasa_senders": ("rasa_senders", "sender"),
    "socketio_sessions": ("socketio_sessions", "session_key"),
}


class DirectoryEntry(NamedTuple):
    """The conversation a channel's customer is talking in, and the token that opens it."""

    conversation_id: str
    token: str

    @classmethod
    def new(cls) -> DirectoryEntry:
        """An id and token for a conversation not opened yet (the form ``Engine`` and the service use)."""
        return cls(secrets.token_hex(12), secrets.token_urlsafe(32))


class Directory(Protocol):
    """Maps a channel's key for a customer to that customer's current conversation."""

    kind: str

    def find(self, key: str) -> DirectoryEntry | None:
        """The key's current entry, if it has one."""
        ...

    def claim(self, key: str, entry: DirectoryEntry, *, replacing: DirectoryEntry | None = None) -> DirectoryEntry:
        """Put ``entry`` in place if the key's entry is still ``replacing`` (or absent, for ``None``).

        Returns the entry in place afterwards: ``entry`` when this call won, else the one that did.
        """
        ...

    def close(self) -> None:
        """Release connections."""
        ...


def check_kind(kind: str) -> str:
    """``kind`` if it is a plain lower-case name (it becomes part of keys and table rows)."""
    if not (0 < len(kind) <= 40 and kind[0] in string.ascii_lowercase and set(kind) <= _KIND_CHARACTERS):
        raise StoreError(f"directory kind {kind!r} must be a lower-case name of letters, digits and underscores")
    return kind


class MemoryDirectory:
    """A directory in this process only, for the ``memory`` store."""

    def __init__(self, kind: str) -> None:
        self.kind = check_kind(kind)
        self._entries: dict[str, DirectoryEntry] = {}
        self._lock = threading.Lock()

    def find(self, key: str) -> DirectoryEntry | None:
        """The key's current entry, if it has one."""
        return self._entries.get(key)

    def claim(self, key: str, entry: DirectoryEntry, *, replacing: DirectoryEntry | None = None) -> DirectoryEntry:
        """Put ``entry`` in place if the key's entry is still ``replacing``; the entry in place afterwards."""
        with self._lock:
            if self._entries.get(key) == replacing:
                self._entries[key] = entry
            return self._entries[key]

    def close(self) -> None:
        """Nothing to release."""


def _sqlite_outage(directory: SqliteDirectory, error: Exception) -> StoreUnavailable | None:
    if getattr(error, "sqlite_errorcode", 0) & 0xFF not in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return None
    waited = f"{directory.timeout:g} s"
    return StoreUnavailable("SQLite", f"the SQLite file {directory.path} is locked by another writer after {waited}")


@reports_outages(sqlite3.OperationalError, diagnose=_sqlite_outage)
class SqliteDirectory:
    """A ``directory`` table in the store's SQLite file; each claim is one ``BEGIN IMMEDIATE`` transaction."""

    def __init__(self, path: str, kind: str, *, timeout: float = DEFAULT_TIMEOUT_SECONDS) -> None:
        self.kind = check_kind(kind)
        self.path = path
        self.timeout = timeout
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None, timeout=timeout)
        with self._transaction():
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS directory (kind TEXT NOT NULL, key TEXT NOT NULL, "
                "conversation_id TEXT NOT NULL, token TEXT NOT NULL, PRIMARY KEY (kind, key)) WITHOUT ROWID"
            )
            self._move_previous_table()

    def find(self, key: str) -> DirectoryEntry | None:
        """The key's current entry, if it has one."""
        with self._lock:
            return self._current(key)

    def claim(self, key: str, entry: DirectoryEntry, *, replacing: DirectoryEntry | None = None) -> DirectoryEntry:
        """Put ``entry`` in place if the key's entry is still ``replacing``; the entry in place afterwards."""
        with self._transaction():
            current = self._current(key)
            if current != replacing:
                assert current is not None
                return current
            self._db.execute(
                "INSERT OR REPLACE INTO directory (kind, key, conversation_id, token) VALUES (?, ?, ?, ?)",
                (self.kind, key, *entry),
            )
            return entry

    def close(self) -> None:
        """Close the connection."""
        self._db.close()

    def _move_previous_table(self) -> None:
        """Move this kind's rows from the table of its own that files written before directories had kinds kept."""
        found = _PREVIOUS_SQLITE_TABLES.get(self.kind)
        if found is None:
            return
        table, key_column = found
        if self._db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone():
            # The names come from the fixed mapping above, never from input.
            self._db.execute(
                f"INSERT OR IGNORE INTO directory SELECT ?, {key_column}, conversation_id, token FROM {table}",
                (self.kind,),
            )
            self._db.execute(f"DROP TABLE {table}")

    def _current(self, key: str) -> DirectoryEntry | None:
        row = self._db.execute(
            "SELECT conversation_id, token FROM directory WHERE kind = ? AND key = ?", (self.kind, key)
        ).fetchone()
        return DirectoryEntry(row[0], row[1]) if row else None

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        # IMMEDIATE takes the write lock before the read, so two processes cannot both see a key free.
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield
                self._db.execute("COMMIT")
            except BaseException:
                # A COMMIT that failed (busy, disk full) leaves the transaction open on this connection.
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise


def open_directory(store_url: str, kind: str, *, timeout: float = DEFAULT_TIMEOUT_SECONDS) -> Directory:
    """The directory of ``kind`` beside the store at ``store_url``; a call waits at most ``timeout`` seconds."""
    if store_url in ("memory", "memory://"):
        return MemoryDirectory(kind)
    # The query holds the store's own options (``?synchronous=``, ``?ttl_closed=``), not the location.
    location = store_url.partition("?")[0]
    scheme = urlsplit(location).scheme
    if scheme == "sqlite":
        path = location.removeprefix("sqlite:///")
        return MemoryDirectory(kind) if path in ("", ":memory:") else SqliteDirectory(path, kind, timeout=timeout)
    if scheme in ("redis", "rediss", "unix"):
        from flow.server.directory_redis import RedisDirectory

        return RedisDirectory(store_url, kind, timeout=timeout)
    if scheme in ("postgresql", "postgres"):
        from flow.server.directory_postgres import PostgresDirectory

        return PostgresDirectory(store_url, kind, timeout=timeout)
    raise StoreError(
        f"cannot keep a {kind} directory beside the store {store_url!r}; "
        "use memory, sqlite:///PATH, redis:// or postgresql://"
    )
