"""The key layout of the release before Redis Cluster support (layout 1), and moving it to the current one.

Layout 1 kept, under the store's ``prefix`` and without hash tags:

- ``conversation:<id>`` (hash), ``transcript:<id>`` (list), ``messages:<id>`` (hash), as now
- ``conversations``: one sorted set of every id scored by ``updated_at`` in microseconds
- ``follow_ups:queue`` (sorted set) and ``follow_ups:data`` / ``:due`` / ``:worker`` / ``:attempts``
  (hashes keyed by job id): one queue for every conversation

and beside it the channels' hashes ``tactful:rasa-senders`` and ``tactful:socketio-sessions``, from a
sender (or a session id's digest) to ``"<conversation id> <token>"``.

Each conversation moves in one script: its three keys are renamed (keeping any expiry), its index
entry and its follow-up jobs go to its shard's index and queue, and the old entries are removed.
A move interrupted half-way leaves every conversation either wholly in the old keys or wholly in
the new ones, and moving again only moves what is still old.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TypeVar, cast

import redis

from flow.stores._redis_client import Client
from flow.stores._redis_keys import RedisKeys, conversation_of_job, shard_of

_BATCH = 200
_SCAN_COUNT = 1000
_KINDS = (b"conversation:", b"transcript:", b"messages:")
_QUEUE_PARTS = ("queue", "data", "due", "worker", "attempts")

_Item = TypeVar("_Item", str, bytes)

PREVIOUS_DIRECTORIES = {"rasa_senders": "rasa-senders", "socketio_sessions": "socketio-sessions"}
"""The hash, under the directory prefix, where layout 1 kept each directory kind."""

# KEYS: 1-3 old conversation, transcript, messages; 4 old index; 5-9 old queue, data, due, worker, attempts;
#       10-18 the same in the new layout.  ARGV: 1 conversation id, 2.. its follow-up job ids.
# Returns {status, turns, jobs}: 'moved' (the conversation hash moved), 'rest' (only its index entry,
# stray keys or jobs did), or 'kept' (both layouts hold it: nothing is touched, nothing is lost).
_MOVE = """
local old = redis.call('EXISTS', KEYS[1], KEYS[2], KEYS[3])
if old > 0 and redis.call('EXISTS', KEYS[10]) == 1 then return {'kept', 0, 0} end
local status = 'rest'
if redis.call('EXISTS', KEYS[1]) == 1 then status = 'moved' end
local turns = redis.call('LLEN', KEYS[2])
for i = 1, 3 do
  if redis.call('EXISTS', KEYS[i]) == 1 then redis.call('RENAME', KEYS[i], KEYS[i + 9]) end
end
local score = redis.call('ZSCORE', KEYS[4], ARGV[1])
if score then
  redis.call('ZADD', KEYS[13], 'NX', score, ARGV[1])
  redis.call('ZREM', KEYS[4], ARGV[1])
end
local jobs = 0
for i = 2, #ARGV do
  local id = ARGV[i]
  if redis.call('HEXISTS', KEYS[15], id) == 0 then
    local found = false
    local at = redis.call('ZSCORE', KEYS[5], id)
    if at then
      redis.call('ZADD', KEYS[14], at, id)
      redis.call('ZREM', KEYS[5], id)
      found = true
    end
    for k = 6, 9 do
      local value = redis.call('HGET', KEYS[k], id)
      if value then
        redis.call('HSET', KEYS[k + 9], id, value)
        redis.call('HDEL', KEYS[k], id)
        found = true
      end
    end
    if found then jobs = jobs + 1 end
  end
end
return {status, turns, jobs}
"""

# KEYS: 1 the old hash, 2.. one new entry key per field.  ARGV: the fields, in the same order.
# An entry the new directory already holds is left in the old hash: the caller reports it.
_MOVE_ENTRIES = """
local moved = 0
for i = 1, #ARGV do
  local value = redis.call('HGET', KEYS[1], ARGV[i])
  if value and redis.call('SET', KEYS[i + 1], value, 'NX') then
    redis.call('HDEL', KEYS[1], ARGV[i])
    moved = moved + 1
  end
end
return moved
"""


@dataclass
class RedisUpgrade:
    """What bringing the keys under ``prefix`` from layout 1 to the current layout moved."""

    prefix: str
    conversations: int = 0
    turns: int = 0
    follow_ups: int = 0
    kept: list[str] = field(default_factory=list)
    """Conversations found in both layouts: left untouched in the old keys, to be looked at by hand."""
    directories: dict[str, int] = field(default_factory=dict)
    """Entries moved, by directory kind."""
    directories_kept: dict[str, int] = field(default_factory=dict)
    """Entries left in layout 1's hash because the directory already held the key, by kind."""
    seconds: float = 0.0

    @property
    def moved(self) -> bool:
        """Whether anything moved."""
        return bool(self.conversations or self.turns or self.follow_ups or any(self.directories.values()))

    @property
    def complete(self) -> bool:
        """Whether nothing was left behind in layout 1."""
        return not self.kept and not any(self.directories_kept.values())


