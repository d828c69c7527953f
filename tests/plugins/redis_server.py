"""A Redis server for the test session: ``TACTFUL_REDIS_URL`` if set, else a private redis-server."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
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


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The URL of a Redis server that lives as long as the test session."""
    configured = os.environ.get("TACTFUL_REDIS_URL")
    if configured:
        yield configured
        return
    binary = REDIS_SERVER if REDIS_SERVER.exists() else shutil.which("redis-server")
    if binary is None:
        pytest.fail(f"{REDIS_SERVER} is missing: run scripts/install-test-deps, or set TACTFUL_REDIS_URL")
    port = free_port()
    workdir = tmp_path_factory.mktemp("redis")
    log = (workdir / "redis.log").open("wb")
    server = subprocess.Popen(
        [
            str(binary),
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(workdir),
        ],
        cwd=workdir,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"redis://127.0.0.1:{port}/0"
    try:
        try:
            _wait_until_ready(url, server)
        except redis.ConnectionError:
            pytest.fail(f"redis-server did not start on port {port}; see {workdir / 'redis.log'}")
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()
