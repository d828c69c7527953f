"""The HTTP API as a client sees it, against a memory and a SQLite store."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from prometheus_client.parser import text_string_to_metric_families

from flow import Engine, VersionConflict, load_policy
from flow.models import Conversation, Turn
from flow.server import ServerSettings, build_app, create_app
from flow.server.runtime import app_from_env
from flow.service import ConversationService
from flow.stores import MemoryStore
from tests.plugins.host_keys import FACTS_KEY, HOST, HOST_KEYS

pytestmark = pytest.mark.anyio

LATE_REFUND = {"customer_name": "Dana", "order_id": "A-1234", "days_since_purchase": 45}
SHOP = "https://shop.example"


@asynccontextmanager
async def serving(
    app: FastAPI, *, client: tuple[str, int] = ("203.0.113.7", 50000)
) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client talking to ``app`` in process, with the app's startup and shutdown run."""
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app, client=client)
        async with httpx.AsyncClient(transport=transport, base_url="http://tactful.test") as http:
            yield http


@dataclass
class Chat:
    """A conversation this test started."""

    id: str
    token: str
    opening: dict[str, Any]

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    @property
    def messages_url(self) -> str:
        return f"/v1/conversations/{self.id}/messages"


async def start(http: httpx.AsyncClient, **body: Any) -> Chat:
    """Start a conversation from the host application's server, which may pass any fact."""
    response = await http.post("/v1/conversations", json=body, headers=HOST)
    assert response.status_code == 201, response.text
    data = response.json()
    return Chat(id=data["id"], token=data["token"], opening=data["turn"])


async def say(http: httpx.AsyncClient, chat: Chat, **body: Any) -> dict[str, Any]:
    response = await http.post(chat.messages_url, json=body, headers=chat.auth)
    assert response.status_code == 200, response.text
    turn: dict[str, Any] = response.json()
    return turn


async def read(http: httpx.AsyncClient, chat: Chat) -> dict[str, Any]:
    response = await http.get(f"/v1/conversations/{chat.id}", headers=chat.auth)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def error_of(response: httpx.Response) -> dict[str, Any]:
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message"}
    assert body["error"]["message"]
    error: dict[str, Any] = body["error"]
    return error


