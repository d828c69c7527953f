"""Store calls that must not wait: a thread marks a stretch in which a store refuses to wait for a lock.

The server runs a turn on its event loop inside :func:`without_waiting` when the store can keep that
promise (``tries_without_waiting`` is true, as for SQLite). A store call that would have to wait for
another writer raises :class:`~flow.errors.StoreBusy` instead, having changed nothing, and the
server makes the whole call again in a worker thread, where waiting is allowed.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from flow.errors import StoreBusy

_refused = threading.local()


@contextmanager
def without_waiting() -> Iterator[None]:
    """Within the block, store calls on this thread raise ``StoreBusy`` rather than wait for a lock."""
    before = getattr(_refused, "on", False)
    _refused.on = True
    try:
        yield
    finally:
        _refused.on = before


def waiting_refused() -> bool:
    """Whether this thread is inside :func:`without_waiting`."""
    return getattr(_refused, "on", False)


def refuse_waiting(store: str, what: str) -> None:
    """Raise ``StoreBusy`` for ``what`` when this thread may not wait: for work that could wait and cannot be undone."""
    if getattr(_refused, "on", False):
        raise StoreBusy(store, what)
