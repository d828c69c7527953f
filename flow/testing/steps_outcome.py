"""Then steps about where the conversation went: its state, the transitions taken, the decision, the close."""

from __future__ import annotations

from flow.models import AmendAlternative, ApplyAlternative, ApproveRequest, Close, WithdrawAlternative, WithdrawApproval
from flow.testing.assertions import actions_of, expect, listed, words
from flow.testing.catalog import then
from flow.testing.world import ConversationUnderTest

SECTION = "Checking where the conversation went"


@then('the conversation is in "{state:Text}"', section=SECTION)
def _(tactful_conversation: ConversationUnderTest, state: str) -> None:
    """The state the conversation waits in now (a refused message leaves it where it was).

    Example: Then the conversation is in "offering_alternatives"
    """
    conversation = tactful_conversation.require_conversation()
    now = conversation.state
    expect(
        tactful_conversation,
        f'the conversation in "{state}"',
        None if words(now) == words(state) else f'it is in "{now}"',
    )


@then("the reply went through {states:Texts}", section=SECTION)
def _(tactful_conversation: ConversationUnderTest, states: list[str]) -> None:
    """The last turn entered these states, in this order (others may come in between).

    Example: Then the reply went through "explaining", "apologizing" and "offering_alternatives"
    """
    entered = [words(s) for s in tactful_conversation.last_turn.states_entered]
    position = 0
    for state in states:
        try:
            position = entered.index(words(state), position) + 1
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
    expect(world, f'the transition "{name}"', None if taken else f"the turn took {labels}")


@then("the transitions taken were {names:Texts}", section=SECTION)
def _(tactful_conversation: ConversationUnderTest, names: list[str]) -> None:
    """Exactly these transitions, in order, in the last turn.

    Example: Then the transitions taken were "why" and "resume_offer"
    """
    taken = tactful_conversation.last_turn.transitions
    expect(tactful_conversation, f"the transitions {names}", None if taken == names else f"{taken}")


