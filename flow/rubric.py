"""The politeness rubric: which good-refusal practices a conversation followed, judged from its transcript.

:func:`score` reads only what a transcript shows — the agent's texts, the states entered, the
transitions taken, the actions and the customer's signals — plus, optionally, the policy (for its
limits and tone rules) and the facts the host supplied (for compensation eligibility). Each practice
gets one :class:`RubricPoint`: passed, failed or not applicable, with the turn that shows it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, computed_field

from flow.models import (
    ApplyAlternative,
    Counters,
    FactValue,
    Handoff,
    IssueCompensation,
    ScheduleCallback,
    ScheduleFollowUp,
    Signals,
    Turn,
)
from flow.payloads import REQUEST
from flow.policy import Escalation, Policy
from flow.tone import lint, reading_ease

Practice = Literal[
    "thanked_first",
    "acknowledged_concern",
    "gathered_facts",
    "explained_before_refusing",
    "apologized",
    "offered_alternative",
    "offered_compensation",
    "stayed_calm",
    "escalated_when_needed",
    "scheduled_follow_up",
    "closed_politely",
]
Status = Literal["passed", "not_applicable", "failed"]
_Verdict = tuple[Status, Turn | None, str]

PRACTICES: dict[Practice, str] = {
    "thanked_first": "Thanked the customer first",
    "acknowledged_concern": "Acknowledged the concern",
    "gathered_facts": "Gathered the facts before deciding",
    "explained_before_refusing": "Explained clearly before refusing",
    "apologized": "Apologized",
    "offered_alternative": "Offered an alternative",
    "offered_compensation": "Offered compensation when eligible",
    "stayed_calm": "Stayed calm with an upset customer",
    "escalated_when_needed": "Escalated when a guard fired",
    "scheduled_follow_up": "Scheduled a follow-up",
    "closed_politely": "Closed politely",
}
"""Every practice the rubric checks, in the order a conversation shows them, with a readable title."""

CHECK_IN = "check_in"
"""The transition of a delivered follow-up (``Engine.check_in``); a fresh exchange starts after it."""


def _markers(joined: str) -> tuple[str, ...]:
    return tuple(joined.split("|"))


_REQUEST_INTENTS = ("request_refund", "request_cancel", "complaint")
_ACKNOWLEDGE = _markers("i understand|i see |i hear|i know|sorry to hear|i've checked|looked into|look into")
_REFUSE = _markers("can't|cannot|unable to|not able to|won't be able|no refund|not possible|we don't")
_APOLOGY = _markers("sorry|apologi")
_EMPATHY = _markers("sorry|apologi|frustrat|understand|i hear|respectful|thank|welcome|appreciate|take care")
_POLITE_CLOSE = _markers("thank|sorry|welcome|take care|have a good|glad|happy to|good news|appreciate")
_RESOLVING = (ApplyAlternative, IssueCompensation, Handoff)
_WAITING_STATES = ("listening", "offering_alternatives", "compensation", "follow_up")


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


@dataclass(frozen=True, slots=True)
class _Reading:
    """What the rubric needs to know about a transcript, worked out once."""

    turns: Sequence[Turn]
    policy: Policy | None
    facts: Mapping[str, FactValue]
    before: list[str | None]
    decision: Turn | None
    declined: bool
    tallies: list[Counters]

    @property
    def escalation(self) -> Escalation:
        return self.policy.escalation if self.policy else Escalation()

    def text(self, turn: Turn) -> str:
        return turn.text.lower().replace("\u2019", "'")

    def lint(self, turn: Turn) -> list[str]:
        return lint(turn.text, banned=self.policy.tone.banned_phrases if self.policy else ())


def score(
    transcript: Sequence[Turn], *, policy: Policy | None = None, facts: Mapping[str, FactValue] | None = None
) -> RubricResult:
    """Judge one conversation's transcript against every practice in :data:`PRACTICES`.

    ``policy`` supplies the escalation limits, banned phrases, readability floor and compensation
    rule (defaults apply without it); ``facts`` are the facts the host supplied, used only to tell
    whether the customer was eligible for compensation.
    """
    turns = sorted(transcript, key=lambda t: t.number)
    reading = _read(turns, policy, facts or {})
    return RubricResult(
        conversation_id=turns[0].conversation_id if turns else None,
        points=[_judge(practice, reading) for practice in PRACTICES],
    )


def _judge(practice: Practice, reading: _Reading) -> RubricPoint:
    status, turn, note = _CHECKS[practice](reading)
    return RubricPoint(practice=practice, status=status, turn=None if turn is None else turn.number, note=note)


def _read(turns: list[Turn], policy: Policy | None, facts: Mapping[str, FactValue]) -> _Reading:
    before: list[str | None] = [None, *(str(t.state) for t in turns)][: len(turns)]
    decision = next((t for t in turns if _decides(t)), None)
    declined = decision is not None and "approve" not in decision.transitions
    tallies = _tally(turns, before, policy.escalation if policy else Escalation())
    return _Reading(turns, policy, facts, before, decision, declined, tallies)


def _decides(turn: Turn) -> bool:
    if {"decline", "approve"} & set(turn.transitions):
        return True
    return _has(turn.text.lower().replace("\u2019", "'"), _REFUSE)


def _has(text: str, markers: Sequence[str]) -> bool:
    return any(marker in text for marker in markers)


def _tally(turns: list[Turn], before: list[str | None], escalation: Escalation) -> list[Counters]:
    """The counters a reader can rebuild from the customer's messages, as they stood after each turn.

    A delivered follow-up starts a fresh exchange, so the counts start again after it.
    """
    tallies = []
    turns_seen = anger = abuse = insistence = 0
    for turn, state in zip(turns, before, strict=True):
        if CHECK_IN in turn.transitions:
            turns_seen = anger = insistence = 0
        signals = turn.signals
        if signals is not None:
            turns_seen += 1
            anger += signals.sentiment <= escalation.anger_threshold
            abuse += signals.abusive
            insisting = signals.intent == "insist" or signals.intent in _REQUEST_INTENTS[:2]
            insistence += state in ("offering_alternatives", "compensation", "escalated") and insisting
        tallies.append(Counters(turns=turns_seen, anger=anger, abuse_strikes=abuse, insistence=insistence))
    return tallies


def _request_alternatives(reading: _Reading) -> int | None:
    """How many alternatives the policy has for the request asked, when the policy and request are known."""
    if reading.policy is None:
        return None
    for turn in reading.turns:
        name = None
        if turn.quick_reply is not None and turn.quick_reply.startswith(REQUEST):
            name = turn.quick_reply.removeprefix(REQUEST)
        elif turn.signals is not None:
            name = reading.policy.request_for(turn.signals.intent)
        if name in reading.policy.requests:
            return len(reading.policy.requests[name].alternatives)
    return None


def _escalates(turn: Turn) -> bool:
    return "escalated" in turn.states_entered or any(isinstance(a, Handoff | ScheduleCallback) for a in turn.actions)


def _thanked_first(r: _Reading) -> _Verdict:
    if not r.turns:
        return "not_applicable", None, "no turns"
    first = r.turns[0]
    if "thank" in r.text(first):
        return "passed", first, "the first reply thanks the customer"
    return "failed", first, "the first reply does not thank the customer"


def _acknowledged_concern(r: _Reading) -> _Verdict:
    raised = next((t for t in r.turns if _raises_concern(r, t)), None)
    if raised is None:
        return "not_applicable", None, "the customer stated no request or complaint"
    until = r.decision.number if r.decision is not None and r.decision.number >= raised.number else None
    window = [t for t in r.turns if t.number >= raised.number and (until is None or t.number <= until)]
    titles = tuple(p.title.lower() for p in r.policy.requests.values()) if r.policy else ()
    for turn in window:
        if _has(r.text(turn), _ACKNOWLEDGE + titles):
            return "passed", turn, "the agent showed it heard the request"
    return "failed", window[-1], "the request was never acknowledged"


def _raises_concern(r: _Reading, turn: Turn) -> bool:
    if turn.quick_reply is not None and turn.quick_reply.startswith(REQUEST):
        return True
    if turn.signals is None:
        return False
    intent = turn.signals.intent
    return intent in _REQUEST_INTENTS or (r.policy is not None and r.policy.request_for(intent) is not None)


def _gathered_facts(r: _Reading) -> _Verdict:
    if r.decision is None:
        return "not_applicable", None, "no decision was made"
    if {"decline", "approve"} & set(r.decision.transitions):
        return "passed", r.decision, "decided once the facts the request needs were in"
    return "failed", r.decision, "refused without first gathering the facts"


def _explained_before_refusing(r: _Reading) -> _Verdict:
    if r.decision is None or not r.declined:
        return "not_applicable", None, "nothing was refused"
    if "explaining" not in r.decision.states_entered:
        return "failed", r.decision, "refused without giving the reason"
    problems = r.lint(r.decision)
    ease = reading_ease(r.decision.text)
    if ease < (r.policy.tone.min_reading_ease if r.policy else 50.0):
        problems.append(f"hard to read (Flesch reading ease {ease:.0f})")
    if problems:
        return "failed", r.decision, "; ".join(problems)
    return "passed", r.decision, f"reason given in plain words (Flesch {ease:.0f})"


def _apologized(r: _Reading) -> _Verdict:
    if r.decision is None or not r.declined:
        return "not_applicable", None, "nothing was refused"
    for turn in r.turns:
        if turn.number >= r.decision.number and ("apologizing" in turn.states_entered or _has(r.text(turn), _APOLOGY)):
            return "passed", turn, "apologized for the inconvenience"
    return "failed", r.decision, "never apologized for the refusal"


def _offered_alternative(r: _Reading) -> _Verdict:
    if r.decision is None or not r.declined:
        return "not_applicable", None, "nothing was refused"
    if _request_alternatives(r) == 0:
        return "not_applicable", None, "the policy has no alternative for this request"
    for turn in r.turns:
        if turn.number >= r.decision.number and "offering_alternatives" in turn.states_entered:
            return "passed", turn, "offered what the agent can do instead"
    return "failed", r.decision, "refused without offering an alternative"


def _offered_compensation(r: _Reading) -> _Verdict:
    offered = next((t for t in r.turns if "compensation" in t.states_entered), None)
    if offered is not None:
        return "passed", offered, "made the goodwill offer"
    if r.policy is None or r.policy.compensation is None or not r.declined:
        return "not_applicable", None, "no compensation to offer"
    from flow.rules import Rules

    rules = Rules(r.policy)
    for turn, state, counters in zip(r.turns, r.before, r.tallies, strict=True):
        if not _last_word_on_offer(r, turn, state):
            continue
        if rules.eligible_for_compensation(dict(r.facts), counters, turn.signals or Signals()):
            return "failed", turn, "the customer was eligible but got no offer"
    return "not_applicable", None, "the customer was not eligible"


def _last_word_on_offer(r: _Reading, turn: Turn, state: str | None) -> bool:
    """The turn where the customer, having turned down every option, heard the agent's last word."""
    if "offering_alternatives" in turn.states_entered or _escalates(turn) or (turn.signals and turn.signals.abusive):
        return False
    said_no = turn.signals is not None and turn.signals.intent == "reject"
    return turn is r.decision or (state == "offering_alternatives" and said_no)


