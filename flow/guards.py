"""Guards: pure functions of the working conversation, its signals and the policy's rules.

Each guard answers one question the flow asks before taking a transition, from the acts understanding
read in the message (:attr:`flow.models.Signals.acts`). Counters already include the message being
handled (see :func:`flow.facts.count`); the agenda already reflects any request the message made or
dropped (see :func:`flow.facts.identify_request`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import timedelta

from flow.answers import answering_sentence
from flow.models import Act, AgendaItem, FactValue, Span
from flow.policy import Policy
from flow.rules import Decision, Rules
from flow.run import Run, current_item
from flow.understanding.asides import asks_if_settled
from flow.wording import sentence_hashes

Guard = Callable[[Run, Rules], bool]

_COMPENSATION = "compensation"
_CALLBACK = "callback"


def _acts(run: Run) -> tuple[Act, ...]:
    return run.signals.acts


def _has(run: Run, kind: str, target: str | None = None) -> bool:
    for act in run.signals.acts:
        if act.kind == kind and not act.negated and (target is None or act.target == target):
            return True
    return False


def _decision(run: Run, rules: Rules) -> Decision | None:
    if run.request is None:
        return None
    return rules.decide(run.request, run.facts, wish=wish_in_hand(run))


def wish_in_hand(run: Run) -> str | None:
    """The alternative the customer asked for by name for the request in hand, if any."""
    item = current_item(run)
    return item.wish if item is not None and item.name == run.request else None


def always(run: Run, rules: Rules) -> bool:
    """The fallback: holds whatever the message."""
    return True


def abuse_limit_reached(run: Run, rules: Rules) -> bool:
    """The message abuses people and the customer has used up the policy's strikes."""
    return run.signals.abusive and run.counters.abuse_strikes >= rules.policy.escalation.abuse_strikes


def abusive(run: Run, rules: Rules) -> bool:
    """The message abuses people, with strikes left: set a calm boundary."""
    return run.signals.abusive


def abusive_while_gathering(run: Run, rules: Rules) -> bool:
    """While listening, the message abuses people, with strikes left, and leaves nothing to decide yet: set a
    calm boundary and ask for what is still needed. A message that also completes the request ("you're
    useless, refund A-1501, bought 40 days ago") is decided, with the boundary said first."""
    if not abusive(run, rules):
        return False
    decision = _decision(run, rules)
    if decision is None and current_item(run) is None and _has(run, "ask_status"):
        return False  # "you useless idiots, where is my refund?": answered, after the boundary
    return decision is None or decision.verdict in ("missing", "narrow", "cannot_check")


def threatened(run: Run, rules: Rules) -> bool:
    """The customer mentions legal action, a chargeback, a regulator, the press or a public complaint."""
    return run.signals.threat


ASKS_PERSON = 3
"""Messages in a row the agent could not read (or reasons asked for again) after which it offers a person."""


def asked_for_person(run: Run, rules: Rules) -> bool:
    """The customer asks for a person, an agent or a manager, or says yes when offered one.

    "No need for a manager" does not count; neither does a request for a call while a callback is on
    offer (that is the callback).
    """
    return _has(run, "ask_human") or _answers_with_details(run)


def _answers_with_details(run: Run) -> bool:
    """Asked whether a colleague should check on something, the customer only gives the details to check
    ("A-1010", "I posted it back on the 20th"): that is a yes. Not when the colleague was offered because the
    agent could not follow: details then are the customer getting through ("hi", "i have a problem", "with my
    order", "its A-2222")."""
    acts = _acts(run)
    waiting = run.state == "listening" and run.question == "person"
    if not waiting or not acts or run.unclear_before >= ASKS_PERSON:
        return False
    if run.request is not None:
        # Offered a colleague for a fact the customer cannot give, they give a way to find them instead
        # ("jo@example.com"); the fact itself, given after all, goes on with the request.
        return "email" in run.signals.slots and all(a.kind in ("unknown", "thank", "affirm") for a in acts)
    if all(a.kind == "unknown" for a in acts):
        return "remark" in run.signals.slots
    return all(a.kind in ("provide", "thank", "affirm") for a in acts) and _has(run, "provide")


def too_angry(run: Run, rules: Rules) -> bool:
    """The customer has been angry in more messages than the policy allows."""
    return run.counters.anger >= rules.policy.escalation.max_anger


def too_insistent(run: Run, rules: Rules) -> bool:
    """The customer has insisted beyond the policy's ``max_insistence``."""
    return run.counters.insistence > rules.policy.escalation.max_insistence


def turn_limit_reached(run: Run, rules: Rules) -> bool:
    """The conversation has run longer than the policy's ``max_turns``, and the customer is not leaving it
    (a goodbye, or "no thanks" to "anything else?", closes as it would on any other turn)."""
    if run.counters.turns < rules.policy.max_turns:
        return False
    leaving = (_has(run, "goodbye") and not _moves_on(run)) or (
        run.question == "anything_else" and (thanked_only(run, rules) or _has(run, "deny"))
    )
    return not leaving


def changed_request(run: Run, rules: Rules) -> bool:
    """This message dropped the request in hand, or switched to another one."""
    return run.changed


def dropped_everything(run: Run, rules: Rules) -> bool:
    """The customer let go of the request in hand ("forget it, I'll keep it"), and nothing else is open."""
    return run.changed and current_item(run) is None


def asked_anew(run: Run, rules: Rules) -> bool:
    """After everything asked so far was settled, the message makes another request ("one more thing,
    can you cancel C-5521?")."""
    return current_item(run) is not None


def asked_again_for_done(run: Run, rules: Rules) -> bool:
    """The customer asks again for the request just approved ("why can't I just get my money back?" after
    the refund was started), or asks the agent to go ahead with it or with the alternative just arranged
    ("great, can you do it then?", "fine, do that", "the new one then"): they are told it is already under
    way."""
    last = run.agenda[-1] if run.agenda else None
    if last is not None and last.status == "alternative_accepted":
        if _has(run, "request"):
            return current_item(run) is None and _asks_for_the_chosen(run, rules, last)
        return "go_ahead" in run.signals.slots or (last.chosen is not None and _has(run, "choose", last.chosen))
    if last is None or last.status != "approved":
        return False
    if getattr(run, "covered", None) is not None:
        return True
    return _has(run, "request", last.name) or ("go_ahead" in run.signals.slots and not _has(run, "request"))


def _asks_for_the_chosen(run: Run, rules: Rules, item: AgendaItem) -> bool:
    """Whether the message's request is what the alternative taken gives ("refund me" once a cancellation's
    full refund is arranged)."""
    requested = {a.target for a in run.signals.acts if a.kind == "request" and not a.negated and a.target}
    return item.chosen is not None and any(
        rules.policy.gives_request(item.name, item.chosen, name) for name in requested
    )


def stated_facts_only(run: Run, rules: Rules) -> bool:
    """The message only gives facts ("it's been about six weeks"), and they do not change the answer; or
    it adds a request to come after the one in hand ("I'd also like a refund on C-5070")."""
    acts = _acts(run)
    if not acts or not all(a.kind in ("provide", "thank", "request") for a in acts):
        return False
    queued = any(a.kind == "request" for a in acts) and not run.changed
    return bool(run.signals.facts) or queued


