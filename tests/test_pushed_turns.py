"""What a person does, and a wait that runs out, reach a customer's open WebSocket without being asked."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest
from websockets.sync.client import ClientConnection, connect

from tests.plugins.live_server import LiveServer, start_live_server
from tests.plugins.people import AGENT_KEYS, ALEX, always_open_policy
from tests.test_websocket import LATE_REFUND, receive, socket_url, start

DESK = "/v1/agent/conversations"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """A server where people are always in and the wait for one is six seconds, checked often."""
    policy = always_open_policy(tmp_path_factory.mktemp("policy"), wait_minutes=0.1)
    live = start_live_server(
        policy_file=policy, store_url="memory", rate_limit_per_second=0, agent_keys=AGENT_KEYS, wait_check_seconds=0.2
    )
    try:
        yield live
    finally:
        live.stop()


@contextmanager
def handed_over(server: LiveServer) -> Iterator[tuple[dict[str, Any], ClientConnection]]:
    """A conversation handed over to a person, and the customer's WebSocket on it."""
    chat = start(server, facts=LATE_REFUND, message="I want a refund")
    with connect(socket_url(server, chat["id"], chat["token"]), open_timeout=10) as socket:
        assert receive(socket)["type"] == "ready"
        socket.send(json.dumps({"text": "Can I speak to a manager?", "id": 1}))
        assert receive(socket)["turn"]["state"] == "escalated"
        yield chat, socket


def desk(server: LiveServer, path: str, body: Any = None) -> dict[str, Any]:
    response = httpx.post(f"{server.url}{DESK}/{path}", json=body, headers=ALEX, timeout=10)
    assert response.status_code == 200, response.text
    turn: dict[str, Any] = response.json()
    return turn


def test_a_take_over_a_message_and_a_hand_back_are_pushed(server: LiveServer) -> None:
    with handed_over(server) as (chat, socket):
        desk(server, f"{chat['id']}/take-over")
        joined = receive(socket)
        desk(server, f"{chat['id']}/messages", {"text": "Hi Dana, Alex here."})
        written = receive(socket)
        desk(server, f"{chat['id']}/hand-back")
        back = receive(socket)

    assert joined["type"] == written["type"] == back["type"] == "pushed"
    assert joined["turn"]["messages"] == ["You're now chatting with Alex from our team."]
    assert (written["turn"]["person"], written["turn"]["text"]) == ("Alex", "Hi Dana, Alex here.")
    assert back["turn"]["state"] == "follow_up"
    assert "reply_to" not in written


def test_a_customer_answer_and_a_pushed_turn_do_not_mix(server: LiveServer) -> None:
    with handed_over(server) as (chat, socket):
        desk(server, f"{chat['id']}/take-over")
        assert receive(socket)["type"] == "pushed"
        socket.send(json.dumps({"text": "Thanks, I'll wait", "id": 7}))
        answer = receive(socket)

    assert answer["type"] == "turn"
    assert answer["reply_to"] == 7
    assert answer["turn"]["messages"] == []


def test_nobody_taking_over_in_time_pushes_a_callback_offer(server: LiveServer) -> None:
    with handed_over(server) as (_, socket):
        offer = receive(socket)

    assert offer["type"] == "pushed"
    assert "nobody has been able to join yet" in offer["turn"]["text"]
    assert [q["payload"] for q in offer["turn"]["quick_replies"]] == ["accept", "reject"]


def test_a_pushed_turn_reaches_only_its_own_conversation(server: LiveServer) -> None:
    with handed_over(server) as (chat, socket), handed_over(server) as (other, watching):
        desk(server, f"{chat['id']}/take-over")
        desk(server, f"{chat['id']}/messages", {"text": "For the first customer only."})
        desk(server, f"{other['id']}/take-over")
        pushed = receive(watching)
        first = [receive(socket)["turn"]["text"] for _ in range(2)]

    assert pushed["turn"]["messages"] == ["You're now chatting with Alex from our team."]
    assert first[1] == "For the first customer only."
