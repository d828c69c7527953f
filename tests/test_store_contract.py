"""One contract every store keeps, run against the memory, SQLite, Redis and PostgreSQL stores alike."""

from __future__ import annotations

import multiprocessing
import threading
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import redis

from flow.errors import UnknownConversation, VersionConflict
from flow.models import Close, Conversation, ScheduleCallback, ScheduleFollowUp, Turn
from flow.stores import (
    ConversationExists,
    DuplicateMessage,
    MemoryStore,
    PostgresStore,
    RedisStore,
    SqliteStore,
    Store,
    StoreError,
    open_store,
)
from flow.stores._redis_client import close_client
from flow.stores._redis_keys import RedisKeys, shard_of
from flow.vocabulary import StateName
from tests.plugins.live_server import free_port
from tests.plugins.postgres_server import drop_schema, fresh_schema
from tests.plugins.redis_cluster import delete_cluster_prefix
from tests.plugins.stores import delete_prefix

T0 = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
DIGEST = "d" * 64


def conversation(
    cid: str = "c1", version: int = 1, *, minutes: int = 0, state: StateName = "listening"
) -> Conversation:
    return Conversation(
        id=cid,
        policy="retail",
        policy_version="1",
        state=state,
        version=version,
        started_at=T0,
        updated_at=T0 + timedelta(minutes=minutes),
    )


def turn(cid: str, number: int, text: str = "hello", actions: list[object] | None = None) -> Turn:
    return Turn.model_validate(
        {
            "conversation_id": cid,
            "number": number,
            "at": T0,
            "customer_text": text,
            "state": "listening",
            "text": "Thank you for telling me.",
            "actions": actions or [],
        }
    )


def follow_up(hours: float) -> ScheduleFollowUp:
    return ScheduleFollowUp(at=T0 + timedelta(hours=hours), delay_hours=hours, text="Did the voucher arrive?")


def callback(hours: float) -> ScheduleCallback:
    return ScheduleCallback(at=T0 + timedelta(hours=hours), reason="asked_for_person")


def started(store: Store, cid: str = "c1", *, actions: list[object] | None = None) -> Conversation:
    first = conversation(cid)
    store.create(first, turn(cid, 1, "I want a refund", actions), token_digest=DIGEST)
    return first


def advance(store: Store, cid: str, text: str, *, actions: list[object] | None = None, **save: str) -> Conversation:
    current = store.load(cid)
    following = current.model_copy(update={"version": current.version + 1, "updated_at": current.updated_at})
    store.save(following, turn(cid, following.version, text, actions), expected_version=current.version, **save)
    return following


def test_every_store_satisfies_the_protocol(store: Store) -> None:
    assert isinstance(store, Store)


def test_created_conversation_loads_with_its_first_turn_and_digest(store: Store) -> None:
    first = started(store)

    assert store.load("c1") == first
    assert store.token_digest("c1") == DIGEST
    assert [t.customer_text for t in store.transcript("c1")] == ["I want a refund"]


def test_creating_an_existing_id_is_refused_and_keeps_the_original(store: Store) -> None:
    started(store)

    with pytest.raises(ConversationExists, match="'c1' already exists"):
        store.create(conversation("c1", minutes=5), turn("c1", 1, "again"), token_digest="e" * 64)

    assert store.load("c1").updated_at == T0
    assert store.token_digest("c1") == DIGEST
    assert len(store.transcript("c1")) == 1


@pytest.mark.parametrize("read", ["load", "token_digest", "transcript"])
def test_reading_an_unknown_conversation_names_it(store: Store, read: str) -> None:
    with pytest.raises(UnknownConversation, match="no conversation has id 'nope'"):
        getattr(store, read)("nope")


def test_saving_an_unknown_conversation_is_refused(store: Store) -> None:
    with pytest.raises(UnknownConversation, match="'ghost'"):
        store.save(conversation("ghost", 2), turn("ghost", 2), expected_version=1)


