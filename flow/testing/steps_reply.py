"""Then steps about the agent's last reply: its words, what it does for the customer, its buttons."""

from __future__ import annotations

import re

from flow.testing import checks
from flow.testing.catalog import then
from flow.testing.world import ConversationUnderTest, find_quick_reply, normalize
from flow.tone import lint

SECTION = "Checking the reply"


def _expect(world: ConversationUnderTest, expected: str, problem: str | None) -> None:
    __tracebackhide__ = True
    if problem is not None:
        world.fail(expected, problem)


@then('the agent says "{text:Text}"', section=SECTION)
def _(tactful_conversation: ConversationUnderTest, text: str) -> None:
    """The reply contains these words (case, spacing and curly quotes do not matter).

    Example: Then the agent says "30 days"
    """
    turn = tactful_conversation.last_turn
    _expect(tactful_conversation, f'the reply to contain "{text}"', None if checks.contains(turn.text, text) else "it does not")


@then('the agent does not say "{text:Text}"', section=SECTION)
def _(tactful_conversation: ConversationUnderTest, text: str) -> None:
    """The reply does not contain these words.

    Example: Then the agent does not say "unfortunately"
    """
    turn = tactful_conversation.last_turn
    _expect(tactful_conversation, f'the reply not to contain "{text}"', "it does" if checks.contains(turn.text, text) else None)


@then("the reply matches /{pattern:Regex}/", section=SECTION)
def _(tactful_conversation: ConversationUnderTest, pattern: str) -> None:
    """The reply matches a regular expression somewhere (case-insensitive).

    Example: Then the reply matches /refund orders for \\d+ days/
    """
    found = re.search(pattern, tactful_conversation.last_turn.text, re.IGNORECASE)
    _expect(tactful_conversation, f"the reply to match /{pattern}/", None if found else "it does not")


@then("the reply does not match /{pattern:Regex}/", section=SECTION)
def _(tactful_conversation: ConversationUnderTest, pattern: str) -> None:
    """No part of the reply matches the regular expression (case-insensitive).

    Example: Then the reply does not match /policy (says|states)/
    """
    found = re.search(pattern, tactful_conversation.last_turn.text, re.IGNORECASE)
    _expect(tactful_conversation, f"the reply not to match /{pattern}/", f"it matches {found.group(0)!r}" if found else None)


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
    _expect(tactful_conversation, f"the reply to be exactly {docstring!r}", None if same else f"it is {text!r}")


