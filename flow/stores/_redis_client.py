"""The Redis client every Redis-backed part of tactful uses: bounded waits, no silent resends, cluster or not."""

from __future__ import annotations

import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from flow.errors import StoreUnavailable

DEFAULT_TIMEOUT_SECONDS = 5.0
OUTAGE_ERRORS: tuple[type[Exception], ...] = (
    redis.ConnectionError,
    redis.TimeoutError,
    redis.exceptions.ReadOnlyError,
    redis.exceptions.ClusterDownError,
)
"""The client's errors that mean Redis cannot answer now (a replica after a failover takes no writes)."""

Client = redis.Redis | redis.RedisCluster


def wants_cluster(url: str) -> bool:
    """Whether a store URL asks for a Redis Cluster (``?cluster=yes``)."""
    options = url.partition("?")[2].lower().split("&")
    return "cluster=yes" in options or "cluster=true" in options


def redis_client(url: str, *, timeout: float, decode_responses: bool = False, cluster: bool | None = None) -> Client:
    """A client whose every command gives up after ``timeout`` seconds and is never sent twice.

    redis-py resends a command that timed out by default; a save that Redis did apply but answered
    late would then fail its version check and be applied to the conversation a second time.
    ``cluster`` defaults to the URL's ``?cluster=`` option; the URL's other options are tactful's.
    """
    base = url.partition("?")[0]
    options = {
        "socket_timeout": timeout,
        "socket_connect_timeout": timeout,
        "retry": Retry(NoBackoff(), 0),
        "decode_responses": decode_responses,
    }
    if wants_cluster(url) if cluster is None else cluster:
        return redis.RedisCluster.from_url(base, **options)
    return redis.Redis.from_url(base, **options)


def close_client(client: Client) -> None:
    """Close a client and its connections, a cluster client's connections to every node included.

    ``RedisCluster.close`` hands each node's connections back to that node's pool without closing
    them, so they would stay open until garbage collection.
    """
    client.close()
    if isinstance(client, redis.RedisCluster):
        for node in client.get_nodes():  # type: ignore[no-untyped-call]
            if node.redis_connection is not None:
                node.redis_connection.connection_pool.disconnect()


def redis_outage(client: Client, timeout: float, error: Exception) -> StoreUnavailable:
    """What a Redis error means to a caller: the server did not answer, takes no writes, or cannot be reached."""
    if isinstance(client, redis.RedisCluster):
        where = "the Redis Cluster at " + ", ".join(node.name for node in client.get_nodes())  # type: ignore[no-untyped-call]
    else:
        options = client.connection_pool.connection_kwargs
        where = "Redis at " + (options.get("path") or f"{options.get('host', 'localhost')}:{options.get('port', 6379)}")
    if isinstance(error, redis.TimeoutError):
        return StoreUnavailable("Redis", f"{where} did not answer within {timeout:g} s")
    if isinstance(error, redis.exceptions.ReadOnlyError):
        return StoreUnavailable("Redis", f"{where} is a read-only replica and takes no writes")
    return StoreUnavailable("Redis", f"cannot reach {where} ({error})")