def _stayed_calm(r: _Reading) -> _Verdict:
    limit = r.escalation.anger_threshold
    upset = [t for t in r.turns if t.signals and (t.signals.sentiment <= limit or t.signals.abusive)]
    if not upset:
        return "not_applicable", None, "the customer was never upset"
    for turn in upset:
        problems = r.lint(turn)
        if problems:
            return "failed", turn, "; ".join(problems)
        if not (_has(r.text(turn), _EMPATHY) or _escalates(turn)):
            return "failed", turn, "met an upset customer without acknowledging it"
    return "passed", upset[0], f"calm and respectful in {len(upset)} upset turn(s)"


def _escalated_when_needed(r: _Reading) -> _Verdict:
    fired: list[tuple[Turn, str]] = []
    limits = r.escalation
    for turn, state, counters in zip(r.turns, r.before, r.tallies, strict=True):
        signals = turn.signals
        if signals is None or state not in _WAITING_STATES or signals.abusive:
            continue
        reasons = [
            ("the customer threatened to take it further", signals.threat),
            ("the customer asked for a person", signals.intent == "ask_human"),
            ("the customer was angry too often", counters.anger >= limits.max_anger),
            (
                "the customer kept insisting",
                state in ("offering_alternatives", "compensation") and counters.insistence > limits.max_insistence,
            ),
            ("the conversation ran too long", r.policy is not None and counters.turns >= r.policy.max_turns),
            (
                "the customer was not satisfied",
                state == "follow_up" and signals.intent in ("reject", "complaint"),
            ),
        ]
        why = next((reason for reason, holds in reasons if holds), None)
        if why is not None:
            fired.append((turn, why))
    if not fired:
        return "not_applicable", None, "no escalation guard fired"
    for turn, why in fired:
        if not _escalates(turn):
            return "failed", turn, f"{why}, and nobody was brought in"
    turn, why = fired[0]
    return "passed", turn, f"{why}; a person was brought in"


