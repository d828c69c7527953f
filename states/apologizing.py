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
            "{% if exception %}I'm sorry for the trouble it's caused.{% elif hard_times %}I'm sorry to hear that, "
            "and I'm sorry I can't do more.{% elif trouble_told %}Thank you for telling "
            "me what happened, and I'm sorry I can't do more.{% else %}I'm sorry, I know that's "
            "disappointing.{% endif %}",
            "{% if exception %}I'm sorry you've had this problem.{% elif hard_times %}I'm sorry about what you're "
            "going through, and that this isn't the answer you hoped for.{% elif trouble_told %}Thanks for "
            "explaining, and I'm sorry it's not the answer you hoped for.{% else %}I'm sorry about this.{% endif %}",
            "{% if exception %}I'm sorry it's let you down.{% elif hard_times %}That sounds really hard, and I'm "
            "sorry it's not better news.{% elif trouble_told %}I understand what happened, and "
            "I'm sorry it's not better news.{% else %}I'm sorry it's not better news.{% endif %}",
        ),
    },
)
