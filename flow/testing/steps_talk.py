"""When steps: what the customer says and clicks, and time passing."""

from __future__ import annotations

from datetime import timedelta

from flow.testing.catalog import when
from flow.testing.world import ConversationUnderTest

SECTION = "Talking to the agent"
_UNITS = {"minute": 1 / 60, "hour": 1.0, "day": 24.0}


@when('the customer says "{text:Text}"', section=SECTION)
def _(tactful_conversation: ConversationUnderTest, text: str) -> None:
    """The customer sends a message (the first one starts the conversation with the facts given).

    Example: When the customer says "I want a refund"
    """
    tactful_conversation.say(text)


@when("the customer says:", section=SECTION)
def _(tactful_conversation: ConversationUnderTest, docstring: str) -> None:
    """The customer sends a longer message, written as a docstring.

    Example:
    When the customer says:
      \"\"\"
      I bought a jacket from you last month and it doesn't fit.
      I'd like my money back, please.
      \"\"\"
    """
    tactful_conversation.say(docstring)


@when('the customer says "{text:Text}" {times:d} times', section=SECTION)
def _(tactful_conversation: ConversationUnderTest, text: str, times: int) -> None:
    """The customer sends the same message several times in a row.

    Example: When the customer says "hmm" 3 times
    """
    for _ in range(times):
        tactful_conversation.say(text)


@when('the customer clicks "{title:Text}"', section=SECTION)
def _(tactful_conversation: ConversationUnderTest, title: str) -> None:
    """The customer clicks a quick reply of the last reply, by its title (case does not matter).

    Example: When the customer clicks "Store credit"
    """
    tactful_conversation.click(title)


@when("the customer opens the chat", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """The conversation starts without a message (the agent greets the customer).

    Example: When the customer opens the chat
    """
    tactful_conversation.say(None)


@when('the customer tries to say "{text:Text}"', section=SECTION)
def _(tactful_conversation: ConversationUnderTest, text: str) -> None:
    """Like *says*, but the engine may refuse the message; check it with *the message is refused*.

    Example: When the customer tries to say "   "
    """
    tactful_conversation.say(text, may_be_refused=True)


@when('the widget sends the quick reply "{payload:Text}"', section=SECTION)
def _(tactful_conversation: ConversationUnderTest, payload: str) -> None:
    """A raw quick-reply payload arrives, offered or not (the engine may refuse it).

    Example: When the widget sends the quick reply "alternative:exchange"
    """
    tactful_conversation.send_quick_reply(payload, may_be_refused=True)


@when("the scheduled follow-up is delivered", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """The follow-up the agent scheduled goes out (it must be due: let time pass first).

    Example: When the scheduled follow-up is delivered
    """
    tactful_conversation.deliver_follow_up()


@when("{amount:Number} {unit:Unit} pass", section=SECTION)
@when("{amount:Number} {unit:Unit} passes", section=SECTION)
def _(tactful_conversation: ConversationUnderTest, amount: float, unit: str) -> None:
    """Time passes before the customer's next message (minutes, hours or days).

    Example: When 25 hours pass
    """
    tactful_conversation.pass_time(timedelta(hours=amount * _UNITS[unit.rstrip("s")]))
