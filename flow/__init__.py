"""tactful: a finite-state conversation engine that declines customer requests politely.

>>> from flow import Engine, load_policy
>>> engine = Engine(load_policy("retail"))
"""

from __future__ import annotations

from flow.engine import Engine, Understander
from flow.errors import (
    AccessDenied,
    ConversationClosed,
    ConversationError,
    DefinitionError,
    FlowDefinitionError,
    InvalidMessage,
    PolicyError,
    PolicyMismatch,
    TactfulError,
    UnknownConversation,
    VersionConflict,
)
from flow.loading import bundled_policies, load_policy
from flow.models import Action, Conversation, QuickReply, Signals, Turn
from flow.policy import Policy

__all__ = [
    "AccessDenied",
    "Action",
    "Conversation",
    "ConversationClosed",
    "ConversationError",
    "DefinitionError",
    "Engine",
    "FlowDefinitionError",
    "InvalidMessage",
    "Policy",
    "PolicyError",
    "PolicyMismatch",
    "QuickReply",
    "Signals",
    "TactfulError",
    "Turn",
    "UnknownConversation",
    "Understander",
    "VersionConflict",
    "bundled_policies",
    "load_policy",
]
