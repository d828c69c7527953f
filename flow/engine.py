"""The engine: one policy, one shared Machine, and pure functions from a snapshot and a message to a turn."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any, Protocol

from flow import guards, payloads
from flow.effects import Effects
from flow.errors import ConversationClosed, InvalidMessage, PolicyMismatch
from flow.facts import count, fill_facts, identify_request
from flow.graph import Edge, Trigger
from flow.guards import Guard
from flow.machine import build_machine, event_name
from flow.messages import clean_facts, clean_message, refuse_unsigned
from flow.models import Close, Conversation, FactValue, Signals, Turn
from flow.policy import Policy
from flow.rules import Rules
from flow.run import Run, Step
from flow.speech import Speaker
from states import SPECS

Clock = Callable[[], datetime]
_MAX_CHAIN = 16


class Understander(Protocol):
    """Anything that reads a customer message into :class:`~flow.models.Signals`."""

    def understand(self, text: str) -> Signals:
        """The signals in one message."""
        ...


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _routes(edges: tuple[Edge, ...], machine: Any) -> dict[tuple[str, str], list[tuple[Guard, Any]]]:
    """For each (state, trigger), the guards and Machine events of its edges, in priority order."""
    routes: dict[tuple[str, str], list[tuple[Guard, Any]]] = {}
    for edge in edges:
        route = (getattr(guards, edge.guard), machine.events[event_name(edge)])
        routes.setdefault((edge.source, edge.trigger), []).append(route)
    return routes


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
        self._rules = Rules(policy)
        self._speaker = Speaker(policy, self._rules)
        self._effects = Effects(self._rules, self._speaker.follow_up_text)
        self._machine, self.edges = build_machine(policy, check=self._check, taken=self._taken)
        self._routes = _routes(self.edges, self._machine)

    @property
    def machine(self) -> Any:
        """The shared ``transitions`` Machine (for diagrams and inspection)."""
        return self._machine

    def understand(self, text: str) -> Signals:
        """Read one customer message with this engine's understanding step."""
        if self._understander is None:
            from flow.understanding import Understander as Default

            self._understander = Default()
        return self._understander.understand(text)

    def start(
        self,
        facts: Mapping[str, Any] | None = None,
        message: str | None = None,
        *,
        conversation_id: str | None = None,
        unsigned_facts: Mapping[str, Any] | None = None,
    ) -> tuple[Conversation, Turn]:
        """Open a conversation with the facts the host knows and, optionally, the customer's first message.

        ``facts`` are the host's own. ``unsigned_facts`` came from a public client without the
        host's signature: only those the policy marks ``allow_unsigned`` are accepted
        (:class:`~flow.errors.UntrustedFacts` names the others), and they count as stated by the customer.
        """
        known, stated = self._facts(facts, unsigned_facts)
        text = None if message is None else clean_message(message, max_chars=self.policy.max_message_chars)
        now = self._clock()
        conversation = Conversation(
            id=conversation_id or secrets.token_hex(12),
            policy=self.policy.name,
            policy_version=self.policy.version,
            facts={**stated, **known},
            unverified_facts=sorted(stated.keys() - known.keys()),
            started_at=now,
            updated_at=now,
        )
        signals = self.understand(text) if text is not None else Signals()
        run = Run.of(conversation, signals, text or "", now)
        identify_request(run, self.policy)
        run.steps.append(Step("start", "listening"))
        if text is not None:
            self._apply(run, text)
        return self._finish(conversation, run, text, None)

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

        ``facts`` and ``unsigned_facts`` are as for :meth:`start`. Raises
        :class:`~flow.errors.InvalidMessage`, :class:`~flow.errors.UntrustedFacts`,
        :class:`~flow.errors.ConversationClosed` or :class:`~flow.errors.PolicyMismatch`; when it
        raises, nothing has changed.
        """
        if conversation.policy != self.policy.name:
            raise PolicyMismatch(conversation.id, self.policy.name, conversation.policy)
        if conversation.closed:
            raise ConversationClosed(conversation.id)
        if (message is None) == (quick_reply is None):
            raise InvalidMessage("send either a text message or a quick reply, not both and not neither")
        known, stated = self._facts(facts, unsigned_facts)
        if quick_reply is not None:
            if quick_reply not in conversation.quick_replies:
                offered = ", ".join(conversation.quick_replies) or "none"
                raise InvalidMessage(f"quick reply {quick_reply!r} is not on offer now (offered: {offered})")
            text, signals = "", payloads.signals_for(quick_reply)
        else:
            text = clean_message(message, max_chars=self.policy.max_message_chars)
            signals = self.understand(text)
        run = Run.of(conversation, signals, text, self._clock())
        run.facts.update(stated)
        run.unverified_facts.update(stated)
        run.facts.update(known)
        run.unverified_facts.difference_update(known)
        identify_request(run, self.policy)
        self._apply(run, text)
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
        run = Run.of(conversation, Signals(), "", self._clock())
        # The check-in starts a fresh exchange: earlier anger, insistence and length do not carry over.
        run.counters.anger = run.counters.insistence = run.counters.turns = 0
        if (run.state, "check_in") not in self._routes:
            raise InvalidMessage(f"a follow-up cannot be delivered while the conversation is {run.state}")
        self._step(run, "check_in")
        return self._finish(conversation, run, None, None)

    def _facts(
        self, facts: Mapping[str, Any] | None, unsigned_facts: Mapping[str, Any] | None
    ) -> tuple[dict[str, FactValue], dict[str, FactValue]]:
        """The host's facts and the unsigned ones, checked against the policy's facts schema."""
        refuse_unsigned(unsigned_facts, self.policy)
        return clean_facts(facts, self.policy), clean_facts(unsigned_facts, self.policy)

    def _apply(self, run: Run, text: str) -> None:
        fill_facts(run, self.policy, text)
        count(run, self.policy)
        self._step(run, "message")
        for _ in range(_MAX_CHAIN):
            if SPECS[run.state].waits:
                return
            self._step(run, "next")
        raise RuntimeError(f"the flow did not settle within {_MAX_CHAIN} transitions")  # pragma: no cover

    def _step(self, run: Run, trigger: Trigger) -> None:
        rules = self._rules
        for guard, event in self._routes[run.state, trigger]:
            if guard(run, rules):
                event.trigger(run)
                return
        raise RuntimeError(f"no {trigger} transition from {run.state}")  # pragma: no cover

    def _check(self, guard: Guard, event: Any) -> bool:
        return guard(event.model, self._rules)

    def _taken(self, edge: Edge, event: Any) -> None:
        run: Run = event.model
        run.steps.append(Step(edge.name, edge.dest))
        self._effects.apply(run, edge)

    def _finish(
        self, conversation: Conversation, run: Run, text: str | None, quick_reply: str | None
    ) -> tuple[Conversation, Turn]:
        if run.state == "closed":
            run.actions.append(Close(outcome=run.outcome or "customer_closed"))
            run.outcome = run.outcome or "customer_closed"
        reply, buttons = self._speaker.say(run)
        version = conversation.version + 1
        next_conversation = conversation.model_copy(
            update={
                **run.snapshot_fields(),
                "quick_replies": [b.payload for b in buttons],
                "version": version,
                "updated_at": run.now,
            }
        )
        turn = Turn.model_construct(
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
        )  # built from values the engine made and typed itself, so validation is skipped on this hot path
        return next_conversation, turn
