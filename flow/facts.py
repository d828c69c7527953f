"""Before the flow moves: the requests a message makes or drops, the facts it gives, and what it counts.

:func:`identify_request` keeps the agenda: a request the customer makes is added (and becomes the one
in hand when nothing else is), a request they drop ("scrap that") is settled as dropped, and a switch
("cancel my other order instead") does both. :func:`fill_facts` records the facts the message states,
each with the request it belongs to, and never overwrites what the host said. :func:`count` updates
the counters the guards read.

Facts that describe a request (the order, when it was bought, what was wrong with it: those a request
needs or its rules read) live with that request on the agenda; the rest belong to the conversation.
``run.facts`` is always the view for the request in hand: the conversation's facts and its own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from flow.conditions import compile_condition, facts_named
from flow.guards import handed_over, open_before_handoff
from flow.models import AgendaItem, FactValue, Span
from flow.policy import NUMERIC_KINDS, FactSpec, Policy
from flow.run import Run, current_item
from flow.textmatch import WORD, TextPattern, policy_pattern
from flow.understanding.english.dates import SHORTER_THAN_A_MONTH
from flow.understanding.english.money import said_as_money
from flow.wording import greets_only

AssumedRequest = Callable[[dict[str, FactValue]], str | None]
"""The request a policy assumes from the facts told, if any (:meth:`flow.rules.Rules.assumed_request`)."""

# Group 1 is the number; the characters around it stand in for "no letter, digit or point next to it".
_NUMBER = TextPattern(rf"(?:^|[^{WORD}.])(\d{{1,6}})(?:[^{WORD}.]|$)")
_EMAIL = TextPattern(rf"[{WORD}.+-]+@[{WORD}-]+(?:\.[{WORD}-]+)+")
_MAX_TEXT_FACT = 200
_ANOTHER_ORDER = TextPattern(
    r"\b(?:another|other|different|second|separate|2nd)\s+(?:order|purchase|parcel|item|product|thing)\b",
    ignore_case=True,
)
"""Words that say a request is about an order other than the one known ("cancel my other order")."""
_EVERY_ORDER = TextPattern(
    r"\b(?:neither|both|none of them|all of them|either of them|each of them)\b", ignore_case=True
)
"""Words that give one answer for every order in hand ("neither has shipped")."""
_MAY_ANSWER_YES_NO = frozenset({"affirm", "deny", "provide", "thank", "unknown", "complain"})
"""Acts a yes-or-no answer can come with, when the reading found no answer and the model's lean is taken."""
_ANSWERS_IN_HAND = frozenset({"choose", "reject", "affirm", "deny", "cancel_request"})
"""Acts that answer the request in hand or what is on offer for it, so the message is not about another."""
_DECLINED_STATES = ("offering_alternatives", "compensation", "escalated")
_WORKING_DEFAULTS: dict[str, Any] = {
    "agenda": list,
    "question": lambda: None,
    "focus": lambda: None,
    "said": list,
    "changed": lambda: False,
    "gave_up": lambda: False,
    "noted_for": lambda: None,
    "done_for": lambda: None,
    "out_of_bounds": lambda: False,
    "named_now": lambda: False,
    "covered": lambda: None,
    "put_off": lambda: None,
    "redo": lambda: False,
    "settled": list,
    "pending_before": lambda: None,
    "focus_before": lambda: None,
    "waiting_since": lambda: None,
    "person": lambda: None,
    "callback_offered": lambda: False,
}


def read_fact(spec: FactSpec, text: str, signals: Any) -> FactValue:
    """The value of one fact found in a customer message by its kind alone, or ``None``: for a reply the
    understanding step did not read as that fact."""
    if spec.kind == "order_id" and spec.pattern:
        found = policy_pattern(spec.pattern).search(text)
        return str(found.group(0)).upper() if found else None
    if spec.kind == "yes_no":
        # A message the reading found nothing in ("ok" after the hint), or only thanks ("perfect, thank you"),
        # is no answer, whatever the model leans to; nor is one that asks or presses ("ok is that it? do I need
        # to do anything?").
        kinds = {act.kind for act in signals.acts}
        if kinds <= {"unknown", "thank"} or not kinds <= _MAY_ANSWER_YES_NO:
            return None
        return {"accept": True, "reject": False}.get(signals.intent)
    if spec.kind == "number" or spec.kind == "days":
        number = _NUMBER.search(text)
        if number is None or (_in_months(spec) and _counts_a_shorter_span(text, number.end(1))):
            return None  # "about 6 weeks in a cast" is no number of months
        if _not_a_count(text, number.start(1), number.end(1), in_months=_in_months(spec)):
            return None
        return int(number.group(1))
    if spec.kind == "email":
        email = _EMAIL.search(text)
        return str(email.group(0)) if email else None
    if spec.kind == "text" or spec.kind == "name":
        cleaned = text.strip()
        return cleaned[:_MAX_TEXT_FACT] if cleaned else None
    return None


