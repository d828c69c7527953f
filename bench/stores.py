"""Turns per second through ConversationService on SQLite, Redis and PostgreSQL, against raw writes of the same rows.

    python -m bench.stores [--turns 20000] [--rounds 10] [--conversations 200] [--redis-url URL] [--postgres-url URL]

The service path is what a channel does for every customer message: check the token, load the
snapshot, run the engine, redact the transcript text, save with the version check (retrying on a
conflict). Its engine is a scripted one whose cost is negligible, so the figure is the store and
service overhead; the retail engine's own cost per turn is measured by :mod:`bench.engine`. The
baselines write the same snapshot and transcript rows, with their JSON made beforehand, and nothing
else: an UPDATE with the version check plus an INSERT in one transaction for SQLite (WAL,
synchronous NORMAL), WATCH / HGET / MULTI..EXEC on one connection for Redis, and for PostgreSQL
the same UPDATE and INSERT as SQLite's in one transaction on one psycopg connection, sent in
pipeline mode so the transaction costs one round trip (PostgreSQL's durable defaults: fsync and
synchronous commit on).

Every turn is timed on its own and the paths alternate round by round, so load from elsewhere falls on
both alike; the figure is one second divided by the median turn. Without ``--redis-url`` (or
``TACTFUL_REDIS_URL``) a private redis-server is started on a free port and stopped afterwards, and
likewise a private PostgreSQL cluster without ``--postgres-url`` (or ``TACTFUL_POSTGRES_URL``).
Prints the tables and writes ``bench/results/stores.json``.
"""

from __future__ import annotations

import argparse
import itertools
import os
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import redis

from bench.report import Figure, figures_table, median, percentile, table, write_results
from bench.services import postgres_bin, private_postgres, private_redis, redis_binary
from flow.models import Conversation, QuickReply, Signals, Turn
from flow.service import ConversationService
from flow.stores import PostgresStore, RedisStore, SqliteStore, Store

TARGETS = {"sqlite": 5_000.0, "redis": 3_000.0, "postgres": 1_000.0}
SERVICE = "ConversationService"
RAW = {
    "sqlite": "raw UPDATE + INSERT",
    "redis": "raw WATCH / MULTI / EXEC",
    "postgres": "raw psycopg UPDATE + INSERT",
}
LABELS = {"sqlite": "SQLite (WAL)", "redis": "Redis, one connection", "postgres": "PostgreSQL, one connection"}
POSTGRES_SHARE = 0.35
"""The service's share of the raw PostgreSQL writes' throughput to aim for (as SQLite's against raw SQLite)."""
T0 = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
AGENT_TEXT = (
    "Thank you for explaining what happened, and I'm sorry the parcel arrived late. We can refund "
    "orders for 30 days after purchase, and order A-1234 was bought 45 days ago, so I can't refund it."
    "\n\nWhat I can do is offer store credit for the full amount, or an exchange for another size."
)
MESSAGE = "I still want my money back for order A-1234, you can reach me at ann@example.org"


@dataclass(frozen=True)
class _Policy:
    name: str = "bench"
    version: str = "1"
    redact_personal_data: bool = True


class ScriptedEngine:
    """An engine that answers every message the same way, so the benchmark measures the stores."""

    policy = _Policy()

    def start(
        self,
        facts: dict[str, Any] | None = None,
        message: str | None = None,
        *,
        conversation_id: str | None = None,
    ) -> tuple[Conversation, Turn]:
        """A new conversation waiting in ``offering_alternatives``."""
        cid = conversation_id or os.urandom(12).hex()
        conversation = Conversation(
            id=cid,
            policy="bench",
            policy_version="1",
            state="offering_alternatives",
            facts={"order_id": "A-1234", "days_since_purchase": 45},
            quick_replies=["alternative:store_credit", "alternative:exchange"],
            version=1,
            started_at=T0,
            updated_at=T0,
        )
        return conversation, self._turn(conversation, message)

    def reply(
        self,
        conversation: Conversation,
        message: str | None = None,
        *,
        quick_reply: str | None = None,
        facts: dict[str, Any] | None = None,
    ) -> tuple[Conversation, Turn]:
        """The next version, one second later."""
        following = conversation.model_copy(
            update={
                "version": conversation.version + 1,
                "updated_at": conversation.updated_at + timedelta(seconds=1),
            }
        )
        return following, self._turn(following, message)

    @staticmethod
    def _turn(conversation: Conversation, message: str | None) -> Turn:
        return _TURN.model_copy(
            update={
                "conversation_id": conversation.id,
                "number": conversation.version,
                "at": conversation.updated_at,
                "customer_text": message,
            }
        )


_TURN = Turn(
    conversation_id="template",
    number=1,
    at=T0,
    signals=Signals(intent="insist", confidence=0.8, sentiment=-0.3, slots={"order_id": "A-1234"}),
    transitions=["message"],
    states_entered=["offering_alternatives"],
    state="offering_alternatives",
    text=AGENT_TEXT,
    quick_replies=[
        QuickReply(title="Store credit", payload="alternative:store_credit"),
        QuickReply(title="Exchange", payload="alternative:exchange"),
    ],
)


