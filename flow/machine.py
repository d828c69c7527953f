"""Building the one shared ``transitions`` Machine of a policy, and checking its graph first."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable
from typing import Any

from transitions import Machine

from flow.errors import FlowDefinitionError
from flow.graph import EDGES, FINAL, INITIAL, Edge, Trigger
from flow.policy import Policy
from flow.vocabulary import STATES
from states import SPECS

TRIGGERS: tuple[Trigger, ...] = ("message", "next", "check_in")
_DISABLED_HINT = {
    "compensation": "add a compensation section to the policy",
    "offering_alternatives": "give at least one request some alternatives",
    "explaining": "give at least one request a decline rule",
}


def live_edges(policy: Policy) -> tuple[Edge, ...]:
    """The transitions this policy can ever take, in priority order."""
    return tuple(edge for edge in EDGES if edge.possible(policy))


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


def build_machine(
    policy: Policy,
    *,
    check: Callable[[Edge, Any], bool],
    taken: Callable[[Edge, Any], None],
) -> tuple[Machine, tuple[Edge, ...]]:
    """One Machine for every conversation of ``policy``; raise :class:`FlowDefinitionError` if it cannot run.

    Each trigger (``message``, ``next``, ``check_in``) is one Machine event. Every edge becomes one of
    its conditional transitions, added in priority order, so the Machine itself tries the edges of
    the current state in order and takes the first whose guard holds: ``check(edge, event)`` evaluates
    the guard once, and ``taken(edge, event)`` runs after the transition. Models are never registered
    with the Machine: each turn triggers events on a short-lived :class:`flow.run.Run`, so the Machine
    holds no per-conversation state.
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
            edge.trigger,
            edge.source,
            edge.dest,
            conditions=[_Checked(check, edge)],
            after=[_Taken(taken, edge)],
        )
    return machine, edges


class _Checked:
    """A transition condition bound to its edge, named after the edge's guard for diagrams and logs."""

    __slots__ = ("__name__", "_check", "_edge")

    def __init__(self, check: Callable[[Edge, Any], bool], edge: Edge) -> None:
        self._check = check
        self._edge = edge
        self.__name__ = edge.guard

    def __call__(self, event: Any) -> bool:
        return self._check(self._edge, event)


class _Taken:
    """A transition callback bound to its edge."""

    __slots__ = ("_edge", "_taken")

    def __init__(self, taken: Callable[[Edge, Any], None], edge: Edge) -> None:
        self._taken = taken
        self._edge = edge

    def __call__(self, event: Any) -> None:
        self._taken(self._edge, event)