def test_save_replaces_the_snapshot_and_appends_the_turn(store: Store) -> None:
    started(store)
    saved = advance(store, "c1", "why not?")

    assert store.load("c1") == saved
    assert store.load("c1").version == 2
    assert [t.customer_text for t in store.transcript("c1")] == ["I want a refund", "why not?"]


def test_a_stale_version_raises_conflict_and_changes_nothing(store: Store) -> None:
    started(store, actions=[follow_up(1)])
    advance(store, "c1", "first writer")

    stale = conversation("c1", 2, minutes=9)
    with pytest.raises(VersionConflict, match="at version 2, not 1: reload it"):
        store.save(stale, turn("c1", 2, "second writer", [follow_up(2)]), expected_version=1)

    assert store.load("c1").updated_at == T0
    assert [t.customer_text for t in store.transcript("c1")] == ["I want a refund", "first writer"]
    assert len(store.pending_follow_ups()) == 1


def test_a_save_that_skips_a_version_or_mixes_conversations_is_refused(store: Store) -> None:
    started(store)
    started(store, "c2")

    with pytest.raises(StoreError, match="at version 3 cannot replace version 1"):
        store.save(conversation("c1", 3), turn("c1", 3), expected_version=1)
    with pytest.raises(StoreError, match="turn of conversation c2 cannot be saved with conversation c1"):
        store.save(conversation("c1", 2), turn("c2", 2), expected_version=1)
    assert store.load("c1").version == 1


def test_transcript_keeps_every_turn_in_order_and_copies_are_independent(store: Store) -> None:
    started(store)
    for n in range(2, 8):
        advance(store, "c1", f"message {n}")

    turns = store.transcript("c1")
    turns.clear()
    store.load("c1").facts["order_id"] = "tampered"

    assert [t.number for t in store.transcript("c1")] == [1, 2, 3, 4, 5, 6, 7]
    assert store.load("c1").facts == {}


def test_conversations_lists_those_updated_since_a_moment_oldest_first(store: Store) -> None:
    for minutes, cid in [(30, "late"), (0, "early"), (10, "middle")]:
        store.create(conversation(cid, minutes=minutes), turn(cid, 1), token_digest=DIGEST)

    assert [c.id for c in store.conversations()] == ["early", "middle", "late"]
    assert [c.id for c in store.conversations(since=T0 + timedelta(minutes=10))] == ["middle", "late"]


@pytest.mark.parametrize("spread", [0, 1], ids=["same-moment", "one-a-minute"])
def test_conversations_lists_every_one_however_many_there_are(store: Store, spread: int) -> None:
    for n in range(1000):
        store.create(conversation(f"c{n:04}", minutes=n * spread), turn(f"c{n:04}", 1), token_digest=DIGEST)

    assert [c.id for c in store.conversations()] == [f"c{n:04}" for n in range(1000)]


def test_naive_times_count_as_utc(store: Store) -> None:
    started(store, actions=[follow_up(1)])

    naive_now = (T0 + timedelta(hours=1)).replace(tzinfo=None)
    (job,) = store.claim_follow_ups(naive_now, worker="a", lease_seconds=60, limit=1)

    assert job.lease_expires_at == T0 + timedelta(hours=1, seconds=60)


def test_a_message_id_is_applied_once_and_finds_its_turn(store: Store) -> None:
    started(store)
    advance(store, "c1", "refund please", message_id="m-1")

    with pytest.raises(DuplicateMessage, match="message 'm-1' was already applied to conversation c1"):
        advance(store, "c1", "refund please", message_id="m-1")

    found = store.find_turn("c1", "m-1")
    assert found is not None
    assert found.customer_text == "refund please"
    assert store.find_turn("c1", "m-2") is None
    assert len(store.transcript("c1")) == 2


