"""A small, thread-safe cache of the snapshots a store wrote itself, to skip a read before the next write."""

from __future__ import annotations

import threading
from collections import OrderedDict

from flow.models import Conversation


class RecentSnapshots:
    """The last ``capacity`` snapshots written, least recently used dropped first.

    Safe only because every write compares versions: a snapshot another process has since replaced
    makes the write fail with a version conflict, and the caller forgets it and reads the store.
    """

    def __init__(self, capacity: int = 4096) -> None:
        self._capacity = capacity
        self._snapshots: OrderedDict[str, Conversation] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, conversation_id: str) -> Conversation | None:
        """The snapshot last written for the conversation here, if still held."""
        with self._lock:
            snapshot = self._snapshots.get(conversation_id)
            if snapshot is not None:
                self._snapshots.move_to_end(conversation_id)
            return snapshot

    def put(self, conversation: Conversation) -> None:
        """Remember a snapshot just written."""
        with self._lock:
            self._snapshots[conversation.id] = conversation
            self._snapshots.move_to_end(conversation.id)
            if len(self._snapshots) > self._capacity:
                self._snapshots.popitem(last=False)

    def forget(self, conversation_id: str) -> None:
        """Drop a snapshot that turned out to be stale."""
        with self._lock:
            self._snapshots.pop(conversation_id, None)
