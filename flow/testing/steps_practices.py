"""Then steps about the practices of a polite refusal: did the reply thank, explain, apologize, offer?

Each step checks both the states the turn went through and the words the customer read (see
:mod:`flow.testing.checks`), so a reply cannot pass by landing in the right state with the wrong words.
"""

from __future__ import annotations

from flow.testing import checks
from flow.testing.assertions import expect
from flow.testing.catalog import then
from flow.testing.world import ConversationUnderTest
from flow.tone import lint

SECTION = "Checking what the reply does for the customer"


@then("the agent thanks the customer", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """The reply thanks the customer (thanks, thank you, appreciate…).

    Example: Then the agent thanks the customer
    """
    expect(tactful_conversation, "the agent to thank the customer", checks.thanks(tactful_conversation.last_turn))


@then("the agent thanks the customer first", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """The reply's first message thanks the customer, before anything else is said.

    Example: Then the agent thanks the customer first
    """
    problem = checks.thanks(tactful_conversation.last_turn, first=True)
    expect(tactful_conversation, "the first thing the agent says to be thanks", problem)


@then("the agent acknowledges the concern", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """The reply shows the request was heard: it names the request (as the policy titles it) or says it understands.

    Example: Then the agent acknowledges the concern
    """
    world = tactful_conversation
    problem = checks.acknowledges(world.last_turn, world.require_conversation(), world.policy)
    expect(world, "the agent to acknowledge the customer's concern", problem)


@then("the agent explains the reason", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """The reply declines, going through *explaining*, and gives the policy's reason with the facts filled in.

    Example: Then the agent explains the reason
    """
    world = tactful_conversation
    problem = checks.explains_reason(world.last_turn, world.require_conversation(), world.policy)
    expect(world, "the agent to explain the policy's reason for the decision", problem)


@then("the agent explains the reason more simply", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """After a question such as "why?", the reply gives the policy's clearer reason.

    Example: Then the agent explains the reason more simply
    """
    world = tactful_conversation
    problem = checks.explains_reason(world.last_turn, world.require_conversation(), world.policy, clearer=True)
    expect(world, "the agent to explain the reason again, more simply", problem)


@then("the agent apologizes", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """The reply goes through *apologizing* and says sorry for the inconvenience.

    Example: Then the agent apologizes
    """
    expect(tactful_conversation, "the agent to apologize", checks.apologizes(tactful_conversation.last_turn))


@then("the agent does not apologize", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """The reply neither goes through *apologizing* nor says sorry (nothing to apologize for).

    Example: Then the agent does not apologize
    """
    turn = tactful_conversation.last_turn
    problem = None if checks.apologizes(turn) is not None and not checks.APOLOGY.search(turn.text) else "it does"
    expect(tactful_conversation, "no apology", problem)


@then("the agent offers {names:Texts}", section=SECTION)
def _(tactful_conversation: ConversationUnderTest, names: list[str]) -> None:
    """The reply offers each alternative named (title, id or synonym): a quick reply, and words describing it.

    Example: Then the agent offers "store credit" and "exchange"
    """
    world = tactful_conversation
    for name in names:
        problem = checks.offers_alternative(world.last_turn, world.require_conversation(), world.policy, name)
        expect(world, f'the agent to offer "{name}"', problem)


@then('the agent does not offer "{name:Text}"', section=SECTION)
def _(tactful_conversation: ConversationUnderTest, name: str) -> None:
    """The reply has no quick reply for this alternative.

    Example: Then the agent does not offer "exchange"
    """
    world = tactful_conversation
    alternative = checks.find_alternative(world.require_conversation(), world.policy, name)
    payload = f"alternative:{alternative.id}" if alternative else None
    offered = any(q.payload == payload for q in world.last_turn.quick_replies)
    expect(world, f'no offer of "{name}"', "there is a quick reply for it" if offered else None)


@then("the agent offers compensation", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """The reply makes the policy's goodwill offer, in its words, with buttons to accept or refuse.

    Example: Then the agent offers compensation
    """
    world = tactful_conversation
    problem = checks.offers_compensation(world.last_turn, world.require_conversation(), world.policy)
    expect(world, "the agent to offer compensation", problem)


@then("the agent does not offer compensation", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """The reply makes no goodwill offer.

    Example: Then the agent does not offer compensation
    """
    offered = "offer_compensation" in tactful_conversation.last_turn.transitions
    expect(tactful_conversation, "no offer of compensation", "the reply offers it" if offered else None)


@then('the agent asks for the "{fact:Text}"', section=SECTION)
def _(tactful_conversation: ConversationUnderTest, fact: str) -> None:
    """The agent asks for a missing fact (by name or label) with the policy's question, before deciding.

    Example: Then the agent asks for the "order number"
    """
    world = tactful_conversation
    problem = checks.asks_for_fact(world.last_turn, world.require_conversation(), world.policy, fact)
    expect(world, f'the agent to ask for the "{fact}"', problem)


@then("the agent asks what the customer needs", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """The request is not clear yet, so the agent asks about it and offers the requests it can help with.

    Example: Then the agent asks what the customer needs
    """
    turn = tactful_conversation.last_turn
    asked = turn.transitions[-1:] == ["ask_request"] and any(
        q.payload.startswith("request:") for q in turn.quick_replies
    )
    expect(
        tactful_conversation,
        "the agent to ask what the customer needs",
        None if asked else f"transitions {turn.transitions}",
    )


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
    expect(world, "a calm reply", "; ".join(problems) or None)


@then("the agent acknowledges the customer's frustration", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """The reply names the feeling or says sorry for it before anything else it says (after a greeting).

    Example: Then the agent acknowledges the customer's frustration
    """
    messages = tactful_conversation.last_turn.messages
    opening = messages[:2] if messages and checks.GREETING.search(messages[0]) else messages[:1]
    found = any(checks.FRUSTRATION.search(message) for message in opening)
    expect(tactful_conversation, "the reply to acknowledge the frustration first", None if found else repr(opening))


@then("the agent sets a boundary", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """After abuse, the agent asks calmly to keep the chat respectful: staying where it was, or, when the
    abusive message also completed the request, saying so before the decision.

    Example: Then the agent sets a boundary
    """
    turn = tactful_conversation.last_turn
    problem = None
    if turn.transitions[-1:] != ["abuse_boundary"] and not (turn.signals is not None and turn.signals.abusive):
        problem = f"transitions {turn.transitions}, not a boundary"
    elif "respect" not in turn.text.lower():
        problem = "the reply does not ask to keep things respectful"
    expect(tactful_conversation, "a calm boundary", problem)


@then("the agent does not set a boundary", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """The agent takes the message as frustration: no boundary, no request to keep things respectful.

    Example: Then the agent does not set a boundary
    """
    turn = tactful_conversation.last_turn
    problem = None
    if "abuse_boundary" in turn.transitions or "abuse_close" in turn.transitions:
        problem = f"transitions {turn.transitions}"
    elif "respect" in turn.text.lower():
        problem = "the reply asks to keep things respectful"
    expect(tactful_conversation, "no boundary", problem)


@then("the reply opens with a greeting", section=SECTION)
def _(tactful_conversation: ConversationUnderTest) -> None:
    """The reply's first words greet the customer (hi, hello, good morning…), before anything else.

    Example: Then the reply opens with a greeting
    """
    text = tactful_conversation.last_turn.text.lstrip()
    opening = text.split("\n", 1)[0][:60]
    expect(tactful_conversation, "a greeting first", None if checks.GREETING.search(text) else f"it opens {opening!r}")
