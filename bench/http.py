"""Turns per second and p99 latency through ``tactful serve`` over HTTP, against a bare FastAPI endpoint.

    python -m bench.http [--seconds 6] [--warmup 2] [--connections 64]

Each server is one uvicorn worker in its own process; the load comes from this process, 64
connections at once, each replaying a whole conversation — start, ask for a
refund, ask why, take store credit, say thanks — and starting again when it closes. Every request is
one turn. (The client is plain asyncio streams: httpx's pool cannot drive 64 connections fast
enough.) Measured against SQLite and against Redis (a private ``redis-server`` unless
``TACTFUL_REDIS_URL`` is set). The baseline is a bare FastAPI app, served the same way in the same
run, that parses the same request bodies and answers each with a recorded tactful response, so the
ratio is the share of plain HTTP + JSON throughput that tactful keeps while doing real turns.

The machine is shared and has 2 cores, one of which the load generator uses: read the ratios, not
the absolute numbers. Writes ``bench/results/http.json``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from bench.report import ROOT, Figure, figures_table, median, percentile, table, write_results

SERVE = "from flow.cli.commands_serve import app; app()"
FACTS = {"customer_name": "Dana", "order_id": "A-1234", "days_since_purchase": 45}
SCRIPT: list[dict[str, str]] = [
    {"text": "I'd like a refund for my order"},
    {"text": "why?"},
    {"quick_reply": "alternative:store_credit"},
    {"quick_reply": "thank_close"},
]
STARTUP_SECONDS = 30.0
MS = 1000.0


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


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


@contextmanager
def running(command: list[str], *, port: int, cwd: Path) -> Iterator[str]:
    """Run a server command until the block ends; yield its base URL."""
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url, process)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def tactful_command(store_url: str, port: int) -> list[str]:
    """``tactful serve`` on one worker, without the rate limit or access log a benchmark would measure."""
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
    ]


@contextmanager
def redis_server(workdir: Path) -> Iterator[str | None]:
    """``TACTFUL_REDIS_URL``, else a private redis-server for the run, else ``None``."""
    configured = os.environ.get("TACTFUL_REDIS_URL")
    if configured:
        yield configured
        return
    binary = shutil.which("redis-server") or (
        "/usr/bin/redis-server" if Path("/usr/bin/redis-server").exists() else None
    )
    if binary is None:
        yield None
        return
    port = free_port()
    command = [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
    process = subprocess.Popen(command, cwd=workdir, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        import redis

        client = redis.Redis(port=port)
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            try:
                client.ping()
                break
            except redis.ConnectionError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise
                time.sleep(0.05)
        client.close()
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=15)


def record_responses(url: str) -> dict[str, Any]:
    """One start and one message answer from a real tactful server, for the baseline to send back."""
    started = httpx.post(f"{url}/v1/conversations", json={"facts": FACTS}, timeout=30).json()
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

    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


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
            status, started = await connection.post("/v1/conversations", {"facts": FACTS})
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


async def _drive(port: int, *, connections: int, seconds: float) -> Load:
    load = Load()
    stop_at = time.monotonic() + seconds
    await asyncio.gather(*(_converse(port, load, stop_at) for _ in range(connections)))
    return load


def measure(url: str, *, connections: int, warmup: float, seconds: float) -> dict[str, Any]:
    """Turns per second and latency percentiles over ``seconds``, after ``warmup`` seconds of load."""
    began = time.monotonic()
    port = int(url.rsplit(":", 1)[1])
    load = asyncio.run(_drive(port, connections=connections, seconds=warmup + seconds))
    window_start, window_end = began + warmup, began + warmup + seconds
    latencies = [
        latency
        for finished, latency in zip(load.finished, load.latencies, strict=True)
        if window_start <= finished < window_end
    ]
    if not latencies:
        raise RuntimeError(f"no turn finished in the measured window against {url}")
    return {
        "turns": len(latencies),
        "turns_per_second": round(len(latencies) / seconds, 1),
        "p50_ms": round(median(latencies) * MS, 2),
        "p99_ms": round(percentile(latencies, 0.99) * MS, 2),
        "max_ms": round(max(latencies) * MS, 2),
        "failures": load.failures,
    }


def figures(results: dict[str, dict[str, Any]]) -> list[Figure]:
    """Throughput and p99 latency of each store, each against the bare endpoint."""
    base = results["baseline"]
    found: list[Figure] = []
    for store in ("sqlite", "redis"):
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
    """Run the load against the baseline, SQLite and Redis; print the figures and write the results."""
    parser = argparse.ArgumentParser(prog="python -m bench.http", description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=6.0, help="measured seconds per server")
    parser.add_argument("--warmup", type=float, default=2.0, help="seconds of load before measuring")
    parser.add_argument("--connections", type=int, default=64, help="concurrent connections")
    parser.add_argument("--baseline-server", type=int, metavar="PORT", help=argparse.SUPPRESS)
    parser.add_argument("--recorded", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.baseline_server:
        serve_baseline(args.baseline_server, args.recorded)
        return 0

    options = {"connections": args.connections, "warmup": args.warmup, "seconds": args.seconds}
    results: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="tactful-bench-http-") as temporary:
        workdir = Path(temporary)
        recorded_file = workdir / "recorded.json"
        port = free_port()
        with running(tactful_command(f"sqlite:///{workdir / 'bench.db'}", port), port=port, cwd=workdir) as url:
            recorded_file.write_text(json.dumps(record_responses(url)), encoding="utf-8")
            results["sqlite"] = measure(url, **options)
        port = free_port()
        baseline = [
            sys.executable,
            "-m",
            "bench.http",
            "--baseline-server",
            str(port),
            "--recorded",
            str(recorded_file),
        ]
        with running(baseline, port=port, cwd=ROOT) as url:
            results["baseline"] = measure(url, **options)
        with redis_server(workdir) as redis_url:
            if redis_url is not None:
                port = free_port()
                with running(tactful_command(redis_url, port), port=port, cwd=workdir) as url:
                    results["redis"] = measure(url, **options)

    rows = [
        (name, f"{r['turns_per_second']:,.0f}", f"{r['p50_ms']:.1f}", f"{r['p99_ms']:.1f}", r["turns"], r["failures"])
        for name, r in results.items()
    ]
    print(table("HTTP load, one uvicorn worker", ("server", "turns/s", "p50 ms", "p99 ms", "turns", "failures"), rows))
    found = figures(results)
    print(figures_table("HTTP figures", found))
    path = write_results("http", found, {"settings": options, "runs": results, "script": SCRIPT})
    print(f"\nwrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
