"""Finding a short conversation that takes each transition of a policy, by running the engine.

Breadth-first search over real conversations: from each setup (facts and time of day chosen so the
policy's rules decline, allow, or make the customer eligible for compensation), try every quick
reply on offer, a canned unambiguous phrasing for each kind of message (see :mod:`flow.testing.phrases`),
words about what is on offer, facts the policy's exceptions read, what a person does, and the delivery
of a scheduled follow-up. Every step is an actual engine call, so each path found is verified by
construction; the first path to take a transition is a shortest one.

Transitions the breadth-first search does not reach within :data:`MAX_DEPTH` moves (five messages the
agent cannot read, the turn limit, a fact that changes a refusal at the follow-up after the customer
left) are then searched for one at a time, best first (see :mod:`flow.testing.heading`), from a few
conversations of each kind the breadth-first search met. That search runs under the conversation id
the generated scenario will have, so the agent's wording is the one the scenario replays.
"""

from __future__ import annotations

import heapq
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

from flow.engine import Engine, Understander
from flow.graph import Edge
from flow.guards import handed_over, last_accepted, last_approved, switchable
from flow.models import Conversation, ScheduleFollowUp, Signals, Turn
from flow.policy import Policy
from flow.testing.coverage import turn_labels
from flow.testing.heading import Heading, Rank, kind
from flow.testing.monitors import DEFAULT_MONITORS, Monitor, first_violation
from flow.testing.phrases import (
    HOST_FACT_PHRASES,
    OPENING_ONLY,
    fact_phrases,
    leaving_with,
    offer_phrases,
    usable_phrases,
)
from flow.testing.record import Exchange
from flow.testing.runtime import ClockSlot
from flow.testing.solve import Setup, Unsolvable, setups, solve
from flow.testing.world import conversation_id_for
from flow.understanding.context import Context

PERSON = "Alex"
PERSON_MOVES = ("take_over", "wait", "hand_back", "hand_back_close", "close")
"""What a person can do, or the wait for one running out (``wait``)."""

MAX_DEPTH = 3
"""The most moves of a conversation the breadth-first search tries; longer ones are searched for best first."""
MAX_RUNS = 200_000
"""The most engine calls the breadth-first search makes."""
SEARCH_RUNS = 3_000
"""The most engine calls the best-first search makes for one transition the breadth-first search missed."""
_KEPT_PER_KIND = 2
_STARTS = 48


@dataclass(frozen=True, slots=True)
class Move:
    """One thing the customer does (says text, clicks a payload), the follow-up after ``value`` hours, or
    what a person does (``value`` is one of :data:`PERSON_MOVES`).
    """

    kind: Literal["say", "click", "deliver", "person"]
    value: str = ""
    facts: tuple[tuple[str, Any], ...] = ()
    """Facts the shop's website learns and sends with this message (a form the customer filled in)."""


@dataclass(frozen=True, slots=True)
class Route:
    """A verified conversation: its setup and moves, the labels its last turn took, and every turn."""

    setup: Setup
    moves: tuple[Move, ...]
    turns: tuple[Turn, ...]

    @property
    def last_labels(self) -> list[str]:
        """The edge labels the last turn took."""
        before = self.turns[-2].state if len(self.turns) > 1 else None
        return turn_labels(before, self.turns[-1])


@dataclass
class _Node:
    path: Route
    conversation: Conversation
    now: datetime
    follow_up_at: datetime | None
    history: tuple[Exchange, ...]


class _Remembering:
    """An understander that reads each distinct message once."""

    def __init__(self, inner: Understander) -> None:
        self._inner = inner
        self._seen: dict[tuple[str, Context | None], Signals] = {}

    def understand(self, text: str, context: Context | None = None) -> Signals:
        key = (text, context)
        if key not in self._seen:
            self._seen[key] = self._inner.understand(text, context)
        return self._seen[key]


