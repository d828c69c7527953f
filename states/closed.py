"""Closed: end politely, saying what was agreed. A closed conversation takes no more messages."""

from __future__ import annotations

from states.spec import StateSpec

SPEC = StateSpec(
    name="closed",
    summary="Ends the conversation politely; final.",
    waits=True,
    says={
        "close_declined": "declined",
        "abuse_close": "abuse",
        "accept_callback": "callback_booked",
        "decline_callback": "no_callback",
        "satisfied": "goodbye",
        "customer_closed": "left",
        "accept_and_close": "set_up_goodbye",
        "left_waiting": "left_waiting",
        "hand_back_close": "after_person",
        "*": "goodbye",
    },
    silent=frozenset({"agent_close"}),
    templates={
        "declined": (
            "I understand, and I'm sorry I couldn't do more this time. If anything changes, we're here to help. "
            "Thanks for talking with us{% if customer_name %}, {{ customer_name }}{% endif %}.",
            "{% if insisted %}I understand, but I can't change the answer on {{ request }}."
            "{% else %}That's completely fine."
            "{% endif %} I'm sorry I couldn't help more today. Do get in touch again at any time.",
        ),
        "abuse": (
            "I'm going to end our chat here. You're welcome to contact us again whenever you're ready, "
            "and we'll be glad to help.",
        ),
        "callback_booked": (
            "Thank you. {% if call_moved %}Our team isn't there at the time you asked, so I've booked the first "
            "callback they can make: a colleague will call you {{ callback_when }}.{% else %}I've booked a callback, "
            "and a colleague will call you {{ callback_when }}.{% endif %} "
            "Take care{% if customer_name %}, {{ customer_name }}{% endif %}.",
        ),
        "left_waiting": (
            "Thanks for getting in touch{% if customer_name %}, {{ customer_name }}{% endif %}. Our team has the "
            "details of our conversation, so you won't need to explain it again if you come back. Take care.",
        ),
        "no_callback": (
            "That's fine. If you'd like to talk it through with our team later, they're here {{ handoff_hours }}. "
            "Take care{% if customer_name %}, {{ customer_name }}{% endif %}.",
            "No problem. You can pick this up with our team any time they're in ({{ handoff_hours }}). "
            "Take care{% if customer_name %}, {{ customer_name }}{% endif %}.",
        ),
        "after_person": (
            "Thanks for talking with us{% if customer_name %}, {{ customer_name }}{% endif %}. "
            "I hope we've sorted everything out. Take care.",
        ),
        "set_up_goodbye": (
            "{% if compensation_reference %}Done. I've added {{ compensation }} to your account, reference "
            "{{ compensation_reference }}.{% else %}Great, I've arranged your {{ chosen }}{% if order_id %} for "
            "order {{ order_id }}{% endif %}{% if variant %} ({{ variant }}){% endif %}, and you'll get an email to "
            "confirm it.{% endif %} I'll check in with "
            "you {{ follow_up_when }} to make sure everything is sorted. {% if thanked %}You're welcome"
            "{% else %}Thanks for chatting with us{% endif %}{% if customer_name %}, {{ customer_name }}{% endif %}. "
            "Take care.",
            "{% if compensation_reference %}All done: {{ compensation }} is on your account, reference "
            "{{ compensation_reference }}.{% else %}All done: your {{ chosen }} is arranged{% if order_id %} for "
            "order {{ order_id }}{% endif %}, and an email is on its way to confirm it.{% endif %} I'll check back "
            "{{ follow_up_when }}. {% if thanked %}Thank you, and take care{% else %}Take care{% endif %}"
            "{% if customer_name %}, {{ customer_name }}{% endif %}.",
        ),
        "left": (
            "{% if thanked and first_message %}Thank you for letting us know{% elif thanked %}You're welcome"
            "{% else %}That's fine{% endif %}"
            "{% if customer_name %}, {{ customer_name }}{% endif %}. {% if thanked %}If you ever need anything, "
            "just send us a message.{% else %}If you'd like to pick this up again, just send us a message."
            "{% endif %} Take care.",
            "{% if thanked %}Thank you too{% else %}Thanks for talking with us{% endif %}"
            "{% if customer_name %}, {{ customer_name }}{% endif %}. {% if thanked %}We're here whenever you need "
            "us.{% else %}We're here whenever you'd like to pick this up again.{% endif %} Take care.",
        ),
        "goodbye": (
            "{% if thanked %}You're welcome{% if customer_name %}, {{ customer_name }}{% endif %}. "
            "Have a lovely day.{% else %}Thanks for chatting with us{% if customer_name %}, {{ customer_name }}"
            "{% endif %}. Take care.{% endif %}",
            "{% if thanked %}It was a pleasure to help{% if customer_name %}, {{ customer_name }}{% endif %}. "
            "Take care.{% else %}Glad I could help{% if customer_name %}, {{ customer_name }}{% endif %}. "
            "Have a good day.{% endif %}",
        ),
    },
)
