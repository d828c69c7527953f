"""Then steps about what the agent set in motion: handoffs, callbacks, follow-ups and compensation."""

from __future__ import annotations

from flow.models import Handoff, IssueCompensation, ScheduleCallback, ScheduleFollowUp
from flow.testing.assertions import actions_of, expect, listed, words
from flow.testing.catalog import then
from flow.testing.checks import contains
from flow.testing.world import ConversationUnderTest, normalize

SECTION = "Checking what the agent set in motion"


@then("the agent hands over to a person", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """The conversation goes to a person now, with a summary so the customer need not repeat anything.

    Example: Then the agent hands over to a person
    """
    world = tactful_conversation
    expect(world, "a handoff to a person", None if actions_of(world, Handoff) else listed(world.last_turn.actions))


@then('the agent hands over to a person with reason "{reason:Text}"', section=SECTION)
def _(tactful_conversation: ConversationUnderTest, reason: str) -> None:
    """A handoff for this reason: anger, insistence, asked for person, threat, turn limit, unsatisfied,
    exception, unclear or cannot check.

    Example: Then the agent hands over to a person with reason "asked for person"
    """
    world = tactful_conversation
    handoffs = actions_of(world, Handoff)
    wanted = words(reason)
    matched = any(words(h.reason) == wanted for h in handoffs)
    expect(world, f'a handoff with reason "{reason}"', None if matched else listed(world.last_turn.actions))


@then("the agent does not hand over to a person", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """No handoff and no escalation in the last turn.

    Example: Then the agent does not hand over to a person
    """
    world = tactful_conversation
    escalated = actions_of(world, Handoff) or "escalated" in world.last_turn.states_entered
    expect(world, "no handoff", f"the turn escalated: {listed(world.last_turn.actions)}" if escalated else None)


@then('the handoff summary mentions "{text:Text}"', section=SECTION)
def _(tactful_conversation: ConversationUnderTest, text: str) -> None:
    """The note the person receives mentions this.

    Example: Then the handoff summary mentions "order A-1001"
    """
    world = tactful_conversation
    summaries = [h.summary for h in actions_of(world, Handoff)]
    found = any(contains(summary, text) for summary in summaries)
    expect(world, f'a handoff summary mentioning "{text}"', None if found else f"summaries: {summaries}")


@then("the agent offers a callback", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """Nobody is there to take over, so the agent offers a callback instead of a handoff.

    Example: Then the agent offers a callback
    """
    world = tactful_conversation
    turn = world.last_turn
    problem = None
    if turn.state != "escalated" or actions_of(world, Handoff):
        problem = f"state {turn.state}; {listed(turn.actions)}"
    elif not any(q.payload == "accept" for q in turn.quick_replies) or "callback" not in turn.text.lower():
        problem = "the reply does not offer a callback with a button to accept it"
    expect(world, "a callback offer", problem)


@then('a callback is booked for "{when:Text}"', section=SECTION)
def _(tactful_conversation: ConversationUnderTest, when: str) -> None:
    """A callback is booked at this weekday and time in the policy's zone.

    Example: Then a callback is booked for "Wednesday 09:00"
    """
    world = tactful_conversation
    zone = world.policy.zone
    booked = [f"{c.at.astimezone(zone):%A %H:%M}" for c in actions_of(world, ScheduleCallback)]
    ok = normalize(when) in [normalize(b) for b in booked]
    expect(world, f"a callback booked for {when}", None if ok else f"callbacks booked: {booked or 'none'}")


@then("a follow-up is scheduled in {hours:Number} hours", section=SECTION)
def _(tactful_conversation: ConversationUnderTest, hours: float) -> None:
    """The agent schedules a check-in with the customer this many hours after the last message.

    Example: Then a follow-up is scheduled in 24 hours
    """
    world = tactful_conversation
    turn = world.last_turn
    found = [
        f
        for f in actions_of(world, ScheduleFollowUp)
        if f.delay_hours == hours and (f.at - turn.at).total_seconds() == hours * 3600
    ]
    expect(world, f"a follow-up in {hours:g} hours", None if found else listed(turn.actions))


@then('the follow-up says "{text:Text}"', section=SECTION)
def _(tactful_conversation: ConversationUnderTest, text: str) -> None:
    """The follow-up scheduled in the last turn contains these words.

    Example: Then the follow-up says "Are you happy with how it was sorted out?"
    """
    world = tactful_conversation
    texts = [f.text for f in actions_of(world, ScheduleFollowUp)]
    expect(
        world, f'a follow-up saying "{text}"', None if any(contains(t, text) for t in texts) else f"follow-ups: {texts}"
    )


@then("no follow-up is scheduled", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """The last turn schedules no follow-up.

    Example: Then no follow-up is scheduled
    """
    world = tactful_conversation
    expect(world, "no follow-up", listed(world.last_turn.actions) if actions_of(world, ScheduleFollowUp) else None)


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
    expect(
        world, "compensation issued", None if actions_of(world, IssueCompensation) else listed(world.last_turn.actions)
    )


@then("no compensation has been issued", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """No turn of the conversation so far issued compensation.

    Example: Then no compensation has been issued
    """
    world = tactful_conversation
    issued = [a for turn in world.turns for a in turn.actions if isinstance(a, IssueCompensation)]
    expect(world, "no compensation", listed(issued) if issued else None)