def not_understood(run: Run, rules: Rules) -> bool:
    """Nothing in the message could be read."""
    return run.counters.unclear > 0


def decision_changed(run: Run, rules: Rules) -> bool:
    """A fact this message gave changes what the policy says about the request in hand ("it arrived
    broken" after a refusal made under the change-of-mind rule), or leaves it open until a rough date is
    narrowed ("no, November" after a refusal on "October")."""
    item = current_item(run)
    if item is None or item.status != "declined" or not run.signals.facts:
        return False
    decision = _decision(run, rules)
    if decision is None or decision.verdict == "missing":
        return False
    if decision.verdict == "narrow":
        return True  # "no, November" after a refusal on "October": the date may now be inside the window
    offered = set(item.offered)
    if decision.verdict in ("decline", "offer"):
        return not offered <= {a.id for a in decision.alternatives}
    return True


def asked_why(run: Run, rules: Rules) -> bool:
    """The customer asks why (or what the rule is), after the policy declined a request or an exception
    offered other things: the one in hand, or the last one decided. Waiting for a person, a question about
    the rules the reply answers beside the wait ("how long do refunds take?") is not one."""
    if not (_has(run, "ask_why") or _has(run, "ask_policy")):
        return False
    if not _has(run, "ask_why") and run.state == "escalated" and "aside" in run.signals.slots:
        return False
    if not _has(run, "ask_why") and rules.policy.summary is not None and run.counters.clarifications >= 1:
        return False  # asked for the rules again, once the reason was given: the summary answers
    if not _has(run, "ask_why") and _answered_by_one_rule(run, rules):
        return False  # "will I get the postage back?": one sentence of the rules answers it, not the reason
    if not _has(run, "ask_why") and asks_of_an_unsaid_charge(run, rules):
        return False  # "is there a restocking fee?": a charge nothing the agent can say speaks of
    item = explained_item(run, rules)
    return item is not None


def _answered_by_one_rule(run: Run, rules: Rules) -> bool:
    """Whether a question about the rules asks about one thing a sentence of the summary answers ("will I get
    the postage back?"), rather than about the rules or the refusal as a whole ("what's your policy?")."""
    summary = rules.policy.summary
    if summary is None:
        return False
    words = set(run.text.lower().replace("?", " ").replace("'", "").split())
    if not _ABOUT_THE_RULES.isdisjoint(words):
        return False
    return answering_sentence(summary, run.text) is not None


def asks_of_an_unsaid_charge(run: Run, rules: Rules) -> bool:
    """Whether a question about the rules asks about a fee or charge ("what's the fee?", "is there a
    restocking fee?") that neither the policy's summary nor its reasons mention, so the reason for the
    refusal would not answer it."""
    words = set(run.text.lower().replace("?", " ").replace("'", "").split())
    asked = words & _CHARGES
    if not asked:
        return False
    return not any(word in rules.words or word.removesuffix("s") in rules.words for word in asked)


_CHARGES = frozenset({"fee", "fees", "charge", "charges", "penalty", "penalties", "surcharge", "restocking"})
"""Words of a charge a customer may ask about."""


_ABOUT_THE_RULES = frozenset(
    {"policy", "policies", "rule", "rules", "terms", "conditions", "why", "window", "limit", "deadline", "days",
     "long", "late", "eligible", "allowed", "cant", "cannot", "wont"}
)  # fmt: skip
"""Words of a question about the rules or the refusal as a whole, which the reason answers."""


def explained_item(run: Run, rules: Rules) -> AgendaItem | None:
    """The request a "why?" is about: the one in hand, or the latest that a rule or an exception declined."""
    candidates = [current_item(run)] if current_item(run) is not None else []
    candidates += [item for item in reversed(run.agenda) if item is not current_item(run)]
    for item in candidates:
        if item is None or item.status in ("open", "dropped"):
            continue
        facts = {**run.facts, **item.facts}
        if rules.decide(item.name, facts, wish=item.wish).verdict in ("decline", "offer"):
            return item
    return None


def asked_status(run: Run, rules: Rules) -> bool:
    """The customer asks how an earlier request is going, or complains in irony that it has not come (the
    agent answers, and offers a person who can check it when the policy says one should). At the check-in,
    "the credit isn't on my account" says it is not sorted, which a person looks into."""
    if run.question == "satisfaction" and _has(run, "deny"):
        return False
    chasing = _has(run, "ask_status") or "chasing" in run.signals.slots
    if not chasing or _moves_on(run):
        return False
    if rules.policy.status is None:
        return _asks_if_just_done(run)  # "did it go through?" of what this chat set up, with no status text
    return not _still_to_come(run)


def _asks_if_just_done(run: Run) -> bool:
    """Whether, once something was set up in this chat, the customer asks if it is done ("did it go through?",
    "is it done yet?"), not about an earlier request ("is my other refund done?")."""
    if run.state != "follow_up" or not any(item.status in ("approved", "alternative_accepted") for item in run.agenda):
        return False
    asked = set("".join(c if c.isalnum() else " " for c in run.text.lower()).split())
    if not asks_if_settled(asked) or not asked.isdisjoint(EARLIER_ONES):
        return False
    named = {a.target for a in _acts(run) if a.kind == "request" and a.target} | {
        kind for kind, words in _REQUEST_WORDS.items() if not asked.isdisjoint(words)
    }
    approved = {item.name for item in run.agenda if item.status == "approved"}
    return not named or bool(named & approved)  # not "did the refund go through?" when the refund was refused


_REQUEST_WORDS = {
    "refund": frozenset({"refund", "refunded"}),
    "cancel": frozenset({"cancel", "cancelled", "cancellation"}),
}


EARLIER_ONES = frozenset({"other", "another", "earlier", "previous", "last", "old", "older", "different"})
"""Words by which a question asks after an earlier request ("is my other refund done?"), not one just set up."""


def _still_to_come(run: Run) -> bool:
    """ "Has A-3232 been cancelled?" while that order's request waits its turn on the agenda: nothing is
    under way to tell about; the request is taken up instead."""
    named = run.signals.facts.get("order_id")
    return named is not None and any(
        item.status == "open" and item.facts.get("order_id") == named for item in run.agenda
    )


def asked_policy(run: Run, rules: Rules) -> bool:
    """The customer asks what the rules are, and the policy has a plain summary of them; a "why" with nothing
    asked for or refused yet ("why do you charge for returns?") asks about the rules too."""
    if rules.policy.summary is None or _moves_on(run):
        return False
    if _has(run, "ask_policy"):
        return not asks_of_an_unsaid_charge(run, rules)
    # "why do you charge for returns?" is answered by the summary; "why are your prices so high?" is not
    return (
        _has(run, "ask_why")
        and run.state == "listening"
        and not run.agenda
        and answering_sentence(rules.policy.summary, run.text) is not None
    )


def asked_if_bot(run: Run, rules: Rules) -> bool:
    """The customer asks whether they are talking to a person or a program ("are you a bot?"), or, where the
    policy has no summary of its rules to answer it with, what the agent can do ("what can you do?")."""
    if "what_it_does" in run.signals.slots and rules.policy.summary is None and not _has(run, "request"):
        return True
    return _has(run, "ask_bot") and not _moves_on(run) and not _has(run, "ask_human")