def _not_a_count(text: str, start: int, end: int, *, in_months: bool) -> bool:
    """Whether the number at ``start:end`` is no count of days or months: an amount ("I pay 45 a month",
    "£30"), an order number typed with a space ("A 1234"), the months already gone ("3 months in"), or the
    length a contract was signed for ("signed up for 12 months")."""
    before = text[:start].lower().split()
    after = [word.rstrip(".,!?") for word in text[end:].lower().replace("/", " ").split()[:2]]
    sign = text[:start].rstrip()[-1:]
    if sign == "#" or said_as_money(sign, after):
        return True  # "#1234" is an order number
    if before and len(before[-1]) == 1 and before[-1].isalpha() and before[-1] not in ("a", "i"):
        return True  # "A 1234", "B 7070": an order number with a space in it
    if before[-1:] == ["a"] and end - start >= 4:
        return True  # "a 1234" is never a number of days
    if in_months and after[:1] in (["month"], ["months"]) and after[1:] in (["in"], ["into"]):
        return True  # "3 months into it": months gone, not left
    return in_months and before[-1:] == ["for"] and not _SIGNING.isdisjoint(before[-5:])


_SIGNING = frozenset({"signed", "joined", "contract", "signup", "committed", "agreed", "took"})


def _in_months(spec: FactSpec) -> bool:
    """Whether a number fact counts months ("months left on the contract")."""
    return "month" in f"{spec.label or ''} {spec.ask or ''}".lower()


def _counts_a_shorter_span(text: str, end: int) -> bool:
    """Whether the number ending at ``end`` counts weeks, days or hours ("6 weeks")."""
    following = text[end:].lstrip().lower().split(maxsplit=1)
    return bool(following) and following[0].rstrip(".,!?") in SHORTER_THAN_A_MONTH


def _adopt(run: Any) -> None:
    """Give a working model written for a single request (a ``request`` attribute only) an agenda."""
    if type(run) is not Run:  # a Run has every field already
        for name, default in _WORKING_DEFAULTS.items():
            if not hasattr(run, name):
                setattr(run, name, default())
    if not run.agenda and run.request is not None:
        run.agenda.append(AgendaItem(run.request))


def _now_asked_for(run: Run, name: str) -> None:
    """A request the policy worked out from the trouble told is one the customer asked for, once they do."""
    for item in run.agenda:
        if item.name == name and item.assumed and not item.settled:
            item.assumed = False
            run.named_now = True


def identify_request(run: Run, policy: Policy, assumed: AssumedRequest | None = None) -> None:
    """Update the agenda with the requests this message makes, drops or switches to; ``assumed`` names the
    request the policy assumes from facts told (:meth:`flow.rules.Rules.assumed_request`), which decides
    what a wish means when its words name more than one alternative."""
    _adopt(run)
    run.changed = False
    run.gave_up = False
    before = current_item(run)
    if before is not None:
        # The snapshot's facts are the latest word on the request in hand (a host may have set them).
        request_facts = policy.request_facts()
        before.facts.update({k: v for k, v in run.facts.items() if k in request_facts})
    waiting_before = [item for item in run.agenda if item is not before and not item.settled]
    dropped_before = sum(item.status == "dropped" for item in run.agenda)
    kinds: dict[str, str | None] = {}
    asks_anew = run.signals.has("request")
    for act in run.signals.acts:
        if act.negated:
            continue
        if act.kind == "cancel_request":
            name = _name_for(policy, act.target) or run.request
            if before is not None and before.name == name and before.status == "declined" and not asks_anew:
                # "I'll leave it" once the request was refused accepts the refusal: nothing on offer is wanted.
                run.gave_up = True
            else:
                _drop(run, name)
        elif act.kind == "request":
            name = _name_for(policy, act.target)
            if name is not None and before is None and _covered(run, policy, name):
                continue
            if name is not None and before is not None and before.name == name and not run.signals.has("choose"):
                before.wish = None  # "sorry, changed my mind, I'll just get a refund": the request, not its offer
            if name is not None:
                _now_asked_for(run, name)
                kinds = kinds or {n: _kind(policy, n) for n in policy.requests}
                # With several kinds of request, the orders told apart are those no request names.
                orders = run.signals.order_facts if not run.signals.request_facts else ()
                orders = _give_the_others(run, policy, name, orders)
                said_of = run.signals.slots.get("request_order")
                for stated in orders or (None,):
                    called, by_trouble = _called_for(name, stated, orders, assumed)
                    if said_of and stated is not None and called == name and stated.get("order_id") != said_of:
                        continue  # "... and the second I'd like to cancel": asked for that order only
                    known = len(run.agenda)
                    _add(run, policy, called, kinds, stated)
                    if len(run.agenda) > known and by_trouble:
                        run.agenda[-1].assumed = True
    picked = run.signals.slots.get("request")
    if picked in policy.requests and not any(i.name == picked and not i.settled for i in run.agenda):
        run.agenda.append(AgendaItem(picked))
    named = run.facts.get("request")
    if not run.agenda and isinstance(named, str) and named in policy.requests:
        run.agenda.append(AgendaItem(named))
    slot = run.signals.slots.get("requested") if not run.agenda else None
    if slot is not None and (name := policy.request_for(slot)) is not None:
        run.agenda.append(AgendaItem(name))
    if not _note_order_wishes(run, policy):
        _note_wish(run, policy, assumed)
    _note_ruled_out(run, policy)
    _take_back_drop(run, policy)
    if before is not None and not before.settled:
        _take_up_first(run, policy, before, waiting_before)
    current = current_item(run)
    let_go_at_once = (
        before is None and current is None and sum(i.status == "dropped" for i in run.agenda) > dropped_before
    )
    if (current is not before and before is not None) or let_go_at_once:
        # let go at once: "can I cancel A-8004? actually no, I'll keep it", asked for and dropped in one message
        run.changed = True
        if current is None:
            # Nothing is left to decide, so no fact is still wanted: "no" now answers "anything else?".
            run.pending_fact = None
    _point_at(run, policy, current)


