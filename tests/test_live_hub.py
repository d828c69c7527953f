"""Pushed turns between servers: a turn pushed on one hub reaches the listeners of another through Redis."""

from __future__ import annotations

import asyncio

import pytest

from flow import Engine
from flow.server.live import LiveHub
from tests.plugins.engines import DANA

pytestmark = pytest.mark.anyio


@pytest.mark.redis
async def test_a_turn_pushed_on_one_server_reaches_listeners_on_another(redis_url: str, engine: Engine) -> None:
    _, turn = engine.start(DANA, "I want a refund")
    here, there = LiveHub(redis_url), LiveHub(redis_url)
    await here.start()
    await there.start()
    try:
        heard, stop = there.listen("c-1")
        other, _ = there.listen("c-2")
        await here.push("c-1", turn)
        received = await asyncio.wait_for(heard.get(), 10)
        stop()
        await here.push("c-1", turn)
        await asyncio.sleep(0.3)
    finally:
        await here.stop()
        await there.stop()

    assert received == turn
    assert heard.empty()
    assert other.empty()


async def test_without_redis_a_turn_reaches_this_process_only(engine: Engine) -> None:
    _, turn = engine.start(DANA, "I want a refund")
    hub = LiveHub()
    await hub.start()
    heard, stop = hub.listen("c-1")

    await hub.push("c-1", turn)
    await hub.push("c-9", turn)
    stop()
    await hub.push("c-1", turn)
    await hub.stop()

    assert heard.qsize() == 1
    assert heard.get_nowait() == turn