def asked_about_alternative(run: Run, rules: Rules) -> bool:
    """Before anything is on offer, the customer asks about something the shop offers instead ("how does an
    exchange work?"), and asks for nothing else."""
    asked = {a.target for a in _acts(run) if a.kind == "ask_about"}
    if not asked or _on_offer(run) or _moves_on(run) or _decided_by_what_was_told(run, rules):
        return False
    return any(a.id in asked for request in rules.policy.requests.values() for a in request.every_alternative())


def _decided_by_what_was_told(run: Run, rules: Rules) -> bool:
    """The message also tells what the request in hand needed, and the answer is no or other things ("how
    does store credit work? my kettle stopped working, bought 3 months ago"): the offers are made, and the
    question is answered with them. A question about another way, asked beside a request that can be had
    ("do you do exchanges? the zip broke, bought 3 weeks ago"), is answered first."""
    if not _has(run, "provide"):
        return False
    decision = _decision(run, rules)
    return decision is not None and decision.verdict in ("decline", "offer", "review")


def _asks_beside(run: Run) -> bool:
    """Whether the message also asks something beside its yes or goodbye ("yes thanks, I was made redundant
    last week. is there anything you can do about the fees?"), which is still to be answered."""
    return "?" in run.text and any(a.kind not in ("thank", "affirm", "goodbye") for a in _acts(run))


def _moves_on(run: Run) -> bool:
    """The message also does something that moves the conversation (a request, a choice, a refusal)."""
    return any(a.kind in ("request", "choose", "reject") and not a.negated for a in _acts(run))


def needs_review(run: Run, rules: Rules) -> bool:
    """An exception of the policy sends the request to a person who can make it (a stay in hospital)."""
    decision = _decision(run, rules)
    return decision is not None and decision.verdict == "review"


def wish_available(run: Run, rules: Rules) -> bool:
    """The customer asked for one of the request's alternatives by name ("I'd like to exchange it"), the
    request is decided, and what they asked for is what the decision offers, or any of the request's
    alternatives when it is allowed (a replacement for a faulty item still within the refund window);
    nothing else is waiting."""
    return granted_wish(run, rules) is not None and not _others_waiting(run)


def wish_available_with_more(run: Run, rules: Rules) -> bool:
    """The alternative the customer asked for by name can be given (see :func:`wish_available`), and the
    customer asked for more that is still to be looked at ("exchange A-5151 and refund A-5252")."""
    return granted_wish(run, rules) is not None and _others_waiting(run)


def granted_wish(run: Run, rules: Rules) -> str | None:
    """The alternative the customer asked for by name, when the decision on the request in hand can give it."""
    item = current_item(run)
    decision = _decision(run, rules)
    if item is None or item.wish is None or decision is None:
        return None
    if decision.verdict == "narrow":
        # "Start of last month" for a faulty toaster, and the repair asked for: whichever day it was, the
        # repair is there, so the day need not be pinned down.
        return item.wish if _wish_either_way(run, rules, item.name, item.wish, decision.fact) else None
    return item.wish if item.wish in _wishes_given(rules, item.name, decision) else None


def _wishes_given(rules: Rules, request: str, decision: Decision) -> set[str]:
    """The alternatives a decision on ``request`` lets the customer have by asking for them by name."""
    if decision.verdict in ("decline", "offer"):
        return {a.id for a in decision.alternatives}
    if decision.verdict == "approve":
        return {a.id for a in rules.policy.requests[request].every_alternative()}
    return set()


_SPAN_TRIED = 400
"""The widest rough span whose every value is tried before a wish is granted without narrowing it."""


def _wish_either_way(run: Run, rules: Rules, request: str, wish: str, fact: str | None) -> bool:
    """Whether, with the rough fact ``fact`` any of the values it may be, the decision gives ``wish``."""
    rough = run.facts.get(fact or "")
    if fact is None or not isinstance(rough, Span) or rough.high is None or rough.high - rough.low > _SPAN_TRIED:
        return False
    return all(
        wish in _wishes_given(rules, request, rules.decide(request, {**run.facts, fact: value}, wish=wish))
        for value in range(rough.low, rough.high + 1)
    )


def ready_and_allowed(run: Run, rules: Rules) -> bool:
    """The request is decided and allowed, by the rules or by an exception."""
    decision = _decision(run, rules)
    return decision is not None and decision.verdict == "approve"


def allowed_with_more(run: Run, rules: Rules) -> bool:
    """The request is allowed, and the customer asked for more that is still to be looked at."""
    return ready_and_allowed(run, rules) and _others_waiting(run)


def ready_and_declined(run: Run, rules: Rules) -> bool:
    """The request is decided and declined, by a rule or by an exception that offers something else."""
    decision = _decision(run, rules)
    return decision is not None and decision.verdict in ("decline", "offer")


def missing_fact(run: Run, rules: Rules) -> bool:
    """The request is known but a fact it needs, which the customer may be asked for, is not, or is known
    too roughly to decide."""
    decision = _decision(run, rules)
    return decision is not None and decision.verdict in ("missing", "narrow")


def cannot_check(run: Run, rules: Rules) -> bool:
    """A fact the request needs is one only the host can give, and it did not: nothing can be decided."""
    decision = _decision(run, rules)
    return decision is not None and decision.verdict == "cannot_check"


def closing(run: Run, rules: Rules) -> bool:
    """The customer says goodbye, with nothing asked in the same message; or only thanks the agent when
    nothing is left open (no request in hand, no fact or choice asked for)."""
    if _has(run, "goodbye"):
        return not _moves_on(run) and not _has(run, "ask_why")
    nothing_open = run.request is None and run.pending_fact is None
    said_no = _has(run, "deny") and run.question == "anything_else" and len(_acts(run)) == 1
    acknowledged = _has(run, "thank") and all(a.kind in ("thank", "affirm", "complain") for a in _acts(run))
    return nothing_open and (acknowledged or said_no or _colleague_declined_with_thanks(run))


def _colleague_declined_with_thanks(run: Run) -> bool:
    """ "No thanks", "ok, thanks anyway" to a colleague offered for what the agent could not help with:
    the customer is leaving."""
    acts = _acts(run)
    return (
        run.question == "person"
        and _has(run, "deny")
        and _has(run, "thank")
        and all(a.kind in ("deny", "thank", "affirm") for a in acts)
    )


def leaving_while_listening(run: Run, rules: Rules) -> bool:
    """The customer closes as in any state (a goodbye, or thanks with nothing open), even before the request
    is decided ("I'll ask her for the number. Bye"); but one who gives a fact the request needed in the same
    message expects it taken further, and is asked the rest."""
    return closing(run, rules) and not (_has(run, "provide") and missing_fact(run, rules))


def said_goodbye(run: Run, rules: Rules) -> bool:
    """The customer says goodbye, asking nothing more. Thanks alone do not end a wait for a person."""
    return _has(run, "goodbye") and not _moves_on(run) and not _has(run, "ask_why")


def resuming_offer(run: Run, rules: Rules) -> bool:
    """A clearer explanation was given mid-offer; go back to the alternatives."""
    return run.resume_state == "offering_alternatives"


def resuming_compensation(run: Run, rules: Rules) -> bool:
    """A clearer explanation was given while compensation was on the table."""
    return run.resume_state == "compensation"


