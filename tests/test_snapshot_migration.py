"""Conversations stored by the release before agendas carry on after an upgrade, in every store.

``tests/data/snapshots-v1.json`` holds four conversations exactly as that release wrote them (one
snapshot and one turn per message): offering alternatives, asking for a fact, waiting for a person, and
in follow-up. Each is written into a store byte for byte, then a freshly opened store and service,
as after a restart, load it and take the customer's next message.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from flow import Engine, load_policy
from flow.models import SCHEMA_VERSION, Conversation, Turn
from flow.service import ConversationService, token_digest
from flow.stores import RedisStore, SqliteStore, Store
from tests.plugins.stores import delete_prefix

V1 = json.loads((Path(__file__).parent / "data" / "snapshots-v1.json").read_text())
AT = datetime(2026, 11, 24, 11, 35, tzinfo=UTC)
TOKEN = "a-token-from-before-the-upgrade"


class AsWritten:
    """A model that a store writes as the older release's exact JSON."""

    def __init__(self, model: Conversation | Turn, raw: dict[str, Any]) -> None:
        self._model = model
        self._raw = json.dumps(raw)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._model, name)

    def model_dump_json(self, **_: Any) -> str:
        return self._raw


def write_as_v1(store: Store, steps: list[dict[str, Any]]) -> None:
    """Store one conversation's history the way the older release saved it."""
    for index, step in enumerate(steps):
        snapshot = AsWritten(Conversation.model_validate(step["snapshot"]), step["snapshot"])
        turn = AsWritten(Turn.model_validate(step["turn"]), step["turn"])
        if index == 0:
            store.create(snapshot, turn, token_digest=token_digest(TOKEN))  # type: ignore[arg-type]
        else:
            store.save(snapshot, turn, expected_version=index)  # type: ignore[arg-type]


@pytest.fixture(params=["sqlite", pytest.param("redis", marks=pytest.mark.redis)])
def reopen(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[], Store]]:
    """Opens the same stored data again, as a restarted server would."""
    opened: list[Store] = []
    prefix = f"test:{uuid.uuid4().hex}:"

    def open_store() -> Store:
        if request.param == "sqlite":
            store: Store = SqliteStore(tmp_path / "tactful.db")
        else:
            store = RedisStore(request.getfixturevalue("redis_url"), prefix=prefix)
        opened.append(store)
        return store

    yield open_store
    for store in opened:
        store.close()
    if request.param == "redis":
        delete_prefix(request.getfixturevalue("redis_url"), prefix)


def upgraded(reopen: Callable[[], Store], name: str) -> ConversationService:
    """A service on a fresh store holding conversation ``name`` as the older release left it."""
    write_as_v1(reopen(), V1[name])
    return ConversationService(Engine(load_policy("retail"), clock=lambda: AT), reopen())


def test_a_conversation_offering_alternatives_takes_the_customers_choice(reopen: Callable[[], Store]) -> None:
    service = upgraded(reopen, "offering")

    conversation, turn = service.reply("v1-offering", token=TOKEN, text="the store credit please")

    assert turn.state == "follow_up"
    assert "store credit" in turn.text
    assert conversation.outcome == "alternative_accepted"
    assert [(item.name, item.status) for item in conversation.agenda] == [("refund", "alternative_accepted")]
    assert conversation.facts["customer_name"] == "Priya"


def test_a_conversation_asking_for_a_fact_takes_the_answer(reopen: Callable[[], Store]) -> None:
    service = upgraded(reopen, "asking_fact")

    conversation, turn = service.reply("v1-asking_fact", token=TOKEN, text="It's A-4417")

    assert conversation.facts["order_id"] == "A-4417"
    assert conversation.pending_fact == "days_since_purchase"
    assert turn.state == "listening"


def test_an_escalated_conversation_waits_at_the_desk(reopen: Callable[[], Store]) -> None:
    service = upgraded(reopen, "escalated")

    waiting = service.store.load("v1-escalated")
    conversation, turn = service.reply("v1-escalated", token=TOKEN, text="ok, I'll wait")

    assert waiting.at_the_desk
    assert waiting.waiting_since == waiting.updated_at
    assert turn.state == "escalated"
    assert conversation.escalation_reason == "asked_for_person"


def test_a_conversation_in_follow_up_closes_on_thanks(reopen: Callable[[], Store]) -> None:
    service = upgraded(reopen, "follow_up")

    conversation, turn = service.reply("v1-follow_up", token=TOKEN, text="no that's everything, thanks")

    assert conversation.closed
    assert conversation.outcome == "alternative_accepted"
    assert turn.number == len(V1["follow_up"]) + 1


@pytest.mark.parametrize("name", sorted(V1))
def test_the_next_save_writes_the_current_layout_and_keeps_the_old_turns(
    reopen: Callable[[], Store], name: str
) -> None:
    service = upgraded(reopen, name)

    service.reply(f"v1-{name}", token=TOKEN, text="thanks")
    store = reopen()
    stored = store.load(f"v1-{name}")
    transcript = store.transcript(f"v1-{name}")

    assert stored.schema_version == SCHEMA_VERSION
    assert stored.agenda[0].name == "refund"
    assert [turn.text for turn in transcript[: len(V1[name])]] == [step["turn"]["text"] for step in V1[name]]
    assert len(transcript) == len(V1[name]) + 1