def _covered(run: Run, policy: Policy, name: str) -> bool:
    """Whether the request last approved leaves nothing to do for ``name`` on the same order ("can I get a
    refund?" once the order is cancelled before it left); if so, what the policy says of it is kept for the
    reply."""
    last = run.agenda[-1] if run.agenda else None
    if last is None or last.status != "approved" or name == last.name:
        return False
    say = policy.requests[last.name].covers.get(name)
    told = run.signals.facts.get("order_id")
    if say is None or (told is not None and told != last.facts.get("order_id", run.facts.get("order_id"))):
        return False
    run.covered = name
    return True


def _give_the_others(
    run: Run, policy: Policy, name: str, orders: tuple[dict[str, FactValue], ...]
) -> tuple[dict[str, FactValue], ...]:
    """ "The refund is for A-1010, the other is A-2020" while a refund and a cancellation wait for their
    orders: the first order is the named request's, and each of the others goes to the next request still
    without an order. The orders left for the named request are returned."""
    waiting = [i for i in run.agenda if not i.settled and "order_id" not in i.facts]
    others = [i for i in waiting if i.name != name]
    if len(orders) < 2 or not others or not any(i.name == name for i in waiting) or len(orders) > 1 + len(others):
        return orders
    for item, stated in zip(others, orders[1:], strict=False):
        item.facts.update(_request_facts(policy, stated))
    return orders[:1]


def _called_for(
    name: str,
    stated: dict[str, FactValue] | None,
    orders: tuple[dict[str, FactValue], ...],
    assumed: AssumedRequest | None,
) -> tuple[str, bool]:
    """The request for one of several orders a message names, and whether the trouble told of that order
    set it: "the zip on A-2222 broke, and cancel A-3333" asks to cancel A-3333 only, and A-2222 gets the
    request its trouble calls for, when another order told of no trouble is left for the request named
    ("cancel A-7006, and A-7007 never arrived")."""
    if assumed is None or stated is None or len(orders) < 2:
        return name, False
    called = assumed(stated)
    if called is None or all(assumed(other) is not None for other in orders if other is not stated):
        return name, False
    return called, True


def _take_back_drop(run: Run, policy: Policy) -> None:
    """ "Actually no wait, I do want it. Bought 3 days ago": with nothing else open, facts the request just
    dropped needs take the drop back."""
    signals = run.signals
    if current_item(run) is not None or signals.has("request") or signals.has("cancel_request"):
        return
    last = run.agenda[-1] if run.agenda else None
    if last is None or last.status != "dropped" or run.state != "listening":
        return
    if not policy.facts_of(last.name).isdisjoint(signals.facts):
        last.status = "open"


def _take_up_first(run: Run, policy: Policy, current: AgendaItem, waiting: list[AgendaItem]) -> None:
    """Move a request that was waiting behind the one in hand to the front when the message points at it
    ("what about A-4124?", "can we do the cancellation first?"); the one in hand then waits behind it."""
    pointed = _pointed_at(run, policy, current, [item for item in waiting if not item.settled])
    if pointed is None:
        return
    run.agenda.remove(pointed)
    run.agenda.insert(run.agenda.index(current), pointed)
    run.put_off = current


def _pointed_at(run: Run, policy: Policy, current: AgendaItem, waiting: list[AgendaItem]) -> AgendaItem | None:
    """The one waiting request the message names by its order or its kind, and not the one in hand; none
    when the message answers what is on offer or drops something."""
    if not waiting:
        return None
    acts = [act for act in run.signals.acts if not act.negated]
    if any(act.kind in _ANSWERS_IN_HAND for act in acts):
        return None
    named = {_name_for(policy, act.target) for act in acts if act.kind == "request"}
    if run.signals.slots.get("the_other") and not named and len(waiting) == 1 and not run.signals.facts:
        return waiting[0]  # "thanks, and the mug?" with one other thing waiting: that one
    orders = {facts["order_id"] for facts in run.signals.order_facts if "order_id" in facts}
    if (order := run.signals.facts.get("order_id")) is not None:
        orders.add(order)
    if orders:
        own = current.facts.get("order_id")
        if own in orders or own is None and run.pending_fact == "order_id":
            return None
        if not named and set(run.signals.facts) - {"order_id"}:
            return None
        found = [item for item in waiting if item.facts.get("order_id") in orders]
    elif current.name in named:
        return None
    else:
        found = [item for item in waiting if item.name in named]
    return found[0] if len(found) == 1 else None