@then("the request is declined", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """A rule of the policy declined the request in the last turn.

    Example: Then the request is declined
    """
    turn = tactful_conversation.last_turn
    expect(
        tactful_conversation, "a decline", None if "decline" in turn.transitions else f"transitions {turn.transitions}"
    )


@then("the request is approved", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """The policy allows the request: the agent approves it and tells the host application to carry it out.

    Example: Then the request is approved
    """
    world = tactful_conversation
    expect(world, "an approval", None if actions_of(world, ApproveRequest) else listed(world.last_turn.actions))


@then("the request is still undecided", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """The agent has neither declined nor approved anything yet: it is still listening.

    Example: Then the request is still undecided
    """
    turn = tactful_conversation.last_turn
    decided = {"decline", "approve"} & set(turn.transitions) or turn.state != "listening"
    expect(
        tactful_conversation,
        "no decision yet",
        f"transitions {turn.transitions}, now {turn.state}" if decided else None,
    )


@then('the alternative "{title:Text}" is applied', section=SECTION)
def _(tactful_conversation: ConversationUnderTest, title: str) -> None:
    """The host application is told to carry out this alternative.

    Example: Then the alternative "Store credit" is applied
    """
    world = tactful_conversation
    applied = [a for a in actions_of(world, ApplyAlternative) if words(title) in (words(a.title), words(a.alternative))]
    expect(world, f'the alternative "{title}" applied', None if applied else listed(world.last_turn.actions))


@then('the alternative "{title:Text}" is passed on with "{details:Text}"', section=SECTION)
def _(tactful_conversation: ConversationUnderTest, title: str, details: str) -> None:
    """The host application is told what the customer asked for with this alternative (a size or colour),
    when it is applied or afterwards.

    Example: Then the alternative "Exchange" is passed on with "size M"
    """
    world = tactful_conversation
    actions: list[ApplyAlternative | AmendAlternative] = [
        *actions_of(world, ApplyAlternative),
        *actions_of(world, AmendAlternative),
    ]
    told = [a for a in actions if words(title) in (words(a.title), words(a.alternative)) and a.details == details]
    expect(
        world,
        f'the alternative "{title}" passed on with "{details}"',
        None if told else listed(world.last_turn.actions),
    )


@then("nothing is passed on with the alternative taken", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """The last reply tells the host application nothing more about the alternative already taken.

    Example: Then nothing is passed on with the alternative taken
    """
    world = tactful_conversation
    told = actions_of(world, AmendAlternative)
    expect(world, "nothing passed on with the alternative", listed(world.last_turn.actions) if told else None)


@then('the alternative "{title:Text}" is not applied', section=SECTION)
def _(tactful_conversation: ConversationUnderTest, title: str) -> None:
    """The host application is not told to carry out this alternative.

    Example: Then the alternative "Store credit" is not applied
    """
    world = tactful_conversation
    applied = [a for a in actions_of(world, ApplyAlternative) if words(title) in (words(a.title), words(a.alternative))]
    expect(world, f'the alternative "{title}" not applied', listed(world.last_turn.actions) if applied else None)


@then("no alternative is applied", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """The last reply carries out no alternative: nothing was chosen yet.

    Example: Then no alternative is applied
    """
    world = tactful_conversation
    applied = actions_of(world, ApplyAlternative)
    expect(world, "no alternative applied", listed(world.last_turn.actions) if applied else None)


@then('the alternative "{title:Text}" is applied in place of "{earlier:Text}"', section=SECTION)
def _(tactful_conversation: ConversationUnderTest, title: str, earlier: str) -> None:
    """The host application is told to carry out this alternative and undo the one accepted earlier.

    Example: Then the alternative "Exchange" is applied in place of "Store credit"
    """
    world = tactful_conversation
    wanted, undone = words(title), words(earlier)
    applied = [
        a
        for a in actions_of(world, ApplyAlternative)
        if wanted in (words(a.title), words(a.alternative)) and a.replaces is not None and words(a.replaces) == undone
    ]
    expect(
        world,
        f'the alternative "{title}" applied in place of "{earlier}"',
        None if applied else listed(world.last_turn.actions),
    )


@then('the alternative "{title:Text}" is withdrawn', section=SECTION)
def _(tactful_conversation: ConversationUnderTest, title: str) -> None:
    """The host application is told to undo this alternative, accepted earlier and then taken back.

    Example: Then the alternative "Store credit" is withdrawn
    """
    world = tactful_conversation
    wanted = words(title)
    withdrawn = [a for a in actions_of(world, WithdrawAlternative) if wanted in (words(a.title), words(a.alternative))]
    expect(
        world,
        f'the alternative "{title}" withdrawn',
        None if withdrawn else listed(world.last_turn.actions),
    )


@then('the approval of "{name:Text}" is withdrawn', section=SECTION)
def _(tactful_conversation: ConversationUnderTest, name: str) -> None:
    """The host application is told to undo this request, approved earlier (by its policy name).

    Example: Then the approval of "cancel" is withdrawn
    """
    world = tactful_conversation
    withdrawn = [a for a in actions_of(world, WithdrawApproval) if words(a.request) == words(name)]
    expect(
        world,
        f'the approval of "{name}" withdrawn',
        None if withdrawn else listed(world.last_turn.actions),
    )


@then('the approval of "{name:Text}" for order "{order:Text}" is withdrawn', section=SECTION)
def _(tactful_conversation: ConversationUnderTest, name: str, order: str) -> None:
    """The host application is told to undo this request, approved earlier for this order, and no other.

    Example: Then the approval of "refund" for order "A-4444" is withdrawn
    """
    world = tactful_conversation
    withdrawn = actions_of(world, WithdrawApproval)
    meant = [a for a in withdrawn if words(a.request) == words(name) and a.facts.get("order_id") == order.strip()]
    expect(
        world,
        f'the approval of "{name}" for order "{order}" withdrawn, and no other',
        None if meant and len(meant) == len(withdrawn) else listed(world.last_turn.actions),
    )


@then("the choice is kept", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """The last reply neither carried out another alternative nor changed the one chosen.

    Example: Then the choice is kept
    """
    world = tactful_conversation
    applied = actions_of(world, ApplyAlternative)
    expect(world, "no alternative applied in the last reply", listed(applied) if applied else None)


@then("the conversation is closed", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """The conversation ended with the last reply.

    Example: Then the conversation is closed
    """
    world = tactful_conversation
    expect(world, "the conversation closed", None if actions_of(world, Close) else f"it is in {world.last_turn.state}")


@then('the conversation is closed with outcome "{outcome:Text}"', section=SECTION)
def _(tactful_conversation: ConversationUnderTest, outcome: str) -> None:
    """The conversation ended with this outcome (approved, declined, escalated, callback scheduled…).

    Example: Then the conversation is closed with outcome "alternative accepted"
    """
    world = tactful_conversation
    closes = [c.outcome for c in actions_of(world, Close)]
    ok = words(outcome) in [words(c) for c in closes]
    expect(
        world,
        f'a close with outcome "{outcome}"',
        None if ok else f"closes: {closes or 'none'}; state {world.last_turn.state}",
    )


@then("the conversation is still open", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """The conversation did not end.

    Example: Then the conversation is still open
    """
    world = tactful_conversation
    expect(world, "an open conversation", "it closed" if world.last_turn.state == "closed" else None)


@then('the request "{name:Text}" is decided as "{status:Text}"', section=SECTION)
def _(tactful_conversation: ConversationUnderTest, name: str, status: str) -> None:
    """The last reply settled this request of the agenda so (approved, declined, alternative accepted,
    compensation accepted, escalated, dropped…), whatever else it decided.

    Example: Then the request "cancel" is decided as "approved"
    """
    world = tactful_conversation
    decided = world.last_turn.decided
    found = decided.get(name)
    shown = ", ".join(f"{k}: {words(v)}" for k, v in decided.items()) or "nothing"
    ok = found is not None and words(found) == words(status)
    expect(world, f'the request "{name}" decided as "{status}"', None if ok else f"the reply decided {shown}")


@then("the reply decides no request", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """The last reply neither decided nor settled any request: it answered, asked or offered again.

    Example: Then the reply decides no request
    """
    world = tactful_conversation
    decided = world.last_turn.decided
    expect(world, "no request decided", f"the reply decided {decided}" if decided else None)
