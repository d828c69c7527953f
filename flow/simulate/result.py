"""The totals of a simulation run: outcomes, escalations, compensation, rubric, and where the flow failed."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from flow.simulate.conversation import Ending, Played
from flow.simulate.failures import Failure, FailureKind

EXAMPLES = 5
"""How many examples of each kind of failure a result keeps: the first ones in conversation order, one
for each different message."""


@dataclass(frozen=True, slots=True)
class Summary:
    """What one simulated conversation adds to the totals."""

    persona: str
    outcome: str
    escalation_reason: str | None
    escalated: bool
    compensations: int
    messages: int
    typed: int
    meaningful: int
    """Typed messages that meant something in particular (not off-topic or unreadable on purpose)."""
    echoing: int
    """Typed messages (as meant, before typos) that share a word 4-gram with the agent's own words."""
    score: float
    failed: tuple[str, ...]
    ending: Ending
    unresolved: bool
    failures: tuple[Failure, ...]


@dataclass(slots=True)
class SimulationResult:
    """The totals of a simulation run.

    ``failures`` counts each kind of failure (:data:`flow.simulate.failures.FAILURES`) and
    ``examples`` keeps the first few of each; ``endings`` says how the chats ended and ``unresolved``
    how many ended with nothing decided, handed over or closed. ``texts`` holds every distinct
    message the customers typed.
    """

    policy: str
    n: int
    seed: int
    compensation_value: float
    outcomes: Counter[str] = field(default_factory=Counter)
    personas: Counter[str] = field(default_factory=Counter)
    escalation_reasons: Counter[str] = field(default_factory=Counter)
    failed_practices: Counter[str] = field(default_factory=Counter)
    endings: Counter[str] = field(default_factory=Counter)
    failures: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[Failure]] = field(default_factory=dict)
    escalated: int = 0
    compensations: int = 0
    full_marks: int = 0
    score_total: float = 0.0
    messages_total: int = 0
    typed_total: int = 0
    meaningful_total: int = 0
    echoing_total: int = 0
    unresolved: int = 0
    texts: set[str] = field(default_factory=set)
    played: list[Played] = field(default_factory=list)
    """Every conversation, when the run was asked to keep them."""

    def add(self, summary: Summary) -> None:
        """Count one conversation."""
        self.outcomes[summary.outcome] += 1
        self.personas[summary.persona] += 1
        if summary.escalation_reason is not None:
            self.escalation_reasons[summary.escalation_reason] += 1
        self.failed_practices.update(summary.failed)
        self.endings[summary.ending] += 1
        self.escalated += summary.escalated
        self.compensations += summary.compensations
        self.full_marks += not summary.failed
        self.score_total += summary.score
        self.messages_total += summary.messages
        self.typed_total += summary.typed
        self.meaningful_total += summary.meaningful
        self.echoing_total += summary.echoing
        self.unresolved += summary.unresolved
        for failure in summary.failures:
            self.failures[failure.kind] += 1
            kept = self.examples.setdefault(failure.kind, [])
            if len(kept) < EXAMPLES and all(f.intended != failure.intended for f in kept):
                kept.append(failure)

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
    def full_marks_share(self) -> float:
        """The share of conversations that failed no practice of the rubric, 0 to 1."""
        return self.full_marks / self.n if self.n else 0.0

    @property
    def mean_messages(self) -> float:
        """The mean number of customer messages per conversation."""
        return self.messages_total / self.n if self.n else 0.0

    @property
    def distinct_texts(self) -> int:
        """How many different messages the customers typed."""
        return len(self.texts)

    @property
    def echoing_share(self) -> float:
        """The share of typed messages that share a word 4-gram with the understanding step's phrase lists
        or the agent's templates, 0 to 1."""
        return self.echoing_total / self.typed_total if self.typed_total else 0.0

    @property
    def unread(self) -> int:
        """Typed messages that meant something and of which the agent could read nothing."""
        return self.failures["unread"]

    def share_of_messages(self, kind: FailureKind) -> float:
        """Failures of ``kind`` over the typed messages that meant something, 0 to 1."""
        return self.failures[kind] / self.meaningful_total if self.meaningful_total else 0.0

    def failure_examples(self, kind: FailureKind) -> list[Failure]:
        """The first few failures of ``kind``."""
        return list(self.examples.get(kind, ()))