def _note_wish(run: Run, policy: Policy, assumed: AssumedRequest | None) -> None:
    """Remember an alternative asked for by name before anything was offered ("I'd like to exchange it"), on
    the request in hand when it has that alternative, else on a new request of the first kind that has it;
    after everything was settled, only for another order."""
    if run.state == "escalated":
        _note_wish_while_waiting(run, policy)
        return
    if run.state not in ("listening", "follow_up"):
        return
    wish = next((a.target for a in run.signals.acts if a.kind == "choose" and not a.negated and a.target), None)
    if wish is not None and run.state == "follow_up" and _take_up_again(run, wish):
        return
    if wish is None or run.state == "follow_up" and not _another_order(run):
        return
    owners = _owners(policy, wish)
    item = current_item(run)
    if item is None and assumed is not None:
        wish, owners = _wish_for_what_was_told(run, policy, assumed, wish, owners)
    if item is None and owners:
        item = AgendaItem(owners[0])
        run.agenda.append(item)
    if item is not None:
        wish = _wish_that_may_be_had(run, policy, item, wish)
        if item.name in _owners(policy, wish):
            item.wish = wish


def _wish_that_may_be_had(run: Run, policy: Policy, item: AgendaItem, wish: str) -> str:
    """Of the alternatives a wish's words name ("another copy sent" names the new parcel and, within it, a
    new one), the first the request in hand may have with what was told: a book that came ruined can be
    replaced, not sent again as if it never came."""
    also = run.signals.slots.get("also_wished")
    if not also:
        return wish
    facts = {**run.facts, **item.facts, **run.signals.facts}
    return next((each for each in (wish, *also.split()) if _may_have(policy, item.name, each, facts)), wish)


def _may_have(policy: Policy, request: str, offer: str, facts: dict[str, FactValue]) -> bool:
    """Whether ``request`` offers ``offer`` anywhere its conditions do not rule out with ``facts``; a number
    not known yet may be anything."""
    wanted = policy.requests[request]
    if all(a.id != offer for a in wanted.every_alternative()):
        return False
    if any(a.id == offer for a in wanted.alternatives):
        return True
    for exception in wanted.exceptions:
        if all(a.id != offer for a in exception.alternatives):
            continue
        named = facts_named(exception.when)
        known = {name: facts.get(name, _ANY_AMOUNT if _is_number(policy, name) else None) for name in named}
        if compile_condition(exception.when)(known, {}, {}) is not False:
            return True
    return False


_ANY_AMOUNT = Span(low=0)


def _is_number(policy: Policy, name: str) -> bool:
    spec = policy.facts.get(name)
    return spec is not None and spec.kind in NUMERIC_KINDS


def _take_up_again(run: Run, wish: str) -> bool:
    """ "Ok, the exchange for that one then", once everything else is settled: an alternative offered for a
    request the customer let go for another ("actually, cancel A-6002 instead") takes that request up again,
    with what it knew, to be granted as asked."""
    if current_item(run) is not None:
        return False
    item = next((each for each in reversed(run.agenda) if each.status == "dropped" and wish in each.offered), None)
    if item is None:
        return False
    item.status = "open"
    item.wish = wish
    return True


def _note_wish_while_waiting(run: Run, policy: Policy) -> None:
    """While waiting for a person asked for before anything was offered, "never mind, I'll take the store
    credit" is remembered on the request told for the person, so the agent can take it up itself."""
    if run.escalation_reason != "asked_for_person":
        return
    item = handed_over(run.agenda) or current_item(run)
    if item is None or open_before_handoff(run):
        return
    wish = next((a.target for a in run.signals.acts if a.kind == "choose" and not a.negated and a.target), None)
    if wish is not None and item.name in _owners(policy, wish):
        item.wish = wish


def _note_ruled_out(run: Run, policy: Policy) -> None:
    """Remember an alternative turned down before anything was offered ("I'd rather have my money back than
    a new one", said while the agent asks when it was bought), so it is left out when alternatives come."""
    item = current_item(run)
    if run.state != "listening" or item is None or item.offered:
        return
    for act in run.signals.acts:
        if act.negated or not act.target:
            continue
        if act.kind == "choose":
            item.rejected = tuple(offer for offer in item.rejected if offer != act.target)  # wanted after all
        elif act.kind == "reject" and act.target not in item.rejected and item.name in _owners(policy, act.target):
            item.rejected = (*item.rejected, act.target)


def _note_order_wishes(run: Run, policy: Policy) -> bool:
    """ "Refund A-5151 and exchange A-5252": each alternative asked for with one of several orders is
    remembered on that order's request, when the request has it. ``False`` when the message asks for none."""
    told = run.signals.slots.get("order_wishes")
    if not told:
        return False
    for pair in told.split():
        order, _, wish = pair.partition(":")
        owners = _owners(policy, wish)
        if not owners:
            continue
        item = next((i for i in run.agenda if not i.settled and i.facts.get("order_id") == order), None)
        if item is None and not any(i.facts.get("order_id") == order for i in run.agenda):
            # "Cancel A-2323, refund A-2424, and I want to exchange A-2525": asked for by the alternative alone.
            item = AgendaItem(owners[0], facts={"order_id": order})
            run.agenda.append(item)
        elif item is not None and item.name not in owners and not item.offered and item.wish is None:
            # "Cancel A-2323 and exchange A-2525": the order was taken for the message's request, not its own.
            item.name = owners[0]
        if item is not None and item.name in owners:
            item.wish = wish
    return True


