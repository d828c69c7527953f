"""Which conversation each Rasa-channel sender is in: a small table beside the conversation store.

The Rasa REST channel names a customer only by ``sender``; the directory remembers the conversation
id and token that sender's messages go to. It lives where the store lives, so every worker sharing
a store shares the directory.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, NamedTuple, Protocol
from urllib.parse import urlsplit

from flow.errors import StoreUnavailable, TactfulError
from flow.stores._outages import reports_outages

if TYPE_CHECKING:
    import redis

DEFAULT_TIMEOUT_SECONDS = 5.0


class SenderConversation(NamedTuple):
    """The conversation a sender is talking in, and the token that opens it."""

    conversation_id: str
    token: str


class SenderDirectory(Protocol):
    """Maps a Rasa ``sender`` to its current conversation."""

    def find(self, sender: str) -> SenderConversation | None:
        """The sender's current conversation, if it has one."""
        ...

    def remember(self, sender: str, conversation: SenderConversation) -> None:
        """Make ``conversation`` the sender's current one."""
        ...

    def close(self) -> None:
        """Release connections."""
        ...


class MemorySenders:
    """A directory in this process only, for the ``memory`` store."""

    def __init__(self) -> None:
        self._senders: dict[str, SenderConversation] = {}

    def find(self, sender: str) -> SenderConversation | None:
        """The sender's current conversation, if it has one."""
        return self._senders.get(sender)

    def remember(self, sender: str, conversation: SenderConversation) -> None:
        """Make ``conversation`` the sender's current one."""
        self._senders[sender] = conversation

    def close(self) -> None:
        """Nothing to release."""


def _sqlite_outage(senders: SqliteSenders, error: Exception) -> StoreUnavailable | None:
    if getattr(error, "sqlite_errorcode", 0) & 0xFF not in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return None
    waited = f"{senders.timeout:g} s"
    return StoreUnavailable("SQLite", f"the SQLite file {senders.path} is locked by another writer after {waited}")


@reports_outages(sqlite3.OperationalError, diagnose=_sqlite_outage)
class SqliteSenders:
    """A ``rasa_senders`` table in the store's SQLite file."""

    def __init__(self, path: str, *, timeout: float = DEFAULT_TIMEOUT_SECONDS) -> None:
        self.path = path
        self.timeout = timeout
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None, timeout=timeout)
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS rasa_senders ("
            "sender TEXT PRIMARY KEY, conversation_id TEXT NOT NULL, token TEXT NOT NULL)"
        )

    def find(self, sender: str) -> SenderConversation | None:
        """The sender's current conversation, if it has one."""
        with self._lock:
            row = self._db.execute(
                "SELECT conversation_id, token FROM rasa_senders WHERE sender = ?", (sender,)
            ).fetchone()
        return SenderConversation(row[0], row[1]) if row else None

    def remember(self, sender: str, conversation: SenderConversation) -> None:
        """Make ``conversation`` the sender's current one."""
        with self._lock:
            self._db.execute(
                "INSERT INTO rasa_senders (sender, conversation_id, token) VALUES (?, ?, ?) "
                "ON CONFLICT (sender) DO UPDATE SET conversation_id = excluded.conversation_id, "
                "token = excluded.token",
                (sender, *conversation),
            )

    def close(self) -> None:
        """Close the connection."""
        self._db.close()


class RedisSenders:
    """A ``tactful:rasa-senders`` hash in the store's Redis database."""

    KEY = "tactful:rasa-senders"

    def __init__(self, url: str, *, timeout: float = DEFAULT_TIMEOUT_SECONDS) -> None:
        # Imported here: the Redis client is slow to import and most servers do not use it.
        from flow.stores._redis_client import OUTAGE_ERRORS, redis_client

        self.timeout = timeout
        self._outage_errors = OUTAGE_ERRORS
        self._redis: redis.Redis = redis_client(url, timeout=timeout, decode_responses=True)

    def find(self, sender: str) -> SenderConversation | None:
        """The sender's current conversation, if it has one."""
        with self._outages():
            value = self._redis.hget(self.KEY, sender)
        if not isinstance(value, str):
            return None
        conversation_id, _, token = value.partition(" ")
        return SenderConversation(conversation_id, token)

    def remember(self, sender: str, conversation: SenderConversation) -> None:
        """Make ``conversation`` the sender's current one."""
        with self._outages():
            self._redis.hset(self.KEY, sender, f"{conversation.conversation_id} {conversation.token}")

    def close(self) -> None:
        """Close the connection pool."""
        self._redis.close()

    @contextmanager
    def _outages(self) -> Iterator[None]:
        from flow.stores._redis_client import redis_outage

        try:
            yield
        except self._outage_errors as error:
            raise redis_outage(self._redis, self.timeout, error) from error


class SenderDirectoryError(TactfulError):
    """A store URL the sender directory cannot follow."""

    def __init__(self, url: str) -> None:
        self.url = url
        super().__init__(f"cannot keep Rasa senders for store {url!r}; use memory, sqlite:///PATH or redis://")


def open_sender_directory(store_url: str, *, timeout: float = DEFAULT_TIMEOUT_SECONDS) -> SenderDirectory:
    """The directory that lives beside the store at ``store_url``; a call waits at most ``timeout`` seconds."""
    if store_url in ("memory", "memory://"):
        return MemorySenders()
    # The query holds the store's own options (``?synchronous=``, ``?ttl_closed=``), not the location.
    location = store_url.partition("?")[0]
    parts = urlsplit(location)
    if parts.scheme == "sqlite":
        path = location.removeprefix("sqlite:///")
        return MemorySenders() if path in ("", ":memory:") else SqliteSenders(path, timeout=timeout)
    if parts.scheme in ("redis", "rediss", "unix"):
        return RedisSenders(location, timeout=timeout)
    raise SenderDirectoryError(store_url)
