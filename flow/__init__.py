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
    ConversationExists,
    DefinitionError,
    DuplicateMessage,
    FlowDefinitionError,
    InvalidMessage,
    PolicyError,
    PolicyMismatch,
    StoreError,
    TactfulError,
    UnknownConversation,
    UnknownPolicy,
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
    "ConversationExists",
    "DefinitionError",
    "DuplicateMessage",
    "Engine",
    "FlowDefinitionError",
    "InvalidMessage",
    "Policy",
    "PolicyError",
    "PolicyMismatch",
    "QuickReply",
    "Signals",
    "StoreError",
    "TactfulError",
    "Turn",
    "UnknownConversation",
    "UnknownPolicy",
    "Understander",
    "VersionConflict",
    "bundled_policies",
    "load_policy",
]
