"""Running many simulated conversations through a policy and adding up what happened."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context

from flow.engine import Engine
from flow.errors import TactfulError
from flow.models import IssueCompensation
from flow.policy import Policy
from flow.rubric import score
from flow.simulate.conversation import Played, play
from flow.simulate.personas import PERSONAS
from flow.simulate.phrases import PhraseUnderstander
from flow.simulate.population import SimulatedClock, draw_customer

DEFAULT_MIX: dict[str, float] = {
    "calm": 4,
    "insistent": 2,
    "angry": 2,
    "abusive": 1,
    "quick_to_accept": 2,
    "asking_why": 1,
}
"""The persona weights used when no mix is given."""

ABANDONED = "abandoned"
"""The outcome of a conversation the customer left before it was resolved."""


class InvalidMix(TactfulError, ValueError):
    """A persona mix that names an unknown persona or has no positive weight."""

    def __init__(self, problem: str) -> None:
        self.problem = problem
        known = ", ".join(PERSONAS)
        super().__init__(f"invalid persona mix: {problem}; write it like calm=3,angry=1 using {known}")


def parse_mix(spec: str) -> dict[str, float]:
    """``"calm=3,angry=1"`` as weights by persona name; raise :class:`InvalidMix` when it is wrong."""
    mix: dict[str, float] = {}
    for part in filter(None, (p.strip() for p in spec.split(","))):
        name, sep, weight = part.partition("=")
        name = name.strip()
        if not sep or name not in PERSONAS:
            raise InvalidMix(f"{part!r} does not name a persona and a weight")
        try:
            mix[name] = float(weight)
        except ValueError:
            raise InvalidMix(f"weight {weight.strip()!r} of {name} is not a number") from None
        if mix[name] < 0:
            raise InvalidMix(f"weight of {name} is negative")
    if sum(mix.values()) <= 0:
        raise InvalidMix("no persona has a positive weight")
    return mix


@dataclass(frozen=True, slots=True)
class Summary:
    """What one simulated conversation adds to the totals."""

    persona: str
    outcome: str
    escalation_reason: str | None
    escalated: bool
    compensations: int
    messages: int
    score: float
    failed: tuple[str, ...]


@dataclass(slots=True)
class SimulationResult:
    """The totals of a simulation run: outcomes, escalations, compensation, rubric scores, turns."""

    policy: str
    n: int
    seed: int
    compensation_value: float
    outcomes: Counter[str] = field(default_factory=Counter)
    personas: Counter[str] = field(default_factory=Counter)
    escalation_reasons: Counter[str] = field(default_factory=Counter)
    failed_practices: Counter[str] = field(default_factory=Counter)
    escalated: int = 0
    compensations: int = 0
    full_marks: int = 0
    score_total: float = 0.0
    messages_total: int = 0
    played: list[Played] = field(default_factory=list)
    """Every conversation, when the run was asked to keep them."""

    def add(self, summary: Summary) -> None:
        """Count one conversation."""
        self.outcomes[summary.outcome] += 1
        self.personas[summary.persona] += 1
        if summary.escalation_reason is not None:
            self.escalation_reasons[summary.escalation_reason] += 1
        self.failed_practices.update(summary.failed)
        self.escalated += summary.escalated
        self.compensations += summary.compensations
        self.full_marks += not summary.failed
        self.score_total += summary.score
        self.messages_total += summary.messages

    @property
    def escalation_rate(self) -> float:
        """Share of conversations handed to a person (or offered a callback)."""
        return self.escalated / self.n if self.n else 0.0

    @property
    def compensation_cost(self) -> float:
        """Goodwill offers issued, times the value of one."""
        return self.compensations * self.compensation_value

    @property
    def mean_score(self) -> float:
        """The mean rubric score, 0 to 1."""
        return self.score_total / self.n if self.n else 0.0

    @property
    def mean_messages(self) -> float:
        """The mean number of customer messages per conversation."""
        return self.messages_total / self.n if self.n else 0.0


def simulate(
    policy: Policy,
    *,
    n: int,
    seed: int,
    mix: Mapping[str, float] | None = None,
    compensation_value: float = 10.0,
    workers: int = 1,
    keep: bool = False,
    progress: Callable[[int], None] | None = None,
) -> SimulationResult:
    """Run ``n`` simulated customers through ``policy``; the same seed and mix give the same result.

    Conversation ``i`` draws everything from its own generator seeded with ``(seed, i)``, so the
    result does not depend on ``workers`` and two policies meet the same customers. With ``keep``
    the result also holds every conversation and its turns (for a report). ``progress`` is called
    with the number of conversations finished since its last call. Worker processes are spawned, so
    a script that asks for more than one must call this under ``if __name__ == "__main__":``.
    """
    weights = dict(mix or DEFAULT_MIX)
    result = SimulationResult(policy=policy.name, n=n, seed=seed, compensation_value=compensation_value)
    bounds = _chunk_bounds(n, workers)
    if workers <= 1 or n < 200:
        chunks = []
        for start, stop in bounds:
            chunks.append(run_range(policy, weights, seed, start, stop, keep=keep))
            if progress is not None:
                progress(stop - start)
    else:
        with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn")) as pool:
            futures = [pool.submit(run_range, policy, weights, seed, start, stop, keep=keep) for start, stop in bounds]
            chunks = []
            for (start, stop), future in zip(bounds, futures, strict=True):
                chunks.append(future.result())
                if progress is not None:
                    progress(stop - start)
    for summaries, played in chunks:
        for summary in summaries:
            result.add(summary)
        result.played.extend(played)
    return result


_CHUNK = 500
"""Conversations run between two progress reports (and in one task of a worker process)."""


def _chunk_bounds(n: int, workers: int) -> list[tuple[int, int]]:
    size = max(min(_CHUNK, -(-n // max(workers, 1))), 1)
    return [(start, min(start + size, n)) for start in range(0, n, size)]


def run_range(
    policy: Policy, mix: Mapping[str, float], seed: int, start: int, stop: int, *, keep: bool = False
) -> tuple[list[Summary], list[Played]]:
    """Simulate conversations ``start`` to ``stop - 1`` of a run; the played ones too with ``keep``."""
    clock = SimulatedClock()
    engine = Engine(policy, clock=clock, understander=PhraseUnderstander())
    names = list(mix)
    weights = [mix[name] for name in names]
    summaries = []
    kept = []
    for index in range(start, stop):
        played = play_one(engine, clock, names, weights, seed, index)
        summaries.append(summarize(played, policy))
        if keep:
            kept.append(played)
    return summaries, kept


def play_one(
    engine: Engine, clock: SimulatedClock, names: list[str], weights: list[float], seed: int, index: int
) -> Played:
    """Conversation ``index`` of the run with ``seed``."""
    rng = random.Random(f"{seed}:{index}")
    persona = PERSONAS[rng.choices(names, weights)[0]]
    customer = draw_customer(rng, persona.name)
    return play(engine, clock, persona, customer, rng, cid=f"sim-{seed}-{index:06d}")


def summarize(played: Played, policy: Policy) -> Summary:
    """Reduce a played conversation to what the totals need, scoring it on the rubric."""
    conversation = played.conversation
    turns = played.turns
    rubric = score(turns, policy=policy, facts=played.customer.known_to_host)
    return Summary(
        persona=played.customer.persona,
        outcome=conversation.outcome or ABANDONED,
        escalation_reason=conversation.escalation_reason,
        escalated=any("escalated" in t.states_entered for t in turns),
        compensations=sum(isinstance(a, IssueCompensation) for t in turns for a in t.actions),
        messages=sum(t.signals is not None for t in turns),
        score=rubric.score,
        failed=tuple(p.practice for p in rubric.points if p.status == "failed"),
    )