def test_follow_up_and_callback_actions_are_queued_when_saved(store: Store) -> None:
    started(store, actions=[callback(2)])
    advance(store, "c1", "thanks", actions=[Close(outcome="alternative_accepted"), follow_up(24)])

    jobs = store.pending_follow_ups()

    assert [(j.kind, j.due_at, j.turn_number) for j in jobs] == [
        ("callback", T0 + timedelta(hours=2), 1),
        ("follow_up", T0 + timedelta(hours=24), 2),
    ]
    assert jobs[1].action == follow_up(24)
    assert {j.conversation_id for j in jobs} == {"c1"}


def test_only_due_jobs_are_claimed_and_each_by_one_worker(store: Store) -> None:
    started(store, actions=[follow_up(1), follow_up(2), follow_up(48)])
    now = T0 + timedelta(hours=3)

    first = store.claim_follow_ups(now, worker="a", lease_seconds=60, limit=10)
    second = store.claim_follow_ups(now, worker="b", lease_seconds=60, limit=10)

    assert [j.due_at for j in first] == [T0 + timedelta(hours=1), T0 + timedelta(hours=2)]
    assert {(j.worker, j.attempts, j.lease_expires_at) for j in first} == {("a", 1, now + timedelta(seconds=60))}
    assert second == []


def test_claims_respect_the_limit(store: Store) -> None:
    started(store, actions=[follow_up(1), follow_up(2), follow_up(3)])

    claimed = store.claim_follow_ups(T0 + timedelta(hours=5), worker="a", lease_seconds=60, limit=2)

    assert [j.due_at for j in claimed] == [T0 + timedelta(hours=1), T0 + timedelta(hours=2)]


def test_an_expired_lease_can_be_claimed_again_and_the_old_holder_loses_it(store: Store) -> None:
    started(store, actions=[follow_up(1)])
    now = T0 + timedelta(hours=1)
    (job,) = store.claim_follow_ups(now, worker="a", lease_seconds=30, limit=1)

    assert store.claim_follow_ups(now + timedelta(seconds=29), worker="b", lease_seconds=30, limit=1) == []
    (again,) = store.claim_follow_ups(now + timedelta(seconds=30), worker="b", lease_seconds=30, limit=1)

    assert (again.id, again.worker, again.attempts) == (job.id, "b", 2)
    assert store.complete_follow_up(job.id, worker="a") is False
    assert store.complete_follow_up(job.id, worker="b") is True
    assert store.pending_follow_ups() == []


def test_only_the_lease_holder_completes_a_job(store: Store) -> None:
    started(store, actions=[follow_up(1)])
    (job,) = store.claim_follow_ups(T0 + timedelta(hours=1), worker="a", lease_seconds=60, limit=1)

    assert store.complete_follow_up(job.id, worker="b") is False
    assert [j.worker for j in store.pending_follow_ups()] == ["a"]
    assert store.complete_follow_up(job.id, worker="a") is True
    assert store.complete_follow_up(job.id, worker="a") is False


def test_a_released_job_waits_until_its_retry_time(store: Store) -> None:
    started(store, actions=[follow_up(1)])
    now = T0 + timedelta(hours=1)
    (job,) = store.claim_follow_ups(now, worker="a", lease_seconds=60, limit=1)
    retry_at = now + timedelta(minutes=5)

    assert store.release_follow_up(job.id, worker="b", retry_at=retry_at) is False
    assert store.release_follow_up(job.id, worker="a", retry_at=retry_at) is True

    (pending,) = store.pending_follow_ups()
    assert (pending.worker, pending.lease_expires_at, pending.due_at) == (None, None, retry_at)
    assert store.claim_follow_ups(retry_at - timedelta(seconds=1), worker="b", lease_seconds=60, limit=1) == []
    (retried,) = store.claim_follow_ups(retry_at, worker="b", lease_seconds=60, limit=1)
    assert (retried.worker, retried.attempts) == ("b", 2)