@then("the reply passes the tone lint", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """Every message of the reply passes :func:`flow.tone.lint` with the policy's banned phrases and reading floor.

    Example: Then the reply passes the tone lint
    """
    tone = tactful_conversation.policy.tone
    for message in tactful_conversation.last_turn.messages:
        problems = lint(message, banned=tone.banned_phrases, min_reading_ease=tone.min_reading_ease)
        _expect(tactful_conversation, "every message to pass the tone lint", f"{'; '.join(problems)} in {message!r}" if problems else None)


@then("the agent thanks the customer", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """The reply thanks the customer (thanks, thank you, appreciate…).

    Example: Then the agent thanks the customer
    """
    _expect(tactful_conversation, "the agent to thank the customer", checks.thanks(tactful_conversation.last_turn))


@then("the agent thanks the customer first", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """The reply's first message thanks the customer, before anything else is said.

    Example: Then the agent thanks the customer first
    """
    problem = checks.thanks(tactful_conversation.last_turn, first=True)
    _expect(tactful_conversation, "the first thing the agent says to be thanks", problem)


@then("the agent acknowledges the concern", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """The reply shows the request was heard: it names the request (as the policy titles it) or says it understands.

    Example: Then the agent acknowledges the concern
    """
    world = tactful_conversation
    problem = checks.acknowledges(world.last_turn, _conversation(world), world.policy)
    _expect(world, "the agent to acknowledge the customer's concern", problem)


@then("the agent explains the reason", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """The reply declines, going through *explaining*, and gives the policy's reason with the facts filled in.

    Example: Then the agent explains the reason
    """
    world = tactful_conversation
    problem = checks.explains_reason(world.last_turn, _conversation(world), world.policy)
    _expect(world, "the agent to explain the policy's reason for the decision", problem)


@then("the agent explains the reason more simply", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """After a question such as "why?", the reply gives the policy's clearer reason.

    Example: Then the agent explains the reason more simply
    """
    world = tactful_conversation
    problem = checks.explains_reason(world.last_turn, _conversation(world), world.policy, clearer=True)
    _expect(world, "the agent to explain the reason again, more simply", problem)


@then("the agent apologizes", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """The reply goes through *apologizing* and says sorry for the inconvenience.

    Example: Then the agent apologizes
    """
    _expect(tactful_conversation, "the agent to apologize", checks.apologizes(tactful_conversation.last_turn))


@then("the agent does not apologize", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """The reply neither goes through *apologizing* nor says sorry (nothing to apologize for).

    Example: Then the agent does not apologize
    """
    turn = tactful_conversation.last_turn
    problem = None if checks.apologizes(turn) is not None and not checks.APOLOGY.search(turn.text) else "it does"
    _expect(tactful_conversation, "no apology", problem)


@then("the agent offers {names:Texts}", section=SECTION)
def _(tactful_conversation: ConversationUnderTest, names: list[str]) -> None:
    """The reply offers each alternative named (title, id or synonym): a quick reply, and words describing it.

    Example: Then the agent offers "store credit" and "exchange"
    """
    world = tactful_conversation
    for name in names:
        problem = checks.offers_alternative(world.last_turn, _conversation(world), world.policy, name)
        _expect(world, f'the agent to offer "{name}"', problem)


@then('the agent does not offer "{name:Text}"', section=SECTION)
def _(tactful_conversation: ConversationUnderTest, name: str) -> None:
    """The reply has no quick reply for this alternative.

    Example: Then the agent does not offer "exchange"
    """
    world = tactful_conversation
    alternative = checks.find_alternative(_conversation(world), world.policy, name)
    payload = f"alternative:{alternative.id}" if alternative else None
    offered = any(q.payload == payload for q in world.last_turn.quick_replies)
    _expect(world, f'no offer of "{name}"', "there is a quick reply for it" if offered else None)


@then("the agent offers compensation", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """The reply makes the policy's goodwill offer, in its words, with buttons to accept or refuse.

    Example: Then the agent offers compensation
    """
    world = tactful_conversation
    problem = checks.offers_compensation(world.last_turn, _conversation(world), world.policy)
    _expect(world, "the agent to offer compensation", problem)


@then("the agent does not offer compensation", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """The reply makes no goodwill offer.

    Example: Then the agent does not offer compensation
    """
    offered = "offer_compensation" in tactful_conversation.last_turn.transitions
    _expect(tactful_conversation, "no offer of compensation", "the reply offers it" if offered else None)


@then('the agent asks for the "{fact:Text}"', section=SECTION)
def _(tactful_conversation: ConversationUnderTest, fact: str) -> None:
    """The agent asks for a missing fact (by name or label) with the policy's question, before deciding.

    Example: Then the agent asks for the "order number"
    """
    world = tactful_conversation
    problem = checks.asks_for_fact(world.last_turn, _conversation(world), world.policy, fact)
    _expect(world, f'the agent to ask for the "{fact}"', problem)


@then("the agent asks what the customer needs", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """The request is not clear yet, so the agent asks about it and offers the requests it can help with.

    Example: Then the agent asks what the customer needs
    """
    turn = tactful_conversation.last_turn
    asked = turn.transitions[-1:] == ["ask_request"] and any(q.payload.startswith("request:") for q in turn.quick_replies)
    _expect(tactful_conversation, "the agent to ask what the customer needs", None if asked else f"transitions {turn.transitions}")


@then("the agent stays calm", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """The reply passes the tone lint and has no exclamation mark.

    Example: Then the agent stays calm
    """
    world = tactful_conversation
    text = world.last_turn.text
    problems = lint(text, banned=world.policy.tone.banned_phrases)
    if "!" in text:
        problems.append("an exclamation mark")
    _expect(world, "a calm reply", "; ".join(problems) or None)


@then("the agent acknowledges the customer's frustration", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """The reply names the feeling or says sorry for it before anything else.

    Example: Then the agent acknowledges the customer's frustration
    """
    first = tactful_conversation.last_turn.messages[0]
    found = checks.FRUSTRATION.search(first)
    _expect(tactful_conversation, "the first message to acknowledge the frustration", None if found else repr(first))


@then("the agent sets a boundary", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """After abuse, the agent asks calmly to keep the chat respectful and stays where it was.

    Example: Then the agent sets a boundary
    """
    turn = tactful_conversation.last_turn
    problem = None
    if turn.transitions != ["abuse_boundary"]:
        problem = f"transitions {turn.transitions}, not a boundary"
    elif "respect" not in turn.text.lower():
        problem = "the reply does not ask to keep things respectful"
    _expect(tactful_conversation, "a calm boundary", problem)


@then("the quick replies are {titles:Texts}", section=SECTION)
def _(tactful_conversation: ConversationUnderTest, titles: list[str]) -> None:
    """Exactly these buttons, in this order.

    Example: Then the quick replies are "Store credit", "Exchange" and "No, thanks"
    """
    shown = [q.title for q in tactful_conversation.last_turn.quick_replies]
    same = [normalize(t) for t in shown] == [normalize(t) for t in titles]
    _expect(tactful_conversation, f"the quick replies {titles}", None if same else f"{shown}")


@then('the quick reply "{title:Text}" is offered', section=SECTION)
def _(tactful_conversation: ConversationUnderTest, title: str) -> None:
    """This button is among the quick replies.

    Example: Then the quick reply "Store credit" is offered
    """
    offered = tactful_conversation.last_turn.quick_replies
    shown = [q.title for q in offered]
    _expect(tactful_conversation, f'a quick reply "{title}"', None if find_quick_reply(offered, title) else f"{shown}")


@then('the quick reply "{title:Text}" is not offered', section=SECTION)
def _(tactful_conversation: ConversationUnderTest, title: str) -> None:
    """This button is not among the quick replies.

    Example: Then the quick reply "Exchange" is not offered
    """
    offered = tactful_conversation.last_turn.quick_replies
    _expect(tactful_conversation, f'no quick reply "{title}"', "it is offered" if find_quick_reply(offered, title) else None)


@then("there are no quick replies", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """The reply shows no buttons.

    Example: Then there are no quick replies
    """
    shown = [q.title for q in tactful_conversation.last_turn.quick_replies]
    _expect(tactful_conversation, "no quick replies", f"{shown}" if shown else None)


def _conversation(world: ConversationUnderTest) -> checks.Conversation:
    if world.conversation is None:  # pragma: no cover
        world.fail("a conversation", "none has started")
    return world.conversation
