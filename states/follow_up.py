"""Follow-up: confirm what happens next, schedule a check-in, and stay open for anything else."""

from __future__ import annotations

from states.common import COMMON_SAYS
from states.spec import StateSpec

SPEC = StateSpec(
    name="follow_up",
    summary="Confirms the resolution, says what happens next and when the agent will check in.",
    waits=True,
    says={
        "accept_alternative": "alternative_set_up",
        "accept_compensation": "compensation_set_up",
        "check_in": "check_in",
        "hand_back": "handed_back",
        **COMMON_SAYS,
        "*": "anything_else",
    },
    templates={
        "alternative_set_up": (
            "Great, I've arranged your {{ chosen }}{% if order_id %} for order {{ order_id }}{% endif %}. "
            "You'll get an email to confirm it. I'll check in with you {{ follow_up_when }} to make sure "
            "everything is sorted. Is there anything else I can help with?",
            "Thank you. Your {{ chosen }} is all set{% if order_id %} for order {{ order_id }}{% endif %}, "
            "and you'll get an email to confirm it. I'll check back {{ follow_up_when }}. "
            "Is there anything else you need?",
        ),
        "compensation_set_up": (
            "Done. I've added {{ compensation }} to your account, reference {{ compensation_reference }}. "
            "I'll check in with you {{ follow_up_when }}. Is there anything else I can help with?",
        ),
        "check_in": ("{{ follow_up_text }}",),
        "handed_back": (
            "Thanks for your patience{% if customer_name %}, {{ customer_name }}{% endif %}. I'm back with you now. "
            "Is there anything else I can help with?",
        ),
        "anything_else": (
            "Happy to help. Is there anything else you need today?",
            "Is there anything else I can help you with?",
        ),
    },
    buttons={"check_in": "satisfaction", "*": "done"},
)
