"""The conversation service every channel uses: check the token, load, run the engine, save, retry.

A conversation is opened with :meth:`ConversationService.start`, which returns a token once; the
store keeps only its SHA-256 digest. Each later message goes through
:meth:`ConversationService.reply`, which applies the message to the latest snapshot and saves it
only if nobody saved in between; when someone did, it reloads and applies the message again.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Protocol

from flow.desk import Desk
from flow.errors import (
    AccessDenied,
    ConversationClosed,
    DefinitionError,
    DuplicateMessage,
    InvalidFactsToken,
    InvalidMessage,
    MessageIdReused,
    PolicyMismatch,
    UnknownConversation,
    UnknownPolicy,
    VersionConflict,
)
from flow.models import Conversation, FactValue, Turn
from flow.redaction import redact
from flow.stores.base import Store
from flow.stores.waiting import refuse_waiting

Facts = Mapping[str, FactValue]
MAX_MESSAGE_ID_CHARS = 200
KNOWN_DIGESTS = 4096


class PolicyInfo(Protocol):
    """What the service reads from an engine's policy."""

    @property
    def name(self) -> str: ...

    @property
    def version(self) -> str: ...

    @property
    def redact_personal_data(self) -> bool: ...


class ConversationEngine(Protocol):
    """The engine interface the service drives (``flow.Engine``)."""

    @property
    def policy(self) -> PolicyInfo: ...

    def start(
        self,
        facts: dict[str, FactValue] | None = None,
        message: str | None = None,
        *,
        conversation_id: str | None = None,
        unsigned_facts: dict[str, FactValue] | None = None,
    ) -> tuple[Conversation, Turn]: ...

    def reply(
        self,
        conversation: Conversation,
        message: str | None = None,
        *,
        quick_reply: str | None = None,
        facts: dict[str, FactValue] | None = None,
        unsigned_facts: dict[str, FactValue] | None = None,
    ) -> tuple[Conversation, Turn]: ...

    def check_facts(
        self, facts: dict[str, FactValue] | None, *, unsigned_facts: dict[str, FactValue] | None = None
    ) -> None: ...

    def take_over(self, conversation: Conversation, person: str) -> tuple[Conversation, Turn]: ...

    def person_says(self, conversation: Conversation, person: str, text: str) -> tuple[Conversation, Turn]: ...

    def hand_back(
        self, conversation: Conversation, person: str, *, close: bool = False
    ) -> tuple[Conversation, Turn]: ...

    def close_by_person(self, conversation: Conversation, person: str) -> tuple[Conversation, Turn]: ...

    def wait_is_over(self, conversation: Conversation) -> bool: ...

    def wait_expired(self, conversation: Conversation) -> tuple[Conversation, Turn]: ...


Change = Callable[[ConversationEngine, Conversation], tuple[Conversation, Turn]]


@dataclass(frozen=True, slots=True)
class Started:
    """A new conversation, its first turn, and the token every later request must carry."""

    conversation: Conversation
    turn: Turn
    token: str


def token_digest(token: str) -> str:
    """The SHA-256 hex digest under which a conversation token is stored."""
    return hashlib.sha256(token.encode()).hexdigest()


