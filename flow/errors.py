"""The errors tactful raises, all under one root.

::

    TactfulError
    ├── DefinitionError            a policy or flow that cannot run
    │   ├── PolicyError            a policy file or object is invalid
    │   ├── FlowDefinitionError    the state graph is broken (unreachable or trapped states)
    │   └── TemplateLimitExceeded  a template would build too much text, or loop or call too often
    ├── StoreError                 a store that cannot do what was asked (bad URL, newer schema, nothing stored)
    ├── StoreUnavailable           the store did not answer in time or cannot be reached; retry later
    │   └── StoreBusy              a call told not to wait found the store busy, and changed nothing
    ├── MissingExtra               a part that needs an optional extra which is not installed
    └── ConversationError          a message that cannot be applied
        ├── ConversationClosed     the conversation has ended
        ├── VersionConflict        someone else saved a newer version first
        ├── UnknownConversation    no conversation has that id
        ├── ConversationExists     a new conversation under an id already stored
        ├── DuplicateMessage       a message id that was already applied
        ├── InvalidMessage         empty, too long, binary, or an unknown quick reply
        │   ├── InvalidFact        a fact the policy's facts schema refuses (unknown, not finite, out of bounds)
        │   └── MessageIdReused    a message id already used for a different message
        ├── PolicyMismatch         the conversation belongs to another policy
        ├── UnknownPolicy          no engine serves the policy asked for
        ├── TakeoverRefused        a person's action that does not fit who holds the conversation
        ├── AccessDenied           a missing or wrong conversation token
        ├── UntrustedFacts         facts a public client sent without the host's signature
        └── InvalidFactsToken      a facts token that is forged, expired or cannot be checked

Every error builds its own message from the data it carries, and says what to do next.
"""

from __future__ import annotations

from collections.abc import Sequence


class TactfulError(Exception):
    """Root of every error tactful raises on purpose."""


class DefinitionError(TactfulError):
    """A policy or flow definition that cannot be run."""


class PolicyError(DefinitionError):
    """A policy that fails validation; ``problems`` lists each one with its YAML path."""

    def __init__(self, source: str, problems: Sequence[str]) -> None:
        self.source = source
        self.problems = list(problems)
        one = len(self.problems) == 1
        lines = "\n".join(f"  - {p}" for p in self.problems)
        summary = "1 problem; fix it" if one else f"{len(self.problems)} problems; fix them"
        super().__init__(f"policy {source} has {summary} and load it again:\n{lines}")


class FlowDefinitionError(DefinitionError):
    """A state graph with unreachable states or states that cannot reach the end."""

    def __init__(self, policy: str, problems: Sequence[str]) -> None:
        self.policy = policy
        self.problems = list(problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"the flow for policy {policy!r} cannot run:\n{lines}")


class TemplateLimitExceeded(DefinitionError):
    """A policy template went past one of the sandbox's limits while rendering; ``limit`` names which.

    At load it becomes one of the :class:`PolicyError` problems, under the template's YAML path; while
    rendering a turn it never reaches the caller: the engine says something else (see ``TemplateBook``).
    """

    def __init__(self, limit: str, detail: str) -> None:
        self.limit = limit
        self.detail = detail
        super().__init__(f"template goes past a sandbox limit: {detail}")


class ConversationError(TactfulError):
    """A message or request that cannot be applied to a conversation; nothing was changed."""


class ConversationClosed(ConversationError):
    """The conversation reached ``closed``; start a new one instead."""

    def __init__(self, conversation_id: str) -> None:
        self.conversation_id = conversation_id
        super().__init__(
            f"conversation {conversation_id} is closed and takes no more messages; start a new conversation"
        )


class VersionConflict(ConversationError):
    """Another writer saved the conversation first; reload it and apply the message again."""

    def __init__(self, conversation_id: str, expected: int, found: int) -> None:
        self.conversation_id = conversation_id
        self.expected = expected
        self.found = found
        super().__init__(
            f"conversation {conversation_id} is at version {found}, not {expected}: "
            "reload it and apply the message again"
        )


_SHOWN_ID = 64
"""The most characters of an unknown conversation id an error message repeats back."""


class UnknownConversation(ConversationError):
    """No conversation is stored under that id."""

    def __init__(self, conversation_id: str) -> None:
        self.conversation_id = conversation_id
        shown = conversation_id if len(conversation_id) <= _SHOWN_ID else conversation_id[:_SHOWN_ID] + "…"
        super().__init__(f"no conversation has id {shown!r}; check the id or start a new one")


class InvalidMessage(ConversationError):
    """A customer message the engine refuses: ``reason`` says why."""

    def __init__(self, reason: str, *, what: str = "message") -> None:
        self.reason = reason
        super().__init__(f"{what} not accepted: {reason}")


class MessageIdReused(InvalidMessage):
    """A ``message_id`` already used for another message of the conversation: the message is not applied."""

    def __init__(self, conversation_id: str, message_id: str) -> None:
        self.conversation_id = conversation_id
        self.message_id = message_id
        super().__init__(
            f"message_id {message_id!r} was already used for a different message in conversation "
            f"{conversation_id}; give each new message its own id, and resend a message only with its own",
            what="message_id",
        )


