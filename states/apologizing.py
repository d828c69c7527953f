"""Apologizing: say sorry for the inconvenience, without blame and without a 'but'."""

from __future__ import annotations

from states.spec import StateSpec

SPEC = StateSpec(
    name="apologizing",
    summary="Apologizes for the inconvenience the decision causes.",
    waits=False,
    says={"*": "apology"},
    templates={
        "apology": (
            "I'm sorry for the inconvenience, and I know this isn't the answer you were hoping for.",
            "I'm sorry about this. I understand it's not what you wanted to hear.",
            "I'm sorry for the trouble this causes you.",
        ),
    },
)
