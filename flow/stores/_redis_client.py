"""The Redis client every Redis-backed part of tactful uses: bounded waits, no silent resends."""

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
)
"""The client's errors that mean Redis cannot answer now (a replica after a failover takes no writes)."""


def redis_client(url: str, *, timeout: float, decode_responses: bool = False) -> redis.Redis:
    """A client whose every command gives up after ``timeout`` seconds and is never sent twice.

    redis-py resends a command that timed out by default; a save that Redis did apply but answered
    late would then fail its version check and be applied to the conversation a second time.
    """
    return redis.Redis.from_url(
        url,
        socket_timeout=timeout,
        socket_connect_timeout=timeout,
        retry=Retry(NoBackoff(), 0),
        decode_responses=decode_responses,
    )


def redis_outage(client: redis.Redis, timeout: float, error: Exception) -> StoreUnavailable:
    """What a Redis error means to a caller: the server did not answer, takes no writes, or cannot be reached."""
    options = client.connection_pool.connection_kwargs
    where = options.get("path") or f"{options.get('host', 'localhost')}:{options.get('port', 6379)}"
    if isinstance(error, redis.TimeoutError):
        return StoreUnavailable("Redis", f"Redis at {where} did not answer within {timeout:g} s")
    if isinstance(error, redis.exceptions.ReadOnlyError):
        return StoreUnavailable("Redis", f"Redis at {where} is a read-only replica and takes no writes")
    return StoreUnavailable("Redis", f"cannot reach Redis at {where} ({error})")
