"""Opening a store only to read what is already there, failing loudly when there is nothing.

``tactful report`` and ``tactful transcripts export`` run against the store ``tactful serve`` wrote.
Pointed at the wrong place (another folder, another Redis database), opening a store the ordinary
way would create an empty one and the command would report "0 conversations" as if all were well.
:func:`open_existing_store` refuses instead: a SQLite file that does not exist is not created, and a
store with no tactful data in it is named as such.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from flow.errors import StoreError
from flow.stores import open_store
from flow.stores.base import Store

_TABLES = frozenset({"conversations", "transcript", "follow_ups"})


def sqlite_path(url: str) -> Path | None:
    """The file a ``sqlite:///`` URL names, or ``None`` for any other URL."""
    if not url.startswith("sqlite:///"):
        return None
    return Path(url.removeprefix("sqlite:///").partition("?")[0])


def open_existing_store(url: str) -> Store:
    """Open the store ``url`` names only if it already holds tactful data; else raise :class:`StoreError`."""
    if url in ("memory", "memory://"):
        raise StoreError("a memory store starts empty, so there is nothing to read; give the --store the server used")
    path = sqlite_path(url)
    if path is not None:
        _check_sqlite_file(path, url)
        return open_store(url)
    store = open_store(url)
    try:
        empty = next(iter(store.conversations()), None) is None and not store.pending_follow_ups()
    except StoreError:
        store.close()
        raise
    except Exception as e:  # the client library's own error for a server that is down or refuses us
        store.close()
        raise StoreError(f"cannot read the store at {url}: {e}; check that the server is running") from e
    if empty:
        store.close()
        raise StoreError(
            f"the store at {url} holds no tactful conversations; check the URL (host, port, database number)"
        )
    return store


def _check_sqlite_file(path: Path, url: str) -> None:
    if not path.is_file():
        where = path if path.is_absolute() else f"{path} (in {Path.cwd()})"
        raise StoreError(
            f"no SQLite database at {where}; give --store sqlite:///PATH to the file that tactful serve writes"
        )
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
            tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as e:
        raise StoreError(f"{path} is not a SQLite database ({e}); give the file that tactful serve writes") from e
    if not _TABLES <= tables:
        raise StoreError(
            f"{path} is a SQLite database without tactful's tables; give the file that tactful serve writes"
        )
