"""Turns per second and p99 latency through ``tactful serve`` over HTTP, against a bare FastAPI endpoint.

    python -m bench.http [--seconds 6] [--rounds 3] [--warmup 2] [--connections 64]

Each server is one uvicorn worker in its own process; the load comes from this process, 64
connections at once, each replaying a whole conversation — start, ask for a
refund, ask why, take store credit, say thanks — and starting again when it closes. Every request is
one turn. (The client is plain asyncio streams: httpx's pool cannot drive 64 connections fast
enough.) Measured against the memory store (no I/O: what the server itself costs), SQLite and Redis
(a private ``redis-server`` unless ``TACTFUL_REDIS_URL`` is set). The baseline is a bare FastAPI
app — no tactful middleware, routes or models — served by uvicorn with the same settings in the
same run, that parses the same request bodies and answers each with a recorded tactful response, so
the ratio is the share of plain HTTP + JSON throughput that tactful keeps while doing real turns.

All servers run at once and are loaded one at a time, in ``--rounds`` alternating rounds, so load
from elsewhere on the machine falls on each alike; throughput is the median of the rounds. Each
server's CPU time over the measured windows, divided by the turns it answered, gives its CPU per
turn: unlike turns per second, that does not depend on whether the server or the load generator
ran out of processor first, so it is reported beside them (with the share of a core each used).

The machine is shared and has 2 cores, one of which the load generator uses: read the ratios, not
the absolute numbers. Writes ``bench/results/http.json``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from bench.http_scaling import drive_together, process_tree, scaling_figures, wait_for_workers
from bench.report import ROOT, Figure, figures_table, median, percentile, table, write_results
from bench.services import free_port, private_redis, redis_binary

SERVE = "from flow.cli.commands_serve import app; app()"
API_KEY = "bench-host-api-key-0123456789abcdef"
"""The host application's key: conversations start server to server, as a host passing its facts does."""
FACTS = {"customer_name": "Dana", "order_id": "A-1234", "days_since_purchase": 45}
SCRIPT: list[dict[str, str]] = [
    {"text": "I'd like a refund for my order"},
    {"text": "why?"},
    {"quick_reply": "alternative:store_credit"},
    {"quick_reply": "thank_close"},
]
STARTUP_SECONDS = 30.0
RAMP_SECONDS = 0.5
SHARE_OF_BARE = {"sqlite": 0.5, "redis": 0.4}
"""The share of the bare endpoint's turns per second each store should keep (none for the memory store)."""
MS = 1000.0
US = 1_000_000.0


def wait_until_up(url: str, process: subprocess.Popen[bytes]) -> None:
    """Poll ``url``/healthz until it answers; raise if the process dies or takes too long."""
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server for {url} exited with code {process.returncode}")
        try:
            if httpx.get(f"{url}/healthz", timeout=1.0).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.05)
    raise RuntimeError(f"the server at {url} did not come up within {STARTUP_SECONDS:.0f} s")


@dataclass(frozen=True, slots=True)
class Server:
    """A server process the load can be pointed at."""

    name: str
    url: str
    pid: int

    @property
    def port(self) -> int:
        """The port it listens on."""
        return int(self.url.rsplit(":", 1)[1])


@contextmanager
def running(name: str, command: list[str], *, port: int, cwd: Path) -> Iterator[Server]:
    """Run a server command until the block ends."""
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url, process)
        yield Server(name, url, process.pid)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def cpu_seconds(pid: int) -> float | None:
    """User plus system CPU time a process has used so far (Linux ``/proc``), or ``None`` elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def tree_cpu_seconds(pid: int) -> float | None:
    """CPU time of ``pid`` and the processes below it (a supervisor and its workers), or ``None`` elsewhere."""
    own = cpu_seconds(pid)
    if own is None:
        return None
    return own + sum(cpu_seconds(child) or 0.0 for child in process_tree(pid)[1:])


def tactful_command(store_url: str, port: int) -> list[str]:
    """``tactful serve`` on one worker, without the rate limit or access log, knowing the host's API key."""
    return [
        sys.executable,
        "-c",
        SERVE,
        "serve",
        "--store",
        store_url,
        "--port",
        str(port),
        "--rate-limit",
        "0",
        "--no-access-log",
        "--api-key",
        API_KEY,
    ]


@contextmanager
def redis_server(workdir: Path) -> Iterator[str | None]:
    """``TACTFUL_REDIS_URL``, else a private redis-server for the run, else ``None``."""
    configured = os.environ.get("TACTFUL_REDIS_URL")
    binary = redis_binary()
    if configured or binary is None:
        yield configured
        return
    with private_redis(binary) as url:
        yield url


