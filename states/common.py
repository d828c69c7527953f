"""Words any waiting state may need: a calm acknowledgment, a calm boundary, button labels."""

from __future__ import annotations

from collections.abc import Mapping

TEMPLATES: Mapping[str, tuple[str, ...]] = {
    "calm": (
        "I'm sorry this has been so frustrating, and I want to help put it right.",
        "I can hear how frustrating this is, and I'm sorry. Let's see what I can do.",
    ),
    "boundary": (
        "I want to help you with this, and I can do that best if we keep our chat respectful.",
        "I'm here to help, and I'd ask that we keep things respectful so I can.",
    ),
    "button_accept": ("Yes, please",),
    "button_reject": ("No, thanks",),
    "button_yes": ("Yes",),
    "button_no": ("No",),
    "button_done": ("That's all, thanks",),
    "button_callback": ("Yes, call me back",),
    "button_satisfied": ("Yes, all sorted",),
    "button_unsatisfied": ("No, not really",),
}
"""Default variants of the shared phrases; a policy overrides them under ``templates.common``."""

COMMON_SAYS = {"abuse_boundary": "boundary"}
"""Transitions that every waiting state answers with a shared phrase."""
