"""A slow or missing store never freezes the server, and every channel says so in its own error shape.

Each test makes the outage itself: it pauses (SIGSTOP) or stops a redis-server of its own, or holds
the SQLite write lock from another process. While the store cannot answer, ``/healthz`` (liveness)
answers at once, ``/readyz`` answers 503, and chat requests get a JSON 503 ``store_unavailable`` with
``Retry-After`` (an error frame over the WebSocket) once the store timeout has passed.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import ClientConnection, connect

from flow import Engine, Policy, errors
from flow.models import Conversation, Turn
from flow.server import ServerSettings, create_app
from flow.service import ConversationService
from flow.stores import MemoryStore, RedisStore, SqliteStore, Store
from tests.plugins.host_keys import HOST, HOST_KEYS, signed
from tests.plugins.live_server import LiveServer, serve_app, start_live_server
from tests.plugins.redis_server import RedisProcess

STORE_TIMEOUT = 1.0
# What the test allows past the store timeout for threads, the loop and a shared 2-core machine.
SLACK = 4.0
T0 = datetime(2026, 11, 26, 11, 0, tzinfo=UTC)
LATE_REFUND = {"customer_name": "Dana", "order_id": "A-1234", "days_since_purchase": 45}

HOLD_WRITE_LOCK = """
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
sys.stdin.read()
db.execute("ROLLBACK")
"""


@contextmanager
def sqlite_write_lock(path: Path) -> Iterator[None]:
    """Another process holds the file's write lock for the block, as a busy writer would."""
    command = [sys.executable, "-c", HOLD_WRITE_LOCK, str(path)]
    with subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE) as holder:
        assert holder.stdin is not None
        assert holder.stdout is not None
        try:
            assert holder.stdout.readline() == b"locked\n"
            yield
        finally:
            holder.stdin.close()
            holder.wait(timeout=30)


@contextmanager
def serving(store_url: str) -> Iterator[LiveServer]:
    server = start_live_server(store_url=store_url, rate_limit_per_second=0, store_timeout_seconds=STORE_TIMEOUT)
    try:
        yield server
    finally:
        server.stop()


def start(server: LiveServer) -> dict[str, Any]:
    response = httpx.post(f"{server.url}/v1/conversations", json={"facts": LATE_REFUND}, headers=HOST, timeout=30)
    assert response.status_code == 201, response.text
    started: dict[str, Any] = response.json()
    return started


def send(server: LiveServer, chat: dict[str, Any], text: str, message_id: str | None = None) -> httpx.Response:
    return httpx.post(
        f"{server.url}/v1/conversations/{chat['id']}/messages",
        json={"text": text, "message_id": message_id},
        headers={"Authorization": f"Bearer {chat['token']}"},
        timeout=30,
    )


def rasa(server: LiveServer, sender: str, message: str) -> httpx.Response:
    return httpx.post(
        f"{server.url}/webhooks/rest/webhook",
        json={"sender": sender, "message": message, "metadata": {"facts_token": signed(LATE_REFUND)}},
        timeout=30,
    )


def assert_unavailable(response: httpx.Response) -> None:
    assert response.status_code == 503, response.text
    assert response.headers["content-type"] == "application/json"
    assert int(response.headers["Retry-After"]) >= 1
    error = response.json()["error"]
    assert error["code"] == "store_unavailable"
    assert "retry" in error["message"]


def assert_alive_while(pending: Future[Any], server: LiveServer) -> None:
    """``/healthz`` answers at once while ``pending`` still waits on the store."""
    time.sleep(0.3)
    health = httpx.get(f"{server.url}/healthz", timeout=STORE_TIMEOUT / 2)
    assert health.status_code == 200
    assert health.json()["status"] == "ok"
    assert not pending.done()


@contextmanager
def socket_for(server: LiveServer, chat: dict[str, Any]) -> Iterator[ClientConnection]:
    url = server.url.replace("http://", "ws://") + f"/v1/conversations/{chat['id']}/ws?token={chat['token']}"
    with connect(url, open_timeout=10) as opened:
        assert json.loads(opened.recv(timeout=10))["type"] == "ready"
        yield opened


def test_a_paused_redis_gets_503_in_time_while_the_health_check_answers(own_redis: RedisProcess) -> None:
    with serving(own_redis.url) as server, ThreadPoolExecutor(2) as pool:
        chat = start(server)
        with own_redis.paused():
            began = time.monotonic()
            pending = pool.submit(send, server, chat, "I want a refund", "m1")
            assert_alive_while(pending, server)
            answer = pending.result(timeout=30)
            waited = time.monotonic() - began
            not_ready = httpx.get(f"{server.url}/readyz", timeout=30)

        assert_unavailable(answer)
        assert waited < STORE_TIMEOUT + SLACK
        assert_unavailable(not_ready)
        assert httpx.get(f"{server.url}/readyz", timeout=30).json() == {"status": "ready"}
        resent = send(server, chat, "I want a refund", "m1")
        again = send(server, chat, "I want a refund", "m1")
        transcript = httpx.get(
            f"{server.url}/v1/conversations/{chat['id']}",
            headers={"Authorization": f"Bearer {chat['token']}"},
            timeout=30,
        ).json()

    assert resent.status_code == again.status_code == 200
    assert resent.json() == again.json()
    assert [turn["number"] for turn in transcript["turns"]] == [1, 2]


