"""Then steps about the words and buttons of the agent's last reply."""

from __future__ import annotations

import re

from flow.testing import checks
from flow.testing.assertions import expect
from flow.testing.catalog import then
from flow.testing.world import ConversationUnderTest, find_quick_reply, normalize
from flow.tone import lint

SECTION = "Checking the words of the reply"


@then('the agent says "{text:Text}"', section=SECTION)
def _(tactful_conversation: ConversationUnderTest, text: str) -> None:
    """The reply contains these words (case, spacing and curly quotes do not matter).

    Example: Then the agent says "30 days"
    """
    turn = tactful_conversation.last_turn
    expect(
        tactful_conversation,
        f'the reply to contain "{text}"',
        None if checks.contains(turn.text, text) else "it does not",
    )


@then('the agent does not say "{text:Text}"', section=SECTION)
def _(tactful_conversation: ConversationUnderTest, text: str) -> None:
    """The reply does not contain these words.

    Example: Then the agent does not say "unfortunately"
    """
    turn = tactful_conversation.last_turn
    expect(
        tactful_conversation,
        f'the reply not to contain "{text}"',
        "it does" if checks.contains(turn.text, text) else None,
    )


@then('the agent says "{text:Text}" only once', section=SECTION)
def _(tactful_conversation: ConversationUnderTest, text: str) -> None:
    """These words come up exactly once in the reply (one apology, not two in a row).

    Example: Then the agent says "sorry" only once
    """
    said = normalize(tactful_conversation.last_turn.text).count(normalize(text))
    expect(tactful_conversation, f'"{text}" said once', None if said == 1 else f"it is said {said} times")


@then("the reply has at most {count:Number} words", section=SECTION)
def _(tactful_conversation: ConversationUnderTest, count: float) -> None:
    """The reply stays short: no more than this many words in all its messages.

    Example: Then the reply has at most 70 words
    """
    found = len(tactful_conversation.last_turn.text.split())
    expect(tactful_conversation, f"at most {int(count)} words", None if found <= count else f"{found} words")


@then("the reply asks nothing", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """No question in the reply: the agent is saying goodbye, not waiting for an answer.

    Example: Then the reply asks nothing
    """
    text = tactful_conversation.last_turn.text
    expect(tactful_conversation, "no question in the reply", "it asks something" if "?" in text else None)


@then("the reply matches /{pattern:Regex}/", section=SECTION)
def _(tactful_conversation: ConversationUnderTest, pattern: str) -> None:
    """The reply matches a regular expression somewhere (case-insensitive).

    Example: Then the reply matches /refund orders for \\d+ days/
    """
    found = re.search(pattern, tactful_conversation.last_turn.text, re.IGNORECASE)
    expect(tactful_conversation, f"the reply to match /{pattern}/", None if found else "it does not")


@then("the reply does not match /{pattern:Regex}/", section=SECTION)
def _(tactful_conversation: ConversationUnderTest, pattern: str) -> None:
    """No part of the reply matches the regular expression (case-insensitive).

    Example: Then the reply does not match /policy (says|states)/
    """
    found = re.search(pattern, tactful_conversation.last_turn.text, re.IGNORECASE)
    expect(
        tactful_conversation, f"the reply not to match /{pattern}/", f"it matches {found.group(0)!r}" if found else None
    )


@then("the agent's reply is:", section=SECTION)
def _(tactful_conversation: ConversationUnderTest, docstring: str) -> None:
    """The whole reply, word for word (spacing and line breaks inside a paragraph do not matter).

    Example:
    Then the agent's reply is:
      \"\"\"
      Thanks for chatting with us, Dana. Take care.
      \"\"\"
    """
    text = tactful_conversation.last_turn.text
    same = normalize(text) == normalize(docstring)
    expect(tactful_conversation, f"the reply to be exactly {docstring!r}", None if same else f"it is {text!r}")


@then("the reply passes the tone lint", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """Every message of the reply passes :func:`flow.tone.lint` with the policy's banned phrases and reading floor.

    Example: Then the reply passes the tone lint
    """
    tone = tactful_conversation.policy.tone
    for message in tactful_conversation.last_turn.messages:
        problems = lint(message, banned=tone.banned_phrases, min_reading_ease=tone.min_reading_ease)
        expect(
            tactful_conversation,
            "every message to pass the tone lint",
            f"{'; '.join(problems)} in {message!r}" if problems else None,
        )


@then("the quick replies are {titles:Texts}", section=SECTION)
def _(tactful_conversation: ConversationUnderTest, titles: list[str]) -> None:
    """Exactly these buttons, in this order.

    Example: Then the quick replies are "Store credit", "Exchange" and "No, thanks"
    """
    shown = [q.title for q in tactful_conversation.last_turn.quick_replies]
    same = [normalize(t) for t in shown] == [normalize(t) for t in titles]
    expect(tactful_conversation, f"the quick replies {titles}", None if same else f"{shown}")


@then('the quick reply "{title:Text}" is offered', section=SECTION)
def _(tactful_conversation: ConversationUnderTest, title: str) -> None:
    """This button is among the quick replies.

    Example: Then the quick reply "Store credit" is offered
    """
    offered = tactful_conversation.last_turn.quick_replies
    shown = [q.title for q in offered]
    expect(tactful_conversation, f'a quick reply "{title}"', None if find_quick_reply(offered, title) else f"{shown}")


@then('the quick reply "{title:Text}" is not offered', section=SECTION)
def _(tactful_conversation: ConversationUnderTest, title: str) -> None:
    """This button is not among the quick replies.

    Example: Then the quick reply "Exchange" is not offered
    """
    offered = tactful_conversation.last_turn.quick_replies
    expect(
        tactful_conversation, f'no quick reply "{title}"', "it is offered" if find_quick_reply(offered, title) else None
    )


@then("there are no quick replies", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """The reply shows no buttons.

    Example: Then there are no quick replies
    """
    shown = [q.title for q in tactful_conversation.last_turn.quick_replies]
    expect(tactful_conversation, "no quick replies", f"{shown}" if shown else None)