class PreviousKeys:
    """Layout 1's key names under one prefix."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix

    def conversation(self, conversation_id: str, kind: str) -> str:
        """``conversation``, ``transcript`` or ``messages`` of one conversation."""
        return f"{self.prefix}{kind}:{conversation_id}"

    @property
    def index(self) -> str:
        """The one sorted set of every conversation id."""
        return f"{self.prefix}conversations"

    @property
    def queue(self) -> list[str]:
        """The one follow-up queue and its job hashes."""
        return [f"{self.prefix}follow_ups:{part}" for part in _QUEUE_PARTS]

    @property
    def fixed(self) -> list[str]:
        """The keys that exist whenever layout 1 holds a conversation or a follow-up.

        Every save put its conversation in the index and every follow-up in the job hashes, and an
        id leaves the index only once its conversation's keys expired; so an empty or newer key
        space is recognised with one ``EXISTS``, without a ``SCAN``.
        """
        return [self.index, *self.queue]


def has_previous(client: Client, prefix: str) -> bool:
    """Whether layout 1 holds anything under ``prefix`` (one command)."""
    return bool(client.exists(*PreviousKeys(prefix).fixed))


def move_previous(
    client: Client,
    prefix: str,
    *,
    after_batch: Callable[[RedisUpgrade], None],
    still_here: Callable[[], None] = lambda: None,
) -> RedisUpgrade:
    """Move every conversation and follow-up of layout 1 under ``prefix`` to the current layout.

    Conversations are found by a ``SCAN`` of the prefix (so keys missing from the index move too),
    then whatever the index and the queue still name. ``after_batch`` is called after each batch of
    scripts, with the totals so far, and ``still_here`` after each page of the scan, which may
    visit many other keys between two batches.
    """
    old, new = PreviousKeys(prefix), RedisKeys(prefix)
    script = client.register_script(_MOVE)
    jobs = _jobs_by_conversation(client, old)
    moved = RedisUpgrade(prefix)

    def move(ids: list[str]) -> None:
        with client.pipeline(transaction=False) as pipe:
            for conversation_id in ids:
                keys = _keys(old, new, conversation_id)
                script(keys=keys, args=[conversation_id, *jobs.pop(conversation_id, ())], client=pipe)
            results: list[list[bytes | int]] = pipe.execute()
        for conversation_id, (status, turns, follow_ups) in zip(ids, results, strict=True):
            if status == b"kept":
                moved.kept.append(conversation_id)
                continue
            moved.conversations += status == b"moved"
            moved.turns += int(turns)
            moved.follow_ups += int(follow_ups)
        after_batch(moved)

    for batch in _batches(_scanned_ids(client, prefix, still_here)):
        move(batch)
    for batch in _batches(member.decode() for member, _ in client.zscan_iter(old.index, count=_SCAN_COUNT)):
        move(batch)
    for batch in _batches(list(jobs)):
        move(batch)
    return moved


def move_directory(client: Client, prefix: str, kind: str) -> tuple[int, int]:
    """Move layout 1's entries of directory ``kind`` to one key each; ``(moved, left in the old hash)``.

    Each batch is one script and each entry moves at most once, so processes opening the directory
    together need no lock. A Redis Cluster never held layout 1: nothing is asked of it.
    """
    name = PREVIOUS_DIRECTORIES.get(kind)
    if name is None or isinstance(client, redis.RedisCluster):
        return 0, 0
    legacy = f"{prefix}{name}"
    if not client.exists(legacy):
        return 0, 0
    script = client.register_script(_MOVE_ENTRIES)
    moved = 0
    fields = (entry[0] for entry in client.hscan_iter(legacy, count=_SCAN_COUNT))
    for batch in _batches(fields):
        keys = [legacy, *(f"{prefix}{kind}:".encode() + entry for entry in batch)]
        moved += int(script(keys=keys, args=batch))
    return moved, int(client.hlen(legacy))


def _keys(old: PreviousKeys, new: RedisKeys, conversation_id: str) -> list[str]:
    """The keys ``_MOVE`` takes, in its order."""
    shard = shard_of(conversation_id)
    kinds = ("conversation", "transcript", "messages")
    return [
        *(old.conversation(conversation_id, kind) for kind in kinds),
        old.index,
        *old.queue,
        *(new.conversation(conversation_id, kind) for kind in kinds),
        new.updated(shard),
        *new.queue(shard),
    ]


def _jobs_by_conversation(client: Client, old: PreviousKeys) -> dict[str, set[str]]:
    queue_key, data_key = old.queue[:2]
    ids = {job for job, _ in client.hscan_iter(data_key, count=_SCAN_COUNT)}
    ids |= {job for job, _ in client.zscan_iter(queue_key, count=_SCAN_COUNT)}
    jobs: dict[str, set[str]] = {}
    for job in ids:
        job_id = job.decode()
        jobs.setdefault(conversation_of_job(job_id), set()).add(job_id)
    return jobs


def _scanned_ids(client: Client, prefix: str, after_page: Callable[[], None]) -> Iterator[str]:
    """Ids of layout 1's conversation keys, each once per batch (a move of one id twice is harmless)."""
    start = prefix.encode()
    pattern = _glob_escape(prefix) + "*"
    cursor = None
    while cursor != 0:
        cursor, keys = client.scan(cursor or 0, match=pattern, count=_SCAN_COUNT)
        after_page()
        for key in cast(list[bytes], keys):
            rest = key[len(start) :]
            for kind in _KINDS:
                if rest.startswith(kind):
                    yield rest[len(kind) :].decode()
                    break


def _batches(items: Iterable[_Item]) -> Iterator[list[_Item]]:
    batch: list[_Item] = []
    seen: set[_Item] = set()
    for item in items:
        if item in seen:
            continue
        seen.add(item)
        batch.append(item)
        if len(batch) == _BATCH:
            yield batch
            batch, seen = [], set()
    if batch:
        yield batch


def _glob_escape(text: str) -> str:
    return "".join("\\" + c if c in "*?[]\\" else c for c in text)
