"""One simulated conversation: a persona talks to the engine until the chat ends or the customer leaves."""

from __future__ import annotations

import random
from dataclasses import dataclass

from flow import payloads
from flow.engine import Engine
from flow.models import Conversation, Turn
from flow.policy import Policy
from flow.simulate import phrases as say
from flow.simulate.personas import Moment, Persona, Reply, click, text
from flow.simulate.population import Customer, SimulatedClock

MAX_MESSAGES = 30
LEAVE_CHANCE = 0.03
"""The chance, at each waiting moment, that the customer walks away without answering."""


@dataclass(frozen=True, slots=True)
class Played:
    """A finished simulated conversation: the last snapshot and every turn."""

    customer: Customer
    conversation: Conversation
    turns: list[Turn]


def play(
    engine: Engine,
    clock: SimulatedClock,
    persona: Persona,
    customer: Customer,
    rng: random.Random,
    *,
    cid: str,
) -> Played:
    """Run ``customer`` (behaving as ``persona``) through ``engine`` from the first message to the end."""
    clock.now = customer.starts_at
    opening = persona.opening(customer, rng)
    conversation, turn = engine.start(facts=customer.known_to_host, message=opening, conversation_id=cid)
    turns = [turn]
    times_here = 0
    for _ in range(MAX_MESSAGES):
        moment = Moment(
            state=conversation.state,
            text=turn.text,
            quick_replies=tuple(conversation.quick_replies),
            customer=customer,
            rng=rng,
            times_here=times_here,
        )
        reply = _respond(engine.policy, persona, moment)
        if reply is None:
            break
        clock.advance()
        state = conversation.state
        conversation, turn = engine.reply(conversation, reply.text, quick_reply=reply.quick_reply)
        turns.append(turn)
        times_here = times_here + 1 if conversation.state == state else 0
    return Played(customer=customer, conversation=conversation, turns=turns)


def _respond(policy: Policy, persona: Persona, moment: Moment) -> Reply | None:
    if moment.state == "closed" or moment.rng.random() < LEAVE_CHANCE:
        return None
    if moment.state == "listening":
        return _listening(policy, persona, moment)
    if moment.state == "offering_alternatives":
        return persona.on_offer(moment)
    if moment.state == "compensation":
        return persona.on_compensation(moment)
    if moment.state == "follow_up":
        return click(payloads.DONE) if payloads.DONE in moment.quick_replies else text(say.THANKS_BYE)
    if moment.state == "escalated" and payloads.ACCEPT in moment.quick_replies:
        return click(payloads.ACCEPT) if moment.rng.random() < 0.75 else click(payloads.REJECT)
    return None


def _listening(policy: Policy, persona: Persona, moment: Moment) -> Reply | None:
    """Answer the question asked, pick the request, or (after a boundary) carry on."""
    customer = moment.customer
    for name in customer.hidden:
        ask = policy.facts[name].ask
        if ask and ask in moment.text:
            value = customer.truth[name]
            if name == "days_since_purchase":
                return Reply(text=say.days_answer(int(str(value))))
            if name == "order_id":
                return Reply(text=say.order_answer(str(value)))
            return click(payloads.ACCEPT if value else payloads.REJECT)
    requested = payloads.REQUEST + customer.request
    if requested in moment.quick_replies:
        return click(requested)
    if persona.name == "abusive" and moment.rng.random() < 0.6:
        return text(say.ABUSE)
    return text(say.INSIST)
