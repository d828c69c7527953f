"""The desk index and the socket.io session directory, beside each kind of store."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
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

    rows = sqlite3.connect(tmp_path / "tactful.db").execute("SELECT kind, key FROM directory").fetchall()

    assert rows == [("socketio_sessions", session_key("the-issued-id"))]


def test_sessions_a_sqlite_file_kept_in_a_table_of_their_own_resume(tmp_path: Path) -> None:
    path = tmp_path / "tactful.db"
    with closing(sqlite3.connect(path)) as db, db:
        db.execute(
            "CREATE TABLE socketio_sessions (session_key TEXT PRIMARY KEY, conversation_id TEXT NOT NULL, "
            "token TEXT NOT NULL)"
        )
        db.execute("INSERT INTO socketio_sessions VALUES (?, 'c-before', 'token-before')", (session_key("issued"),))

    sessions = open_session_directory(f"sqlite:///{path}")
    try:
        assert sessions.find("issued") == SenderConversation("c-before", "token-before")
        assert sessions.find("never-issued") is None
    finally:
        sessions.close()
    with closing(sqlite3.connect(path)) as db:
        tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "socketio_sessions" not in tables


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
    with pytest.raises(StoreError, match="cannot keep a socketio_sessions directory beside the store 'ftp://x'"):
        open_session_directory("ftp://x")
