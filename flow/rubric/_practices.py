"""The eleven practices of a good refusal, each a check over a :class:`Reading` of the transcript."""

from __future__ import annotations

from collections.abc import Callable

from flow.models import ScheduleFollowUp, Signals, Turn
from flow.payloads import REQUEST
from flow.rubric._reading import (
    ACKNOWLEDGE,
    APOLOGY,
    EMPATHY,
    POLITE_CLOSE,
    REQUEST_INTENTS,
    RESOLVING,
    WAITING_STATES,
    Practice,
    Reading,
    Verdict,
    escalates,
    has,
    request_alternatives,
)
from flow.tone import reading_ease


def _thanked_first(r: Reading) -> Verdict:
    if not r.turns:
        return "not_applicable", None, "no turns"
    first = r.turns[0]
    if "thank" in r.text(first):
        return "passed", first, "the first reply thanks the customer"
    return "failed", first, "the first reply does not thank the customer"


def _acknowledged_concern(r: Reading) -> Verdict:
    raised = next((t for t in r.turns if _raises_concern(r, t)), None)
    if raised is None:
        return "not_applicable", None, "the customer stated no request or complaint"
    until = r.decision.number if r.decision is not None and r.decision.number >= raised.number else None
    window = [t for t in r.turns if t.number >= raised.number and (until is None or t.number <= until)]
    titles = tuple(p.title.lower() for p in r.policy.requests.values()) if r.policy else ()
    for turn in window:
        if has(r.text(turn), ACKNOWLEDGE + titles):
            return "passed", turn, "the agent showed it heard the request"
    return "failed", window[-1], "the request was never acknowledged"


def _raises_concern(r: Reading, turn: Turn) -> bool:
    if turn.quick_reply is not None and turn.quick_reply.startswith(REQUEST):
        return True
    if turn.signals is None:
        return False
    intent = turn.signals.intent
    return intent in REQUEST_INTENTS or (r.policy is not None and r.policy.request_for(intent) is not None)


def _gathered_facts(r: Reading) -> Verdict:
    if r.decision is None:
        return "not_applicable", None, "no decision was made"
    if {"decline", "approve"} & set(r.decision.transitions):
        return "passed", r.decision, "decided once the facts the request needs were in"
    return "failed", r.decision, "refused without first gathering the facts"


def _explained_before_refusing(r: Reading) -> Verdict:
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


def _apologized(r: Reading) -> Verdict:
    if r.decision is None or not r.declined:
        return "not_applicable", None, "nothing was refused"
    for turn in r.turns:
        if turn.number >= r.decision.number and ("apologizing" in turn.states_entered or has(r.text(turn), APOLOGY)):
            return "passed", turn, "apologized for the inconvenience"
    return "failed", r.decision, "never apologized for the refusal"


def _offered_alternative(r: Reading) -> Verdict:
    if r.decision is None or not r.declined:
        return "not_applicable", None, "nothing was refused"
    if request_alternatives(r) == 0:
        return "not_applicable", None, "the policy has no alternative for this request"
    for turn in r.turns:
        if turn.number >= r.decision.number and "offering_alternatives" in turn.states_entered:
            return "passed", turn, "offered what the agent can do instead"
    return "failed", r.decision, "refused without offering an alternative"


def _offered_compensation(r: Reading) -> Verdict:
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


def _last_word_on_offer(r: Reading, turn: Turn, state: str | None) -> bool:
    """The turn where the customer, having turned down every option, heard the agent's last word."""
    if "offering_alternatives" in turn.states_entered or escalates(turn) or (turn.signals and turn.signals.abusive):
        return False
    said_no = turn.signals is not None and turn.signals.intent == "reject"
    return turn is r.decision or (state == "offering_alternatives" and said_no)


def _stayed_calm(r: Reading) -> Verdict:
    limit = r.escalation.anger_threshold
    upset = [t for t in r.turns if t.signals and (t.signals.sentiment <= limit or t.signals.abusive)]
    if not upset:
        return "not_applicable", None, "the customer was never upset"
    for turn in upset:
        problems = r.lint(turn)
        if problems:
            return "failed", turn, "; ".join(problems)
        if not (has(r.text(turn), EMPATHY) or escalates(turn)):
            return "failed", turn, "met an upset customer without acknowledging it"
    return "passed", upset[0], f"calm and respectful in {len(upset)} upset turn(s)"


def _escalated_when_needed(r: Reading) -> Verdict:
    fired: list[tuple[Turn, str]] = []
    limits = r.escalation
    for turn, state, counters in zip(r.turns, r.before, r.tallies, strict=True):
        signals = turn.signals
        if signals is None or state not in WAITING_STATES or signals.abusive:
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
        if not escalates(turn):
            return "failed", turn, f"{why}, and nobody was brought in"
    turn, why = fired[0]
    return "passed", turn, f"{why}; a person was brought in"


def _scheduled_follow_up(r: Reading) -> Verdict:
    resolved = [t for t in r.turns if any(isinstance(a, RESOLVING) for a in t.actions)]
    if not resolved:
        return "not_applicable", None, "nothing was resolved or handed over"
    for turn in resolved:
        if not any(isinstance(a, ScheduleFollowUp) for a in turn.actions):
            return "failed", turn, "resolved without planning a follow-up"
    return "passed", resolved[0], "a follow-up was scheduled"


def _closed_politely(r: Reading) -> Verdict:
    if not r.turns or r.turns[-1].state != "closed":
        return "not_applicable", None, "the conversation is still open"
    last = r.turns[-1]
    problems = r.lint(last)
    if problems:
        return "failed", last, "; ".join(problems)
    if not has(r.text(last), POLITE_CLOSE):
        return "failed", last, "ended without a courteous word"
    return "passed", last, "ended courteously"


CHECKS: dict[Practice, Callable[[Reading], Verdict]] = {
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