Runner = Callable[[], None]


def _service(store: Store, conversations: int) -> Runner:
    service = ConversationService(ScriptedEngine(), store)
    opened = itertools.cycle([service.start(message=MESSAGE) for _ in range(conversations)])

    def turn() -> None:
        started = next(opened)
        service.reply(started.conversation.id, token=started.token, text=MESSAGE)

    return turn


def _payloads(turns: int, conversations: int) -> Iterator[tuple[str, int, str, str, int]]:
    engine = ScriptedEngine()
    current = [engine.start(message=MESSAGE, conversation_id=f"raw-{n}")[0] for n in range(conversations)]
    for n in range(turns):
        following, turn = engine.reply(current[n % conversations], MESSAGE)
        current[n % conversations] = following
        yield (
            following.id,
            following.version,
            following.model_dump_json(),
            turn.model_dump_json(),
            int(following.updated_at.timestamp() * 1_000_000),
        )


_RAW_UPDATE = """UPDATE conversations SET version = ?, updated_at = ?, snapshot = ?
    WHERE id = ? AND version = ?"""
_RAW_INSERT = "INSERT INTO transcript (conversation_id, version, message_id, turn) VALUES (?, ?, NULL, ?)"


def _raw_sqlite(db: sqlite3.Connection, total: int, conversations: int) -> Runner:
    for n in range(conversations):
        db.execute("INSERT INTO conversations VALUES (?, 1, 0, 'digest', '{}')", (f"raw-{n}",))
    payloads = iter(list(_payloads(total, conversations)))

    def turn() -> None:
        cid, version, snapshot, transcript_turn, updated = next(payloads)
        db.execute("BEGIN IMMEDIATE")
        db.execute(_RAW_UPDATE, (version, updated, snapshot, cid, version - 1))
        db.execute(_RAW_INSERT, (cid, version, transcript_turn))
        db.execute("COMMIT")

    return turn


def _raw_redis(client: redis.Redis, total: int, conversations: int) -> Runner:
    prefix = "bench-raw:"
    for n in range(conversations):
        client.hset(f"{prefix}conversation:raw-{n}", mapping={"version": 1, "snapshot": "{}"})
    payloads = iter(list(_payloads(total, conversations)))

    def turn() -> None:
        cid, version, snapshot, transcript_turn, updated = next(payloads)
        key = f"{prefix}conversation:{cid}"
        with client.pipeline() as pipe:
            pipe.watch(key)
            if int(pipe.hget(key, "version")) != version - 1:
                raise RuntimeError(f"the raw Redis path lost track of {cid}")
            pipe.multi()
            pipe.hset(key, mapping={"version": version, "snapshot": snapshot})
            pipe.rpush(f"{prefix}transcript:{cid}", transcript_turn)
            pipe.zadd(f"{prefix}conversations", {cid: updated})
            pipe.execute()

    return turn


def _raw_postgres(url: str, total: int, conversations: int) -> tuple[Runner, Callable[[], None]]:
    import psycopg

    db = psycopg.connect(url, autocommit=True)
    db.execute("CREATE SCHEMA bench_raw")
    db.execute(
        'CREATE TABLE bench_raw.conversations (id TEXT COLLATE "C" PRIMARY KEY, version INTEGER NOT NULL, '
        "updated_at BIGINT NOT NULL, token_digest TEXT NOT NULL, snapshot TEXT NOT NULL)"
    )
    db.execute(
        'CREATE TABLE bench_raw.transcript (conversation_id TEXT COLLATE "C" NOT NULL, version INTEGER NOT NULL, '
        "message_id TEXT, turn TEXT NOT NULL, PRIMARY KEY (conversation_id, version))"
    )
    for n in range(conversations):
        db.execute("INSERT INTO bench_raw.conversations VALUES (%s, 1, 0, 'digest', '{}')", (f"raw-{n}",))
    payloads = iter(list(_payloads(total, conversations)))
    db.autocommit = False
    update = (
        "UPDATE bench_raw.conversations SET version = %s, updated_at = %s, snapshot = %s WHERE id = %s AND version = %s"
    )
    insert = "INSERT INTO bench_raw.transcript (conversation_id, version, message_id, turn) VALUES (%s, %s, NULL, %s)"

    def turn() -> None:
        cid, version, snapshot, transcript_turn, updated = next(payloads)
        with db.pipeline(), db.transaction():
            db.execute(update, (version, updated, snapshot, cid, version - 1))
            db.execute(insert, (cid, version, transcript_turn))

    return turn, db.close


@dataclass(frozen=True)
class Timed:
    """The per-turn timings, in seconds, of one path."""

    store: str
    path: str
    seconds: list[float]

    @property
    def turns_per_second(self) -> float:
        """One second divided by the median turn."""
        return 1 / median(self.seconds)

    def summary(self) -> dict[str, float]:
        """Throughput from the median and from the total, and the turn's median, p90 and p99."""
        return {
            "turns_per_second": round(self.turns_per_second),
            "turns_per_second_overall": round(len(self.seconds) / sum(self.seconds)),
            "median_us": round(median(self.seconds) * 1e6, 1),
            "p90_us": round(percentile(self.seconds, 0.90) * 1e6, 1),
            "p99_us": round(percentile(self.seconds, 0.99) * 1e6, 1),
            "turns": len(self.seconds),
        }


