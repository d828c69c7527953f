"""Compensation: a goodwill offer for an eligible customer, made at most once."""

from __future__ import annotations

from states.common import COMMON_SAYS
from states.spec import StateSpec

SPEC = StateSpec(
    name="compensation",
    summary="Offers the policy's goodwill compensation when the customer is eligible, once per conversation.",
    waits=True,
    says={
        "offer_compensation": "offer",
        "hold_position": "hold_position",
        "unclear": "unclear",
        **COMMON_SAYS,
        "*": "resume",
    },
    templates={
        "offer": (
            "I understand. As a thank-you for your patience, I'd like to offer you {{ compensation }}. "
            "Would you like that?",
            "I appreciate you bearing with me. What I can do is give you {{ compensation }}. Shall I set that up?",
        ),
        "hold_position": (
            "I understand, and I'm sorry I can't do {{ request }} here. "
            "The offer of {{ compensation }} still stands, if you'd like it.",
        ),
        "unclear": (
            "Sorry, I didn't quite follow. Would you like {{ compensation }}? You can answer with the buttons below.",
        ),
        "resume": ("So, would you like {{ compensation }}?",),
    },
    buttons={"*": "yes_no"},
)
