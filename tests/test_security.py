"""What protects a conversation: unguessable tokens, checked in constant time, on every read and write;
personal data kept out of the store; the metrics behind a key; and customer text that stays data in
every channel (never template source, never HTML).
"""

from __future__ import annotations

import hmac
import html
import json
import re
import secrets
import sqlite3
import string
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import redis
from playwright.sync_api import Dialog, Page, expect
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

from flow import AccessDenied, Engine, load_policy
from flow.service import ConversationService
from flow.stores import MemoryStore
from tests.plugins.host_keys import API_KEY, FACTS_KEY, HOST, signed
from tests.plugins.live_server import LiveServer, start_live_server
from tests.plugins.server_processes import redis_database

LATE_REFUND = {"customer_name": "Dana", "order_id": "A-1001", "days_since_purchase": 45}
METRICS_KEY = "metrics-key-7c1f0e"
IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "<script>alert(1)</script>"
FLAGGING_IMG = "<img src=x onerror=\"window.__tactfulXss='img'\">"
FLAGGING_SCRIPT = "<script>window.__tactfulXss='script'</script>"
TEMPLATE = "{{ 6 * 7 }}{% for x in range(2) %}loop{% endfor %}{{ ''.__class__.__mro__ }}"

PERSONAL: dict[str, list[str]] = {
    "email": ["dana.smith@example.com"],
    "visa": ["4111 1111 1111 1111", "4111111111111111"],
    "mastercard": ["5500-0000-0000-0004", "5500000000000004"],
    "amex": ["3782 822463 10005", "378282246310005"],
    "uk phone": ["+44 20 7946 0958", "442079460958", "2079460958"],
    "us phone": ["(555) 123-4567", "5551234567"],
}
"""Personal data a customer types, with the forms it could be stored in."""
PERSONAL_MESSAGES = [
    "I want a refund, email me at dana.smith@example.com please",
    "my card was 4111 1111 1111 1111 and also 5500-0000-0000-0004",
    "or the amex 3782 822463 10005",
    "call me on +44 20 7946 0958 or (555) 123-4567",
]


@dataclass(frozen=True)
class Chat:
    """A conversation started over HTTP."""

    id: str
    token: str
    turn: dict[str, Any]

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


def start(server: LiveServer, facts: dict[str, Any] | None = None, message: str | None = None) -> Chat:
    body: dict[str, Any] = {"facts": facts or LATE_REFUND}
    if message is not None:
        body["message"] = message
    response = httpx.post(f"{server.url}/v1/conversations", json=body, headers=HOST, timeout=10)
    assert response.status_code == 201, response.text
    started = response.json()
    return Chat(started["id"], started["token"], started["turn"])


def sqlite_contents(path: Path) -> str:
    """Every row of every table of the SQLite file, as one text."""
    with closing(sqlite3.connect(path)) as db:
        tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return "\n".join(repr(db.execute(f'SELECT * FROM "{table}"').fetchall()) for table in tables)


def redis_contents(url: str) -> str:
    """Every key and value of the Redis database, as one text (values read by type, never compressed)."""
    client = redis.Redis.from_url(url, decode_responses=True)
    try:
        parts = []
        for key in client.scan_iter(count=1000):
            kind = client.type(key)
            reader: Callable[[str], Any] = {
                "string": client.get,
                "hash": client.hgetall,
                "list": lambda k: client.lrange(k, 0, -1),
                "zset": lambda k: client.zrange(k, 0, -1, withscores=True),
                "set": client.smembers,
            }[kind]
            parts.append(f"{key} {reader(key)!r}")
        return "\n".join(parts)
    finally:
        client.close()


@dataclass
class Served:
    """A live server and a way to read everything its store holds."""

    server: LiveServer
    contents: Callable[[], str]


@pytest.fixture(scope="module")
def sqlite_served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    path = tmp_path_factory.mktemp("security") / "tactful.db"
    server = start_live_server(store_url=f"sqlite:///{path}", rate_limit_per_second=0, metrics_key=METRICS_KEY)
    try:
        yield Served(server, lambda: sqlite_contents(path))
    finally:
        server.stop()


