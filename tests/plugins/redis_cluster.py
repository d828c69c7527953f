"""A three-master Redis Cluster for the test session: ``TACTFUL_REDIS_CLUSTER_URL`` if set, else a private one.

Three ``redis-server --cluster-enabled yes`` processes on free ports of 127.0.0.1 (each with a
free cluster-bus port), joined with ``redis-cli --cluster create``, once per session.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from flow.stores._redis_client import close_client
from tests.plugins.live_server import free_port

REDIS_SERVER = Path("/usr/bin/redis-server")
MASTERS = 3
_STARTUP_SECONDS = 30.0


def _wait(check: object, what: str, servers: list[subprocess.Popen[bytes]], workdir: Path) -> None:
    deadline = time.monotonic() + _STARTUP_SECONDS
    while True:
        try:
            if check():  # type: ignore[operator]
                return
        except redis.ConnectionError:
            pass
        if any(server.poll() is not None for server in servers) or time.monotonic() > deadline:
            pytest.fail(f"the Redis Cluster did not become ready ({what}); see the logs in {workdir}")
        time.sleep(0.05)


def _answers(port: int) -> bool:
    client = redis.Redis(host="127.0.0.1", port=port)
    try:
        return bool(client.ping())
    finally:
        close_client(client)


def _cluster_ok(ports: list[int]) -> bool:
    for port in ports:
        client = redis.Redis(host="127.0.0.1", port=port)
        try:
            if client.cluster("INFO").get("cluster_state") != "ok":
                return False
        finally:
            client.close()
    return True


def _distinct_ports(count: int) -> tuple[list[int], list[int]]:
    """``count`` free ports, no two alike (the system may hand a just-released port out again), split
    into the servers' ports and their cluster bus ports."""
    found: list[int] = []
    while len(found) < count:
        port = free_port()
        if port not in found:
            found.append(port)
    half = count // 2
    return found[:half], found[half:]


@pytest.fixture(scope="session")
def redis_cluster_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The store URL of a Redis Cluster that lives as long as the test session."""
    configured = os.environ.get("TACTFUL_REDIS_CLUSTER_URL")
    if configured:
        yield configured
        return
    binary = REDIS_SERVER if REDIS_SERVER.exists() else shutil.which("redis-server")
    cli = shutil.which("redis-cli")
    if binary is None or cli is None:
        pytest.fail("redis-server or redis-cli is missing: run scripts/install-test-deps")
    workdir = tmp_path_factory.mktemp("redis-cluster")
    ports, bus_ports = _distinct_ports(2 * MASTERS)
    servers: list[subprocess.Popen[bytes]] = []
    try:
        for port, bus_port in zip(ports, bus_ports, strict=True):
            folder = workdir / str(port)
            folder.mkdir()
            with (folder / "redis.log").open("wb") as log:
                servers.append(
                    subprocess.Popen(
                        [
                            *(str(binary), "--port", str(port), "--bind", "127.0.0.1"),
                            *("--cluster-enabled", "yes", "--cluster-port", str(bus_port)),
                            *("--cluster-config-file", str(folder / "nodes.conf"), "--cluster-node-timeout", "5000"),
                            *("--save", "", "--appendonly", "no", "--dir", str(folder)),
                        ],
                        cwd=folder,
                        stdout=log,
                        stderr=subprocess.STDOUT,
                    )
                )
        for port in ports:
            _wait(lambda port=port: _answers(port), f"port {port}", servers, workdir)
        nodes = [f"127.0.0.1:{port}" for port in ports]
        created = subprocess.run(
            [cli, "--cluster", "create", *nodes, "--cluster-replicas", "0", "--cluster-yes"],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        if created.returncode != 0:
            pytest.fail(f"redis-cli --cluster create failed:\n{created.stdout}\n{created.stderr}")
        _wait(lambda: _cluster_ok(ports), "cluster_state:ok", servers, workdir)
        yield f"redis://127.0.0.1:{ports[0]}/0?cluster=yes"
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def delete_cluster_prefix(url: str, prefix: str) -> None:
    """Remove every key under ``prefix`` from every master of the cluster."""
    client = redis.RedisCluster.from_url(url.partition("?")[0])
    try:
        for key in list(client.scan_iter(match=f"{prefix}*", count=1000)):
            client.delete(key)
    finally:
        close_client(client)