def resuming_follow_up(run: Run, rules: Rules) -> bool:
    """A clearer explanation was given after the resolution."""
    return run.resume_state == "follow_up"


def resuming_escalated(run: Run, rules: Rules) -> bool:
    """A clearer explanation was given while waiting for a person."""
    return run.resume_state == "escalated"


def resuming_listening(run: Run, rules: Rules) -> bool:
    """A clearer explanation was given while the agent was still gathering facts."""
    return run.resume_state == "listening"


def has_alternatives(run: Run, rules: Rules) -> bool:
    """The declined request has alternatives to offer."""
    decision = _decision(run, rules)
    return decision is not None and bool(decision.alternatives)


def can_compensate(run: Run, rules: Rules) -> bool:
    """Compensation is eligible now and has not been offered before."""
    return not run.counters.compensation_offered and rules.eligible_for_compensation(
        run.facts, run.counters, run.signals
    )


def more_requests(run: Run, rules: Rules) -> bool:
    """The customer asked for something else that is still to be looked at."""
    return _others_waiting(run)


def _others_waiting(run: Run) -> bool:
    current = current_item(run)
    return any(item is not current and not item.settled for item in run.agenda)


def _on_offer(run: Run) -> list[str]:
    """What is on offer and not yet turned down."""
    if run.state == "compensation":
        return [_COMPENSATION]
    item = current_item(run)
    if item is None:
        return []
    return [offer for offer in item.offered if offer not in item.rejected]


def chosen_alternative(run: Run, rules: Rules) -> str | None:
    """The id of the thing on offer that the customer chose in this message, if any."""
    on_offer = _on_offer(run)
    for act in reversed(_acts(run)):
        if act.kind == "choose" and not act.negated and act.target in on_offer:
            return act.target
    if _has(run, "affirm") and len(on_offer) == 1 and not _has(run, "reject"):
        return on_offer[0]
    return _still_to_offer(run, rules)


_CHOOSING = frozenset({"offering_alternatives", "compensation", "follow_up", "listening", "closed"})
"""Where a choice of an alternative not on offer is read: where offers are made, and where the choice's
transitions go (follow_up, or listening and closed when more waits or the customer leaves), for the effect
that sets it up."""


def _still_to_offer(run: Run, rules: Rules) -> str | None:
    """An alternative the request can have that is not on offer now, asked for by name: offered one at a
    time, before its turn ("can I have an exchange instead?" while store credit is offered); ruled out or
    turned down earlier, after all ("ok fine, I'll take the store credit after all"). It is theirs."""
    item = current_item(run)
    # Read again by the effect that sets it up, once the machine has moved on to follow_up.
    if item is None or run.state not in _CHOOSING:
        return None
    chosen = [a.target for a in _acts(run) if a.kind == "choose" and not a.negated and a.target]
    if not chosen:
        return None
    decision = _decision(run, rules)
    possible = {a.id for a in decision.alternatives} if decision is not None else set()
    on_offer = set(_on_offer(run))
    fresh = rules.policy.offer_alternatives != "together"
    came_back = item.offered if run.state == "compensation" else ()  # all turned down for the goodwill offer
    return next(
        (t for t in chosen if t in possible and t not in on_offer and (t in item.rejected or fresh or t in came_back)),
        None,
    )


def last_accepted(agenda: list[AgendaItem]) -> AgendaItem | None:
    """The request most recently settled with an alternative the customer accepted, if any."""
    return next((item for item in reversed(agenda) if item.status == "alternative_accepted"), None)


def last_taken(agenda: list[AgendaItem]) -> AgendaItem | None:
    """The request most recently settled with an alternative the customer took, kept or since withdrawn ("can
    you undo that?"): the one whose other offers they may still switch to."""
    settled = [item for item in agenda if item.settled]
    last = settled[-1] if settled else None
    if last is not None and last.status == "declined_closed" and last.chosen is not None:
        return last
    return last_accepted(agenda)


def switchable(agenda: list[AgendaItem]) -> tuple[str, ...]:
    """The other alternatives the customer may switch to after taking one, kept or withdrawn, while nothing
    else is open."""
    if any(not item.settled for item in agenda):
        return ()
    item = last_taken(agenda)
    if item is None:
        return ()
    return tuple(offer for offer in item.offered if offer != item.chosen)


def changed_choice(run: Run, rules: Rules) -> bool:
    """After accepting one alternative, the customer names another that was offered instead
    ("actually, make it the exchange")."""
    return switched_to(run) is not None


def swapped_approval(run: Run, rules: Rules) -> str | None:
    """After a request was approved, the alternative of it the customer would rather have for the same order
    ("I'd rather have a replacement than a refund"), with nothing else open; ``None`` when there is none. A
    request just taken back counts as approved ("I don't want a refund." … "I'd like an exchange instead")."""
    item = swap_meant(run, rules)
    if item is None or current_item(run) is not None or _has(run, "request"):
        return None
    if not _same_order(run, item):
        return None
    own = {a.id for a in rules.policy.requests[item.name].every_alternative()}
    chosen = [a.target for a in _acts(run) if a.kind == "choose" and not a.negated]
    # "Can you just send a new plate?" names the new parcel, and within it "a new one", which this request has.
    chosen += run.signals.slots.get("also_wished", "").split()
    return next((target for target in chosen if target in own), None)


def _same_order(run: Run, item: AgendaItem) -> bool:
    """Whether the message names no order, or the order ``item`` was settled for."""
    named = run.signals.facts.get("order_id")
    return named is None or named == item.facts.get("order_id", run.facts.get("order_id"))


def took_back_approval(run: Run, rules: Rules) -> bool:
    """After a request was granted, the customer takes it back by name and asks for nothing in its place
    ("sorry, I don't want a refund after all", "wait, don't cancel it"), for the same order: the approval
    is withdrawn."""
    item = approval_meant(run)
    if item is None or current_item(run) is not None or _has(run, "choose") or _has(run, "request"):
        return False
    return _has(run, "cancel_request", item.name) and _same_order(run, item)


def approval_swapped(run: Run, rules: Rules) -> bool:
    """After a request was approved, the customer would rather have one of its alternatives for the same
    order ("I'd rather have a replacement than a refund"), with nothing else open."""
    return swapped_approval(run, rules) is not None


def approval_undone(run: Run, rules: Rules) -> bool:
    """After a request was approved, the customer puts right a fact it was approved on ("sorry, I meant 40 days
    ago"), and the policy's answer with the fact put right is not a yes: the approval cannot stand. An order
    number put right ("oops, wrong order, it's A-7004") undoes it whatever the answer for the order meant.
    After an alternative was taken in place of a refused request, a fact put right that makes the answer a
    yes ("sorry, it was 20 days ago, not 45") undoes the alternative, so the request is granted; so does a fact
    told only now that makes it a yes or opens an exception for a person to review ("I forgot to say, I'm
    moving to Australia")."""
    item = settled_on_facts(run.agenda)
    if item is None or current_item(run) is not None or not run.signals.facts:
        return False
    if order_put_right(run, item):
        return True
    if not _same_order(run, item):
        return False
    stated = run.customer_stated
    changed = {
        name: value
        for name, value in run.signals.facts.items()
        if name in item.facts
        and item.facts[name] != value
        and item.facts[name] in stated.get(name, ())  # what the host supplied stands
        and name in rules.policy.facts_of(item.name)
        and not (item.status == "alternative_accepted" and _said_of_what_was_sent(run, rules, name))
    }
    if item.status == "alternative_accepted":
        changed |= circumstance_told_later(run, rules, item)
    if not changed:
        return False
    decision = rules.decide(item.name, {**item.facts, **changed}, wish=item.wish)
    if item.status == "alternative_accepted":
        return decision.verdict in ("approve", "review")
    return decision.verdict not in ("approve", "missing", "narrow")


