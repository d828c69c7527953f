"""Who the simulated customers are: their request, the facts about their order, and when they write.

Every draw comes from the conversation's own seeded ``random.Random``, so the same seed gives the
same customers whatever policy they are run against.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from flow.models import FactValue

NAMES = ("Ana", "Ben", "Chloe", "Dev", "Emma", "Farid", "Grace", "Hugo", "Ines", "Jon")
TIERS = ("none", "silver", "gold", "platinum")
TIER_WEIGHTS = (60, 25, 10, 5)
WEEK_START = datetime(2026, 3, 2, tzinfo=UTC)
"""A Monday; simulated conversations happen during the week that follows."""


@dataclass(frozen=True, slots=True)
class Customer:
    """One simulated customer: what they want, what is true about their order, what the host knows."""

    request: str
    truth: dict[str, FactValue]
    known_to_host: dict[str, FactValue]
    starts_at: datetime
    persona: str = ""
    hidden: tuple[str, ...] = ()


def draw_customer(rng: random.Random, persona: str) -> Customer:
    """A customer with facts from fixed distributions.

    Days since purchase are uniform over 1–90; three in four orders have been dispatched; loyalty
    tiers are 60% none, 25% silver, 10% gold, 5% platinum. The host usually knows the order, and
    sometimes not the purchase date or dispatch status, so the agent has to ask.
    """
    request = "refund" if rng.random() < 0.7 else "cancel"
    truth: dict[str, FactValue] = {
        "customer_name": rng.choice(NAMES),
        "order_id": f"{rng.choice('ABCDEFGH')}-{rng.randrange(1000, 10000)}",
        "days_since_purchase": rng.randint(1, 90),
        "dispatched": rng.random() < 0.75,
        "loyalty_tier": rng.choices(TIERS, TIER_WEIGHTS)[0],
    }
    hidden = [
        name
        for name, chance in (("order_id", 0.15), ("days_since_purchase", 0.25), ("dispatched", 0.3))
        if rng.random() < chance
    ]
    known = {name: value for name, value in truth.items() if name not in hidden}
    return Customer(
        request=request,
        truth=truth,
        known_to_host=known,
        starts_at=_moment(rng),
        persona=persona,
        hidden=tuple(hidden),
    )


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
