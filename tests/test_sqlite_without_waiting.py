"""SQLite calls made without waiting: refused at once with ``StoreBusy`` when another writer holds the lock,
having changed nothing, and otherwise saved like any other."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from flow import Engine
from flow.desk import SqliteDesk
from flow.errors import StoreBusy, StoreUnavailable
from flow.server import gateway as gateway_module
from flow.server.gateway import ChatGateway
from flow.server.metrics import ServerMetrics
from flow.service import ConversationService
from flow.stores._checkpoints import BackgroundCheckpoints
from flow.stores._group_commit import GroupCommit
from flow.stores.sqlite import SqliteStore
from flow.stores.waiting import refuse_waiting, waiting_refused, without_waiting
from tests.plugins.engines import DANA


@contextmanager
def write_lock_held(path: Path) -> Iterator[None]:
    """Another connection (as another process would) holds the file's write lock for the block."""
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_a_save_that_may_not_wait_is_refused_at_once_and_changes_nothing(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "tactful.db"
    with SqliteStore(path, busy_timeout=30.0) as store:
        service = ConversationService(engine, store)
        started = service.start(facts=DANA)
        with write_lock_held(path), without_waiting():
            with pytest.raises(StoreBusy, match=r"tactful\.db is locked by another writer, and this call was not"):
                service.reply(started.conversation.id, token=started.token, text="I want a refund")
            with pytest.raises(StoreBusy, match="locked by another writer"):
                store.ping()
            assert store.load(started.conversation.id) == started.conversation

        assert len(store.transcript(started.conversation.id)) == 1
        assert issubclass(StoreBusy, StoreUnavailable)


def test_a_turn_made_without_waiting_is_saved_like_any_other(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "tactful.db"
    with SqliteStore(path) as store, without_waiting():
        service = ConversationService(engine, store)
        started = service.start(facts=DANA)
        conversation, turn = service.reply(started.conversation.id, token=started.token, text="I want a refund")

    with SqliteStore(path) as reopened:
        assert reopened.load(conversation.id) == conversation
        assert reopened.transcript(conversation.id)[-1] == turn


def test_a_write_that_may_not_wait_is_refused_while_another_thread_of_the_process_commits(tmp_path: Path) -> None:
    db = sqlite3.connect(tmp_path / "group.db", isolation_level=None, check_same_thread=False)
    db.execute("CREATE TABLE numbers (n INTEGER)")
    group = GroupCommit(lambda: db, name="test file")

    with group.transaction(), without_waiting():  # the commit lock is taken
        with pytest.raises(StoreBusy, match="the test file is being written by another thread of this process"):
            group.write(lambda db: db.execute("INSERT INTO numbers VALUES (1)"))

    assert db.execute("SELECT count(*) FROM numbers").fetchone() == (0,)


def test_a_reply_that_changes_the_desk_is_refused_without_waiting_and_applied_where_it_may_wait(
    engine: Engine, tmp_path: Path
) -> None:
    path = tmp_path / "tactful.db"
    desk = SqliteDesk(str(path))
    with SqliteStore(path) as store:
        service = ConversationService(engine, store, desk=desk)
        started = service.start(facts=DANA, message="I want a refund")
        conversation_id = started.conversation.id
        with without_waiting(), pytest.raises(StoreBusy, match="the desk changes"):
            service.reply(conversation_id, token=started.token, text="get me a manager")
        unchanged = (store.load(conversation_id), desk.ids())

        escalated, _ = service.reply(conversation_id, token=started.token, text="get me a manager")

    desk.close()
    assert unchanged == (started.conversation, [])
    assert escalated.at_the_desk
    assert not waiting_refused()


def test_only_a_sqlite_store_that_does_not_sync_each_commit_offers_to_work_without_waiting(tmp_path: Path) -> None:
    with SqliteStore(tmp_path / "normal.db") as normal, SqliteStore(tmp_path / "full.db", synchronous="FULL") as full:
        assert normal.tries_without_waiting
        assert not full.tries_without_waiting


def test_commits_without_automatic_checkpoints_are_checkpointed_by_a_thread(tmp_path: Path) -> None:
    path = tmp_path / "wal.db"
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA wal_autocheckpoint = 0")
    db.execute("CREATE TABLE numbers (n INTEGER)")
    checkpoints = BackgroundCheckpoints(lambda: sqlite3.connect(path, check_same_thread=False), every=3)
    for number in range(3):
        db.execute("INSERT INTO numbers VALUES (?)", (number,))
        checkpoints.committed()

    deadline = time.monotonic() + 30
    while checkpoints.done == 0 and time.monotonic() < deadline:
        time.sleep(0.01)
    checkpoints.close()
    db.close()

    assert checkpoints.done == 1


def test_the_server_runs_sqlite_turns_on_its_loop_and_after_a_refusal_in_threads_for_a_while(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(gateway_module, "THREADS_AFTER_BUSY_SECONDS", 3600.0)

    def where() -> str:
        return threading.current_thread().name

    def refused_on_the_loop() -> str:
        refuse_waiting("SQLite", "the write lock is held")
        return where()

    async def turns(gateway: ChatGateway) -> list[str]:
        return [
            await gateway.run_on_loop_first(where),
            await gateway.run_on_loop_first(refused_on_the_loop),
            await gateway.run_on_loop_first(where),
        ]

    with SqliteStore(tmp_path / "tactful.db") as store:
        gateway = ChatGateway(ConversationService(engine, store), metrics=ServerMetrics())
        try:
            ran = asyncio.run(turns(gateway))
        finally:
            gateway.close()

    loop, refused, after = ran
    assert loop == threading.main_thread().name
    assert refused.startswith("tactful-store")
    assert after.startswith("tactful-store")
