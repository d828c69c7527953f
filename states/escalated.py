"""Escalated: hand the conversation to a person, or offer a callback when nobody is available."""

from __future__ import annotations

from states.common import COMMON_SAYS
from states.spec import StateSpec

_LEAD = (
    "{% if escalation_reason == 'anger' %}I can hear how frustrating this is, and I want it handled properly. "
    "{% elif escalation_reason == 'threat' %}I understand you're thinking of taking this further, "
    "and I want a colleague to look at it with you. "
    "{% elif escalation_reason == 'insistence' %}I understand this really matters to you. "
    "{% elif escalation_reason == 'unsatisfied' %}I'm sorry it hasn't worked out. "
    "{% elif escalation_reason == 'turn_limit' %}I don't want to keep you going round in circles. "
    "{% elif escalation_reason == 'unclear' %}I'm sorry I haven't been able to follow. "
    "{% elif escalation_reason == 'cannot_check' %}I can't check the details I need for this from here. "
    "{% elif escalation_reason == 'exception' %}{{ exception_text }} "
    "{% elif said_sorry %}No need to apologise, I understand. "
    "{% elif complained and not apologized %}I'm sorry this has been so frustrating. "
    "{% elif bot_asked %}I'm {{ agent_name }}, a virtual assistant, not a person. "
    "{% elif intent != 'ask_human' and (given or remark or intent in ('unknown', 'provide_info')) %}Thank you. "
    "{% else %}Of course. {% endif %}"
)

SPEC = StateSpec(
    name="escalated",
    summary="Hands over to a person with a summary, or offers a callback out of hours.",
    waits=True,
    says={
        "waiting": "waiting",
        "resume_escalated": "waiting",
        "wait_expired": "nobody_free",
        **COMMON_SAYS,
        "*": "handoff",
    },
    templates={
        "handoff": (
            _LEAD + "{% if chosen_waiting %}I've noted you'd like the {{ chosen_waiting }}, so they can set it up. "
            "{% endif %}{% if in_hours %}I'm passing this to a colleague now. They'll see our conversation, "
            "so you won't need to repeat anything, and they'll be with you shortly."
            "{% elif callback %}Our team is available {{ handoff_hours }}, so nobody can join right now. "
            "Would you like a callback when they're back?"
            "{% else %}Our team is available {{ handoff_hours }}. I've passed this on, "
            "and they'll reply as soon as they're back.{% endif %}",
        ),
        "waiting": (
            "{% if person_refused %}I understand you'd rather not wait, but this one needs a colleague to decide, "
            "so I can't settle it myself here. {% endif %}"
            "{% if trouble_told %}{% if loss_told %}I'm so sorry for your loss.{% else %}I'm sorry to hear that."
            "{% endif %} I've passed it on to my colleague. {% elif given %}Thanks, "
            "I've passed that on to my colleague. {% elif complained and not apologized %}I hear you, and my "
            "colleague will see this too. {% endif %}"
            "{% if chosen_waiting %}My colleague will see that you'd like the {{ chosen_waiting }}, and can set it "
            "up with you. {% elif wanted_waiting %}My colleague will see that you'd like {{ wanted_waiting }}. "
            "{% endif %}"
            "{% if not offer_callback %}{% if thanked %}You're welcome. {% else %}Thanks for waiting. {% endif %}"
            "A colleague will be with you as soon as possible."
            "{% elif in_hours %}Would you like a callback instead? You can answer with the buttons below."
            "{% elif asked_when %}Our team is back {{ callback_when }}, and a colleague can call you then. Shall I "
            "book it?{% else %}Would you like a callback when our team is back? You can answer with the buttons "
            "below.{% endif %}",
            "{% if person_refused %}I'm afraid this one needs a colleague to look at, so I can't settle it myself, "
            "but they'll see what you'd like. {% endif %}"
            "{% if trouble_told %}{% if loss_told %}I'm so sorry for your loss.{% else %}I'm sorry to hear that."
            "{% endif %} I've passed it on to my colleague. {% elif given %}Thanks, "
            "I've passed that on to my colleague. {% elif complained and not apologized %}I hear you, and my "
            "colleague will see this too. {% endif %}"
            "{% if chosen_waiting %}I've noted you'd like the {{ chosen_waiting }}; the colleague "
            "who picks this up can arrange it. {% elif wanted_waiting %}I've noted you'd like {{ wanted_waiting }}, "
            "for the colleague who picks this up. {% endif %}"
            "{% if in_hours or not callback %}{% if thanked %}You're welcome. {% endif %}A colleague has your "
            "conversation and will reply here shortly."
            "{% elif asked_when %}The team is back {{ callback_when }}. Shall I book a callback for then?"
            "{% else %}Shall I book a callback for when the team is back?{% endif %}",
            "{% if person_refused %}I hear you. This is one a colleague has to decide, so I can't do it myself here. "
            "{% endif %}"
            "{% if trouble_told %}{% if loss_told %}I'm so sorry for your loss.{% else %}I'm sorry to hear that."
            "{% endif %} I've passed it on to my colleague. {% elif given %}Thanks, "
            "I've passed that on to my colleague. {% elif complained and not apologized %}I hear you, and my "
            "colleague will see this too. {% endif %}"
            "{% if chosen_waiting %}I've noted you'd like the {{ chosen_waiting }}; the colleague "
            "who picks this up can arrange it. {% elif wanted_waiting %}I've noted you'd like {{ wanted_waiting }}, "
            "for the colleague who picks this up. {% endif %}"
            "{% if in_hours or not callback %}{% if not (trouble_told or given) %}I've let my colleague know "
            "you're still here. {% endif %}They won't be long."
            "{% elif asked_when %}Our team opens {{ callback_when }}, and I can book you a callback for then. "
            "Would you like that?{% else %}I can book you a callback for when our team opens. Would you like that?"
            "{% endif %}",
            "{% if person_refused %}I'm sorry, I can't take this one back from my colleague: it needs a person to "
            "decide. {% endif %}"
            "{% if trouble_told %}{% if loss_told %}I'm so sorry for your loss.{% else %}I'm sorry to hear that."
            "{% endif %} I've passed it on to my colleague. {% elif given %}Thanks, "
            "I've passed that on to my colleague. {% elif complained and not apologized %}I hear you, and my "
            "colleague will see this too. {% endif %}"
            "{% if chosen_waiting %}I've noted you'd like the {{ chosen_waiting }}; the colleague "
            "who picks this up can arrange it. {% elif wanted_waiting %}I've noted you'd like {{ wanted_waiting }}, "
            "for the colleague who picks this up. {% endif %}"
            "{% if in_hours or not callback %}You're in the queue, and the next free colleague will pick this up."
            "{% elif asked_when %}Our team is back {{ callback_when }} and can ring you then. Shall I book that?"
            "{% else %}Our team can ring you as soon as they're back. Shall I book that for you?{% endif %}",
        ),
        "aside": (
            "{% if aside_answer %}{{ aside_answer }}{% endif %}",
            "{% if aside_answer %}Good question. {{ aside_answer }}{% endif %}",
        ),
        "nobody_free": (
            "I'm sorry for the wait. Everyone on our team is still busy, so nobody has been able to join yet. "
            "Would you like a callback instead, as soon as someone is free?",
        ),
    },
    buttons={"*": "callback"},
)