def test_a_turn_that_finds_every_store_thread_busy_is_refused_instead_of_queued(own_redis: RedisProcess) -> None:
    server = start_live_server(
        store_url=own_redis.url, rate_limit_per_second=0, store_timeout_seconds=STORE_TIMEOUT, service_threads=1
    )
    try:
        chat = start(server)
        with own_redis.paused(), ThreadPoolExecutor(3) as pool:
            began = time.monotonic()
            pending = [pool.submit(send, server, chat, "I want a refund", f"m{n}") for n in range(3)]
            answers = [one.result(timeout=30) for one in pending]
            waited = time.monotonic() - began
    finally:
        server.stop()

    for answer in answers:
        assert_unavailable(answer)
    messages = [answer.json()["error"]["message"] for answer in answers]
    assert sum("no thread for store calls came free within 1 s" in message for message in messages) >= 1
    assert waited < 2 * STORE_TIMEOUT + SLACK


def test_a_websocket_frame_waiting_on_a_paused_redis_gets_an_error_frame(own_redis: RedisProcess) -> None:
    with serving(own_redis.url) as server, ThreadPoolExecutor(2) as pool:
        chat = start(server)
        with socket_for(server, chat) as socket, own_redis.paused():
            socket.send(json.dumps({"text": "I want a refund", "id": 7}))
            pending = pool.submit(socket.recv, 30)
            assert_alive_while(pending, server)
            frame = json.loads(pending.result(timeout=30))
        assert frame["type"] == "error"
        assert frame["reply_to"] == 7
        assert frame["error"]["code"] == "store_unavailable"
        assert frame["retry_after"] >= 1


def test_a_stopped_redis_gets_json_503_on_every_channel_and_readyz_says_so(own_redis: RedisProcess) -> None:
    with serving(own_redis.url) as server:
        chat = start(server)
        with socket_for(server, chat) as socket:
            own_redis.stop()
            socket.send(json.dumps({"text": "I want a refund", "id": "a"}))
            frame = json.loads(socket.recv(timeout=30))
            socket.send(json.dumps({"text": "I want a refund", "id": "b"}))
            second = json.loads(socket.recv(timeout=30))
        assert (frame["type"], frame["reply_to"], frame["error"]["code"]) == ("error", "a", "store_unavailable")
        assert second["reply_to"] == "b"
        url = server.url.replace("http://", "ws://") + f"/v1/conversations/{chat['id']}/ws?token={chat['token']}"
        with connect(url, open_timeout=10) as refused:
            opening = json.loads(refused.recv(timeout=30))
            with pytest.raises(ConnectionClosed) as closed:
                refused.recv(timeout=30)
        assert opening["error"]["code"] == "store_unavailable"
        assert closed.value.rcvd is not None
        assert closed.value.rcvd.code == 1013
        assert_unavailable(httpx.post(f"{server.url}/v1/conversations", json={}, timeout=30))
        assert_unavailable(send(server, chat, "I want a refund"))
        assert_unavailable(rasa(server, "visitor-1", "I want a refund"))
        assert httpx.get(f"{server.url}/healthz", timeout=30).status_code == 200
        assert_unavailable(httpx.get(f"{server.url}/readyz", timeout=30))

        own_redis.start()
        assert httpx.get(f"{server.url}/readyz", timeout=30).status_code == 200
        assert rasa(server, "visitor-1", "I want a refund").status_code == 200


def test_a_held_sqlite_write_lock_gets_503_in_time_while_the_health_check_answers(tmp_path: Path) -> None:
    path = tmp_path / "tactful.db"
    with serving(f"sqlite:///{path}") as server, ThreadPoolExecutor(2) as pool:
        chat = start(server)
        with sqlite_write_lock(path):
            began = time.monotonic()
            pending = pool.submit(send, server, chat, "I want a refund")
            assert_alive_while(pending, server)
            answer = pending.result(timeout=30)
            waited = time.monotonic() - began
            assert_unavailable(rasa(server, "visitor-1", "I want a refund"))
            assert_unavailable(httpx.get(f"{server.url}/readyz", timeout=30))

        assert_unavailable(answer)
        assert waited < STORE_TIMEOUT + SLACK
        assert httpx.get(f"{server.url}/readyz", timeout=30).status_code == 200
        assert send(server, chat, "I want a refund").status_code == 200


