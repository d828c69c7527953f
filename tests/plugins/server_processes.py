"""Real ``tactful serve`` processes on free ports of 127.0.0.1, started and stopped by tests.

Tests that need a server they can kill (``SIGKILL`` mid-load) or several servers sharing one store
use :func:`tactful_servers`; in-thread servers for the widget live in ``live_server``.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
import redis

from tests.plugins.host_keys import HOST_ARGS
from tests.plugins.live_server import free_port, wait_until_healthy

_STARTUP_SECONDS = 30.0
_STOP_SECONDS = 15.0


def tactful_command() -> list[str]:
    """The installed ``tactful`` console script beside this interpreter."""
    script = Path(sys.executable).with_name("tactful")
    found = str(script) if script.exists() else shutil.which("tactful")
    if found is None:
        pytest.fail("the tactful console script is not installed; run `pip install -e .`")
    return [found]


@dataclass
class ServerProcess:
    """One ``tactful serve`` child process and where its output goes."""

    store_url: str
    port: int
    log: Path
    extra_args: tuple[str, ...] = ()
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        """The base URL clients use."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def alive(self) -> bool:
        """Whether the process is still running."""
        return self.process is not None and self.process.poll() is None

    def start(self) -> ServerProcess:
        """Run the server (again, on the same port and store) and wait until it answers ``/healthz``."""
        args = [
            *tactful_command(),
            "serve",
            "--store",
            self.store_url,
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            *HOST_ARGS,
            *self.extra_args,
        ]
        environment = {**os.environ, "PYTHONUNBUFFERED": "1"}
        for variable in ("TACTFUL_API_KEY", "TACTFUL_METRICS_KEY", "TACTFUL_FACTS_KEY"):
            environment.pop(variable, None)
        with self.log.open("ab") as output:
            self.process = subprocess.Popen(args, stdout=output, stderr=subprocess.STDOUT, env=environment)
        try:
            wait_until_healthy(self.url, seconds=_STARTUP_SECONDS, alive=lambda: self.alive)
        except pytest.fail.Exception:
            self.stop()
            pytest.fail(f"tactful serve on port {self.port} did not start; its output:\n{self.output()}")
        return self

    def kill(self) -> None:
        """End the process with SIGKILL: no shutdown handlers, no flushing, like a power cut for the process."""
        if self.process is not None and self.alive:
            self.process.send_signal(signal.SIGKILL)
        self._reap()

    def stop(self) -> None:
        """Ask the process to exit (SIGTERM), killing it if it does not."""
        if self.process is not None and self.alive:
            self.process.terminate()
            try:
                self.process.wait(timeout=_STOP_SECONDS)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self._reap()

    def _reap(self) -> None:
        if self.process is not None:
            self.process.wait(timeout=_STOP_SECONDS)

    def output(self) -> str:
        """Everything the process printed so far (for failure messages)."""
        return self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""


class ServerPool:
    """Servers one test started; all are stopped when the test ends."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.servers: list[ServerProcess] = []

    def start(self, store_url: str, *extra_args: str) -> ServerProcess:
        """A new server on a free port serving ``store_url``, with rate limiting off unless asked."""
        if not any(arg.startswith("--rate-limit") for arg in extra_args):
            extra_args = ("--rate-limit", "0", *extra_args)
        port = free_port()
        server = ServerProcess(store_url, port, self.folder / f"serve-{port}.log", tuple(extra_args))
        self.servers.append(server)
        return server.start()

    def stop_all(self) -> None:
        """Stop every server this test started."""
        for server in self.servers:
            server.stop()


@pytest.fixture
def tactful_servers(tmp_path: Path) -> Iterator[ServerPool]:
    """Start ``tactful serve`` processes with ``tactful_servers.start(store_url)``; stopped after the test."""
    pool = ServerPool(tmp_path)
    try:
        yield pool
    finally:
        pool.stop_all()


def redis_database(redis_url: str, number: int) -> str:
    """``redis_url`` pointing at database ``number``, with tactful's keys there deleted first.

    A server started with ``--store`` uses the default ``tactful:`` prefix, so tests that share one
    Redis keep apart by database number; only keys under that prefix are removed.
    """
    parts = urlsplit(redis_url)
    url = urlunsplit(parts._replace(path=f"/{number}"))
    client = redis.Redis.from_url(url)
    try:
        stale = list(client.scan_iter(match="tactful:*", count=1000))
        if stale:
            client.delete(*stale)
    finally:
        client.close()
    return url