def _owners(policy: Policy, wish: str) -> list[str]:
    return [name for name, request in policy.requests.items() if any(a.id == wish for a in request.every_alternative())]


def _wish_for_what_was_told(
    run: Run, policy: Policy, assumed: AssumedRequest, wish: str, owners: list[str]
) -> tuple[str, list[str]]:
    """The wish, and its requests, as what the customer told makes it: "the mug came chipped, can you send a
    new one?" names the new parcel of a parcel that never came, and within it the replacement of a faulty
    item, which the chipped mug asks for."""
    also = run.signals.slots.get("also_wished")
    if not also:
        return wish, owners
    told = assumed({**run.facts, **run.signals.facts})
    if told is None or told in owners:
        return wish, owners
    for other in also.split():
        other_owners = _owners(policy, other)
        if told in other_owners:
            return other, other_owners
    return wish, owners


def _another_order(run: Run) -> bool:
    """Whether the message names an order no request so far was for ("can I also exchange A-1102?"): after
    a request was settled, a wish counts only for another order, never as a second thing done for one
    already settled ("store credit for A-3333 instead?" swaps what A-3333 was given)."""
    named = run.signals.facts.get("order_id")
    if named is None or not run.agenda:
        return named is not None
    last = run.agenda[-1].facts.get("order_id", run.facts.get("order_id"))
    return named != last and all(item.facts.get("order_id") != named for item in run.agenda)


def _kind(policy: Policy, name: str) -> str | None:
    for intent in policy.requests[name].intents:
        if intent.startswith("request_"):
            return intent.removeprefix("request_")
    return None


def _name_for(policy: Policy, kind: str | None) -> str | None:
    if kind is None:
        return None
    if kind in policy.requests:
        return kind
    return policy.request_for(f"request_{kind}")


def _drop(run: Run, name: str | None) -> None:
    for item in run.agenda:
        if item.name == name and not item.settled:
            item.status = "dropped"
            run.settled.append(item)
            return


def _add(
    run: Run, policy: Policy, name: str, kinds: dict[str, str | None], stated: dict[str, FactValue] | None = None
) -> None:
    """Add a request the customer makes, unless it is the one in hand said again; ``stated`` are the facts
    of one of several orders the request names, which the new request keeps."""
    about = stated if stated is not None else run.signals.request_facts.get(kinds.get(name) or "", {})
    order = (about or run.signals.facts).get("order_id")
    # "refund A-1010, and my other parcel came broken": the second order, its number not yet told
    unnamed = stated is not None and order is None and stated is not next(iter(run.signals.order_facts), None)
    for item in run.agenda:
        if item.name != name or item.status == "dropped" or unnamed:
            continue
        if not item.settled and (order is None or item.facts.get("order_id") in (None, order)):
            if stated is not None and item.facts.get("order_id") is None:
                item.facts.update(_request_facts(policy, stated))
            return
        correcting = stated is None and run.signals.slots.get("correction") == "yes"
        if correcting and not item.settled and item is current_item(run):
            return  # "no wait, I want to cancel A-8788 not A-8787": the order put right, not a second request
        if item.settled and order is None and item is run.agenda[-1] and not _ANOTHER_ORDER.search(run.text):
            return
        if item.status == "approved" and order is not None and item.facts.get("order_id") == order:
            # Asked again for what was already done for that very order: told so, not done twice.
            return
    in_hand = current_item(run)
    if in_hand is not None and in_hand.name != name and _comes_with(policy, in_hand.name, name):
        mine = in_hand.facts.get("order_id")
        same = (order is None and not _ANOTHER_ORDER.search(run.text)) or (mine is not None and mine == order)
        switching = run.signals.has("cancel_request") or run.changed
        if same and not switching and _ADDING.isdisjoint(run.text.lower().split()):
            return  # "yes please refund" while a cancellation is in hand: what the cancellation gives anyway
    for item in run.agenda:
        same_order = order is None or item.facts.get("order_id") == order
        if item.status == "alternative_accepted" and item.chosen and same_order and item is run.agenda[-1]:
            if policy.gives_request(item.name, item.chosen, name):
                return  # "refund me please" once a cancellation's full refund is arranged: that is it
    facts = _request_facts(policy, stated) if stated is not None else {}
    if run.signals.slots.get("same_as_before") == "yes":
        facts.update(_dates_of_the_last(run, policy, name))
    run.agenda.append(AgendaItem(name, facts=facts))


_ADDING = frozenset({"too", "also", "both", "well", "plus"})
"""Words by which a request is asked for beside the one in hand ("I want a refund too"), not as part of it."""


def _comes_with(policy: Policy, request: str, other: str) -> bool:
    """Whether ``request`` gives what ``other`` asks for, whichever way it is decided: approved, it leaves
    nothing to do for it (its ``covers``); refused, one of its alternatives gives it (a cancellation refused
    is offered a return with a full refund)."""
    spec = policy.requests[request]
    return other in spec.covers and any(policy.gives_request(request, a.id, other) for a in spec.alternatives)


