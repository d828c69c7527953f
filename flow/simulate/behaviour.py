"""How a simulated customer decides the next move from what the agent just did.

Customers decide from :class:`~flow.simulate.seen.Seen` (the reply, its buttons and actions) and
their own :class:`Memory` of the chat. When a reply does not move things on after a message that
should have (a choice, a fact, a no), they try again in other words or press the button, and after
``patience`` such replies they ask for a person or give up.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace
from typing import Literal

from flow import payloads
from flow.simulate.moves import Move, clicked, typed
from flow.simulate.personas import Persona
from flow.simulate.population import Customer, OrderForm, Request
from flow.simulate.seen import Seen

LEAVE_CHANCE = 0.03
"""The chance, at each waiting moment, that the customer walks away without answering."""

Ending = Literal["", "walked_away", "gave_up"]


@dataclass(slots=True)
class Memory:
    """What a customer remembers of the chat so far."""

    request: Request
    order_form: OrderForm
    opened_vaguely: bool = False
    liked: str | None = None
    asked_about: set[str] = field(default_factory=set)
    insisted: int = 0
    whys: int = 0
    told_problem: bool = False
    told_hardship: bool = False
    changed: bool = False
    second_raised: bool = False
    asked_person: bool = False
    asked_status: bool = False
    threatened: bool = False
    pleased: bool = False
    """Whether the agent has already given them something (an approval, an alternative, the goodwill offer)."""
    last: Move | None = None
    last_signature: tuple[object, ...] = ()
    missed: int = 0
    """How many replies in a row did not move on after a message that should have moved things on."""
    ended: Ending = ""

    @classmethod
    def of(cls, customer: Customer) -> Memory:
        """A customer's memory before the first message."""
        return cls(request=customer.request, order_form=customer.order_form)


def opening(persona: Persona, customer: Customer, memory: Memory, rng: random.Random) -> Move:
    """The first message: what they want (with whatever facts come to mind), or something vaguer."""
    request = customer.request
    if rng.random() < persona.vague:
        memory.opened_vaguely = True
        if request.condition is not None and rng.random() < 0.5:
            return typed("story", "open.story", "provide:condition")
        return typed("vague", "open.vague")
    return typed("open", f"open.{request.kind}", f"request:{request.kind}", target=request.kind, progress=True)


def notice(memory: Memory, seen: Seen, customer: Customer) -> None:
    """Take in the agent's reply: did it move on, which request is now being talked about."""
    followed = seen.signature != memory.last_signature or memory.last is None or not memory.last.progress
    memory.missed = 0 if followed else memory.missed + 1
    memory.last_signature = seen.signature
    decided = seen.decided or {}
    second = customer.second
    if second is not None and memory.second_raised and memory.request is not second:
        settled = decided.get(memory.request.kind)
        if settled is not None and settled not in ("open", "declined"):
            memory.request = second
            memory.liked = None
    if seen.corrected:
        memory.order_form = "right"
    if seen.approved or seen.applied or seen.compensated:
        memory.pleased = True


def decide(persona: Persona, customer: Customer, memory: Memory, seen: Seen, rng: random.Random) -> Move | None:
    """The customer's next move, or ``None`` when they stop writing."""
    if seen.situation in ("closed", "waiting", "other"):
        return None
    if rng.random() < LEAVE_CHANCE:
        memory.ended = "walked_away"
        return None
    if memory.missed >= customer.patience:
        if not memory.asked_person and seen.situation not in ("person", "callback") and rng.random() < 0.5:
            memory.asked_person = True
            return typed("person", "person", "ask_human", progress=True)
        memory.ended = "gave_up"
        return None
    if memory.missed and memory.last is not None:
        return _again(memory.last, persona, seen, rng)
    move = _stray(persona, memory, seen, rng) or _SITUATIONS[seen.situation](persona, customer, memory, seen, rng)
    return move


def remember(memory: Memory, move: Move) -> None:
    """Note what the customer just sent."""
    memory.last = move


def _again(last: Move, persona: Persona, seen: Seen, rng: random.Random) -> Move:
    """The same move once more: the button if there is one, else in other words."""
    button = button_for(last, seen)
    if button is not None and rng.random() < 0.35 + persona.buttons:
        if last.kind == "reject_then_choose":
            return clicked("choose", button, target=last.other, words=last)
        return clicked(last.kind, button, target=last.target, words=last)
    if last.click is not None and last.click not in seen.buttons and last.words is not None:
        # The button they pressed is gone: they type what it said.
        return last.words
    return last