@pytest.fixture(scope="module", params=["sqlite", pytest.param("redis", marks=pytest.mark.redis)])
def any_served(request: pytest.FixtureRequest) -> Iterator[Served]:
    if request.param == "sqlite":
        yield request.getfixturevalue("sqlite_served")
        return
    url = redis_database(request.getfixturevalue("redis_url"), 14)
    server = start_live_server(store_url=url, rate_limit_per_second=0, metrics_key=METRICS_KEY)
    try:
        yield Served(server, lambda: redis_contents(url))
    finally:
        server.stop()


# Tokens


def test_tokens_come_from_secrets_and_are_long_and_distinct(monkeypatch: pytest.MonkeyPatch) -> None:
    issued: list[str] = []
    real = secrets.token_urlsafe

    def recording(nbytes: int | None = None) -> str:
        token = real(nbytes)
        issued.append(token)
        return token

    monkeypatch.setattr(secrets, "token_urlsafe", recording)
    service = ConversationService(Engine(load_policy("retail")), MemoryStore())

    tokens = [service.start(facts=LATE_REFUND).token for _ in range(200)]

    assert tokens == issued, "conversation tokens are not the ones secrets.token_urlsafe made"
    assert len(set(tokens)) == len(tokens)
    assert min(len(token) for token in tokens) >= 43, "a token carries less than 256 bits"
    assert set("".join(tokens)) <= set(string.ascii_letters + string.digits + "-_")


def test_tokens_are_compared_in_constant_time(monkeypatch: pytest.MonkeyPatch) -> None:
    compared: list[tuple[Any, Any]] = []
    real = hmac.compare_digest

    def recording(a: Any, b: Any) -> bool:
        compared.append((a, b))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", recording)
    monkeypatch.setattr(secrets, "compare_digest", recording)
    service = ConversationService(Engine(load_policy("retail")), MemoryStore())
    started = service.start(facts=LATE_REFUND, message="I want a refund")

    with pytest.raises(AccessDenied, match=f"the token does not open conversation {started.conversation.id}"):
        service.reply(started.conversation.id, token=started.token[:-1] + "x", text="why?")
    service.reply(started.conversation.id, token=started.token, text="why?")

    assert len(compared) >= 2, "the token check did not go through compare_digest"
    assert all(started.token not in (a, b) for a, b in compared), "the raw token was compared, not its digest"


def test_the_store_keeps_no_token(sqlite_served: Served) -> None:
    chat = start(sqlite_served.server, message="I want a refund")
    httpx.post(
        f"{sqlite_served.server.url}/v1/conversations/{chat.id}/messages", json={"text": "why?"}, headers=chat.auth
    )

    assert chat.id in sqlite_served.contents()
    assert chat.token not in sqlite_served.contents()


ACCESSES = ["read", "send", "socket with the token in the query", "socket with the token in the first frame"]


def attempt(server: LiveServer, access: str, conversation_id: str, token: str | None) -> tuple[int, str]:
    """Try one way in; return the HTTP status (or WebSocket close code) and everything the server said."""
    headers = {} if token is None else {"Authorization": f"Bearer {token}"}
    base = f"{server.url}/v1/conversations/{conversation_id}"
    if access == "read":
        response = httpx.get(base, headers=headers, timeout=10)
        return response.status_code, response.text
    if access == "send":
        response = httpx.post(f"{base}/messages", json={"text": "why?"}, headers=headers, timeout=10)
        return response.status_code, response.text
    url = base.replace("http://", "ws://") + "/ws"
    in_query = access.endswith("query") and token is not None
    said: list[str] = []
    with connect(f"{url}?token={token}" if in_query else url, open_timeout=10) as socket:
        if not in_query:
            socket.send(json.dumps({"token": token or ""}))
        try:
            while True:
                said.append(str(socket.recv(timeout=10)))
                if json.loads(said[-1]).get("type") == "ready":
                    socket.send(json.dumps({"text": "why?"}))
                    said.append(str(socket.recv(timeout=10)))
                    return 200, "\n".join(said)
        except ConnectionClosed as closed:
            code = closed.rcvd.code if closed.rcvd is not None else 0
            return code, "\n".join(said)


