"""The desk: which conversations people should see, waiting for a person or talking with one.

A small index kept beside the store (a table in its SQLite file or PostgreSQL schema, a set in its
Redis database), so
that listing them never scans every conversation. The service adds a conversation before the save
that puts it at the desk and removes it after the save that takes it away, so a crash in between
leaves at most an extra entry, which :meth:`flow.service.ConversationService.at_the_desk` skips.
"""

from __future__ import annotations

import sqlite3
import threading
from typing import Protocol
from urllib.parse import urlsplit

from flow.errors import StoreError

DEFAULT_TIMEOUT_SECONDS = 5.0
"""How long a call waits on the store's SQLite file or Redis server, as the store's own calls do."""


class Desk(Protocol):
    """The ids of the conversations at the desk."""

    def add(self, conversation_id: str) -> None:
        """Put a conversation at the desk."""
        ...

    def remove(self, conversation_id: str) -> None:
        """Take a conversation off the desk."""
        ...

    def ids(self) -> list[str]:
        """Every conversation at the desk, in no particular order."""
        ...

    def close(self) -> None:
        """Release connections."""
        ...


class MemoryDesk:
    """A desk in this process only, for the ``memory`` store."""

    def __init__(self) -> None:
        self._ids: dict[str, None] = {}

    def add(self, conversation_id: str) -> None:
        """Put a conversation at the desk."""
        self._ids[conversation_id] = None

    def remove(self, conversation_id: str) -> None:
        """Take a conversation off the desk."""
        self._ids.pop(conversation_id, None)

    def ids(self) -> list[str]:
        """Every conversation at the desk."""
        return list(self._ids)

    def close(self) -> None:
        """Nothing to release."""


class SqliteDesk:
    """A ``desk`` table in the store's SQLite file."""

    def __init__(self, path: str, *, timeout: float = DEFAULT_TIMEOUT_SECONDS) -> None:
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None, timeout=timeout)
        self._db.execute("CREATE TABLE IF NOT EXISTS desk (conversation_id TEXT PRIMARY KEY)")

    def add(self, conversation_id: str) -> None:
        """Put a conversation at the desk."""
        with self._lock:
            self._db.execute("INSERT OR IGNORE INTO desk (conversation_id) VALUES (?)", (conversation_id,))

    def remove(self, conversation_id: str) -> None:
        """Take a conversation off the desk."""
        with self._lock:
            self._db.execute("DELETE FROM desk WHERE conversation_id = ?", (conversation_id,))

    def ids(self) -> list[str]:
        """Every conversation at the desk."""
        with self._lock:
            return [row[0] for row in self._db.execute("SELECT conversation_id FROM desk")]

    def close(self) -> None:
        """Close the connection."""
        self._db.close()


class RedisDesk:
    """A ``tactful:desk`` set in the store's Redis database (one key, so one slot on a cluster)."""

    KEY = "tactful:desk"

    def __init__(self, url: str, *, timeout: float = DEFAULT_TIMEOUT_SECONDS) -> None:
        from flow.stores._redis_client import redis_client

        # The store URL's ``?cluster=yes`` picks a cluster client.
        self._redis = redis_client(url, timeout=timeout, decode_responses=True)

    def add(self, conversation_id: str) -> None:
        """Put a conversation at the desk."""
        self._redis.sadd(self.KEY, conversation_id)

    def remove(self, conversation_id: str) -> None:
        """Take a conversation off the desk."""
        self._redis.srem(self.KEY, conversation_id)

    def ids(self) -> list[str]:
        """Every conversation at the desk."""
        members = self._redis.smembers(self.KEY)
        return sorted(str(m) for m in members)

    def close(self) -> None:
        """Close the connections."""
        from flow.stores._redis_client import close_client

        close_client(self._redis)


class PostgresDesk:
    """A ``desk`` table in the PostgreSQL store's schema."""

    def __init__(self, url: str, *, timeout: float = DEFAULT_TIMEOUT_SECONDS) -> None:
        from flow.stores._postgres_schema import PostgresLocation, open_pool

        location = PostgresLocation.parse(url)
        self._pool = open_pool(location, timeout=timeout, max_size=2)
        self._table = f"{location.quoted_schema}.desk"

    def add(self, conversation_id: str) -> None:
        """Put a conversation at the desk."""
        with self._pool.connection() as db:
            db.execute(f"INSERT INTO {self._table} VALUES (%s) ON CONFLICT DO NOTHING", (conversation_id,))

    def remove(self, conversation_id: str) -> None:
        """Take a conversation off the desk."""
        with self._pool.connection() as db:
            db.execute(f"DELETE FROM {self._table} WHERE conversation_id = %s", (conversation_id,))

    def ids(self) -> list[str]:
        """Every conversation at the desk."""
        with self._pool.connection() as db:
            return [str(row[0]) for row in db.execute(f"SELECT conversation_id FROM {self._table} ORDER BY 1")]

    def close(self) -> None:
        """Close the pool's connections."""
        self._pool.close()


def open_desk(store_url: str, *, timeout: float = DEFAULT_TIMEOUT_SECONDS) -> Desk:
    """The desk that lives beside the store at ``store_url``."""
    if store_url in ("memory", "memory://"):
        return MemoryDesk()
    location = store_url.partition("?")[0]
    scheme = urlsplit(location).scheme
    if scheme == "sqlite":
        path = location.removeprefix("sqlite:///")
        return MemoryDesk() if path in ("", ":memory:") else SqliteDesk(path, timeout=timeout)
    if scheme in ("redis", "rediss", "unix"):
        return RedisDesk(store_url, timeout=timeout)
    if scheme in ("postgresql", "postgres"):
        return PostgresDesk(store_url, timeout=timeout)
    raise StoreError(
        f"cannot keep the desk for store {store_url!r}; use memory, sqlite:///PATH, redis:// or postgresql://"
    )
