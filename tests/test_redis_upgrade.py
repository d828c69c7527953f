"""A Redis deployment of the release before Redis Cluster support keeps every conversation after the upgrade.

The data is written by that release's own store (``tests/previous_release``, as shipped) driven by
today's service, plus its Rasa sender and socket.io session hashes as it wrote them; then today's
store opens it, as a restarted server would, and everything is checked through the public API.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
import redis
from typer.testing import CliRunner

from flow import Engine, load_policy
from flow.cli import app
from flow.errors import StoreError
from flow.models import Conversation, Turn
from flow.server import ServerSettings, build_app
from flow.server.senders import SenderConversation, open_sender_directory
from flow.server.sessions import open_session_directory, session_key
from flow.service import ConversationService, token_digest
from flow.stores import RedisStore, SqliteStore, Store
from flow.stores._redis_client import redis_client
from flow.stores._redis_previous import RedisUpgrade, move_previous
from flow.stores.base import FollowUpJob
from flow.stores.redis import LAYOUT
from tests.plugins.redis_cluster import delete_cluster_prefix
from tests.plugins.redis_server import RedisProcess
from tests.plugins.server_processes import redis_database
from tests.plugins.stores import delete_prefix
from tests.previous_release.redis_store import RedisStore as PreviousRedisStore

pytestmark = pytest.mark.redis

T0 = datetime(2026, 11, 26, 11, 0, tzinfo=UTC)
LATE_REFUND = {"customer_name": "Dana", "order_id": "A-1234", "days_since_purchase": 45}
PREVIOUS_FIXED_KEYS = [
    "conversations",
    *(f"follow_ups:{part}" for part in ("queue", "data", "due", "worker", "attempts")),
]
DATABASE = 11


class Clock:
    """A clock that moves a minute on every reading, so conversations have distinct update times."""

    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


@dataclass
class Chat:
    """One conversation as the release before left it."""

    id: str
    token: str
    snapshot: Conversation
    transcript: list[Turn]
    message_ids: dict[str, Turn] = field(default_factory=dict)


@dataclass
class Deployment:
    """What the release before wrote under one prefix."""

    url: str
    prefix: str
    chats: dict[str, Chat]
    pending: list[FollowUpJob]

    @property
    def turns(self) -> int:
        return sum(len(chat.transcript) for chat in self.chats.values())


def write_previous(url: str, prefix: str) -> Deployment:
    """Conversations in several states, follow-ups pending and leased, as the release before stored them."""
    store = PreviousRedisStore(url, prefix=prefix)
    closing = PreviousRedisStore(url, prefix=prefix, ttl_closed_seconds=3600)
    service = ConversationService(Engine(load_policy("retail"), clock=Clock()), store)
    closer = ConversationService(Engine(load_policy("retail"), clock=Clock()), closing)
    sent: dict[str, dict[str, Turn]] = {}

    def send(name: str, started_by: ConversationService, **message: str) -> None:
        _, turn = started_by.reply(ids[name], token=tokens[name], **message)  # type: ignore[arg-type]
        if "message_id" in message:
            sent.setdefault(name, {})[message["message_id"]] = turn

    ids: dict[str, str] = {}
    tokens: dict[str, str] = {}
    for name, facts, message, by in [
        ("offering", LATE_REFUND, "I want a refund", service),
        ("asking", None, "I want a refund", service),
        ("follow_up", LATE_REFUND, "I want a refund", service),
        ("leased", LATE_REFUND, "I want a refund", service),
        ("closed", LATE_REFUND, "I want a refund", closer),
    ]:
        started = by.start(facts=facts, message=message)
        ids[name], tokens[name] = started.conversation.id, started.token
    send("offering", service, text="it arrived late, can you still refund it?", message_id="m-1")
    send("asking", service, text="it is order A-1001", message_id="m-1")
    send("follow_up", service, quick_reply="alternative:store_credit", message_id="m-1")
    send("leased", service, quick_reply="alternative:exchange", message_id="m-1")
    send("closed", closer, quick_reply="reject", message_id="m-1")
    store.claim_follow_ups(T0 + timedelta(days=2), worker="old-worker", lease_seconds=3600, limit=1)
    chats = {
        name: Chat(ids[name], tokens[name], store.load(ids[name]), store.transcript(ids[name]), sent.get(name, {}))
        for name in ids
    }
    pending = store.pending_follow_ups()
    store.close()
    closing.close()
    return Deployment(url, prefix, chats, pending)


@pytest.fixture
def prefix(redis_url: str) -> Iterator[str]:
    """A fresh key prefix, emptied afterwards."""
    chosen = f"test:{uuid.uuid4().hex}:"
    yield chosen
    delete_prefix(redis_url, chosen)


@pytest.fixture
def previous(redis_url: str, prefix: str) -> Deployment:
    return write_previous(redis_url, prefix)


def service_on(store: Store) -> ConversationService:
    return ConversationService(Engine(load_policy("retail"), clock=lambda: T0 + timedelta(days=3)), store)


def old_keys(url: str, prefix: str) -> list[bytes]:
    """Keys of the release before's layout still under ``prefix``."""
    client = redis.Redis.from_url(url)
    try:
        kinds = ("conversation:", "transcript:", "messages:")
        found = [
            key
            for key in client.scan_iter(match=f"{prefix}*", count=1000)
            if key.decode()[len(prefix) :].startswith(kinds)
        ]
        return sorted(found) + [key.encode() for key in PREVIOUS_FIXED_KEYS if client.exists(prefix + key)]
    finally:
        client.close()