class ConversationService:
    """Runs conversations for every channel against one store, with one engine per policy.

    ``engines`` is one engine or a mapping from policy name to engine; the first is the default
    for :meth:`start`.
    """

    def __init__(
        self,
        engines: ConversationEngine | Mapping[str, ConversationEngine],
        store: Store,
        *,
        max_retries: int = 8,
        desk: Desk | None = None,
    ) -> None:
        table = dict(engines) if isinstance(engines, Mapping) else {engines.policy.name: engines}
        if not table:
            raise DefinitionError("ConversationService needs at least one engine; pass one or a mapping")
        if max_retries < 0:
            raise DefinitionError(f"max_retries must be 0 or more, not {max_retries}")
        self.engines: Mapping[str, ConversationEngine] = table
        self.store = store
        self.desk = desk
        self.max_retries = max_retries
        self.default_policy = next(iter(table))
        # A conversation's token never changes, so its digest is read from the store once; this
        # saves a query (a round trip on Redis) on every later message.
        self._digests: dict[str, str] = {}

    def start(
        self,
        *,
        facts: Facts | None = None,
        message: str | None = None,
        policy: str | None = None,
        unsigned_facts: Facts | None = None,
        signed_for: str | None = None,
        conversation_id: str | None = None,
        token: str | None = None,
    ) -> Started:
        """Open a conversation under ``policy`` (the default one when ``None``) and store it.

        ``facts`` are the host's; ``unsigned_facts`` came from a public client without the host's
        signature (see :meth:`flow.Engine.start`). ``signed_for`` is the policy a facts token named,
        which must be the conversation's. A channel that promised a customer an id and token before
        the conversation existed passes them; the store raises ``ConversationExists`` when another
        message opened that id first.
        """
        engine = self._engine(policy or self.default_policy)
        _check_signed_for(signed_for, engine.policy.name)
        conversation, turn = engine.start(
            dict(facts) if facts else None,
            message,
            conversation_id=conversation_id,
            unsigned_facts=dict(unsigned_facts) if unsigned_facts else None,
        )
        token = token or secrets.token_urlsafe(32)
        kept = self._as_kept(engine, turn)
        digest = token_digest(token)
        if self.desk is not None and conversation.at_the_desk:
            _refuse_waiting_for_the_desk()
            self.desk.add(conversation.id)
        self.store.create(conversation, kept, token_digest=digest)
        self._remember(conversation.id, digest)
        return Started(conversation=conversation, turn=kept, token=token)

    def reply(
        self,
        conversation_id: str,
        *,
        token: str,
        text: str | None = None,
        quick_reply: str | None = None,
        text_or_payload: str | None = None,
        facts: Facts | None = None,
        unsigned_facts: Facts | None = None,
        signed_for: str | None = None,
        message_id: str | None = None,
    ) -> tuple[Conversation, Turn]:
        """Apply one customer message and return the saved conversation and its new turn.

        ``text_or_payload`` is taken as a quick reply when the conversation offers that payload, and as
        text otherwise (for channels, like Rasa's, that send both the same way).

        A ``message_id`` already applied returns the turn it produced instead of a second one, so a
        client may resend a message whose response it lost. Raises ``VersionConflict`` only after
        ``max_retries`` reloads in a row lost the race to other writers.
        """
        if message_id is not None and not 0 < len(message_id) <= MAX_MESSAGE_ID_CHARS:
            raise InvalidMessage(f"message_id must be 1 to {MAX_MESSAGE_ID_CHARS} characters")
        self._authorize(conversation_id, token)
        conflicts = 0
        fresh = False
        sent = (text, quick_reply, text_or_payload)
        while True:
            if message_id is not None and (applied := self._applied(conversation_id, message_id)):
                return self._same_message(applied, message_id, sent)
            load = self.store.load if fresh else self.store.load_for_update
            current = load(conversation_id)
            engine = self._engine_for(current)
            _check_signed_for(signed_for, current.policy)
            if text_or_payload is not None:
                offered = text_or_payload in current.quick_replies
                text, quick_reply = (None, text_or_payload) if offered else (text_or_payload, None)
            try:
                updated, turn = engine.reply(
                    current,
                    text,
                    quick_reply=quick_reply,
                    facts=dict(facts) if facts else None,
                    unsigned_facts=dict(unsigned_facts) if unsigned_facts else None,
                )
            except (ConversationClosed, InvalidMessage):
                # The message that closed it may be this very message, sent again by the client.
                if message_id is not None and (applied := self._applied(conversation_id, message_id)):
                    return self._same_message(applied, message_id, sent)
                # A snapshot loaded for update may be one another worker has since replaced; judge
                # the message against the latest before refusing it.
                if not fresh and self.store.load(conversation_id).version != current.version:
                    fresh = True
                    continue
                raise
            kept = self._as_kept(engine, turn)
            try:
                self._save(current, updated, kept, message_id=message_id)
            except DuplicateMessage:
                continue
            except VersionConflict:
                conflicts += 1
                if conflicts > self.max_retries:
                    raise
                continue
            return updated, kept

    def take_over(self, conversation_id: str, *, person: str) -> tuple[Conversation, Turn]:
        """``person`` takes over a conversation waiting for one (see :meth:`flow.Engine.take_over`)."""
        return self._change(conversation_id, lambda engine, current: engine.take_over(current, person))

    def person_says(self, conversation_id: str, *, person: str, text: str) -> tuple[Conversation, Turn]:
        """A message from the person who took over, kept in the transcript as theirs."""
        return self._change(conversation_id, lambda engine, current: engine.person_says(current, person, text))

    def hand_back(self, conversation_id: str, *, person: str, close: bool = False) -> tuple[Conversation, Turn]:
        """The person hands back: the agent resumes at the follow-up, or says goodbye when ``close``."""
        return self._change(conversation_id, lambda engine, current: engine.hand_back(current, person, close=close))

    def close_by_person(self, conversation_id: str, *, person: str) -> tuple[Conversation, Turn]:
        """The person who took over ends the conversation."""
        return self._change(conversation_id, lambda engine, current: engine.close_by_person(current, person))

    def wait_expired(self, conversation_id: str) -> tuple[Conversation, Turn] | None:
        """Offer a callback if nobody took over within the policy's wait; ``None`` when it is not due (any more)."""
        try:
            return self._change(conversation_id, lambda engine, current: engine.wait_expired(current))
        except InvalidMessage:
            return None

    def at_the_desk(self) -> list[Conversation]:
        """The conversations waiting for a person or talking with one, longest waiting first."""
        if self.desk is None:
            return []
        found: list[Conversation] = []
        for conversation_id in self.desk.ids():
            try:
                conversation = self.store.load(conversation_id)
            except UnknownConversation:
                conversation = None
            if conversation is None or not conversation.at_the_desk:
                self.desk.remove(conversation_id)
                continue
            found.append(conversation)
        return sorted(found, key=lambda c: c.waiting_since or c.updated_at)

    def read(self, conversation_id: str) -> tuple[Conversation, list[Turn]]:
        """The conversation and its transcript, for the people at the desk (no customer token)."""
        return self.store.load(conversation_id), self.store.transcript(conversation_id)

    def _change(self, conversation_id: str, change: Change) -> tuple[Conversation, Turn]:
        """Apply a change that is not a customer message to the latest snapshot, retrying on a version conflict."""
        conflicts = 0
        while True:
            current = self.store.load(conversation_id)
            engine = self._engine_for(current)
            updated, turn = change(engine, current)
            try:
                self._save(current, updated, turn)
            except VersionConflict:
                conflicts += 1
                if conflicts > self.max_retries:
                    raise
                continue
            return updated, turn

    def _save(self, current: Conversation, updated: Conversation, turn: Turn, *, message_id: str | None = None) -> None:
        # Added before the save and removed after it, so a crash in between leaves an extra entry at
        # worst (skipped when listed), never a waiting customer missing from the desk.
        desk = self.desk if current.at_the_desk != updated.at_the_desk else None
        if desk is not None:
            _refuse_waiting_for_the_desk()
        if desk is not None and updated.at_the_desk:
            desk.add(updated.id)
        self.store.save(updated, turn, expected_version=current.version, message_id=message_id)
        if desk is not None and not updated.at_the_desk:
            desk.remove(updated.id)

    def check_facts(
        self,
        *,
        facts: Facts | None = None,
        unsigned_facts: Facts | None = None,
        signed_for: str | None = None,
        policy: str | None = None,
    ) -> None:
        """Raise what :meth:`start` would raise for these facts, without starting anything.

        For a channel that must record something before it starts a conversation (the Rasa sender
        table): refused facts then change nothing there either.
        """
        engine = self._engine(policy or self.default_policy)
        _check_signed_for(signed_for, engine.policy.name)
        engine.check_facts(
            dict(facts) if facts else None, unsigned_facts=dict(unsigned_facts) if unsigned_facts else None
        )

    def get(self, conversation_id: str, *, token: str) -> tuple[Conversation, list[Turn]]:
        """The conversation's latest snapshot and its whole transcript."""
        self._authorize(conversation_id, token)
        return self.store.load(conversation_id), self.store.transcript(conversation_id)

    def _same_message(
        self,
        applied: tuple[Conversation, Turn],
        message_id: str,
        sent: tuple[str | None, str | None, str | None],
    ) -> tuple[Conversation, Turn]:
        """The turn a message id already produced, when the message sent again is the one it was for; a
        different message under the same id raises :class:`MessageIdReused` rather than being lost."""
        conversation, turn = applied
        text, quick_reply, either = sent
        kept = {turn.customer_text, turn.quick_reply} - {None}
        if not kept:
            return applied
        redacts = self._engine_for(conversation).policy.redact_personal_data
        candidates = {value for value in (text, quick_reply, either) if value is not None}
        forms = {unicodedata.normalize("NFC", value).strip() for value in candidates}
        if redacts:
            forms |= {redact(form) for form in forms}
        if forms & kept:
            return applied
        raise MessageIdReused(conversation.id, message_id)

    def _applied(self, conversation_id: str, message_id: str) -> tuple[Conversation, Turn] | None:
        turn = self.store.find_turn(conversation_id, message_id)
        return None if turn is None else (self.store.load(conversation_id), turn)

    def _authorize(self, conversation_id: str, token: str) -> None:
        expected = self._digests.get(conversation_id)
        if expected is None:
            expected = self.store.token_digest(conversation_id)
            self._remember(conversation_id, expected)
        if not hmac.compare_digest(expected, token_digest(token)):
            raise AccessDenied(conversation_id)

    def _remember(self, conversation_id: str, digest: str) -> None:
        if len(self._digests) >= KNOWN_DIGESTS:
            self._digests.clear()
        self._digests[conversation_id] = digest

    def _engine(self, policy: str) -> ConversationEngine:
        engine = self.engines.get(policy)
        if engine is None:
            raise UnknownPolicy(policy, list(self.engines))
        return engine

    def _engine_for(self, conversation: Conversation) -> ConversationEngine:
        engine = self.engines.get(conversation.policy)
        if engine is None:
            served = ", ".join(self.engines)
            raise PolicyMismatch(conversation.id, served, conversation.policy)
        return engine

    @staticmethod
    def _as_kept(engine: ConversationEngine, turn: Turn) -> Turn:
        """The turn as the transcript keeps it: customer text and the slots read from it redacted when the
        policy asks."""
        if not engine.policy.redact_personal_data or turn.customer_text is None:
            return turn
        update: dict[str, object] = {}
        redacted = redact(turn.customer_text)
        if redacted != turn.customer_text:
            update["customer_text"] = redacted
        signals = turn.signals
        if signals is not None and signals.slots:
            slots = {name: redact(value) for name, value in signals.slots.items()}
            if slots != signals.slots:
                update["signals"] = signals.model_copy(update={"slots": slots})
        return turn.model_copy(update=update) if update else turn


def _refuse_waiting_for_the_desk() -> None:
    # The desk is a second write beside the save, on a connection of its own: refused before the save,
    # the whole call can be made again where waiting is allowed; after it, it could not.
    refuse_waiting("desk", "the desk changes, which may wait for its own connection")


def _check_signed_for(signed_for: str | None, policy: str) -> None:
    if signed_for is not None and signed_for != policy:
        raise InvalidFactsToken(f"it was signed for policy {signed_for!r}, and this conversation is under {policy!r}")
