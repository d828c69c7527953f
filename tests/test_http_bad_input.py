"""Every endpoint refuses bad input with its documented status and a clear message, and changes nothing.

A real server runs on a SQLite file and on a Redis database. Before and after each bad request the
test reads the store's raw content (every SQLite row, every Redis key's serialized value) and
requires the two to be identical byte for byte.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest
import redis
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import ClientConnection, connect

from tests.plugins.host_keys import HOST, signed
from tests.plugins.live_server import LiveServer, start_live_server
from tests.plugins.server_processes import redis_database

MAX_BODY = 16_384
LATE_REFUND = {"customer_name": "Dana", "order_id": "A-1001", "days_since_purchase": 45}
ALLOWED_REFUND = {**LATE_REFUND, "days_since_purchase": 10}
KNOWN_SENDER = "widget-customer-1"
SEEN = "message-already-applied"
JSON = {"Content-Type": "application/json"}


@dataclass(frozen=True)
class Chat:
    """A conversation set up before the bad requests."""

    id: str
    token: str


@dataclass
class Served:
    """A running server, its conversations, and a way to read its store's raw content."""

    server: LiveServer
    raw: Callable[[], Any]
    chats: dict[str, Chat] = field(default_factory=dict)


def sqlite_raw(path: Path) -> Callable[[], dict[str, list[tuple[Any, ...]]]]:
    def read() -> dict[str, list[tuple[Any, ...]]]:
        with closing(sqlite3.connect(path)) as db:
            tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
            return {table: sorted(db.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr) for table in tables}

    return read


def redis_raw(url: str) -> Callable[[], dict[bytes, bytes | None]]:
    def read() -> dict[bytes, bytes | None]:
        client = redis.Redis.from_url(url)
        try:
            return {key: client.dump(key) for key in sorted(client.scan_iter(count=1000))}
        finally:
            client.close()

    return read


def open_chat(server: LiveServer, facts: dict[str, Any], message: str) -> Chat:
    body = {"facts": facts, "message": message}
    response = httpx.post(f"{server.url}/v1/conversations", json=body, headers=HOST, timeout=10)
    assert response.status_code == 201, response.text
    return Chat(response.json()["id"], response.json()["token"])


@pytest.fixture(scope="module", params=["sqlite", pytest.param("redis", marks=pytest.mark.redis)])
def served(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("bad-input") / "tactful.db"
        store_url, raw = f"sqlite:///{path}", sqlite_raw(path)
    else:
        store_url = redis_database(request.getfixturevalue("redis_url"), 13)
        raw = redis_raw(store_url)
    server = start_live_server(store_url=store_url, rate_limit_per_second=0, max_body_bytes=MAX_BODY)
    try:
        served = Served(server, raw)
        served.chats["open"] = open_chat(server, LATE_REFUND, "I want a refund")
        seen = httpx.post(
            f"{server.url}{MESSAGES.format(id=served.chats['open'].id)}",
            json={"text": "why not?", "message_id": SEEN},
            headers={"Authorization": f"Bearer {served.chats['open'].token}"},
            timeout=10,
        )
        assert seen.status_code == 200, seen.text
        served.chats["other"] = open_chat(server, LATE_REFUND, "I want a refund")
        served.chats["closed"] = open_chat(server, ALLOWED_REFUND, "thanks, bye")
        rasa = httpx.post(
            f"{server.url}/webhooks/rest/webhook",
            json={
                "sender": KNOWN_SENDER,
                "message": "I want a refund",
                "metadata": {"facts_token": signed(LATE_REFUND)},
            },
            timeout=10,
        )
        assert rasa.status_code == 200, rasa.text
        yield served
    finally:
        server.stop()


@dataclass(frozen=True)
class Bad:
    """One bad request, and the error it must get."""

    name: str
    method: str
    path: str
    status: int
    code: str
    message: str
    body: Any = None
    content: bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)
    auth: str = "own"
    chat: str = "open"

    def __str__(self) -> str:
        return self.name


MESSAGES = "/v1/conversations/{id}/messages"
READ = "/v1/conversations/{id}"
START = "/v1/conversations"
RASA = "/webhooks/rest/webhook"
NOT_VALID = r"the request is not valid"