def record_responses(url: str) -> dict[str, Any]:
    """One start and one message answer from a real tactful server, for the baseline to send back."""
    host = {"Authorization": f"Bearer {API_KEY}"}
    started = httpx.post(f"{url}/v1/conversations", json={"facts": FACTS}, headers=host, timeout=30).json()
    turn = httpx.post(
        f"{url}/v1/conversations/{started['id']}/messages",
        json=SCRIPT[0],
        headers={"Authorization": f"Bearer {started['token']}"},
        timeout=30,
    ).json()
    return {"started": started, "turn": turn}


def serve_baseline(port: int, recorded_file: Path) -> None:
    """The baseline: a bare FastAPI app on one uvicorn worker that parses JSON and sends JSON back."""
    import uvicorn
    from fastapi import FastAPI

    recorded = json.loads(recorded_file.read_text(encoding="utf-8"))
    app = FastAPI()

    @app.get("/healthz")
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.post("/v1/conversations", status_code=201)
    async def start(body: dict[str, Any]) -> dict[str, Any]:
        started: dict[str, Any] = recorded["started"]
        return started

    @app.post("/v1/conversations/{conversation_id}/messages")
    async def message(conversation_id: str, body: dict[str, Any]) -> dict[str, Any]:
        turn: dict[str, Any] = recorded["turn"]
        return turn

    # As ``tactful serve`` runs uvicorn in the benchmark (its --no-access-log; uvicorn's defaults pick
    # uvloop and httptools for both).
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="info", access_log=False, proxy_headers=True)


class Load:
    """What the load generator saw: when each turn finished, how long it took, and the failures."""

    def __init__(self) -> None:
        self.finished: list[float] = []
        self.latencies: list[float] = []
        self.failures = 0

    def record(self, began: float, ended: float) -> None:
        """One turn answered."""
        self.finished.append(ended)
        self.latencies.append(ended - began)


@dataclass
class CpuWindow:
    """CPU time the server and this process used between two moments of the measured window."""

    pid: int
    server: float | None = None
    loader: float = 0.0

    def open(self) -> None:
        """Start counting."""
        self.server = tree_cpu_seconds(self.pid)
        self.loader = time.process_time()

    def close(self) -> tuple[float | None, float]:
        """Seconds of CPU the server (``None`` when unknown) and the load generator used since ``open``."""
        now = tree_cpu_seconds(self.pid)
        server = None if now is None or self.server is None else now - self.server
        return server, time.process_time() - self.loader