def test_every_conversation_transcript_and_follow_up_is_there_after_the_upgrade(previous: Deployment) -> None:
    with RedisStore(previous.url, prefix=previous.prefix) as store:
        assert store.upgraded is not None
        assert (store.upgraded.conversations, store.upgraded.turns) == (len(previous.chats), previous.turns)
        assert store.upgraded.follow_ups == len(previous.pending) == 2
        for chat in previous.chats.values():
            assert store.load(chat.id) == chat.snapshot
            assert store.transcript(chat.id) == chat.transcript
            assert store.token_digest(chat.id) == token_digest(chat.token)
        listed = [conversation.id for conversation in store.conversations()]
        assert listed == [chat.id for chat in sorted(previous.chats.values(), key=lambda c: c.snapshot.updated_at)]
        assert store.pending_follow_ups() == previous.pending

    assert old_keys(previous.url, previous.prefix) == []


def test_a_resent_message_id_returns_the_turn_it_made_before_the_upgrade(previous: Deployment) -> None:
    with RedisStore(previous.url, prefix=previous.prefix) as store:
        service = service_on(store)
        for chat in previous.chats.values():
            for message_id, turn in chat.message_ids.items():
                sent = (
                    {"text": turn.customer_text}
                    if turn.customer_text is not None
                    else {"quick_reply": turn.quick_reply}
                )
                conversation, again = service.reply(chat.id, token=chat.token, message_id=message_id, **sent)
                assert again == turn
                assert conversation == chat.snapshot
            assert store.transcript(chat.id) == chat.transcript


def test_the_engine_takes_the_next_message_of_an_upgraded_conversation(previous: Deployment) -> None:
    offering, asking = previous.chats["offering"], previous.chats["asking"]
    with RedisStore(previous.url, prefix=previous.prefix) as store:
        service = service_on(store)
        chosen, turn = service.reply(offering.id, token=offering.token, quick_reply="alternative:store_credit")
        answered, _ = service.reply(asking.id, token=asking.token, text="45 days ago", message_id="m-2")

        assert (chosen.version, turn.number, turn.state) == (offering.snapshot.version + 1, 3, "follow_up")
        assert store.transcript(offering.id) == [*offering.transcript, turn]
        assert answered.version == asking.snapshot.version + 1
        assert [job.conversation_id for job in store.pending_follow_ups()].count(offering.id) == 1


def test_follow_ups_stay_due_and_are_claimed_once_and_a_lease_is_kept(previous: Deployment) -> None:
    leased = [job for job in previous.pending if job.worker is not None]
    free = [job for job in previous.pending if job.worker is None]
    assert len(leased) == 1
    assert leased[0].lease_expires_at is not None
    with RedisStore(previous.url, prefix=previous.prefix) as store:
        before_lease_ends = leased[0].lease_expires_at - timedelta(seconds=1)
        claimed = store.claim_follow_ups(before_lease_ends, worker="new-worker", lease_seconds=60, limit=10)
        assert sorted(job.id for job in claimed) == sorted(job.id for job in free)
        assert store.claim_follow_ups(before_lease_ends, worker="other", lease_seconds=60, limit=10) == []
        assert store.complete_follow_up(leased[0].id, worker="old-worker")
        for job in claimed:
            assert job.attempts == 1
            assert store.complete_follow_up(job.id, worker="new-worker")
        assert store.pending_follow_ups() == []


