"""Building the one shared ``transitions`` Machine of a policy, and checking its graph first."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable
from functools import partial
from typing import Any

from transitions import Machine

from flow import guards
from flow.errors import FlowDefinitionError
from flow.graph import EDGES, FINAL, INITIAL, Edge
from flow.policy import Policy
from flow.vocabulary import STATES
from states import SPECS


def _declinable_without_alternatives(policy: Policy) -> bool:
    return any(r.declines and not r.alternatives for r in policy.requests.values())


_POSSIBLE_EDGES: dict[tuple[str, str], Callable[[Policy], bool]] = {
    ("apologizing", "offer_compensation"): lambda p: p.compensation is not None and _declinable_without_alternatives(p),
    ("apologizing", "close_declined"): _declinable_without_alternatives,
}
_POSSIBLE: dict[str, Callable[[Policy], bool]] = {
    "ready_and_declined": lambda p: any(r.declines for r in p.requests.values()),
    "has_alternatives": lambda p: any(r.alternatives for r in p.requests.values()),
    "accepted_alternative": lambda p: any(r.alternatives for r in p.requests.values()),
    "more_alternatives": lambda p: (
        p.offer_alternatives == "one_at_a_time" and any(len(r.alternatives) > 1 for r in p.requests.values())
    ),
    "can_compensate": lambda p: p.compensation is not None,
    "cannot_check": lambda p: any(
        p.facts[fact].source == "host" for r in p.requests.values() for fact in r.needs if fact in p.facts
    ),
    "rejected_and_eligible": lambda p: p.compensation is not None,
    "callback_wanted": lambda p: p.escalation.handoff.callback,
    "callback_refused": lambda p: p.escalation.handoff.callback,
}
_DISABLED_HINT = {
    "compensation": "add a compensation section to the policy",
    "offering_alternatives": "give at least one request some alternatives",
    "explaining": "give at least one request a decline rule",
}


def live_edges(policy: Policy) -> tuple[Edge, ...]:
    """The transitions this policy can ever take, in priority order."""
    return tuple(
        edge
        for edge in EDGES
        if _POSSIBLE.get(edge.guard, _always)(policy) and _POSSIBLE_EDGES.get((edge.source, edge.name), _always)(policy)
    )


def _always(policy: Policy) -> bool:
    return True


def check_graph(policy: Policy, edges: Iterable[Edge]) -> list[str]:
    """Structural problems: unreachable states, states that cannot reach the end, chains that never stop."""
    edges = list(edges)
    problems: list[str] = []
    # Resuming after "why?" returns to a state the customer was already in, so it proves nothing about reachability.
    reachable = _closure(INITIAL, [e for e in edges if not e.name.startswith("resume_")], forward=True)
    for state in STATES:
        if state not in reachable:
            hint = _DISABLED_HINT.get(state, "check the flow's transitions")
            problems.append(f"state {state!r} is unreachable from {INITIAL!r}: {hint}")
    ends = _closure(FINAL, edges, forward=False)
    for trapped in sorted(reachable - ends):
        problems.append(f"state {trapped!r} can never reach {FINAL!r}: it traps the conversation")
    for state in STATES:
        spec = SPECS[state]
        trigger = "message" if spec.waits else "next"
        if state == FINAL:
            continue
        # The fallback belongs to the flow itself: a policy may prune it only where an earlier edge always holds.
        fallback = [e for e in EDGES if e.source == state and e.trigger == trigger and e.guard == "always"]
        if state in reachable and not fallback:
            problems.append(f"state {state!r} has no fallback {trigger!r} transition, so a turn could stall there")
    transient = {s for s in STATES if not SPECS[s].waits}
    chain = {(e.source, e.dest) for e in edges if e.trigger == "next" and e.dest in transient}
    for source, dest in chain:
        if source in _closure(dest, [e for e in edges if (e.source, e.dest) in chain], forward=True):
            problems.append(f"transient states {source!r} and {dest!r} chain in a loop within one turn")
    return problems


def _closure(start: str, edges: list[Edge], *, forward: bool) -> set[str]:
    seen = {start}
    queue = deque([start])
    while queue:
        state = queue.popleft()
        for edge in edges:
            here, there = (edge.source, edge.dest) if forward else (edge.dest, edge.source)
            if here == state and there not in seen:
                seen.add(there)
                queue.append(there)
    return seen


def event_name(edge: Edge) -> str:
    """The Machine event that takes exactly this edge: ``source:name``."""
    return f"{edge.source}:{edge.name}"


def build_machine(
    policy: Policy,
    *,
    check: Callable[[guards.Guard, Any], bool],
    taken: Callable[[Edge, Any], None],
) -> tuple[Machine, tuple[Edge, ...]]:
    """One Machine for every conversation of ``policy``; raise :class:`FlowDefinitionError` if it cannot run.

    Every edge becomes its own event (:func:`event_name`), guarded by the edge's guard:
    ``check(guard, event)`` evaluates it for the event's model and ``taken(edge, event)`` runs after the
    transition. The engine walks the edges of the current state in priority order and triggers the
    first whose guard holds, so the Machine executes exactly one transition per step. Models are
    never registered with the Machine: each turn triggers events on a short-lived
    :class:`flow.run.Run`, so the Machine holds no per-conversation state.
    """
    edges = live_edges(policy)
    problems = check_graph(policy, edges)
    if problems:
        raise FlowDefinitionError(policy.name, problems)
    machine = Machine(
        model=None,
        states=list(STATES),
        initial=INITIAL,
        auto_transitions=False,
        send_event=True,
        ignore_invalid_triggers=False,
    )
    for edge in edges:
        machine.add_transition(
            event_name(edge),
            edge.source,
            edge.dest,
            conditions=[partial(check, getattr(guards, edge.guard))],
            after=[partial(taken, edge)],
        )
    return machine, edges
