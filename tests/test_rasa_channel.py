"""The Rasa REST channel contract: what a widget written for Rasa sends and gets back."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from flow.server import ServerSettings, build_app
from flow.server.senders import SenderConversation
from tests.plugins.host_keys import HOST_KEYS, signed

pytestmark = pytest.mark.anyio

WEBHOOK = "/webhooks/rest/webhook"
LATE_REFUND = {"customer_name": "Dana", "order_id": "A-1234", "days_since_purchase": 45}
XSS = "<img src=x onerror=alert(1)>"


def late_refund() -> dict[str, Any]:
    """What a page on the host's site sends: the name unsigned, the facts that decide signed by the host."""
    return {"facts": {"customer_name": "Dana"}, "facts_token": signed(LATE_REFUND)}


@dataclass
class Widget:
    """A Rasa-style widget talking to one app, and a look at the app's sender table."""

    http: httpx.AsyncClient
    app: FastAPI

    async def send(self, sender: str, message: str, **extra: Any) -> list[dict[str, Any]]:
        response = await self.http.post(WEBHOOK, json={"sender": sender, "message": message, **extra})
        assert response.status_code == 200, response.text
        replies: list[dict[str, Any]] = response.json()
        assert isinstance(replies, list)
        return replies

    def current(self, sender: str) -> SenderConversation:
        found: SenderConversation | None = self.app.state.senders.find(sender)
        assert found is not None
        return found

    async def transcript(self, sender: str) -> dict[str, Any]:
        conversation = self.current(sender)
        response = await self.http.get(
            f"/v1/conversations/{conversation.conversation_id}",
            headers={"Authorization": f"Bearer {conversation.token}"},
        )
        body: dict[str, Any] = response.json()
        return body


@asynccontextmanager
async def widget_for(app: FastAPI) -> AsyncIterator[Widget]:
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://tactful.test") as http:
            yield Widget(http, app)


@pytest.fixture
async def widget() -> AsyncIterator[Widget]:
    async with widget_for(
        build_app(ServerSettings(store_url="memory", rate_limit_per_second=0, **HOST_KEYS))
    ) as opened:
        yield opened


async def test_the_reply_is_an_array_of_messages_one_per_paragraph(widget: Widget) -> None:
    replies = await widget.send("dana", "I want a refund for my order", metadata=late_refund())

    last_turn = (await widget.transcript("dana"))["turns"][-1]
    assert [r["text"] for r in replies] == [p.replace("'", "&#x27;") for p in last_turn["text"].split("\n\n")]
    assert len(replies) >= 3
    assert all(r["recipient_id"] == "dana" for r in replies)
    assert all("\n\n" not in r["text"] for r in replies)


async def test_buttons_are_on_the_last_message_only(widget: Widget) -> None:
    replies = await widget.send("dana", "I want a refund for my order", metadata=late_refund())

    assert [("buttons" in r) for r in replies] == [False] * (len(replies) - 1) + [True]
    assert replies[-1]["buttons"] == [
        {"title": "Store credit", "payload": "alternative:store_credit"},
        {"title": "Exchange", "payload": "alternative:exchange"},
        {"title": "No, thanks", "payload": "reject"},
    ]


async def test_fields_with_no_value_are_left_out(widget: Widget) -> None:
    replies = await widget.send("dana", "/get_started", metadata=late_refund())

    assert len(replies) == 1
    assert set(replies[0]) == {"recipient_id", "text"}
    assert "Dana" in replies[0]["text"]


async def test_echoed_text_is_html_escaped(widget: Widget) -> None:
    replies = await widget.send("mallory", "/get_started", metadata={"facts": {"customer_name": XSS}})

    text = replies[0]["text"]
    assert "&lt;img src=x onerror=alert(1)&gt;" in text
    assert "<" not in text
    assert ">" not in text


async def test_the_sender_echoed_as_recipient_id_is_html_escaped(widget: Widget) -> None:
    sender = f'visitor-{XSS}-"&'

    replies = await widget.send(sender, "I want a refund for my order", metadata=late_refund())
    again = await widget.send(sender, replies[-1]["buttons"][0]["payload"])

    escaped = "visitor-&lt;img src=x onerror=alert(1)&gt;-&quot;&amp;"
    assert {r["recipient_id"] for r in replies + again} == {escaped}
    assert widget.current(sender).conversation_id


async def test_a_button_payload_sent_back_is_taken_as_that_quick_reply(widget: Widget) -> None:
    offered = await widget.send("dana", "I want a refund for my order", metadata=late_refund())
    payload = offered[-1]["buttons"][0]["payload"]

    replies = await widget.send("dana", payload)

    turns = (await widget.transcript("dana"))["turns"]
    assert turns[-1]["quick_reply"] == "alternative:store_credit"
    assert turns[-1]["customer_text"] is None
    assert turns[-1]["state"] == "follow_up"
    assert "store credit" in replies[0]["text"]


