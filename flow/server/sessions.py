"""Which conversation each socket.io session is in: a small table beside the store, like the Rasa senders.

The server issues every session id itself (a random token it hands out in ``session_confirm``); a
client that asks to resume an id the server never issued, or one whose conversation it forgot,
gets a new one. Only ids that started a conversation are kept, under their SHA-256 digest, so the
table holds no id a client could present.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from typing import Protocol
from urllib.parse import urlsplit

from flow.errors import StoreError
from flow.server.senders import DEFAULT_TIMEOUT_SECONDS, SenderConversation


def session_key(session_id: str) -> str:
    """The digest a session id is kept under."""
    return hashlib.sha256(session_id.encode()).hexdigest()


class SessionDirectory(Protocol):
    """Maps a socket.io session id to its conversation."""

    def find(self, session_id: str) -> SenderConversation | None:
        """The session's conversation, if the server issued the id and it started one."""
        ...

    def remember(self, session_id: str, conversation: SenderConversation) -> None:
        """Make ``conversation`` the session's current one."""
        ...

    def close(self) -> None:
        """Release connections."""
        ...


class MemorySessions:
    """A directory in this process only, for the ``memory`` store."""

    def __init__(self) -> None:
        self._sessions: dict[str, SenderConversation] = {}

    def find(self, session_id: str) -> SenderConversation | None:
        """The session's conversation, if any."""
        return self._sessions.get(session_key(session_id))

    def remember(self, session_id: str, conversation: SenderConversation) -> None:
        """Make ``conversation`` the session's current one."""
        self._sessions[session_key(session_id)] = conversation

    def close(self) -> None:
        """Nothing to release."""


class SqliteSessions:
    """A ``socketio_sessions`` table in the store's SQLite file."""

    def __init__(self, path: str, *, timeout: float = DEFAULT_TIMEOUT_SECONDS) -> None:
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None, timeout=timeout)
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS socketio_sessions ("
            "session_key TEXT PRIMARY KEY, conversation_id TEXT NOT NULL, token TEXT NOT NULL)"
        )

    def find(self, session_id: str) -> SenderConversation | None:
        """The session's conversation, if any."""
        with self._lock:
            row = self._db.execute(
                "SELECT conversation_id, token FROM socketio_sessions WHERE session_key = ?", (session_key(session_id),)
            ).fetchone()
        return SenderConversation(row[0], row[1]) if row else None

    def remember(self, session_id: str, conversation: SenderConversation) -> None:
        """Make ``conversation`` the session's current one."""
        with self._lock:
            self._db.execute(
                "INSERT INTO socketio_sessions (session_key, conversation_id, token) VALUES (?, ?, ?) "
                "ON CONFLICT (session_key) DO UPDATE SET conversation_id = excluded.conversation_id, "
                "token = excluded.token",
                (session_key(session_id), *conversation),
            )

    def close(self) -> None:
        """Close the connection."""
        self._db.close()


class DirectorySessions:
    """Sessions kept in a ``socketio_sessions`` channel directory, for Redis, a Redis Cluster or PostgreSQL."""

    def __init__(self, store_url: str, *, timeout: float = DEFAULT_TIMEOUT_SECONDS) -> None:
        from flow.server.directory import open_directory

        self._directory = open_directory(store_url, "socketio_sessions", timeout=timeout)

    def find(self, session_id: str) -> SenderConversation | None:
        """The session's conversation, if any."""
        return self._directory.find(session_key(session_id))

    def remember(self, session_id: str, conversation: SenderConversation) -> None:
        """Make ``conversation`` the session's current one (one client owns a session id)."""
        key = session_key(session_id)
        self._directory.claim(key, conversation, replacing=self._directory.find(key))

    def close(self) -> None:
        """Close the directory's connections."""
        self._directory.close()


def open_session_directory(store_url: str, *, timeout: float = DEFAULT_TIMEOUT_SECONDS) -> SessionDirectory:
    """The directory that lives beside the store at ``store_url``."""
    if store_url in ("memory", "memory://"):
        return MemorySessions()
    location = store_url.partition("?")[0]
    scheme = urlsplit(location).scheme
    if scheme == "sqlite":
        path = location.removeprefix("sqlite:///")
        return MemorySessions() if path in ("", ":memory:") else SqliteSessions(path, timeout=timeout)
    if scheme in ("redis", "rediss", "unix", "postgresql", "postgres"):
        return DirectorySessions(store_url, timeout=timeout)
    raise StoreError(
        f"cannot keep socket.io sessions for store {store_url!r}; use memory, sqlite:///PATH, redis:// or postgresql://"
    )
