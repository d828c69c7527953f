"""Two ``tactful serve`` processes on one Redis serve one conversation, message by message in turn."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.plugins.host_keys import API_KEY, HOST_ARGS, signed
from tests.plugins.live_server import free_port, wait_until_healthy

pytestmark = [pytest.mark.redis, pytest.mark.slow]

# Importing the command module registers ``serve`` even where the package does not import it yet.
SERVE = "from flow.cli.commands_serve import app; app()"
LATE_REFUND = {"customer_name": "Dana", "order_id": "A-1234", "days_since_purchase": 45}


@pytest.fixture
def workers(redis_url: str, tmp_path: Path) -> Iterator[list[str]]:
    """The base URLs of two ``tactful serve`` processes sharing ``redis_url``."""
    processes: list[subprocess.Popen[bytes]] = []
    urls: list[str] = []
    try:
        for number in range(2):
            port = free_port()
            log = (tmp_path / f"worker-{number}.log").open("wb")
            processes.append(
                subprocess.Popen(
                    [
                        sys.executable,
                        "-c",
                        SERVE,
                        "serve",
                        "--store",
                        redis_url,
                        "--port",
                        str(port),
                        "--rate-limit",
                        "0",
                        *HOST_ARGS,
                    ],
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    cwd=tmp_path,
                )
            )
            log.close()
            urls.append(f"http://127.0.0.1:{port}")
        for url, process in zip(urls, processes, strict=True):
            wait_until_healthy(url, alive=lambda p=process: p.poll() is None)
        yield urls
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def post(url: str, path: str, body: dict[str, Any], token: str | None = None) -> dict[str, Any]:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    response = httpx.post(f"{url}{path}", json=body, headers=headers, timeout=15)
    assert response.status_code in (200, 201), response.text
    data: dict[str, Any] = response.json()
    return data


def test_one_conversation_alternates_between_two_workers(workers: list[str]) -> None:
    first, second = workers
    started = post(first, "/v1/conversations", {"facts": LATE_REFUND}, API_KEY)
    path = f"/v1/conversations/{started['id']}/messages"
    token = started["token"]

    offered = post(second, path, {"text": "I'd like a refund for my order"}, token)
    why = post(first, path, {"text": "why?"}, token)
    chosen = post(second, path, {"quick_reply": "alternative:store_credit"}, token)
    closing = post(first, path, {"quick_reply": "thank_close"}, token)
    transcripts = [
        httpx.get(
            f"{url}/v1/conversations/{started['id']}", headers={"Authorization": f"Bearer {token}"}, timeout=15
        ).json()
        for url in workers
    ]

    assert offered["state"] == "offering_alternatives"
    assert why["number"] == 3
    assert chosen["state"] == "follow_up"
    assert closing["state"] == "closed"
    assert transcripts[0] == transcripts[1]
    assert [t["number"] for t in transcripts[0]["turns"]] == [1, 2, 3, 4, 5]
    assert transcripts[0]["outcome"] == "alternative_accepted"


def test_a_rasa_sender_alternates_between_two_workers(workers: list[str]) -> None:
    first, second = workers
    sender = "two-workers-dana"
    webhook = "/webhooks/rest/webhook"

    offered = httpx.post(
        f"{first}{webhook}",
        json={"sender": sender, "message": "I want a refund", "metadata": {"facts_token": signed(LATE_REFUND)}},
        timeout=15,
    ).json()
    payload = offered[-1]["buttons"][0]["payload"]
    accepted = httpx.post(f"{second}{webhook}", json={"sender": sender, "message": payload}, timeout=15).json()

    assert payload == "alternative:store_credit"
    assert "store credit" in accepted[0]["text"]
    assert accepted[-1]["buttons"] == [{"title": "That&#x27;s all, thanks", "payload": "thank_close"}]
