"""The worst message a customer can send: time per message at 1,000 and 2,000 characters, and others' turns meanwhile.

    python -m bench.adversarial [--rounds 5] [--turns 60]

Every pattern tactful applies to customer text runs on RE2, so the time to read a message grows with
its length and nothing else. This benchmark checks that with the shapes that made the old
backtracking patterns stall (an order-number cue, runs of spaces and digits and a trailing underscore:
8 s at 1,000 characters, about 87 s at 2,000) and others built to stress each pattern: long runs of
letters, digits, dots, ``@`` and ``-``, address-like and card-like runs, spaced letters. Each message
goes through what a turn does with customer text: the understanding step, reading an e-mail and a
number fact, and redaction for the transcript. The baseline is an ordinary message of the same
length, timed in the same run; times are CPU time, the least of ``--rounds`` runs.

Then a ``tactful serve`` process (memory store, one worker) answers a normal client's conversation
turns, first alone, then while another client keeps sending it those messages at 2,000 characters:
the normal client's median turn under attack is reported beside its quiet median from the same run.
Writes ``bench/results/adversarial.json``.
"""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from bench.http import running, tactful_command
from bench.report import ROOT, Figure, figures_table, table, write_results
from bench.services import free_port
from flow.facts import read_fact
from flow.policy import FactSpec
from flow.redaction import redact
from flow.understanding import understand

LENGTHS = (1000, 2000)
MS = 1000.0
FACTS = {"customer_name": "Dana", "order_id": "A-1234", "days_since_purchase": 45}
ORDINARY = "I bought the blue kettle three weeks ago and it stopped working, so I would like my money back please. "
UNDER_ATTACK_LIMIT = 2.0
"""A normal client's median turn while another sends the worst messages: at most this many times its quiet one."""


