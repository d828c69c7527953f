"""Desk events: signed, retried with backoff, and sent for handoffs, customer messages and what people do."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from flow.server import ServerSettings, build_app
from flow.server.desk_webhook import SIGNATURE_HEADER, DeskWebhook, sign
from tests.plugins.host_keys import HOST_KEYS
from tests.plugins.people import AGENT_KEYS, ALEX
from tests.test_http_api import say, serving, start

pytestmark = pytest.mark.anyio
SECRET = "desk-secret"
LATE_REFUND = {"customer_name": "Dana", "order_id": "A-1234", "days_since_purchase": 45}


class Desk:
    """A company's desk that fails the first ``failures`` deliveries, then keeps what it gets."""

    def __init__(self, failures: int = 0) -> None:
        self.failures = failures
        self.attempts = 0
        self.received: list[tuple[dict[str, Any], str]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.attempts += 1
        if self.attempts <= self.failures:
            return httpx.Response(503)
        self.received.append((json.loads(request.content), request.headers.get(SIGNATURE_HEADER, "")))
        return httpx.Response(204)

    @property
    def events(self) -> list[str]:
        return [body["event"] for body, _ in self.received]


def verify(body: dict[str, Any], header: str) -> bool:
    """What a desk does with the header: recompute the HMAC over the timestamp and the raw body."""
    fields = dict(part.split("=", 1) for part in header.split(","))
    raw = json.dumps(body, separators=(",", ":")).encode()
    expected = hmac.new(SECRET.encode(), f"{fields['t']}.".encode() + raw, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, fields["v1"])


async def test_an_event_is_retried_with_backoff_until_the_desk_takes_it(always_open: Path) -> None:
    desk = Desk(failures=2)
    webhook = DeskWebhook(
        "https://desk.example/tactful",
        secret=SECRET,
        delays=(0, 0, 0),
        client=httpx.AsyncClient(transport=httpx.MockTransport(desk)),
    )
    app = build_app(ServerSettings(policy_file=always_open, store_url="memory", rate_limit_per_second=0, **HOST_KEYS))
    async with serving(app) as http:
        app.state.gateway.webhook = webhook
        chat = await start(http, facts=LATE_REFUND, message="I want a refund")
        await say(http, chat, text="Can I speak to a manager?")
        await webhook.close()

    assert desk.attempts == 3
    assert desk.events == ["handoff"]
    body, header = desk.received[0]
    assert verify(body, header)
    assert body["conversation_id"] == chat.id
    assert "Dana contacted Northwind Goods" in body["summary"]


async def test_a_desk_that_never_answers_is_given_up_on() -> None:
    desk = Desk(failures=99)
    webhook = DeskWebhook(
        "https://desk.example/tactful",
        secret=SECRET,
        delays=(0, 0),
        client=httpx.AsyncClient(transport=httpx.MockTransport(desk)),
    )
    app = build_app(ServerSettings(store_url="memory", rate_limit_per_second=0))
    async with serving(app):
        conversation, turn = app.state.gateway.service.engines["retail"].start(LATE_REFUND, "I want a refund")
        delivered = await webhook.send("handoff", conversation, turn)
    await webhook.close()

    assert delivered is False
    assert desk.attempts == 3


@asynccontextmanager
async def desk_served(policy_file: Path, desk: Desk) -> AsyncIterator[tuple[FastAPI, httpx.AsyncClient]]:
    """The server on ``policy_file``, with people's agent keys, sending its desk events to ``desk``."""
    settings = ServerSettings(
        policy_file=policy_file, store_url="memory", rate_limit_per_second=0, agent_keys=AGENT_KEYS, **HOST_KEYS
    )
    app = build_app(settings)
    async with serving(app) as http:
        app.state.gateway.webhook = DeskWebhook(
            "https://desk.example/tactful", secret=SECRET, client=httpx.AsyncClient(transport=httpx.MockTransport(desk))
        )
        yield app, http


async def test_what_a_person_does_and_what_the_customer_says_meanwhile_are_events(always_open: Path) -> None:
    desk = Desk()
    async with desk_served(always_open, desk) as (app, http):
        chat = await start(http, facts=LATE_REFUND, message="I want a refund")
        await say(http, chat, text="Can I speak to a manager?")
        desk_url = f"/v1/agent/conversations/{chat.id}"
        await http.post(f"{desk_url}/take-over", headers=ALEX)
        await say(http, chat, text="Hello?")
        await http.post(f"{desk_url}/messages", json={"text": "Hi Dana"}, headers=ALEX)
        await http.post(f"{desk_url}/hand-back", headers=ALEX)
        await app.state.gateway.webhook.close()

    assert desk.events == ["handoff", "take_over", "customer_message", "person_message", "hand_back"]
    assert all(verify(body, header) for body, header in desk.received)
    assert desk.received[2][0]["turn"]["customer_text"] == "Hello?"
    assert desk.received[3][0]["person"] == "Alex"


async def test_an_offer_taken_while_waiting_withdraws_the_handoff(always_open: Path) -> None:
    desk = Desk()
    async with desk_served(always_open, desk) as (app, http):
        chat = await start(http, facts=LATE_REFUND, message="I want a refund")
        await say(http, chat, text="Can I speak to a manager?")
        taken = await say(http, chat, text="no, forget it, I'll take the store credit")
        queue = await http.get("/v1/agent/conversations", headers=ALEX)
        await app.state.gateway.webhook.close()

    assert desk.events == ["handoff", "handoff_withdrawn"]
    assert desk.received[1][0]["reason"] is None
    assert [a["type"] for a in taken["actions"]][:2] == ["withdraw_handoff", "apply_alternative"]
    assert queue.status_code == 200
    assert chat.id not in {c["id"] for c in queue.json()}


def test_the_signature_covers_the_time_and_the_body() -> None:
    body = b'{"event":"handoff"}'

    assert sign(SECRET, body, at=100) != sign(SECRET, body, at=101)
    assert sign(SECRET, body, at=100) != sign(SECRET, body + b" ", at=100)
    assert sign(SECRET, body, at=100).startswith("t=100,v1=")