CASES = [
    # Starting a conversation
    Bad("start: truncated JSON", "POST", START, 422, "invalid_request", "not valid JSON",
        content=b'{"facts": ', headers=JSON),
    Bad("start: JSON array", "POST", START, 422, "invalid_request", NOT_VALID, body=[]),
    Bad("start: unknown field", "POST", START, 422, "invalid_request", "bogus", body={"bogus": 1}),
    Bad("start: facts not a mapping", "POST", START, 422, "invalid_request", "facts", body={"facts": "Dana"}),
    Bad("start: nested fact", "POST", START, 422, "invalid_request", "facts", body={"facts": {"a": {"b": 1}}}),
    Bad("start: fact of the wrong kind", "POST", START, 422, "invalid_fact", "days_since_purchase",
        body={"facts": {"days_since_purchase": "lots"}}, headers=HOST),
    Bad("start: fact not finite", "POST", START, 422, "invalid_fact", "days_since_purchase.*finite",
        content=b'{"facts": {"days_since_purchase": Infinity}}', headers={**HOST, **JSON}),
    Bad("start: fact out of bounds", "POST", START, 422, "invalid_fact", "days_since_purchase.*between 0 and 3650",
        body={"facts": {"days_since_purchase": -3}}, headers=HOST),
    Bad("start: unknown fact", "POST", START, 422, "invalid_fact", "shoe_size", body={"facts": {"shoe_size": 9}},
        headers=HOST),
    Bad("start: deciding fact unsigned", "POST", START, 403, "untrusted_facts", "days_since_purchase",
        body={"facts": {"days_since_purchase": 1}}),
    Bad("start: forged facts token", "POST", START, 403, "invalid_facts_token", "cannot be read",
        body={"facts_token": "not.a.token"}),
    Bad("start: facts token too long", "POST", START, 422, "invalid_request", "facts_token",
        body={"facts_token": "t" * 8193}),
    Bad("start: wrong API key", "POST", START, 403, "access_denied", "API key",
        body={"facts": {"days_since_purchase": 1}}, headers={"Authorization": "Bearer not-the-key"}),
    Bad("start: too many facts", "POST", START, 422, "invalid_message", "limit is 64",
        body={"facts": {f"fact_{i}": i for i in range(65)}}),
    Bad("start: message a number", "POST", START, 422, "invalid_request", "message", body={"message": 42}),
    Bad("start: blank message", "POST", START, 422, "invalid_message", "empty", body={"message": " \t "}),
    Bad("start: message past the limit", "POST", START, 422, "invalid_message", "limit is 2000",
        body={"message": "x" * 3000}),
    Bad("start: control characters", "POST", START, 422, "invalid_message", "control characters",
        body={"message": "hi\u0000there"}),
    Bad("start: lone surrogate", "POST", START, 422, "invalid_message", "not valid Unicode",
        content=b'{"message": "\\ud800"}', headers=JSON),
    Bad("start: invalid UTF-8", "POST", START, 422, "invalid_request", "UTF-8|JSON",
        content=b'{"message": "\xff\xfe refund"}', headers=JSON),
    Bad("start: unknown policy", "POST", START, 422, "unknown_policy", "nope", body={"policy": "nope"}),
    Bad("start: oversized body", "POST", START, 413, "too_large", f"larger than {MAX_BODY} bytes",
        body={"message": "x" * (MAX_BODY + 1)}),
    Bad("start: wrong method", "PUT", START, 405, "method_not_allowed", "PUT /v1/conversations", body={}),
    # Sending a message
    Bad("send: a message id used for another message", "POST", MESSAGES, 422, "message_id_reused",
        "already used for a different message", body={"text": "the credit please", "message_id": SEEN}),
    Bad("send: no token", "POST", MESSAGES, 403, "access_denied", "token", body={"text": "hi"}, auth="none"),
    Bad("send: wrong token", "POST", MESSAGES, 403, "access_denied", "token", body={"text": "hi"}, auth="wrong"),
    Bad("send: another conversation's token", "POST", MESSAGES, 403, "access_denied", "token",
        body={"text": "hi"}, auth="other"),
    Bad("send: empty bearer", "POST", MESSAGES, 403, "access_denied", "token", body={"text": "hi"}, auth="empty"),
    Bad("send: basic auth", "POST", MESSAGES, 403, "access_denied", "token", body={"text": "hi"}, auth="basic"),
    Bad("send: token in the query", "POST", MESSAGES + "?token={token}", 403, "access_denied", "token",
        body={"text": "hi"}, auth="none"),
    Bad("send: unknown id", "POST", MESSAGES, 404, "unknown_conversation", "no conversation has id",
        body={"text": "hi"}, chat="unknown"),
    Bad("send: unicode id", "POST", MESSAGES, 404, "unknown_conversation", "no conversation has id",
        body={"text": "hi"}, chat="unicode"),
    Bad("send: very long id", "POST", MESSAGES, 404, "unknown_conversation", "no conversation has id",
        body={"text": "hi"}, chat="long"),
    Bad("send: closed conversation", "POST", MESSAGES, 409, "conversation_closed", "is closed",
        body={"text": "hi"}, chat="closed"),
    Bad("send: truncated JSON", "POST", MESSAGES, 422, "invalid_request", "not valid JSON",
        content=b'{"text": "hi"', headers=JSON),
    Bad("send: invalid UTF-8", "POST", MESSAGES, 422, "invalid_request", "UTF-8|JSON",
        content=b'{"text": "\xc3\x28"}', headers=JSON),
    Bad("send: deeply nested JSON", "POST", MESSAGES, 422, "invalid_request", "JSON",
        content=b'{"text": ' + b"[" * 5_000 + b"]" * 5_000 + b"}", headers=JSON),
    Bad("send: no body", "POST", MESSAGES, 422, "invalid_request", NOT_VALID),
    Bad("send: empty object", "POST", MESSAGES, 422, "invalid_request", "exactly one of", body={}),
    Bad("send: text and quick reply", "POST", MESSAGES, 422, "invalid_request", "exactly one of",
        body={"text": "yes", "quick_reply": "reject"}),
    Bad("send: text a number", "POST", MESSAGES, 422, "invalid_request", "text", body={"text": 5}),
    Bad("send: text a list", "POST", MESSAGES, 422, "invalid_request", "text", body={"text": ["yes"]}),
    Bad("send: quick reply an object", "POST", MESSAGES, 422, "invalid_request", "quick_reply",
        body={"quick_reply": {}}),
    Bad("send: unknown field", "POST", MESSAGES, 422, "invalid_request", "bogus", body={"text": "hi", "bogus": 1}),
    Bad("send: deciding fact unsigned", "POST", MESSAGES, 403, "untrusted_facts", "days_since_purchase",
        body={"text": "hi", "facts": {"days_since_purchase": 1}}),
    Bad("send: fact not finite", "POST", MESSAGES, 422, "invalid_fact", "customer_name",
        content=b'{"text": "hi", "facts": {"customer_name": NaN}}', headers=JSON),
    Bad("send: empty text", "POST", MESSAGES, 422, "invalid_message", "empty", body={"text": ""}),
    Bad("send: whitespace text", "POST", MESSAGES, 422, "invalid_message", "empty", body={"text": "\n\t  "}),
    Bad("send: escape sequence", "POST", MESSAGES, 422, "invalid_message", "control characters",
        body={"text": "\u001b[2J"}),
    Bad("send: text past the limit", "POST", MESSAGES, 422, "invalid_message", "limit is 2000",
        body={"text": "é" * 2001}),
    Bad("send: quick reply not on offer", "POST", MESSAGES, 422, "invalid_message", "not on offer",
        body={"quick_reply": "alternative:free_money"}),
    Bad("send: empty message id", "POST", MESSAGES, 422, "invalid_request", "message_id",
        body={"text": "hi", "message_id": ""}),
    Bad("send: message id too long", "POST", MESSAGES, 422, "invalid_request", "message_id",
        body={"text": "hi", "message_id": "m" * 201}),
    Bad("send: oversized body", "POST", MESSAGES, 413, "too_large", "larger than", body={"text": "x" * MAX_BODY}),
    Bad("send: oversized chunked body", "POST", MESSAGES, 413, "too_large", "larger than",
        content=b"", headers={**JSON, "x-chunked": str(MAX_BODY * 2)}),
    Bad("send: wrong method", "DELETE", MESSAGES, 405, "method_not_allowed", "DELETE"),
    # Reading a conversation
    Bad("read: no token", "GET", READ, 403, "access_denied", "token", auth="none"),
    Bad("read: wrong token", "GET", READ, 403, "access_denied", "token", auth="wrong"),
    Bad("read: another conversation's token", "GET", READ, 403, "access_denied", "token", auth="other"),
    Bad("read: unknown id", "GET", READ, 404, "unknown_conversation", "no conversation has id", chat="unknown"),
    Bad("read: no such path", "GET", "/v1/conversations/{id}/transcript", 404, "not_found", "/docs"),
    # The Rasa REST channel
    Bad("rasa: truncated JSON", "POST", RASA, 422, "invalid_request", "not valid JSON",
        content=b'{"sender": "a",', headers=JSON),
    Bad("rasa: invalid UTF-8", "POST", RASA, 422, "invalid_request", "UTF-8|JSON",
        content=b'{"sender": "a", "message": "\xff"}', headers=JSON),
    Bad("rasa: no sender", "POST", RASA, 422, "invalid_request", "sender", body={"message": "hi"}),
    Bad("rasa: empty sender", "POST", RASA, 422, "invalid_request", "sender", body={"sender": "", "message": "hi"}),
    Bad("rasa: sender too long", "POST", RASA, 422, "invalid_request", "sender",
        body={"sender": "s" * 201, "message": "hi"}),
    Bad("rasa: no message", "POST", RASA, 422, "invalid_request", "message", body={"sender": KNOWN_SENDER}),
    Bad("rasa: message a number", "POST", RASA, 422, "invalid_request", "message",
        body={"sender": KNOWN_SENDER, "message": 7}),
    Bad("rasa: facts not a mapping", "POST", RASA, 422, "invalid_request", "facts",
        body={"sender": "new-sender", "message": "hi", "metadata": {"facts": []}}),
    Bad("rasa: deciding fact unsigned", "POST", RASA, 403, "untrusted_facts", "days_since_purchase",
        body={"sender": "new-sender", "message": "hi", "metadata": {"facts": {"days_since_purchase": 1}}}),
    Bad("rasa: fact not finite", "POST", RASA, 422, "invalid_fact", "customer_name",
        content=b'{"sender": "new-sender", "message": "hi", "metadata": {"facts": {"customer_name": -Infinity}}}',
        headers=JSON),
    Bad("rasa: control characters from a known sender", "POST", RASA, 422, "invalid_message", "control characters",
        body={"sender": KNOWN_SENDER, "message": "\u0007"}),
    Bad("rasa: too long from a known sender", "POST", RASA, 422, "invalid_message", "limit is 2000",
        body={"sender": KNOWN_SENDER, "message": "y" * 2001}),
    Bad("rasa: oversized body", "POST", RASA, 413, "too_large", "larger than",
        body={"sender": KNOWN_SENDER, "message": "z" * MAX_BODY}),
]  # fmt: skip


