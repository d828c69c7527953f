"""People at the desk over HTTP: signing in, the list with summaries, taking over, writing and handing back."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from flow.server import ServerSettings, build_app
from tests.plugins.host_keys import HOST_KEYS, signed
from tests.plugins.people import AGENT_KEYS, ALEX, ALEX_KEY, SAM
from tests.test_http_api import Chat, error_of, read, say, serving, start

pytestmark = pytest.mark.anyio
LATE_REFUND = {"customer_name": "Dana", "order_id": "A-1234", "days_since_purchase": 45}
DESK = "/v1/agent/conversations"


@pytest.fixture
async def http(always_open: Path, tmp_path: Path) -> AsyncIterator[httpx.AsyncClient]:
    settings = ServerSettings(
        policy_file=always_open,
        store_url=f"sqlite:///{tmp_path / 'tactful.db'}",
        rate_limit_per_second=0,
        agent_keys=AGENT_KEYS,
        **HOST_KEYS,
    )
    async with serving(build_app(settings)) as client:
        yield client


async def handed_over(http: httpx.AsyncClient, name: str = "Dana") -> Chat:
    chat = await start(http, facts={**LATE_REFUND, "customer_name": name}, message="I want a refund for my order")
    turn = await say(http, chat, text="Can I speak to a manager?")
    assert turn["state"] == "escalated"
    return chat


async def post(http: httpx.AsyncClient, path: str, body: Any = None, headers: Any = ALEX) -> httpx.Response:
    return await http.post(f"{DESK}/{path}", json=body, headers=headers)


async def test_the_desk_lists_waiting_conversations_with_the_handoff_summary(http: httpx.AsyncClient) -> None:
    chat = await handed_over(http)
    await start(http, facts=LATE_REFUND, message="I want a refund for my order")

    listed = (await http.get(DESK, headers=ALEX)).json()

    assert [c["id"] for c in listed] == [chat.id]
    assert listed[0]["waiting"] is True
    assert listed[0]["customer_name"] == "Dana"
    assert listed[0]["reason"] == "asked_for_person"
    assert "Dana contacted Northwind Goods about a refund for order A-1234" in listed[0]["summary"]
    assert listed[0]["last_customer_text"] == "Can I speak to a manager?"


@pytest.mark.parametrize(
    ("headers", "code"),
    [({}, "access_denied"), ({"Authorization": "Bearer not-a-key-of-anyone-here"}, "access_denied")],
    ids=["no key", "wrong key"],
)
async def test_the_desk_needs_an_agent_key(http: httpx.AsyncClient, headers: dict[str, str], code: str) -> None:
    response = await http.get(DESK, headers=headers)

    assert response.status_code == 403
    assert error_of(response)["code"] == code


async def test_a_conversation_token_does_not_open_the_desk(http: httpx.AsyncClient) -> None:
    chat = await handed_over(http)

    response = await http.get(DESK, headers=chat.auth)

    assert response.status_code == 403


async def test_without_agent_keys_nobody_can_take_over(tmp_path: Path) -> None:
    async with serving(build_app(ServerSettings(store_url="memory", rate_limit_per_second=0))) as client:
        response = await client.get(DESK, headers=ALEX)

    assert response.status_code == 404
    assert "start it with --agent-key" in error_of(response)["message"]


async def test_a_person_takes_over_writes_and_the_customer_reads_it(http: httpx.AsyncClient) -> None:
    chat = await handed_over(http)

    joined = await post(http, f"{chat.id}/take-over")
    written = await post(http, f"{chat.id}/messages", {"text": "Hi Dana, I'm Alex. I'll sort this out."})
    transcript = await read(http, chat)

    assert joined.json()["text"] == "You're now chatting with Alex from our team."
    assert written.json()["person"] == "Alex"
    assert transcript["state"] == "with_person"
    assert transcript["person"] == "Alex"
    assert transcript["turns"][-1]["person"] == "Alex"
    assert transcript["turns"][-1]["text"] == "Hi Dana, I'm Alex. I'll sort this out."


async def test_the_customer_is_not_answered_by_the_agent_while_a_person_talks(http: httpx.AsyncClient) -> None:
    chat = await handed_over(http)
    await post(http, f"{chat.id}/take-over")

    turn = await say(http, chat, text="Thanks, I'll wait")
    seen = (await http.get(f"{DESK}/{chat.id}", headers=ALEX)).json()

    assert turn["messages"] == []
    assert turn["quick_replies"] == []
    assert seen["turns"][-1]["customer_text"] == "Thanks, I'll wait"
    assert seen["person"] == "Alex"


async def test_only_the_person_who_took_over_can_write(http: httpx.AsyncClient) -> None:
    chat = await handed_over(http)
    await post(http, f"{chat.id}/take-over")

    second = await post(http, f"{chat.id}/take-over", headers=SAM)
    written = await post(http, f"{chat.id}/messages", {"text": "Hello"}, headers=SAM)

    assert second.status_code == 409
    assert error_of(second) == {
        "code": "takeover_refused",
        "message": f"cannot take over conversation {chat.id}: Alex is already talking with this customer",
    }
    assert written.status_code == 409
    assert (await read(http, chat))["turns"][-1]["person"] is None


async def test_an_empty_message_from_a_person_changes_nothing(http: httpx.AsyncClient) -> None:
    chat = await handed_over(http)
    await post(http, f"{chat.id}/take-over")
    before = await read(http, chat)

    response = await post(http, f"{chat.id}/messages", {"text": "   "})

    assert response.status_code == 422
    assert "the message is empty" in error_of(response)["message"]
    assert await read(http, chat) == before


async def test_handing_back_resumes_at_the_follow_up(http: httpx.AsyncClient) -> None:
    chat = await handed_over(http)
    await post(http, f"{chat.id}/take-over")

    back = (await post(http, f"{chat.id}/hand-back")).json()
    after = await say(http, chat, quick_reply="thank_close")

    assert back["state"] == "follow_up"
    assert [q["payload"] for q in back["quick_replies"]] == ["thank_close"]
    assert after["state"] == "closed"
    assert (await http.get(DESK, headers=ALEX)).json() == []


async def test_handing_back_to_close_and_closing(http: httpx.AsyncClient) -> None:
    one, two = await handed_over(http), await handed_over(http, "Kim")
    for chat in (one, two):
        await post(http, f"{chat.id}/take-over")

    goodbye = (await post(http, f"{one.id}/hand-back", {"close": True})).json()
    closed = (await post(http, f"{two.id}/close")).json()

    assert goodbye["state"] == closed["state"] == "closed"
    assert goodbye["messages"] == ["Thanks for talking with us, Dana. I hope we've sorted everything out. Take care."]
    assert closed["messages"] == []


async def test_the_rasa_channel_returns_what_a_person_wrote_with_the_next_answer(http: httpx.AsyncClient) -> None:
    webhook = "/webhooks/rest/webhook"
    metadata = {"facts": {"customer_name": "Dana"}, "facts_token": signed(LATE_REFUND)}
    await http.post(webhook, json={"sender": "dana", "message": "I want a refund", "metadata": metadata})
    await http.post(webhook, json={"sender": "dana", "message": "Can I speak to a manager?"})
    conversation_id = (await http.get(DESK, headers=ALEX)).json()[0]["id"]
    await post(http, f"{conversation_id}/take-over")
    await post(http, f"{conversation_id}/messages", {"text": "Hi Dana, <b>Alex</b> here."})

    first = (await http.post(webhook, json={"sender": "dana", "message": "Hello Alex"})).json()
    second = (await http.post(webhook, json={"sender": "dana", "message": "Are you there?"})).json()

    assert [m["text"] for m in first] == [
        "You&#x27;re now chatting with Alex from our team.",
        "Alex: Hi Dana, &lt;b&gt;Alex&lt;/b&gt; here.",
    ]
    assert second == []


async def test_signing_in_sets_a_strict_http_only_cookie_that_opens_the_desk(http: httpx.AsyncClient) -> None:
    page = await http.get("/agent")
    wrong = await http.post("/agent/login", data={"key": "not the key at all"})
    signed_in = await http.post("/agent/login", data={"key": ALEX_KEY})
    cookie = signed_in.headers["set-cookie"]
    desk = await http.get("/agent")
    listed = await http.get(DESK)

    assert 'name="key"' in page.text
    assert wrong.status_code == 403
    assert "That key is not right" in wrong.text
    assert signed_in.status_code == 303
    assert "HttpOnly" in cookie
    assert "SameSite=strict" in cookie
    assert ALEX_KEY not in cookie
    assert "tactful desk" in desk.text
    assert "script-src 'self'" in desk.headers["content-security-policy"]
    assert listed.status_code == 200


async def test_the_cookie_does_not_act_for_pages_of_other_sites(http: httpx.AsyncClient) -> None:
    chat = await handed_over(http)
    await http.post("/agent/login", data={"key": ALEX_KEY})

    forged = await http.post(f"{DESK}/{chat.id}/take-over", headers={"Origin": "https://evil.example"})
    own = await http.post(f"{DESK}/{chat.id}/take-over", headers={"Origin": "http://tactful.test"})

    assert forged.status_code == 403
    assert "may not act for a signed-in person" in error_of(forged)["message"]
    assert own.status_code == 200


async def test_a_tampered_cookie_is_refused(http: httpx.AsyncClient) -> None:
    await http.post("/agent/login", data={"key": ALEX_KEY})
    genuine = http.cookies["tactful_agent"]
    http.cookies.clear()
    http.cookies.set("tactful_agent", genuine.replace(genuine.split(".")[0], "U2Ft"), domain="tactful.test")

    assert (await http.get(DESK)).status_code == 403


async def test_signing_out_removes_the_cookie(http: httpx.AsyncClient) -> None:
    await http.post("/agent/login", data={"key": ALEX_KEY})

    await http.post("/agent/logout")

    assert (await http.get(DESK)).status_code == 403
