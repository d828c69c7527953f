"""Simulated customers: small scripts that choose what to send from what the agent just offered.

A persona decides only the interesting moments — how it opens, what it does with the alternatives
and with a goodwill offer. Everything customers do alike (answering questions, saying goodbye,
taking a callback) is in :mod:`flow.simulate.conversation`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Protocol

from flow import payloads
from flow.simulate import phrases as say
from flow.simulate.population import Customer
from flow.vocabulary import StateName


@dataclass(frozen=True, slots=True)
class Reply:
    """What the customer sends next: a text message or a quick-reply payload."""

    text: str | None = None
    quick_reply: str | None = None


@dataclass(frozen=True, slots=True)
class Moment:
    """What the customer sees when it is their turn to write."""

    state: StateName
    text: str
    quick_replies: tuple[str, ...]
    customer: Customer
    rng: random.Random
    times_here: int
    """How many messages the customer already sent while the conversation was in this state."""

    def alternatives(self) -> list[str]:
        """The payloads of the alternatives on offer."""
        return [p for p in self.quick_replies if p.startswith(payloads.ALTERNATIVE)]


class Persona(Protocol):
    """How one kind of customer behaves."""

    name: str

    def opening(self, customer: Customer, rng: random.Random) -> str:
        """The first message."""
        ...

    def on_offer(self, moment: Moment) -> Reply | None:
        """The answer to the alternatives on offer; ``None`` leaves the chat."""
        ...

    def on_compensation(self, moment: Moment) -> Reply | None:
        """The answer to the goodwill offer; ``None`` leaves the chat."""
        ...


def text(phrase: say.Phrase) -> Reply:
    """Send a fixed phrase."""
    return Reply(text=phrase.text)


def click(payload: str) -> Reply:
    """Click a quick reply."""
    return Reply(quick_reply=payload)


def pick(moment: Moment, *, first: bool = False) -> Reply:
    """Choose one of the alternatives on offer (the first, or one at random)."""
    offered = moment.alternatives()
    if not offered:
        return click(payloads.ACCEPT)
    return click(offered[0] if first else moment.rng.choice(offered))


def _calm_opening(customer: Customer) -> str:
    return (say.OPEN_REFUND if customer.request == "refund" else say.OPEN_CANCEL).text


class Calm:
    """Polite; usually takes an alternative, sometimes declines it, mostly accepts a goodwill offer."""

    name = "calm"

    def opening(self, customer: Customer, rng: random.Random) -> str:
        return _calm_opening(customer)

    def on_offer(self, moment: Moment) -> Reply | None:
        return pick(moment) if moment.rng.random() < 0.65 else click(payloads.REJECT)

    def on_compensation(self, moment: Moment) -> Reply | None:
        return click(payloads.ACCEPT) if moment.rng.random() < 0.8 else click(payloads.REJECT)


class Insistent:
    """Asks again for what was refused, a few times, before deciding."""

    name = "insistent"

    def opening(self, customer: Customer, rng: random.Random) -> str:
        return _calm_opening(customer)

    def on_offer(self, moment: Moment) -> Reply | None:
        if moment.times_here < 4 and moment.rng.random() < 0.75:
            return text(say.INSIST)
        return pick(moment) if moment.rng.random() < 0.5 else click(payloads.REJECT)

    def on_compensation(self, moment: Moment) -> Reply | None:
        return text(say.INSIST) if moment.times_here == 0 else click(payloads.ACCEPT)


class Angry:
    """Upset from the first message: rejects, insists, asks for a manager or threatens to complain."""

    name = "angry"

    def opening(self, customer: Customer, rng: random.Random) -> str:
        return (say.OPEN_REFUND_ANGRY if customer.request == "refund" else say.OPEN_CANCEL_ANGRY).text

    def on_offer(self, moment: Moment) -> Reply | None:
        roll = moment.rng.random()
        for share, phrase in (
            (0.45, say.REJECT_ANGRY),
            (0.65, say.INSIST_ANGRY),
            (0.8, say.MANAGER),
            (0.85, say.THREAT),
        ):
            if roll < share:
                return text(phrase)
        return pick(moment)

    def on_compensation(self, moment: Moment) -> Reply | None:
        return click(payloads.ACCEPT) if moment.rng.random() < 0.7 else text(say.REJECT_ANGRY)


class Abusive:
    """Insults the agent; usually keeps going after the first boundary."""

    name = "abusive"

    def opening(self, customer: Customer, rng: random.Random) -> str:
        return (say.OPEN_REFUND_ABUSIVE if customer.request == "refund" else say.OPEN_CANCEL_ABUSIVE).text

    def on_offer(self, moment: Moment) -> Reply | None:
        return text(say.ABUSE) if moment.rng.random() < 0.7 else text(say.REJECT_ANGRY)

    def on_compensation(self, moment: Moment) -> Reply | None:
        return text(say.ABUSE) if moment.rng.random() < 0.5 else click(payloads.ACCEPT)


class QuickToAccept:
    """Takes the first thing offered."""

    name = "quick_to_accept"

    def opening(self, customer: Customer, rng: random.Random) -> str:
        return _calm_opening(customer)

    def on_offer(self, moment: Moment) -> Reply | None:
        return pick(moment, first=True)

    def on_compensation(self, moment: Moment) -> Reply | None:
        return click(payloads.ACCEPT)


class AskingWhy:
    """Wants the reason explained before choosing."""

    name = "asking_why"

    def opening(self, customer: Customer, rng: random.Random) -> str:
        return _calm_opening(customer)

    def on_offer(self, moment: Moment) -> Reply | None:
        if moment.times_here == 0 or (moment.times_here == 1 and moment.rng.random() < 0.3):
            return text(say.WHY)
        return pick(moment) if moment.rng.random() < 0.6 else click(payloads.REJECT)

    def on_compensation(self, moment: Moment) -> Reply | None:
        return text(say.WHY) if moment.times_here == 0 else click(payloads.ACCEPT)


PERSONAS: dict[str, Persona] = {
    persona.name: persona for persona in (Calm(), Insistent(), Angry(), Abusive(), QuickToAccept(), AskingWhy())
}
"""Every persona, by name."""