def button_for(move: Move, seen: Seen) -> str | None:
    """The quick reply that does what ``move`` says, when the agent offers one."""
    wanted = {
        "choose": payloads.ALTERNATIVE + (move.target or ""),
        "reject_then_choose": payloads.ALTERNATIVE + (move.other or ""),
        "reject_all": payloads.REJECT,
        "accept_offer": payloads.ACCEPT,
        "decline_offer": payloads.REJECT,
        "done": payloads.DONE,
        "person_yes": payloads.PERSON if payloads.PERSON in seen.buttons else payloads.ACCEPT,
        "person_no": payloads.REJECT,
        "callback_yes": payloads.ACCEPT,
        "callback_no": payloads.REJECT,
        "yes": payloads.ACCEPT,
        "no": payloads.REJECT,
        "restate": payloads.REQUEST + (move.target or ""),
        "open": payloads.REQUEST + (move.target or ""),
    }.get(move.kind)
    return wanted if wanted in seen.buttons else None


def _maybe_click(move: Move, persona: Persona, seen: Seen, rng: random.Random) -> Move:
    button = button_for(move, seen)
    if button is not None and rng.random() < persona.buttons:
        return clicked(move.kind, button, target=move.target, words=move)
    return move


def _stray(persona: Persona, memory: Memory, seen: Seen, rng: random.Random) -> Move | None:
    """The things people type whatever was asked: insults, threats, irony, complaints, something off-topic.

    A customer who has just been given something rarely turns on the agent."""
    roll = rng.random()
    temper = 0.15 if memory.pleased else 1.0
    for chance, move in (
        (persona.abuse * temper, typed("abuse", "abuse", "abusive")),
        (0.0 if memory.threatened else persona.threat * temper, typed("threat", "threat", "threat")),
        (persona.irony if seen.situation in ("offer", "compensation") else 0.0, typed("irony", "irony", "irony")),
        (persona.complain * temper, typed("complain", "complain", "complain")),
        (persona.stray * 0.6, typed("off_topic", "off_topic")),
        (persona.stray * 0.4, typed("gibberish", "gibberish")),
    ):
        if roll < chance:
            memory.threatened = memory.threatened or move.kind == "threat"
            return move
        roll -= chance
    return None


def _fact(persona: Persona, customer: Customer, memory: Memory, seen: Seen, rng: random.Random) -> Move:
    request = memory.request
    if seen.asked == "order_id":
        tags = frozenset({"fixed"}) if seen.corrected else frozenset()
        symbol = "fact.order_id.fixed" if seen.corrected else "fact.order_id"
        return typed("fact", symbol, "provide:order_id", target="order_id", progress=True, tags=tags)
    if seen.asked == "days_since_purchase":
        if rng.random() < persona.why * 0.2 and memory.whys < persona.most_whys:
            memory.whys += 1
            return typed("why", "why", "ask_why")
        symbol = "fact.days.exact" if seen.narrowing else "fact.days"
        return typed("fact", symbol, "provide:days_since_purchase", target="days_since_purchase", progress=True)
    if seen.asked == "dispatched":
        answer = "yes" if request.dispatched else "no"
        move = typed("fact", f"fact.dispatched.{answer}", "provide:dispatched", "affirm" if answer == "yes" else "deny",
                     target="dispatched", progress=True)  # fmt: skip
        button = payloads.ACCEPT if request.dispatched else payloads.REJECT
        if button in seen.buttons and rng.random() < persona.buttons:
            return clicked("fact", button, target="dispatched", words=move)
        return move
    return typed("why", "why", "ask_why")


def _request(persona: Persona, customer: Customer, memory: Memory, seen: Seen, rng: random.Random) -> Move:
    kind = memory.request.kind
    if memory.opened_vaguely:
        memory.opened_vaguely = False
        move = typed("open", f"open.{kind}", f"request:{kind}", target=kind, progress=True)
    else:
        move = typed("restate", f"open.restate.{kind}", f"request:{kind}", target=kind, progress=True)
    return _maybe_click(move, persona, seen, rng)


def _offer(persona: Persona, customer: Customer, memory: Memory, seen: Seen, rng: random.Random) -> Move:
    offers = [offer.id for offer in seen.offers]
    if memory.liked not in offers:
        memory.liked = offers[0] if persona.first else rng.choice(offers)
    request = memory.request
    if customer.change is not None and not memory.changed and rng.random() < 0.5:
        memory.changed = True
        if customer.change == "drop":
            return typed("drop", "drop" if request.kind == "refund" else "drop.cancel", "cancel_request", progress=True)
        other = "cancel" if request.kind == "refund" else "refund"
        memory.request = replace(request, kind=other, condition=None, circumstance=None)
        return typed("switch", f"switch.to_{other}", f"request:{other}", "cancel_request", target=other, progress=True)
    late = _late_facts(memory, rng)
    if late is not None:
        return late
    return _push_back(persona, memory, rng, request.kind) or _choose(persona, memory, seen, rng, offers)


def _late_facts(memory: Memory, rng: random.Random) -> Move | None:
    request = memory.request
    if request.condition is not None and not memory.told_problem and rng.random() < 0.6:
        memory.told_problem = True
        return typed("late_problem", "late_problem", "provide:condition")
    if request.circumstance is not None and not memory.told_hardship and rng.random() < 0.6:
        memory.told_hardship = True
        return typed("late_hardship", "late_hardship", "provide:circumstance")
    return None


