"""The records a turn leaves are the same whichever way they were built: validated, constructed or shared."""

from __future__ import annotations

from flow import Engine
from flow.models import Conversation, Turn, successor
from tests.plugins.engines import DANA, IN_HOURS


def test_a_turn_made_by_the_engine_is_the_turn_model_construct_would_build(engine: Engine) -> None:
    conversation, _ = engine.start(facts=DANA)
    _, turn = engine.reply(conversation, "I want a refund")
    given = {name: value for name, value in turn.__dict__.items() if name != "person"}

    constructed = Turn.model_construct(**given)

    assert turn == constructed
    assert turn.model_fields_set == constructed.model_fields_set
    assert turn.model_dump_json() == constructed.model_dump_json()
    assert Turn.model_validate_json(turn.model_dump_json()) == turn
    assert turn.person is None


def test_snapshots_that_share_their_fields_set_still_change_one_at_a_time(engine: Engine) -> None:
    conversation, _ = engine.start(facts=DANA)
    loaded = Conversation.model_validate_json(conversation.model_dump_json())
    again = Conversation.model_validate_json(conversation.model_dump_json())

    changed = loaded.model_copy(update={"state": "closed"})
    loaded.person = "Sam"

    assert loaded.model_fields_set == again.model_fields_set == set(Conversation.model_fields)
    assert again.state == "listening"
    assert again.person is None
    assert changed.state == "closed"
    assert conversation.state == "listening"
    assert loaded == conversation.model_copy(update={"person": "Sam"})
    assert again == conversation


def test_the_next_snapshot_is_the_copy_model_copy_would_make_and_the_one_before_is_untouched(engine: Engine) -> None:
    first, _ = engine.start(facts=DANA)
    before = first.model_dump_json()
    update = {"state": "explaining", "version": first.version + 1, "said": [*first.said, 7]}

    made = successor(first, update)
    copied = first.model_copy(update=update)

    assert made == copied
    assert made.model_dump_json() == copied.model_dump_json()
    assert made.model_fields_set == copied.model_fields_set == set(Conversation.model_fields)
    assert first.model_dump_json() == before
    made.person = "Sam"
    assert first.person is None


def test_a_partial_snapshot_gains_only_the_fields_its_successor_sets() -> None:
    partial = Conversation.model_construct(
        id="c-1", policy="retail", policy_version="1", started_at=IN_HOURS, updated_at=IN_HOURS
    )

    made = successor(partial, {"state": "explaining"})

    assert made.model_fields_set == partial.model_fields_set | {"state"}
    assert "state" not in partial.model_fields_set
    assert made.state == "explaining"
