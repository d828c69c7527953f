"""Offering alternatives: what the agent can do instead, framed positively, as quick replies."""

from __future__ import annotations

from states.common import COMMON_SAYS, EMPATHIZE_AFTER_REFUSAL
from states.spec import StateSpec

SPEC = StateSpec(
    name="offering_alternatives",
    summary="Offers the alternatives (together or one at a time), answers questions about them, waits for a choice.",
    waits=True,
    says={
        "offer": "offer",
        "next_alternative": "offer_next",
        "offer_more": "offer_more",
        "reoffer_rest": "offer_rest",
        "which_one": "which",
        "answer_about": "about",
        "not_on_offer": "not_offered",
        "refer_request": "refer",
        "hold_position": "hold_position",
        "acknowledge": "acknowledge",
        "empathize": "empathize",
        "unclear": "unclear",
        "noted_facts": "noted",
        "no_goodwill": "no_goodwill",
        "withdraw_handoff": "withdrawn",
        **COMMON_SAYS,
        "*": "resume",
    },
    templates={
        "refer": (
            "{% if turned_down %}That's fine. {% endif %}{% if beside_request == 'refund' %}A refund{% elif "
            "beside_request == 'cancel' %}Cancelling{% else %}That{% endif %} isn't something I can do from here, "
            "I'm afraid, but a colleague can look into it. Shall I pass you to one?",
            "{% if turned_down %}I understand. {% endif %}I can't arrange {% if beside_request == 'refund' %}a refund"
            "{% elif beside_request == 'cancel' %}the cancellation{% else %}that{% endif %} from here, but a colleague "
            "can. Would you like me to pass you to one?",
        ),
        "no_goodwill": (
            "{% if compensation_offered %}The goodwill gesture I can make is the one from earlier "
            "({{ compensation }}), and I can't add more on top, I'm afraid.{% else %}I'm sorry, a discount or "
            "goodwill gesture isn't something I can give here.{% endif %} What I can still offer is {{ offered }}. "
            "Would {{ 'either' if several else 'that' }} help?",
            "{% if compensation_offered %}The goodwill gesture from earlier ({{ compensation }}) is as far as I can "
            "go, I'm afraid.{% else %}I understand, but a goodwill gesture isn't something I can offer here, I'm "
            "afraid.{% endif %} The offer of {{ offered }} still stands, if {{ 'either' if several else 'it' }} "
            "helps.",
        ),
        "withdrawn": (
            "{% if in_hours %}No problem, I'll let my colleague know they don't need to join."
            "{% else %}No problem, then there's no need for a callback.{% endif %}",
            "{% if in_hours %}Of course. I've told my colleague there's no need to pick this up."
            "{% else %}Of course, we'll leave the callback.{% endif %}",
        ),
        "offer": (
            "{% if offered_anyway %}I know it's not what you're after, but what I can offer is {{ offered }}. "
            "Would {{ 'either' if several else 'that' }} be any help?{% elif unoffered %}The {{ unoffered }} isn't "
            "something I can offer in this case, but I can offer {{ offered }}. Would "
            "{{ 'either' if several else 'that' }} help?{% else %}What I can do is offer {{ offered }}. "
            "Would {{ 'either' if several else 'that' }} help?{% endif %}"
            "{% if queued %} After that, I'll look at {{ queued }}.{% endif %}",
            "{% if offered_anyway %}I know you'd rather not, but I can still offer {{ offered }}, in case "
            "{{ 'either' if several else 'it' }} changes your mind.{% elif unoffered %}I'm afraid the "
            "{{ unoffered }} isn't one of the options here. I can offer {{ offered }} instead. Would "
            "{{ 'one of these' if several else 'that' }} work?"
            "{% else %}I can offer {{ offered }} instead. Would {{ 'one of these' if several else 'that' }} work?"
            "{% endif %}{% if queued %} Then I'll look at {{ queued }}.{% endif %}",
        ),
        "offer_next": (
            "I understand. Another option is {{ offered }}. Would that work for you?",
            "That's fine. I can also offer {{ offered }}. Would that help?",
        ),
        "offer_more": (
            "There's also {{ offered }}. Would that suit you better?",
            "I can also offer {{ offered }}, if you'd prefer that.",
        ),
        "offer_rest": (
            "{% if insisted and not request_assumed %}I'm sorry, I can't change the answer on {{ request }}."
            "{% elif hard_times %}I'm sorry to hear that.{% elif complained or insisted %}I hear you.{% else %}"
            "No problem.{% endif %} That still leaves {{ offered }}. Would that suit you?",
            "{% if insisted and not request_assumed %}I'm sorry, {{ request }} isn't something I can do here."
            "{% elif hard_times %}I'm sorry to hear that.{% elif complained or insisted %}I understand.{% else %}"
            "That's fine.{% endif %} Would {{ offered }} work for you instead?",
            "{% if insisted and not request_assumed %}I'm sorry I can't do {{ request }}, but{% elif hard_times %}"
            "I'm sorry to hear that.{% elif complained or insisted %}Fair enough.{% else %}Understood.{% endif %} I "
            "can still offer {{ offered }}, if that helps.",
        ),
        "which": (
            "{% if asked_for_all %}I'm afraid it's one or the other. {% elif complained %}All right. {% else %}"
            "Happy to. {% endif %}Which would you like: the {{ choices }}?",
            "{% if asked_for_all %}I can only set up one of them, I'm afraid. Which would you prefer: the "
            "{{ choices }}?{% else %}Of course. Just to check, do you mean the {{ choices }}?{% endif %}",
            "{% if asked_for_all %}It has to be one of them, I'm afraid. {% elif complained %}Understood. "
            "{% else %}Glad to. {% endif %}Which one shall I set up: the {{ choices }}?",
        ),
        "about": (
            "{% if more_asked and request_assumed %}{{ 'These are the options' if several else 'This is what' }} I "
            "can offer. {% elif more_asked %}{{ 'These are the options' if several else 'This is what' }} I can offer "
            "instead of {{ request }}, I'm afraid. {% elif complained %}I understand it's not what you asked for. "
            "{% endif %}"
            "{{ details }} Would you like the {{ about }}?",
            "{% if more_asked and request_assumed %}{{ 'These are' if several else 'This is' }} what I can do. "
            "{% elif more_asked %}I'm afraid {{ 'these are' if several else 'this is' }} what I have instead of "
            "{{ request }}. {% elif complained %}I hear you. {% elif questioned %}Good question. {% endif %}"
            "{{ details }} Shall I go ahead with the {{ about }}?",
            "{% if more_asked and request_assumed %}{{ 'These are the options' if several else 'This is what' }} I "
            "can offer. {% elif more_asked %}{{ 'These are the options' if several else 'This is what' }} I can offer "
            "instead of {{ request }}, I'm afraid. {% elif complained %}I know it's not what you wanted. {% endif %}"
            "{{ details }} Would the {{ about }} suit you?",
        ),
        "not_offered": (
            "I'm sorry, the {{ unoffered }} isn't something I can offer in this case. What I can offer is "
            "{{ offered }}. Would {{ 'either' if several else 'that' }} help?",
            "I'm afraid the {{ unoffered }} isn't one of the options here. I can offer {{ offered }}. Would "
            "{{ 'one of these' if several else 'that' }} work for you?",
        ),
        "hold_position": (
            "{% if hard_times and not request_assumed %}I'm sorry to hear that, and thank you for telling me. "
            "It doesn't change the answer on {{ request }}, I'm afraid, but {{ offered }} may help.{% elif "
            "request_assumed %}I understand, and I'm sorry for the trouble. What I can do is {{ offered }}. "
            "Would {{ 'either' if several else 'that' }} help?{% else %}I understand, and I'm sorry I can't change "
            "the answer on {{ request }}. What I can still offer is {{ offered }}.{% endif %}",
            "{% if hard_times and not request_assumed %}I'm sorry, that sounds hard. I can't make an exception "
            "on {{ request }} for it, but I can offer {{ offered }}, which may help.{% elif request_assumed %}I hear "
            "you, and I'm sorry. I can put it right with {{ offered }}. Which would "
            "you like?{% else %}I'm sorry, I know it's disappointing. I can't make an exception on {{ request }}, "
            "but I can offer {{ offered }}.{% endif %}",
            "{% if hard_times and not request_assumed %}I'm sorry to hear that. The answer on {{ request }} has "
            "to stay the same, but the offer of {{ offered }} is still open, and may help.{% elif request_assumed %}"
            "I'm sorry about this. The offer of {{ offered }} is there for you whenever "
            "you're ready.{% else %}I'm sorry, the answer on {{ request }} has to stay the same. The offer of "
            "{{ offered }} is still open.{% endif %}",
        ),
        "empathize": EMPATHIZE_AFTER_REFUSAL,
        "acknowledge": (
            "{% if thanked %}You're welcome. {% elif acknowledged and request_assumed %}All right. "
            "{% elif acknowledged %}Thanks for understanding. {% endif %}Would {{ offered }} work for you?",
            "{% if thanked %}My pleasure. {% elif acknowledged and request_assumed %}Sure. "
            "{% elif acknowledged %}I appreciate your understanding. {% endif %}Shall I go ahead with {{ offered }}?",
            "{% if thanked %}No problem at all. {% elif acknowledged and request_assumed %}Of course. "
            "{% elif acknowledged %}Thank you, I know it's not what you hoped for. {% endif %}Just let me know if "
            "you'd like {{ offered }}.",
        ),
        "noted": (
            "{% if done_for %}{{ done_for }} "
            "{% if order_id %}For order {{ order_id }}, would{% else %}Would{% endif %} {{ offered }} work for you?"
            "{% elif noted_for and noted_for != request %}Thanks, I've noted that for {{ noted_for }}. First, would "
            "{{ offered }} work for {{ request }}?"
            "{% elif queued %}Noted, I'll look at {{ queued }} next. First, would {{ offered }} work for "
            "{{ request }}?{% elif pressed %}I hear you, and I'm sorry it's not the answer you wanted. I did take "
            "that into account, and what I can offer is {{ offered }}. Would "
            "{{ 'one of those' if several else 'that' }} work for you?"
            "{% elif fact_put_right and reason %}Thanks for putting that right. {{ reason }} Would {{ offered }} "
            "work for you?"
            "{% elif repeated and hard_times and circumstance_told %}I'm so sorry, I know things are hard right "
            "now. I can't change the answer, but would {{ offered }} help a little?"
            "{% elif repeated %}I have that noted, thank you. Would {{ offered }} work for you?"
            "{% elif unanswered %}That one isn't something I can help with from here, but a colleague can look into "
            "it: just ask if you'd like one. For {{ request }}, would {{ offered }} work for you?"
            "{% elif exception %}"
            "Thanks, I've noted that. Would {{ offered }} work for you?{% else %}{% if hard_times %}I'm sorry to "
            "hear that, and thank you for telling me{% else %}Thanks for telling me{% endif %}. That doesn't change "
            "the answer{% if request_named %} on {{ request }}{% endif %}, I'm "
            "afraid. Would {{ offered }} work for you?{% endif %}",
            "{% if done_for %}{{ done_for }} "
            "{% if order_id %}For order {{ order_id }}, {% else %}For the rest, {% endif %}{{ offered }} "
            "{{ 'are' if several else 'is' }} "
            "still open to you."
            "{% elif noted_for and noted_for != request %}Thank you, that's noted for {{ noted_for }}. For "
            "{{ request }}, {{ offered }} {{ 'are' if several else 'is' }} still open to you."
            "{% elif queued %}Thank you, {{ queued }} is next. For {{ request }}, {{ offered }} "
            "{{ 'are' if several else 'is' }} still open to you.{% elif pressed %}I understand, and I'm sorry. That "
            "was part of what I looked at, and what I can offer you is {{ offered }}. Just say if you'd like "
            "{{ 'one of them' if several else 'it' }}."
            "{% elif fact_put_right and reason %}Thank you, I've updated that. {{ reason }} "
            "{{ offered[:1]|upper }}{{ offered[1:] }} {{ 'are' if several else 'is' }} still open to you."
            "{% elif repeated and hard_times and circumstance_told %}I'm really sorry things are so hard. I can't "
            "change the answer, but {{ offered }} {{ 'are' if several else 'is' }} still open to you, if "
            "{{ 'either' if several else 'it' }} would help.{% elif repeated %}I understand. You can still have "
            "{{ offered }}, whenever you're ready.{% elif unanswered %}I can't help with that one here, I'm afraid, "
            "but a colleague can if you ask for one. For {{ request }}, {{ offered }} {{ 'are' if several else 'is' }} "
            "still open to you.{% elif exception %}Thank you, I've noted that. "
            "{{ offered[:1]|upper }}{{ offered[1:] }} {{ 'are' if several else 'is' }} ready for you whenever you'd "
            "like.{% else %}{% if hard_times %}I'm sorry to hear that, and I've noted it{% else %}Thank you, "
            "I've noted that{% endif %}. It doesn't change what I can do{% if request_named %} on {{ request }}"
            "{% endif %}, but "
            "{{ offered }} {{ 'are' if several else 'is' }} still open to you.{% endif %}",
        ),
        "unclear": (
            "{% if other_language and level >= 2 %}I'm sorry, I can only help in English here. "
            "{{ other_language }} A colleague may be able to help: would you like me to pass you to one? "
            "{{ other_language_person }}"
            "{% elif level >= 4 %}Would it help to talk to a colleague? Just say yes and I'll pass this on."
            "{% elif level == 3 %}I'm sorry, I'm not getting this right. Would you like me to pass you to a "
            "colleague?"
            "{% elif level == 2 and not unanswered %}Sorry, I still didn't follow. You can pick an option below."
            "{% else %}"
            "{% if other_language %}I'm sorry, I can only help in English here. {{ other_language }}"
            "{% elif unanswered %}That's not something I can help with from here.{% elif said_sorry %}No problem "
            "at all.{% elif remark %}I see, thank you for telling me.{% else %}Sorry, I didn't quite catch that."
            "{% endif %} Would {{ offered }} work for you? "
            "The buttons below work too."
            "{% endif %}",
            "{% if other_language and level >= 2 %}I'm sorry, I can only help in English here. "
            "{{ other_language }} A colleague may be able to help: would you like me to pass you to one? "
            "{{ other_language_person }}"
            "{% elif level >= 4 %}If you'd rather talk it through with a person, I can pass you to a colleague."
            "{% elif level == 3 %}I don't want to keep you going round in circles. Shall I pass you to a "
            "colleague?"
            "{% elif level == 2 and not unanswered %}Let me make it easier: just tap one of the options below."
            "{% else %}"
            "{% if other_language %}I'm sorry, I can only help in English here. {{ other_language }}"
            "{% elif unanswered %}I can't help with that one from here.{% elif said_sorry %}Don't worry at all."
            "{% elif remark %}I understand.{% else %}I want to make sure I get this right.{% endif %} Would you like "
            "{{ offered }}? The buttons below work too."
            "{% endif %}",
        ),
        "resume": (
            "Coming back to what I can do: {{ offered }}. Would {{ 'one of these' if several else 'that' }} help?",
            "So, what I can offer is {{ offered }}. Would {{ 'either of those' if several else 'that' }} work?",
            'The offer still stands: {{ offered }}. {{ "Just say which you\'d like." if several else '
            "'Just say if you would like it.' }}",
        ),
    },
    buttons={"*": "alternatives", "unclear": "repair"},
)