def _dates_of_the_last(run: Run, policy: Policy, name: str) -> dict[str, FactValue]:
    """ "Oh and A-7006 too, same day": the dates of the request of this name settled last, for the new one."""
    settled = [item for item in run.agenda if item.name == name and item.settled]
    if not settled:
        return {}
    return {k: v for k, v in settled[-1].facts.items() if k in policy.facts and policy.facts[k].kind == "days"}


def request_facts_stated(policy: Policy, stated: dict[str, FactValue]) -> dict[str, FactValue]:
    """The facts of ``stated`` that belong to a request and that a customer may state."""
    return _request_facts(policy, stated)


def _request_facts(policy: Policy, stated: dict[str, FactValue]) -> dict[str, FactValue]:
    """The facts of ``stated`` that belong to a request and that a customer may state."""
    own = policy.request_facts()
    return {k: v for k, v in stated.items() if k in own and customer_may_state(policy, k, v)}


def point_at_current(run: Run, policy: Policy) -> None:
    """After a request was settled mid-turn, make ``run.request`` and ``run.facts`` those of the next."""
    _point_at(run, policy, current_item(run))


def _point_at(run: Run, policy: Policy, current: AgendaItem | None) -> None:
    """Make ``run.request`` and ``run.facts`` those of the request in hand, claiming the facts the
    conversation already knows about it (said before the request was known, or by the host)."""
    request_facts = policy.request_facts()
    shared = {k: v for k, v in run.facts.items() if k not in request_facts}
    if current is not None:
        if not current.facts and _first_of_its_order(run, current):
            current.facts.update({k: v for k, v in run.facts.items() if k in request_facts})
        shared.update(current.facts)
        run.request = current.name
    else:
        shared.update({k: v for k, v in run.facts.items() if k in request_facts})
        run.request = None
    run.facts = shared


def _first_of_its_order(run: Run, item: AgendaItem) -> bool:
    """Whether ``item`` may take the facts already known: it is the first request, or follows one about
    the same order (the message names no other: "cancel my other order instead, G-4411" does)."""
    known = run.facts.get("order_id")
    stated = [facts.get("order_id") for facts in (run.signals.request_facts or {}).values()]
    stated.append(run.signals.facts.get("order_id"))
    another = any(order is not None and order != known for order in stated)
    if run.agenda.index(item) == 0:
        # "where's my refund for A-3636?", then "can I cancel A-3737?": the order told with the request is its own
        return not (another and run.signals.has("request") and known in run.customer_stated.get("order_id", ()))
    if _ANOTHER_ORDER.search(run.text):
        return False
    return not another


def _same_order(item: AgendaItem, stated: dict[str, FactValue]) -> bool:
    """Whether facts stated for a kind of request may be about ``item``: not when they name another order
    than the one it is about (two refunds, one for A-2424 "bought a week ago", one for A-2525)."""
    order = stated.get("order_id")
    return order is None or item.facts.get("order_id") in (None, order)


def name_things(run: Run) -> None:
    """Remember what the customer called the item of each order they told apart ("the trainers from A-4321
    and the jumper from A-4322"), on the request for that order."""
    told = run.signals.slots.get("order_things")
    if not told:
        return
    for pair in told.split():
        order, _, thing = pair.partition(":")
        for item in run.agenda:
            if item.facts.get("order_id") == order and item.thing is None:
                item.thing = thing


def fill_facts(run: Run, policy: Policy, text: str) -> None:
    """Record the facts this message gives: the one asked for, and any other it states.

    A fact the host supplied is never overwritten by what the customer writes; a fact known only
    roughly ("last month") is replaced by a closer one. Facts only the host may give (``source:
    host``) are never taken from the customer, and neither is a number outside the fact's bounds.
    """
    _adopt(run)
    run.noted_for = None
    signals = run.signals
    found = {name: value for name, value in signals.facts.items() if customer_may_state(policy, name, value)}
    pending = run.pending_fact
    # "9999 days ago" to when it was bought: an answer, but none the fact can hold, so its hint follows
    run.out_of_bounds = pending is not None and pending in signals.facts and pending not in found
    if pending in policy.facts and policy.facts[pending].kind == "yes_no" and run.question == "person":
        pending = None  # "no that's fine" to the offer of a colleague answers that, not the fact waiting
    cannot_give = any(a.kind == "provide" and a.negated and a.target == pending for a in signals.acts)
    correcting = "correction" in signals.slots  # "no wait, wrong order, it's A-3002" answers nothing asked
    # "3 years ago" read as 1096 days, past the fact's bounds: not read again as a bare 3
    read_already = run.out_of_bounds
    if (
        pending is not None
        and pending not in found
        and pending in policy.facts
        and not (cannot_give or correcting or read_already)
    ):
        spec = policy.facts[pending]
        # "Sorry, wrong number, it's A-1243" while the date is asked: the order's digits are no number of days.
        value = read_fact(spec, _without(text, found) if spec.kind in NUMERIC_KINDS else text, signals)
        if value is not None and customer_may_state(policy, pending, value):
            found[pending] = value
    if correcting or "picked" in signals.slots:  # "cancel the second one" of the orders named: that one
        _put_right(run, found)
    else:
        _put_right(run, _answered_otherwise(run, policy, found))
    request_facts = policy.request_facts()
    if len(signals.order_facts) > 1 and not signals.has("request"):
        _answer_each_order(run, policy, pending)
    if "other_orders" in signals.slots:
        _answer_the_others(run, policy, signals.slots["other_orders"], found.get("order_id"))
    for item in run.agenda:
        if item.settled or not signals.request_facts:
            continue
        for kind, facts in signals.request_facts.items():
            if _kind(policy, item.name) == kind and _same_order(item, facts):
                for name, value in facts.items():
                    if customer_may_state(policy, name, value) and _may_set(item.facts.get(name), name, pending, value):
                        item.facts[name] = value
    current = current_item(run)
    for name, value in found.items():
        if name not in policy.facts:
            continue
        if current is not None and name in request_facts:
            if signals.request_facts and _kind(policy, current.name) in signals.request_facts:
                continue
            if len(signals.order_facts) > 1 or not _same_order(current, _only_order_told(signals.order_facts)):
                continue  # "my other order A-3333 arrived broken": not about the order in hand
            owner = _owner(run, policy, current, name)
            if owner is not current:
                if _may_set(owner.facts.get(name), name, pending, value):
                    owner.facts[name] = value
                    run.noted_for = owner
            elif _may_set(current.facts.get(name, run.facts.get(name)), name, pending, value):
                current.facts[name] = value
        elif _may_set(run.facts.get(name), name, pending, value):
            run.facts[name] = value
    known = None if pending is None or current is None else current.facts.get(pending)
    known = run.facts.get(pending) if known is None and pending is not None else known
    if known is not None and (pending in found or not isinstance(known, Span)):
        # A rough value told before ("it came 3 days ago") leaves the closer one still asked for.
        run.pending_fact = None
    if current is not None and pending in found and pending in request_facts and _EVERY_ORDER.search(text):
        _answer_for_each(run, current, pending, found[pending])
    _point_at(run, policy, current)


