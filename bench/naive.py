"""The same flow built the obvious way, as the baseline the engine benchmarks compare against.

Everything a first implementation would reach for, used the way its documentation shows:

- a ``transitions.Machine`` for every conversation, built from the same transition table
  (:data:`flow.graph.EDGES`, as :func:`flow.machine.live_edges` filters it for the policy), with the
  conversation as its model and each edge added as a conditional transition on the ``message`` or
  ``next`` trigger, so ``transitions`` itself picks the first edge whose guard holds;
- ``vaderSentiment``'s ``SentimentIntensityAnalyzer`` for sentiment and
  ``better_profanity.profanity.contains_profanity`` for abuse;
- ``jinja2.Template(source).render(...)`` for every paragraph of every turn;
- a validated pydantic ``Conversation`` dumped to JSON as the snapshot.

The decisions themselves are tactful's (its guards, effects, fact reading, intent classifier, threat
detector and render context), so both implementations take the same transitions and say the same words
for the same messages; ``bench.engine`` checks that turn by turn before anything is timed.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Mapping
from datetime import datetime
from functools import partial
from typing import Any

import jinja2
from better_profanity import profanity
from transitions import Machine
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from flow import guards, payloads
from flow.effects import Effects
from flow.facts import count, fill_facts, identify_request
from flow.graph import INITIAL, Edge
from flow.machine import live_edges
from flow.messages import clean_facts, clean_message
from flow.models import Action, Close, Conversation, Counters, FactValue, Signals
from flow.policy import Policy
from flow.rules import Rules
from flow.run import Step
from flow.speech import Speaker
from flow.templates import CONTEXT_VARIABLES, template_sources
from flow.understanding import Understander, extract_slots, is_threat
from flow.understanding._text import canonical_tokens
from flow.vocabulary import STATES, EscalationReason, Outcome, StateName
from states import SPECS

Clock = Callable[[], datetime]


class NaiveTemplates:
    """The policy's template sources, compiled by ``jinja2.Template`` every time one is rendered."""

    def __init__(self, policy: Policy) -> None:
        self._sources = template_sources(policy)

    def has(self, path: str) -> bool:
        """Whether a template exists at ``path``."""
        return path in self._sources

    def render(self, path: str, context: Mapping[str, Any], *, seed: str = "") -> str:
        """Compile and render the variant of ``path`` that ``seed`` picks (tactful's choice of variant)."""
        variants = self._sources[path]
        index = zlib.crc32(f"{seed}:{path}".encode()) % len(variants) if len(variants) > 1 else 0
        text: str = jinja2.Template(variants[index]).render(**context)
        return text.strip()

    def variables(self, path: str, *, seed: str = "") -> frozenset[str]:
        """Every variable: the naive flow works out the whole context for every template."""
        return CONTEXT_VARIABLES


class NaiveSpeaker(Speaker):
    """tactful's speaker with every template compiled on use instead of once."""

    def __init__(self, policy: Policy, rules: Rules) -> None:
        super().__init__(policy, rules)
        self._book = NaiveTemplates(policy)  # type: ignore[assignment]


class NaiveConversation:
    """A live conversation: the model of its own Machine, holding everything between messages."""

    state: StateName
    message: Callable[[], bool]
    next: Callable[[], bool]

    def __init__(self, conversation_id: str, policy: Policy, facts: dict[str, FactValue], now: datetime) -> None:
        self.conversation_id = conversation_id
        self.policy_name = policy.name
        self.policy_version = policy.version
        self.started_at = now
        self.now = now
        self.turn = 0
        self.signals = Signals()
        self.text = ""
        self.facts = facts
        self.counters = Counters()
        self.request: str | None = None
        self.pending_fact: str | None = None
        self.resume_state: StateName | None = None
        self.escalation_reason: EscalationReason | None = None
        self.outcome: Outcome | None = None
        self.offered: list[str] = []
        self.chosen: str | None = None
        self.compensation_reference: str | None = None
        self.steps: list[Step] = []
        self.actions: list[Action] = []
        self.quick_replies: list[str] = []
        self.machine: Machine | None = None


def bare_machine(policy: Policy, model: NaiveConversation) -> Machine:
    """The least a Machine per conversation can be: its states and transitions, guards named by string.

    It cannot run the flow (nothing answers those names); it is the floor under any design that gives
    each conversation its own Machine.
    """
    machine = Machine(model=model, states=list(STATES), initial=INITIAL, auto_transitions=False)
    for edge in live_edges(policy):
        machine.add_transition(edge.trigger, edge.source, edge.dest, conditions=[edge.guard])
    model.machine = machine
    return machine


