"""The engine: one policy, one shared Machine, and pure functions from a snapshot and a message to a turn."""

from __future__ import annotations

import inspect
import secrets
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Protocol

from flow import payloads
from flow.effects import Effects
from flow.errors import ConversationClosed, InvalidMessage, PolicyMismatch, TakeoverRefused
from flow.facts import count, fill_facts, identify_request, name_things, point_at_current, request_facts_stated
from flow.graph import Edge, Trigger
from flow.guards import (
    approval_meant,
    explained_item,
    handed_over,
    last_accepted,
    listed_instead,
    swap_meant,
    switchable,
    waited_too_long,
)
from flow.machine import build_machine
from flow.messages import clean_facts, clean_message, clean_person, refuse_unsigned
from flow.models import (
    SCHEMA_VERSION,
    STARTING,
    Act,
    AgendaItem,
    Close,
    Conversation,
    FactValue,
    Signals,
    Span,
    Turn,
    compact,
    successor,
)
from flow.policy import Policy
from flow.reading import CALLBACK, COMPENSATION, PolicyReading
from flow.rules import Rules
from flow.run import Run, Step, current_item
from flow.speech import Speaker
from flow.templates import TemplateBook
from states import SPECS

if TYPE_CHECKING:
    from flow.understanding.context import Context

Clock = Callable[[], datetime]
_NO_SIGNALS = Signals()
_CHECKED_ON = frozenset({"approved", "alternative_accepted", "compensation_accepted", "escalated"})
"""What an agenda item's status must be for a follow-up to have something to ask about."""
"""The signals of a turn without a customer message (a start, a check-in, a person's action); frozen, so shared."""
_MAX_CHAIN = 16
_STEPS_PER_REQUEST = 4
"""Transitions one request may take in a turn (decide, explain, apologise, offer), beyond ``_MAX_CHAIN``."""


class Understander(Protocol):
    """Anything that reads a customer message into :class:`~flow.models.Signals`, in the context of the
    conversation (what is on offer, which fact was asked for, what the agent just asked).

    An understander written for the text alone (``understand(self, text)``) is still accepted: it is
    called without the context.
    """

    def understand(self, text: str, context: Context | None = None) -> Signals:
        """The signals in one message."""
        ...


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _takes_context(understander: Understander) -> bool:
    """Whether an understander reads messages in context; one written for text alone is still used."""
    try:
        parameters = inspect.signature(understander.understand).parameters
    except (TypeError, ValueError):
        return True
    return len(parameters) >= 2 or any(p.kind is inspect.Parameter.VAR_POSITIONAL for p in parameters.values())


def _rough(conversation: Conversation) -> Span | None:
    """The rough value of the fact asked for; with none asked, of the request's date known only roughly ("in
    October"), which a bare day said later ("around the 10th") falls inside."""
    if conversation.pending_fact is not None:
        value = conversation.facts.get(conversation.pending_fact)
        return value if isinstance(value, Span) else None
    item = conversation.current
    for facts in (item.facts if item is not None else {}, conversation.facts):
        found = next((value for value in facts.values() if isinstance(value, Span)), None)
        if found is not None:
            return found
    return None


def _chosen(conversation: Conversation) -> str | None:
    """The alternative the customer took, while the conversation is in follow-up."""
    if conversation.state != "follow_up":
        return None
    item = last_accepted(conversation.agenda)
    return item.chosen if item is not None else None


def _settled(conversation: Conversation) -> str | None:
    """The request last settled, while the conversation is in follow-up."""
    if conversation.state != "follow_up":
        return None
    settled = [item for item in conversation.agenda if item.settled]
    return settled[-1].name if settled else None


def _granted(conversation: Conversation) -> str | None:
    """The request last approved, while the agent is on another one that is still open."""
    current = conversation.current
    if current is None or current.settled:
        return None
    approved = [item for item in conversation.agenda if item.status == "approved"]
    return approved[-1].name if approved else None


def _taken_instead(conversation: Conversation) -> str | None:
    """In follow-up, the request an alternative was taken in place of: asked for again ("can I have a
    refund instead?"), it is pressed for, not made anew."""
    item = last_accepted(conversation.agenda) if conversation.state == "follow_up" else None
    return item.name if item is not None else None


def _decides(step: Step) -> bool:
    return step.transition in _DECIDING_EDGES


