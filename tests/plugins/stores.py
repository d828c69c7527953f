"""The ``store`` fixture: one empty store of each kind, so contract tests run across all three."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from flow.stores import MemoryStore, RedisStore, SqliteStore, Store


@pytest.fixture(params=["memory", "sqlite", pytest.param("redis", marks=pytest.mark.redis)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A fresh, empty store of each kind (Redis under a prefix of its own, removed afterwards)."""
    if request.param == "memory":
        opened: Store = MemoryStore()
    elif request.param == "sqlite":
        opened = SqliteStore(tmp_path / "tactful.db")
    else:
        opened = RedisStore(request.getfixturevalue("redis_url"), prefix=f"test:{uuid.uuid4().hex}:")
    with opened:
        yield opened
    if isinstance(opened, RedisStore):
        delete_prefix(opened.url, opened.prefix)


def delete_prefix(url: str, prefix: str) -> None:
    """Remove every Redis key under ``prefix``."""
    client = redis.Redis.from_url(url)
    keys = list(client.scan_iter(match=f"{prefix}*"))
    if keys:
        client.delete(*keys)
    client.close()
