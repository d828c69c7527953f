"""What the report shows, added up from conversation records: outcomes, flow, sentiment, rubric, turns."""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from flow.models import IssueCompensation
from flow.rubric import PRACTICES, Practice, Status
from flow.textmatch import WORD, TextPattern
from flow.transcripts import ConversationRecord

OUTCOME_LABELS: dict[str, str] = {
    "alternative_accepted": "Alternative accepted",
    "compensation_accepted": "Compensation accepted",
    "approved": "Approved (policy allowed it)",
    "escalated": "Escalated to a person",
    "callback_scheduled": "Callback booked (out of hours)",
    "declined": "Declined, customer said no to the options",
    "closed_after_abuse": "Closed after abuse",
    "customer_closed": "Customer ended the chat",
    "abandoned": "Abandoned (open and idle)",
    "in_progress": "In progress",
}
"""Every outcome the report counts, in the order it lists them."""

REASON_LABELS: dict[str, str] = {
    "anger": "Customer very upset",
    "insistence": "Kept insisting",
    "asked_for_person": "Asked for a person",
    "threat": "Mentioned legal action or a complaint",
    "turn_limit": "Conversation too long",
    "unsatisfied": "Not satisfied at follow-up",
    "unclear": "Agent could not follow the customer",
    "exception": "Needs a person to review an exception",
    "cannot_check": "Facts the shop had to give were missing",
}
"""Why conversations were handed to a person, in words."""

_ESCALATIONS: dict[str, str] = {
    "escalate_threat": "threat",
    "escalate_request": "asked_for_person",
    "escalate_anger": "anger",
    "escalate_insistence": "insistence",
    "escalate_turn_limit": "turn_limit",
    "escalate_unsatisfied": "unsatisfied",
    "escalate_unclear": "unclear",
    "review_exception": "exception",
    "escalate_cannot_check": "cannot_check",
}
"""The escalation reason each escalating transition stands for."""

_WORDS = TextPattern(rf"[^{WORD}' ]+")


@dataclass(frozen=True, slots=True)
class SentimentPoint:
    """The customers' sentiment at one message number: the mean and the middle half."""

    message: int
    mean: float
    low: float
    high: float
    count: int


@dataclass(slots=True)
class ReportData:
    """Everything the report page shows, already counted."""

    generated_at: datetime
    idle_after: timedelta
    as_of: datetime | None = None
    """The moment open conversations are judged at (abandoned once idle); ``generated_at`` when not set."""
    conversations: int = 0
    first_started: datetime | None = None
    last_updated: datetime | None = None
    outcomes: Counter[str] = field(default_factory=Counter)
    escalation_reasons: Counter[str] = field(default_factory=Counter)
    transitions: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    visits: Counter[str] = field(default_factory=Counter)
    sentiments: dict[int, list[float]] = field(default_factory=lambda: defaultdict(list))
    rubric: dict[Practice, Counter[Status]] = field(default_factory=lambda: {p: Counter() for p in PRACTICES})
    scores: list[float] = field(default_factory=list)
    escalation_phrases: Counter[tuple[str, str]] = field(default_factory=Counter)
    messages: list[int] = field(default_factory=list)
    typed: int = 0
    unread: Counter[str] = field(default_factory=Counter)
    """Customer messages in which the agent could read nothing at all, by phrasing."""
    compensations: int = 0
    lowest: list[tuple[float, str, list[str]]] = field(default_factory=list)
    """The lowest-scoring conversations: score, id, and each practice missed with its turn and what went wrong."""

    @property
    def escalated(self) -> int:
        """Conversations handed to a person or offered a callback."""
        return sum(self.escalation_reasons.values())

    @property
    def mean_score(self) -> float:
        """The mean rubric score, 0 to 1."""
        return statistics.fmean(self.scores) if self.scores else 0.0

    @property
    def full_marks(self) -> int:
        """Conversations that failed no practice."""
        return sum(score >= 1.0 for score in self.scores)

    def sentiment_curve(self, *, min_count: int = 3) -> list[SentimentPoint]:
        """Sentiment by customer message number, for numbers that at least ``min_count`` conversations reach."""
        curve = []
        for message in sorted(self.sentiments):
            values = sorted(self.sentiments[message])
            if len(values) < min_count:
                continue
            low, _, high = statistics.quantiles(values, n=4, method="inclusive") if len(values) > 1 else values * 3
            curve.append(SentimentPoint(message, statistics.fmean(values), low, high, len(values)))
        return curve