def circumstance_told_later(run: Run, rules: Rules, item: AgendaItem) -> dict[str, FactValue]:
    """A circumstance the request reads, told only once an offer was taken for it ("I forgot to say, I'm
    moving to Australia"), when the customer is not merely pleased with the offer; empty otherwise."""
    if _content_with_it(run) or any(
        spec.kind == "condition" for name, spec in rules.policy.facts.items() if name in run.signals.facts
    ):
        return {}  # "sorry it's late, I was in hospital": why the return is late, said of the order
    return {
        name: value
        for name, value in run.signals.facts.items()
        if name not in item.facts
        and name in rules.policy.facts_of(item.name)
        and name in rules.policy.facts
        and rules.policy.facts[name].kind == "circumstance"
    }


def _said_of_what_was_sent(run: Run, rules: Rules, name: str) -> bool:
    """Whether a condition told once an offer was taken is of what the offer sent ("the new one still hasn't
    arrived"), not a correction of what was told of the order."""
    spec = rules.policy.facts.get(name)
    return spec is not None and spec.kind == "condition" and run.signals.slots.get("correction") != "yes"


def _content_with_it(run: Run) -> bool:
    """Whether the message is pleased with what was taken ("perfect, that covers me while I recover from
    surgery"), or takes an offer, rather than asking for more: what it tells is then said in passing."""
    pleased = any(a.kind in ("thank", "affirm", "goodbye", "choose") for a in _acts(run)) or _praises_it(run.text)
    if _has(run, "insist"):
        # "yes thanks, but I'm moving, can we cancel after all?" or "…so I'll need to cancel after all" asks now;
        # "all good, though I may need to cancel next year" or "her membership needs cancelling too" says it in
        # passing
        return pleased and "?" not in run.text and "after all" not in run.text.lower()
    return pleased


def _praises_it(text: str) -> bool:
    """Whether the text praises what was taken ("perfect", "that works"), not "not great"."""
    words = "".join(c if c.isalnum() else " " for c in text.lower()).split()
    return any(
        word in _PLEASED_WITH_IT and words[at - 1 : at] not in (["not"], ["isnt"], ["doesnt"], ["wasnt"])
        for at, word in enumerate(words)
    )


_PLEASED_WITH_IT = frozenset(
    {"perfect", "great", "brilliant", "lovely", "works", "suits", "covers", "ideal", "good", "fine", "happy"}
)


def settled_on_facts(agenda: list[AgendaItem]) -> AgendaItem | None:
    """The last request settled, when it was approved or settled with an alternative the customer took: what
    a fact put right may undo."""
    settled = [item for item in agenda if item.settled]
    if settled and settled[-1].status in ("approved", "alternative_accepted"):
        return settled[-1]
    return None


def order_put_right(run: Run, item: AgendaItem) -> bool:
    """ "Oops, wrong order, it's A-7004" (or "it's A-7004 I want cancelled, not A-7003") after ``item`` was
    approved for the order number the customer gave: the approval stood on a number put right, so it is undone
    and the request decided for the order meant."""
    named = run.signals.facts.get("order_id")
    was = item.facts.get("order_id")
    return (
        named is not None
        and was is not None
        and named != was
        and was in run.customer_stated.get("order_id", ())
        and run.signals.slots.get("correction") == "yes"
        and not any(a.kind == "request" and a.target != item.name for a in _acts(run))
    )


def swap_meant(run: Run, rules: Rules) -> AgendaItem | None:
    """The approved request whose alternative a choice in the message means (see :func:`approval_meant`),
    else, when the customer chooses something, the request last settled if they took it back, as the policy
    would have granted it: "I don't want a refund." … "could I have an exchange instead?"."""
    item = approval_meant(run)
    if item is not None or not _has(run, "choose"):
        return item
    settled = [each for each in run.agenda if each.settled]
    last = settled[-1] if settled else None
    if last is None or last.status != "dropped" or "order_id" not in last.facts:
        return None
    verdict = rules.decide(last.name, {**run.facts, **last.facts}, wish=last.wish).verdict
    return last if verdict == "approve" else None


def approval_meant(run: Run) -> AgendaItem | None:
    """The approved request a message about an approval means: the one for the order it names ("I don't want
    the refund for A-4444 after all", with A-3333 refunded too), else the request most recently approved."""
    named = run.signals.facts.get("order_id")
    if named is not None:
        for item in reversed(run.agenda):
            if item.status == "approved" and item.facts.get("order_id") == named:
                return item
    return last_approved(run.agenda)


def last_approved(agenda: list[AgendaItem]) -> AgendaItem | None:
    """The request most recently approved, when it is the last one settled."""
    settled = [item for item in agenda if item.settled]
    return settled[-1] if settled and settled[-1].status == "approved" else None


def took_back_choice(run: Run, rules: Rules) -> bool:
    """After accepting an alternative, the customer takes it back by name and wants nothing instead ("never
    mind, I don't want the credit after all", "actually I don't want either"), with nothing else open. A
    bare "forget it" or "I don't want a refund" keeps it: it answers "anything else?" or drops the request
    the alternative replaced."""
    item = last_accepted(run.agenda)
    if item is None or item.chosen is None or current_item(run) is not None:
        return False
    if _has(run, "choose") or _has(run, "request"):
        return False
    return _has(run, "reject", item.chosen) or _has(run, "reject", "all")


def listed_instead(agenda: list[AgendaItem], focus: str | None, policy: Policy) -> tuple[str, ...]:
    """The alternatives the agent listed, asked what else there is once a request was granted ("what are my
    options?"): what the policy offers instead of that request, while nothing else is open."""
    if focus != "all" or any(not item.settled for item in agenda):
        return ()
    item = last_approved(agenda)
    return () if item is None else tuple(a.id for a in policy.requests[item.name].alternatives)


def asked_which_instead(run: Run, rules: Rules) -> bool:
    """Told what they could have instead of a granted request or of the alternative they took, the customer
    says yes without saying which ("yes please")."""
    listed = listed_instead(run.agenda, run.focus_before, rules.policy)
    if not (listed or run.focus_before == "all" and switchable(run.agenda)) or current_item(run) is not None:
        return False
    kinds = {a.kind for a in _acts(run)}
    return "affirm" in kinds and not kinds & {"choose", "reject", "request", "ask_about", "goodbye"}


