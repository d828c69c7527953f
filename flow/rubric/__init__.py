"""The politeness rubric: which good-refusal practices a conversation followed, judged from its transcript.

:func:`score` reads only what a transcript shows — the agent's texts, the states entered, the
transitions taken, the actions and the customer's signals — plus, optionally, the policy (for its
limits and tone rules) and the facts the host supplied (for compensation eligibility). Each practice
gets one :class:`RubricPoint`: passed, failed or not applicable, with the turn that shows it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from pydantic import BaseModel, ConfigDict, computed_field

from flow.models import FactValue, Turn
from flow.policy import Policy
from flow.rubric._practices import CHECKS
from flow.rubric._reading import CHECK_IN, PRACTICES, Practice, Reading, Status, read

__all__ = ["CHECK_IN", "PRACTICES", "Practice", "RubricPoint", "RubricResult", "Status", "score"]


class RubricPoint(BaseModel):
    """One practice: whether it was followed, the turn that shows it, and why."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    practice: Practice
    status: Status
    turn: int | None = None
    note: str = ""

    @property
    def title(self) -> str:
        """The practice in words."""
        return PRACTICES[self.practice]


class RubricResult(BaseModel):
    """Every practice's point for one conversation, and the share of applicable practices followed."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    conversation_id: str | None = None
    points: list[RubricPoint]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def score(self) -> float:
        """Passed over applicable practices, 0 to 1; 1 when no practice applies."""
        judged = self.passed + self.failed
        return 1.0 if judged == 0 else round(self.passed / judged, 4)

    @property
    def passed(self) -> int:
        """How many practices were followed."""
        return sum(p.status == "passed" for p in self.points)

    @property
    def failed(self) -> int:
        """How many applicable practices were not followed."""
        return sum(p.status == "failed" for p in self.points)

    @property
    def full_marks(self) -> bool:
        """Whether no applicable practice failed."""
        return self.failed == 0

    def point(self, practice: Practice) -> RubricPoint:
        """The point for ``practice``."""
        return next(p for p in self.points if p.practice == practice)


def score(
    transcript: Sequence[Turn], *, policy: Policy | None = None, facts: Mapping[str, FactValue] | None = None
) -> RubricResult:
    """Judge one conversation's transcript against every practice in :data:`PRACTICES`.

    ``policy`` supplies the escalation limits, banned phrases, readability floor and compensation
    rule (defaults apply without it); ``facts`` are the facts the host supplied, used only to tell
    whether the customer was eligible for compensation.
    """
    turns = sorted(transcript, key=lambda t: t.number)
    reading = read(turns, policy, facts or {})
    return RubricResult(
        conversation_id=turns[0].conversation_id if turns else None,
        points=[_judge(practice, reading) for practice in PRACTICES],
    )


def _judge(practice: Practice, reading: Reading) -> RubricPoint:
    status, turn, note = CHECKS[practice](reading)
    return RubricPoint(practice=practice, status=status, turn=None if turn is None else turn.number, note=note)