def _repeat(piece: str, length: int) -> str:
    return (piece * (length // len(piece) + 1))[:length]


def _order_number_attack(length: int) -> str:
    spaces = length // 2
    return "order" + " " * spaces + "1" * (length - 5 - spaces - 1) + "_"


SHAPES: dict[str, Callable[[int], str]] = {
    "order cue, spaces, digits, underscore": _order_number_attack,
    "order cue, spaced digits, underscore": lambda n: "order number" + _repeat(" 1", n - 13) + "_",
    "hash and digits": lambda n: "#" + _repeat("1", n - 2) + "_",
    "letters": lambda n: _repeat("a", n),
    "digits": lambda n: _repeat("1", n),
    "dots": lambda n: _repeat(".", n),
    "at signs": lambda n: _repeat("@", n),
    "hyphens": lambda n: _repeat("-", n),
    "address run without a domain": lambda n: _repeat("a", n - 1) + "@",
    "dotted address run": lambda n: _repeat("a.", n - 3) + "@a.",
    "domain labels": lambda n: "a@" + _repeat("a-", n - 4) + ".-",
    "card-like digit groups": lambda n: _repeat("4111 ", n),
    "phone cue and digit groups": lambda n: "phone " + _repeat("1 (2) 3-", n - 6),
    "spaced letters": lambda n: _repeat("f u ", n),
    "stretched letters": lambda n: _repeat("aaab", n),
    "days ago run": lambda n: _repeat("3 days ", n - 4) + "agx",
    "characters that stand for many": lambda n: _repeat("\ufdfa", n),
}


def read_message(text: str) -> None:
    """What a turn does with customer text: understand it, read facts from it, redact it."""
    signals = understand(text)
    read_fact(FactSpec(kind="email"), text, signals)
    read_fact(FactSpec(kind="number"), text, signals)
    read_fact(FactSpec(kind="order_id", pattern=r"\b[A-Z]-\d{4}\b"), text, signals)
    redact(text)


def seconds_per_message(text: str, rounds: int) -> float:
    """The least CPU time of ``rounds`` runs of :func:`read_message`.

    CPU time rather than wall time, and the least of several: on a shared machine other processes
    only add to wall time, and the figure is about what one message costs this process.
    """
    timings = []
    for _ in range(rounds):
        began = time.process_time()
        read_message(text)
        timings.append(time.process_time() - began)
    return min(timings)


def measure_shapes(rounds: int) -> dict[str, Any]:
    """Time per message for every shape and length, and for an ordinary message of each length."""
    read_message("warm up: load the weights and compile the patterns, order A-1234, a@b.co")
    shapes = {
        name: {str(n): round(seconds_per_message(build(n), rounds) * MS, 3) for n in LENGTHS}
        for name, build in SHAPES.items()
    }
    ordinary = {str(n): round(seconds_per_message(_repeat(ORDINARY, n), rounds) * MS, 3) for n in LENGTHS}
    return {"shapes_ms": shapes, "ordinary_ms": ordinary}


def attack(url: str, stop: Any, sent: Any) -> None:
    """Keep sending the worst messages at 2,000 characters, in conversations of its own, until ``stop`` is set.

    Runs in a process of its own, so that its client work does not slow the normal client's.
    """
    messages = [build(2000) for build in SHAPES.values()]
    with httpx.Client(base_url=url, timeout=120) as http:
        while not stop.is_set():
            chat = http.post("/v1/conversations", json={"facts": FACTS}).json()
            headers = {"Authorization": f"Bearer {chat['token']}"}
            for text in messages[:8]:
                reply = http.post(f"/v1/conversations/{chat['id']}/messages", json={"text": text}, headers=headers)
                with sent.get_lock():
                    sent.value += 1
                if reply.status_code != 200 or stop.is_set():
                    break
            messages = messages[8:] + messages[:8]


def normal_turns(url: str, turns: int) -> list[float]:
    """Seconds per turn for a normal customer: start, ask for a refund, ask why, take credit, thank."""
    script = [
        {"text": "I'd like a refund for my order"},
        {"text": "why?"},
        {"quick_reply": "alternative:store_credit"},
        {"quick_reply": "thank_close"},
    ]
    timings: list[float] = []
    with httpx.Client(base_url=url, timeout=120) as http:
        while len(timings) < turns:
            began = time.perf_counter()
            chat = http.post("/v1/conversations", json={"facts": FACTS}).json()
            timings.append(time.perf_counter() - began)
            headers = {"Authorization": f"Bearer {chat['token']}"}
            for body in script:
                began = time.perf_counter()
                http.post(f"/v1/conversations/{chat['id']}/messages", json=body, headers=headers).raise_for_status()
                timings.append(time.perf_counter() - began)
    return timings[:turns]


def measure_server(turns: int, rounds: int) -> dict[str, Any]:
    """A normal client's median turn, quiet and under attack, alternating ``rounds`` times."""
    port = free_port()
    quiet: list[float] = []
    attacked: list[float] = []
    sent = 0
    with (
        tempfile.TemporaryDirectory() as workdir,
        running("tactful", tactful_command("memory", port), port=port, cwd=Path(workdir)) as server,
    ):
        normal_turns(server.url, 10)
        spawn = multiprocessing.get_context("spawn")
        for _ in range(rounds):
            quiet.append(statistics.median(normal_turns(server.url, turns)))
            stop, count = spawn.Event(), spawn.Value("i", 0)
            attacker = spawn.Process(target=attack, args=(server.url, stop, count), daemon=True)
            attacker.start()
            while count.value == 0 and attacker.is_alive():
                time.sleep(0.01)
            attacked.append(statistics.median(normal_turns(server.url, turns)))
            stop.set()
            attacker.join(timeout=120)
            sent += count.value
    return {
        "quiet_median_ms": round(statistics.median(quiet) * MS, 3),
        "attacked_median_ms": round(statistics.median(attacked) * MS, 3),
        "rounds": rounds,
        "turns_per_round": turns,
        "attack_messages_sent": sent,
    }


def figures(shapes: dict[str, Any], server: dict[str, Any]) -> list[Figure]:
    """The headline figures: the worst message at each length, its growth, and the normal client's turn."""
    found: list[Figure] = []
    times = shapes["shapes_ms"]
    for n in LENGTHS:
        name, ms = max(((s, t[str(n)]) for s, t in times.items()), key=lambda item: item[1])
        found.append(
            Figure(
                f"worst message at {n:,} characters",
                "ms",
                ms,
                "lower",
                None,
                shapes["ordinary_ms"][str(n)],
                f"an ordinary message of {n:,} characters",
                yardstick=True,
                note=f"slowest of {len(SHAPES)} shapes: {name}",
            )
        )
    growth = {name: t["2000"] / t["1000"] for name, t in times.items() if t["1000"] > 0}
    steepest = max(growth, key=growth.__getitem__)
    found.append(
        Figure(
            "steepest growth from 1,000 to 2,000 characters",
            "×",
            round(growth[steepest], 2),
            "lower",
            2.5,
            note=f"{steepest}; linear time doubles, the backtracking patterns grew about 11×",
        )
    )
    found.append(
        Figure(
            "normal client's median turn while another sends the worst messages",
            "ms",
            server["attacked_median_ms"],
            "lower",
            None,
            server["quiet_median_ms"],
            "its quiet median, same run",
            ratio_target=1 / UNDER_ATTACK_LIMIT,
            note=f"{server['attack_messages_sent']} attacking messages of 2,000 characters",
        )
    )
    return found


def main(argv: list[str] | None = None) -> int:
    """Measure, print the tables and write ``bench/results/adversarial.json``."""
    parser = argparse.ArgumentParser(prog="python -m bench.adversarial", description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="timings per message, and quiet/attack rounds")
    parser.add_argument("--turns", type=int, default=60, help="normal turns timed in each round")
    args = parser.parse_args(argv)
    shapes = measure_shapes(args.rounds)
    rows = [(name, *(f"{times[str(n)]:.2f} ms" for n in LENGTHS)) for name, times in shapes["shapes_ms"].items()]
    rows.append(("(ordinary message)", *(f"{shapes['ordinary_ms'][str(n)]:.2f} ms" for n in LENGTHS)))
    print(table("CPU time per message (understanding, facts, redaction)", ("shape", *map(str, LENGTHS)), rows))
    server = measure_server(args.turns, args.rounds)
    found = figures(shapes, server)
    print(figures_table("adversarial messages", found))
    path = write_results("adversarial", found, {**shapes, "server": server})
    print(f"\nwrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
