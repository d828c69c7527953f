"""Where a simulated conversation shows the flow failing: messages the agent could not read or misread,
facts it missed, things it did that nobody asked for, customers who gave up.

Each check compares what the customer meant (the :class:`~flow.simulate.moves.Move` and the facts
the text states) with what the real understanding step read and what the engine then did.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from flow.models import ApplyAlternative, FactValue, Handoff, IssueCompensation, Signals, Span
from flow.simulate.conversation import Played, Said
from flow.simulate.moves import read_as_meant, unread
from flow.simulate.pen import Expect

FailureKind = Literal["unread", "misread", "fact_missed", "fact_wrong", "fact_invented", "wrong_action", "gave_up"]

FAILURES: dict[FailureKind, str] = {
    "unread": "messages the agent could not read at all",
    "misread": "messages read as something the customer did not mean",
    "fact_missed": "facts stated plainly but not taken in",
    "fact_wrong": "facts taken in with the wrong value",
    "fact_invented": "facts read into words that did not state them",
    "wrong_action": "things the agent did that the customer did not ask for",
    "gave_up": "customers who gave up after the agent kept missing what they said",
}
"""Every kind of failure, in words."""

_REJECTING = frozenset({"reject_one", "reject_all", "decline_offer"})
_CHOOSING = frozenset({"choose", "reject_then_choose", "accept_offer"})
_ASKING_FOR_PERSON = frozenset({"person", "person_yes", "callback_yes", "threat", "complain", "insist", "abuse"})


@dataclass(frozen=True, slots=True)
class Failure:
    """One failure, with what the customer wrote and meant, what was read, and what the agent replied."""

    kind: FailureKind
    conversation_id: str
    persona: str
    message: int
    said: str
    meant: str
    read: str
    reply: str
    intended: str = ""
    """The message as the customer meant to type it (before typos): two failures with the same one are
    the same example."""


def failures_in(played: Played) -> list[Failure]:
    """Every failure in one simulated conversation, message by message."""
    found: list[Failure] = []
    for number, said in enumerate(played.said, start=1):
        signals = said.turn.signals
        if said.written is None or signals is None:
            continue
        meant = read_as_meant(said.move, signals)
        if meant is not None and unread(signals):
            found.append(_failure("unread", played, number, said))
        elif meant is False:
            found.append(_failure("misread", played, number, said))
        for name, expect in said.written.facts.items():
            problem = _fact_problem(name, expect, signals)
            if problem is not None:
                found.append(_failure(problem, played, number, said, note=f"{name} = {_shown(expect)}"))
        for name in _invented(said, signals, played):
            found.append(_failure("fact_invented", played, number, said, note=f"read {name} = {signals.facts[name]}"))
    for number, said in enumerate(played.said, start=1):
        note = _unasked(said)
        if note is not None:
            found.append(_failure("wrong_action", played, number, said, note=note))
    if played.ending == "gave_up":
        found.append(_failure("gave_up", played, len(played.said), played.said[-1], note="left after being missed"))
    return found


def _fact_problem(name: str, expect: Expect, signals: Signals) -> FailureKind | None:
    if name == "order_id" and expect.value is None:
        # Written in a form the shop does not use: the agent should notice and ask again.
        return None if name in signals.malformed or name in signals.facts else "fact_missed"
    values = [signals.facts[name]] if name in signals.facts else []
    values += [facts[name] for facts in signals.request_facts.values() if name in facts]
    if not values:
        return None if expect.vague else "fact_missed"
    return None if any(_matches(value, expect) for value in values) else "fact_wrong"


_DECISIVE = ("condition", "circumstance")
"""Facts that change a decision on their own (a faulty item is refunded): reading one that was not
stated is worse than missing one."""


def _invented(said: Said, signals: Signals, played: Played) -> list[str]:
    """Decisive facts the agent read from a message that did not state them, unlike the truth."""
    if said.written is None or said.move.kind == "add" or "also" in said.written.mentions:
        return []
    truth = {"condition": played.customer.request.condition, "circumstance": played.customer.request.circumstance}
    return [
        name
        for name in _DECISIVE
        if name in signals.facts and name not in said.written.facts and signals.facts[name] != truth[name]
    ]


def _matches(value: FactValue, expect: Expect) -> bool:
    if expect.low is None:
        return value == expect.value
    high = expect.high if expect.high is not None else 10**6
    if isinstance(value, Span):
        return value.low <= high + 1 and (value.high is None or value.high >= expect.low - 1)
    return isinstance(value, int) and not isinstance(value, bool) and expect.low - 1 <= value <= high + 1


def _unasked(said: Said) -> str | None:
    """What the agent did in reply to ``said`` that the customer did not ask for, if anything."""
    move = said.move
    applied = [a.alternative for a in said.turn.actions if isinstance(a, ApplyAlternative)]
    chose = move.other if move.kind == "reject_then_choose" else move.target
    if move.kind in ("choose", "reject_then_choose") and applied and chose not in applied:
        return f"asked for {chose}, got {', '.join(applied)}"
    went_ahead = applied or any(isinstance(a, IssueCompensation) for a in said.turn.actions)
    if move.kind in _REJECTING and went_ahead:
        return "said no, and the agent went ahead anyway"
    if went_ahead and move.kind not in _CHOOSING:
        return "the agent went ahead with an offer the customer did not choose"
    handed = [a for a in said.turn.actions if isinstance(a, Handoff) and a.reason == "asked_for_person"]
    if handed and move.kind not in _ASKING_FOR_PERSON:
        return "handed to a person the customer did not ask for"
    return None


def _failure(kind: FailureKind, played: Played, number: int, said: Said, *, note: str = "") -> Failure:
    move = said.move
    intent = ", ".join(move.meant) if move.meant else move.kind
    signals = said.turn.signals
    read = ", ".join(str(act) for act in signals.acts) if signals is not None else "button"
    return Failure(
        kind=kind,
        conversation_id=played.conversation.id,
        persona=played.customer.persona,
        message=number,
        said=said.text if said.text is not None else f"[button {move.click}]",
        meant=f"{intent}; {note}" if note else intent,
        read=read,
        reply=shorten(said.turn.text),
        intended=said.written.meant.lower() if said.written is not None else f"[button {move.click}]",
    )


def _shown(expect: Expect) -> str:
    if expect.low is None:
        return str(expect.value) if expect.value is not None else "in a form the shop does not use"
    if expect.high is None:
        return f"{expect.low}+ days"
    return f"{expect.low}-{expect.high} days" if expect.high != expect.low else f"{expect.low} days"


def shorten(text: str, limit: int = 140) -> str:
    """``text`` on one line, cut at ``limit`` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"
