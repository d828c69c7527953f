"""Local services the benchmarks need: a free port, and a private redis-server or PostgreSQL for one run."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

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


def postgres_bin() -> str | None:
    """The newest PostgreSQL server's ``bin`` folder from Debian's packages, if installed."""
    found = sorted(
        (path for path in Path("/usr/lib/postgresql").glob("*/bin") if (path / "initdb").exists()),
        key=lambda path: int(path.parent.name) if path.parent.name.isdigit() else 0,
    )
    return str(found[-1]) if found else None


@contextmanager
def private_postgres(binaries: str) -> Iterator[str]:
    """A PostgreSQL cluster in a temporary folder on a free loopback port, removed afterwards; yields its URL.

    It keeps PostgreSQL's durable defaults (fsync, synchronous commit), as a production server
    would. ``initdb`` refuses root, so as root the server runs as Debian's ``postgres`` user.
    """
    as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    port = free_port()
    workdir = Path(tempfile.mkdtemp(prefix="tactful-bench-postgres-"))
    data = workdir / "data"
    if as_postgres:
        shutil.chown(workdir, "postgres", "postgres")
    pg_ctl = [*as_postgres, f"{binaries}/pg_ctl", "-D", str(data)]
    try:
        subprocess.run(
            [*as_postgres, f"{binaries}/initdb", "-D", str(data), "-U", "bench", "-A", "trust", "--no-locale"],
            check=True,
            capture_output=True,
        )
        options = f"-p {port} -k {workdir} -c listen_addresses=127.0.0.1"
        subprocess.run(
            [*pg_ctl, "-o", options, "-l", str(workdir / "log"), "-w", "start"], check=True, capture_output=True
        )
        subprocess.run(
            [*as_postgres, f"{binaries}/createdb", "-h", str(workdir), "-p", str(port), "-U", "bench", "bench"],
            check=True,
            capture_output=True,
        )
        yield f"postgresql://bench@127.0.0.1:{port}/bench"
    finally:
        subprocess.run([*pg_ctl, "-m", "immediate", "stop"], capture_output=True, check=False)
        shutil.rmtree(workdir, ignore_errors=True)
