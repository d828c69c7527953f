"""The conversation service as channels use it: tokens, retries on conflict, redaction, idempotency."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from flow import Engine, load_policy
from flow import service as service_module
from flow.errors import (
    AccessDenied,
    ConversationClosed,
    DefinitionError,
    InvalidMessage,
    MessageIdReused,
    PolicyMismatch,
    UnknownConversation,
    UnknownPolicy,
    VersionConflict,
)
from flow.models import Conversation, ScheduleFollowUp, Turn
from flow.service import ConversationService, Started
from flow.stores import MemoryStore, SqliteStore, Store

NOW = datetime(2025, 3, 4, 10, 0, tzinfo=UTC)
LATE_REFUND = {"order_id": "A-1234", "days_since_purchase": 45}
PERSONAL = "I want a refund, write to ann@example.org or call 020 7946 0958, card 4111 1111 1111 1111"


@pytest.fixture(scope="module")
def engine() -> Engine:
    """The bundled retail policy's engine, on a fixed clock."""
    return Engine(load_policy("retail"), clock=lambda: NOW)


@pytest.fixture
def service(engine: Engine, store: Store) -> ConversationService:
    """The service over the retail engine and each store."""
    return ConversationService(engine, store)


def refused(service: ConversationService) -> Started:
    return service.start(facts=LATE_REFUND, message="I want a refund please")


def test_start_returns_a_token_and_the_store_keeps_only_its_digest(service: ConversationService) -> None:
    started = refused(service)

    assert started.conversation.version == 1
    assert started.conversation.state == "offering_alternatives"
    assert "can't refund it" in started.turn.text
    assert len(started.token) >= 43
    assert service.store.token_digest(started.conversation.id) == hashlib.sha256(started.token.encode()).hexdigest()
    assert refused(service).token != started.token


