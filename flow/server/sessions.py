"""Which conversation each socket.io session is in: a channel directory beside the store, like the Rasa senders.

The server issues every session id itself (a random token it hands out in ``session_confirm``); a
client that asks to resume an id the server never issued, or one whose conversation it forgot,
gets a new one. Only ids that started a conversation are kept, under their SHA-256 digest, so the
directory holds no id a client could present.
"""

from __future__ import annotations

import hashlib
from typing import Protocol

from flow.server.directory import DEFAULT_TIMEOUT_SECONDS, Directory, open_directory
from flow.server.senders import SenderConversation

SOCKETIO_SESSIONS = "socketio_sessions"
"""The directory kind socket.io sessions are kept under."""


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


class DirectorySessions:
    """Sessions kept in the ``socketio_sessions`` channel directory beside the store."""

    def __init__(self, directory: Directory) -> None:
        self._directory = directory

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
    """The directory that lives beside the store at ``store_url``, shared by every server on that store."""
    return DirectorySessions(open_directory(store_url, SOCKETIO_SESSIONS, timeout=timeout))
