"""Redis for tests: ``TACTFUL_REDIS_URL`` or a private redis-server for the session, and one a test owns."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import redis

from tests.plugins.live_server import free_port

REDIS_SERVER = Path("/usr/bin/redis-server")
_STARTUP_SECONDS = 10.0


def _wait_until_ready(url: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + _STARTUP_SECONDS
    client = redis.Redis.from_url(url)
    try:
        while True:
            try:
                client.ping()
                return
            except redis.ConnectionError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise
                time.sleep(0.02)
    finally:
        client.close()


def redis_binary() -> Path:
    """The redis-server executable; fails the test when it is not installed."""
    binary = REDIS_SERVER if REDIS_SERVER.exists() else shutil.which("redis-server")
    if binary is None:
        pytest.fail(f"{REDIS_SERVER} is missing: run scripts/install-test-deps, or set TACTFUL_REDIS_URL")
    return Path(binary)


@dataclass
class RedisProcess:
    """A redis-server process on a free port of 127.0.0.1, with no persistence."""

    workdir: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        """The URL of database 0."""
        return f"redis://127.0.0.1:{self.port}/0"

    @property
    def log(self) -> Path:
        """Where the server writes its output."""
        return self.workdir / "redis.log"

    def start(self) -> RedisProcess:
        """Run the server (again, on the same port) and wait until it answers."""
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [
                    *(str(redis_binary()), "--port", str(self.port), "--bind", "127.0.0.1"),
                    *("--save", "", "--appendonly", "no", "--dir", str(self.workdir)),
                ],
                cwd=self.workdir,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        try:
            _wait_until_ready(self.url, self.process)
        except redis.ConnectionError:
            pytest.fail(f"redis-server did not start on port {self.port}; see {self.log}")
        return self

    def pause(self) -> None:
        """Freeze the server (SIGSTOP): connections are accepted by the kernel but nothing answers."""
        assert self.process is not None
        self.process.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        """Let a paused server run again (SIGCONT)."""
        assert self.process is not None
        self.process.send_signal(signal.SIGCONT)

    @contextmanager
    def paused(self) -> Iterator[None]:
        """Frozen for the block, running again afterwards whatever happens in it."""
        self.pause()
        try:
            yield
        finally:
            self.resume()

    def stop(self) -> None:
        """End the server and wait for it."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGCONT)
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture
def own_redis(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisProcess]:
    """A redis-server for one test alone, which the test may pause, stop and start again."""
    server = RedisProcess(tmp_path_factory.mktemp("own-redis")).start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The URL of a Redis server that lives as long as the test session."""
    configured = os.environ.get("TACTFUL_REDIS_URL")
    if configured:
        yield configured
        return
    server = RedisProcess(tmp_path_factory.mktemp("redis")).start()
    try:
        yield server.url
    finally:
        server.stop()