async def test_text_that_is_not_an_offered_payload_is_read_as_text(widget: Widget) -> None:
    await widget.send("dana", "I want a refund for my order", metadata=late_refund())

    await widget.send("dana", "why?")

    turns = (await widget.transcript("dana"))["turns"]
    assert turns[-1]["customer_text"] == "why?"
    assert turns[-1]["quick_reply"] is None


async def test_each_unknown_sender_gets_a_conversation_and_keeps_it(widget: Widget) -> None:
    await widget.send("ann", "I want a refund", metadata=late_refund())
    await widget.send("bob", "I want a refund", metadata=late_refund())
    first = widget.current("ann")
    await widget.send("ann", "why?")

    assert widget.current("ann") == first
    assert widget.current("bob").conversation_id != first.conversation_id
    assert (await widget.transcript("ann"))["version"] == 2
    assert (await widget.transcript("bob"))["version"] == 1


async def test_a_sender_whose_conversation_closed_starts_a_new_one(widget: Widget) -> None:
    await widget.send("dana", "I want a refund", metadata=late_refund())
    await widget.send("dana", "reject")
    closed = widget.current("dana")
    assert (await widget.transcript("dana"))["closed"] is True

    replies = await widget.send("dana", "hello again")

    assert widget.current("dana").conversation_id != closed.conversation_id
    assert (await widget.transcript("dana"))["state"] == "listening"
    assert replies[0]["text"]


async def test_a_greeting_from_a_sender_in_a_conversation_shows_the_last_turn_and_changes_nothing(
    widget: Widget,
) -> None:
    offered = await widget.send("dana", "I want a refund for my order", metadata=late_refund())
    before = await widget.transcript("dana")

    again = await widget.send("dana", "/get_started")

    assert again == offered
    assert await widget.transcript("dana") == before


@pytest.mark.parametrize(
    "body",
    [
        pytest.param({"message": "hi"}, id="no-sender"),
        pytest.param({"sender": "dana"}, id="no-message"),
        pytest.param({"sender": "", "message": "hi"}, id="empty-sender"),
        pytest.param({"sender": "dana", "message": "hi", "metadata": {"facts": "Dana"}}, id="facts-not-a-mapping"),
    ],
)
async def test_a_malformed_request_is_a_422_json_error(widget: Widget, body: dict[str, Any]) -> None:
    response = await widget.http.post(WEBHOOK, json=body)

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_request"


async def test_a_refused_message_changes_nothing(widget: Widget) -> None:
    await widget.send("dana", "I want a refund", metadata=late_refund())
    before = await widget.transcript("dana")

    response = await widget.http.post(WEBHOOK, json={"sender": "dana", "message": "x" * 5000})

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_message"
    assert await widget.transcript("dana") == before


async def test_senders_are_remembered_in_the_sqlite_file_across_restarts(tmp_path: Path) -> None:
    settings = ServerSettings(store_url=f"sqlite:///{tmp_path / 'tactful.db'}", rate_limit_per_second=0, **HOST_KEYS)
    async with widget_for(build_app(settings)) as widget:
        await widget.send("dana", "I want a refund", metadata=late_refund())
        before = widget.current("dana")

    async with widget_for(build_app(settings)) as restarted:
        await restarted.send("dana", "why?")

        assert restarted.current("dana") == before
        assert (await restarted.transcript("dana"))["version"] == 2


@pytest.mark.redis
async def test_workers_on_one_redis_share_their_senders(redis_url: str) -> None:
    settings = ServerSettings(store_url=redis_url, rate_limit_per_second=0, **HOST_KEYS)
    async with widget_for(build_app(settings)) as first, widget_for(build_app(settings)) as second:
        await first.send("redis-dana", "I want a refund", metadata=late_refund())
        await second.send("redis-dana", "why?")

        assert first.current("redis-dana") == second.current("redis-dana")
        assert (await first.transcript("redis-dana"))["version"] == 2


def test_the_sender_directory_lives_beside_a_store_url_that_carries_options(tmp_path: Path, redis_url: str) -> None:
    from flow.server.senders import SenderConversation, open_sender_directory

    remembered = SenderConversation("c-1", "token-1")
    sqlite = open_sender_directory(f"sqlite:///{tmp_path}/chat.db?synchronous=FULL")
    sqlite.claim("s-1", remembered)
    sqlite.close()
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(("-wal", "-shm"))) == ["chat.db"]
    reopened = open_sender_directory(f"sqlite:///{tmp_path}/chat.db")
    assert reopened.find("s-1") == remembered
    reopened.close()

    on_redis = open_sender_directory(f"{redis_url}?ttl_closed=60")
    on_redis.claim("s-2", remembered)
    assert on_redis.find("s-2") == remembered
    on_redis.close()
