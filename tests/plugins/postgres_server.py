"""A PostgreSQL server for the test session: ``TACTFUL_POSTGRES_URL`` if set, else a private cluster.

The private cluster is made with Debian's ``initdb`` in a temporary folder and started with
``pg_ctl`` on a free port of 127.0.0.1, once per session. ``initdb`` refuses to run as root, so
as root both run as the ``postgres`` user (through ``runuser``) that Debian's package creates.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.plugins.live_server import free_port

POSTGRES_ROOT = Path("/usr/lib/postgresql")
DATABASE = "tactful"
USER = "tactful"


def postgres_bin() -> Path | None:
    """The newest PostgreSQL server's ``bin`` folder that Debian's packages installed, if any."""
    versions = sorted(
        (p for p in POSTGRES_ROOT.glob("*/bin") if (p / "initdb").exists()),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
    )
    return versions[-1] if versions else None


def _as_postgres(command: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


def _run(command: list[str], what: str) -> None:
    done = subprocess.run(_as_postgres(command), capture_output=True, text=True, timeout=120, check=False)
    if done.returncode != 0:
        pytest.fail(f"{what} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """The URL of a PostgreSQL database that lives as long as the test session."""
    configured = os.environ.get("TACTFUL_POSTGRES_URL")
    if configured:
        yield configured
        return
    binaries = postgres_bin()
    if binaries is None:
        pytest.fail(
            f"no PostgreSQL server under {POSTGRES_ROOT}: run scripts/install-test-deps, or set TACTFUL_POSTGRES_URL"
        )
    # Not under pytest's temporary folder: its parents are private to root, and the server runs as postgres.
    workdir = Path(tempfile.mkdtemp(prefix="tactful-postgres-"))
    data, sockets = workdir / "data", workdir / "sockets"
    sockets.mkdir()
    if os.geteuid() == 0:
        shutil.chown(workdir, "postgres", "postgres")
        shutil.chown(sockets, "postgres", "postgres")
    port = free_port()
    _run(
        [
            str(binaries / "initdb"),
            "-D",
            str(data),
            "-U",
            USER,
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--no-locale",
            "--no-sync",
        ],
        "initdb",
    )
    settings = (
        f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c max_connections=300 "
        "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=64MB"
    )
    pg_ctl = str(binaries / "pg_ctl")
    _run(
        [pg_ctl, "-D", str(data), "-o", settings, "-l", str(workdir / "server.log"), "-w", "-t", "60", "start"],
        "pg_ctl start",
    )
    try:
        _run([str(binaries / "createdb"), "-h", str(sockets), "-p", str(port), "-U", USER, DATABASE], "createdb")
        yield f"postgresql://{USER}@127.0.0.1:{port}/{DATABASE}"
    finally:
        subprocess.run(
            _as_postgres([pg_ctl, "-D", str(data), "-m", "immediate", "-w", "stop"]), capture_output=True, check=False
        )
        shutil.rmtree(workdir, ignore_errors=True)


def fresh_schema(postgres_url: str) -> str:
    """``postgres_url`` pointing at a schema no test has used, so each test starts with empty tables."""
    return f"{postgres_url}?schema=test_{uuid.uuid4().hex[:16]}"


def drop_schema(store_url: str) -> None:
    """Remove the schema a test's store URL names, and everything in it."""
    import psycopg

    from flow.stores._postgres_schema import PostgresLocation

    location = PostgresLocation.parse(store_url)
    with psycopg.connect(location.conninfo, autocommit=True) as db:
        db.execute(f"DROP SCHEMA IF EXISTS {location.quoted_schema} CASCADE")