def outcome_of(record: ConversationRecord, now: datetime, idle_after: timedelta) -> str:
    """The report's outcome for one conversation; open ones are abandoned once idle for ``idle_after``."""
    conversation = record.conversation
    if conversation.outcome is not None:
        return conversation.outcome
    if conversation.closed:
        return "customer_closed"
    return "abandoned" if now - conversation.updated_at >= idle_after else "in_progress"


def phrasing(text: str) -> str:
    """A customer message reduced for counting: lower case, punctuation dropped, spaces collapsed."""
    return " ".join(_WORDS.sub(" ", text.lower()).split())


def gather(
    records: Iterable[ConversationRecord],
    *,
    now: datetime,
    idle_after: timedelta = timedelta(minutes=30),
    generated_at: datetime | None = None,
) -> ReportData:
    """Count everything the report shows from ``records``, judging open conversations as of ``now``.

    ``generated_at`` is when the report was made (``now`` when not given); the two differ for
    simulated conversations, whose clock is not the real one.
    """
    data = ReportData(generated_at=generated_at or now, idle_after=idle_after, as_of=now)
    for record in records:
        _add(data, record)
    data.lowest.sort()
    del data.lowest[10:]
    return data


def _missed(practice: Practice, turn: int | None, note: str) -> str:
    """A missed practice as a reviewer reads it: the practice, the turn that shows it, and what went wrong."""
    where = f"turn {turn}: " if turn is not None else ""
    return f"{PRACTICES[practice]} ({where}{note})"


def _add(data: ReportData, record: ConversationRecord) -> None:
    conversation = record.conversation
    data.conversations += 1
    data.first_started = min(filter(None, (data.first_started, conversation.started_at)))
    data.last_updated = max(filter(None, (data.last_updated, conversation.updated_at)))
    data.outcomes[outcome_of(record, data.as_of or data.generated_at, data.idle_after)] += 1
    if conversation.escalation_reason is not None:
        data.escalation_reasons[conversation.escalation_reason] += 1
    state: str | None = None
    visited: set[str] = set()
    message = 0
    for turn in record.turns:
        for name, entered in zip(turn.transitions, turn.states_entered, strict=False):
            data.transitions[(state or "start", name, entered)] += 1
            visited.add(entered)
            state = entered
        if turn.signals is not None and turn.customer_text:
            data.typed += 1
            if not turn.signals.facts and all(act.kind == "unknown" for act in turn.signals.acts):
                # Punctuation alone ("??") has no words left to count it by, so it is counted as written.
                data.unread[phrasing(turn.customer_text) or turn.customer_text.strip()] += 1
        if turn.signals is not None:
            message += 1
            data.sentiments[message].append(turn.signals.sentiment)
            reason = next((_ESCALATIONS[t] for t in turn.transitions if t in _ESCALATIONS), None)
            if reason is not None and turn.customer_text:
                data.escalation_phrases[(phrasing(turn.customer_text), reason)] += 1
        data.compensations += sum(isinstance(a, IssueCompensation) for a in turn.actions)
    data.visits.update(visited)
    data.messages.append(message)
    for point in record.rubric.points:
        data.rubric[point.practice][point.status] += 1
    data.scores.append(record.rubric.score)
    if not record.rubric.full_marks:
        failed = [_missed(p.practice, p.turn, p.note) for p in record.rubric.points if p.status == "failed"]
        data.lowest.append((record.rubric.score, conversation.id, failed))
        if len(data.lowest) > 100:
            data.lowest.sort()
            del data.lowest[10:]
