"""Where the Redis store keeps what: every key a save touches carries its conversation's shard hash tag.

Redis Cluster runs a script only on keys of one hash slot, and a save must change the snapshot,
the transcript, the message ids, the index of conversations by update and the follow-up queue at
once. So the index and the queue are split into ``SHARDS`` shards, and a conversation's own keys
share the hash tag of its shard (``{s17}``): a save touches one slot, and the shards spread over
the cluster's masters. On a single Redis server the same keys work unchanged.
"""

from __future__ import annotations

import zlib

from flow.errors import StoreError

SHARDS = 64
"""Fixed for a key space: changing it would move conversations to other shards."""


def shard_of(conversation_id: str) -> int:
    """The shard a conversation's keys live in (the same in every process)."""
    return zlib.crc32(conversation_id.encode()) % SHARDS


def conversation_of_job(job_id: str) -> str:
    """The conversation a follow-up job belongs to (job ids are ``<conversation>/<version>/<index>``)."""
    return job_id.rsplit("/", 2)[0]


class RedisKeys:
    """The key names under one prefix."""

    def __init__(self, prefix: str) -> None:
        if "{" in prefix or "}" in prefix:
            raise StoreError(f"the Redis key prefix {prefix!r} cannot hold braces; they would change the hash slots")
        self.prefix = prefix

    def shard(self, shard: int) -> str:
        """The start of every key in ``shard``."""
        return f"{self.prefix}{{s{shard:02d}}}:"

    def conversation(self, conversation_id: str, kind: str) -> str:
        """``conversation``, ``transcript`` or ``messages`` of one conversation."""
        return f"{self.shard(shard_of(conversation_id))}{kind}:{conversation_id}"

    def updated(self, shard: int) -> str:
        """The shard's sorted set of conversation ids scored by ``updated_at`` in microseconds."""
        return f"{self.shard(shard)}conversations"

    def queue(self, shard: int) -> list[str]:
        """The shard's follow-up queue (sorted set) and its job ``data``, ``due``, ``worker``, ``attempts`` hashes."""
        return [f"{self.shard(shard)}follow_ups:{part}" for part in ("queue", "data", "due", "worker", "attempts")]

    def save(self, conversation_id: str) -> list[str]:
        """The keys the save script takes, in its order."""
        shard = shard_of(conversation_id)
        queue = self.queue(shard)
        return [
            self.conversation(conversation_id, "conversation"),
            self.conversation(conversation_id, "transcript"),
            self.conversation(conversation_id, "messages"),
            self.updated(shard),
            queue[0],
            queue[1],
            queue[2],
        ]
