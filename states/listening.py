"""Listening: thank the customer, acknowledge the concern, and gather the facts the decision needs."""

from __future__ import annotations

from states.common import COMMON_SAYS
from states.spec import StateSpec

SPEC = StateSpec(
    name="listening",
    summary="Thanks the customer, acknowledges the concern and asks for any missing fact.",
    waits=True,
    says={
        "start": "welcome",
        "ask_fact": "ask_fact",
        "ask_request": "ask_request",
        **COMMON_SAYS,
        "*": "ask_request",
    },
    templates={
        "welcome": (
            "Thanks for getting in touch{% if customer_name %}, {{ customer_name }}{% endif %}. "
            "{% if request %}I understand you'd like {{ request }}"
            "{% if order_id %} for order {{ order_id }}{% endif %}, and I'm here to help."
            "{% else %}I'm {{ agent_name }} from {{ company }}, and I'm here to help.{% endif %}",
            "Hi{% if customer_name %} {{ customer_name }}{% endif %}, thank you for reaching out to {{ company }}. "
            "{% if request %}I see you're asking about {{ request }}"
            "{% if order_id %} for order {{ order_id }}{% endif %}, and I'll look into it now."
            "{% else %}I'm {{ agent_name }}. How can I help today?{% endif %}",
        ),
        "ask_fact": (
            "{{ question }}",
            "Thanks. {{ question }}",
        ),
        "ask_request": (
            "{% if intent == 'complaint' %}I'm sorry to hear that. {% endif %}"
            "Could you tell me a little more about what you need? I can help with {{ requests }}.",
            "{% if intent == 'complaint' %}I'm sorry about that. {% endif %}"
            "So I can help, could you tell me what you'd like to do? For example, {{ requests }}.",
        ),
    },
    buttons={"ask_request": "requests", "start": "none", "ask_fact": "yes_no"},
)
