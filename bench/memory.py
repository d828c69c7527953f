"""Memory per live conversation: 100,000 snapshots held in a dict, against a Machine per conversation.

    python -m bench.memory [--conversations 100000] [--engine-built 3000] [--machines 1000] [--quick]

The population: conversation ``n`` replays the first few messages of one of the scripts in
:mod:`bench.scripts` with its own order number, so the conversations sit in every state a real
population has (just opened, asked for a fact, offered alternatives, following up, escalated, closed).
A thousand distinct conversations are built by the engine; the 100,000 are their JSON snapshots, each
with its own conversation id and order number, loaded back with ``Conversation.model_validate_json``
as a server loads them from a store, and held in a dict by id. tracemalloc counts what the dict keeps
alive once built and the garbage collected; the figure is that total over the number held. Also held
and counted: the same 100,000 as JSON text, and a smaller population exactly as the engine returns it
(to check the loaded snapshots are representative). Building 100,000 through the engine under
tracemalloc would take minutes, hence the reloading.

A second figure holds only conversations that have had at least their first message (every
conversation past its greeting), built and counted the same way: what a conversation weighs once it
is under way.

The baseline holds the same conversations with a live ``transitions`` Machine each, the conversation
registered as its model (:func:`bench.naive.bare_machine`); fewer are built, since each costs tens of
kilobytes. Signals are read once per distinct message beforehand, since how a message was understood
does not change what a conversation holds.
"""

from __future__ import annotations

import argparse
import gc
import secrets
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

from pydantic import BaseModel

from bench.engine import Recorded, typed_messages
from bench.naive import NaiveConversation, bare_machine
from bench.report import Figure, figures_table, table, write_results
from bench.scripts import IN_HOURS, POLICY, SCRIPTS, Click, Script
from flow import Conversation, Engine, Policy, load_policy
from flow.understanding import Understander

LIMIT_BYTES = 2 * 1024
DISTINCT = 1_000


def _clock() -> Any:
    return IN_HOURS