class Explorer:
    """Runs the search for one policy with one understanding step."""

    def __init__(
        self, policy: Policy, understander: Understander, monitors: Sequence[Monitor] = DEFAULT_MONITORS
    ) -> None:
        self.policy = policy
        self.monitors = list(monitors)
        self.violations: dict[str, str] = {}
        self._slot = ClockSlot()
        self._engine = Engine(policy, clock=self._slot, understander=_Remembering(understander))
        self.phrases, self.notes = usable_phrases(understander, policy)
        self.fact_texts = fact_phrases(policy)
        self.host_facts = _host_facts(policy)
        self.edges = self._engine.edges
        self.runs = 0
        self.on_found: Callable[[], None] = lambda: None

    def shortest_paths(self, progress: Callable[[int, int], None] | None = None) -> dict[str, Route]:
        """For every live transition label it can reach, a path whose last turn took it: the first (shortest)
        one the breadth-first search finds, else one the best-first search finds.

        ``progress`` is called with how many transitions are found so far, and how many there are.
        """
        wanted = {edge.label for edge in self.edges}
        found: dict[str, Route] = {}
        if progress is not None:
            self.on_found = lambda: progress(len(found), len(wanted))
        frontier: deque[_Node] = deque(self._openings())
        seen: set[Any] = set()
        kept: dict[Any, list[_Node]] = {}
        while frontier and self.runs < MAX_RUNS and wanted - found.keys():
            node = frontier.popleft()
            self._record(node, found)
            alike = kept.setdefault(kind(node.conversation, node.follow_up_at is not None, node.path.setup.at), [])
            if len(alike) < _KEPT_PER_KIND:
                alike.append(node)
            key = self._key(node)
            if key in seen or len(node.path.moves) >= MAX_DEPTH:
                continue
            seen.add(key)
            frontier.extend(self._expand(node))
        # A closed conversation goes on only when a follow-up is due.
        starts = [
            node
            for alike in kept.values()
            for node in alike
            if not node.conversation.closed or node.follow_up_at is not None
        ]
        for edge in self.edges:
            if edge.label in found:
                continue
            route = self._towards(edge, starts)
            if route is not None:
                found[edge.label] = route
                self.on_found()
        return found

    def _openings(self) -> Iterator[_Node]:
        """Every setup opened with its own request; the setup that knows nothing, with every phrase."""
        requests = {self.phrases.get(intent) for r in self.policy.requests.values() for intent in r.intents[:1]}
        requests |= {self.phrases.get("two_requests"), self.phrases.get("two_requests_other_way")}
        for setup in setups(self.policy):
            facts_known = bool(setup.facts)
            for text in self.phrases.values():
                if not facts_known or text in requests:
                    node = self._start(setup, text)
                    if node is not None:
                        yield node

    def _start(self, setup: Setup, text: str, conversation_id: str = "explore") -> _Node | None:
        self._slot.read = lambda: setup.at
        self.runs += 1
        conversation, turn = self._engine.start(dict(setup.facts), text, conversation_id=conversation_id)
        path = Route(setup, (Move("say", text),), (turn,))
        history = (Exchange(1, turn.at, None, said=text, turn=turn),)
        return self._keeping_rules(_Node(path, conversation, setup.at, _follow_up(turn), history))

    def _keeping_rules(self, node: _Node) -> _Node | None:
        """``node``, or ``None`` when its conversation breaks a monitored rule (remembered for the report)."""
        violation = first_violation(self.monitors, node.history, self.policy)
        if violation is None:
            return node
        monitor, problem = violation
        self.violations.setdefault(monitor.rule, problem)
        return None

    def _expand(self, node: _Node) -> Iterator[_Node]:
        conversation = node.conversation
        moves: list[tuple[Move, str | None]] = []
        # A follow-up waits while a person is talking with the customer, or while the customer is busy
        # with another request (the worker retries it later).
        deliverable = self._engine.check_in_wanted(conversation) and any(
            edge.source == conversation.state and edge.trigger == "check_in" for edge in self._engine.edges
        )
        if node.follow_up_at is not None and deliverable:
            moves.append((Move("deliver", str(_whole_hours(node.follow_up_at, node.now))), None))
        if conversation.state == "escalated":
            moves.append((Move("person", "take_over"), None))
            if conversation.waiting_since is not None and not conversation.callback_offered:
                moves.append((Move("person", "wait"), None))
        if conversation.state == "with_person":
            moves.extend((Move("person", value), None) for value in ("hand_back", "hand_back_close", "close"))
        if not conversation.closed:
            moves.extend(self._customer_moves(conversation))
        for move, payload in moves:
            child = self._apply(node, move, payload)
            if child is not None:
                yield child

    def _customer_moves(self, conversation: Conversation) -> list[tuple[Move, str | None]]:
        """What the customer can do now: a button, a canned phrase, a word about what is on offer, a fact an
        exception reads, or a message the shop's website sends with a fact it learnt."""
        moves: list[tuple[Move, str | None]] = [(Move("click", p), p) for p in conversation.quick_replies]
        said = [text for kind, text in self.phrases.items() if kind not in OPENING_ONLY]
        texts = [*said, *self.fact_texts, *self._offer_texts(conversation)]
        moves += [(Move("say", text), None) for text in texts]
        if conversation.state in ("offering_alternatives", "compensation"):
            for facts in self.host_facts:
                if any(conversation.facts.get(name) != value for name, value in facts):
                    kinds = [self.phrases[k] for k in HOST_FACT_PHRASES if k in self.phrases]
                    moves += [(Move("say", text, facts), None) for text in kinds]
        return moves

    def _offer_texts(self, conversation: Conversation) -> list[str]:
        """Asking about, taking and turning down each thing on offer, by its name; after one offer was taken,
        asking about and switching to another that was offered, or taking it back; after an approval, one of
        the request's alternatives in its place, or the request taken back; while waiting for a person,
        taking one that was open when the customer was handed over; before any request, asking for an
        alternative or about it, and with more requests waiting, asking for one of the request in hand."""
        compensation = self.policy.compensation
        if conversation.state == "compensation" and compensation is not None:
            name = compensation.synonyms[0] if compensation.synonyms else compensation.title.lower()
            return [f"What is the {name} exactly?", leaving_with(name)]
        if conversation.state == "escalated":
            # Waiting for a person, the customer may take up an offer that was open when they asked for one.
            handed = handed_over(conversation.agenda)
            if handed is None:
                return []
            names = self._names(handed.name)
            return [offer_phrases(names[o])[1] for o in handed.offered if o not in handed.rejected]
        if conversation.state == "follow_up":
            # After an approval, the customer may take one of the request's alternatives in its place, or
            # take the request back.
            approved = last_approved(conversation.agenda)
            if approved is not None:
                request = self.policy.requests[approved.name]
                alternatives = request.every_alternative()
                taking = [offer_phrases(a.name or a.title.lower())[1] for a in alternatives[:1]]
                return [*taking, f"Sorry, I don't want {request.title} after all."]
            # After taking one offer, the customer may ask about or switch to another one that was offered.
            taken = last_accepted(conversation.agenda)
            options = switchable(conversation.agenda)
            if taken is None or taken.chosen is None:
                return []
            names = self._names(taken.name)
            taking_back = f"Never mind, I don't want the {names[taken.chosen]} after all."
            instead = f"Actually, could I have {self.policy.requests[taken.name].title} instead?"
            return [taking_back, instead, *(text for offer in options for text in offer_phrases(names[offer])[:2])]
        item = conversation.current
        waiting = [i for i in conversation.agenda if i is not item and not i.settled]
        if conversation.state == "listening" and item is not None and waiting and item.wish is None:
            # With more requests waiting, the customer may ask for an alternative of the one in hand by name.
            alternatives = self.policy.requests[item.name].every_alternative()
            return [offer_phrases(a.name or a.title.lower())[1] for a in alternatives[:1]]
        if conversation.state == "listening" and item is None:
            # Before anything is offered, the customer may ask for one of the alternatives by name, or about it.
            firsts = [r.alternatives[0] for r in self.policy.requests.values() if r.alternatives]
            phrases = [offer_phrases(a.name or a.title.lower()) for a in firsts[:1]]
            return [phrase for asking, choosing, *_ in phrases for phrase in (choosing, asking)]
        if conversation.state != "offering_alternatives" or item is None:
            return []
        names = self._names(item.name)
        on_offer = [
            text for offer in item.offered if offer not in item.rejected for text in offer_phrases(names[offer])
        ]
        # The customer may also ask for an alternative of the policy that is not on offer here.
        elsewhere = (
            a for r in self.policy.requests.values() for a in r.every_alternative() if a.id not in item.offered
        )
        other = next(elsewhere, None)
        return [*on_offer, offer_phrases(other.name or other.title.lower())[1]] if other is not None else on_offer

    def _names(self, request: str) -> dict[str, str]:
        """How the customer names each alternative of ``request``."""
        return {a.id: a.name or a.title.lower() for a in self.policy.requests[request].every_alternative()}

    def _apply(self, node: _Node, move: Move, payload: str | None) -> _Node | None:
        now = node.now + timedelta(hours=int(move.value)) if move.kind == "deliver" else node.now
        if move == Move("person", "wait"):
            now = node.now + timedelta(minutes=self.policy.escalation.handoff.wait_minutes)
        self._slot.read = lambda: now
        self.runs += 1
        if move.kind == "person":
            if move.value == "wait" and not self._engine.wait_is_over(node.conversation):
                return None
            conversation, turn = self._person(node.conversation, move.value)
        elif move.kind == "deliver":
            conversation, turn = self._engine.check_in(node.conversation)
        elif payload is not None:
            conversation, turn = self._engine.reply(node.conversation, quick_reply=payload)
        else:
            conversation, turn = self._engine.reply(node.conversation, move.value, facts=dict(move.facts) or None)
        path = Route(node.path.setup, (*node.path.moves, move), (*node.path.turns, turn))
        follow_up = None if move.kind == "deliver" else (_follow_up(turn) or node.follow_up_at)
        exchange = Exchange(
            len(node.history) + 1,
            turn.at,
            node.conversation.state,
            said=move.value if move.kind == "say" else None,
            payload=payload,
            turn=turn,
            follow_up=move.kind == "deliver",
            person_line=f"{PERSON}: {move.value}" if move.kind == "person" else None,
        )
        return self._keeping_rules(_Node(path, conversation, now, follow_up, (*node.history, exchange)))

    def _person(self, conversation: Conversation, value: str) -> tuple[Conversation, Turn]:
        engine = self._engine
        if value == "take_over":
            return engine.take_over(conversation, PERSON)
        if value == "wait":
            return engine.wait_expired(conversation)
        if value == "close":
            return engine.close_by_person(conversation, PERSON)
        return engine.hand_back(conversation, PERSON, close=value == "hand_back_close")

    def _record(self, node: _Node, found: dict[str, Route]) -> None:
        for label in node.path.last_labels:
            if label not in found:
                found[label] = node.path
                self.on_found()

    def _key(self, node: _Node) -> Any:
        c = node.conversation
        counters = {k: v for k, v in asdict(c.counters).items() if k != "turns"}
        return (
            node.path.setup,
            c.state,
            tuple((i.name, i.status, i.wish) for i in c.agenda),
            tuple(sorted(c.facts.items())),
            c.pending_fact,
            tuple(sorted(counters.items())),
            c.resume_state,
            c.outcome,
            c.escalation_reason,
            c.person,
            c.waiting_since is not None,
            c.callback_offered,
            node.follow_up_at is not None,
            c.focus == "all",  # a yes after "what else is there?" asks which one
        )

    def _towards(self, edge: Edge, starts: list[_Node]) -> Route | None:
        """A conversation that takes ``edge``, found best first (see :class:`Heading`) from ``starts``, each
        played again under the conversation id the generated scenario will run under."""
        heading = Heading.towards(edge, self.edges)
        budget = self.runs + SEARCH_RUNS
        queue: list[tuple[Any, ...]] = []
        seen: set[Any] = set()
        order = 0

        def rank(node: _Node) -> Rank:
            return heading.rank(node.conversation, node.follow_up_at is not None, len(node.path.moves))

        def push(node: _Node) -> None:
            nonlocal order
            c = node.conversation
            key = (self._key(node), c.counters.turns, frozenset(c.said))
            if key not in seen:
                seen.add(key)
                order += 1
                heapq.heappush(queue, (*rank(node), order, node))

        for start in sorted(starts, key=rank)[:_STARTS]:
            node = self._replay(start.path, conversation_id_for(edge.label))
            if node is not None:
                push(node)
        while queue and self.runs < budget:
            node = heapq.heappop(queue)[-1]
            for child in self._expand(node):
                if edge.label in child.path.last_labels:
                    return child.path
                push(child)
        return None

    def _replay(self, path: Route, conversation_id: str) -> _Node | None:
        """The conversation ``path`` took, played again under another conversation id (other wording)."""
        first, *rest = path.moves
        node = self._start(path.setup, first.value, conversation_id)
        for move in rest:
            if node is None:
                return None
            node = self._apply(node, move, move.value if move.kind == "click" else None)
        return node


def _host_facts(policy: Policy) -> list[tuple[tuple[str, Any], ...]]:
    """The facts that make each exception sending a request to a person hold (a stay in hospital)."""
    found: list[tuple[tuple[str, Any], ...]] = []
    for request in policy.requests.values():
        for exception in request.exceptions:
            if exception.then != "review":
                continue
            try:
                facts = tuple(sorted(solve(exception.when, holds=True).items()))
            except Unsolvable:
                continue
            if facts not in found:
                found.append(facts)
    return found


def _follow_up(turn: Turn) -> datetime | None:
    return next((a.at for a in turn.actions if isinstance(a, ScheduleFollowUp)), None)


def _whole_hours(due: datetime, now: datetime) -> int:
    """Whole hours to wait from ``now`` until ``due`` has passed."""
    seconds = (due - now).total_seconds()
    return max(int(-(-seconds // 3600)), 0)