_DECIDING_EDGES = frozenset(
    {
        "approve",
        "approve_and_continue",
        "decline",
        "accept_alternative",
        "accept_and_continue",
        "accept_and_close",
        "accept_compensation",
        "close_declined",
        "next_request",
        "review_exception",
    }
)


def _order_in_hand(conversation: Conversation) -> str | None:
    """The order number of the request in hand, if one is known: in follow-up, of the request whose
    alternative the customer took (so "and a refund for A-4322" after the exchange for A-4321 is about
    another order)."""
    item = conversation.current
    if item is None and conversation.state == "follow_up":
        item = last_accepted(conversation.agenda)
    if item is None:
        return None
    found = item.facts.get("order_id", conversation.facts.get("order_id"))
    return found if isinstance(found, str) else None


_GOODWILL_ANSWERS = frozenset({"grant_goodwill", "no_goodwill"})
_BESIDE_REQUESTS = frozenset({"complain", "thank"})


class Engine:
    """Runs the conversations of one policy.

    Built once per policy; holds one ``transitions`` Machine shared by every conversation and no
    conversation state of its own. :meth:`start` and :meth:`reply` take and return plain
    :class:`~flow.models.Conversation` snapshots and never mutate their input; the only clock is the
    injectable ``clock``.
    """

    def __init__(self, policy: Policy, *, clock: Clock | None = None, understander: Understander | None = None) -> None:
        self.policy = policy
        self._clock = clock or _utc_now
        self._understander = understander
        self._with_context = understander is None or _takes_context(understander)
        book = TemplateBook(policy)
        self._rules = Rules(policy, exception_facts=book.exception_variables(policy))
        self._speaker = Speaker(policy, self._rules, book=book)
        self._effects = Effects(self._rules, self._speaker.follow_up_text)
        self._reading = PolicyReading(policy)
        self._machine, self.edges = build_machine(policy, rules=self._rules, taken=self._taken)
        self._events = {trigger: self._machine.events[trigger] for trigger in self._machine.events}

    @property
    def machine(self) -> Any:
        """The shared ``transitions`` Machine (for diagrams and inspection)."""
        return self._machine

    @property
    def reading(self) -> PolicyReading:
        """The policy's words for the understanding step (what can be on offer, the facts it may read)."""
        return self._reading

    def understand(self, text: str, context: Context | None = None) -> Signals:
        """Read one customer message with this engine's understanding step."""
        if self._understander is None:
            from flow.understanding import Understander as Default

            self._understander = Default()
        if self._with_context:
            return self._understander.understand(text, context)
        return self._understander.understand(text)

    def context_of(self, conversation: Conversation | None, now: datetime | None = None) -> Context:
        """What the next message of ``conversation`` is read against (a first message when ``None``)."""
        now = now or self._clock()
        if conversation is None:
            return self._reading.context(now=now)
        return self._reading.context(
            state=conversation.state,
            request=conversation.request or _taken_instead(conversation),
            offered=self._on_offer(conversation, now),
            asked=conversation.pending_fact,
            rough=_rough(conversation),
            question=conversation.question,
            focus=conversation.focus if conversation.focus != "all" else None,
            chosen=_chosen(conversation),
            now=now,
            settled=_settled(conversation),
            granted=_granted(conversation),
            turned_down=_turned_down(conversation),
            choices=payloads.fact_values(conversation.quick_replies, conversation.pending_fact)
            if conversation.pending_fact
            else _orders_to_pick(conversation),
            order=_order_in_hand(conversation),
            things=_things_of_orders(conversation),
            days_told=self._days_told(conversation),
            instead_of_grant=self._instead_of_grant(conversation),
        )

    def _instead_of_grant(self, conversation: Conversation) -> bool:
        """In follow-up, whether the offer last taken was taken in place of a request the rules grant ("store
        credit instead" of a refund already started)."""
        item = last_accepted(conversation.agenda) if conversation.state == "follow_up" else None
        if item is None or item.chosen is None:
            return False
        return self._rules.decide(item.name, dict(item.facts)).verdict == "approve"

    def _days_told(self, conversation: Conversation) -> int | None:
        """In follow-up, the days since purchase the request last settled was decided on, as one day."""
        settled = [item for item in conversation.agenda if item.settled]
        if conversation.state != "follow_up" or not settled:
            return None
        value = next(
            (settled[-1].facts.get(name) for name, spec in self.policy.facts.items() if spec.kind == "days"), None
        )
        return value if isinstance(value, int) else None

    def _on_offer(self, conversation: Conversation, now: datetime) -> tuple[str, ...]:
        if conversation.state == "compensation":
            # The goodwill offer first; the alternatives offered before may still be taken by name.
            before = conversation.current.offered if conversation.current is not None else ()
            return (COMPENSATION, *before)
        if conversation.state == "escalated":
            callback = self.policy.escalation.handoff.callback and not self._rules.in_hours(now)
            item = handed_over(conversation.agenda)
            still_open = tuple(o for o in item.offered if o not in item.rejected) if item is not None else ()
            return (CALLBACK, *still_open) if callback else still_open
        if conversation.state == "follow_up":
            listed = listed_instead(conversation.agenda, conversation.focus, self.policy)
            return switchable(conversation.agenda) or listed
        item = conversation.current
        if conversation.state != "offering_alternatives" or item is None:
            return ()
        return tuple(offer for offer in item.offered if offer not in item.rejected)

    def start(
        self,
        facts: Mapping[str, Any] | None = None,
        message: str | None = None,
        *,
        conversation_id: str | None = None,
        unsigned_facts: Mapping[str, Any] | None = None,
    ) -> tuple[Conversation, Turn]:
        """Open a conversation with the facts the host knows and, optionally, the customer's first message.

        ``facts`` are the host's own. ``unsigned_facts`` came from a public client without the host's
        signature: only those the policy marks ``allow_unsigned`` are accepted
        (:class:`~flow.errors.UntrustedFacts` names the others), and they count as stated by the customer.
        """
        known, unsigned = self._facts(facts, unsigned_facts)
        text = None if message is None else clean_message(message, max_chars=self.policy.max_message_chars)
        now = self._clock()
        stated: dict[str, list[FactValue]] = {}
        _note_stated(stated, ((k, v) for k, v in unsigned.items() if k not in known))
        conversation = Conversation.model_validate(
            {
                "id": conversation_id or secrets.token_hex(12),
                "policy": self.policy.name,
                "policy_version": self.policy.version,
                "schema_version": SCHEMA_VERSION,
                "facts": {**unsigned, **known},
                "customer_stated": stated,
                "started_at": now,
                "updated_at": now,
            },
            context=STARTING,
        )
        signals = self.understand(text, self.context_of(None, now)) if text is not None else _NO_SIGNALS
        run = Run.of(conversation, signals, text or "", now)
        before = _fact_values(run)
        identify_request(run, self.policy, self._rules.assumed_request)
        run.steps.append(Step("start", "listening", run.current))
        if text is not None:
            self._apply(run, text, before)
        return self._finish(conversation, run, text, None, fresh=True)

    def reply(
        self,
        conversation: Conversation,
        message: str | None = None,
        *,
        quick_reply: str | None = None,
        facts: Mapping[str, Any] | None = None,
        unsigned_facts: Mapping[str, Any] | None = None,
    ) -> tuple[Conversation, Turn]:
        """Apply one customer message (text or a quick-reply payload) and return the next snapshot and turn.

        ``facts`` and ``unsigned_facts`` are as for :meth:`start`; a value the host gives that the
        customer had stated is no longer unverified. Raises :class:`~flow.errors.InvalidMessage`,
        :class:`~flow.errors.UntrustedFacts`, :class:`~flow.errors.ConversationClosed` or
        :class:`~flow.errors.PolicyMismatch`; when it raises, nothing has changed.
        """
        if conversation.policy != self.policy.name:
            raise PolicyMismatch(conversation.id, self.policy.name, conversation.policy)
        if conversation.closed:
            raise ConversationClosed(conversation.id)
        if (message is None) == (quick_reply is None):
            raise InvalidMessage("send either a text message or a quick reply, not both and not neither")
        known, unsigned = self._facts(facts, unsigned_facts)
        now = self._clock()
        if quick_reply is not None:
            if quick_reply not in conversation.quick_replies:
                offered = ", ".join(conversation.quick_replies) or "none"
                raise InvalidMessage(f"quick reply {quick_reply!r} is not on offer now (offered: {offered})")
            text, signals = "", payloads.signals_for(quick_reply)
        else:
            text = clean_message(message, max_chars=self.policy.max_message_chars)
            signals = self.understand(text, self.context_of(conversation, now))
        run = Run.of(conversation, signals, text, now)
        run.facts.update(unsigned)
        _note_stated(run.customer_stated, unsigned.items())
        run.facts.update(known)
        _forget_confirmed(run.customer_stated, known)
        if run.pending_fact in known:
            # What the host says settles the fact: the customer's answer to the question is not needed.
            run.pending_fact = None
        before = _fact_values(run)
        identify_request(run, self.policy, self._rules.assumed_request)
        self._apply(run, text, before)
        return self._finish(conversation, run, text if message is not None else None, quick_reply)

    def check_in(self, conversation: Conversation) -> tuple[Conversation, Turn]:
        """Deliver the scheduled follow-up: the agent asks whether the resolution worked.

        The conversation moves to ``follow_up`` (reopening it if it had closed), so the customer's
        answer is heard: a yes closes it again, a no hands it to a person.
        """
        if conversation.policy != self.policy.name:
            raise PolicyMismatch(conversation.id, self.policy.name, conversation.policy)
        if conversation.outcome == "closed_after_abuse":
            raise ConversationClosed(conversation.id)
        run = Run.of(conversation, _NO_SIGNALS, "", self._clock())
        # The check-in starts a fresh exchange: earlier anger, insistence and length do not carry over.
        run.counters.anger = run.counters.insistence = run.counters.turns = 0
        if not any(e.source == run.state and e.trigger == "check_in" for e in self.edges):
            raise InvalidMessage(f"a follow-up cannot be delivered while the conversation is {run.state}")
        if not self.check_in_wanted(conversation):
            raise InvalidMessage(
                "no follow-up is due: nothing was done in this conversation to ask about (a handoff taken back "
                "or offers left unanswered); drop the scheduled follow-up"
            )
        self._step(run, "check_in")
        return self._finish(conversation, run, None, None)

    def check_in_wanted(self, conversation: Conversation) -> bool:
        """Whether a follow-up scheduled for ``conversation`` should still be delivered: something was done to
        ask about (a request approved, an alternative or the goodwill offer arranged, a person brought in),
        and the customer was not closed out for abuse. A handoff taken back, with the offers then left
        unanswered, leaves nothing to check on."""
        if conversation.outcome == "closed_after_abuse":
            return False
        handed_over = conversation.escalation_reason is not None or conversation.person is not None
        return handed_over or any(item.status in _CHECKED_ON for item in conversation.agenda)

    def check_facts(self, facts: Mapping[str, Any] | None, *, unsigned_facts: Mapping[str, Any] | None = None) -> None:
        """Raise what :meth:`start` would raise for these facts (:class:`~flow.errors.InvalidFact`,
        :class:`~flow.errors.UntrustedFacts`), without starting anything."""
        self._facts(facts, unsigned_facts)

    def _facts(
        self, facts: Mapping[str, Any] | None, unsigned_facts: Mapping[str, Any] | None
    ) -> tuple[dict[str, FactValue], dict[str, FactValue]]:
        """The host's facts and the unsigned ones, checked against the policy's facts schema."""
        refuse_unsigned(unsigned_facts, self.policy)
        return clean_facts(facts, self.policy), clean_facts(unsigned_facts, self.policy)

    def take_over(self, conversation: Conversation, person: str) -> tuple[Conversation, Turn]:
        """A person takes over a handed-over conversation; the agent stays quiet until they hand back.

        ``person`` is the display name the customer sees. Raises :class:`~flow.errors.TakeoverRefused`
        when the conversation is not waiting for a person (another person has it, or it was never escalated).
        """
        name = clean_person(person)
        run = self._person_run(conversation, "take_over", expected="escalated")
        run.person = name
        self._step(run, "take_over")
        return self._finish(conversation, run, None, None)

    def person_says(self, conversation: Conversation, person: str, text: str) -> tuple[Conversation, Turn]:
        """A message the person who took over writes to the customer, kept in the transcript as theirs."""
        name = clean_person(person)
        message = clean_message(text, max_chars=self.policy.max_message_chars)
        self._person_run(conversation, "person_says", expected="with_person", person=name)
        now = self._clock()
        version = conversation.version + 1
        updated = conversation.model_copy(update={"version": version, "updated_at": now})
        turn = Turn(
            conversation_id=conversation.id, number=version, at=now, state=updated.state, text=message, person=name
        )
        return updated, turn

    def hand_back(self, conversation: Conversation, person: str, *, close: bool = False) -> tuple[Conversation, Turn]:
        """The person hands back: the agent picks up at the follow-up, or says goodbye when ``close``.

        The agenda, its facts and what was offered stay as they were; anger and insistence start afresh.
        """
        trigger: Trigger = "hand_back_close" if close else "hand_back"
        run = self._person_run(conversation, trigger, expected="with_person", person=clean_person(person))
        self._step(run, trigger)
        return self._finish(conversation, run, None, None)

    def close_by_person(self, conversation: Conversation, person: str) -> tuple[Conversation, Turn]:
        """The person ends the conversation themselves; the agent says nothing more."""
        run = self._person_run(conversation, "agent_close", expected="with_person", person=clean_person(person))
        self._step(run, "agent_close")
        return self._finish(conversation, run, None, None)

    def wait_is_over(self, conversation: Conversation) -> bool:
        """Whether nobody picked up a handed-over conversation within the policy's wait (see :meth:`wait_expired`)."""
        if conversation.state != "escalated" or conversation.waiting_since is None or conversation.callback_offered:
            return False
        return waited_too_long(Run.of(conversation, _NO_SIGNALS, "", self._clock()), self._rules)

    def wait_expired(self, conversation: Conversation) -> tuple[Conversation, Turn]:
        """Nobody picked up in time: apologize and offer the customer a callback instead.

        Raises :class:`~flow.errors.InvalidMessage` unless :meth:`wait_is_over`.
        """
        if conversation.policy != self.policy.name:
            raise PolicyMismatch(conversation.id, self.policy.name, conversation.policy)
        if not self.wait_is_over(conversation):
            raise InvalidMessage(f"conversation {conversation.id} is not waiting past the policy's wait for a person")
        run = Run.of(conversation, _NO_SIGNALS, "", self._clock())
        self._step(run, "wait_expired")
        return self._finish(conversation, run, None, None)

    def _person_run(self, conversation: Conversation, action: str, *, expected: str, person: str | None = None) -> Run:
        if conversation.policy != self.policy.name:
            raise PolicyMismatch(conversation.id, self.policy.name, conversation.policy)
        if conversation.closed:
            raise ConversationClosed(conversation.id)
        if conversation.state != expected:
            raise TakeoverRefused(conversation.id, action, state=conversation.state, holder=conversation.person)
        if person is not None and conversation.person != person:
            raise TakeoverRefused(conversation.id, action, state=conversation.state, holder=conversation.person)
        return Run.of(conversation, _NO_SIGNALS, "", self._clock())

    def _take_second_best(self, run: Run) -> None:
        """ "A refund if possible, otherwise store credit": when the request in hand is refused on what is
        known, the alternative named as second best is what the customer asked for."""
        second = run.signals.slots.get("second_best")
        item = current_item(run)
        if second is None or item is None or item.settled or item.wish is not None or item.offered:
            return
        decision = self._rules.decide(item.name, {**run.facts, **item.facts})
        if decision.verdict in ("decline", "offer") and second in {a.id for a in decision.alternatives}:
            item.wish = second

    def _apply(self, run: Run, text: str, before: set[tuple[str, FactValue]]) -> None:
        """Take in the message's facts, then run the flow until it waits; ``before`` holds the fact values
        known before the message was read (the requests it makes may already hold some it stated)."""
        _asked_again_for_settled(run)
        _turned_up_after_all(run)
        fill_facts(run, self.policy, text)
        run.repeated = bool(run.signals.facts) and all(pair in before for pair in run.signals.facts.items())
        _note_stated(run.customer_stated, _new_values(run, before))
        _note_stated(run.customer_stated, _orders_told_apart(run))
        self._assume_request(run)
        self._assume_for_orders_told(run)
        name_things(run)
        self._take_second_best(run)
        count(run, self.policy)
        self._step(run, "message")
        # Each request on the agenda may take a few transitions of its own ("refund A-1001 … A-1020").
        limit = _MAX_CHAIN + _STEPS_PER_REQUEST * len(run.agenda)
        for _ in range(limit):
            if run.redo:
                # The message is read again in the state just entered: the new request is decided now.
                run.redo = run.changed = False
                point_at_current(run, self.policy)
                self._step(run, "message")
            elif SPECS[run.state].waits:
                if not self._goodwill_beside_requests(run):
                    return
            else:
                self._step(run, "next")
        raise RuntimeError(f"the flow did not settle within {limit} transitions")  # pragma: no cover

    def _goodwill_beside_requests(self, run: Run) -> bool:
        """Something for the trouble asked for beside the requests of the message ("cancel A-2002 … also can
        I get a discount for the hassle?"), once they are settled in this turn: asked again on its own, so the
        policy's goodwill offer is given or kindly declined as it would be after. ``False`` when there is none,
        or it was answered."""
        signals = run.signals
        if run.state != "follow_up" or "goodwill" not in signals.slots or not signals.has("request"):
            return False
        if run.goodwill_taken_up or any(step.transition in _GOODWILL_ANSWERS for step in run.steps):
            return False
        run.goodwill_taken_up = True
        run.signals = signals.model_copy(update={"acts": tuple(a for a in signals.acts if a.kind in _BESIDE_REQUESTS)})
        try:
            self._step(run, "message")
        finally:
            run.signals = signals  # the reply still greets and words the message as the customer wrote it
        return True

    def _assume_request(self, run: Run) -> None:
        """A customer who only says what happened ("my parcel never came") is taken to mean the request the
        policy assumes for it, when nothing else is in hand. A question about the rules ("what happens if
        it breaks?") or a goodbye states nothing that happened."""
        signals = run.signals
        if run.state == "follow_up" and not self._another_order_told(run):
            return
        if run.state not in ("listening", "follow_up") or run.current is not None:
            return
        if signals.has("request") or not signals.facts:
            return
        if any(signals.has(kind) for kind in ("ask_policy", "ask_status", "goodbye")):
            return
        if self._assume_for_each_order(run):
            return
        if run.state == "follow_up":
            # Another order's trouble once the last request is settled: that order's own request, with its facts.
            stated = dict(signals.facts)
            name = self._rules.assumed_request(stated)
            if name is not None:
                run.agenda.append(AgendaItem(name, facts=request_facts_stated(self.policy, stated), assumed=True))
                point_at_current(run, self.policy)
            return
        name = self._rules.assumed_request(run.facts)
        if name is not None:
            run.agenda.append(AgendaItem(name, assumed=True))
            point_at_current(run, self.policy)

    def _another_order_told(self, run: Run) -> bool:
        """Once everything is settled, whether the message tells what went wrong with an order nothing was
        asked for yet ("what about my other order A-6666? it's been 3 weeks and nothing")."""
        told = run.signals.facts.get("order_id")
        trouble = any(
            self.policy.facts[name].kind == "condition" for name in run.signals.facts if name in self.policy.facts
        )
        return trouble and isinstance(told, str) and all(item.facts.get("order_id") != told for item in run.agenda)

    def _assume_for_each_order(self, run: Run) -> bool:
        """Several orders, each told of its own trouble ("A-6161 never arrived and A-6262 came broken"): each
        gets the request the policy assumes for its trouble, in the order told. ``False`` when the message
        does not tell orders apart, or no order's trouble calls for a request."""
        orders = [stated for stated in run.signals.order_facts if stated.get("order_id")]
        if len(orders) < 2:
            return False
        called = [(stated, self._rules.assumed_request(stated)) for stated in orders]
        names = {name for _, name in called if name is not None}
        if not names:
            return False
        if len(names) == 1:
            # "A mug A-1111 (broken) and a plate A-2222 I just don't like, bought 2 months ago": an order told
            # with its own details beside the others, but no trouble, is taken for the same request.
            (same,) = names
            called = [(stated, name or (same if set(stated) - {"order_id"} else None)) for stated, name in called]
        for stated, name in called:
            if name is not None:
                run.agenda.append(AgendaItem(name, facts=request_facts_stated(self.policy, stated), assumed=True))
        point_at_current(run, self.policy)
        return True

    def _assume_for_orders_told(self, run: Run) -> None:
        """Beside several requests, an order no request names but whose trouble is told ("oh and A-1010
        arrived broken") gets the request the policy assumes for that trouble, after the others; so does
        another order told of beside the request in hand ("neither. also my other order A-3333 arrived
        broken")."""
        signals = run.signals
        if not signals.order_facts:
            return
        if not signals.request_facts and not (run.current is not None and len(signals.order_facts) == 1):
            return
        for stated in signals.order_facts:
            order = stated.get("order_id")
            if order is None or any(item.facts.get("order_id") == order for item in run.agenda):
                continue
            name = self._rules.assumed_request(stated)
            if name is not None:
                run.agenda.append(AgendaItem(name, facts=request_facts_stated(self.policy, stated), assumed=True))

    def _step(self, run: Run, trigger: Trigger) -> None:
        if not self._events[trigger].trigger(run):
            raise RuntimeError(f"no {trigger} transition from {run.state}")  # pragma: no cover

    def _taken(self, edge: Edge, run: Run) -> None:
        settled = len(run.settled)
        if edge.name == "why":
            about = explained_item(run, self._rules)
        elif edge.name in ("change_choice", "answer_chosen") or (
            edge.name in ("answer_about", "which_one") and edge.source == "follow_up"
        ):
            about = last_accepted(run.agenda)
        elif edge.name == "retract_approval":
            about = approval_meant(run)
        elif edge.name == "swap_approval":
            about = swap_meant(run, self._rules)
        else:
            about = run.current
        step = Step(edge.name, edge.dest, about)
        run.steps.append(step)
        self._effects.apply(run, edge)
        if len(run.settled) > settled:
            step.item = run.settled[-1]

    def _finish(
        self, conversation: Conversation, run: Run, text: str | None, quick_reply: str | None, *, fresh: bool = False
    ) -> tuple[Conversation, Turn]:
        """The next snapshot and the turn's record. ``fresh``: ``conversation`` was validated by this call
        and nothing else holds it, so it is finished in place rather than copied."""
        if run.state == "closed":
            run.actions.append(Close(outcome=run.outcome or "customer_closed"))
            run.outcome = run.outcome or "customer_closed"
        reply, buttons = self._speaker.say(run)
        version = conversation.version + 1
        update = {
            **run.snapshot_fields(),
            "quick_replies": [b.payload for b in buttons],
            "version": version,
            "updated_at": run.now,
        }
        if fresh:
            # What model_copy would do, without the copy: the same values and the same fields set.
            conversation.__dict__.update(update)
            conversation.__pydantic_fields_set__.update(update)
            compact(conversation)
            next_conversation = conversation
        else:
            next_conversation = successor(conversation, update)
        turn = Turn.made(
            conversation_id=conversation.id,
            number=version,
            at=run.now,
            customer_text=text,
            quick_reply=quick_reply,
            signals=run.signals if (text or quick_reply) else None,
            transitions=[step.transition for step in run.steps],
            states_entered=[step.state for step in run.steps],
            state=run.state,
            text=reply,
            quick_replies=buttons,
            actions=run.actions,
            decided={step.item.name: step.item.status for step in run.steps if step.item and _decides(step)},
        )  # built from values the engine made and typed itself, so validation is skipped on this hot path
        return next_conversation, turn


