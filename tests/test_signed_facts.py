"""Facts from the host: signed into a token its page carries, or passed server to server with the API key."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from fastapi import FastAPI
from pydantic import ValidationError
from typer.testing import CliRunner
from websockets.sync.client import connect

from flow import load_policy
from flow.cli import app as cli
from flow.loading import validate_policy
from flow.server import ServerSettings
from flow.server.demo import PRESETS, DemoSigner
from flow.server.facts_tokens import sign_facts
from tests.plugins.host_keys import API_KEY, FACTS_KEY, HOST, signed
from tests.plugins.live_server import LiveServer, start_live_server

START = "/v1/conversations"
WEBHOOK = "/webhooks/rest/webhook"
LATE = {"order_id": "A-1234", "days_since_purchase": 45}
RECENT = {"order_id": "A-1234", "days_since_purchase": 10}


def rsa_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def public_pem(key: rsa.RSAPrivateKey) -> str:
    return (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )


def private_pem(key: rsa.RSAPrivateKey) -> str:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()


@pytest.fixture(scope="module")
def host_rsa() -> rsa.RSAPrivateKey:
    return rsa_key()


NO_KEYS: dict[str, Any] = {"api_key": None, "facts_key": None}


@contextmanager
def serve(**settings: Any) -> Iterator[tuple[FastAPI, httpx.Client]]:
    """A real server on a memory store (with the host's keys unless ``settings`` say otherwise), and a client."""
    live = start_live_server(store_url="memory", rate_limit_per_second=0, **settings)
    try:
        with httpx.Client(base_url=live.url, timeout=10) as client:
            yield live.server.config.app, client
    finally:
        live.stop()


@pytest.fixture(scope="module")
def http() -> Iterator[httpx.Client]:
    with serve() as (_, client):
        yield client


def actions(turn: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [action for action in turn["actions"] if action["type"] == kind]


def error_of(response: httpx.Response) -> dict[str, str]:
    error: dict[str, str] = response.json()["error"]
    return error


# -- a page carries the host's facts in a signed token ---------------------------------------------


def test_signed_facts_decide_and_are_not_marked_unverified(http: httpx.Client) -> None:
    body = {"facts": {"customer_name": "Dana"}, "facts_token": signed(RECENT), "message": "I want a refund"}

    response = http.post(START, json=body)

    assert response.status_code == 201, response.text
    turn = response.json()["turn"]
    [approved] = actions(turn, "approve_request")
    assert approved == {
        "type": "approve_request",
        "request": "refund",
        "facts": {"days_since_purchase": 10, "order_id": "A-1234"},
        "unverified": [],
    }
    assert "Dana" in turn["text"]


def test_facts_the_customer_typed_are_marked_unverified_on_the_decision(http: httpx.Client) -> None:
    started = (http.post(START, json={"message": "I want a refund for order A-1234"})).json()
    auth = {"Authorization": f"Bearer {started['token']}"}

    turn = (
        http.post(f"{START}/{started['id']}/messages", json={"text": "I bought it 10 days ago"}, headers=auth)
    ).json()

    [approved] = actions(turn, "approve_request")
    assert approved["unverified"] == ["days_since_purchase", "order_id"]


def test_a_message_may_carry_signed_facts_that_replace_what_the_customer_said(http: httpx.Client) -> None:
    started = (http.post(START, json={"message": "I want a refund for order A-1234"})).json()
    auth = {"Authorization": f"Bearer {started['token']}"}
    url = f"{START}/{started['id']}/messages"

    turn = (http.post(url, json={"text": "10 days ago", "facts_token": signed(LATE)}, headers=auth)).json()

    assert turn["state"] == "offering_alternatives"
    assert "45 days" in turn["text"]


@pytest.mark.parametrize(
    ("token", "problem"),
    [
        (lambda: signed(LATE, expires_in=timedelta(minutes=-5)), "it has expired"),
        (lambda: jwt.encode({"facts": LATE}, FACTS_KEY, algorithm="HS256"), r"no expiry \('exp' claim\)"),
        (lambda: sign_facts(LATE, "another-secret-of-at-least-32-bytes!!"), "signature does not match"),
        (lambda: jwt.encode({"facts": LATE, "exp": 9999999999}, None, algorithm="none"), "signature does not match"),
        (lambda: sign_facts(LATE, FACTS_KEY, policy="airline"), "signed for policy 'airline'"),
        (lambda: jwt.encode({"facts": ["A-1234"], "exp": 9999999999}, FACTS_KEY), "'facts' claim must be an object"),
        (lambda: jwt.encode({"exp": 9999999999}, FACTS_KEY), "'facts' claim must be an object"),
        (lambda: signed(LATE)[:-3] + "abc", "signature does not match"),
        (lambda: "only.two", "cannot be read"),
    ],
    ids=[
        "expired",
        "no-expiry",
        "other-secret",
        "alg-none",
        "other-policy",
        "facts-a-list",
        "no-facts",
        "tampered",
        "junk",
    ],
)
def test_a_token_that_does_not_verify_is_refused(http: httpx.Client, token: Any, problem: str) -> None:
    response = http.post(START, json={"facts_token": token(), "message": "I want a refund"})

    assert response.status_code == 403, response.text
    error = error_of(response)
    assert error["code"] == "invalid_facts_token"
    assert error["message"].startswith("the facts token is not accepted: ")
    assert re.search(problem, error["message"]), error["message"]


def test_a_token_bound_to_the_served_policy_is_accepted(http: httpx.Client) -> None:
    response = http.post(START, json={"facts_token": sign_facts(LATE, FACTS_KEY, policy="retail")})

    assert response.status_code == 201, response.text


def test_signed_facts_are_checked_like_any_other(http: httpx.Client) -> None:
    refused = http.post(START, json={"facts_token": signed({"days_since_purchase": float("nan")})})
    unknown = http.post(START, json={"facts_token": signed({"shoe_size": 9})})

    assert refused.status_code == unknown.status_code == 422
    assert "days_since_purchase" in error_of(refused)["message"]
    assert "shoe_size" in error_of(unknown)["message"]


def test_a_server_without_a_facts_key_refuses_every_token() -> None:
    with serve(**NO_KEYS) as (_, client):
        response = client.post(START, json={"facts_token": signed(LATE)})

        assert response.status_code == 403
        assert "this server has no facts key" in error_of(response)["message"]


def test_an_rs256_public_key_verifies_the_hosts_tokens(host_rsa: rsa.RSAPrivateKey) -> None:
    with serve(api_key=None, facts_key=public_pem(host_rsa)) as (_, client):
        good = client.post(START, json={"facts_token": sign_facts(LATE, private_pem(host_rsa), algorithm="RS256")})
        stranger = sign_facts(LATE, private_pem(rsa_key()), algorithm="RS256")
        forged = client.post(START, json={"facts_token": stranger})
        # The classic confusion: an HS256 token whose secret is the public key everyone can read.
        mixed_up = client.post(START, json={"facts_token": _hs256_with(public_pem(host_rsa))})

        assert good.status_code == 201, good.text
        assert forged.status_code == mixed_up.status_code == 403
        assert "signature does not match" in error_of(forged)["message"]
        assert "signature does not match" in error_of(mixed_up)["message"]


def _hs256_with(secret: str) -> str:
    """An HS256 token signed with ``secret``, built by hand as PyJWT rightly refuses a PEM as an HMAC key."""

    def part(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

    header = part(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    claims = part(
        json.dumps({"facts": LATE, "exp": int((datetime.now(UTC) + timedelta(minutes=5)).timestamp())}).encode()
    )
    signature = hmac.new(secret.encode(), f"{header}.{claims}".encode(), hashlib.sha256).digest()
    return f"{header}.{claims}.{part(signature)}"


# -- the host's own server passes facts with the API key ------------------------------------------


def test_the_host_server_may_pass_any_fact_with_the_api_key(http: httpx.Client) -> None:
    body = {"facts": {**LATE, "loyalty_tier": "gold"}, "message": "I want a refund"}

    response = http.post(START, json=body, headers=HOST)

    assert response.status_code == 201, response.text
    assert response.json()["turn"]["state"] == "offering_alternatives"


@pytest.mark.parametrize("authorization", ["Bearer not-the-api-key", f"Bearer {FACTS_KEY}", f"Bearer {API_KEY}x"])
def test_a_wrong_api_key_is_refused_rather_than_ignored(http: httpx.Client, authorization: str) -> None:
    response = http.post(START, json={"facts": {"customer_name": "Dana"}}, headers={"Authorization": authorization})

    assert response.status_code == 403
    assert error_of(response)["code"] == "access_denied"
    assert "API key" in error_of(response)["message"]


def test_a_server_without_an_api_key_takes_no_bearer_when_starting() -> None:
    with serve(**NO_KEYS) as (app, client):
        response = client.post(START, json={"facts": LATE}, headers={"Authorization": "Bearer anything"})

        assert response.status_code == 403
        assert "this server has no API key" in error_of(response)["message"]
        assert list(app.state.gateway.service.store.conversations()) == []


def test_the_rasa_channel_takes_signed_facts_and_the_api_key() -> None:
    with serve() as (_, client):
        page = {"sender": "page", "message": "I want a refund", "metadata": {"facts_token": signed(LATE)}}
        server = {"sender": "server", "message": "I want a refund", "metadata": {"facts": LATE}}
        forged = {"sender": "forged", "message": "hi", "metadata": {"facts_token": sign_facts(LATE, "x" * 40)}}

        from_page = client.post(WEBHOOK, json=page)
        from_server = client.post(WEBHOOK, json=server, headers=HOST)
        refused = client.post(WEBHOOK, json=forged)

        assert from_page.status_code == from_server.status_code == 200
        assert "30 days" in json.dumps(from_page.json())
        assert "30 days" in json.dumps(from_server.json())
        assert refused.status_code == 403
        assert error_of(refused)["code"] == "invalid_facts_token"


def test_a_websocket_frame_may_carry_signed_facts(live_server: LiveServer) -> None:
    started = httpx.post(f"{live_server.url}{START}", json={"message": "I want a refund for A-1234"}, timeout=10).json()
    url = live_server.url.replace("http://", "ws://") + f"{START}/{started['id']}/ws?token={started['token']}"
    with connect(url, open_timeout=10) as socket:
        assert json.loads(socket.recv(timeout=10))["type"] == "ready"
        socket.send(json.dumps({"id": "a", "text": "a while ago", "facts_token": signed({"days_since_purchase": 10})}))
        frame = json.loads(socket.recv(timeout=10))

    assert frame["type"] == "turn", frame
    [approved] = actions(frame["turn"], "approve_request")
    assert approved["unverified"] == ["order_id"]


# -- the keys -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "problem"),
    [
        ("short", "an HS256 facts key must be at least 32 bytes, not 5"),
        ("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----", "the facts key is a private key"),
        ("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----", "the facts key is not a PEM public key"),
    ],
    ids=["short-secret", "private-key", "not-a-key"],
)
def test_a_weak_or_wrong_facts_key_is_refused_when_the_server_starts(key: str, problem: str) -> None:
    with pytest.raises(ValidationError, match=re.escape(problem)):
        ServerSettings(store_url="memory", facts_key=key)

    result = CliRunner().invoke(cli, ["serve", "--store", "memory", "--facts-key", key])
    assert result.exit_code == 2
    assert problem in result.output


@pytest.mark.parametrize(
    ("keys", "problem"),
    [
        ({"api_key": FACTS_KEY, "facts_key": FACTS_KEY}, "api_key and facts_key are the same secret"),
        ({"api_key": API_KEY, "metrics_key": API_KEY}, "api_key and metrics_key are the same secret"),
        ({"metrics_key": API_KEY, "agent_keys": {"Alex": API_KEY}}, "metrics_key and agent key of 'Alex'"),
    ],
    ids=["api-and-facts", "api-and-metrics", "metrics-and-agent"],
)
def test_one_secret_cannot_open_two_doors(keys: dict[str, Any], problem: str) -> None:
    with pytest.raises(ValidationError, match=re.escape(problem)):
        ServerSettings(store_url="memory", **keys)


def test_a_small_rsa_key_is_refused() -> None:
    small = rsa.generate_private_key(public_exponent=65537, key_size=1024)
    with pytest.raises(ValidationError, match="an RS256 facts key must have at least 2048 bits, not 1024"):
        ServerSettings(store_url="memory", facts_key=public_pem(small))


def test_the_facts_key_may_be_a_file(tmp_path: Path, host_rsa: rsa.RSAPrivateKey) -> None:
    pem = tmp_path / "facts.pub.pem"
    pem.write_text(public_pem(host_rsa), encoding="utf-8")
    secret = tmp_path / "facts.secret"
    secret.write_text(FACTS_KEY + "\n", encoding="utf-8")

    from_pem = ServerSettings(store_url="memory", facts_key=str(pem))
    from_secret = ServerSettings.from_env({"TACTFUL_FACTS_KEY": str(secret)})

    assert from_pem.facts_key is not None
    assert from_pem.facts_key.get_secret_value() == public_pem(host_rsa).strip()
    assert from_secret.facts_key is not None
    assert from_secret.facts_key.get_secret_value() == FACTS_KEY
    assert FACTS_KEY not in repr(from_secret)


# -- the demo page's presets ----------------------------------------------------------------------


def test_without_the_demo_nothing_is_signed_for_visitors(http: httpx.Client) -> None:
    assert (http.get("/demo/presets")).status_code == 404
    assert "/demo/presets" not in (http.get("/openapi.json")).json()["paths"]


def test_the_demo_signs_only_its_own_presets_with_a_key_of_its_own() -> None:
    with serve(demo=True, **NO_KEYS) as (_, demo_client):
        presets = (demo_client.get("/demo/presets", params={"facts": '{"days_since_purchase": 1}'})).json()
        post = demo_client.post("/demo/presets", json={"facts": {"days_since_purchase": 1}})
        assert [p["id"] for p in presets] == [p.id for p in PRESETS]
        assert [p["facts"] for p in presets] == [p.facts for p in PRESETS]
        assert post.status_code == 405
        accepted = demo_client.post(
            START, json={"facts_token": presets[1]["facts_token"], "message": "I want a refund"}
        )
        assert accepted.status_code == 201, accepted.text
        assert [a["type"] for a in accepted.json()["turn"]["actions"]][:1] == ["approve_request"]

        with serve(demo=True, **NO_KEYS) as (_, other_demo):
            elsewhere = other_demo.post(START, json={"facts_token": presets[1]["facts_token"]})
        with serve() as (_, real):
            in_production = real.post(START, json={"facts_token": presets[1]["facts_token"]})

    assert elsewhere.status_code == in_production.status_code == 403
    assert "signature does not match" in error_of(in_production)["message"]


def test_the_demo_offers_only_the_presets_the_served_policy_accepts() -> None:
    data = load_policy("retail").model_dump(mode="json", by_alias=True)
    del data["facts"]["loyalty_tier"]
    data["compensation"]["eligible_when"] = {"counter": "anger", "op": "ge", "value": 1}

    signer = DemoSigner.for_policy(validate_policy(data))

    assert [p.id for p in signer.presets] == ["late-refund", "recent-refund", "dispatched"]