def _only_order_told(order_facts: Sequence[dict[str, FactValue]]) -> dict[str, FactValue]:
    """The facts of the one order a message tells of apart from the rest, or none."""
    return order_facts[0] if len(order_facts) == 1 else {}


def _without(text: str, found: dict[str, FactValue]) -> str:
    """``text`` without the written values of the facts found in it ("I've been a member 5 years" gives no
    other number fact its 5)."""
    for value in found.values():
        written = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
        if isinstance(written, str) and written:
            at = _written_at(text.lower(), written.lower())
            if at >= 0:
                text = f"{text[:at]} {text[at + len(written) :]}"
    return text


def _written_at(text: str, written: str) -> int:
    """Where ``written`` stands in ``text`` on its own (a number not inside a longer one), or -1."""
    at = text.find(written)
    while at >= 0:
        before = text[at - 1 : at]
        after = text[at + len(written) : at + len(written) + 1]
        if not (written.isdigit() and (before.isdigit() or after.isdigit())):
            return at
        at = text.find(written, at + 1)
    return -1


def _answered_otherwise(run: Run, policy: Policy, found: dict[str, FactValue]) -> dict[str, FactValue]:
    """The facts this message answers the other way from the customer's own earlier answer about the same
    order: a yes or no ("it's shipped", then "it only says processing on my account"), or a date or a count
    given on its own ("bought 50 days ago", then only "25/11"; "2 months left", then "about 3 then"). The later
    answer counts."""
    if len(run.signals.order_facts) > 1:
        return {}
    item = current_item(run)
    known = {**run.facts, **(item.facts if item is not None else {})}
    if found.get("order_id", known.get("order_id")) != known.get("order_id"):
        return {}
    only_facts = all(act.kind == "provide" for act in run.signals.acts)
    # "that's not right, it was 5 days ago" puts the date right; "seriously? 5 days" only presses with the days over
    dated = "days_ago" in run.signals.slots or "date" in run.signals.slots
    disputed = all(act.kind in _DISPUTING or (dated and act.kind == "complain") for act in run.signals.acts)
    return {
        name: value
        for name, value in found.items()
        if name in policy.facts
        and known.get(name) is not None
        and known[name] != value
        and (
            (policy.facts[name].kind == "yes_no" and isinstance(known[name], bool))
            or (policy.facts[name].kind in ("days", "number") and only_facts and isinstance(value, int))
            or (policy.facts[name].kind == "days" and disputed and _rules_out(value, known[name]))
        )
    }


_DISPUTING = frozenset({"provide", "ask_why", "deny"})
"""What a message that puts a date right may do besides ("what do you mean? I only bought it last week")."""


def _rules_out(value: FactValue, known: FactValue) -> bool:
    """Whether a number of days told now cannot be the one known ("last week", when 356 days was known)."""
    if isinstance(value, int) and isinstance(known, int):
        return value != known
    if isinstance(value, Span) and isinstance(known, int):
        return known < value.low or (value.high is not None and known > value.high)
    return False


def _put_right(run: Run, found: dict[str, FactValue]) -> None:
    """ "Wait, it's actually A-4445, sorry": a value the customer gave before, and now corrects, is
    forgotten, so the new one takes its place. What the host supplied stays."""
    for name, value in found.items():
        stated = run.customer_stated.get(name, [])
        for facts in (run.facts, *(item.facts for item in run.agenda if not item.settled)):
            old = facts.get(name)
            if old is not None and old != value and old in stated:
                del facts[name]