def _fact_values(run: Run) -> set[tuple[str, FactValue]]:
    """Every fact value the working conversation holds, for itself and for each request."""
    values = set(run.facts.items())
    for item in run.agenda:
        values.update(item.facts.items())
    return values


def _new_values(run: Run, before: set[tuple[str, FactValue]]) -> list[tuple[str, FactValue]]:
    """The fact values the working conversation holds that are not in ``before``, in the order the facts
    are kept (the conversation's own, then each request's), so what is recorded never depends on hashing."""
    found: list[tuple[str, FactValue]] = []
    for facts in (run.facts, *(item.facts for item in run.agenda)):
        for pair in facts.items():
            if pair not in before and pair not in found:
                found.append(pair)
    return found


_ASKING_AGAIN = frozenset({"request", "choose", "provide", "thank", "affirm"})
"""Acts of a message that only asks again for an order already taken care of ("refund for the mug please")."""
_DONE = frozenset({"approved", "alternative_accepted"})
"""Where a request stands once it is taken care of: granted, or an alternative in its place."""


def _asked_again_for_settled(run: Run) -> None:
    """While one order's request is in hand, a message that only names another order already taken care
    of ("what about the mug?", "refund for A-3434 please") asks for nothing new: what it asks is kept off
    the request in hand, and the reply says that order's request is under way (``run.done_for``)."""
    if run.state not in ("listening", "offering_alternatives"):
        return
    told = run.signals.facts.get("order_id")
    current = current_item(run)
    if not isinstance(told, str) or current is None or current.facts.get("order_id") in (None, told):
        return
    kinds = {act.kind for act in run.signals.acts}
    if not kinds <= _ASKING_AGAIN or any(a.kind == "provide" and a.target != "order_id" for a in run.signals.acts):
        return
    done = next((item for item in run.agenda if item.status in _DONE and item.facts.get("order_id") == told), None)
    if done is None or any(item.facts.get("order_id") == told and not item.settled for item in run.agenda):
        return
    run.done_for = done
    run.signals = run.signals.model_copy(
        update={"acts": tuple(a for a in run.signals.acts if a.kind not in ("request", "choose"))}
    )


