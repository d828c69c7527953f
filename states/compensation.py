"""Compensation: a goodwill offer for an eligible customer, made at most once."""

from __future__ import annotations

from states.common import COMMON_SAYS, EMPATHIZE_AFTER_REFUSAL
from states.spec import StateSpec

SPEC = StateSpec(
    name="compensation",
    summary="Offers the policy's goodwill compensation when the customer is eligible, once per conversation.",
    waits=True,
    says={
        "offer_compensation": "offer",
        "answer_about": "about",
        "hold_position": "hold_position",
        "acknowledge": "acknowledge",
        "empathize": "empathize",
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
        "about": (
            "{% if about %}{{ details }} Would you like the {{ about }} after all, or {{ compensation }}?"
            "{% else %}{% if complained %}I'm sorry it isn't more. {% endif %}{% if details %}{{ details }} "
            "{% endif %}It's {{ compensation }}. Would you like it?{% endif %}",
            "{% if about %}{% if questioned %}Good question. {% endif %}{{ details }} Shall I set up the {{ about }}, "
            "or would you rather have {{ compensation }}?"
            "{% else %}{% if complained %}I know it isn't what you hoped for. {% elif questioned %}Good question. "
            "{% endif %}It's {{ compensation }}, added to your account straight away. Shall I set it up?{% endif %}",
        ),
        "hold_position": (
            "I understand, and I'm sorry I can't do {{ request }} here. "
            "The offer of {{ compensation }} still stands, if you'd like it.",
            "I hear you. I'm not able to change the answer on {{ request }}, but {{ compensation }} is yours if you "
            "want it.",
        ),
        "empathize": EMPATHIZE_AFTER_REFUSAL,
        "acknowledge": (
            "{% if thanked %}You're welcome. {% endif %}Would you like {{ compensation }}?",
            "{% if thanked %}My pleasure. {% endif %}Shall I add {{ compensation }} for you?",
        ),
        "unclear": (
            "{% if other_language and level >= 2 %}I'm sorry, I can only help in English here. "
            "{{ other_language }} A colleague may be able to help: would you like me to pass you to one? "
            "{{ other_language_person }}"
            "{% elif level >= 4 %}Would it help to talk to a colleague? Just say yes and I'll pass this on."
            "{% elif level == 3 %}I'm sorry, I'm not getting this right. Would you like me to pass you to a "
            "colleague?"
            "{% else %}Sorry, I didn't quite follow. Would you like {{ compensation }}? The buttons below work "
            "too.{% endif %}",
            "{% if other_language and level >= 2 %}I'm sorry, I can only help in English here. "
            "{{ other_language }} A colleague may be able to help: would you like me to pass you to one? "
            "{{ other_language_person }}"
            "{% elif level >= 4 %}If you'd rather talk it through with a person, I can pass you to a colleague."
            "{% elif level == 3 %}"
            "Shall I pass you to a colleague, so someone can help you directly?{% else %}"
            "I want to get this right. Shall I add {{ compensation }} for you?{% endif %}",
        ),
        "resume": (
            "So, would you like {{ compensation }}?",
            "The offer of {{ compensation }} still stands. Shall I set it up?",
        ),
    },
    buttons={"*": "yes_no", "unclear": "repair"},
)
