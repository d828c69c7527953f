"""Where the scenario explorer heads for a transition its breadth-first search did not reach.

Some transitions need a longer conversation than a breadth-first search can afford: five messages the
agent cannot read, a third insistence once the goodwill offer is open, the policy's turn limit, or a
fact that changes a refusal at the follow-up after the customer left. For those the explorer searches
best first, and :class:`Heading` says which conversations come first: those that have in hand what
the transition's guard needs, then those in the transition's state (or a follow-up away from it),
then those whose counter the guard compares with a limit is highest, then those where the agent has
said least (it never says a sentence twice, so a conversation that has said less has more left to
say), then the shortest.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from flow.graph import Edge
from flow.guards import last_accepted, switchable
from flow.models import Conversation

COUNTERS: dict[str, Callable[[Conversation], int]] = {
    "lost_repeatedly": lambda c: c.counters.unclear,
    "too_insistent": lambda c: c.counters.insistence,
    "too_angry": lambda c: c.counters.anger,
    "abuse_limit_reached": lambda c: c.counters.abuse_strikes,
    "turn_limit_reached": lambda c: c.counters.turns,
}
"""For each guard that compares a counter with a limit, that counter: once in the guard's state, the
search goes the way it grows."""

NEEDS: dict[str, Callable[[Conversation], bool]] = {
    "decision_changed": lambda c: c.current is not None and c.current.status == "declined",
    "changed_request": lambda c: c.current is not None,
    "dropped_everything": lambda c: c.current is not None,
    "changed_choice": lambda c: bool(switchable(c.agenda)),
    "asked_about_switch": lambda c: bool(switchable(c.agenda)),
    "told_details": lambda c: last_accepted(c.agenda) is not None,
}
"""For each guard that needs something in hand when the message comes (a refused request, a request to
drop or to switch from, another offer to switch to, an offer taken to tell a size for), whether it is:
the search keeps such conversations first, and carries what they have into the guard's state."""

Rank = tuple[bool, int, int, int, int]


@dataclass(frozen=True, slots=True)
class Heading:
    """What the search for one transition prefers, read off its edge and the policy's edge table."""

    edge: Edge
    entries: frozenset[str]
    """The states from which delivering a follow-up brings the conversation into the edge's state."""

    @classmethod
    def towards(cls, edge: Edge, edges: Sequence[Edge]) -> Heading:
        """The heading for ``edge`` among the live ``edges`` of a policy."""
        entries = frozenset(e.source for e in edges if e.trigger == "check_in" and e.dest == edge.source)
        return cls(edge, entries)

    def distance(self, conversation: Conversation, follow_up_due: bool) -> int:
        """0 in the edge's state; 1 when delivering the follow-up due brings the conversation there; 2 when a
        follow-up is due and a delivery brings some other state there; 3 otherwise."""
        if conversation.state == self.edge.source:
            return 0
        if not follow_up_due or not self.entries:
            return 3
        return 1 if conversation.state in self.entries else 2

    def rank(self, conversation: Conversation, follow_up_due: bool, moves: int) -> Rank:
        """The conversation's place in the search: the lower, the sooner it is continued."""
        needs = NEEDS.get(self.edge.guard)
        counter = COUNTERS.get(self.edge.guard)
        return (
            needs is not None and not needs(conversation),
            self.distance(conversation, follow_up_due),
            -counter(conversation) if counter is not None else 0,
            len(conversation.said),
            moves,
        )


def kind(conversation: Conversation, follow_up_due: bool, started_at: datetime) -> Any:
    """What the explorer tells apart among the conversations it keeps to start best-first searches from:
    the state, how each request stands, the counters guards compare with limits, whether a follow-up is
    due, whether a person is involved, and the time of day it started."""
    c = conversation
    counters = c.counters
    return (
        c.state,
        tuple((i.name, i.status) for i in c.agenda),
        (counters.anger, counters.insistence, counters.unclear, counters.abuse_strikes),
        follow_up_due,
        c.person is not None,
        c.waiting_since is not None,
        c.callback_offered,
        started_at,
    )
