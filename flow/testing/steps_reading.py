"""Then steps about how the last message was read: its acts, irony and swearing, and the facts it gave.

Acts are named the way :class:`flow.models.Act` prints them: ``choose:store_credit``, ``reject:all``,
``choose:?`` for a choice the message does not settle, ``not ask_human`` for an act ruled out. A name
without a target (``thank``) stands for every act of that kind.
"""

from __future__ import annotations

from collections import Counter

from flow.models import Act, Signals, Span
from flow.testing.assertions import expect
from flow.testing.catalog import then
from flow.testing.world import ConversationUnderTest, normalize

SECTION = "Checking how the message was read"


def _signals(world: ConversationUnderTest) -> Signals:
    signals = world.last_turn.signals
    if signals is None:
        world.fail("a customer message to check", "the last turn had no message from the customer")
    return signals


def _label(text: str) -> str:
    return normalize(text).replace(" :", ":").replace(": ", ":")


def _names(acts: tuple[Act, ...]) -> list[str]:
    return [str(act) for act in acts]


def _read_as(signals: Signals) -> str:
    found = ", ".join(f'"{name}"' for name in _names(signals.acts))
    return f"it was read as {found or 'nothing'}"


def _matches(act: Act, label: str) -> bool:
    """Whether ``act`` is the act named ``label``; a name without a target matches every act of its kind."""
    name = _label(str(act))
    if ":" in label or label.startswith("not "):
        return name == label
    return not act.negated and act.kind == label


@then("the message is read as {acts:Texts}", section=SECTION)
def _(tactful_conversation: ConversationUnderTest, acts: list[str]) -> None:
    """The last message does exactly these things, in any order, and nothing else.

    Example: Then the message is read as "choose:store_credit" and "thank"
    """
    world = tactful_conversation
    signals = _signals(world)
    wanted = Counter(_label(act) for act in acts)
    found = Counter(_label(name) for name in _names(signals.acts))
    listed = " and ".join(f'"{act}"' for act in acts)
    expect(world, f"the message read as {listed}", None if wanted == found else _read_as(signals))


@then('the message is not read as "{act:Text}"', section=SECTION)
def _(tactful_conversation: ConversationUnderTest, act: str) -> None:
    """No act of the last message is this one (``thank`` rules out every thank-you, whatever it is for).

    Example: Then the message is not read as "goodbye"
    """
    world = tactful_conversation
    signals = _signals(world)
    label = _label(act)
    hit = any(_matches(found, label) for found in signals.acts)
    expect(world, f'the message not read as "{act}"', _read_as(signals) if hit else None)


@then("the message is read as ironic", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """Understanding found the last message means the opposite of its words ("oh brilliant, thanks").

    Example: Then the message is read as ironic
    """
    world = tactful_conversation
    expect(world, "the message read as ironic", None if _signals(world).irony else "it was read as meant")


@then("the message is not read as ironic", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """Understanding took the last message at its word.

    Example: Then the message is not read as ironic
    """
    world = tactful_conversation
    expect(world, "the message read as meant", "it was read as ironic" if _signals(world).irony else None)


@then("the message is flagged as swearing", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """Understanding found swear words in the last message (swearing alone is not abuse).

    Example: Then the message is flagged as swearing
    """
    world = tactful_conversation
    expect(world, "the message flagged as swearing", None if _signals(world).profanity else "it was not")


@then('the message gives the fact "{name:Text}" as "{value:Text}"', section=SECTION)
def _(tactful_conversation: ConversationUnderTest, name: str, value: str) -> None:
    """Understanding read this fact from the last message itself (a rough one reads as ``20-47``).

    Example: Then the message gives the fact "days_since_purchase" as "29"
    """
    world = tactful_conversation
    facts = _signals(world).facts
    found = facts.get(name)
    if found is None or normalize(str(found)) != normalize(value):
        read = ", ".join(f"{k} = {v}" for k, v in facts.items()) or "no facts"
        world.fail(f'the message to give the fact "{name}" as "{value}"', f"it gave {read}")


@then('the message gives no fact "{name:Text}"', section=SECTION)
def _(tactful_conversation: ConversationUnderTest, name: str) -> None:
    """Understanding read no value of this fact from the last message.

    Example: Then the message gives no fact "order_id"
    """
    world = tactful_conversation
    found = _signals(world).facts.get(name)
    expect(world, f'no fact "{name}" read from the message', None if found is None else f"it read {found}")


@then('the fact "{name:Text}" is now known roughly, from {low:Number} to {high:Number}', section=SECTION)
def _(tactful_conversation: ConversationUnderTest, name: str, low: float, high: float) -> None:
    """The conversation knows this fact only as a range so far ("last month"), and the agent must narrow it.

    Example: Then the fact "days_since_purchase" is now known roughly, from 20 to 47
    """
    world = tactful_conversation
    facts = world.conversation.facts if world.conversation is not None else {}
    found = facts.get(name)
    ok = isinstance(found, Span) and (found.low, found.high) == (int(low), int(high))
    expect(world, f'the fact "{name}" known from {int(low)} to {int(high)}', None if ok else f"it is {found!r}")