def _turned_up_after_all(run: Run) -> None:
    """Once an offer was taken for an order that never arrived, "it just arrived lol" takes the offer back:
    the order came after all, so neither a second parcel nor its money back is due."""
    if run.state != "follow_up" or run.signals.slots.get("turned_up") != "yes" or run.question == "satisfaction":
        return  # at the check-in, "yes thanks, it just arrived" is the new parcel come
    item = last_accepted(run.agenda)
    if item is None or item.chosen is None or item.facts.get("condition") != _NEVER_ARRIVED:
        return
    if any(act.kind not in _BESIDE_TURNING_UP for act in run.signals.acts):
        return
    acts = tuple(a for a in run.signals.acts if a.kind != "unknown") + (Act.of("reject", item.chosen),)
    run.signals = run.signals.model_copy(update={"acts": acts})


_NEVER_ARRIVED = "never_arrived"
_BESIDE_TURNING_UP = frozenset({"unknown", "thank", "complain", "affirm", "goodbye", "provide"})


def _things_of_orders(conversation: Conversation) -> tuple[tuple[str, str], ...]:
    """Each order on the agenda with what the customer called its item, when the agenda holds two or more
    orders."""
    things = tuple(
        (str(item.facts["order_id"]), item.thing)
        for item in conversation.agenda
        if item.thing is not None and "order_id" in item.facts
    )
    if not things or len({item.facts.get("order_id") for item in conversation.agenda} - {None}) < 2:
        return ()
    return things


