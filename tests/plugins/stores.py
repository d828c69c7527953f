"""The ``store`` fixture: one empty store of each kind, so contract tests run across all of them."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from flow.stores import MemoryStore, PostgresStore, RedisStore, SqliteStore, Store
from tests.plugins.postgres_server import drop_schema, fresh_schema
from tests.plugins.redis_cluster import delete_cluster_prefix


@pytest.fixture(
    params=[
        "memory",
        "sqlite",
        pytest.param("redis", marks=pytest.mark.redis),
        pytest.param("redis-cluster", marks=pytest.mark.redis),
        pytest.param("postgres", marks=pytest.mark.postgres),
    ]
)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A fresh, empty store of each kind; Redis under a prefix and PostgreSQL in a schema of its own, removed after."""
    if request.param == "memory":
        opened: Store = MemoryStore()
    elif request.param == "sqlite":
        opened = SqliteStore(tmp_path / "tactful.db")
    elif request.param == "redis":
        opened = RedisStore(request.getfixturevalue("redis_url"), prefix=f"test:{uuid.uuid4().hex}:")
    elif request.param == "redis-cluster":
        url = request.getfixturevalue("redis_cluster_url")
        opened = RedisStore(url, prefix=f"test:{uuid.uuid4().hex}:", cluster=True)
    else:
        opened = PostgresStore(fresh_schema(request.getfixturevalue("postgres_url")))
    with opened:
        yield opened
    if isinstance(opened, RedisStore):
        (delete_cluster_prefix if opened.cluster else delete_prefix)(opened.url, opened.prefix)
    if isinstance(opened, PostgresStore):
        drop_schema(opened.url)


def delete_prefix(url: str, prefix: str) -> None:
    """Remove every Redis key under ``prefix``."""
    client = redis.Redis.from_url(url)
    keys = list(client.scan_iter(match=f"{prefix}*"))
    if keys:
        client.delete(*keys)
    client.close()


SHARED_STORES = [
    "sqlite",
    pytest.param("redis", marks=pytest.mark.redis),
    pytest.param("redis-cluster", marks=pytest.mark.redis),
    pytest.param("postgres", marks=pytest.mark.postgres),
]
"""The kinds of store that several processes can share, for tests that run real servers."""


def shared_store_url(kind: str, request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A URL of ``kind`` that ``tactful serve`` processes can share, empty at the start of the test.

    Redis and PostgreSQL servers live for the whole session: a test gets a Redis database emptied
    of tactful's keys, or a PostgreSQL schema of its own that is dropped when the test ends.
    """
    from tests.plugins.server_processes import redis_database

    if kind == "sqlite":
        return f"sqlite:///{tmp_path / 'tactful.db'}"
    if kind == "redis":
        return redis_database(request.getfixturevalue("redis_url"), 10)
    if kind == "redis-cluster":
        url = request.getfixturevalue("redis_cluster_url")
        delete_cluster_prefix(url, "tactful:")
        return str(url)
    url = fresh_schema(request.getfixturevalue("postgres_url"))
    request.addfinalizer(lambda: drop_schema(url))
    return url