class KeepAliveConnection:
    """One HTTP/1.1 keep-alive connection sending JSON posts, one at a time.

    httpx's async pool spends more time coordinating 64 connections than the servers spend
    answering them (about 60 requests per second on this machine, against 1,500 with this), so
    the load is generated with plain asyncio streams.
    """

    def __init__(self, port: int) -> None:
        self.port = port
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None

    async def post(self, path: str, payload: object, token: str | None = None) -> tuple[int, Any]:
        """Send ``payload`` as JSON; the status and the decoded JSON answer."""
        if self._reader is None or self._writer is None:
            self._reader, self._writer = await asyncio.open_connection("127.0.0.1", self.port)
        body = json.dumps(payload).encode()
        auth = f"Authorization: Bearer {token}\r\n" if token else ""
        head = (
            f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\n{auth}\r\n"
        )
        self._writer.write(head.encode() + body)
        lines = (await self._reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        length = next(int(line.split(":", 1)[1]) for line in lines if line.lower().startswith("content-length:"))
        return status, json.loads(await self._reader.readexactly(length))

    def close(self) -> None:
        """Close the socket."""
        if self._writer is not None:
            self._writer.close()


async def _converse(port: int, load: Load, stop_at: float) -> None:
    connection = KeepAliveConnection(port)
    try:
        while time.monotonic() < stop_at:
            began = time.monotonic()
            status, started = await connection.post("/v1/conversations", {"facts": FACTS}, API_KEY)
            if status != 201:
                load.failures += 1
                continue
            load.record(began, time.monotonic())
            path = f"/v1/conversations/{started['id']}/messages"
            for message in SCRIPT:
                if time.monotonic() >= stop_at:
                    return
                began = time.monotonic()
                status, _ = await connection.post(path, message, started["token"])
                if status != 200:
                    load.failures += 1
                    break
                load.record(began, time.monotonic())
    finally:
        connection.close()


async def _drive(server: Server, *, connections: int, ramp: float, seconds: float) -> tuple[Load, float | None, float]:
    """Load ``server`` for ``ramp`` + ``seconds``; the CPU counts cover the last ``seconds`` only."""
    load = Load()
    stop_at = time.monotonic() + ramp + seconds
    window = CpuWindow(server.pid)
    cpu: list[tuple[float | None, float]] = []
    loop = asyncio.get_running_loop()
    loop.call_later(ramp, window.open)
    loop.call_later(ramp + seconds, lambda: cpu.append(window.close()))
    await asyncio.gather(*(_converse(server.port, load, stop_at) for _ in range(connections)))
    server_cpu, loader_cpu = cpu[0] if cpu else (None, 0.0)
    return load, server_cpu, loader_cpu


def measure_round(
    server: Server | tuple[Server, ...], *, connections: int, ramp: float, seconds: float
) -> dict[str, Any]:
    """One round of load on ``server`` (or on a group of servers at once, the connections shared out):
    its turns, their latencies and the CPU each side used."""
    began = time.monotonic()
    if isinstance(server, tuple):
        each = asyncio.run(drive_together(list(server), connections=connections, ramp=ramp, seconds=seconds))
        load = Load()
        for one, _, _ in each:
            load.finished += one.finished
            load.latencies += one.latencies
            load.failures += one.failures
        cpus = [cpu for _, cpu, _ in each]
        server_cpu = None if None in cpus else sum(cpu or 0.0 for cpu in cpus)
        loader_cpu = each[0][2]
    else:
        load, server_cpu, loader_cpu = asyncio.run(_drive(server, connections=connections, ramp=ramp, seconds=seconds))
    window_start, window_end = began + ramp, began + ramp + seconds
    latencies = [
        latency
        for finished, latency in zip(load.finished, load.latencies, strict=True)
        if window_start <= finished < window_end
    ]
    if not latencies:
        raise RuntimeError(f"no turn finished in the measured window against {server}")
    return {
        "latencies": latencies,
        "turns_per_second": len(latencies) / seconds,
        "server_cpu_seconds": server_cpu,
        "loader_cpu_seconds": loader_cpu,
        "seconds": seconds,
        "failures": load.failures,
    }


def summarize(rounds: list[dict[str, Any]]) -> dict[str, Any]:
    """Median throughput over the rounds, latency percentiles over every turn, CPU per turn."""
    latencies = [latency for one in rounds for latency in one["latencies"]]
    turns = len(latencies)
    seconds = sum(one["seconds"] for one in rounds)
    server_cpu = [one["server_cpu_seconds"] for one in rounds]
    known = None if None in server_cpu else sum(server_cpu)
    loader_cpu = sum(one["loader_cpu_seconds"] for one in rounds)
    return {
        "turns": turns,
        "turns_per_second": round(median([one["turns_per_second"] for one in rounds]), 1),
        "turns_per_second_by_round": [round(one["turns_per_second"], 1) for one in rounds],
        "p50_ms": round(median(latencies) * MS, 2),
        "p99_ms": round(percentile(latencies, 0.99) * MS, 2),
        "max_ms": round(max(latencies) * MS, 2),
        "server_cpu_us_per_turn": None if known is None else round(known / turns * US, 1),
        "server_cores": None if known is None else round(known / seconds, 2),
        "loader_cores": round(loader_cpu / seconds, 2),
        "failures": sum(one["failures"] for one in rounds),
    }


def measure(
    servers: list[Server], *, connections: int, warmup: float, seconds: float, rounds: int
) -> dict[str, dict[str, Any]]:
    """Warm each server up, then load them one at a time in ``rounds`` alternating rounds."""
    targets: dict[str, Server | tuple[Server, ...]] = {server.name: server for server in servers}
    return measure_groups(targets, connections=connections, warmup=warmup, seconds=seconds, rounds=rounds)


def measure_groups(
    targets: dict[str, Server | tuple[Server, ...]], *, connections: int, warmup: float, seconds: float, rounds: int
) -> dict[str, dict[str, Any]]:
    """Warm each target (a server, or servers loaded together) up, then load them in alternating rounds."""
    ramp = min(RAMP_SECONDS, warmup)
    for target in targets.values() if warmup > 0 else ():
        measure_round(target, connections=connections, ramp=0.0, seconds=warmup)
    measured: dict[str, list[dict[str, Any]]] = {name: [] for name in targets}
    for _ in range(rounds):
        for name, target in targets.items():
            one = measure_round(target, connections=connections, ramp=ramp, seconds=seconds / rounds)
            measured[name].append(one)
    return {name: summarize(found) for name, found in measured.items()}


def figures(results: dict[str, dict[str, Any]]) -> list[Figure]:
    """Throughput and p99 latency of each store, each against the bare endpoint."""
    base = results["baseline"]
    found: list[Figure] = []
    for store in ("memory", "sqlite", "redis"):
        if store not in results:
            continue
        run = results[store]
        found.append(
            Figure(
                name=f"HTTP turns/s, {store}",
                unit="turns/s",
                measured=run["turns_per_second"],
                better="higher",
                limit=None,
                baseline=base["turns_per_second"],
                baseline_label="bare FastAPI",
                ratio_target=SHARE_OF_BARE.get(store),
            )
        )
        if run.get("server_cpu_us_per_turn") and base.get("server_cpu_us_per_turn"):
            found.append(
                Figure(
                    name=f"HTTP server CPU per turn, {store}",
                    unit="µs",
                    measured=run["server_cpu_us_per_turn"],
                    better="lower",
                    limit=None,
                    baseline=base["server_cpu_us_per_turn"],
                    baseline_label="bare FastAPI",
                )
            )
        found.append(
            Figure(
                name=f"HTTP p99 latency, {store}",
                unit="ms",
                measured=run["p99_ms"],
                better="lower",
                limit=None,
                baseline=base["p99_ms"],
                baseline_label="bare FastAPI",
            )
        )
    return found


def main(argv: list[str] | None = None) -> int:
    """Load the baseline and the memory, SQLite and Redis stores; print the figures and write the results."""
    parser = argparse.ArgumentParser(prog="python -m bench.http", description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=6.0, help="measured seconds per server, over all rounds")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds the seconds are split into")
    parser.add_argument("--warmup", type=float, default=2.0, help="seconds of load on each server before measuring")
    parser.add_argument("--connections", type=int, default=64, help="concurrent connections")
    parser.add_argument(
        "--no-scaling", action="store_true", help="skip --workers 2 on SQLite and two servers on one Redis"
    )
    parser.add_argument("--baseline-server", type=int, metavar="PORT", help=argparse.SUPPRESS)
    parser.add_argument("--recorded", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.baseline_server:
        serve_baseline(args.baseline_server, args.recorded)
        return 0

    options = {"connections": args.connections, "warmup": args.warmup, "seconds": args.seconds, "rounds": args.rounds}
    with tempfile.TemporaryDirectory(prefix="tactful-bench-http-") as temporary, ExitStack() as servers:
        workdir = Path(temporary)
        recorded_file = workdir / "recorded.json"
        port = free_port()
        sqlite = servers.enter_context(
            running("sqlite", tactful_command(f"sqlite:///{workdir / 'bench.db'}", port), port=port, cwd=workdir)
        )
        recorded_file.write_text(json.dumps(record_responses(sqlite.url)), encoding="utf-8")
        port = free_port()
        baseline_command = [
            sys.executable,
            "-m",
            "bench.http",
            "--baseline-server",
            str(port),
            "--recorded",
            str(recorded_file),
        ]
        measured = [sqlite, servers.enter_context(running("baseline", baseline_command, port=port, cwd=ROOT))]
        port = free_port()
        measured.append(
            servers.enter_context(running("memory", tactful_command("memory", port), port=port, cwd=workdir))
        )
        redis_url = servers.enter_context(redis_server(workdir))
        redis_one: Server | None = None
        if redis_url is not None:
            port = free_port()
            redis_one = servers.enter_context(
                running("redis", tactful_command(redis_url, port), port=port, cwd=workdir)
            )
            measured.append(redis_one)
        targets: dict[str, Server | tuple[Server, ...]] = {server.name: server for server in measured}
        if not args.no_scaling:
            port = free_port()
            workers = [*tactful_command(f"sqlite:///{workdir / 'workers.db'}", port), "--workers", "2"]
            two = servers.enter_context(running("sqlite, 2 workers", workers, port=port, cwd=workdir))
            wait_for_workers([two.pid], 2)
            targets[two.name] = two
            if redis_url is not None and redis_one is not None:
                port = free_port()
                second = servers.enter_context(
                    running("redis, second", tactful_command(redis_url, port), port=port, cwd=workdir)
                )
                targets["redis, 2 servers"] = (redis_one, second)
        results = measure_groups(targets, **options)

    rows = [
        (
            name,
            f"{r['turns_per_second']:,.0f}",
            f"{r['p50_ms']:.1f}",
            f"{r['p99_ms']:.1f}",
            "—" if r["server_cpu_us_per_turn"] is None else f"{r['server_cpu_us_per_turn']:,.0f}",
            "—" if r["server_cores"] is None else f"{r['server_cores']:.2f}",
            f"{r['loader_cores']:.2f}",
            r["turns"],
            r["failures"],
        )
        for name, r in results.items()
    ]
    headers = (
        "server",
        "turns/s",
        "p50 ms",
        "p99 ms",
        "CPU µs/turn",
        "server cores",
        "load cores",
        "turns",
        "failures",
    )
    print(table("HTTP load (one uvicorn worker unless named)", headers, rows))
    found = figures(results) + scaling_figures(results)
    print(figures_table("HTTP figures", found))
    path = write_results("http", found, {"settings": options, "runs": results, "script": SCRIPT})
    print(f"\nwrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
