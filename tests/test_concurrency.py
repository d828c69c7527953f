"""Many clients at once through real ``tactful serve`` processes: no turn lost, doubled or applied to stale data.

32 clients send 50 messages each. Sixteen talk in conversations of their own; the other sixteen
share four conversations, four clients to each, so their messages race for the same snapshot. On
Redis and PostgreSQL the clients alternate between two server processes; on SQLite one process
serves them all.
Afterwards the store must hold every acknowledged turn exactly once, at the position its number
says, with versions running 1, 2, 3… and counters that saw every message.
"""

from __future__ import annotations

import threading
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from flow.stores import open_store
from tests.plugins.server_processes import ServerPool, ServerProcess
from tests.plugins.stores import SHARED_STORES, shared_store_url

pytestmark = pytest.mark.slow

CLIENTS = 32
MESSAGES = 50
SOLO_CLIENTS = 16
CLIENTS_PER_SHARED_CONVERSATION = 4
CONFLICT_RETRIES = 20
REQUEST_SECONDS = 60.0


def customer_text(client: int, message: int) -> str:
    """A message the understanding step reads as unclear, so the conversation stays open however long it runs."""
    return f"hmm, client {client} note {message}"


@dataclass(frozen=True)
class Chat:
    """A conversation the test opened."""

    id: str
    token: str


@dataclass(frozen=True)
class Acknowledged:
    """A message the server answered with 200, and the turn number it gave."""

    conversation_id: str
    client: int
    message: int
    text: str
    number: int


def open_chats(server: ServerProcess, count: int) -> list[Chat]:
    with httpx.Client(base_url=server.url, timeout=REQUEST_SECONDS) as http:
        chats = []
        for _ in range(count):
            response = http.post("/v1/conversations", json={"facts": {"customer_name": "Sam"}})
            assert response.status_code == 201, response.text
            chats.append(Chat(response.json()["id"], response.json()["token"]))
        return chats


def chat_of(client: int, chats: list[Chat]) -> Chat:
    if client < SOLO_CLIENTS:
        return chats[client]
    return chats[SOLO_CLIENTS + (client - SOLO_CLIENTS) // CLIENTS_PER_SHARED_CONVERSATION]


def run_client(client: int, chat: Chat, server: ServerProcess, start: threading.Barrier) -> list[Acknowledged]:
    """Send this client's messages one after another; a version conflict is retried with the same message id."""
    acknowledged = []
    auth = {"Authorization": f"Bearer {chat.token}"}
    with httpx.Client(base_url=server.url, timeout=REQUEST_SECONDS, headers=auth) as http:
        start.wait()
        for message in range(MESSAGES):
            text = customer_text(client, message)
            body = {"text": text, "message_id": f"client-{client}-message-{message}"}
            for _ in range(CONFLICT_RETRIES):
                response = http.post(f"/v1/conversations/{chat.id}/messages", json=body)
                if response.status_code == 409 and response.json()["error"]["code"] == "version_conflict":
                    continue
                assert response.status_code == 200, f"client {client} message {message}: {response.text}"
                number = response.json()["number"]
                acknowledged.append(Acknowledged(chat.id, client, message, text, number))
                break
            else:
                pytest.fail(f"client {client} message {message} lost {CONFLICT_RETRIES} version races in a row")
    return acknowledged


def run_load(servers: list[ServerProcess]) -> tuple[list[Chat], list[Acknowledged]]:
    shared = (CLIENTS - SOLO_CLIENTS) // CLIENTS_PER_SHARED_CONVERSATION
    chats = open_chats(servers[0], SOLO_CLIENTS + shared)
    start = threading.Barrier(CLIENTS)
    with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        futures = [
            pool.submit(run_client, client, chat_of(client, chats), servers[client % len(servers)], start)
            for client in range(CLIENTS)
        ]
        acknowledged = [ack for future in futures for ack in future.result()]
    return chats, acknowledged


def check_store(store_url: str, chats: list[Chat], acknowledged: list[Acknowledged]) -> None:
    """Every acknowledged turn is stored once, where its number says, and nothing else was stored."""
    by_chat: dict[str, list[Acknowledged]] = defaultdict(list)
    for ack in acknowledged:
        by_chat[ack.conversation_id].append(ack)
    with open_store(store_url) as store:
        for chat in chats:
            conversation = store.load(chat.id)
            turns = store.transcript(chat.id)
            acks = by_chat[chat.id]

            assert [turn.number for turn in turns] == list(range(1, len(turns) + 1)), "turn numbers have gaps"
            assert conversation.version == len(turns), "the snapshot's version is not its transcript's length"
            texts = Counter(turn.customer_text for turn in turns[1:])
            assert texts == Counter(ack.text for ack in acks), "stored messages differ from acknowledged ones"
            assert conversation.counters.turns == len(acks), "a turn was computed from a stale snapshot"
            for ack in acks:
                assert turns[ack.number - 1].customer_text == ack.text, f"turn {ack.number} is not where it was acked"
            for client in {ack.client for ack in acks}:
                numbers = [ack.number for ack in acks if ack.client == client]
                assert numbers == sorted(numbers), f"client {client}'s messages were stored out of order"


def interleaved(chats: list[Chat], acknowledged: list[Acknowledged]) -> bool:
    """Whether the clients sharing a conversation really raced: their turns alternate in the transcript."""
    shared = {chat.id for chat in chats[SOLO_CLIENTS:]}
    for chat_id in shared:
        order = [
            ack.client for ack in sorted(acknowledged, key=lambda ack: ack.number) if ack.conversation_id == chat_id
        ]
        switches = sum(1 for before, after in zip(order, order[1:], strict=False) if before != after)
        if switches < CLIENTS_PER_SHARED_CONVERSATION:
            return False
    return True


@pytest.mark.parametrize("kind", SHARED_STORES)
def test_every_turn_is_kept_once_and_in_order(
    kind: str, tactful_servers: ServerPool, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    store_url = shared_store_url(kind, request, tmp_path)
    # A SQLite file is shared by the processes of one machine; one process shows the same races.
    servers = [tactful_servers.start(store_url) for _ in range(1 if kind == "sqlite" else 2)]

    chats, acknowledged = run_load(servers)

    assert len(acknowledged) == CLIENTS * MESSAGES
    assert interleaved(chats, acknowledged), "the clients of a shared conversation never overlapped"
    check_store(store_url, chats, acknowledged)
    assert all(server.alive for server in servers)
