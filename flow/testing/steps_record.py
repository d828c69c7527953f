"""Then steps about what was understood and what was recorded: signals, facts, refusals, the transcript."""

from __future__ import annotations

from flow.models import Signals
from flow.testing.catalog import then
from flow.testing.checks import contains
from flow.testing.world import ConversationUnderTest, normalize

SECTION = "Checking what was understood and recorded"


def _signals(world: ConversationUnderTest) -> Signals:
    signals = world.last_turn.signals
    if signals is None:
        world.fail("signals from a customer message", "the last turn had no message to read")
    return signals


@then('the message is understood as "{intent:Text}"', section=SECTION)
def _(tactful_conversation: ConversationUnderTest, intent: str) -> None:
    """The intent understanding found in the last message (request_refund, ask_human, ask_why…).

    Example: Then the message is understood as "ask_human"
    """
    found = _signals(tactful_conversation).intent
    if normalize(found) != normalize(intent).replace(" ", "_"):
        tactful_conversation.fail(f'the intent "{intent}"', f'the intent "{found}"')


@then("the message's acts are {acts:Texts}", section=SECTION)
def _(tactful_conversation: ConversationUnderTest, acts: list[str]) -> None:
    """Everything the last message does, in order, as short labels: ``choose:store_credit``, ``thank``,
    ``reject:all``, ``choose:?`` for a choice the message leaves open, ``not ask_human`` for one ruled out.

    Example: Then the message's acts are "choose:store_credit" and "thank"
    """
    found = [str(act) for act in _signals(tactful_conversation).acts]
    if [normalize(act) for act in found] != [normalize(act) for act in acts]:
        tactful_conversation.fail(f"the acts {acts}", f"the acts {found}")


@then("the message is flagged as abusive", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """Understanding found abuse in the last message.

    Example: Then the message is flagged as abusive
    """
    if not _signals(tactful_conversation).abusive:
        tactful_conversation.fail("the message flagged as abusive", "it was not")


@then("the message is not flagged as abusive", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """Understanding found no abuse in the last message (strong words about a product are not abuse).

    Example: Then the message is not flagged as abusive
    """
    if _signals(tactful_conversation).abusive:
        tactful_conversation.fail("the message not flagged as abusive", "it was")


@then("the message is flagged as a threat", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """Understanding found a threat to take it further (legal action, a regulator, the press).

    Example: Then the message is flagged as a threat
    """
    if not _signals(tactful_conversation).threat:
        tactful_conversation.fail("the message flagged as a threat", "it was not")


@then("the message is not flagged as a threat", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """Understanding found no threat in the last message.

    Example: Then the message is not flagged as a threat
    """
    if _signals(tactful_conversation).threat:
        tactful_conversation.fail("the message not flagged as a threat", "it was")


@then("the message reads as angry", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """The last message's sentiment is at or below the policy's anger threshold.

    Example: Then the message reads as angry
    """
    world = tactful_conversation
    sentiment = _signals(world).sentiment
    threshold = world.policy.escalation.anger_threshold
    if sentiment > threshold:
        world.fail(f"sentiment at or below {threshold:+.2f}", f"sentiment {sentiment:+.2f}")


@then('the fact "{name:Text}" is now "{value:Text}"', section=SECTION)
def _(tactful_conversation: ConversationUnderTest, name: str, value: str) -> None:
    """The conversation now knows this fact (for example, read from the customer's answer).

    Example: Then the fact "order_id" is now "A-1001"
    """
    world = tactful_conversation
    facts = world.conversation.facts if world.conversation is not None else {}
    found = facts.get(name)
    if found is None or normalize(str(found)) != normalize(value):
        world.fail(f'the fact "{name}" to be "{value}"', f"it is {found!r}")


@then('the message is refused because "{reason:Text}"', section=SECTION)
def _(tactful_conversation: ConversationUnderTest, reason: str) -> None:
    """The engine refused the last message, with an error that says this; nothing changed.

    Example: Then the message is refused because "the message is empty"
    """
    world = tactful_conversation
    refused = world.last_exchange.refused
    if refused is None:
        world.fail(f'a refusal because "{reason}"', "the engine accepted the message")
    if not contains(refused, reason):
        world.fail(f'a refusal because "{reason}"', f"the refusal said {refused!r}")


@then("the transcript records every turn", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """Every customer message has its turn: numbered in order, timed, with the words, the states and the reply.

    Example: Then the transcript records every turn
    """
    world = tactful_conversation
    turns = world.turns
    accepted = [e for e in world.exchanges if e.turn is not None]
    for position, (exchange, turn) in enumerate(zip(accepted, turns, strict=True), start=1):
        problems = []
        if turn.number != position:
            problems.append(f"is numbered {turn.number}")
        if turn.conversation_id != turns[0].conversation_id:
            problems.append("belongs to another conversation")
        if exchange.said is not None and turn.customer_text != exchange.said:
            problems.append(f"records the customer's words as {turn.customer_text!r}")
        if exchange.clicked is not None and turn.quick_reply is None:
            problems.append("does not record the quick reply clicked")
        if not turn.states_entered or not turn.text.strip():
            problems.append("has no states or no text")
        if position > 1 and turn.at < turns[position - 2].at:
            problems.append("is timed before the turn it follows")
        if problems:
            world.fail("every turn documented in order", f"turn {position} " + ", ".join(problems))
