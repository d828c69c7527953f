"""Where conversations live between messages: in memory, in a SQLite file, in Redis or in PostgreSQL.

``open_store(url)`` picks one from a URL, so channels and the CLI take a single ``--store`` option.
``RedisStore`` and ``PostgresStore`` are imported on first use: their clients are slow to import,
and the PostgreSQL one is an extra (``pip install 'tactful[postgres]'``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl

from flow.errors import ConversationExists, DuplicateMessage, StoreError, StoreUnavailable
from flow.stores.base import FollowUpJob, Store
from flow.stores.memory import MemoryStore
from flow.stores.sqlite import SqliteStore

if TYPE_CHECKING:
    from flow.stores.postgres import PostgresStore
    from flow.stores.redis import RedisStore

__all__ = [
    "ConversationExists",
    "DuplicateMessage",
    "FollowUpJob",
    "MemoryStore",
    "PostgresStore",
    "STORE_URL_FORMS",
    "RedisStore",
    "SqliteStore",
    "Store",
    "StoreError",
    "StoreUnavailable",
    "open_store",
]

STORE_URL_FORMS = (
    "memory",
    "sqlite:///relative/path.db",
    "sqlite:////absolute/path.db?synchronous=FULL",
    "redis://host:port/db",
    "rediss://host:port/db?ttl_closed=86400",
    "redis://any-cluster-node:port?cluster=yes",
    "postgresql://user:password@host:port/database?schema=tactful&pool_max=10",
)


def open_store(url: str, *, timeout: float | None = None) -> Store:
    """Open the store a URL names; see ``STORE_URL_FORMS`` for what is accepted.

    ``sqlite:`` takes ``?synchronous=NORMAL|FULL`` (``FULL`` survives a power cut; ``NORMAL``, the
    default, survives the process being killed). ``redis:`` takes ``?ttl_closed=SECONDS`` to expire
    finished conversations, and ``?cluster=yes`` for a Redis Cluster (any node's address will do).
    ``postgresql:`` (or ``postgres:``) takes libpq's own parameters plus ``?schema=NAME`` (where the
    tables live, ``tactful`` by default) and ``?pool_max=N`` connections. ``timeout``, when given, is
    how long one store call may wait (SQLite's busy timeout, Redis's connect and read timeouts,
    PostgreSQL's connect and statement timeouts) before it raises ``StoreUnavailable``.
    """
    forms = ", ".join(STORE_URL_FORMS)
    if timeout is not None and not timeout > 0:
        raise StoreError(f"the store timeout must be a number of seconds above 0, not {timeout}")
    if url in ("memory", "memory://"):
        return MemoryStore()
    if url.startswith("sqlite:///") and len(url) > len("sqlite:///"):
        path, _, query = url.removeprefix("sqlite:///").partition("?")
        options = _options(url, query, allowed=("synchronous",))
        synchronous = options.get("synchronous", "NORMAL").upper()
        if timeout is None:
            return SqliteStore(path, synchronous=synchronous)  # type: ignore[arg-type]
        return SqliteStore(path, synchronous=synchronous, busy_timeout=timeout)  # type: ignore[arg-type]
    if url.startswith(("redis://", "rediss://")):
        from flow.extras import require

        require("redis", what="a redis:// store")
        from flow.stores.redis import RedisStore

        base, _, query = url.partition("?")
        options = _options(url, query, allowed=("ttl_closed", "cluster"))
        ttl = options.get("ttl_closed")
        if ttl is not None and not (ttl.isdigit() and int(ttl) > 0):
            raise StoreError(f"ttl_closed={ttl!r} in {url!r}: give a whole number of seconds above 0")
        cluster = options.get("cluster", "no").lower()
        if cluster not in ("yes", "no", "true", "false"):
            raise StoreError(f"cluster={cluster!r} in {url!r}: say yes for a Redis Cluster, or leave it out")
        ttl_closed = int(ttl) if ttl else None
        clustered = cluster in ("yes", "true")
        if timeout is None:
            return RedisStore(base, ttl_closed_seconds=ttl_closed, cluster=clustered)
        return RedisStore(base, ttl_closed_seconds=ttl_closed, cluster=clustered, timeout=timeout)
    if url.startswith(("postgresql://", "postgres://")):
        from flow.extras import require

        require("postgres", what="a postgresql:// store")
        from flow.stores.postgres import PostgresStore

        return PostgresStore(url) if timeout is None else PostgresStore(url, timeout=timeout)
    raise StoreError(f"cannot open a store from {url!r}; use one of: {forms}")


def _options(url: str, query: str, *, allowed: tuple[str, ...]) -> dict[str, str]:
    options = dict(parse_qsl(query, keep_blank_values=True))
    unknown = sorted(set(options) - set(allowed))
    if unknown:
        raise StoreError(f"unknown option {', '.join(unknown)} in {url!r}; this store takes: {', '.join(allowed)}")
    return options


def __getattr__(name: str) -> Any:
    if name == "RedisStore":
        from flow.stores.redis import RedisStore

        return RedisStore
    if name == "PostgresStore":
        from flow.stores.postgres import PostgresStore

        return PostgresStore
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
