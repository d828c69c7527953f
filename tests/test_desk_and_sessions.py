"""The desk index and the socket.io session directory, beside each kind of store."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from flow.desk import Desk, RedisDesk, open_desk
from flow.errors import StoreError
from flow.server.senders import SenderConversation
from flow.server.sessions import SessionDirectory, open_session_directory, session_key
from tests.plugins.server_processes import redis_database

KINDS = ["memory", "sqlite", pytest.param("redis", marks=pytest.mark.redis)]


@pytest.fixture(params=KINDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "memory":
        return "memory"
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'tactful.db'}?synchronous=FULL"
    return redis_database(request.getfixturevalue("redis_url"), 7)


@pytest.fixture
def desk(store_url: str) -> Iterator[Desk]:
    opened = open_desk(store_url)
    yield opened
    opened.close()


@pytest.fixture
def sessions(store_url: str) -> Iterator[SessionDirectory]:
    opened = open_session_directory(store_url)
    yield opened
    opened.close()


def test_the_desk_keeps_each_conversation_once_until_removed(desk: Desk) -> None:
    desk.add("c-1")
    desk.add("c-2")
    desk.add("c-1")
    desk.remove("c-2")
    desk.remove("never-there")

    assert desk.ids() == ["c-1"]


def test_a_session_finds_the_conversation_it_started(sessions: SessionDirectory) -> None:
    sessions.remember("issued-id", SenderConversation("c-1", "token-1"))
    sessions.remember("issued-id", SenderConversation("c-2", "token-2"))

    assert sessions.find("issued-id") == SenderConversation("c-2", "token-2")
    assert sessions.find("another-id") is None


def test_sqlite_keeps_session_ids_only_as_digests(tmp_path: Path) -> None:
    sessions = open_session_directory(f"sqlite:///{tmp_path / 'tactful.db'}")
    sessions.remember("the-issued-id", SenderConversation("c-1", "token-1"))
    sessions.close()

    rows = sqlite3.connect(tmp_path / "tactful.db").execute("SELECT session_key FROM socketio_sessions").fetchall()

    assert rows == [(session_key("the-issued-id"),)]


@pytest.mark.redis
def test_redis_keeps_session_ids_only_as_digests(redis_url: str) -> None:
    url = redis_database(redis_url, 7)
    sessions = open_session_directory(url)
    sessions.remember("the-issued-id", SenderConversation("c-1", "token-1"))
    sessions.close()

    client = redis.Redis.from_url(url, decode_responses=True)
    keys = list(client.scan_iter(match="tactful:socketio_sessions:*"))
    client.close()

    assert keys == [f"tactful:socketio_sessions:{session_key('the-issued-id')}"]
    assert isinstance(open_desk(url), RedisDesk)


def test_an_unknown_store_url_is_refused() -> None:
    with pytest.raises(StoreError, match="cannot keep the desk for store 'ftp://x'"):
        open_desk("ftp://x")
    with pytest.raises(StoreError, match="cannot keep socket.io sessions for store 'ftp://x'"):
        open_session_directory("ftp://x")