def population(count: int, *, first: int = 0) -> Iterator[tuple[int, Script, dict[str, Any], int]]:
    """For conversation ``n``: its script, its own facts, and how many of the script's messages it has sent."""
    for n in range(first, first + count):
        script = SCRIPTS[n % len(SCRIPTS)]
        facts = dict(script.facts)
        if "order_id" in facts:
            facts["order_id"] = f"{facts['order_id'][:2]}{n % 10_000:04d}"
        sent = (n // len(SCRIPTS)) % (len(script.messages) + 1)
        yield n, script, facts, sent


def build_tactful(engine: Engine, count: int, *, first: int = 0) -> dict[str, Conversation]:
    """``count`` conversations as the engine returns them, held by id."""
    held: dict[str, Conversation] = {}
    for _, script, facts, sent in population(count, first=first):
        conversation, _ = engine.start(facts=facts)
        for message in script.messages[:sent]:
            if conversation.closed:
                break
            if isinstance(message, Click):
                conversation, _ = engine.reply(conversation, quick_reply=message.payload)
            else:
                conversation, _ = engine.reply(conversation, message)
        held[conversation.id] = conversation
    return held


def build_lean_machines(policy: Policy, count: int) -> list[NaiveConversation]:
    """Conversations that each hold only :func:`bench.naive.bare_machine` besides their data."""
    held = []
    for n, _, facts, _ in population(count):
        model = NaiveConversation(f"lean-{n}", policy, facts, IN_HOURS)
        bare_machine(policy, model)
        held.append(model)
    return held


def snapshot_texts(distinct: list[Conversation], count: int) -> dict[str, str]:
    """``count`` JSON snapshots by id: the distinct ones again and again, each with its own id and order."""
    sources = [(c.id, str(c.facts.get("order_id") or ""), c.model_dump_json()) for c in distinct]
    texts: dict[str, str] = {}
    for n in range(count):
        old_id, old_order, text = sources[n % len(sources)]
        new_id = secrets.token_hex(12)
        text = text.replace(old_id, new_id)
        if old_order:
            text = text.replace(old_order, f"{old_order[:2]}{n % 10_000:04d}")
        texts[new_id] = text
    return texts


def load_snapshots(texts: list[str]) -> dict[str, Conversation]:
    """The snapshots loaded back from JSON as a store hands them over, held by id."""
    return {c.id: c for c in map(Conversation.model_validate_json, texts)}


def retained(build: Callable[[], object]) -> tuple[object, int, float]:
    """What ``build`` returns, the bytes it keeps alive (tracemalloc, after a collection) and its seconds."""
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        began = time.perf_counter()
        kept = build()
        seconds = time.perf_counter() - began
        gc.collect()
        after = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    return kept, after - before, seconds


def reachable(value: object, seen: set[int]) -> int:
    """The ``sys.getsizeof`` bytes of ``value`` and all it holds, skipping (and adding to) ``seen``."""
    if id(value) in seen or value is None or isinstance(value, bool | type):
        return 0
    seen.add(id(value))
    size = sys.getsizeof(value)
    if isinstance(value, dict):
        size += sum(reachable(k, seen) + reachable(v, seen) for k, v in value.items())
    elif isinstance(value, list | tuple | set | frozenset):
        size += sum(reachable(item, seen) for item in value)
    elif isinstance(value, BaseModel):
        size += reachable(value.__dict__, seen) + reachable(value.__pydantic_fields_set__, seen)
        size += reachable(value.__pydantic_extra__, seen) + reachable(value.__pydantic_private__, seen)
    return size


def anatomy(conversation: Conversation, other: Conversation) -> list[tuple[str, int]]:
    """Where one snapshot's own bytes go; objects it shares with ``other`` (field names, states) are left out."""
    shared: set[int] = set()
    reachable(other, shared)
    seen = shared | {id(conversation), id(conversation.__dict__)}
    parts = [
        ("the Conversation object", sys.getsizeof(conversation)),
        ("its field dict", sys.getsizeof(conversation.__dict__)),
        ("its set of fields set", reachable(conversation.__pydantic_fields_set__, seen)),
    ]
    parts += [(f"field {name}", reachable(value, seen)) for name, value in conversation.__dict__.items()]
    return [(name, size) for name, size in parts if size]


HELD_AS = {
    "objects": "Conversation objects, loaded from JSON",
    "json": "the same snapshots as JSON text",
    "engine_built": "Conversation objects as the engine returns them",
    "after_first": "Conversation objects past their first message, loaded from JSON",
    "lean_machine": "a Machine per conversation, guards named by string",
}


def _figure(name: str, measured: float, per: dict[str, float], note: str) -> Figure:
    baseline = per["lean_machine"]
    return Figure(name, "B", measured, "lower", LIMIT_BYTES, baseline, "a Machine per conversation", note=note)


def main(argv: list[str] | None = None) -> int:
    """Measure, print the tables and write ``bench/results/memory.json``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conversations", type=int, default=100_000)
    parser.add_argument("--engine-built", type=int, default=3_000, help="conversations held as the engine returns them")
    parser.add_argument("--machines", type=int, default=1_000, help="bare Machine-per-conversation conversations")
    parser.add_argument("--quick", action="store_true", help="10,000, 500 and 200 conversations: a smoke run")
    args = parser.parse_args(argv)
    sizes = (10_000, 500, 200) if args.quick else (args.conversations, args.engine_built, args.machines)
    count, built, machines = sizes
    policy = load_policy(POLICY)
    recorded = Recorded(Understander(), typed_messages())
    engine = Engine(policy, clock=_clock, understander=recorded)

    distinct = list(build_tactful(engine, DISTINCT).values())
    texts, kept_json, _ = retained(lambda: snapshot_texts(distinct, count))
    assert isinstance(texts, dict)
    json_chars = sum(len(text) for text in texts.values()) / count
    loaded, kept, seconds = retained(partial(load_snapshots, list(texts.values())))
    assert isinstance(loaded, dict)
    states: dict[str, int] = {}
    for conversation in loaded.values():
        states[conversation.state] = states.get(conversation.state, 0) + 1
    offering = [c for c in loaded.values() if c.state == "offering_alternatives"]
    parts = anatomy(offering[0], offering[1])
    del texts, loaded, offering
    under_way = [c for c in distinct if c.version > 1]
    later = snapshot_texts(under_way, count)
    _, kept_later, later_seconds = retained(partial(load_snapshots, list(later.values())))
    del later
    _, kept_built, built_seconds = retained(lambda: build_tactful(engine, built, first=DISTINCT))
    _, kept_lean, lean_seconds = retained(lambda: build_lean_machines(policy, machines))

    held = {
        "objects": (count, kept, seconds),
        "json": (count, kept_json, None),
        "engine_built": (built, kept_built, built_seconds),
        "after_first": (count, kept_later, later_seconds),
        "lean_machine": (machines, kept_lean, lean_seconds),
    }
    per = {name: total / number for name, (number, total, _) in held.items()}
    figures = [
        _figure("memory per live conversation", per["objects"], per, f"{count:,} snapshots in a dict by id"),
        _figure(
            "memory per live conversation after its first message",
            per["after_first"],
            per,
            f"{count:,} snapshots of conversations past their greeting",
        ),
        _figure("memory per conversation as JSON", per["json"], per, f"the same {count:,} as JSON text"),
        _figure(
            "memory per conversation, engine-made", per["engine_built"], per, f"{built:,} as the engine returns them"
        ),
    ]
    print(figures_table("memory: headline figures", figures))
    rows = [
        (
            HELD_AS[name],
            f"{number:,}",
            f"{total / 2**20:,.1f} MiB",
            f"{per[name]:,.0f} B",
            "—" if took is None else f"{took:.1f} s",
        )
        for name, (number, total, took) in held.items()
    ]
    print(table("memory: held", ("held as", "conversations", "retained", "per conversation", "built in"), rows))
    print(table("memory: one snapshot in offering_alternatives, own bytes", ("part", "bytes"), parts))
    print(f"states held: {', '.join(f'{s} {n:,}' for s, n in sorted(states.items()))}")
    details = {
        "held": {
            name: {"conversations": number, "retained_bytes": total, "per_conversation_bytes": round(per[name])}
            for name, (number, total, _) in held.items()
        },
        "average_json_chars": round(json_chars, 1),
        "states_held": states,
        "anatomy_bytes": dict(parts),
    }
    path = write_results("memory", figures, details)
    print(f"\nwrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
