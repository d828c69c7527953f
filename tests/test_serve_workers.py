"""``tactful serve --workers N``: several processes on one port and one store, as a client sees them."""

from __future__ import annotations

import re
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest

from flow.server.settings import ServerSettings
from tests.plugins.host_keys import HOST, HOST_ARGS
from tests.plugins.server_processes import ServerPool, ServerProcess, redis_database, tactful_command

LATE_REFUND = {"customer_name": "Dana", "order_id": "A-1234", "days_since_purchase": 45}
SCRIPT: list[dict[str, str]] = [
    {"text": "I'd like a refund for my order"},
    {"text": "why?"},
    {"quick_reply": "alternative:store_credit"},
    {"quick_reply": "thank_close"},
]
READY_SECONDS = 60.0


def wait_for_workers(server: ServerProcess, count: int) -> None:
    """Wait until ``count`` worker processes have finished starting (``/healthz`` answers with the first)."""
    deadline = time.monotonic() + READY_SECONDS
    while server.output().count("Application startup complete.") < count:
        if time.monotonic() > deadline or not server.alive:
            pytest.fail(f"{count} workers did not start; the output:\n{server.output()}")
        time.sleep(0.2)


def worker_pids(server: ServerProcess) -> set[int]:
    """The process ids of the server's workers (the children of uvicorn's supervisor)."""
    assert server.process is not None
    children = Path(f"/proc/{server.process.pid}/task/{server.process.pid}/children").read_text().split()
    # multiprocessing also starts a resource tracker beside the workers
    return {int(pid) for pid in children if b"resource_tracker" not in Path(f"/proc/{pid}/cmdline").read_bytes()}


def converse(url: str) -> dict[str, Any]:
    """A whole conversation started by the host's server, each request on a new connection; its transcript."""
    started = httpx.post(f"{url}/v1/conversations", json={"facts": LATE_REFUND}, headers=HOST, timeout=30)
    assert started.status_code == 201, started.text
    opened = started.json()
    headers = {"Authorization": f"Bearer {opened['token']}"}
    for message in SCRIPT:
        answer = httpx.post(
            f"{url}/v1/conversations/{opened['id']}/messages", json=message, headers=headers, timeout=30
        )
        assert answer.status_code == 200, answer.text
    transcript: dict[str, Any] = httpx.get(f"{url}/v1/conversations/{opened['id']}", headers=headers, timeout=30).json()
    return transcript


@pytest.mark.slow
@pytest.mark.parametrize("store", ["sqlite", pytest.param("redis", marks=pytest.mark.redis)])
def test_two_workers_serve_every_conversation_whole(
    store: str, tactful_servers: ServerPool, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    store_url = (
        f"sqlite:///{tmp_path / 'workers.db'}"
        if store == "sqlite"
        else redis_database(request.getfixturevalue("redis_url"), 11)
    )
    server = tactful_servers.start(store_url, "--workers", "2", *HOST_ARGS)
    wait_for_workers(server, 2)

    with ThreadPoolExecutor(8) as pool:
        transcripts = list(pool.map(lambda _: converse(server.url), range(16)))

    assert len(worker_pids(server)) == 2
    assert len({t["id"] for t in transcripts}) == 16
    for transcript in transcripts:
        assert [turn["number"] for turn in transcript["turns"]] == [1, 2, 3, 4, 5]
        assert transcript["state"] == "closed"
        assert transcript["outcome"] == "alternative_accepted"


@pytest.mark.slow
def test_a_client_gets_the_configured_burst_in_all_however_the_workers_share_it(
    tactful_servers: ServerPool, tmp_path: Path
) -> None:
    server = tactful_servers.start(
        f"sqlite:///{tmp_path / 'limits.db'}", "--workers", "2", "--rate-limit", "0.001", "--rate-burst", "4"
    )
    wait_for_workers(server, 2)

    statuses = [
        httpx.post(f"{server.url}/v1/conversations", json={}, headers={"Connection": "close"}, timeout=30).status_code
        for _ in range(12)
    ]

    assert set(statuses) == {201, 429}
    assert 2 <= statuses.count(201) <= 4


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--store", "memory", "--workers", "2"], "the memory store lives inside one process"),
        (["--workers", "3", "--rate-burst", "2"], r"the rate-limit burst \(2\) is shared by 3 workers"),
    ],
)
def test_workers_that_could_not_serve_correctly_are_refused_before_starting(
    arguments: list[str], message: str, tmp_path: Path
) -> None:
    ran = subprocess.run(
        [*tactful_command(), "serve", "--port", "0", *arguments],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )

    assert ran.returncode == 2
    assert re.search(message, ran.stderr), ran.stderr
    assert not (tmp_path / "tactful.db").exists()


def test_workers_are_configured_exactly_as_the_command_that_starts_them() -> None:
    given = ServerSettings(
        store_url="sqlite:///shared.db",
        cors_origins=("https://shop.example", "https://m.shop.example"),
        rate_limit_per_second=2.5,
        rate_limit_burst=9,
        trusted_proxies=("10.0.0.0/24",),
        api_key="a server-to-server key",
        facts_key="a facts signing secret of at least thirty-two bytes",
        demo=True,
        agent_keys={"Alex Kim": "alex-key-0123456789", "Sam": "sam-key-0123456789"},
        desk_webhook_secret="webhook signing secret",
        workers=3,
    )

    environment = {name: value for name, value in given.as_env().items() if value is not None}
    read_back = ServerSettings.from_env(environment)

    assert read_back == given
    assert read_back.worker_rate_limit == (2.5 / 3, 3)
