"""The channel directories (Rasa senders, sessions): a claim is a compare-and-set every backend keeps alike."""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from flow.server.directory import Directory, DirectoryEntry, SqliteDirectory, open_directory
from flow.stores import StoreError
from tests.plugins.stores import SHARED_STORES, shared_store_url

FIRST = DirectoryEntry("c-first", "token-first")
SECOND = DirectoryEntry("c-second", "token-second")


@pytest.fixture(params=["memory", *SHARED_STORES])
def directory_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A store URL of each kind whose directories start empty."""
    return "memory" if request.param == "memory" else shared_store_url(request.param, request, tmp_path)


@pytest.fixture
def directory(directory_url: str) -> Iterator[Directory]:
    opened = open_directory(directory_url, "rasa_senders")
    yield opened
    opened.close()


def test_an_unknown_key_has_no_entry(directory: Directory) -> None:
    assert directory.find("nobody") is None


def test_the_first_claim_wins_and_later_ones_learn_the_winner(directory: Directory) -> None:
    assert directory.claim("dana", FIRST) == FIRST
    assert directory.claim("dana", SECOND) == FIRST
    assert directory.find("dana") == FIRST


def test_an_entry_is_replaced_only_by_whoever_saw_it_last(directory: Directory) -> None:
    directory.claim("dana", FIRST)
    third = DirectoryEntry("c-third", "token-third")

    assert directory.claim("dana", SECOND, replacing=FIRST) == SECOND
    assert directory.claim("dana", third, replacing=FIRST) == SECOND
    assert directory.find("dana") == SECOND


def test_kinds_are_kept_apart(directory_url: str) -> None:
    senders, sessions = open_directory(directory_url, "rasa_senders"), open_directory(directory_url, "sessions")
    try:
        senders.claim("same-key", FIRST)

        assert sessions.find("same-key") is None
        assert sessions.claim("same-key", SECOND) == SECOND
        assert senders.find("same-key") == FIRST
    finally:
        senders.close()
        sessions.close()


def test_threads_claiming_one_key_all_get_the_same_winner(directory: Directory) -> None:
    entries = [DirectoryEntry.new() for _ in range(16)]
    won: list[DirectoryEntry] = []
    start = threading.Barrier(len(entries))

    def claim(entry: DirectoryEntry) -> None:
        start.wait()
        won.append(directory.claim("racing", entry))

    threads = [threading.Thread(target=claim, args=(entry,)) for entry in entries]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(set(won)) == 1
    assert won[0] in entries
    assert directory.find("racing") == won[0]


def _claim_from_another_process(url: str, entry: DirectoryEntry, start: threading.Barrier, won: list[str]) -> None:
    opened = open_directory(url, "rasa_senders")
    start.wait()
    won.append(opened.claim("racing", entry).conversation_id)
    opened.close()


@pytest.mark.slow
@pytest.mark.parametrize("kind", SHARED_STORES)
def test_processes_claiming_one_key_all_get_the_same_winner(
    kind: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    directory_url = shared_store_url(kind, request, tmp_path)
    spawn = multiprocessing.get_context("spawn")
    with spawn.Manager() as manager:
        start = manager.Barrier(4)
        won = manager.list()
        processes = [
            spawn.Process(target=_claim_from_another_process, args=(directory_url, DirectoryEntry.new(), start, won))
            for _ in range(4)
        ]
        for process in processes:
            process.start()
        for process in processes:
            process.join()
        winners = set(won)

    assert [p.exitcode for p in processes] == [0] * 4
    assert len(winners) == 1
    opened = open_directory(directory_url, "rasa_senders")
    found = opened.find("racing")
    opened.close()
    assert found is not None
    assert found.conversation_id in winners


def test_a_sqlite_file_with_the_old_sender_table_keeps_its_senders(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "tactful.db"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE rasa_senders (sender TEXT PRIMARY KEY, conversation_id TEXT, token TEXT)")
        db.execute("INSERT INTO rasa_senders VALUES ('dana', 'c-first', 'token-first')")
    db.close()

    opened = SqliteDirectory(str(path), "rasa_senders")

    assert opened.find("dana") == FIRST
    opened.close()


def test_a_kind_that_is_not_a_plain_name_is_refused() -> None:
    with pytest.raises(StoreError, match="directory kind 'rasa senders' must be a lower-case name"):
        open_directory("memory", "rasa senders")


def test_a_store_url_without_a_directory_says_which_ones_have_one() -> None:
    with pytest.raises(
        StoreError,
        match=r"cannot keep a rasa_senders directory .* use memory, sqlite:///PATH, redis:// or postgresql://",
    ):
        open_directory("mysql://db/tactful", "rasa_senders")
