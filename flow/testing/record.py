"""What a scenario's conversation leaves behind: one exchange per customer message, and its printout.

A failing step prints :func:`render_conversation` so whoever reads the failure sees the whole
conversation so far: every customer message and click, every agent reply with the states it went
through, the buttons and actions, and the state the conversation is in now.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from flow.models import (
    Action,
    AmendAlternative,
    ApplyAlternative,
    ApproveRequest,
    Close,
    Handoff,
    IssueCompensation,
    ScheduleCallback,
    ScheduleFollowUp,
    Turn,
    WithdrawAlternative,
    WithdrawApproval,
    WithdrawHandoff,
)

_WIDTH = 100


@dataclass(frozen=True, slots=True)
class Exchange:
    """One thing the customer did and what came of it: a turn, or the engine's refusal."""

    number: int
    at: datetime
    state_before: str | None
    said: str | None = None
    clicked: str | None = None
    payload: str | None = None
    turn: Turn | None = None
    refused: str | None = None
    follow_up: bool = False
    person_line: str | None = None
    """What a person (or the passing of the wait for one) did instead of the customer."""

    @property
    def customer_line(self) -> str:
        """What the customer did, as one line."""
        if self.person_line is not None:
            return self.person_line
        if self.follow_up:
            return "(the scheduled follow-up is delivered)"
        if self.clicked is not None:
            return f"Customer clicks [{self.clicked}]"
        if self.payload is not None:
            return f"Customer sends the quick reply {self.payload!r}"
        if self.said is None:
            return "Customer opens the chat"
        return f"Customer: {self.said}"


def describe_action(action: Action, *, zone_now: datetime | None = None) -> str:
    """One action as a reader would say it."""
    if isinstance(action, Handoff):
        return f"hand over to a person (reason {action.reason}): {action.summary}"
    if isinstance(action, ScheduleFollowUp):
        return f"schedule a follow-up in {action.delay_hours:g} h: {action.text}"
    if isinstance(action, ScheduleCallback):
        at = action.at.astimezone(zone_now.tzinfo) if zone_now is not None else action.at
        return f"book a callback for {at:%A %d %B %H:%M} (reason {action.reason})"
    if isinstance(action, IssueCompensation):
        return f"issue compensation {action.offer!r}, reference {action.reference}"
    if isinstance(action, ApproveRequest):
        return f"approve the request {action.request!r}{_for_order(action.facts)}"
    if isinstance(action, ApplyAlternative):
        instead = f" in place of {action.replaces!r}" if action.replaces else ""
        details = f", {action.details}" if action.details else ""
        return f"apply the alternative {action.title!r}{details}{instead}{_for_order(action.facts)}"
    if isinstance(action, AmendAlternative):
        return f"add {action.details!r} to the alternative {action.title!r}{_for_order(action.facts)}"
    if isinstance(action, WithdrawApproval):
        return f"undo the approved request {action.request!r}{_for_order(action.facts)}"
    if isinstance(action, WithdrawAlternative):
        return f"undo the alternative {action.title!r}{_for_order(action.facts)}, taken back by the customer"
    if isinstance(action, WithdrawHandoff):
        return f"take the conversation out of the people's queue (the handoff for {action.reason} is not needed)"
    if isinstance(action, Close):
        return f"close the conversation (outcome {action.outcome})"
    return repr(action)  # pragma: no cover


def _wrap(text: str, indent: str) -> list[str]:
    lines: list[str] = []
    for paragraph in text.split("\n\n"):
        lines.extend(textwrap.wrap(paragraph, _WIDTH, initial_indent=indent, subsequent_indent=indent) or [indent])
        lines.append(indent.rstrip())
    return lines[:-1]


def render_exchange(exchange: Exchange, *, local_now: datetime | None = None) -> list[str]:
    """The lines one exchange prints as."""
    lines = [f"  {exchange.number}. {exchange.customer_line}"]
    if exchange.refused is not None:
        lines.append(f"     (the engine refused this message: {exchange.refused})")
        return lines
    turn = exchange.turn
    if turn is None:  # pragma: no cover
        return lines
    speaker = f"{turn.person} (a person)" if turn.person else "Agent"
    lines.append(f"     {speaker} ({' -> '.join(turn.states_entered) or 'no transition'}; now {turn.state}):")
    lines.extend(_wrap(turn.text, "       | "))
    if turn.quick_replies:
        lines.append("     Buttons: " + " ".join(f"[{reply.title}]" for reply in turn.quick_replies))
    for action in turn.actions:
        for i, line in enumerate(textwrap.wrap(describe_action(action, zone_now=local_now), _WIDTH - 14)):
            lines.append(("     Action: " if i == 0 else "             ") + line)
    return lines


def render_conversation(
    exchanges: Sequence[Exchange],
    *,
    policy: str | None,
    local_now: datetime,
    state: str | None,
) -> str:
    """The whole conversation so far, ready to print under a failure."""
    moment = f"{local_now:%A} {local_now.day} {local_now:%B %Y %H:%M} {local_now.tzname()}"
    header = f"Conversation so far (policy {policy or 'not chosen yet'}; now {moment}):"
    lines = [header]
    if not exchanges:
        lines.append("  (the customer has not said anything yet)")
    for exchange in exchanges:
        lines.extend(render_exchange(exchange, local_now=local_now))
    lines.append(f"Current state: {state or 'not started'}")
    return "\n".join(lines)


class ConversationAssertionError(AssertionError):
    """A conversation step failed; the message holds the step, the expectation and the conversation."""


def failure_message(expected: str, found: str, conversation: str, step: str | None = None) -> str:
    """The text of a failed check: the step, what it expected, what it found, and the conversation."""
    head = f"Step: {step}\n" if step else ""
    return f"{head}Expected: {expected}\nFound: {found}\n\n{conversation}"


def _for_order(facts: Mapping[str, object]) -> str:
    """ " for order A-4413", when the action's request names its order."""
    order = facts.get("order_id")
    return f" for order {order}" if order is not None else ""
