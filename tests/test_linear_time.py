"""No customer message can stall a worker: customer text is matched in time linear in its length.

A regular expression that backtracks can spend seconds on one crafted message well under the length
limit while holding the GIL, so every other conversation and ``/healthz`` wait with it. The attacks
here run in a child process or against a ``tactful serve`` process, each under a generous bound, so
that a regression fails the test instead of hanging the suite; the bounds are not speed targets
(``bench/adversarial.py`` measures the speed).
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import uuid
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from websockets.sync.client import connect

from tests.plugins.server_processes import ServerPool, ServerProcess

BOUND_SECONDS = 30.0
"""Far above what any message takes (milliseconds), far below what the backtracking took (8 s to minutes)."""
FACTS = {"customer_name": "Dana", "order_id": "A-1234", "days_since_purchase": 45}


def order_number_attack(length: int) -> str:
    """An order-number cue, a run of spaces, a run of digits and a trailing underscore: ``length`` characters."""
    cue = "order"
    spaces = length // 2
    return cue + " " * spaces + "1" * (length - len(cue) - spaces - 1) + "_"


def run_bounded(code: str, *, seconds: float = BOUND_SECONDS) -> Any:
    """Run ``code`` in a fresh interpreter and return the JSON it prints; fail if it takes over ``seconds``."""
    try:
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=seconds, check=False
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"still matching after {seconds:.0f} s: a pattern backtracks on this text")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_the_order_number_attack_is_understood_in_bounded_time() -> None:
    code = (
        "import json; from flow.understanding import understand; "
        f"s = understand({order_number_attack(2000)!r}); print(json.dumps(s.slots))"
    )

    assert run_bounded(code) == {}


def test_a_long_run_of_address_characters_is_read_in_bounded_time() -> None:
    text = "a" * 99_999 + "@"
    code = (
        "import json; from flow.understanding import understand; from flow.facts import read_fact; "
        "from flow.policy import FactSpec; "
        f"t = {text!r}; s = understand(t); "
        "print(json.dumps([s.slots, read_fact(FactSpec(kind='email'), t, s)]))"
    )

    assert run_bounded(code) == [{}, None]


def test_a_policy_pattern_that_could_backtrack_reads_an_answer_in_bounded_time() -> None:
    answer = "a" * 40 + "!"
    code = (
        "import json; from flow.understanding import understand; from flow.facts import read_fact; "
        "from flow.policy import FactSpec; "
        f"spec = FactSpec(kind='order_id', pattern='^(a+)+$'); t = {answer!r}; "
        "print(json.dumps([read_fact(spec, t, understand(t)), read_fact(spec, 'aaaa', understand('aaaa'))]))"
    )

    assert run_bounded(code) == [None, "AAAA"]


def _http(server: ServerProcess, text: str) -> str:
    started = httpx.post(f"{server.url}/v1/conversations", json={"facts": FACTS}, timeout=BOUND_SECONDS)
    chat = started.json()
    reply = httpx.post(
        f"{server.url}/v1/conversations/{chat['id']}/messages",
        json={"text": text},
        headers={"Authorization": f"Bearer {chat['token']}"},
        timeout=BOUND_SECONDS,
    )
    assert reply.status_code == 200, reply.text
    turn: dict[str, Any] = reply.json()
    return str(turn["text"])


def _websocket(server: ServerProcess, text: str) -> str:
    started = httpx.post(f"{server.url}/v1/conversations", json={"facts": FACTS}, timeout=BOUND_SECONDS).json()
    url = server.url.replace("http://", "ws://") + f"/v1/conversations/{started['id']}/ws?token={started['token']}"
    with connect(url, open_timeout=BOUND_SECONDS) as socket:
        assert json.loads(socket.recv(timeout=BOUND_SECONDS))["type"] == "ready"
        socket.send(json.dumps({"text": text}))
        frame = json.loads(socket.recv(timeout=BOUND_SECONDS))
    assert frame["type"] == "turn", frame
    return str(frame["turn"]["text"])


def _rasa(server: ServerProcess, text: str) -> str:
    sender = f"widget-{uuid.uuid4().hex}"
    webhook = f"{server.url}/webhooks/rest/webhook"
    httpx.post(webhook, json={"sender": sender, "message": "hello"}, timeout=BOUND_SECONDS)
    reply = httpx.post(webhook, json={"sender": sender, "message": text}, timeout=BOUND_SECONDS)
    assert reply.status_code == 200, reply.text
    return " ".join(str(message["text"]) for message in reply.json())


CHANNELS: dict[str, Callable[[ServerProcess, str], str]] = {"http": _http, "websocket": _websocket, "rasa": _rasa}


@pytest.mark.parametrize("channel", list(CHANNELS))
def test_the_attack_over_a_channel_leaves_every_other_client_served(tactful_servers: ServerPool, channel: str) -> None:
    server = tactful_servers.start("memory")
    attack = order_number_attack(2000)
    answered: list[str] = []
    attacker = threading.Thread(target=lambda: answered.append(CHANNELS[channel](server, attack)), daemon=True)

    attacker.start()
    health = httpx.get(f"{server.url}/healthz", timeout=BOUND_SECONDS)
    other = _http(server, "I want a refund for my order")
    attacker.join(timeout=BOUND_SECONDS)

    assert health.status_code == 200
    assert other
    assert len(answered) == 1, "the attacking message got no answer"
    assert answered[0].strip()
