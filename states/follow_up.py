"""Follow-up: confirm the resolution, say what happens next, and stay open for anything else."""

from __future__ import annotations

from states.common import COMMON_SAYS
from states.spec import StateSpec

SPEC = StateSpec(
    name="follow_up",
    summary="Confirms the resolution, says what happens next and when the agent will check in.",
    waits=True,
    says={
        "approve": "approved",
        "accept_alternative": "alternative_set_up",
        "grant_wish": "wish_granted",
        "change_choice": "alternative_changed",
        "withdraw_choice": "alternative_withdrawn",
        "retract_approval": "approval_retracted",
        "swap_approval": "approval_swapped",
        "approve_instead": "approved_instead",
        "answer_about": "about_switch",
        "which_one": "which_instead",
        "answer_chosen": "about_chosen",
        "note_details": "details_noted",
        "grant_goodwill": "goodwill_given",
        "no_goodwill": "no_goodwill",
        "accept_compensation": "compensation_set_up",
        "check_in": "check_in",
        "hand_back": "handed_back",
        "empathize": "empathize",
        "already_done": "already_done",
        "hold_position": "hold_position",
        "unclear": "unclear",
        **COMMON_SAYS,
        "*": "anything_else",
    },
    templates={
        "approved": (
            "{% if said_sorry %}That's quite all right. {% elif (complained or hard_times) and not apologized and "
            "'sorry' not in approval %}I'm sorry about this. {% endif %}"
            "{{ approval }} Is there anything else I can help with?",
            "{% if said_sorry %}No need to apologise. {% elif complained and not apologized and 'sorry' not in "
            "approval %}I'm sorry you've had this trouble. "
            "{% elif upset_before and not apologized and 'sorry' not in approval %}I'm sorry you've had this "
            "trouble. {% elif hard_times and not apologized and 'sorry' not in approval %}I'm sorry about that. "
            "{% elif not complained and not settled_before and not upset_before and 'sorry' not in "
            "approval %}Good news"
            "{% if customer_name %}, "
            "{{ customer_name }}{% endif %}. {% endif %}{{ approval }} Is there anything else you need?",
        ),
        "hold_position": (
            "{% if chosen_named and chosen %}That's in hand: your {{ chosen }} is all set{% if order_id %} for order "
            "{{ order_id }}{% endif %}, so there's nothing more you need to do.{% elif reason_unsaid %}{{ reason }}"
            "{% if chosen %} Your {{ chosen }} is all set{% if order_id %} for order {{ order_id }}{% endif %}."
            "{% endif %}{% else %}I'm sorry, I can't change "
            "the answer on {{ request }}.{% if chosen %} Your {{ chosen }} is all set"
            "{% if order_id %} for order {{ order_id }}{% endif %}.{% endif %}{% endif %} Is there anything else I can "
            "help with?",
            "{% if chosen_named and chosen %}It's all taken care of: the {{ chosen }} is arranged{% if order_id %} for "
            "order {{ order_id }}{% endif %}, and an email will confirm it.{% elif reason_unsaid %}{{ reason }}"
            "{% if chosen %} The {{ chosen }} is arranged{% if order_id %} for order {{ order_id }}{% endif %}."
            "{% endif %}{% else %}I understand, but the answer on "
            "{{ request }} has to stay the same, I'm afraid.{% if chosen %} The "
            "{{ chosen }} is arranged{% if order_id %} for order {{ order_id }}{% endif %}.{% endif %}{% endif %} "
            "Anything else I can do for you?",
        ),
        "alternative_set_up": (
            "{% if complained and not apologized %}I understand, and I'm sorry it's not what you hoped for. I've "
            "arranged{% else %}Great, I've arranged{% endif %} your {{ chosen }}{% if order_id %} for order "
            "{{ order_id }}{% endif %}{% if variant %}, with {{ variant }} noted{% endif %}. You'll get an email to "
            "confirm it. I'll check in with you {{ follow_up_when }} "
            "to make sure everything is sorted. Is there anything else I can help with?",
            "{% if complained and not apologized %}I hear you, and I'm sorry it isn't what you wanted.{% else %}Thank "
            "you.{% endif %} Your {{ chosen }} is all set{% if order_id %} for order {{ order_id }}{% endif %}"
            "{% if variant %}, and I've noted {{ variant }}. You'll{% else %}, and you'll{% endif %} get an email to "
            "confirm it. I'll check back {{ follow_up_when }}. "
            "Is there anything else you need?",
        ),
        "wish_granted": (
            "{% if second_best and reason %}{{ reason }} As you asked, I've arranged your {{ chosen }}"
            "{% else %}{% if hard_times and not apologized %}I'm sorry about that. {% else %}Of course"
            "{% if customer_name %}, {{ customer_name }}{% endif %}. {% endif %}I've arranged your {{ chosen }}"
            "{% endif %}{% if order_id %} for order {{ order_id }}{% endif %}{% if variant %}, with {{ variant }} noted"
            "{% endif %}{% if second_best and reason %} instead{% endif %}. You'll get an email to confirm it, and "
            "I'll check in with you {{ follow_up_when }}. Is there anything else I can help with?",
            "{% if second_best and reason %}{{ reason }} So I've gone with what you'd take instead: your {{ chosen }} "
            "is arranged{% else %}{% if hard_times and not apologized %}I'm sorry to hear that. {% else %}Yes, we can "
            "do that. {% endif %}Your {{ chosen }} is arranged{% endif %}"
            "{% if order_id %} for order {{ order_id }}{% endif %}"
            "{% if variant %}, and I've noted {{ variant }}{% endif %}. "
            "An email is on its way to confirm it, and I'll check back {{ follow_up_when }}. "
            "Anything else I can do for you?",
        ),
        "approved_instead": (
            "Of course. I've cancelled the {{ replaced }}, and gone ahead with {{ request }} instead. {{ approval }} "
            "Is there anything else I can help with?",
            "No problem, you can have {{ request }}: I've taken back the {{ replaced }}. {{ approval }} Anything else "
            "I can do for you?",
        ),
        "approval_swapped": (
            "Of course. Instead of {{ request }}, I've arranged your {{ chosen }}{% if order_id and order_id not in "
            "request %} for order {{ order_id }}{% endif %}{% if variant %}, with {{ variant }} noted{% endif %}. "
            "You'll get an email to confirm the change. Is there anything else I can help with?",
            "No problem, I've switched it: you'll have the {{ chosen }}{% if variant %} ({{ variant }}){% endif %} "
            "rather than {{ request }}"
            "{% if order_id and order_id not in request %} for order {{ order_id }}{% endif %}, and an email will "
            "confirm it. Anything else I "
            "can do for you?",
        ),
        "alternative_withdrawn": (
            "No problem, I've cancelled the {{ chosen }}{% if order_id %} for order {{ order_id }}{% endif %}, so "
            "nothing more will happen with it. Is there anything else I can help with?",
            "That's fine. The {{ chosen }} is cancelled{% if order_id %} for order {{ order_id }}{% endif %}, and "
            "you'll get an email to confirm. Anything else I can do for you?",
        ),
        "approval_retracted": (
            "No problem, I've stopped what I started{% if order_id %} for order {{ order_id }}{% endif %}, so "
            "everything stays as it was. You'll get an email to confirm. Is there anything else I can help with?",
            "Of course. I've taken back what I started{% if order_id %} for order {{ order_id }}{% endif %}, and "
            "you'll get an email to confirm. Anything else I can do for you?",
        ),
        "alternative_changed": (
            "No problem, I've changed it: you'll have the {{ chosen }}{% if replaced %} instead of the "
            "{{ replaced }}{% endif %}{% if order_id %} for order {{ order_id }}{% endif %}{% if variant %}, with "
            "{{ variant }} noted{% endif %}. You'll get an email to confirm it. Is there anything else I can help "
            "with?",
            "Of course. I've switched it to the {{ chosen }}{% if replaced %} in place of the {{ replaced }}"
            "{% endif %}{% if variant %} ({{ variant }}){% endif %}, and you'll get an email to confirm the "
            "change. "
            "Anything else I can do for you?",
        ),
        "about_switch": (
            "{{ details }} Would you like {% if several and about == choices %}one of these{% else %}the "
            "{{ about }}{% endif %} instead of {% if chosen %}the {{ chosen }}{% else %}{{ request }}{% endif %}?",
            "{% if questioned %}Good question. {% endif %}{{ details }} {% if chosen %}Shall I switch you to the "
            "{{ about }}, or keep the "
            "{{ chosen }}?{% else %}Would you rather have {% if several and about == choices %}one of these"
            "{% else %}the {{ about }}{% endif %} than {{ request }}?{% endif %}",
        ),
        "which_instead": (
            "Happy to. Which would you like instead of {% if chosen %}the {{ chosen }}{% else %}{{ request }}"
            "{% endif %}: the {{ choices }}?",
            "Of course. Which one shall I set up in place of {% if chosen %}the {{ chosen }}{% else %}{{ request }}"
            "{% endif %}: the {{ choices }}?",
        ),
        "goodwill_given": (
            "I'm sorry for the trouble this has caused. As a goodwill gesture, I've added {{ compensation }} to "
            "your account, reference {{ compensation_reference }}. Is there anything else I can help with?",
            "You're right, this has been a hassle, and I'm sorry. I've added {{ compensation }} to your account "
            "as a goodwill gesture, reference {{ compensation_reference }}. Anything else I can do for you?",
        ),
        "no_goodwill": (
            "{% if compensation_offered %}I'm sorry again for the hassle. The goodwill gesture I can make is the "
            "one from earlier ({{ compensation }}), and I can't add more on top, I'm afraid. Is there anything else "
            "I can help with?{% else %}I'm sorry for the hassle this has caused. I'm not able to add anything on "
            "top of what's arranged"
            "{% if order_id %} for order {{ order_id }}{% endif %}, I'm afraid. Is there anything else I can help "
            "with?{% endif %}",
            "{% if compensation_offered %}I understand, and I'm sorry again. The goodwill gesture from earlier "
            "({{ compensation }}) is as far as I can go here, I'm afraid. Anything else I can do for you?"
            "{% else %}"
            "I understand, and I'm sorry for the trouble. A goodwill gesture isn't something I can give here, "
            "beyond what's arranged{% if order_id %} for order {{ order_id }}{% endif %}. Anything else I can do "
            "for you?{% endif %}",
        ),
        "details_noted": (
            "Thank you, I've noted {{ variant }} for your {{ chosen }}{% if order_id %} on order {{ order_id }}"
            "{% endif %}, and the confirmation email will show it. Is there anything else I can help with?",
            "Noted: {{ variant }} for the {{ chosen }}{% if order_id %} on order {{ order_id }}{% endif %}. The "
            "email confirming it will include that. Anything else I can do for you?",
        ),
        "about_chosen": (
            "{{ details }} Is there anything else I can help with?",
            "{% if questioned %}Good question. {% endif %}{{ details }} Anything else I can do for you?",
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
            "{% if unoffered %}I'm afraid the {{ unoffered }} isn't something I can set up here now. Is there "
            "anything else you need today?{% elif fact_hint %}I can't see that from here, I'm afraid. {{ fact_hint }} "
            "Is there anything else you need today?{% elif unanswered and hard_times %}I'm sorry to hear that. "
            "It's not something I can change from here, but a colleague can look into it with you if you ask for "
            "one. Is there anything else you need today?{% elif unanswered %}That's not something I can help with from "
            "here, I'm afraid. Is there anything else you need today?"
            "{% elif said_sorry %}No problem at all. Is there anything else you need today?"
            "{% elif hard_times %}I'm sorry to hear that. Is there anything else you need today?"
            "{% elif told_only %}Thanks for letting me know. Is there anything else you need today?"
            "{% elif acknowledged %}No problem. If there's anything else, just say; if not, we're "
            "all done.{% elif affirmed %}Of course. What else can I help you with?{% else %}Happy to help. Is "
            "there anything else you need today?{% endif %}",
            "{% if unoffered %}I'm sorry, I can't set up the {{ unoffered }} here now. Is there anything else I can "
            "help you with?{% elif fact_hint %}That's not something I can see here, sorry. {{ fact_hint }} Is "
            "there anything else I can help you with?{% elif unanswered and hard_times %}I'm really sorry to hear "
            "that. I can't help with it from here, but a colleague can if you ask for one. Is there anything else I "
            "can help you with?{% elif unanswered %}I can't help with that one from here, "
            "sorry. Is there anything else I can help you with?"
            "{% elif said_sorry %}Don't worry at all. Is there anything else I can help you with?"
            "{% elif hard_times %}I'm sorry about that. Is there anything else I can help you with?"
            "{% elif told_only %}Thank you, noted. Is there anything else I can help you with?"
            "{% elif acknowledged %}All right. Just let me know if there's anything else.{% elif affirmed %}"
            "Sure, what else do you need?{% else %}Is there anything else I can help you with?{% endif %}",
            "{% if unoffered %}I'm afraid the {{ unoffered }} isn't something I can arrange here now. Let me know "
            "if there's anything else.{% elif fact_hint %}I can't check that from here, I'm afraid. {{ fact_hint }} "
            "Let me know if there's anything else.{% elif unanswered and hard_times %}That sounds hard, I'm sorry. "
            "It's outside what I can do from here, but a colleague can look into it if you'd like one. Let me know "
            "if there's anything else.{% elif unanswered %}That one's outside what I can do from here. "
            "Let me know if there's anything else."
            "{% elif said_sorry %}No need to apologise. Let me know if there's anything else I can do for you."
            "{% elif hard_times %}That's a shame, I'm sorry. Let me know if there's anything else I can do for you."
            "{% elif told_only %}Thanks for telling me. Let me know if there's anything else I can do for you."
            "{% elif acknowledged %}Sure. If anything else comes up, I'm here.{% elif affirmed %}Go ahead, what can I "
            "do for you?{% else %}Let me know if there's anything else I can "
            "do for you.{% endif %}",
        ),
        "already_done": (
            "{% if covered %}{{ covered }}{% elif chosen %}That's all set already: your {{ chosen }}"
            "{% if order_id %} for order {{ order_id }}{% endif %} is arranged, and you'll get an email to confirm it."
            "{% else %}That's already under way: "
            "I've started {{ request }}{% if order_id and order_id not in request %} for order {{ order_id }}"
            "{% endif %}, and you'll get an email to confirm it.{% endif %} Is there anything else I can help with?",
            "{% if covered %}To be clear: {{ covered }}{% elif chosen %}It's done already: the {{ chosen }}"
            "{% if order_id %} for order {{ order_id }}{% endif %} is arranged, and an email will confirm it."
            "{% else %}That's done already: {{ request }}{% if order_id "
            "and order_id not in request %} for order {{ order_id }}{% endif %} is under way, and an email will "
            "confirm it.{% endif %} Anything else I can do for you?",
        ),
        "unclear": (
            "{% if other_language and level >= 2 %}I'm sorry, I can only help in English here. "
            "{{ other_language }} A colleague may be able to help: would you like me to pass you to one? "
            "{{ other_language_person }}"
            "{% elif level >= 4 %}Would it help to talk to a colleague? Just say yes and I'll pass this on."
            "{% elif level == 3 %}I'm sorry, I'm not getting this right. Would you like me to pass you to a "
            "colleague?"
            "{% elif level == 2 and not unanswered %}Sorry, I still didn't follow. If there's something else, tell me "
            "in a few words; "
            "if not, tap below and we're all done.{% else %}"
            "{% if other_language %}I'm sorry, I can only help in English here. {{ other_language }} Do you need "
            "help with anything else? I can help with {{ requests }}."
            "{% elif unanswered and other_address and level <= 2 %}I can't change where an order is delivered from "
            "here, I'm afraid, but a colleague can. Would you like me to pass you to one?"
            "{% elif unanswered and level <= 2 %}That's not something I can answer from here, but a colleague can "
            "look into it with you. Would you like me to pass you to one?"
            "{% else %}{% if unanswered %}That's not something I can help with from here.{% elif said_sorry %}No "
            "problem at all.{% elif remark %}Thanks for letting me know.{% else %}Sorry, I didn't quite catch that."
            "{% endif %} Do you need help with anything else?{% if not only_refused %} I can help with {{ requests }}."
            "{% endif %}{% endif %}"
            "{% endif %}",
            "{% if other_language and level >= 2 %}I'm sorry, I can only help in English here. "
            "{{ other_language }} A colleague may be able to help: would you like me to pass you to one? "
            "{{ other_language_person }}"
            "{% elif level >= 4 %}If you'd rather talk it through with a person, I can pass you to a colleague."
            "{% elif level == 3 %}I don't want to keep you going round in circles. Shall I pass you to a "
            "colleague?"
            "{% elif level == 2 and not unanswered %}Let me make it easier: tell me in a few words what else you "
            "need, or tap below if "
            "that's everything.{% else %}"
            "{% if other_language %}I'm sorry, I can only help in English here. {{ other_language }} Do you need "
            "anything else? I can help with {{ requests }}."
            "{% elif unanswered and other_address and level <= 2 %}Changing where an order goes is something a "
            "colleague has to do, I'm afraid. Shall I pass you to one?"
            "{% elif unanswered and level <= 2 %}I can't answer that one from here, I'm afraid, but a colleague "
            "can check it for you. Shall I pass you to one?"
            "{% else %}{% if unanswered %}I can't help with that one from here.{% elif said_sorry %}Don't worry at "
            "all.{% elif remark %}I see, thank you.{% else %}I want to make sure I get this right.{% endif %} Do you "
            "need anything else?{% if not only_refused %} I can help with {{ requests }}.{% endif %}{% endif %}"
            "{% endif %}",
        ),
        "empathize": (
            "{% if files_complaint %}I'm sorry about that. I can't take a complaint here, but a colleague can: would "
            "you like me to pass you to one?{% elif apology_asked %}You're right, and I apologise. {{ resume }}"
            "{% else %}I'm sorry it's been frustrating. {{ resume }}{% endif %}",
            "{% if files_complaint %}I'm sorry to hear that. A colleague can take your complaint: shall I pass you to "
            "one?{% elif apology_asked %}You're right, and I apologise. {{ resume }}"
            "{% else %}I understand, and I'm sorry. {{ resume }}{% endif %}",
        ),
    },
    buttons={"check_in": "satisfaction", "answer_about": "switch", "which_one": "switch", "*": "done"},
)
