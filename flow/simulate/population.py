"""Who the simulated customers are: what they want, what is true about their order, what the host knows.

Every draw comes from the conversation's own seeded ``random.Random``, so the same seed gives the
same customers whatever policy they are run against.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Literal

from flow.models import FactValue
from flow.simulate.noise import Typing

NAMES = ("Ana", "Ben", "Chloe", "Dev", "Emma", "Farid", "Grace", "Hugo", "Ines", "Jon", "Kemi", "Liam", "Mei", "Nora")
TIERS = ("none", "silver", "gold", "platinum")
TIER_WEIGHTS = (60, 25, 10, 5)
WEEK_START = datetime(2026, 3, 2, tzinfo=UTC)
"""A Monday; simulated conversations happen during the week that follows."""

Change = Literal["drop", "switch"]
OrderForm = Literal["right", "no_dash", "spaced", "hash", "digits"]
WRONG_FORMS: tuple[OrderForm, ...] = ("no_dash", "spaced", "hash", "digits")


@dataclass(frozen=True, slots=True)
class Request:
    """One thing the customer wants done, about one order."""

    kind: str
    order_id: str
    days: int
    dispatched: bool
    condition: str | None = None
    circumstance: str | None = None


@dataclass(frozen=True, slots=True)
class Customer:
    """One simulated customer: what they want, what is true, what the host knows, and how they write.

    ``second`` is another request they will raise (in the first message when ``second_early``, else
    when asked whether there is anything else); ``change`` is how they change their mind once the
    agent has declined (drop the request, or switch to the other kind). ``order_form`` is how they
    first write their order number (``right`` is the shop's form); ``patience`` is how many times
    the agent may miss what they said before they give up.
    """

    request: Request
    truth: dict[str, FactValue]
    known_to_host: dict[str, FactValue]
    starts_at: datetime
    item: str
    persona: str = ""
    typing: Typing = Typing()
    order_form: OrderForm = "right"
    second: Request | None = None
    second_early: bool = False
    change: Change | None = None
    patience: int = 3

    @property
    def hidden(self) -> tuple[str, ...]:
        """The facts the host did not supply, which the agent may have to ask for."""
        return tuple(name for name in self.truth if name not in self.known_to_host)

    @property
    def today(self) -> date:
        """The customer's date when the chat starts."""
        return self.starts_at.date()


def draw_customer(rng: random.Random, persona: str, *, items: Sequence[str], sloppiness: float) -> Customer:
    """A customer with facts from fixed distributions.

    Requests: refunds 70%, cancellations 30%. Days since purchase uniform over 1–90; three orders in
    four dispatched; loyalty tiers 60% none, 25% silver, 10% gold, 5% platinum. A refund is for an
    item that is faulty (20%), never arrived (8%), the wrong item (12%) or simply not wanted; one in
    ten late refunds of an unwanted item comes with an illness or a bereavement. The host usually knows the order,
    and sometimes not the purchase date or dispatch status, so the agent has to ask.
    """
    request = _request(rng, "refund" if rng.random() < 0.7 else "cancel")
    truth: dict[str, FactValue] = {
        "customer_name": rng.choice(NAMES),
        "order_id": request.order_id,
        "days_since_purchase": request.days,
        "dispatched": request.dispatched,
        "loyalty_tier": rng.choices(TIERS, TIER_WEIGHTS)[0],
    }
    hidden = {
        name
        for name, chance in (("order_id", 0.15), ("days_since_purchase", 0.25), ("dispatched", 0.3))
        if rng.random() < chance
    }
    second = None
    if rng.random() < 0.12:
        second = _request(rng, "cancel" if request.kind == "refund" else "refund", plain=True)
        second = Request(second.kind, second.order_id, second.days, dispatched=False)
    change: Change | None = None
    if second is None and rng.random() < 0.09:
        change = "drop" if rng.random() < 0.5 else "switch"
    return Customer(
        request=request,
        truth=truth,
        known_to_host={name: value for name, value in truth.items() if name not in hidden},
        starts_at=_moment(rng),
        item=rng.choice(items),
        persona=persona,
        typing=Typing.draw(rng, sloppiness),
        order_form="right" if rng.random() < 0.7 else rng.choice(WRONG_FORMS),
        second=second,
        second_early=rng.random() < 0.5,
        change=change,
        patience=rng.randint(2, 4),
    )


def _request(rng: random.Random, kind: str, *, plain: bool = False) -> Request:
    order_id = f"{rng.choice('ABCDEFGH')}-{rng.randrange(1000, 10000)}"
    days = rng.randint(1, 90)
    dispatched = rng.random() < 0.75
    condition = None
    circumstance = None
    if not plain and kind == "refund":
        condition = rng.choices((None, "faulty", "never_arrived", "wrong_item"), (60, 20, 8, 12))[0]
        if condition is None and days > 30 and rng.random() < 0.1:
            circumstance = rng.choice(("illness", "bereavement"))
    elif not plain and rng.random() < 0.12:
        condition = "never_arrived"
    if condition == "never_arrived":
        days = rng.randint(5, 40)
    return Request(kind, order_id, days, dispatched, condition, circumstance)


def _moment(rng: random.Random) -> datetime:
    """A time in the simulated week: mostly daytime, sometimes late at night or on Sunday."""
    day = rng.randrange(7)
    hour = rng.randrange(8, 22) if rng.random() < 0.8 else rng.randrange(24)
    return WEEK_START + timedelta(days=day, hours=hour, minutes=rng.randrange(60))


class SimulatedClock:
    """The engine's clock during a simulation: set at the start of each conversation, a minute per message."""

    def __init__(self) -> None:
        self.now = WEEK_START

    def __call__(self) -> datetime:
        return self.now

    def advance(self, minutes: float = 1.0) -> None:
        """Move the clock on between two customer messages."""
        self.now += timedelta(minutes=minutes)
