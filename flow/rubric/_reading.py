"""What the rubric reads from a transcript, worked out once: the practices, markers and counters."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from flow.models import ApplyAlternative, Counters, FactValue, Handoff, IssueCompensation, ScheduleCallback, Turn
from flow.payloads import REQUEST
from flow.policy import Escalation, Policy
from flow.tone import lint

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
Verdict = tuple[Status, Turn | None, str]

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


def markers(joined: str) -> tuple[str, ...]:
    return tuple(joined.split("|"))


REQUEST_INTENTS = ("request_refund", "request_cancel", "complaint")
ACKNOWLEDGE = markers("i understand|i see |i hear|i know|sorry to hear|i've checked|looked into|look into")
REFUSE = markers("can't|cannot|unable to|not able to|won't be able|no refund|not possible|we don't")
APOLOGY = markers("sorry|apologi")
EMPATHY = markers("sorry|apologi|frustrat|understand|i hear|respectful|thank|welcome|appreciate|take care")
POLITE_CLOSE = markers("thank|sorry|welcome|take care|have a good|glad|happy to|good news|appreciate")
RESOLVING = (ApplyAlternative, IssueCompensation, Handoff)
WAITING_STATES = ("listening", "offering_alternatives", "compensation", "follow_up")


@dataclass(frozen=True, slots=True)
class Reading:
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


def read(turns: list[Turn], policy: Policy | None, facts: Mapping[str, FactValue]) -> Reading:
    before: list[str | None] = [None, *(str(t.state) for t in turns)][: len(turns)]
    decision = next((t for t in turns if decides(t)), None)
    declined = decision is not None and "approve" not in decision.transitions
    tallies = tally(turns, before, policy.escalation if policy else Escalation())
    return Reading(turns, policy, facts, before, decision, declined, tallies)


def decides(turn: Turn) -> bool:
    if {"decline", "approve"} & set(turn.transitions):
        return True
    return has(turn.text.lower().replace("\u2019", "'"), REFUSE)


def has(text: str, markers: Sequence[str]) -> bool:
    return any(marker in text for marker in markers)


def tally(turns: list[Turn], before: list[str | None], escalation: Escalation) -> list[Counters]:
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
            insisting = signals.intent == "insist" or signals.intent in REQUEST_INTENTS[:2]
            insistence += state in ("offering_alternatives", "compensation", "escalated") and insisting
        tallies.append(Counters(turns=turns_seen, anger=anger, abuse_strikes=abuse, insistence=insistence))
    return tallies


def request_alternatives(reading: Reading) -> int | None:
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


def escalates(turn: Turn) -> bool:
    return "escalated" in turn.states_entered or any(isinstance(a, Handoff | ScheduleCallback) for a in turn.actions)
