"""How a question asked beside what a message does is handed to the reply, in ``Signals.slots["aside"]``.

"Refund please, and how long do refunds take?" asks about the policy's rules: the slot holds
:data:`ASKS_RULES` and the question's canonical words, so the reply can answer from what the policy
says. "Refund please. Do I need the original box?" asks something nothing was read in: the slot holds
only :data:`ASKS_OTHER` (the customer's words are not kept), and the reply says it cannot answer it.
"""

from __future__ import annotations

ASKS_RULES = "rules:"
"""How an aside question about the policy's rules begins, before its canonical words."""
ASKS_OTHER = "other:"
"""An aside question nothing was read in."""


def aside_question(slot: str) -> str | None:
    """The canonical words of an aside question about the rules, or ``None`` for any other aside."""
    kind, _, words = slot.partition(" ")
    return words if kind == ASKS_RULES and words else None