class InvalidFact(InvalidMessage):
    """A fact the policy's facts schema refuses; ``fact`` names it and ``reason`` says what is wrong."""

    def __init__(self, fact: str, problem: str) -> None:
        self.fact = fact
        super().__init__(f"fact {fact!r} {problem}", what="facts")


class PolicyMismatch(ConversationError):
    """The conversation was started under a different policy than this engine's."""

    def __init__(self, conversation_id: str, expected: str, found: str) -> None:
        self.conversation_id = conversation_id
        self.expected = expected
        self.found = found
        super().__init__(
            f"conversation {conversation_id} belongs to policy {found!r}, not {expected!r}; "
            "send it to the engine built for that policy"
        )


class AccessDenied(ConversationError):
    """A request without the conversation's token, or with another conversation's token."""

    def __init__(self, conversation_id: str) -> None:
        self.conversation_id = conversation_id
        super().__init__(
            f"the token does not open conversation {conversation_id}; "
            "send the token returned when the conversation was created"
        )


class StoreError(TactfulError, ValueError):
    """A store asked for something it cannot do: a bad URL, a newer schema, a mismatched save."""


class MissingExtra(TactfulError, ImportError):
    """A command or name needs an optional part of tactful (an extra) that is not installed."""

    def __init__(self, what: str, extra: str, module: str) -> None:
        self.what = what
        self.extra = extra
        self.module = module
        super().__init__(
            f"{what} needs the {extra!r} extra ({module} is not installed); "
            f"install it with: pip install 'tactful[{extra}]'"
        )


class StoreUnavailable(TactfulError):
    """The store did not answer within its timeout, or could not be reached at all.

    A read changed nothing. A write may still be applied if the store was only slow, which is why
    the message says to resend a message with the same ``message_id``: it is applied at most once.
    ``retry_after`` is how many seconds a client should wait before trying again.
    """

    def __init__(self, store: str, problem: str, *, retry_after: int = 2) -> None:
        self.store = store
        self.problem = problem
        self.retry_after = retry_after
        super().__init__(
            f"{problem}; retry in {retry_after} s or more (a message sent again with the same message_id "
            "is applied at most once)"
        )


class StoreBusy(StoreUnavailable):
    """A call made under :func:`flow.stores.waiting.without_waiting` would have had to wait for the store.

    Another writer held what the call needed (SQLite's write lock, say). Nothing was changed, so the
    same call can be made again where waiting is allowed: the server does so in a worker thread.
    """

    def __init__(self, store: str, problem: str) -> None:
        super().__init__(store, f"{problem}, and this call was not allowed to wait for it")


class ConversationExists(ConversationError):
    """``create`` was given an id that is already stored."""

    def __init__(self, conversation_id: str) -> None:
        self.conversation_id = conversation_id
        super().__init__(
            f"a conversation with id {conversation_id!r} already exists; start the new conversation under another id"
        )


class DuplicateMessage(ConversationError):
    """A message id that was already applied to the conversation; its turn is in the transcript."""

    def __init__(self, conversation_id: str, message_id: str) -> None:
        self.conversation_id = conversation_id
        self.message_id = message_id
        super().__init__(
            f"message {message_id!r} was already applied to conversation {conversation_id}; "
            "read its turn with find_turn instead of sending it again"
        )


class UnknownPolicy(ConversationError):
    """A conversation was asked for under a policy this service has no engine for."""

    def __init__(self, name: str, served: list[str]) -> None:
        self.name = name
        self.served = served
        super().__init__(f"no policy named {name!r} is served here; use one of: {', '.join(served)}")


class UntrustedFacts(ConversationError):
    """Facts a public client (a page, a widget) sent unsigned that the policy accepts only from the host."""

    def __init__(self, facts: Sequence[str], unsigned_allowed: Sequence[str] = ()) -> None:
        self.facts = sorted(facts)
        allowed = ", ".join(sorted(unsigned_allowed)) or "none"
        super().__init__(
            f"facts {', '.join(self.facts)} must come from the host application: sign them into a facts token "
            "with the server's facts key, or start the conversation server to server with the API key "
            f"(facts a page may send unsigned: {allowed})"
        )


class InvalidFactsToken(ConversationError):
    """A facts token that cannot be trusted: forged, expired, malformed, or with no key to check it."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(f"the facts token is not accepted: {reason}")


class TakeoverRefused(ConversationError):
    """A person's action (take over, write, hand back, close) that the conversation cannot take now."""

    def __init__(self, conversation_id: str, action: str, *, state: str, holder: str | None) -> None:
        self.conversation_id = conversation_id
        self.action = action
        self.state = state
        self.holder = holder
        if state == "with_person" and action == "take_over":
            detail = f"{holder} is already talking with this customer"
        elif state == "with_person":
            detail = f"only {holder}, who took it over, can do that"
        elif action == "take_over":
            detail = f"it is {state}, not waiting for a person; only a handed-over conversation can be taken over"
        else:
            detail = f"it is {state}; take it over first"
        verb = _PERSON_ACTIONS.get(action, action)
        super().__init__(f"cannot {verb} conversation {conversation_id}: {detail}")


_PERSON_ACTIONS = {
    "take_over": "take over",
    "person_says": "write in",
    "hand_back": "hand back",
    "hand_back_close": "hand back",
    "agent_close": "close",
}