def test_a_turn_that_meets_a_held_sqlite_write_lock_is_answered_once_the_lock_is_given_back(tmp_path: Path) -> None:
    path = tmp_path / "tactful.db"
    server = start_live_server(store_url=f"sqlite:///{path}", rate_limit_per_second=0, store_timeout_seconds=30)
    try:
        with ThreadPoolExecutor(1) as pool:
            chat = start(server)
            with sqlite_write_lock(path):
                pending = pool.submit(send, server, chat, "I want a refund", "m-1")
                assert_alive_while(pending, server)
            answer = pending.result(timeout=30)
        transcript = httpx.get(
            f"{server.url}/v1/conversations/{chat['id']}", headers={"Authorization": f"Bearer {chat['token']}"}
        ).json()["turns"]
    finally:
        server.stop()

    assert answer.status_code == 200, answer.text
    assert [turn["customer_text"] for turn in transcript] == [None, "I want a refund"]


def test_the_readiness_check_answers_ready_with_a_store_that_answers(tmp_path: Path) -> None:
    with serving(f"sqlite:///{tmp_path / 'tactful.db'}") as server:
        ready = httpx.get(f"{server.url}/readyz", timeout=30)

    assert ready.status_code == 200
    assert ready.json() == {"status": "ready"}


def a_turn(number: int) -> Turn:
    return Turn(conversation_id="c1", number=number, at=T0, state="listening", text="Hello")


def a_conversation(store: Store) -> Conversation:
    conversation = Conversation(id="c1", policy="retail", policy_version="1", version=1, started_at=T0, updated_at=T0)
    store.create(conversation, a_turn(1), token_digest="0" * 64)
    return conversation


def test_every_store_answers_a_ping(store: Store) -> None:
    store.ping()


def test_a_paused_redis_store_raises_store_unavailable_after_its_timeout(own_redis: RedisProcess) -> None:
    with RedisStore(own_redis.url, timeout=STORE_TIMEOUT) as store:
        a_conversation(store)
        with own_redis.paused():
            began = time.monotonic()
            with pytest.raises(errors.StoreUnavailable, match=r"Redis at 127\.0\.0\.1:\d+ did not answer.*retry"):
                store.load("c1")
            with pytest.raises(errors.StoreUnavailable, match="did not answer"):
                store.ping()
            waited = time.monotonic() - began
        store.ping()

    assert waited < 2 * STORE_TIMEOUT + SLACK


def test_a_stopped_redis_store_raises_store_unavailable(own_redis: RedisProcess) -> None:
    with RedisStore(own_redis.url, timeout=STORE_TIMEOUT) as store:
        own_redis.stop()
        with pytest.raises(errors.StoreUnavailable, match="cannot reach Redis") as raised:
            list(store.conversations())

    assert isinstance(raised.value, errors.TactfulError)


def test_a_sqlite_store_waits_its_busy_timeout_for_the_write_lock_then_raises(tmp_path: Path) -> None:
    path = tmp_path / "tactful.db"
    with SqliteStore(path, busy_timeout=STORE_TIMEOUT) as store:
        conversation = a_conversation(store)
        with sqlite_write_lock(path):
            began = time.monotonic()
            with pytest.raises(errors.StoreUnavailable, match=r"SQLite file .*tactful\.db.* is locked"):
                store.save(conversation.model_copy(update={"version": 2}), a_turn(2), expected_version=1)
            waited = time.monotonic() - began
            with pytest.raises(errors.StoreUnavailable, match="is locked"):
                store.ping()
            assert store.load("c1") == conversation
        store.ping()

    assert STORE_TIMEOUT * 0.9 <= waited < STORE_TIMEOUT + SLACK


def test_the_memory_store_is_the_one_store_that_never_blocks() -> None:
    assert MemoryStore.blocking is False
    assert SqliteStore.blocking is True
    assert RedisStore.blocking is True


class Broken(MemoryStore):
    """A store with a bug: every save fails with an error nobody planned for."""

    def save(self, conversation: Conversation, turn: Turn, **options: Any) -> None:
        raise RuntimeError("a bug in the store")


def test_an_unplanned_failure_is_a_json_500_and_the_websocket_stays_open(
    retail: Policy, caplog: pytest.LogCaptureFixture
) -> None:
    settings = ServerSettings(store_url="memory", rate_limit_per_second=0, **HOST_KEYS)
    server = serve_app(create_app(ConversationService(Engine(retail), Broken()), settings=settings), settings)
    try:
        chat = start(server)
        failed = send(server, chat, "hello")
        assert rasa(server, "visitor-1", "hello").status_code == 200  # the first message starts a conversation
        failed_rasa = rasa(server, "visitor-1", "hello again")
        with socket_for(server, chat) as socket:
            socket.send(json.dumps({"text": "hello", "id": 1}))
            frame = json.loads(socket.recv(timeout=10))
            socket.send(json.dumps({"text": "hello again", "id": 2}))
            second = json.loads(socket.recv(timeout=10))
    finally:
        server.stop()

    for response in (failed, failed_rasa):
        assert response.status_code == 500
        assert response.headers["content-type"] == "application/json"
        assert response.json()["error"]["code"] == "internal_error"
        assert "retry" in response.json()["error"]["message"]
    assert (frame["type"], frame["reply_to"], frame["error"]["code"]) == ("error", 1, "internal_error")
    assert second["reply_to"] == 2
    assert "a bug in the store" in caplog.text
