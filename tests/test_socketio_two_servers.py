"""Two ``tactful serve`` processes on one Redis behind a proxy sticky per socket.io session.

New connections alternate between the servers; a person's message posted on one server reaches a
customer whose socket is on the other, through python-socketio's Redis manager.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from tests.plugins.host_keys import signed
from tests.plugins.people import ALEX, ALEX_KEY, always_open_policy
from tests.plugins.server_processes import ServerPool, ServerProcess, redis_database
from tests.plugins.socketio_client import RasaWidget
from tests.plugins.sticky_proxy import StickyProxy

pytestmark = [pytest.mark.redis, pytest.mark.slow, pytest.mark.anyio]


def late_refund() -> dict[str, object]:
    """The page's customData: the name unsigned, the facts that decide signed by the shop's server."""
    return {
        "facts": {"customer_name": "Dana"},
        "facts_token": signed({"order_id": "A-1234", "days_since_purchase": 45}),
    }


POLLING_FIRST = ["polling", "websocket"]


def two_servers(pool: ServerPool, redis_url: str, folder: Path, *extra: str) -> list[ServerProcess]:
    """Two servers sharing one Redis database, people always in, Alex with a key."""
    store = redis_database(redis_url, 5)
    policy = always_open_policy(folder)
    args = ("--policy", str(policy), "--agent-key", f"Alex:{ALEX_KEY}", "--no-access-log", *extra)
    return [pool.start(store, *args), pool.start(store, *args)]


def backend(server: ServerProcess) -> tuple[str, int]:
    parts = urlsplit(server.url)
    return parts.hostname or "127.0.0.1", parts.port or 80


async def test_new_sessions_alternate_and_a_person_on_the_other_server_reaches_the_customer(
    tactful_servers: ServerPool, redis_url: str, tmp_path: Path, sticky_proxy: type[StickyProxy]
) -> None:
    first, second = two_servers(tactful_servers, redis_url, tmp_path)
    proxy = sticky_proxy([backend(first), backend(second)]).start()
    dana, kim = RasaWidget(proxy.url, transports=POLLING_FIRST), RasaWidget(proxy.url, transports=POLLING_FIRST)
    try:
        await dana.open()
        await kim.open()
        await dana.say("/get_started", late_refund())
        refusal = await dana.say("I'd like a refund for my order", expect=10)
        await dana.say("Can I speak to a manager?")
        async with httpx.AsyncClient(base_url=second.url, headers=ALEX, timeout=15) as desk:
            waiting = (await desk.get("/v1/agent/conversations")).json()
            conversation_id = waiting[0]["id"]
            await desk.post(f"/v1/agent/conversations/{conversation_id}/take-over")
            joined = await dana.hear()
            await desk.post(f"/v1/agent/conversations/{conversation_id}/messages", json={"text": "Hi Dana, Alex here"})
            written = await dana.hear()
        others_quiet = await kim.quiet()
    finally:
        await dana.close()
        await kim.close()

    assert proxy.new_connections[:2] == [0, 1]
    assert set(proxy.sessions.values()) == {0, 1}
    assert refusal[-1]["quick_replies"][0]["title"] == "Store credit"
    assert len(waiting) == 1
    assert joined[0]["text"].startswith("You're now chatting with Alex")
    assert written[0]["text"] == "Alex&#58; Hi Dana, Alex here"
    assert others_quiet


async def test_a_session_resumes_on_the_other_server(
    tactful_servers: ServerPool, redis_url: str, tmp_path: Path, sticky_proxy: type[StickyProxy]
) -> None:
    first, second = two_servers(tactful_servers, redis_url, tmp_path)
    proxy = sticky_proxy([backend(first), backend(second)]).start()
    before = RasaWidget(proxy.url, transports=POLLING_FIRST)
    session_id = await before.open()
    await before.say("/get_started", late_refund())
    offered = await before.say("I'd like a refund for my order", expect=10)
    await before.close()
    after = RasaWidget(proxy.url, transports=POLLING_FIRST)
    try:
        resumed = await after.open(session_id)
        chosen = await after.say(offered[-1]["quick_replies"][0]["payload"])
    finally:
        await after.close()

    assert proxy.new_connections[:2] == [0, 1]
    assert resumed == session_id
    assert "store credit" in chosen[0]["text"]