def _scheduled_follow_up(r: _Reading) -> _Verdict:
    resolved = [t for t in r.turns if any(isinstance(a, _RESOLVING) for a in t.actions)]
    if not resolved:
        return "not_applicable", None, "nothing was resolved or handed over"
    for turn in resolved:
        if not any(isinstance(a, ScheduleFollowUp) for a in turn.actions):
            return "failed", turn, "resolved without planning a follow-up"
    return "passed", resolved[0], "a follow-up was scheduled"


def _closed_politely(r: _Reading) -> _Verdict:
    if not r.turns or r.turns[-1].state != "closed":
        return "not_applicable", None, "the conversation is still open"
    last = r.turns[-1]
    problems = r.lint(last)
    if problems:
        return "failed", last, "; ".join(problems)
    if not _has(r.text(last), _POLITE_CLOSE):
        return "failed", last, "ended without a courteous word"
    return "passed", last, "ended courteously"


_CHECKS: dict[Practice, Callable[[_Reading], _Verdict]] = {
    "thanked_first": _thanked_first,
    "acknowledged_concern": _acknowledged_concern,
    "gathered_facts": _gathered_facts,
    "explained_before_refusing": _explained_before_refusing,
    "apologized": _apologized,
    "offered_alternative": _offered_alternative,
    "offered_compensation": _offered_compensation,
    "stayed_calm": _stayed_calm,
    "escalated_when_needed": _escalated_when_needed,
    "scheduled_follow_up": _scheduled_follow_up,
    "closed_politely": _closed_politely,
}
