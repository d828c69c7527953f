"""tactful: a finite-state conversation engine that declines customer requests politely.

>>> from flow import Engine, load_policy
>>> engine = Engine(load_policy("retail"))

The public names below are imported on first use, so ``import flow`` stays cheap for command-line
tools and for processes that only need one part.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from flow.engine import Engine, Understander
    from flow.errors import (
        AccessDenied,
        ConversationClosed,
        ConversationError,
        ConversationExists,
        DefinitionError,
        DuplicateMessage,
        FlowDefinitionError,
        InvalidFact,
        InvalidFactsToken,
        InvalidMessage,
        PolicyError,
        PolicyMismatch,
        StoreError,
        StoreUnavailable,
        TactfulError,
        TakeoverRefused,
        UnknownConversation,
        UnknownPolicy,
        UntrustedFacts,
        VersionConflict,
    )
    from flow.loading import bundled_policies, load_policy
    from flow.models import Action, Conversation, QuickReply, Signals, Turn
    from flow.policy import Policy

_HOMES = {
    "Engine": "flow.engine",
    "Understander": "flow.engine",
    "AccessDenied": "flow.errors",
    "ConversationClosed": "flow.errors",
    "ConversationError": "flow.errors",
    "ConversationExists": "flow.errors",
    "DefinitionError": "flow.errors",
    "DuplicateMessage": "flow.errors",
    "FlowDefinitionError": "flow.errors",
    "InvalidFact": "flow.errors",
    "InvalidFactsToken": "flow.errors",
    "InvalidMessage": "flow.errors",
    "PolicyError": "flow.errors",
    "PolicyMismatch": "flow.errors",
    "StoreError": "flow.errors",
    "StoreUnavailable": "flow.errors",
    "TactfulError": "flow.errors",
    "UnknownConversation": "flow.errors",
    "TakeoverRefused": "flow.errors",
    "UnknownPolicy": "flow.errors",
    "UntrustedFacts": "flow.errors",
    "VersionConflict": "flow.errors",
    "bundled_policies": "flow.loading",
    "load_policy": "flow.loading",
    "Action": "flow.models",
    "Conversation": "flow.models",
    "QuickReply": "flow.models",
    "Signals": "flow.models",
    "Turn": "flow.models",
    "Policy": "flow.policy",
}

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
    "InvalidFact",
    "InvalidFactsToken",
    "InvalidMessage",
    "Policy",
    "PolicyError",
    "PolicyMismatch",
    "QuickReply",
    "Signals",
    "StoreError",
    "StoreUnavailable",
    "TactfulError",
    "Turn",
    "Understander",
    "UnknownConversation",
    "TakeoverRefused",
    "UnknownPolicy",
    "UntrustedFacts",
    "VersionConflict",
    "bundled_policies",
    "load_policy",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'flow' has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
