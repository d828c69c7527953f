"""Running many simulated conversations through a policy and adding up what happened."""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from multiprocessing import get_context

from flow.engine import Engine
from flow.errors import TactfulError
from flow.models import IssueCompensation
from flow.policy import Policy
from flow.rubric import score
from flow.simulate.conversation import Played, play
from flow.simulate.failures import failures_in
from flow.simulate.moves import read_as_meant
from flow.simulate.overlap import Gram, grams_of, template_grams, understanding_grams
from flow.simulate.pen import Pen
from flow.simulate.personas import PERSONAS
from flow.simulate.phrasebook import phrasebook
from flow.simulate.population import SimulatedClock, draw_customer
from flow.simulate.result import SimulationResult, Summary
from flow.understanding import default_understander
from flow.understanding._text import canonical_tokens

DEFAULT_MIX: dict[str, float] = {
    "calm": 4,
    "insistent": 2,
    "angry": 2,
    "abusive": 1,
    "quick_to_accept": 2,
    "asking_why": 1,
    "curious": 2,
    "sarcastic": 1,
    "scatterbrained": 1,
}
"""The persona weights used when no mix is given."""

ABANDONED = "abandoned"
"""The outcome of a conversation the customer left before anything was decided, handed over or closed."""

CHUNK = 25
"""Conversations per unit of work: what a worker process runs at a time, and how often progress moves."""

Progress = Callable[[int], None]
"""Told how many more conversations have finished."""


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


@dataclass(slots=True)
class Chunk:
    """What one unit of work brings back: a summary per conversation, the distinct texts typed, and
    the conversations themselves when asked to keep them."""

    summaries: list[Summary] = field(default_factory=list)
    texts: set[str] = field(default_factory=set)
    played: list[Played] = field(default_factory=list)


def simulate(
    policy: Policy,
    *,
    conversations: int,
    seed: int,
    mix: Mapping[str, float] | None = None,
    compensation_value: float = 10.0,
    workers: int = 1,
    keep: bool = False,
    progress: Progress | None = None,
) -> SimulationResult:
    """Run ``conversations`` simulated customers through ``policy``; the same seed and mix give the same result.

    Conversation ``i`` draws everything from its own generator seeded with ``(seed, i)``, so the
    result does not depend on ``workers`` and two policies meet the same customers. With ``keep``
    the result also holds every conversation and its turns (for a report). ``progress`` is told
    as conversations finish. Worker processes are spawned, so a script that asks for more than one
    must call this under ``if __name__ == "__main__":``.
    """
    weights = dict(mix or DEFAULT_MIX)
    bounds = [(start, min(start + CHUNK, conversations)) for start in range(0, conversations, CHUNK)]
    chunks: dict[int, Chunk] = {}
    if workers <= 1 or len(bounds) < 2:
        for start, stop in bounds:
            chunks[start] = run_chunk(policy, weights, seed, start, stop, keep=keep)
            if progress is not None:
                progress(stop - start)
    else:
        with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn")) as pool:
            futures = {
                pool.submit(run_chunk, policy, weights, seed, start, stop, keep=keep): (start, stop)
                for start, stop in bounds
            }
            for future in as_completed(futures):
                start, stop = futures[future]
                chunks[start] = future.result()
                if progress is not None:
                    progress(stop - start)
    result = SimulationResult(policy=policy.name, n=conversations, seed=seed, compensation_value=compensation_value)
    for start, _ in bounds:
        chunk = chunks[start]
        for summary in chunk.summaries:
            result.add(summary)
        result.texts |= chunk.texts
        result.played.extend(chunk.played)
    return result


@dataclass(frozen=True, slots=True)
class Player:
    """What runs the conversations of one policy in one process: an engine with the real understanding
    step, its clock, a pen, and the 4-grams of the agent's own words (to find messages that echo them)."""

    engine: Engine
    clock: SimulatedClock
    pen: Pen
    agents_words: frozenset[Gram]


_PLAYERS: dict[str, Player] = {}


def _player(policy: Policy) -> Player:
    key = policy.model_dump_json()
    player = _PLAYERS.get(key)
    if player is None:
        clock = SimulatedClock()
        engine = Engine(policy, clock=clock, understander=default_understander())
        words = understanding_grams() | template_grams(policy)
        player = _PLAYERS[key] = Player(engine, clock, Pen(policy, phrasebook()), words)
    return player


def run_chunk(
    policy: Policy, mix: Mapping[str, float], seed: int, start: int, stop: int, *, keep: bool = False
) -> Chunk:
    """Simulate conversations ``start`` to ``stop - 1`` of a run."""
    player = _player(policy)
    names = list(mix)
    weights = [mix[name] for name in names]
    items = phrasebook().items
    chunk = Chunk()
    for index in range(start, stop):
        rng = random.Random(f"{seed}:{index}")
        persona = PERSONAS[rng.choices(names, weights)[0]]
        customer = draw_customer(rng, persona.name, items=items, sloppiness=persona.sloppiness)
        played = play(player.engine, player.clock, player.pen, persona, customer, rng, cid=f"sim-{seed}-{index:06d}")
        chunk.summaries.append(summarize(played, policy, player.agents_words))
        chunk.texts.update(said.text for said in played.said if said.text is not None)
        if keep:
            chunk.played.append(played)
    return chunk


def summarize(played: Played, policy: Policy, agents_words: frozenset[Gram] = frozenset()) -> Summary:
    """Reduce a played conversation to what the totals need, scoring it on the rubric; a message echoes
    the agent when it shares a word 4-gram with ``agents_words``."""
    conversation = played.conversation
    turns = played.turns
    rubric = score(turns, policy=policy, facts=played.customer.known_to_host)
    typed = [said for said in played.said if said.written is not None]
    return Summary(
        persona=played.customer.persona,
        outcome=conversation.outcome or ABANDONED,
        escalation_reason=conversation.escalation_reason,
        escalated=any("escalated" in t.states_entered for t in turns),
        compensations=sum(isinstance(a, IssueCompensation) for t in turns for a in t.actions),
        messages=len(played.said),
        typed=len(typed),
        meaningful=sum(
            said.turn.signals is not None and read_as_meant(said.move, said.turn.signals) is not None for said in typed
        ),
        echoing=sum(
            not agents_words.isdisjoint(grams_of(tuple(canonical_tokens(said.written.meant))))
            for said in typed
            if said.written is not None
        ),
        score=rubric.score,
        failed=tuple(p.practice for p in rubric.points if p.status == "failed"),
        ending=played.ending,
        unresolved=played.unresolved,
        failures=tuple(failures_in(played)),
    )
