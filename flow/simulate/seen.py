"""What a simulated customer sees of the agent's reply: the text, the buttons, the state, the actions.

Customers decide from this and nothing else, as a person at a chat window would: the alternatives
on the table are the buttons offered, the question asked is read from the text, an approval or an
applied alternative shows in the reply's actions. Nothing here reads the engine's internals.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from flow import payloads
from flow.models import ApplyAlternative, ApproveRequest, Handoff, IssueCompensation, ScheduleCallback, Turn
from flow.policy import Policy
from flow.vocabulary import RequestStatus, StateName

Situation = Literal[
    "fact",
    "request",
    "offer",
    "compensation",
    "anything_else",
    "person",
    "callback",
    "waiting",
    "closed",
    "other",
]
"""What the customer is being asked: a fact, what they need, which alternative, whether they want the
goodwill offer, anything else, a person or a callback; ``waiting`` for a person; ``closed``."""


@dataclass(frozen=True, slots=True)
class Offer:
    """An alternative on the table, as its button shows it."""

    id: str
    title: str


@dataclass(frozen=True, slots=True)
class Seen:
    """The agent's reply as the customer sees it."""

    state: StateName
    text: str
    buttons: tuple[str, ...]
    offers: tuple[Offer, ...]
    situation: Situation
    asked: str | None = None
    """The fact the agent asked for, when it asked for one."""
    corrected: bool = False
    """Whether the agent said the fact was given in the wrong form (and showed the right one)."""
    narrowing: bool = False
    """Whether the agent asked for a closer date."""
    applied: tuple[str, ...] = ()
    compensated: bool = False
    approved: tuple[str, ...] = ()
    handed_over: bool = False
    decided: Mapping[str, RequestStatus] | None = None

    @property
    def signature(self) -> tuple[object, ...]:
        """What stays the same when the agent did not move on: the state, the buttons, what it asked."""
        return (self.state, self.buttons, self.situation, self.asked)

    def offer(self, alternative: str) -> Offer | None:
        """The alternative on the table with id ``alternative``."""
        return next((o for o in self.offers if o.id == alternative), None)


def see(turn: Turn, policy: Policy) -> Seen:
    """What the customer sees of ``turn`` under ``policy``."""
    buttons = tuple(q.payload for q in turn.quick_replies)
    offers = tuple(
        Offer(q.payload.removeprefix(payloads.ALTERNATIVE), q.title)
        for q in turn.quick_replies
        if q.payload.startswith(payloads.ALTERNATIVE)
    )
    asked, corrected, narrowing = _asked(turn, policy)
    return Seen(
        state=turn.state,
        text=turn.text,
        buttons=buttons,
        offers=offers,
        situation=_situation(turn.state, buttons, offers, asked),
        asked=asked,
        corrected=corrected,
        narrowing=narrowing,
        applied=tuple(a.alternative for a in turn.actions if isinstance(a, ApplyAlternative)),
        compensated=any(isinstance(a, IssueCompensation) for a in turn.actions),
        approved=tuple(a.request for a in turn.actions if isinstance(a, ApproveRequest)),
        handed_over=any(isinstance(a, Handoff | ScheduleCallback) for a in turn.actions),
        decided=dict(turn.decided),
    )


def _situation(state: StateName, buttons: tuple[str, ...], offers: tuple[Offer, ...], asked: str | None) -> Situation:
    if state == "closed":
        return "closed"
    if payloads.PERSON in buttons:
        return "person"
    if state == "escalated":
        return "callback" if payloads.ACCEPT in buttons else "waiting"
    if state == "offering_alternatives" and offers:
        return "offer"
    if state == "compensation":
        return "compensation"
    if state == "follow_up":
        return "anything_else"
    if state == "listening":
        return "fact" if asked is not None else "request"
    return "other"


def _asked(turn: Turn, policy: Policy) -> tuple[str | None, bool, bool]:
    """The fact the reply asks for (the one asked last), whether it corrected a form, whether it narrows a date."""
    if turn.state != "listening":
        return None, False, False
    text = turn.text.lower()
    found: tuple[int, str, bool] | None = None
    for name, fact in policy.facts.items():
        if not fact.ask:
            continue
        for cue, corrected in ((fact.hint, True), (fact.ask, False)):
            at = text.rfind(cue.lower()) if cue else -1
            if at >= 0 and (found is None or at > found[0]):
                found = (at, name, corrected)
    if found is None:
        return None, False, False
    return found[1], found[2], "closer date" in text or "more exact" in text or "narrow it down" in text
