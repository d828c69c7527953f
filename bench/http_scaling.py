"""More cores through HTTP: ``tactful serve --workers 2`` on SQLite, and two servers on one Redis.

Part of ``python -m bench http`` (run after its one-worker servers, in the same run, so the
one-worker figures are the baselines):

- *CPU per turn from 1 to 2 workers*: the same load on ``tactful serve --workers 2`` on an SQLite
  file, its CPU counted over the supervisor and both workers. Flat (within 15%) means a second
  process costs nothing per turn: the store's group commit and the shared file lock do not make
  the turns dearer.
- *Two servers on one Redis*: both loaded at once, half the connections each; their turns add up
  to the pair's throughput, compared with one server alone, and their CPU per turn with that
  server's.

The load generator takes one of this machine's 2 cores, so two processes cannot double the
throughput here: CPU per turn is the figure that says whether they would on more cores.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

from bench.report import Figure

CPU_FLAT_WITHIN = 1.15


def process_tree(pid: int) -> list[int]:
    """``pid`` and every process below it (Linux ``/proc``)."""
    found = [pid]
    for one in found:
        try:
            tasks = list(Path(f"/proc/{one}/task").iterdir())
        except OSError:
            continue
        for task in tasks:
            try:
                found.extend(int(child) for child in (task / "children").read_text().split())
            except OSError:
                continue
    return found


def wait_for_workers(pids: list[int], count: int, *, seconds: float = 60.0) -> None:
    """Wait until each supervisor in ``pids`` has ``count`` worker processes (a resource tracker aside)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if all(len(workers_of(pid)) >= count for pid in pids):
            return
        time.sleep(0.2)
    raise RuntimeError(f"the servers {pids} did not start {count} workers within {seconds:.0f} s")


def workers_of(pid: int) -> list[int]:
    """The worker processes of a uvicorn supervisor."""
    workers = []
    for child in process_tree(pid)[1:]:
        try:
            if b"resource_tracker" not in Path(f"/proc/{child}/cmdline").read_bytes():
                workers.append(child)
        except OSError:
            continue
    return workers


async def drive_together(servers: list[Any], *, connections: int, ramp: float, seconds: float) -> list[Any]:
    """Load every server at once, ``connections`` split evenly; each server's ``(load, server CPU, loader CPU)``."""
    from bench.http import _drive

    share = max(1, connections // len(servers))
    return list(await asyncio.gather(*(_drive(s, connections=share, ramp=ramp, seconds=seconds) for s in servers)))


def scaling_figures(results: dict[str, dict[str, Any]]) -> list[Figure]:
    """CPU per turn of two workers against one, and of two Redis servers together against one alone."""
    found: list[Figure] = []
    pairs = (
        ("sqlite, 2 workers", "sqlite", "one worker"),
        ("redis, 2 servers", "redis", "one server alone"),
    )
    for name, single, label in pairs:
        if name not in results or single not in results:
            continue
        run, base = results[name], results[single]
        found.append(
            Figure(
                name=f"HTTP turns/s, {name}",
                unit="turns/s",
                measured=run["turns_per_second"],
                better="higher",
                limit=None,
                baseline=base["turns_per_second"],
                baseline_label=label,
                note="2 cores, one taken by the load generator",
            )
        )
        if run.get("server_cpu_us_per_turn") and base.get("server_cpu_us_per_turn"):
            found.append(
                Figure(
                    name=f"HTTP server CPU per turn, {name}",
                    unit="µs",
                    measured=run["server_cpu_us_per_turn"],
                    better="lower",
                    limit=None,
                    baseline=base["server_cpu_us_per_turn"],
                    baseline_label=label,
                    ratio_target=round(1 / CPU_FLAT_WITHIN, 2),
                )
            )
    return found
