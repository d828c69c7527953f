"""Rasa's socket.io protocol at /socket.io/, as rasa-webchat speaks it, against a real server."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from datetime import timedelta
from typing import Any

import httpx
import pytest

from flow.server.escaping import for_markdown
from tests.plugins.host_keys import signed
from tests.plugins.live_server import LiveServer, start_live_server
from tests.plugins.people import AGENT_KEYS, ALEX
from tests.plugins.socketio_client import RasaWidget

pytestmark = pytest.mark.anyio


def late_refund() -> dict[str, Any]:
    """What the page sends: the name unsigned, the facts that decide signed by the host."""
    return {
        "facts": {"customer_name": "Dana"},
        "facts_token": signed({"order_id": "A-1234", "days_since_purchase": 45}),
    }


SHOP = "http://shop.example:8080"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    from tests.plugins.people import always_open_policy

    policy = always_open_policy(tmp_path_factory.mktemp("policy"))
    live = start_live_server(
        policy_file=policy, store_url="memory", rate_limit_per_second=0, agent_keys=AGENT_KEYS, cors_origins=(SHOP,)
    )
    try:
        yield live
    finally:
        live.stop()


@pytest.fixture
async def widget(server: LiveServer) -> AsyncIterator[RasaWidget]:
    opened = RasaWidget(server.url)
    yield opened
    await opened.close()


async def test_a_refusal_comes_one_message_per_paragraph_with_quick_replies_last(widget: RasaWidget) -> None:
    await widget.open()

    greeting = await widget.say("/get_started", late_refund())
    refusal = await widget.say("I want a refund for my order", expect=10)
    chosen = await widget.say(refusal[-1]["quick_replies"][0]["payload"])

    assert "Dana" in greeting[0]["text"]
    assert len(refusal) >= 3
    assert all("\n\n" not in m["text"] for m in refusal)
    assert all("quick_replies" not in m for m in refusal[:-1])
    assert refusal[-1]["quick_replies"] == [
        {"content_type": "text", "title": "Store credit", "payload": "alternative:store_credit"},
        {"content_type": "text", "title": "Exchange", "payload": "alternative:exchange"},
        {"content_type": "text", "title": "No, thanks", "payload": "reject"},
    ]
    assert "store credit" in chosen[0]["text"]


async def test_a_session_id_the_server_never_issued_starts_a_new_one(server: LiveServer) -> None:
    first = RasaWidget(server.url)
    chosen = await first.open("my-own-id")
    await first.say("/get_started", late_refund())
    await first.close()

    assert chosen != "my-own-id"
    assert len(chosen) >= 24


async def test_an_issued_session_resumes_its_conversation(server: LiveServer) -> None:
    first = RasaWidget(server.url)
    session_id = await first.open()
    await first.say("/get_started", late_refund())
    offered = await first.say("I want a refund for my order", expect=10)
    await first.close()
    again = RasaWidget(server.url)

    resumed = await again.open(session_id)
    chosen = await again.say(offered[-1]["quick_replies"][1]["payload"])
    await again.close()

    assert resumed == session_id
    assert "exchange" in chosen[0]["text"]


async def test_a_session_that_never_started_a_conversation_is_not_resumed(server: LiveServer) -> None:
    first = RasaWidget(server.url)
    session_id = await first.open()
    await first.close()
    again = RasaWidget(server.url)

    confirmed = await again.open(session_id)
    await again.close()

    assert confirmed != session_id


async def test_custom_data_facts_are_read_on_every_message(widget: RasaWidget) -> None:
    await widget.open()
    await widget.say("/get_started", {"facts": {"customer_name": "Dana"}})

    asked = await widget.say("I want a refund")
    told = await widget.say("It's order A-1234", {"facts_token": signed({"days_since_purchase": 45})}, expect=10)

    assert "order" in asked[-1]["text"].lower()
    assert any("30 days" in m["text"] for m in told)


async def test_markdown_and_html_in_a_name_and_a_message_are_escaped(widget: RasaWidget) -> None:
    name = "[x](javascript:alert(1)) ![](http://tracker.example/p.png) <img src=x onerror=alert(1)>"
    await widget.open()

    greeting = await widget.say("/get_started", {"facts": {"customer_name": name}})

    assert for_markdown(name) in greeting[0]["text"]
    assert "](" not in greeting[0]["text"].replace("\\](", "")
    assert "<img" not in greeting[0]["text"]


@pytest.mark.parametrize(
    ("payload", "problem"),
    [
        ("just text", "user_uttered takes an object"),
        ({"session_id": "x"}, "user_uttered needs a message"),
        ({"message": "", "session_id": "x"}, "the message is empty"),
        ({"message": "x" * 5000, "session_id": "x"}, "the limit is"),
        ({"message": "hi", "customData": {"facts": ["not", "a", "mapping"]}}, "customData.facts must be an object"),
        (
            {"message": "hi", "customData": {"facts": {"days_since_purchase": 1}}},
            "facts days_since_purchase must come from the host",
        ),
        ({"message": "hi", "customData": {"facts_token": "a.b.c"}}, "the facts token is not accepted"),
        ({"message": "hi", "customData": {"facts": {"customer_name": float("inf")}}}, "'customer_name' must be"),
    ],
    ids=["not an object", "no message", "empty", "too long", "bad facts", "unsigned fact", "forged token", "infinite"],
)
async def test_a_bad_message_gets_an_error_event_and_changes_nothing(
    widget: RasaWidget, payload: object, problem: str
) -> None:
    await widget.open()
    await widget.say("/get_started", late_refund())

    await widget.client.emit("user_uttered", payload)
    error = await asyncio.wait_for(widget.errors.get(), 10)
    offered = await widget.say("I want a refund for my order", expect=10)

    assert problem in error["message"]
    assert offered[-1]["quick_replies"][0]["title"] == "Store credit"


async def test_a_token_is_checked_when_a_conversation_starts_and_its_expiry_stops_nothing_later(
    widget: RasaWidget,
) -> None:
    expired = {
        "facts_token": signed({"order_id": "A-1234", "days_since_purchase": 45}, expires_in=timedelta(minutes=-5))
    }
    await widget.open()

    await widget.client.emit(
        "user_uttered", {"message": "/get_started", "session_id": widget.session_id, "customData": expired}
    )
    refused = await asyncio.wait_for(widget.errors.get(), 10)
    await widget.say("/get_started", late_refund())
    offered = await widget.say("I want a refund for my order", expired, expect=10)

    assert "it has expired" in refused["message"]
    assert offered[-1]["quick_replies"][0]["title"] == "Store credit"


async def test_messages_before_a_session_request_are_refused(widget: RasaWidget) -> None:
    await widget.client.connect(widget.url, socketio_path="/socket.io/", transports=["websocket"])

    await widget.client.emit("user_uttered", {"message": "hello", "session_id": "x"})
    error = await asyncio.wait_for(widget.errors.get(), 10)

    assert error == {"code": "invalid_message", "message": "send session_request first, and wait for session_confirm"}


async def test_a_person_s_messages_reach_the_widget(widget: RasaWidget, server: LiveServer) -> None:
    await widget.open()
    await widget.say("/get_started", late_refund())
    await widget.say("I want a refund for my order", expect=10)
    await widget.say("Can I speak to a manager?")
    async with httpx.AsyncClient(base_url=server.url, headers=ALEX) as desk:
        waiting = (await desk.get("/v1/agent/conversations")).json()
        conversation_id = next(c["id"] for c in waiting if c["last_customer_text"] == "Can I speak to a manager?")
        await desk.post(f"/v1/agent/conversations/{conversation_id}/take-over")
        joined = await widget.hear()
        await widget.client.emit("user_uttered", {"message": "Thanks!", "session_id": widget.session_id})
        silent = await widget.quiet()
        await desk.post(f"/v1/agent/conversations/{conversation_id}/messages", json={"text": "Hi Dana, **Alex** here"})
        written = await widget.hear()

    assert joined[0]["text"] == for_markdown("You're now chatting with Alex from our team.")
    assert silent
    assert written[0]["text"] == for_markdown("Alex: Hi Dana, **Alex** here")


@pytest.mark.parametrize(("origin", "allowed"), [(SHOP, True), ("http://evil.example", False)])
def test_cross_origin_polling_follows_the_cors_origins(server: LiveServer, origin: str, allowed: bool) -> None:
    response = httpx.get(
        f"{server.url}/socket.io/", params={"EIO": "4", "transport": "polling"}, headers={"Origin": origin}, timeout=10
    )

    assert (response.status_code == 200) is allowed
    assert (response.headers.get("access-control-allow-origin") == origin) is allowed
    assert response.headers.get_list("access-control-allow-origin") in ([origin], [])


def test_socketio_is_served_at_rasa_s_default_path(server: LiveServer) -> None:
    response = httpx.get(f"{server.url}/socket.io/", params={"EIO": "4", "transport": "polling"}, timeout=10)

    assert response.status_code == 200
    assert response.text.startswith("0{")
    assert '"sid"' in response.text