def _push_back(persona: Persona, memory: Memory, rng: random.Random, kind: str) -> Move | None:
    if memory.whys < persona.most_whys and rng.random() < persona.why:
        memory.whys += 1
        if rng.random() < 0.2:
            return typed("why", f"why_insist.{kind}", "ask_why", "insist", f"request:{kind}")
        return typed("why", "why", "ask_why")
    if memory.insisted < persona.most_insists and rng.random() < persona.insist:
        memory.insisted += 1
        symbol = f"insist.{kind}" if rng.random() < 0.6 else "insist"
        return typed("insist", symbol, "insist", f"request:{kind}")
    if not memory.asked_person and rng.random() < persona.person:
        memory.asked_person = True
        return typed("person", "person", "ask_human", progress=True)
    return None


def _choose(persona: Persona, memory: Memory, seen: Seen, rng: random.Random, offers: list[str]) -> Move:
    unasked = [o for o in offers if o not in memory.asked_about]
    if unasked and rng.random() < persona.curious:
        if len(offers) > 1 and rng.random() < 0.2:
            first, second = rng.sample(offers, 2)
            memory.asked_about.update((first, second))
            return typed("compare", "compare", "ask_about", target=first, other=second)
        target = memory.liked if memory.liked in unasked else rng.choice(unasked)
        memory.asked_about.add(target)
        return typed("ask_about", "ask_about", f"ask_about:{target}", target=target)
    liked = memory.liked or offers[0]
    if rng.random() < persona.accept:
        others = [o for o in offers if o != liked]
        if others and rng.random() < 0.1:
            return typed("reject_then_choose", "reject_then_choose", f"choose:{liked}",
                         target=rng.choice(others), other=liked, progress=True)  # fmt: skip
        return _maybe_click(
            typed("choose", "choose", f"choose:{liked}", target=liked, progress=True), persona, seen, rng
        )
    if len(offers) > 1 and rng.random() < 0.5:
        target = rng.choice([o for o in offers if o != liked] or offers)
        return typed("reject_one", "reject_one", f"reject:{target}", target=target, progress=True)
    move = typed("reject_all", "reject_all", "reject", "deny", progress=True)
    return _maybe_click(move, persona, seen, rng)


def _compensation(persona: Persona, customer: Customer, memory: Memory, seen: Seen, rng: random.Random) -> Move:
    if "compensation" not in memory.asked_about and rng.random() < persona.curious * 0.5:
        memory.asked_about.add("compensation")
        return typed("ask_offer", "ask_offer", "ask_about:compensation", "ask_about")
    pushed = _push_back(persona, memory, rng, memory.request.kind) if rng.random() < 0.5 else None
    if pushed is not None:
        return pushed
    if rng.random() < persona.goodwill:
        move = typed("accept_offer", "accept_offer", "choose:compensation", "affirm", progress=True)
    else:
        move = typed("decline_offer", "decline_offer", "reject:compensation", "reject:all", "deny", progress=True)
    return _maybe_click(move, persona, seen, rng)


def _anything_else(persona: Persona, customer: Customer, memory: Memory, seen: Seen, rng: random.Random) -> Move:
    second = customer.second
    if second is not None and not memory.second_raised:
        memory.second_raised = True
        memory.request = second
        memory.liked = None
        return typed("add", f"add.{second.kind}", f"request:{second.kind}", target=second.kind, progress=True)
    if seen.approved and not memory.asked_status and rng.random() < 0.1 + persona.curious * 0.3:
        memory.asked_status = True
        approved = seen.approved[-1]
        kind = approved if approved in ("refund", "cancel") else memory.request.kind
        return typed("ask_status", f"ask_status.{kind}", "ask_status", "ask_policy")
    if rng.random() < 0.3:
        return typed("thank_bye", "thank_bye", "thank", "goodbye", progress=True)
    return _maybe_click(typed("done", "done", "deny", "goodbye", "thank", progress=True), persona, seen, rng)


def _person(persona: Persona, customer: Customer, memory: Memory, seen: Seen, rng: random.Random) -> Move:
    if rng.random() < persona.wants_person:
        move = typed("person_yes", "person_yes", "affirm", "ask_human", progress=True)
    else:
        move = typed("person_no", "person_no", "deny", "reject", progress=True)
    return _maybe_click(move, persona, seen, rng)


def _callback(persona: Persona, customer: Customer, memory: Memory, seen: Seen, rng: random.Random) -> Move:
    if rng.random() < persona.wants_person:
        move = typed("callback_yes", "callback_yes", "affirm", "choose:callback", progress=True)
    else:
        move = typed("callback_no", "callback_no", "deny", "reject:callback", progress=True)
    return _maybe_click(move, persona, seen, rng)


_SITUATIONS = {
    "fact": _fact,
    "request": _request,
    "offer": _offer,
    "compensation": _compensation,
    "anything_else": _anything_else,
    "person": _person,
    "callback": _callback,
}
