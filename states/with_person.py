"""With a person: someone from the team talks with the customer, and the agent says nothing until they hand back."""

from __future__ import annotations

from states.spec import StateSpec

SPEC = StateSpec(
    name="with_person",
    summary="A person has taken over; customer messages go to them, and the agent stays quiet.",
    waits=True,
    says={"*": "joined"},
    templates={
        "joined": ("You're now chatting with {{ person }} from our team.",),
    },
    silent=frozenset({"customer_to_person"}),
)
