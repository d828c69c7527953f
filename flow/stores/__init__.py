"""Where conversations live between messages: in memory, in a SQLite file, or in Redis.

``open_store(url)`` picks one from a URL, so channels and the CLI take a single ``--store`` option.
``RedisStore`` is imported on first use because the Redis client is slow to import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from flow.errors import ConversationExists, DuplicateMessage, StoreError
from flow.stores.base import FollowUpJob, Store
from flow.stores.memory import MemoryStore
from flow.stores.sqlite import SqliteStore

if TYPE_CHECKING:
    from flow.stores.redis import RedisStore

__all__ = [
    "ConversationExists",
    "DuplicateMessage",
    "FollowUpJob",
    "MemoryStore",
    "STORE_URL_FORMS",
    "RedisStore",
    "SqliteStore",
    "Store",
    "StoreError",
    "open_store",
]

STORE_URL_FORMS = (
    "memory",
    "sqlite:///relative/path.db",
    "sqlite:////absolute/path.db",
    "redis://host:port/db",
    "rediss://host:port/db",
)


def open_store(url: str) -> Store:
    """Open the store a URL names; see ``STORE_URL_FORMS`` for what is accepted."""
    if url in ("memory", "memory://"):
        return MemoryStore()
    if url.startswith("sqlite:///") and len(url) > len("sqlite:///"):
        return SqliteStore(url.removeprefix("sqlite:///"))
    if url.startswith(("redis://", "rediss://")):
        from flow.stores.redis import RedisStore

        return RedisStore(url)
    forms = ", ".join(STORE_URL_FORMS)
    raise StoreError(f"cannot open a store from {url!r}; use one of: {forms}")


def __getattr__(name: str) -> Any:
    if name == "RedisStore":
        from flow.stores.redis import RedisStore

        return RedisStore
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
