"""Which conversation each Rasa-channel sender is in: the ``rasa_senders`` directory beside the store.

The Rasa REST channel names a customer only by ``sender``. The first message from a new sender
claims an id and token for its conversation before the conversation exists, so that parallel
first messages, on any worker, agree on one conversation (see :mod:`flow.server.directory`).
"""

from __future__ import annotations

from flow.server.directory import DEFAULT_TIMEOUT_SECONDS, Directory, DirectoryEntry, open_directory

__all__ = [
    "DEFAULT_TIMEOUT_SECONDS",
    "RASA_SENDERS",
    "SenderConversation",
    "SenderDirectory",
    "open_sender_directory",
]

RASA_SENDERS = "rasa_senders"

SenderConversation = DirectoryEntry
"""The conversation a sender is talking in, and the token that opens it."""

SenderDirectory = Directory
"""Maps a Rasa ``sender`` to its current conversation."""


def open_sender_directory(store_url: str, *, timeout: float = DEFAULT_TIMEOUT_SECONDS) -> SenderDirectory:
    """The Rasa sender directory beside the store at ``store_url``; a call waits at most ``timeout`` seconds."""
    return open_directory(store_url, RASA_SENDERS, timeout=timeout)
