"""Parallel first messages from one new Rasa sender share one conversation, and every acknowledged reply is in it.

A widget that retries, or a customer who types fast while the first request is in flight, sends
several messages before it has a conversation. Each message must land, exactly once, in the one
conversation that sender keeps: with the turns run in threads of one process, and with the
messages spread over two ``tactful serve`` processes sharing the store.
"""

from __future__ import annotations

import asyncio
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from flow.server import ServerSettings, build_app
from flow.stores import open_store
from tests.plugins.server_processes import ServerPool
from tests.plugins.stores import SHARED_STORES, shared_store_url

WEBHOOK = "/webhooks/rest/webhook"
PARALLEL = 20
RESENDS = 20
SENDER = "racing-sender"


def message(n: int) -> str:
    """A message read as unclear, so the conversation stays open however many arrive."""
    return f"hmm, note {n}"


def check_one_conversation_holds_every_message(store_url: str, acknowledged: list[str]) -> None:
    """The store holds one conversation, and it has every acknowledged message once."""
    with open_store(store_url) as store:
        conversations = list(store.conversations())
        assert len(conversations) == 1, f"{len(conversations)} conversations were opened for one sender"
        turns = store.transcript(conversations[0].id)
    assert Counter(turn.customer_text for turn in turns) == Counter(acknowledged)
    assert [turn.number for turn in turns] == list(range(1, PARALLEL + 1))


def lost_every_race(response: httpx.Response) -> bool:
    """A 409 ``version_conflict``: the service lost each of its retries to other writers and applied nothing."""
    return response.status_code == 409 and response.json()["error"]["code"] == "version_conflict"


async def send_in_parallel(settings: ServerSettings) -> list[str]:
    """Post ``PARALLEL`` first messages from one sender at once to one app; return them once each is answered.

    Twenty writers on one conversation may make a message lose every retry; like a client, the
    test sends such a message again, which is safe because a conflict applied nothing.
    """
    app = build_app(settings)

    async def send(http: httpx.AsyncClient, n: int) -> httpx.Response:
        for _ in range(RESENDS):
            response = await http.post(WEBHOOK, json={"sender": SENDER, "message": message(n)})
            if not lost_every_race(response):
                break
        return response

    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://tactful.test") as http:
            responses = await asyncio.gather(*(send(http, n) for n in range(PARALLEL)))
    assert [r.status_code for r in responses] == [200] * PARALLEL, [r.text for r in responses if r.status_code != 200]
    assert all(r.json() for r in responses)
    return [message(n) for n in range(PARALLEL)]


@pytest.mark.anyio
@pytest.mark.parametrize("kind", SHARED_STORES)
async def test_parallel_first_messages_in_threads_share_one_conversation(
    kind: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    store_url = shared_store_url(kind, request, tmp_path)
    settings = ServerSettings(store_url=store_url, rate_limit_per_second=0, service_threads=8)

    acknowledged = await send_in_parallel(settings)

    check_one_conversation_holds_every_message(store_url, acknowledged)


def post_from_threads(urls: list[str]) -> list[str]:
    """Post ``PARALLEL`` first messages from one sender at once, alternating between servers (resending conflicts)."""
    start = threading.Barrier(PARALLEL)

    def send(n: int) -> str:
        with httpx.Client(base_url=urls[n % len(urls)], timeout=60.0) as http:
            start.wait()
            for _ in range(RESENDS):
                response = http.post(WEBHOOK, json={"sender": SENDER, "message": message(n)})
                if not lost_every_race(response):
                    break
        assert response.status_code == 200, response.text
        return message(n)

    with ThreadPoolExecutor(max_workers=PARALLEL) as pool:
        return list(pool.map(send, range(PARALLEL)))


@pytest.mark.slow
@pytest.mark.parametrize("kind", SHARED_STORES)
def test_parallel_first_messages_across_worker_processes_share_one_conversation(
    kind: str, tactful_servers: ServerPool, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    store_url = shared_store_url(kind, request, tmp_path)
    servers = [tactful_servers.start(store_url, "--threads", "4") for _ in range(2)]

    acknowledged = post_from_threads([server.url for server in servers])

    check_one_conversation_holds_every_message(store_url, acknowledged)


@pytest.mark.anyio
async def test_parallel_greetings_from_one_widget_all_get_the_one_welcome(tmp_path: Path) -> None:
    store_url = f"sqlite:///{tmp_path / 'tactful.db'}"
    app = build_app(ServerSettings(store_url=store_url, rate_limit_per_second=0, service_threads=4))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://tactful.test") as http:
            responses = await asyncio.gather(
                *(http.post(WEBHOOK, json={"sender": SENDER, "message": "/get_started"}) for _ in range(6))
            )

    assert [r.status_code for r in responses] == [200] * 6
    with open_store(store_url) as store:
        (conversation,) = store.conversations()
        (welcome,) = store.transcript(conversation.id)
    assert all(r.json() == [{"recipient_id": SENDER, "text": welcome.text.replace("'", "&#x27;")}] for r in responses)


@pytest.mark.anyio
async def test_a_sender_claimed_by_a_worker_that_died_before_opening_gets_that_conversation(tmp_path: Path) -> None:
    from flow.server.senders import SenderConversation, open_sender_directory

    store_url = f"sqlite:///{tmp_path / 'tactful.db'}"
    claimed = SenderConversation.new()
    directory = open_sender_directory(store_url)
    directory.claim(SENDER, claimed)
    directory.close()
    app = build_app(ServerSettings(store_url=store_url, rate_limit_per_second=0))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://tactful.test") as http:
            first = await http.post(WEBHOOK, json={"sender": SENDER, "message": message(1)})
            second = await http.post(WEBHOOK, json={"sender": SENDER, "message": message(2)})
            read = await http.get(
                f"/v1/conversations/{claimed.conversation_id}", headers={"Authorization": f"Bearer {claimed.token}"}
            )

    assert (first.status_code, second.status_code, read.status_code) == (200, 200, 200)
    assert [turn["customer_text"] for turn in read.json()["turns"]] == [message(1), message(2)]