class NaiveEngine:
    """The naive implementation of the default flow: a Machine per conversation, reference libraries.

    ``understand`` replaces :meth:`understand` where only the conversations matter, not its cost;
    ``abusive`` replaces better_profanity, to show how much of the difference is that library alone.
    """

    def __init__(
        self,
        policy: Policy,
        *,
        clock: Clock,
        understand: Callable[[str], Signals] | None = None,
        abusive: Callable[[str], bool] = profanity.contains_profanity,
    ) -> None:
        self.policy = policy
        self._understand = understand or self.understand
        self._abusive = abusive
        self._clock = clock
        self._rules = Rules(policy)
        self._speaker = NaiveSpeaker(policy, self._rules)
        self._effects = Effects(self._rules, self._speaker.follow_up_text)
        self._edges = live_edges(policy)
        self._intents = Understander()
        self._vader = SentimentIntensityAnalyzer()
        self._opened = 0

    def understand(self, text: str) -> Signals:
        """The signals of one message, with sentiment from VADER and abuse from better_profanity."""
        slots = extract_slots(text)
        intent, confidence = self._intents.intent(canonical_tokens(text), slots)
        return Signals(
            intent=intent,
            confidence=confidence,
            sentiment=self._vader.polarity_scores(text)["compound"],
            abusive=self._abusive(text),
            threat=is_threat(text),
            slots=slots,
        )

    def start(
        self, facts: Mapping[str, Any] | None = None, *, conversation_id: str | None = None
    ) -> tuple[NaiveConversation, str]:
        """Open a conversation: build its Machine and greet the customer."""
        self._opened += 1
        now = self._clock()
        cid = conversation_id or f"naive-{self._opened}"
        model = NaiveConversation(cid, self.policy, clean_facts(facts, self.policy), now)
        machine = Machine(model=model, states=list(STATES), initial=INITIAL, auto_transitions=False)
        for edge in self._edges:
            machine.add_transition(
                edge.trigger,
                edge.source,
                edge.dest,
                conditions=[partial(getattr(guards, edge.guard), model, self._rules)],
                after=[partial(self._taken, model, edge)],
            )
        model.machine = machine
        identify_request(model, self.policy)  # type: ignore[arg-type]
        model.steps = [Step("start", INITIAL)]
        text, buttons = self._speaker.say(model)  # type: ignore[arg-type]
        model.quick_replies = [b.payload for b in buttons]
        model.turn = 1
        return model, text

    def reply(
        self, model: NaiveConversation, message: str | None = None, *, quick_reply: str | None = None
    ) -> tuple[str, str]:
        """Apply one message; return the agent's text and the conversation's JSON snapshot."""
        if quick_reply is not None:
            if quick_reply not in model.quick_replies:
                raise ValueError(f"quick reply {quick_reply!r} is not on offer")
            text, signals = "", payloads.signals_for(quick_reply)
        else:
            text = clean_message(message, max_chars=self.policy.max_message_chars)
            signals = self._understand(text)
        model.signals, model.text, model.now = signals, text.lower(), self._clock()
        model.steps, model.actions, model.offered = [], [], []
        model.chosen = model.compensation_reference = None
        identify_request(model, self.policy)  # type: ignore[arg-type]
        fill_facts(model, self.policy, text)  # type: ignore[arg-type]
        count(model, self.policy)  # type: ignore[arg-type]
        model.message()
        while not SPECS[model.state].waits:
            model.next()
        if model.state == "closed":
            model.outcome = model.outcome or "customer_closed"
            model.actions.append(Close(outcome=model.outcome))
        reply, buttons = self._speaker.say(model)  # type: ignore[arg-type]
        model.quick_replies = [b.payload for b in buttons]
        model.turn += 1
        return reply, self.snapshot(model)

    def snapshot(self, model: NaiveConversation) -> str:
        """The conversation as one validated JSON document."""
        return Conversation(
            id=model.conversation_id,
            policy=model.policy_name,
            policy_version=model.policy_version,
            state=model.state,
            request=model.request,
            facts=model.facts,
            pending_fact=model.pending_fact,
            counters=model.counters,
            resume_state=model.resume_state,
            quick_replies=model.quick_replies,
            escalation_reason=model.escalation_reason,
            outcome=model.outcome,
            version=model.turn,
            started_at=model.started_at,
            updated_at=model.now,
        ).model_dump_json()

    def _taken(self, model: NaiveConversation, edge: Edge) -> None:
        model.steps.append(Step(edge.name, edge.dest))
        self._effects.apply(model, edge)  # type: ignore[arg-type]
