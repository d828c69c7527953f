"""Which layout the keys under a prefix are in, checked whenever a Redis store opens, and the move to this one.

``<prefix>layout`` holds the layout number: 2 for this release's keys (hash tags and shards, see
:mod:`flow.stores._redis_keys`). The release before wrote no such key (layout 1, see
:mod:`flow.stores._redis_previous`). Opening a store costs:

- one ``GET`` when the key says 2;
- when it is missing, one ``EXISTS`` over layout 1's fixed keys and, when none exist (an empty key
  space, or one written before the key was), one ``SET NX`` of the key;
- otherwise the move: one process takes ``<prefix>layout-lock`` (``SET NX`` with an expiry that it
  renews after each batch), moves every conversation, sets the key and lets the lock go. The others
  wait for the key. When the lock's holder dies, its lock expires and the next process to take it
  carries on where it stopped.

A key naming a newer layout is refused: this release must not write into keys it does not know.
A Redis Cluster never held layout 1 (the release before did not run on one): only the key is read
and set there.
"""

from __future__ import annotations

import logging
import secrets
import time
from collections.abc import Callable

from flow.errors import StoreError
from flow.stores._redis_client import OUTAGE_ERRORS, Client
from flow.stores._redis_previous import RedisUpgrade, has_previous, move_previous

LAYOUT = 2
"""The layout this release reads and writes."""
LOCK_SECONDS = 10.0
"""How long the move's lock outlives a holder that stopped renewing it."""
WAIT_SECONDS = 120.0
"""How long a process opening the store waits for another one's move to finish."""
_POLL_SECONDS = 0.1

_log = logging.getLogger("flow.stores")

# KEYS: 1 the lock.  ARGV: 1 the holder's token, 2 the new expiry in milliseconds.
_RENEW = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
"""

# KEYS: 1 the lock.  ARGV: 1 the holder's token.
_RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""

Progress = Callable[[RedisUpgrade], None]


class _Keys:
    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.layout = f"{prefix}layout"
        # A hyphen cannot be in a directory kind, so no directory entry can take this name.
        self.lock = f"{prefix}layout-lock"


def open_layout(
    client: Client,
    prefix: str,
    *,
    cluster: bool,
    wait_seconds: float = WAIT_SECONDS,
    lock_seconds: float = LOCK_SECONDS,
) -> RedisUpgrade | None:
    """Make sure the keys under ``prefix`` are in this release's layout, as a store opens.

    Returns what this call moved, or ``None`` when nothing had to move here (another process may
    have moved it). Raises ``StoreError`` for a newer layout, and when another process's move has
    not finished within ``wait_seconds``.
    """
    keys = _Keys(prefix)
    if _layout(client, keys) == LAYOUT:
        return None
    if cluster or not has_previous(client, prefix):
        _mark(client, keys)
        return None
    return _move_locked(client, keys, wait_seconds=wait_seconds, lock_seconds=lock_seconds, progress=None, recheck=True)


def upgrade_layout(
    client: Client,
    prefix: str,
    *,
    cluster: bool,
    wait_seconds: float = WAIT_SECONDS,
    lock_seconds: float = LOCK_SECONDS,
    progress: Progress | None = None,
) -> RedisUpgrade:
    """Move whatever layout 1 holds under ``prefix``, even when the layout key says the move is done.

    Servers of the release before that kept running after the move may have written some. The
    key space is scanned only when layout 1's fixed keys exist.
    """
    keys = _Keys(prefix)
    _layout(client, keys)
    if cluster or not has_previous(client, prefix):
        _mark(client, keys)
        return RedisUpgrade(prefix)
    moved = _move_locked(
        client, keys, wait_seconds=wait_seconds, lock_seconds=lock_seconds, progress=progress, recheck=False
    )
    return moved or RedisUpgrade(prefix)


def _layout(client: Client, keys: _Keys) -> int | None:
    """The layout the key names, if any; a newer one, or a value tactful never writes, is refused."""
    value = client.get(keys.layout)
    if value is None:
        return None
    text = value.decode(errors="replace") if isinstance(value, bytes) else str(value)
    if not text.isdigit():
        raise StoreError(
            f"the Redis key {keys.layout!r} holds {text!r}, not a layout number, so it was not written by "
            "tactful; remove it, or give the store another prefix"
        )
    found = int(text)
    if found > LAYOUT:
        raise StoreError(
            f"the Redis keys under {keys.prefix!r} are in layout {found}, newer than layout {LAYOUT} which "
            "this tactful understands; upgrade tactful to open them"
        )
    return found


def _mark(client: Client, keys: _Keys) -> None:
    if not client.set(keys.layout, LAYOUT, nx=True):
        # Someone set it first: read it, to refuse a newer release's mark.
        _layout(client, keys)


def _move_locked(
    client: Client,
    keys: _Keys,
    *,
    wait_seconds: float,
    lock_seconds: float,
    progress: Progress | None,
    recheck: bool,
) -> RedisUpgrade | None:
    token = secrets.token_hex(16)
    lease = max(1, round(lock_seconds * 1000))
    deadline = time.monotonic() + wait_seconds
    while True:
        if client.set(keys.lock, token, nx=True, px=lease):
            try:
                if recheck and _layout(client, keys) == LAYOUT:
                    return None
                return _move(client, keys, token=token, lease=lease, progress=progress)
            finally:
                _release(client, keys, token)
        if recheck and _layout(client, keys) == LAYOUT:
            return None
        if time.monotonic() >= deadline:
            raise StoreError(
                f"another process has been moving the Redis keys under {keys.prefix!r} to layout {LAYOUT} for "
                f"{wait_seconds:g} s and holds {keys.lock!r}; start this one again once it has finished, or run "
                "`tactful store upgrade URL` before starting the servers"
            )
        time.sleep(_POLL_SECONDS)


def _move(client: Client, keys: _Keys, *, token: str, lease: int, progress: Progress | None) -> RedisUpgrade:
    began = time.perf_counter()
    renew = client.register_script(_RENEW)

    # A holder that lost the lock (stalled past its expiry) may go on: each conversation moves in one
    # script that finds it already moved, so two movers neither lose nor duplicate anything.
    def after_batch(moved: RedisUpgrade) -> None:
        renew(keys=[keys.lock], args=[token, lease])
        if progress is not None:
            progress(moved)

    def still_here() -> None:
        renew(keys=[keys.lock], args=[token, lease])

    moved = move_previous(client, keys.prefix, after_batch=after_batch, still_here=still_here)
    client.set(keys.layout, LAYOUT)
    moved.seconds = time.perf_counter() - began
    _log.info(
        "moved %d conversations (%d turns) and %d follow-ups under %r to Redis layout %d in %.1f s",
        moved.conversations,
        moved.turns,
        moved.follow_ups,
        keys.prefix,
        LAYOUT,
        moved.seconds,
    )
    if moved.kept:
        _log.warning(
            "%d conversations under %r are in both Redis layouts; their old keys were left alone: %s",
            len(moved.kept),
            keys.prefix,
            ", ".join(moved.kept[:20]),
        )
    return moved


def _release(client: Client, keys: _Keys, token: str) -> None:
    try:
        client.register_script(_RELEASE)(keys=[keys.lock], args=[token])
    except OUTAGE_ERRORS:
        # The lock expires by itself; the error that stopped the move is the one worth raising.
        pass