def test_the_token_is_not_written_to_the_sqlite_file(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "tactful.db"
    with SqliteStore(path) as store:
        started = refused(ConversationService(engine, store))

    written = b"".join(p.read_bytes() for p in tmp_path.iterdir())
    assert started.conversation.id.encode() in written
    assert started.token.encode() not in written


def test_reply_saves_the_next_version_and_get_returns_the_transcript(service: ConversationService) -> None:
    started = refused(service)

    conversation, turn = service.reply(started.conversation.id, token=started.token, text="why not?")
    stored, transcript = service.get(started.conversation.id, token=started.token)

    assert conversation.version == 2
    assert stored == conversation
    assert [t.customer_text for t in transcript] == ["I want a refund please", "why not?"]
    assert transcript[-1] == turn


def test_accepting_an_alternative_queues_the_follow_up(service: ConversationService) -> None:
    started = refused(service)

    conversation, turn = service.reply(
        started.conversation.id, token=started.token, quick_reply="alternative:store_credit"
    )

    (job,) = service.store.pending_follow_ups()
    assert conversation.state == "follow_up"
    assert isinstance(job.action, ScheduleFollowUp)
    assert (job.conversation_id, job.due_at, job.turn_number) == (conversation.id, NOW + timedelta(hours=24), 2)
    assert "Northwind Goods" in job.action.text


@pytest.mark.parametrize("token", ["", "not-the-token"])
def test_a_wrong_token_is_denied_and_changes_nothing(service: ConversationService, token: str) -> None:
    started = refused(service)
    cid = started.conversation.id
    service.reply(cid, token=started.token, text="why not?")

    with pytest.raises(AccessDenied, match=f"the token does not open conversation {cid}"):
        service.reply(cid, token=token, text="give me my money")
    with pytest.raises(AccessDenied, match="send the token returned when the conversation was created"):
        service.get(cid, token=token)

    assert len(service.get(cid, token=started.token)[1]) == 2


def test_one_conversations_token_does_not_open_another(service: ConversationService) -> None:
    first, second = refused(service), refused(service)

    with pytest.raises(AccessDenied, match=second.conversation.id):
        service.reply(second.conversation.id, token=first.token, text="why not?")


def test_an_unknown_conversation_is_named(service: ConversationService) -> None:
    with pytest.raises(UnknownConversation, match="no conversation has id 'missing'"):
        service.reply("missing", token="whatever", text="hello")


@pytest.mark.parametrize("text", ["", "   ", "x" * 2001])
def test_a_message_the_engine_refuses_changes_nothing(service: ConversationService, text: str) -> None:
    started = refused(service)

    with pytest.raises(InvalidMessage, match="message not accepted"):
        service.reply(started.conversation.id, token=started.token, text=text)

    conversation, transcript = service.get(started.conversation.id, token=started.token)
    assert (conversation.version, len(transcript)) == (1, 1)


def test_a_closed_conversation_takes_no_more_messages(service: ConversationService) -> None:
    started = refused(service)
    cid = started.conversation.id
    service.reply(cid, token=started.token, quick_reply="alternative:store_credit")
    closed, _ = service.reply(cid, token=started.token, quick_reply="thank_close")

    with pytest.raises(ConversationClosed, match=f"conversation {cid} is closed"):
        service.reply(cid, token=started.token, text="one more thing")
    assert closed.outcome == "alternative_accepted"
    assert len(service.get(cid, token=started.token)[1]) == 3


def test_the_transcript_keeps_personal_data_redacted(service: ConversationService) -> None:
    started = service.start(facts=LATE_REFUND, message=PERSONAL)
    service.reply(started.conversation.id, token=started.token, text="my other email is bo@example.com")

    _, transcript = service.get(started.conversation.id, token=started.token)

    assert [t.customer_text for t in transcript] == [
        "I want a refund, write to [email] or call [phone], card [card]",
        "my other email is [email]",
    ]
    assert started.turn.customer_text == transcript[0].customer_text


def test_a_policy_without_redaction_keeps_the_text_as_sent(store: Store) -> None:
    policy = load_policy("retail").model_copy(update={"redact_personal_data": False})
    service = ConversationService(Engine(policy, clock=lambda: NOW), store)

    started = service.start(facts=LATE_REFUND, message=PERSONAL)

    assert service.get(started.conversation.id, token=started.token)[1][0].customer_text == PERSONAL


def test_a_resent_message_id_returns_the_first_turn_instead_of_a_second(service: ConversationService) -> None:
    started = refused(service)
    cid = started.conversation.id

    first = service.reply(cid, token=started.token, text="why not?", message_id="m-1")
    again = service.reply(cid, token=started.token, text="why not?", message_id="m-1")

    assert again == first
    assert len(service.get(cid, token=started.token)[1]) == 2


def test_a_resent_closing_message_returns_its_turn_not_an_error(service: ConversationService) -> None:
    started = refused(service)
    cid = started.conversation.id
    service.reply(cid, token=started.token, quick_reply="alternative:store_credit")

    _, closing = service.reply(cid, token=started.token, quick_reply="thank_close", message_id="bye")
    conversation, again = service.reply(cid, token=started.token, quick_reply="thank_close", message_id="bye")

    assert conversation.closed
    assert again == closing


def test_a_message_id_reused_for_another_message_is_refused_and_changes_nothing(service: ConversationService) -> None:
    started = refused(service)
    cid = started.conversation.id
    service.reply(cid, token=started.token, text="why not?", message_id="m-1")
    before, turns = service.get(cid, token=started.token)

    with pytest.raises(MessageIdReused, match="already used for a different message"):
        service.reply(cid, token=started.token, text="the credit please", message_id="m-1")
    with pytest.raises(MessageIdReused):
        service.reply(cid, token=started.token, quick_reply="alternative:store_credit", message_id="m-1")

    after, turns_after = service.get(cid, token=started.token)
    assert (after.version, len(turns_after)) == (before.version, len(turns))


def test_a_resent_message_whose_stored_text_was_redacted_still_returns_its_turn(service: ConversationService) -> None:
    started = refused(service)
    cid = started.conversation.id

    first = service.reply(cid, token=started.token, text=f"  {PERSONAL} ", message_id="m-2")
    again = service.reply(cid, token=started.token, text=PERSONAL, message_id="m-2")

    assert again == first
    assert "4111" not in (again[1].customer_text or "")


@pytest.mark.parametrize("message_id", ["", "x" * 201])
def test_a_message_id_must_be_short_and_not_empty(service: ConversationService, message_id: str) -> None:
    started = refused(service)

    with pytest.raises(InvalidMessage, match="message_id must be 1 to 200 characters"):
        service.reply(started.conversation.id, token=started.token, text="why?", message_id=message_id)


class RacingStore(MemoryStore):
    """A store where another client's message lands just before each ``race_on`` call, ``races`` times."""

    def __init__(self, races: int, *, race_on: str = "save") -> None:
        super().__init__()
        self.races = races
        self.race_on = race_on
        self.rival: Callable[[], object] | None = None

    def load(self, conversation_id: str) -> Conversation:
        if self.race_on == "load":
            self._race()
        return super().load(conversation_id)

    def save(self, conversation: Conversation, turn: Turn, *, expected_version: int, **kwargs: str | None) -> None:
        if self.race_on == "save":
            self._race()
        super().save(conversation, turn, expected_version=expected_version, **kwargs)

    def _race(self) -> None:
        if self.races and self.rival is not None:
            self.races -= 1
            rival, self.rival = self.rival, None
            rival()
            self.rival = rival


def test_a_conflicting_save_is_retried_on_the_newer_snapshot(engine: Engine) -> None:
    store = RacingStore(races=2)
    service = ConversationService(engine, store)
    started = refused(service)
    store.rival = lambda: service.reply(started.conversation.id, token=started.token, text="hmm let me think")

    conversation, turn = service.reply(started.conversation.id, token=started.token, text="why not?")

    transcript = store.transcript(conversation.id)
    assert conversation.version == 4
    assert [t.customer_text for t in transcript] == [
        "I want a refund please",
        "hmm let me think",
        "hmm let me think",
        "why not?",
    ]
    assert [t.number for t in transcript] == [1, 2, 3, 4]
    assert transcript[-1] == turn


def test_retries_stop_after_max_retries_and_the_message_is_not_saved(engine: Engine) -> None:
    store = RacingStore(races=10)
    service = ConversationService(engine, store, max_retries=2)
    started = refused(service)
    store.rival = lambda: service.reply(started.conversation.id, token=started.token, text="hmm let me think")

    with pytest.raises(VersionConflict, match="reload it and apply the message again"):
        service.reply(started.conversation.id, token=started.token, text="why not?")

    texts = [t.customer_text for t in store.transcript(started.conversation.id)]
    assert "why not?" not in texts
    assert texts.count("hmm let me think") == 3


def test_a_resent_message_that_wins_the_race_is_returned_once(engine: Engine) -> None:
    store = RacingStore(races=1)
    service = ConversationService(engine, store)
    started = refused(service)
    cid = started.conversation.id
    store.rival = lambda: service.reply(cid, token=started.token, text="why not?", message_id="m-1")

    conversation, turn = service.reply(cid, token=started.token, text="why not?", message_id="m-1")

    assert [t.customer_text for t in store.transcript(cid)] == ["I want a refund please", "why not?"]
    assert (conversation.version, turn) == (2, store.transcript(cid)[1])


def test_a_resent_closing_message_that_wins_the_race_is_returned_once(engine: Engine) -> None:
    store = RacingStore(races=0, race_on="load")
    service = ConversationService(engine, store)
    started = refused(service)
    cid = started.conversation.id
    service.reply(cid, token=started.token, quick_reply="alternative:store_credit")
    store.races = 1
    store.rival = lambda: service.reply(cid, token=started.token, quick_reply="thank_close", message_id="bye")

    conversation, turn = service.reply(cid, token=started.token, quick_reply="thank_close", message_id="bye")

    assert conversation.closed
    assert turn == store.transcript(cid)[-1]
    assert len(store.transcript(cid)) == 3


def test_tokens_are_still_checked_once_many_conversations_were_seen(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(service_module, "KNOWN_DIGESTS", 2)
    service = ConversationService(engine, MemoryStore())
    opened = [refused(service) for _ in range(3)]

    for started in opened:
        assert service.reply(started.conversation.id, token=started.token, text="why?")[0].version == 2
        with pytest.raises(AccessDenied, match=started.conversation.id):
            service.reply(started.conversation.id, token=opened[0].token + "x", text="why?")


def test_concurrent_messages_to_one_conversation_all_land_once(service: ConversationService) -> None:
    started = refused(service)
    cid = started.conversation.id
    errors: list[Exception] = []

    def client(name: int) -> None:
        try:
            for n in range(4):
                service.reply(cid, token=started.token, text=f"hmm let me think {name}-{n}")
        except Exception as error:
            errors.append(error)

    threads = [threading.Thread(target=client, args=(name,)) for name in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    conversation, transcript = service.get(cid, token=started.token)
    assert errors == []
    assert conversation.version == 13
    assert [t.number for t in transcript] == list(range(1, 14))
    assert sorted(t.customer_text or "" for t in transcript[1:]) == sorted(
        f"hmm let me think {name}-{n}" for name in range(3) for n in range(4)
    )


def test_each_policy_runs_on_its_own_engine(engine: Engine) -> None:
    outlet = Engine(load_policy("retail").model_copy(update={"name": "outlet"}), clock=lambda: NOW)
    service = ConversationService({"retail": engine, "outlet": outlet}, MemoryStore())

    default = refused(service)
    other = service.start(facts=LATE_REFUND, message="I want a refund", policy="outlet")
    _, turn = service.reply(other.conversation.id, token=other.token, text="why not?")

    assert (default.conversation.policy, other.conversation.policy) == ("retail", "outlet")
    assert turn.number == 2
    with pytest.raises(UnknownPolicy, match="no policy named 'bank' is served here; use one of: retail, outlet"):
        service.start(policy="bank")


def test_a_conversation_of_a_policy_not_served_is_refused(engine: Engine) -> None:
    store = MemoryStore()
    started = refused(ConversationService(engine, store))
    outlet = Engine(load_policy("retail").model_copy(update={"name": "outlet"}), clock=lambda: NOW)

    with pytest.raises(PolicyMismatch, match="belongs to policy 'retail', not 'outlet'"):
        ConversationService(outlet, store).reply(started.conversation.id, token=started.token, text="why?")


def test_a_service_needs_an_engine_and_a_retry_budget(engine: Engine) -> None:
    with pytest.raises(DefinitionError, match="needs at least one engine"):
        ConversationService({}, MemoryStore())
    with pytest.raises(DefinitionError, match="max_retries must be 0 or more, not -1"):
        ConversationService(engine, MemoryStore(), max_retries=-1)
