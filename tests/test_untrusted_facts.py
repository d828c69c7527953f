"""Facts a visitor's browser sends cannot decide a request, and facts that are not numbers, bounds or text are refused.

Each test reproduces one way a public client could steer a decision or slip a fact past the policy:
over HTTP, the Rasa channel, the WebSocket, the Python API and ``tactful chat``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator

import httpx
import pytest
from typer.testing import CliRunner
from websockets.sync.client import connect

from flow import Engine, InvalidMessage, load_policy
from flow.cli import app as cli
from tests.plugins.host_keys import HOST
from tests.plugins.live_server import LiveServer, start_live_server

START = "/v1/conversations"
WEBHOOK = "/webhooks/rest/webhook"

NOT_FINITE_NUMBERS = ["NaN", "Infinity", "-Infinity", "1e400"]
NOT_FINITE = [*NOT_FINITE_NUMBERS, '"nan"', '"-inf"', '"Infinity"']


class Server:
    """A real server with the host's keys, and a count of the conversations its store holds."""

    def __init__(self, live: LiveServer) -> None:
        self.live = live
        self.http = httpx.Client(base_url=live.url, timeout=10)

    def stored(self) -> int:
        return sum(1 for _ in self.live.server.config.app.state.gateway.service.store.conversations())


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    live = start_live_server(store_url="memory", rate_limit_per_second=0)
    served = Server(live)
    try:
        yield served
    finally:
        served.http.close()
        live.stop()


@pytest.fixture
def http(server: Server) -> Iterator[httpx.Client]:
    before = server.stored()
    yield server.http
    assert server.stored() == before, "a refused request started a conversation"


def error_of(response: httpx.Response) -> dict[str, str]:
    error: dict[str, str] = response.json()["error"]
    return error


# -- a visitor's page cannot decide a request -----------------------------------------------------


def test_a_visitor_cannot_approve_their_own_refund_with_page_facts(http: httpx.Client) -> None:
    body = {"facts": {"order_id": "A-1234", "days_since_purchase": 1}, "message": "I want a refund for my order"}

    response = http.post(START, json=body)

    assert response.status_code == 403, response.text
    error = error_of(response)
    assert error["code"] == "untrusted_facts"
    assert "days_since_purchase" in error["message"]
    assert "order_id" in error["message"]


def test_a_visitor_cannot_claim_a_loyalty_tier_for_compensation(http: httpx.Client) -> None:
    response = http.post(START, json={"facts": {"customer_name": "Dana", "loyalty_tier": "platinum"}})

    assert response.status_code == 403, response.text
    message = error_of(response)["message"]
    assert message.startswith("facts loyalty_tier must come from the host application")


def test_a_rasa_widget_cannot_send_deciding_facts_unsigned(http: httpx.Client) -> None:
    body = {"sender": "visitor-1", "message": "I want a refund", "metadata": {"facts": {"days_since_purchase": 1}}}

    response = http.post(WEBHOOK, json=body)

    assert response.status_code == 403, response.text
    assert "days_since_purchase" in error_of(response)["message"]


# -- facts that are not finite, in bounds or plain text are refused --------------------------------


@pytest.mark.parametrize("value", NOT_FINITE)
def test_a_number_that_is_not_finite_is_refused_over_http(http: httpx.Client, value: str) -> None:
    raw = f'{{"facts": {{"order_id": "A-1234", "days_since_purchase": {value}}}, "message": "I want a refund"}}'

    response = http.post(START, content=raw, headers={**HOST, "Content-Type": "application/json"})

    assert response.status_code == 422, response.text
    error = error_of(response)
    assert error["code"] == "invalid_fact"
    assert "days_since_purchase" in error["message"]


@pytest.mark.parametrize("days", [-1, 100_000])
def test_a_number_out_of_bounds_is_refused_over_http(http: httpx.Client, days: int) -> None:
    body = {"facts": {"order_id": "A-1234", "days_since_purchase": days}, "message": "I want a refund"}

    response = http.post(START, json=body, headers=HOST)

    assert response.status_code == 422, response.text
    assert "days_since_purchase" in error_of(response)["message"]


def test_a_fact_name_with_control_characters_is_refused_over_http(http: httpx.Client) -> None:
    response = http.post(START, json={"facts": {"customer\u0000name": "Dana"}}, headers=HOST)

    assert response.status_code == 422, response.text
    assert error_of(response)["code"] == "invalid_fact"


def test_an_unknown_fact_is_refused_over_http(http: httpx.Client) -> None:
    response = http.post(START, json={"facts": {"shoe_size": 9}}, headers=HOST)

    assert response.status_code == 422, response.text
    error = error_of(response)
    assert error["code"] == "invalid_fact"
    assert "shoe_size" in error["message"]


@pytest.mark.parametrize("value", NOT_FINITE_NUMBERS)
def test_a_number_that_is_not_finite_is_refused_on_the_rasa_channel(http: httpx.Client, value: str) -> None:
    raw = f'{{"sender": "visitor-2", "message": "hi", "metadata": {{"facts": {{"customer_name": {value}}}}}}}'

    response = http.post(WEBHOOK, content=raw, headers={"Content-Type": "application/json"})

    assert response.status_code == 422, response.text
    assert "customer_name" in error_of(response)["message"]


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("1e400", "invalid_fact"),
        ("-1e400", "invalid_fact"),
        ("NaN", "invalid_request"),
        ("Infinity", "invalid_request"),
    ],
)
def test_a_number_that_is_not_finite_gets_an_error_frame_on_the_websocket(
    live_server: LiveServer, value: str, code: str
) -> None:
    started = httpx.post(f"{live_server.url}{START}", json={"facts": {"customer_name": "Dana"}}, timeout=10).json()
    url = live_server.url.replace("http://", "ws://") + f"{START}/{started['id']}/ws?token={started['token']}"
    with connect(url, open_timeout=10) as socket:
        assert json.loads(socket.recv(timeout=10))["type"] == "ready"
        socket.send(f'{{"id": 1, "text": "I want a refund", "facts": {{"customer_name": {value}}}}}')
        frame = json.loads(socket.recv(timeout=10))
        assert frame["type"] == "error"
        assert frame["error"]["code"] == code
        if code == "invalid_fact":
            assert frame["reply_to"] == 1
            assert "customer_name" in frame["error"]["message"]
        socket.send(json.dumps({"id": 2, "text": "hello"}))
        assert json.loads(socket.recv(timeout=10))["turn"]["number"] == started["turn"]["number"] + 1


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf, "nan", "-inf", 1e400])
def test_a_number_that_is_not_finite_is_refused_by_the_engine(value: object) -> None:
    engine = Engine(load_policy("retail"))

    with pytest.raises(InvalidMessage, match="days_since_purchase"):
        engine.start(facts={"order_id": "A-1234", "days_since_purchase": value}, message="I want a refund")


# -- tactful chat checks its facts before the first message ---------------------------------------


@pytest.mark.parametrize(
    ("fact", "named"),
    [
        ("days_since_purchase=lots", "days_since_purchase"),
        ("days_since_purchase=nan", "days_since_purchase"),
        ("days_since_purchase=-4", "days_since_purchase"),
        ("shoe_size=9", "shoe_size"),
    ],
)
def test_chat_refuses_a_bad_fact_before_the_first_message(fact: str, named: str) -> None:
    result = CliRunner().invoke(cli, ["chat", "--fact", fact], input="I want a refund\n")

    assert result.exit_code == 2, result.output
    assert named in result.output
    assert "you:" not in result.output
    assert "Traceback" not in result.output
