"""Writing a customer's move as text: the phrase tables filled in with what the customer knows, then typos.

The values come from the customer's own facts: their order number in the form they type it, when
they bought the item (as days, a date, a weekday, "last month", "ages ago" — whichever is true),
what went wrong, and how they name an alternative (its name, their own words for it, its place in
the list, a misspelling, "that one"). :class:`Written` says which facts the text states and what
they mean, so a misread fact can be found.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from flow.models import FactValue
from flow.policy import Policy
from flow.simulate.grammar import GrammarError
from flow.simulate.moves import Move
from flow.simulate.noise import misspell
from flow.simulate.phrasebook import Phrasebook
from flow.simulate.population import Customer, OrderForm, Request
from flow.simulate.seen import Seen
from flow.understanding.lexicon import day_first

WEEK_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten"}
_ORDINAL_SUFFIX = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}
_POSITIONS = ("first", "second", "third")
_TRIES = 20


@dataclass(frozen=True, slots=True)
class Expect:
    """A fact a message states and what the customer means by it (a range of days for dates)."""

    value: FactValue
    low: int | None = None
    high: int | None = None
    vague: bool = False
    """Whether the words are too vague to take in as they are ("ages ago"): asking again is right too."""


@dataclass(frozen=True, slots=True)
class Written:
    """A message as the customer meant it and as they typed it, and the facts it states."""

    meant: str
    text: str
    facts: dict[str, Expect] = field(default_factory=dict)
    mentions: frozenset[str] = frozenset()
    """The values the text took that were not empty (``also``: it raised the second request)."""


@dataclass(frozen=True, slots=True)
class When:
    """One way to say when the item was bought: the phrase symbol, its values, and the days it means."""

    symbol: str
    values: Mapping[str, str]
    low: int
    high: int | None
    vague: bool = False


def order_as_typed(order_id: str, form: OrderForm) -> str:
    """``order_id`` (``A-1234``) as a customer types it in ``form``."""
    letter, digits = order_id.split("-")
    return {
        "right": order_id,
        "no_dash": f"{letter.lower()}{digits}",
        "spaced": f"{letter} {digits}",
        "hash": f"#{letter}{digits}",
        "digits": digits,
    }[form]


def ways_to_say_when(days: int, today: date, *, exact: bool, day_first_dates: bool = True) -> list[When]:
    """Every true way to say that something was bought ``days`` days before ``today``."""
    bought = today - timedelta(days=days)
    exactly = (days, days)
    day = str(bought.day)
    ordinal = day + _ORDINAL_SUFFIX.get(bought.day, "th")
    month = bought.strftime("%B")
    dd_mm = f"{bought.day}/{bought.month}" if day_first_dates else f"{bought.month}/{bought.day}"
    ways = [
        When("when.days_ago", {"n": str(days)}, *exactly),
        When("when.date", {"day": day, "ordinal": ordinal, "month": month, "dd_mm": dd_mm}, *exactly),
    ]
    if days == 1:
        ways.append(When("when.yesterday", {}, *exactly))
    if 2 <= days <= 6:
        ways.append(When("when.weekday", {"weekday": bought.strftime("%A")}, *exactly))
    if exact:
        return ways
    monday = today - timedelta(days=today.weekday())
    if monday - timedelta(days=7) <= bought < monday:
        ways.append(When("when.last_week", {}, (today - monday).days + 1, (today - monday).days + 7))
    weeks = round(days / 7)
    if days >= 10 and weeks >= 2:
        word = WEEK_WORDS.get(weeks, str(weeks))
        ways.append(When("when.weeks_ago", {"weeks": str(weeks) if days % 2 else word}, 7 * weeks - 3, 7 * weeks + 3))
    first_of_month = today.replace(day=1)
    if bought < first_of_month:
        start = (first_of_month - timedelta(days=1)).replace(day=1)
        if bought >= start:
            ways.append(When("when.last_month", {}, (today - first_of_month).days + 1, (today - start).days))
        ways.append(When("when.month", {"month": month}, *_month_range(bought, today)))
    for symbol, low, high, fits in (
        ("when.few_days", 2, 5, 2 <= days <= 5),
        ("when.fortnight", 10, 18, 11 <= days <= 17),
        ("when.about_month", 24, 38, 25 <= days <= 37),
        ("when.over_month", 31, None, days >= 35),
        ("when.two_months", 45, 75, 50 <= days <= 70),
        ("when.ages", 30, None, days >= 50),
    ):
        if fits:
            ways.append(When(symbol, {}, low, high, vague=symbol == "when.ages"))
    return ways


def _month_range(bought: date, today: date) -> tuple[int, int]:
    first = bought.replace(day=1)
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    return (today - min(last, today)).days, (today - first).days


class Pen:
    """Writes moves for customers of one policy, from the phrase tables."""

    def __init__(self, policy: Policy, book: Phrasebook) -> None:
        self.policy = policy
        self.book = book
        self._zone = ZoneInfo(policy.timezone)
        self._day_first = day_first(policy.locale)
        self._names = {
            alternative.id: (alternative.name or alternative.title).lower()
            for request in policy.requests.values()
            for alternative in request.every_alternative()
        }

    def tone_of(self, symbol: str, tone: str) -> str:
        """``symbol`` in ``tone`` (``choose.angry``) when the tables have it, else plain ``symbol``."""
        toned = f"{symbol}.{tone}"
        return toned if self.book.grammar.has(toned) else symbol

    def write(
        self,
        move: Move,
        customer: Customer,
        request: Request,
        seen: Seen | None,
        rng: random.Random,
        *,
        tone: str = "",
        order_form: OrderForm = "right",
        opening: bool = False,
    ) -> Written:
        """The text of ``move`` for ``customer`` talking about ``request``, and the facts it states."""
        values, when, exact = self._values(move, customer, request, seen, rng, order_form=order_form, opening=opening)
        symbol = self.tone_of(move.symbol, tone) if tone else move.symbol
        meant, used = self._expand(symbol, rng, values)
        facts = self._stated(used, values, request, exact if "exact_when" in used else when, order_form)
        facts = {
            name: expect
            for name, expect in facts.items()
            if name in self.policy.facts and (expect.value is not None or name in customer.hidden)
        }
        mentions = frozenset(name for name in used if values.get(name))
        return Written(meant=meant, text=customer.typing.apply(meant, rng), facts=facts, mentions=mentions)

    def _expand(self, symbol: str, rng: random.Random, values: Mapping[str, str]) -> tuple[str, set[str]]:
        """A text of ``symbol`` with something in it: optional parts can all come out empty ("{hi} {problem}")."""
        for _ in range(_TRIES):
            used: set[str] = set()
            text = self.book.grammar.expand(symbol, rng, values, used=used)
            if text.strip():
                return text, used
        raise GrammarError(symbol, f"came out empty {_TRIES} times; give it an alternative that always says something")

    def _values(
        self,
        move: Move,
        customer: Customer,
        request: Request,
        seen: Seen | None,
        rng: random.Random,
        *,
        order_form: OrderForm,
        opening: bool,
    ) -> tuple[dict[str, str], When, When]:
        grammar = self.book.grammar
        today = customer.starts_at.astimezone(self._zone).date()
        when = rng.choice(ways_to_say_when(request.days, today, exact=False, day_first_dates=self._day_first))
        exact = rng.choice(ways_to_say_when(request.days, today, exact=True, day_first_dates=self._day_first))
        condition = request.condition or ("cancel" if request.kind == "cancel" else "none")
        values: dict[str, str] = {
            "hi": grammar.expand("greeting", rng, {}, sentence=False) if seen is None else "",
            "item": customer.item,
            "order": order_as_typed(request.order_id, order_form),
            "when": grammar.expand(when.symbol, rng, when.values, sentence=False),
            "exact_when": grammar.expand(exact.symbol, rng, exact.values, sentence=False),
            "problem": grammar.expand(f"problem.{condition}", rng, {}),
            "problem_l": grammar.expand(f"problem_l.{condition}", rng, {}, sentence=False),
            "hardship": grammar.expand(f"hardship.{request.circumstance}", rng, {}) if request.circumstance else "",
            "offer": self._offer_words(rng),
            "alt": self.refer(move.target, seen, rng),
            "alt2": self.refer(move.other, seen, rng),
            "order_bit": "",
            "when_bit": "",
            "ship_bit": "",
            "also": "",
        }
        # Someone whose parcel never came asks for their money, not to send anything back.
        returnable = request.condition != "never_arrived"
        for name in ("refund_ask", "refund_short", "refund_short_l", "too_late"):
            way = "return" if returnable and rng.random() < 0.4 else "money"
            values[name] = grammar.expand(f"{name}.{way}", rng, values)
        second = customer.second
        if second is not None:
            values["other_order"] = second.order_id
            other = rng.choice(ways_to_say_when(second.days, today, exact=True, day_first_dates=self._day_first))
            values["other_when"] = grammar.expand(other.symbol, rng, other.values, sentence=False)
        if opening:
            hidden = set(customer.hidden)
            if rng.random() < (0.6 if "order_id" in hidden else 0.25):
                values["order_bit"] = grammar.expand("order_sentence", rng, values)
            if request.kind == "refund" and rng.random() < (0.45 if "days_since_purchase" in hidden else 0.25):
                values["when_bit"] = grammar.expand("when_sentence", rng, values)
            if request.kind == "cancel" and rng.random() < (0.5 if "dispatched" in hidden else 0.25):
                values["ship_bit"] = grammar.expand("ship.yes" if request.dispatched else "ship.no", rng, {})
            if second is not None and customer.second_early:
                values["also"] = grammar.expand(f"also.{second.kind}", rng, values)
            if not request.circumstance or rng.random() < 0.5:
                values["hardship"] = ""
        return values, when, exact

    def _stated(
        self, used: set[str], values: Mapping[str, str], request: Request, when: When, order_form: OrderForm
    ) -> dict[str, Expect]:
        stated = {name for name in used if values.get(name)}
        facts: dict[str, Expect] = {}
        if stated & {"order", "order_bit"}:
            facts["order_id"] = Expect(request.order_id if order_form == "right" else None)
        if stated & {"when", "when_bit", "exact_when"}:
            facts["days_since_purchase"] = Expect(request.days, when.low, when.high, vague=when.vague)
        if "ship_bit" in stated:
            facts["dispatched"] = Expect(request.dispatched)
        if stated & {"problem", "problem_l"} and request.condition is not None:
            facts["condition"] = Expect(request.condition)
        if "hardship" in stated and request.circumstance is not None:
            facts["circumstance"] = Expect(request.circumstance)
        return facts

    def refer(self, alternative: str | None, seen: Seen | None, rng: random.Random) -> str:
        """How the customer names ``alternative``: by name, in their own words, by place, misspelt, or "that one"."""
        if alternative is None:
            return ""
        grammar = self.book.grammar
        name = self._names.get(alternative, alternative.replace("_", " "))
        ways: list[tuple[float, str]] = [(30, f"the {name}"), (10, name), (10, misspell(name, rng))]
        if grammar.has(f"refer.{alternative}"):
            ways.append((25, grammar.expand(f"refer.{alternative}", rng, {}, sentence=False)))
        offers = [o.id for o in seen.offers] if seen is not None else []
        if alternative in offers and len(offers) > 1:
            place = offers.index(alternative)
            position = "last" if place == len(offers) - 1 and rng.random() < 0.4 else _POSITIONS[min(place, 2)]
            ways.append((15, grammar.expand(f"refer.{position}", rng, {}, sentence=False)))
            title = seen.offer(alternative) if seen is not None else None
            if title is not None:
                ways.append((8, title.title.lower()))
        elif offers == [alternative]:
            ways.append((15, grammar.expand("refer.this", rng, {}, sentence=False)))
        texts = [text for _, text in ways]
        return rng.choices(texts, [weight for weight, _ in ways])[0]

    def _offer_words(self, rng: random.Random) -> str:
        compensation = self.policy.compensation
        if compensation is not None and rng.random() < 0.3:
            return f"the {compensation.title.lower()}"
        return self.book.grammar.expand("offer_words", rng, {}, sentence=False)

    def shapes(self) -> dict[str, list[str]]:
        """Every way the customers of this policy name its alternatives and its goodwill offer, for the
        overlap measure (misspellings left out, as typos are)."""
        grammar = self.book.grammar
        alternatives: list[str] = []
        for alternative, name in self._names.items():
            alternatives += [f"the {name}", name]
            if grammar.has(f"refer.{alternative}"):
                alternatives += list(grammar.every(f"refer.{alternative}"))
        for request in self.policy.requests.values():
            alternatives += [a.title.lower() for a in request.every_alternative()]
        for position in (*_POSITIONS, "last", "this"):
            alternatives += list(grammar.every(f"refer.{position}"))
        offers = list(grammar.every("offer_words"))
        if self.policy.compensation is not None:
            offers.append(f"the {self.policy.compensation.title.lower()}")
        return {"alt": alternatives, "alt2": alternatives, "offer": offers}