def asked_about_switch(run: Run, rules: Rules) -> bool:
    """After accepting one alternative, the customer asks about another that was offered, or what else there
    is; after an approval,
    about one of the request's alternatives ("if I went with the exchange, could I pick another dress?"), or
    what they could have instead ("what are my options?")."""
    options: tuple[str, ...] = switchable(run.agenda)
    if options:
        options = (*options, "all")
    approved = last_approved(run.agenda)
    if approved is not None and current_item(run) is None:
        options = (*options, *(a.id for a in rules.policy.requests[approved.name].every_alternative()), "all")
    return any(a.kind == "ask_about" and a.target in options for a in _acts(run))


def asked_about_chosen(run: Run, rules: Rules) -> bool:
    """After accepting an alternative, the customer asks about it ("will I get an email?", "how long will
    the new one take?")."""
    item = last_accepted(run.agenda)
    return item is not None and item.chosen is not None and _has(run, "ask_about", item.chosen)


def asked_for_goodwill(run: Run, rules: Rules) -> bool:
    """The customer asks for something for the trouble ("any compensation for all the hassle?", "what about a
    goodwill gesture?"), and for nothing else: once the request is settled, or while offers are open."""
    return "goodwill" in run.signals.slots and all(act.kind in _BESIDE_GOODWILL for act in _acts(run))


_BESIDE_GOODWILL = frozenset({"complain", "thank", "unknown", "affirm", "provide"})


def goodwill_due(run: Run, rules: Rules) -> bool:
    """The customer asks for something for the trouble, and the policy's goodwill offer is theirs to have:
    they are eligible for it now and it was not offered before."""
    return asked_for_goodwill(run, rules) and can_compensate(run, rules)


def told_details(run: Run, rules: Rules) -> bool:
    """After taking an alternative that comes in sizes or colours, the customer tells which they would like
    ("M please", "can I have it in navy?"): it is passed on with the alternative."""
    item = last_accepted(run.agenda)
    if item is None or item.chosen is None or "variant" not in run.signals.slots:
        return False
    return all(
        act.kind in _BESIDE_DETAILS or (act.kind in ("choose", "ask_about") and act.target == item.chosen)
        for act in _acts(run)
    )


_BESIDE_DETAILS = frozenset({"unknown", "thank", "affirm", "provide"})


def switched_to(run: Run) -> str | None:
    """The alternative this message switches to, if it names one of those the customer could switch to."""
    options = switchable(run.agenda)
    for act in reversed(_acts(run)):
        if act.kind == "choose" and not act.negated and act.target in options:
            return act.target
    return None


def handed_over(agenda: list[AgendaItem]) -> AgendaItem | None:
    """The request handed to a person, if the conversation is waiting for one about it."""
    return next((item for item in reversed(agenda) if item.status == "escalated"), None)


def open_before_handoff(run: Run) -> list[str]:
    """What was on offer, and not turned down, when the request was handed to a person."""
    item = handed_over(run.agenda)
    if item is None:
        return []
    return [offer for offer in item.offered if offer not in item.rejected]


def took_offer_while_waiting(run: Run, rules: Rules) -> bool:
    """While waiting for a person it asked for (or was handed to for insisting, anger or not being
    understood), the customer takes up one of the offers still open: "no, forget it, I'll take the
    credit", or says they need no person after all while offers are still open ("actually I don't need
    anyone, what were my options?"). A handoff for a threat, a review or anything the agent cannot decide
    stays."""
    if run.escalation_reason not in _WITHDRAWABLE:
        return False
    open_offers = open_before_handoff(run)
    if not open_offers:
        return False
    acts = _acts(run)
    if any(a.kind == "ask_human" and a.negated for a in acts) and not _has(run, "reject"):
        return True
    if _takes_back_the_ask(run, rules) and not _has(run, "reject"):
        return True  # "actually no it's fine, what was the other option?"
    return any(a.kind == "choose" and not a.negated and a.target in open_offers for a in acts)


def _takes_back_the_ask(run: Run, rules: Rules) -> bool:
    """A bare "no" ("actually no, it's fine") while waiting for a person the customer asked for, with no
    callback on offer to say no to: the ask for a person taken back."""
    return (
        run.escalation_reason == "asked_for_person"
        and _has(run, "deny")
        and not _callback_offered(run, rules)
        and not any(a.kind in ("ask_human", "request", "complain", "provide") for a in _acts(run))
    )


_WITHDRAWABLE = frozenset({"asked_for_person", "insistence", "anger", "unclear"})


def no_person_needed(run: Run, rules: Rules) -> bool:
    """While waiting for a person they asked for, with nothing on offer, the customer takes the ask back
    ("actually I don't need anyone", "no, it's fine, I just want to cancel A-2468", "no I just want a refund
    actually"): the agent takes the conversation back. Details for the person ("it's about a refund") leave
    the handoff as it is."""
    if run.escalation_reason != "asked_for_person" or open_before_handoff(run):
        return False
    acts = _acts(run)
    if any(a.kind == "ask_human" and not a.negated for a in acts):
        return False
    if "circumstance" in run.signals.facts and not any(a.kind == "ask_human" and a.negated for a in acts):
        return False  # "the person who bought it has passed away, I just want to return it": one for a person
    if any(a.kind == "request" and a.target == "refund" and not a.negated for a in acts) and _chasing_money(run, rules):
        return False  # "no I don't want a colleague, I want my money": the money chased, which only they can check
    if any(a.kind == "ask_human" and a.negated for a in acts) or _takes_back_the_ask(run, rules):
        return True
    if any(a.kind == "choose" and not a.negated and rules.is_alternative(a.target) for a in acts):
        return True  # "never mind, I'll take the store credit": what the agent can arrange, wanted instead
    # "no I just want a refund actually": a request said instead of the person, not a detail for them; one
    # the policy does not handle is what the person is for.
    asks = any(
        a.kind == "request" and not a.negated and rules.policy.request_for(f"request_{a.target}") is not None
        for a in acts
    ) or (any(a.kind == "insist" for a in acts) and current_item(run) is not None)  # "can you just do the refund?"
    words = set(run.text.lower().replace(",", " ").split())
    asked_of_the_agent = "then" in words and "you" in words and not _ASKING_THE_AGENT.isdisjoint(words)
    return asks and (
        any(a.kind == "deny" for a in acts) or not _INSTEAD_OF_A_PERSON.isdisjoint(words) or asked_of_the_agent
    )


def _chasing_money(run: Run, rules: Rules) -> bool:
    """Whether the person was offered to check on money the customer is waiting for (the policy's status
    answer was given), so asking for the money now asks for that money, not for a new refund."""
    status = rules.policy.status
    if status is None:
        return False
    told = sentence_hashes(status.say)[:1]
    return bool(told) and set(told) <= set(run.said)


_ASKING_THE_AGENT = frozenset({"can", "could", "will", "would"})
"""Words that, with "you" and "then", ask the agent itself to do it: "can you cancel it then?"."""


_INSTEAD_OF_A_PERSON = frozenset({"just", "instead", "actually", "only"})
"""Words that make a request said while waiting for a person one made in place of the person."""


def accepted_alternative(run: Run, rules: Rules) -> bool:
    """The customer chose one of the alternatives on offer (a choice outweighs thanks or a goodbye)."""
    return chosen_alternative(run, rules) is not None


def accepted(run: Run, rules: Rules) -> bool:
    """The customer said yes to what is on offer."""
    return chosen_alternative(run, rules) is not None


