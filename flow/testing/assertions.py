"""Small helpers the Then steps share: failing with a found problem, reading actions, comparing names."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from flow.models import Action
from flow.testing.record import describe_action
from flow.testing.world import ConversationUnderTest, normalize

A = TypeVar("A")


def expect(world: ConversationUnderTest, expected: str, problem: str | None) -> None:
    """Fail the step with ``problem`` (what was found instead), unless it is ``None``."""
    __tracebackhide__ = True
    if problem is not None:
        world.fail(expected, problem)


def actions_of(world: ConversationUnderTest, kind: type[A]) -> list[A]:
    """The actions of this kind in the last turn."""
    return [action for action in world.last_turn.actions if isinstance(action, kind)]


def listed(actions: Sequence[Action]) -> str:
    """Actions as a reader would list them."""
    return "; ".join(describe_action(a) for a in actions) or "no actions"


def words(name: str) -> str:
    """A name as words, for comparing ``asked_for_person`` with ``asked for person``."""
    return normalize(name).replace("_", " ")
