"""Explaining: give the reason for the decision in plain words; asked why again, a clearer reason, then
the reason behind the rule, then the offer of a person who can look at it."""

from __future__ import annotations

from states.spec import StateSpec

SPEC = StateSpec(
    name="explaining",
    summary="Gives the reason in plain words; each 'why?' gets a clearer reason, the rationale, then a person.",
    waits=False,
    says={"decline": "reason", "*": "clearer"},
    templates={
        "reason": ("{% if said_sorry and not said_already %}That's quite all right. {% endif %}{{ reason }}",),
        "clearer": (
            "{% if why_level >= 3 %}I've told you all I can about why. If you'd like, a colleague can look at it "
            "with you.{% elif why_level == 2 %}{{ rationale }}{% else %}{% if questioned %}That's a fair question."
            "{% else %}I understand.{% endif %} {{ clearer_reason }}"
            "{% endif %}",
            "{% if why_level >= 3 %}I understand you'd like more than I can give. A colleague can go through it "
            "with you if you'd like.{% elif why_level == 2 %}Here's the thinking behind it. {{ rationale }}"
            "{% else %}{% if not questioned %}I understand. {% endif %}Let me put it more simply. {{ clearer_reason }}"
            "{% endif %}",
        ),
    },
)
