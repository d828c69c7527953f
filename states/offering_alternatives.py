"""Offering alternatives: what the agent can do instead, framed positively, as quick replies."""

from __future__ import annotations

from states.common import COMMON_SAYS
from states.spec import StateSpec

SPEC = StateSpec(
    name="offering_alternatives",
    summary="Offers the alternatives (all together or one at a time) and waits for the customer's choice.",
    waits=True,
    says={
        "offer": "offer",
        "next_alternative": "offer_next",
        "hold_position": "hold_position",
        "unclear": "unclear",
        **COMMON_SAYS,
        "*": "resume",
    },
    templates={
        "offer": (
            "What I can do is offer you {{ offered }}. Would {{ 'one of these' if several else 'that' }} work for you?",
            "Here's what I can do instead: {{ offered }}. Would {{ 'either of those' if several else 'that' }} help?",
        ),
        "offer_next": (
            "I understand. Another option is {{ offered }}. Would that work for you?",
            "That's fine. What I can also do is offer {{ offered }}. Would that help?",
        ),
        "hold_position": (
            "I understand, and I'm sorry I can't change the answer on {{ request }}. "
            "What I can still do is offer {{ offered }}.",
            "I hear you, and I know it's disappointing. I'm not able to make an exception on {{ request }}, "
            "but I can offer {{ offered }}.",
        ),
        "unclear": (
            "Sorry, I didn't quite catch that. Would {{ offered }} work for you? You can pick an option below.",
            "I want to make sure I get this right. Would you like {{ offered }}? The buttons below work too.",
        ),
        "resume": (
            "Coming back to what I can do: {{ offered }}. Would {{ 'one of these' if several else 'that' }} help?",
            "So, what I can offer is {{ offered }}. Would {{ 'either of those' if several else 'that' }} work for you?",
        ),
    },
    buttons={"*": "alternatives"},
)
