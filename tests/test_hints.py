"""A hint about a fact given in the wrong form always asks for it again, whichever wording is used."""

from __future__ import annotations

from flow import Engine, load_policy


def test_every_wording_of_the_order_number_hint_asks_for_the_number_again() -> None:
    engine = Engine(load_policy("retail"))
    replies = set()
    for n in range(40):
        _, turn = engine.start(
            message="I do not want this item, help to cancel order 732201349959", conversation_id=f"hint-{n}"
        )
        replies.add(turn.messages[-1])

    assert len(replies) >= 3, replies
    for reply in replies:
        assert "a letter, a dash and four digits" in reply
        assert "?" in reply, reply
