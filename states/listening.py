"""Listening: greet and thank the customer, gather the facts the decision needs, answer questions."""

from __future__ import annotations

from states.common import COMMON_SAYS
from states.spec import StateSpec

SPEC = StateSpec(
    name="listening",
    summary="Greets the customer, asks for any missing fact, and answers questions about the rules or a refund.",
    waits=True,
    says={
        "start": "welcome",
        "ask_fact": "ask_fact",
        "change_request": "switch",
        "drop_request": "dropped",
        "reconsider": "",
        "new_request": "",
        "approve_and_continue": "approved_next",
        "grant_wish_and_continue": "wish_granted_next",
        "accept_and_continue": "set_up_next",
        "next_request": "next_request",
        "resume_listening": "resume",
        "unclear": "ask_request",
        "describe_alternative": "describe",
        "take_back_handoff": "no_person",
        "undo_approval": "approval_undone",
        **COMMON_SAYS,
        "*": "ask_request",
    },
    templates={
        "approval_undone": (
            "{% if order_put_right %}Thanks for putting that right. I've stopped what I started for the other "
            "order.{% elif loss_told %}Thank you for telling me. I've stopped what I set up, so we can look at this "
            "properly.{% elif circumstance_told %}That changes what we can do, so I've stopped what I set up"
            "{% if order_id %} for order {{ order_id }}{% endif %}.{% else %}Thanks for putting "
            "that right. It changes the answer, so I've stopped what I started"
            "{% if order_id %} for order {{ order_id }}{% endif %}.{% endif %}",
            "{% if order_put_right %}Thank you for telling me. I've taken back what I started for the other order."
            "{% elif loss_told %}Thank you for telling me. I've taken back what I set up, so this can be looked at "
            "properly.{% elif circumstance_told %}That opens up more than I could offer before, so I've taken back "
            "what I set up{% if order_id %} for order {{ order_id }}{% endif %}."
            "{% else %}Thank you for telling me. That changes things, so I've taken back what I started"
            "{% if order_id %} for order {{ order_id }}{% endif %}.{% endif %}",
        ),
        "no_person": (
            "{% if in_hours %}No problem, I'll let my colleague know they don't need to join."
            "{% else %}No problem, then there's no need for a callback.{% endif %}",
            "{% if in_hours %}Of course. I've told my colleague there's no need to pick this up."
            "{% else %}Of course, we'll leave the callback.{% endif %}",
        ),
        "welcome": (
            "Hi{% if customer_name %} {{ customer_name }}{% endif %}, thanks for getting in touch"
            "{% if wished %} about the {{ wished }}{% elif request_named %} about {{ request }}"
            "{% else %} with {{ company }}{% endif %}."
            "{% if not continues %} I'm {{ agent_name }}. How can I help today?{% endif %}",
            "Hello{% if customer_name %} {{ customer_name }}{% endif %}, thank you for getting in touch"
            "{% if wished %} about the {{ wished }}{% elif request_named %} about {{ request }}"
            "{% else %} with us{% endif %}."
            "{% if not continues %} I'm {{ agent_name }} from {{ company }}. How can I help today?{% endif %}",
        ),
        "ask_fact": (
            "{% if queued %}{% if loss_told %}I'm so sorry for your loss. "
            "{% elif hard_times %}I'm sorry to hear that. {% endif %}I'll look at "
            "{% if request_assumed and order_id %}order {{ order_id }}{% else %}{{ request }}"
            "{% endif %} first, then {{ queued }}. {% endif %}"
            "{% if not_known and hint %}{% if asked_back %}I can't see that from here, I'm afraid. "
            "{% elif questioned %}Good question. {% else %}That's "
            "all right. {% endif %}{{ hint }}{% if someone_else_bought %} As someone else bought it, they can look it "
            "up for you.{% endif %} Just let me know what you find."
            "{% elif hint and level >= 2 %}Let me help you "
            "with that. {{ hint }} {{ question }}{% elif hint %}{{ hint }} Could you check it "
            "and send it again?"
            "{% elif narrowing and not offer_colleague %}{% if wished %}I'll see if I can arrange the {{ wished }} "
            "for you. {% elif trouble_told and queued %}{% elif loss_told %}I'm so sorry for your loss. "
            "{% elif hard_times %}I'm sorry about that. {% endif %}"
            "{% if arrived_only %}Thanks, that's when "
            "it arrived. What counts here is the day you bought it, which may be earlier. {% else %}To get this "
            "right, I need a closer date. {% endif %}{{ question }}"
            "{% elif done_for %}{{ done_for }} {{ question }}"
            "{% elif noted_for %}Thanks, I've noted that for {{ noted_for }}. {{ question }}"
            "{% elif wished and offer_colleague %}I'd need the same details for the {{ wished }}, I'm afraid, so a "
            "colleague is the best way to sort this out. Would you like me to pass this to one?"
            "{% elif wished and colleague_declined %}I'd need the same details for the {{ wished }}, I'm afraid. If "
            "you find them later, just send them here."
            "{% elif wished %}I'll see if I can arrange the {{ wished }} for you. {{ question }}"
            "{% elif colleague_declined %}All right. If you find it later, just send it here."
            "{% elif offer_colleague and questioned and not complained %}I'm sorry, there's no other way for me "
            "to check this here, but a colleague can look into it with you. Would you like me to pass this to one?"
            "{% elif offer_colleague %}{% if complained %}I'm sorry this has been frustrating.{% else %}I understand."
            "{% endif %} Without that I can't check this from here, but a colleague "
            "can look into it with you. Would you like me to pass this to one?"
            "{% elif asked_before and request_named %}I can look at {{ request }} for you. First, {{ question_inline }}"
            "{% elif asked_before and intent == 'ask_policy' %}What I can do depends on this, so I'll tell you once I "
            "know it. {{ question }}"
            "{% elif asked_before and intent == 'ask_why' %}I need it to check what I can do for you. "
            "{{ question }}"
            "{% elif asked_before and said_sorry %}That's quite all right. {{ question }}"
            "{% elif asked_before and unanswered %}That's not something I can help with from here. If you'd "
            "still like {{ request }}, {{ question_inline }}"
            "{% elif asked_before and thanked %}You're welcome. Just to check, {{ question_inline }}"
            "{% elif asked_before and complained %}I understand, and I want to help. {{ question }}"
            "{% elif asked_before %}Sorry, I still need this: {{ question_inline }}"
            "{% else %}{% if trouble_told and queued %}{% elif loss_told %}I'm so sorry for your loss. "
            "{% elif hard_times %}I'm sorry about that. "
            "{% elif complained and not apologized %}I'm sorry "
            "this has been frustrating. {% elif given %}Thanks. {% endif %}{{ question }}"
            "{% endif %}",
            "{% if queued %}{% if loss_told %}I'm so sorry for your loss. "
            "{% elif hard_times %}I'm sorry about that. {% endif %}Let's start with "
            "{% if request_assumed and order_id %}order {{ order_id }}{% else %}{{ request }}"
            "{% endif %}, then {{ queued }}. {% endif %}"
            "{% if not_known and hint %}{% if asked_back %}I'm afraid I can't check that from here. "
            "{% elif questioned %}Happy to help. {% else %}No "
            "problem. {% endif %}{{ hint }}{% if someone_else_bought %} If it was bought for you, the person "
            "who ordered it can check.{% endif %} Let me know what you find."
            "{% elif hint and level >= 2 %}This might help. {{ hint }} {{ question }}"
            "{% elif hint %}{{ hint }} Could you check it for me?"
            "{% elif narrowing and not offer_colleague %}{% if wished %}Let me check whether the {{ wished }} is "
            "possible. {% elif trouble_told and queued %}{% elif loss_told %}I'm so sorry for your loss. "
            "{% elif hard_times %}I'm sorry to hear that. {% endif %}"
            "{% if arrived_only and asked_before %}"
            "I still need the day it was bought, not the day it came. {% elif arrived_only %}That's when it "
            "came, thank you. I need the day it was bought, which may be a few days earlier. {% elif asked_before %}"
            "I need a slightly more exact date. {% else %}That helps, but I need to be a little more exact. {% endif %}"
            "{{ question }}"
            "{% elif done_for %}{{ done_for }} {{ question }}"
            "{% elif noted_for %}I'll keep that for {{ noted_for }}. "
            "{{ question }}{% elif wished and offer_colleague %}The {{ wished }} needs the same details, I'm afraid, "
            "so a colleague is the best way to sort this out. Shall I pass this to one?"
            "{% elif wished and colleague_declined %}The {{ wished }} needs the same details, I'm afraid. Whenever "
            "you find them, just send them here."
            "{% elif wished %}Let me check whether the {{ wished }} is possible. {{ question }}"
            "{% elif colleague_declined %}That's fine. Whenever you have it, send it here and I'll "
            "carry on.{% elif offer_colleague and questioned and not complained %}I'm afraid I can't check it any "
            "other way, but a colleague can help. Shall I pass you to one?"
            "{% elif offer_colleague %}{% if complained %}I'm sorry, I know this is taking a while."
            "{% else %}That's all right.{% endif %} I can't look this up without it, but a "
            "colleague can help you find it. Shall I pass you to one?"
            "{% elif asked_before and request_named %}Happy to look at {{ request }}. To check what I can do, "
            "{{ question_inline }}"
            "{% elif asked_before and intent == 'ask_policy' %}That depends on your answer to this, and then I can "
            "tell you exactly. {{ question }}"
            "{% elif asked_before and intent == 'ask_why' %}It's so I can look up what's possible for you. "
            "{{ question }}"
            "{% elif asked_before and said_sorry %}No need to apologise. {{ question }}"
            "{% elif asked_before and unanswered %}That one isn't something I can help with here. If you do still "
            "want {{ request }}, {{ question_inline }}"
            "{% elif asked_before and thanked %}No problem. Before I go on, {{ question_inline }}"
            "{% elif asked_before and complained %}I hear you, and I'd like to sort this out. {{ question }}"
            "{% elif asked_before %}Just so I can check, {{ question_inline }}"
            "{% else %}{% if trouble_told and queued %}{% elif loss_told %}I'm so sorry for your loss. "
            "{% elif hard_times %}I'm sorry to hear that. "
            "{% elif complained and not apologized %}I'm sorry "
            "this has been frustrating. {% elif given %}Thank you. {% endif %}"
            "{{ question }}"
            "{% endif %}",
            "{% if queued %}{% if loss_told %}I'm so sorry for your loss. "
            "{% elif hard_times %}I'm sorry that happened. {% endif %}First "
            "{% if request_assumed and order_id %}order {{ order_id }}{% else %}{{ request }}"
            "{% endif %}, then {{ queued }}. {% endif %}"
            "{% if not_known and hint %}{% if asked_back %}That's not something I can see here, I'm afraid. "
            "{% elif questioned %}Here's how to find it. {% else %}No worries. "
            "{% endif %}{{ hint }}{% if someone_else_bought %} The person who bought it will have it, if you can "
            "ask them.{% endif %} "
            "Tell me what you find, whenever you're ready."
            "{% elif hint and level >= 2 %}Here's something that may help. {{ hint }} {{ question }}"
            "{% elif hint %}Could you check that number? {{ hint }}"
            "{% elif narrowing and not offer_colleague %}{% if wished %}I can look into the {{ wished }} for you. "
            "{% elif trouble_told and queued %}{% elif loss_told %}I'm so sorry for your loss. "
            "{% elif hard_times %}I'm sorry about that. {% endif %}"
            "{% if arrived_only and asked_before %}I still "
            "need the day you ordered it, not the delivery date. {% elif arrived_only %}That's the delivery date, "
            "thank you, and I need the day you ordered it. {% elif asked_before %}I still need a closer date. "
            "{% else %}Could you narrow it down a little? {% endif %}"
            "{{ question }}"
            "{% elif done_for %}{{ done_for }} {{ question }}"
            "{% elif noted_for %}Noted for {{ noted_for }}, thank you. {{ question }}"
            "{% elif wished and offer_colleague %}I'd need the same details for the {{ wished }} too, I'm afraid, so "
            "a colleague is the best way to sort this out. Would you like me to pass this to one?"
            "{% elif wished and colleague_declined %}I'd need the same details for the {{ wished }} too, I'm afraid. "
            "If you find them later, just send them here."
            "{% elif wished %}I can look into the {{ wished }} for you. {{ question }}"
            "{% elif colleague_declined %}No problem. Just send it here if you find it."
            "{% elif offer_colleague and questioned and not complained %}I'm afraid there's no other way for me "
            "to go further here, but a colleague can look into it with you. Would you like that?"
            "{% elif offer_colleague %}{% if complained %}I'm sorry this is frustrating.{% else %}No problem."
            "{% endif %} Without it I can't go further here, but a colleague can look "
            "into it with you. Would you like that?"
            "{% elif asked_before and request_named %}I'll look at {{ request }} for you. First, {{ question_inline }}"
            "{% elif asked_before and intent == 'ask_policy' %}I can tell you what's possible as soon as I know this. "
            "{{ question }}"
            "{% elif asked_before and intent == 'ask_why' %}I ask so I can check what I'm able to do. {{ question }}"
            "{% elif asked_before and said_sorry %}Don't worry at all. {{ question }}"
            "{% elif asked_before and unanswered %}That's outside what I can help with here, sorry. If {{ request }} "
            "is still what you'd like, {{ question_inline }}"
            "{% elif asked_before and thanked %}Happy to help. One thing first: {{ question_inline }}"
            "{% elif asked_before and complained %}I'm sorry this is frustrating. So I can help, {{ question_inline }}"
            "{% elif asked_before %}Sorry, I didn't catch that. {{ question }}"
            "{% else %}{% if trouble_told and queued %}{% elif loss_told %}I'm so sorry for your loss. "
            "{% elif circumstance_told and hard_times %}I'm sorry to hear that. "
            "{% elif loss_told %}I'm so sorry for your loss. {% elif hard_times %}I'm sorry that "
            "happened. {% elif complained and not apologized %}I'm "
            "sorry about all this. {% elif given %}Got it. {% endif %}"
            "{{ question }}"
            "{% endif %}",
        ),
        "dropped": (
            "No problem{% if customer_name %}, {{ customer_name }}{% endif %}, I'll leave that there. Is there "
            "anything else I can help with?",
            "That's absolutely fine{% if customer_name %}, {{ customer_name }}{% endif %}. Is there anything else "
            "I can do for you?",
        ),
        "describe": (
            "{{ details }}{% if resume %} {{ resume }}{% elif also_possible %} You can have the {{ about }}, or "
            "{{ also_possible }}: which would you prefer?{% endif %}",
            "{% if questioned %}Good question. {% endif %}{{ details }}{% if resume %} {{ resume }}{% elif "
            "also_possible %} Would you like the {{ about }}, or {{ also_possible }}?{% endif %}",
        ),
        "switch": (
            "{% if put_off %}Of course, let's look at {{ request }} first. I'll come back to {{ put_off }} "
            "after that.{% elif wished %}Of course, let's look at the {{ wished }} instead.{% else %}Of course, "
            "let's look at {{ request }} instead.{% endif %}",
            "{% if put_off %}Sure, {{ request }} first, then back to {{ put_off }}.{% elif wished %}No problem, I'll "
            "help with the {{ wished }} instead.{% else %}No problem, I'll help with {{ request }} instead.{% endif %}",
        ),
        "approved_next": ("{{ approval }}",),
        "set_up_next": (
            "Great, {% if chosen %}I've arranged your {{ chosen }}{% if variant %} ({{ variant }}){% endif %}"
            "{% else %}I've added {{ compensation }} to your "
            "account, reference {{ compensation_reference }}{% endif %}. Now, on to {{ request }}.",
            "Done, {% if chosen %}your {{ chosen }}{% if variant %} ({{ variant }}){% endif %} is arranged"
            "{% else %}{{ compensation }} is on your account, "
            "reference {{ compensation_reference }}{% endif %}. Next, {{ request }}.",
        ),
        "wish_granted_next": (
            "Of course. I've arranged your {{ chosen }}{% if order_id %} for order {{ order_id }}{% endif %}"
            "{% if variant %} ({{ variant }}){% endif %}, and you'll get an email to confirm it.",
            "Yes, we can do that: your {{ chosen }} is arranged{% if order_id %} for order {{ order_id }}{% endif %}"
            "{% if variant %} ({{ variant }}){% endif %}, "
            "and an email is on its way to confirm it.",
        ),
        "next_request": (
            "{% if turned_down %}No problem, I'll leave that one there. {% endif %}Now let's look at "
            "{% if request_assumed and order_id and order_id not in request %}order {{ order_id }}"
            "{% else %}{{ request }}{% endif %}.",
            "{% if turned_down %}That's fine, we'll leave that one. {% endif %}Next, "
            "{% if request_assumed and order_id and order_id not in request %}order {{ order_id }}"
            "{% else %}{{ request }}{% endif %}.",
        ),
        "resume": (
            "{{ question }}",
            "Coming back to your request: {{ question }}",
        ),
        "ask_request": (
            "{% if other_language and level >= 2 %}I'm sorry, I can only help in English here. {{ other_language }} "
            "A colleague may be able to help: would you like me to pass you to one? {{ other_language_person }}"
            "{% elif person_refused %}No problem. Is there anything else I can help with? I can help with "
            "{{ requests }}."
            "{% elif files_complaint %}{% if not apologized %}I'm sorry to hear that. {% endif %}A colleague can take "
            "your complaint: would you like me to pass you to one? I can also help with {{ requests }} here."
            "{% elif announced == 'problem' and level <= 2 %}{% if not apologized %}I'm sorry to hear that. "
            "{% endif %}What's happened? I can help with {{ requests }}."
            "{% elif announced and level <= 2 %}Of course, go ahead: what would you like to know? I can help with "
            "{{ requests }}, and with questions about them."
            "{% elif level >= 4 %}Would it help to talk to a colleague? Just say yes and I'll pass this on."
            "{% elif level == 3 %}I'm sorry, I'm not getting this right. Would you like me to pass you to a "
            "colleague?"
            "{% elif level == 2 and not unanswered %}I want to make sure I help with the right thing. Here's what I "
            "can do, just pick one."
            "{% else %}{% if other_language %}I'm sorry, I can only help in English here. {{ other_language }} "
            "{% elif unanswered and level <= 2 %}That's not something I can help with from here, but a colleague "
            "may be able to. Would you like me to pass you to one? Otherwise I can help with {{ requests }}."
            "{% elif unanswered %}That's not something I can help with from here. "
            "{% elif loss_told %}I'm so sorry for your loss. {% elif hard_times and not apologized %}I'm sorry to "
            "hear that. {% elif complained and not apologized %}I'm sorry to hear that. {% elif thanked %}Thank you, "
            "that's lovely to hear. {% endif %}"
            "{% if unanswered and level <= 2 %}{% elif level == 0 and not complained %}What can I help you with "
            "today? I can help with {{ requests }}.{% else %}Could you tell me a little more about what you need? I "
            "can help with {{ requests }}.{% endif %}{% endif %}",
            "{% if other_language and level >= 2 %}I'm sorry, I can only help in English here. {{ other_language }} "
            "A colleague may be able to help: would you like me to pass you to one? {{ other_language_person }}"
            "{% elif person_refused %}That's fine. Is there something else I can do for you? I can help with "
            "{{ requests }}."
            "{% elif files_complaint %}{% if not apologized %}I'm sorry things have gone wrong. {% endif %}A colleague "
            "can take your complaint. Shall I pass you to one?"
            "{% elif announced == 'problem' and level <= 2 %}{% if not apologized %}Oh no, I'm sorry. {% endif %}"
            "Could you tell me what's gone wrong? I can help with {{ requests }}."
            "{% elif announced and level <= 2 %}Sure, what's your question? I can help with "
            "{{ requests }}, and tell you how they work."
            "{% elif level >= 4 %}If you'd rather talk it through with a person, I can pass you to a "
            "colleague."
            "{% elif level == 3 %}I don't want to keep you going round in circles. Shall I pass you to a "
            "colleague?"
            "{% elif level == 2 and not unanswered %}Sorry, I'm still not sure what you need. These are the things I "
            "can help with."
            "{% else %}{% if other_language %}I'm sorry, I can only help in English here. {{ other_language }} "
            "{% elif unanswered and level <= 2 %}I can't help with that one from here, but a colleague can look "
            "into it. Shall I pass you to one? Or I can help with {{ requests }}.{% elif unanswered %}I can't help "
            "with that one from here. {% elif said_sorry %}No problem at all. {% elif loss_told %}I'm so sorry for "
            "your loss. {% elif hard_times and not apologized %}I'm sorry about that. "
            "{% elif complained and not apologized %}"
            "I'm sorry about that. {% elif thanked %}Thank you, that's kind of you to say. {% endif %}"
            "{% if not (unanswered and level <= 2) %}So I can help, could you tell me what you'd like to do? For "
            "example, {{ requests }}.{% endif %}{% endif %}",
            "{% if other_language and level >= 2 %}I'm sorry, I can only help in English here. {{ other_language }} "
            "A colleague may be able to help: would you like me to pass you to one? {{ other_language_person }}"
            "{% elif person_refused %}All right. Is there anything else I can help with? I can help with "
            "{{ requests }}."
            "{% elif files_complaint %}{% if not apologized %}I'm sorry about this. {% endif %}I can pass you to a "
            "colleague who will take your complaint. Would you like that?"
            "{% elif announced == 'problem' and level <= 2 %}{% if not apologized %}I'm sorry about that. "
            "{% endif %}Tell me what's happened, and I'll see what I can do. I can help with {{ requests }}."
            "{% elif announced and level <= 2 %}Happy to help. What would you like to ask? I can help with "
            "{{ requests }}, and with questions about them."
            "{% elif level >= 4 %}A colleague could help you directly, if you'd like. Just say yes."
            "{% elif level == 3 %}I'm sorry, I still can't tell what you need. Would you like to talk to a colleague?"
            "{% elif level == 2 and not unanswered %}Let me make it easier: choose one of the options below.{% else %}"
            "{% if other_language %}I'm sorry, I can only help in English here. {{ other_language }} "
            "{% elif unanswered and level <= 2 %}That's outside what I can do from here, but a colleague could "
            "help. Would you like me to pass you to one? If not, I can help with {{ requests }}."
            "{% elif unanswered %}That's outside what I can do from here. "
            "{% elif said_sorry %}Don't worry at all. {% elif loss_told %}I'm so sorry for your loss. "
            "{% elif hard_times and not apologized %}I'm sorry to hear that. "
            "{% elif complained and not apologized %}I'm sorry that's "
            "happened. {% elif thanked %}Thank you, that's good to hear. {% endif %}"
            "{% if not (unanswered and level <= 2) %}What would you like me to do? I can help with {{ requests }}."
            "{% endif %}{% endif %}",
        ),
    },
    buttons={"start": "none", "ask_fact": "yes_no", "unclear": "repair", "*": "requests"},
)
