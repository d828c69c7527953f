"""The WebSocket API against a real uvicorn server: frames in, turns out, errors as frames."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import ClientConnection, connect

from tests.plugins.host_keys import HOST
from tests.plugins.live_server import LiveServer, start_live_server

LATE_REFUND = {"customer_name": "Dana", "order_id": "A-1234", "days_since_purchase": 45}


def start(server: LiveServer, **body: Any) -> dict[str, Any]:
    response = httpx.post(f"{server.url}/v1/conversations", json=body, headers=HOST, timeout=10)
    assert response.status_code == 201, response.text
    started: dict[str, Any] = response.json()
    return started


def read(server: LiveServer, chat: dict[str, Any]) -> dict[str, Any]:
    response = httpx.get(
        f"{server.url}/v1/conversations/{chat['id']}",
        headers={"Authorization": f"Bearer {chat['token']}"},
        timeout=10,
    )
    assert response.status_code == 200, response.text
    conversation: dict[str, Any] = response.json()
    return conversation


def socket_url(server: LiveServer, conversation_id: str, token: str | None = None) -> str:
    url = server.url.replace("http://", "ws://") + f"/v1/conversations/{conversation_id}/ws"
    return url if token is None else f"{url}?token={token}"


def _not_json(constant: str) -> None:
    raise AssertionError(f"the server sent {constant}, which is not JSON")


def receive(socket: ClientConnection) -> dict[str, Any]:
    """The next frame, which must be standard JSON (no NaN or Infinity)."""
    frame: dict[str, Any] = json.loads(socket.recv(timeout=10), parse_constant=_not_json)
    return frame


def exchange(socket: ClientConnection, frame: dict[str, Any] | str | bytes) -> dict[str, Any]:
    socket.send(frame if isinstance(frame, str | bytes) else json.dumps(frame))
    return receive(socket)


@pytest.fixture
def chat(live_server: LiveServer) -> dict[str, Any]:
    return start(live_server, facts=LATE_REFUND)


@pytest.fixture
def socket(live_server: LiveServer, chat: dict[str, Any]) -> Iterator[ClientConnection]:
    with connect(socket_url(live_server, chat["id"], chat["token"]), open_timeout=10) as opened:
        ready = receive(opened)
        assert ready["type"] == "ready"
        yield opened


def test_ready_frame_carries_the_transcript_then_each_message_gets_its_turn(
    live_server: LiveServer, chat: dict[str, Any]
) -> None:
    with connect(socket_url(live_server, chat["id"], chat["token"]), open_timeout=10) as socket:
        ready = receive(socket)
        refused = exchange(socket, {"text": "I want a refund for my order", "id": "a"})
        accepted = exchange(socket, {"quick_reply": "alternative:exchange", "id": "b"})

    assert ready["type"] == "ready"
    assert ready["conversation"]["id"] == chat["id"]
    assert [t["text"] for t in ready["conversation"]["turns"]] == [chat["turn"]["text"]]
    assert refused["type"] == "turn"
    assert refused["reply_to"] == "a"
    assert refused["turn"]["state"] == "offering_alternatives"
    assert refused["turn"]["messages"] == refused["turn"]["text"].split("\n\n")
    assert accepted["reply_to"] == "b"
    assert accepted["turn"]["state"] == "follow_up"
    assert read(live_server, chat)["version"] == 3
    assert 'channel="websocket"' in httpx.get(f"{live_server.url}/metrics", timeout=10).text


def test_the_token_may_come_as_the_first_frame(live_server: LiveServer, chat: dict[str, Any]) -> None:
    with connect(socket_url(live_server, chat["id"]), open_timeout=10) as socket:
        ready = exchange(socket, {"token": chat["token"]})
        answered = exchange(socket, {"text": "I want a refund"})

    assert ready["type"] == "ready"
    assert answered["type"] == "turn"


@pytest.mark.parametrize(
    "first_frame",
    [
        pytest.param({"token": "not-the-token"}, id="wrong-token"),
        pytest.param({"text": "hello"}, id="no-token"),
        pytest.param("not json", id="garbage"),
        pytest.param("[" * 5000 + "]" * 5000, id="nested-too-deeply"),
    ],
)
def test_a_socket_without_the_right_token_is_refused_and_closed(
    live_server: LiveServer, chat: dict[str, Any], first_frame: dict[str, Any] | str
) -> None:
    before = read(live_server, chat)
    with connect(socket_url(live_server, chat["id"]), open_timeout=10) as socket:
        refused = exchange(socket, first_frame)
        with pytest.raises(ConnectionClosed) as closed:
            socket.recv(timeout=10)

    assert refused["type"] == "error"
    assert refused["error"]["code"] == "access_denied"
    assert closed.value.rcvd is not None
    assert closed.value.rcvd.code == 4403
    assert read(live_server, chat) == before


def test_a_socket_for_an_unknown_conversation_is_refused(live_server: LiveServer) -> None:
    with connect(socket_url(live_server, "no-such-conversation", "token"), open_timeout=10) as socket:
        refused = receive(socket)
        with pytest.raises(ConnectionClosed) as closed:
            socket.recv(timeout=10)

    assert refused["error"]["code"] == "unknown_conversation"
    assert closed.value.rcvd is not None
    assert closed.value.rcvd.code == 4404


@pytest.mark.parametrize(
    ("frame", "code"),
    [
        pytest.param("{not json", "invalid_request", id="malformed-json"),
        pytest.param("[1, 2]", "invalid_request", id="not-an-object"),
        pytest.param(b"\x00\x01binary", "invalid_message", id="binary-frame"),
        pytest.param({"text": ""}, "invalid_message", id="empty-text"),
        pytest.param({"text": "hi", "quick_reply": "reject"}, "invalid_request", id="text-and-quick-reply"),
        pytest.param({"quick_reply": "alternative:refund_anyway"}, "invalid_message", id="quick-reply-not-offered"),
        pytest.param({"text": "a" * 20_000}, "too_large", id="too-large"),
        pytest.param(
            '{"text": "hi", "id": ' + "[" * 5000 + "]" * 5000 + "}",
            "invalid_request",
            id="nested-too-deeply",
        ),
        pytest.param(
            '{"text": "hi", "id": ' + "[" * 900 + "]" * 900 + "}",
            "invalid_request",
            id="id-nested-deeply",
        ),
        pytest.param(
            '{"text": "hi", "id": NaN}',
            "invalid_request",
            id="nan-id",
        ),
        pytest.param('{"text": "hi", "id": -Infinity}', "invalid_request", id="infinite-id"),
        pytest.param('{"text": "hi", "id": 1e400}', "invalid_request", id="overflowing-id"),
        pytest.param('{"text": "hi", "id": {"a": 1}}', "invalid_request", id="object-id"),
    ],
)
def test_a_bad_frame_gets_an_error_frame_the_socket_stays_open_and_nothing_changes(
    live_server: LiveServer,
    chat: dict[str, Any],
    socket: ClientConnection,
    frame: dict[str, Any] | str | bytes,
    code: str,
) -> None:
    before = read(live_server, chat)

    refused = exchange(socket, frame)
    after = read(live_server, chat)
    still_open = exchange(socket, {"text": "I want a refund"})

    assert refused["type"] == "error"
    assert refused["error"]["code"] == code
    assert refused["error"]["message"]
    assert after == before
    assert still_open["type"] == "turn"


def test_a_closed_conversation_answers_with_an_error_frame(
    live_server: LiveServer, chat: dict[str, Any], socket: ClientConnection
) -> None:
    exchange(socket, {"text": "I want a refund"})
    closing = exchange(socket, {"quick_reply": "reject"})

    refused = exchange(socket, {"text": "one more thing", "id": 7})

    assert closing["turn"]["state"] == "closed"
    assert refused["type"] == "error"
    assert refused["reply_to"] == 7
    assert refused["error"]["code"] == "conversation_closed"


def test_a_message_resent_over_http_after_the_socket_answered_is_applied_once(
    live_server: LiveServer, chat: dict[str, Any], socket: ClientConnection
) -> None:
    over_socket = exchange(socket, {"text": "I want a refund", "message_id": "msg-1"})
    over_http = httpx.post(
        f"{live_server.url}/v1/conversations/{chat['id']}/messages",
        json={"text": "I want a refund", "message_id": "msg-1"},
        headers={"Authorization": f"Bearer {chat['token']}"},
        timeout=10,
    )

    assert over_http.status_code == 200
    assert over_http.json() == over_socket["turn"]
    assert read(live_server, chat)["version"] == 2


def test_turns_sent_over_http_are_in_the_next_ready_frame(live_server: LiveServer, chat: dict[str, Any]) -> None:
    httpx.post(
        f"{live_server.url}/v1/conversations/{chat['id']}/messages",
        json={"text": "I want a refund"},
        headers={"Authorization": f"Bearer {chat['token']}"},
        timeout=10,
    )

    with connect(socket_url(live_server, chat["id"], chat["token"]), open_timeout=10) as socket:
        ready = receive(socket)

    assert [t["number"] for t in ready["conversation"]["turns"]] == [1, 2]
    assert ready["conversation"]["state"] == "offering_alternatives"


@pytest.fixture(scope="module")
def strict_server() -> Iterator[LiveServer]:
    server = start_live_server(store_url="memory", rate_limit_per_second=0.01, rate_limit_burst=3)
    try:
        yield server
    finally:
        server.stop()


def test_frames_past_the_rate_limit_get_a_rate_limited_frame(strict_server: LiveServer) -> None:
    chat = start(strict_server, facts=LATE_REFUND)
    with connect(socket_url(strict_server, chat["id"], chat["token"]), open_timeout=10) as socket:
        receive(socket)
        answered = exchange(socket, {"text": "I want a refund"})
        exchange(socket, {"text": "why?"})
        limited = exchange(socket, {"text": "why not?", "id": "late"})

    assert answered["type"] == "turn"
    assert limited["type"] == "error"
    assert limited["error"]["code"] == "rate_limited"
    assert limited["reply_to"] == "late"
    assert limited["retry_after"] > 0
