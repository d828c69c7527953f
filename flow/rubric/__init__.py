"""The politeness rubric: which good-refusal practices a conversation followed, judged from what was said.

:func:`score` reads what a transcript shows a reader — the customer's words and buttons, the agent's
words and buttons, and the actions the host was asked to take (handoff, apply an alternative, issue
compensation, approve a request, schedule a follow-up or callback, close) — plus, optionally, the
policy (its reasons, offers, limits and tone rules) and the facts the host supplied. It never reads
the engine's state or transition names, nor the engine's reading of the customer: it reads the
customer's words again itself, in the context the agent's words set. Each practice gets one
:class:`RubricPoint`: passed, failed or not applicable, with the turn that shows it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, computed_field

from flow.models import FactValue, Turn
from flow.policy import Policy
from flow.rubric import _conduct, _practices
from flow.rubric._reading import PRACTICES, Practice, Reading, Status, Verdict
from flow.rubric._walk import read

if TYPE_CHECKING:
    from flow.engine import Understander

__all__ = ["CHECKS", "PRACTICES", "Practice", "RubricPoint", "RubricResult", "Status", "score"]

CHECKS: dict[Practice, Callable[[Reading], Verdict]] = {
    "thanked_first": _practices.thanked_first,
    "acknowledged_concern": _practices.acknowledged_concern,
    "gathered_facts": _practices.gathered_facts,
    "explained_before_refusing": _practices.explained_before_refusing,
    "reason_given": _practices.reason_given,
    "apologized": _practices.apologized,
    "offered_alternative": _practices.offered_alternative,
    "choice_acted_on": _conduct.choice_acted_on,
    "offered_compensation": _practices.offered_compensation,
    "stayed_calm": _conduct.stayed_calm,
    "irony_not_thanked": _conduct.irony_not_thanked,
    "escalated_when_needed": _conduct.escalated_when_needed,
    "escalation_warranted": _conduct.escalation_warranted,
    "scheduled_follow_up": _conduct.scheduled_follow_up,
    "no_repetition": _conduct.no_repetition,
    "closed_politely": _conduct.closed_politely,
}
"""The check that judges each practice from a :class:`Reading` of the transcript."""


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
    transcript: Sequence[Turn],
    *,
    policy: Policy | None = None,
    facts: Mapping[str, FactValue] | None = None,
    understander: Understander | None = None,
) -> RubricResult:
    """Judge one conversation's transcript against every practice in :data:`PRACTICES`.

    ``policy`` supplies the reasons, offers, fact questions, escalation limits, banned phrases,
    readability floor and compensation rule; without it, the practices that need them are not
    applicable and the defaults apply. ``facts`` are the facts the host supplied when the conversation
    started (the customer's own come from their messages). ``understander`` reads the customer's words
    (the shared default understanding step when ``None``; pass the one a conversation ran with when it
    reads another language).
    """
    turns = sorted(transcript, key=lambda t: t.number)
    reading = read(turns, policy, facts or {}, understander)
    return RubricResult(
        conversation_id=turns[0].conversation_id if turns else None,
        points=[_judge(practice, reading) for practice in PRACTICES],
    )


def _judge(practice: Practice, reading: Reading) -> RubricPoint:
    status, turn, note = CHECKS[practice](reading)
    return RubricPoint(practice=practice, status=status, turn=None if turn is None else turn.number, note=note)