def test_a_claim_that_can_lease_nothing_is_refused(store: Store) -> None:
    with pytest.raises(StoreError, match="use a positive lease and a limit of at least 1"):
        store.claim_follow_ups(T0, worker="a", lease_seconds=0, limit=1)


def test_workers_racing_for_jobs_never_share_one(store: Store) -> None:
    started(store, actions=[follow_up(hours / 10) for hours in range(1, 41)])
    claimed: dict[str, list[str]] = {}

    def work(worker: str) -> None:
        mine = claimed.setdefault(worker, [])
        while batch := store.claim_follow_ups(T0 + timedelta(days=1), worker=worker, lease_seconds=600, limit=3):
            mine.extend(job.id for job in batch)
            assert all(store.complete_follow_up(job.id, worker=worker) for job in batch)

    threads = [threading.Thread(target=work, args=(f"w{n}",)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    every = [job_id for ids in claimed.values() for job_id in ids]
    assert len(every) == 40
    assert len(set(every)) == 40
    assert store.pending_follow_ups() == []


def test_threads_saving_one_conversation_never_lose_or_repeat_a_turn(store: Store) -> None:
    started(store)
    writers, messages = 4, 15

    def write(writer: int) -> None:
        for n in range(messages):
            while True:
                try:
                    advance(store, "c1", f"{writer}:{n}")
                    break
                except VersionConflict:
                    continue

    threads = [threading.Thread(target=write, args=(w,)) for w in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    turns = store.transcript("c1")
    texts = [t.customer_text for t in turns[1:]]
    assert sorted(texts) == sorted(f"{w}:{n}" for w in range(writers) for n in range(messages))
    assert [t.number for t in turns] == list(range(1, writers * messages + 2))
    assert store.load("c1").version == writers * messages + 1
    for w in range(writers):
        assert [t for t in texts if t is not None and t.startswith(f"{w}:")] == [f"{w}:{n}" for n in range(messages)]


@pytest.mark.redis
def test_redis_expires_a_closed_conversation_but_keeps_its_follow_ups(redis_url: str) -> None:
    prefix = f"test:{uuid.uuid4().hex}:"
    client = redis.Redis.from_url(redis_url)
    with RedisStore(redis_url, ttl_closed_seconds=3600, prefix=prefix) as store:
        started(store, "open")
        started(store, "done")
        following = conversation("done", 2, state="closed")
        store.save(following, turn("done", 2, "bye", [follow_up(24)]), expected_version=1)

        keys = RedisKeys(prefix)
        assert client.ttl(keys.conversation("open", "conversation")) == -1
        for kind in ("conversation", "transcript"):
            assert 3500 < client.ttl(keys.conversation("done", kind)) <= 3600
        assert client.ttl(keys.queue(shard_of("done"))[1]) == -1

        client.delete(keys.conversation("done", "conversation"), keys.conversation("done", "transcript"))

        assert [c.id for c in store.conversations()] == ["open"]
        assert client.zrange(keys.updated(shard_of("done")), 0, -1) == (
            [b"open"] if shard_of("open") == shard_of("done") else []
        )
        with pytest.raises(UnknownConversation, match="'done'"):
            store.load("done")
        assert [j.conversation_id for j in store.pending_follow_ups()] == ["done"]
    delete_prefix(redis_url, prefix)
    client.close()


@pytest.mark.redis
def test_redis_refuses_a_ttl_below_one_second(redis_url: str) -> None:
    with pytest.raises(StoreError, match="at least 1, not 0"):
        RedisStore(redis_url, ttl_closed_seconds=0)


def test_a_reopened_sqlite_file_has_everything(tmp_path: Path) -> None:
    path = tmp_path / "kept.db"
    with SqliteStore(path) as store:
        started(store, actions=[follow_up(1)])
        advance(store, "c1", "second", message_id="m-2")
        store.claim_follow_ups(T0 + timedelta(hours=1), worker="a", lease_seconds=60, limit=1)

    with SqliteStore(path) as reopened:
        assert reopened.load("c1").version == 2
        assert reopened.token_digest("c1") == DIGEST
        assert [t.customer_text for t in reopened.transcript("c1")] == ["I want a refund", "second"]
        assert reopened.find_turn("c1", "m-2") is not None
        assert [j.worker for j in reopened.pending_follow_ups()] == ["a"]


def test_a_sqlite_file_from_a_newer_tactful_is_refused(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "future.db"
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 99")

    with pytest.raises(StoreError, match="schema version 99, newer than 1 .* upgrade tactful"):
        SqliteStore(path)


def test_the_sqlite_transcript_refuses_edits(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "kept.db"
    with SqliteStore(path) as store:
        started(store)
    with sqlite3.connect(path) as db, pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("UPDATE transcript SET turn = '{}'")


def test_a_closed_sqlite_store_says_so(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "tactful.db")
    store.close()

    with pytest.raises(StoreError, match="is closed; open a new SqliteStore"):
        store.load("c1")


def test_sqlite_refuses_an_unknown_synchronous_setting(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="synchronous must be one of OFF, NORMAL, FULL, EXTRA, not 'SOMETIMES'"):
        SqliteStore(tmp_path / "tactful.db", synchronous="SOMETIMES")


def test_sqlite_refuses_an_in_memory_database() -> None:
    with pytest.raises(StoreError, match="use MemoryStore"):
        SqliteStore(":memory:")


def test_sqlite_names_a_folder_that_does_not_exist(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="check that its folder exists"):
        SqliteStore(tmp_path / "missing" / "tactful.db")


def test_two_sqlite_stores_on_one_file_share_conversations(tmp_path: Path) -> None:
    path = tmp_path / "shared.db"
    with SqliteStore(path) as one, SqliteStore(path) as other:
        started(one)
        advance(other, "c1", "from the other process")

        assert one.load("c1").version == 2
        with pytest.raises(VersionConflict, match="at version 2, not 1"):
            one.save(conversation("c1", 2), turn("c1", 2), expected_version=1)


def _write_from_another_process(path: str, writer: int, messages: int) -> None:
    with SqliteStore(path) as store:
        for n in range(messages):
            while True:
                try:
                    advance(store, "c1", f"{writer}:{n}")
                    break
                except VersionConflict:
                    continue


@pytest.mark.slow
def test_processes_sharing_a_sqlite_file_never_lose_or_repeat_a_turn(tmp_path: Path) -> None:
    path = tmp_path / "shared.db"
    with SqliteStore(path) as store:
        started(store)
    spawn = multiprocessing.get_context("spawn")
    processes = [spawn.Process(target=_write_from_another_process, args=(str(path), w, 20)) for w in range(3)]
    for process in processes:
        process.start()
    for process in processes:
        process.join()

    assert [p.exitcode for p in processes] == [0, 0, 0]
    with SqliteStore(path) as store:
        texts = sorted(t.customer_text or "" for t in store.transcript("c1")[1:])
        assert texts == sorted(f"{w}:{n}" for w in range(3) for n in range(20))
        assert store.load("c1").version == 61


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("memory", MemoryStore),
        ("sqlite:///{tmp}/relative.db", SqliteStore),
        ("sqlite:///{tmp}/abs.db", SqliteStore),
    ],
    ids=["memory", "sqlite-relative", "sqlite-absolute"],
)
def test_open_store_picks_the_store_a_url_names(
    url: str, kind: type[Store], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    url = url.replace("{tmp}/relative.db", "relative.db").replace("{tmp}", str(tmp_path))
    with open_store(url) as store:
        assert isinstance(store, kind)
        started(store)
    if kind is SqliteStore:
        assert (tmp_path / url.rsplit("/", 1)[-1]).exists()


@pytest.mark.redis
def test_open_store_opens_redis(redis_url: str) -> None:
    with open_store(redis_url) as store:
        assert isinstance(store, RedisStore)


@pytest.mark.parametrize("url", ["mysql://db/tactful", "sqlite://", "", "mem"])
def test_open_store_lists_the_accepted_forms_for_anything_else(url: str) -> None:
    with pytest.raises(StoreError, match=r"use one of: memory, sqlite:///relative/path\.db, sqlite:////absolute"):
        open_store(url)


def test_store_urls_take_their_durability_options(tmp_path: Path, redis_url: str) -> None:
    with open_store(f"sqlite:///{tmp_path}/full.db?synchronous=full") as full:
        assert isinstance(full, SqliteStore)
        assert full.synchronous == "FULL"
    with pytest.raises(StoreError, match="synchronous must be one of OFF, NORMAL, FULL, EXTRA, not 'SOMETIMES'"):
        open_store(f"sqlite:///{tmp_path}/x.db?synchronous=sometimes")
    with pytest.raises(StoreError, match=r"unknown option cache in .*; this store takes: synchronous"):
        open_store(f"sqlite:///{tmp_path}/x.db?cache=yes")
    with open_store(f"{redis_url}?ttl_closed=60") as expiring:
        assert expiring.ttl_closed_seconds == 60  # type: ignore[attr-defined]
    with pytest.raises(StoreError, match="ttl_closed='soon'"):
        open_store(f"{redis_url}?ttl_closed=soon")
    with pytest.raises(StoreError, match="cluster='maybe' in .*: say yes for a Redis Cluster"):
        open_store(f"{redis_url}?cluster=maybe")


def test_a_snapshot_loaded_for_update_is_never_saved_over_a_newer_one(store: Store, tmp_path: Path) -> None:
    if isinstance(store, MemoryStore):
        other: Store = store
    elif isinstance(store, SqliteStore):
        other = SqliteStore(tmp_path / "tactful.db")
    elif isinstance(store, PostgresStore):
        other = PostgresStore(store.url)
    else:
        other = RedisStore(store.url, prefix=store.prefix, cluster=store.cluster)  # type: ignore[attr-defined]
    started(store, "c9")
    mine = store.load_for_update("c9")
    advance(other, "c9", "a message that reached another worker")
    if other is not store:
        other.close()

    with pytest.raises(VersionConflict):
        store.save(
            mine.model_copy(update={"version": 2}), turn("c9", 2, "a stale message"), expected_version=mine.version
        )
    fresh = store.load_for_update("c9")
    assert fresh.version == 2
    assert [t.customer_text for t in store.transcript("c9")] == [
        "I want a refund",
        "a message that reached another worker",
    ]


@pytest.mark.postgres
def test_open_store_opens_postgresql_in_the_schema_the_url_names(postgres_url: str) -> None:
    url = fresh_schema(postgres_url)
    with open_store(url.replace("postgresql://", "postgres://") + "&pool_max=2") as store:
        assert isinstance(store, PostgresStore)
        started(store)
        assert store.schema == url.rpartition("schema=")[2]
    with open_store(url) as reopened:
        assert reopened.load("c1").version == 1
    drop_schema(url)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("schema=Robert';DROP", 'schema="Robert\';DROP" in .*: use a lower-case name'),
        ("pool_max=0", "pool_max='0' in .*: give a whole number of connections above 0"),
        ("colour=blue", 'cannot use PostgreSQL URL .*invalid URI query parameter: "colour"'),
    ],
    ids=["schema", "pool_max", "unknown"],
)
def test_postgresql_urls_with_bad_options_are_refused(query: str, message: str) -> None:
    with pytest.raises(StoreError, match=message):
        open_store(f"postgresql://tactful@127.0.0.1:1/tactful?{query}")


def test_an_unreachable_postgresql_server_is_named_without_its_password() -> None:
    url = f"postgresql://tactful:secret@127.0.0.1:{free_port()}/tactful"

    with pytest.raises(
        StoreError, match=r"cannot connect to PostgreSQL at 'postgresql://127\.0\.0\.1:\d+/tactful'"
    ) as caught:
        open_store(url)

    assert "secret" not in str(caught.value)


@pytest.mark.postgres
def test_a_postgresql_schema_from_a_newer_tactful_is_refused(postgres_url: str) -> None:
    import psycopg

    url = fresh_schema(postgres_url)
    PostgresStore(url).close()
    with psycopg.connect(postgres_url, autocommit=True) as db:
        db.execute(f"UPDATE {url.rpartition('schema=')[2]}.schema_version SET version = 99")

    with pytest.raises(StoreError, match="has version 99, newer than 2 which this tactful understands; upgrade"):
        PostgresStore(url)
    drop_schema(url)


@pytest.mark.postgres
def test_the_postgresql_transcript_refuses_edits(postgres_url: str) -> None:
    import psycopg

    url = fresh_schema(postgres_url)
    with PostgresStore(url) as store:
        started(store)
    with psycopg.connect(postgres_url, autocommit=True) as db, pytest.raises(psycopg.Error, match="append-only"):
        db.execute(f"DELETE FROM {url.rpartition('schema=')[2]}.transcript")
    drop_schema(url)


@pytest.mark.postgres
def test_postgresql_workers_starting_together_create_the_tables_once(postgres_url: str) -> None:
    url = fresh_schema(postgres_url)
    opened: list[Store] = []
    threads = [threading.Thread(target=lambda: opened.append(PostgresStore(url))) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(opened) == 4
    started(opened[0])
    assert [store.load("c1").version for store in opened] == [1, 1, 1, 1]
    for store in opened:
        store.close()
    drop_schema(url)


@pytest.mark.redis
def test_a_save_on_a_redis_cluster_touches_one_slot_and_conversations_spread_over_every_master(
    redis_cluster_url: str,
) -> None:
    prefix = f"test:{uuid.uuid4().hex}:"
    client = redis.RedisCluster.from_url(redis_cluster_url.partition("?")[0])
    with open_store(redis_cluster_url) as opened:
        assert isinstance(opened, RedisStore)
        store = RedisStore(opened.url, prefix=prefix, cluster=True)
    ids = [f"spread-{n}" for n in range(30)]
    for cid in ids:
        started(store, cid, actions=[follow_up(1)])

    keys = RedisKeys(prefix)
    slots = {client.keyslot(key) for key in keys.save("spread-0")}
    masters = {client.get_node_from_key(keys.conversation(cid, "conversation")).name for cid in ids}
    assert len(slots) == 1
    assert len(masters) == 3
    assert len(store.pending_follow_ups()) == 30
    assert sorted(c.id for c in store.conversations()) == sorted(ids)
    store.close()
    close_client(client)
    delete_cluster_prefix(redis_cluster_url, prefix)


@pytest.mark.postgres
def test_a_postgresql_save_waiting_on_a_held_row_lock_raises_store_unavailable_after_its_timeout(
    postgres_url: str,
) -> None:
    import time

    import psycopg

    from flow.errors import StoreUnavailable

    url = fresh_schema(postgres_url)
    with PostgresStore(url, timeout=1.0) as store, psycopg.connect(postgres_url) as holder:
        started(store)
        holder.execute(f"SELECT 1 FROM {store.location.quoted_schema}.conversations WHERE id = 'c1' FOR UPDATE")
        began = time.monotonic()

        with pytest.raises(
            StoreUnavailable, match=r"PostgreSQL at postgresql://127\.0\.0\.1:\d+/tactful did not answer within 1 s"
        ):
            advance(store, "c1", "while another transaction holds the row")

        assert time.monotonic() - began < 5
        holder.rollback()
        assert [t.customer_text for t in store.transcript("c1")] == ["I want a refund"]
        store.ping()
    drop_schema(url)
