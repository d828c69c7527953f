"""A channel directory in Redis or a Redis Cluster: one string per entry, claimed by a script on that one key.

The release before kept Rasa senders and socket.io sessions in one hash each on a single Redis
server; opening the directory of such a kind moves that hash's entries first (one ``EXISTS`` when
there is none, see :func:`flow.stores._redis_previous.move_directory`).
"""

from __future__ import annotations

from flow.errors import StoreUnavailable
from flow.server.directory import DEFAULT_TIMEOUT_SECONDS, DirectoryEntry, check_kind
from flow.stores._outages import reports_outages
from flow.stores._redis_client import OUTAGE_ERRORS, close_client, redis_client, redis_outage
from flow.stores._redis_previous import move_directory

# KEYS: 1 the entry.  ARGV: 1 the entry replaced ('' for none), 2 the new entry.
_CLAIM = """
local current = redis.call('GET', KEYS[1])
if (current or '') == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2])
  return ARGV[2]
end
return current
"""


def _outage(directory: RedisDirectory, error: Exception) -> StoreUnavailable:
    return redis_outage(directory._redis, directory.timeout, error)


@reports_outages(*OUTAGE_ERRORS, diagnose=_outage)
class RedisDirectory:
    """One Redis string per entry, ``<prefix><kind>:<key>``; a claim is a script on that one key.

    Touching a single key per call keeps it correct on a Redis Cluster, and spreads the entries
    over its masters.
    """

    def __init__(
        self, store_url: str, kind: str, *, timeout: float = DEFAULT_TIMEOUT_SECONDS, prefix: str = "tactful:"
    ) -> None:
        self.kind = check_kind(kind)
        self.timeout = timeout
        self._redis = redis_client(store_url, timeout=timeout)
        self._prefix = f"{prefix}{kind}:"
        self._claim = self._redis.register_script(_CLAIM)
        try:
            moved, kept = move_directory(self._redis, prefix, kind)
        except OUTAGE_ERRORS as error:
            close_client(self._redis)
            raise _outage(self, error) from error
        self.moved = moved
        """Entries this open moved from the hash the release before kept them in."""
        self.kept = kept
        """Entries left in that hash because this directory already held their keys."""

    def find(self, key: str) -> DirectoryEntry | None:
        """The key's current entry, if it has one."""
        return _decode(self._redis.get(self._prefix + key))

    def claim(self, key: str, entry: DirectoryEntry, *, replacing: DirectoryEntry | None = None) -> DirectoryEntry:
        """Put ``entry`` in place if the key's entry is still ``replacing``; the entry in place afterwards."""
        found = _decode(self._claim(keys=[self._prefix + key], args=[_encode(replacing), _encode(entry)]))
        assert found is not None
        return found

    def close(self) -> None:
        """Close the connections."""
        close_client(self._redis)


def _encode(entry: DirectoryEntry | None) -> str:
    return "" if entry is None else f"{entry.conversation_id} {entry.token}"


def _decode(value: object) -> DirectoryEntry | None:
    if not isinstance(value, bytes | str) or not value:
        return None
    text = value.decode() if isinstance(value, bytes) else value
    conversation_id, _, token = text.partition(" ")
    return DirectoryEntry(conversation_id, token)
