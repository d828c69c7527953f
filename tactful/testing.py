"""Writing your own steps and rules for tactful's Gherkin step library (needs ``tactful[testing]``).

>>> from tactful.testing import DEFAULT_MONITORS, Monitor, alias, then

The same names as :mod:`flow.testing`, where the library lives.
"""

from __future__ import annotations

from flow.extras import require

require("testing", what="tactful.testing")

from flow.testing import (  # noqa: E402
    DEFAULT_MONITORS,
    ConversationAssertionError,
    ConversationUnderTest,
    Exchange,
    Monitor,
    alias,
    conversation_id_for,
    given,
    then,
    when,
)

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