def _orders_to_pick(conversation: Conversation) -> tuple[str, ...]:
    """With nothing asked for yet, the several order numbers the customer named, in the order named."""
    if conversation.state != "listening" or conversation.current is not None:
        return ()
    told = [str(order) for order in conversation.customer_stated.get("order_id", [])]
    return tuple(told) if len(told) > 1 else ()


def _orders_told_apart(run: Run) -> list[tuple[str, FactValue]]:
    """The order numbers of a message that names several with nothing asked yet ("A-1111 and A-1112, I
    ordered twice"), so that "cancel the second one" next can pick one by its place."""
    if len(run.signals.order_facts) < 2 or run.current is not None:
        return []
    return [("order_id", told["order_id"]) for told in run.signals.order_facts if told.get("order_id")]


def _note_stated(stated: dict[str, list[FactValue]], facts: Iterable[tuple[str, FactValue]]) -> None:
    """Record values only the customer stated."""
    for name, value in facts:
        if value is not None and value not in stated.setdefault(name, []):
            stated[name].append(value)


def _forget_confirmed(stated: dict[str, list[FactValue]], facts: Mapping[str, FactValue]) -> None:
    """Values the host has now given itself are no longer the customer's word alone."""
    for name, value in facts.items():
        if value in stated.get(name, ()):
            stated[name].remove(value)
            if not stated[name]:
                del stated[name]


def _turned_down(conversation: Conversation) -> tuple[str, ...]:
    """The alternatives the customer turned down for the request on offer, which they may still come back to."""
    item = conversation.current
    if conversation.state == "compensation" and item is not None:
        return item.offered  # the goodwill offer comes once every alternative was turned down
    if conversation.state != "offering_alternatives" or item is None:
        return ()
    return item.rejected
