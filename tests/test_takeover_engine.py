"""A person taking over in the engine: who may act when, what the customer sees, and old snapshots."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import timedelta

import pytest

from flow import Conversation, Engine, InvalidMessage, TakeoverRefused
from flow.models import SCHEMA_VERSION, Turn
from tests.plugins.engines import DANA, IN_HOURS, OUT_OF_HOURS


def escalated(engine: Engine) -> Conversation:
    conversation, _ = engine.start(DANA, "I want a refund")
    conversation, turn = engine.reply(conversation, "get me a manager")
    assert turn.state == "escalated"
    return conversation


def test_a_handoff_in_hours_waits_for_a_person(engine: Engine) -> None:
    conversation = escalated(engine)

    assert conversation.waiting_since == IN_HOURS
    assert conversation.at_the_desk


def test_out_of_hours_the_callback_offer_does_not_wait_for_a_person(make_engine: Callable[..., Engine]) -> None:
    conversation = escalated(make_engine(at=OUT_OF_HOURS))

    assert conversation.waiting_since is None
    assert not conversation.at_the_desk


def test_only_a_handed_over_conversation_can_be_taken_over(engine: Engine) -> None:
    conversation, _ = engine.start(DANA, "I want a refund")

    with pytest.raises(TakeoverRefused, match="it is offering_alternatives, not waiting for a person"):
        engine.take_over(conversation, "Alex")


def test_a_second_person_cannot_take_over(engine: Engine) -> None:
    conversation, _ = engine.take_over(escalated(engine), "Alex")

    with pytest.raises(TakeoverRefused, match="Alex is already talking with this customer"):
        engine.take_over(conversation, "Sam")


def test_only_the_person_who_took_over_writes_and_hands_back(engine: Engine) -> None:
    conversation, _ = engine.take_over(escalated(engine), "Alex")

    with pytest.raises(TakeoverRefused, match="cannot write in conversation .*: only Alex, who took it over"):
        engine.person_says(conversation, "Sam", "Hello")
    with pytest.raises(TakeoverRefused, match="cannot hand back conversation .*: only Alex"):
        engine.hand_back(conversation, "Sam")


def test_nobody_writes_before_taking_over(engine: Engine) -> None:
    with pytest.raises(TakeoverRefused, match="it is escalated; take it over first"):
        engine.person_says(escalated(engine), "Alex", "Hello")


@pytest.mark.parametrize("name", ["", "   ", "A" * 61, "Al\x00ex", 42])
def test_a_person_needs_a_plain_display_name(engine: Engine, name: object) -> None:
    with pytest.raises(InvalidMessage, match="a person's name must be"):
        engine.take_over(escalated(engine), name)  # type: ignore[arg-type]


def test_the_persons_message_is_theirs_in_the_transcript(engine: Engine) -> None:
    conversation, joined = engine.take_over(escalated(engine), "  Alex   Kim ")
    updated, turn = engine.person_says(conversation, "Alex Kim", "  Hi Dana, I'm on it.  ")

    assert joined.text == "You're now chatting with Alex Kim from our team."
    assert turn.person == "Alex Kim"
    assert turn.text == "Hi Dana, I'm on it."
    assert turn.number == updated.version == conversation.version + 1
    assert updated.state == "with_person"


def test_an_empty_message_from_the_person_changes_nothing(engine: Engine) -> None:
    conversation, _ = engine.take_over(escalated(engine), "Alex")

    with pytest.raises(InvalidMessage, match="the message is empty"):
        engine.person_says(conversation, "Alex", "   ")


def test_customer_messages_while_a_person_talks_get_no_answer(engine: Engine) -> None:
    conversation, _ = engine.take_over(escalated(engine), "Alex")

    conversation, turn = engine.reply(conversation, "this is a disgrace")

    assert turn.customer_text == "this is a disgrace"
    assert turn.text == ""
    assert turn.quick_replies == []
    assert turn.state == "with_person"


def test_handing_back_keeps_the_request_and_starts_anger_afresh(engine: Engine) -> None:
    conversation, _ = engine.take_over(escalated(engine), "Alex")
    conversation, _ = engine.reply(conversation, "this is a disgrace")
    angry = conversation.counters.anger

    conversation, turn = engine.hand_back(conversation, "Alex")

    assert angry == 1
    assert conversation.counters.anger == 0
    assert (conversation.state, conversation.person) == ("follow_up", None)
    assert [(item.name, item.status) for item in conversation.agenda] == [("refund", "escalated")]
    assert conversation.counters.alternatives_offered == 2
    assert "I'm back with you now" in turn.text


def test_a_person_closing_ends_it_quietly(engine: Engine) -> None:
    conversation, _ = engine.take_over(escalated(engine), "Alex")

    conversation, turn = engine.close_by_person(conversation, "Alex")

    assert conversation.closed
    assert turn.text == ""
    assert [a.type for a in turn.actions] == ["close"]


def test_the_wait_for_a_person_runs_out_only_after_the_policys_wait(make_engine: Callable[..., Engine]) -> None:
    conversation = escalated(make_engine())
    later = make_engine(at=IN_HOURS + timedelta(minutes=4, seconds=59))
    expired = make_engine(at=IN_HOURS + timedelta(minutes=5))

    with pytest.raises(InvalidMessage, match="is not waiting past the policy's wait"):
        later.wait_expired(conversation)
    offered, turn = expired.wait_expired(conversation)

    assert not later.wait_is_over(conversation)
    assert [q.payload for q in turn.quick_replies] == ["accept", "reject"]
    assert not expired.wait_is_over(offered)
    assert offered.at_the_desk


def test_a_snapshot_from_before_takeover_is_migrated_on_load(engine: Engine) -> None:
    current = escalated(engine)
    old = json.loads(current.model_dump_json())
    for field in ("schema_version", "waiting_since", "person", "callback_offered"):
        old.pop(field)

    loaded = Conversation.model_validate_json(json.dumps(old))

    assert loaded.schema_version == SCHEMA_VERSION
    assert loaded.waiting_since == loaded.updated_at
    assert loaded.at_the_desk
    assert json.loads(loaded.model_dump_json())["schema_version"] == SCHEMA_VERSION


def test_a_current_snapshot_is_not_migrated_again(make_engine: Callable[..., Engine]) -> None:
    conversation = escalated(make_engine(at=OUT_OF_HOURS))

    loaded = Conversation.model_validate_json(conversation.model_dump_json())

    assert loaded.waiting_since is None
    assert loaded == conversation


def test_an_old_transcript_turn_reads_as_the_agents(engine: Engine) -> None:
    _, turn = engine.start(DANA, "I want a refund")
    old = json.loads(turn.model_dump_json())
    old.pop("person")

    assert Turn.model_validate_json(json.dumps(old)).person is None