def _chunks(size: int) -> Iterator[bytes]:
    yield b'{"text": "'
    for _ in range(size // 1024):
        yield b"x" * 1024
    yield b'"}'


def send(served: Served, case: Bad) -> httpx.Response:
    chats = served.chats
    conversation_id = {
        "unknown": "0" * 24,
        "unicode": "ünïcødé-💬",
        "long": "L" * 2000,
    }.get(case.chat) or chats[case.chat].id
    own = chats.get(case.chat, chats["open"]).token
    authorization = {
        "own": f"Bearer {own}",
        "wrong": f"Bearer {own[:-4]}AAAA",
        "other": f"Bearer {chats['other'].token}",
        "empty": "Bearer",
        "basic": "Basic ZGFuYTpzZWNyZXQ=",
        "none": None,
    }[case.auth]
    headers = dict(case.headers)
    if authorization is not None and case.path.startswith("/v1/") and case.path != START:
        headers["Authorization"] = authorization
    path = case.path.format(id=quote(conversation_id, safe=""), token=own)
    content: bytes | Iterator[bytes] | None = case.content
    if "x-chunked" in headers:
        content = _chunks(int(headers.pop("x-chunked")))
    with httpx.Client(base_url=served.server.url, timeout=30) as http:
        if case.body is not None:
            return http.request(case.method, path, json=case.body, headers=headers)
        return http.request(case.method, path, content=content, headers=headers)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_a_bad_request_gets_its_documented_error_and_changes_nothing(served: Served, case: Bad) -> None:
    before = served.raw()

    response = send(served, case)

    assert response.status_code == case.status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}, body
    assert body["error"]["code"] == case.code, body
    message = body["error"]["message"]
    assert re.search(case.message, message), message
    assert "Traceback" not in message
    assert served.raw() == before, "a refused request changed the store"