def test_a_closed_conversation_keeps_its_expiry(previous: Deployment) -> None:
    closed = previous.chats["closed"]
    with RedisStore(previous.url, prefix=previous.prefix) as store:
        assert store.load(closed.id).closed
    client = redis.Redis.from_url(previous.url)
    try:
        expiring = list(client.scan_iter(match=f"{previous.prefix}*{closed.id}", count=1000))
        assert len(expiring) == 3
        assert all(0 < client.ttl(key) <= 3600 for key in expiring)
    finally:
        client.close()


def test_opening_again_moves_nothing_and_finds_everything(previous: Deployment) -> None:
    with RedisStore(previous.url, prefix=previous.prefix) as first:
        assert first.upgraded is not None
    with RedisStore(previous.url, prefix=previous.prefix) as again:
        assert again.upgraded is None
        assert {c.id for c in again.conversations()} == {chat.id for chat in previous.chats.values()}


def test_workers_opening_at_once_move_each_conversation_once(redis_url: str, prefix: str) -> None:
    chats = write_many(redis_url, prefix, 300)
    opened: list[RedisStore] = []
    start = threading.Barrier(4)

    def open_store() -> None:
        start.wait()
        opened.append(RedisStore(redis_url, prefix=prefix))

    threads = [threading.Thread(target=open_store) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    try:
        reports = [store.upgraded for store in opened if store.upgraded is not None]
        assert len(opened) == 4
        assert [(r.conversations, r.turns, r.follow_ups) for r in reports] == [(300, 600, 300)]
        for store in opened:
            assert len(list(store.conversations())) == 300
        assert all(opened[0].transcript(cid) == turns for cid, turns in chats.items())
        assert len(opened[0].pending_follow_ups()) == 300
    finally:
        for store in opened:
            store.close()


def test_two_movers_that_both_think_they_hold_the_lock_still_move_each_conversation_once(
    redis_url: str, prefix: str
) -> None:
    chats = write_many(redis_url, prefix, 400)
    reports: list[RedisUpgrade] = []
    start = threading.Barrier(2)

    def mover() -> None:
        client = redis_client(redis_url, timeout=5)
        try:
            start.wait()
            reports.append(move_previous(client, prefix, after_batch=lambda moved: None))
        finally:
            client.close()

    threads = [threading.Thread(target=mover) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sum(r.conversations for r in reports) == 400
    assert sum(r.turns for r in reports) == 800
    assert sum(r.follow_ups for r in reports) == 400
    assert old_keys(redis_url, prefix) == []
    with RedisStore(redis_url, prefix=prefix) as store:
        assert store.upgraded is None
        assert all(store.transcript(cid) == turns for cid, turns in chats.items())
        assert len(list(store.conversations())) == 400
        assert len(store.pending_follow_ups()) == 400


def write_many(url: str, prefix: str, count: int) -> dict[str, list[Turn]]:
    """``count`` conversations of two turns and one follow-up each, written by the release before's store."""
    store = PreviousRedisStore(url, prefix=prefix)
    engine = Engine(load_policy("retail"), clock=lambda: T0)
    first, first_turn = engine.start(dict(LATE_REFUND), "I want a refund", conversation_id="model")
    second, second_turn = engine.reply(first, quick_reply="alternative:store_credit")
    chats = {}
    try:
        for number in range(count):
            cid = f"c-{number:05d}"
            conversation = first.model_copy(update={"id": cid})
            turns = [
                first_turn.model_copy(update={"conversation_id": cid}),
                second_turn.model_copy(update={"conversation_id": cid}),
            ]
            store.create(conversation, turns[0], token_digest=token_digest(f"token-{cid}"))
            store.save(second.model_copy(update={"id": cid}), turns[1], expected_version=1, message_id="m-1")
            chats[cid] = turns
    finally:
        store.close()
    return chats


KILLED_MOVE = """
import os, signal, sys
from flow.stores._redis_client import redis_client
from flow.stores._redis_layout import upgrade_layout

batches = 0

def progress(moved):
    global batches
    batches += 1
    if batches == 2:
        os.kill(os.getpid(), signal.SIGKILL)

upgrade_layout(redis_client(sys.argv[1], timeout=5), sys.argv[2], cluster=False, lock_seconds=1, progress=progress)
"""


def test_a_move_killed_half_way_leaves_whole_conversations_and_the_next_open_finishes_it(
    redis_url: str, prefix: str
) -> None:
    chats = write_many(redis_url, prefix, 500)
    killed = subprocess.run([sys.executable, "-c", KILLED_MOVE, redis_url, prefix], check=False, timeout=60)
    assert killed.returncode == -9

    client = redis.Redis.from_url(redis_url)
    try:
        assert client.get(f"{prefix}layout") is None
        assert client.exists(f"{prefix}layout-lock") == 1
        still_old = {
            key.decode()[len(prefix) + len("conversation:") :]
            for key in client.scan_iter(match=f"{prefix}conversation:*", count=1000)
        }
        assert 0 < len(still_old) < 500
        for cid in chats:
            old_parts = client.exists(*(f"{prefix}{kind}:{cid}" for kind in ("conversation", "transcript", "messages")))
            in_old_index = client.zscore(f"{prefix}conversations", cid) is not None
            old_job = client.hexists(f"{prefix}follow_ups:data", f"{cid}/2/1")
            assert (old_parts, in_old_index, old_job) == ((3, True, True) if cid in still_old else (0, False, False))
    finally:
        client.close()

    with RedisStore(redis_url, prefix=prefix) as store:
        assert store.upgraded is not None
        assert store.upgraded.conversations == len(still_old)
        assert all(store.transcript(cid) == turns for cid, turns in chats.items())
        assert len(list(store.conversations())) == 500
        assert len(store.pending_follow_ups()) == 500
    assert old_keys(redis_url, prefix) == []


def test_a_move_held_by_another_process_is_waited_for_then_refused_with_what_to_do(previous: Deployment) -> None:
    client = redis.Redis.from_url(previous.url)
    client.set(f"{previous.prefix}layout-lock", "another-process", ex=60)
    client.close()

    with pytest.raises(StoreError, match=r"another process has been moving .* run `tactful store upgrade URL`"):
        RedisStore(previous.url, prefix=previous.prefix, upgrade_wait_seconds=0.3)
    assert len(old_keys(previous.url, previous.prefix)) > len(PREVIOUS_FIXED_KEYS)


@pytest.mark.parametrize(
    ("value", "refusal"),
    [
        ("3", r"layout 3, newer than layout 2 which this tactful understands; upgrade tactful to open them"),
        ("two", r"holds 'two', not a layout number, so it was not written by tactful"),
    ],
)
def test_keys_of_a_newer_or_unknown_layout_are_refused_and_left_alone(
    previous: Deployment, value: str, refusal: str
) -> None:
    client = redis.Redis.from_url(previous.url)
    client.set(f"{previous.prefix}layout", value)
    client.close()
    before = old_keys(previous.url, previous.prefix)

    with pytest.raises(StoreError, match=refusal):
        RedisStore(previous.url, prefix=previous.prefix)
    result = CliRunner().invoke(app, ["store", "upgrade", previous.url, "--prefix", previous.prefix])

    assert result.exit_code == 2
    assert "tactful store upgrade: " in result.stderr
    assert old_keys(previous.url, previous.prefix) == before


def data_commands(server: RedisProcess) -> dict[str, int]:
    """The calls of each data command since the last reset (connection set-up commands left out)."""
    client = redis.Redis.from_url(server.url)
    try:
        stats = client.info("commandstats")
    finally:
        client.close()
    calls: dict[str, int] = {}
    for name, entry in stats.items():
        command = name.removeprefix("cmdstat_").partition("|")[0]
        if command not in ("client", "config", "info", "hello"):
            calls[command] = calls.get(command, 0) + int(entry["calls"])
    return calls


def reset_stats(server: RedisProcess) -> None:
    client = redis.Redis.from_url(server.url)
    client.config_resetstat()
    client.close()


def test_opening_an_empty_or_current_database_never_scans(own_redis: RedisProcess) -> None:
    reset_stats(own_redis)
    with RedisStore(own_redis.url) as empty:
        opened_empty = data_commands(own_redis)
        empty.create(*Engine(load_policy("retail")).start(dict(LATE_REFUND), "I want a refund"), token_digest="0" * 64)
    reset_stats(own_redis)
    with RedisStore(own_redis.url):
        opened_current = data_commands(own_redis)
    reset_stats(own_redis)
    open_sender_directory(own_redis.url).close()
    open_session_directory(own_redis.url).close()
    opened_directories = data_commands(own_redis)

    assert opened_empty == {"get": 1, "exists": 1, "set": 1}
    assert opened_current == {"get": 1}
    assert opened_directories == {"exists": 2}


def test_opening_a_cluster_store_reads_the_layout_key_and_nothing_else(redis_cluster_url: str) -> None:
    nodes = redis.RedisCluster.from_url(redis_cluster_url.partition("?")[0])
    masters = [redis.Redis(host=node.host, port=node.port) for node in nodes.get_primaries()]
    nodes.close()
    prefix = f"test:{uuid.uuid4().hex}:"
    try:
        for master in masters:
            master.config_resetstat()
        with RedisStore(redis_cluster_url.partition("?")[0], prefix=prefix, cluster=True) as store:
            assert store.upgraded is None
        with RedisStore(redis_cluster_url.partition("?")[0], prefix=prefix, cluster=True):
            pass
        calls: dict[str, int] = {}
        for master in masters:
            for name, entry in master.info("commandstats").items():
                calls[name] = calls.get(name, 0) + int(entry["calls"])
        assert "cmdstat_scan" not in calls
        assert "cmdstat_exists" not in calls
        assert calls["cmdstat_get"] == 2
        assert calls["cmdstat_set"] == 1
    finally:
        for master in masters:
            master.close()
        delete_cluster_prefix(redis_cluster_url, prefix)


def test_the_command_moves_a_deployment_says_what_it_moved_and_then_that_nothing_is_left(
    previous: Deployment,
) -> None:
    args = ["store", "upgrade", previous.url, "--prefix", previous.prefix]
    first = CliRunner().invoke(app, args)
    second = CliRunner().invoke(app, args)

    assert first.exit_code == 0, first.output
    assert first.stdout.startswith(
        f"Redis at 127.0.0.1:{previous.url.rsplit(':', 1)[1]}, keys under '{previous.prefix}': "
    )
    moved = f"moved 5 conversations ({previous.turns} turns), 2 follow-ups, 0 Rasa senders and 0 socket.io sessions"
    assert f"{moved} to layout {LAYOUT} in " in first.stdout
    assert second.exit_code == 0, second.output
    assert second.stdout.endswith(f"already in layout {LAYOUT}, nothing to move\n")
    with RedisStore(previous.url, prefix=previous.prefix) as store:
        assert store.upgraded is None
        assert len(list(store.conversations())) == 5


def test_the_command_moves_what_a_server_of_the_release_before_wrote_after_the_move(previous: Deployment) -> None:
    with RedisStore(previous.url, prefix=previous.prefix) as store:
        assert store.upgraded is not None
    late = write_previous(previous.url, previous.prefix)
    with RedisStore(previous.url, prefix=previous.prefix) as store:
        assert store.upgraded is None
        assert len(list(store.conversations())) == 5

    result = CliRunner().invoke(app, ["store", "upgrade", previous.url, "--prefix", previous.prefix])

    assert result.exit_code == 0, result.output
    assert "moved 5 conversations" in result.stdout
    with RedisStore(previous.url, prefix=previous.prefix) as store:
        for chat in [*previous.chats.values(), *late.chats.values()]:
            assert store.transcript(chat.id) == chat.transcript


def test_a_conversation_in_both_layouts_is_left_alone_and_named(previous: Deployment) -> None:
    offering = previous.chats["offering"]
    client = redis.Redis.from_url(previous.url)
    old_hash = f"{previous.prefix}conversation:{offering.id}"
    client.copy(old_hash, f"{previous.prefix}kept-copy")
    client.close()
    with RedisStore(previous.url, prefix=previous.prefix) as store:
        assert store.upgraded is not None
        assert store.upgraded.kept == []
    client = redis.Redis.from_url(previous.url)
    client.copy(f"{previous.prefix}kept-copy", old_hash)
    client.zadd(f"{previous.prefix}conversations", {offering.id: 1})
    client.close()

    result = CliRunner().invoke(app, ["store", "upgrade", previous.url, "--prefix", previous.prefix])

    assert result.exit_code == 1, result.output
    assert f"left in the old layout, because the new one holds it too: conversation {offering.id}" in result.stdout
    with RedisStore(previous.url, prefix=previous.prefix) as store:
        assert store.transcript(offering.id) == offering.transcript


@pytest.fixture
def deployment_url(redis_url: str) -> Iterator[str]:
    """A database holding a whole deployment of the release before under the default prefix."""
    url = redis_database(redis_url, DATABASE)
    yield url
    redis_database(redis_url, DATABASE)


def write_channels(url: str, deployment: Deployment) -> None:
    """Rasa senders and socket.io sessions, as the release before's ``RedisSenders`` and ``RedisSessions`` kept them."""
    client = redis.Redis.from_url(url, decode_responses=True)
    try:
        for name, chat in deployment.chats.items():
            client.hset("tactful:rasa-senders", f"visitor-{name}", f"{chat.id} {chat.token}")
            client.hset("tactful:socketio-sessions", session_key(f"session-{name}"), f"{chat.id} {chat.token}")
    finally:
        client.close()


@pytest.mark.anyio
async def test_a_server_started_on_the_upgraded_database_continues_every_channel(deployment_url: str) -> None:
    deployment = write_previous(deployment_url, "tactful:")
    write_channels(deployment_url, deployment)
    offering = deployment.chats["offering"]

    app_ = build_app(ServerSettings(store_url=deployment_url, rate_limit_per_second=0))
    async with app_.router.lifespan_context(app_):
        transport = httpx.ASGITransport(app=app_)
        async with httpx.AsyncClient(transport=transport, base_url="http://tactful.test") as http:
            reply = await http.post(
                "/webhooks/rest/webhook", json={"sender": "visitor-offering", "message": "alternative:store_credit"}
            )
            read = await http.get(
                f"/v1/conversations/{offering.id}", headers={"Authorization": f"Bearer {offering.token}"}
            )

    assert reply.status_code == 200, reply.text
    assert read.status_code == 200, read.text
    assert [turn["number"] for turn in read.json()["turns"]] == [*range(1, len(offering.transcript) + 2)]
    assert read.json()["state"] == "follow_up"
    senders, sessions = open_sender_directory(deployment_url), open_session_directory(deployment_url)
    try:
        for name, chat in deployment.chats.items():
            assert senders.find(f"visitor-{name}") == SenderConversation(chat.id, chat.token)
            assert sessions.find(f"session-{name}") == SenderConversation(chat.id, chat.token)
    finally:
        senders.close()
        sessions.close()
    client = redis.Redis.from_url(deployment_url)
    assert client.exists("tactful:rasa-senders", "tactful:socketio-sessions") == 0
    client.close()


def test_the_command_moves_senders_and_sessions_and_names_those_it_left(deployment_url: str) -> None:
    deployment = write_previous(deployment_url, "tactful:")
    write_channels(deployment_url, deployment)
    taken = SenderConversation("c-new", "token-new")
    client = redis.Redis.from_url(deployment_url)
    client.set("tactful:rasa_senders:visitor-offering", f"{taken.conversation_id} {taken.token}")
    client.close()

    result = CliRunner().invoke(app, ["store", "upgrade", deployment_url])

    assert result.exit_code == 1, result.output
    assert "5 conversations" in result.stdout
    assert "4 Rasa senders and 5 socket.io sessions" in result.stdout
    assert "left in tactful:rasa-senders, because the new keys hold them too: 1 entries" in result.stdout
    directory = open_sender_directory(deployment_url)
    try:
        assert directory.find("visitor-offering") == taken
        assert directory.find("visitor-asking") == SenderConversation(
            deployment.chats["asking"].id, deployment.chats["asking"].token
        )
    finally:
        directory.close()


def test_the_command_opens_sqlite_and_memory_stores_and_refuses_what_it_cannot_open(tmp_path: Path) -> None:
    written = tmp_path / "tactful.db"
    SqliteStore(str(written)).close()

    sqlite = CliRunner().invoke(app, ["store", "upgrade", f"sqlite:///{written}"])
    memory = CliRunner().invoke(app, ["store", "upgrade", "memory"])
    unknown = CliRunner().invoke(app, ["store", "upgrade", "ftp://x"])
    missing = CliRunner().invoke(app, ["store", "upgrade", f"sqlite:///{tmp_path}/typo.db"])

    assert sqlite.exit_code == 0, sqlite.output
    assert "tactful.db: opened, and its tables migrated to this release's schema where needed" in sqlite.stdout
    assert memory.stdout == "the memory store keeps nothing between runs: nothing to upgrade\n"
    assert unknown.exit_code == 2
    assert "cannot open a store from 'ftp://x'" in unknown.stderr
    assert missing.exit_code == 2
    assert f"tactful store upgrade: no SQLite database at {tmp_path}/typo.db" in missing.stderr
    assert not (tmp_path / "typo.db").exists()
