"""Agent keys as a setting of their own: read from the environment, and refused when weak or shared."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from flow.server.settings import ServerSettings


def test_agent_keys_come_from_the_environment_as_name_key_pairs() -> None:
    settings = ServerSettings.from_env({"TACTFUL_AGENT_KEYS": "Alex Kim:alex-key-0123456789, Sam:sam-key-0123456789"})

    assert {name: key.get_secret_value() for name, key in settings.agent_keys.items()} == {
        "Alex Kim": "alex-key-0123456789",
        "Sam": "sam-key-0123456789",
    }


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("Alex:short", "shorter than 16 characters"),
        ("Alex:same-key-0123456789,Sam:same-key-0123456789", "two agents share a key"),
        ("no-colon-here-0123456789", "not given as NAME:KEY"),
        ("Alex:alex-key-0123456789,Alex:other-key-0123456789", "agent 'Alex' is given twice"),
    ],
    ids=["short", "shared", "no name", "twice"],
)
def test_weak_or_malformed_agent_keys_are_refused(value: str, problem: str) -> None:
    with pytest.raises((ValidationError, ValueError), match=problem):
        ServerSettings.from_env({"TACTFUL_AGENT_KEYS": value})


def test_a_redis_store_is_also_where_servers_share_pushed_messages() -> None:
    assert ServerSettings(store_url="redis://cache:6379/2?ttl_closed=60").shared_pubsub_url == "redis://cache:6379/2"
    assert ServerSettings(store_url="sqlite:///x.db").shared_pubsub_url is None
    assert ServerSettings(store_url="sqlite:///x.db", pubsub_url="redis://bus/0").shared_pubsub_url == "redis://bus/0"
