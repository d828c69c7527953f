"""Words any waiting state may need: a calm acknowledgment, a calm boundary, answers to questions about
the rules or an earlier request, and button labels."""

from __future__ import annotations

from collections.abc import Mapping

TEMPLATES: Mapping[str, tuple[str, ...]] = {
    "calm": (
        "{% if apology_asked %}I'm truly sorry. That isn't how it should have gone, and you deserve better."
        "{% else %}I'm sorry this has been so frustrating.{% endif %}",
        "{% if apology_asked %}You're right, and I apologise. This isn't the service we want to give you."
        "{% else %}I can hear how frustrating this is, and I'm sorry.{% endif %}",
    ),
    "boundary": (
        "I want to help you with this, and I can do that best if we keep our chat respectful."
        "{% if resume %} {{ resume }}{% endif %}",
        "I'm here to help, and I'd ask that we keep things respectful so I can.{% if resume %} {{ resume }}{% endif %}",
        "I'd like to keep helping, so please keep our chat polite and respectful.{% if resume %} {{ resume }}"
        "{% endif %}",
    ),
    "policy": (
        "{% if rules_told %}I've told you all our rules say about it, I'm afraid.{% else %}"
        "{% if summary|wordcount < 60 and not summary.startswith('As I mentioned') %}Here's how it works: "
        "{% endif %}{{ summary }}{% endif %}"
        "{% if resume %} {{ resume }}{% endif %}",
        "{% if rules_told %}That's everything our rules say on it, I'm afraid.{% else %}"
        "{% if summary|wordcount < 60 and not summary.startswith('As I mentioned') %}Happy to explain. {% endif %}"
        "{{ summary }}{% endif %}"
        "{% if resume %} {{ resume }}{% endif %}",
    ),
    "bot": (
        "I'm {{ agent_name }}, the virtual assistant for {{ company }}, not a person. I can help with {{ requests }}, "
        "and I can pass you to a colleague whenever you'd like.{% if resume %} {{ resume }}{% endif %}",
        "You're chatting with {{ agent_name }}, an automated assistant for {{ company }}. I can help with "
        "{{ requests }}; if you'd rather talk to a person, just say so and I'll pass you to a colleague."
        "{% if resume %} {{ resume }}{% endif %}",
    ),
    "status": (
        "{% if complained and not apologized %}{% if check %}I'm sorry you're still waiting. {% else %}I understand. "
        "{% endif %}{% endif %}{{ status_text }}"
        "{% if check %} Would you like me to pass this to a colleague to check?{% elif resume %} {{ resume }}"
        "{% endif %}",
        "{% if complained and not apologized %}{% if check %}I'm sorry it's taking so long. {% else %}I hear you. "
        "{% endif %}{% endif %}{{ status_text }}"
        "{% if check %} If you'd like, a colleague can look into yours. Shall I pass it on?{% elif resume %} "
        "{{ resume }}{% endif %}",
    ),
    "time": (
        "Of course, take your time. I'll be here when you're ready.",
        "No rush at all. Just reply here whenever you're ready.",
        "That's fine, take all the time you need. I'm here when you're ready.",
    ),
    "resume_offer": (
        "Would {{ offered }} work for you?",
        "Would {{ offered }} be any help?",
    ),
    "resume_compensation": ("The offer of {{ compensation }} still stands, if you'd like it.",),
    "resume_request": (
        "What can I help you with today?",
        "Is there something I can help you with?",
    ),
    "next_fact": ("{{ question }}",),
    "resume_fact": (
        "{{ question }}",
        "So, {{ question_inline }}",
        "Coming back to your request: {{ question_inline }}",
    ),
    "resume_follow_up": (
        "Is there anything else I can help with?",
        "Anything else I can do for you?",
    ),
    "resume_satisfaction": (
        "And are you happy with how it was sorted out?",
        "Coming back to my question: is everything sorted now?",
    ),
    "resume_waiting": ("A colleague will be with you shortly.",),
    "back_to": ("Now, back to {{ request }}.", "Back to {{ request }} now."),
    "aside": (
        "{% if aside_answer %}To answer your other question: {{ aside_answer }}{% else %}I'm afraid I can't answer "
        "your other question from here.{% endif %}",
        "{% if aside_answer %}As for your other question: {{ aside_answer }}{% else %}Your other question is one I "
        "can't answer from here, I'm afraid.{% endif %}",
    ),
    "other_address": (
        "I can't change where it's delivered from here, I'm afraid, so it goes to the address on the order; a "
        "colleague can change it if you ask.",
        "Sending it somewhere other than the address on the order is something a colleague has to arrange, I'm "
        "afraid; just ask if you'd like one.",
    ),
    "other_address_offer": (
        "Changing where an order is delivered is something a colleague has to arrange, I'm afraid. Shall I pass "
        "you to one?",
        "A colleague can send it somewhere other than the address on the order, though I can't from here. Would "
        "you like me to pass you to one?",
    ),
    "request_beside": (
        "{% if beside_request == 'refund' %}A refund{% elif beside_request == 'cancel' %}Cancelling{% else %}Your "
        "other request{% endif %} isn't something I can do from here, I'm afraid, but a colleague can look into it: "
        "just ask if you'd like one.",
        "As for the {% if beside_request == 'refund' %}refund{% elif beside_request == 'cancel' %}cancellation"
        "{% else %}other thing you asked for{% endif %}, that's one for a colleague, I'm afraid; just ask if you'd "
        "like me to pass you to one.",
    ),
    "complaint_beside": (
        "You also wanted to make a complaint. I can't take one here, but a colleague can: would you like me to "
        "pass you to one?",
        "As for your complaint, a colleague can take it from here. Shall I pass you to one?",
    ),
    "nothing_more": ("I've told you all I know about it, I'm afraid.", "That's all I can tell you about it, sorry."),
    "button_accept": ("Yes, please",),
    "button_reject": ("No, thanks",),
    "button_yes": ("Yes",),
    "button_no": ("No",),
    "button_done": ("That's all, thanks",),
    "button_callback": ("Yes, call me back",),
    "button_satisfied": ("Yes, all sorted",),
    "button_unsatisfied": ("No, not really",),
    "button_person": ("Yes, a colleague please",),
}
"""Default variants of the shared phrases; a policy overrides them under ``templates.common``."""

EMPATHIZE_AFTER_REFUSAL = (
    "{% if apology_asked %}You're right, and I apologise. {% else %}I'm sorry, I know this is frustrating. "
    "{% endif %}{{ resume }}",
    "{% if apology_asked %}You're right, and I apologise. {% else %}I hear you, and I'm sorry it's not what you "
    "wanted. {% endif %}{{ resume }}",
    "{% if apology_asked %}You're right, and I apologise. {% else %}I understand why you're unhappy, and I'm "
    "sorry. {% endif %}{{ resume }}",
)
"""How an upset customer is answered while offers stand after a refusal, by the states that hold them (each
may be worded apart under its own state in a policy's ``templates``)."""

COMMON_SAYS = {
    "abuse_boundary": "boundary",
    "answer_policy": "policy",
    "answer_status": "status",
    "give_time": "time",
    "answer_bot": "bot",
}
"""Transitions that every waiting state answers with a shared phrase."""