@pytest.mark.parametrize("access", ACCESSES)
def test_a_token_opens_only_its_own_conversation(sqlite_served: Served, access: str) -> None:
    server = sqlite_served.server
    mine = start(server, facts={**LATE_REFUND, "customer_name": "Mina"}, message="I want a refund")
    theirs = start(server, facts={**LATE_REFUND, "customer_name": "Theo"}, message="I want a refund")
    before = sqlite_served.contents()

    other_status, other_said = attempt(server, access, theirs.id, mine.token)
    none_status, none_said = attempt(server, access, theirs.id, None)
    after_refusals = sqlite_served.contents()
    own_status, _ = attempt(server, access, mine.id, mine.token)

    refused = 4403 if access.startswith("socket") else 403
    assert (other_status, none_status) == (refused, refused)
    assert "access_denied" in other_said
    assert "access_denied" in none_said
    assert "Theo" not in other_said + none_said, "a refused request saw the other conversation"
    assert after_refusals == before, "a refused request changed the store"
    assert own_status == 200, "the conversation's own token did not open it"


# Personal data


def test_personal_data_never_reaches_the_store(any_served: Served) -> None:
    """Redaction is on in the bundled policy: through the JSON API, the WebSocket and the Rasa channel."""
    server = any_served.server
    for text in PERSONAL_MESSAGES:
        start(server, message=text)
        chat = start(server, message="I want a refund")
        sent = httpx.post(
            f"{server.url}/v1/conversations/{chat.id}/messages", json={"text": text}, headers=chat.auth, timeout=10
        )
        assert sent.status_code == 200, sent.text
        other = start(server, message="I want a refund")
        url = server.url.replace("http://", "ws://") + f"/v1/conversations/{other.id}/ws?token={other.token}"
        with connect(url, open_timeout=10) as socket:
            socket.recv(timeout=10)
            socket.send(json.dumps({"text": text}))
            assert json.loads(socket.recv(timeout=10))["type"] == "turn"
    for text in PERSONAL_MESSAGES:
        rasa = httpx.post(
            f"{server.url}/webhooks/rest/webhook", json={"sender": "pii-sender", "message": text}, timeout=10
        )
        assert rasa.status_code == 200, rasa.text

    stored = any_served.contents()

    for placeholder in ("[email]", "[card]", "[phone]"):
        assert placeholder in stored, f"no {placeholder} in the store: the messages were not kept at all"
    leaks = {kind: form for kind, forms in PERSONAL.items() for form in forms if form in stored}
    assert not leaks, f"personal data in the store: {leaks}"


# Metrics


@pytest.mark.parametrize(
    "authorization",
    [
        None,
        "Bearer wrong-key",
        f"Bearer {METRICS_KEY}x",
        f"Basic {METRICS_KEY}",
        f"Bearer {METRICS_KEY[:-1]}",
        f"Bearer {API_KEY}",
        f"Bearer {FACTS_KEY}",
    ],
    ids=["none", "wrong", "longer", "basic", "prefix", "api-key", "facts-key"],
)
def test_metrics_need_the_metrics_key_when_one_is_configured(sqlite_served: Served, authorization: str | None) -> None:
    headers = {} if authorization is None else {"Authorization": authorization}

    refused = httpx.get(f"{sqlite_served.server.url}/metrics", headers=headers, timeout=10)

    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "access_denied"
    assert "tactful_turns" not in refused.text


def test_metrics_open_with_the_key_and_hold_no_customer_text(
    sqlite_served: Served, monkeypatch: pytest.MonkeyPatch
) -> None:
    start(sqlite_served.server, message="my email is dana.smith@example.com and I want a refund")
    compared: list[Any] = []
    real = hmac.compare_digest
    monkeypatch.setattr(hmac, "compare_digest", lambda a, b: compared.append((a, b)) or real(a, b))

    opened = httpx.get(
        f"{sqlite_served.server.url}/metrics", headers={"Authorization": f"Bearer {METRICS_KEY}"}, timeout=10
    )

    assert opened.status_code == 200
    assert "tactful_turns" in opened.text
    assert "dana.smith" not in opened.text
    assert compared, "the metrics key was not checked with compare_digest"


def test_without_a_configured_key_metrics_are_open() -> None:
    server = start_live_server(store_url="memory", rate_limit_per_second=0)
    try:
        assert httpx.get(f"{server.url}/metrics", timeout=10).status_code == 200
    finally:
        server.stop()


# Customer text stays data


