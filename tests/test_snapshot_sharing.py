"""Snapshots that share names, values and their field keys still hold their own values, one at a time."""

from __future__ import annotations

import pytest

from flow import Engine, sharing
from flow.models import Conversation, successor
from tests.plugins.engines import DANA


@pytest.fixture
def offering(engine: Engine) -> Conversation:
    """A conversation offering alternatives, with facts, an agenda, quick replies and sentences said."""
    conversation, _ = engine.start(facts=DANA, message="I want a refund")
    assert conversation.state == "offering_alternatives"
    return conversation


def test_a_loaded_snapshot_equals_the_one_written_and_writes_the_same_json(offering: Conversation) -> None:
    written = offering.model_dump_json()

    loaded = Conversation.model_validate_json(written)

    assert loaded == offering
    assert loaded.model_dump_json() == written
    assert list(loaded.__dict__) == list(Conversation.model_fields)


def test_snapshots_loaded_from_one_text_share_names_and_hashes_but_not_containers(offering: Conversation) -> None:
    written = offering.model_dump_json()
    one, other = Conversation.model_validate_json(written), Conversation.model_validate_json(written)

    assert [id(name) for name in one.facts] == [id(name) for name in other.facts]
    assert [id(value) for value in one.said] == [id(value) for value in other.said]
    assert one.agenda[0].offered is other.agenda[0].offered
    assert one.facts is not other.facts
    assert one.said is not other.said
    assert one.agenda[0] is not other.agenda[0]
    assert one.quick_replies is not other.quick_replies


def test_changing_one_loaded_snapshot_leaves_another_as_it_was(offering: Conversation) -> None:
    written = offering.model_dump_json()
    changed, kept = Conversation.model_validate_json(written), Conversation.model_validate_json(written)

    changed.facts["order_id"] = "B-9999"
    changed.said.append(12345)
    changed.quick_replies.append("ask_human")
    changed.agenda[0].facts["condition"] = "faulty"
    changed.agenda[0].offered = ()
    changed.customer_stated["order_id"] = ["B-9999"]
    changed.person = "Sam"

    assert kept.model_dump_json() == written
    assert changed.model_dump_json() != written
    assert changed.person == "Sam"
    assert Conversation.model_validate_json(written).model_dump_json() == written


def test_the_engine_carries_on_from_a_loaded_snapshot_as_from_its_own(engine: Engine, offering: Conversation) -> None:
    loaded = Conversation.model_validate_json(offering.model_dump_json())

    own_next, own_turn = engine.reply(offering, "the store credit is fine")
    loaded_next, loaded_turn = engine.reply(loaded, "the store credit is fine")

    assert loaded_next.model_dump_json() == own_next.model_dump_json()
    assert loaded_turn.model_dump_json() == own_turn.model_dump_json()
    assert offering.model_dump_json() == loaded.model_dump_json()


def test_the_next_snapshot_holds_what_was_said_in_a_list_of_its_own(offering: Conversation) -> None:
    said = [*offering.said, 4242, 4242 + sharing.SLOTS]

    made = successor(offering, {"said": said, "version": offering.version + 1})

    assert made.said == said
    assert made.said is not said
    assert made.said is not offering.said
    assert offering.said == said[:-2]


def test_shared_values_are_equal_and_of_the_same_type() -> None:
    hashes = [7, True, 7 + sharing.SLOTS, 7, False, 0]
    long_text = "x" * (sharing.LONGEST_TEXT + 1)

    assert sharing.numbers(list(hashes)) == hashes
    assert [type(value) for value in sharing.numbers(list(hashes))] == [int, bool, int, int, bool, int]
    assert sharing.text(long_text) is long_text
    assert sharing.text("".join(["fau", "lty"])) is sharing.text("".join(["faul", "ty"]))
    assert sharing.names(("exchange", "store_credit")) == ("exchange", "store_credit")
    assert sharing.names(()) == ()


def test_a_field_dict_equals_its_values_and_leaves_the_keys_table_as_it_was() -> None:
    table = sharing.key_table(["a", "b"])
    values = {"a": 1, "b": [2]}

    made = sharing.field_dict(values, table)
    made["a"] = 3

    assert made == {"a": 3, "b": [2]}
    assert list(made) == ["a", "b"]
    assert table == {"a": None, "b": None}
    assert values == {"a": 1, "b": [2]}
