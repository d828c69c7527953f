"""tactful: a finite-state conversation engine that declines customer requests politely.

>>> from tactful import Engine, load_policy
>>> engine = Engine(load_policy("retail"))

This is the package's public face: every documented name is importable from here, and ``__all__``
lists them. The implementation lives in the ``flow`` (engine) and ``states`` (what each state says)
packages, which stay importable but are not the names to depend on. The names are imported on first
use, so ``import tactful`` stays cheap, and the ones that need an extra (``tactful[server]``,
``tactful[redis]``, ``tactful[report]``) say which one to install when it is missing.
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
        MessageIdReused,
        MissingExtra,
        PolicyError,
        PolicyMismatch,
        StoreBusy,
        StoreError,
        StoreUnavailable,
        TactfulError,
        TakeoverRefused,
        TemplateLimitExceeded,
        UnknownConversation,
        UnknownPolicy,
        UntrustedFacts,
        VersionConflict,
    )
    from flow.followups import FollowUpWorker, PrintDelivery, WebhookDelivery
    from flow.loading import bundled_policies, load_policy
    from flow.models import Action, Conversation, QuickReply, Signals, Turn
    from flow.policy import Policy
    from flow.report import write_report
    from flow.rubric import score as score_transcript
    from flow.server import ServerSettings, build_app, create_app
    from flow.service import ConversationService
    from flow.simulate import simulate
    from flow.stores import MemoryStore, RedisStore, SqliteStore, Store, open_store
    from flow.transcripts import export as export_transcripts

_ERRORS = (
    "AccessDenied",
    "ConversationClosed",
    "ConversationError",
    "ConversationExists",
    "DefinitionError",
    "DuplicateMessage",
    "FlowDefinitionError",
    "InvalidFact",
    "InvalidFactsToken",
    "InvalidMessage",
    "MessageIdReused",
    "MissingExtra",
    "PolicyError",
    "PolicyMismatch",
    "StoreBusy",
    "StoreError",
    "StoreUnavailable",
    "TactfulError",
    "TakeoverRefused",
    "TemplateLimitExceeded",
    "UnknownConversation",
    "UnknownPolicy",
    "UntrustedFacts",
    "VersionConflict",
)

_HOMES: dict[str, tuple[str, str]] = {
    "Engine": ("flow.engine", "Engine"),
    "Understander": ("flow.engine", "Understander"),
    **{name: ("flow.errors", name) for name in _ERRORS},
    "bundled_policies": ("flow.loading", "bundled_policies"),
    "load_policy": ("flow.loading", "load_policy"),
    "Action": ("flow.models", "Action"),
    "Conversation": ("flow.models", "Conversation"),
    "QuickReply": ("flow.models", "QuickReply"),
    "Signals": ("flow.models", "Signals"),
    "Turn": ("flow.models", "Turn"),
    "Policy": ("flow.policy", "Policy"),
    "ConversationService": ("flow.service", "ConversationService"),
    "Store": ("flow.stores", "Store"),
    "MemoryStore": ("flow.stores", "MemoryStore"),
    "SqliteStore": ("flow.stores", "SqliteStore"),
    "RedisStore": ("flow.stores", "RedisStore"),
    "open_store": ("flow.stores", "open_store"),
    "FollowUpWorker": ("flow.followups", "FollowUpWorker"),
    "PrintDelivery": ("flow.followups", "PrintDelivery"),
    "WebhookDelivery": ("flow.followups", "WebhookDelivery"),
    "export_transcripts": ("flow.transcripts", "export"),
    "score_transcript": ("flow.rubric", "score"),
    "simulate": ("flow.simulate", "simulate"),
    "write_report": ("flow.report", "write_report"),
    "ServerSettings": ("flow.server", "ServerSettings"),
    "create_app": ("flow.server", "create_app"),
    "build_app": ("flow.server", "build_app"),
}
"""Where each public name is defined: module and name there."""

_EXTRAS = {
    "RedisStore": "redis",
    "write_report": "report",
    "ServerSettings": "server",
    "create_app": "server",
    "build_app": "server",
}
"""The extra a name needs besides the engine."""

__all__ = [
    "AccessDenied",
    "Action",
    "Conversation",
    "ConversationClosed",
    "ConversationError",
    "ConversationExists",
    "ConversationService",
    "DefinitionError",
    "DuplicateMessage",
    "Engine",
    "FlowDefinitionError",
    "FollowUpWorker",
    "InvalidFact",
    "InvalidFactsToken",
    "InvalidMessage",
    "MemoryStore",
    "MessageIdReused",
    "MissingExtra",
    "Policy",
    "PolicyError",
    "PolicyMismatch",
    "PrintDelivery",
    "QuickReply",
    "RedisStore",
    "ServerSettings",
    "Signals",
    "SqliteStore",
    "Store",
    "StoreBusy",
    "StoreError",
    "StoreUnavailable",
    "TactfulError",
    "TakeoverRefused",
    "TemplateLimitExceeded",
    "Turn",
    "Understander",
    "UnknownConversation",
    "UnknownPolicy",
    "UntrustedFacts",
    "VersionConflict",
    "WebhookDelivery",
    "__version__",
    "build_app",
    "bundled_policies",
    "create_app",
    "export_transcripts",
    "load_policy",
    "open_store",
    "score_transcript",
    "simulate",
    "write_report",
]


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("tactful")
    except PackageNotFoundError:
        return "0+unknown"


def __getattr__(name: str) -> Any:
    if name == "__version__":
        value: Any = _version()
    else:
        home = _HOMES.get(name)
        if home is None:
            raise AttributeError(f"module 'tactful' has no attribute {name!r}")
        extra = _EXTRAS.get(name)
        if extra is not None:
            from flow.extras import require

            require(extra, what=f"tactful.{name}")
        value = getattr(import_module(home[0]), home[1])
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