def test_an_unknown_id_is_repeated_back_cut_short(served: Served) -> None:
    case = next(case for case in CASES if case.name == "send: very long id")

    message = send(served, case).json()["error"]["message"]

    assert "L" * 64 + "…" in message
    assert "L" * 65 not in message
    assert len(message) < 200


def socket_url(served: Served, conversation_id: str, token: str | None = None) -> str:
    url = served.server.url.replace("http://", "ws://") + f"/v1/conversations/{conversation_id}/ws"
    return url if token is None else f"{url}?token={token}"


def receive(socket: ClientConnection) -> dict[str, Any]:
    frame: dict[str, Any] = json.loads(socket.recv(timeout=10))
    return frame


@pytest.mark.parametrize(
    ("token", "chat", "code", "close_code"),
    [
        ("wrong", "open", "access_denied", 4403),
        ("other", "open", "access_denied", 4403),
        ("none", "open", "access_denied", 4403),
        ("own", "unknown", "unknown_conversation", 4404),
    ],
)
def test_a_websocket_with_a_bad_token_or_id_is_refused_and_changes_nothing(
    served: Served, token: str, chat: str, code: str, close_code: int
) -> None:
    before = served.raw()
    own = served.chats["open"].token
    conversation_id = "0" * 24 if chat == "unknown" else served.chats[chat].id
    given = {"wrong": own[:-4] + "AAAA", "other": served.chats["other"].token, "own": own, "none": None}[token]

    with connect(socket_url(served, conversation_id, given), open_timeout=10) as socket:
        if given is None:
            socket.send("not json")
        refused = receive(socket)
        with pytest.raises(ConnectionClosed) as closed:
            socket.recv(timeout=10)

    assert refused["type"] == "error"
    assert refused["error"]["code"] == code
    assert refused["error"]["message"]
    assert closed.value.rcvd is not None
    assert closed.value.rcvd.code == close_code
    assert served.raw() == before