def test_the_json_api_returns_customer_text_as_data_never_as_template(sqlite_served: Served) -> None:
    server = sqlite_served.server
    chat = start(server, facts={**LATE_REFUND, "customer_name": TEMPLATE}, message=f"I want a refund {TEMPLATE}")
    sent = httpx.post(
        f"{server.url}/v1/conversations/{chat.id}/messages", json={"text": f"why? {SCRIPT}"}, headers=chat.auth
    )
    read = httpx.get(f"{server.url}/v1/conversations/{chat.id}", headers=chat.auth)

    assert sent.status_code == read.status_code == 200
    agent_text = " ".join([chat.turn["text"], sent.json()["text"]])
    assert TEMPLATE in chat.turn["text"], "the customer's name was not shown as it was given"
    for evaluated in ("42", "looploop", "<class"):
        assert evaluated not in agent_text, "customer text was evaluated as a template"
    assert chat.turn["customer_text"] == f"I want a refund {TEMPLATE}"
    assert sent.json()["customer_text"] == f"why? {SCRIPT}"
    assert sent.headers["content-type"].startswith("application/json")
    assert [turn["customer_text"] for turn in read.json()["turns"]] == [
        f"I want a refund {TEMPLATE}",
        f"why? {SCRIPT}",
    ]


def test_the_rasa_channel_escapes_customer_text_it_echoes(sqlite_served: Served) -> None:
    server = sqlite_served.server
    metadata = {
        "facts": {"customer_name": f"{IMG}{SCRIPT}"},
        "facts_token": signed({"order_id": "A-1001", "days_since_purchase": 45}),
    }

    first = httpx.post(
        f"{server.url}/webhooks/rest/webhook",
        json={"sender": "html-sender", "message": f"I want a refund {SCRIPT}", "metadata": metadata},
        timeout=10,
    )
    second = httpx.post(
        f"{server.url}/webhooks/rest/webhook", json={"sender": "html-sender", "message": f"why? {IMG}"}, timeout=10
    )

    assert first.status_code == second.status_code == 200
    texts = [message.get("text", "") for message in first.json() + second.json()]
    titles = [button["title"] for message in first.json() + second.json() for button in message.get("buttons", [])]
    everything = " ".join(texts + titles)
    assert "&lt;img src=x onerror=alert(1)&gt;" in everything
    assert "&lt;script&gt;" in everything
    assert not re.search(r"<\s*(img|script)", everything, re.IGNORECASE)


def _record_dialogs(page: Page) -> list[str]:
    seen: list[str] = []

    def dismiss(dialog: Dialog) -> None:
        seen.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    return seen


WIDGET_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>widget</title><script src="/widget.js" defer></script></head>
<body><tactful-chat facts="{facts}" facts-token="{token}" typing-delay="0"></tactful-chat></body></html>
"""


@pytest.mark.browser
def test_the_widget_shows_html_literally_and_runs_no_script(chromium_page: Page, live_server: LiveServer) -> None:
    page = chromium_page
    page.set_default_timeout(10_000)
    dialogs = _record_dialogs(page)
    name = f"{FLAGGING_IMG}{SCRIPT}"
    facts = html.escape(json.dumps({"customer_name": name}), quote=True)
    body = WIDGET_PAGE.format(facts=facts, token=signed({"order_id": "A-1001", "days_since_purchase": 45}))
    address = f"{live_server.url}/security-check"
    page.route(address, lambda route: route.fulfill(body=body, content_type="text/html"))
    page.goto(address)
    chat = page.locator("tactful-chat")
    agent = chat.locator(".bubble.agent .text")
    customer = chat.locator(".bubble.customer .text")
    expect(agent.first).to_contain_text(name)
    typed = [IMG, FLAGGING_SCRIPT, f"I want a refund {FLAGGING_IMG}"]

    for text in typed:
        answered = agent.count()
        chat.locator("textarea").fill(text)
        chat.locator("textarea").press("Enter")
        expect(agent).not_to_have_count(answered)
    live = customer.all_text_contents()
    page.reload()
    expect(customer).to_have_count(len(typed))

    assert live == typed
    assert customer.all_text_contents() == typed, "the restored transcript did not show the text as typed"
    assert name in (agent.first.text_content() or "")
    assert chat.locator("img").count() == 0
    assert chat.locator(".log script").count() == 0
    assert page.evaluate("() => window.__tactfulXss") is None
    assert dialogs == []
