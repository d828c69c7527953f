"""Then steps about where the conversation went: states, transitions, actions, signals, follow-ups."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from flow.models import (
    Action,
    ApplyAlternative,
    ApproveRequest,
    Close,
    Handoff,
    IssueCompensation,
    ScheduleCallback,
    ScheduleFollowUp,
)
from flow.testing.catalog import then
from flow.testing.checks import contains
from flow.testing.record import describe_action
from flow.testing.world import ConversationUnderTest, normalize

SECTION = "Checking what happened"
A = TypeVar("A")


def _expect(world: ConversationUnderTest, expected: str, problem: str | None) -> None:
    __tracebackhide__ = True
    if problem is not None:
        world.fail(expected, problem)


def _actions(world: ConversationUnderTest, kind: type[A]) -> list[A]:
    return [action for action in world.last_turn.actions if isinstance(action, kind)]


def _listed(actions: Sequence[Action]) -> str:
    return "; ".join(describe_action(a) for a in actions) or "no actions"


def _words(name: str) -> str:
    return normalize(name).replace("_", " ")


@then('the conversation is in "{state:Text}"', section=SECTION)
def _(tactful_conversation: ConversationUnderTest, state: str) -> None:
    """The state the conversation waits in after the last message.

    Example: Then the conversation is in "offering_alternatives"
    """
    now = tactful_conversation.last_turn.state
    _expect(tactful_conversation, f'the conversation in "{state}"', None if _words(now) == _words(state) else f'it is in "{now}"')


@then("the reply went through {states:Texts}", section=SECTION)
def _(tactful_conversation: ConversationUnderTest, states: list[str]) -> None:
    """The last turn entered these states, in this order (others may come in between).

    Example: Then the reply went through "explaining", "apologizing" and "offering_alternatives"
    """
    entered = [_words(s) for s in tactful_conversation.last_turn.states_entered]
    position = 0
    for state in states:
        try:
            position = entered.index(_words(state), position) + 1
        except ValueError:
            tactful_conversation.fail(f"the reply to go through {states} in order", f"it went through {entered}")


@then('the transition "{name:Text}" was taken', section=SECTION)
def _(tactful_conversation: ConversationUnderTest, name: str) -> None:
    """The last turn took this transition, named as in the flow (``why``) or by its label.

    Example: Then the transition "offering_alternatives -> explaining [why]" was taken
    """
    world = tactful_conversation
    turn = world.last_turn
    before = world.last_exchange.state_before or ""
    labels, source = [], before
    for transition, state in zip(turn.transitions, turn.states_entered, strict=True):
        labels.append(f"{source} -> {state} [{transition}]")
        source = state
    taken = name in turn.transitions or name in labels
    _expect(world, f'the transition "{name}"', None if taken else f"the turn took {labels}")


@then("the transitions taken were {names:Texts}", section=SECTION)
def _(tactful_conversation: ConversationUnderTest, names: list[str]) -> None:
    """Exactly these transitions, in order, in the last turn.

    Example: Then the transitions taken were "why" and "resume_offer"
    """
    taken = tactful_conversation.last_turn.transitions
    _expect(tactful_conversation, f"the transitions {names}", None if taken == names else f"{taken}")


@then("the request is declined", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """A rule of the policy declined the request in the last turn.

    Example: Then the request is declined
    """
    turn = tactful_conversation.last_turn
    _expect(tactful_conversation, "a decline", None if "decline" in turn.transitions else f"transitions {turn.transitions}")


@then("the request is approved", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """The policy allows the request: the agent approves it and tells the host application to carry it out.

    Example: Then the request is approved
    """
    world = tactful_conversation
    _expect(world, "an approval", None if _actions(world, ApproveRequest) else _listed(world.last_turn.actions))


@then("the agent hands over to a person", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """The conversation goes to a person now, with a summary so the customer need not repeat anything.

    Example: Then the agent hands over to a person
    """
    world = tactful_conversation
    _expect(world, "a handoff to a person", None if _actions(world, Handoff) else _listed(world.last_turn.actions))


@then('the agent hands over to a person with reason "{reason:Text}"', section=SECTION)
def _(tactful_conversation: ConversationUnderTest, reason: str) -> None:
    """A handoff for this reason: anger, insistence, asked for person, threat, turn limit or unsatisfied.

    Example: Then the agent hands over to a person with reason "asked for person"
    """
    world = tactful_conversation
    handoffs = _actions(world, Handoff)
    wanted = _words(reason)
    matched = any(_words(h.reason) == wanted for h in handoffs)
    _expect(world, f'a handoff with reason "{reason}"', None if matched else _listed(world.last_turn.actions))


@then("the agent does not hand over to a person", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """No handoff and no escalation in the last turn.

    Example: Then the agent does not hand over to a person
    """
    world = tactful_conversation
    escalated = _actions(world, Handoff) or "escalated" in world.last_turn.states_entered
    _expect(world, "no handoff", f"the turn escalated: {_listed(world.last_turn.actions)}" if escalated else None)


@then('the handoff summary mentions "{text:Text}"', section=SECTION)
def _(tactful_conversation: ConversationUnderTest, text: str) -> None:
    """The note the person receives mentions this.

    Example: Then the handoff summary mentions "order A-1001"
    """
    world = tactful_conversation
    summaries = [h.summary for h in _actions(world, Handoff)]
    found = any(contains(summary, text) for summary in summaries)
    _expect(world, f'a handoff summary mentioning "{text}"', None if found else f"summaries: {summaries}")


@then("the agent offers a callback", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """Nobody is there to take over, so the agent offers a callback instead of a handoff.

    Example: Then the agent offers a callback
    """
    world = tactful_conversation
    turn = world.last_turn
    problem = None
    if turn.state != "escalated" or _actions(world, Handoff):
        problem = f"state {turn.state}; {_listed(turn.actions)}"
    elif not any(q.payload == "accept" for q in turn.quick_replies) or "callback" not in turn.text.lower():
        problem = "the reply does not offer a callback with a button to accept it"
    _expect(world, "a callback offer", problem)


@then('a callback is booked for "{when:Text}"', section=SECTION)
def _(tactful_conversation: ConversationUnderTest, when: str) -> None:
    """A callback is booked at this weekday and time in the policy's zone.

    Example: Then a callback is booked for "Wednesday 09:00"
    """
    world = tactful_conversation
    zone = world.policy.zone
    booked = [f"{c.at.astimezone(zone):%A %H:%M}" for c in _actions(world, ScheduleCallback)]
    ok = normalize(when) in [normalize(b) for b in booked]
    _expect(world, f"a callback booked for {when}", None if ok else f"callbacks booked: {booked or 'none'}")


@then("a follow-up is scheduled in {hours:Number} hours", section=SECTION)
def _(tactful_conversation: ConversationUnderTest, hours: float) -> None:
    """The agent schedules a check-in with the customer this many hours after the last message.

    Example: Then a follow-up is scheduled in 24 hours
    """
    world = tactful_conversation
    turn = world.last_turn
    found = [f for f in _actions(world, ScheduleFollowUp) if f.delay_hours == hours and (f.at - turn.at).total_seconds() == hours * 3600]
    _expect(world, f"a follow-up in {hours:g} hours", None if found else _listed(turn.actions))


@then('the follow-up says "{text:Text}"', section=SECTION)
def _(tactful_conversation: ConversationUnderTest, text: str) -> None:
    """The follow-up scheduled in the last turn contains these words.

    Example: Then the follow-up says "Are you happy with how it was sorted out?"
    """
    world = tactful_conversation
    texts = [f.text for f in _actions(world, ScheduleFollowUp)]
    _expect(world, f'a follow-up saying "{text}"', None if any(contains(t, text) for t in texts) else f"follow-ups: {texts}")


@then("no follow-up is scheduled", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """The last turn schedules no follow-up.

    Example: Then no follow-up is scheduled
    """
    world = tactful_conversation
    _expect(world, "no follow-up", _listed(world.last_turn.actions) if _actions(world, ScheduleFollowUp) else None)


def _check_due(world: ConversationUnderTest, *, due: bool) -> None:
    __tracebackhide__ = True
    scheduled = [a for turn in world.turns for a in turn.actions if isinstance(a, ScheduleFollowUp)]
    if not scheduled:
        world.fail("a scheduled follow-up", "the conversation scheduled none")
    at = scheduled[-1].at
    if (at <= world.clock.now()) != due:
        world.fail(f"the follow-up {'due' if due else 'not due yet'}", f"it is due at {at:%Y-%m-%d %H:%M} UTC")


@then("the follow-up is due", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """The latest follow-up the conversation scheduled should have gone out by now.

    Example: Then the follow-up is due
    """
    _check_due(tactful_conversation, due=True)


@then("the follow-up is not due yet", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """The latest follow-up the conversation scheduled is still in the future.

    Example: Then the follow-up is not due yet
    """
    _check_due(tactful_conversation, due=False)


@then("compensation is issued", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """The host application is told to give the goodwill offer, with a reference.

    Example: Then compensation is issued
    """
    world = tactful_conversation
    _expect(world, "compensation issued", None if _actions(world, IssueCompensation) else _listed(world.last_turn.actions))


@then("no compensation has been issued", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """No turn of the conversation so far issued compensation.

    Example: Then no compensation has been issued
    """
    world = tactful_conversation
    issued = [a for turn in world.turns for a in turn.actions if isinstance(a, IssueCompensation)]
    _expect(world, "no compensation", _listed(issued) if issued else None)


@then('the alternative "{title:Text}" is applied', section=SECTION)
def _(tactful_conversation: ConversationUnderTest, title: str) -> None:
    """The host application is told to carry out this alternative.

    Example: Then the alternative "Store credit" is applied
    """
    world = tactful_conversation
    applied = [a for a in _actions(world, ApplyAlternative) if _words(title) in (_words(a.title), _words(a.alternative))]
    _expect(world, f'the alternative "{title}" applied', None if applied else _listed(world.last_turn.actions))


@then("the conversation is closed", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """The conversation ended with the last reply.

    Example: Then the conversation is closed
    """
    world = tactful_conversation
    _expect(world, "the conversation closed", None if _actions(world, Close) else f"it is in {world.last_turn.state}")


@then('the conversation is closed with outcome "{outcome:Text}"', section=SECTION)
def _(tactful_conversation: ConversationUnderTest, outcome: str) -> None:
    """The conversation ended with this outcome (approved, declined, escalated, callback scheduled…).

    Example: Then the conversation is closed with outcome "alternative accepted"
    """
    world = tactful_conversation
    closes = [c.outcome for c in _actions(world, Close)]
    ok = _words(outcome) in [_words(c) for c in closes]
    _expect(world, f'a close with outcome "{outcome}"', None if ok else f"closes: {closes or 'none'}; state {world.last_turn.state}")


@then("the conversation is still open", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """The conversation did not end.

    Example: Then the conversation is still open
    """
    world = tactful_conversation
    _expect(world, "an open conversation", "it closed" if world.last_turn.state == "closed" else None)