@pytest.fixture(params=["memory", "sqlite"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return "memory" if request.param == "memory" else f"sqlite:///{tmp_path / 'tactful.db'}"


@pytest.fixture
async def http(store_url: str) -> AsyncIterator[httpx.AsyncClient]:
    settings = ServerSettings(store_url=store_url, cors_origins=(SHOP,), rate_limit_per_second=0, **HOST_KEYS)
    async with serving(build_app(settings)) as client:
        yield client


async def test_starting_returns_the_id_a_token_and_the_greeting(http: httpx.AsyncClient) -> None:
    response = await http.post("/v1/conversations", json={"facts": LATE_REFUND}, headers=HOST)

    assert response.status_code == 201
    body = response.json()
    assert body["id"]
    assert len(body["token"]) >= 32
    assert body["turn"]["state"] == "listening"
    assert "Dana" in body["turn"]["text"]
    assert body["turn"]["messages"] == [body["turn"]["text"]]


async def test_starting_needs_no_body(http: httpx.AsyncClient) -> None:
    response = await http.post("/v1/conversations")

    assert response.status_code == 201
    assert response.json()["turn"]["state"] == "listening"


async def test_a_first_message_is_answered_one_paragraph_per_message(http: httpx.AsyncClient) -> None:
    chat = await start(http, facts=LATE_REFUND, message="I want a refund for my order")

    turn = chat.opening
    assert turn["state"] == "offering_alternatives"
    assert len(turn["messages"]) >= 3
    assert turn["messages"] == turn["text"].split("\n\n")
    assert any("30 days" in message for message in turn["messages"])
    assert [q["payload"] for q in turn["quick_replies"]] == [
        "alternative:store_credit",
        "alternative:exchange",
        "reject",
    ]


async def test_text_then_quick_reply_then_the_transcript(http: httpx.AsyncClient) -> None:
    chat = await start(http, facts=LATE_REFUND)

    refused = await say(http, chat, text="I'd like a refund please")
    accepted = await say(http, chat, quick_reply="alternative:store_credit")
    conversation = await read(http, chat)

    assert refused["state"] == "offering_alternatives"
    assert accepted["state"] == "follow_up"
    assert {a["type"] for a in accepted["actions"]} >= {"apply_alternative", "schedule_follow_up"}
    assert conversation["state"] == "follow_up"
    assert conversation["closed"] is False
    assert conversation["version"] == 3
    assert [t["number"] for t in conversation["turns"]] == [1, 2, 3]
    assert conversation["turns"][1]["customer_text"] == "I'd like a refund please"
    assert conversation["turns"][2]["quick_reply"] == "alternative:store_credit"


async def test_the_same_message_id_is_applied_once(http: httpx.AsyncClient) -> None:
    chat = await start(http, facts=LATE_REFUND)

    first = await say(http, chat, text="I want a refund", message_id="m-1")
    again = await say(http, chat, text="I want a refund", message_id="m-1")

    assert again == first
    assert (await read(http, chat))["version"] == 2


BadRequest = Callable[[httpx.AsyncClient, Chat, Chat], Awaitable[httpx.Response]]


def _post(body: Any = None, *, headers: Callable[[Chat, Chat], dict[str, str]] | None = None, **kw: Any) -> BadRequest:
    async def send(http: httpx.AsyncClient, chat: Chat, other: Chat) -> httpx.Response:
        sent = chat.auth if headers is None else headers(chat, other)
        if body is not None:
            kw["json"] = body
        return await http.post(chat.messages_url, headers=sent, **kw)

    return send


def _get(headers: Callable[[Chat, Chat], dict[str, str]]) -> BadRequest:
    async def send(http: httpx.AsyncClient, chat: Chat, other: Chat) -> httpx.Response:
        return await http.get(f"/v1/conversations/{chat.id}", headers=headers(chat, other))

    return send


async def _unknown_id(http: httpx.AsyncClient, chat: Chat, other: Chat) -> httpx.Response:
    return await http.post("/v1/conversations/not-a-conversation/messages", json={"text": "hi"}, headers=chat.auth)


async def _chunked_too_large(http: httpx.AsyncClient, chat: Chat, other: Chat) -> httpx.Response:
    async def chunks() -> AsyncIterator[bytes]:
        yield b'{"text": "'
        for _ in range(40):
            yield b"a" * 1000
        yield b'"}'

    headers = {**chat.auth, "Content-Type": "application/json"}
    return await http.post(chat.messages_url, content=chunks(), headers=headers)


BAD_REQUESTS: list[Any] = [
    pytest.param(_post({"text": "hello"}, headers=lambda c, o: {}), 403, "access_denied", id="missing-token"),
    pytest.param(_post({"text": "hello"}, headers=lambda c, o: o.auth), 403, "access_denied", id="other-token"),
    pytest.param(
        _post({"text": "hello"}, headers=lambda c, o: {"Authorization": "Bearer nope"}),
        403,
        "access_denied",
        id="wrong-token",
    ),
    pytest.param(_get(lambda c, o: {}), 403, "access_denied", id="read-without-token"),
    pytest.param(_unknown_id, 404, "unknown_conversation", id="unknown-conversation"),
    pytest.param(_post({"text": "   "}), 422, "invalid_message", id="empty-text"),
    pytest.param(_post({"text": "hi\x00there"}), 422, "invalid_message", id="control-characters"),
    pytest.param(_post({"text": "x" * 2001}), 422, "invalid_message", id="too-long-text"),
    pytest.param(
        _post({"quick_reply": "alternative:refund_anyway"}), 422, "invalid_message", id="quick-reply-not-offered"
    ),
    pytest.param(_post({"text": "hi", "quick_reply": "reject"}), 422, "invalid_request", id="text-and-quick-reply"),
    pytest.param(_post({}), 422, "invalid_request", id="neither-text-nor-quick-reply"),
    pytest.param(_post({"text": 42}), 422, "invalid_request", id="text-not-a-string"),
    pytest.param(_post({"text": "hi", "admin": True}), 422, "invalid_request", id="unknown-field"),
    pytest.param(
        _post(content=b'{"text": ', headers=lambda c, o: {**c.auth, "Content-Type": "application/json"}),
        422,
        "invalid_request",
        id="malformed-json",
    ),
    pytest.param(_post({"text": "a" * 20_000}), 413, "too_large", id="body-too-large"),
    pytest.param(_chunked_too_large, 413, "too_large", id="chunked-body-too-large"),
]


@pytest.mark.parametrize(("request_", "status", "code"), BAD_REQUESTS)
async def test_a_refused_request_gets_a_json_error_and_changes_nothing(
    http: httpx.AsyncClient, request_: BadRequest, status: int, code: str
) -> None:
    chat = await start(http, facts=LATE_REFUND, message="I want a refund")
    other = await start(http, facts=LATE_REFUND)
    before = await read(http, chat)

    response = await request_(http, chat, other)

    assert response.status_code == status
    assert error_of(response)["code"] == code
    assert await read(http, chat) == before


async def test_a_closed_conversation_refuses_more_messages(http: httpx.AsyncClient) -> None:
    chat = await start(http, facts=LATE_REFUND, message="I want a refund")
    closing = await say(http, chat, quick_reply="reject")
    before = await read(http, chat)

    response = await http.post(chat.messages_url, json={"text": "hello again"}, headers=chat.auth)

    assert closing["state"] == "closed"
    assert before["closed"] is True
    assert before["outcome"] == "declined"
    assert response.status_code == 409
    error = error_of(response)
    assert error["code"] == "conversation_closed"
    assert "start a new conversation" in error["message"]
    assert await read(http, chat) == before


async def test_an_unknown_policy_is_refused_and_nothing_is_started(store_url: str) -> None:
    app = build_app(ServerSettings(store_url=store_url, rate_limit_per_second=0))
    store = app.state.gateway.service.store
    async with serving(app) as http:
        response = await http.post("/v1/conversations", json={"policy": "airline"})

        assert response.status_code == 422
        error = error_of(response)
        assert error["code"] == "unknown_policy"
        assert "retail" in error["message"]
        assert list(store.conversations()) == []


async def test_bad_facts_are_refused_and_nothing_is_started(store_url: str) -> None:
    app = build_app(ServerSettings(store_url=store_url, rate_limit_per_second=0, **HOST_KEYS))
    store = app.state.gateway.service.store
    async with serving(app) as http:
        response = await http.post(
            "/v1/conversations", json={"facts": {"days_since_purchase": "last week"}}, headers=HOST
        )

        assert response.status_code == 422
        assert error_of(response)["code"] == "invalid_fact"
        assert list(store.conversations()) == []


class AlwaysOutrun(MemoryStore):
    """A store where another writer always saves first."""

    def save(
        self, conversation: Conversation, turn: Turn, *, expected_version: int, message_id: str | None = None
    ) -> None:
        raise VersionConflict(conversation.id, expected_version, expected_version + 1)


async def test_losing_every_race_is_a_409_and_changes_nothing() -> None:
    service = ConversationService(Engine(load_policy("retail")), AlwaysOutrun(), max_retries=2)
    app = create_app(service, settings=ServerSettings(store_url="memory", rate_limit_per_second=0, **HOST_KEYS))
    async with serving(app) as http:
        chat = await start(http, facts=LATE_REFUND)
        before = await read(http, chat)

        response = await http.post(chat.messages_url, json={"text": "I want a refund"}, headers=chat.auth)

        assert response.status_code == 409
        assert error_of(response)["code"] == "version_conflict"
        assert await read(http, chat) == before


async def test_a_client_over_its_rate_limit_gets_429_with_retry_after(store_url: str) -> None:
    settings = ServerSettings(
        store_url=store_url, cors_origins=(SHOP,), rate_limit_per_second=0.01, rate_limit_burst=2, **HOST_KEYS
    )
    app = build_app(settings)
    async with serving(app, client=("198.51.100.1", 1)) as http, serving(app, client=("198.51.100.2", 1)) as neighbour:
        chat = await start(http, facts=LATE_REFUND)
        before = await read(http, chat)

        response = await http.post(
            chat.messages_url, json={"text": "I want a refund"}, headers={**chat.auth, "Origin": SHOP}
        )
        other = await neighbour.get(f"/v1/conversations/{chat.id}", headers=chat.auth)

        assert response.status_code == 429
        assert error_of(response)["code"] == "rate_limited"
        assert int(response.headers["Retry-After"]) >= 1
        assert response.headers["Access-Control-Allow-Origin"] == SHOP
        assert other.status_code == 200
        assert other.json() == before


async def test_cors_preflight_allows_the_configured_origin_only(http: httpx.AsyncClient) -> None:
    def preflight(origin: str) -> Awaitable[httpx.Response]:
        return http.options(
            "/v1/conversations",
            headers={
                "Origin": origin,
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "authorization, content-type",
            },
        )

    allowed = await preflight(SHOP)
    refused = await preflight("https://elsewhere.example")

    assert allowed.status_code == 200
    assert allowed.headers["Access-Control-Allow-Origin"] == SHOP
    assert "POST" in allowed.headers["Access-Control-Allow-Methods"]
    assert "authorization" in allowed.headers["Access-Control-Allow-Headers"].lower()
    assert "Access-Control-Allow-Origin" not in refused.headers


async def test_cors_headers_are_on_answers_and_errors_for_the_allowed_origin(http: httpx.AsyncClient) -> None:
    started = await http.post("/v1/conversations", json={}, headers={"Origin": SHOP})
    denied = await http.get(f"/v1/conversations/{started.json()['id']}", headers={"Origin": SHOP})
    foreign = await http.post("/v1/conversations", json={}, headers={"Origin": "https://elsewhere.example"})

    assert started.headers["Access-Control-Allow-Origin"] == SHOP
    assert denied.status_code == 403
    assert denied.headers["Access-Control-Allow-Origin"] == SHOP
    assert "Access-Control-Allow-Origin" not in foreign.headers


def _samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    found = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            found[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return found


async def test_metrics_count_turns_outcomes_escalations_and_latency(http: httpx.AsyncClient) -> None:
    declined = await start(http, facts=LATE_REFUND, message="I want a refund")
    await say(http, declined, quick_reply="reject")
    escalated = await start(http, facts=LATE_REFUND, message="I want a refund")
    await say(http, escalated, text="I want to speak to a manager")

    response = await http.get("/metrics")

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    samples = _samples(response.text)
    assert samples[("tactful_turns_total", (("channel", "http"), ("policy", "retail")))] == 4
    assert samples[("tactful_outcomes_total", (("outcome", "declined"), ("policy", "retail")))] == 1
    assert samples[("tactful_escalations_total", (("policy", "retail"), ("reason", "asked_for_person")))] == 1
    assert samples[("tactful_turn_seconds_count", (("channel", "http"),))] == 4


async def test_metrics_need_the_metrics_key_when_one_is_set(store_url: str) -> None:
    settings = ServerSettings(store_url=store_url, metrics_key="s3cret-key", rate_limit_per_second=0, **HOST_KEYS)
    async with serving(build_app(settings)) as http:
        without = await http.get("/metrics")
        wrong = await http.get("/metrics", headers={"Authorization": "Bearer guess"})
        api_key = await http.get("/metrics", headers=HOST)
        right = await http.get("/metrics", headers={"Authorization": "Bearer s3cret-key"})

    assert without.status_code == 403
    assert error_of(without)["code"] == "access_denied"
    assert "metrics key" in error_of(without)["message"]
    assert wrong.status_code == 403
    assert api_key.status_code == 403
    assert right.status_code == 200
    assert "tactful_turns" in right.text


async def test_health_lists_the_policies(http: httpx.AsyncClient) -> None:
    response = await http.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "policies": ["retail"]}


async def test_an_unknown_path_is_a_json_404(http: httpx.AsyncClient) -> None:
    response = await http.get("/v2/everything")

    assert response.status_code == 404
    assert error_of(response)["code"] == "not_found"


async def test_the_demo_page_and_the_widget_are_served(http: httpx.AsyncClient) -> None:
    page = await http.get("/")
    script = await http.get("/widget.js")

    assert page.headers["content-type"].startswith("text/html")
    assert 'createElement("tactful-chat")' in page.text
    assert '<script src="/widget.js"' in page.text
    assert script.headers["content-type"].startswith("text/javascript")
    assert 'customElements.define("tactful-chat"' in script.text


async def test_the_openapi_schema_documents_every_endpoint_with_named_models(http: httpx.AsyncClient) -> None:
    schema = (await http.get("/openapi.json")).json()
    paths = schema["paths"]
    components = schema["components"]["schemas"]

    assert set(paths) >= {
        "/v1/conversations",
        "/v1/conversations/{conversation_id}/messages",
        "/v1/conversations/{conversation_id}",
        "/webhooks/rest/webhook",
        "/healthz",
        "/metrics",
        "/widget.js",
        "/",
    }
    for path, operations in paths.items():
        for method, operation in operations.items():
            assert operation.get("summary"), f"{method} {path} has no summary"
            assert operation.get("description"), f"{method} {path} has no description"
    start_op = paths["/v1/conversations"]["post"]
    assert start_op["responses"]["201"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "/ConversationStarted"
    )
    message_op = paths["/v1/conversations/{conversation_id}/messages"]["post"]
    assert message_op["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith("/CustomerMessage")
    assert message_op["responses"]["403"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorResponse")
    for name in ("StartConversation", "CustomerMessage", "TurnOut", "ConversationOut", "RasaMessage", "ErrorResponse"):
        assert components[name].get("description"), f"{name} has no description"


def test_settings_come_from_tactful_environment_variables() -> None:
    settings = ServerSettings.from_env(
        {
            "TACTFUL_STORE_URL": "memory",
            "TACTFUL_CORS_ORIGINS": "https://a.example, https://b.example",
            "TACTFUL_MAX_BODY_BYTES": "2048",
            "TACTFUL_API_KEY": "k",
            "TACTFUL_METRICS_KEY": "m",
            "TACTFUL_FACTS_KEY": FACTS_KEY,
            "TACTFUL_DEMO": "true",
            "UNRELATED": "x",
        },
        rate_limit_burst=7,
    )

    assert settings.store_url == "memory"
    assert settings.cors_origins == ("https://a.example", "https://b.example")
    assert settings.max_body_bytes == 2048
    assert settings.api_key is not None
    assert settings.api_key.get_secret_value() == "k"
    assert settings.metrics_key is not None
    assert settings.metrics_key.get_secret_value() == "m"
    assert settings.facts_key is not None
    assert settings.facts_key.get_secret_value() == FACTS_KEY
    assert settings.demo is True
    assert settings.rate_limit_burst == 7


async def test_the_environment_factory_builds_a_working_app(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TACTFUL_STORE_URL", "memory")
    monkeypatch.setenv("TACTFUL_CORS_ORIGINS", SHOP)

    async with serving(app_from_env()) as http:
        response = await http.post("/v1/conversations", json={}, headers={"Origin": SHOP})

    assert response.status_code == 201
    assert response.headers["Access-Control-Allow-Origin"] == SHOP


@pytest.mark.parametrize(
    ("arguments", "problem"),
    [
        pytest.param(["--store", "ftp://example.com/db"], "cannot open a store", id="bad-store-url"),
        pytest.param(["--policy", "no-such-policy.yaml", "--store", "memory"], "file not found", id="missing-policy"),
    ],
)
def test_serve_refuses_a_bad_configuration_before_listening(arguments: list[str], problem: str) -> None:
    from typer.testing import CliRunner

    from flow.cli.commands_serve import app

    result = CliRunner().invoke(app, ["serve", *arguments])

    assert result.exit_code == 2
    assert problem in result.output
