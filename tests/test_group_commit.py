"""Saves from many threads on one SQLite store are committed together, each judged on its own; processes
sharing the file save each change once."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path

import pytest

from flow import Engine
from flow.errors import VersionConflict
from flow.models import Conversation, Turn
from flow.service import ConversationService
from flow.stores._group_commit import MAX_BATCH, GroupCommit
from flow.stores.sqlite import SqliteStore
from tests.plugins.engines import DANA, IN_HOURS

THREADS = 8


def opened(engine: Engine, store: SqliteStore, count: int) -> list[tuple[Conversation, Turn]]:
    """``count`` conversations, stored, each with the reply to its first message (not yet saved)."""
    replies = []
    for number in range(count):
        conversation, turn = engine.start({"customer_name": f"Client {number}"})
        store.create(conversation, turn, token_digest="0" * 64)
        replies.append(engine.reply(conversation, "I'd like a refund for my order"))
    return replies


def saved_versions(path: Path) -> dict[str, int]:
    """Each conversation's version, read by a connection of its own (what another process sees)."""
    with sqlite3.connect(path) as db:
        return dict(db.execute("SELECT id, version FROM conversations").fetchall())


def test_concurrent_saves_are_all_committed_before_they_return(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "group.db"
    with SqliteStore(path) as store:
        replies = opened(engine, store, 40)

        def save(reply: tuple[Conversation, Turn]) -> dict[str, int]:
            conversation, turn = reply
            store.save(conversation, turn, expected_version=conversation.version - 1)
            return saved_versions(path)

        with ThreadPoolExecutor(THREADS) as pool:
            seen_on_return = list(pool.map(save, replies))

    for (conversation, _), seen in zip(replies, seen_on_return, strict=True):
        assert seen[conversation.id] == conversation.version
    assert set(saved_versions(path).values()) == {2}


def test_a_refused_save_in_a_batch_leaves_the_others_committed(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "refused.db"
    with SqliteStore(path) as store:
        replies = opened(engine, store, THREADS)
        stale = replies[0][0]
        # Another message to the first conversation is saved first, so its reply below loses the race.
        winner, winning_turn = engine.reply(store.load(stale.id), "why?")
        store.save(winner, winning_turn, expected_version=1)
        start = threading.Barrier(THREADS)

        def save(index: int) -> str:
            conversation, turn = replies[index]
            start.wait(timeout=5)
            try:
                store.save(conversation, turn, expected_version=1)
            except VersionConflict:
                return "conflict"
            return "saved"

        with ThreadPoolExecutor(THREADS) as pool:
            outcomes = list(pool.map(save, range(THREADS)))
        last_messages = [store.transcript(conversation.id)[-1].customer_text for conversation, _ in replies]

    assert outcomes == ["conflict"] + ["saved"] * (THREADS - 1)
    assert last_messages == ["why?"] + ["I'd like a refund for my order"] * (THREADS - 1)
    assert set(saved_versions(path).values()) == {2}


def test_a_save_that_cannot_be_written_is_refused_and_leaves_nothing(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "locked.db"
    with SqliteStore(path, busy_timeout=0.05) as store:
        ((conversation, turn),) = opened(engine, store, 1)
        holder = sqlite3.connect(path, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(Exception, match="locked by another writer"):
                store.save(conversation, turn, expected_version=1)
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert store.load(conversation.id).version == 1
        assert len(store.transcript(conversation.id)) == 1


def test_two_workers_checking_the_desk_offer_one_callback(make_engine: Callable[..., Engine], tmp_path: Path) -> None:
    path = tmp_path / "desk.db"
    opened, first_turn = make_engine().start(DANA, "I want a refund")
    conversation, turn = make_engine().reply(opened, "get me a manager")
    with SqliteStore(path) as first_store, SqliteStore(path) as second_store:
        first_store.create(opened, first_turn, token_digest="0" * 64)
        first_store.save(conversation, turn, expected_version=opened.version)
        expired = make_engine(at=IN_HOURS + timedelta(minutes=5))
        # Each worker process has its own service on the shared file; both find the wait over.
        workers = [ConversationService(expired, store) for store in (first_store, second_store)]

        offers = [worker.wait_expired(conversation.id) for worker in workers]
        transcript = first_store.transcript(conversation.id)

    assert conversation.at_the_desk
    assert [offer is not None for offer in offers] == [True, False]
    assert [t.number for t in transcript] == [1, 2, 3]
    assert [q.payload for q in transcript[-1].quick_replies] == ["accept", "reject"]


def test_a_line_longer_than_one_batch_is_committed_in_several(tmp_path: Path) -> None:
    local = threading.local()

    def connection() -> sqlite3.Connection:
        if not hasattr(local, "db"):
            local.db = sqlite3.connect(tmp_path / "line.db", isolation_level=None, check_same_thread=False)
        db: sqlite3.Connection = local.db
        return db

    connection().execute("CREATE TABLE numbers (n INTEGER)")
    group = GroupCommit(connection)
    writers = 2 * MAX_BATCH + 5

    def insert(number: int) -> int:
        group.write(lambda db: db.execute("INSERT INTO numbers VALUES (?)", (number,)))
        return number

    with group.transaction():  # holds the commit lock while the whole line forms behind it
        pool = ThreadPoolExecutor(writers)
        inserted = [pool.submit(insert, number) for number in range(writers)]
        while len(group._waiting) < writers:
            time.sleep(0.01)
    pool.shutdown(wait=True)

    assert sorted(future.result() for future in inserted) == list(range(writers))
    assert connection().execute("SELECT count(*) FROM numbers").fetchone() == (writers,)
    assert group.batches == 3  # at most MAX_BATCH writes a commit
