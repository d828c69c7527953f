"""A server killed with SIGKILL in the middle of a load loses nothing it acknowledged.

Clients run whole conversations against a real ``tactful serve``: start (a declined refund), click
an alternative (which schedules a follow-up), say goodbye. Once enough turns are acknowledged the
process is killed without any chance to clean up; a new process is started on the same SQLite file
Redis database or PostgreSQL schema. Every turn a client saw a 200 for must be in the transcript at the position its
number says, every follow-up those turns scheduled must be queued, the store must open cleanly and
the conversations must carry on from where they were.
"""

from __future__ import annotations

import sqlite3
import threading
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from flow.stores import open_store
from tests.plugins.host_keys import HOST
from tests.plugins.server_processes import ServerPool, ServerProcess
from tests.plugins.stores import SHARED_STORES, shared_store_url

pytestmark = pytest.mark.slow

CLIENTS = 8
KILL_AFTER_ACKNOWLEDGED = 150
"""The kill comes once this many turns were acknowledged: well into the load, with requests in flight."""
LOAD_LIMIT_SECONDS = 120.0
LATE_REFUND = {"customer_name": "Dana", "order_id": "A-1001", "days_since_purchase": 45}


@dataclass(frozen=True)
class Acknowledged:
    """A turn the server confirmed with a 2xx response."""

    conversation_id: str
    token: str
    number: int
    customer_text: str | None
    quick_reply: str | None
    schedules_follow_up: bool


class Load:
    """Clients running conversation after conversation until the server goes away."""

    def __init__(self, server: ServerProcess) -> None:
        self.server = server
        self.acknowledged: list[Acknowledged] = []
        self.enough = threading.Event()
        self._lock = threading.Lock()

    def record(self, chat: tuple[str, str], turn: dict[str, Any]) -> None:
        follow_up = any(action["type"] == "schedule_follow_up" for action in turn["actions"])
        ack = Acknowledged(*chat, turn["number"], turn["customer_text"], turn["quick_reply"], follow_up)
        with self._lock:
            self.acknowledged.append(ack)
            if len(self.acknowledged) >= KILL_AFTER_ACKNOWLEDGED:
                self.enough.set()

    def client(self, index: int) -> None:
        """Converse until a request fails because the server is gone."""
        with httpx.Client(base_url=self.server.url, timeout=30.0) as http:
            try:
                while True:
                    self.one_conversation(http, index)
            except httpx.TransportError:
                return

    def one_conversation(self, http: httpx.Client, index: int) -> None:
        body = {"facts": LATE_REFUND, "message": "I want a refund"}
        started = http.post("/v1/conversations", json=body, headers=HOST)
        assert started.status_code == 201, started.text
        body = started.json()
        chat = (body["id"], body["token"])
        self.record(chat, body["turn"])
        auth = {"Authorization": f"Bearer {chat[1]}"}
        for message in ({"quick_reply": "alternative:store_credit"}, {"text": "thanks, bye"}):
            sent = http.post(f"/v1/conversations/{chat[0]}/messages", json=message, headers=auth)
            assert sent.status_code == 200, sent.text
            self.record(chat, sent.json())

    def run_until_killed(self) -> None:
        with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
            clients = [pool.submit(self.client, index) for index in range(CLIENTS)]
            reached = self.enough.wait(timeout=LOAD_LIMIT_SECONDS)
            self.server.kill()
            for finished in clients:
                finished.result()
        assert reached, f"only {len(self.acknowledged)} turns were acknowledged before the time limit"


def check_acknowledged_turns_survived(store_url: str, acknowledged: list[Acknowledged]) -> None:
    with open_store(store_url) as store:
        queued = {(job.conversation_id, job.turn_number) for job in store.pending_follow_ups()}
        for ack in acknowledged:
            turns = store.transcript(ack.conversation_id)
            assert len(turns) >= ack.number, f"turn {ack.number} of {ack.conversation_id} was lost"
            stored = turns[ack.number - 1]
            assert stored.number == ack.number
            assert (stored.customer_text, stored.quick_reply) == (ack.customer_text, ack.quick_reply)
            assert store.load(ack.conversation_id).version >= ack.number
            if ack.schedules_follow_up:
                assert (ack.conversation_id, ack.number) in queued, f"follow-up of turn {ack.number} was lost"


def check_conversations_carry_on(server: ServerProcess, acknowledged: list[Acknowledged]) -> None:
    """After the restart every open conversation takes its next message as the next turn."""
    latest = {ack.conversation_id: ack for ack in sorted(acknowledged, key=lambda ack: ack.number)}
    with httpx.Client(base_url=server.url, timeout=30.0) as http:
        for ack in latest.values():
            auth = {"Authorization": f"Bearer {ack.token}"}
            read = http.get(f"/v1/conversations/{ack.conversation_id}", headers=auth)
            assert read.status_code == 200, read.text
            conversation = read.json()
            assert [turn["number"] for turn in conversation["turns"]] == list(range(1, conversation["version"] + 1))
            if conversation["closed"]:
                continue
            sent = http.post(
                f"/v1/conversations/{ack.conversation_id}/messages", json={"text": "thanks, bye"}, headers=auth
            )
            assert sent.status_code == 200, sent.text
            assert sent.json()["number"] == conversation["version"] + 1


@pytest.mark.parametrize("kind", SHARED_STORES)
def test_every_acknowledged_turn_and_follow_up_survives_sigkill(
    kind: str, tactful_servers: ServerPool, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    store_url = shared_store_url(kind, request, tmp_path)
    server = tactful_servers.start(store_url)
    load = Load(server)

    load.run_until_killed()

    if kind == "sqlite":
        with closing(sqlite3.connect(tmp_path / "tactful.db")) as raw:
            assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            assert raw.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert any(ack.schedules_follow_up for ack in load.acknowledged)
    check_acknowledged_turns_survived(store_url, load.acknowledged)
    restarted = server.start()
    check_conversations_carry_on(restarted, load.acknowledged)