BAD_FRAMES: list[tuple[str, str | bytes, str, str]] = [
    ("binary frame", b"\x00\x01\x02", "invalid_message", "binary"),
    ("not JSON", "{text: hi}", "invalid_request", "not JSON"),
    ("JSON array", "[1, 2]", "invalid_request", "JSON object"),
    ("JSON string", '"hello"', "invalid_request", "JSON object"),
    ("text and quick reply", json.dumps({"text": "yes", "quick_reply": "reject"}), "invalid_request", "exactly one"),
    ("nothing to say", json.dumps({"id": "x"}), "invalid_request", "exactly one"),
    ("text a number", json.dumps({"text": 3}), "invalid_request", "text"),
    ("empty text", json.dumps({"text": ""}), "invalid_message", "empty"),
    ("control characters", json.dumps({"text": "\u0008"}), "invalid_message", "control characters"),
    ("lone surrogate", '{"text": "\\udc00"}', "invalid_message", "not valid Unicode"),
    ("quick reply not on offer", json.dumps({"quick_reply": "accept"}), "invalid_message", "not on offer"),
    ("unknown field", json.dumps({"text": "hi", "bogus": {}}), "invalid_request", "bogus"),
    (
        "deciding fact unsigned",
        json.dumps({"text": "hi", "facts": {"loyalty_tier": "gold"}}),
        "untrusted_facts",
        "loyalty_tier",
    ),
    ("fact not finite", '{"text": "hi", "facts": {"customer_name": 1e400}}', "invalid_fact", "customer_name"),
    ("fact NaN", '{"text": "hi", "facts": {"customer_name": NaN}}', "invalid_request", "not JSON|NaN"),
    ("forged facts token", json.dumps({"text": "hi", "facts_token": "a.b.c"}), "invalid_facts_token", "not accepted"),
    ("oversized frame", json.dumps({"text": "x" * (MAX_BODY + 1)}), "too_large", "larger than"),
]