def came_back_to_alternative(run: Run, rules: Rules) -> bool:
    """With the goodwill offer made, the customer takes an alternative they turned down before, by name ("ok,
    do the exchange then"): it is theirs, in place of the goodwill offer."""
    return run.state == "compensation" and _still_to_offer(run, rules) is not None


def accepted_and_leaving(run: Run, rules: Rules) -> bool:
    """The customer takes what is on offer and says goodbye in the same message ("credit's fine, thanks,
    that's all I needed"), with nothing else asked or waiting."""
    if not accepted(run, rules) or not _has(run, "goodbye") or _others_waiting(run):
        return False
    asking = ("ask_about", "ask_why", "ask_policy", "ask_status", "ask_human", "request", "complain")
    return not any(a.kind in asking and not a.negated for a in _acts(run))


def accepted_with_more(run: Run, rules: Rules) -> bool:
    """The customer chose what is on offer, and asked for more that is still to be looked at."""
    return accepted(run, rules) and _others_waiting(run)


def ambiguous_choice(run: Run, rules: Rules) -> bool:
    """The customer said yes while several things are on offer, without saying which."""
    on_offer = _on_offer(run)
    if len(on_offer) < 2:
        return False
    return any(a.kind == "choose" and a.target is None for a in _acts(run)) or (
        _has(run, "affirm") and not _has(run, "reject")
    )


def asked_about_offer(run: Run, rules: Rules) -> bool:
    """The customer asks a question about something on offer (or, with the goodwill offer made, about an
    alternative turned down before), compares what is on offer ("what's the difference?", "which is
    quicker?") or asks what else there is, without choosing."""
    on_offer = _on_offer(run)
    if run.state == "compensation":
        # With the goodwill offer made, the alternatives turned down before may still be asked about.
        item = current_item(run)
        on_offer = [_COMPENSATION, *(item.offered if item is not None else ())]
    return any(a.kind == "ask_about" and (a.target in on_offer or (on_offer and a.target == "all")) for a in _acts(run))


def asked_for_more(run: Run, rules: Rules) -> bool:
    """Offered one at a time, the customer asks what else there is ("any other options?"), or about the very
    alternative that comes next ("what's the exchange?"), while alternatives remain that were not offered
    yet: the next is offered beside what is open."""
    asked = {a.target for a in _acts(run) if a.kind == "ask_about" and a.target}
    if not asked or _moves_on(run):
        return False
    decision = _decision(run, rules)
    item = current_item(run)
    if decision is None or item is None or not _on_offer(run):
        return False
    waiting = not_yet_offered(item, decision)
    return bool(waiting) and ("all" in asked or (waiting[0] in asked and not asked & set(_on_offer(run))))


def unoffered(run: Run, rules: Rules) -> str | None:
    """The id of an alternative of the policy that the customer asks for, or about, while it is not what
    this request can have ("can I have store credit instead?" with a repair on offer), if any."""
    item = current_item(run)
    if item is None or run.state != "offering_alternatives":
        return None
    asked = [a.target for a in _acts(run) if a.kind in ("choose", "ask_about") and not a.negated and a.target]
    if not asked:
        return None
    decision = _decision(run, rules)
    possible = {a.id for a in decision.alternatives} if decision is not None else set()
    known = rules.alternative_ids
    return next((t for t in asked if t in known and t not in possible and t not in item.offered), None)


def asked_for_unoffered(run: Run, rules: Rules) -> bool:
    """The customer asks for, or about, an alternative the policy has but cannot give for this request as
    it stands, choosing nothing that is on offer."""
    return unoffered(run, rules) is not None


def refused_of(run: Run, on_offer: Sequence[str]) -> set[str]:
    """Which of ``on_offer`` the customer's message turns down."""
    return _refused(run, on_offer)


def _refused(run: Run, offers: Sequence[str] | None = None) -> set[str]:
    on_offer = _on_offer(run) if offers is None else list(offers)
    if getattr(run, "gave_up", False):
        return set(on_offer)
    refused: set[str] = set()
    for act in _acts(run):
        if act.kind == "reject" and not act.negated:
            refused |= set(on_offer) if act.target in ("all", None) else {act.target}
        elif act.kind == "deny":
            refused |= set(on_offer)
    return refused


def some_left(run: Run, rules: Rules) -> bool:
    """The customer turned down some of what is on offer, and something is still left."""
    on_offer = _on_offer(run)
    refused = _refused(run) & set(on_offer)
    return bool(refused) and bool(set(on_offer) - refused)


def more_alternatives(run: Run, rules: Rules) -> bool:
    """The customer turned down what is on offer, and alternatives remain that were not offered yet."""
    if not _all_refused(run):
        return False
    decision = _decision(run, rules)
    item = current_item(run)
    if decision is None or item is None:
        return False
    return bool(not_yet_offered(item, decision))


def not_yet_offered(item: AgendaItem, decision: Decision) -> list[str]:
    """The alternatives the decision allows that were neither offered for ``item`` nor ruled out, in order."""
    return [a.id for a in decision.alternatives if a.id not in item.offered and a.id not in item.rejected]


def _all_refused(run: Run) -> bool:
    on_offer = _on_offer(run)
    return bool(on_offer) and set(on_offer) <= _refused(run)


def rejected_and_eligible(run: Run, rules: Rules) -> bool:
    """The customer turned everything down, or asked for something for the trouble instead ("what about a
    free session or something?"), and compensation can be offered."""
    return (_all_refused(run) or asked_for_goodwill(run, rules)) and can_compensate(run, rules)


def goodwill_declined_offers_open(run: Run, rules: Rules) -> bool:
    """The customer turned down the goodwill offer while alternatives they had not turned down were still open
    ("anything else you can do for the trouble?" … "no"): those are still theirs to take. An offer made after
    everything was turned down has them recorded as refused, so nothing is put back."""
    item = current_item(run)
    if run.state != "compensation" or item is None or not _all_refused(run):
        return False
    if _has(run, "goodbye") or _others_waiting(run):
        return False  # "no thanks, bye" leaves; another request waiting is looked at next
    return any(offer not in item.rejected for offer in item.offered)


def asked_for_unhandled(run: Run, rules: Rules) -> bool:
    """With offers open, the customer asks for a kind of request the policy does not handle, and takes none
    of the offers ("I don't want a pause, I want to cancel" to a service that only refunds): that is a
    colleague's to do, and a colleague is offered rather than the chat closed or the refusal said again."""
    return unhandled_request(run, rules.policy) is not None and not _has(run, "choose")


def unhandled_request(run: Run, policy: Policy) -> str | None:
    """The kind of request the message asks for when the policy handles none of the kinds it asks for."""
    kinds = [act.target for act in _acts(run) if act.kind == "request" and act.target and not act.negated]
    if not kinds or any(policy.request_for(f"request_{kind}") is not None for kind in kinds):
        return None
    return kinds[0]


def rejected_with_more(run: Run, rules: Rules) -> bool:
    """The customer turned everything down, and asked for more that is still to be looked at."""
    return _all_refused(run) and _others_waiting(run)


def rejected(run: Run, rules: Rules) -> bool:
    """The customer turned down everything on offer, and did not press for the request instead ("no, I want a
    refund" is held to, with the offers still open, not taken as a goodbye)."""
    return _all_refused(run) and not _has(run, "insist")


