"""Local services the benchmarks need: a free port, and a private redis-server for one run."""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager

import redis

STARTUP_SECONDS = 30.0


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def redis_binary() -> str | None:
    """The redis-server program, if installed (``scripts/install-test-deps`` installs it)."""
    return shutil.which("redis-server") or shutil.which("/usr/bin/redis-server")


@contextmanager
def private_redis(binary: str) -> Iterator[str]:
    """A redis-server without persistence on a free loopback port, stopped afterwards; yields its URL."""
    port = free_port()
    command = [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
    with tempfile.TemporaryDirectory() as workdir:
        process = subprocess.Popen(command, cwd=workdir, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            url = f"redis://127.0.0.1:{port}/0"
            client = redis.Redis.from_url(url)
            deadline = time.monotonic() + STARTUP_SECONDS
            try:
                while True:
                    try:
                        client.ping()
                        break
                    except redis.ConnectionError:
                        if time.monotonic() > deadline or process.poll() is not None:
                            raise
                        time.sleep(0.02)
            finally:
                client.close()
            yield url
        finally:
            process.terminate()
            process.wait(timeout=15)