@pytest.mark.parametrize(
    ("frame", "code", "message"), [case[1:] for case in BAD_FRAMES], ids=[c[0] for c in BAD_FRAMES]
)
def test_a_bad_websocket_frame_gets_an_error_frame_and_changes_nothing(
    served: Served, frame: str | bytes, code: str, message: str
) -> None:
    chat = served.chats["open"]
    before = served.raw()

    with connect(socket_url(served, chat.id, chat.token), open_timeout=10, max_size=None) as socket:
        assert receive(socket)["type"] == "ready"
        socket.send(frame)
        refused = receive(socket)
        socket.send(json.dumps({"text": "", "id": "still-open"}))
        still_open = receive(socket)

    assert refused["type"] == "error", refused
    assert refused["error"]["code"] == code
    assert re.search(message, refused["error"]["message"]), refused["error"]["message"]
    assert still_open["reply_to"] == "still-open", "the socket stopped answering after a bad frame"
    assert served.raw() == before


def test_a_websocket_message_to_a_closed_conversation_is_refused(served: Served) -> None:
    chat = served.chats["closed"]
    before = served.raw()

    with connect(socket_url(served, chat.id, chat.token), open_timeout=10) as socket:
        assert receive(socket)["conversation"]["closed"] is True
        socket.send(json.dumps({"text": "one more thing", "id": "late"}))
        refused = receive(socket)

    assert refused["error"]["code"] == "conversation_closed"
    assert refused["reply_to"] == "late"
    assert served.raw() == before


@pytest.fixture
def limited(tmp_path: Path) -> Iterator[Served]:
    """A server that allows a burst of three requests and then refills almost never."""
    path = tmp_path / "limited.db"
    server = start_live_server(
        store_url=f"sqlite:///{path}", rate_limit_per_second=0.001, rate_limit_burst=3, max_body_bytes=MAX_BODY
    )
    try:
        served = Served(server, sqlite_raw(path))
        served.chats["open"] = open_chat(server, LATE_REFUND, "I want a refund")
        yield served
    finally:
        server.stop()


def test_a_burst_past_the_rate_limit_gets_429_with_retry_after_and_changes_nothing(limited: Served) -> None:
    chat = limited.chats["open"]
    auth = {"Authorization": f"Bearer {chat.token}"}
    with httpx.Client(base_url=limited.server.url, timeout=10) as http:
        reads = [http.get(f"/v1/conversations/{chat.id}", headers=auth).status_code for _ in range(2)]
        before = limited.raw()
        refused = [
            http.post(f"/v1/conversations/{chat.id}/messages", json={"text": "no"}, headers=auth),
            http.post("/v1/conversations", json={"message": "I want a refund"}),
            http.post(RASA, json={"sender": "burst", "message": "I want a refund"}),
        ]
        healthy = http.get("/healthz")

    assert reads == [200, 200]
    for response in refused:
        assert response.status_code == 429, response.text
        assert response.json()["error"]["code"] == "rate_limited"
        assert re.search(r"retry in \d+ s", response.json()["error"]["message"])
        assert int(response.headers["Retry-After"]) >= 1
    assert limited.raw() == before
    assert healthy.status_code == 200, "the health check is not rate limited"


def test_the_raw_store_view_sees_an_accepted_message(served: Served) -> None:
    """The byte-for-byte comparison is not blind: a message that is accepted does change the raw content."""
    chat = open_chat(served.server, LATE_REFUND, "I want a refund")
    before = served.raw()

    with httpx.Client(base_url=served.server.url, timeout=10) as http:
        accepted = http.post(
            f"/v1/conversations/{chat.id}/messages",
            json={"text": "why?"},
            headers={"Authorization": f"Bearer {chat.token}"},
        )

    assert accepted.status_code == 200, accepted.text
    assert served.raw() != before
