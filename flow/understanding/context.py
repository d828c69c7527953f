"""What a message is read against: what the conversation had just done when the customer wrote it.

"yes", "no", "the first one", "the credit", a bare number and "that one" mean different things
depending on what is on offer, which fact the agent asked for and what it just asked. The engine builds
a :class:`Context` for every message; reading a message without one reads it as the first message of a
conversation about nothing in particular.

>>> from datetime import date
>>> Context(state="offering_alternatives", request="refund",
...         offered=(Offer("store_credit", ("store credit", "credit", "voucher")), Offer("exchange", ("exchange",))),
...         today=date(2026, 11, 24)).offered_ids
('store_credit', 'exchange')
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from flow.vocabulary import Question, StateName


@dataclass(frozen=True, slots=True)
class Offer:
    """Something on offer that the customer may choose, turn down or ask about, and the ways to name it.

    ``words`` are lower-case names: the title, the in-sentence name and the synonyms; ``description``
    the words of what the agent says about it, which name it when two or more are used together;
    ``details`` the words of what the agent says when asked about it, which a question that names no
    offer may share ("do I pay for postage?").
    """

    id: str
    words: tuple[str, ...]
    description: frozenset[str] = frozenset()
    details: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class FactField:
    """A fact understanding may read from customer text: its name, kind and accepted form.

    ``yes_phrases`` and ``no_phrases`` answer a yes/no fact even when it was not asked ("it's shipped").
    ``values`` are the values the policy's rules name for a condition fact: one read that none names is read
    as the broader one it is a case of, when that is named (a fault back after a repair is a fault).
    """

    name: str
    kind: str
    pattern: str | None = None
    yes_phrases: tuple[str, ...] = ()
    no_phrases: tuple[str, ...] = ()
    values: frozenset[str] = frozenset()


DEFAULT_FACTS: tuple[FactField, ...] = (
    FactField("order_id", "order_id"),
    FactField("days_since_purchase", "days"),
    FactField("condition", "condition"),
    FactField("circumstance", "circumstance"),
    FactField("email", "email"),
)
"""The facts read when no policy says which facts it has."""


@dataclass(frozen=True, slots=True)
class Context:
    """The conversation as it stood when the customer wrote.

    ``request`` is the kind of request being handled (``refund``, ``cancel``), ``offered`` what is on
    offer right now, ``asked`` the fact the agent just asked for, ``question`` what else it just asked,
    ``rough`` what the customer said before about the asked fact when it was vague (days ago, from and to),
    ``focus`` the offer the agent just described (so "that one" means it), ``chosen`` the offer the
    customer took (so a question after it, "will I get an email?", asks about it) and ``chosen_offer`` its
    names, ``wishes`` the alternatives a customer may ask for by name while nothing is on offer ("I'd like
    to exchange it"), ``ways_of_requests`` those of them that are a way of doing a request (the free return,
    which ends in a refund), ``today`` the local date in the policy's time zone (dates are not read without it),
    ``day_first`` whether 02/10 is 2 October,
    ``language`` the language messages are written in, ``facts`` the facts a customer may state, and
    ``settled`` the kind of request last settled, in follow-up (so "oh and A-7006 too" asks for the same),
    and ``granted`` the kind of request approved earlier while the agent is now on another one (so "yes a
    refund is great" welcomes it), and ``choices`` the values the agent offered for the fact it asked
    for ("A-7373 or A-7374?", so "the second one" gives A-7374); ``order`` is the order number of the request
    in hand, if known (so "can you check where A-3333 is? it hasn't arrived" tells of another order);
    ``things`` each of several orders with what the customer called its item (so "the trainers in a 9
    instead?" is about the trainers' order); ``handled`` the kinds of request the policy handles (empty when
    no policy says), so a refund asked for beside a cancellation the policy does not do is not taken for part
    of it; ``days_told`` the days since purchase the request last settled was decided on, in follow-up, which
    a month said alone puts right ("no, November" after "the 2nd"); ``instead_of_grant`` whether the offer
    taken was taken in place of a request the rules grant ("store credit instead" of a refund started), so
    "undo that" asks for the request back.
    """

    state: StateName = "listening"
    request: str | None = None
    offered: tuple[Offer, ...] = ()
    asked: str | None = None
    rough: tuple[int, int | None] | None = None
    question: Question | None = None
    focus: str | None = None
    chosen: str | None = None
    chosen_offer: Offer | None = None
    wishes: tuple[Offer, ...] = ()
    ways_of_requests: frozenset[str] = frozenset()
    today: date | None = None
    day_first: bool = True
    language: str = "en"
    facts: tuple[FactField, ...] = field(default=DEFAULT_FACTS)
    settled: str | None = None
    granted: str | None = None
    choices: tuple[str, ...] = ()
    order: str | None = None
    things: tuple[tuple[str, str], ...] = ()
    handled: frozenset[str] = frozenset()
    days_told: int | None = None
    instead_of_grant: bool = False

    @property
    def offered_ids(self) -> tuple[str, ...]:
        """The ids of what is on offer, in the order offered."""
        return tuple(offer.id for offer in self.offered)

    @property
    def yes_takes_offer(self) -> bool:
        """Whether a bare yes or no answers what is on offer. After a choice was made (in follow-up) the
        other offers are switched to by name, or by a yes right after the agent described one (not the one
        taken, which a yes only acknowledges); otherwise a yes or no answers the agent's question. While
        waiting for a person, the offers made before are taken up by name only ("I'll take the credit"), and
        a yes or no answers the offer of a callback."""
        if self.state == "escalated":
            return self.callback_asked
        return bool(self.offered) and (self.state != "follow_up" or self.focus not in (None, self.chosen))

    @property
    def callback_asked(self) -> bool:
        """Whether the agent, waiting for a person, offered to have one call back."""
        return self.state == "escalated" and "callback" in self.offered_ids

    def fact(self, name: str | None) -> FactField | None:
        """The readable fact called ``name``, if there is one."""
        return next((f for f in self.facts if f.name == name), None) if name else None


FIRST_MESSAGE = Context()
"""The context of a conversation's first message, when nothing is known."""
