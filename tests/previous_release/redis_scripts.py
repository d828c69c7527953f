"""The Lua scripts of the release before Redis Cluster support (commit 85a34ae), as shipped."""

from __future__ import annotations

# KEYS: 1 conversation hash, 2 transcript list, 3 message-id hash, 4 conversations by update (zset),
#       5 follow-up queue (zset), 6 job data (hash), 7 job due times (hash)
# ARGV: 1 id, 2 expected version (-1 creates), 3 new version, 4 snapshot, 5 turn, 6 updated_at,
#       7 message id or '', 8 token digest (create only), 9 TTL seconds (0 keeps the keys),
#       10.. one (job id, due, job data) triple per follow-up
SAVE = """
local current = redis.call('HGET', KEYS[1], 'version')
local expected = tonumber(ARGV[2])
if expected < 0 then
  if current then return {'exists', current} end
  redis.call('HSET', KEYS[1], 'version', ARGV[3], 'snapshot', ARGV[4], 'digest', ARGV[8])
else
  if not current then return {'unknown', ''} end
  if ARGV[7] ~= '' and redis.call('HEXISTS', KEYS[3], ARGV[7]) == 1 then
    return {'duplicate', ARGV[7]}
  end
  if tonumber(current) ~= expected then return {'conflict', current} end
  redis.call('HSET', KEYS[1], 'version', ARGV[3], 'snapshot', ARGV[4])
end
local position = redis.call('RPUSH', KEYS[2], ARGV[5])
if ARGV[7] ~= '' then redis.call('HSET', KEYS[3], ARGV[7], position - 1) end
redis.call('ZADD', KEYS[4], ARGV[6], ARGV[1])
for i = 10, #ARGV, 3 do
  if redis.call('HSETNX', KEYS[6], ARGV[i], ARGV[i + 2]) == 1 then
    redis.call('HSET', KEYS[7], ARGV[i], ARGV[i + 1])
    redis.call('ZADD', KEYS[5], ARGV[i + 1], ARGV[i])
  end
end
local ttl = tonumber(ARGV[9])
if ttl > 0 then
  redis.call('EXPIRE', KEYS[1], ttl)
  redis.call('EXPIRE', KEYS[2], ttl)
  redis.call('EXPIRE', KEYS[3], ttl)
end
return {'ok', ARGV[3]}
"""

# KEYS: 1 queue, 2 job data, 3 job due times, 4 job workers, 5 job attempts
# ARGV: 1 now, 2 lease end, 3 worker, 4 limit
# A leased job stays in the queue scored by its lease end, so it becomes claimable when the lease
# expires without any sweeper.
CLAIM = """
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[4]))
local claimed = {}
for _, id in ipairs(ids) do
  redis.call('ZADD', KEYS[1], ARGV[2], id)
  redis.call('HSET', KEYS[4], id, ARGV[3])
  local attempts = redis.call('HINCRBY', KEYS[5], id, 1)
  claimed[#claimed + 1] = {redis.call('HGET', KEYS[2], id), redis.call('HGET', KEYS[3], id), attempts}
end
return claimed
"""

# KEYS: as CLAIM.  ARGV: 1 job id, 2 worker
COMPLETE = """
if redis.call('HGET', KEYS[4], ARGV[1]) ~= ARGV[2] then return 0 end
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[1])
redis.call('HDEL', KEYS[3], ARGV[1])
redis.call('HDEL', KEYS[4], ARGV[1])
redis.call('HDEL', KEYS[5], ARGV[1])
return 1
"""

# KEYS: as CLAIM.  ARGV: 1 job id, 2 worker, 3 retry time
RELEASE = """
if redis.call('HGET', KEYS[4], ARGV[1]) ~= ARGV[2] then return 0 end
redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
redis.call('HSET', KEYS[3], ARGV[1], ARGV[3])
redis.call('HDEL', KEYS[4], ARGV[1])
return 1
"""

# KEYS: 1 transcript list, 2 message-id hash.  ARGV: 1 message id
FIND_TURN = """
local position = redis.call('HGET', KEYS[2], ARGV[1])
if not position then return false end
return redis.call('LINDEX', KEYS[1], tonumber(position))
"""
