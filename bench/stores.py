"""Turns per second through ConversationService on SQLite and Redis, against raw writes of the same rows.

    .venv/bin/python bench/stores.py [--turns 20000] [--rounds 10] [--conversations 200] [--redis-url URL]

The service rows run the whole per-message path a channel takes (token check, load, engine, redaction,
save with the version check, retry on conflict) with a scripted engine whose cost is negligible, so
the figures are the store and service overhead. The raw rows write the same snapshot and transcript
rows with precomputed JSON and nothing else: an UPDATE with the version check plus an INSERT in one
transaction for SQLite, and WATCH / HGET / MULTI..EXEC for Redis. Without ``--redis-url`` (or
``TACTFUL_REDIS_URL``) a private redis-server is started on a free port and stopped afterwards.
Prints a table and writes ``bench/results/stores.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import socket
import sqlite3
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import redis

from flow.models import Conversation, QuickReply, Signals, Turn
from flow.service import ConversationService
from flow.stores import RedisStore, SqliteStore, Store

RESULTS = Path(__file__).parent / "results" / "stores.json"
TARGETS = {"sqlite": 5_000.0, "redis": 3_000.0}
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


Runner = Callable[[int], None]


@dataclass(frozen=True)
class Row:
    """One measured path: the best and the median of its rounds."""

    store: str
    path: str
    turns_per_round: int
    rounds: list[float]

    @property
    def best(self) -> float:
        """Turns per second in the fastest round (the least disturbed by other load)."""
        return max(self.rounds)

    @property
    def median(self) -> float:
        """Turns per second in the median round."""
        return statistics.median(self.rounds)


def _service(store: Store, conversations: int) -> Runner:
    service = ConversationService(ScriptedEngine(), store)
    opened = [service.start(message=MESSAGE) for _ in range(conversations)]
    position = 0

    def run(turns: int) -> None:
        nonlocal position
        for n in range(position, position + turns):
            started = opened[n % conversations]
            service.reply(started.conversation.id, token=started.token, text=MESSAGE)
        position += turns

    return run


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


def _raw_sqlite(db: sqlite3.Connection, total: int, conversations: int) -> Runner:
    for n in range(conversations):
        db.execute("INSERT INTO conversations VALUES (?, 1, 0, 'digest', '{}')", (f"raw-{n}",))
    payloads = iter(list(_payloads(total, conversations)))

    def run(turns: int) -> None:
        for _ in range(turns):
            cid, version, snapshot, turn, updated = next(payloads)
            db.execute("BEGIN IMMEDIATE")
            db.execute(
                "UPDATE conversations SET version = ?, updated_at = ?, snapshot = ? "
                "WHERE id = ? AND version = ?",
                (version, updated, snapshot, cid, version - 1),
            )
            db.execute(
                "INSERT INTO transcript (conversation_id, version, message_id, turn) VALUES (?, ?, NULL, ?)",
                (cid, version, turn),
            )
            db.execute("COMMIT")

    return run


def _raw_redis(client: redis.Redis, total: int, conversations: int) -> Runner:
    prefix = "bench-raw:"
    for n in range(conversations):
        client.hset(f"{prefix}conversation:raw-{n}", mapping={"version": 1, "snapshot": "{}"})
    payloads = iter(list(_payloads(total, conversations)))

    def run(turns: int) -> None:
        with client.pipeline() as pipe:
            for _ in range(turns):
                cid, version, snapshot, turn, updated = next(payloads)
                key = f"{prefix}conversation:{cid}"
                pipe.watch(key)
                if int(pipe.hget(key, "version")) != version - 1:
                    raise RuntimeError(f"raw redis run lost track of {cid}")
                pipe.multi()
                pipe.hset(key, mapping={"version": version, "snapshot": snapshot})
                pipe.rpush(f"{prefix}transcript:{cid}", turn)
                pipe.zadd(f"{prefix}conversations", {cid: updated})
                pipe.execute()

    return run


def _interleaved(store: str, paths: dict[str, Runner], turns: int, rounds: int) -> list[Row]:
    """Alternate the paths round by round, so that load from elsewhere falls on both alike."""
    per_round = max(1, turns // rounds)
    seen: dict[str, list[float]] = {name: [] for name in paths}
    for _ in range(rounds):
        for name, run in paths.items():
            began = time.perf_counter()
            run(per_round)
            seen[name].append(per_round / (time.perf_counter() - began))
    return [Row(store, name, per_round, rates) for name, rates in seen.items()]


@contextmanager
def _redis_server(url: str | None) -> Iterator[str]:
    if url:
        yield url
        return
    binary = shutil.which("redis-server") or "/usr/bin/redis-server"
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with tempfile.TemporaryDirectory() as workdir:
        server = subprocess.Popen(
            [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            cwd=workdir,
            stdout=subprocess.DEVNULL,
        )
        url = f"redis://127.0.0.1:{port}/0"
        client = redis.Redis.from_url(url)
        try:
            for _ in range(500):
                try:
                    client.ping()
                    break
                except redis.ConnectionError:
                    time.sleep(0.01)
            yield url
        finally:
            client.close()
            server.terminate()
            server.wait(timeout=10)


def measure(turns: int, conversations: int, rounds: int, redis_url: str | None) -> list[Row]:
    """Run every path for ``turns`` turns in ``rounds`` interleaved rounds."""
    rows = []
    with tempfile.TemporaryDirectory() as workdir:
        SqliteStore(Path(workdir) / "raw.db").close()
        raw = sqlite3.connect(Path(workdir) / "raw.db", isolation_level=None)
        raw.execute("PRAGMA synchronous = NORMAL")
        with SqliteStore(Path(workdir) / "service.db") as store:
            paths = {
                "ConversationService": _service(store, conversations),
                "raw UPDATE + INSERT": _raw_sqlite(raw, turns, conversations),
            }
            rows += _interleaved("sqlite", paths, turns, rounds)
        raw.close()
    with _redis_server(redis_url) as url:
        client = redis.Redis.from_url(url)
        client.flushdb()
        with RedisStore(url, prefix="bench:") as store:
            paths = {
                "ConversationService": _service(store, conversations),
                "raw WATCH / MULTI / EXEC": _raw_redis(client, turns, conversations),
            }
            rows += _interleaved("redis", paths, turns, rounds)
        client.flushdb()
        client.close()
    return rows


def report(rows: list[Row]) -> dict[str, Any]:
    """Print the table and return the summary that goes into the results file."""
    print(f"{'store':<7} {'path':<25} {'best turns/s':>12} {'median':>8} {'vs raw':>7}")
    summary: dict[str, Any] = {}
    for store in ("sqlite", "redis"):
        service, raw = (r for r in rows if r.store == store)
        ratio = service.best / raw.best
        for row in (service, raw):
            vs = f"{ratio:.2f}x" if row is service else "1.00x"
            print(f"{row.store:<7} {row.path:<25} {row.best:>12,.0f} {row.median:>8,.0f} {vs:>7}")
        summary[store] = {
            "service_turns_per_second": round(service.best),
            "service_median_turns_per_second": round(service.median),
            "raw_turns_per_second": round(raw.best),
            "raw_median_turns_per_second": round(raw.median),
            "service_vs_raw": round(ratio, 3),
            "target_turns_per_second": TARGETS[store],
            "meets_target": service.best >= TARGETS[store],
        }
    return summary


def main() -> None:
    """Measure, print and write ``bench/results/stores.json``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=20_000, help="turns per path, over all rounds")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--conversations", type=int, default=200)
    parser.add_argument("--redis-url", default=os.environ.get("TACTFUL_REDIS_URL"))
    args = parser.parse_args()
    rows = measure(args.turns, args.conversations, args.rounds, args.redis_url)
    summary = report(rows)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    results = {
        "benchmark": "stores",
        "command": (
            f"python bench/stores.py --turns {args.turns} --rounds {args.rounds} "
            f"--conversations {args.conversations}"
        ),
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "python": platform.python_version(),
            "sqlite": sqlite3.sqlite_version,
            "redis_py": redis.__version__,
            "cpus": os.cpu_count(),
            "load_average_1m": round(os.getloadavg()[0], 2),
            "platform": platform.platform(),
        },
        "rows": [
            {
                "store": row.store,
                "path": row.path,
                "turns_per_round": row.turns_per_round,
                "best_turns_per_second": round(row.best),
                "median_turns_per_second": round(row.median),
                "rounds_turns_per_second": [round(rate) for rate in row.rounds],
            }
            for row in rows
        ],
        "summary": summary,
    }
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
