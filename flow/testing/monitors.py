"""Politeness rules checked after every turn of every scenario, whatever the scenario asserts.

Like sismic's property statecharts, a monitor watches the run rather than one step: each is a rule in
plain words and a check over the conversation so far that returns the violation, or ``None``. The
plugin runs :data:`DEFAULT_MONITORS`; a project adds its own by overriding the
``tactful_monitors`` fixture::

    @pytest.fixture
    def tactful_monitors():
        return [*DEFAULT_MONITORS, Monitor("never mentions a competitor", no_competitor)]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from flow.models import ApproveRequest, Close, IssueCompensation, ScheduleFollowUp, Turn
from flow.policy import Policy
from flow.templates import GAP
from flow.testing.record import Exchange
from flow.tone import lint

_MISSING = re.compile(r"\bNone\b|\{\{|\}\}|\{%|%\}")

Check = Callable[[Sequence[Exchange], Policy], str | None]


@dataclass(frozen=True, slots=True)
class Monitor:
    """A rule every conversation must keep, and the check that finds a violation."""

    rule: str
    check: Check


def _turns(history: Sequence[Exchange]) -> list[tuple[Exchange, Turn]]:
    return [(exchange, exchange.turn) for exchange in history if exchange.turn is not None]


def _latest_texts(history: Sequence[Exchange]) -> list[tuple[str, str]]:
    """Every text the latest turn has the customer read, now or later: its messages and follow-ups."""
    turns = _turns(history)
    if not turns:
        return []
    exchange, turn = turns[-1]
    texts = [(f"reply {exchange.number}", message) for message in turn.messages]
    texts += [
        (f"the follow-up scheduled in reply {exchange.number}", a.text)
        for a in turn.actions
        if isinstance(a, ScheduleFollowUp)
    ]
    return texts


def tone_is_clean(history: Sequence[Exchange], policy: Policy) -> str | None:
    """Every message of the latest reply, and any follow-up it schedules, passes the tone lint."""
    for where, text in _latest_texts(history):
        problems = lint(text, banned=policy.tone.banned_phrases, min_reading_ease=policy.tone.min_reading_ease)
        if problems:
            return f"{where} has {'; '.join(problems)} in: {text!r}"
    return None


def no_missing_values(history: Sequence[Exchange], policy: Policy) -> str | None:
    """No text shows the customer a blank where a value should be: ``None``, template braces, or a gap
    a missing value left next to punctuation ("Hi , it's Sam")."""
    for where, text in _latest_texts(history):
        found = _MISSING.search(text)
        if found:
            return f"{where} shows {found.group(0)!r} in: {text!r}"
        gap = GAP.search(text)
        if gap:
            return f"{where} has a gap where a value is missing ({gap.group(0)!r}) in: {text!r}"
    return None


def compensation_at_most_once(history: Sequence[Exchange], policy: Policy) -> str | None:
    """Compensation is offered at most once and issued at most once in a conversation."""
    offers = [e.number for e, turn in _turns(history) if "offer_compensation" in turn.transitions]
    issued = [e.number for e, turn in _turns(history) for a in turn.actions if isinstance(a, IssueCompensation)]
    if len(offers) > 1:
        return f"compensation was offered in replies {', '.join(map(str, offers))}"
    if len(issued) > 1:
        return f"compensation was issued in replies {', '.join(map(str, issued))}"
    return None


def no_approval_after_refusal(history: Sequence[Exchange], policy: Policy) -> str | None:
    """Once the agent has declined the request, it never approves it (nor closes as approved)."""
    declined_at: int | None = None
    for exchange, turn in _turns(history):
        if declined_at is None and "decline" in turn.transitions:
            declined_at = exchange.number
        if declined_at is None:
            continue
        for action in turn.actions:
            approved = isinstance(action, ApproveRequest) or (
                isinstance(action, Close) and action.outcome == "approved"
            )
            if approved:
                return f"reply {exchange.number} approved the request that reply {declined_at} declined"
    return None


def closed_stays_silent(history: Sequence[Exchange], policy: Policy) -> str | None:
    """After the conversation closes, the agent answers no message; only the scheduled follow-up reopens it."""
    closed_at: int | None = None
    for exchange, turn in _turns(history):
        if closed_at is not None and not exchange.follow_up:
            return f"reply {exchange.number} came after the conversation closed in reply {closed_at}"
        closed_at = exchange.number if turn.state == "closed" else None
    return None


def every_turn_speaks(history: Sequence[Exchange], policy: Policy) -> str | None:
    """Every reply has some text for the customer."""
    for exchange, turn in _turns(history):
        if not turn.text.strip():
            return f"reply {exchange.number} has no text"
    return None


DEFAULT_MONITORS: tuple[Monitor, ...] = (
    Monitor("no agent text fails the tone lint", tone_is_clean),
    Monitor("compensation is offered at most once", compensation_at_most_once),
    Monitor("after a refusal the agent never says it complied", no_approval_after_refusal),
    Monitor("a closed conversation never speaks again", closed_stays_silent),
    Monitor("every reply has text", every_turn_speaks),
    Monitor("no text shows a missing value", no_missing_values),
)
"""The rules the plugin checks after every turn unless a project overrides ``tactful_monitors``."""


def first_violation(
    monitors: Sequence[Monitor], history: Sequence[Exchange], policy: Policy
) -> tuple[Monitor, str] | None:
    """The first rule the conversation breaks, with what broke it."""
    for monitor in monitors:
        problem = monitor.check(history, policy)
        if problem is not None:
            return monitor, problem
    return None
