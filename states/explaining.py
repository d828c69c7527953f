"""Explaining: give the reason for the decision in plain words, and a clearer one when asked why."""

from __future__ import annotations

from states.spec import StateSpec

SPEC = StateSpec(
    name="explaining",
    summary="Gives the reason in plain words; on 'why?' gives a clearer explanation, then the flow resumes.",
    waits=False,
    says={"decline": "reason", "*": "clearer"},
    templates={
        "reason": (
            "I've checked{% if order_id %} order {{ order_id }}{% else %} this for you{% endif %}. {{ reason }}",
            "Thanks for your patience while I looked into this. {{ reason }}",
        ),
        "clearer": (
            "That's a fair question. {{ clearer_reason }}",
            "Of course, let me put it more simply. {{ clearer_reason }}",
        ),
    },
)