def _answer_the_others(run: Run, policy: Policy, told: str, named: FactValue) -> None:
    """ "A-3030 has shipped, the other hasn't": the answer said of "the other" goes to the open requests
    about orders other than the one named, that do not know it yet."""
    name, _, answer = told.partition(":")
    if name not in policy.facts or named is None:
        return
    for item in run.agenda:
        order = item.facts.get("order_id")
        if not item.settled and order is not None and order != named and item.facts.get(name) is None:
            item.facts[name] = answer == "yes"


def _answer_each_order(run: Run, policy: Policy, pending: str | None) -> None:
    """ "A-3333 has shipped but A-4444 hasn't been sent yet": what is said of each order goes to the open
    request about it."""
    request_facts = policy.request_facts()
    for stated in run.signals.order_facts:
        order = stated.get("order_id")
        item = next((i for i in run.agenda if not i.settled and i.facts.get("order_id") == order), None)
        if order is None or item is None:
            continue
        for name, value in stated.items():
            if (
                name in request_facts
                and customer_may_state(policy, name, value)
                and _may_set(item.facts.get(name), name, pending, value)
            ):
                item.facts[name] = value


def _answer_for_each(run: Run, current: AgendaItem, name: str, value: FactValue) -> None:
    """ "Neither has shipped", "both arrived broken": the answer holds for every request of the same kind
    still waiting, so none is asked again."""
    for item in run.agenda:
        if item is not current and not item.settled and item.name == current.name and item.facts.get(name) is None:
            item.facts[name] = value


def customer_may_state(policy: Policy, name: str, value: FactValue) -> bool:
    """Whether a value the customer gives for fact ``name`` may be recorded: a ``source: customer`` fact
    the policy declares, within its bounds (a range of days, at least partly)."""
    spec = policy.facts.get(name)
    if spec is None or spec.source != "customer":
        return False
    if isinstance(value, Span):
        return (spec.max is None or value.low <= spec.max) and (
            spec.min is None or value.high is None or value.high >= spec.min
        )
    if isinstance(value, int | float) and not isinstance(value, bool):
        return spec.within_bounds(value)
    return True


def _owner(run: Run, policy: Policy, current: AgendaItem, name: str) -> AgendaItem:
    """The open request a fact belongs to: the one in hand, unless only a later one uses it (the date
    of a purchase given while a cancellation's dispatch is asked about belongs to the refund after it)."""
    if name in policy.facts_of(current.name):
        return current
    later = (item for item in run.agenda if item is not current and not item.settled)
    return next((item for item in later if name in policy.facts_of(item.name)), current)


def _may_set(existing: FactValue, name: str, pending: str | None, value: FactValue = None) -> bool:
    """Whether ``value`` told now may take the place of what is known of fact ``name``: nothing is known, or
    only roughly, or it is the fact asked for, or it says more of the same trouble ("faulty", then "the
    replacement broke too")."""
    return existing is None or isinstance(existing, Span) or name == pending or (existing, value) in _SAYS_MORE


_SAYS_MORE = frozenset({("faulty", "faulty_again"), ("faulty", "unsafe"), ("never_arrived", "arrived_empty")})
"""Conditions told after one known that say more of the same trouble, and so take its place."""


def _going_nowhere(run: Run) -> bool:
    """With nothing asked for yet and nothing asked of the customer, a message that only says yes, no, or
    that they want what they want ("I don't want a refund, I want the order", "ok fine") after the agent
    asked what it can do: no nearer to something the agent can do, so the repair ladder goes on."""
    kinds = {act.kind for act in run.signals.acts}
    if run.question == "person" and kinds == {"deny"}:
        return False  # "nah it's fine" to a colleague offered: an answer, which the agent follows
    return (
        run.state == "listening"
        and run.counters.turns > 1
        and current_item(run) is None
        and run.pending_fact is None
        and bool(kinds)
        and kinds <= _NOWHERE
    )


_NOWHERE = frozenset({"unknown", "insist", "deny", "affirm"})


def count(run: Run, policy: Policy) -> None:
    """Update the counters the guards read with what this message shows."""
    counters = run.counters
    counters.turns += 1
    signals = run.signals
    if signals.abusive:
        counters.abuse_strikes += 1
    if (signals.sentiment <= policy.escalation.anger_threshold or signals.irony) and not signals.has("choose"):
        counters.anger += 1  # but "how generous. Fine, I'll take it" settles, however it sounds
    if run.state in _DECLINED_STATES and signals.has("insist") and run.put_off is None:
        counters.insistence += 1
    if signals.language is not None or all(act.kind == "unknown" for act in signals.acts) or _going_nowhere(run):
        # A message in another language is not understood, whatever its words looked like in English.
        if not greets_only(run.text) and "sorry" not in signals.slots:
            counters.unclear += 1
    else:
        counters.unclear = 0
    moves_on = any(signals.has(kind) for kind in ("choose", "cancel_request", "ask_human"))
    if run.state == "listening" and run.pending_fact is not None and not signals.facts and not moves_on:
        counters.unanswered += 1
    else:
        counters.unanswered = 0
