"""Steps about a person from the team taking over: joining, writing, handing back, and the wait for one."""

from __future__ import annotations

from flow.testing.assertions import expect
from flow.testing.catalog import then, when
from flow.testing.checks import contains
from flow.testing.world import ConversationUnderTest

SECTION = "A person taking over"


@when('a person named "{name:Text}" takes over', section=SECTION)
def _(tactful_conversation: ConversationUnderTest, name: str) -> None:
    """Someone from the team takes over the handed-over conversation; the customer sees their name.

    Example: When a person named "Alex" takes over
    """
    tactful_conversation.take_over(name)


@when('the person writes "{text:Text}"', section=SECTION)
def _(tactful_conversation: ConversationUnderTest, text: str) -> None:
    """The person who took over writes to the customer in the same conversation.

    Example: When the person writes "Hi Dana, let me look at this for you."
    """
    tactful_conversation.person_writes(text)


@when("the person hands back", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """The person hands the conversation back; the agent picks up at the follow-up.

    Example: When the person hands back
    """
    tactful_conversation.hand_back()


@when("the person hands back to close", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """The person hands the conversation back for the agent to say goodbye and close it.

    Example: When the person hands back to close
    """
    tactful_conversation.hand_back(close=True)


@when("the person closes the conversation", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """The person ends the conversation themselves; the agent says nothing more.

    Example: When the person closes the conversation
    """
    tactful_conversation.close_by_person()


@when("nobody takes over within the wait", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """The policy's wait for a person (``escalation.handoff.wait_minutes``) passes with nobody taking over.

    Example: When nobody takes over within the wait
    """
    tactful_conversation.wait_runs_out()


@then("the agent says nothing", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """The last turn has no text from the agent and no buttons (a person is talking with the customer).

    Example: Then the agent says nothing
    """
    turn = tactful_conversation.last_turn
    said = turn.text if turn.person is None else ""
    problem = f"it said {said!r}" if said or turn.quick_replies else None
    expect(tactful_conversation, "no word from the agent", problem)


@then('the customer reads "{text:Text}" from "{name:Text}"', section=SECTION)
def _(tactful_conversation: ConversationUnderTest, text: str, name: str) -> None:
    """The last message the customer got was written by this person and contains these words.

    Example: Then the customer reads "let me look at this" from "Alex"
    """
    turn = tactful_conversation.last_turn
    ok = turn.person == name and contains(turn.text, text)
    found = f"{turn.person or 'the agent'} wrote {turn.text!r}"
    expect(tactful_conversation, f'"{text}" from {name}', None if ok else found)


@then("the conversation waits for a person", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """The conversation is handed over and waiting: people see it in their list and can take it over.

    Example: Then the conversation waits for a person
    """
    conversation = tactful_conversation.require_conversation()
    waiting = conversation.state == "escalated" and conversation.at_the_desk
    expect(tactful_conversation, "a conversation waiting for a person", None if waiting else conversation.state)
