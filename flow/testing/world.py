"""The conversation under test: what a scenario sets up, says and clicks, and every turn it got back.

One :class:`ConversationUnderTest` lives for one scenario (the ``tactful_conversation`` fixture).
Given steps choose the policy, the facts and the time; When steps talk through it; Then steps read
its record. Every turn is checked by the monitors as soon as it arrives, and every failure prints
the whole conversation so far.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Callable, Sequence
from datetime import timedelta
from pathlib import Path
from typing import Any, NoReturn, Protocol

from flow.engine import Engine, Understander
from flow.errors import ConversationClosed, DefinitionError, InvalidMessage, TakeoverRefused
from flow.graph import Edge
from flow.models import Conversation, QuickReply, ScheduleFollowUp, Turn
from flow.policy import Policy
from flow.testing.clock import ScenarioClock
from flow.testing.monitors import DEFAULT_MONITORS, Monitor, first_violation
from flow.testing.record import ConversationAssertionError, Exchange, failure_message, render_conversation
from flow.testing.runtime import ClockSlot, LoadedPolicy, engine_for, resolve_policy


def conversation_id_for(scenario: str) -> str:
    """The conversation id a scenario runs under: fixed by its name, so its wording never changes by chance.

    The engine picks among a template's variants with the conversation id, so a fixed id makes every
    run of a scenario read the same; different scenarios still see different variants.
    """
    return "test-" + hashlib.sha256(scenario.encode()).hexdigest()[:16]


def normalize(text: str) -> str:
    """Text as checks compare it: curly quotes straightened, spaces collapsed, lowercase."""
    straight = unicodedata.normalize("NFC", text).replace("\u2019", "'").replace("\u2018", "'")
    straight = straight.replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(straight.split()).lower()


class TurnObserver(Protocol):
    """Something that watches every policy used and every turn taken (the coverage recorder)."""

    def policy_used(self, policy: LoadedPolicy, edges: Sequence[Edge]) -> None:
        """A scenario put an engine for ``policy`` to use."""

    def turn_taken(self, policy: LoadedPolicy, state_before: str | None, turn: Turn) -> None:
        """A turn happened under ``policy``; ``state_before`` is ``None`` for the first turn."""


class ConversationUnderTest:
    """The conversation a scenario drives through the engine, with its complete record."""

    def __init__(
        self,
        *,
        understander: Understander,
        monitors: Sequence[Monitor] = DEFAULT_MONITORS,
        observers: Sequence[TurnObserver] = (),
        scenario: str = "",
        search: Sequence[Path] = (),
        default_policy: str | None = None,
        current_step: Callable[[], str | None] = lambda: None,
    ) -> None:
        self.understander = understander
        self.monitors = list(monitors)
        self.observers = list(observers)
        self.scenario = scenario
        self.search = [*search, Path.cwd()]
        self.default_policy = default_policy
        self.current_step = current_step
        self.clock = ScenarioClock()
        self.facts: dict[str, Any] = {}
        self.exchanges: list[Exchange] = []
        self.conversation: Conversation | None = None
        self._loaded: LoadedPolicy | None = None
        self._engine: Engine | None = None
        self._slot = ClockSlot()
        self._new_facts: dict[str, Any] = {}

    # -- setting up -----------------------------------------------------------------------------

    def use_policy(self, source: str) -> None:
        """Run the scenario under ``source``: a bundled policy name or a YAML file path."""
        if self.conversation is not None:
            self.fail(f"to choose the policy {source!r} before the conversation starts", "it has started already")
        try:
            self._loaded = resolve_policy(source, search=self.search)
        except (FileNotFoundError, DefinitionError) as e:
            self.fail(f"a policy {source!r} that loads", str(e))
        self._engine = None
        self.clock.use_policy(self._loaded.policy)

    @property
    def loaded(self) -> LoadedPolicy:
        """The policy in use and where it came from."""
        if self._loaded is None:
            if self.default_policy is None:
                self.fail(
                    'a policy, chosen with a step like: Given the policy "retail" '
                    '(or Given the policy file "policies/mine.yaml"), or with tactful_policy in the pytest ini',
                    "no policy was chosen",
                )
            self.use_policy(self.default_policy)
        assert self._loaded is not None
        return self._loaded

    @property
    def policy(self) -> Policy:
        """The policy in use."""
        return self.loaded.policy

    @property
    def engine(self) -> Engine:
        """The engine for the policy in use, shared with the other scenarios of the run."""
        if self._engine is None:
            self._engine, self._slot = engine_for(self.loaded, self.understander)
            for observer in self.observers:
                observer.policy_used(self.loaded, self._engine.edges)
        return self._engine

    def set_fact(self, name: str, value: Any) -> None:
        """Tell the engine a fact the host application knows (sent with the next message)."""
        if name != "request" and name not in self.policy.facts:
            known = ", ".join(self.policy.facts) or "none"
            self.fail(f"a fact the policy declares (declared: {known})", f"the fact {name!r}")
        self.facts[name] = value
        if self.conversation is not None:
            self._new_facts[name] = value

    # -- acting -----------------------------------------------------------------------------------

    def say(self, text: str | None, *, may_be_refused: bool = False) -> Exchange:
        """The customer writes ``text`` (``None`` opens the chat without a message)."""
        if self.conversation is None:
            return self._run(
                lambda engine: engine.start(self.facts, text, conversation_id=self._id()),
                said=text,
                may_be_refused=may_be_refused,
            )
        if text is None:
            self.fail("to open the chat only once", "the conversation has started already")
        return self._run(
            lambda engine: engine.reply(self._current(), text, facts=self._take_facts()),
            said=text,
            may_be_refused=may_be_refused,
        )

    def click(self, title: str) -> Exchange:
        """The customer clicks the quick reply titled ``title`` on the last reply."""
        turns = self.turns
        offered = turns[-1].quick_replies if turns else []
        reply = find_quick_reply(offered, title)
        if reply is None:
            shown = ", ".join(f'"{q.title}"' for q in offered) or "no quick replies"
            self.fail(f'a quick reply titled "{title}" to click', f"the last reply offered {shown}")
        return self._run(
            lambda engine: engine.reply(self._current(), quick_reply=reply.payload, facts=self._take_facts()),
            clicked=reply.title,
        )

    def send_quick_reply(self, payload: str, *, may_be_refused: bool = False) -> Exchange:
        """The widget sends a raw quick-reply payload, offered or not."""
        return self._run(
            lambda engine: engine.reply(self._current(), quick_reply=payload, facts=self._take_facts()),
            payload=payload,
            may_be_refused=may_be_refused,
        )

    def deliver_follow_up(self) -> Exchange:
        """The host application delivers the follow-up the conversation scheduled, once it is due."""
        scheduled = [a for turn in self.turns for a in turn.actions if isinstance(a, ScheduleFollowUp)]
        if not scheduled:
            self.fail("a scheduled follow-up to deliver", "the conversation scheduled none")
        due = scheduled[-1].at
        if due > self.clock.now():
            self.fail("a follow-up that is due", f"it is due at {due:%Y-%m-%d %H:%M} UTC; let time pass first")
        return self._run(lambda engine: engine.check_in(self._current()), follow_up=True)

    def take_over(self, person: str) -> Exchange:
        """A person from the team takes over the handed-over conversation."""
        return self._run(lambda engine: engine.take_over(self._current(), person), person_line=f"{person} takes over")

    def person_writes(self, text: str) -> Exchange:
        """The person who took over writes to the customer."""
        person = self._person()
        return self._run(
            lambda engine: engine.person_says(self._current(), person, text), person_line=f"{person} writes: {text}"
        )

    def hand_back(self, *, close: bool = False) -> Exchange:
        """The person hands the conversation back to the agent, who picks up at the follow-up or closes."""
        person = self._person()
        line = f"{person} hands back{' to close' if close else ''}"
        return self._run(lambda engine: engine.hand_back(self._current(), person, close=close), person_line=line)

    def close_by_person(self) -> Exchange:
        """The person who took over ends the conversation."""
        person = self._person()
        return self._run(
            lambda engine: engine.close_by_person(self._current(), person), person_line=f"{person} closes the chat"
        )

    def wait_runs_out(self) -> Exchange:
        """The policy's wait for a person passes with nobody taking over."""
        self.clock.advance(timedelta(minutes=self.policy.escalation.handoff.wait_minutes))
        return self._run(
            lambda engine: engine.wait_expired(self._current()),
            person_line="(the wait for a person runs out with nobody taking over)",
        )

    def _person(self) -> str:
        person = self.require_conversation().person
        if person is None:
            self.fail("a person who has taken over", f"the conversation is {self.require_conversation().state}")
        return person

    def pass_time(self, delta: timedelta) -> None:
        """Let time pass before the next message."""
        self.clock.advance(delta)

    # -- reading ----------------------------------------------------------------------------------

    @property
    def turns(self) -> list[Turn]:
        """Every turn so far, oldest first."""
        return [exchange.turn for exchange in self.exchanges if exchange.turn is not None]

    @property
    def last_exchange(self) -> Exchange:
        """The customer's latest message and its outcome."""
        if not self.exchanges:
            self.fail("a reply from the agent to check", "the customer has not said anything yet")
        return self.exchanges[-1]

    @property
    def last_turn(self) -> Turn:
        """The agent's latest reply."""
        exchange = self.last_exchange
        if exchange.turn is None:
            self.fail("a reply from the agent to check", f"the engine refused the last message: {exchange.refused}")
        return exchange.turn

    def require_conversation(self) -> Conversation:
        """The conversation snapshot, after at least one customer message (a refused one leaves it as it was)."""
        if not self.exchanges or self.conversation is None:
            self.fail("a conversation to check", "the customer has not said anything yet")
        return self.conversation

    def transcript(self) -> str:
        """The whole conversation so far, as failures print it."""
        state = self.conversation.state if self.conversation is not None else None
        name = self._loaded.key if self._loaded is not None else None
        return render_conversation(self.exchanges, policy=name, local_now=self.clock.local(), state=state)

    def fail(self, expected: str, found: str) -> NoReturn:
        """Fail the current step, printing what it expected, what it found, and the conversation."""
        __tracebackhide__ = True
        raise ConversationAssertionError(failure_message(expected, found, self.transcript(), self.current_step()))

    # -- internals --------------------------------------------------------------------------------

    def _id(self) -> str:
        return conversation_id_for(self.scenario)

    def _current(self) -> Conversation:
        return self.require_conversation()

    def _take_facts(self) -> dict[str, Any] | None:
        facts, self._new_facts = self._new_facts, {}
        return facts or None

    def _run(
        self,
        call: Callable[[Engine], tuple[Conversation, Turn]],
        *,
        said: str | None = None,
        clicked: str | None = None,
        payload: str | None = None,
        may_be_refused: bool = False,
        follow_up: bool = False,
        person_line: str | None = None,
    ) -> Exchange:
        __tracebackhide__ = True
        engine = self.engine
        self._slot.read = self.clock.now
        before = self.conversation.state if self.conversation is not None else None
        number = len(self.exchanges) + 1
        try:
            conversation, turn = call(engine)
        except (InvalidMessage, ConversationClosed, TakeoverRefused) as e:
            exchange = Exchange(
                number,
                self.clock.now(),
                before,
                said,
                clicked,
                payload,
                refused=str(e),
                follow_up=follow_up,
                person_line=person_line,
            )
            self.exchanges.append(exchange)
            if not may_be_refused:
                self.fail("the agent to reply", f"the engine refused the message: {e}")
            return exchange
        self.conversation = conversation
        exchange = Exchange(
            number, turn.at, before, said, clicked, payload, turn=turn, follow_up=follow_up, person_line=person_line
        )
        self.exchanges.append(exchange)
        for observer in self.observers:
            observer.turn_taken(self.loaded, before, turn)
        violation = first_violation(self.monitors, self.exchanges, self.policy)
        if violation is not None:
            monitor, problem = violation
            self.fail(f"every turn to keep the rule: {monitor.rule}", problem)
        return exchange


def find_quick_reply(offered: Sequence[QuickReply], title: str) -> QuickReply | None:
    """The offered quick reply whose title is ``title`` (case and apostrophes ignored), or by payload."""
    wanted = normalize(title)
    for reply in offered:
        if normalize(reply.title) == wanted or reply.payload == title:
            return reply
    return None
