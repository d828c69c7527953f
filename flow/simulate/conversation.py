"""One simulated conversation: a customer talks to the engine until the chat ends or they leave.

Every typed message goes through the engine's real understanding step; the customer decides the
next move from the reply (:mod:`flow.simulate.behaviour`) and writes it from the phrase tables
(:mod:`flow.simulate.pen`).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Literal

from flow.engine import Engine
from flow.models import Conversation, Turn
from flow.simulate import behaviour
from flow.simulate.moves import Move
from flow.simulate.pen import Pen, Written
from flow.simulate.personas import Persona
from flow.simulate.population import Customer, SimulatedClock
from flow.simulate.seen import Seen, see

MAX_MESSAGES = 30

Ending = Literal["closed", "handed_over", "walked_away", "gave_up", "too_long"]
"""How a simulated chat ended: the agent closed it, a person took it on, the customer walked away at
random, gave up after the agent kept missing what they said, or it went on past ``MAX_MESSAGES``."""


@dataclass(frozen=True, slots=True)
class Said:
    """One customer message and what came of it."""

    move: Move
    written: Written | None
    """The text as meant and as typed; ``None`` for a button click."""
    turn: Turn
    before: Seen | None
    """The reply the customer was answering (``None`` for the first message)."""

    @property
    def text(self) -> str | None:
        """What the customer typed, if they typed."""
        return None if self.written is None else self.written.text


@dataclass(frozen=True, slots=True)
class Played:
    """A finished simulated conversation: the customer, the last snapshot, every turn and message."""

    customer: Customer
    conversation: Conversation
    turns: list[Turn]
    said: list[Said]
    ending: Ending

    @property
    def unresolved(self) -> bool:
        """Whether the chat ended without an outcome: nothing was decided, handed over or closed."""
        return self.conversation.outcome is None and self.ending != "handed_over"


_THANKFUL = frozenset({"done", "thank", "thank_bye"})
"""Moves a customer who got something says plainly, whatever their temper."""
_ENDINGS: dict[str, Ending] = {"closed": "closed", "waiting": "handed_over"}


def play(
    engine: Engine,
    clock: SimulatedClock,
    pen: Pen,
    persona: Persona,
    customer: Customer,
    rng: random.Random,
    *,
    cid: str,
) -> Played:
    """Run ``customer`` (leaning as ``persona``) through ``engine`` from the first message to the end."""
    clock.now = customer.starts_at
    memory = behaviour.Memory.of(customer)
    first = behaviour.opening(persona, customer, memory, rng)
    opening = _write(pen, persona, customer, memory, first, None, rng, opening=True)
    conversation, turn = engine.start(facts=customer.known_to_host, message=opening.text, conversation_id=cid)
    behaviour.remember(memory, first)
    said = [Said(first, opening, turn, None)]
    turns = [turn]
    ending: Ending = "too_long"
    for _ in range(MAX_MESSAGES):
        seen = see(turn, engine.policy)
        behaviour.notice(memory, seen, customer)
        move = behaviour.decide(persona, customer, memory, seen, rng)
        if move is None:
            ending = memory.ended or _ENDINGS.get(seen.situation, "walked_away")
            break
        if move.click is not None and move.click not in conversation.quick_replies and move.words is not None:
            # A customer can only press what the chat shows; without the button they type the words.
            move = move.words
        clock.advance()
        written: Written | None = None
        if move.click is not None:
            conversation, turn = engine.reply(conversation, quick_reply=move.click)
        else:
            written = _write(pen, persona, customer, memory, move, seen, rng)
            conversation, turn = engine.reply(conversation, written.text)
        behaviour.remember(memory, move)
        said.append(Said(move, written, turn, seen))
        turns.append(turn)
    return Played(customer=customer, conversation=conversation, turns=turns, said=said, ending=ending)


def _write(
    pen: Pen,
    persona: Persona,
    customer: Customer,
    memory: behaviour.Memory,
    move: Move,
    seen: Seen | None,
    rng: random.Random,
    *,
    opening: bool = False,
) -> Written:
    tone = persona.tone if persona.tone and rng.random() < persona.tone_share else ""
    if memory.pleased and move.kind in _THANKFUL:
        tone = ""
    written = pen.write(
        move,
        customer,
        memory.request,
        seen,
        rng,
        tone=tone,
        order_form=memory.order_form,
        opening=opening or move.kind == "open",
    )
    if "also" in written.mentions:
        memory.second_raised = True
    memory.told_problem = memory.told_problem or not written.mentions.isdisjoint({"problem", "problem_l"})
    memory.told_hardship = memory.told_hardship or "hardship" in written.mentions
    return written