def insisted(run: Run, rules: Rules) -> bool:
    """The customer repeats the original request or insists on it (a message read while waiting for a
    person, "I don't need a manager, I just want my refund", asks for the declined request by name)."""
    if _has(run, "insist"):
        return True
    item = current_item(run)
    if item is None or item.status != "declined":
        return False
    named = run.signals.facts.get("order_id")
    if named is not None and named != run.facts.get("order_id"):
        return False
    policy = rules.policy
    return any(
        a.kind == "request" and not a.negated and policy.request_for(f"request_{a.target}") == item.name
        for a in _acts(run)
    )


def request_allowed_instead(run: Run, rules: Rules) -> AgendaItem | None:
    """After taking an alternative in place of a request the policy allows ("can I swap them?" within the
    window), the request the customer now asks for after all ("money back is better"); ``None`` otherwise."""
    item = last_accepted(run.agenda)
    if item is None or item.chosen is None or current_item(run) is not None or not _has(run, "insist"):
        return None
    if not _same_order(run, item):
        return None
    decision = rules.decide(item.name, {**run.facts, **item.facts}, wish=item.wish)
    return item if decision.verdict == "approve" else None


def wants_request_instead(run: Run, rules: Rules) -> bool:
    """After taking an alternative, the customer asks for the request it replaced, and the policy allows it."""
    return request_allowed_instead(run, rules) is not None


def insisted_after_taking_offer(run: Run, rules: Rules) -> bool:
    """After taking an alternative, the customer asks again for the request it replaced ("can I have a
    refund instead?")."""
    item = last_accepted(run.agenda)
    return _has(run, "insist") and item is not None and item.chosen is not None


def files_complaint(run: Run) -> bool:
    """Whether the customer, having asked for nothing the agent does, wants to make a complaint ("how can I
    lodge a complaint against your company?"): something a person takes."""
    if run.request is not None or not run.signals.has("complain"):
        return False
    if run.question == "person" and all(act.kind == "complain" for act in run.signals.acts):
        return True  # still telling what went wrong, with a colleague already offered for it
    return wants_to_complain(run)


def wants_to_complain(run: Run) -> bool:
    """Whether the message says, in so many words, that the customer wants to make a complaint ("and I want
    to complain about your courier"), whatever else it asks for."""
    lowered = run.text.lower()
    return run.signals.has("complain") and any(words in lowered for words in _FILING)


_FILING = (
    "complaint", "file a claim", "claim against", "want to complain", "like to complain", "reclamation",
    "make a claim", "customer claim", "consumer claim", "lodge a claim", "raise a claim",
)  # fmt: skip


def thanked_only(run: Run, rules: Rules) -> bool:
    """The customer only says thank you (or something as polite), choosing nothing yet."""
    return bool(_acts(run)) and all(a.kind in ("thank", "complain") for a in _acts(run)) and _has(run, "thank")


def acknowledged_only(run: Run, rules: Rules) -> bool:
    """The customer only thanks, takes the answer in ("fair enough"), or says no person is needed ("no need for a
    manager"), choosing nothing yet."""
    acts = _acts(run)
    if "taken_in" in run.signals.slots:
        return True  # "fair enough", "ah I see": the answer taken in
    polite = all(a.kind in ("thank", "complain") or (a.kind == "ask_human" and a.negated) for a in acts)
    return polite and any(a.kind != "complain" for a in acts)


def asked_for_time(run: Run, rules: Rules) -> bool:
    """The customer only asks for time, to decide or to find something ("let me think about it", "hang on,
    let me find the number")."""
    return bool(_acts(run)) and all(a.kind in ("hold", "thank") for a in _acts(run)) and _has(run, "hold")


def complained_only(run: Run, rules: Rules) -> bool:
    """The customer only says how unhappy they are (irony included), asking for nothing new; facts given
    beside it that change nothing ("seriously? they're 80 days old, not 8 years") are heard with it."""
    acts = _acts(run)
    return bool(acts) and all(a.kind in ("complain", "thank", "provide") for a in acts) and _has(run, "complain")


LOST_AFTER = 5
"""Messages in a row the agent could not read before it hands over (a person was offered after three)."""


def lost_repeatedly(run: Run, rules: Rules) -> bool:
    """The agent has not understood the customer for several messages in a row, and offered a person."""
    return run.counters.unclear >= LOST_AFTER


def satisfied(run: Run, rules: Rules) -> bool:
    """After the resolution, the customer is done: a goodbye, a thank-you, no more to ask, or a yes to
    "are you happy with how it was sorted out?"."""
    if "go_ahead" in run.signals.slots:
        return False  # "great, can you do it then?" is not done yet
    if _has(run, "goodbye") or (_has(run, "affirm") and run.question == "satisfaction"):
        return not _moves_on(run) and not _asks_beside(run)
    if files_complaint(run):
        return False  # "thanks, and the complaint?": a complaint still to be made
    return thanked_only(run, rules) or (_has(run, "deny") and run.question == "anything_else")


def unsatisfied(run: Run, rules: Rules) -> bool:
    """At the check-in, the customer says it did not work out, and does not name another alternative
    that was offered instead ("not really, I'd rather have the credit" switches to it)."""
    if run.question != "satisfaction" or switched_to(run) is not None:
        return False
    if approval_undone(run, rules) and _exception_told(run, rules):
        return False  # "not really, my dad died on Sunday": the reason is looked at, not only the "no"
    return _has(run, "deny") or (_has(run, "complain") and not _has(run, "affirm"))


def _exception_told(run: Run, rules: Rules) -> bool:
    """Whether the message tells a circumstance only now, once an offer was taken."""
    item = settled_on_facts(run.agenda)
    return (
        item is not None and item.status == "alternative_accepted" and bool(circumstance_told_later(run, rules, item))
    )


def callback_wanted(run: Run, rules: Rules) -> bool:
    """Out of hours, the customer accepts the callback offer; or, waiting for a person with callbacks on,
    asks for a call themselves ("can you call me instead?")."""
    if asked_for_a_call(run, rules):
        return True
    return _callback_offered(run, rules) and (_has(run, "choose", _CALLBACK) or _has(run, "affirm"))


def asked_for_a_call(run: Run, rules: Rules) -> bool:
    """Waiting for a person, with callbacks on, the customer asks to be called instead."""
    return (
        rules.policy.escalation.handoff.callback
        and run.waiting_since is not None
        and run.signals.slots.get("call_me") == "yes"
    )


def callback_refused(run: Run, rules: Rules) -> bool:
    """Out of hours, the customer turns the callback offer down."""
    return _callback_offered(run, rules) and (
        _has(run, "reject", _CALLBACK) or _has(run, "deny") or _has(run, "reject", "all")
    )


def _callback_offered(run: Run, rules: Rules) -> bool:
    return rules.policy.escalation.handoff.callback and (run.callback_offered or not rules.in_hours(run.now))


def waited_too_long(run: Run, rules: Rules) -> bool:
    """In hours, nobody has picked up the handed-over conversation within the policy's wait."""
    handoff = rules.policy.escalation.handoff
    if run.waiting_since is None or run.callback_offered or not handoff.callback or not rules.in_hours(run.now):
        return False
    return run.now - run.waiting_since >= timedelta(minutes=handoff.wait_minutes)