def _alternating(store: str, paths: dict[str, Runner], turns: int, rounds: int) -> list[Timed]:
    per_round = max(1, turns // rounds)
    seen: dict[str, list[float]] = {name: [] for name in paths}
    clock = time.perf_counter
    for _ in range(rounds):
        for name, turn in paths.items():
            timings = seen[name]
            for _ in range(per_round):
                began = clock()
                turn()
                timings.append(clock() - began)
    return [Timed(store, name, timings) for name, timings in seen.items()]


@contextmanager
def _postgres_server(url: str | None) -> Iterator[str]:
    if url:
        yield url
        return
    binaries = postgres_bin()
    if binaries is None:
        raise SystemExit("no PostgreSQL server installed: run scripts/install-test-deps, or pass --postgres-url")
    with private_postgres(binaries) as private:
        yield private


@contextmanager
def _redis_server(url: str | None) -> Iterator[str]:
    if url:
        yield url
        return
    with private_redis(redis_binary() or "/usr/bin/redis-server") as private:
        yield private


def measure(
    turns: int, conversations: int, rounds: int, redis_url: str | None, postgres_url: str | None = None
) -> list[Timed]:
    """Time every path for ``turns`` turns, alternating the paths of each store over ``rounds`` rounds."""
    timed = []
    with tempfile.TemporaryDirectory() as workdir:
        SqliteStore(Path(workdir) / "raw.db").close()
        raw = sqlite3.connect(Path(workdir) / "raw.db", isolation_level=None)
        raw.execute("PRAGMA synchronous = NORMAL")
        with SqliteStore(Path(workdir) / "service.db") as store:
            paths = {SERVICE: _service(store, conversations), RAW["sqlite"]: _raw_sqlite(raw, turns, conversations)}
            timed += _alternating("sqlite", paths, turns, rounds)
        raw.close()
    with _redis_server(redis_url) as url:
        client = redis.Redis.from_url(url)
        client.flushdb()
        with RedisStore(url, prefix="bench:") as store:
            paths = {SERVICE: _service(store, conversations), RAW["redis"]: _raw_redis(client, turns, conversations)}
            timed += _alternating("redis", paths, turns, rounds)
        client.flushdb()
        client.close()
    with _postgres_server(postgres_url) as url:
        raw_turn, close_raw = _raw_postgres(url, turns, conversations)
        with PostgresStore(f"{url}?schema=bench_service") as store:
            paths = {SERVICE: _service(store, conversations), RAW["postgres"]: raw_turn}
            timed += _alternating("postgres", paths, turns, rounds)
        close_raw()
    return timed


def figures_for(timed: list[Timed]) -> list[Figure]:
    """The headline figure of each store: the service's turns per second against the raw writes'."""
    figures = []
    for store, label in LABELS.items():
        service, raw = (t for t in timed if t.store == store)
        figures.append(
            Figure(
                f"turns through ConversationService, {label}",
                "turns/s",
                service.turns_per_second,
                "higher",
                TARGETS[store],
                raw.turns_per_second,
                RAW[store],
                ratio_target=POSTGRES_SHARE if store == "postgres" else None,
                note="token check + load + scripted engine + redaction + save; 1 s / median turn",
            )
        )
    return figures


def _psycopg_version() -> str:
    import psycopg

    return f"{psycopg.__version__} ({psycopg.pq.__impl__}), libpq {psycopg.pq.version()}"


def main() -> int:
    """Measure, print and write ``bench/results/stores.json``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=20_000, help="turns per path, over all rounds")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--conversations", type=int, default=200)
    parser.add_argument("--redis-url", default=os.environ.get("TACTFUL_REDIS_URL"))
    parser.add_argument("--postgres-url", default=os.environ.get("TACTFUL_POSTGRES_URL"))
    args = parser.parse_args()
    timed = measure(args.turns, args.conversations, args.rounds, args.redis_url, args.postgres_url)
    figures = figures_for(timed)
    print(figures_table("stores: headline figures", figures))
    rows = [(t.store, t.path, *(f"{v:,}" for v in t.summary().values())) for t in timed]
    headers = ("store", "path", "turns/s (median)", "turns/s (overall)", "median µs", "p90 µs", "p99 µs", "turns")
    print(table("stores: every path", headers, rows))
    details = {
        "conversations": args.conversations,
        "rounds": args.rounds,
        "sqlite_version": sqlite3.sqlite_version,
        "redis_py": redis.__version__,
        "psycopg": _psycopg_version(),
        "paths": {f"{t.store}: {t.path}": t.summary() for t in timed},
    }
    path = write_results("stores", figures, details)
    print(f"\nwrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
