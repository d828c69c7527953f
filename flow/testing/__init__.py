"""Testing conversations: a pytest-bdd step library, politeness monitors, coverage and generated scenarios.

Installing tactful installs the pytest plugin (:mod:`flow.testing.plugin`), so a project's
``.feature`` files can use every step with one ``scenarios(...)`` call. To write project steps, use
the same decorators the library uses, and the conversation under test they receive::

    from flow.testing import ConversationUnderTest, then

    @then("the agent mentions our app")
    def _(tactful_conversation: ConversationUnderTest) -> None:
        \"\"\"The reply points to the app.

        Example: Then the agent mentions our app
        \"\"\"
        if "app" not in tactful_conversation.last_turn.text:
            tactful_conversation.fail("a mention of the app", "none")
"""

from __future__ import annotations

from flow.testing.catalog import alias, given, then, when
from flow.testing.monitors import DEFAULT_MONITORS, Monitor
from flow.testing.record import ConversationAssertionError, Exchange
from flow.testing.world import ConversationUnderTest, conversation_id_for

__all__ = [
    "DEFAULT_MONITORS",
    "ConversationAssertionError",
    "ConversationUnderTest",
    "Exchange",
    "Monitor",
    "alias",
    "conversation_id_for",
    "given",
    "then",
    "when",
]
