"""Building the one shared ``transitions`` Machine of a policy, and checking its graph first."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable
from typing import Any

from transitions import Event, Machine, MachineError

from flow.errors import FlowDefinitionError
from flow.graph import EDGES, FINAL, INITIAL, Edge, Trigger
from flow.policy import Policy
from flow.vocabulary import STATES
from states import SPECS

TRIGGERS: tuple[Trigger, ...] = ("message", "next", "check_in")
_DISABLED_HINT = {
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
        if state == "compensation" and policy.compensation is None:
            continue  # a policy without a goodwill offer simply never makes one
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
    rules: Any,
    taken: Callable[[Edge, Any], None],
) -> tuple[Machine, tuple[Edge, ...]]:
    """One Machine for every conversation of ``policy``; raise :class:`FlowDefinitionError` if it cannot run.

    Each trigger (``message``, ``next``, ``check_in``) is one Machine event. Every edge becomes one of
    its conditional transitions, added in priority order, so the Machine itself tries the edges of
    the current state in order and takes the first whose guard holds: an edge's condition is its guard,
    called with the model the event was triggered on and ``rules``, and ``taken(edge, model)`` runs
    after the transition. Models are never registered with the Machine:
    each turn triggers events on a short-lived :class:`flow.run.Run`, so the Machine holds no
    per-conversation state. Its events are :class:`LeanEvent`, which take the same transitions without
    the library's per-trigger machinery.
    """
    edges = live_edges(policy)
    problems = check_graph(policy, edges)
    if problems:
        raise FlowDefinitionError(policy.name, problems)
    machine = SharedMachine(
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
            conditions=[_Checked(edge, rules)],
            after=[_Taken(taken, edge)],
        )
    return machine, edges


class LeanEvent(Event):
    """A ``transitions`` Event for the shared Machine: the stock trigger semantics without its per-call cost.

    The stock :meth:`transitions.Event.trigger` builds an ``EventData`` for every call, passes it
    through the Machine's queue, runs the (empty) prepare and finalize callback lists, resolves every
    condition and callback by name and logs each step at debug level: several microseconds per
    transition, on every message. The flow's Machine uses none of it: each transition has bound
    callables as its conditions and ``after`` callbacks (no ``prepare`` or ``before``), no state has
    enter or exit callbacks, the Machine has no callbacks of its own, and events are never queued.

    So this event does what the stock one does for such a Machine, directly: it tries the transitions
    of the model's state in the order they were added, takes the first whose conditions all hold (each
    called with the model, compared with its target as ``unless`` conditions are), sets the model's
    state and runs the transition's ``after`` callbacks with the model. The transitions of each state
    are read into a plan once (their conditions, destination and callbacks), and read again after a
    transition is added or removed. A state with no transition for the event raises
    :class:`transitions.MachineError`, as the stock event does when invalid triggers are not ignored.
    Returns whether a transition was taken.
    """

    def trigger(self, model: Any, *args: Any, **kwargs: Any) -> bool:
        """Take the first transition of ``model``'s state whose conditions hold."""
        plan = self._plans.get(model.state) if self._plans is not None else None
        if plan is None:
            plan = self._plan(model.state)
        for conditions, dest, after in plan:
            for holds, argument, target in conditions:
                if holds(model, argument) != target:
                    break
            else:
                model.state = dest
                for callback in after:
                    callback(model)
                return True
        return False

    _plans: dict[str, tuple[_Planned, ...]] | None = None

    def add_transition(self, transition: Any) -> None:
        """Add a transition; the plans are made again on the next trigger."""
        super().add_transition(transition)
        self._plans = None

    def _plan(self, state: str) -> tuple[_Planned, ...]:
        # Each transition's conditions and callbacks read once, in order, rather than on every trigger.
        transitions = self.transitions.get(state)
        if transitions is None:
            raise MachineError(f"Can't trigger event {self.name} from state {state}!")
        plan = tuple(
            (tuple((*_holds(c.func), c.target) for c in t.conditions), t.dest, tuple(t.after)) for t in transitions
        )
        if self._plans is None:
            self._plans = {}
        self._plans[state] = plan
        return plan


_Planned = tuple[tuple[tuple[Any, Any, bool], ...], Any, tuple[Any, ...]]
"""One transition as a plan: its conditions as (function, argument, target), each holding when
``function(model, argument)`` is ``target``; its destination and its ``after`` callbacks."""


class SharedMachine(Machine):
    """The one Machine of a policy, whose events are :class:`LeanEvent`."""

    event_cls = LeanEvent

    def remove_transition(self, trigger: str, source: str = "*", dest: str = "*") -> None:
        """Remove transitions as the stock Machine does; the events make their plans again."""
        super().remove_transition(trigger, source, dest)
        for event in self.events.values():
            if isinstance(event, LeanEvent):
                event._plans = None


def _holds(condition: Any) -> tuple[Any, Any]:
    # A plan calls an edge's guard itself, one call rather than three on every guard tried.
    if isinstance(condition, _Checked):
        return condition.when, condition.rules
    return _alone, condition


def _alone(model: Any, condition: Callable[[Any], bool]) -> bool:
    return condition(model)


class _Checked:
    """A transition condition: an edge's guard with the policy's rules, named after the guard for diagrams and logs."""

    __slots__ = ("__name__", "rules", "when")

    def __init__(self, edge: Edge, rules: Any) -> None:
        self.when = edge.when
        self.rules = rules
        self.__name__ = edge.guard

    def __call__(self, model: Any) -> bool:
        return self.when(model, self.rules)


class _Taken:
    """A transition callback bound to its edge."""

    __slots__ = ("_edge", "_taken")

    def __init__(self, taken: Callable[[Edge, Any], None], edge: Edge) -> None:
        self._taken = taken
        self._edge = edge

    def __call__(self, model: Any) -> None:
        self._taken(self._edge, model)
